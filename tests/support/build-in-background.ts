import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildSite, projectRoot, type BuildResult } from './build';

/**
 * `buildSite`, run by another Node process, so that a browser test's own process keeps
 * answering (its runner, its open pages) while Astro works. Same arguments, same result.
 */
export async function buildSiteInBackground(
  contentDir: string,
  name: string,
  env: NodeJS.ProcessEnv = {},
): Promise<BuildResult> {
  const child = spawn(
    process.execPath,
    [join(projectRoot, 'node_modules/tsx/dist/cli.mjs'), pathToFileURL(import.meta.filename).pathname],
    { cwd: projectRoot, env: { ...process.env, BAN_TIN_BUILD_ARGS: JSON.stringify([contentDir, name, env]) } },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (status !== 0) throw new Error(`the background build did not run:\n${stderr}`);
  return JSON.parse(stdout) as BuildResult;
}

// Run as a script: build, and hand the result back on stdout.
const args = process.env.BAN_TIN_BUILD_ARGS;
if (args !== undefined && process.argv[1] === import.meta.filename) {
  const [contentDir, name, env] = JSON.parse(args) as [string, string, NodeJS.ProcessEnv];
  process.stdout.write(JSON.stringify(buildSite(contentDir, name, env)));
}
