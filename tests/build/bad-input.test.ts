import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSiteAsync, pageExists, tmpRoot, type BuildResult } from '../support/build';

const GOOD = `---
title: Bài viết hợp lệ
date: '12/01/2023'
---

Nội dung đúng quy định.
`;

/** Writes a content root holding one good article plus `files`, builds it, and returns the result. */
async function buildWith(name: string, files: Record<string, string>) {
  const root = join(tmpRoot, 'bad-input', name);
  rmSync(root, { recursive: true, force: true });
  const all = { '2023/2023-01-12-bai-hop-le.md': GOOD, ...files };
  for (const [path, text] of Object.entries(all)) {
    const file = join(root, 'articles', path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return await buildSiteAsync(root, `bad-input-out/${name}`);
}

/** The build failed, said where and what, and left no site behind. */
function expectFailure(result: BuildResult, ...mentions: string[]) {
  expect(result.status, result.output).not.toBe(0);
  for (const mention of mentions) expect(result.output).toContain(mention);
  expect(result.output).not.toMatch(/Stack trace|at .*\.js:\d+/);
  expect(pageExists(result.outDir, '/index.html')).toBe(false);
}

const article = (frontmatter: string, body = 'Nội dung bài viết.') => `---\n${frontmatter}\n---\n\n${body}\n`;

describe('a build with a bad article', () => {
  it('fails on a missing title, naming the file and the field', async () => {
    const result = await buildWith('no-title', { '2023/2023-02-01-khong-tieu-de.md': article("date: '01/02/2023'") });
    expectFailure(result, 'articles/2023/2023-02-01-khong-tieu-de.md: title: chưa có (cần tiêu đề bài viết');
  });

  it('fails on an empty title', async () => {
    const result = await buildWith('empty-title', {
      '2023/2023-02-01-tieu-de-rong.md': article("title: '   '\ndate: '01/02/2023'"),
    });
    expectFailure(result, 'articles/2023/2023-02-01-tieu-de-rong.md: title: đang để trống (cần tiêu đề bài viết');
  });

  it('fails on a date it cannot read', async () => {
    const result = await buildWith('bad-date', {
      '2023/2023-02-30-ngay-sai.md': article("title: Ngày sai\ndate: '30/02/2023'"),
    });
    expectFailure(
      result,
      'articles/2023/2023-02-30-ngay-sai.md: date: không đọc được "30/02/2023" thành ngày (cần DD/MM/YYYY',
    );
  });

  it('fails on a missing date', async () => {
    const result = await buildWith('no-date', { '2023/2023-02-01-thieu-ngay.md': article('title: Thiếu ngày') });
    expectFailure(result, 'articles/2023/2023-02-01-thieu-ngay.md: date: chưa có (cần ngày dạng DD/MM/YYYY');
  });

  it('fails on an unknown category, listing the known ones', async () => {
    const result = await buildWith('bad-category', {
      '2023/2023-02-01-chuyen-muc-la.md': article("title: Chuyên mục lạ\ndate: '01/02/2023'\ncategory: the-thao"),
    });
    expectFailure(
      result,
      'articles/2023/2023-02-01-chuyen-muc-la.md: category: "the-thao" không phải chuyên mục của trang (cần một trong: tin-tuc-su-kien',
    );
  });

  it('fails on a missing cover image', async () => {
    const result = await buildWith('missing-cover', {
      '2023/2023-02-01-thieu-anh-bia/index.md': article(
        "title: Thiếu ảnh bìa\ndate: '01/02/2023'\ncover:\n  src: ./khong-co.jpg\n  alt: Ảnh không có",
      ),
    });
    expectFailure(
      result,
      'articles/2023/2023-02-01-thieu-anh-bia/index.md: cover.src: không thấy tệp ảnh "./khong-co.jpg"',
    );
  });

  it('fails on a missing image in the body', async () => {
    const result = await buildWith('missing-body-image', {
      '2023/2023-02-01-thieu-anh/index.md': article(
        "title: Thiếu ảnh\ndate: '01/02/2023'",
        '![Ảnh](./khong-co.jpg "Chú thích")',
      ),
    });
    expectFailure(result, 'articles/2023/2023-02-01-thieu-anh/index.md: body: không thấy tệp ảnh "./khong-co.jpg"');
  });

  it('fails on malformed YAML, naming the file', async () => {
    const result = await buildWith('bad-yaml', {
      '2023/2023-02-01-yaml-hong.md': article("title: [Tiêu đề chưa đóng\ndate: '01/02/2023'"),
    });
    expectFailure(result, 'articles/2023/2023-02-01-yaml-hong.md: frontmatter: phần đầu bài sai cú pháp ở dòng');
  });

  it('fails on a slug override that breaks the slug rules', async () => {
    const result = await buildWith('bad-slug', {
      '2023/2023-02-01-slug-sai.md': article("title: Slug sai\ndate: '01/02/2023'\nslug: Đường-Dẫn Sai"),
    });
    expectFailure(result, 'articles/2023/2023-02-01-slug-sai.md: slug: "Đường-Dẫn Sai" không dùng được làm địa chỉ');
  });

  it('fails when two articles share a slug, naming both files', async () => {
    const result = await buildWith('duplicate-slug', {
      '2023/2023-03-01-bai-hop-le.md': article("title: Trùng đường dẫn\ndate: '01/03/2023'"),
    });
    expectFailure(
      result,
      'slug: "bai-hop-le" đã là địa chỉ của',
      '2023-03-01-bai-hop-le.md',
      '2023-01-12-bai-hop-le.md',
    );
  });

  it('fails when a draft takes a published article’s slug', async () => {
    const result = await buildWith('duplicate-draft', {
      '2024/2024-01-01-ban-nhap.md': article("title: Bản nháp\ndate: '01/01/2024'\ndraft: true\nslug: bai-hop-le"),
    });
    expectFailure(result, 'slug: "bai-hop-le" đã là địa chỉ của', '2024-01-01-ban-nhap.md', '2023-01-12-bai-hop-le.md');
  });

  it('fails when two articles claim the same old URL, naming both files', async () => {
    const result = await buildWith('duplicate-alias', {
      '2023/2023-03-01-mot.md': article("title: Một\ndate: '01/03/2023'\naliases: [/tin-tuc/1234.html]"),
      '2023/2023-03-02-hai.md': article("title: Hai\ndate: '02/03/2023'\naliases: [/tin-tuc/1234.html]"),
    });
    expectFailure(result, 'aliases: "/tin-tuc/1234.html" đã là địa chỉ của', '2023-03-01-mot.md', '2023-03-02-hai.md');
  });

  it('reports every problem of every file in one run', async () => {
    const result = await buildWith('many', {
      '2023/2023-02-01-mot.md': article("title: ''\ndate: 'hôm qua'"),
      '2023/2023-02-02-hai.md': article("title: Hai\ndate: '02/02/2023'\ncategory: khong-co"),
    });
    expectFailure(
      result,
      '2023-02-01-mot.md: title: đang để trống',
      '2023-02-01-mot.md: date: không đọc được "hôm qua"',
      '2023-02-02-hai.md: category: "khong-co" không phải chuyên mục',
    );
  });
});
