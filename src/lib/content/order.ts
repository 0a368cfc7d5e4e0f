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
