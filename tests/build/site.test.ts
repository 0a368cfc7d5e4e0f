import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HTMLElement } from 'node-html-parser';
import { fixtureOutDir as out, page, pageExists, readPage, textOf } from '../support/build';

/** Every HTML file of the built site, as URL paths. */
function builtPages(dir = out): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    // The web editor is an application of its own, checked by tests/build/admin.test.ts.
    if (full === join(out, 'quan-tri')) return [];
    if (statSync(full).isDirectory()) return builtPages(full);
    if (!name.endsWith('.html')) return [];
    const rel = `/${relative(out, full).replace(/\\/g, '/')}`;
    return [rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel];
  });
}

/** Article slugs listed on a page, in order. */
function listedSlugs(urlPath: string): string[] {
  return page(out, urlPath)
    .querySelectorAll('main .card__title a')
    .map((link) => link.getAttribute('href')?.replace(/^\/bai-viet\/|\/$/g, '') ?? '');
}

/** Instants of the `<time>` elements of the listed cards, in order. */
function listedInstants(urlPath: string): number[] {
  return page(out, urlPath)
    .querySelectorAll('main .card time')
    .map((time) => Date.parse(time.getAttribute('datetime') ?? ''));
}

describe('the home page and its pagination', () => {
  it('lists the twenty newest published articles, newest first, then the rest on /trang/2/', () => {
    const first = listedSlugs('/');
    const second = listedSlugs('/trang/2/');
    expect(first).toHaveLength(20);
    expect(second).toHaveLength(13);
    expect(first[0]).toBe('le-khai-giang');
    expect(second.at(-1)).toBe('khai-giang-lop-boi-duong-1');
    const instants = [...listedInstants('/'), ...listedInstants('/trang/2/')];
    expect(instants.every((instant, index) => index === 0 || instant <= (instants[index - 1] ?? 0))).toBe(true);
  });

  it('orders two stories of the same day by slug', () => {
    const all = [...listedSlugs('/'), ...listedSlugs('/trang/2/')];
    expect(all.indexOf('an-toan-giao-thong')).toBe(all.indexOf('hoi-nghi-tong-ket') - 1);
  });

  it('links page 1 and page 2 to each other and makes no empty pages', () => {
    expect(page(out, '/').querySelector('.pagination a[rel="next"]')?.getAttribute('href')).toBe('/trang/2/');
    expect(page(out, '/trang/2/').querySelector('.pagination a[rel="prev"]')?.getAttribute('href')).toBe('/');
    expect(page(out, '/trang/2/').querySelector('.pagination a[rel="next"]')).toBeNull();
    expect(pageExists(out, '/trang/1/')).toBe(false);
    expect(pageExists(out, '/trang/3/')).toBe(false);
  });
});

describe('drafts', () => {
  it('are neither built nor linked nor counted', () => {
    expect(pageExists(out, '/bai-viet/ban-nhap/')).toBe(false);
    expect(pageExists(out, '/bai-viet/ban-nhap/ban-in/')).toBe(false);
    const everything = builtPages()
      .map((path) => readPage(out, path))
      .join('\n');
    expect(everything).not.toContain('ban-nhap');
    expect(everything).not.toContain('Bản nháp chưa duyệt');
    expect(pageExists(out, '/luu-tru/2024/03/')).toBe(false);
  });
});

