import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, serveSite, type RunningBrowser, type SiteServer } from './browser';
import { tmpRoot } from './build';
import { e2eSites } from './global-e2e';
import { samplePages } from './site-files';

/** One of the sites the global setup built for the browser tests. */
export type SiteName = keyof typeof e2eSites;

/**
 * Pages of every page type (each route's first and last page) of each built site. Redirect
 * pages of old addresses leave at once (meta refresh 0), so a browser cannot examine them:
 * the build tests validate them and tests/e2e/redirects.test.ts follows them.
 */
export function samplesOfEverySite(): { site: SiteName; route: string; path: string }[] {
  return (Object.keys(e2eSites) as SiteName[]).flatMap((site) => {
    const outDir = join(tmpRoot, e2eSites[site]);
    return samplePages(outDir)
      .filter(({ path }) => !isRedirectPage(outDir, path))
      .map(({ route, path }) => ({ site, route, path }));
  });
}

function isRedirectPage(outDir: string, path: string): boolean {
  const file = path.endsWith('/') ? join(outDir, path, 'index.html') : join(outDir, path);
  return /<meta http-equiv="refresh"/i.test(readFileSync(file, 'utf8'));
}

/** Every built site served on 127.0.0.1, and a Chromium that reaches nothing else. */
export interface OpenSites {
  chrome: RunningBrowser;
  servers: Record<SiteName, SiteServer>;
  close: () => Promise<void>;
}

/** Serves every e2e site and opens Chromium; embedded players and remote images are refused. */
export async function openSites(): Promise<OpenSites> {
  const servers = {} as Record<SiteName, SiteServer>;
  for (const site of Object.keys(e2eSites) as SiteName[])
    servers[site] = await serveSite(join(tmpRoot, e2eSites[site]));
  const chrome = await launchBrowser();
  await chrome.context.route(
    (url) => url.hostname !== '127.0.0.1',
    (route) => route.abort(),
  );
  return {
    chrome,
    servers,
    close: async () => {
      await chrome.close();
      for (const server of Object.values(servers)) await server.close();
    },
  };
}
