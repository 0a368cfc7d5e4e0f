import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, serveSite, type RunningBrowser, type SiteServer } from '../support/browser';
import { projectRoot, tmpRoot } from '../support/build';

const SEED_FILE = join(projectRoot, 'content/articles/2023/2023-01-12-hoc-vien-can-bo-bang-khen-2022.md');
const ARTIFACTS = join(projectRoot, 'test-results');

/** The seed story's paragraphs, as committed by its editors (frontmatter removed). */
function seedParagraphs(): string[] {
  const text = readFileSync(SEED_FILE, 'utf8');
  const body = text.slice(text.indexOf('\n---', 3) + 4);
  return body
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter((paragraph) => paragraph.length > 0);
}

/** Text of a PDF in content order (`-raw` keeps a dash that ends a line), whitespace squeezed. */
function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
    .replace(/(\S-)\n\f?/g, '$1') // a line (or page) broken after the hyphen of "11-QĐ/TW"
    .replace(/\s+/g, ' ');
}

function pdfPages(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

let chrome: RunningBrowser;
let server: SiteServer;

beforeAll(async () => {
  mkdirSync(join(ARTIFACTS, 'screenshots'), { recursive: true });
  server = await serveSite(join(tmpRoot, 'e2e-site'));
  chrome = await launchBrowser();
});

afterAll(async () => {
  await chrome?.close();
  await server?.close();
});

describe('a reader', () => {
  it('goes from the home page to the story and on to its Bản in by clicking', async () => {
    const tab = await chrome.context.newPage();
    await tab.goto(`${server.url}/`);
    await tab
      .getByRole('link', { name: /Học viện Cán bộ được trao tặng Bằng khen/ })
      .first()
      .click();
    await tab.waitForURL(/\/bai-viet\/hoc-vien-can-bo-bang-khen-2022\/$/);
    await expect(tab.locator('h1').textContent()).resolves.toContain('Học viện Cán bộ được trao tặng Bằng khen');
    await expect(tab.locator('.date-line').textContent()).resolves.toMatch(/Cập nhật ngày:\s*12\/01\/2023/);

    await tab.getByRole('link', { name: 'Bản in của bài viết' }).click();
    await tab.waitForURL(/\/bai-viet\/hoc-vien-can-bo-bang-khen-2022\/ban-in\/$/);
    await expect(tab.getByRole('button', { name: 'In bài viết' }).isVisible()).resolves.toBe(true);

    await tab.getByRole('link', { name: 'Quay lại bài viết' }).click();
    await tab.waitForURL(/\/bai-viet\/hoc-vien-can-bo-bang-khen-2022\/$/);
    await tab.close();
  });

  it('presses "In bài viết" and gets the browser’s print dialog', async () => {
    const tab = await chrome.context.newPage();
    await tab.addInitScript(() => {
      const calls: unknown[] = [];
      Object.assign(window, { printCalls: calls });
      window.print = () => void calls.push(Date.now());
    });
    await tab.goto(`${server.url}/bai-viet/hoc-vien-can-bo-bang-khen-2022/ban-in/`);
    await tab.getByRole('button', { name: 'In bài viết' }).click();
    await expect(tab.evaluate(() => (window as unknown as { printCalls: unknown[] }).printCalls.length)).resolves.toBe(
      1,
    );
    await tab.close();
  });

  it('prints the seed story to at most two A4 pages with every paragraph, in Vietnamese', async () => {
    const tab = await chrome.context.newPage();
    await tab.goto(`${server.url}/bai-viet/hoc-vien-can-bo-bang-khen-2022/ban-in/`);
    await tab.evaluate(() => document.fonts.ready);
    await tab.emulateMedia({ media: 'print' });
    const file = join(ARTIFACTS, 'ban-in-hoc-vien-can-bo-bang-khen-2022.pdf');
    writeFileSync(file, await tab.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true }));
    await tab.close();

    expect(pdfPages(file)).toBeGreaterThanOrEqual(1);
    expect(pdfPages(file)).toBeLessThanOrEqual(2);
    const text = pdfText(file);
    const paragraphs = seedParagraphs();
    expect(paragraphs.length).toBe(7);
    for (const paragraph of paragraphs) expect(text, paragraph.slice(0, 60)).toContain(paragraph);
    expect(text).toContain('Học viện Cán bộ được trao tặng Bằng khen');
    expect(text).toContain('Cập nhật ngày: 12/01/2023');
    expect(text).toContain('Tin: Thanh Tiên');
    expect(text).toContain('(thêm nguồn từ HVCTQGHCM)');
    expect(text).toContain('Ảnh: HVCTQGHCM');
    expect(text).not.toContain('In bài viết');
    expect(text).not.toContain('Quay lại bài viết');
    // The text is set in the self-hosted Vietnamese font, not a fallback.
    expect(execFileSync('pdffonts', [file], { encoding: 'utf8' })).toMatch(/NotoSerif/);
  });

  it('prints the article page itself without the site navigation', async () => {
    const tab = await chrome.context.newPage();
    await tab.goto(`${server.url}/bai-viet/hoc-vien-can-bo-bang-khen-2022/`);
    await tab.emulateMedia({ media: 'print' });
    await expect(tab.locator('.site-nav').isVisible()).resolves.toBe(false);
    await expect(tab.locator('.breadcrumb').isVisible()).resolves.toBe(false);
    await expect(tab.locator('.site-footer').isVisible()).resolves.toBe(false);
    await expect(tab.locator('.article__print').isVisible()).resolves.toBe(false);
    await expect(tab.locator('.prose').isVisible()).resolves.toBe(true);
    const file = join(ARTIFACTS, 'article-page-print.pdf');
    writeFileSync(file, await tab.pdf({ format: 'A4', preferCSSPageSize: true }));
    await tab.close();
    const text = pdfText(file);
    for (const paragraph of seedParagraphs()) expect(text, paragraph.slice(0, 60)).toContain(paragraph);
    expect(text).not.toContain('Trang chủ');
  });

  it('sees a readable page on a phone and on a desktop (screenshots kept)', async () => {
    for (const width of [390, 1280]) {
      const tab = await chrome.context.newPage();
      await tab.setViewportSize({ width, height: 900 });
      for (const [name, path] of [
        ['home', '/'],
        ['article', '/bai-viet/hoc-vien-can-bo-bang-khen-2022/'],
        ['ban-in', '/bai-viet/hoc-vien-can-bo-bang-khen-2022/ban-in/'],
        ['archive', '/luu-tru/2023/01/'],
      ] as const) {
        await tab.goto(`${server.url}${path}`);
        await tab.evaluate(() => document.fonts.ready);
        // Nothing wider than the screen: no sideways scrolling on a phone.
        const overflow = await tab.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${name} at ${width}px`).toBeLessThanOrEqual(0);
        await tab.screenshot({ path: join(ARTIFACTS, 'screenshots', `${name}-${width}.png`), fullPage: true });
      }
      await tab.close();
    }
  });

  it('renders every Vietnamese letter in the site’s own font', async () => {
    const tab = await chrome.context.newPage();
    await tab.goto(`${server.url}/bai-viet/hoc-vien-can-bo-bang-khen-2022/`);
    await tab.evaluate(() => document.fonts.ready);
    const sample = 'ăâđêôơư ĂÂĐÊÔƠƯ àảãáạ ằẳẵắặ ầẩẫấậ èẻẽéẹ ềểễếệ ìỉĩíị òỏõóọ ồổỗốộ ờởỡớợ ùủũúụ ừửữứự ỳỷỹýỵ ₫';
    const covered = await tab.evaluate(async (text) => {
      await document.fonts.load(`16px "Be Vietnam Pro"`, text);
      return document.fonts.check(`16px "Be Vietnam Pro"`, text);
    }, sample);
    expect(covered).toBe(true);
    const family = await tab.evaluate(() => getComputedStyle(document.body).fontFamily);
    expect(family).toMatch(/^"?Be Vietnam Pro"?/);
    await tab.close();
  });
});
