import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, serveSite, serveStatic, type RunningBrowser, type SiteServer } from '../support/browser';
import { tmpRoot } from '../support/build';

const STORY = '/bai-viet/hoi-nghi-doi-moi/';
const TITLE = 'Hội nghị "Đổi mới" & </script><script>alert(1)</script> năm 2024';

let chrome: RunningBrowser;
let server: SiteServer;
let staticHost: SiteServer;

beforeAll(async () => {
  server = await serveSite(join(tmpRoot, 'e2e-discovery'));
  staticHost = await serveStatic(join(tmpRoot, 'e2e-discovery'));
  chrome = await launchBrowser();
});

afterAll(async () => {
  await chrome?.close();
  await server?.close();
  await staticHost?.close();
});

describe('an old address of a story', () => {
  for (const old of ['/tin-tuc/1234.html', '/tin-tuc/cu/']) {
    it(`${old} lands on the story`, async () => {
      const tab = await chrome.context.newPage();
      const dialogs: string[] = [];
      tab.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await tab.goto(`${server.url}${old}`);
      await tab.waitForURL(`${server.url}${STORY}`);
      await expect(tab.locator('h1').textContent()).resolves.toBe(TITLE);
      expect(dialogs).toEqual([]);
      await tab.close();
    });
  }

  it('with a query string answers 301 from nginx and lands on the story, with no script', async () => {
    const tab = await chrome.context.newPage();
    const response = await tab.goto(`${server.url}/default.aspx?ItemID=1234&TABID=53`);
    expect(response?.request().redirectedFrom()?.url()).toBe(`${server.url}/default.aspx?ItemID=1234&TABID=53`);
    expect((await response?.request().redirectedFrom()?.response())?.status()).toBe(301);
    expect(tab.url()).toBe(`${server.url}${STORY}`);
    await expect(tab.locator('h1').textContent()).resolves.toBe(TITLE);
    await tab.close();
  });

  it('with a query string, on a static host with no configuration, is looked up by the 404 page', async () => {
    const tab = await chrome.context.newPage();
    const response = await tab.goto(`${staticHost.url}/Default.aspx?tabid=53&ItemID=1234`);
    expect(response?.status()).toBe(404);
    await tab.waitForURL(`${staticHost.url}${STORY}`);
    await expect(tab.locator('h1').textContent()).resolves.toBe(TITLE);
    await tab.close();
  });

  it('is found by the 404 page whatever the case and the order of its parameters', async () => {
    const tab = await chrome.context.newPage();
    await tab.goto(`${staticHost.url}/default.aspx?ItemID=1234&TABID=53`);
    await tab.waitForURL(`${staticHost.url}${STORY}`);
    await tab.close();
  });

  it('that the site never had leaves the reader on the not-found page', async () => {
    const tab = await chrome.context.newPage();
    const response = await tab.goto(`${server.url}/Default.aspx?tabid=53&ItemID=9999`);
    expect(response?.status()).toBe(404);
    await tab.waitForLoadState('networkidle');
    expect(new URL(tab.url()).pathname).toBe('/Default.aspx');
    await expect(tab.locator('h1').textContent()).resolves.toBe('Không tìm thấy trang');
    await expect(tab.locator('[data-moved]').isHidden()).resolves.toBe(true);
    await tab.close();
  });
});
