import { join } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteData, type Article } from '../../../data/articles';
import { shareImageStats, sharePool } from '../../../data/share-image-pool';
import { contentCacheDir } from '../../../lib/content/content-root';
import { formatDate } from '../../../lib/content/dates';
import { cachedShareImage } from '../../../lib/discovery/share-image';
import { site } from '../../../site.config';

/** The share image of every article without a cover photo (one with a cover shares its cover). */
export const getStaticPaths = (async () => {
  const { articles } = await siteData();
  return articles
    .filter((article) => !article.cover)
    .map((article) => ({ params: { slug: article.slug }, props: { article } }));
}) satisfies GetStaticPaths;

// Beside the content cache of this content root, so fixture sites and benchmarks keep their own.
const cacheDir = join(process.cwd(), contentCacheDir(process.cwd()), 'share-images');

export const GET: APIRoute<{ article: Article }> = async ({ props }) => {
  const { article } = props;
  const png = await cachedShareImage(
    {
      title: article.title,
      category: site.categories[article.category],
      date: formatDate(article.date),
      siteName: site.name,
      emblem: site.emblem,
      colours: site.colours,
    },
    cacheDir,
    (input) => sharePool().run(input),
    shareImageStats(),
  );
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
