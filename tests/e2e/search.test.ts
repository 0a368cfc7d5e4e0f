import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, serveSite, type RunningBrowser, type SiteServer } from '../support/browser';
import { projectRoot, tmpRoot } from '../support/build';

const SEED = '/bai-viet/hoc-vien-can-bo-bang-khen-2022/';
const SCREENSHOTS = join(projectRoot, 'test-results', 'screenshots');

let chrome: RunningBrowser;
let seedSite: SiteServer;
let fixtureSite: SiteServer;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  seedSite = await serveSite(join(tmpRoot, 'e2e-site'));
  fixtureSite = await serveSite(join(tmpRoot, 'e2e-discovery'));
  chrome = await launchBrowser();
});

afterAll(async () => {
  await chrome?.close();
  await seedSite?.close();
  await fixtureSite?.close();
});

/** What the search page shows once a search has finished: status line and results. */
async function shown(tab: Page) {
  await tab.waitForFunction(() => {
    const status = document.querySelector('[data-search-status]')?.textContent ?? '';
    return status !== '' && status !== 'Đang tìm…';
  });
  return tab.evaluate(() => ({
    status: document.querySelector('[data-search-status]')?.textContent ?? '',
    results: [...document.querySelectorAll('.search-results > li')].map((item) => ({
      href: item.querySelector('h2 a')?.getAttribute('href') ?? '',
      title: item.querySelector('h2')?.textContent ?? '',
      date: item.querySelector('time')?.textContent ?? '',
      excerpt: item.querySelector('.card__summary')?.textContent ?? '',
      marked: [...item.querySelectorAll('.card__summary mark')].map((mark) => mark.textContent ?? ''),
    })),
  }));
}

/** Types a query into the search page's own field, as a reader does, replacing what was there. */
async function type(tab: Page, query: string) {
  const field = tab.locator('main input[name="q"]');
  await field.fill('');
  await field.pressSequentially(query, { delay: 20 });
  await tab.waitForFunction((typed) => new URLSearchParams(window.location.search).get('q') === typed, query);
  return shown(tab);
}

/** The standing pages of content/pages/, which search finds beside the stories. */
const STANDING_PAGES = ['/gioi-thieu/', '/lien-he/', '/en/'];

describe('searching the seed story without Vietnamese marks', () => {
  it('finds it by typing "hoc vien", then "duoc", into the search page', async () => {
    const tab = await chrome.context.newPage();
    await tab.goto(`${seedSite.url}/tim-kiem/`);
    const first = await type(tab, 'hoc vien');
    // The story, and the standing pages that name the institute ("Giới thiệu", "Liên hệ").
    const hrefs = first.results.map((result) => result.href);
    expect(hrefs).toContain(SEED);
    expect(hrefs.filter((href) => href !== SEED).every((href) => STANDING_PAGES.includes(href ?? ''))).toBe(true);
    expect(first.status).toBe(`Tìm thấy ${hrefs.length} bài viết cho “hoc vien”.`);
    const story = first.results.find((result) => result.href === SEED);
    expect(story?.title).toContain('Học viện Cán bộ được trao tặng Bằng khen');
    expect(story?.date).toBe('12/01/2023');
    expect(story?.marked).toEqual(expect.arrayContaining(['Học', 'viện']));

    const second = await type(tab, 'duoc');
    expect(second.results.map((result) => result.href)).toEqual([SEED]);
    expect(second.results[0]?.marked).toContain('được');
    expect(second.results[0]?.excerpt).not.toMatch(/\bduoc\b/);
    await tab.close();
  });

  for (const query of ['hoc vien can bo', 'bang khen', 'duoc trao tang']) {
    it(`finds it for "${query}" given in the address`, async () => {
      const tab = await chrome.context.newPage();
      await tab.goto(`${seedSite.url}/tim-kiem/?q=${encodeURIComponent(query)}`);
      const { results } = await shown(tab);
      const hrefs = results.map((result) => result.href);
      expect(hrefs).toContain(SEED);
      expect(hrefs.filter((href) => href !== SEED).every((href) => STANDING_PAGES.includes(href ?? ''))).toBe(true);
      expect(await tab.locator('main input[name="q"]').inputValue()).toBe(query);
      await tab.close();
    });
  }

  it('says so when nothing matches', async () => {
    const tab = await chrome.context.newPage();
    await tab.goto(`${seedSite.url}/tim-kiem/?q=${encodeURIComponent('zxcv')}`);
    const { status, results } = await shown(tab);
    expect(results).toEqual([]);
    expect(status).toBe('Không tìm thấy bài viết nào cho “zxcv”. Mời bạn thử từ khóa khác, hoặc bớt từ.');
    await tab.close();
  });

  it('runs from the header form of any page, a plain GET to /tim-kiem/?q=…', async () => {
    const tab = await chrome.context.newPage();
    await tab.goto(`${seedSite.url}/luu-tru/`);
    await tab.locator('header input[name="q"]').fill('bang khen');
    await tab.locator('header input[name="q"]').press('Enter');
    await tab.waitForURL(/\/tim-kiem\/\?q=bang\+khen$/);
    const { results } = await shown(tab);
    expect(results.map((result) => result.href)).toEqual([SEED]);
    await tab.getByRole('link', { name: /Học viện Cán bộ được trao tặng Bằng khen/ }).click();
    await tab.waitForURL(new RegExp(`${SEED}$`));
    await tab.close();
  });
});

