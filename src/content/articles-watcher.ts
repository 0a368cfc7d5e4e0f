import { readdirSync, realpathSync, statSync, watch, type FSWatcher } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { LoaderContext } from 'astro/loaders';
import { isInside, isStoryFileName } from './source';

/** What `watchArticles` and `followWatcher` return: a way to stop watching. */
export interface StoryWatch {
  close(): void;
}

/**
 * Whether the preview's file watcher polls, as Vite's watcher (chokidar) decides it: Vite's
 * `server.watch.usePolling`, overridden either way by `CHOKIDAR_USEPOLLING`. Polling is for folders
 * whose changes the system's file events never report: a Windows drive seen from WSL, a shared
 * network folder edited from another computer, some container volumes.
 */
export function watcherPolls(usePolling: boolean | undefined, env: NodeJS.ProcessEnv = process.env): boolean {
  const forced = env.CHOKIDAR_USEPOLLING?.toLowerCase();
  if (forced === undefined) return usePolling === true;
  return forced !== '' && forced !== 'false' && forced !== '0';
}

/** How long events are gathered before they are told: one save gives the system's watch two or three. */
const GATHER_MS = 40;

/**
 * Tells `onChange` which files and folders below `dir` (stories, photos, attachments) were saved,
 * added, deleted or renamed, a batch at a time; hidden ones are left alone. One watch per folder,
 * not per file: Vite's watcher (chokidar) reads every folder and watches every file on its own,
 * and adding 10,000 stories to it took about 2 s of every preview start (see `previewIgnored`).
 * Folders reached through a symbolic link are watched once, at their real path; a folder added
 * later is told, and watched from then on (the loader reads every story again on any change that
 * is not a story file's). The watches never keep the process alive.
 */
export function watchArticles(
  dir: string,
  contentRoot: string,
  onChange: (paths: ReadonlySet<string>) => void,
): StoryWatch {
  let realRoot: string;
  try {
    realRoot = realpathSync(contentRoot);
  } catch {
    realRoot = contentRoot;
  }
  /** The watch of each folder, by the path it was reached at, with the real path it stands for. */
  const folders = new Map<string, { watch: FSWatcher; real: string }>();
  const reals = new Set<string>();
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const tell = (path: string) => {
    pending.add(path);
    timer ??= setTimeout(() => {
      timer = undefined;
      const paths = pending;
      pending = new Set();
      if (!closed) onChange(paths);
    }, GATHER_MS);
  };

  const unwatch = (folder: string) => {
    const held = folders.get(folder);
    if (!held) return;
    held.watch.close();
    folders.delete(folder);
    reals.delete(held.real);
  };

  /** Watches `folder` and the folders below it, telling each when it is `told` (a folder added later). */
  const add = (folder: string, told = false) => {
    let real: string;
    try {
      real = realpathSync(folder);
    } catch {
      return;
    }
    // A link out of the content root is refused by the listing (`listStories`), and not read here.
    if (folders.has(folder) || reals.has(real) || !isInside(realRoot, real)) return;
    let held: FSWatcher;
    try {
      held = watch(folder, { persistent: false }, (_event, name) => changed(folder, name));
    } catch {
      return;
    }
    // A folder deleted or moved away: its stories go with it, told by its parent's watch.
    held.on('error', () => unwatch(folder));
    folders.set(folder, { watch: held, real });
    reals.add(real);
    if (told) tell(folder);
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      return;
    }
    for (const name of names) {
      if (name.startsWith('.') || isStoryFileName(name)) continue;
      const path = join(folder, name);
      if (isFolder(path)) add(path, told);
    }
  };

  const changed = (folder: string, name: string | Buffer | null) => {
    if (closed) return;
    // Without a name (some systems, when many events were dropped) the whole folder is told.
    if (name === null) {
      tell(folder);
      return;
    }
    const base = name.toString();
    // Hidden files and folders are no stories (an editor's temporary copy among them).
    if (base.startsWith('.')) return;
    const path = join(folder, base);
    tell(path);
    if (isStoryFileName(base)) return;
    if (folders.has(path) && !isFolder(path)) {
      for (const watched of [...folders.keys()]) if (watched === path || watched.startsWith(join(path, '/'))) unwatch(watched);
    } else if (!folders.has(path) && isFolder(path)) add(path, true);
  };

  add(dir);
  return {
    close: () => {
      closed = true;
      clearTimeout(timer);
      for (const folder of [...folders.keys()]) unwatch(folder);
    },
  };
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Tells `onChange` of each file and folder below `dir` that Vite's watcher saw added, changed or
 * deleted: the loader's watch when that watcher polls (`watcherPolls`), since the system's file
 * events `watchArticles` waits for never come there. Hidden files and folders are left alone, and
 * so is what the watcher is told while `quiet()` holds (the loader's own news to it).
 */
export function followWatcher(
  watcher: NonNullable<LoaderContext['watcher']>,
  dir: string,
  onChange: (paths: ReadonlySet<string>) => void,
  quiet: () => boolean,
): StoryWatch {
  const listener = (_event: string, path: string) => {
    if (quiet() || !isInside(dir, path)) return;
    if (relative(dir, path).split(sep).some((part) => part.startsWith('.'))) return;
    onChange(new Set([path]));
  };
  watcher.on('all', listener);
  return { close: () => watcher.off('all', listener) };
}
