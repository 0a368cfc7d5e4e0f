import { defaultSchema } from 'rehype-sanitize';
import type { Options } from 'rehype-sanitize';

/**
 * What raw HTML in an article may keep: GitHub's allow-list (no script,
 * style, event handlers, forms or `javascript:` URLs) plus the elements news
 * needs for pictures and highlights.
 */
export const sanitizeSchema: Options = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), 'figure', 'figcaption', 'mark'],
  attributes: {
    ...defaultSchema.attributes,
    img: [...(defaultSchema.attributes?.img ?? []), 'alt', 'title', 'width', 'height', 'loading', 'decoding'],
  },
};
