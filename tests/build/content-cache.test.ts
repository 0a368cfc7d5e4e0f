import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { contentCacheDir } from '../../src/lib/content/content-root';
import { buildSiteAsync, fixtureSiteDir, page, pageExists, projectRoot, textOf, tmpRoot } from '../support/build';

// Rendered bodies live in the content cache, one file per version of an article, outside
// Astro's data store. These builds edit a small content root between runs, as an editor
// would between commits, and check that what readers get follows every change.
const root = join(tmpRoot, 'cache-content');
const articles = join(root, 'articles');
const cacheDir = join(projectRoot, contentCacheDir(projectRoot, { BANTIN_CONTENT_DIR: root }));
const htmlDir = join(cacheDir, 'article-html');
const notesFile = join(cacheDir, 'body-notes.json');
const name = 'cache-site';
const outDir = join(tmpRoot, name);
const slug = 'an-toan-giao-thong';
const kept = '2023/2023-05-20-an-toan-giao-thong.md';
const other = '2023/2023-05-20-hoi-nghi-tong-ket.md';
const summary = 'Đoạn mở đầu được dùng làm phần tóm tắt của bài.';
const secondParagraph = 'Đoạn thứ hai chỉ nằm trong thân bài đã dựng, không trong kho dữ liệu của Astro.';
const addition = 'Câu này được biên tập viên thêm vào sau khi bài đã đăng.';

async function build(): Promise<void> {
  const result = await buildSiteAsync(root, name, {}, { keepOutDir: true });
  expect(result.status, result.output).toBe(0);
}

/** Writes a plain JPEG photo of the given size and colour. */
async function writePhoto(file: string, width: number, height: number, background: string): Promise<void> {
  writeFileSync(
    file,
    await sharp({ create: { width, height, channels: 3, background } })
      .jpeg()
      .toBuffer(),
  );
}

const bodyText = (path: string) => textOf(page(outDir, path).querySelector('.prose'));

beforeAll(async () => {
  rmSync(root, { recursive: true, force: true });
  rmSync(cacheDir, { recursive: true, force: true });
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(join(articles, '2023'), { recursive: true });
  cpSync(join(fixtureSiteDir, 'articles', other), join(articles, other));
  writeFileSync(
    join(articles, kept),
    [
      '---',
      'title: Tuyên truyền an toàn giao thông',
      "date: '2023-05-20'",
      '---',
      '',
      summary,
      '',
      secondParagraph,
      '',
    ].join('\n'),
  );
  await build();
});

describe('the content cache between builds', () => {
  it('keeps article bodies and their notes out of Astro’s data store, one cache file per article', () => {
    // The first paragraph is noted beside the bodies as the summary; the rest of the body is not.
    expect(bodyText(`/bai-viet/${slug}/`)).toContain(secondParagraph);
    expect(textOf(page(outDir, '/').querySelector('main'))).toContain(summary);
    const store = readFileSync(join(cacheDir, 'data-store.json'), 'utf8');
    expect(store).toContain('Tuyên truyền an toàn giao thông');
    expect(store).not.toContain(summary);
    expect(store).not.toContain(secondParagraph);
    const notes = readFileSync(notesFile, 'utf8');
    expect(notes).toContain(summary);
    expect(notes).not.toContain(secondParagraph);
    expect(readdirSync(htmlDir)).toHaveLength(2);
  });

  it('shows an edited body on the article page and its print view, and forgets the old version', async () => {
    const before = readdirSync(htmlDir);
    appendFileSync(join(articles, kept), `\n${addition}\n`);
    writeFileSync(join(outDir, 'stale.html'), 'left over from an earlier build');
    await build();
    expect(bodyText(`/bai-viet/${slug}/`)).toContain(addition);
    expect(bodyText(`/bai-viet/${slug}/ban-in/`)).toContain(addition);
    const after = readdirSync(htmlDir);
    expect(after).toHaveLength(2);
    expect(after.filter((file) => !before.includes(file))).toHaveLength(1);
    // The previous build is replaced whole, and the build's staging folder is gone.
    expect(existsSync(join(outDir, 'stale.html'))).toBe(false);
    expect(readdirSync(tmpRoot).filter((entry) => entry.startsWith(`.${name}-staging-`))).toEqual([]);
  });

  it('renders a body again when its cache file has gone', async () => {
    rmSync(htmlDir, { recursive: true });
    await build();
    expect(bodyText(`/bai-viet/${slug}/`)).toContain(addition);
    expect(readdirSync(htmlDir)).toHaveLength(2);
  });

  it('renders a body again when the notes of the cached bodies have gone', async () => {
    rmSync(notesFile);
    await build();
    expect(bodyText(`/bai-viet/${slug}/`)).toContain(addition);
    expect(textOf(page(outDir, '/').querySelector('main'))).toContain(summary);
    expect(Object.keys(JSON.parse(readFileSync(notesFile, 'utf8')))).toHaveLength(2);
  });

  it('drops a deleted article from the site, and its body and notes from the cache', async () => {
    const notedBefore = readFileSync(notesFile, 'utf8');
    rmSync(join(articles, other));
    await build();
    expect(pageExists(outDir, '/bai-viet/hoi-nghi-tong-ket/')).toBe(false);
    expect(pageExists(outDir, `/bai-viet/${slug}/`)).toBe(true);
    expect(readdirSync(htmlDir)).toHaveLength(1);
    expect(notedBefore).toContain('hoi-nghi-tong-ket');
    expect(Object.keys(JSON.parse(readFileSync(notesFile, 'utf8')))).toEqual([expect.stringContaining(slug)]);
  });

  it('checks an unchanged story again when its photo is replaced, and stops with the editor’s message when it is deleted', async () => {
    const story = '2023/2023-05-22-khai-giang/index.md';
    const photo = join(articles, '2023/2023-05-22-khai-giang/khai-giang.jpg');
    mkdirSync(join(photo, '..'), { recursive: true });
    writeFileSync(
      join(articles, story),
      '---\ntitle: Lễ khai giảng\ndate: \'2023-05-22\'\n---\n\n![Lễ khai giảng](./khai-giang.jpg "Lễ khai giảng")\n',
    );
    await writePhoto(photo, 16, 16, '#204080');
    await build();
    expect(pageExists(outDir, '/bai-viet/khai-giang/')).toBe(true);
    // The photo replaced by another: the story is checked again and the new photo shown.
    await writePhoto(photo, 48, 32, '#c04020');
    await build();
    const shown = page(outDir, '/bai-viet/khai-giang/').querySelector('.prose img');
    expect(shown?.getAttribute('src')).toMatch(/^\/_astro\//);
    expect(shown?.getAttribute('width')).toBe('48');
    // The story's text is the one cached: only its photo is gone.
    rmSync(photo);
    const result = await buildSiteAsync(root, name, {}, { keepOutDir: true });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(`articles/${story}: body: không thấy tệp ảnh "./khai-giang.jpg"`);
    expect(result.output).not.toMatch(/ImageNotFound|Stack trace/);
    // The live site is the last good build.
    expect(pageExists(outDir, '/bai-viet/khai-giang/')).toBe(true);
  });
});
