import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { articleSchema, fieldIssues, formatIssues, type FieldIssue } from '../../src/lib/content/article-schema';

const schema = articleSchema(z.string());

/** A complete, valid frontmatter, as an editor would write it. */
const good = {
  title: 'Học viện Cán bộ được trao tặng Bằng khen năm 2022',
  date: '12/01/2023',
  updated: '2023-01-15T09:30',
  author: 'Thanh Tiên',
  photoCredit: 'HVCTQGHCM',
  source: 'HVCTQGHCM',
  category: 'dao-tao-boi-duong',
  tags: ['Thi đua', 'Khen thưởng'],
  summary: 'Học viện Cán bộ Thành phố Hồ Chí Minh nhận Bằng khen “Xuất sắc trong phong trào thi đua”.',
  cover: { src: './anh-1.jpg', alt: 'Lễ trao bằng khen', caption: 'PGS.TS. Nguyễn Tấn Phát nhận bằng khen' },
  draft: false,
  slug: 'hoc-vien-can-bo-bang-khen-2022',
  aliases: ['/tin-tuc/1234.html', '/Default.aspx?tabid=1'],
};

/** The issues zod reports for a frontmatter; none when it is accepted. */
function issuesOf(frontmatter: unknown): FieldIssue[] {
  const result = schema.safeParse(frontmatter);
  return result.success ? [] : fieldIssues(result.error);
}

/** The one issue reported for `field`, which must mention what was expected. */
function expectIssue(frontmatter: unknown, field: string): FieldIssue {
  const issues = issuesOf(frontmatter);
  const issue = issues.find((candidate) => candidate.field === field);
  expect(issue, `an issue for ${field} among ${JSON.stringify(issues)}`).toBeDefined();
  expect(issue?.message).toContain('cần');
  return issue as FieldIssue;
}

describe('articleSchema', () => {
  it('accepts a complete frontmatter', () => {
    const result = schema.safeParse(good);
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect(result.data.title).toBe('Học viện Cán bộ được trao tặng Bằng khen năm 2022');
    expect(result.data.date?.toISOString()).toBe('2023-01-11T17:00:00.000Z');
    expect(result.data.updated?.toISOString()).toBe('2023-01-15T02:30:00.000Z');
    expect(result.data.category).toBe('dao-tao-boi-duong');
    expect(result.data.tags).toEqual(['Thi đua', 'Khen thưởng']);
    expect(result.data.cover).toEqual({
      src: './anh-1.jpg',
      alt: 'Lễ trao bằng khen',
      caption: 'PGS.TS. Nguyễn Tấn Phát nhận bằng khen',
    });
    expect(result.data.slug).toBe('hoc-vien-can-bo-bang-khen-2022');
    expect(result.data.aliases).toEqual(['/tin-tuc/1234.html', '/Default.aspx?tabid=1']);
  });

  it('fills in defaults for a frontmatter with only a title and a date', () => {
    const result = schema.safeParse({ title: 'Thông báo lịch học', date: '2023-01-12' });
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect(result.data.date?.toISOString()).toBe('2023-01-11T17:00:00.000Z');
    expect(result.data.category).toBe('tin-tuc-su-kien');
    expect(result.data.tags).toEqual([]);
    expect(result.data.aliases).toEqual([]);
    expect(result.data.draft).toBe(false);
    expect(result.data.updated).toBeUndefined();
    expect(result.data.slug).toBeUndefined();
  });

  it('trims the title', () => {
    const result = schema.safeParse({ ...good, title: '  Hội thảo khoa học  ' });
    expect(result.success && result.data.title).toBe('Hội thảo khoa học');
  });

  it('accepts the date YAML makes of an unquoted YYYY-MM-DD', () => {
    const result = schema.safeParse({ ...good, date: new Date(Date.UTC(2023, 0, 12)), updated: undefined });
    expect(result.success && result.data.date?.toISOString()).toBe('2023-01-11T17:00:00.000Z');
  });

  it('accepts a single tag or alias written as text instead of a list', () => {
    const result = schema.safeParse({ ...good, tags: 'Chuyển đổi số', aliases: '/tin-tuc/99.html' });
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect(result.data.tags).toEqual(['Chuyển đổi số']);
    expect(result.data.aliases).toEqual(['/tin-tuc/99.html']);
  });

  it('accepts an update on the same instant as the date', () => {
    expect(issuesOf({ ...good, date: '12/01/2023', updated: '2023-01-12' })).toEqual([]);
  });

  it('reports a missing title, saying what was expected', () => {
    const { title: _omitted, ...withoutTitle } = good;
    expectIssue(withoutTitle, 'title');
  });

  it('reports an empty title, saying what was expected', () => {
    expectIssue({ ...good, title: '' }, 'title');
    expectIssue({ ...good, title: '   ' }, 'title');
  });

  it('reports a missing date, saying what was expected', () => {
    const { date: _omitted, updated: _alsoOmitted, ...withoutDate } = good;
    expectIssue(withoutDate, 'date');
  });

  it('reports an unparseable date, saying what was expected', () => {
    const issue = expectIssue({ ...good, date: 'hôm qua', updated: undefined }, 'date');
    expect(issue.message).toContain('hôm qua');
  });

  it('reports an unparseable date as an issue, not a crash, when updated is also given', () => {
    expect(() => schema.safeParse({ ...good, date: 'hôm qua', updated: '2023-01-15T09:30' })).not.toThrow();
    expectIssue({ ...good, date: 'hôm qua', updated: '2023-01-15T09:30' }, 'date');
  });

  it('reports a day that does not exist, such as 31/02/2023', () => {
    expectIssue({ ...good, date: '31/02/2023', updated: undefined }, 'date');
  });

  it('reports a YAML time without an offset, which YAML read as UTC', () => {
    expectIssue({ ...good, date: new Date('2023-01-12T10:00:00Z'), updated: undefined }, 'date');
  });

  it('reports an unknown category, listing the categories that exist', () => {
    const issue = expectIssue({ ...good, category: 'the-thao' }, 'category');
    expect(issue.message).toContain('tin-tuc-su-kien');
    expect(issue.message).toContain('doan-the');
  });

  it('reports a slug override that breaks the slug rules', () => {
    expectIssue({ ...good, slug: 'Học-viện Cán bộ' }, 'slug');
    expectIssue({ ...good, slug: 'hoc--vien' }, 'slug');
    expectIssue({ ...good, slug: 'a'.repeat(81) }, 'slug');
  });

  it('reports aliases that are not site paths starting with "/"', () => {
    expectIssue({ ...good, aliases: ['tin-tuc/1234.html'] }, 'aliases');
    expectIssue({ ...good, aliases: ['https://hocviencanbo.hochiminhcity.gov.vn/tin-tuc/1.html'] }, 'aliases');
    expectIssue({ ...good, aliases: ['//example.com/tin-tuc/1.html'] }, 'aliases');
  });

  it('reports an update earlier than the date, saying what was expected', () => {
    expectIssue({ ...good, date: '12/01/2023', updated: '11/01/2023' }, 'updated');
  });

  it('reports a cover without alt text, saying what was expected', () => {
    expectIssue({ ...good, cover: { src: './anh-1.jpg' } }, 'cover.alt');
  });
});

