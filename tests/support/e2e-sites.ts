import { join } from 'node:path';
import { launchBrowser, serveSite, type RunningBrowser, type SiteServer } from './browser';
import { tmpRoot } from './build';
import { e2eSites } from './global-e2e';
import { samplePages } from './site-files';

/** One of the sites the global setup built for the browser tests. */
export type SiteName = keyof typeof e2eSites;

/** Pages of every page type (each route's first and last page) of each built site. */
export function samplesOfEverySite(): { site: SiteName; route: string; path: string }[] {
  return (Object.keys(e2eSites) as SiteName[]).flatMap((site) =>
    samplePages(join(tmpRoot, e2eSites[site])).map(({ route, path }) => ({ site, route, path })),
  );
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
