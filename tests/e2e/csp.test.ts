import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tmpRoot } from '../support/build';
import { e2eSites } from '../support/global-e2e';
import { openSites, samplesOfEverySite, type OpenSites } from '../support/e2e-sites';

const samples = samplesOfEverySite();

let opened: OpenSites;

/** What a page under test reports about itself. */
interface Watched {
  violations: string[];
  dialogs: string[];
}

beforeAll(async () => {
  opened = await openSites();
});

afterAll(async () => {
  await opened?.close();
});

/** A new tab that records CSP violations (as the browser reports them) and any alert/confirm/prompt. */
async function watchedTab(): Promise<{ tab: Page; watched: Watched }> {
  const tab = await opened.chrome.context.newPage();
  const watched: Watched = { violations: [], dialogs: [] };
  await tab.exposeFunction('reportCspViolation', (line: string) => watched.violations.push(line));
  await tab.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportCspViolation: (line: string) => void }).reportCspViolation;
      report(`${event.effectiveDirective} refused ${event.blockedURI || 'inline code'} (${event.sample})`);
    });
  });
  tab.on('dialog', (dialog) => {
    watched.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return { tab, watched };
}

/** Lets pending violation reports arrive: they are dispatched as tasks after the offending code. */
async function settle(tab: Page): Promise<void> {
  await tab.waitForLoadState('load');
  await tab.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50)));
}

describe('the Content-Security-Policy in Chromium', () => {
  it.each(samples.map(({ site, route, path }) => [site, path, route] as const))(
    '%s %s (%s): loads with no CSP violation',
    async (site, path) => {
      const { tab, watched } = await watchedTab();
      await tab.goto(`${opened.servers[site].url}${path}`);
      await settle(tab);
      // The policy Chromium enforces is the one in the page.
      const policy = await tab.evaluate(
        () => document.querySelector('meta[http-equiv="content-security-policy"]')?.getAttribute('content') ?? '',
      );
      await tab.close();
      expect(policy).toContain("script-src 'self'");
      expect(watched.violations).toEqual([]);
      expect(watched.dialogs).toEqual([]);
    },
  );

  it('lets the print view’s own button script run', async () => {
    const { tab, watched } = await watchedTab();
    await tab.addInitScript(() => {
      window.print = () => document.body.setAttribute('data-printed', 'yes');
    });
    await tab.goto(`${opened.servers.fixture.url}/bai-viet/le-khai-giang/ban-in/`);
    await tab.getByRole('button', { name: 'In bài viết' }).click();
    await expect(tab.locator('body').getAttribute('data-printed')).resolves.toBe('yes');
    await settle(tab);
    await tab.close();
    expect(watched.violations).toEqual([]);
  });

  describe('a page with code injected after the build', () => {
    const path = '/bai-viet/le-khai-giang/';
    const original = readFileSync(join(tmpRoot, e2eSites.fixture, path, 'index.html'), 'utf8');
    const injection = [
      '<script>document.documentElement.dataset.injected = "inline script"</script>',
      '<img src="/favicon.svg" alt="" onload="document.documentElement.dataset.handler = \'event handler\'">',
      '<a id="js-link" href="javascript:void(document.documentElement.dataset.link = \'javascript: link\')">x</a>',
      '<p id="styled" style="color: rgb(255, 0, 0)">đỏ</p>',
    ].join('');

    /** Opens the article with the injection at the start of its body; `keepPolicy: false` removes the CSP. */
    async function openInjected(keepPolicy: boolean) {
      const { tab, watched } = await watchedTab();
      let html = original.replace('<body>', `<body>${injection}`);
      if (!keepPolicy) html = html.replace(/<meta http-equiv="content-security-policy"[^>]*>/, '');
      await tab.route(`${opened.servers.fixture.url}${path}`, (route) =>
        route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
      );
      await tab.goto(`${opened.servers.fixture.url}${path}`);
      await tab.click('#js-link');
      await settle(tab);
      const state = await tab.evaluate(() => {
        const { injected, handler, link } = document.documentElement.dataset;
        return { injected, handler, link, colour: getComputedStyle(document.getElementById('styled')!).color };
      });
      await tab.close();
      return { state, watched };
    }

    it('is refused: no inline script, event handler, javascript: link or style attribute takes effect', async () => {
      const { state, watched } = await openInjected(true);
      expect(state.injected).toBeUndefined();
      expect(state.handler).toBeUndefined();
      expect(state.link).toBeUndefined();
      expect(state.colour).not.toBe('rgb(255, 0, 0)');
      const directives = watched.violations.map((line) => line.split(' ')[0]);
      expect(directives).toEqual(expect.arrayContaining(['script-src-elem', 'script-src-attr', 'style-src-attr']));
    });

    it('runs once the policy is removed, so the test above can tell the difference', async () => {
      const { state, watched } = await openInjected(false);
      expect(state.injected).toBe('inline script');
      expect(state.handler).toBe('event handler');
      expect(state.link).toBe('javascript: link');
      expect(state.colour).toBe('rgb(255, 0, 0)');
      expect(watched.violations).toEqual([]);
    });
  });

  describe('the attack article', () => {
    it.each(['/bai-viet/bai-tan-cong/', '/bai-viet/bai-tan-cong/ban-in/'])(
      '%s runs nothing from its body, even when a reader clicks, hovers and tabs through it',
      async (path) => {
        const { tab, watched } = await watchedTab();
        await tab.goto(`${opened.servers.attacks.url}${path}`);
        for (const element of await tab.locator('.prose *').all()) {
          await element.hover({ timeout: 1000 }).catch(() => undefined);
        }
        for (const link of await tab.locator('.prose a').all()) {
          await link.click({ timeout: 1000, noWaitAfter: true }).catch(() => undefined);
          if (!tab.url().startsWith(`${opened.servers.attacks.url}${path}`)) await tab.goBack();
        }
        for (let press = 0; press < 40; press += 1) await tab.keyboard.press('Tab');
        await settle(tab);
        const live = await tab.evaluate(() => ({
          handlers: [...document.querySelectorAll('*')].flatMap((element) =>
            [...element.attributes].filter((attribute) => attribute.name.startsWith('on')).map((a) => a.name),
          ),
          foreignScripts: [...document.scripts].filter((script) => script.src && !script.src.includes('/_astro/'))
            .length,
          flagged: (window as unknown as { __tanCong?: string }).__tanCong,
          visible: getComputedStyle(document.body).display,
        }));
        await tab.close();
        expect(watched.dialogs).toEqual([]);
        expect(watched.violations).toEqual([]);
        expect(live).toEqual({ handlers: [], foreignScripts: 0, flagged: undefined, visible: 'block' });
      },
    );
  });
});
