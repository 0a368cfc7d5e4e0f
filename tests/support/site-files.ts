import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { projectRoot } from './build';

/** Every file of a built site, relative to it with `/` separators, sorted. */
export function siteFiles(outDir: string, dir = outDir): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const full = join(dir, name);
      return statSync(full).isDirectory() ? siteFiles(outDir, full) : [relative(outDir, full).split(sep).join('/')];
    })
    .sort();
}

/** The URL path a built HTML file is served at (`a/index.html` → `/a/`, `404.html` → `/404.html`). */
export function urlPathOf(file: string): string {
  const path = `/${file}`;
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

/**
 * True for the web editor's files (`quan-tri/`): an application with its own policy and
 * script, not a page of the site, checked by tests/build/admin.test.ts and tests/e2e/admin.test.ts.
 */
export function isWebEditorFile(file: string): boolean {
  return file.startsWith('quan-tri/');
}

/** Every HTML page of a built site as URL paths, sorted (the web editor is not one). */
export function sitePages(outDir: string): string[] {
  return siteFiles(outDir)
    .filter((file) => file.endsWith('.html') && !isWebEditorFile(file))
    .map(urlPathOf)
    .sort();
}

interface Route {
  /** The page file under `src/pages`, e.g. `bai-viet/[slug]/ban-in.astro`. */
  name: string;
  pattern: RegExp;
  /** Fixed segments: the more, the more specific (Astro's own priority rule). */
  fixed: number;
}

const PAGE_FILE = /\.(astro|md|mdx|html)$/;

/** The page routes of `src/pages`, most specific first: read from the files, so new routes count. */
function pageRoutes(): Route[] {
  const pagesDir = join(projectRoot, 'src/pages');
  const files = siteFiles(pagesDir).filter((file) => PAGE_FILE.test(file));
  return files
    .map((name) => {
      const segments = name.replace(PAGE_FILE, '').split('/');
      if (segments.at(-1) === 'index') segments.pop();
      if (segments.length === 1 && segments[0] === '404') {
        return { name, pattern: /^\/404\.html$/, fixed: 99 };
      }
      const source = segments
        .map((segment) => {
          if (/^\[\.\.\.[^\]]+\]$/.test(segment)) return '(?:[^/]+/)*';
          return `${segment.replace(/\[[^\]]+\]/g, '[^/]+').replace(/[.]/g, '\\.')}/`;
        })
        .join('');
      const fixed = segments.filter((segment) => !segment.includes('[')).length;
      return { name, pattern: new RegExp(`^/${source}$`), fixed };
    })
    .sort((a, b) => b.fixed - a.fixed || a.name.localeCompare(b.name));
}

/** The route (page file under `src/pages`) that built a URL path; a page no route explains is its own group. */
export function routeOf(urlPath: string, routes = pageRoutes()): string {
  return routes.find((route) => route.pattern.test(urlPath))?.name ?? `(no route) ${urlPath}`;
}

/** The built pages grouped by the route that made them, each group sorted. */
export function pagesByRoute(outDir: string): Map<string, string[]> {
  const routes = pageRoutes();
  const groups = new Map<string, string[]>();
  for (const path of sitePages(outDir)) {
    const route = routeOf(path, routes);
    groups.set(route, [...(groups.get(route) ?? []), path]);
  }
  return new Map([...groups].sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * A few pages of every page type: the first and last page of each route, so
 * that a paginated route shows both its first page and a later one.
 */
export function samplePages(outDir: string): { route: string; path: string }[] {
  return [...pagesByRoute(outDir)].flatMap(([route, paths]) =>
    [...new Set([paths[0]!, paths.at(-1)!])].map((path) => ({ route, path })),
  );
}
