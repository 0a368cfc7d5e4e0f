import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Where previous builds wait for deletion, inside Astro's cache folder. */
const RECYCLE_DIR = 'previous-builds';

/** Deletes folders in a separate process, so that the build's own thread never waits for it. */
function removeInBackground(folders: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const remover = spawn(
      process.execPath,
      [
        '-e',
        'for (const dir of process.argv.slice(1)) require("fs").rmSync(dir, { recursive: true, force: true })',
        ...folders,
      ],
      { stdio: 'inherit' },
    );
    remover.on('error', reject);
    remover.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`could not delete the previous build (${folders.join(', ')})`)),
    );
  });
}

/**
 * Astro empties the output folder before building, one file at a time: seconds
 * for a site of tens of thousands of pages, on every rebuild. This moves the
 * previous build aside at once (a rename) and deletes it in another process
 * while the new one is built; the build ends only once it is gone. Where the
 * rename cannot be done (another file system, a `.git` folder that Astro keeps),
 * Astro empties the folder itself as usual.
 */
export function previousBuild(): AstroIntegration {
  let outDir = '';
  let recycleDir = '';
  let removal: Promise<void> | undefined;
  return {
    name: 'ban-tin-previous-build',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        recycleDir = join(fileURLToPath(config.cacheDir), RECYCLE_DIR);
      },
      'astro:build:start': ({ logger }) => {
        mkdirSync(recycleDir, { recursive: true });
        if (existsSync(outDir) && !existsSync(join(outDir, '.git'))) {
          try {
            renameSync(outDir, join(recycleDir, `${process.pid}-${Date.now()}`));
          } catch (error) {
            logger.debug(`Previous build left for Astro to empty: ${(error as Error).message}`);
          }
        }
        // Also whatever an interrupted build left behind.
        const waiting = readdirSync(recycleDir).map((name) => join(recycleDir, name));
        if (waiting.length > 0) removal = removeInBackground(waiting);
      },
      'astro:build:done': async () => {
        await removal;
      },
    },
  };
}
