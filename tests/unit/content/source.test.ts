import { mkdirSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeStory, listStories, parseStory, readStory } from '../../../src/content/source';
import { site } from '../../../src/site.config';
import { tmpRoot } from '../../support/build';

const story = (frontmatter: string, body = 'Nội dung bài viết.') => `---\n${frontmatter}\n---\n\n${body}\n`;
const bytes = (text: string) => new TextEncoder().encode(text);

/** What a problem said, or a failure when the story was read. */
function problemOf(result: ReturnType<typeof decodeStory> | ReturnType<typeof parseStory>): string {
  if (!('problem' in result)) throw new Error(`expected a problem, got ${JSON.stringify(result)}`);
  return result.problem.message;
}

describe('decodeStory', () => {
  it('reads UTF-8 with or without a byte-order mark, and turns CRLF into LF', () => {
    expect(decodeStory(bytes('\uFEFFHọc viện\r\nCán bộ'))).toEqual({ text: 'Học viện\nCán bộ' });
  });

  it('says a file saved as UTF-16 is UTF-16, with or without a byte-order mark', () => {
    const utf16 = Buffer.from('---\ntitle: Hội nghị\n', 'utf16le');
    expect(problemOf(decodeStory(new Uint8Array([0xff, 0xfe, ...utf16])))).toContain('UTF-16');
    expect(problemOf(decodeStory(utf16))).toContain('UTF-16');
  });

  it('says a binary file is not text', () => {
    expect(problemOf(decodeStory(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 1, 2, 0, 0])))).toContain(
      'không phải văn bản thuần',
    );
  });

  it('refuses an old Vietnamese encoding, naming it and telling the editor how to re-save the file', () => {
    // "Hội nghị tổng kết" in Windows-1258: ô is 0xF4, the dot below a combining 0xF2 after the letter.
    const windows1258 = new Uint8Array([
      ...Buffer.from('H'), 0xf4, 0xf2, ...Buffer.from('i ngh'), 0x69, 0xf2, ...Buffer.from(' t'), 0xf4, 0xd2,
      ...Buffer.from('ng k'), 0xea, 0xec, ...Buffer.from('t'),
    ]);
    const message = problemOf(decodeStory(windows1258));
    expect(message).toContain('Windows-1258');
    expect(message).toContain('UTF-8');
  });

  it('refuses text garbled by a wrong encoding, quoting it', () => {
    const garbled = 'Há»\u008dc viá»‡n CÃ¡n bá»™';
    expect(problemOf(decodeStory(bytes(`---\ntitle: ${garbled}\n---\n`)))).toContain('hai lần');
  });

  it('refuses old-Mac CR-only line ends, saying so', () => {
    expect(problemOf(decodeStory(bytes('---\rtitle: Hội nghị\r---\r')))).toContain('CR');
  });

  it('never flags ordinary Vietnamese text', () => {
    const text = 'Sáng 11/01/2023, Học viện Chính trị quốc gia Hồ Chí Minh tổ chức Hội nghị toàn quốc — “Xuất sắc”…';
    expect(decodeStory(bytes(text))).toEqual({ text });
  });
});

