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
  /** The not-found page. */
  notFound: () => '/404.html',
} as const;

/** The absolute URL of a site path, on the site's configured base URL. */
export function absoluteUrl(path: string): string {
  return new URL(path, `${site.url}/`).href;
}
