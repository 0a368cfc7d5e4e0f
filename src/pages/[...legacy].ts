import type { APIRoute, GetStaticPaths } from 'astro';
import { siteData } from '../data/articles';
import { t } from '../i18n/vi';
import { absoluteUrl, paths } from '../lib/discovery/paths';
import {
  aliasFile,
  isFileAlias,
  legacyLookup,
  redirectPage,
  redirectsFile,
  type Redirect,
} from '../lib/discovery/redirects';
import { site } from '../site.config';

/** What one output of this route is. */
type Output =
  | { kind: 'page'; to: string; title: string }
  | { kind: 'redirects'; redirects: Redirect[] }
  | { kind: 'lookup'; redirects: Redirect[] };

const trimSlash = (path: string) => path.replace(/^\//, '');

/**
 * Everything old addresses need: a redirect page for each plain alias, written
 * where the old server served it; `_redirects` with every alias; and the lookup
 * of aliases with a query string for the not-found page. Collisions between
 * aliases and pages were refused when the collection loaded.
 */
export const getStaticPaths = (async () => {
  const { articles, pages: standing } = await siteData();
  const redirects = [
    ...articles.flatMap((article) =>
      article.aliases.map((from) => ({ from, to: paths.article(article.slug), title: article.title })),
    ),
    ...standing.flatMap((page) => page.aliases.map((from) => ({ from, to: paths.page(page.slug), title: page.title }))),
  ];
  const pages = redirects
    .filter(({ from }) => isFileAlias(from))
    .map(({ from, to, title }) => ({
      params: { legacy: aliasFile(from) },
      props: { kind: 'page', to, title } satisfies Output,
    }));
  const all = redirects.map(({ from, to }) => ({ from, to }));
  return [
    ...pages,
    { params: { legacy: trimSlash(paths.redirects()) }, props: { kind: 'redirects', redirects: all } satisfies Output },
    { params: { legacy: trimSlash(paths.legacyLookup()) }, props: { kind: 'lookup', redirects: all } satisfies Output },
  ];
}) satisfies GetStaticPaths;

export const GET: APIRoute<Output> = ({ props }) => {
  if (props.kind === 'redirects') {
    return new Response(redirectsFile(props.redirects), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  if (props.kind === 'lookup') {
    return new Response(JSON.stringify(legacyLookup(props.redirects)), {
      headers: { 'Content-Type': 'application/json' },
    });
  }
  const html = redirectPage(props.to, absoluteUrl(props.to), {
    lang: site.lang,
    title: `${props.title} | ${site.shortName}`,
    heading: t('redirect.heading'),
    lead: t('redirect.lead'),
    linkText: props.title,
  });
  return new Response(html, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
};
