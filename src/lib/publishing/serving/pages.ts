import { paths, sections } from '../../discovery/paths';
import { CACHE_IMMUTABLE, EDITOR_CSP, EDITOR_PATH, SECURITY_HEADERS, type SiteRules } from './rules';

/**
 * The `_headers` file of Netlify and Cloudflare Pages, published in the output
 * folder beside `_redirects` (both hosts read them from there). Both compress
 * answers themselves. Cloudflare Pages detaches a header with `! Name`; Netlify
 * joins the values of every matching block, so there the web editor also gets
 * the site's policy (see the README).
 */
export function pagesHeaders(rules: SiteRules): string {
  const block = (path: string, headers: readonly [string, string][]) => [
    path,
    ...headers.map(([name, value]) => `  ${name}: ${value}`),
  ];
  return [
    '# Bản tin: headers for Netlify and Cloudflare Pages. Written by `npm run build`.',
    // No Cache-Control for every path: both hosts join the values of matching blocks, and both
    // already make browsers revalidate pages.
    ...block('/*', [...SECURITY_HEADERS, ['Content-Security-Policy', rules.csp]]),
    `${EDITOR_PATH}*`,
    '  ! Content-Security-Policy',
    `  Content-Security-Policy: ${EDITOR_CSP}`,
    ...block(`/${sections.assets}/*`, [['Cache-Control', CACHE_IMMUTABLE]]),
    ...['fragment', 'index', 'filter'].flatMap((folder) =>
      block(`${paths.searchBundle()}${folder}/*`, [['Cache-Control', CACHE_IMMUTABLE]]),
    ),
    ...block(paths.print(':slug') + '*', [['X-Robots-Tag', 'noindex']]),
    '',
  ].join('\n');
}