describe('parseStory', () => {
  it('splits the frontmatter from the body and reads dates as written', () => {
    const parsed = parseStory(story("title: 'Hội nghị: tổng kết'\ndate: 2023-01-12\ntags: [Đào tạo]"));
    expect(parsed).toEqual({
      data: { title: 'Hội nghị: tổng kết', date: '2023-01-12', tags: ['Đào tạo'] },
      body: '\nNội dung bài viết.\n',
    });
  });

  it('says a file without the opening --- has no frontmatter', () => {
    expect(problemOf(parseStory('title: Hội nghị\n\nNội dung.'))).toContain('không bắt đầu bằng dòng ---');
  });

  it('says a missing closing --- is missing, not that title and date are', () => {
    const message = problemOf(parseStory("---\ntitle: Hội nghị\ndate: '12/01/2023'\n\nNội dung bài."));
    expect(message).toContain('thiếu dòng --- đóng');
  });

  it('names the line of broken YAML and how to write it', () => {
    const message = problemOf(parseStory(story("title: Hội nghị: tổng kết\ndate: '12/01/2023'")));
    expect(message).toContain('dòng 1');
    expect(message).toContain('dấu nháy đơn');
  });

  it('says a field written twice is written twice', () => {
    expect(problemOf(parseStory(story('title: Một\ntitle: Hai')))).toContain('hai lần');
  });

  it('refuses YAML aliases that expand exponentially, without running out of memory', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let level = 1; level <= 8; level += 1) {
      const previous = String.fromCharCode(96 + level);
      const name = String.fromCharCode(97 + level);
      levels.push(`${name}: &${name} [${Array.from({ length: 9 }, () => `*${previous}`).join(',')}]`);
    }
    const message = problemOf(parseStory(story(`title: Bom\n${levels.join('\n')}`)));
    expect(message).toContain(`quá giới hạn ${site.limits.yamlAliases}`);
  });

  it('refuses a frontmatter over the size limit, giving the limit', () => {
    const huge = `summary: '${'a'.repeat(site.limits.frontmatterBytes + 10)}'`;
    expect(problemOf(parseStory(story(`title: Dài\n${huge}`)))).toContain('quá giới hạn 64 KB');
  });

  it('removes control characters: Word line breaks become spaces in fields and line breaks in the body', () => {
    const parsed = parseStory(story('title: "Hội\\vnghị\\u0007 tổng\\x1b[31m kết"\nauthor: "Thanh\u000bTiên"', 'Dòng một\u000bdòng hai\u0000.'));
    expect(parsed).toEqual({
      data: { title: 'Hội nghị tổng kết', author: 'Thanh Tiên' },
      body: '\nDòng một\ndòng hai.\n',
    });
  });

  it('normalises every text to NFC', () => {
    const parsed = parseStory(story(`title: ${'Hội nghị'.normalize('NFD')}`));
    expect('data' in parsed && parsed.data.title).toBe('Hội nghị');
  });
});

describe('listStories and readStory', () => {
  const root = join(tmpRoot, 'unit-content-source');
  const articles = join(root, 'articles');
  const outside = join(tmpRoot, 'unit-content-source-outside');

  beforeAll(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
    mkdirSync(join(articles, '2024/2024-02-15-le-khai-giang'), { recursive: true });
    mkdirSync(outside, { recursive: true });
    writeFileSync(join(articles, '2024/2024-02-14-hoi-nghi.md'), story('title: Hội nghị'));
    writeFileSync(join(articles, '2024/2024-02-15-le-khai-giang/index.md'), story('title: Lễ khai giảng'));
    writeFileSync(join(articles, '2024/2024-02-16-c#-va-c++.md'), story('title: C# và C++'));
    writeFileSync(join(articles, `2024/2024-02-17-${'Đại hội'.normalize('NFC')}.md`), story('title: NFC'));
    writeFileSync(join(articles, `2024/2024-02-17-${'Đại hội'.normalize('NFD')}.md`), story('title: NFD'));
    writeFileSync(join(outside, 'bi-mat.md'), story('title: Bí mật nội bộ'));
    symlinkSync(join(outside, 'bi-mat.md'), join(articles, '2024/2024-02-18-bi-mat.md'));
    writeFileSync(join(articles, '2024/2024-02-19-qua-lon.md'), story('title: Quá lớn', 'x'.repeat(site.limits.storyBytes)));
  });
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  it('lists the stories, single files and folders, sorted by their path', () => {
    const { stories } = listStories(articles, root);
    expect(stories.map((found) => found.id)).toEqual([
      '2024/2024-02-14-hoi-nghi.md',
      '2024/2024-02-15-le-khai-giang/index.md',
      '2024/2024-02-19-qua-lon.md',
    ]);
  });

  it('gives each story its absolute file path, also from a folder named with a trailing separator', () => {
    const { stories } = listStories(`${articles}${sep}`, root);
    expect(stories.map((found) => found.file)).toEqual([
      join(articles, '2024/2024-02-14-hoi-nghi.md'),
      join(articles, '2024/2024-02-15-le-khai-giang/index.md'),
      join(articles, '2024/2024-02-19-qua-lon.md'),
    ]);
  });

  it('lists the same stories and problems without stamps when asked for none', () => {
    const stamped = listStories(articles, root);
    const unstamped = listStories(articles, root, { stamps: false });
    expect(unstamped.stories.map(({ id, file }) => ({ id, file }))).toEqual(stamped.stories.map(({ id, file }) => ({ id, file })));
    expect(unstamped.stories.map((found) => found.stamp)).toEqual([undefined, undefined, undefined]);
    expect(stamped.stories.every((found) => /^\d+:[\d.]+:[\d.]+$/.test(found.stamp ?? ''))).toBe(true);
    expect([...unstamped.problems]).toEqual([...stamped.problems]);
  });

  it('refuses a symbolic link to a story outside the content root', () => {
    const { problems } = listStories(articles, root);
    const messages = problems.get(join(articles, '2024/2024-02-18-bi-mat.md'))?.map((problem) => problem.message);
    expect(messages?.[0]).toContain('nằm ngoài thư mục nội dung');
  });

  it('refuses # and ? in file names up front', () => {
    const { problems } = listStories(articles, root);
    expect(problems.get(join(articles, '2024/2024-02-16-c#-va-c++.md'))?.[0]?.message).toContain('"#"');
  });

  it('refuses two file names that differ only in Unicode form, naming the other', () => {
    const { problems } = listStories(articles, root);
    const nfd = problems.get(join(articles, `2024/2024-02-17-${'Đại hội'.normalize('NFD')}.md`));
    expect(nfd?.[0]?.message).toContain('NFC/NFD');
  });

  it('refuses a story over the size limit, giving the limit', () => {
    const read = readStory(join(articles, '2024/2024-02-19-qua-lon.md'));
    expect('problem' in read && read.problem.message).toContain('quá giới hạn 4,0 MB');
  });
});

