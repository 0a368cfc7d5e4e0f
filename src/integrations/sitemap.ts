import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { absoluteUrl, paths } from '../lib/paths';
import { inSitemap, modifiedTimeOf } from '../lib/sitemap';

/**
 * An article page's modified time, read from the start of the page (its `<head>`,
 * into one buffer that serves every page), or from the whole page when the start
 * does not hold it (a very long title).
 */
function modifiedTimeIn(file: string, buffer: Buffer): string | undefined {
  const fd = openSync(file, 'r');
  try {
    const start = buffer.toString('utf8', 0, readSync(fd, buffer, 0, buffer.length, 0));
    return modifiedTimeOf(start) ?? modifiedTimeOf(readFileSync(file, 'utf8'));
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
        const buffer = Buffer.alloc(8 * 1024);
        for (const slug of readdirSync(articlesDir).sort()) {
          const file = join(articlesDir, slug, 'index.html');
          if (!existsSync(file)) continue;
          const modified = modifiedTimeIn(file, buffer);
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
