import { describe, expect, it } from 'vitest';
import { inSitemap, modifiedTimeOf } from '../../src/lib/sitemap';

const site = 'https://hocviencanbo.hochiminhcity.gov.vn';

describe('inSitemap', () => {
  it('keeps the pages readers land on', () => {
    for (const path of [
      '/',
      '/trang/2/',
      '/bai-viet/le-khai-giang/',
      '/luu-tru/2023/01/',
      '/chuyen-muc/thong-bao/',
      '/the/',
      '/the/dao-tao/',
    ]) {
      expect(inSitemap(`${site}${path}`), path).toBe(true);
    }
  });

  it('leaves out print views, the search page, the web editor, redirect pages, feeds and the 404 page', () => {
    for (const path of [
      '/quan-tri/',
      '/bai-viet/le-khai-giang/ban-in/',
      '/tim-kiem/',
      '/tin-tuc/1234.html',
      '/tin-tuc/cu/index.html',
      '/rss.xml',
      '/404.html',
      '/_redirects',
    ]) {
      expect(inSitemap(`${site}${path}`), path).toBe(false);
    }
  });
});

describe('modifiedTimeOf', () => {
  it('reads an article page’s article:modified_time', () => {
    const head =
      '<head><meta property="article:published_time" content="2023-01-12T00:00:00+07:00"><meta property="article:modified_time" content="2023-02-01T09:00:00+07:00"></head>';
    expect(modifiedTimeOf(head)).toBe('2023-02-01T09:00:00+07:00');
  });

  it('finds nothing on other pages', () => {
    expect(modifiedTimeOf('<head><title>Lưu trữ</title></head>')).toBeUndefined();
  });
});
