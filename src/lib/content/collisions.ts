import { t } from '../../i18n/vi';

/** Where an article came from, for collision messages. */
export interface Claimant {
  slug: string;
  aliases: readonly string[];
  filePath: string;
}

/** How the site answers paths, for alias checks; without it, paths are compared as written. */
export interface SitePaths {
  /** Where a path is served from: two paths with the same location collide. */
  locationOf: (path: string) => string;
  /** The site's own non-article page a path would overwrite, described, or `undefined`. */
  reservedPage: (path: string) => string | undefined;
}

/**
 * Every slug or alias claimed by two files (drafts included), every alias equal
 * to an article's own pages (`pagesOf` a slug: its page, its print view), every
 * alias on or inside one of the site's other pages, and every alias that would
 * need a file and a folder of the same name, as Vietnamese messages naming both.
 */
export function findCollisions(
  articles: readonly Claimant[],
  pagesOf: (slug: string) => string | readonly string[],
  site: SitePaths = { locationOf: (path) => path, reservedPage: () => undefined },
): string[] {
  const problems: string[] = [];
  const say = (file: string, field: string, message: string) =>
    problems.push(t('problem.line', { file, field, message }));
  const slugs = new Map<string, string>();
  const claimed = new Map<string, string>();
  for (const article of articles) {
    const owner = slugs.get(article.slug);
    if (owner === undefined) slugs.set(article.slug, article.filePath);
    else say(article.filePath, 'slug', t('problem.slug.taken', { slug: article.slug, other: owner }));
  }
  /** The folders of the articles' own pages: no alias may be written inside one. */
  const folders = new Map<string, string>();
  for (const article of articles) {
    for (const page of [pagesOf(article.slug)].flat()) {
      claimed.set(site.locationOf(page), article.filePath);
      if (page.endsWith('/')) folders.set(page.slice(1).toLowerCase(), article.filePath);
    }
  }
  /** Files the aliases are written to, lowercased, with the alias and its owner. */
  const files = new Map<string, { alias: string; owner: string }>();
  for (const article of articles) {
    for (const alias of article.aliases) {
      const page = site.reservedPage(alias);
      if (page !== undefined) {
        say(article.filePath, 'aliases', t('problem.alias.page', { alias, page }));
        continue;
      }
      const location = site.locationOf(alias);
      const owner = claimed.get(location);
      if (owner === undefined) {
        claimed.set(location, article.filePath);
        if (location.startsWith('file:')) files.set(location.slice('file:'.length), { alias, owner: article.filePath });
      } else say(article.filePath, 'aliases', t('problem.alias.taken', { alias, other: owner }));
    }
  }
  for (const [file, { alias, owner }] of files) {
    const segments = file.split('/');
    for (let end = 1; end < segments.length; end += 1) {
      const article = folders.get(`${segments.slice(0, end).join('/')}/`);
      if (article && `${segments.slice(0, end).join('/')}/index.html` !== file)
        say(owner, 'aliases', t('problem.alias.page', { alias, page: article }));
    }
    for (let end = 1; end < segments.length; end += 1) {
      const folder = files.get(segments.slice(0, end).join('/'));
      if (folder)
        say(owner, 'aliases', t('problem.alias.fileAndFolder', { alias, other: folder.alias, owner: folder.owner }));
    }
  }
  return problems;
}