describe('fieldIssues', () => {
  it('reports every bad field at once, not only the first', () => {
    const fields = issuesOf({ ...good, title: '', category: 'the-thao', slug: 'Bằng Khen' }).map(
      (issue) => issue.field,
    );
    expect(fields).toEqual(expect.arrayContaining(['title', 'category', 'slug']));
  });

  it('names nested fields with dots', () => {
    const fields = issuesOf({ ...good, cover: { src: './anh-1.jpg', alt: 'Ảnh', caption: 3 } }).map(
      (issue) => issue.field,
    );
    expect(fields).toContain('cover.caption');
  });

  it('names the frontmatter itself when it is not a mapping at all', () => {
    expect(issuesOf('Học viện Cán bộ').map((issue) => issue.field)).toEqual(['frontmatter']);
  });
});

describe('formatIssues', () => {
  it('writes one "path: field: message" line per issue', () => {
    const path = 'content/articles/2023/2023-01-12-hoc-vien-can-bo-bang-khen-2022.md';
    expect(
      formatIssues(path, [
        { field: 'title', message: 'is required (expected non-empty text)' },
        { field: 'date', message: 'cannot read "hôm qua" as a date (expected DD/MM/YYYY)' },
      ]),
    ).toEqual([
      'content/articles/2023/2023-01-12-hoc-vien-can-bo-bang-khen-2022.md: title: is required (expected non-empty text)',
      'content/articles/2023/2023-01-12-hoc-vien-can-bo-bang-khen-2022.md: date: cannot read "hôm qua" as a date (expected DD/MM/YYYY)',
    ]);
  });

  it('formats the issues of a real bad frontmatter with the file, the field and what was expected', () => {
    const path = 'content/articles/2021/2021-04-02-Đại-hội-Đoàn-thể.md';
    const lines = formatIssues(path, issuesOf({ ...good, category: 'the-thao' }));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^content\/articles\/2021\/2021-04-02-Đại-hội-Đoàn-thể\.md: category: .*cần một trong/);
  });

  it('writes no lines when there are no issues', () => {
    expect(formatIssues('content/articles/2023/2023-01-12-bang-khen.md', [])).toEqual([]);
  });
});

describe('articleSchema on dates and tags that look right but are not', () => {
  const now = new Date('2026-12-01T08:00:00+07:00');
  const strict = articleSchema(z.string(), { now });
  const messageFor = (frontmatter: Record<string, unknown>, field: string) => {
    const result = strict.safeParse({ ...good, ...frontmatter });
    return result.success ? undefined : fieldIssues(result.error).find((issue) => issue.field === field)?.message;
  };

  it('wants a year of exactly four digits', () => {
    expect(messageFor({ date: '16/02/023' }, 'date')).toContain('đúng 4 chữ số');
    expect(messageFor({ date: '15/02/20234' }, 'date')).toContain('đúng 4 chữ số');
  });

  it('refuses a year typed short, showing the date it read', () => {
    expect(messageFor({ date: '16/02/0023' }, 'date')).toContain('16/02/0023 sớm hơn năm 1945');
  });

  it('refuses a date more than a year ahead, but schedules one within it', () => {
    expect(messageFor({ date: '01/01/9999', updated: undefined }, 'date')).toContain(
      '01/01/9999 muộn hơn hôm nay (01/12/2026)',
    );
    expect(messageFor({ date: '01/06/2027', updated: undefined }, 'date')).toBeUndefined();
  });

  it('reads tags written on one line with commas as a list', () => {
    const result = strict.safeParse({ ...good, tags: 'Đào tạo, Hội nghị' });
    expect(result.success && result.data.tags).toEqual(['Đào tạo', 'Hội nghị']);
  });

  it('refuses a tag with no letter or digit, naming it', () => {
    for (const tag of ['🎓', '中文', '\u200b']) {
      expect(messageFor({ tags: [tag, 'Đào tạo'] }, 'tags'), tag).toContain(`"${tag}"`);
    }
  });
});
