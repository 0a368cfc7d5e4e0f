import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSiteAsync, fixtureSiteDir, projectRoot, userEnv } from '../support/build';
import { runCli, scratch, shownScratch, writeFiles, type CliResult } from './cli';

const article = (frontmatter: string, body = 'Nội dung bài viết.') => `---\n${frontmatter}\n---\n\n${body}\n`;

/** A real (tiny) photo: the check decodes every image it is given. */
const PHOTO = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#204080' } })
  .jpeg()
  .toBuffer();

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
  beforeAll(async () => {
    writeFiles(join(scratch(BAD_ROOT), 'articles'), BAD);
    result = await runCli('check', [], { BANTIN_CONTENT_DIR: shownScratch(BAD_ROOT) });
  });

  /**
   * The report holds one line for this file and field, saying each of `phrases` (what is wrong
   * and what to write instead, in Vietnamese).
   */
  const expectProblem = (file: string, field: string, ...phrases: string[]) => {
    const line = result.lines.find((candidate) => candidate.startsWith(`${at(file)}: ${field}: `));
    expect(line, result.lines.join('\n')).toBeDefined();
    for (const phrase of phrases) expect(line).toContain(phrase);
  };

  it('exits with status 1', async () => {
    expect(result.status).toBe(1);
  });

  it('prints one line per problem, then a count, and nothing for the good articles', async () => {
    const problems = result.lines.filter((line) => line.startsWith(shownScratch(BAD_ROOT)));
    expect(problems).toHaveLength(16);
    expect(problems.some((line) => line.includes('2023-01-12-bai-hop-le.md:'))).toBe(false);
    expect(result.lines.at(-2)).toBe('Đã kiểm tra 19 bài: 16 lỗi, 0 cảnh báo.');
    expect(result.lines.at(-1)).toContain('sửa các dòng trên');
  });

  it('reports a missing title', async () => {
    expectProblem('2023/2023-02-01-khong-tieu-de.md', 'title', 'chưa có', "ví dụ title: '");
  });

  it('reports an empty title', async () => {
    expectProblem('2023/2023-02-02-tieu-de-rong.md', 'title', 'đang để trống', 'ví dụ');
  });

  it('reports a date it cannot read', async () => {
    expectProblem('2023/2023-02-30-ngay-sai.md', 'date', 'không đọc được "30/02/2023"', 'DD/MM/YYYY', "ví dụ date: '");
  });

  it('reports a missing date', async () => {
    expectProblem('2023/2023-02-03-thieu-ngay.md', 'date', 'chưa có', 'DD/MM/YYYY');
  });

  it('reports an unknown category, listing the known ones', async () => {
    expectProblem(
      '2023/2023-02-04-chuyen-muc-la.md',
      'category',
      '"the-thao" không phải chuyên mục',
      'tin-tuc-su-kien (Tin tức - Sự kiện)',
      'doan-the (Hoạt động đoàn thể)',
    );
  });

  it('reports a missing cover image', async () => {
    expectProblem('2023/2023-02-05-thieu-anh-bia/index.md', 'cover.src', 'không thấy tệp ảnh "./khong-co.jpg"');
  });

  it('reports a missing image in the body', async () => {
    expectProblem('2023/2023-02-06-thieu-anh/index.md', 'body', 'không thấy tệp ảnh "./khong-co.jpg"');
  });

  it('reports malformed YAML with the file and the line', async () => {
    expectProblem('2023/2023-02-07-yaml-hong.md', 'frontmatter', 'sai cú pháp ở dòng', 'dấu nháy đơn');
  });

  it('reports a slug override that breaks the slug rules', async () => {
    expectProblem('2023/2023-02-08-slug-sai.md', 'slug', '"Đường-Dẫn Sai" không dùng được', 'a-z', '80 ký tự');
  });

  it('reports two articles with the same slug, naming both files', async () => {
    expectProblem(
      '2023/2023-03-01-bai-hop-le.md',
      'slug',
      `"bai-hop-le" đã là địa chỉ của ${at('2023/2023-01-12-bai-hop-le.md')}`,
    );
  });

  it('reports a draft that takes another article’s slug', async () => {
    expectProblem(
      '2024/2024-01-01-ban-nhap.md',
      'slug',
      `"bai-thu-hai" đã là địa chỉ của ${at('2023/2023-01-13-bai-thu-hai.md')}`,
    );
  });

  it('reports two articles claiming the same old URL, naming both files', async () => {
    expectProblem(
      '2023/2023-03-03-hai.md',
      'aliases',
      `"/tin-tuc/1234.html" đã là địa chỉ của ${at('2023/2023-03-02-mot.md')}`,
    );
  });

  it('reports a revision date earlier than the date', async () => {
    expectProblem('2023/2023-02-09-sua-truoc.md', 'updated', 'sớm hơn ngày đăng');
  });

  it('reports an old URL that is not a site path', async () => {
    expectProblem(
      '2023/2023-02-10-dia-chi-cu-sai.md',
      'aliases',
      '"tin-tuc/99.html" không bắt đầu bằng một dấu "/"',
      '/tin-tuc/1234.html',
    );
  });

  it('reports a draft flag that is not true or false', async () => {
    expectProblem('2023/2023-02-11-nhap-sai.md', 'draft', 'cần true', 'false', '"có"');
  });

  it('reports a file name that gives no slug', async () => {
    expectProblem('2023/2023-02-12-….md', 'slug', 'tên tệp không cho ra địa chỉ nào');
  });

  it('prints the same problems as the build, which fails on them', async () => {
    const build = await buildSiteAsync(join(projectRoot, shownScratch(BAD_ROOT)), 'cli/check-bad-out');
    expect(build.status).not.toBe(0);
    const problems = result.lines.filter((line) => line.startsWith(shownScratch(BAD_ROOT)));
    const built = new Set(build.output.split('\n').filter((line) => line.startsWith(shownScratch(BAD_ROOT))));
    expect([...built].sort()).toEqual([...problems].sort());
  });
});

