/**
 * The sitemap's `lastmod` dates, handed from the page build (which knows every article) to the
 * sitemap integration, which writes the sitemap once the pages are built, in the same process.
 */
const KEY = Symbol.for('ban-tin.sitemap-lastmod');
const holder = globalThis as unknown as Record<symbol, ReadonlyMap<string, string> | undefined>;

/** Called by `siteData()` with each page path's last modification. */
export function shareLastModified(dates: ReadonlyMap<string, string>): void {
  holder[KEY] = dates;
}

/** The dates the page build shared, by site path (none before the pages are built). */
export function sharedLastModified(): ReadonlyMap<string, string> {
  return holder[KEY] ?? new Map();
}
