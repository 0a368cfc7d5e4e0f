import { site } from '../site.config';

/** The one place that builds site URLs: every path is ASCII with a trailing slash. */
export const paths = {
  /** Home page, or page N of the newest-first list. */
  home: (page = 1) => (page <= 1 ? '/' : `/trang/${page}/`),
  /** An article. */
  article: (slug: string) => `/bai-viet/${slug}/`,
  /** An article's printable "Bản in" view. */
  print: (slug: string) => `/bai-viet/${slug}/ban-in/`,
  /** Archive index, a year, or a month of a year. */
  archive: (year?: number, month?: number) => {
    if (year === undefined) return '/luu-tru/';
    if (month === undefined) return `/luu-tru/${year}/`;
    return `/luu-tru/${year}/${String(month).padStart(2, '0')}/`;
  },
  /** A category, or page N of it. */
  category: (category: string, page = 1) =>
    page <= 1 ? `/chuyen-muc/${category}/` : `/chuyen-muc/${category}/trang/${page}/`,
  /** A tag, by tag slug, or page N of it. */
  tag: (tagSlug: string, page = 1) => (page <= 1 ? `/the/${tagSlug}/` : `/the/${tagSlug}/trang/${page}/`),
  /** The index of every tag, with counts. */
  tagIndex: () => '/the/',
  /** The search page, optionally running a query. */
  search: (query?: string) => (query ? `/tim-kiem/?q=${encodeURIComponent(query)}` : '/tim-kiem/'),
  /** The folder of the search index and its script (written by Pagefind). */
  searchBundle: () => '/pagefind/',
  /** The not-found page. */
  notFound: () => '/404.html',
  /** The RSS 2.0 feed of the latest articles. */
  rss: () => '/rss.xml',
  /** The sitemap index (written by @astrojs/sitemap). */
  sitemap: () => '/sitemap-index.xml',
  /** Rules for crawlers. */
  robots: () => '/robots.txt',
  /** Old addresses as redirect rules for hosts that read `_redirects`. */
  redirects: () => '/_redirects',
  /** Old addresses with a query string, for the not-found page's lookup. */
  legacyLookup: () => '/chuyen-huong.json',
  /** The web editor (Sveltia CMS), or one of its files. */
  admin: (file = '') => `/quan-tri/${file}`,
} as const;

/** The absolute URL of a site path, on the site's configured base URL. */
export function absoluteUrl(path: string): string {
  return new URL(path, `${site.url}/`).href;
}
