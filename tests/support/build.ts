import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';

/** The project root. */
export const projectRoot = resolve(import.meta.dirname, '../..');

/** Scratch space for built sites; ignored by git. */
export const tmpRoot = join(projectRoot, 'tests/.tmp');

/** A finished `astro build`. */
export interface BuildResult {
  status: number | null;
  /** stdout and stderr together, colour codes removed. */
  output: string;
  outDir: string;
}

/**
 * Builds the site from a content root (a folder holding `articles/`) into
 * `tests/.tmp/<name>`, exactly as `npm run build` does but for that root.
 */
export function buildSite(
  contentDir: string,
  name: string,
  env: NodeJS.ProcessEnv = {},
  { keepOutDir = false }: { keepOutDir?: boolean } = {},
): BuildResult {
  const outDir = join(tmpRoot, name);
  // The test runner's NODE_ENV=test must not leak into the build.
  const { NODE_ENV: _testMode, ...inherited } = process.env;
  if (!keepOutDir) rmSync(outDir, { recursive: true, force: true });
  const result = spawnSync(
    process.execPath,
    [join(projectRoot, 'node_modules/astro/astro.js'), 'build', '--outDir', outDir],
    {
      cwd: projectRoot,
      encoding: 'utf8',
      env: {
        ...inherited,
        ASTRO_TELEMETRY_DISABLED: '1',
        NO_COLOR: '1',
        FORCE_COLOR: '0',
        BANTIN_CONTENT_DIR: contentDir,
        ...env,
      },
      timeout: 300_000,
    },
  );
  // eslint-disable-next-line no-control-regex -- terminal colour codes start with ESC
  const output = `${result.stdout}\n${result.stderr}`.replace(/\u001b\[[0-9;]*m/g, '');
  return { status: result.status, output, outDir };
}

/**
 * `buildSite`, without blocking the test runner while Astro works: for tests that
 * build in their own hooks (a blocked worker misses the runner's messages for a minute or more).
 */
export async function buildSiteAsync(
  contentDir: string,
  name: string,
  env: NodeJS.ProcessEnv = {},
): Promise<BuildResult> {
  const outDir = join(tmpRoot, name);
  const { NODE_ENV: _testMode, ...inherited } = process.env;
  rmSync(outDir, { recursive: true, force: true });
  const child = spawn(
    process.execPath,
    [join(projectRoot, 'node_modules/astro/astro.js'), 'build', '--outDir', outDir],
    {
      cwd: projectRoot,
      env: {
        ...inherited,
        ASTRO_TELEMETRY_DISABLED: '1',
        NO_COLOR: '1',
        FORCE_COLOR: '0',
        BANTIN_CONTENT_DIR: contentDir,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const status = await new Promise<number | null>((resolve) => child.once('close', resolve));
  // eslint-disable-next-line no-control-regex -- terminal colour codes start with ESC
  return { status, output: output.replace(/\u001b\[[0-9;]*m/g, ''), outDir };
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
