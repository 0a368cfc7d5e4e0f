import { t } from '../../i18n/vi';
import { site } from '../../site.config';
import { ARTICLE_FIELDS } from './article-schema';
import { formatDate, isoDateTime, parseArticleDate } from './dates';

/** Longest title, in characters, before `npm run check` warns (real headlines run past 200). */
export const MAX_TITLE_LENGTH = 300;

/** Every frontmatter key the schema knows, in the schema's order. */
export const KNOWN_FIELDS: readonly string[] = ARTICLE_FIELDS;

/** An image of an article's body, as Markdown wrote it. */
export interface BodyImage {
  url: string;
  alt: string;
}

/** The images of a Markdown body, as written: `![alt](src "title")`. */
export function bodyImages(body: string): BodyImage[] {
  return [...body.matchAll(/!\[([^\]]*)\]\(\s*<?([^\s)>]+)/g)].map((match) => ({
    alt: match[1] ?? '',
    url: match[2] ?? '',
  }));
}

/** What the warnings look at: one article's frontmatter (NFC) and its body. */
export interface WarningInput {
  /** The file as messages name it. */
  fileLabel: string;
  data: Record<string, unknown>;
  body: string;
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
 * as `path: field: cảnh báo: …` lines: a long summary or title, an image
 * without alt text, a revision date in the future, an unknown (likely misspelt)
 * key, tags written as one line with commas.
 */
export function articleWarnings({ fileLabel, data, body, now }: WarningInput): string[] {
  const warnings: string[] = [];
  const warn = (field: string, message: string) =>
    warnings.push(t('problem.line', { file: fileLabel, field, message: t('problem.warning', { message }) }));

  for (const key of Object.keys(data)) {
    if (KNOWN_FIELDS.includes(key)) continue;
    const near = nearestField(key);
    warn(
      key,
      near === undefined
        ? t('problem.unknownField', { fields: KNOWN_FIELDS.join(', ') })
        : t('problem.unknownFieldNear', { near }),
    );
  }

  const { title, summary, cover, tags } = data;
  if (typeof title === 'string' && length(title.trim()) > MAX_TITLE_LENGTH) {
    warn('title', t('problem.titleLong', { count: length(title.trim()), max: MAX_TITLE_LENGTH }));
  }
  if (typeof summary === 'string' && length(summary.trim()) > site.summaryLength) {
    warn('summary', t('problem.summaryLong', { count: length(summary.trim()), max: site.summaryLength }));
  }
  if (typeof tags === 'string' && tags.includes(',')) {
    const count = tags.split(',').filter((tag) => tag.trim() !== '').length;
    const example = `tags: [${tags
      .split(',')
      .map((tag) => tag.trim())
      .filter(Boolean)
      .join(', ')}]`;
    warnings.push(
      t('problem.line', {
        file: fileLabel,
        field: 'tags',
        message: t('problem.hint', { message: t('problem.tags.commaList', { count, example }) }),
      }),
    );
  }

  // A future `date` is not a mistake but a schedule: `npm run check` lists it apart (scheduledLine).
  const updated = parseArticleDate(data.updated);
  if (updated !== undefined && updated.getTime() > now.getTime()) {
    warn('updated', t('problem.futureDate', { date: formatDate(updated), today: formatDate(now) }));
  }

  if (
    cover !== null &&
    typeof cover === 'object' &&
    'alt' in cover &&
    typeof cover.alt === 'string' &&
    cover.alt.trim() === ''
  ) {
    warn('cover.alt', t('problem.coverAlt'));
  }
  for (const image of bodyImages(body)) {
    if (image.alt.trim() === '') warn('body', t('problem.imageAlt', { src: image.url }));
  }
  return warnings;
}

/**
 * The line `npm run check` prints for a scheduled story (not a draft, dated after
 * `now`): when it will appear, in Vietnam time. Not a warning: the story is fine.
 */
export function scheduledLine(fileLabel: string, date: Date): string {
  return `${fileLabel}: date: lên lịch đăng: bài xuất hiện từ lần dựng trang đầu tiên kể từ ${isoDateTime(date).slice(11, 16)} ngày ${formatDate(date)} (giờ Việt Nam)`;
}
