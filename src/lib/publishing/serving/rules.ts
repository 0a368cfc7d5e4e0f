/**
 * What every server configuration says, computed once from the built site: the
 * old addresses (read back from the `_redirects` file the site publishes), the
 * site's Content-Security-Policy (the union of the policies its pages carry),
 * and the rules for headers, caching and compression. The nginx, Apache, IIS
 * and Pages writers only translate these facts into their own syntax.
 */
import { paths, sections } from '../../discovery/paths';

/** One old address and the site path it now leads to, as `_redirects` lists it. */
export interface AliasRule {
  /** The path as the old site wrote it, %-escapes decoded (`/Default.aspx`). */
  path: string;
  /** Query parameters as `[name, value]`, %-encoded as in `_redirects`; empty for a plain path. */
  params: [string, string][];
  /** The story's path on this site. */
  to: string;
}

/** Everything the writers need. */
export interface SiteRules {
  /** Aliases with a query string first (most parameters first), then plain ones; sorted. */
  aliases: AliasRule[];
  /** Every parameter name any alias uses, lowercased and sorted: a request must match all of them. */
  parameterNames: string[];
  /** The Content-Security-Policy header of every page but the web editor. */
  csp: string;
}

/** File extensions the build precompresses and the servers answer with `.br` or `.gz`. */
export const COMPRESSIBLE = ['html', 'css', 'js', 'mjs', 'json', 'xml', 'svg', 'txt'] as const;

/** The content type of each compressible extension (with the charset for text). */
export const CONTENT_TYPES: Record<(typeof COMPRESSIBLE)[number], string> = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  json: 'application/json; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  svg: 'image/svg+xml; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
};

/**
 * Paths whose files never change once published, as a regular expression on the
 * URL path: Astro's hashed assets and Pagefind's hashed index files (their names
 * change with their content). Pagefind's entry files keep one name and are revalidated.
 */
export const IMMUTABLE_PATH = `^/(${sections.assets}/|${sections.searchBundle}/(fragment|index|filter)/|${sections.searchBundle}/pagefind\\.[^/]+\\.pf_meta$)`;

/** Cache-Control of hashed files: a year, never revalidated. */
export const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';

/** Cache-Control of everything else (pages, feeds, photos in public/): kept, but revalidated on each use. */
export const CACHE_REVALIDATE = 'no-cache';

/** Print views ("Bản in"), as a regular expression on the URL path: kept out of search engines. */
export const PRINT_PATH = `^/${sections.article}/[^/]+/${sections.print}/`;

/**
 * The web editor's path. Its page brings its own policy (the editor needs more
 * than the site's pages), so the servers send it only `EDITOR_CSP`: change both
 * here if the editor needs a header policy of its own.
 */
export const EDITOR_PATH = paths.admin();

/** The Content-Security-Policy header of the web editor (see `EDITOR_PATH`). */
export const EDITOR_CSP = "frame-ancestors 'none'";

/** Files of the output folder meant for Pages hosts only: other servers answer 404. */
export const HOST_FILES = ['_redirects', '_headers'] as const;

/** Headers every answer carries, whatever the path. */
export const SECURITY_HEADERS: readonly [string, string][] = [
  // Browsers that have seen the site over https never try plain http again for a year.
  ['Strict-Transport-Security', 'max-age=31536000'],
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()'],
  // For browsers that predate CSP's frame-ancestors.
  ['X-Frame-Options', 'DENY'],
];

/**
 * Reads the `_redirects` file the site publishes (`/path [name=value…] /to 301`
 * per line) back into alias rules.
 */
export function parseRedirectsFile(text: string): AliasRule[] {
  const rules: AliasRule[] = [];
  for (const line of text.split('\n')) {
    const fields = line.trim().split(/\s+/);
    if (fields[0] === undefined || fields[0] === '' || fields[0].startsWith('#')) continue;
    if (fields.length < 3) throw new Error(`_redirects: cannot read the line "${line}"`);
    const [from, ...rest] = fields as [string, ...string[]];
    const status = rest.at(-1);
    const to = rest.at(-2);
    if (status !== '301' || to === undefined || !to.startsWith('/')) {
      throw new Error(`_redirects: cannot read the line "${line}" (expected /path [name=value…] /to 301)`);
    }
    const params = rest.slice(0, -2).map((condition): [string, string] => {
      const at = condition.indexOf('=');
      if (at <= 0) throw new Error(`_redirects: cannot read the condition "${condition}" in "${line}"`);
      return [condition.slice(0, at), condition.slice(at + 1)];
    });
    rules.push({ path: safeDecodeUri(from), params, to });
  }
  return sortAliases(rules);
}

