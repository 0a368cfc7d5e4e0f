/** Escapes text for HTML or XML text and quoted attributes: the five characters that matter, as numeric references. */
export function escapeMarkup(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
