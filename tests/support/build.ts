import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';

/** The project root. */
export const projectRoot = resolve(import.meta.dirname, '../..');

/** Scratch space for built sites; ignored by git. */
export const tmpRoot = join(projectRoot, 'tests/.tmp');

/** A finished `npm run build`. */
export interface BuildResult {
  status: number | null;
  /** stdout and stderr together, colour codes removed. */
  output: string;
  outDir: string;
}

/** The command `npm run build` runs (`src/cli/build.ts`), as executable and arguments, building into `outDir`. */
export function buildCommand(outDir: string): [command: string, args: string[]] {
  return [process.execPath, ['--import', 'tsx', join(projectRoot, 'src/cli/build.ts'), '--outDir', outDir]];
}

/**
 * The environment of a command a test starts, as a user's shell would give it: without what the
 * test runner adds (NODE_ENV=test, MODE=test, DEV=1…), which Vite and Astro would read as their own.
 */
export function userEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(env).filter(([name]) => !/^(NODE_ENV|TEST|VITEST.*|MODE|DEV|PROD|SSR|BASE_URL)$/.test(name)),
  );
}

/** The environment of a build of a content root: the test runner's, without its NODE_ENV=test. */
export function buildEnv(contentDir: string, env: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    ...userEnv(),
    ASTRO_TELEMETRY_DISABLED: '1',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    BANTIN_CONTENT_DIR: contentDir,
    ...env,
  };
}

/** Build output without terminal colour codes. */
export function plainOutput(stdout: string, stderr: string): string {
  // eslint-disable-next-line no-control-regex -- terminal colour codes start with ESC
  return `${stdout}\n${stderr}`.replace(/\u001b\[[0-9;]*m/g, '');
}

/**
 * Builds the site from a content root (a folder holding `articles/`) into
 * `tests/.tmp/<name>` through the same command as `npm run build`, but for that root.
 */
export function buildSite(
  contentDir: string,
  name: string,
  env: NodeJS.ProcessEnv = {},
  { keepOutDir = false }: { keepOutDir?: boolean } = {},
): BuildResult {
  const outDir = join(tmpRoot, name);
  if (!keepOutDir) rmSync(outDir, { recursive: true, force: true });
  const [command, args] = buildCommand(outDir);
  const result = spawnSync(command, args, {
    cwd: projectRoot,
    encoding: 'utf8',
    env: buildEnv(contentDir, env),
    timeout: 300_000,
  });
  return { status: result.status, output: plainOutput(result.stdout, result.stderr), outDir };
}

/**
 * `buildSite` without blocking the test runner while Astro works (a test runner
 * blocked for over a minute loses its own messages).
 */
export function buildSiteAsync(
  contentDir: string,
  name: string,
  env: NodeJS.ProcessEnv = {},
  { keepOutDir = false }: { keepOutDir?: boolean } = {},
): Promise<BuildResult> {
  const outDir = join(tmpRoot, name);
  if (!keepOutDir) rmSync(outDir, { recursive: true, force: true });
  const [command, args] = buildCommand(outDir);
  const build = spawn(command, args, { cwd: projectRoot, env: buildEnv(contentDir, env) });
  let stdout = '';
  let stderr = '';
  build.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  build.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((done, fail) => {
    build.on('error', fail);
    build.on('close', (status) => done({ status, output: plainOutput(stdout, stderr), outDir }));
  });
}

/** The built fixture site: `tests/fixtures/site`. */
export const fixtureSiteDir = join(projectRoot, 'tests/fixtures/site');

/** Where the shared fixture build lands (made once by the global setup). */
export const fixtureOutDir = join(tmpRoot, 'site');

/** Reads a built page by its URL path (`/bai-viet/x/` → `bai-viet/x/index.html`). */
export function readPage(outDir: string, urlPath: string): string {
  const file = urlPath.endsWith('/') ? join(outDir, urlPath, 'index.html') : join(outDir, urlPath);
  return readFileSync(file, 'utf8');
}

/** Parses a built page into a DOM. */
export function page(outDir: string, urlPath: string): HTMLElement {
  return parse(readPage(outDir, urlPath));
}

/** True when a built page exists at that URL path. */
export function pageExists(outDir: string, urlPath: string): boolean {
  const file = urlPath.endsWith('/') ? join(outDir, urlPath, 'index.html') : join(outDir, urlPath);
  return existsSync(file);
}

/** Trimmed, space-squeezed text of an element. */
export function textOf(element: HTMLElement | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
