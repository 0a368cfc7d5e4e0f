import { relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { articlesDir, contentRoot } from '../lib/content/content-root';
import { isInside } from '../content/source';
import { watcherPolls } from '../content/articles-watcher';

/**
 * What the preview's file watcher leaves alone: built sites (a previous build of 10,000 stories
 * is some 20,000 folders, enough to run the watcher out of file handles, with the build's staging,
 * old and server folders beside it), and the benchmark's and tests' scratch folders, which hold
 * whole sites, content and Hugo copies of them, except the content root the preview shows.
 * Watching them cost the preview a walk of every file at start (13 s of a 30 s start at 10,000
 * stories with one benchmark run kept) and a watch on each. The articles folder is left to the
 * loader's own watcher (one watch per folder, see `watchArticles`), which tells this one of its
 * photos and attachments; when the watcher `polls`, only it can see the stories change, and it
 * watches them too (the loader then listens to it).
 */
export function previewIgnored(
  projectRoot: string,
  env: NodeJS.ProcessEnv = process.env,
  polls = false,
): (path: string) => boolean {
  const shown = contentRoot(projectRoot, env);
  const scratch = ['bench/.work', 'tests/.tmp'].map((dir) => resolve(projectRoot, dir));
  // Asked of every file the watcher finds, several times each: settled by a prefix where it can be.
  const rootPrefix = shown.endsWith(sep) ? shown : shown + sep;
  const articles = articlesDir(shown);
  const articlesPrefix = articles + sep;
  return (path) => {
    if (!polls && (path === articles || path.startsWith(articlesPrefix))) return true;
    // The rest of the content root shown is watched whatever its folders are called, and wherever it is.
    if (path.startsWith(rootPrefix) || isInside(shown, path) || !isInside(projectRoot, path)) return false;
    if (relative(projectRoot, path).split(sep).some(isBuiltSite)) return true;
    return scratch.some((dir) => path !== dir && isInside(dir, path)) && !isInside(path, shown);
  };
}

/** A built site's folder: `dist/`, the server configurations, a build's staging and the site it replaced. */
function isBuiltSite(name: string): boolean {
  return (
    name === 'dist' || name === 'dist-server' || name.startsWith('.dist-staging-') || name.startsWith('.dist-old-')
  );
}

/** The integration that gives the preview's watcher `previewIgnored`. */
export function previewWatch(): AstroIntegration {
  return {
    name: 'ban-tin-preview-watch',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig }) => {
        if (command !== 'dev') return;
        const polls = watcherPolls(config.vite?.server?.watch?.usePolling);
        const ignored = previewIgnored(fileURLToPath(config.root), process.env, polls);
        updateConfig({ vite: { server: { watch: { ignored: [ignored] } } } });
      },
    },
  };
}
