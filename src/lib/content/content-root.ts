import { createHash } from 'node:crypto';
import { isAbsolute, join, resolve } from 'node:path';

/**
 * The content root, the folder holding `articles/`: `BANTIN_CONTENT_DIR`
 * (absolute, or relative to the project) or `content`.
 */
export function contentRoot(projectRoot: string, env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.BANTIN_CONTENT_DIR?.trim() || 'content';
  return isAbsolute(configured) ? configured : resolve(projectRoot, configured);
}

/** The folder of articles inside a content root. */
export function articlesDir(root: string): string {
  return join(root, 'articles');
}

/** The folder of standing pages inside a content root. */
export function pagesDir(root: string): string {
  return join(root, 'pages');
}

/**
 * Astro's cache folder for a content root, relative to the project: fixture
 * sites and benchmarks must not share one content cache.
 */
export function contentCacheDir(projectRoot: string, env: NodeJS.ProcessEnv = process.env): string {
  const key = createHash('sha256').update(contentRoot(projectRoot, env)).digest('hex').slice(0, 12);
  return `node_modules/.astro/content-${key}`;
}