describe('an article page', () => {
  const article = page(out, '/bai-viet/le-khai-giang/');

  it('shows the breadcrumb, headline and date line in Vietnam time', () => {
    expect(article.querySelector('html')?.getAttribute('lang')).toBe('vi');
    expect(article.querySelectorAll('h1').map((h1) => textOf(h1))).toEqual(['Lễ khai giảng năm học mới']);
    expect(article.querySelectorAll('.breadcrumb li').map((li) => textOf(li))).toEqual([
      'Trang chủ',
      'Đào tạo - Bồi dưỡng',
      'Lễ khai giảng năm học mới',
    ]);
    expect(textOf(article.querySelector('.date-line'))).toBe('Cập nhật ngày: 15/02/2024');
    expect(article.querySelector('.date-line time')?.getAttribute('datetime')).toBe('2024-02-15T08:30:00+07:00');
  });

  it('shows the credits, tags and a link to its Bản in', () => {
    expect(textOf(article.querySelector('.credits__author'))).toBe('Tin: Thanh Tiên');
    expect(textOf(article.querySelector('.credits__photo'))).toBe('Ảnh: Minh Anh');
    expect(article.querySelectorAll('.tags a').map((a) => a.getAttribute('href'))).toEqual([
      '/the/dao-tao/',
      '/the/khai-giang/',
    ]);
    const print = article.querySelector('a.article__print');
    expect(textOf(print)).toBe('Bản in');
    expect(print?.getAttribute('href')).toBe('/bai-viet/le-khai-giang/ban-in/');
  });

  it('renders the cover and a captioned body image from the article folder', () => {
    const cover = article.querySelector('figure.cover img');
    expect(cover?.getAttribute('alt')).toBe('Quang cảnh lễ khai giảng');
    expect(cover?.getAttribute('src')).toMatch(/^\/_astro\/anh-bia\.[\w-]+\.webp$/);
    expect(pageExists(out, cover?.getAttribute('src') ?? 'missing')).toBe(true);
    const figure = article.querySelector('.prose figure');
    expect(figure?.querySelector('img')?.getAttribute('alt')).toBe('Học viên dự lễ');
    expect(pageExists(out, figure?.querySelector('img')?.getAttribute('src') ?? 'missing')).toBe(true);
    expect(textOf(figure?.querySelector('figcaption'))).toBe('Học viên dự lễ khai giảng');
  });

  it('links the neighbours in time: the newest has only an older one', () => {
    expect(article.querySelector('.neighbours__link--newer')).toBeNull();
    const older = article.querySelector('.neighbours__link--older');
    // The next two share a day: an-toan-giao-thong sorts first.
    expect(older?.getAttribute('href')).toBe('/bai-viet/an-toan-giao-thong/');
    const middle = page(out, '/bai-viet/an-toan-giao-thong/');
    expect(middle.querySelector('.neighbours__link--newer')?.getAttribute('href')).toBe('/bai-viet/le-khai-giang/');
    expect(middle.querySelector('.neighbours__link--older')?.getAttribute('href')).toBe('/bai-viet/hoi-nghi-tong-ket/');
  });

  it('takes its slug from the file name, saved in NFD, and shows NFC text', () => {
    const html = readPage(out, '/bai-viet/dai-hoi-doan-the/');
    expect(html).toContain('Đại hội Đoàn thể nhiệm kỳ mới');
    expect(html).toBe(html.normalize('NFC'));
  });

  it('honours a slug override, a given summary and an unquoted YAML date', () => {
    const doc = page(out, '/bai-viet/quoc-khanh-2020/');
    expect(textOf(doc.querySelector('.date-line'))).toBe('Cập nhật ngày: 02/09/2020');
    expect(doc.querySelector('meta[name="description"]')?.getAttribute('content')).toBe(
      'Cán bộ, giảng viên Học viện dự lễ kỷ niệm Quốc khánh.',
    );
    expect(pageExists(out, '/bai-viet/quoc-khanh/')).toBe(false);
  });

  it('reads an offset date as the instant it names, shown in Vietnam', () => {
    const doc = page(out, '/bai-viet/dem-giao-thua/');
    expect(textOf(doc.querySelector('.date-line'))).toBe('Cập nhật ngày: 01/01/2023');
    const late = page(out, '/bai-viet/gap-mat-cuoi-thang/');
    expect(textOf(late.querySelector('.date-line'))).toBe('Cập nhật ngày: 30/06/2022 (sửa lần cuối 05/07/2022)');
  });
});

