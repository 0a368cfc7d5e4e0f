import { copyFileSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, sep } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/content/check';
import { collectionProblems, displayPath, imageProblem, tagSpellingWarnings, type StoryClaim } from '../../../src/content/validate';
import { tmpRoot } from '../../support/build';

const root = join(tmpRoot, 'unit-content-validate');
const folder = join(root, 'articles/2024/2024-02-15-le-khai-giang');
const storyFile = join(folder, 'index.md');
const outside = join(tmpRoot, 'unit-content-validate-outside');
const story = (frontmatter: string, body = 'Nội dung bài viết.') => `---\n${frontmatter}\n---\n\n${body}\n`;

beforeAll(async () => {
  rmSync(root, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  mkdirSync(outside, { recursive: true });
  const photo = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#a00' } }).jpeg().toBuffer();
  writeFileSync(join(folder, 'anh-1.jpg'), photo);
  writeFileSync(join(folder, 'hong.jpg'), photo.subarray(0, 40));
  writeFileSync(join(folder, 'bieu-do.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
  writeFileSync(join(folder, 'van-ban.docx'), 'PK\u0003\u0004 không phải ảnh');
  writeFileSync(join(outside, 'bi-mat.jpg'), photo);
  symlinkSync(join(outside, 'bi-mat.jpg'), join(folder, 'lien-ket.jpg'));
  copyFileSync(join(folder, 'anh-1.jpg'), join(folder, 'anh 2.jpg'));
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

describe('imageProblem', () => {
  it('accepts a photo beside the story, written plainly or %-escaped, and remote images', async () => {
    expect(await imageProblem('./anh-1.jpg', storyFile, root)).toBeUndefined();
    expect(await imageProblem('./anh%202.jpg', storyFile, root)).toBeUndefined();
    expect(await imageProblem('https://example.com/anh.jpg', storyFile, root)).toBeUndefined();
  });

  it('says a missing photo is missing', async () => {
    expect(await imageProblem('./khong-co.jpg', storyFile, root)).toContain('không thấy tệp ảnh "./khong-co.jpg"');
  });

  it('refuses images outside the content root, by path or by symbolic link', async () => {
    expect(await imageProblem('../../../../../../../../etc/passwd', storyFile, root)).toContain('ngoài thư mục nội dung');
    expect(await imageProblem('./lien-ket.jpg', storyFile, root)).toContain('ngoài thư mục nội dung');
  });

  it('refuses SVG, which can carry a script', async () => {
    expect(await imageProblem('./bieu-do.svg', storyFile, root)).toContain('SVG');
  });

  it('refuses files that are not photos, and photos that do not decode', async () => {
    expect(await imageProblem('./van-ban.docx', storyFile, root)).toContain('không phải ảnh dùng được');
    expect(await imageProblem('./hong.jpg', storyFile, root)).toContain('hỏng');
  });
});

describe('collectionProblems', () => {
  const claim = (id: string, extra: Partial<StoryClaim> = {}): StoryClaim => ({
    id,
    fileLabel: `articles/${id}`,
    aliases: [],
    tags: [],
    ...extra,
  });

  it('names both files when two stories share a slug', () => {
    const problems = collectionProblems([claim('2023/2023-01-01-hoi-nghi.md'), claim('2024/2024-01-01-hoi-nghi.md')]);
    expect(problems).toEqual([
      'articles/2024/2024-01-01-hoi-nghi.md: slug: "hoi-nghi" đã là địa chỉ của articles/2023/2023-01-01-hoi-nghi.md (cần một địa chỉ chưa bài nào dùng: đổi tên tệp hoặc thêm trường slug)',
    ]);
  });

  it('refuses an alias that would need a file and a folder of the same name', () => {
    const problems = collectionProblems([
      claim('2023/2023-01-01-mot.md', { aliases: ['/x.html'] }),
      claim('2023/2023-01-02-hai.md', { aliases: ['/x.html/y.html'] }),
    ]);
    expect(problems.join('\n')).toContain('vừa là tệp vừa là thư mục');
  });

  it('refuses aliases on or inside the site’s own pages and files', () => {
    for (const alias of ['/rss.xml/x.html', '/logo.png/', '/bai-viet/mot/anh.html', '/trang/2/', '/the/']) {
      const problems = collectionProblems([claim('2023/2023-01-01-mot.md', { aliases: [alias] })]);
      expect(problems.join('\n'), alias).toContain('là một trang của chính trang web');
    }
  });
});

describe('tagSpellingWarnings', () => {
  it('warns when spellings differing in marks share one tag page, naming both and their stories', () => {
    const warnings = tagSpellingWarnings([
      { id: 'a.md', fileLabel: 'articles/a.md', aliases: [], tags: ['Ca'] },
      { id: 'b.md', fileLabel: 'articles/b.md', aliases: [], tags: ['Cá'] },
      { id: 'c.md', fileLabel: 'articles/c.md', aliases: [], tags: ['ca'] },
    ]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('"ca", "cá"');
    expect(warnings[0]).toContain('/the/ca/');
    expect(warnings[0]).toContain('articles/a.md, articles/b.md, articles/c.md');
  });

  it('keeps C++, C# and C apart', () => {
    expect(
      tagSpellingWarnings([{ id: 'a.md', fileLabel: 'a.md', aliases: [], tags: ['C++', 'C#', 'C'] }]),
    ).toEqual([]);
  });
});

describe('checkContent', () => {
  it('reports a body image that is not a photo, and 5,000 nested quotes, without crashing', async () => {
    const bad = join(root, 'articles/2024/2024-03-01-long-nhau.md');
    const docx = join(root, 'articles/2024/2024-03-02-tep-word/index.md');
    mkdirSync(join(docx, '..'), { recursive: true });
    writeFileSync(join(docx, '../bang.docx'), 'PK');
    writeFileSync(bad, story("title: Lồng nhau\ndate: '01/03/2024'", `${'> '.repeat(5000)}Trích dẫn.`));
    writeFileSync(docx, story("title: Tệp Word\ndate: '02/03/2024'", '![Bảng](./bang.docx)'));
    writeFileSync(storyFile, story("title: Lễ khai giảng\ndate: '15/02/2024'", '![Học viên dự lễ](./anh-1.jpg)'));
    const report = await checkContent(root, tmpRoot, new Date('2024-06-01T00:00:00+07:00'));
    expect(report.errors).toEqual([
      expect.stringMatching(/^unit-content-validate\/articles\/2024\/2024-03-01-long-nhau\.md: body: nội dung lồng nhau quá sâu/),
      expect.stringMatching(/^unit-content-validate\/articles\/2024\/2024-03-02-tep-word\/index\.md: body: tệp "\.\/bang\.docx" không phải ảnh/),
    ]);
  });
});

describe('displayPath', () => {
  const project = join(tmpRoot, 'unit-display-path');

  it('names a file inside the project from the project, with / between folders', () => {
    const file = join(project, 'content/articles/2024/2024-03-01-hop-bao.md');
    expect(displayPath(project, file)).toBe('content/articles/2024/2024-03-01-hop-bao.md');
    expect(displayPath(`${project}${sep}`, file)).toBe('content/articles/2024/2024-03-01-hop-bao.md');
    expect(displayPath(project, 'content/articles/a.md')).toBe('content/articles/a.md');
  });

  it('names a file outside the project by its absolute path, also one reached through ..', () => {
    expect(displayPath(project, join(tmpRoot, 'elsewhere/a.md'))).toBe(join(tmpRoot, 'elsewhere/a.md'));
    expect(isAbsolute(displayPath(project, `${project}${sep}..${sep}elsewhere${sep}a.md`))).toBe(true);
    expect(displayPath(project, `${project}${sep}.${sep}content${sep}a.md`)).toBe('content/a.md');
  });

  it('does not take a folder whose name begins like the project for one inside it', () => {
    expect(displayPath(project, `${project}-cu${sep}a.md`)).toBe(`${project}-cu${sep}a.md`);
  });
});
