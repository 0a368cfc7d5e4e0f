import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import {
  aliasFile,
  aliasProblem,
  hasQuery,
  isFileAlias,
  legacyKey,
  legacyLookup,
  locationOf,
  lookupRedirect,
  redirectPage,
  redirectsFile,
} from '../../src/lib/discovery/redirects';

describe('aliasProblem', () => {
  it('accepts paths and paths with a query string', () => {
    for (const alias of [
      '/tin-tuc/1234.html',
      '/tin-tuc/cu/',
      '/tin-tuc/cu',
      '/Default.aspx?tabid=1&ItemID=22',
      '/tin-t%E1%BB%A9c/1.html',
    ]) {
      expect(aliasProblem(alias), alias).toBeUndefined();
    }
  });

  it('refuses what is not a path of the site, saying what was expected', () => {
    for (const alias of [
      'tin-tuc/1.html',
      '//example.com/x',
      'https://example.com/x',
      '/tin tuc/1.html',
      '/a\\b',
      '/tin-tuc/1.html#doan-2',
    ]) {
      const problem = aliasProblem(alias);
      expect(problem, alias).toContain(`"${alias}"`);
      expect(problem, alias).toContain('cần');
    }
  });

  it('refuses a path leaving its folder, written plainly or %-escaped', () => {
    expect(aliasProblem('/tin-tuc/../../etc/passwd')).toContain('".."');
    expect(aliasProblem('/tin-tuc/%2E%2E/x.html')).toContain('".."');
    expect(aliasProblem('/tin-tuc/a%2Fb.html')).toBeDefined();
  });

  it('refuses what a server would read as its own file, or as a pattern', () => {
    for (const alias of [
      '/web.config',
      '/.htaccess',
      '/.well-known/security.txt',
      '/_headers',
      '/_redirects',
      '/robots.txt',
      '/sitemap.xml',
      '/favicon.ico',
      '/cu/.git/config',
    ]) {
      expect(aliasProblem(alias), alias).toContain('tệp đặc biệt của máy chủ');
    }
    for (const alias of ['/*', '/tin-tuc/*', '/tin-tuc/:id', '/tin-tuc/chi-tiet:12.html']) {
      expect(aliasProblem(alias), alias).toBeDefined();
    }
  });

  it('refuses control characters, written plainly or %-escaped, and double escapes', () => {
    for (const alias of [
      '/tin-tuc/a%00.html',
      '/tin-tuc/a%0A.html',
      '/tin-tuc/a\u0007.html',
      '/tin-tuc/%252e%252e/x.html',
    ]) {
      expect(aliasProblem(alias), alias).toBeDefined();
    }
  });

  it('refuses overlong segments and paths', () => {
    expect(aliasProblem(`/tin-tuc/${'a'.repeat(300)}.html`)).toContain('quá dài');
    expect(aliasProblem(`/${'tin-tuc/'.repeat(200)}`)).toContain('quá dài');
  });

  it('refuses a broken %-escape', () => {
    expect(aliasProblem('/tin-tuc/%E1%BB.html')).toContain('%-thoát');
  });
});

describe('isFileAlias', () => {
  it('writes pages only for addresses a server answers as HTML', () => {
    expect(isFileAlias('/tin-tuc/1234.html')).toBe(true);
    expect(isFileAlias('/tin-tuc/cu/')).toBe(true);
    expect(isFileAlias('/tin-tuc/cu')).toBe(true);
    expect(isFileAlias('/Default.aspx')).toBe(false);
    expect(isFileAlias('/tin-tuc/x.js')).toBe(false);
    expect(isFileAlias('/Default.aspx?tabid=1')).toBe(false);
  });
});

describe('aliasFile', () => {
  it('keeps a file name as it is', () => {
    expect(aliasFile('/tin-tuc/1234.html')).toBe('tin-tuc/1234.html');
    expect(aliasFile('/Default.aspx')).toBe('Default.aspx');
  });

  it('answers a folder, with or without its slash, with its index.html', () => {
    expect(aliasFile('/tin-tuc/cu/')).toBe('tin-tuc/cu/index.html');
    expect(aliasFile('/tin-tuc/cu')).toBe('tin-tuc/cu/index.html');
    expect(aliasFile('/')).toBe('index.html');
  });

  it('decodes %-escapes into the file name the server looks for', () => {
    expect(aliasFile('/tin-t%E1%BB%A9c/b%C3%A0i%201.html')).toBe('tin-tức/bài 1.html');
  });
});

describe('legacyKey', () => {
  it('ignores the case of the path and the order and case of parameter names', () => {
    expect(legacyKey('/default.aspx?TabId=1&itemid=22')).toBe(legacyKey('/Default.aspx?ItemID=22&tabid=1'));
  });

  it('tells different parameter values apart', () => {
    expect(legacyKey('/Default.aspx?tabid=1')).not.toBe(legacyKey('/Default.aspx?tabid=2'));
  });

  it('reads %-escapes and + the way browsers send them', () => {
    expect(legacyKey('/tin-t%E1%BB%A9c/?q=h%E1%BB%8Dc+vi%E1%BB%87n')).toBe(legacyKey('/tin-tức/?q=học viện'));
  });
});

