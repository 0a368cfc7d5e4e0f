import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tmpRoot } from '../support/build';
import { movedAddresses, serverSiteName, slashless, unknownAddresses } from '../support/server-site';
import { get, startApache, startNginx, type RawResponse, type RunningServer } from '../support/servers';
import { sitePages } from '../support/site-files';

const outDir = join(tmpRoot, serverSiteName);
const file = (path: string) => readFileSync(join(outDir, path.endsWith('/') ? `${path}index.html` : path));
const notFoundPage = () => file('/404.html');
const isRedirectPage = (path: string) => /<meta http-equiv="refresh"/i.test(file(path).toString('utf8'));

/** The body as the browser reads it, whatever encoding the server chose. */
function decoded(response: RawResponse): Buffer {
  const encoding = response.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(response.body);
  if (encoding === 'gzip') return gunzipSync(response.body);
  return response.body;
}

/** The directives of a Content-Security-Policy, each with its sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name !== undefined && name !== '')
      .map(([name, ...sources]) => [name as string, sources]),
  );
}

function metaPolicy(html: string): string {
  return /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html)?.[1]?.replace(/&#39;/g, "'") ?? '';
}

const astroFiles = readdirSync(join(outDir, '_astro')).filter((name) => !/\.(br|gz)$/.test(name));
const astroCss = `/_astro/${astroFiles.find((name) => name.endsWith('.css'))}`;
const astroImage = `/_astro/${astroFiles.find((name) => name.endsWith('.webp'))}`;
const fragment = `/pagefind/fragment/${readdirSync(join(outDir, 'pagefind/fragment'))[0]}`;

type Cache = 'immutable' | 'revalidate';
interface PageType {
  type: string;
  path: string;
  status: number;
  contentType: RegExp;
  cache: Cache;
  html: boolean;
  compressible: boolean;
}

const pageTypes: PageType[] = [
  ['home page', '/'],
  ['home page 2', '/trang/2/'],
  ['article', '/bai-viet/quoc-khanh-2020/'],
  ['article with photos', '/bai-viet/le-khai-giang/'],
  ['print view', '/bai-viet/quoc-khanh-2020/ban-in/'],
  ['archive', '/luu-tru/'],
  ['month archive', '/luu-tru/2020/09/'],
  ['category', '/chuyen-muc/thong-bao/'],
  ['tag', '/the/dia-chi-cu/'],
  ['search page', '/tim-kiem/'],
].map(([type, path]) => ({
  type: type as string,
  path: path as string,
  status: 200,
  contentType: /^text\/html; ?charset=utf-8$/i,
  cache: 'revalidate' as Cache,
  html: true,
  compressible: true,
}));
pageTypes.push(
  {
    type: 'not-found page',
    path: '/khong-co-trang-nay/',
    status: 404,
    contentType: /^text\/html; ?charset=utf-8$/i,
    cache: 'revalidate',
    html: true,
    compressible: true,
  },
  {
    type: 'RSS feed',
    path: '/rss.xml',
    status: 200,
    contentType: /xml/,
    cache: 'revalidate',
    html: false,
    compressible: true,
  },
  {
    type: 'sitemap',
    path: '/sitemap-index.xml',
    status: 200,
    contentType: /xml/,
    cache: 'revalidate',
    html: false,
    compressible: true,
  },
  {
    type: 'hashed stylesheet',
    path: astroCss,
    status: 200,
    contentType: /^text\/css/,
    cache: 'immutable',
    html: false,
    compressible: true,
  },
  {
    type: 'hashed photo',
    path: astroImage,
    status: 200,
    contentType: /^image\/webp$/,
    cache: 'immutable',
    html: false,
    compressible: false,
  },
  {
    type: 'search script',
    path: '/pagefind/pagefind.js',
    status: 200,
    contentType: /^(text|application)\/javascript/,
    cache: 'revalidate',
    html: false,
    compressible: true,
  },
  {
    type: 'search fragment',
    path: fragment,
    status: 200,
    contentType: /./,
    cache: 'immutable',
    html: false,
    compressible: false,
  },
  {
    type: 'logo',
    path: '/logo.png',
    status: 200,
    contentType: /^image\/png$/,
    cache: 'revalidate',
    html: false,
    compressible: false,
  },
);

/** Text files whose compressed answers are compared with the file once decoded. */
const compressedSamples = [
  '/',
  '/bai-viet/quoc-khanh-2020/',
  astroCss,
  '/pagefind/pagefind.js',
  '/rss.xml',
  '/sitemap-0.xml',
];

const SERVERS: [string, (dir: string) => Promise<RunningServer>][] = [
  ['nginx', startNginx],
  ['Apache', startApache],
];

