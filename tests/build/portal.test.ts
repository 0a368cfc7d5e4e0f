import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { fixtureOutDir as out, fixtureSiteDir, page, pageExists, readPage, textOf, tmpRoot } from '../support/build';
import { sitePages } from '../support/site-files';

const SITE = 'https://hocviencanbo.hochiminhcity.gov.vn';

/** Every page made with the site's layout: all but the print views and the redirect pages of old addresses. */
function layoutPages(): string[] {
  return sitePages(out).filter(
    (path) => !path.endsWith('/ban-in/') && !page(out, path).querySelector('meta[http-equiv="refresh"]'),
  );
}

/** Pagefind's page records: gzip, a signature, then JSON. */
function searchRecords(): { url: string; content: string; meta: Record<string, string> }[] {
  const dir = join(out, 'pagefind/fragment');
  return readdirSync(dir).map((name) => {
    const text = gunzipSync(readFileSync(join(dir, name))).toString('utf8');
    return JSON.parse(text.slice('pagefind_dcd'.length)) as {
      url: string;
      content: string;
      meta: Record<string, string>;
    };
  });
}

describe('standing pages', () => {
  it('are built at /<file name>/ with the site’s layout, title and text', () => {
    const about = page(out, '/gioi-thieu/');
    expect(textOf(about.querySelector('h1'))).toBe('Giới thiệu');
    expect(about.querySelector('.site-header')).not.toBeNull();
    expect(about.querySelector('.site-footer')).not.toBeNull();
    expect(textOf(about.querySelector('.prose'))).toContain('Chức năng, nhiệm vụ');
    expect(about.querySelectorAll('.breadcrumb li').map((li) => textOf(li))).toEqual(['Trang chủ', 'Giới thiệu']);
    expect(about.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(`${SITE}/gioi-thieu/`);
    expect(textOf(about.querySelector('.date-line'))).toBe('Cập nhật ngày: 20/11/2026');
    expect(textOf(page(out, '/lien-he/').querySelector('h1'))).toBe('Liên hệ');
  });

  it('serve the English page at /en/ in English, with the site’s header and footer marked as Vietnamese', () => {
    const english = page(out, '/en/');
    expect(english.querySelector('html')?.getAttribute('lang')).toBe('en');
    expect(textOf(english.querySelector('h1'))).toBe('Ho Chi Minh City Cadre Academy');
    const text = textOf(english.querySelector('.prose'));
    expect(text).toContain('Functions');
    expect(text).toContain('324 Chu Van An Street');
    expect(english.querySelector('.prose a[href="tel:+842838412384"]')).not.toBeNull();
    expect(english.querySelector('.prose a[href="mailto:hocviencanbo@tphcm.gov.vn"]')).not.toBeNull();
    expect(english.querySelector('.site-header')?.getAttribute('lang')).toBe('vi');
    expect(english.querySelector('.site-footer')?.getAttribute('lang')).toBe('vi');
    expect(english.querySelector('meta[property="og:locale"]')?.getAttribute('content')).toBe('en');
  });

  it('are linked from the footer of every page, the English page by its own name', () => {
    for (const path of layoutPages()) {
      const links = page(out, path).querySelectorAll('.site-footer a');
      const byHref = new Map(links.map((link) => [link.getAttribute('href'), link]));
      expect(textOf(byHref.get('/gioi-thieu/')), path).toBe('Giới thiệu');
      expect(textOf(byHref.get('/lien-he/')), path).toBe('Liên hệ');
      expect(textOf(byHref.get('/en/')), path).toBe('English');
      expect(byHref.get('/en/')?.getAttribute('hreflang'), path).toBe('en');
    }
  });

  it('leave drafts unbuilt and keep their old addresses', () => {
    expect(pageExists(out, '/trang-nhap/')).toBe(false);
    expect(readPage(out, '/ve-hoc-vien.html')).toContain('<meta http-equiv="refresh" content="0; url=/gioi-thieu/">');
  });

  it('are in the sitemap, and not in the article lists, the archive or the feed', () => {
    const parser = new XMLParser({ isArray: (name) => name === 'url' });
    const sitemap = parser.parse(readFileSync(join(out, 'sitemap-0.xml'), 'utf8')) as {
      urlset: { url: { loc: string }[] };
    };
    const locs = sitemap.urlset.url.map((url) => url.loc);
    for (const path of ['/gioi-thieu/', '/lien-he/', '/en/']) expect(locs).toContain(`${SITE}${path}`);
    expect(locs).not.toContain(`${SITE}/trang-nhap/`);
    const rss = readFileSync(join(out, 'rss.xml'), 'utf8');
    for (const path of ['/', '/trang/2/', '/luu-tru/', '/luu-tru/2024/', '/chuyen-muc/tin-tuc-su-kien/', '/the/']) {
      const main = page(out, path).querySelector('main');
      for (const slug of ['gioi-thieu', 'lien-he', 'en']) {
        expect(main?.querySelector(`a[href="/${slug}/"]`) ?? null, `${path} lists /${slug}/`).toBeNull();
      }
    }
    for (const slug of ['gioi-thieu', 'lien-he', '/en/']) expect(rss).not.toContain(slug);
  });

  it('are in the search index beside the articles, with their titles; no other listing joins them', () => {
    const records = searchRecords();
    const urls = records.map((record) => record.url);
    for (const path of ['/gioi-thieu/', '/lien-he/', '/en/']) expect(urls).toContain(path);
    expect(records.find((record) => record.url === '/gioi-thieu/')?.meta.title).toBe('Giới thiệu');
    expect(urls.filter((url) => !url.startsWith('/bai-viet/')).sort()).toEqual(['/en/', '/gioi-thieu/', '/lien-he/']);
  });
});

describe('the agency’s details', () => {
  it('are in the footer of every page: owning agency, address, phone, e-mail, who answers for the content', () => {
    for (const path of layoutPages()) {
      const footer = page(out, path).querySelector('.site-footer');
      const text = textOf(footer);
      expect(text, path).toContain('Cơ quan chủ quản: Thành ủy - Ủy ban nhân dân Thành phố Hồ Chí Minh');
      expect(text, path).toContain('Địa chỉ: 324 Chu Văn An, Phường 12, Quận Bình Thạnh, Thành phố Hồ Chí Minh');
      expect(text, path).toContain('Chịu trách nhiệm nội dung:');
      expect(footer?.querySelector('a[href="tel:+842838412384"]')?.text, path).toBe('(028)\u00a03841\u00a02384');
      expect(footer?.querySelector('a[href="mailto:hocviencanbo@tphcm.gov.vn"]'), path).not.toBeNull();
      expect(footer?.querySelectorAll('.site-footer__related a').length, path).toBeGreaterThanOrEqual(3);
      expect(footer?.querySelector('a[href="/the/"]'), path).not.toBeNull();
    }
  });

  it('are on the "Liên hệ" page under its text', () => {
    const contact = page(out, '/lien-he/');
    const details = contact.querySelector('main .agency');
    expect(details?.querySelector('a[href="tel:+842838412384"]')).not.toBeNull();
    expect(textOf(details)).toContain('324 Chu Văn An');
    expect(page(out, '/gioi-thieu/').querySelector('main .agency')).toBeNull();
  });
});

describe('attachments', () => {
  const article = page(out, '/bai-viet/le-khai-giang/');

  it('are listed under the story as "File đính kèm" with name, type and size in Vietnamese units', () => {
    expect(textOf(article.querySelector('.attachments h2'))).toBe('File đính kèm');
    expect(article.querySelectorAll('.attachments li').map((li) => textOf(li))).toEqual([
      'Kế hoạch năm học mới (PDF, 1,3 KB)',
      'Danh sách học viên.docx (Word (DOCX), 4,6 KB)',
    ]);
  });

  it('are copied beside the article page, byte for byte, under address-safe names', () => {
    const links = article.querySelectorAll('.attachments a').map((link) => link.getAttribute('href'));
    expect(links).toEqual([
      '/bai-viet/le-khai-giang/ke-hoach-nam-hoc.pdf',
      '/bai-viet/le-khai-giang/danh-sach-hoc-vien.docx',
    ]);
    const source = join(fixtureSiteDir, 'articles/2024/2024-02-15-le-khai-giang');
    expect(readFileSync(join(out, links[0]!))).toEqual(readFileSync(join(source, 'ke-hoach-nam-hoc.pdf')));
    expect(readFileSync(join(out, links[1]!))).toEqual(readFileSync(join(source, 'Danh sách học viên.docx')));
  });

  it('are listed in the print view with their full addresses', () => {
    const print = page(out, '/bai-viet/le-khai-giang/ban-in/');
    expect(textOf(print.querySelector('.attachments h2'))).toBe('File đính kèm');
    expect(textOf(print.querySelector('.attachments'))).toContain(
      `${SITE}/bai-viet/le-khai-giang/ke-hoach-nam-hoc.pdf`,
    );
  });

  it('leave a story without any showing no empty list', () => {
    expect(page(out, '/bai-viet/hoi-thao-cong-doan-5/').querySelector('.attachments')).toBeNull();
  });
});

describe('share links', () => {
  const articles = sitePages(out).filter((path) => /^\/bai-viet\/[^/]+\/$/.test(path));

  it('share every article’s absolute address, encoded, on Facebook, Zalo and by e-mail, with no script of theirs', () => {
    expect(articles.length).toBeGreaterThan(30);
    for (const path of articles) {
      const doc = page(out, path);
      const url = `${SITE}${path}`;
      const title = textOf(doc.querySelector('h1'));
      const hrefs = doc.querySelectorAll('.share a').map((link) => link.getAttribute('href'));
      expect(hrefs, path).toEqual([
        `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(url)}`,
        `https://zalo.me/share?url=${encodeURIComponent(url)}`,
        `mailto:?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(url)}`,
        url,
      ]);
      const facebook = new URL(hrefs[0]!);
      expect(facebook.searchParams.get('u')).toBe(url);
      const mail = new URL(hrefs[2]!);
      expect(new URLSearchParams(mail.search).get('subject')).toBe(title);
      expect(textOf(doc.querySelector('.share__copy'))).toBe('Sao chép liên kết');
      const external = doc
        .querySelectorAll('script[src], iframe, img')
        .map((element) => element.getAttribute('src') ?? '')
        .filter((src) => /facebook|zalo|fbcdn|zdn/i.test(src));
      expect(external, path).toEqual([]);
    }
  });
});

/** Width and height of a PNG or JPEG, read from its header. */
async function imageSize(file: string): Promise<{ width?: number; height?: number; format?: string }> {
  return sharp(file).metadata();
}

describe('share images', () => {
  const articles = sitePages(out).filter((path) => /^\/bai-viet\/[^/]+\/$/.test(path));

  it('give every article a 1200×630 og:image built beside the site', async () => {
    for (const path of articles) {
      const doc = page(out, path);
      const image = doc.querySelector('meta[property="og:image"]')?.getAttribute('content') ?? '';
      expect(image.startsWith(`${SITE}/`), path).toBe(true);
      expect(doc.querySelector('meta[property="og:image:width"]')?.getAttribute('content')).toBe('1200');
      expect(doc.querySelector('meta[property="og:image:height"]')?.getAttribute('content')).toBe('630');
      const file = join(out, new URL(image).pathname);
      expect(existsSync(file), `${path} → ${image}`).toBe(true);
      const size = await imageSize(file);
      expect({ width: size.width, height: size.height }, path).toEqual({ width: 1200, height: 630 });
      expect(['png', 'jpeg'], path).toContain(size.format);
    }
  });

  it('use the cover photo of a story that has one, and draw the others', () => {
    const withCover = page(out, '/bai-viet/le-khai-giang/');
    expect(withCover.querySelector('meta[property="og:image"]')?.getAttribute('content')).toMatch(
      new RegExp(`^${SITE}/_astro/anh-bia\\.[^/]+\\.jpe?g$`),
    );
    expect(withCover.querySelector('meta[property="og:image:alt"]')?.getAttribute('content')).toBe(
      'Quang cảnh lễ khai giảng',
    );
    expect(pageExists(out, '/bai-viet/le-khai-giang/anh-chia-se.png')).toBe(false);
    expect(
      page(out, '/bai-viet/hoi-thao-cong-doan-5/').querySelector('meta[property="og:image"]')?.getAttribute('content'),
    ).toBe(`${SITE}/bai-viet/hoi-thao-cong-doan-5/anh-chia-se.png`);
  });

  it('show the title with every Vietnamese mark, read back by OCR', async () => {
    const image = join(out, 'bai-viet/hoi-thao-cong-doan-5/anh-chia-se.png');
    // Twice the size, in grey: what Tesseract reads best.
    const enlarged = join(tmpRoot, 'share-image-ocr.png');
    await sharp(image).resize(2400).greyscale().toFile(enlarged);
    const ocr = spawnSync('tesseract', [enlarged, '-', '-l', 'vie'], { encoding: 'utf8' });
    expect(ocr.status, ocr.stderr).toBe(0);
    const read = ocr.stdout.normalize('NFC').replace(/\s+/g, ' ');
    console.log(`OCR of ${image}:\n${ocr.stdout}`);
    // ư ơ đ ệ ỗ ẫ: the marks that vanish when the font's Vietnamese subset is not used.
    for (const word of ['hỗ', 'trợ', 'dẫn', 'đầu', 'người', 'được', 'tuyên', 'dương', 'nghiệp', 'Công', 'đoàn']) {
      expect(read, `"${word}" in:\n${ocr.stdout}`).toContain(word);
    }
    expect(read).toContain('Hoạt động đoàn thể');
    expect(read).toContain('07/09/2019');
  });

  it('are kept in a cache by content, so an unchanged story is not drawn again', () => {
    const built = readFileSync(join(out, 'bai-viet/hoi-thao-cong-doan-5/anh-chia-se.png'));
    const cacheDirs = readdirSync(join(fixtureSiteDir, '../../../node_modules/.astro'))
      .map((name) => join(fixtureSiteDir, '../../../node_modules/.astro', name, 'share-images'))
      .filter((dir) => existsSync(dir) && statSync(dir).isDirectory());
    const cached = cacheDirs.flatMap((dir) => readdirSync(dir).map((name) => readFileSync(join(dir, name))));
    expect(cached.some((png) => png.equals(built))).toBe(true);
  });
});
