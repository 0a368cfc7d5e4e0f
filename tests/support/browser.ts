import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import sirv from 'sirv';
import { startNginx } from './servers';

/** Debian's Chromium: tests never download a browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A headless Chromium with its own fresh profile. */
export interface RunningBrowser {
  browser: Browser;
  context: BrowserContext;
  close: () => Promise<void>;
}

/** Launches Chromium headless with a throwaway profile and no background traffic. */
export async function launchBrowser({ locale }: { locale?: string } = {}): Promise<RunningBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'ban-tin-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    ...(locale ? { locale } : {}),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const browser = context.browser();
  return {
    browser: browser as Browser,
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A static server for a built site on 127.0.0.1, serving 404.html for unknown paths. */
export interface SiteServer {
  url: string;
  close: () => Promise<void>;
}

/**
 * Serves a built site the way it is published: Debian's nginx on a free loopback
 * port, with the configuration the build wrote beside it (redirects, headers,
 * compressed copies, the 404 page).
 */
export async function serveSite(outDir: string): Promise<SiteServer> {
  const nginx = await startNginx(outDir);
  return { url: nginx.url, close: nginx.stop };
}

/**
 * Serves a built folder as a plain static host with no configuration would
 * (files, and the 404 page for anything else): for what the site does on its
 * own, such as the 404 page's lookup of old addresses with a query string.
 */
export async function serveStatic(outDir: string): Promise<SiteServer> {
  const files = sirv(outDir, { dev: false, etag: false });
  const notFound = readFileSync(join(outDir, '404.html'));
  const server: Server = createServer((request, response) => {
    files(request, response, () => {
      response.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      response.end(notFound);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
