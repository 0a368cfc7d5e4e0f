/** Normalises every string inside a frontmatter value to Unicode NFC, recursively. */
export function normaliseNfc<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T;
  if (Array.isArray(value)) return value.map((item: unknown) => normaliseNfc(item)) as T;
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, normaliseNfc(item)])) as T;
  }
  return value;
}

/** Collapses runs of whitespace to one space and trims. */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Shortens text to at most `max` characters, the "…" included, cutting on a
 * word boundary; text that fits is returned unchanged.
 */
export function truncateOnWord(text: string, max: number): string {
  const clean = squeeze(text);
  if ([...clean].length <= max) return clean;
  const chars = [...clean];
  let cut = chars.slice(0, max - 1).join('');
  // Cut inside a word: go back to the last space; a cut that ends a word keeps it.
  if (chars[max - 1] !== ' ') {
    const lastSpace = cut.lastIndexOf(' ');
    if (lastSpace > 0) cut = cut.slice(0, lastSpace);
  }
  return `${cut.replace(/[\s,.;:!?–—-]+$/u, '')}…`;
}
