import { decodeHTML } from 'entities';
import { yearMonth } from './dates';
import { slugify } from './slug';
import { squeeze, truncateOnWord } from './text';

/** What every ordering and grouping function needs to know of an article. */
export interface Dated {
  slug: string;
  date: Date;
}

/** Newest first by the instant of `date`; equal instants by slug ascending. */
export function compareNewestFirst(a: Dated, b: Dated): number {
  const byTime = b.date.getTime() - a.date.getTime();
  if (byTime !== 0) return byTime;
  return a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0;
}

/** A new array, newest first (see `compareNewestFirst`); the input is left as it is. */
export function sortNewestFirst<T extends Dated>(articles: readonly T[]): T[] {
  return [...articles].sort(compareNewestFirst);
}

/** The one rule for what readers see: drafts only in previews that ask for them. */
export function isPublished(article: { draft: boolean }, mode: { includeDrafts: boolean }): boolean {
  return !article.draft || mode.includeDrafts;
}

/** The articles either side of one in time, in a newest-first list. */
export interface Neighbours<T> {
  newer?: T | undefined;
  older?: T | undefined;
}

/** Neighbours of every article of a newest-first list, keyed by slug. */
export function neighboursBySlug<T extends Dated>(sorted: readonly T[]): Map<string, Neighbours<T>> {
  const result = new Map<string, Neighbours<T>>();
  sorted.forEach((article, index) => {
    result.set(article.slug, { newer: sorted[index - 1], older: sorted[index + 1] });
  });
  return result;
}

/** One page of a paginated list. */
export interface Page<T> {
  items: T[];
  /** 1-based page number. */
  page: number;
  pages: number;
}

/** Splits a list into pages of `size`; an empty list still has one (empty) page. */
export function paginate<T>(items: readonly T[], size: number): Page<T>[] {
  const pages = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: pages }, (_, index) => ({
    items: items.slice(index * size, (index + 1) * size),
    page: index + 1,
    pages,
  }));
}

/** A month of the archive. */
export interface ArchiveMonth<T> {
  year: number;
  month: number;
  articles: T[];
}

/** A year of the archive, months newest first. */
export interface ArchiveYear<T> {
  year: number;
  count: number;
  months: ArchiveMonth<T>[];
}

/**
 * Groups a newest-first list by year and month in Vietnam time, newest first;
 * articles keep their order inside each month.
 */
export function groupByMonth<T extends Dated>(sorted: readonly T[]): ArchiveYear<T>[] {
  const years: ArchiveYear<T>[] = [];
  for (const article of sorted) {
    const { year, month } = yearMonth(article.date);
    let lastYear = years.at(-1);
    if (lastYear?.year !== year) {
      lastYear = { year, count: 0, months: [] };
      years.push(lastYear);
    }
    let lastMonth = lastYear.months.at(-1);
    if (lastMonth?.month !== month) {
      lastMonth = { year, month, articles: [] };
      lastYear.months.push(lastMonth);
    }
    lastMonth.articles.push(article);
    lastYear.count += 1;
  }
  return years;
}

const PARAGRAPH = /<p(?:\s[^>]*)?>([\s\S]*?)<\/p>/g;

/** Plain text of a paragraph's HTML: inline tags dropped, line breaks as spaces, entities decoded. */
export function htmlToText(html: string): string {
  return squeeze(decodeHTML(html.replace(/<br\s*\/?>/gi, ' ').replace(/<[^>]*>/g, '')));
}

/**
 * The summary readers see: the given one, or the first paragraph of the body
 * with text in it; at most `max` characters, the "…" included, cut on a word.
 */
export function summaryOf(given: string | undefined, bodyHtml: string, max: number): string {
  if (given !== undefined) return truncateOnWord(given, max);
  for (const match of bodyHtml.matchAll(PARAGRAPH)) {
    const text = htmlToText(match[1] ?? '');
    if (text.length > 0) return truncateOnWord(text, max);
  }
  return '';
}

/** A tag as readers see it, with the slug of its page. */
export interface Tag {
  name: string;
  slug: string;
}

/**
 * Tags with their slugs, one per slug: tags differing only by case or
 * Unicode form collapse into the first spelling; tags with no slug are dropped.
 */
