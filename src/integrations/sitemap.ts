import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { sharedLastModified } from '../data/sitemap-dates';
import { inSitemap } from '../lib/discovery/sitemap';

/**
 * `@astrojs/sitemap` with `lastmod`: each article's own modified time (what its
 * page declares as `article:modified_time`), and the newest of them for the
 * home page, as the page build computed them from the stories (`lastModified`).
 */
export function sitemapWithLastmod(): AstroIntegration {
  return sitemap({
    filter: inSitemap,
    serialize: (item) => {
      const modified = sharedLastModified().get(new URL(item.url).pathname);
      return modified === undefined ? item : { ...item, lastmod: modified };
    },
  });
}
