/** The search page's view of results (runs in the browser): query terms, highlights, excerpts, dates. */
import { fold, wordsOf } from '../text/fold';

/** Folded search terms of a query, in order, without repeats. */
export function queryTerms(query: string): string[] {
  return [...new Set(wordsOf(query).map(fold))];
}

/** A run of text, marked when it matches the query. */
export interface Segment {
  text: string;
  mark: boolean;
}

/** A matcher over whitespace-separated tokens: which term (index) a token matches, or -1. */
function matcher(query: string): (token: string) => number {
  const terms = queryTerms(query);
  const last = terms.length - 1;
  return (token) => {
    const words = wordsOf(token).map(fold);
    // The last term may still be being typed: it also matches the start of a word.
    return terms.findIndex((term, index) =>
      words.some((word) => word === term || (index === last && word.startsWith(term))),
    );
  };
}

/** Splits text into tokens and the whitespace after each, keeping every character. */
function tokensOf(text: string): { token: string; space: string }[] {
  return [...text.matchAll(/(\S+)(\s*)/g)].map((match) => ({ token: match[1] ?? '', space: match[2] ?? '' }));
}

/**
 * Joins tokens into segments: the word of each marked token on its own (its
 * punctuation left plain, "được," → "được" + ","), plain text merged.
 */
function toSegments(tokens: { token: string; space: string }[], marked: (index: number) => boolean): Segment[] {
  const segments: Segment[] = [];
  const plain = (text: string) => {
    const last = segments.at(-1);
    if (last && !last.mark) last.text += text;
    else if (text) segments.push({ text, mark: false });
  };
  tokens.forEach(({ token, space }, index) => {
    if (marked(index)) {
      const [, lead = '', word = '', trail = ''] = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/su.exec(token) ?? [];
      plain(lead);
      segments.push({ text: word, mark: true });
      plain(trail);
    } else {
      plain(token);
    }
    plain(space);
  });
  return segments;
}

/** A whole text (a title) with the words matching the query marked. */
export function highlight(text: string, query: string): Segment[] {
  const match = matcher(query);
  const tokens = tokensOf(text.trim());
  return toSegments(tokens, (index) => match(tokens[index]?.token ?? '') >= 0);
}

/**
 * The excerpt of a search result: about `size` words of `content` around the
 * place that matches the most query terms (tone marks and `đ` folded), the
 * matching words marked, "…" where text was cut. Only `content` is ever quoted.
 */
export function excerpt(content: string, query: string, size = 30): Segment[] {
  const match = matcher(query);
  const tokens = tokensOf(content.trim());
  if (tokens.length === 0) return [];
  const hits = tokens.map(({ token }) => match(token));
  // Slide a window of `size` tokens: keep the one with the most distinct terms, then the most hits.
  const counts = new Map<number, number>();
  const add = (hit: number | undefined, by: number) => {
    if (hit === undefined || hit < 0) return;
    const count = (counts.get(hit) ?? 0) + by;
    if (count === 0) counts.delete(hit);
    else counts.set(hit, count);
  };
  let best = 0;
  let bestDistinct = -1;
  let bestHits = -1;
  let inWindow = 0;
  for (let index = 0; index < tokens.length; index += 1) {
    add(hits[index], 1);
    if ((hits[index] ?? -1) >= 0) inWindow += 1;
    const start = index - size + 1;
    if (start > 0) {
      add(hits[start - 1], -1);
      if ((hits[start - 1] ?? -1) >= 0) inWindow -= 1;
    }
    if (index === tokens.length - 1 || start >= 0) {
      if (counts.size > bestDistinct || (counts.size === bestDistinct && inWindow > bestHits)) {
        best = Math.max(0, start);
        bestDistinct = counts.size;
        bestHits = inWindow;
      }
    }
  }
  // Start a few words before the first hit, so the reader sees its context, or where its sentence starts.
  const firstHit = hits.findIndex((hit, index) => index >= best && hit >= 0);
  let start = firstHit < 0 ? 0 : Math.max(0, Math.min(firstHit - 3, tokens.length - size));
  for (let index = firstHit - 1; index >= start && index > 0; index -= 1) {
    if (/[.!?…;:]$/u.test(tokens[index]?.token ?? '')) {
      start = index + 1;
      break;
    }
  }
  const end = Math.min(tokens.length, start + size);
  const excerpt = tokens
    .slice(start, end)
    .map((entry, index, all) => (index === all.length - 1 ? { ...entry, space: '' } : entry));
  const segments = toSegments(excerpt, (index) => (hits[start + index] ?? -1) >= 0);
  if (start > 0) segments.unshift({ text: '… ', mark: false });
  if (end < tokens.length) segments.push({ text: ' …', mark: false });
  return segments;
}

/**
 * The body part of an indexed page's text: Pagefind's content starts with the
 * title (the page's `<h1>`), which the result already shows as its heading.
 */
export function withoutTitle(content: string, title: string): string {
  const text = content.trim();
  if (title && text.startsWith(title)) return text.slice(title.length).replace(/^[\s.:;,!?–—-]+/u, '');
  return text;
}

/** `DD/MM/YYYY` from an ISO date-time written in Vietnam time (`2023-01-12T00:00:00+07:00`). */
export function displayDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : '';
}