describe.each(SERVERS)('the site on %s', (_name, start) => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await start(outDir);
  });
  afterAll(async () => {
    await server?.stop();
  });

  describe('old addresses', () => {
    it.each(movedAddresses)('%s answers 301 to %s, without the old query string', async (request, to) => {
      const response = await get(server.url, request);
      expect(response.status).toBe(301);
      const location = new URL(response.headers.location ?? '', server.url);
      expect(location.pathname).toBe(to);
      expect(location.search).toBe('');
    });

    it('lead to pages that exist', async () => {
      for (const to of new Set(movedAddresses.map(([, target]) => target))) {
        expect((await get(server.url, to)).status, to).toBe(200);
      }
      console.info(`${server.name}: ${movedAddresses.length} old addresses tried, each 301 to its story`);
    });
  });

  describe('unknown addresses', () => {
    it.each(unknownAddresses)('%s answers 404 with the site’s 404 page', async (request) => {
      const response = await get(server.url, request, { 'accept-encoding': 'br, gzip' });
      expect(response.status).toBe(404);
      expect(decoded(response).equals(notFoundPage())).toBe(true);
    });
  });

  describe('pages', () => {
    it('answers 200 with the file for every page the build wrote', async () => {
      const pages = sitePages(outDir).filter((path) => !isRedirectPage(path) && path !== '/404.html');
      for (const path of pages) {
        const response = await get(server.url, path);
        expect(response.status, path).toBe(200);
        expect(response.body.equals(file(path)), path).toBe(true);
      }
      expect(pages.length).toBeGreaterThan(100);
      console.info(`${server.name}: ${pages.length} pages answered 200 with their file`);
    });

    it.each(slashless)('%s answers 301 to %s', async (request, to) => {
      const response = await get(server.url, request);
      expect(response.status).toBe(301);
      expect(new URL(response.headers.location ?? '', server.url).pathname).toBe(to);
    });

    it('answers a query string on a real page with the page itself', async () => {
      const response = await get(server.url, '/?p=13');
      expect(response.status).toBe(200);
      expect(response.body.equals(file('/'))).toBe(true);
    });
  });

  describe('headers', () => {
    let sitePolicy = '';
    beforeAll(async () => {
      sitePolicy = (await get(server.url, '/')).headers['content-security-policy'] ?? '';
    });

    it.each(pageTypes)('of the $type ($path)', async (page) => {
      const response = await get(server.url, page.path, { 'accept-encoding': 'br, gzip' });
      const h = response.headers;
      const checks: [string, unknown, unknown][] = [
        ['status', response.status, page.status],
        ['Strict-Transport-Security', h['strict-transport-security'], 'max-age=31536000'],
        ['X-Content-Type-Options', h['x-content-type-options'], 'nosniff'],
        ['Referrer-Policy', h['referrer-policy'], 'strict-origin-when-cross-origin'],
        ['Permissions-Policy', h['permissions-policy'], 'camera=(), microphone=(), geolocation=(), payment=(), usb=()'],
        ['X-Frame-Options', h['x-frame-options'], 'DENY'],
        ['Content-Security-Policy', h['content-security-policy'], sitePolicy],
        [
          'Cache-Control',
          h['cache-control'],
          page.cache === 'immutable' ? 'public, max-age=31536000, immutable' : 'no-cache',
        ],
        ['X-Robots-Tag', h['x-robots-tag'], page.type === 'print view' ? 'noindex' : undefined],
        ['Vary', h.vary, page.compressible ? 'Accept-Encoding' : undefined],
        ['Content-Encoding', h['content-encoding'], page.compressible ? 'br' : undefined],
      ];
      for (const [name, actual, expected] of checks) expect(actual, name).toBe(expected);
      expect(h['content-type'], 'Content-Type').toMatch(page.contentType);

      const policy = directives(h['content-security-policy'] ?? '');
      expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
      if (page.html) {
        // Everything the page's own policy allows, the header allows too (else the page would break).
        for (const [name, sources] of directives(metaPolicy(decoded(response).toString('utf8')))) {
          for (const source of sources.filter((s) => s !== "'none'")) {
            expect(policy.get(name), `${name} ${source}`).toContain(source);
          }
        }
        expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
      }
      console.info(`${server.name}: ${page.type} ${page.path}: ${checks.length + 2} headers checked`);
    });

    it('marks every hashed asset immutable for a year', async () => {
      for (const name of astroFiles) {
        const response = await get(server.url, `/_astro/${name}`);
        expect(response.status, name).toBe(200);
        expect(response.headers['cache-control'], name).toBe('public, max-age=31536000, immutable');
      }
    });
  });

  describe('precompressed files', () => {
    it.each(compressedSamples)('%s: the br and gzip answers decode to the file itself', async (path) => {
      const raw = file(path);
      const br = await get(server.url, path, { 'accept-encoding': 'gzip, deflate, br' });
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.body.length).toBeLessThan(raw.length);
      expect(brotliDecompressSync(br.body).equals(raw)).toBe(true);
      const gz = await get(server.url, path, { 'accept-encoding': 'gzip' });
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(gz.body).equals(raw)).toBe(true);
      const plain = await get(server.url, path, { 'accept-encoding': 'identity' });
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body.equals(raw)).toBe(true);
      console.info(
        `${server.name}: ${path}: ${raw.length} B raw, gzip ${gz.body.length} B, brotli ${br.body.length} B`,
      );
    });
  });
});
