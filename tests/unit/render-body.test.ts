import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderBody } from '../../src/lib/markdown/render';

const dir = mkdtempSync(join(tmpdir(), 'render-body-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function render(body: string) {
  const htmlFile = join(dir, `${Math.random().toString(36).slice(2)}.html`);
  const metadata = await renderBody({ body, filePath: join(dir, 'bai.md'), htmlFile, image: {} });
  return { html: readFileSync(htmlFile, 'utf8'), metadata };
}

describe('renderBody (the article renderer of the build’s worker threads)', () => {
  it('writes the body’s HTML and returns its summary and folded đ-words', async () => {
    const { html, metadata } = await render(
      'Đoàn **đại biểu** đã được đón tiếp.\n\n## Đề mục thứ hai\n\nĐoạn sau <script>alert(1)</script> kết thúc.',
    );
    expect(html).toContain('<p>Đoàn <strong>đại biểu</strong> đã được đón tiếp.</p>');
    expect(html).not.toContain('<script');
    expect(metadata.excerpt).toBe('Đoàn đại biểu đã được đón tiếp.');
    expect(html).toContain('<h2 id="đề-mục-thứ-hai">');
    expect(metadata.dWords.split(' ')).toEqual(['doan', 'dai', 'da', 'duoc', 'don', 'de']);
  });

  it('collects body images beside the article for the build to check and process', async () => {
    const { metadata } = await render('Ảnh:\n\n![Lễ khai giảng](./anh-1.jpg)');
    expect(metadata.localImagePaths).toEqual(['./anh-1.jpg']);
    expect(metadata.remoteImagePaths).toEqual([]);
  });

  it('gives an empty summary and fold for an empty body', async () => {
    const { html, metadata } = await render('');
    expect(html).toBe('');
    expect(metadata).toMatchObject({ excerpt: '', dWords: '', localImagePaths: [] });
  });
});
