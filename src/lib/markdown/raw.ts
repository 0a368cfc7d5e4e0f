import type { Root } from 'hast';
import { raw } from 'hast-util-raw';
import { EXIT, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

/**
 * rehype-raw, run only on bodies that hold raw HTML: re-parsing a tree with
 * parse5 is one of the costliest steps of rendering, and most stories have
 * no HTML in them at all. Same result as rehype-raw on every tree.
 */
export function rehypeRawWhenPresent() {
  return (tree: Root, file: VFile): Root => {
    let present = false;
    visit(tree, 'raw', () => {
      present = true;
      return EXIT;
    });
    return present ? (raw(tree, { file }) as Root) : tree;
  };
}
