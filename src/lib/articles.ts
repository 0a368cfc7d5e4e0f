import { decodeHTML } from 'entities';
import { t } from '../i18n/vi';
import { parseArticleDate, yearMonth } from './dates';
import { tagSlug } from './slug';
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

/**
 * The one rule for what readers see: not a draft, and dated no later than `now`
 * (a story dated in the future is scheduled: it appears with the first build at
 * or after its date). Previews that ask for drafts show scheduled stories too.
 */
export function isPublished(
  article: { draft: boolean; date: Date },
  mode: { includeDrafts: boolean; now: Date },
): boolean {
  if (mode.includeDrafts) return true;
  return !article.draft && article.date.getTime() <= mode.now.getTime();
}

/** True for a story that is not a draft but whose date has not come yet at `now`. */
export function isScheduled(article: { draft: boolean; date: Date }, now: Date): boolean {
  return !article.draft && article.date.getTime() > now.getTime();
}

/**
 * The build's "now": the environment's `BANTIN_NOW` when set (any article date
 * form, e.g. `2026-12-01T08:00+07:00`; Vietnam time without an offset), so that
 * tests and rebuilds of an old commit can fix it; otherwise the clock.
 */
export function publicationNow(env: Record<string, string | undefined> = process.env, clock = new Date()): Date {
  const given = env.BANTIN_NOW;
  if (given === undefined || given.trim() === '') return clock;
  const parsed = parseArticleDate(given);
  if (parsed === undefined) {
    throw new Error(`BANTIN_NOW: không đọc được "${given}" là một thời điểm (cần dạng 2026-12-01T08:00+07:00)`);
  }
  return parsed;
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
    const slug = tagSlug(name);
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
 * the same category, then nearest in time, then slug; articles sharing neither
 * a tag nor the category are never related.
 *
 * Computed once for all articles from an index of tag → articles and
 * category → articles, each in time order, and exact without comparing every
 * pair: each article walks its own lists outwards in time, nearest first, the
 * smallest tag list first and the category last, and leaves a list as soon as
 * nothing unseen on it could outrank its `count`th pick. A tag carried by
 * thousands of articles is thus only read near the article, if at all.
 */
export function relatedBySlug<T extends Relatable>(sorted: readonly T[], count: number): Map<string, T[]> {
  const total = sorted.length;
  const times = Float64Array.from(sorted, (article) => article.date.getTime());
  // Tags and categories as small integers; every list in time order (the order of `sorted`).
  const tagIds = new Map<string, number>();
  const tagLists: number[][] = [];
  const tagsOfArticle: Int32Array[] = [];
  const tagPositions: Int32Array[] = [];
  const categoryIds = new Map<string, number>();
  const categoryLists: number[][] = [];
  const categoryOf = new Int32Array(total);
  const categoryPosition = new Int32Array(total);
  sorted.forEach((article, index) => {
    const ids = article.tags.map((tag) => {
      let id = tagIds.get(tag.slug);
      if (id === undefined) {
        id = tagLists.length;
        tagIds.set(tag.slug, id);
        tagLists.push([]);
      }
      return id;
    });
    tagsOfArticle[index] = Int32Array.from(ids);
    tagPositions[index] = Int32Array.from(ids, (id) => (tagLists[id] as number[]).push(index) - 1);
    let category = categoryIds.get(article.category);
    if (category === undefined) {
      category = categoryLists.length;
      categoryIds.set(article.category, category);
      categoryLists.push([]);
    }
    categoryOf[index] = category;
    categoryPosition[index] = (categoryLists[category] as number[]).push(index) - 1;
  });

  // Every article's tag ids in one flat array (`tagStart[i]` to `tagStart[i + 1]`): fewer cache misses.
  const tagStart = new Int32Array(total + 1);
  tagsOfArticle.forEach((ids, at) => (tagStart[at + 1] = tagStart[at]! + ids.length));
  const tagFlat = new Int32Array(tagStart[total]!);
  tagsOfArticle.forEach((ids, at) => tagFlat.set(ids, tagStart[at]!));

  // The picks of the article being ranked, best first: parallel arrays, `size` of them in use.
  const pickIndex = new Int32Array(count);
  const pickShared = new Int32Array(count);
  const pickSame = new Int32Array(count);
  const pickDistance = new Float64Array(count);
  let size = 0;
  /** Negative when article `other`, scored (shared, same, distance), ranks before pick number `at`. */
  const compare = (shared: number, same: number, distance: number, other: number, at: number) =>
    pickShared[at]! - shared ||
    pickSame[at]! - same ||
    distance - pickDistance[at]! ||
    ((sorted[other] as T).slug < (sorted[pickIndex[at]!] as T).slug ? -1 : 1);
  const seenBy = new Int32Array(total).fill(-1);

  // The article being ranked.
  let index = 0;
  let own: Int32Array = new Int32Array(0);
  let category = 0;
  let time = 0;

  const consider = (other: number) => {
    if (seenBy[other] === index) return;
    seenBy[other] = index;
    let shared = 0;
    for (let a = tagStart[other]!; a < tagStart[other + 1]!; a += 1) {
      for (let b = 0; b < own.length; b += 1) if (tagFlat[a] === own[b]) shared += 1;
    }
    const same = categoryOf[other] === category ? 1 : 0;
    const distance = Math.abs(times[other]! - time);
    if (size === count && compare(shared, same, distance, other, size - 1) >= 0) return;
    let place = size === count ? size - 1 : size;
    while (place > 0 && compare(shared, same, distance, other, place - 1) < 0) {
      pickIndex[place] = pickIndex[place - 1]!;
      pickShared[place] = pickShared[place - 1]!;
      pickSame[place] = pickSame[place - 1]!;
      pickDistance[place] = pickDistance[place - 1]!;
      place -= 1;
    }
    pickIndex[place] = other;
    pickShared[place] = shared;
    pickSame[place] = same;
    pickDistance[place] = distance;
    if (size < count) size += 1;
  };

  /** True when the last pick ranks strictly before anything sharing `shared` tags at `distance` or more. */
  const settled = (shared: number, distance: number) =>
    size === count &&
    (pickShared[size - 1]! > shared ||
      (pickShared[size - 1] === shared && pickSame[size - 1] === 1 && pickDistance[size - 1]! < distance));

  /** Walks a list outwards from the article, nearest first, while an unseen entry could still rank. */
  const walk = (list: number[], at: number, shared: number) => {
    let newer = at - 1;
    let older = at + 1;
    for (;;) {
      const before = newer >= 0 ? list[newer]! : -1;
      const after = older < list.length ? list[older]! : -1;
      if (before < 0 && after < 0) return;
      const takeNewer = after < 0 || (before >= 0 && times[before]! - time <= time - times[after]!);
      const other = takeNewer ? before : after;
      if (settled(shared, Math.abs(times[other]! - time))) return;
      if (takeNewer) newer -= 1;
      else older += 1;
      consider(other);
    }
  };

  const result = new Map<string, T[]>();
  for (index = 0; index < total; index += 1) {
    own = tagsOfArticle[index] as Int32Array;
    category = categoryOf[index]!;
    time = times[index]!;
    size = 0;
    seenBy[index] = index;

    // Tag lists smallest first. An unseen article on the j-th list (from 0) is on none of the
    // lists before it (it would have been seen, or ruled out for good when that walk stopped),
    // so it shares at most own.length - j tags.
    const order = Array.from(own.keys()).sort(
      (a, b) => (tagLists[own[a]!] as number[]).length - (tagLists[own[b]!] as number[]).length || a - b,
    );
    order.forEach((at, j) => walk(tagLists[own[at]!] as number[], tagPositions[index]![at]!, own.length - j));
    // Then the category: an unseen article there shares no tag.
    walk(categoryLists[category] as number[], categoryPosition[index]!, 0);
    result.set(
      sorted[index]!.slug,
      Array.from(pickIndex.subarray(0, size), (other) => sorted[other] as T),
    );
  }
  return result;
}

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
