import { squeeze } from '../text/clean';
import { remembered } from '../text/remembered';
import { tagSlug } from './slug';

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
    const tag = tagNamed(raw);
    if (tag.slug && !seen.has(tag.slug)) seen.set(tag.slug, tag);
  }
  return [...seen.values()];
}

/** A tag as written, with its spaces squeezed and its slug (one object per spelling: never changed). */
const tagNamed = remembered((raw): Readonly<Tag> => {
  const name = squeeze(raw.normalize('NFC'));
  return Object.freeze({ name, slug: tagSlug(name) });
});

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
