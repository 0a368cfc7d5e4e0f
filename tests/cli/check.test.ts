import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, fixtureSiteDir, projectRoot } from '../support/build';
import { runCli, scratch, shownScratch, writeFiles, type CliResult } from './cli';

const article = (frontmatter: string, body = 'Nội dung bài viết.') => `---\n${frontmatter}\n---\n\n${body}\n`;

/** Bytes that stand for a photo: the check looks for the file, not at the picture. */
const PHOTO = new Uint8Array([0xff, 0xd8, 0xff, 0xd9]);

/** One article per mistake in SPEC "Bad input", beside two good ones. */
const BAD: Record<string, string> = {
  '2023/2023-01-12-bai-hop-le.md': article("title: Bài hợp lệ\ndate: '12/01/2023'"),
  '2023/2023-01-13-bai-thu-hai.md': article("title: Bài thứ hai\ndate: '13/01/2023'"),
  '2023/2023-02-01-khong-tieu-de.md': article("date: '01/02/2023'"),
  '2023/2023-02-02-tieu-de-rong.md': article("title: '   '\ndate: '02/02/2023'"),
  '2023/2023-02-30-ngay-sai.md': article("title: Ngày sai\ndate: '30/02/2023'"),
  '2023/2023-02-03-thieu-ngay.md': article('title: Thiếu ngày'),
  '2023/2023-02-04-chuyen-muc-la.md': article("title: Chuyên mục lạ\ndate: '04/02/2023'\ncategory: the-thao"),
  '2023/2023-02-05-thieu-anh-bia/index.md': article(
    "title: Thiếu ảnh bìa\ndate: '05/02/2023'\ncover:\n  src: ./khong-co.jpg\n  alt: Ảnh không có",
  ),
  '2023/2023-02-06-thieu-anh/index.md': article(
    "title: Thiếu ảnh\ndate: '06/02/2023'",
    '![Ảnh hội nghị](./khong-co.jpg "Chú thích")',
  ),
  '2023/2023-02-07-yaml-hong.md': article("title: [Tiêu đề chưa đóng\ndate: '07/02/2023'"),
  '2023/2023-02-08-slug-sai.md': article("title: Slug sai\ndate: '08/02/2023'\nslug: Đường-Dẫn Sai"),
  '2023/2023-03-01-bai-hop-le.md': article("title: Trùng đường dẫn\ndate: '01/03/2023'"),
  '2024/2024-01-01-ban-nhap.md': article("title: Bản nháp\ndate: '01/01/2024'\ndraft: true\nslug: bai-thu-hai"),
  '2023/2023-03-02-mot.md': article("title: Một\ndate: '02/03/2023'\naliases: [/tin-tuc/1234.html]"),
  '2023/2023-03-03-hai.md': article("title: Hai\ndate: '03/03/2023'\naliases: [/tin-tuc/1234.html]"),
  '2023/2023-02-09-sua-truoc.md': article("title: Sửa trước khi đăng\ndate: '09/02/2023'\nupdated: '01/02/2023'"),
  '2023/2023-02-10-dia-chi-cu-sai.md': article("title: Địa chỉ cũ sai\ndate: '10/02/2023'\naliases: [tin-tuc/99.html]"),
  '2023/2023-02-11-nhap-sai.md': article("title: Nháp sai\ndate: '11/02/2023'\ndraft: có"),
  '2023/2023-02-12-….md': article("title: Tên tệp không có chữ\ndate: '12/02/2023'"),
};

const BAD_ROOT = 'check-bad';
const at = (path: string) => `${shownScratch(BAD_ROOT)}/articles/${path}`;

