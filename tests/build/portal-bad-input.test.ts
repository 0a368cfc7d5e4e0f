import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/cli';
import { buildSiteAsync, pageExists, tmpRoot, type BuildResult } from '../support/build';

/** Writes a content root (`articles/…`, `pages/…` and other files) under tests/.tmp, and returns it. */
function contentRoot(name: string, files: Record<string, string | Buffer>): string {
  const root = join(tmpRoot, 'portal-bad-input', name);
  rmSync(root, { recursive: true, force: true });
  for (const [path, content] of Object.entries(files)) {
    const file = join(root, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return root;
}

const PDF = Buffer.from('%PDF-1.4\n% Tài liệu\n%%EOF\n', 'latin1');

describe('a story with bad attachments', () => {
  let root: string;
  let build: BuildResult;
  beforeAll(async () => {
    root = contentRoot('attachments', {
      'articles/2023/2023-03-01-tai-lieu-hoi-nghi/index.md': [
        '---',
        'title: Tài liệu hội nghị',
        "date: '01/03/2023'",
        'attachments:',
        '  - ./khong-co.pdf',
        '  - ./chuong-trinh.exe',
        '  - ../../../../bi-mat.pdf',
        '  - ./gia-mao.pdf',
        '  - ./that.pdf',
        '---',
        '',
        'Nội dung.',
      ].join('\n'),
      'articles/2023/2023-03-01-tai-lieu-hoi-nghi/chuong-trinh.exe': 'MZ',
      'articles/2023/2023-03-01-tai-lieu-hoi-nghi/gia-mao.pdf': 'MZ chương trình giả làm PDF',
      'articles/2023/2023-03-01-tai-lieu-hoi-nghi/that.pdf': PDF,
      // Beside the content root, not in it.
      '../bi-mat.pdf': PDF,
    });
    build = await buildSiteAsync(root, 'portal-bad-input-out/attachments');
  });

  const story = 'articles/2023/2023-03-01-tai-lieu-hoi-nghi/index.md';
  const expected = [
    `${story}: attachments.0: không tìm thấy tệp "./khong-co.pdf"`,
    `${story}: attachments.1: tệp "./chuong-trinh.exe" không thuộc loại được phép (cần một trong: pdf, docx, xlsx, odt, zip)`,
    `${story}: attachments.2: tệp "../../../../bi-mat.pdf" nằm ngoài thư mục nội dung`,
    `${story}: attachments.3: tệp "./gia-mao.pdf" không phải tệp PDF thật`,
  ];

  it('fails the build, naming the story and the field of each bad file, and leaves no site', async () => {
    expect(build.status, build.output).not.toBe(0);
    for (const line of expected) expect(build.output).toContain(line);
    expect(build.output).not.toContain('attachments.4');
    expect(pageExists(build.outDir, '/index.html')).toBe(false);
  });

  it('fails `npm run check` with the same lines', async () => {
    const result = await runCli('check', [], { BANTIN_CONTENT_DIR: root });
    expect(result.status).toBe(1);
    for (const line of expected) expect(result.stdout).toContain(line);
  });
});

describe('a standing page whose address is taken', () => {
  let build: BuildResult;
  beforeAll(async () => {
    const root = contentRoot('pages', {
      'articles/2023/2023-01-12-bai-hop-le.md': [
        '---',
        'title: Bài viết hợp lệ',
        "date: '12/01/2023'",
        'aliases: [/lien-he/, /tin-cu.html]',
        '---',
        '',
        'Nội dung.',
      ].join('\n'),
      'pages/lien-he.md': '---\ntitle: Liên hệ\n---\n\nĐịa chỉ.\n',
      'pages/luu-tru.md': '---\ntitle: Lưu trữ riêng\n---\n\nTrùng mục lưu trữ.\n',
      'pages/bai-viet.md': '---\ntitle: Bài viết\n---\n\nTrùng mục bài viết.\n',
      'pages/gioi-thieu.md':
        '---\ntitle: Giới thiệu\naliases: [/tin-cu.html, /bai-viet/bai-hop-le/]\n---\n\nGiới thiệu.\n',
    });
    build = await buildSiteAsync(root, 'portal-bad-input-out/pages');
  });

  it('fails the build naming the page and the file or section that holds its address', async () => {
    expect(build.status, build.output).not.toBe(0);
    expect(build.output).toMatch(
      /pages\/lien-he\.md: slug: địa chỉ \/lien-he\/ đã thuộc về \S*articles\/2023\/2023-01-12-bai-hop-le\.md/,
    );
    expect(build.output).toMatch(
      /pages\/gioi-thieu\.md: aliases: địa chỉ \/tin-cu\.html đã thuộc về \S*articles\/2023\/2023-01-12-bai-hop-le\.md/,
    );
    expect(build.output).toMatch(
      /pages\/gioi-thieu\.md: aliases: địa chỉ \/bai-viet\/bai-hop-le\/ là trang riêng của trang web/,
    );
    expect(build.output).toMatch(
      /pages\/luu-tru\.md: slug: địa chỉ \/luu-tru\/ là trang riêng của trang web \(trang lưu trữ/,
    );
    expect(build.output).toMatch(/pages\/bai-viet\.md: slug: địa chỉ \/bai-viet\/ là trang riêng của trang web/);
    expect(pageExists(build.outDir, '/index.html')).toBe(false);
  });
});

describe('a standing page with bad frontmatter', () => {
  it('fails the build in Vietnamese, naming the file and the field', async () => {
    const root = contentRoot('page-fields', {
      'articles/2023/2023-01-12-bai-hop-le.md': "---\ntitle: Bài viết hợp lệ\ndate: '12/01/2023'\n---\n\nNội dung.\n",
      'pages/gioi-thieu.md':
        "---\ntitle: '  '\nupdated: '31/02/2024'\nlang: 'tiếng Anh'\ntieude: X\n---\n\nNội dung.\n",
    });
    const build = await buildSiteAsync(root, 'portal-bad-input-out/page-fields');
    expect(build.status, build.output).not.toBe(0);
    expect(build.output).toContain('pages/gioi-thieu.md: title: thiếu tiêu đề');
    expect(build.output).toContain('pages/gioi-thieu.md: updated: không đọc được ngày');
    expect(build.output).toContain('pages/gioi-thieu.md: lang: mã ngôn ngữ không hợp lệ');
    expect(build.output).toContain('pages/gioi-thieu.md: tieude: trường không được hỗ trợ');
  });
});
