import slugifyLib from 'slugify';
import { remembered } from '../text/remembered';

/** Longest slug allowed, in characters. */
export const MAX_SLUG_LENGTH = 80;

const SLUG_RULE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Slugs already made, by text: every page of a build, and the preview after
 * each save, asks again for the slugs of every article's file and tags.
 */
const slugs = new Map<string, string>();
const REMEMBERED_SLUGS = 200_000;

/**
 * Turns Vietnamese text into a URL slug: lowercase ASCII, diacritics removed,
 * đ → d, every other run of characters → one `-`, at most 80 characters cut on a word.
 * NFC and NFD input give the same slug.
 */
export function slugify(text: string): string {
  // A text that is already a slug (most file names) is its own: slugifying it changes nothing.
  if (isValidSlug(text)) return text;
  let slug = slugs.get(text);
  if (slug === undefined) {
    if (slugs.size >= REMEMBERED_SLUGS) slugs.clear();
    slug = slugOf(text);
    slugs.set(text, slug);
  }
  return slug;
}

function slugOf(text: string): string {
  // NFC first so that combining marks never split a letter; every run of punctuation or
  // symbols is a word break (not "and" for "&"); slugify's `vi` locale then maps đ/Đ and the marks.
  const words = text.normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, ' ');
  const slug = slugifyLib(words, { lower: true, strict: true, locale: 'vi' });
  return truncateSlug(slug);
}

function truncateSlug(slug: string): string {
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  const cut = slug.slice(0, MAX_SLUG_LENGTH + 1);
  const lastDash = cut.lastIndexOf('-');
  // A single word longer than the limit has no word boundary to cut on.
  return lastDash > 0 ? cut.slice(0, lastDash) : slug.slice(0, MAX_SLUG_LENGTH);
}

/** True when `slug` already obeys the slug rules (what `slugify` would produce). */
export function isValidSlug(slug: string): boolean {
  return slug.length <= MAX_SLUG_LENGTH && SLUG_RULE.test(slug);
}

const DATE_PREFIX = /^\d{4}-\d{2}-\d{2}-/;

/**
 * The slug an article's file gives it: the file or folder name without its
 * extension and `YYYY-MM-DD-` prefix (`2023/2023-01-12-bang-khen/index.md` → `bang-khen`).
 */
export function slugFromPath(filePath: string): string {
  return pathSlugs(filePath);
}

// Slugifying is the slow part of the checks and loads that ask for every story's slug or every tag's.
const pathSlugs = remembered((filePath) => {
  const parts = filePath.replace(/\\/g, '/').split('/');
  let name = parts.pop() ?? '';
  if (/^index\.mdx?$/i.test(name)) name = parts.pop() ?? '';
  name = name
    .normalize('NFC')
    .replace(/\.mdx?$/i, '')
    .replace(DATE_PREFIX, '');
  return slugify(name);
});

/** An article's slug: its `slug` field when given, else the one its file name gives. */
export function articleSlug(filePath: string, override: string | undefined): string {
  return override ?? slugFromPath(filePath);
}

/**
 * The slug of a tag's page: as `slugify`, but `+` and `#` are words, so that
 * `C++`, `C#` and `C` get pages of their own (`c-plus-plus`, `c-sharp`, `c`).
 */
export function tagSlug(name: string): string {
  return tagSlugs(name);
}

const tagSlugs = remembered((name) => slugify(name.replace(/\+/g, ' plus ').replace(/#/g, ' sharp ')));
