import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { closeSharePool, drawnShareImages, openShareImageJob, shareImageStats } from '../data/share-image-pool';
import { paths } from '../lib/discovery/paths';

/**
 * Share images. A build draws them on worker threads while its main thread builds the pages (the
 * page build starts the drawing once it knows the articles, see `drawShareImages`), writes them
 * into the site once the pages are written, and reports what they cost. Drawn as an Astro route
 * they came before the other pages, with the main thread idle until the last was drawn and a core
 * idle after. The preview draws an image when it is asked for, by the route this adds.
 */
export function shareImages(): AstroIntegration {
  let seconds = 0;
  return {
    name: 'ban-tin-share-images',
    hooks: {
      'astro:config:setup': ({ command, injectRoute }) => {
        if (command !== 'dev') return;
        injectRoute({
          pattern: paths.shareImage('[slug]'),
          entrypoint: fileURLToPath(new URL('../routes/share-image.png.ts', import.meta.url)),
        });
      },
      'astro:build:start': () => {
        openShareImageJob();
      },
      'astro:build:generated': async ({ dir }) => {
        const outDir = fileURLToPath(dir);
        const drawn = await drawnShareImages();
        for (const { path, file } of drawn.images) copyFileSync(file, join(outDir, path));
        seconds = drawn.seconds;
      },
      'astro:build:done': async ({ logger }) => {
        await closeSharePool();
        const { drawn, cached } = shareImageStats();
        logger.info(
          `Share images: ${drawn} drawn on worker threads beside the page build, ${cached} from the cache, in ${seconds.toFixed(1)}s`,
        );
      },
    },
  };
}
