import { join } from 'node:path';
import { contentCacheDir } from '../lib/content/content-root';
import { formatDate } from '../lib/content/dates';
import { paths } from '../lib/discovery/paths';
import { cachedShareImageFile, type ShareImageInput, type ShareImageStats } from '../lib/discovery/share-image';
import { site, type CategorySlug } from '../site.config';
import { processSlot } from './process-slot';
import { workerPool, type WorkerPool } from './worker-pool';

/**
 * The worker threads that draw share images, one per core: satori and sharp take about 40 ms an
 * image. One pool per process, shared by whatever draws (the build's job below, the preview's
 * route) and the integration that closes it once the build is done.
 */
type SharePool = WorkerPool<ShareImageInput, Uint8Array>;

const slot = processSlot<SharePool>('share-image-pool');

export function sharePool(projectRoot = process.cwd()): SharePool {
  const pool =
    slot.get() ??
    workerPool<ShareImageInput, Uint8Array>(
      join(projectRoot, 'src/lib/discovery/share-image-worker.ts'),
      join(projectRoot, contentCacheDir(projectRoot), 'share-image-worker.mjs'),
    );
  slot.set(pool);
  return pool;
}

/** Ends the pool's threads, if it was started. */
export async function closeSharePool(): Promise<void> {
  const pool = slot.get();
  slot.set(undefined);
  await pool?.close();
}

const stats = processSlot<ShareImageStats>('share-image-stats');

/** The running totals of this process's share images: counted as they are drawn, logged once the build is done. */
export function shareImageStats(): ShareImageStats {
  const totals = stats.get() ?? { drawn: 0, cached: 0 };
  stats.set(totals);
  return totals;
}

/** Beside the content cache of this content root, so fixture sites and benchmarks keep their own. */
export const shareImageCacheDir = (projectRoot = process.cwd()) =>
  join(projectRoot, contentCacheDir(projectRoot), 'share-images');

/** What an article's share image shows. */
export function shareImageInput(article: { title: string; category: CategorySlug; date: Date }): ShareImageInput {
  return {
    title: article.title,
    category: site.categories[article.category],
    date: formatDate(article.date),
    siteName: site.name,
    emblem: site.emblem,
    colours: site.colours,
  };
}

/** A share image's place in the site and its file in the cache. */
export interface DrawnShareImage {
  path: string;
  file: string;
}

/** The build's share images: opened when the build starts, drawing once the articles are known. */
const job = processSlot<{ drawing?: Promise<DrawnShareImage[]>; seconds?: number }>('share-image-job');

/** Called when a build starts: the first `drawShareImages` of its page build then starts drawing. */
export function openShareImageJob(): void {
  job.set({});
}

/**
 * Starts drawing the share image of every article without a cover photo (one with a cover shares
 * its cover) on the worker threads, and returns at once: the images are drawn while the main
 * thread builds the pages, instead of the page build waiting for them. Does nothing outside a
 * build (the preview draws an image when it is asked for) or once the build's drawing started.
 */
export function drawShareImages(
  articles: readonly { slug: string; title: string; category: CategorySlug; date: Date; cover?: unknown }[],
): void {
  const open = job.get();
  if (!open || open.drawing) return;
  const pool = sharePool();
  const cacheDir = shareImageCacheDir();
  const started = performance.now();
  open.drawing = Promise.all(
    articles
      .filter((article) => !article.cover)
      .map(async (article) => ({
        path: paths.shareImage(article.slug),
        file: await cachedShareImageFile(
          shareImageInput(article),
          cacheDir,
          (input) => pool.run(input),
          shareImageStats(),
        ),
      })),
  ).finally(() => {
    open.seconds = (performance.now() - started) / 1000;
  });
  // Awaited, and its error reported, by `drawnShareImages`.
  open.drawing.catch(() => undefined);
}

/**
 * The build's share images once all are drawn (none if the page build never listed the articles),
 * and the seconds from the first to the last; ends the job.
 */
export async function drawnShareImages(): Promise<{ images: DrawnShareImage[]; seconds: number }> {
  const open = job.get();
  job.set(undefined);
  const images = (await open?.drawing) ?? [];
  return { images, seconds: open?.seconds ?? 0 };
}
