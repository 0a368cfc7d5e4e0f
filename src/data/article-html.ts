import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import Piscina from 'piscina';
import { globSync } from 'tinyglobby';
import { contentCacheDir } from '../lib/content-root';
import type { BodyMetadata, BodyRequest } from '../lib/markdown/render';

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
  return join(dir, `${digest}.html`);
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

/**
 * The worker threads' code: the renderer and the site modules it uses, bundled
 * into one file in the cache folder (packages stay imports), so that threads
 * start on plain JavaScript whatever loads the TypeScript of the main one.
 */
async function bundleWorker(cacheDir: string): Promise<string> {
  const outfile = join(cacheDir, 'article-renderer.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('../lib/markdown/worker.ts', import.meta.url))],
    outfile,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'silent',
  });
  return outfile;
}

/** Renders article bodies on worker threads, one per core. */
export interface BodyRenderer {
  render(request: BodyRequest): Promise<BodyMetadata>;
  /** Ends the worker threads (a later `render` starts them again). */
  close(): Promise<void>;
}

export function bodyRenderer(cacheDir: string): BodyRenderer {
  let pool: Promise<Piscina<BodyRequest, BodyMetadata>> | undefined;
  const start = async () =>
    new Piscina<BodyRequest, BodyMetadata>({
      filename: await bundleWorker(cacheDir),
      maxThreads: availableParallelism(),
      // Idle threads end on their own: `npm run dev` renders one changed article at a time.
      idleTimeout: 5_000,
    });
  return {
    async render(request) {
      pool ??= start();
      return (await pool).run(request);
    },
    async close() {
      const running = pool;
      pool = undefined;
      await (await running)?.destroy();
    },
  };
}
