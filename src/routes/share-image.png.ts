import { readFileSync } from 'node:fs';
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteData, type Article } from '../data/articles';
import { shareImageCacheDir, shareImageInput, shareImageStats, sharePool } from '../data/share-image-pool';
import { cachedShareImageFile } from '../lib/discovery/share-image';

/**
 * The preview's share images, drawn when asked for. Outside `src/pages/`, so a build has no such
 * route: it draws every image beside its page build and writes them itself
 * (`src/integrations/share-images.ts`, which adds this route to the preview only).
 */
export const getStaticPaths = (async () => {
  const { articles } = await siteData();
  return articles
    .filter((article) => !article.cover)
    .map((article) => ({ params: { slug: article.slug }, props: { article } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ article: Article }> = async ({ props }) => {
  const file = await cachedShareImageFile(
    shareImageInput(props.article),
    shareImageCacheDir(),
    (input) => sharePool().run(input),
    shareImageStats(),
  );
  return new Response(new Uint8Array(readFileSync(file)), { headers: { 'Content-Type': 'image/png' } });
};
