import type { Dated } from './order';
import type { Tag } from './tags';

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
