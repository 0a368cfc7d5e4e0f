import type { AstroIntegration } from 'astro';
import { closeSharePool, shareImageStats } from '../data/share-image-pool';

/**
 * Ends the share images' worker threads and reports what the images cost: how many were drawn, in how long each,
 * and how many came from the cache (the page build draws them; see
 * `src/pages/bai-viet/[slug]/anh-chia-se.png.ts`).
 */
export function shareImageLog(): AstroIntegration {
  return {
    name: 'ban-tin-share-images',
    hooks: {
      'astro:build:done': async ({ logger }) => {
        await closeSharePool();
        const { drawn, cached, drawMs } = shareImageStats();
        const each = drawn > 0 ? `, ${(drawMs / drawn).toFixed(0)} ms each` : '';
        logger.info(`Share images: ${drawn} drawn on worker threads${each}; ${cached} from the cache`);
      },
    },
  };
}
