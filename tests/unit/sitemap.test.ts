import { describe, expect, it } from 'vitest';
import { inSitemap, lastModified } from '../../src/lib/discovery/sitemap';

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

describe('lastModified', () => {
  const at = (iso: string) => new Date(iso);

  it('dates each article page by its last edit, else its publication, in Vietnam time', () => {
    const dates = lastModified([
      { slug: 'bang-khen', date: at('2023-01-12T00:00:00+07:00'), updated: at('2023-02-01T02:00:00Z') },
      { slug: 'khai-giang', date: at('2024-02-15T08:00:00+07:00') },
    ]);
    expect(dates.get('/bai-viet/bang-khen/')).toBe('2023-02-01T09:00:00+07:00');
    expect(dates.get('/bai-viet/khai-giang/')).toBe('2024-02-15T08:00:00+07:00');
  });

  it('dates the home page by the newest of them, and nothing else', () => {
    const dates = lastModified([
      { slug: 'a', date: at('2024-01-01T08:00:00+07:00'), updated: at('2024-03-01T14:00:00+07:00') },
      { slug: 'b', date: at('2024-02-01T08:00:00+07:00') },
    ]);
    expect(dates.get('/')).toBe('2024-03-01T14:00:00+07:00');
    expect([...dates.keys()].sort()).toEqual(['/', '/bai-viet/a/', '/bai-viet/b/']);
    expect(lastModified([]).size).toBe(0);
  });
});
