import { decodeHTML } from 'entities';
import { squeeze, truncateOnWord } from '../text/clean';

const PARAGRAPH = /<p(?:\s[^>]*)?>([\s\S]*?)<\/p>/g;

/** Plain text of a paragraph's HTML: inline tags dropped, line breaks as spaces, entities decoded. */
export function htmlToText(html: string): string {
  return squeeze(decodeHTML(html.replace(/<br\s*\/?>/gi, ' ').replace(/<[^>]*>/g, '')));
}

/** A summary the editor wrote, as readers see it: spaces squeezed, at most `max` characters, cut on a word. */
export function givenSummary(given: string, max: number): string {
  return truncateOnWord(given, max);
}

/**
 * The summary of a story without one: the first paragraph of its body with text in it,
 * at most `max` characters, the "…" included, cut on a word; empty when no paragraph has text.
 */
export function bodySummary(bodyHtml: string, max: number): string {
  for (const match of bodyHtml.matchAll(PARAGRAPH)) {
    const text = htmlToText(match[1] ?? '');
    if (text.length > 0) return truncateOnWord(text, max);
  }
  return '';
}
