import { closeSync, existsSync, openSync, readdirSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { absoluteUrl, paths } from '../lib/paths';
import { inSitemap, modifiedTimeOf } from '../lib/sitemap';

/** The start of a page: its `<head>`, where the article's modified time is. */
function headOf(file: string): string {
  const buffer = Buffer.alloc(32 * 1024);
  const fd = openSync(file, 'r');
  try {
    return buffer.toString('utf8', 0, readSync(fd, buffer, 0, buffer.length, 0));
  } finally {
    closeSync(fd);
  }
}

/**
 * `@astrojs/sitemap` with `lastmod`: each article's own modified time (what its
 * page declares as `article:modified_time`), and the newest of them for the
 * home page. The times are read from the built pages just before the sitemap is written.
 */
export function sitemapWithLastmod(): AstroIntegration[] {
  const lastmod = new Map<string, string>();
  const collect: AstroIntegration = {
    name: 'ban-tin-sitemap-lastmod',
    hooks: {
      'astro:build:done': ({ dir }) => {
        const articlesDir = join(fileURLToPath(dir), paths.article('x').split('/')[1] ?? '');
        if (!existsSync(articlesDir)) return;
        let newest: string | undefined;
        for (const slug of readdirSync(articlesDir).sort()) {
          const file = join(articlesDir, slug, 'index.html');
          if (!existsSync(file)) continue;
          const modified = modifiedTimeOf(headOf(file));
          if (modified === undefined) continue;
          lastmod.set(absoluteUrl(paths.article(slug)), modified);
          if (newest === undefined || Date.parse(modified) > Date.parse(newest)) newest = modified;
        }
        if (newest !== undefined) lastmod.set(absoluteUrl(paths.home()), newest);
      },
    },
  };
  return [
    collect,
    sitemap({
      filter: inSitemap,
      serialize: (item) => {
        const modified = lastmod.get(item.url);
        return modified === undefined ? item : { ...item, lastmod: modified };
      },
    }),
  ];
}
