import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { siteData } from '../data/articles';
import { ATOM, channelData, DUBLIN_CORE, feedItem } from '../lib/discovery/feed';
import { absoluteUrl, paths } from '../lib/discovery/paths';
import { site } from '../site.config';

/** RSS 2.0: the newest stories, newest first. */
export const GET: APIRoute = async () => {
  const { articles } = await siteData();
  const latest = articles.slice(0, site.feedSize);
  const changed = latest.map((article) => (article.updated ?? article.date).getTime());
  return rss({
    title: site.name,
    description: site.description,
    site: absoluteUrl(paths.home()),
    xmlns: { dc: DUBLIN_CORE, atom: ATOM },
    customData: channelData(site.lang, changed.length > 0 ? new Date(Math.max(...changed)) : undefined),
    items: latest.map((article) =>
      feedItem({
        ...article,
        category: site.categories[article.category],
        tags: article.tags.map((tag) => tag.name),
      }),
    ),
  });
};