describe('searching several stories', () => {
  it('finds every story spelling "được" when typing "duoc", and only those', async () => {
    const tab = await chrome.context.newPage();
    await tab.goto(`${fixtureSite.url}/tim-kiem/`);
    const { results } = await type(tab, 'duoc');
    expect(results.map((result) => result.href).sort()).toEqual([
      '/bai-viet/giao-luu-van-nghe/',
      '/bai-viet/hoi-nghi-doi-moi/',
      '/bai-viet/hop-tac-dao-tao-can-bo/',
      '/bai-viet/khai-giang-co-anh/',
      '/bai-viet/tap-huan-giang-vien/',
    ]);
    for (const result of results) {
      expect(result.marked, result.href).toContain('được');
      expect(result.excerpt, result.href).not.toMatch(/\b(duoc|dao|doi|doan)\b/);
    }
    await tab.close();
  });

  it('finds the stories spelling "đạt" for "dat"', async () => {
    const tab = await chrome.context.newPage();
    await tab.goto(`${fixtureSite.url}/tim-kiem/?q=dat`);
    const { results } = await shown(tab);
    expect(results.map((result) => result.href).sort()).toEqual([
      '/bai-viet/khai-giang-co-anh/',
      '/bai-viet/nghien-cuu-khoa-hoc/',
    ]);
    for (const result of results) expect(result.marked, result.href).toEqual(['đạt']);
    await tab.close();
  });

  it('shows ten results at a time, then more on request', async () => {
    const tab = await chrome.context.newPage();
    await tab.goto(`${fixtureSite.url}/tim-kiem/?q=${encodeURIComponent('thong bao ngan')}`);
    const first = await shown(tab);
    expect(first.status).toBe('Tìm thấy 50 bài viết cho “thong bao ngan”.');
    expect(first.results).toHaveLength(10);
    await tab.getByRole('button', { name: 'Xem thêm kết quả' }).click();
    await tab.waitForFunction(() => document.querySelectorAll('.search-results > li').length === 20);
    await tab.close();
  });

  it('fits a phone screen (screenshot kept)', async () => {
    const tab = await chrome.context.newPage();
    await tab.setViewportSize({ width: 390, height: 844 });
    await tab.goto(`${fixtureSite.url}/tim-kiem/?q=duoc`);
    await shown(tab);
    const widths = await tab.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      field: document.querySelector('main input[name="q"]')?.getBoundingClientRect().width ?? 0,
      fontSize: Number.parseFloat(getComputedStyle(document.querySelector('main input[name="q"]') as Element).fontSize),
    }));
    expect(widths.page).toBeLessThanOrEqual(390);
    expect(widths.field).toBeGreaterThan(200);
    // Phones zoom into fields with text under 16px.
    expect(widths.fontSize).toBeGreaterThanOrEqual(16);
    await tab.screenshot({ path: join(SCREENSHOTS, 'search-390.png'), fullPage: true });
    await tab.close();
  });
});
