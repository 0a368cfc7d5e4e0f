import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { buildSiteAsync, page, pageExists, textOf } from '../support/build';
import { runCli, scratch, shownScratch } from './cli';

/** Today's date in Vietnam as YYYY-MM-DD, worked out independently of the code under test. */
function todayInVietnam(): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Ho_Chi_Minh',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

/** Every file below a folder, relative to it. */
function filesBelow(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

describe('npm run new', () => {
  it('writes a story dated today in Vietnam that builds and shows on the home page', async () => {
    const root = scratch('new-build');
    const before = todayInVietnam();
    // A zone where the calendar day often differs from Vietnam's.
    const result = await runCli('new', ['Hội nghị tổng kết năm 2026'], {
      BANTIN_CONTENT_DIR: root,
      TZ: 'America/Los_Angeles',
    });
    const after = todayInVietnam();
    expect(result.status, result.lines.join('\n')).toBe(0);

    const [file] = filesBelow(join(root, 'articles'));
    const day = [before, after].find(
      (candidate) => file === `${candidate.slice(0, 4)}/${candidate}-hoi-nghi-tong-ket-nam-2026.md`,
    );
    expect(day, `${file} is dated today in Vietnam (${before})`).toBeDefined();
    expect(result.lines).toEqual([
      `Đã tạo ${shownScratch('new-build')}/articles/${file}`,
      'Địa chỉ khi đăng: https://hocviencanbo.hochiminhcity.gov.vn/bai-viet/hoi-nghi-tong-ket-nam-2026/',
    ]);

    const built = await buildSiteAsync(root, 'cli/new-build-out');
    expect(built.status, built.output).toBe(0);
    expect(pageExists(built.outDir, '/bai-viet/hoi-nghi-tong-ket-nam-2026/')).toBe(true);
    expect(textOf(page(built.outDir, '/bai-viet/hoi-nghi-tong-ket-nam-2026/').querySelector('h1'))).toBe(
      'Hội nghị tổng kết năm 2026',
    );
    const home = page(built.outDir, '/');
    expect(
      home.querySelectorAll('a').some((link) => link.getAttribute('href') === '/bai-viet/hoi-nghi-tong-ket-nam-2026/'),
    ).toBe(true);
  });

  it('writes the category, the date and a folder story when asked', async () => {
    const root = scratch('new-options');
    const result = await runCli(
      'new',
      ['Lễ khai giảng lớp bồi dưỡng', '--category', 'dao-tao-boi-duong', '--date', '15/02/2026', '--folder'],
      {
        BANTIN_CONTENT_DIR: root,
      },
    );
    expect(result.status, result.lines.join('\n')).toBe(0);
    expect(filesBelow(join(root, 'articles'))).toEqual(['2026/2026-02-15-le-khai-giang-lop-boi-duong/index.md']);
    const text = readFileSync(join(root, 'articles/2026/2026-02-15-le-khai-giang-lop-boi-duong/index.md'), 'utf8');
    expect(parseFrontmatter(text).frontmatter).toEqual({
      title: 'Lễ khai giảng lớp bồi dưỡng',
      date: '15/02/2026',
      category: 'dao-tao-boi-duong',
    });
  });

  it('lists every optional field as a commented hint', async () => {
    const root = scratch('new-hints');
    await runCli('new', ['Thông báo lịch học'], { BANTIN_CONTENT_DIR: root });
    const [file] = filesBelow(join(root, 'articles'));
    const text = readFileSync(join(root, 'articles', file as string), 'utf8');
    for (const field of [
      'updated',
      'author',
      'photoCredit',
      'source',
      'tags',
      'summary',
      'cover',
      'draft',
      'slug',
      'aliases',
    ]) {
      expect(text, field).toMatch(new RegExp(`^# ${field}:`, 'm'));
    }
  });

  it('accepts a title typed in NFD, writing it in NFC with an ASCII slug', async () => {
    const root = scratch('new-nfd');
    const result = await runCli('new', ['Đại hội Đoàn thể nhiệm kỳ mới'.normalize('NFD'), '--date', '02/04/2026'], {
      BANTIN_CONTENT_DIR: root,
    });
    expect(result.status, result.lines.join('\n')).toBe(0);
    const file = join(root, 'articles/2026/2026-04-02-dai-hoi-doan-the-nhiem-ky-moi.md');
    expect(parseFrontmatter(readFileSync(file, 'utf8')).frontmatter.title).toBe(
      'Đại hội Đoàn thể nhiệm kỳ mới'.normalize('NFC'),
    );
  });

  it('refuses to overwrite a story that is already there', async () => {
    const root = scratch('new-twice');
    await runCli('new', ['Hội thảo khoa học', '--date', '10/03/2026'], { BANTIN_CONTENT_DIR: root });
    const file = join(root, 'articles/2026/2026-03-10-hoi-thao-khoa-hoc.md');
    const first = readFileSync(file, 'utf8');
    const again = await runCli('new', ['Hội thảo khoa học', '--date', '10/03/2026'], { BANTIN_CONTENT_DIR: root });
    expect(again.status).toBe(1);
    expect(again.lines).toEqual([
      `${shownScratch('new-twice')}/articles/2026/2026-03-10-hoi-thao-khoa-hoc.md: tệp đã có, không ghi gì (hãy chọn tiêu đề khác, hoặc mở tệp đó để sửa)`,
    ]);
    expect(readFileSync(file, 'utf8')).toBe(first);
  });

  it('refuses a title whose address another story already has', async () => {
    const root = scratch('new-same-slug');
    await runCli('new', ['Hội thảo khoa học', '--date', '10/03/2026'], { BANTIN_CONTENT_DIR: root });
    const again = await runCli('new', ['Hội thảo: khoa học!', '--date', '11/03/2026', '--folder'], {
      BANTIN_CONTENT_DIR: root,
    });
    expect(again.status).toBe(1);
    expect(again.lines[0]).toBe(
      `slug: đường dẫn "hoi-thao-khoa-hoc" đã thuộc về ${shownScratch('new-same-slug')}/articles/2026/2026-03-10-hoi-thao-khoa-hoc.md, không ghi gì (hai bài không thể chung một đường dẫn; hãy chọn tiêu đề khác)`,
    );
    expect(filesBelow(join(root, 'articles'))).toEqual(['2026/2026-03-10-hoi-thao-khoa-hoc.md']);
  });

  it('explains a title made only of punctuation, and writes nothing', async () => {
    const root = scratch('new-punctuation');
    const result = await runCli('new', ['!!! … ???'], { BANTIN_CONTENT_DIR: root });
    expect(result.status).not.toBe(0);
    expect(result.lines[0]).toBe(
      'title: "!!! … ???" không có chữ hay số nào để làm đường dẫn của bài (cần tiêu đề có chữ, ví dụ "Hội nghị tổng kết năm 2026")',
    );
    expect(filesBelow(root)).toEqual([]);
  });

  it('explains an unknown category, listing the known ones, and writes nothing', async () => {
    const root = scratch('new-category');
    const result = await runCli('new', ['Giải bóng đá', '--category', 'the-thao'], { BANTIN_CONTENT_DIR: root });
    expect(result.status).not.toBe(0);
    expect(result.lines[0]).toBe(
      '--category: không có chuyên mục "the-thao" (chọn một trong: tin-tuc-su-kien, dao-tao-boi-duong, nghien-cuu-khoa-hoc, hop-tac-quoc-te, thong-bao, doan-the)',
    );
    expect(filesBelow(root)).toEqual([]);
  });

  it('explains a date that does not exist or is not DD/MM/YYYY, and writes nothing', async () => {
    const root = scratch('new-date');
    for (const written of ['30/02/2026', '2026-02-15', 'hôm nay']) {
      const result = await runCli('new', ['Hội nghị', '--date', written], { BANTIN_CONTENT_DIR: root });
      expect(result.status).not.toBe(0);
      expect(result.lines[0]).toBe(
        `--date: không đọc được "${written}" là một ngày (cần DD/MM/YYYY, ví dụ 15/02/2026)`,
      );
    }
    expect(filesBelow(root)).toEqual([]);
  });

  it('refuses a year that is not four digits, never reading 0023 as 1923 or cutting 20264', async () => {
    const root = scratch('new-year');
    for (const [written, year] of [
      ['16/02/0023', '0023'],
      ['15/02/20264', '20264'],
      ['15/02/26', '26'],
    ]) {
      const result = await runCli('new', ['Hội nghị', '--date', written as string], { BANTIN_CONTENT_DIR: root });
      expect(result.status).not.toBe(0);
      expect(result.lines[0]).toBe(
        `--date: năm "${year}" trong "${written}" không hợp lệ (năm phải có đúng bốn chữ số, ví dụ 15/02/2026)`,
      );
    }
    expect(filesBelow(root)).toEqual([]);
  });

  it('cleans control characters out of a title pasted from Word, and says so', async () => {
    const root = scratch('new-control');
    const result = await runCli('new', ['Hội nghị\vtổng kết\x07 năm 2026\x1b[0m', '--date', '02/03/2026'], {
      BANTIN_CONTENT_DIR: root,
    });
    expect(result.status, result.lines.join('\n')).toBe(0);
    expect(result.lines[0]).toBe(
      'title: đã bỏ các ký tự điều khiển trong tiêu đề (ví dụ dấu ngắt dòng của Word): "Hội nghị tổng kết năm 2026"',
    );
    const file = join(root, 'articles/2026/2026-03-02-hoi-nghi-tong-ket-nam-2026.md');
    expect(parseFrontmatter(readFileSync(file, 'utf8')).frontmatter.title).toBe('Hội nghị tổng kết năm 2026');
  });

  it('asks for the title when none is given', async () => {
    const result = await runCli('new', [], { BANTIN_CONTENT_DIR: scratch('new-no-title') });
    expect(result.status).not.toBe(0);
    expect(result.lines[0]).toBe(
      'title: hãy ghi đúng một tiêu đề, trong dấu ngoặc kép (ví dụ: npm run new -- "Tiêu đề bài viết")',
    );
  });
});
