import { spawn } from 'node:child_process';
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
export async function runCli(
  name: 'new' | 'import' | 'check',
  args: readonly string[] = [],
  env: NodeJS.ProcessEnv = {},
): Promise<CliResult> {
  const { BANTIN_CONTENT_DIR: _root, ...inherited } = userEnv();
  // Not spawnSync: a test runner blocked for a minute loses its own messages.
  const child = spawn(
    process.execPath,
    [join(projectRoot, 'node_modules/tsx/dist/cli.mjs'), `src/cli/${name}.ts`, ...args],
    {
      cwd: projectRoot,
      env: { ...inherited, NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
  const status = await new Promise<number | null>((done) => child.on('close', (code) => done(code)));
  clearTimeout(timer);
  const lines = `${stdout}\n${stderr}`.split('\n').filter((line) => line.trim() !== '');
  return { status, stdout, stderr, lines };
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
