/** Fills a message's `{placeholders}` from `values`; a placeholder with no value stays as written. */
export function fillPlaceholders(message: string, values: Record<string, string | number> = {}): string {
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
