import { existsSync, readdirSync, renameSync } from 'node:fs';
import { basename, dirname, join, sep } from 'node:path';

/** The folders one build touches: the output folder, its `-server` sibling, and their temporary twins. */
export interface OutputFolders {
  /** The published site (`dist/`). */
  outDir: string;
  /** Server configuration files written beside it (`dist-server/`), when the build writes any. */
  serverDir: string;
  /** Where the build writes the new site, beside `outDir` so that a rename can publish it. */
  staging: string;
  /** The server files of the staged build (`<staging>-server`). */
  stagingServer: string;
  /** Where the previous site waits for deletion once replaced. */
  old: string;
  /** Where the previous server files wait for deletion. */
  oldServer: string;
}

/** Temporary folders are hidden siblings of the output folder named `.<name>-staging-<pid>` and `.<name>-old-<pid>`. */
const TEMPORARY = /^\.(.+)-(staging|old)-(\d+)(-server)?$/;

/** The folders of a build of `outDir` run by process `pid`. */
export function outputFolders(outDir: string, pid: number): OutputFolders {
  const parent = dirname(outDir);
  const name = basename(outDir);
  const staging = join(parent, `.${name}-staging-${pid}`);
  const old = join(parent, `.${name}-old-${pid}`);
  return {
    outDir,
    serverDir: `${outDir}-server`,
    staging,
    stagingServer: `${staging}-server`,
    old,
    oldServer: `${old}-server`,
  };
}

/**
 * Temporary folders an earlier build of `outDir` left behind: every old copy,
 * and staging folders whose build process (`isRunning(pid)`) is gone.
 */
export function leftovers(outDir: string, isRunning: (pid: number) => boolean): string[] {
  const parent = dirname(outDir);
  if (!existsSync(parent)) return [];
  return readdirSync(parent)
    .filter((entry) => {
      const match = TEMPORARY.exec(entry);
      if (!match || match[1] !== basename(outDir)) return false;
      return match[2] === 'old' || !isRunning(Number(match[3]));
    })
    .sort()
    .map((entry) => join(parent, entry));
}

/**
 * What a static site must never hold: Astro's server bundle (`chunks/`,
 * `pages/*.mjs`, `manifest_*`, any `.mjs` outside the browser's `_astro/` and
 * Pagefind's `pagefind/`), which carries the data store with every draft.
 * Takes the site's files relative to its root, `/`-separated; gives the offenders, sorted.
 */
export function serverBundleFiles(files: readonly string[]): string[] {
  return files
    .filter((file) => {
      const [top] = file.split('/');
      const name = file.slice(file.lastIndexOf('/') + 1);
      if (top === 'chunks' || name.startsWith('manifest_')) return true;
      return name.endsWith('.mjs') && top !== '_astro' && top !== 'pagefind';
    })
    .sort();
}

/** Every file and folder below `dir`, relative to it with `/` separators. */
export function filesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((file) => file.split(sep).join('/'));
}

/** A rename to undo if a later step fails. */
type Move = [from: string, to: string];

/**
 * Publishes a staged build: the previous `outDir` (and `-server` folder, when
 * the new build has one) become the `old` folders, the staged ones take their
 * place; a `.git` folder in `outDir` moves into the new site. Renames only, on
 * one file system: readers see the old site or the new one, never half of
 * each. If any rename fails, the ones done are undone and the error is thrown,
 * leaving the previous site where it was.
 */
export function swapIn(folders: OutputFolders): void {
  const withServer = existsSync(folders.stagingServer);
  // [from, to, needed]: a move whose source may be missing (a first build, no `.git`) is skipped.
  const planned: [...Move, boolean][] = [
    // A site published with git keeps its repository: Astro never empties `.git` either.
    [join(folders.outDir, '.git'), join(folders.staging, '.git'), false],
    [folders.outDir, folders.old, false],
    ...(withServer ? [[folders.serverDir, folders.oldServer, false] as [...Move, boolean]] : []),
    [folders.staging, folders.outDir, true],
    ...(withServer ? [[folders.stagingServer, folders.serverDir, true] as [...Move, boolean]] : []),
  ];
  const done: Move[] = [];
  try {
    for (const [from, to, needed] of planned) {
      if (!needed && !existsSync(from)) continue;
      renameSync(from, to);
      done.push([from, to]);
    }
  } catch (error) {
    for (const [from, to] of done.reverse()) renameSync(to, from);
    throw error;
  }
}
