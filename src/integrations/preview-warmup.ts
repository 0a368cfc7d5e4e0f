import type { AstroIntegration } from 'astro';

/**
 * What the preview prepares before the first page is asked for: the routes, and the module in
 * which Astro imports every photo a story's frontmatter names (`.astro/content-assets.mjs`, one
 * import per cover). Vite's module runner imports that module's photos one after another, each
 * resolved, read and measured only when its turn comes: some 10 ms each, 5 s of the first page
 * at 10,000 stories with a cover on one in twenty. Warmed, and with every module's imports
 * transformed as soon as it is (Vite does this for the browser only unless told), they are all
 * ready, side by side, while the content is synced.
 */
export const PREVIEW_WARMUP = {
  preTransformRequests: true,
  warmup: { ssrFiles: ['./src/pages/**/*.{astro,ts}', './.astro/content-assets.mjs'] },
} as const;

/** The integration that gives the preview's Vite server `PREVIEW_WARMUP` (`npm run dev` only). */
export function previewWarmup(): AstroIntegration {
  return {
    name: 'ban-tin-preview-warmup',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command !== 'dev') return;
        updateConfig({
          vite: {
            server: {
              preTransformRequests: PREVIEW_WARMUP.preTransformRequests,
              warmup: { ssrFiles: [...PREVIEW_WARMUP.warmup.ssrFiles] },
            },
          },
        });
      },
    },
  };
}