describe('listStories through symbolic links inside the content root', () => {
  const root = join(tmpRoot, 'unit-content-source-links');
  const articles = join(root, 'articles');

  beforeAll(() => {
    rmSync(root, { recursive: true, force: true });
    mkdirSync(join(articles, '2024/2024-03-01-hop-bao'), { recursive: true });
    writeFileSync(join(articles, '2024/2024-03-01-hop-bao/index.md'), story('title: Họp báo'));
    writeFileSync(join(articles, '2024/2024-03-02-hoi-thao.md'), story('title: Hội thảo'));
    symlinkSync(join(articles, '2024/2024-03-02-hoi-thao.md'), join(articles, '2024/2024-03-03-lien-ket.md'));
    symlinkSync(join(articles, '2024/2024-03-01-hop-bao'), join(articles, '2024/2024-03-04-thu-muc-lien-ket'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('marks the stories a link leads to, whose saves the preview sees under another path', () => {
    const { stories } = listStories(articles, root);
    expect(stories.map(({ id, linked }) => [id, linked === true])).toEqual([
      ['2024/2024-03-01-hop-bao/index.md', false],
      ['2024/2024-03-02-hoi-thao.md', false],
      ['2024/2024-03-03-lien-ket.md', true],
      ['2024/2024-03-04-thu-muc-lien-ket/index.md', true],
    ]);
  });

  it("stamps each story with its file's size and times of change, and a linked one with none (it is always read)", async () => {
    const file = join(articles, '2024/2024-03-02-hoi-thao.md');
    const stamp = () => listStories(articles, root).stories.find((found) => found.file === file)?.stamp;
    // Files given a fixed time of change, as some checkouts and archives do.
    const fixed = new Date('2001-01-01T00:00:00Z');
    utimesSync(file, fixed, fixed);
    const before = statSync(file);
    expect(stamp()).toBe(`${before.size}:${before.mtimeMs}:${before.ctimeMs}`);
    // Saved with a new text of the same length and given back its old time of change by a tool:
    // the system's own time of change still tells.
    // (The system's clock for it may tick every few milliseconds.)
    await new Promise((resolve) => setTimeout(resolve, 50));
    writeFileSync(file, story('title: Hội nghị'));
    utimesSync(file, fixed, fixed);
    const after = statSync(file);
    expect([after.size, after.mtimeMs]).toEqual([before.size, before.mtimeMs]);
    expect(stamp()).toBe(`${after.size}:${after.mtimeMs}:${after.ctimeMs}`);
    expect(after.ctimeMs).toBeGreaterThan(before.ctimeMs);
    expect(listStories(articles, root).stories.filter((found) => found.linked).map((found) => found.stamp)).toEqual([
      undefined,
      undefined,
    ]);
  });
});
