import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM } from '../support/browser';
import { openSites, type OpenSites } from '../support/e2e-sites';

const SITE = 'https://hocviencanbo.hochiminhcity.gov.vn';
const ARTICLE = '/bai-viet/le-khai-giang/';
const WIDTHS = [320, 390, 768, 1024, 1280, 1440, 1920];

let opened: OpenSites;

beforeAll(async () => {
  opened = await openSites();
});

afterAll(async () => {
  await opened?.close();
});

/** A menu item's box and the box of the menu that holds it, in CSS pixels. */
interface MenuBoxes {
  container: { left: number; right: number; top: number; bottom: number };
  items: { label: string; left: number; right: number; top: number; bottom: number; visible: boolean }[];
  menuOverflows: boolean;
  pageWidth: number;
  viewportWidth: number;
}

describe('the main menu', () => {
  it.each(WIDTHS)('fits or wraps at %i px: every item inside the menu, nothing scrolls sideways', async (width) => {
    const tab = await opened.chrome.context.newPage();
    await tab.setViewportSize({ width, height: 900 });
    for (const path of ['/', ARTICLE, '/en/']) {
      await tab.goto(`${opened.servers.fixture.url}${path}`);
      const boxes: MenuBoxes = await tab.evaluate(() => {
        const list = document.querySelector('.site-nav ul') as HTMLElement;
        const box = list.getBoundingClientRect();
        return {
          container: { left: box.left, right: box.right, top: box.top, bottom: box.bottom },
          items: [...list.querySelectorAll('a')].map((link) => {
            const item = link.getBoundingClientRect();
            const style = getComputedStyle(link);
            return {
              label: link.textContent?.trim() ?? '',
              left: item.left,
              right: item.right,
              top: item.top,
              bottom: item.bottom,
              visible: style.visibility === 'visible' && style.display !== 'none' && item.width > 0,
            };
          }),
          menuOverflows: list.scrollWidth > list.clientWidth,
          pageWidth: document.documentElement.scrollWidth,
          viewportWidth: document.documentElement.clientWidth,
        };
      });
      if (path === '/') {
        const rows = new Set(boxes.items.map((item) => Math.round(item.top))).size;
        const items = boxes.items.map((item) => `${item.label} ${item.left.toFixed(0)}–${item.right.toFixed(0)}`);
        console.log(
          `menu at ${width} px: box ${boxes.container.left.toFixed(0)}–${boxes.container.right.toFixed(0)}, ` +
            `${rows} row(s): ${items.join(', ')}`,
        );
      }
      expect(boxes.items.map((item) => item.label)).toContain('Tìm kiếm');
      for (const item of boxes.items) {
        expect(item.visible, `${path} ${item.label}`).toBe(true);
        expect(item.left, `${path} ${item.label}`).toBeGreaterThanOrEqual(boxes.container.left - 0.5);
        expect(item.right, `${path} ${item.label}`).toBeLessThanOrEqual(boxes.container.right + 0.5);
        expect(item.top, `${path} ${item.label}`).toBeGreaterThanOrEqual(boxes.container.top - 0.5);
        expect(item.bottom, `${path} ${item.label}`).toBeLessThanOrEqual(boxes.container.bottom + 0.5);
      }
      expect(boxes.menuOverflows, path).toBe(false);
      expect(boxes.pageWidth, `${path}: the page scrolls sideways`).toBeLessThanOrEqual(boxes.viewportWidth);
    }
    await tab.close();
  });
});

describe('list pages', () => {
  it.each([1024, 1440])('start the breadcrumb where the heading starts (%i px)', async (width) => {
    const tab = await opened.chrome.context.newPage();
    await tab.setViewportSize({ width, height: 900 });
    for (const path of ['/chuyen-muc/dao-tao-boi-duong/', '/the/', '/luu-tru/2023/', '/trang/2/']) {
      await tab.goto(`${opened.servers.fixture.url}${path}`);
      const [crumb, heading] = await tab.evaluate(() => [
        document.querySelector('.breadcrumb ol')!.getBoundingClientRect().left,
        document.querySelector('main h1')!.getBoundingClientRect().left,
      ]);
      expect(Math.abs(crumb! - heading!), path).toBeLessThan(1);
    }
    await tab.close();
  });
});

describe('the copy-link button', () => {
  it('copies the article’s address to the clipboard and says so', async () => {
    const { context } = opened.chrome;
    const origin = opened.servers.fixture.url;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    const tab = await context.newPage();
    await tab.goto(`${origin}${ARTICLE}`);
    await tab.getByRole('link', { name: 'Sao chép liên kết' }).click();
    await expect.poll(() => tab.locator('.share__status').textContent()).toBe('Đã sao chép liên kết bài viết.');
    expect(await tab.evaluate(() => navigator.clipboard.readText())).toBe(`${SITE}${ARTICLE}`);
    // The click copied instead of leaving the page.
    expect(tab.url()).toBe(`${origin}${ARTICLE}`);
    await tab.close();
  });
});

describe('with JavaScript off', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('every share link still leads where it says, with the article’s address', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const origin = opened.servers.fixture.url;
    const visited: string[] = [];
    // No request leaves the machine: the networks' share pages answer here, and the site's
    // published address is served by the local copy of the site.
    await context.route(
      (url) => url.hostname !== '127.0.0.1',
      async (route) => {
        const url = new URL(route.request().url());
        visited.push(url.href);
        if (url.origin === SITE) {
          const local = await route.fetch({ url: `${origin}${url.pathname}` });
          await route.fulfill({ response: local });
        } else {
          await route.fulfill({ status: 200, contentType: 'text/html', body: '<title>chia sẻ</title>' });
        }
      },
    );
    const tab = await context.newPage();
    const article = `${SITE}${ARTICLE}`;

    await tab.goto(`${origin}${ARTICLE}`);
    await tab.getByRole('link', { name: 'Facebook' }).click();
    await tab.waitForURL(/facebook\.com/);
    expect(new URL(tab.url()).searchParams.get('u')).toBe(article);

    await tab.goto(`${origin}${ARTICLE}`);
    await tab.getByRole('link', { name: 'Zalo' }).click();
    await tab.waitForURL(/zalo\.me/);
    expect(new URL(tab.url()).searchParams.get('url')).toBe(article);

    await tab.goto(`${origin}${ARTICLE}`);
    const mail = new URL((await tab.getByRole('link', { name: 'Gửi e-mail' }).getAttribute('href')) ?? '');
    expect(mail.protocol).toBe('mailto:');
    expect(new URLSearchParams(mail.search).get('body')).toBe(article);
    expect(new URLSearchParams(mail.search).get('subject')).toBe('Lễ khai giảng năm học mới');

    await tab.getByRole('link', { name: 'Sao chép liên kết' }).click();
    await tab.waitForURL(article);
    expect(await tab.locator('h1').textContent()).toBe('Lễ khai giảng năm học mới');
    expect(visited.filter((url) => url.startsWith('https://www.facebook.com/sharer/'))).toHaveLength(1);
    // The page may still be loading its styles and fonts through the handler: let it answer them
    // before the context goes, or the answers would land on a closed page.
    await context.unrouteAll({ behavior: 'wait' });
    await context.close();
  });
});
