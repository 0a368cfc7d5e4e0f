/**
 * What the build indexes beside a story's text for Vietnamese search. Pagefind folds tone marks itself, but `đ`
 * has no Unicode decomposition: "duoc" never meets "được" unless the index
 * also holds a folded copy. That copy travels as Pagefind metadata, which is
 * searched but never part of the text excerpts are cut from.
 */

import { fold, wordsOf } from '../text/fold';

/**
 * The đ-words to index beside a text (Pagefind metadata): each distinct word spelled with `đ`/`Đ`,
 * folded, in order of first appearance, space-separated. Other words need no copy:
 * Pagefind already matches them without their marks.
 */
export function dWordsOf(text: string): string {
  const seen = new Set<string>();
  for (const word of wordsOf(text)) {
    if (/[đĐ]/.test(word)) seen.add(fold(word));
  }
  return [...seen].join(' ');
}

/** Lists of đ-words joined, each word once, in order of first appearance. */
export function joinDWords(...copies: string[]): string {
  return [...new Set(copies.flatMap((copy) => copy.split(' ')).filter(Boolean))].join(' ');
}

const BLOCK =
  /<(?:br|hr|img)\b[^>]*>|<\/?(?:p|div|h[1-6]|li|ul|ol|dl|dt|dd|table|tr|td|th|figure|figcaption|blockquote|pre)\b[^>]*>/gi;

/**
 * The words of rendered body HTML as plain text, for `dWordsOf`: block
 * boundaries become spaces, inline tags vanish (a word split by `<strong>`
 * stays one word), entities become spaces (none of them spells `đ`).
 */
export function bodyText(html: string): string {
  return html
    .replace(BLOCK, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&#?\w+;/g, ' ');
}
