import { isoDateTime } from '../content/dates';
import { paths, sections } from './paths';

/**
 * True for the pages that belong in the sitemap: readers' pages, whose paths
 * end in "/". Left out: print views (they point to their article as canonical),
 * the search page, and every file-like path (redirect pages, feeds, 404.html).
 */
export function inSitemap(url: string): boolean {
  const { pathname } = new URL(url);
  if (!pathname.endsWith('/')) return false;
  if (pathname.endsWith(`/${sections.print}/`)) return false;
  return pathname !== paths.search() && !pathname.startsWith(paths.admin());
}

/**
 * Each article page's last modification (its `updated` date, else its `date`, as the page's
 * `article:modified_time` says), and the newest of them for the home page: the sitemap's
 * `lastmod`, keyed by site path.
 */
export function lastModified(
  articles: readonly { slug: string; date: Date; updated?: Date | undefined }[],
): Map<string, string> {
  const dates = new Map<string, string>();
  let newest: Date | undefined;
  for (const article of articles) {
    const modified = article.updated ?? article.date;
    dates.set(paths.article(article.slug), isoDateTime(modified));
    if (newest === undefined || modified.getTime() > newest.getTime()) newest = modified;
  }
  if (newest !== undefined) dates.set(paths.home(), isoDateTime(newest));
  return dates;
}
