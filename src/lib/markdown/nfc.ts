import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

/** Normalises every text node and string attribute of the rendered body to NFC. */
export function rehypeNfc() {
  return (tree: Root) => {
    visit(tree, (node) => {
      if (node.type === 'text' || node.type === 'comment') {
        node.value = node.value.normalize('NFC');
      } else if (node.type === 'element') {
        for (const [name, value] of Object.entries(node.properties)) {
          if (typeof value === 'string') node.properties[name] = value.normalize('NFC');
        }
      }
    });
  };
}
