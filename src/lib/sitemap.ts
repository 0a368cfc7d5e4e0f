import { paths } from './paths';

const PRINT_SUFFIX = paths.print('x').slice(paths.article('x').length);

/**
 * True for the pages that belong in the sitemap: readers' pages, whose paths
 * end in "/". Left out: print views (they point to their article as canonical),
 * the search page, and every file-like path (redirect pages, feeds, 404.html).
 */
export function inSitemap(url: string): boolean {
  const { pathname } = new URL(url);
  if (!pathname.endsWith('/')) return false;
  if (pathname.endsWith(`/${PRINT_SUFFIX}`)) return false;
  return pathname !== paths.search() && !pathname.startsWith(paths.admin());
}

const MODIFIED = /<meta property="article:modified_time" content="([^"]+)"/;

/** The `article:modified_time` an article page declares, as an ISO date-time. */
export function modifiedTimeOf(html: string): string | undefined {
  return MODIFIED.exec(html)?.[1];
}
