import { describe, expect, it } from 'vitest';
import { normaliseNfc, squeeze, truncateOnWord } from '../../src/lib/text/clean';
import { escapeMarkup } from '../../src/lib/text/escape';
import { remembered } from '../../src/lib/text/remembered';

const nfd = (text: string) => text.normalize('NFD');
const nfc = (text: string) => text.normalize('NFC');

describe('normaliseNfc', () => {
  it('turns NFD text into NFC', () => {
    const result = normaliseNfc(nfd('Học viện Cán bộ'));
    expect(result).toBe(nfc('Học viện Cán bộ'));
    expect(result).toHaveLength(15);
  });

  it('normalises strings inside nested objects and lists', () => {
    const frontmatter = {
      title: nfd('Đại hội Đoàn thể'),
      tags: [nfd('Thi đua'), nfd('Khen thưởng')],
      cover: { src: './ảnh-1.jpg'.normalize('NFD'), alt: nfd('Lễ trao bằng khen') },
    };
    expect(normaliseNfc(frontmatter)).toEqual({
      title: nfc('Đại hội Đoàn thể'),
      tags: [nfc('Thi đua'), nfc('Khen thưởng')],
      cover: { src: nfc('./ảnh-1.jpg'), alt: nfc('Lễ trao bằng khen') },
    });
  });

  it('leaves dates, numbers, booleans and null as they are', () => {
    const date = new Date('2023-01-11T17:00:00Z');
    const result = normaliseNfc({ date, draft: true, order: 3, cover: null });
    expect(result.date).toBe(date);
    expect(result).toEqual({ date, draft: true, order: 3, cover: null });
  });

  it('does not change its input', () => {
    const input = { title: nfd('Bồi dưỡng') };
    normaliseNfc(input);
    expect(input.title).toBe(nfd('Bồi dưỡng'));
  });
});

describe('squeeze', () => {
  it('collapses runs of spaces, tabs and newlines to one space and trims', () => {
    expect(squeeze('  Học   viện\n\tCán bộ  ')).toBe('Học viện Cán bộ');
  });

  it('treats a no-break space as a space', () => {
    expect(squeeze('Cập nhật ngày:\u00a0 12/01/2023')).toBe('Cập nhật ngày: 12/01/2023');
  });

  it('gives empty text for whitespace only', () => {
    expect(squeeze(' \n\t ')).toBe('');
  });
});

describe('truncateOnWord', () => {
  const name = 'Học viện Cán bộ Thành phố Hồ Chí Minh';

  it('returns text that fits unchanged', () => {
    expect(truncateOnWord(name, 200)).toBe(name);
  });

  it('returns text of exactly the limit unchanged', () => {
    expect(truncateOnWord(name, 37)).toBe(name);
  });

  it('squeezes spaces even when the text fits', () => {
    expect(truncateOnWord('  Học viện\n Cán bộ ', 200)).toBe('Học viện Cán bộ');
  });

  it('cuts on a word and ends with "…", the "…" counted in the limit', () => {
    const result = truncateOnWord(name, 20);
    expect(result).toBe('Học viện Cán bộ…');
    expect([...result].length).toBeLessThanOrEqual(20);
  });

  it('keeps a whole word that fits exactly before the "…"', () => {
    // "Học viện Cán bộ" is 15 characters: with the "…" it is 16, the limit.
    expect(truncateOnWord('Học viện Cán bộ Thành phố', 16)).toBe('Học viện Cán bộ…');
  });

  it('drops punctuation left dangling before the "…"', () => {
    expect(truncateOnWord('Khai giảng, bế giảng và trao bằng tốt nghiệp', 14)).toBe('Khai giảng…');
    expect(truncateOnWord('Tổng kết năm 2022 – triển khai nhiệm vụ năm 2023', 22)).toBe('Tổng kết năm 2022…');
  });

  it('counts Vietnamese letters as one character each', () => {
    // 24 letters and 8 spaces: 32 characters, whatever their diacritics.
    const text = 'Ủy ban Đảng ủy Đoàn thể ở Hà Nội';
    expect(truncateOnWord(text, 32)).toBe(text);
  });

  it('cuts a single word longer than the limit to the limit', () => {
    const result = truncateOnWord('Đ'.repeat(30), 10);
    expect(result).toBe(`${'Đ'.repeat(9)}…`);
  });
});

describe('escapeMarkup', () => {
  it('escapes the five characters that matter in text and attributes', () => {
    expect(escapeMarkup(`<a href="x">Tom & 'Jerry'</a>`)).toBe(
      '&#60;a href=&#34;x&#34;&#62;Tom &#38; &#39;Jerry&#39;&#60;/a&#62;',
    );
  });
  it('escapes markup characters and quotes', () => {
    expect(escapeMarkup(`</dc:creator><x a="1">'&`)).toBe('&#60;/dc:creator&#62;&#60;x a=&#34;1&#34;&#62;&#39;&#38;');
  });
});

describe('remembered', () => {
  it('asks the function once per argument and gives each argument its own answer', () => {
    const asked: string[] = [];
    const upper = remembered((text) => {
      asked.push(text);
      return text.toUpperCase();
    });
    expect(['đào tạo', 'hội thảo', 'đào tạo', 'hội thảo'].map(upper)).toEqual([
      'ĐÀO TẠO',
      'HỘI THẢO',
      'ĐÀO TẠO',
      'HỘI THẢO',
    ]);
    expect(asked).toEqual(['đào tạo', 'hội thảo']);
  });
});
