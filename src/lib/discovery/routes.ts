import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { site } from '../../site.config';
import { paths, sections } from './paths';
import { aliasFile, hasQuery } from './redirects';

/**
 * The addresses the site itself serves, read from the project's files: every folder
 * and fixed file at the top of `src/pages/` (a route parameter such as `[slug]` is
 * not one), every file of `public/`, and the folders the build writes beside them.
 * A new page type is reserved the day its folder is added: no list to keep by hand.
 */

/** Route files' extensions, which the address does not carry (`rss.xml.ts` is `/rss.xml`). */
const ROUTE_EXTENSION = /\.(astro|md|mdx|html|ts|js|mjs)$/;

/** The first segment of an address a route file or folder serves, or `undefined` for a parameter or the home page. */
function routeSegment(name: string, isFolder: boolean): string | undefined {
  if (name.includes('[') || name.startsWith('_') || name.startsWith('.')) return undefined;
  if (isFolder) return name;
  const address = name.replace(ROUTE_EXTENSION, '');
  if (address === 'index') return undefined;
  // `404.astro` is written as `404.html`; `gioi-thieu.astro` as the folder `gioi-thieu/`.
  return address === '404' ? '404.html' : address;
}

const cache = new Map<string, ReadonlySet<string>>();

/** The first segments (lower case) of every address the site's own routes, public files and build serve. */
export function ownSegments(projectRoot = process.cwd()): ReadonlySet<string> {
  const known = cache.get(projectRoot);
  if (known) return known;
  const segments = new Set<string>([sections.assets, sections.searchBundle]);
  const pagesDir = join(projectRoot, 'src/pages');
  for (const entry of existsSync(pagesDir) ? readdirSync(pagesDir, { withFileTypes: true }) : []) {
    const segment = routeSegment(entry.name, entry.isDirectory());
    if (segment) segments.add(segment.toLowerCase());
  }
  const publicDir = join(projectRoot, 'public');
  for (const name of existsSync(publicDir) ? readdirSync(publicDir) : []) segments.add(name.toLowerCase());
  cache.set(projectRoot, segments);
  return segments;
}

/** What the site's own addresses hold, in editors' words; an address not named here is "a page of the site". */
const OWNERS = new Map<string, string>([
  ['index.html', 'trang chủ'],
  ['404.html', 'trang báo không tìm thấy'],
  [aliasFile(paths.rss()), 'bản tin RSS'],
  [aliasFile(paths.robots()), 'robots.txt'],
  [aliasFile(paths.sitemap()), 'sơ đồ trang'],
  [aliasFile(paths.redirects()), 'danh sách chuyển hướng'],
  [aliasFile(paths.legacyLookup()), 'bảng tra địa chỉ cũ'],
  [aliasFile(site.logo.path), 'logo'],
  [aliasFile(site.favicon), 'biểu tượng trang'],
  [sections.listPage, 'các trang danh sách tin'],
  [sections.archive, 'trang lưu trữ'],
  [sections.category, 'các trang chuyên mục'],
  [sections.tag, 'các trang từ khóa'],
  [sections.search, 'trang tìm kiếm'],
  [sections.assets, 'tệp dựng trang'],
  [sections.searchBundle, 'bộ tìm kiếm'],
  [sections.admin, 'trang quản trị'],
]);

/** Files the build writes at the top of the site that no route or public file names. */
const BUILD_FILES = [
  'index.html',
  aliasFile(paths.sitemap()),
  aliasFile(paths.redirects()),
  aliasFile(paths.legacyLookup()),
  '_headers',
];

/**
 * What one of the site's own pages or files a path without a query string
 * would overwrite or sit inside, described in Vietnamese, or `undefined`.
 * Every section of the site's routes (`src/pages/`), every file of `public/`
 * and every file and folder the build writes is reserved whole, with what lies
 * below it: the sections' pages come and go with the content. The articles'
 * folder is the exception: an old slug may lead on to a story (collisions with
 * the stories' own pages are checked with the stories).
 */
export function reservedPage(path: string, projectRoot?: string): string | undefined {
  if (hasQuery(path)) return undefined;
  const file = aliasFile(path).toLowerCase();
  const first = file.split('/')[0] ?? '';
  const sitemapPart = /^sitemap-\d+\.xml$/.test(first);
  const own = ownSegments(projectRoot).has(first) || BUILD_FILES.includes(first) || sitemapPart;
  if (!own || first === sections.article) return undefined;
  const owner = OWNERS.get(sitemapPart ? aliasFile(paths.sitemap()) : first) ?? 'trang của trang web';
  return file === first ? `${owner}, ${path}` : `${owner}, /${first}${first.includes('.') ? '' : '/'}`;
}
