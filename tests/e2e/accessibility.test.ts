import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSites, samplesOfEverySite, type OpenSites } from '../support/e2e-sites';

const samples = samplesOfEverySite();

let opened: OpenSites;

beforeAll(async () => {
  opened = await openSites();
});

afterAll(async () => {
  await opened?.close();
});

/** axe-core's violations on the open page, as `rule (impact): target` lines. */
async function violations(tab: Page): Promise<string[]> {
  await tab.evaluate(() => document.fonts.ready);
  const results = await new AxeBuilder({ page: tab }).analyze();
  return results.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) => `${violation.id} (${violation.impact}): ${node.target.join(' ')} — ${node.failureSummary ?? ''}`,
    ),
  );
}

describe('axe-core on every page type', () => {
  const tally = new Map<string, number>();

  afterAll(() => {
    console.info(
      `axe: ${[...tally].map(([route, count]) => `${route} ${count}`).join(', ')} (violations per page type, ${samples.length} pages)`,
    );
  });

  it.each(samples.map(({ site, route, path }) => [site, path, route] as const))(
    '%s %s (%s): no violation at any impact level',
    async (site, path, route) => {
      const tab = await opened.chrome.context.newPage();
      await tab.setViewportSize({ width: 1280, height: 900 });
      await tab.goto(`${opened.servers[site].url}${path}`);
      const found = await violations(tab);
      await tab.close();
      tally.set(route, (tally.get(route) ?? 0) + found.length);
      expect(found).toEqual([]);
    },
  );

  it.each([
    ['home', '/'],
    ['article with photos', '/bai-viet/le-khai-giang/'],
    ['Bản in', '/bai-viet/le-khai-giang/ban-in/'],
  ])('%s on a 390 px phone: no violation', async (_name, path) => {
    const tab = await opened.chrome.context.newPage();
    await tab.setViewportSize({ width: 390, height: 844 });
    await tab.goto(`${opened.servers.fixture.url}${path}`);
    const found = await violations(tab);
    await tab.close();
    expect(found).toEqual([]);
  });

  it('an unknown address, answered with the 404 page: no violation', async () => {
    const tab = await opened.chrome.context.newPage();
    const response = await tab.goto(`${opened.servers.fixture.url}/tin-tuc/khong-co-trang-nay/`);
    expect(response?.status()).toBe(404);
    await expect(tab.locator('h1').textContent()).resolves.toBe('Không tìm thấy trang');
    const found = await violations(tab);
    await tab.close();
    expect(found).toEqual([]);
  });
});

/** What the focused element looks like: enough to tell whether a sighted keyboard user sees it. */
interface FocusState {
  description: string;
  focusVisible: boolean;
  outline: string;
  inViewport: boolean;
}

async function focusState(tab: Page): Promise<FocusState | undefined> {
  return tab.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return undefined;
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    const visibleOutline =
      style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 && style.outlineColor !== 'rgba(0, 0, 0, 0)';
    return {
      description: `${element.tagName.toLowerCase()} "${(element.textContent ?? '').trim().slice(0, 40)}"`,
      focusVisible: element.matches(':focus-visible'),
      outline: visibleOutline ? `${style.outlineWidth} ${style.outlineStyle} ${style.outlineColor}` : '',
      inViewport: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < window.innerHeight,
    };
  });
}

describe('a keyboard user', () => {
  it('reaches the skip link first, sees it, and jumps past the navigation to the main content', async () => {
    const tab = await opened.chrome.context.newPage();
    await tab.goto(`${opened.servers.fixture.url}/bai-viet/le-khai-giang/`);
    await tab.keyboard.press('Tab');
    const skip = await focusState(tab);
    expect(skip?.description).toBe('a "Bỏ qua, đến nội dung chính"');
    expect(skip?.inViewport).toBe(true);
    expect(skip?.outline).not.toBe('');
    await tab.keyboard.press('Enter');
    await tab.waitForURL(/#main$/);
    await expect(tab.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
    // The next Tab lands inside the main content, not back in the header.
    await tab.keyboard.press('Tab');
    await expect(tab.evaluate(() => Boolean(document.activeElement?.closest('main')))).resolves.toBe(true);
    await expect(tab.evaluate(() => document.activeElement?.textContent?.trim())).resolves.toBe('Trang chủ');
    await tab.close();
  });

  it.each([
    ['home', '/'],
    ['page 2', '/trang/2/'],
    ['article', '/bai-viet/le-khai-giang/'],
    ['Bản in', '/bai-viet/le-khai-giang/ban-in/'],
    ['month archive', '/luu-tru/2024/02/'],
    ['404', '/404.html'],
  ])('always sees where the focus is on the %s page', async (_name, path) => {
    const tab = await opened.chrome.context.newPage();
    await tab.setViewportSize({ width: 1280, height: 900 });
    await tab.goto(`${opened.servers.fixture.url}${path}`);
    const hidden: string[] = [];
    let stops = 0;
    for (let press = 0; press < 80; press += 1) {
      await tab.keyboard.press('Tab');
      const state = await focusState(tab);
      if (!state) break;
      stops += 1;
      if (!state.focusVisible || !state.outline || !state.inViewport) hidden.push(JSON.stringify(state));
    }
    await tab.close();
    expect(stops).toBeGreaterThan(1);
    expect(hidden).toEqual([]);
  });
});
