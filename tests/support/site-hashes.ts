import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { siteFiles } from './site-files';

/** Every file of a folder with the SHA-256 of its bytes, by path relative to it (`/` separators), sorted. */
export function fileHashes(dir: string): Record<string, string> {
  return Object.fromEntries(
    siteFiles(dir).map((file) => [
      file,
      createHash('sha256')
        .update(readFileSync(join(dir, file)))
        .digest('hex'),
    ]),
  );
}

/** The temporary folders a build of `outDir` keeps beside it while it runs (`.<name>-staging-<pid>`). */
export function stagingFolders(outDir: string): string[] {
  const parent = dirname(outDir);
  const name = basename(outDir);
  return existsSync(parent) ? readdirSync(parent).filter((entry) => entry.startsWith(`.${name}-staging-`)) : [];
}
