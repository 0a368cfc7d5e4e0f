import { parseFrontmatter } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { articleFilePath, articleMarkdown, articleTemplate, yamlString } from '../../src/lib/editing/article-file';
import { ARTICLE_FIELDS, articleSchema } from '../../src/lib/content/article-schema';

/** What YAML (as the site reads frontmatter) makes of `key: <written>`. */
const readBack = (written: string): unknown => parseFrontmatter(`---\nvalue: ${written}\n---\n`).frontmatter.value;

describe('yamlString', () => {
  it('writes plain Vietnamese text without quotes', () => {
    expect(yamlString('Thanh Tiên')).toBe('Thanh Tiên');
    expect(yamlString('tin-tuc-su-kien')).toBe('tin-tuc-su-kien');
  });

  it('quotes text that YAML would read differently, and it reads back unchanged', () => {
    for (const text of [
      'Học viện được trao Bằng khen "Xuất sắc"',
      'Hội thảo: chuyển đổi số',
      'Số #1 của năm',
      "Lời kết của 'Giám đốc'",
      'true',
      'No',
      '2022',
      '0x1F',
      '- gạch đầu dòng',
      '[danh sách]',
      'đuôi có dấu cách ',
      '@HVCB',
      '   ',
    ]) {
      const written = yamlString(text);
      expect(written.startsWith("'"), text).toBe(true);
      expect(readBack(written), text).toBe(text);
    }
  });

  it('always quotes when asked, as dates need', () => {
    expect(yamlString('12/01/2023', true)).toBe("'12/01/2023'");
    expect(readBack(yamlString('2023-01-12', true))).toBe('2023-01-12');
  });

  it('keeps a value on one line', () => {
    expect(readBack(yamlString('Dòng một\r\nDòng hai'))).toBe('Dòng một Dòng hai');
  });
});

describe('articleFilePath', () => {
  it('names the file after the day in Vietnam, not in UTC', () => {
    // 12/01/2023 00:30 in Vietnam is still 11/01 in UTC.
    expect(articleFilePath(new Date('2023-01-11T17:30:00Z'), 'bang-khen')).toBe('2023/2023-01-12-bang-khen.md');
  });

  it('gives a folder story its index.md', () => {
    expect(articleFilePath(new Date('2024-02-14T17:00:00Z'), 'le-khai-giang', true)).toBe(
      '2024/2024-02-15-le-khai-giang/index.md',
    );
  });
});

describe('articleMarkdown', () => {
  it('writes the fields in order, leaves out absent ones, then the body after a blank line', () => {
    expect(
      articleMarkdown(
        [
          ['title', 'Tin: "Đặc biệt"'],
          ['date', '12/01/2023', true],
          ['author', undefined],
          ['source', 'HVCTQGHCM'],
        ],
        '\nĐoạn một.\n\nĐoạn hai.\n\n',
      ),
    ).toBe(`---\ntitle: 'Tin: "Đặc biệt"'\ndate: '12/01/2023'\nsource: HVCTQGHCM\n---\n\nĐoạn một.\n\nĐoạn hai.\n`);
  });
});

describe('articleTemplate', () => {
  const schema = articleSchema(z.string());
  const template = articleTemplate({
    title: "Hội nghị: tổng kết 'năm' 2026",
    date: new Date('2026-01-11T17:00:00Z'),
    category: 'thong-bao',
    folder: true,
  });

  it('fills in the title, the date in Vietnam and the category, and nothing else', () => {
    const { frontmatter } = parseFrontmatter(template);
    expect(frontmatter).toEqual({ title: "Hội nghị: tổng kết 'năm' 2026", date: '12/01/2026', category: 'thong-bao' });
    expect(schema.safeParse(frontmatter).success).toBe(true);
  });

  it('offers every optional field of the schema as a hint that is valid once its # is removed', () => {
    const uncommented = template.replace(/^# (?=[a-zA-Z]+:| {2}[a-z]+:)/gm, '');
    const { frontmatter } = parseFrontmatter(uncommented);
    // Every field the schema knows, so a new field cannot be left out of the template.
    expect(Object.keys(frontmatter).sort()).toEqual([...ARTICLE_FIELDS].sort());
    const checked = schema.safeParse(frontmatter);
    expect(checked.success, JSON.stringify(checked.error?.issues)).toBe(true);
  });

  it('gives a folder story a hint for photos in the body that readers never see', () => {
    expect(template).toContain('![Mô tả ảnh](./anh-1.jpg "Chú thích dưới ảnh")');
    expect(template).toMatch(/<!--[^]*!\[Mô tả ảnh\][^]*-->\n$/);
    const single = articleTemplate({
      title: 'Tin ngắn',
      date: new Date('2026-01-11T17:00:00Z'),
      category: 'thong-bao',
      folder: false,
    });
    expect(single).not.toContain('<!--');
  });
});
