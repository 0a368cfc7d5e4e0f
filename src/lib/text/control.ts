// Control characters arrive from Word (its manual line break is VT, a page break FF), from
// terminals (ESC sequences) and from old exports. None may reach a page or a feed: XML 1.0
// refuses them, and a single one makes a whole RSS feed unreadable.

/** ESC sequences (colours, cursor moves) as terminals write them, removed whole. */
// eslint-disable-next-line no-control-regex -- control characters are what this looks for
const ESCAPE_SEQUENCE = /\u001b(?:\[[0-?]*[ -/]*[@-~]|[@-Z\\-_])/g;
/** Word's manual line break (VT) and page break (FF). */
// eslint-disable-next-line no-control-regex -- control characters are what this looks for
const BREAKS = /[\u000b\u000c]/g;
/** Every other C0 and C1 control character, and DEL; tab, newline and CR stay. */
// eslint-disable-next-line no-control-regex -- control characters are what this looks for
const CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g;

/**
 * Text for a one-line field (title, author, summary…): control characters
 * removed, Word's line and page breaks turned into spaces. With
 * `keepNewlines`, newlines stay (for a whole frontmatter block).
 */
export function oneLineText(text: string, { keepNewlines = false }: { keepNewlines?: boolean } = {}): string {
  const cleaned = text.replace(ESCAPE_SEQUENCE, '').replace(BREAKS, ' ').replace(CONTROLS, '');
  return keepNewlines ? cleaned : cleaned.replace(/[\r\n\t]+/g, ' ');
}

/** Text for a body: control characters removed, Word's line and page breaks turned into newlines. */
export function bodyText(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(BREAKS, '\n').replace(CONTROLS, '');
}
