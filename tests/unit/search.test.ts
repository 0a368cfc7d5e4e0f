import { describe, expect, it } from 'vitest';
import {
  displayDate,
  excerpt,
  highlight,
  queryTerms,
  withoutTitle,
  type Segment,
} from '../../src/lib/discovery/search-results';
import { bodyText, dWordsOf, joinDWords } from '../../src/lib/discovery/search-words';
import { fold, wordsOf } from '../../src/lib/text/fold';

/** The text a reader sees for some segments, and the words shown marked. */
const textOf = (segments: Segment[]) => segments.map((segment) => segment.text).join('');
const marked = (segments: Segment[]) => segments.filter((segment) => segment.mark).map((segment) => segment.text);

describe('fold', () => {
  it('drops tone and vowel marks and lowercases', () => {
    expect(fold('Học viện Cán bộ Thành phố')).toBe('hoc vien can bo thanh pho');
    expect(fold('Ưu tiên, Ơn nghĩa, Ấm áp')).toBe('uu tien, on nghia, am ap');
  });

  it('turns đ and Đ into d, which Unicode does not decompose', () => {
    expect(fold('được đạt Đảng ĐOÀN')).toBe('duoc dat dang doan');
  });

  it('gives the same result for NFC and NFD input', () => {
    const text = 'Đại hội được tổ chức';
    expect(fold(text.normalize('NFD'))).toBe(fold(text.normalize('NFC')));
  });
});

describe('wordsOf', () => {
  it('keeps runs of letters and digits, in NFC', () => {
    expect(wordsOf('Quy định số 11-QĐ/TW, năm 2021.'.normalize('NFD'))).toEqual([
      'Quy',
      'định',
      'số',
      '11',
      'QĐ',
      'TW',
      'năm',
      '2021',
    ]);
  });
});

describe('dWordsOf', () => {
  it('holds each word spelled with đ once, folded, in order of first use', () => {
    expect(dWordsOf('Học viện được trao tặng; Đảng ủy được biểu dương vì đạt chuẩn')).toBe('duoc dang dat');
  });

  it('leaves out words without đ, which the search already matches without marks', () => {
    expect(dWordsOf('Học viện Cán bộ Thành phố')).toBe('');
  });

  it('treats NFD text like NFC text', () => {
    expect(dWordsOf('Đoàn thể được khen'.normalize('NFD'))).toBe('doan duoc');
  });
});

describe('joinDWords', () => {
  it('gives the folded copy of title and body, as dWordsOf of both together would', () => {
    const title = 'Đoàn đại biểu được đón';
    const body = 'Đại hội đã được tổ chức; đoàn về.';
    expect(joinDWords(dWordsOf(title), dWordsOf(body))).toBe(dWordsOf(`${title} ${body}`));
    expect(joinDWords(dWordsOf(title), dWordsOf(body))).toBe('doan dai duoc don da');
  });

  it('leaves out empty copies', () => {
    expect(joinDWords('', 'duoc', '')).toBe('duoc');
    expect(joinDWords('', '')).toBe('');
  });
});

describe('bodyText', () => {
  it('separates blocks and keeps words split by inline tags whole', () => {
    const text = bodyText(
      '<h2 id="a">Kết quả</h2><p>Đã <strong>đ</strong>ạt chuẩn</p><ul><li>Một</li><li>Hai</li></ul>',
    );
    expect(wordsOf(text)).toEqual(['Kết', 'quả', 'Đã', 'đạt', 'chuẩn', 'Một', 'Hai']);
  });

  it('turns entities into spaces', () => {
    expect(wordsOf(bodyText('<p>Đào tạo &amp; bồi dưỡng</p>'))).toEqual(['Đào', 'tạo', 'bồi', 'dưỡng']);
  });
});

describe('queryTerms', () => {
  it('folds the words of a query and drops repeats', () => {
    expect(queryTerms('  Được trao, được  TẶNG ')).toEqual(['duoc', 'trao', 'tang']);
  });
});

