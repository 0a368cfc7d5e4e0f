import type { Image, Paragraph, Root, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';

function isBlank(node: RootContent): boolean {
  return node.type === 'text' && node.value.trim() === '';
}

/**
 * A paragraph holding only an image becomes a `<figure>`; the image's title
 * (`![alt](./anh.jpg "Chú thích")`) becomes its `<figcaption>`.
 */
export function remarkFigure() {
  return (tree: Root) => {
    visit(tree, 'paragraph', (node: Paragraph, index, parent) => {
      if (!parent || index === undefined) return;
      const content = node.children.filter((child) => !isBlank(child));
      const image = content[0];
      if (content.length !== 1 || image?.type !== 'image') return;
      const caption = (image as Image).title?.trim();
      const figureImage: Image = { ...image, title: null };
      const children: unknown[] = [figureImage];
      if (caption) {
        children.push({
          type: 'figcaption',
          data: { hName: 'figcaption' },
          children: [{ type: 'text', value: caption }],
        });
      }
      parent.children[index] = {
        type: 'figure',
        data: { hName: 'figure' },
        children,
      } as unknown as Paragraph;
    });
  };
}
