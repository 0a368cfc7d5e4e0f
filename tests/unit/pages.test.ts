import { describe, expect, it } from 'vitest';
import { pageCollisions, pageProblems, pageSchema, pageSlug } from '../../src/lib/content/pages';

describe('pageSchema', () => {
  it('reads a page’s title, summary, revision date, draft flag, old addresses and language', () => {
    const page = pageSchema.parse({
      title: ' Giới thiệu ',
      summary: 'Về Học viện.',
      updated: '20/11/2026',
      aliases: '/gioi-thieu.html',
    });
    expect(page).toEqual({
      title: 'Giới thiệu',
      summary: 'Về Học viện.',
      updated: new Date('2026-11-19T17:00:00.000Z'),
      draft: false,
      aliases: ['/gioi-thieu.html'],
      lang: 'vi',
    });
    expect(pageSchema.parse({ title: 'Ho Chi Minh City Cadre Academy', lang: 'en' }).lang).toBe('en');
  });
});

describe('pageProblems', () => {
  it('names the file and the field of every problem, in Vietnamese', () => {
    expect(
      pageProblems('content/pages/gioi-thieu.md', {
        title: '',
        updated: '31/02/2026',
        draft: 'có',
        aliases: ['khong-co-gach'],
        lang: 'Tiếng Anh',
        tieude: 'x',
      }),
    ).toEqual([
      'content/pages/gioi-thieu.md: title: thiếu tiêu đề (cần một dòng title: "Tên trang")',
      'content/pages/gioi-thieu.md: updated: không đọc được ngày (cần DD/MM/YYYY hoặc YYYY-MM-DD)',
      'content/pages/gioi-thieu.md: draft: cần true hoặc false',
      expect.stringMatching(/^content\/pages\/gioi-thieu\.md: aliases: địa chỉ cũ không dùng được: "khong-co-gach"/),
      'content/pages/gioi-thieu.md: lang: mã ngôn ngữ không hợp lệ (cần vi, en hoặc mã BCP 47 tương tự)',
      'content/pages/gioi-thieu.md: tieude: trường không được hỗ trợ (cần một trong: title, summary, updated, draft, aliases, lang)',
    ]);
  });

  it('finds nothing wrong with a page that only has a title', () => {
    expect(pageProblems('content/pages/lien-he.md', { title: 'Liên hệ' })).toEqual([]);
  });
});

describe('pageSlug', () => {
  it('is the file name by the slug rules', () => {
    expect(pageSlug('gioi-thieu.md')).toBe('gioi-thieu');
    expect(pageSlug('Cơ cấu tổ chức.md')).toBe('co-cau-to-chuc');
    expect(pageSlug('en.md')).toBe('en');
  });
});

describe('pageCollisions', () => {
  const article = {
    slug: 'le-khai-giang',
    aliases: ['/lien-he/', '/tin-cu.html'],
    fileLabel: 'articles/2024/le-khai-giang.md',
  };
  const page = (slug: string, aliases: string[] = []) => ({ slug, aliases, fileLabel: `pages/${slug}.md` });

  it('lets pages take free addresses', () => {
    expect(pageCollisions([page('gioi-thieu', ['/ve-hoc-vien.html']), page('en')], [article])).toEqual([]);
  });

  it('refuses a page on a section of the site, naming the section', () => {
    const problems = pageCollisions([page('luu-tru'), page('the'), page('bai-viet'), page('tim-kiem')], []);
    expect(problems).toHaveLength(4);
    expect(problems[0]).toBe(
      'pages/bai-viet.md: slug: địa chỉ /bai-viet/ là trang riêng của trang web (/bai-viet/) (cần một tên tệp khác)',
    );
    expect(problems[1]).toMatch(
      /^pages\/luu-tru\.md: slug: địa chỉ \/luu-tru\/ là trang riêng của trang web \(trang lưu trữ/,
    );
  });

  it('refuses a page, or an old address of a page, that an article claims, naming both files', () => {
    expect(pageCollisions([page('lien-he'), page('gioi-thieu', ['/TIN-CU.html'])], [article])).toEqual([
      'pages/gioi-thieu.md: aliases: địa chỉ /TIN-CU.html đã thuộc về articles/2024/le-khai-giang.md (cần một địa chỉ chưa có trang hay bài nào dùng)',
      'pages/lien-he.md: slug: địa chỉ /lien-he/ đã thuộc về articles/2024/le-khai-giang.md (cần một địa chỉ chưa có trang hay bài nào dùng)',
    ]);
  });

  it('refuses two pages on one address', () => {
    expect(pageCollisions([page('gioi-thieu'), page('ve-chung-toi', ['/gioi-thieu/'])], [])).toEqual([
      'pages/ve-chung-toi.md: aliases: địa chỉ /gioi-thieu/ đã thuộc về pages/gioi-thieu.md (cần một địa chỉ chưa có trang hay bài nào dùng)',
    ]);
  });

  it('refuses a file name that gives no address', () => {
    expect(pageCollisions([{ slug: '', aliases: [], fileLabel: 'pages/---.md' }], [])).toEqual([
      'pages/---.md: slug: tên tệp không cho ra địa chỉ (cần tên tệp có chữ hoặc số, ví dụ gioi-thieu.md)',
    ]);
  });
});
