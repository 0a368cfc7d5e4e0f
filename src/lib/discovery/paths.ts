import { site } from '../../site.config';

/**
 * The site's URL sections, each named once: the folder names of `src/pages/` and of the
 * files the build adds (Astro's assets, Pagefind's index). Routes, server rules and
 * checks take them from here.
 */
export const sections = {
  /** Page N of a list (home, category, tag): `/trang/2/`, `/chuyen-muc/x/trang/2/`. */
  listPage: 'trang',
  /** Every article's folder. */
  article: 'bai-viet',
  /** An article's printable "Bản in" view, inside its folder. */
  print: 'ban-in',
  /** An article's share image, inside its folder. */
  shareImage: 'anh-chia-se.png',
  archive: 'luu-tru',
  category: 'chuyen-muc',
  tag: 'the',
  search: 'tim-kiem',
  /** Pagefind's index and script. */
  searchBundle: 'pagefind',
  /** Astro's hashed scripts, styles and images. */
  assets: '_astro',
  /** The web editor. */
  admin: 'quan-tri',
} as const;

/** `page` of a paginated list as its route parameter: none for page 1, `trang/N` after. */
export const listPageParam = (page: number) => (page <= 1 ? undefined : `${sections.listPage}/${page}`);

/** The suffix page N adds to a list's address (`trang/2/`), empty for page 1. */
const listPage = (page: number) => (page <= 1 ? '' : `${listPageParam(page)}/`);

/** The one place that builds site URLs: every path is ASCII with a trailing slash. */
export const paths = {
  /** Home page, or page N of the newest-first list. */
  home: (page = 1) => `/${listPage(page)}`,
  /** An article. */
  article: (slug: string) => `/${sections.article}/${slug}/`,
  /** A file attached to an article, at a stable address beside it. */
  attachment: (slug: string, fileName: string) => `/${sections.article}/${slug}/${fileName}`,
  /** An article's share image (when it has no cover photo to share). */
  shareImage: (slug: string) => `/${sections.article}/${slug}/${sections.shareImage}`,
  /** A standing page (Giới thiệu, Liên hệ, the English page `en`). */
  page: (slug: string) => `/${slug}/`,
  /** An article's printable "Bản in" view. */
  print: (slug: string) => `/${sections.article}/${slug}/${sections.print}/`,
  /** Archive index, a year, or a month of a year. */
  archive: (year?: number, month?: number) => {
    if (year === undefined) return `/${sections.archive}/`;
    if (month === undefined) return `/${sections.archive}/${year}/`;
    return `/${sections.archive}/${year}/${String(month).padStart(2, '0')}/`;
  },
  /** A category, or page N of it. */
  category: (category: string, page = 1) => `/${sections.category}/${category}/${listPage(page)}`,
  /** A tag, by tag slug, or page N of it. */
  tag: (tagSlug: string, page = 1) => `/${sections.tag}/${tagSlug}/${listPage(page)}`,
  /** The index of every tag, with counts. */
  tagIndex: () => `/${sections.tag}/`,
  /** The search page, optionally running a query. */
  search: (query?: string) => (query ? `/${sections.search}/?q=${encodeURIComponent(query)}` : `/${sections.search}/`),
  /** The folder of the search index and its script (written by Pagefind). */
  searchBundle: () => `/${sections.searchBundle}/`,
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
  admin: (file = '') => `/${sections.admin}/${file}`,
} as const;

/** The absolute URL of a site path, on the site's configured base URL. */
export function absoluteUrl(path: string): string {
  return new URL(path, `${site.url}/`).href;
}

/** Plain links that share an address on social networks or by e-mail: no script of theirs runs here. */
export const shareLinks = {
  /** Facebook's share dialog for an absolute URL. */
  facebook: (url: string) => `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(url)}`,
  /** Zalo's share page for an absolute URL. */
  zalo: (url: string) => `https://zalo.me/share?url=${encodeURIComponent(url)}`,
  /** A new e-mail with the title as subject and the address as body. */
  email: (url: string, title: string) => `mailto:?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(url)}`,
} as const;

/** A `tel:` link for a number written in E.164 (`+842838412384`). */
export function telLink(dial: string): string {
  return `tel:${dial.replace(/[^+\d]/g, '')}`;
}

/** A `mailto:` link for an address. */
export function mailtoLink(address: string): string {
  return `mailto:${address}`;
}
