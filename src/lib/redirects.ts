import { site } from '../site.config';
import { pagePolicy } from './csp';
import { paths } from './paths';

/**
 * Old addresses ("aliases") of stories. A plain path is answered by a static
 * redirect page written where the old server served it; a path with a query
 * string, which no static file can answer, goes into `_redirects` (read by
 * Netlify and Cloudflare Pages) and into the lookup the 404 page consults.
 */

/** One old address and the site path of the story it now leads to. */
export interface Redirect {
  from: string;
  to: string;
}

const EXAMPLE = 'expected a path of the old site such as /tin-tuc/1234.html, /tin-tuc/cu/ or /Default.aspx?tabid=1';

function splitQuery(alias: string): { path: string; query: string } {
  const at = alias.indexOf('?');
  return at < 0 ? { path: alias, query: '' } : { path: alias.slice(0, at), query: alias.slice(at + 1) };
}

function decodedSegments(path: string): string[] | undefined {
  try {
    return path.split('/').map((segment) => decodeURIComponent(segment));
  } catch {
    return undefined;
  }
}

/** Why an alias cannot be served, as `problem (expected …)`, or `undefined` when it is usable. */
export function aliasProblem(alias: string): string | undefined {
  if (!alias.startsWith('/') || alias.startsWith('//'))
    return `"${alias}" does not start with a single "/" (${EXAMPLE})`;
  // Control characters are exactly what this check is looking for.
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f\\]/.test(alias))
    return `"${alias}" contains a space, a control character or "\\" (${EXAMPLE})`;
  if (alias.includes('#')) return `"${alias}" contains "#", which browsers never send to a server (${EXAMPLE})`;
  const { path } = splitQuery(alias);
  const segments = decodedSegments(path);
  if (segments === undefined) return `"${alias}" has a broken %-escape (${EXAMPLE})`;
  if (
    segments.some((segment) => segment === '.' || segment === '..' || segment.includes('/') || segment.includes('\\'))
  ) {
    return `"${alias}" leaves its folder with "." or ".." (${EXAMPLE})`;
  }
  return undefined;
}

/** True when an alias carries a query string (`/Default.aspx?tabid=1`). */
export function hasQuery(alias: string): boolean {
  return alias.includes('?');
}

/**
 * The file, relative to the site's output folder, that answers a plain path
 * the way a static server looks it up: `/tin-tuc/1234.html` → `tin-tuc/1234.html`,
 * `/tin-tuc/cu/` and `/tin-tuc/cu` → `tin-tuc/cu/index.html`. %-escapes are decoded.
 */
export function aliasFile(alias: string): string {
  const { path } = splitQuery(alias);
  const segments = decodedSegments(path) ?? path.split('/');
  const last = segments.at(-1) ?? '';
  const file =
    last === ''
      ? [...segments.slice(0, -1), 'index.html']
      : last.includes('.')
        ? segments
        : [...segments, 'index.html'];
  return file.filter((segment, index) => index > 0 || segment !== '').join('/');
}

/**
 * The normalised form of an old address with its query string, for lookups:
 * the path decoded and lowercased (the old site ran on a case-insensitive
 * server), parameters sorted, their names lowercased, values kept.
 */
export function legacyKey(pathAndQuery: string): string {
  const { path, query } = splitQuery(pathAndQuery);
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // A broken escape is looked up as written.
  }
  const params = [...new URLSearchParams(query)]
    .filter(([name]) => name !== '')
    .map(([name, value]) => `${encodeURIComponent(name.toLowerCase())}=${encodeURIComponent(value)}`)
    .sort();
  return params.length > 0 ? `${decoded.toLowerCase()}?${params.join('&')}` : decoded.toLowerCase();
}

/**
 * Where a path is served from, for collision checks: two paths with the same
 * location would be answered by the same file (or lookup entry). Case is
 * ignored, as it is on the disks of many editors and hosts.
 */
export function locationOf(path: string): string {
  return hasQuery(path) ? `query:${legacyKey(path)}` : `file:${aliasFile(path).toLowerCase()}`;
}

function firstSegment(path: string): string {
  return path.split('/')[1] ?? '';
}