describe('npm run check on a content root holding every kind of bad article', () => {
  let result: CliResult;
  beforeAll(() => {
    writeFiles(join(scratch(BAD_ROOT), 'articles'), BAD);
    result = runCli('check', [], { BANTIN_CONTENT_DIR: shownScratch(BAD_ROOT) });
  });

  /** The report holds this exact line. */
  const expectLine = (line: string) => expect(result.lines, result.lines.join('\n')).toContain(line);

  it('exits with status 1', () => {
    expect(result.status).toBe(1);
  });

  it('prints one line per problem, then a count, and nothing for the good articles', () => {
    const problems = result.lines.filter((line) => line.startsWith(shownScratch(BAD_ROOT)));
    expect(problems).toHaveLength(16);
    expect(problems.some((line) => line.includes('2023-01-12-bai-hop-le.md:'))).toBe(false);
    expect(result.lines.at(-1)).toBe('19 articles checked: 16 errors, 0 warnings');
  });

  it('reports a missing title', () => {
    expectLine(`${at('2023/2023-02-01-khong-tieu-de.md')}: title: is required (expected non-empty text)`);
  });

  it('reports an empty title', () => {
    expectLine(`${at('2023/2023-02-02-tieu-de-rong.md')}: title: must not be empty (expected non-empty text)`);
  });

  it('reports a date it cannot read', () => {
    expectLine(
      `${at('2023/2023-02-30-ngay-sai.md')}: date: cannot read "30/02/2023" as a date (expected DD/MM/YYYY, YYYY-MM-DD or YYYY-MM-DDTHH:mm (optionally with an offset such as +07:00))`,
    );
  });

  it('reports a missing date', () => {
    expectLine(
      `${at('2023/2023-02-03-thieu-ngay.md')}: date: is required (expected DD/MM/YYYY, YYYY-MM-DD or YYYY-MM-DDTHH:mm (optionally with an offset such as +07:00))`,
    );
  });

  it('reports an unknown category, listing the known ones', () => {
    expectLine(
      `${at('2023/2023-02-04-chuyen-muc-la.md')}: category: unknown category (expected one of: tin-tuc-su-kien, dao-tao-boi-duong, nghien-cuu-khoa-hoc, hop-tac-quoc-te, thong-bao, doan-the)`,
    );
  });

  it('reports a missing cover image', () => {
    expectLine(
      `${at('2023/2023-02-05-thieu-anh-bia/index.md')}: cover.src: image file not found (expected a path to an image beside the article, e.g. ./anh-bia.jpg)`,
    );
  });

  it('reports a missing image in the body', () => {
    expectLine(
      `${at('2023/2023-02-06-thieu-anh/index.md')}: body: image "./khong-co.jpg" not found (expected an image file beside the article)`,
    );
  });

  it('reports malformed YAML with the file and the line', () => {
    const line = result.lines.find((candidate) =>
      candidate.startsWith(`${at('2023/2023-02-07-yaml-hong.md')}: frontmatter: malformed YAML near line `),
    );
    expect(line, result.lines.join('\n')).toBeDefined();
    expect(line).toContain('(expected "field: value" lines between the two --- lines');
  });

  it('reports a slug override that breaks the slug rules', () => {
    expectLine(
      `${at('2023/2023-02-08-slug-sai.md')}: slug: not a valid slug (expected lowercase a-z, 0-9 and single hyphens, at most 80 characters)`,
    );
  });

  it('reports two articles with the same slug, naming both files', () => {
    expectLine(
      `${at('2023/2023-03-01-bai-hop-le.md')}: slug: "bai-hop-le" is already used by ${at('2023/2023-01-12-bai-hop-le.md')} (expected a slug no other article has)`,
    );
  });

  it('reports a draft that takes another article’s slug', () => {
    expectLine(
      `${at('2024/2024-01-01-ban-nhap.md')}: slug: "bai-thu-hai" is already used by ${at('2023/2023-01-13-bai-thu-hai.md')} (expected a slug no other article has)`,
    );
  });

  it('reports two articles claiming the same old URL, naming both files', () => {
    expectLine(
      `${at('2023/2023-03-03-hai.md')}: aliases: "/tin-tuc/1234.html" is already used by ${at('2023/2023-03-02-mot.md')} (expected an old URL no other article or page claims)`,
    );
  });

  it('reports a revision date earlier than the date', () => {
    expectLine(
      `${at('2023/2023-02-09-sua-truoc.md')}: updated: is earlier than date (expected the date of a later revision)`,
    );
  });

  it('reports an old URL that is not a site path', () => {
    expectLine(
      `${at('2023/2023-02-10-dia-chi-cu-sai.md')}: aliases: "tin-tuc/99.html" does not start with a single "/" (expected a path of the old site such as /tin-tuc/1234.html, /tin-tuc/cu/ or /Default.aspx?tabid=1)`,
    );
  });

  it('reports a draft flag that is not true or false', () => {
    expectLine(`${at('2023/2023-02-11-nhap-sai.md')}: draft: expected true or false`);
  });

  it('reports a file name that gives no slug', () => {
    expectLine(
      `${at('2023/2023-02-12-….md')}: slug: the file name gives no slug (expected a name with letters or digits, or a slug field)`,
    );
  });

  it('prints the same problems as the build, which fails on them', () => {
    const build = buildSite(join(projectRoot, shownScratch(BAD_ROOT)), 'cli/check-bad-out');
    expect(build.status).not.toBe(0);
    const problems = result.lines.filter((line) => line.startsWith(shownScratch(BAD_ROOT)));
    const built = new Set(build.output.split('\n').filter((line) => line.startsWith(shownScratch(BAD_ROOT))));
    expect([...built].sort()).toEqual([...problems].sort());
  });
});

const WARN_ROOT = 'check-warnings';

