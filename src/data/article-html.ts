import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { globSync } from 'tinyglobby';
import { contentCacheDir } from '../lib/content/content-root';
import type { BodyMetadata, BodyRequest } from '../lib/markdown/render';
import { workerPool, type WorkerPool } from './worker-pool';

/**
 * Rendered article bodies live in the content cache as `<digest>.html`, one file
 * per version of an article, not in Astro's data store: the store is handed to
 * the page build as one serialised module, bundled by Vite and loaded whole by
 * the page build: its size costs build time and memory at every step.
 */
export function articleHtmlDir(projectRoot: string): string {
  return join(projectRoot, contentCacheDir(projectRoot), 'article-html');
}

/** The HTML file of one version (content digest) of an article. */
export function articleHtmlFile(dir: string, digest: string): string {
  return join(dir, articleHtmlName(digest));
}

/** The name of a rendered body's file in the content cache. */
export function articleHtmlName(digest: string): string {
  return `${digest}.html`;
}

/**
 * A digest of everything a rendered body depends on besides the article: the
 * site's own code and settings and the locked package versions. When it
 * changes, every cached body is rendered again.
 */
export function pipelineDigest(projectRoot: string): string {
  const hash = createHash('sha256');
  const files = globSync(
    ['src/lib/**', 'src/content/**', 'src/i18n/**', 'src/site.config.ts', 'astro.config.mjs', 'package-lock.json'],
    {
      cwd: projectRoot,
    },
  ).sort();
  for (const file of files)
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(join(projectRoot, file)))
      .update('\0');
  return hash.digest('hex');
}

/** Renders article bodies on worker threads, one per core. */
export type BodyRenderer = WorkerPool<BodyRequest, BodyMetadata>;

export function bodyRenderer(cacheDir: string): BodyRenderer {
  return workerPool(
    fileURLToPath(new URL('../lib/markdown/worker.ts', import.meta.url)),
    join(cacheDir, 'article-renderer.mjs'),
  );
}
