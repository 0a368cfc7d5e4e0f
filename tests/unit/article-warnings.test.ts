import { describe, expect, it } from 'vitest';
import {
  articleWarnings,
  editDistance,
  KNOWN_FIELDS,
  nearestField,
  type WarningInput,
} from '../../src/lib/article-warnings';

const NOW = new Date('2024-03-01T05:00:00Z');
const FILE = 'content/articles/2024/2024-02-15-le-khai-giang.md';

/** Warnings for a frontmatter (and body images) that is otherwise fine. */
function warningsOf(data: Record<string, unknown>, images: WarningInput['images'] = []): string[] {
  return articleWarnings({
    shown: FILE,
    data: { title: 'Lễ khai giảng', date: '15/02/2024', ...data },
    images,
    now: NOW,
  });
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
      warningsOf({ summary: 'Tóm tắt ngắn.', cover: { src: './anh.jpg', alt: 'Quang cảnh' } }, [
        { url: './a.jpg', alt: 'Học viên' },
      ]),
    ).toEqual([]);
  });

  it('warns about a summary over 200 characters, counting letters, not bytes', () => {
    expect(warningsOf({ summary: 'ồ'.repeat(200) })).toEqual([]);
    expect(warningsOf({ summary: 'ồ'.repeat(201) })).toEqual([
      `${FILE}: summary: warning: 201 characters, readers will see it cut (expected at most 200)`,
    ]);
  });

  it('warns about a title over 150 characters', () => {
    expect(warningsOf({ title: 'Đ'.repeat(150) })).toEqual([]);
    expect(warningsOf({ title: 'Đ'.repeat(151) })).toEqual([
      `${FILE}: title: warning: 151 characters is long for a headline (expected at most 150)`,
    ]);
  });

  it('warns about a date or a revision in the future, in Vietnam time', () => {
    // NOW is 01/03/2024 12:00 in Vietnam: that day is not the future, the next one is.
    expect(warningsOf({ date: '01/03/2024' })).toEqual([]);
    expect(warningsOf({ date: '02/03/2024', updated: '2024-03-05' })).toEqual([
      `${FILE}: date: warning: 02/03/2024 is in the future (expected a day no later than today, 01/03/2024, in Vietnam)`,
      `${FILE}: updated: warning: 05/03/2024 is in the future (expected a day no later than today, 01/03/2024, in Vietnam)`,
    ]);
  });

  it('leaves an unreadable date to the errors', () => {
    expect(warningsOf({ date: 'ngày mai' })).toEqual([]);
  });

  it('warns about a cover or body image without alt text', () => {
    expect(warningsOf({ cover: { src: './anh-bia.jpg', alt: '  ' } }, [{ url: './anh-1.jpg', alt: '' }])).toEqual([
      `${FILE}: cover.alt: warning: the cover image has no alt text (expected a short description of the photo for readers who cannot see it)`,
      `${FILE}: body: warning: image "./anh-1.jpg" has no alt text (expected ![description of the photo](./anh-1.jpg))`,
    ]);
  });

  it('warns about an unknown key, suggesting the field it probably meant', () => {
    expect(warningsOf({ catgory: 'thong-bao', hinhanh: './anh.jpg' })).toEqual([
      `${FILE}: catgory: warning: unknown field, ignored by the site (did you mean "category"?)`,
      `${FILE}: hinhanh: warning: unknown field, ignored by the site (expected one of: ${KNOWN_FIELDS.join(', ')})`,
    ]);
  });
});
