import { describe, expect, it } from 'vitest';
import { mailtoLink, paths, shareLinks, telLink } from '../../src/lib/discovery/paths';

const URL_WITH_MARKS = 'https://hocviencanbo.hochiminhcity.gov.vn/bai-viet/le-khai-giang/?a=1&b=2#đầu';

describe('paths', () => {
  it('puts standing pages at the top level and attachments beside their article', () => {
    expect(paths.page('gioi-thieu')).toBe('/gioi-thieu/');
    expect(paths.page('en')).toBe('/en/');
    expect(paths.attachment('le-khai-giang', 'ke-hoach.pdf')).toBe('/bai-viet/le-khai-giang/ke-hoach.pdf');
    expect(paths.shareImage('le-khai-giang')).toBe('/bai-viet/le-khai-giang/anh-chia-se.png');
  });
});

describe('shareLinks', () => {
  it('carries the whole address as one encoded parameter, whatever it contains', () => {
    const facebook = new URL(shareLinks.facebook(URL_WITH_MARKS));
    expect(facebook.origin).toBe('https://www.facebook.com');
    expect(facebook.searchParams.get('u')).toBe(URL_WITH_MARKS);
    expect([...facebook.searchParams.keys()]).toEqual(['u']);
    const zalo = new URL(shareLinks.zalo(URL_WITH_MARKS));
    expect(zalo.searchParams.get('url')).toBe(URL_WITH_MARKS);
  });

  it('writes an e-mail with the title as subject and the address as body', () => {
    const title = 'Lễ khai giảng & "năm học" mới?';
    const mail = shareLinks.email(URL_WITH_MARKS, title);
    expect(mail.startsWith('mailto:?')).toBe(true);
    const params = new URLSearchParams(mail.slice('mailto:?'.length));
    expect(params.get('subject')).toBe(title);
    expect(params.get('body')).toBe(URL_WITH_MARKS);
    expect(mail).not.toContain(' ');
  });
});

describe('telLink and mailtoLink', () => {
  it('dial the number as written in E.164, without spaces or brackets', () => {
    expect(telLink('+84 (28) 3841 2384')).toBe('tel:+842838412384');
  });

  it('write to the address', () => {
    expect(mailtoLink('hocviencanbo@tphcm.gov.vn')).toBe('mailto:hocviencanbo@tphcm.gov.vn');
  });
});
