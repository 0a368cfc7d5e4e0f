import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleFiles, checkContent, claimedSlugs, readArticle } from '../../src/lib/content-check';
import { tmpRoot } from '../support/build';

const root = join(tmpRoot, 'unit-content-check');
const NOW = new Date('2024-03-01T05:00:00Z');

const FILES: Record<string, string> = {
  '2023/2023-01-12-bang-khen.md': "\uFEFF---\ntitle: Bằng khen\ndate: '12/01/2023'\n---\n\nNội dung.\n",
  '2024/2024-02-15-le-khai-giang/index.md':
    "---\ntitle: Lễ khai giảng\ndate: '15/02/2024'\nslug: khai-giang-2024\n---\n\n![](./anh-1.jpg)\n\n![Ảnh](<./khong co.jpg>)\n",
  '2024/2024-02-15-le-khai-giang/anh-1.jpg': 'ảnh',
  '2024/2024-02-16-yaml.md': "---\ntitle: 'chưa đóng\ndate: '16/02/2024'\n---\n\nx\n",
  '2024/.ban-nhap-an.md': '---\ntitle: Ẩn\n---\n',
  '2024/ghi-chu.txt': 'không phải bài viết',
};

beforeAll(() => {
  rmSync(root, { recursive: true, force: true });
  for (const [path, text] of Object.entries(FILES)) {
    const file = join(root, 'articles', path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('articleFiles', () => {
  it('lists the Markdown files below articles/ in a stable order, skipping hidden files', () => {
    expect(articleFiles(root)).toEqual([
      '2023/2023-01-12-bang-khen.md',
      '2024/2024-02-15-le-khai-giang/index.md',
      '2024/2024-02-16-yaml.md',
    ]);
  });

  it('lists nothing for a root without articles/', () => {
    expect(articleFiles(join(root, 'khong-co'))).toEqual([]);
  });
});

describe('readArticle', () => {
  it('reads the frontmatter behind a BOM, as Astro does', () => {
    const article = readArticle(root, '2023/2023-01-12-bang-khen.md');
    expect(article.frontmatter).toEqual({ data: { title: 'Bằng khen', date: '12/01/2023' }, body: 'Nội dung.' });
  });

  it('returns the YAML error with its line instead of throwing', () => {
    const article = readArticle(root, '2024/2024-02-16-yaml.md');
    expect(article.frontmatter).toMatchObject({ line: expect.any(Number) as number });
    expect('reason' in article.frontmatter && article.frontmatter.reason.length > 0).toBe(true);
  });
});

describe('claimedSlugs', () => {
  it('maps each slug, override included, to the file that claims it', () => {
    const claimed = claimedSlugs(root);
    expect([...claimed.keys()].sort()).toEqual(['bang-khen', 'khai-giang-2024', 'yaml']);
    expect(claimed.get('khai-giang-2024')).toBe(join(root, 'articles/2024/2024-02-15-le-khai-giang/index.md'));
  });
});

describe('checkContent', () => {
  it('returns sorted errors and warnings for the whole root, paths relative to the project', async () => {
    const report = await checkContent(root, tmpRoot, NOW);
    expect(report.articles).toBe(3);
    expect(report.errors).toHaveLength(2);
    expect(report.errors[0]).toBe(
      'unit-content-check/articles/2024/2024-02-15-le-khai-giang/index.md: body: image "./khong co.jpg" not found (expected an image file beside the article)',
    );
    expect(report.errors[1]).toMatch(
      /^unit-content-check\/articles\/2024\/2024-02-16-yaml\.md: frontmatter: malformed YAML near line \d+: /,
    );
    expect(report.warnings).toEqual([
      'unit-content-check/articles/2024/2024-02-15-le-khai-giang/index.md: body: warning: image "./anh-1.jpg" has no alt text (expected ![description of the photo](./anh-1.jpg))',
    ]);
  });
});
