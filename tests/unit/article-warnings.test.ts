import { describe, expect, it } from 'vitest';
import {
  articleWarnings,
  editDistance,
  KNOWN_FIELDS,
  nearestField,
  scheduledLine,
} from '../../src/lib/content/article-warnings';

const NOW = new Date('2024-03-01T05:00:00Z');
const FILE = 'content/articles/2024/2024-02-15-le-khai-giang.md';

/** Warnings for a frontmatter (and body) that is otherwise fine. */
function warningsOf(data: Record<string, unknown>, body = ''): string[] {
  return articleWarnings({
    fileLabel: FILE,
    data: { title: 'Lễ khai giảng', date: '15/02/2024', ...data },
    body,
    now: NOW,
  });
}

/** The one warning for `field`, which must say each of `phrases`. */
function expectWarning(warnings: string[], field: string, ...phrases: string[]) {
  const line = warnings.find((candidate) => candidate.startsWith(`${FILE}: ${field}: cảnh báo: `));
  expect(line, warnings.join('\n')).toBeDefined();
  for (const phrase of phrases) expect(line).toContain(phrase);
}

describe('editDistance', () => {
  it('counts one step for a missing, extra, wrong or swapped letter', () => {
    expect(editDistance('catgory', 'category')).toBe(1);
    expect(editDistance('tagss', 'tags')).toBe(1);
    expect(editDistance('tilte', 'title')).toBe(1);
    expect(editDistance('dafr', 'draft')).toBe(2);
    expect(editDistance('title', 'title')).toBe(0);
  });
});

describe('nearestField', () => {
  it('finds the field a typo meant, ignoring case', () => {
    expect(nearestField('catgory')).toBe('category');
    expect(nearestField('photocredit')).toBe('photoCredit');
    expect(nearestField('Title')).toBe('title');
    expect(nearestField('tag')).toBe('tags');
    expect(nearestField('alias')).toBe('aliases');
  });

  it('suggests nothing for a key that is not close to any field', () => {
    expect(nearestField('hinhanh')).toBeUndefined();
    expect(nearestField('x')).toBeUndefined();
  });
});

describe('KNOWN_FIELDS', () => {
  it('lists every frontmatter field of the contract', () => {
    expect([...KNOWN_FIELDS].sort()).toEqual(
      [
        'title',
        'date',
        'updated',
        'author',
        'photoCredit',
        'source',
        'category',
        'tags',
        'summary',
        'attachments',
        'cover',
        'draft',
        'slug',
        'aliases',
      ].sort(),
    );
  });
});

describe('articleWarnings', () => {
  it('has nothing to say about an ordinary article', () => {
    expect(
      warningsOf({ summary: 'Tóm tắt ngắn.', cover: { src: './anh.jpg', alt: 'Quang cảnh' } }, '![Học viên](./a.jpg)'),
    ).toEqual([]);
  });

  it('warns about a summary over 200 characters, counting letters, not bytes', () => {
    expect(warningsOf({ summary: 'ồ'.repeat(200) })).toEqual([]);
    const warnings = warningsOf({ summary: 'ồ'.repeat(201) });
    expect(warnings).toHaveLength(1);
    expectWarning(warnings, 'summary', '201 ký tự', 'bị cắt', 'tối đa 200');
  });

  it('warns about a title over 300 characters', () => {
    expect(warningsOf({ title: 'Đ'.repeat(300) })).toEqual([]);
    expectWarning(warningsOf({ title: 'Đ'.repeat(301) }), 'title', '301 ký tự', '300');
  });

  it('warns about a revision in the future, in Vietnam time, but not about a scheduled date', () => {
    // NOW is 01/03/2024 12:00 in Vietnam: that day is not the future, the next one is.
    expect(warningsOf({ date: '01/03/2024', updated: '01/03/2024' })).toEqual([]);
    // A future date is a schedule (listed apart by check); a future revision is a mistake.
    const warnings = warningsOf({ date: '02/03/2024', updated: '2024-03-05' });
    expect(warnings).toHaveLength(1);
    expectWarning(warnings, 'updated', '05/03/2024 là ngày trong tương lai', '01/03/2024');
  });

  it('leaves an unreadable date to the errors', () => {
    expect(warningsOf({ date: 'ngày mai' })).toEqual([]);
  });

  it('warns about a cover or body image without alt text', () => {
    const warnings = warningsOf(
      { cover: { src: './anh-bia.jpg', alt: '  ' } },
      'Mở đầu.\n\n![](./anh-1.jpg "Chú thích")',
    );
    expect(warnings).toHaveLength(2);
    expectWarning(warnings, 'cover.alt', 'ảnh bìa chưa có mô tả');
    expectWarning(warnings, 'body', 'ảnh "./anh-1.jpg" chưa có mô tả', '![mô tả ảnh](./anh-1.jpg)');
  });

  it('warns about an unknown key, suggesting the field it probably meant', () => {
    const warnings = warningsOf({ catgory: 'thong-bao', hinhanh: './anh.jpg' });
    expectWarning(warnings, 'catgory', 'trường lạ', 'có phải ý bạn là "category"?');
    expectWarning(warnings, 'hinhanh', 'trường lạ', `cần một trong: ${KNOWN_FIELDS.join(', ')}`);
  });

  it('reads tags written as one line with commas as several, and says how to write them', () => {
    const warnings = articleWarnings({
      fileLabel: FILE,
      data: { title: 'X', date: '15/02/2024', tags: 'Đào tạo, Hội nghị' },
      body: '',
      now: NOW,
    });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`${FILE}: tags: gợi ý: `);
    expect(warnings[0]).toContain('2 từ khóa');
    expect(warnings[0]).toContain('tags: [Đào tạo, Hội nghị]');
  });
});

describe('scheduledLine', () => {
  it('says when a scheduled story appears, in Vietnam time, in Vietnamese', () => {
    expect(scheduledLine(FILE, new Date('2026-12-01T01:00:00Z'))).toBe(
      `${FILE}: date: lên lịch đăng: bài xuất hiện từ lần dựng trang đầu tiên kể từ 08:00 ngày 01/12/2026 (giờ Việt Nam)`,
    );
  });
});
