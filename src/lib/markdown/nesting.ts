import type { Root } from 'mdast';
import { t } from '../../i18n/vi';
import { site } from '../../site.config';

/** The message for a body nested deeper than the limit. */
export function nestingMessage(): string {
  return t('problem.body.nesting', { limit: site.limits.nesting });
}

/** Quote markers, list markers and indentation at the start of a line. */
const LINE_PREFIX = /^(?:[ \t]|>|[-*+][ \t]|\d{1,9}[.)][ \t])*/;

/**
 * How deeply a Markdown body nests quotes and lists, read from the start of
 * each line (each `>`, each list marker, every two spaces of indentation is a
 * level): cheap enough to run before the parser, which must never be handed a
 * body that would exhaust its stack.
 */
export function nestingDepth(markdown: string): number {
  let deepest = 0;
  for (const line of markdown.split('\n')) {
    const prefix = LINE_PREFIX.exec(line)?.[0] ?? '';
    if (prefix.length <= deepest) continue;
    const markers = (prefix.match(/>|[-*+][ \t]|\d{1,9}[.)][ \t]/g) ?? []).length;
    const indent = prefix.replace(/>|[-*+][ \t]|\d{1,9}[.)][ \t]/g, '').replace(/\t/g, '    ').length;
    deepest = Math.max(deepest, markers + Math.floor(indent / 2));
  }
  return deepest;
}

/**
 * A second guard inside the pipeline, on the parsed tree (raw HTML and other
 * constructs the line check does not see): refuses a tree deeper than a
 * generous multiple of the limit. Walks without recursion.
 */
export function remarkNestingLimit() {
  return (tree: Root) => {
    const limit = site.limits.nesting * 4;
    const stack: { node: { children?: unknown[] }; depth: number }[] = [{ node: tree, depth: 0 }];
    while (stack.length > 0) {
      const { node, depth } = stack.pop() as { node: { children?: unknown[] }; depth: number };
      if (depth > limit) throw new Error(nestingMessage());
      for (const child of node.children ?? [])
        stack.push({ node: child as { children?: unknown[] }, depth: depth + 1 });
    }
  };
}
