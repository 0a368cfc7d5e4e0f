import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseDocument } from 'yaml';
import { t } from '../i18n/vi';
import { site } from '../site.config';
import { bodyText, oneLineText } from '../lib/text/control';

// Reading a story file: which files are stories, bytes to text, text to frontmatter and body.
// Every way a file can be unreadable becomes a problem naming the file and what to do.

/** A problem with one field of one story (the file is named by the caller). */
export interface FieldProblem {
  field: string;
  message: string;
}

/** A story file found below `articles/`. */
export interface StoryFile {
  /** Path below `articles/`, `/`-separated, in NFC: the collection id. */
  id: string;
  /** Absolute path. */
  file: string;
}

const kib = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB` : `${Math.ceil(bytes / 1024)} KB`;

/** True when `path` is `root` or inside it (both real paths). */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[a-z]:/i.test(rel));
}

/** Characters a file name may not hold: a browser or server would read them as part of the URL. */
const URL_BREAKERS = /[#?%]/;

/**
 * The story files of an articles folder (any `.md`, single or a folder's
 * `index.md`), sorted by id, and the problems of files that cannot be
 * stories: symbolic links leading outside the content root, names with `#`
 * or `?`, two names differing only in Unicode form. Hidden files are skipped.
 */
export function listStories(articlesDir: string, contentRoot: string): { stories: StoryFile[]; problems: Map<string, FieldProblem[]> } {
  const stories: StoryFile[] = [];
  const problems = new Map<string, FieldProblem[]>();
  const refuse = (file: string, problem: FieldProblem) => problems.set(file, [...(problems.get(file) ?? []), problem]);
  let realRoot: string;
  try {
    realRoot = realpathSync(contentRoot);
  } catch {
    return { stories, problems };
  }
  const walk = (dir: string) => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of names) {
      if (name.startsWith('.')) continue;
      const file = join(dir, name);
      const stat = lstatSync(file);
      let isDir = stat.isDirectory();
      let isFile = stat.isFile();
      if (stat.isSymbolicLink()) {
        let target: string;
        try {
          target = realpathSync(file);
        } catch {
          if (name.endsWith('.md')) refuse(file, { field: 'file', message: t('problem.file.unreadable', { reason: 'liên kết hỏng' }) });
          continue;
        }
        if (!isInside(realRoot, target)) {
          if (name.endsWith('.md') || lstatSync(target).isDirectory())
            refuse(file, { field: 'file', message: t('problem.file.outside', { target, root: contentRoot }) });
          continue;
        }
        const targetStat = lstatSync(target);
        isDir = targetStat.isDirectory();
        isFile = targetStat.isFile();
      }
      if (isDir) walk(file);
      else if (isFile && name.toLowerCase().endsWith('.md')) {
        const id = relative(articlesDir, file).split(sep).join('/').normalize('NFC');
        const breaker = URL_BREAKERS.exec(id);
        if (breaker) {
          refuse(file, { field: 'file', message: t('problem.file.name', { char: breaker[0] }) });
          continue;
        }
        stories.push({ id, file });
      }
    }
  };
  walk(articlesDir);
  // Two names that differ only in Unicode form are one address: neither is published.
  const byId = new Map<string, StoryFile[]>();
  for (const story of stories) byId.set(story.id, [...(byId.get(story.id) ?? []), story]);
  for (const same of byId.values()) {
    if (same.length < 2) continue;
    for (const story of same) {
      const other = same.find((candidate) => candidate !== story);
      refuse(story.file, {
        field: 'file',
        message: t('problem.file.unicodeForm', { other: relative(contentRoot, other?.file ?? '') }),
      });
    }
  }
  return {
    stories: stories.filter((story) => (byId.get(story.id)?.length ?? 0) === 1).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    problems,
  };
}

