import type { AstroIntegration } from 'astro';
import { shareImageStats } from '../lib/share-image';

/**
 * Reports what the share images cost: how many were drawn, in how long each,
 * and how many came from the cache (the page build draws them; see
 * `src/pages/bai-viet/[slug]/anh-chia-se.png.ts`).
 */
export function shareImageLog(): AstroIntegration {
  return {
    name: 'ban-tin-share-images',
    hooks: {
      'astro:build:done': ({ logger }) => {
        const { drawn, cached, drawMs } = shareImageStats();
        const each = drawn > 0 ? `, ${(drawMs / drawn).toFixed(0)} ms each` : '';
        logger.info(`Share images: ${drawn} drawn in ${(drawMs / 1000).toFixed(2)}s${each}; ${cached} from the cache`);
      },
    },
  };
}
