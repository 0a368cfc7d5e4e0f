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
  readLegacyExport,
  type LegacyArticle,
} from '../../src/lib/editing/legacy-import';

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
    expect(refused(' \n\uFEFF\n')).toBe('tệp trống (cần tiêu đề bài ở dòng đầu)');
    expect(refused('')).toBe('tệp trống (cần tiêu đề bài ở dòng đầu)');
  });

  it('refuses an export with no title above the date line', () => {
    expect(refused('Cập nhật ngày: 15/02/2024\nNội dung.')).toBe(
      'không có tiêu đề (cần tiêu đề bài ở dòng đầu, trên dòng "Cập nhật ngày: DD/MM/YYYY")',
    );
  });

  it('refuses an export without a date line', () => {
    expect(refused('Tiêu đề\n\nNội dung bài.\n\nTin: A')).toBe(
      'không có dòng ngày (cần dòng "Cập nhật ngày: DD/MM/YYYY" dưới tiêu đề)',
    );
  });

  it('refuses a date line it cannot read', () => {
    expect(refused('Tiêu đề\n\nCập nhật ngày: 30/02/2024\nNội dung.')).toBe(
      'không đọc được ngày trong dòng "Cập nhật ngày: 30/02/2024" (cần "Cập nhật ngày: DD/MM/YYYY")',
    );
    expect(refused('Tiêu đề\n\nCập nhật ngày: hôm qua\nNội dung.')).toBe(
      'không đọc được ngày trong dòng "Cập nhật ngày: hôm qua" (cần "Cập nhật ngày: DD/MM/YYYY")',
    );
  });

  it.each(['20234', '0023', '023', '23', '99999'])(
    'refuses a year that is not four digits (%s), showing what it read, never cutting or guessing it',
    (year) => {
      expect(refused(`Tiêu đề\n\nCập nhật ngày: 16/02/${year}\nNội dung.`)).toBe(
        `năm "${year}" trong dòng "Cập nhật ngày: 16/02/${year}" không hợp lệ (năm phải có đúng bốn chữ số, ví dụ "Cập nhật ngày: 15/02/2023")`,
      );
    },
  );

  it('reads a date line without a colon, and one with words after the date', () => {
    expect(parsed(SHORT.replace('Cập nhật ngày: 15/02/2024', 'Cập nhật ngày 15/02/2024')).date).toEqual(
      parsed(SHORT).date,
    );
    expect(parsed(SHORT.replace('Cập nhật ngày: 15/02/2024', 'Cập nhật ngày: 15/02/2024 (lúc 9 giờ)')).date).toEqual(
      parsed(SHORT).date,
    );
  });

  it('reads a headline that starts with "Cập nhật ngày" but is no date line as the title', () => {
    const article = parsed(
      SHORT.replace('Lễ khai giảng lớp Bồi dưỡng kiến thức quốc phòng', 'Cập nhật ngày nghỉ Tết Nguyên đán 2023'),
    );
    expect(article.title).toBe('Cập nhật ngày nghỉ Tết Nguyên đán 2023');
    expect(article.date.toISOString()).toBe('2024-02-14T17:00:00.000Z');
  });

  it("cleans control characters: Word's line break in a title becomes a space, in a paragraph a line break", () => {
    const article = parsed(
      SHORT.replace('Lễ khai giảng lớp', 'Lễ khai giảng\vlớp\x07')
        .replace('Sáng 15/02/2024, Học viện', 'Sáng 15/02/2024,\vHọc viện\x1b[0m')
        .replace('Tin: Thanh Tiên', 'Tin: Thanh\x00 Tiên\f'),
    );
    expect(article.title).toBe('Lễ khai giảng lớp Bồi dưỡng kiến thức quốc phòng');
    expect(article.paragraphs[0]).toBe('Sáng 15/02/2024,\nHọc viện tổ chức lễ khai giảng.');
    expect(article.author).toBe('Thanh Tiên');
  });

  it('reads an export whose lines end with CR only (old Mac)', () => {
    expect(parsed(SHORT.replace(/\n/g, '\r'))).toEqual(parsed(SHORT));
  });

  it('refuses an export with no text under the date', () => {
    expect(refused('Tiêu đề\n\nCập nhật ngày: 15/02/2024\n\nTin: A\n\nBản in')).toBe(
      'không có nội dung (cần các đoạn văn của bài dưới dòng "Cập nhật ngày")',
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

  it.each([
    ['https://example.com/a_b_c', 'https://example.com/a_b_c'],
    ['Xem https://hcma.vn/tin_tuc/bai_viet_1.html.', 'https://hcma.vn/tin_tuc/bai_viet_1.html'],
    ['(nguồn: www.example.com/van_ban*moi~2)', 'http://www.example.com/van_ban*moi~2'],
    ['Tải tại https://example.com/tai-lieu?ma_so=12&loai=pdf ngay.', 'https://example.com/tai-lieu?ma_so=12&loai=pdf'],
    ['Liên hệ: phong_dao_tao@hocviencanbo.edu.vn', 'mailto:phong_dao_tao@hocviencanbo.edu.vn'],
  ])('keeps the address in %j intact, underscores included', async (text, href) => {
    const html = await render(markdownText(text));
    expect([...html.matchAll(/href="([^"]+)"/g)].map((match) => decodeHTML(match[1] as string))).toEqual([href]);
    expect(decodeHTML(html.replace(/<[^>]+>/g, '')).trim()).toBe(text);
  });

  it('still escapes underscores and stars around an address', async () => {
    const text = '_Xem_ https://example.com/a_b_ và *đây*';
    const html = await render(markdownText(text));
    expect(html).not.toMatch(/<em>|<strong>/);
    expect(decodeHTML(html.replace(/<[^>]+>/g, '')).trim()).toBe(text);
  });

  it("keeps Word's line breaks inside a paragraph as line breaks", async () => {
    const html = await render(markdownText('Dòng một\n# Dòng hai\n==='));
    expect(html).toMatch(/^<p>Dòng một<br>\s*# Dòng hai<br>\s*===<\/p>$/);
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

describe('readLegacyExport', () => {
  const utf8 = (text: string) => new TextEncoder().encode(text);

  it('reads UTF-8 as it is', () => {
    expect(readLegacyExport(utf8(SHORT))).toEqual({ ok: true, text: SHORT, controlCharacters: false });
  });

  it('converts a TCVN3 export to Unicode and says from which encoding', () => {
    // "Học viện Cán bộ" typed with an ABC keyboard in .VnTime.
    const tcvn3 = new Uint8Array([
      ...Buffer.from('H\xe4c vi\xd6n C\xb8n b\xe9\n\nC\xcbp nh\xcbt ng\xb5y: 12/01/2023\nN\xe9i dung.', 'latin1'),
    ]);
    expect(readLegacyExport(tcvn3)).toEqual({
      ok: true,
      text: 'Học viện Cán bộ\n\nCập nhật ngày: 12/01/2023\nNội dung.',
      converted: 'tcvn3',
      controlCharacters: false,
    });
  });

  it('converts a VNI export that was saved again as UTF-8', () => {
    expect(readLegacyExport(utf8('Hoïc vieän Caùn boä toå chöùc hoäi nghò'))).toMatchObject({
      ok: true,
      text: 'Học viện Cán bộ tổ chức hội nghị',
      converted: 'vni',
    });
  });

  it('refuses UTF-16, binary and double-encoded files, telling how to save as UTF-8', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from('Học viện', 'utf16le')]);
    expect(readLegacyExport(utf16)).toEqual({
      ok: false,
      reason: expect.stringMatching(/^tệp được lưu bằng mã UTF-16.*Mã hóa: UTF-8/),
    });
    expect(readLegacyExport(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).toEqual({
      ok: false,
      reason: expect.stringMatching(/^tệp không phải văn bản thuần.*Unicode \(UTF-8\)/),
    });
    expect(readLegacyExport(utf8('Há»c viá»‡n Cán bá»™'))).toEqual({
      ok: false,
      reason: expect.stringMatching(/^chữ trong tệp đã bị mã hóa UTF-8 hai lần/),
    });
  });

  it('says when the text holds control characters', () => {
    expect(readLegacyExport(utf8('Tiêu đề\vmới'))).toMatchObject({ ok: true, controlCharacters: true });
  });
});

describe('a very large export', () => {
  it('reads 100,000 short paragraphs (3 MB) and writes them all, in order', () => {
    const paragraphs = Array.from({ length: 100_000 }, (_, i) => `Đoạn số ${i + 1} của bài: học viên_${i} thảo luận.`);
    const text = ['Báo cáo tổng hợp năm 2022', 'Cập nhật ngày: 12/01/2023', ...paragraphs, 'Tin: Phòng Đào tạo'].join(
      '\r\n',
    );
    const article = parsed(text);
    expect(article.paragraphs).toHaveLength(100_000);
    expect(article.paragraphs.at(-1)).toBe(paragraphs.at(-1));
    const { markdown } = legacyArticleFile(article, 'bao-cao-tong-hop');
    expect(markdown.split('\n\n')).toHaveLength(100_001);
  });
});