describe('highlight', () => {
  it('marks title words matching the query with or without marks', () => {
    const segments = highlight('Học viện Cán bộ được trao tặng Bằng khen', 'hoc vien duoc');
    expect(textOf(segments)).toBe('Học viện Cán bộ được trao tặng Bằng khen');
    expect(marked(segments)).toEqual(['Học', 'viện', 'được']);
  });

  it('matches the start of a word for the last term, still being typed', () => {
    expect(marked(highlight('Bằng khen xuất sắc', 'bang kh'))).toEqual(['Bằng', 'khen']);
    expect(marked(highlight('Bằng khen xuất sắc', 'ba khen'))).toEqual(['khen']);
  });
});

describe('excerpt', () => {
  const filler = (from: number, to: number) =>
    Array.from({ length: to - from }, (_, index) => `từ${from + index}`).join(' ');
  const content = `${filler(0, 40)} Học viện được trao tặng Bằng khen. ${filler(40, 80)}`;

  it('quotes the part with the matches, marking them, with "…" where text was cut', () => {
    const segments = excerpt(content, 'duoc trao tang', 12);
    const text = textOf(segments);
    expect(text.startsWith('… ')).toBe(true);
    expect(text.endsWith(' …')).toBe(true);
    expect(marked(segments)).toEqual(['được', 'trao', 'tặng']);
    expect(text.split(/\s+/).filter((word) => word !== '…')).toHaveLength(12);
  });

  it('quotes only the content, never the folded form of a word', () => {
    const text = textOf(excerpt(content, 'duoc dat', 12));
    expect(content).toContain(text.replace(/^… /, '').replace(/ …$/, ''));
    expect(text).not.toContain('duoc');
  });

  it('prefers the passage with the most different terms over one repeating a single term', () => {
    const text = `Đảng ủy Đảng ủy Đảng ủy Đảng ủy. ${filler(0, 30)} Đảng ủy Học viện họp. ${filler(30, 60)}`;
    expect(marked(excerpt(text, 'dang hoc vien', 8))).toEqual(['Đảng', 'Học', 'viện']);
  });

  it('starts at the sentence of the first match when it begins just before', () => {
    const text = `${filler(0, 40)} lý luận chính trị. Học viên được phổ biến nội quy. ${filler(40, 80)}`;
    expect(textOf(excerpt(text, 'duoc', 7))).toBe('… Học viên được phổ biến nội quy. …');
  });

  it('leaves punctuation outside the mark', () => {
    expect(excerpt('Đã được, rồi.', 'duoc')).toEqual([
      { text: 'Đã ', mark: false },
      { text: 'được', mark: true },
      { text: ', rồi.', mark: false },
    ]);
  });

  it('shows the beginning, unmarked, when no word matches', () => {
    const segments = excerpt(content, 'khong co', 5);
    expect(marked(segments)).toEqual([]);
    expect(textOf(segments)).toBe('từ0 từ1 từ2 từ3 từ4 …');
  });

  it('gives a short text whole, without "…"', () => {
    expect(textOf(excerpt('Buổi lễ kết thúc tốt đẹp.', 'dep'))).toBe('Buổi lễ kết thúc tốt đẹp.');
  });

  it('gives nothing for empty content', () => {
    expect(excerpt('   ', 'hoc')).toEqual([]);
  });
});

describe('withoutTitle', () => {
  it('drops the title the indexed text starts with, and the stop after it', () => {
    expect(withoutTitle('Lễ khai giảng. Sáng 15/02/2024, Học viện…', 'Lễ khai giảng')).toBe(
      'Sáng 15/02/2024, Học viện…',
    );
  });

  it('keeps text that does not start with the title', () => {
    expect(withoutTitle('Sáng nay, lễ khai giảng', 'Lễ khai giảng')).toBe('Sáng nay, lễ khai giảng');
  });
});

describe('displayDate', () => {
  it('reads the Vietnam date off an ISO date-time with its offset', () => {
    expect(displayDate('2023-01-12T00:00:00+07:00')).toBe('12/01/2023');
  });

  it('gives nothing for text that is not a date', () => {
    expect(displayDate('hôm qua')).toBe('');
  });
});
