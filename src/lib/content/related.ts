import type { Dated } from './order';
import type { Tag } from './tags';

/** What related-article ranking needs to know. */
export interface Relatable extends Dated {
  category: string;
  tags: readonly Tag[];
}

/** One article as the ranking sees it. */
interface Entry<T> {
  article: T;
  time: number;
  /** Where the article stands on each of its tags' lists, in the order of its tags. */
  onTags: Place<T>[];
  /** Where it stands on its category's list. */
  onCategory: Place<T>;
  /** The last article whose ranking has looked at this one. */
  seenBy: Entry<T> | undefined;
}

/** A list of articles sharing a tag or a category, in time order, and a position on it. */
interface Place<T> {
  list: Entry<T>[];
  at: number;
}

/** A related article chosen so far, with what it was ranked by. */
interface Choice<T> {
  entry: Entry<T>;
  shared: number;
  sameCategory: boolean;
  distance: number;
}

/**
 * Finds up to `count` related articles of an article, by slug: most shared tags
 * first, then the same category, then nearest in time, then slug; articles
 * sharing neither a tag nor the category are never related. An unknown slug has none.
 *
 * The index of tag → articles and category → articles, each in time order, is
 * built once; each article's ranking is made when first asked for (the
 * preview renders one page, the build all of them) and kept. It is exact
 * without comparing every pair: the article walks its own lists outwards in
 * time, nearest first, the smallest tag list first and the category last, and
 * leaves a list as soon as nothing unseen on it could outrank its `count`th
 * pick. A tag carried by thousands of articles is thus only read near the
 * article, if at all.
 */
export function relatedFinder<T extends Relatable>(sorted: readonly T[], count: number): (slug: string) => T[] {
  const entries = new Map(indexByTagAndCategory(sorted).map((entry) => [entry.article.slug, entry]));
  const found = new Map<string, T[]>();
  return (slug) => {
    const known = found.get(slug);
    if (known !== undefined) return known;
    const own = entries.get(slug);
    if (own === undefined) return [];
    const ranking = new Ranking(own, count);
    // Tag lists smallest first (a stable sort: equal lengths keep the tags' order). An unseen
    // article on the j-th list (from 0) is on none of the lists before it (it would have been
    // seen, or ruled out for good when that walk stopped), so it shares at most own.onTags.length - j tags.
    const smallestFirst = [...own.onTags].sort((a, b) => a.list.length - b.list.length);
    smallestFirst.forEach((place, j) => ranking.walk(place, own.onTags.length - j));
    // Then the category: an unseen article there shares no tag.
    ranking.walk(own.onCategory, 0);
    const related = ranking.picks.map((pick) => pick.entry.article);
    found.set(slug, related);
    return related;
  };
}

/** The ranking of one article's related articles: its best `count` picks so far, best first. */
class Ranking<T extends Relatable> {
  readonly picks: Choice<T>[] = [];

  constructor(
    private readonly own: Entry<T>,
    private readonly count: number,
  ) {
    own.seenBy = own;
  }

  /** Walks a list outwards from the article, nearest first, while an unseen entry could still rank. */
  walk({ list, at }: Place<T>, shared: number): void {
    const time = this.own.time;
    let newer = at - 1;
    let older = at + 1;
    for (;;) {
      const before = newer >= 0 ? list[newer] : undefined;
      const after = older < list.length ? list[older] : undefined;
      let next: Entry<T>;
      if (before !== undefined && (after === undefined || before.time - time <= time - after.time)) {
        next = before;
        newer -= 1;
      } else if (after !== undefined) {
        next = after;
        older += 1;
      } else return;
      if (this.settled(shared, Math.abs(next.time - time))) return;
      this.consider(next);
    }
  }

  /** True when the last pick ranks strictly before anything sharing `shared` tags at `distance` or more. */
  private settled(shared: number, distance: number): boolean {
    const last = this.picks.length === this.count ? this.picks[this.count - 1] : undefined;
    return (
      last !== undefined &&
      (last.shared > shared || (last.shared === shared && last.sameCategory && last.distance < distance))
    );
  }

  /** Scores an article not seen yet and, when it ranks among the best `count`, puts it in its place. */
  private consider(other: Entry<T>): void {
    const { own, picks, count } = this;
    if (other.seenBy === own) return;
    other.seenBy = own;
    let shared = 0;
    for (const theirs of other.onTags) for (const mine of own.onTags) if (mine.list === theirs.list) shared += 1;
    const candidate: Choice<T> = {
      entry: other,
      shared,
      sameCategory: other.onCategory.list === own.onCategory.list,
      distance: Math.abs(other.time - own.time),
    };
    const last = picks.length === count ? picks[count - 1] : undefined;
    if (count === 0 || (last !== undefined && !outranks(candidate, last))) return;
    if (last !== undefined) picks.pop();
    let place = picks.length;
    for (let above = picks[place - 1]; above !== undefined && outranks(candidate, above); above = picks[place - 1]) {
      place -= 1;
    }
    picks.splice(place, 0, candidate);
  }
}

/** Whether `a` ranks before `b`: more shared tags, then the same category, then nearer in time, then slug. */
function outranks<T extends Relatable>(a: Choice<T>, b: Choice<T>): boolean {
  return (
    (b.shared - a.shared ||
      Number(b.sameCategory) - Number(a.sameCategory) ||
      a.distance - b.distance ||
      (a.entry.article.slug < b.entry.article.slug ? -1 : 1)) < 0
  );
}

/** Every article with its place on each of its tags' lists and on its category's list, in the order of `sorted`. */
function indexByTagAndCategory<T extends Relatable>(sorted: readonly T[]): Entry<T>[] {
  const tagLists = new Map<string, Entry<T>[]>();
  const categoryLists = new Map<string, Entry<T>[]>();
  const placeOn = <K>(lists: Map<K, Entry<T>[]>, key: K, entry: Entry<T>): Place<T> => {
    let list = lists.get(key);
    if (list === undefined) lists.set(key, (list = []));
    return { list, at: list.push(entry) - 1 };
  };
  return sorted.map((article) => {
    const entry: Entry<T> = { article, time: article.date.getTime(), onTags: [], onCategory: { list: [], at: 0 }, seenBy: undefined };
    entry.onTags = article.tags.map((tag) => placeOn(tagLists, tag.slug, entry));
    entry.onCategory = placeOn(categoryLists, article.category, entry);
    return entry;
  });
}