/** The text of a story file, or why it is not text. */
export type DecodedStory = { text: string } | { problem: FieldProblem };

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Double-encoded UTF-8 (UTF-8 read as Windows-1252 and saved again): "Há»c", "Ä‘", "Ã¡". */
const MOJIBAKE = /(?:[ÃÄÆ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u2122]|á[º»][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u2122])/u;

/**
 * Bytes to text: UTF-8 (a byte-order mark is dropped; CRLF becomes LF). UTF-16,
 * binary files, bytes that are not UTF-8 (old Vietnamese encodings: TCVN3,
 * VNI, Windows-1258), text already garbled by a wrong encoding, and old-Mac
 * CR-only line ends are refused with a message that says which.
 */
export function decodeStory(bytes: Uint8Array): DecodedStory {
  const problem = (key: Parameters<typeof t>[0], values: Record<string, string> = {}): DecodedStory => ({
    problem: { field: 'file', message: t(key, values) },
  });
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return problem('problem.file.utf16');
  const head = bytes.subarray(0, 4096);
  const nuls = head.reduce((count, byte) => count + (byte === 0 ? 1 : 0), 0);
  if (nuls > 0) {
    // Text in UTF-16 without a byte-order mark has a NUL beside every ASCII letter.
    let alternating = 0;
    for (let i = 0; i + 1 < head.length; i += 2) if ((head[i] === 0) !== (head[i + 1] === 0)) alternating += 1;
    return alternating > head.length / 4 ? problem('problem.file.utf16') : problem('problem.file.binary');
  }
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    return problem('problem.file.notUtf8', { encoding: legacyEncodingName(bytes) });
  }
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  const garbled = MOJIBAKE.exec(text);
  if (garbled) {
    const at = garbled.index;
    return problem('problem.file.mojibake', { sample: text.slice(Math.max(0, at - 8), at + 12).replace(/\s+/g, ' ').trim() });
  }
  if (text.includes('\r') && !text.includes('\n')) return problem('problem.file.crOnly');
  return { text: text.replace(/\r\n?/g, '\n') };
}

/** ", có lẽ là mã TCVN3 (ABC)" and the like, for the message; empty when no guess is safe. */
function legacyEncodingName(bytes: Uint8Array): string {
  // TCVN3 puts Vietnamese letters in 0xA1–0xFE with many of them in 0xB5–0xFE, Windows-1258 adds
  // combining tone marks (0xCC, 0xD2, 0xDE, 0xEC, 0xF2) after a letter, VNI writes tone marks as
  // a second byte in 0xC0–0xDF after an ASCII letter.
  let high = 0;
  let combining = 0;
  let afterLetter = 0;
  for (let i = 0; i < bytes.length; i += 1) {
    const byte = bytes[i] ?? 0;
    if (byte < 0x80) continue;
    high += 1;
    const previous = bytes[i - 1] ?? 0;
    const isLetter = (previous >= 0x41 && previous <= 0x5a) || (previous >= 0x61 && previous <= 0x7a);
    if ([0xcc, 0xd2, 0xde, 0xec, 0xf2].includes(byte) && isLetter) combining += 1;
    if (byte >= 0xc0 && byte <= 0xdf && isLetter) afterLetter += 1;
  }
  if (high === 0) return '';
  if (combining / high > 0.3) return ', có lẽ là mã Windows-1258';
  if (afterLetter / high > 0.6) return ', có lẽ là mã VNI';
  return ', có lẽ là mã TCVN3 (ABC) hoặc mã cũ khác';
}

/** A story split into its parsed frontmatter and its body. */
export type ParsedStory = { data: Record<string, unknown>; body: string } | { problem: FieldProblem };

/**
 * Splits a story into frontmatter and body and parses the frontmatter as YAML
 * 1.2 (dates stay text: the schema reads them in Vietnam time), with limits on
 * its size and on aliases, so that no file can exhaust memory. Control
 * characters are cleaned from every string (Word's line break becomes a space).
 */
