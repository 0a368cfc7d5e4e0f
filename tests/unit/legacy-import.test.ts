import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { decodeHTML } from 'entities';
import { describe, expect, it } from 'vitest';
import {
  legacyArticleFile,
  legacySlug,
  markdownText,
  parseLegacyArticle,
  type LegacyArticle,
} from '../../src/lib/legacy-import';

const seed = readFileSync(join(import.meta.dirname, '../fixtures/legacy/hoc-vien-can-bo-bang-khen-2022.txt'), 'utf8');

/** A short export in the seed's layout. */
const SHORT = [
  'Lễ khai giảng lớp Bồi dưỡng kiến thức quốc phòng',
  '',
  'Cập nhật ngày: 15/02/2024',
  'Sáng 15/02/2024, Học viện tổ chức lễ khai giảng.',
  '',
  'Học viên dự lễ khai giảng (ảnh trên)',
  '',
  'Tin: Thanh Tiên',
  '',
  '(thêm nguồn từ HVCTQGHCM)',
  '',
  'Ảnh: Minh Anh',
  '',
  'Bản in',
].join('\n');

/** The article an export gives; fails the test when it cannot be read. */
function parsed(text: string): LegacyArticle {
  const result = parseLegacyArticle(text);
  if (!result.ok) throw new Error(result.reason);
  return result.article;
}

/** The reason an export is refused; fails the test when it is accepted. */
function refused(text: string): string {
  const result = parseLegacyArticle(text);
  if (result.ok) throw new Error('expected the export to be refused');
  return result.reason;
}

