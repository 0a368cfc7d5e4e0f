import { site } from '../site.config';
import { articleFilePath, articleMarkdown } from './article-file';
import { formatDate, parseArticleDate } from './dates';
import { slugFromPath, slugify } from './slug';

// The old site's plain-text export of one article:
//
//   Tiêu đề bài viết
//
//   Cập nhật ngày: 12/01/2023
//   Đoạn thứ nhất…
//
//   Đoạn cuối, thường là chú thích ảnh…
//
//   Tin: Thanh Tiên
//   (thêm nguồn từ HVCTQGHCM)
//   Ảnh: HVCTQGHCM
//
//   Bản in
//
// Every non-empty line is a paragraph: the export writes each paragraph of the page on one line.

/** An article read from the old site's text export. */
export interface LegacyArticle {
  title: string;
  date: Date;
  author?: string;
  source?: string;
  photoCredit?: string;
  /** Body paragraphs in order, as plain text. */
  paragraphs: string[];
}

/** The result of reading one export: the article, or why it cannot be read. */
export type LegacyParse = { ok: true; article: LegacyArticle } | { ok: false; reason: string };

const DATE_LINE = /^Cập nhật ngày\s*:?\s*(.*)$/iu;
const DAY_FIRST = /^\d{1,2}\/\d{1,2}\/\d{4}/;
const RESIDUE = /^Bản in$/iu;

type Credit = 'author' | 'source' | 'photoCredit';

/** Credit lines at the end of an export, each giving one or more credits. */
const CREDITS: readonly { pattern: RegExp; credits: readonly Credit[] }[] = [
  { pattern: /^Tin\s*(?:,|và|&|\/|-)\s*ảnh\s*:\s*(.+)$/iu, credits: ['author', 'photoCredit'] },
  { pattern: /^Tin\s*:\s*(.+)$/iu, credits: ['author'] },
  { pattern: /^Ảnh\s*:\s*(.+)$/iu, credits: ['photoCredit'] },
  { pattern: /^\(?\s*thêm nguồn từ\s*:?\s*(.+?)\s*\)?$/iu, credits: ['source'] },
  { pattern: /^Nguồn\s*:\s*(.+)$/iu, credits: ['source'] },
];

/** The credits a line gives, or undefined when it is not a credit line. */
function creditsOf(line: string): { credits: readonly Credit[]; value: string } | undefined {
  for (const { pattern, credits } of CREDITS) {
    const value = pattern.exec(line)?.[1]?.trim();
    if (value) return { credits, value };
  }
  return undefined;
}

/**
 * Reads the old site's text export of one article. Forgiving about form
 * (a BOM, CRLF line ends, NFD text, extra blank lines, credits in any order
 * or missing), strict about substance: a title, a readable "Cập nhật ngày"
 * line and some text are required.
 */
export function parseLegacyArticle(text: string): LegacyParse {
  const lines = text
    .replace(/^\uFEFF/, '')
    .normalize('NFC')
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  if (lines.length === 0) return { ok: false, reason: 'empty file (expected a title on the first line)' };

  const [title, ...rest] = lines as [string, ...string[]];
  if (DATE_LINE.test(title)) {
    return {
      ok: false,
      reason: 'no title (expected the headline on the first line, above "Cập nhật ngày: DD/MM/YYYY")',
    };
  }
  const dateIndex = rest.findIndex((line) => DATE_LINE.test(line));
  if (dateIndex === -1) {
    return { ok: false, reason: 'no date line (expected "Cập nhật ngày: DD/MM/YYYY" under the title)' };
  }
  const dateLine = rest[dateIndex] as string;
  const written = DATE_LINE.exec(dateLine)?.[1] ?? '';
  const date = parseArticleDate(DAY_FIRST.exec(written)?.[0]);
  if (date === undefined) {
    return { ok: false, reason: `cannot read the date line "${dateLine}" (expected "Cập nhật ngày: DD/MM/YYYY")` };
  }

  const body = rest.filter((_, index) => index !== dateIndex);
  while (body.length > 0 && RESIDUE.test(body.at(-1) as string)) body.pop();

  // Credits are the last lines, in any order; the first line that is not one ends them.
  const credits: Partial<Record<Credit, string>> = {};
  while (body.length > 0) {
    const found = creditsOf(body.at(-1) as string);
    if (found === undefined || found.credits.some((credit) => credits[credit] !== undefined)) break;
    for (const credit of found.credits) credits[credit] = found.value;
    body.pop();
  }
  if (body.length === 0) {
    return { ok: false, reason: 'no text (expected the story\'s paragraphs under the "Cập nhật ngày" line)' };
  }
  return { ok: true, article: { title, date, ...credits, paragraphs: body } };
}

/**
 * Escapes what Markdown would read as formatting, so that a paragraph of the
 * old site's plain text shows exactly as written.
 */
export function markdownText(paragraph: string): string {
  return paragraph
    .replace(/[\\`*_[\]<~]/g, '\\$&')
    .replace(/&(?=#?[a-z0-9]+;)/gi, '&amp;')
    .replace(/^([#>+-])(?=[\s#-]|$)/, '\\$1')
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

/**
 * The slug of an imported article: the export's file name (the old site named
 * exports by slug), or the title's slug when the name gives none.
 */
export function legacySlug(fileName: string, title: string): string {
  const base = fileName.replace(/\\/g, '/').split('/').pop() ?? '';
  return slugFromPath(base.replace(/\.[^.]*$/, '')) || slugify(title);
}

/** The article as a Markdown file and where it goes below `articles/`. */
export function legacyArticleFile(article: LegacyArticle, slug: string): { path: string; markdown: string } {
  const markdown = articleMarkdown(
    [
      ['title', article.title],
      ['date', formatDate(article.date), true],
      ['category', site.defaultCategory],
      ['author', article.author],
      ['source', article.source],
      ['photoCredit', article.photoCredit],
    ],
    article.paragraphs.map(markdownText).join('\n\n'),
  );
  return { path: articleFilePath(article.date, slug), markdown };
}