export function parseStory(text: string): ParsedStory {
  const fail = (message: string): ParsedStory => ({ problem: { field: 'frontmatter', message } });
  const opening = /^---[ \t]*\n/.exec(text);
  if (!opening) return fail(t('problem.frontmatter.missingStart'));
  const closing = /^(?:---|\.\.\.)[ \t]*$/m.exec(text.slice(opening[0].length));
  if (!closing) return fail(t('problem.frontmatter.missingEnd'));
  const yamlText = text.slice(opening[0].length, opening[0].length + closing.index);
  const body = text.slice(opening[0].length + closing.index + closing[0].length).replace(/^\n/, '');
  const size = Buffer.byteLength(yamlText);
  if (size > site.limits.frontmatterBytes)
    return fail(t('problem.frontmatter.tooLarge', { size: kib(size), limit: kib(site.limits.frontmatterBytes) }));
  // Raw control characters would stop the YAML parser with a confusing message.
  const document = parseDocument(oneLineText(yamlText, { keepNewlines: true }), {
    uniqueKeys: true,
    prettyErrors: false,
    version: '1.2',
  });
  const error = document.errors[0];
  if (error) {
    const line = (error.linePos?.[0].line ?? 0) + 1;
    return fail(t('problem.frontmatter.yaml', { line: String(line), reason: yamlReason(error.code, error.message) }));
  }
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: site.limits.yamlAliases });
  } catch {
    return fail(t('problem.frontmatter.aliases', { limit: String(site.limits.yamlAliases) }));
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== 'object' || Array.isArray(data)) return fail(t('problem.frontmatter.notMapping'));
  return { data: cleanStrings(data) as Record<string, unknown>, body: bodyText(body) };
}

/** The YAML parser's complaint, in words an editor can act on. */
function yamlReason(code: string, message: string): string {
  const reasons: Record<string, string> = {
    DUPLICATE_KEY: 'một trường được viết hai lần',
    BAD_INDENT: 'thụt lề sai (dòng "trường: giá trị" phải bắt đầu sát lề trái, không có dấu cách hay dấu # ở đầu)',
    MISSING_CHAR: 'thiếu dấu đóng ] } hoặc nháy',
    BLOCK_AS_IMPLICIT_KEY: 'có dấu : thừa trong một giá trị',
    MULTILINE_IMPLICIT_KEY: 'một giá trị bị xuống dòng hoặc có dấu : thừa',
    UNEXPECTED_TOKEN: 'có ký tự không đúng chỗ',
    TAB_AS_INDENT: 'thụt lề bằng phím Tab (cần dấu cách)',
  };
  return reasons[code] ?? message.split('\n')[0] ?? code;
}

function cleanStrings(value: unknown): unknown {
  if (typeof value === 'string') return oneLineText(value).normalize('NFC');
  if (Array.isArray(value)) return value.map(cleanStrings);
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key.normalize('NFC'), cleanStrings(item)]));
  }
  return value;
}

/** A story read from disk: its text split, or the problem that stopped it. */
export type ReadStory = ({ raw: string } & ParsedStory) | { problem: FieldProblem };

/** Reads, decodes and splits one story file, within the size limit. */
export function readStory(file: string): ReadStory {
  let bytes: Buffer;
  try {
    const size = statSync(file).size;
    if (size > site.limits.storyBytes) {
      return {
        problem: {
          field: 'file',
          message: t('problem.file.tooLarge', { size: kib(size), limit: kib(site.limits.storyBytes) }),
        },
      };
    }
    bytes = readFileSync(file);
  } catch (error) {
    return { problem: { field: 'file', message: t('problem.file.unreadable', { reason: (error as Error).message }) } };
  }
  const decoded = decodeStory(bytes);
  if ('problem' in decoded) return decoded;
  const parsed = parseStory(decoded.text);
  return 'problem' in parsed ? parsed : { raw: decoded.text, ...parsed };
}