describe('npm run check on valid articles that deserve a second look', () => {
  let result: CliResult;
  const warnAt = (path: string) => `${shownScratch(WARN_ROOT)}/articles/${path}`;
  beforeAll(() => {
    const longSummary = `${'Học viện Cán bộ tổ chức hội nghị tổng kết công tác năm. '.repeat(4)}Kết thúc.`;
    writeFiles(join(scratch(WARN_ROOT), 'articles'), {
      '2023/2023-01-12-bai-hop-le.md': article("title: Bài hợp lệ\ndate: '12/01/2023'"),
      '2023/2023-02-01-tom-tat-dai.md': article(`title: Tóm tắt dài\ndate: '01/02/2023'\nsummary: '${longSummary}'`),
      '2023/2023-02-02-anh-bia/index.md': article(
        "title: Ảnh bìa không mô tả\ndate: '02/02/2023'\ncover:\n  src: ./anh-bia.jpg\n  alt: ''",
      ),
      '2023/2023-02-02-anh-bia/anh-bia.jpg': PHOTO,
      '2023/2023-02-03-anh-trong-bai/index.md': article(
        "title: Ảnh trong bài\ndate: '03/02/2023'",
        '![](./anh-1.jpg "Chú thích")',
      ),
      '2023/2023-02-03-anh-trong-bai/anh-1.jpg': PHOTO,
      '2023/2023-02-04-tieu-de-dai.md': article(`title: ${'Tiêu đề rất dài '.repeat(10)}hết\ndate: '04/02/2023'`),
      '2099/2099-01-01-tuong-lai.md': article("title: Bài của tương lai\ndate: '01/01/2099'"),
      '2023/2023-02-05-go-nham.md': article("title: Gõ nhầm\ndate: '05/02/2023'\ncatgory: thong-bao"),
      '2023/2023-02-06-truong-la.md': article("title: Trường lạ\ndate: '06/02/2023'\nhinhanh: anh.jpg"),
    });
    result = runCli('check', [], { BANTIN_CONTENT_DIR: shownScratch(WARN_ROOT) });
  });

  const expectLine = (line: string) => expect(result.lines, result.lines.join('\n')).toContain(line);

  it('exits with status 0 and counts the warnings', () => {
    expect(result.status).toBe(0);
    expect(result.lines.filter((line) => line.includes(': warning: '))).toHaveLength(7);
    expect(result.lines.at(-1)).toBe('8 articles checked: 0 errors, 7 warnings');
  });

  it('warns about a summary over 200 characters', () => {
    const line = result.lines.find((candidate) =>
      candidate.startsWith(`${warnAt('2023/2023-02-01-tom-tat-dai.md')}: summary: warning: `),
    );
    expect(line).toContain('(expected at most 200)');
  });

  it('warns about a cover image without alt text', () => {
    expectLine(
      `${warnAt('2023/2023-02-02-anh-bia/index.md')}: cover.alt: warning: the cover image has no alt text (expected a short description of the photo for readers who cannot see it)`,
    );
  });

  it('warns about a body image without alt text', () => {
    expectLine(
      `${warnAt('2023/2023-02-03-anh-trong-bai/index.md')}: body: warning: image "./anh-1.jpg" has no alt text (expected ![description of the photo](./anh-1.jpg))`,
    );
  });

  it('warns about a title over 150 characters', () => {
    expectLine(
      `${warnAt('2023/2023-02-04-tieu-de-dai.md')}: title: warning: 163 characters is long for a headline (expected at most 150)`,
    );
  });

  it('warns about a date in the future', () => {
    const line = result.lines.find((candidate) =>
      candidate.startsWith(`${warnAt('2099/2099-01-01-tuong-lai.md')}: date: warning: `),
    );
    expect(line).toContain('01/01/2099 is in the future');
  });

  it('warns about a misspelt field and names the field it probably meant', () => {
    expectLine(
      `${warnAt('2023/2023-02-05-go-nham.md')}: catgory: warning: unknown field, ignored by the site (did you mean "category"?)`,
    );
  });

  it('warns about an unknown field with nothing close, listing the known fields', () => {
    const line = result.lines.find((candidate) =>
      candidate.startsWith(`${warnAt('2023/2023-02-06-truong-la.md')}: hinhanh: warning: `),
    );
    expect(line).toContain(
      '(expected one of: title, date, updated, author, photoCredit, source, category, tags, summary, cover, attachments, draft, slug, aliases)',
    );
  });
});

describe('npm run check on good content', () => {
  it('passes the fixture site with no problem and no warning', () => {
    const result = runCli('check', [], { BANTIN_CONTENT_DIR: fixtureSiteDir });
    expect(result.status, result.lines.join('\n')).toBe(0);
    expect(result.lines).toEqual(['34 articles checked: 0 errors, 0 warnings']);
  });

  it('reports a content root without an articles folder', () => {
    const root = scratch('check-empty');
    const result = runCli('check', [], { BANTIN_CONTENT_DIR: root });
    expect(result.status).toBe(1);
    expect(result.lines[0]).toBe(
      `${shownScratch('check-empty')}/articles: articles: folder not found (expected a content root holding an articles/ folder)`,
    );
  });
});

describe('the npm run check script', () => {
  it('validates the content before the type check and stops on a bad article', () => {
    const { NODE_ENV: _testMode, ...inherited } = process.env;
    const result = spawnSync('npm', ['run', '--silent', 'check'], {
      cwd: projectRoot,
      encoding: 'utf8',
      env: { ...inherited, BANTIN_CONTENT_DIR: shownScratch(BAD_ROOT), ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
    });
    expect(result.status).not.toBe(0);
    expect(result.stdout).toContain(
      `${at('2023/2023-02-01-khong-tieu-de.md')}: title: is required (expected non-empty text)`,
    );
    expect(result.stdout).toContain('19 articles checked: 16 errors, 0 warnings');
  });
});
