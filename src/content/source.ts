import { lstatSync, readdirSync, type Dirent, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseDocument } from 'yaml';
import { t } from '../i18n/vi';
import { site } from '../site.config';
import { cleanControlCharacters, decodeStoryBytes } from '../lib/text/encoding';

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
  /** Found through a symbolic link: saving the file changes a path other than `file`. */
  linked?: true;
  /**
   * The file's size, time of change and time of its inode's change, `size:mtime:ctime` (not for a
   * linked file). The last is set by the system on every write or change of times, whatever the
   * tool: a checkout that gives files fixed times cannot make a changed file look unchanged.
   */
  stamp?: string;
}

const kib = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB` : `${Math.ceil(bytes / 1024)} KB`;

/** True when `path` is `root` or inside it (both real paths). */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[a-z]:/i.test(rel));
}

/** Whether a file's name makes it a story, in whatever case its `.md` is written. */
export function isStoryFileName(name: string): boolean {
  return name.toLowerCase().endsWith('.md');
}

/** Characters a file name may not hold: a browser or server would read them as part of the URL. */
const URL_BREAKERS = /[#?%]/;

/**
 * The story files of an articles folder (any `.md`, single or a folder's
 * `index.md`), sorted by id, and the problems of files that cannot be
 * stories: symbolic links leading outside the content root, names with `#`
 * or `?`, two names differing only in Unicode form. Hidden files are skipped.
 * Without `stamps`, no story is given its stamp (one system call each fewer).
 */
export function listStories(
  articlesDir: string,
  contentRoot: string,
  { stamps = true }: { stamps?: boolean } = {},
): { stories: StoryFile[]; problems: Map<string, FieldProblem[]> } {
  const stories: StoryFile[] = [];
  const problems = new Map<string, FieldProblem[]>();
  const refuse = (file: string, problem: FieldProblem) => problems.set(file, [...(problems.get(file) ?? []), problem]);
  let realRoot: string;
  try {
    realRoot = realpathSync(contentRoot);
  } catch {
    return { stories, problems };
  }
  // `prefix` is the folder's path below `articles/`, `/`-separated: the start of its stories' ids.
  const walk = (dir: string, prefix: string, linked: boolean) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch {
      return;
    }
    for (const entry of entries) {
      const { name } = entry;
      if (name.startsWith('.')) continue;
      const file = `${dir}${sep}${name}`;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      const isLink = entry.isSymbolicLink();
      if (isLink) {
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
      const viaLink = linked || isLink;
      if (isDir) walk(file, `${prefix}${name}/`, viaLink);
      else if (isFile && isStoryFileName(name)) {
        const id = `${prefix}${name}`.normalize('NFC');
        const breaker = URL_BREAKERS.exec(id);
        if (breaker) {
          refuse(file, { field: 'file', message: t('problem.file.name', { char: breaker[0] }) });
          continue;
        }
        if (viaLink) stories.push({ id, file, linked: true });
        else if (!stamps) stories.push({ id, file });
        else {
          // Gone since the folder was listed: as if it had not been there.
          const stat = lstatSync(file, { throwIfNoEntry: false });
          if (stat) stories.push({ id, file, stamp: `${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}` });
        }
      }
    }
  };
  // Normalized without a trailing separator, so that paths joined to it below are as `path.join` makes them.
  walk(join(articlesDir, '.'), '', false);
  // Two names that differ only in Unicode form are one address: neither is published. Sorted by
  // id, such stories are side by side (in the order they were found: the sort is stable).
  stories.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const sameId = (index: number) => stories[index - 1]?.id === stories[index]?.id || stories[index + 1]?.id === stories[index]?.id;
  stories.forEach((story, index) => {
    if (!sameId(index)) return;
    // Named after the first of its kind found, or the second for the first.
    const first = stories.findIndex((candidate) => candidate.id === story.id);
    const other = stories[first === index ? index + 1 : first];
    refuse(story.file, { field: 'file', message: t('problem.file.unicodeForm', { other: relative(contentRoot, other?.file ?? '') }) });
  });
  return { stories: stories.filter((_, index) => !sameId(index)), problems };
}

/** The text of a story file, or why it is not text. */
export type DecodedStory = { text: string } | { problem: FieldProblem };

/**
 * Bytes to text: UTF-8 (a byte-order mark is dropped; CRLF becomes LF). UTF-16,
 * binary files, old Vietnamese encodings (TCVN3, VNI, Windows-1258, also when
 * saved again as UTF-8), doubly encoded UTF-8 and old-Mac CR-only line ends
 * are refused with a message that says which, and how to save the file again.
 */
export function decodeStory(bytes: Uint8Array): DecodedStory {
  const decoded = decodeStoryBytes(bytes);
  if ('problem' in decoded) {
    const encoding = decoded.encoding === undefined ? '' : t(`encoding.name.${decoded.encoding}`);
    return { problem: { field: 'file', message: t(`encoding.${decoded.problem}`, { encoding }) } };
  }
  if (decoded.lineEnds === 'cr') return { problem: { field: 'file', message: t('encoding.cr') } };
  return { text: decoded.text };
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
  const document = parseDocument(cleanControlCharacters(yamlText.replace(/[\v\f]/g, ' '), 'body'), {
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
  return { data: cleanStrings(data) as Record<string, unknown>, body: cleanControlCharacters(body, 'body') };
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
  if (typeof value === 'string') return cleanControlCharacters(value, 'line').normalize('NFC');
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