describe('parseLegacyArticle', () => {
  it('reads the seed: title, date, seven paragraphs ending with the photo caption, and the three credits', () => {
    const article = parsed(seed);
    expect(article.title).toMatch(/^Học viện Cán bộ được trao tặng Bằng khen "Xuất sắc/);
    expect(article.date.toISOString()).toBe('2023-01-11T17:00:00.000Z');
    expect(article.paragraphs).toHaveLength(7);
    expect(article.paragraphs[0]).toMatch(/^Sáng 11\/01\/2023, Học viện Chính trị quốc gia/);
    expect(article.paragraphs.at(-1)).toMatch(/^PGS\.TS\. Nguyễn Tấn Phát .*\(thứ tư, từ trái sang\) nhận bằng khen/);
    expect(article).toMatchObject({ author: 'Thanh Tiên', source: 'HVCTQGHCM', photoCredit: 'HVCTQGHCM' });
  });

  it('drops the trailing "Bản in" and never keeps a credit line as a paragraph', () => {
    const article = parsed(SHORT);
    expect(article.paragraphs).toEqual([
      'Sáng 15/02/2024, Học viện tổ chức lễ khai giảng.',
      'Học viên dự lễ khai giảng (ảnh trên)',
    ]);
  });

  it('reads credits in any order', () => {
    const reordered = SHORT.replace('Tin: Thanh Tiên', 'TEMP')
      .replace('Ảnh: Minh Anh', 'Tin: Thanh Tiên')
      .replace('TEMP', 'Ảnh: Minh Anh');
    expect(parsed(reordered)).toMatchObject({ author: 'Thanh Tiên', source: 'HVCTQGHCM', photoCredit: 'Minh Anh' });
  });

  it('leaves out credits the export does not have', () => {
    const article = parsed(SHORT.replace('(thêm nguồn từ HVCTQGHCM)', '').replace('Ảnh: Minh Anh', ''));
    expect(article).toEqual({
      title: 'Lễ khai giảng lớp Bồi dưỡng kiến thức quốc phòng',
      date: new Date('2024-02-14T17:00:00Z'),
      author: 'Thanh Tiên',
      paragraphs: ['Sáng 15/02/2024, Học viện tổ chức lễ khai giảng.', 'Học viên dự lễ khai giảng (ảnh trên)'],
    });
  });

  it('reads "Tin và ảnh:" as both the author and the photo credit', () => {
    const article = parsed(SHORT.replace('Tin: Thanh Tiên', 'Tin và ảnh: Thanh Tiên').replace('Ảnh: Minh Anh', ''));
    expect(article).toMatchObject({ author: 'Thanh Tiên', photoCredit: 'Thanh Tiên' });
  });

  it('gives the same article for CRLF, a BOM, NFD text and extra blank lines', () => {
    const expected = parsed(SHORT);
    expect(parsed(SHORT.replace(/\n/g, '\r\n'))).toEqual(expected);
    expect(parsed(`\uFEFF${SHORT}`)).toEqual(expected);
    expect(parsed(SHORT.normalize('NFD'))).toEqual(expected);
    expect(parsed(`\n\n${SHORT.replace(/\n\n/g, '\n\n \n\t\n')}\n\n\n`)).toEqual(expected);
  });

  it('returns NFC text from NFD input', () => {
    const article = parsed(SHORT.normalize('NFD'));
    expect(article.title).toBe('Lễ khai giảng lớp Bồi dưỡng kiến thức quốc phòng'.normalize('NFC'));
    expect(article.title.normalize('NFC')).toBe(article.title);
  });

  it('keeps non-breaking spaces inside a paragraph but trims them at its ends', () => {
    const article = parsed(SHORT.replace('lễ khai giảng.', 'lễ\u00a0khai giảng.\u00a0'));
    expect(article.paragraphs[0]).toBe('Sáng 15/02/2024, Học viện tổ chức lễ\u00a0khai giảng.');
  });

  it('keeps a line that only looks like a credit when it comes before the body ends', () => {
    const article = parsed(SHORT.replace('Sáng 15/02/2024', 'Ảnh: lễ khai giảng\n\nSáng 15/02/2024'));
    expect(article.paragraphs[0]).toBe('Ảnh: lễ khai giảng');
  });

  it('refuses an empty file', () => {
    expect(refused(' \n\uFEFF\n')).toBe('empty file (expected a title on the first line)');
    expect(refused('')).toBe('empty file (expected a title on the first line)');
  });

  it('refuses an export with no title above the date line', () => {
    expect(refused('Cập nhật ngày: 15/02/2024\nNội dung.')).toBe(
      'no title (expected the headline on the first line, above "Cập nhật ngày: DD/MM/YYYY")',
    );
  });

  it('refuses an export without a date line', () => {
    expect(refused('Tiêu đề\n\nNội dung bài.\n\nTin: A')).toBe(
      'no date line (expected "Cập nhật ngày: DD/MM/YYYY" under the title)',
    );
  });

  it('refuses a date line it cannot read', () => {
    expect(refused('Tiêu đề\n\nCập nhật ngày: 30/02/2024\nNội dung.')).toBe(
      'cannot read the date line "Cập nhật ngày: 30/02/2024" (expected "Cập nhật ngày: DD/MM/YYYY")',
    );
  });

  it('refuses an export with no text under the date', () => {
    expect(refused('Tiêu đề\n\nCập nhật ngày: 15/02/2024\n\nTin: A\n\nBản in')).toBe(
      'no text (expected the story\'s paragraphs under the "Cập nhật ngày" line)',
    );
  });
});

describe('markdownText', () => {
  const render = async (markdown: string) => {
    const processor = await createMarkdownProcessor({ syntaxHighlight: false, smartypants: false, gfm: true });
    return (await processor.render(markdown)).code;
  };

  it('leaves ordinary Vietnamese text alone', () => {
    const text = 'Sáng 11/01/2023, GS.TS. Nguyễn Xuân Thắng - Ủy viên Bộ Chính trị (thứ tư, từ trái sang) “Xây dựng”.';
    expect(markdownText(text)).toBe(text);
  });

  it.each([
    ['# không phải tiêu đề'],
    ['- không phải danh sách'],
    ['1. không phải danh sách đánh số'],
    ['2023. Năm bản lề'],
    ['> không phải trích dẫn'],
    ['---'],
    ['Giá *đặc biệt* và _giảm_ 50%'],
    ['Mã `lệnh` và [liên kết](http://vi.du)'],
    ['So sánh a < b và <b>đậm</b>'],
    ['Ký hiệu &amp; và ~~gạch~~'],
    ['Đường dẫn C:\\tai-lieu'],
  ])('shows %j as written', async (text) => {
    const html = await render(markdownText(text));
    // One paragraph, no formatting: only links that GFM makes of bare URLs may appear.
    const tags = [...html.matchAll(/<\/?([a-z0-9]+)/g)].map((match) => match[1]);
    expect(
      tags.filter((tag) => tag !== 'p' && tag !== 'a'),
      html,
    ).toEqual([]);
    expect(decodeHTML(html.replace(/<[^>]+>/g, '')).trim()).toBe(text);
  });
});

describe('legacySlug', () => {
  it('takes the slug from the export file name', () => {
    expect(legacySlug('/tmp/xuat/hoc-vien-can-bo-bang-khen-2022.txt', 'Tiêu đề khác')).toBe(
      'hoc-vien-can-bo-bang-khen-2022',
    );
  });

  it('slugifies a Vietnamese NFD file name and drops a date prefix', () => {
    expect(legacySlug('Hội-nghị Đoàn.txt'.normalize('NFD'), 'x')).toBe('hoi-nghi-doan');
    expect(legacySlug('2023-01-12-bang-khen.txt', 'x')).toBe('bang-khen');
  });

  it('falls back to the title when the file name gives no slug', () => {
    expect(legacySlug('___.txt', 'Hội thảo “Đổi mới” năm 2024')).toBe('hoi-thao-doi-moi-nam-2024');
  });
});

describe('legacyArticleFile', () => {
  it('files the article by its Vietnam date and slug, with credits in frontmatter and paragraphs as Markdown', () => {
    const { path, markdown } = legacyArticleFile(parsed(SHORT), 'le-khai-giang');
    expect(path).toBe('2024/2024-02-15-le-khai-giang.md');
    expect(markdown).toBe(
      [
        '---',
        'title: Lễ khai giảng lớp Bồi dưỡng kiến thức quốc phòng',
        "date: '15/02/2024'",
        'category: tin-tuc-su-kien',
        'author: Thanh Tiên',
        'source: HVCTQGHCM',
        'photoCredit: Minh Anh',
        '---',
        '',
        'Sáng 15/02/2024, Học viện tổ chức lễ khai giảng.',
        '',
        'Học viên dự lễ khai giảng (ảnh trên)',
        '',
      ].join('\n'),
    );
  });
});
