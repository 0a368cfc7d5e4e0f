import type { Tag } from './articles';

/** A tag and how many published articles carry it. */
export interface TagCount {
  tag: Tag;
  count: number;
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Tags in Vietnamese alphabetical order (đ after d, marks after plain letters), ties by slug. */
export function byTagName(a: TagCount, b: TagCount): number {
  return collator.compare(a.tag.name, b.tag.name) || (a.tag.slug < b.tag.slug ? -1 : a.tag.slug > b.tag.slug ? 1 : 0);
}

/** The index of all tags with their counts, alphabetical. */
export function tagIndex(byTag: Iterable<{ tag: Tag; articles: readonly unknown[] }>): TagCount[] {
  return [...byTag].map(({ tag, articles }) => ({ tag, count: articles.length })).sort(byTagName);
}

/**
 * The name a merged tag is shown by: the spelling most articles use (they may
 * differ in case), the earliest given on a tie.
 */
export function commonestName(names: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  let best = names[0] ?? '';
  for (const [name, count] of counts) if (count > (counts.get(best) ?? 0)) best = name;
  return best;
}
