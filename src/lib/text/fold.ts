/**
 * Words compared without their marks: lowercase, no tone or vowel marks, `đ` → `d`.
 * Shared by the build (what gets indexed) and the search page (what readers see).
 */

const WORD = /[\p{L}\p{N}]+/gu;

/** Lowercase, without tone or vowel marks, `đ` → `d`: the form words are compared in. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/đ/g, 'd');
}

/** The words (runs of letters and digits) of a text, in NFC. */
export function wordsOf(text: string): string[] {
  return text.normalize('NFC').match(WORD) ?? [];
}