const WARN_ROOT = 'check-warnings';

/** A month from today, as an editor writes it: in the future, within the year a story may be scheduled. */
const nextMonth = (() => {
  const date = new Date(Date.now() + 31 * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getUTCDate())}/${pad(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`;
})();

describe('npm run check on valid articles that deserve a second look', () => {
  let result: CliResult;
  const warnAt = (path: string) => `${shownScratch(WARN_ROOT)}/articles/${path}`;
  beforeAll(async () => {
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
      '2023/2023-02-04-tieu-de-dai.md': article(`title: ${'Tiêu đề rất dài '.repeat(20)}hết\ndate: '04/02/2023'`),
      '2099/2099-01-01-tuong-lai.md': article(`title: Bài của tương lai\ndate: '${nextMonth}'`),
      '2023/2023-02-05-go-nham.md': article("title: Gõ nhầm\ndate: '05/02/2023'\ncatgory: thong-bao"),
      '2023/2023-02-06-truong-la.md': article("title: Trường lạ\ndate: '06/02/2023'\nhinhanh: anh.jpg"),
    });
    result = await runCli('check', [], { BANTIN_CONTENT_DIR: shownScratch(WARN_ROOT) });
  });

  /** The report holds one warning for this file and field, saying each of `phrases`. */
  const expectWarning = (file: string, field: string, ...phrases: string[]) => {
    const line = result.lines.find((candidate) => candidate.startsWith(`${warnAt(file)}: ${field}: cảnh báo: `));
    expect(line, result.lines.join('\n')).toBeDefined();
    for (const phrase of phrases) expect(line).toContain(phrase);
  };

  it('exits with status 0 and counts the warnings', async () => {
    expect(result.status, result.lines.join('\n')).toBe(0);
    expect(result.lines.filter((line) => line.includes(': cảnh báo: '))).toHaveLength(6);
    expect(result.lines.at(-1)).toBe('Đã kiểm tra 8 bài: 0 lỗi, 6 cảnh báo. 1 bài lên lịch đăng.');
  });

  it('warns about a summary over 200 characters', async () => {
    expectWarning('2023/2023-02-01-tom-tat-dai.md', 'summary', 'bị cắt', 'tối đa 200');
  });

  it('warns about a cover image without alt text', async () => {
    expectWarning('2023/2023-02-02-anh-bia/index.md', 'cover.alt', 'ảnh bìa chưa có mô tả', 'alt:');
  });

  it('warns about a body image without alt text', async () => {
    expectWarning(
      '2023/2023-02-03-anh-trong-bai/index.md',
      'body',
      'ảnh "./anh-1.jpg" chưa có mô tả',
      '![mô tả ảnh](./anh-1.jpg)',
    );
  });

  it('warns about a title over 300 characters', async () => {
    expectWarning('2023/2023-02-04-tieu-de-dai.md', 'title', 'tiêu đề dài 323 ký tự', 'ngắn hơn 300');
  });

  it('lists a story dated in the future as scheduled, not as a warning', async () => {
    const line = result.lines.find((candidate) =>
      candidate.startsWith(`${warnAt('2099/2099-01-01-tuong-lai.md')}: date: lên lịch đăng: `),
    );
    expect(line, result.lines.join('\n')).toContain(`00:00 ngày ${nextMonth} (giờ Việt Nam)`);
    expect(result.lines.filter((line) => line.includes('tuong-lai') && line.includes(': cảnh báo: '))).toEqual([]);
  });

  it('warns about a misspelt field and names the field it probably meant', async () => {
    expectWarning('2023/2023-02-05-go-nham.md', 'catgory', 'trường lạ', 'có phải ý bạn là "category"?');
  });

  it('warns about an unknown field with nothing close, listing the known fields', async () => {
    expectWarning(
      '2023/2023-02-06-truong-la.md',
      'hinhanh',
      'trường lạ',
      'cần một trong: title, date, updated, author, photoCredit, source, category, tags, summary, cover, attachments, draft, slug, aliases',
    );
  });
});

describe('npm run check on good content', () => {
  it('passes the fixture site with no problem and no warning', async () => {
    const result = await runCli('check', [], { BANTIN_CONTENT_DIR: fixtureSiteDir });
    expect(result.status, result.lines.join('\n')).toBe(0);
    expect(result.lines).toEqual(['Đã kiểm tra 34 bài: 0 lỗi, 0 cảnh báo.']);
  });

  it('reports a content root without an articles folder', async () => {
    const root = scratch('check-empty');
    const result = await runCli('check', [], { BANTIN_CONTENT_DIR: root });
    expect(result.status).toBe(1);
    expect(result.lines[0]).toContain(`${shownScratch('check-empty')}/articles: articles: không có thư mục bài viết`);
  });
});

describe('the npm run check script', () => {
  it('validates the content before the type check and stops on a bad article', async () => {
    const inherited = userEnv();
    const result = spawnSync('npm', ['run', '--silent', 'check'], {
      cwd: projectRoot,
      encoding: 'utf8',
      env: { ...inherited, BANTIN_CONTENT_DIR: shownScratch(BAD_ROOT), ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
    });
    expect(result.status).not.toBe(0);
    expect(result.stdout).toContain(`${at('2023/2023-02-01-khong-tieu-de.md')}: title: chưa có`);
    expect(result.stdout).toContain('Đã kiểm tra 19 bài: 16 lỗi, 0 cảnh báo.');
  });
});
