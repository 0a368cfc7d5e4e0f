import { isMap, isScalar, parseDocument } from 'yaml';
import { yamlString } from '../lib/editing/article-file';
import { isoDateTime, parseArticleDate } from '../lib/content/dates';

/** An article as the web editor holds it: frontmatter values and the Markdown `body`. */
export type ArticleContent = Record<string, unknown>;

/** Frontmatter keys whose value is a date (`date`, `updated`). */
const DATE_KEYS = new Set(['date', 'updated']);

const FRONTMATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/;

/**
 * How each value was written in the files read so far: `key` + value → the exact
 * frontmatter lines. A value saved unchanged is written back exactly as it was read
 * (its quotes, its date form), so opening and saving a story changes nothing.
 */
export class ArticleFormat {
  private readonly written = new Map<string, string>();

  /** @param order frontmatter keys in the order a file is written (the form's order). */
  constructor(private readonly order: readonly string[]) {}

  /** Reads a story file: frontmatter values (dates as Vietnam time with offset) and `body`. */
  parse(text: string): ArticleContent {
    const match = FRONTMATTER.exec(text);
    if (!match) return { body: text };
    const source = match[1] ?? '';
    const document = parseDocument(source);
    const data: ArticleContent = {};
    if (isMap(document.contents)) {
      for (const pair of document.contents.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        let value: unknown = pair.value === null ? null : (pair.value as { toJSON(): unknown }).toJSON();
        if (DATE_KEYS.has(key) && (typeof value === 'string' || typeof value === 'number')) {
          // The form shows and stores one date form; what the file said is kept below.
          const date = parseArticleDate(value);
          if (date !== undefined) value = isoDateTime(date);
        }
        data[key] = value;
        const keyRange = (pair.key as { range?: [number, number, number] } | null)?.range;
        const valueRange = (pair.value as { range?: [number, number, number] } | null)?.range;
        if (keyRange && valueRange) {
          const lineStart = source.lastIndexOf('\n', keyRange[0] - 1) + 1;
          this.written.set(memoKey(key, value), source.slice(lineStart, valueRange[1]).replace(/\s+$/, ''));
        }
      }
    }
    // The blank line after the frontmatter and the final newline belong to the file, not the text.
    const body = text
      .slice(match[0].length)
      .replace(/^\r?\n/, '')
      .replace(/\r?\n$/, '');
    return { ...data, body };
  }

  /** Writes a story file: frontmatter in form order, empty values left out, then the body. */
  format(content: ArticleContent): string {
    const { body, ...data } = content;
    const keys = [
      ...this.order.filter((key) => key in data),
      ...Object.keys(data).filter((key) => !this.order.includes(key)),
    ];
    const lines: string[] = [];
    for (const key of keys) {
      const value = normalise(key, data[key]);
      if (value === undefined) continue;
      lines.push(this.written.get(memoKey(key, value)) ?? yamlEntry(key, value));
    }
    const text = typeof body === 'string' ? body.replace(/\s+$/, '') : '';
    return `---\n${lines.join('\n')}\n---\n${text === '' ? '' : `\n${text}\n`}`;
  }
}

function memoKey(key: string, value: unknown): string {
  return `${key}\u0000${JSON.stringify(value)}`;
}

/** A value as it is written, or `undefined` when the field is empty and left out of the file. */
function normalise(key: string, value: unknown): unknown {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') {
    const text = value.normalize('NFC').trim();
    return text === '' ? undefined : text;
  }
  if (Array.isArray(value)) {
    const list = value
      .map((item) => (typeof item === 'string' ? item.normalize('NFC').trim() : item))
      .filter((item) => item !== '' && item !== null && item !== undefined);
    return list.length === 0 ? undefined : list;
  }
  if (typeof value === 'boolean') return key === 'draft' && !value ? undefined : value;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .map(([name, inner]) => [name, normalise(name, inner)] as const)
      .filter(([, inner]) => inner !== undefined);
    return entries.length === 0 ? undefined : Object.fromEntries(entries);
  }
  return value;
}

// Inside [a, b] a comma or bracket ends the item: such items are quoted.
const FLOW_UNSAFE = /[,[\]{}]/;

function scalar(key: string, value: unknown, inFlow = false): string {
  if (typeof value === 'string') {
    if (DATE_KEYS.has(key)) return yamlString(value, true);
    return yamlString(value, inFlow && FLOW_UNSAFE.test(value));
  }
  return JSON.stringify(value);
}

function yamlEntry(key: string, value: unknown): string {
  if (Array.isArray(value)) return `${key}: [${value.map((item) => scalar(key, item, true)).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    const inner = Object.entries(value as Record<string, unknown>).map(
      ([name, item]) => `  ${name}: ${scalar(name, name === 'src' ? relativeSrc(item) : item)}`,
    );
    return `${key}:\n${inner.join('\n')}`;
  }
  return `${key}: ${scalar(key, value)}`;
}

/** A photo beside the story, written `./name.jpg` as the build and the guide expect. */
function relativeSrc(src: unknown): unknown {
  if (typeof src !== 'string' || src.startsWith('./') || src.startsWith('../') || /^[a-z]+:|^\//i.test(src)) return src;
  return `./${src}`;
}