describe('locationOf', () => {
  it('gives a folder and its index.html the same location, whatever their case', () => {
    expect(locationOf('/tin-tuc/cu/')).toBe(locationOf('/Tin-Tuc/cu/index.html'));
    expect(locationOf('/bai-viet/le-khai-giang/')).toBe(locationOf('/bai-viet/le-khai-giang/index.html'));
  });

  it('keeps files and query addresses apart', () => {
    expect(locationOf('/Default.aspx?tabid=1')).not.toBe(locationOf('/Default.aspx'));
    expect(hasQuery('/Default.aspx?tabid=1')).toBe(true);
  });
});

describe('redirectsFile', () => {
  const file = redirectsFile([
    { from: '/tin-tuc/1234.html', to: '/bai-viet/hoc-vien-can-bo-bang-khen-2022/' },
    { from: '/Default.aspx?tabid=1&ItemID=22', to: '/bai-viet/le-khai-giang/' },
    { from: '/tin-tức/cũ/', to: '/bai-viet/le-khai-giang/' },
  ]);
  const lines = file.split('\n').filter((line) => line && !line.startsWith('#'));

  it('writes one permanent redirect per alias, sorted', () => {
    expect(lines).toEqual([
      '/Default.aspx tabid=1 ItemID=22 /bai-viet/le-khai-giang/ 301',
      '/tin-t%E1%BB%A9c/c%C5%A9/ /bai-viet/le-khai-giang/ 301',
      '/tin-tuc/1234.html /bai-viet/hoc-vien-can-bo-bang-khen-2022/ 301',
    ]);
  });

  it('ends with a newline', () => {
    expect(file.endsWith('\n')).toBe(true);
  });
});

describe('legacyLookup and lookupRedirect', () => {
  const lookup = legacyLookup([
    { from: '/tin-tuc/1234.html', to: '/bai-viet/hoc-vien-can-bo-bang-khen-2022/' },
    { from: '/Default.aspx?tabid=1&ItemID=22', to: '/bai-viet/le-khai-giang/' },
  ]);

  it('holds only the aliases with a query string', () => {
    expect(Object.values(lookup)).toEqual(['/bai-viet/le-khai-giang/']);
  });

  it('finds an address whatever the case and the order of its parameters', () => {
    expect(lookupRedirect(lookup, '/default.aspx', '?itemid=22&TABID=1')).toBe('/bai-viet/le-khai-giang/');
  });

  it('finds nothing for another address, nor for inherited object keys', () => {
    expect(lookupRedirect(lookup, '/Default.aspx', '?tabid=2')).toBeUndefined();
    expect(lookupRedirect(lookup, '/constructor', '')).toBeUndefined();
  });
});

describe('redirectPage', () => {
  const html = redirectPage(
    '/bai-viet/le-khai-giang/',
    'https://hocviencanbo.hochiminhcity.gov.vn/bai-viet/le-khai-giang/',
    {
      lang: 'vi',
      title: 'Tiêu đề "lạ" </title><script>alert(1)</script> | Học viện',
      heading: 'Bài viết đã chuyển sang địa chỉ mới',
      lead: 'Mời bạn đọc bài tại địa chỉ mới:',
      linkText: 'Lễ khai giảng <b>năm</b> "mới" & \'vui\'',
    },
  );
  const doc = parse(html);

  it('leaves at once for the story, names it as canonical and stays out of search engines', () => {
    expect(doc.querySelector('meta[http-equiv="refresh"]')?.getAttribute('content')).toBe(
      '0; url=/bai-viet/le-khai-giang/',
    );
    expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
      'https://hocviencanbo.hochiminhcity.gov.vn/bai-viet/le-khai-giang/',
    );
    expect(doc.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
    expect(doc.querySelector('html')?.getAttribute('lang')).toBe('vi');
  });

  it('shows a link to the story, its title as text', () => {
    const link = doc.querySelector('main a');
    expect(link?.getAttribute('href')).toBe('/bai-viet/le-khai-giang/');
    expect(link?.textContent).toBe('Lễ khai giảng <b>năm</b> "mới" & \'vui\'');
    expect(doc.querySelector('h1')?.textContent).toBe('Bài viết đã chuyển sang địa chỉ mới');
  });

  it('lets no title text become markup', () => {
    expect(doc.querySelectorAll('script')).toHaveLength(0);
    expect(doc.querySelectorAll('b')).toHaveLength(0);
    expect(doc.querySelector('title')?.textContent).toBe('Tiêu đề "lạ" </title><script>alert(1)</script> | Học viện');
  });
});
