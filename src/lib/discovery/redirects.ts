import { t } from '../../i18n/vi';
import { escapeMarkup } from '../text/escape';
import { remembered } from '../text/remembered';
import { pagePolicy } from '../publishing/csp';

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

const example = () => t('problem.alias.example');

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

/** Longest path segment, in bytes, that file systems and servers all accept. */
const MAX_SEGMENT_BYTES = 200;
/** Longest alias, in characters. */
const MAX_ALIAS_LENGTH = 1000;

/** Characters no alias may hold, with how a message names them. */
const FORBIDDEN: [RegExp, string][] = [
  // eslint-disable-next-line no-control-regex -- control characters are what this looks for
  [/[\u0000-\u001f\u007f-\u009f]/, 'ký tự điều khiển'],
  [/\s/, 'dấu cách'],
  [/\\/, 'dấu "\\"'],
  [/\*/, 'dấu "*" (ký tự đại diện)'],
  [/[<>"|^`{}]/, 'ký tự < > " | ^ ` { }'],
  [/#/, 'dấu "#" (trình duyệt không gửi phần sau dấu # tới máy chủ)'],
];

/**
 * Names a server or host reads as its own configuration or metadata: an alias
 * written there would replace it (a broken `web.config` takes an IIS site down).
 */
const SERVER_FILES =
  /^(?:\..*|web\.config|_headers|_redirects|_routes\.json|robots\.txt|sitemap.*|favicon.*|crossdomain\.xml|humans\.txt|ads\.txt|security\.txt)$/i;

/** Why an alias cannot be served, in Vietnamese with what to write instead, or `undefined` when it is usable. */
export function aliasProblem(alias: string): string | undefined {
  const problem = (key: Parameters<typeof t>[0], values: Record<string, string> = {}) =>
    t(key, { alias, example: example(), ...values });
  if (!alias.startsWith('/') || alias.startsWith('//')) return problem('problem.alias.start');
  for (const [pattern, what] of FORBIDDEN) if (pattern.test(alias)) return problem('problem.alias.chars', { what });
  if (alias.length > MAX_ALIAS_LENGTH)
    return problem('problem.alias.long', { what: `${alias.length} ký tự, tối đa ${MAX_ALIAS_LENGTH}` });
  const { path } = splitQuery(alias);
  if (path.includes(':')) return problem('problem.alias.chars', { what: 'dấu ":" (chỗ giữ chỗ như :id)' });
  const segments = decodedSegments(path);
  // Decoded once, as a server does; a second layer of escapes would be read differently by each server.
  if (segments === undefined || segments.some((segment) => /%[0-9a-f]{2}/i.test(segment)))
    return problem('problem.alias.escape');
  for (const segment of segments) {
    for (const [pattern, what] of FORBIDDEN) if (pattern.test(segment)) return problem('problem.alias.chars', { what });
    if (segment === '.' || segment === '..' || segment.includes('/')) return problem('problem.alias.dots');
    if (segment.includes(':')) return problem('problem.alias.chars', { what: 'dấu ":"' });
    if (Buffer.byteLength(segment) > MAX_SEGMENT_BYTES)
      return problem('problem.alias.long', { what: `một đoạn giữa hai dấu / dài hơn ${MAX_SEGMENT_BYTES} byte` });
    if (SERVER_FILES.test(segment)) return problem('problem.alias.special', { name: segment });
  }
  return undefined;
}

/** File types a static server answers as a web page: only these aliases become redirect pages. */
const PAGE_EXTENSIONS = /\.html?$/i;

/**
 * True when an alias is answered by a redirect page written where the old
 * server served it: a plain path ending in `/`, a name without a dot, or
 * `.html`/`.htm`. Any other (a query string, `.aspx`, `.php`, `.pdf`…) is never
 * written as a file, which a server would send with the wrong type: it goes
 * to `_redirects`, the server configurations and the not-found page's lookup.
 */
export function isFileAlias(alias: string): boolean {
  if (hasQuery(alias)) return false;
  const last = alias.split('/').at(-1) ?? '';
  return !last.includes('.') || PAGE_EXTENSIONS.test(last);
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
export const locationOf: (path: string) => string = remembered((path) =>
  isFileAlias(path) ? `file:${aliasFile(path).toLowerCase()}` : `query:${legacyKey(path)}`,
);

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

/** The lookup the 404 page consults: `legacyKey` of each alias that is not a file → story path. */
export function legacyLookup(redirects: readonly Redirect[]): Record<string, string> {
  const entries = redirects
    .filter(({ from }) => !isFileAlias(from))
    .map(({ from, to }): [string, string] => [legacyKey(from), to]);
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The story an address that was not found once led to, if the lookup knows it. */
export function lookupRedirect(lookup: Record<string, string>, pathname: string, search: string): string | undefined {
  const key = legacyKey(`${pathname}${search}`);
  return Object.hasOwn(lookup, key) ? lookup[key] : undefined;
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
    `<html lang="${escapeMarkup(text.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="content-security-policy" content="${escapeMarkup(pagePolicy)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeMarkup(text.title)}</title>`,
    '<meta name="robots" content="noindex">',
    `<link rel="canonical" href="${escapeMarkup(canonical)}">`,
    `<meta http-equiv="refresh" content="0; url=${escapeMarkup(to)}">`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${escapeMarkup(text.heading)}</h1>`,
    `<p>${escapeMarkup(text.lead)} <a href="${escapeMarkup(to)}">${escapeMarkup(text.linkText)}</a></p>`,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
