import { join } from 'node:path';
import { contentCacheDir } from '../lib/content/content-root';
import type { ShareImageInput, ShareImageStats } from '../lib/discovery/share-image';
import { processSlot } from './process-slot';
import { workerPool, type WorkerPool } from './worker-pool';

/**
 * The worker threads that draw share images in a build, one per core: satori and sharp take
 * about 40 ms an image, and drawn one at a time on the main thread they were half the cold build
 * of a thousand stories. One pool per process, shared by the page build (which runs the route) and
 * the integration that closes it once every page is written.
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

/** The running totals of this process's share images: counted by the page build, logged once it is done. */
export function shareImageStats(): ShareImageStats {
  const totals = stats.get() ?? { drawn: 0, cached: 0, drawMs: 0 };
  stats.set(totals);
  return totals;
}
