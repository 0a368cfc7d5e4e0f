import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { XMLParser } from 'fast-xml-parser';
import type { HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSiteAsync, page, pageExists, readPage, textOf, tmpRoot } from '../support/build';
import { buildDiscoveryAsync, NOTICES, noticeSlug } from '../support/discovery';
import { isWebEditorFile } from '../support/site-files';

const SITE = 'https://hocviencanbo.hochiminhcity.gov.vn';
const DANGEROUS_TITLE = 'Hội nghị "Đổi mới" & </script><script>alert(1)</script> năm 2024';

let out = '';

beforeAll(async () => {
  const result = await buildDiscoveryAsync('discovery');
  if (result.status !== 0) throw new Error(`The discovery fixture did not build:\n${result.output}`);
  out = result.outDir;
});

/** Every file of the built site, as paths relative to it. */
function builtFiles(dir = out): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? builtFiles(full) : [relative(out, full).replace(/\\/g, '/')];
  });
}

/** The HTML pages of the site as URL paths, without the redirect pages and the web editor. */
function sitePages(): string[] {
  return builtFiles()
    .filter((file) => file.endsWith('.html') && !file.startsWith('tin-tuc/') && !isWebEditorFile(file))
    .map((file) => `/${file}`.replace(/\/index\.html$/, '/'));
}

/** Every JSON-LD block of a page, parsed. */
function jsonLd(doc: HTMLElement): Record<string, unknown>[] {
  return doc
    .querySelectorAll('script[type="application/ld+json"]')
    .map((script) => JSON.parse(script.innerHTML) as Record<string, unknown>);
}

const xml = new XMLParser({
  ignoreAttributes: false,
  parseTagValue: false,
  isArray: (name) => ['item', 'category', 'url', 'sitemap'].includes(name),
});

describe('the search index', () => {
  /** Pagefind's page records: gzip, a signature, then JSON. */
  function fragments(): { url: string; content: string; meta: Record<string, string> }[] {
    const dir = join(out, 'pagefind/fragment');
    return readdirSync(dir).map((name) => {
      const text = gunzipSync(readFileSync(join(dir, name))).toString('utf8');
      expect(text.startsWith('pagefind_dcd')).toBe(true);
      return JSON.parse(text.slice('pagefind_dcd'.length)) as {
        url: string;
        content: string;
        meta: Record<string, string>;
      };
    });
  }

  it('is written by the build into the output folder, with its script', async () => {
    expect(existsSync(join(out, 'pagefind/pagefind.js'))).toBe(true);
    expect(readdirSync(join(out, 'pagefind')).some((name) => name.endsWith('.pf_meta'))).toBe(true);
  });

  it('holds every published article page and nothing else: no print view, listing, redirect or draft', async () => {
    const urls = fragments()
      .map((record) => record.url)
      .sort();
    const articles = readdirSync(join(out, 'bai-viet'))
      .map((slug) => `/bai-viet/${slug}/`)
      .sort();
    expect(urls).toEqual(articles);
    expect(urls).toHaveLength(8 + NOTICES);
    expect(urls).not.toContain('/bai-viet/ban-nhap-co-dia-chi-cu/');
  });

  it('indexes the title and body only, not the navigation, credits or tags', async () => {
    const record = fragments().find((entry) => entry.url === '/bai-viet/khai-giang-co-anh/');
    expect(record?.meta.title).toBe('Khai giảng lớp Cao cấp lý luận chính trị');
    expect(record?.content.startsWith('Khai giảng lớp Cao cấp lý luận chính trị')).toBe(true);
    expect(record?.content).toContain('Học viên được phổ biến nội quy');
    for (const outside of [
      'Trang chủ',
      'Lưu trữ',
      'Tin: Thanh Tiên',
      'Ảnh: Minh Anh',
      'Từ khóa',
      'Bản in',
      'Cập nhật ngày',
      'Bài liên quan',
    ]) {
      expect(record?.content, outside).not.toContain(outside);
    }
  });

  it('carries the date with its offset, and the đ-folded words as metadata, never in the quoted text', async () => {
    const record = fragments().find((entry) => entry.url === '/bai-viet/khai-giang-co-anh/');
    expect(record?.meta.date).toBe('2024-02-15T08:30:00+07:00');
    expect(record?.meta.fold?.split(' ')).toEqual(expect.arrayContaining(['duoc', 'dao', 'doi', 'dat']));
    for (const entry of fragments()) {
      expect(entry.content, entry.url).not.toMatch(/\b(duoc|dat|dao|doi)\b/);
    }
  });
});

