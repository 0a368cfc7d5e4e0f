import type { Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { rehypeRawWhenPresent } from '../../src/lib/markdown/raw';

const transform = rehypeRawWhenPresent();

describe('rehypeRawWhenPresent', () => {
  it('turns raw HTML into elements, as rehype-raw does', () => {
    const tree: Root = {
      type: 'root',
      children: [{ type: 'raw', value: '<mark>Đại hội</mark> được tổ chức' }],
    };
    const result = transform(tree, new VFile());
    const mark = result.children[0];
    expect(mark?.type).toBe('element');
    expect(mark?.type === 'element' && mark.tagName).toBe('mark');
    expect(result.children[1]).toMatchObject({ type: 'text', value: ' được tổ chức' });
  });

  it('leaves a tree without raw HTML as it is, without re-parsing it', () => {
    const tree: Root = {
      type: 'root',
      children: [{ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: 'Học viện' }] }],
    };
    expect(transform(tree, new VFile())).toBe(tree);
  });
});