function safeDecodeUri(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Query aliases before plain ones, more parameters first, then by path: the most specific rule wins. */
export function sortAliases(rules: readonly AliasRule[]): AliasRule[] {
  const key = (rule: AliasRule) => `${rule.path.toLowerCase()}?${rule.params.map(([n, v]) => `${n}=${v}`).join('&')}`;
  return [...rules].sort((a, b) => b.params.length - a.params.length || compare(key(a), key(b)));
}

/** Every parameter name the aliases use, lowercased, sorted, once. */
export function parameterNamesOf(rules: readonly AliasRule[]): string[] {
  return [...new Set(rules.flatMap((rule) => rule.params.map(([name]) => name.toLowerCase())))].sort(compare);
}

/**
 * True when an alias's path names a folder (`/tin-tuc/cu/`, `/tin-tuc/cu`): the
 * servers then answer it with or without the final slash, as a static server
 * would have. A path whose last segment has a dot (`/Default.aspx`) is a file.
 */
export function isFolderPath(path: string): boolean {
  const last = path.split('/').at(-1) ?? '';
  return last === '' || !last.includes('.');
}

/** The spellings of an alias's path a server should answer: with and without the final slash for a folder. */
export function pathVariants(path: string): string[] {
  if (path === '/' || !isFolderPath(path)) return [path];
  const bare = path.replace(/\/+$/, '');
  return [bare, `${bare}/`];
}

/** Parses a Content-Security-Policy into directive → sources, in order. */
export function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name === undefined || name === '') continue;
    directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/**
 * One policy that allows what any of the given page policies allows, and no more
 * (`'none'` goes where another page allows something). Directives and sources
 * keep the order of their first appearance; pass the policies in a stable order.
 */
export function unionOfPolicies(policies: readonly string[]): string {
  const union = new Map<string, string[]>();
  for (const policy of policies) {
    for (const [name, sources] of parsePolicy(policy)) {
      const known = union.get(name) ?? [];
      for (const source of sources) if (!known.includes(source)) known.push(source);
      union.set(name, known);
    }
  }
  return [...union]
    .map(([name, sources]) => {
      const kept = sources.length > 1 ? sources.filter((source) => source !== "'none'") : sources;
      return [name, ...kept].join(' ');
    })
    .join('; ');
}

/** The policy pages declare in `<meta http-equiv="content-security-policy">`, if any. */
export function pagePolicyOf(html: string): string | undefined {
  const meta = /<meta\s+http-equiv="content-security-policy"\s+content="([^"]*)"/i.exec(html);
  return meta?.[1]
    ?.replace(/&#39;|&#x27;|&apos;/g, "'")
    .replace(/&quot;|&#34;/g, '"')
    .replace(/&amp;|&#38;/g, '&');
}

/** The header policy of the site's pages: their policies' union, and no page may be framed. */
export function siteHeaderPolicy(pagePolicies: readonly string[]): string {
  const policy = unionOfPolicies(pagePolicies);
  return policy === '' ? "frame-ancestors 'none'" : `${policy}; frame-ancestors 'none'`;
}

/** The rules of a built site, from its `_redirects` text and the policies of its pages. */
export function siteRules(redirectsText: string, pagePolicies: readonly string[]): SiteRules {
  const aliases = parseRedirectsFile(redirectsText);
  return { aliases, parameterNames: parameterNamesOf(aliases), csp: siteHeaderPolicy(pagePolicies) };
}

/** The value an alias requires for each of the site's parameter names (`''`: absent or empty). */
export function requiredValues(rule: AliasRule, names: readonly string[]): string[] {
  return names.map((name) => rule.params.find(([given]) => given.toLowerCase() === name)?.[1] ?? '');
}

/**
 * Escapes text for a PCRE pattern (nginx, Apache), byte by byte: letters,
 * digits, `/`, `_` and `-` stay, everything else becomes `\xHH` of its UTF-8 bytes,
 * so no character of a path can mean anything to the regex or the config parser.
 */
export function pcreLiteral(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const char = String.fromCharCode(byte);
    out += /[A-Za-z0-9/_-]/.test(char) ? char : `\\x${byte.toString(16).padStart(2, '0')}`;
  }
  return out;
}