describe('the print view', () => {
  const print = page(out, '/bai-viet/le-khai-giang/ban-in/');

  it('carries the institute, title, date, body, credits and the absolute URL', () => {
    expect(textOf(print.querySelector('.print-page__site'))).toBe('Học viện Cán bộ Thành phố Hồ Chí Minh');
    expect(textOf(print.querySelector('h1'))).toBe('Lễ khai giảng năm học mới');
    expect(textOf(print.querySelector('.date-line'))).toBe('Cập nhật ngày: 15/02/2024');
    expect(textOf(print.querySelector('.prose'))).toContain('Buổi lễ kết thúc tốt đẹp.');
    expect(textOf(print.querySelector('.prose figcaption'))).toBe('Học viên dự lễ khai giảng');
    expect(print.querySelector('figure.cover img')).not.toBeNull();
    expect(textOf(print.querySelector('.credits__author'))).toBe('Tin: Thanh Tiên');
    expect(textOf(print.querySelector('.print-page__url a'))).toMatch(/^https:\/\/[^/]+\/bai-viet\/le-khai-giang\/$/);
  });

  it('offers the print button and a way back, and stays out of search engines', () => {
    expect(textOf(print.querySelector('button[data-print]'))).toBe('In bài viết');
    expect(print.querySelector('.print-actions a')?.getAttribute('href')).toBe('/bai-viet/le-khai-giang/');
    expect(print.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
    expect(print.querySelector('link[rel="canonical"]')?.getAttribute('href')).toMatch(/\/bai-viet\/le-khai-giang\/$/);
    expect(print.querySelectorAll('script')).toHaveLength(1);
  });
});

describe('the archive', () => {
  it('lists every year with its count, newest first, and each month', () => {
    const archive = page(out, '/luu-tru/');
    const years = archive.querySelectorAll('.archive-year > h2').map((h2) => textOf(h2));
    expect(years).toEqual([
      'Năm 2024 (1 bài)',
      'Năm 2023 (5 bài)',
      'Năm 2022 (7 bài)',
      'Năm 2021 (7 bài)',
      'Năm 2020 (7 bài)',
      'Năm 2019 (6 bài)',
    ]);
    const months2023 = archive
      .querySelectorAll('.archive-year')[1]
      ?.querySelectorAll('.archive-months a')
      .map((a) => a.getAttribute('href'));
    expect(months2023).toEqual(['/luu-tru/2023/05/', '/luu-tru/2023/03/', '/luu-tru/2023/01/']);
  });

  it('shows a year by month with counts', () => {
    const year = page(out, '/luu-tru/2023/');
    expect(year.querySelectorAll('.archive-month h2').map((h2) => textOf(h2))).toEqual([
      'Tháng 05/2023 (2 bài)',
      'Tháng 03/2023 (1 bài)',
      'Tháng 01/2023 (2 bài)',
    ]);
  });

  it('files a story under its month in Vietnam time', () => {
    expect(listedSlugs('/luu-tru/2023/01/')).toEqual(['khai-giang-lop-boi-duong-25', 'dem-giao-thua']);
    expect(listedSlugs('/luu-tru/2022/06/')).toContain('gap-mat-cuoi-thang');
    expect(pageExists(out, '/luu-tru/2022/12/')).toBe(false);
  });
});

describe('categories and tags', () => {
  it('list the articles of a category', () => {
    const slugs = listedSlugs('/chuyen-muc/doan-the/');
    expect(slugs).toContain('dem-giao-thua');
    expect(slugs).toContain('dai-hoi-doan-the');
    expect(textOf(page(out, '/chuyen-muc/doan-the/').querySelector('h1'))).toBe('Chuyên mục: Hoạt động đoàn thể');
  });

  it('merge tags that differ only by case or Unicode form', () => {
    const slugs = listedSlugs('/the/dao-tao/');
    expect(slugs).toContain('dai-hoi-doan-the');
    expect(slugs).toContain('le-khai-giang');
  });
});

describe('every page', () => {
  const pages = builtPages();

  it('declares Vietnamese, a canonical URL, the skip link and the site header', () => {
    expect(pages.length).toBeGreaterThan(100);
    // Print views and the redirect pages of old addresses are not browsed: they have no site header.
    const browsed = pages.filter(
      (p) => !p.includes('/ban-in/') && !page(out, p).querySelector('meta[http-equiv="refresh"]'),
    );
    expect(pages.length - browsed.length).toBe(35);
    for (const path of browsed) {
      const doc = page(out, path);
      // The English page is the one page in another language.
      expect(doc.querySelector('html')?.getAttribute('lang'), path).toBe(path === '/en/' ? 'en' : 'vi');
      expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href'), path).toMatch(/^https:\/\//);
      expect(doc.querySelector('a.skip-link')?.getAttribute('href'), path).toBe('#main');
      expect(textOf(doc.querySelector('.site-header__name')), path).toContain('Học viện Cán bộ Thành phố Hồ Chí Minh');
      expect(doc.querySelector('meta[property="og:title"]'), path).not.toBeNull();
    }
  });

  it('ships JavaScript only on articles (copy link), the print view, the search page and the 404 page', () => {
    // JSON-LD blocks are data, not programs.
    const isProgram = (script: HTMLElement) => !/^application\/ld\+json$/i.test(script.getAttribute('type') ?? '');
    const withPrograms = pages.filter((path) => page(out, path).querySelectorAll('script').some(isProgram));
    const isArticle = (path: string) => /^\/bai-viet\/[^/]+\/(ban-in\/)?$/.test(path);
    expect(withPrograms.filter((path) => !isArticle(path)).sort()).toEqual(['/404.html', '/tim-kiem/']);
    // On an article page, the copy-link script is the only one.
    for (const path of withPrograms.filter((path) => isArticle(path) && !path.endsWith('/ban-in/'))) {
      const programs = page(out, path).querySelectorAll('script').filter(isProgram);
      expect(
        programs.map((script) => script.innerHTML.includes('[data-copy-link]')),
        path,
      ).toEqual([true]);
    }
    for (const path of pages) {
      const html = readPage(out, path);
      expect(html, path).not.toMatch(/\son[a-z]+=/i);
      expect(html, path).not.toMatch(/javascript:/i);
    }
  });

  it('holds every image resolved: no unprocessed image placeholder anywhere', () => {
    for (const path of pages) expect(readPage(out, path), path).not.toMatch(/__ASTRO_IMAGE_|astro-image-placeholder/);
  });

  it('links only to pages that exist', () => {
    for (const path of pages) {
      for (const link of page(out, path).querySelectorAll('a[href^="/"]')) {
        const href = (link.getAttribute('href') ?? '').split('#')[0] ?? '';
        expect(pageExists(out, href), `${path} → ${href}`).toBe(true);
      }
    }
  });
});