export function tagsOf(names: readonly string[]): Tag[] {
  const seen = new Map<string, Tag>();
  for (const raw of names) {
    const name = squeeze(raw.normalize('NFC'));
    const slug = slugify(name);
    if (slug && !seen.has(slug)) seen.set(slug, { name, slug });
  }
  return [...seen.values()];
}

/** What related-article ranking needs to know. */
export interface Relatable extends Dated {
  category: string;
  tags: readonly Tag[];
}

/**
 * For every article, up to `count` related ones: most shared tags first, then
 * the same category, then nearest in time, then slug. Built from a tag index
 * so that each article only looks at articles it shares a tag or category with.
 */
export function relatedBySlug<T extends Relatable>(sorted: readonly T[], count: number): Map<string, T[]> {
  const byTag = new Map<string, number[]>();
  const byCategory = new Map<string, number[]>();
  const positionInCategory: number[] = [];
  sorted.forEach((article, index) => {
    for (const tag of article.tags) {
      const list = byTag.get(tag.slug) ?? [];
      list.push(index);
      byTag.set(tag.slug, list);
    }
    const list = byCategory.get(article.category) ?? [];
    positionInCategory[index] = list.length;
    list.push(index);
    byCategory.set(article.category, list);
  });

  const result = new Map<string, T[]>();
  sorted.forEach((article, index) => {
    const shared = new Map<number, number>();
    for (const tag of article.tags) {
      for (const other of byTag.get(tag.slug) ?? []) {
        if (other !== index) shared.set(other, (shared.get(other) ?? 0) + 1);
      }
    }
    const candidates = [...shared.keys()];
    // Same-category articles fill the places that tags leave, nearest in time first:
    // walk outwards from the article, always taking the nearer side.
    const sameCategory = byCategory.get(article.category) ?? [];
    const position = positionInCategory[index] ?? 0;
    const time = article.date.getTime();
    const distance = (other: number | undefined) =>
      other === undefined ? Infinity : Math.abs((sorted[other] as T).date.getTime() - time);
    let newer = position - 1;
    let older = position + 1;
    let added = 0;
    while (added < count && (newer >= 0 || older < sameCategory.length)) {
      const takeNewer = distance(sameCategory[newer]) <= distance(sameCategory[older]);
      const other = takeNewer ? sameCategory[newer--] : sameCategory[older++];
      if (other !== undefined && !shared.has(other)) {
        candidates.push(other);
        added += 1;
      }
    }
    const rank = (other: number) => {
      const candidate = sorted[other] as T;
      return {
        tags: shared.get(other) ?? 0,
        category: candidate.category === article.category ? 1 : 0,
        distance: Math.abs(candidate.date.getTime() - time),
        slug: candidate.slug,
      };
    };
    const ranked = candidates
      .map((other) => ({ other, key: rank(other) }))
      .sort(
        (a, b) =>
          b.key.tags - a.key.tags ||
          b.key.category - a.key.category ||
          a.key.distance - b.key.distance ||
          (a.key.slug < b.key.slug ? -1 : a.key.slug > b.key.slug ? 1 : 0),
      )
      .slice(0, count)
      .map(({ other }) => sorted[other] as T);
    result.set(article.slug, ranked);
  });
  return result;
}

/** Where an article came from, for collision messages. */
export interface Claimant {
  slug: string;
  aliases: readonly string[];
  filePath: string;
}

/**
 * Every slug or alias claimed by two files (drafts included), and every alias
 * equal to an article's own page, as messages naming both files.
 */
export function findCollisions(articles: readonly Claimant[], articlePath: (slug: string) => string): string[] {
  const problems: string[] = [];
  const slugs = new Map<string, string>();
  const claimed = new Map<string, string>();
  for (const article of articles) {
    const owner = slugs.get(article.slug);
    if (owner === undefined) slugs.set(article.slug, article.filePath);
    else problems.push(`${article.filePath}: slug: "${article.slug}" is already used by ${owner} (expected a slug no other article has)`);
  }
  for (const article of articles) {
    claimed.set(articlePath(article.slug), article.filePath);
  }
  for (const article of articles) {
    for (const alias of article.aliases) {
      const owner = claimed.get(alias);
      if (owner === undefined) claimed.set(alias, article.filePath);
      else problems.push(`${article.filePath}: aliases: "${alias}" is already used by ${owner} (expected an old URL no other article or page claims)`);
    }
  }
  return problems;
}
