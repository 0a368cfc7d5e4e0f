import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { projectRoot, tmpRoot, userEnv } from '../support/build';

/** What a finished command printed and returned. */
export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr, split into lines. */
  lines: string[];
}

/**
 * Runs an editor command (`src/cli/<name>.ts`) the way `npm run <name>` does:
 * with tsx, from the project folder, with `env` added (e.g. BANTIN_CONTENT_DIR).
 */
export function runCli(
  name: 'new' | 'import' | 'check',
  args: readonly string[] = [],
  env: NodeJS.ProcessEnv = {},
): CliResult {
  const { BANTIN_CONTENT_DIR: _root, ...inherited } = userEnv();
  const result = spawnSync(
    process.execPath,
    [join(projectRoot, 'node_modules/tsx/dist/cli.mjs'), `src/cli/${name}.ts`, ...args],
    {
      cwd: projectRoot,
      encoding: 'utf8',
      env: { ...inherited, NO_COLOR: '1', ...env },
      timeout: 120_000,
    },
  );
  const lines = `${result.stdout}\n${result.stderr}`.split('\n').filter((line) => line.trim() !== '');
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, lines };
}

/** An empty scratch folder `tests/.tmp/cli/<name>` (inside the project, so messages name it relatively). */
export function scratch(name: string): string {
  const dir = join(tmpRoot, 'cli', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** The scratch folder as the commands name it: relative to the project. */
export function shownScratch(name: string): string {
  return `tests/.tmp/cli/${name}`;
}

/** Writes files (path → text or bytes) below `root`. */
export function writeFiles(root: string, files: Record<string, string | Uint8Array>): void {
  for (const [path, contents] of Object.entries(files)) {
    const file = join(root, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, contents);
  }
}
