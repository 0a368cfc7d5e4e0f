/**
 * The sitemap's `lastmod` dates, handed from the page build (which knows every article) to the
 * sitemap integration, which writes the sitemap once the pages are built, in the same process.
 */
import { processSlot } from './process-slot';

const dates = processSlot<ReadonlyMap<string, string>>('sitemap-lastmod');

/** Called by `siteData()` with each page path's last modification. */
export function shareLastModified(byPath: ReadonlyMap<string, string>): void {
  dates.set(byPath);
}

/** The dates the page build shared, by site path (none before the pages are built). */
export function sharedLastModified(): ReadonlyMap<string, string> {
  return dates.get() ?? new Map();
}
