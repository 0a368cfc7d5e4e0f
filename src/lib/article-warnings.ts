import { z } from 'zod';
import { site } from '../site.config';
import { articleSchema } from './article-schema';
import { formatDate, isoDateTime, parseArticleDate } from './dates';

/** Longest title, in characters, before `npm run check` warns. */
export const MAX_TITLE_LENGTH = 150;

/** Every frontmatter key the schema knows, in the schema's order. */
export const KNOWN_FIELDS: readonly string[] = Object.keys(articleSchema(z.unknown()).innerType().shape);

/** An image of an article's body, as Markdown wrote it. */
export interface BodyImage {
  url: string;
  alt: string;
}

/** What the warnings look at: one article's frontmatter (NFC) and the images of its body. */
export interface WarningInput {
  /** The file as messages name it. */
  shown: string;
  data: Record<string, unknown>;
  images: readonly BodyImage[];
  /** The moment "the future" starts. */
  now: Date;
}

/**
 * Distance between two words counting insertions, deletions, substitutions
 * and swaps of neighbouring letters (so `titel` is one step from `title`).
 */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => rows[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      (rows[i] as number[])[j] = best;
    }
  }
  return at(a.length, b.length);
}

/** The known field an unknown key most likely meant, if one is close enough to be a typo. */
export function nearestField(key: string, known: readonly string[] = KNOWN_FIELDS): string | undefined {
  const typed = key.toLowerCase();
  // Short keys tolerate one slip, longer ones two: `tag` → `tags`, `catgory` → `category`.
  const allowed = typed.length <= 4 ? 1 : 2;
  let best: { field: string; distance: number } | undefined;
  for (const field of known) {
    const distance = editDistance(typed, field.toLowerCase());
    if (distance <= allowed && (best === undefined || distance < best.distance)) best = { field, distance };
  }
  return best?.field;
}

const length = (text: string) => [...text].length;

/**
 * Problems that do not stop the build but that an editor should look at,
 * as `path: field: warning: …` lines: a long summary or title, an image
 * without alt text, a revision date in the future, an unknown (likely misspelt) key.
 */
export function articleWarnings({ shown, data, images, now }: WarningInput): string[] {
  const warnings: string[] = [];
  const warn = (field: string, message: string) => warnings.push(`${shown}: ${field}: warning: ${message}`);

  for (const key of Object.keys(data)) {
    if (KNOWN_FIELDS.includes(key)) continue;
    const near = nearestField(key);
    warn(
      key,
      near === undefined
        ? `unknown field, ignored by the site (expected one of: ${KNOWN_FIELDS.join(', ')})`
        : `unknown field, ignored by the site (did you mean "${near}"?)`,
    );
  }

  const { title, summary, cover } = data;
  if (typeof title === 'string' && length(title.trim()) > MAX_TITLE_LENGTH) {
    warn('title', `${length(title.trim())} characters is long for a headline (expected at most ${MAX_TITLE_LENGTH})`);
  }
  if (typeof summary === 'string' && length(summary.trim()) > site.summaryLength) {
    warn(
      'summary',
      `${length(summary.trim())} characters, readers will see it cut (expected at most ${site.summaryLength})`,
    );
  }

  // A future `date` is not a mistake but a schedule: `npm run check` lists it apart (scheduledLine).
  const updated = parseArticleDate(data.updated);
  if (updated !== undefined && updated.getTime() > now.getTime()) {
    warn(
      'updated',
      `${formatDate(updated)} is in the future (expected a day no later than today, ${formatDate(now)}, in Vietnam)`,
    );
  }

  if (
    cover !== null &&
    typeof cover === 'object' &&
    'alt' in cover &&
    typeof cover.alt === 'string' &&
    cover.alt.trim() === ''
  ) {
    warn(
      'cover.alt',
      'the cover image has no alt text (expected a short description of the photo for readers who cannot see it)',
    );
  }
  for (const image of images) {
    if (image.alt.trim() === '') {
      warn('body', `image "${image.url}" has no alt text (expected ![description of the photo](${image.url}))`);
    }
  }
  return warnings;
}

/**
 * The line `npm run check` prints for a scheduled story (not a draft, dated after
 * `now`): when it will appear, in Vietnam time. Not a warning: the story is fine.
 */
export function scheduledLine(shown: string, date: Date): string {
  return `${shown}: date: lên lịch đăng: bài xuất hiện từ lần dựng trang đầu tiên kể từ ${isoDateTime(date).slice(11, 16)} ngày ${formatDate(date)} (giờ Việt Nam)`;
}
