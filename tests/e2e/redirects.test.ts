import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, serveSite, type RunningBrowser, type SiteServer } from '../support/browser';
import { tmpRoot } from '../support/build';

const STORY = '/bai-viet/hoi-nghi-doi-moi/';
const TITLE = 'Hội nghị "Đổi mới" & </script><script>alert(1)</script> năm 2024';

let chrome: RunningBrowser;
let server: SiteServer;

beforeAll(async () => {
  server = await serveSite(join(tmpRoot, 'e2e-discovery'));
  chrome = await launchBrowser();
});

afterAll(async () => {
  await chrome?.close();
  await server?.close();
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

  it('with a query string, which no file answers, is looked up by the 404 page and lands on the story', async () => {
    const tab = await chrome.context.newPage();
    const response = await tab.goto(`${server.url}/Default.aspx?tabid=53&ItemID=1234`);
    expect(response?.status()).toBe(404);
    await tab.waitForURL(`${server.url}${STORY}`);
    await expect(tab.locator('h1').textContent()).resolves.toBe(TITLE);
    await tab.close();
  });

  it('is found whatever the case and the order of its parameters', async () => {
    const tab = await chrome.context.newPage();
    await tab.goto(`${server.url}/default.aspx?ItemID=1234&TABID=53`);
    await tab.waitForURL(`${server.url}${STORY}`);
    await tab.close();
  });

  it('that the site never had leaves the reader on the not-found page', async () => {
    const tab = await chrome.context.newPage();
    await tab.goto(`${server.url}/Default.aspx?tabid=53&ItemID=9999`);
    await tab.waitForLoadState('networkidle');
    expect(new URL(tab.url()).pathname).toBe('/Default.aspx');
    await expect(tab.locator('h1').textContent()).resolves.toBe('Không tìm thấy trang');
    await expect(tab.locator('[data-moved]').isHidden()).resolves.toBe(true);
    await tab.close();
  });
});
