import { t } from '../../i18n/vi';
import { site } from '../../site.config';
import { articleFilePath, articleMarkdown } from './article-file';
import { formatDate, parseArticleDate } from '../content/dates';
import { slugFromPath, slugify } from '../content/slug';
import { readDayFirstDate } from '../text/day-first-date';
import {
  cleanControlCharacters,
  convertLegacy,
  decodeStoryBytes,
  hasControlCharacters,
  type LegacyEncoding,
} from '../text/encoding';

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
  /** Body paragraphs in order, as plain text (`\n` where Word had a manual line break). */
  paragraphs: string[];
}

/** The result of reading one export: the article, or why it cannot be read (in Vietnamese). */
export type LegacyParse = { ok: true; article: LegacyArticle } | { ok: false; reason: string };

// "Cập nhật ngày: 12/01/2023" or "Cập nhật ngày 12/01/2023"; not a headline such as
// "Cập nhật ngày nghỉ Tết Nguyên đán 2023".
const DATE_LINE = /^Cập nhật ngày(?:\s*:\s*(.*)|\s+(\d.*)|\s*)$/iu;
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
 * One line of the export as a paragraph: control characters cleaned, Word's manual line breaks
 * (VT) and page breaks (FF) kept as line breaks inside the paragraph (`\n`), ends trimmed.
 */
function paragraphOf(line: string): string {
  if (!hasControlCharacters(line)) return line.trim();
  return cleanControlCharacters(line, 'body')
    .split('\n')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .join('\n');
}

/** A paragraph as one line (a title, a credit, the date line). */
const oneLine = (paragraph: string) => paragraph.replace(/\s*\n\s*/g, ' ');

/** The date a "Cập nhật ngày" line gives, or the reason it gives none. */
function dateOf(dateLine: string): { date: Date } | { reason: string } {
  const match = DATE_LINE.exec(dateLine);
  const written = (match?.[1] ?? match?.[2] ?? '').trim();
  const read = readDayFirstDate(written, { prefix: true });
  if ('problem' in read) {
    return read.problem === 'year'
      ? { reason: t('import.badYear', { year: read.year ?? '', line: dateLine }) }
      : { reason: t('import.badDate', { line: dateLine }) };
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = parseArticleDate(`${pad(read.day)}/${pad(read.month)}/${read.year}`);
  return date === undefined ? { reason: t('import.badDate', { line: dateLine }) } : { date };
}

/**
 * Reads the old site's text export of one article. Forgiving about form
 * (a BOM, CRLF or CR line ends, NFD text, extra blank lines, control characters,
 * credits in any order or missing), strict about substance: a title, a readable
 * "Cập nhật ngày" line (a four-digit year) and some text are required.
 */
export function parseLegacyArticle(text: string): LegacyParse {
  const lines = text
    .replace(/^\uFEFF/, '')
    .normalize('NFC')
    .split(/\r\n|\r|\n/)
    .map(paragraphOf)
    .filter((line) => line.length > 0);
  if (lines.length === 0) return { ok: false, reason: t('import.empty') };

  const [first, ...rest] = lines as [string, ...string[]];
  const title = oneLine(first);
  if (DATE_LINE.test(title)) return { ok: false, reason: t('import.noTitle') };
  const dateIndex = rest.findIndex((line) => DATE_LINE.test(oneLine(line)));
  if (dateIndex === -1) return { ok: false, reason: t('import.noDateLine') };
  const dated = dateOf(oneLine(rest[dateIndex] as string));
  if ('reason' in dated) return { ok: false, reason: dated.reason };

  const body = rest.filter((_, index) => index !== dateIndex);
  while (body.length > 0 && RESIDUE.test(body.at(-1) as string)) body.pop();

  // Credits are the last lines, in any order; the first line that is not one ends them.
  const credits: Partial<Record<Credit, string>> = {};
  while (body.length > 0) {
    const found = creditsOf(oneLine(body.at(-1) as string));
    if (found === undefined || found.credits.some((credit) => credits[credit] !== undefined)) break;
    for (const credit of found.credits) credits[credit] = found.value;
    body.pop();
  }
  if (body.length === 0) return { ok: false, reason: t('import.noText') };
  return { ok: true, article: { title, date: dated.date, ...credits, paragraphs: body } };
}

/** An export's bytes as text, with what was done to make it so; or why it cannot be read. */
export type LegacyText =
  { ok: true; text: string; converted?: LegacyEncoding; controlCharacters: boolean } | { ok: false; reason: string };

/**
 * The text of an export file: UTF-8 as it is, TCVN3, VNI and Windows-1258 (also when read as
 * Western text and saved as UTF-8) converted to NFC; anything else refused with how to re-save it.
 */
export function readLegacyExport(bytes: Uint8Array): LegacyText {
  const decoded = decodeStoryBytes(bytes);
  let text: string;
  let converted: LegacyEncoding | undefined;
  if ('text' in decoded) text = decoded.text;
  else if (decoded.encoding !== undefined) {
    converted = decoded.encoding;
    text = convertLegacy(bytes, converted);
  } else {
    return { ok: false, reason: t(`encoding.${decoded.problem}`, { encoding: '' }) };
  }
  return {
    ok: true,
    text,
    ...(converted === undefined ? {} : { converted }),
    controlCharacters: hasControlCharacters(text),
  };
}

// Addresses GFM turns into links, kept as written up to the next space: an escape inside one, or
// right after it, ends up in the link (https://example.com/a\_b → …/a%5C_b).
const LINKED = /(?:\b(?:https?:\/\/|www\.)[^\s<]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,})/giu;

/** Escapes Markdown's inline formatting characters in plain text. */
function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<~]/g, '\\$&').replace(/&(?=#?[a-z0-9]+;)/gi, '&amp;');
}

/** One line of plain text as Markdown: formatting escaped outside addresses, block markers at its start. */
function markdownLine(line: string): string {
  let out = '';
  let last = 0;
  for (const match of line.matchAll(LINKED)) {
    out += escapeInline(line.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  out += escapeInline(line.slice(last));
  return out.replace(/^([#>+=-])(?=[\s#=-]|$)/, '\\$1').replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

/**
 * Escapes what Markdown would read as formatting, so that a paragraph of the
 * old site's plain text shows exactly as written; web and e-mail addresses stay
 * as written (and become links), line breaks inside it stay line breaks.
 */
export function markdownText(paragraph: string): string {
  return paragraph.split('\n').map(markdownLine).join('\\\n');
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