describe('the search page and the header search form', () => {
  it('puts a plain GET form to /tim-kiem/ on every page', async () => {
    for (const path of sitePages().filter((p) => !p.includes('/ban-in/'))) {
      const form = page(out, path).querySelector('header form[role="search"]');
      expect(form?.getAttribute('action'), path).toBe('/tim-kiem/');
      expect(form?.getAttribute('method'), path).toBe('get');
      expect(form?.querySelector('input[name="q"]'), path).not.toBeNull();
      expect(form?.querySelector('label'), path).not.toBeNull();
    }
  });

  it('lists "Tìm kiếm" in the navigation', async () => {
    const link = page(out, '/')
      .querySelectorAll('.site-nav a')
      .find((a) => textOf(a) === 'Tìm kiếm');
    expect(link?.getAttribute('href')).toBe('/tim-kiem/');
  });

  it('has a search page with its own form, in Vietnamese, kept out of search engines', async () => {
    const doc = page(out, '/tim-kiem/');
    expect(textOf(doc.querySelector('h1'))).toBe('Tìm kiếm');
    expect(doc.querySelector('main form[role="search"] input[name="q"]')).not.toBeNull();
    expect(textOf(doc.querySelector('main form button'))).toBe('Tìm');
    expect(doc.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
    expect(doc.querySelector('[data-search-form]')?.getAttribute('data-bundle')).toBe('/pagefind/pagefind.js');
  });
});

describe('JavaScript', () => {
  /** Script elements a browser would run (JSON-LD is data, not a program). */
  const programs = (doc: HTMLElement) =>
    doc
      .querySelectorAll('script')
      .filter((script) => !/^application\/(ld\+)?json$/i.test(script.getAttribute('type') ?? ''));

  it('runs only on the search page, the 404 page, print views and articles (their copy-link button)', async () => {
    const withScripts = sitePages().filter((path) => programs(page(out, path)).length > 0);
    const isArticle = (path: string) => /^\/bai-viet\/[^/]+\/(ban-in\/)?$/.test(path);
    expect(withScripts.filter((path) => !isArticle(path)).sort()).toEqual(['/404.html', '/tim-kiem/']);
  });

  it('is not on redirect pages either', async () => {
    expect(readFileSync(join(out, 'tin-tuc/1234.html'), 'utf8')).not.toMatch(/<script|\son[a-z]+=/i);
  });
});

describe('the RSS feed', () => {
  const feed = () =>
    xml.parse(readFileSync(join(out, 'rss.xml'), 'utf8')) as {
      rss: {
        '@_version': string;
        channel: {
          title: string;
          link: string;
          language: string;
          'atom:link': Record<string, string>;
          item: Record<string, unknown>[];
        };
      };
    };

  it('is RSS 2.0 in Vietnamese, linking to itself', async () => {
    const { rss } = feed();
    expect(rss['@_version']).toBe('2.0');
    expect(rss.channel.title).toBe('Học viện Cán bộ Thành phố Hồ Chí Minh');
    expect(rss.channel.language).toBe('vi');
    expect(rss.channel['atom:link']['@_href']).toBe(`${SITE}/rss.xml`);
  });

  it('carries the 50 newest stories, newest first', async () => {
    const items = feed().rss.channel.item;
    expect(items).toHaveLength(50);
    const times = items.map((item) => Date.parse(String(item.pubDate)));
    expect(times.every((time, index) => index === 0 || time <= (times[index - 1] ?? 0))).toBe(true);
    // 8 stories and 50 notices: the 8 oldest notices are left out.
    expect(items.at(0)?.link).toBe(`${SITE}/bai-viet/hoi-nghi-doi-moi/`);
    expect(items.at(-1)?.link).toBe(`${SITE}/bai-viet/${noticeSlug(NOTICES - (50 - 8) + 1)}/`);
    expect(items.map((item) => item.link)).not.toContain(`${SITE}/bai-viet/${noticeSlug(1)}/`);
  });

  it('gives each item its title, link, permalink guid, date, description, categories and credits', async () => {
    const item = feed().rss.channel.item[0] as Record<string, unknown>;
    expect(item.title).toBe(DANGEROUS_TITLE);
    expect(item.link).toBe(`${SITE}/bai-viet/hoi-nghi-doi-moi/`);
    expect(item.guid).toEqual({ '#text': `${SITE}/bai-viet/hoi-nghi-doi-moi/`, '@_isPermaLink': 'true' });
    expect(new Date(String(item.pubDate)).toISOString()).toBe('2024-03-01T07:00:00.000Z');
    expect(item.description).toBe('Tóm tắt có </script> và "ngoặc kép" & dấu và.');
    expect(item.category).toEqual(['Hợp tác quốc tế', 'Hợp tác', 'đào tạo']);
    expect(item['dc:creator']).toBe('Nguyễn "Nhà báo" <b>An</b>');
    expect(item['dc:source']).toBe('Báo & Đài');
  });

  it('is announced on every page', async () => {
    for (const path of sitePages().filter((p) => !p.includes('/ban-in/'))) {
      const link = page(out, path).querySelector('link[rel="alternate"][type="application/rss+xml"]');
      expect(link?.getAttribute('href'), path).toBe(`${SITE}/rss.xml`);
    }
  });
});

describe('the sitemap and robots.txt', () => {
  const urls = () => {
    const index = xml.parse(readFileSync(join(out, 'sitemap-index.xml'), 'utf8')) as {
      sitemapindex: { sitemap: { loc: string }[] };
    };
    return index.sitemapindex.sitemap.flatMap(({ loc }) => {
      const file = join(out, new URL(loc).pathname);
      const map = xml.parse(readFileSync(file, 'utf8')) as { urlset: { url: { loc: string; lastmod?: string }[] } };
      return map.urlset.url;
    });
  };

  it('lists the readers’ pages: home, articles, listings, the tag index', async () => {
    const locs = urls().map((url) => url.loc);
    for (const path of [
      '/',
      '/bai-viet/khai-giang-co-anh/',
      '/luu-tru/',
      '/luu-tru/2024/02/',
      '/chuyen-muc/dao-tao-boi-duong/',
      '/the/',
      '/the/dao-tao/',
    ]) {
      expect(locs, path).toContain(`${SITE}${path}`);
    }
    const articles = readdirSync(join(out, 'bai-viet'));
    expect(locs.filter((loc) => /\/bai-viet\/[^/]+\/$/.test(loc))).toHaveLength(articles.length);
  });

  it('leaves out print views, the search page, redirect pages, the 404 page and drafts', async () => {
    const locs = urls().map((url) => url.loc);
    expect(locs.filter((loc) => loc.includes('/ban-in/'))).toEqual([]);
    for (const path of [
      '/tim-kiem/',
      '/tin-tuc/1234.html',
      '/tin-tuc/cu/',
      '/tin-tuc/cu/index.html',
      '/404.html',
      '/404/',
      '/bai-viet/ban-nhap-co-dia-chi-cu/',
    ]) {
      expect(locs, path).not.toContain(`${SITE}${path}`);
    }
  });

  it('dates each article by its last revision, and the home page by the latest one', async () => {
    const lastmod = new Map(urls().map((url) => [url.loc, url.lastmod]));
    expect(Date.parse(lastmod.get(`${SITE}/bai-viet/khai-giang-co-anh/`) ?? '')).toBe(
      Date.parse('2024-02-20T10:00:00+07:00'),
    );
    expect(Date.parse(lastmod.get(`${SITE}/bai-viet/tap-huan-giang-vien/`) ?? '')).toBe(
      Date.parse('2023-12-05T00:00:00+07:00'),
    );
    expect(Date.parse(lastmod.get(`${SITE}/`) ?? '')).toBe(Date.parse('2024-03-01T14:00:00+07:00'));
  });

  it('is named by robots.txt', async () => {
    expect(readFileSync(join(out, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${SITE}/sitemap-index.xml`);
  });
});

describe('SEO metadata of an article', () => {
  const doc = () => page(out, '/bai-viet/khai-giang-co-anh/');
  const meta = (property: string) =>
    doc()
      .querySelectorAll(`meta[property="${property}"]`)
      .map((tag) => tag.getAttribute('content'));

  it('gives the canonical URL and Open Graph article tags, times with the +07:00 offset', async () => {
    expect(doc().querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
      `${SITE}/bai-viet/khai-giang-co-anh/`,
    );
    expect(meta('og:type')).toEqual(['article']);
    expect(meta('og:locale')).toEqual(['vi_VN']);
    expect(meta('article:published_time')).toEqual(['2024-02-15T08:30:00+07:00']);
    expect(meta('article:modified_time')).toEqual(['2024-02-20T10:00:00+07:00']);
    expect(meta('article:section')).toEqual(['Đào tạo - Bồi dưỡng']);
    expect(meta('article:tag')).toEqual(['Đào tạo', 'Cán bộ']);
  });

  it('points og:image at the cover cut to 1200×630, a file of the site, or at the drawn share image', async () => {
    const [image] = meta('og:image');
    expect(image).toMatch(new RegExp(`^${SITE}/_astro/anh-bia\\.[\\w-]+\\.jpe?g$`));
    expect(pageExists(out, new URL(image ?? SITE).pathname)).toBe(true);
    expect(meta('og:image:width')).toEqual(['1200']);
    expect(meta('og:image:height')).toEqual(['630']);
    expect(
      page(out, '/bai-viet/tap-huan-giang-vien/').querySelector('meta[property="og:image"]')?.getAttribute('content'),
    ).toBe(`${SITE}/bai-viet/tap-huan-giang-vien/anh-chia-se.png`);
  });

  it('describes the story as a NewsArticle in JSON-LD', async () => {
    const [article] = jsonLd(doc()).filter((data) => data['@type'] === 'NewsArticle');
    expect(article).toMatchObject({
      '@context': 'https://schema.org',
      headline: 'Khai giảng lớp Cao cấp lý luận chính trị',
      datePublished: '2024-02-15T08:30:00+07:00',
      dateModified: '2024-02-20T10:00:00+07:00',
      author: [{ '@type': 'Person', name: 'Thanh Tiên' }],
      publisher: {
        '@type': 'Organization',
        name: 'Học viện Cán bộ Thành phố Hồ Chí Minh',
        logo: { '@type': 'ImageObject', url: `${SITE}/logo.png` },
      },
      mainEntityOfPage: { '@type': 'WebPage', '@id': `${SITE}/bai-viet/khai-giang-co-anh/` },
    });
    // Search engines get the cover itself, at its full size.
    expect(article?.image).toEqual([expect.stringMatching(new RegExp(`^${SITE}/_astro/anh-bia\\.[\\w-]+\\.jpg$`))]);
    expect(existsSync(join(out, 'logo.png'))).toBe(true);
  });

  it('gives the breadcrumb as a BreadcrumbList matching the visible one', async () => {
    const [trail] = jsonLd(doc()).filter((data) => data['@type'] === 'BreadcrumbList');
    const items = trail?.itemListElement as { position: number; name: string; item: string }[];
    expect(items.map((item) => item.name)).toEqual(
      doc()
        .querySelectorAll('.breadcrumb li')
        .map((li) => textOf(li)),
    );
    expect(items.map((item) => item.position)).toEqual([1, 2, 3]);
    expect(items.map((item) => item.item)).toEqual([
      `${SITE}/`,
      `${SITE}/chuyen-muc/dao-tao-boi-duong/`,
      `${SITE}/bai-viet/khai-giang-co-anh/`,
    ]);
  });

  it('has JSON-LD that parses on every article page', async () => {
    for (const slug of readdirSync(join(out, 'bai-viet'))) {
      const types = jsonLd(page(out, `/bai-viet/${slug}/`)).map((data) => data['@type']);
      expect(types, slug).toEqual(['NewsArticle', 'BreadcrumbList']);
    }
  });
});

describe('a title with </script>, quotes and &', () => {
  const html = () => readPage(out, '/bai-viet/hoi-nghi-doi-moi/');

  it('stays text in the page: no script is opened, the title reads as written', async () => {
    const doc = page(out, '/bai-viet/hoi-nghi-doi-moi/');
    // The two JSON-LD blocks, and the copy-link button's own script.
    expect(doc.querySelectorAll('script').map((script) => script.getAttribute('type'))).toEqual([
      'application/ld+json',
      'application/ld+json',
      'module',
    ]);
    // Inside a quoted attribute value "<" is plain text; anywhere else it would open a tag.
    expect(html().replace(/="[^"]*"/g, '=""')).not.toContain('<script>alert');
    expect(textOf(doc.querySelector('h1'))).toBe(DANGEROUS_TITLE);
    expect(doc.querySelector('meta[property="og:title"]')?.getAttribute('content')).toBe(DANGEROUS_TITLE);
  });

  it('keeps the JSON-LD whole, with the title and credits intact', async () => {
    const [article, trail] = jsonLd(page(out, '/bai-viet/hoi-nghi-doi-moi/'));
    expect(article?.headline).toBe(DANGEROUS_TITLE);
    expect(article?.author).toEqual([{ '@type': 'Person', name: 'Nguyễn "Nhà báo" <b>An</b>' }]);
    expect(article?.description).toBe('Tóm tắt có </script> và "ngoặc kép" & dấu và.');
    expect((trail?.itemListElement as { name: string }[]).at(-1)?.name).toBe(DANGEROUS_TITLE);
  });
});

describe('legacy redirects', () => {
  /** A redirect page: where it leads, and what it declares. */
  function redirect(file: string) {
    const doc = page(out, file);
    return {
      refresh: doc.querySelector('meta[http-equiv="refresh"]')?.getAttribute('content'),
      canonical: doc.querySelector('link[rel="canonical"]')?.getAttribute('href'),
      robots: doc.querySelector('meta[name="robots"]')?.getAttribute('content'),
      link: doc.querySelector('main a')?.getAttribute('href'),
      text: textOf(doc.querySelector('main a')),
    };
  }

  it('writes a redirect page where the old server served a file', async () => {
    expect(redirect('/tin-tuc/1234.html')).toEqual({
      refresh: '0; url=/bai-viet/hoi-nghi-doi-moi/',
      canonical: `${SITE}/bai-viet/hoi-nghi-doi-moi/`,
      robots: 'noindex',
      link: '/bai-viet/hoi-nghi-doi-moi/',
      text: DANGEROUS_TITLE,
    });
  });

  it('writes a folder address as its index.html', async () => {
    expect(existsSync(join(out, 'tin-tuc/cu/index.html'))).toBe(true);
    expect(redirect('/tin-tuc/cu/').refresh).toBe('0; url=/bai-viet/hoi-nghi-doi-moi/');
  });

  it('lists every alias in _redirects, the query string as conditions', async () => {
    const lines = readFileSync(join(out, '_redirects'), 'utf8')
      .split('\n')
      .filter((line) => line && !line.startsWith('#'));
    expect(lines.sort()).toEqual([
      '/Default.aspx tabid=53 ItemID=1234 /bai-viet/hoi-nghi-doi-moi/ 301',
      '/tin-tuc/1234.html /bai-viet/hoi-nghi-doi-moi/ 301',
      '/tin-tuc/cu/ /bai-viet/hoi-nghi-doi-moi/ 301',
    ]);
  });

  it('puts the alias with a query string in the lookup of the 404 page, and writes no file for it', async () => {
    const lookup = JSON.parse(readFileSync(join(out, 'chuyen-huong.json'), 'utf8')) as Record<string, string>;
    expect(Object.values(lookup)).toEqual(['/bai-viet/hoi-nghi-doi-moi/']);
    expect(existsSync(join(out, 'Default.aspx'))).toBe(false);
    expect(page(out, '/404.html').querySelector('[data-lookup]')?.getAttribute('data-lookup')).toBe(
      '/chuyen-huong.json',
    );
  });

  it('makes nothing for the alias of a draft', async () => {
    expect(existsSync(join(out, 'tin-tuc/9999.html'))).toBe(false);
    expect(readFileSync(join(out, '_redirects'), 'utf8')).not.toContain('9999');
  });
});

describe('tags', () => {
  it('merge spellings that differ by case or Unicode form into one page', async () => {
    const listed = page(out, '/the/dao-tao/')
      .querySelectorAll('main .card__title a')
      .map((link) => link.getAttribute('href'));
    expect(listed).toEqual([
      '/bai-viet/hoi-nghi-doi-moi/',
      '/bai-viet/khai-giang-co-anh/',
      '/bai-viet/giao-luu-van-nghe/',
      '/bai-viet/tap-huan-giang-vien/',
      '/bai-viet/hop-tac-dao-tao-can-bo/',
    ]);
    expect(textOf(page(out, '/the/dao-tao/').querySelector('h1'))).toBe('Từ khóa: Đào tạo');
    const tagPages = builtFiles().filter((file) => /^the\/[^/]+\/index\.html$/.test(file));
    expect(tagPages.sort()).toEqual([
      'the/can-bo/index.html',
      'the/chuyen-doi-so/index.html',
      'the/dao-tao/index.html',
      'the/hop-tac/index.html',
    ]);
  });

  it('are shown on each article, linking to their pages', async () => {
    const links = page(out, '/bai-viet/hop-tac-dao-tao-can-bo/').querySelectorAll('.tags a');
    expect(links.map((a) => [textOf(a), a.getAttribute('href')])).toEqual([
      ['ĐÀO TẠO', '/the/dao-tao/'],
      ['Cán bộ', '/the/can-bo/'],
    ]);
  });

  it('have an index page listing each tag once, alphabetically, with its count', async () => {
    const doc = page(out, '/the/');
    expect(textOf(doc.querySelector('h1'))).toBe('Từ khóa');
    const entries = doc.querySelectorAll('.tag-index a').map((a) => [textOf(a), a.getAttribute('href')]);
    expect(entries).toEqual([
      ['Cán bộ (2 bài)', '/the/can-bo/'],
      ['Chuyển đổi số (1 bài)', '/the/chuyen-doi-so/'],
      // Three of the five stories spell it "Đào tạo".
      ['Đào tạo (5 bài)', '/the/dao-tao/'],
      ['Hợp tác (1 bài)', '/the/hop-tac/'],
    ]);
  });

  it('link back to the tag index from a tag page', async () => {
    expect(
      page(out, '/the/can-bo/')
        .querySelectorAll('.breadcrumb a')
        .map((a) => a.getAttribute('href')),
    ).toEqual(['/', '/the/']);
  });
});

describe('categories', () => {
  it('are in the header navigation with their Vietnamese names', async () => {
    const nav = page(out, '/')
      .querySelectorAll('.site-nav a')
      .map((a) => [textOf(a), a.getAttribute('href')]);
    expect(nav).toEqual(
      expect.arrayContaining([
        ['Tin tức - Sự kiện', '/chuyen-muc/tin-tuc-su-kien/'],
        ['Đào tạo - Bồi dưỡng', '/chuyen-muc/dao-tao-boi-duong/'],
        ['Hoạt động đoàn thể', '/chuyen-muc/doan-the/'],
      ]),
    );
  });

  it('page long lists under /trang/N/', async () => {
    expect(textOf(page(out, '/chuyen-muc/thong-bao/').querySelector('h1'))).toBe('Chuyên mục: Thông báo');
    expect(page(out, '/chuyen-muc/thong-bao/').querySelectorAll('main .card')).toHaveLength(20);
    expect(page(out, '/chuyen-muc/thong-bao/trang/3/').querySelectorAll('main .card')).toHaveLength(NOTICES - 40);
    expect(pageExists(out, '/chuyen-muc/thong-bao/trang/4/')).toBe(false);
  });
});

describe('related stories', () => {
  it('come by shared tags, then the same category, then nearness in time', async () => {
    const related = page(out, '/bai-viet/khai-giang-co-anh/')
      .querySelectorAll('.related .card__title a')
      .map((link) => link.getAttribute('href'));
    expect(related).toEqual([
      // Both tags, ten weeks away.
      '/bai-viet/hop-tac-dao-tao-can-bo/',
      // One tag, same category.
      '/bai-viet/tap-huan-giang-vien/',
      // One tag, other categories: nearer first.
      '/bai-viet/giao-luu-van-nghe/',
      '/bai-viet/hoi-nghi-doi-moi/',
      // No tag, same category, three days away.
      '/bai-viet/hop-bo-mon/',
    ]);
  });

  it('leave out stories sharing neither a tag nor the category', async () => {
    const related = page(out, '/bai-viet/giai-bong-da/')
      .querySelectorAll('.related .card__title a')
      .map((link) => link.getAttribute('href'));
    expect(related).toEqual(['/bai-viet/giao-luu-van-nghe/']);
  });
});

describe('a build with aliases that clash with pages', () => {
  it('fails, naming the article and the page or file it clashes with', async () => {
    const root = join(tmpRoot, 'discovery-clash');
    rmSync(root, { recursive: true, force: true });
    const write = (file: string, text: string) => {
      mkdirSync(join(root, 'articles', '2023'), { recursive: true });
      writeFileSync(join(root, 'articles', '2023', file), text);
    };
    write('2023-09-05-khai-giang.md', "---\ntitle: Khai giảng\ndate: '05/09/2023'\n---\n\nNội dung.\n");
    write(
      '2023-12-20-be-giang.md',
      "---\ntitle: Bế giảng\ndate: '20/12/2023'\naliases: [/bai-viet/khai-giang/ban-in/, /luu-tru/2023/]\n---\n\nNội dung.\n",
    );
    write(
      '2023-12-21-tong-ket.md',
      "---\ntitle: Tổng kết\ndate: '21/12/2023'\naliases: [/tin-tuc/../../x.html]\n---\n\nNội dung.\n",
    );
    const result = await buildSiteAsync(root, 'discovery-clash-out');
    expect(result.status, result.output).not.toBe(0);
    expect(result.output).toMatch(
      /articles\/2023\/2023-12-20-be-giang\.md: aliases: "\/bai-viet\/khai-giang\/ban-in\/" đã là địa chỉ của \S*articles\/2023\/2023-09-05-khai-giang\.md/,
    );
    expect(result.output).toContain(
      'articles/2023/2023-12-20-be-giang.md: aliases: "/luu-tru/2023/" là một trang của chính trang web (trang lưu trữ, /luu-tru/)',
    );
    expect(result.output).toContain(
      'articles/2023/2023-12-21-tong-ket.md: aliases: "/tin-tuc/../../x.html" đi ra ngoài thư mục',
    );
    expect(result.output).not.toContain('Stack trace');
    expect(pageExists(result.outDir, '/index.html')).toBe(false);
  });
});