/**
 * What one of the site's own non-article pages a plain path would overwrite, or
 * `undefined`. Listing sections (home pages, archive, categories, tags, search)
 * are reserved whole, since their pages come and go with the content; so are
 * the build's own files.
 */
export function reservedPage(path: string): string | undefined {
  if (hasQuery(path)) return undefined;
  const file = aliasFile(path).toLowerCase();
  const fixed = new Map<string, string>([
    [aliasFile(paths.home()), 'the home page'],
    [aliasFile(paths.notFound()), 'the not-found page'],
    [aliasFile(paths.rss()), 'the RSS feed'],
    [aliasFile(paths.robots()), 'robots.txt'],
    [aliasFile(paths.sitemap()), 'the sitemap'],
    [aliasFile(paths.redirects()), 'the redirect list'],
    [aliasFile(paths.legacyLookup()), 'the old-address lookup'],
    [aliasFile(site.logo.path), 'the logo'],
    ['favicon.svg', 'the site icon'],
  ]);
  const page = fixed.get(file) ?? (/^sitemap-\d+\.xml$/.test(file) ? 'the sitemap' : undefined);
  if (page) return `${page}, ${path}`;
  const sections = new Map<string, string>([
    [firstSegment(paths.home(2)), 'the pages of the home list'],
    [firstSegment(paths.archive()), 'the archive'],
    [firstSegment(paths.category('x')), 'the category pages'],
    [firstSegment(paths.tag('x')), 'the tag pages'],
    [firstSegment(paths.search()), 'the search page'],
    ['_astro', 'the built assets'],
    [firstSegment(paths.searchBundle()), 'the search index'],
  ]);
  const section = firstSegment(`/${file}`);
  const owner = sections.get(section);
  return owner ? `${owner}, /${section}/` : undefined;
}

/**
 * The `_redirects` file (Netlify, Cloudflare Pages): one permanent redirect per
 * alias, sorted. Query strings are written as Netlify's `name=value` conditions.
 */
export function redirectsFile(redirects: readonly Redirect[]): string {
  const lines = redirects.map(({ from, to }) => {
    const { path, query } = splitQuery(from);
    const conditions = [...new URLSearchParams(query)].map(
      ([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`,
    );
    return [encodeURI(safeDecode(path)), ...conditions, to, '301'].join(' ');
  });
  return `# Old addresses of stories, each to its story (written by the build).\n${[...lines].sort().join('\n')}\n`;
}

function safeDecode(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

/** The lookup the 404 page consults: `legacyKey` of each alias with a query string → story path. */
export function legacyLookup(redirects: readonly Redirect[]): Record<string, string> {
  const entries = redirects
    .filter(({ from }) => hasQuery(from))
    .map(({ from, to }): [string, string] => [legacyKey(from), to]);
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The story an address that was not found once led to, if the lookup knows it. */
export function lookupRedirect(lookup: Record<string, string>, pathname: string, search: string): string | undefined {
  const key = legacyKey(`${pathname}${search}`);
  return Object.hasOwn(lookup, key) ? lookup[key] : undefined;
}

/** Escapes text for HTML text and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** What a redirect page says, in the site's language. */
export interface RedirectPageText {
  lang: string;
  /** The page title (the story's title and the site's short name). */
  title: string;
  heading: string;
  /** The sentence before the link. */
  lead: string;
  /** The link text: the story's title. */
  linkText: string;
}

/**
 * A static redirect page: leaves at once (meta refresh 0) for `to`, names the
 * story's page as canonical, stays out of search engines, and shows a link for
 * readers whose browser does not follow the refresh.
 */
export function redirectPage(to: string, canonical: string, text: RedirectPageText): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(text.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="content-security-policy" content="${escapeHtml(pagePolicy)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(text.title)}</title>`,
    '<meta name="robots" content="noindex">',
    `<link rel="canonical" href="${escapeHtml(canonical)}">`,
    `<meta http-equiv="refresh" content="0; url=${escapeHtml(to)}">`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${escapeHtml(text.heading)}</h1>`,
    `<p>${escapeHtml(text.lead)} <a href="${escapeHtml(to)}">${escapeHtml(text.linkText)}</a></p>`,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
