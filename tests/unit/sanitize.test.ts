import rehypeParse from 'rehype-parse';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { rehypeTidy, sanitizeSchema, YOUTUBE_EMBED } from '../../src/lib/markdown/sanitize';

/** Raw HTML from an article body, as the site's pipeline leaves it. */
function clean(html: string): string {
  return String(
    unified()
      .use(rehypeParse, { fragment: true })
      .use(rehypeSanitize, sanitizeSchema)
      .use(rehypeTidy)
      .use(rehypeStringify)
      .processSync(html),
  ).trim();
}

describe('sanitizeSchema', () => {
  it('removes scripts, styles, SVG and forms together with their content', () => {
    expect(clean('<p>Trước</p><script>alert(1)</script><style>p{display:none}</style><p>Sau</p>')).toBe(
      '<p>Trước</p><p>Sau</p>',
    );
    expect(clean('<svg onload="alert(1)"><script>alert(2)</script><text>chữ</text></svg>')).toBe('');
    expect(
      clean(
        '<form action="https://x.example/"><label>Mật khẩu <input type="password"></label><button>Gửi</button></form>',
      ),
    ).toBe('');
  });

  it('drops event handlers and style attributes but keeps the element and its text', () => {
    expect(clean('<p onclick="alert(1)" style="color:red" title="Chú thích">Đoạn văn</p>')).toBe(
      '<p title="Chú thích">Đoạn văn</p>',
    );
  });

  it('drops javascript:, vbscript: and data: addresses, however they are spelled', () => {
    for (const href of [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      '&#106;avascript:alert(1)',
      '&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;:alert(1)',
      'jav&#x09;ascript:alert(1)',
      'vbscript:msgbox(1)',
      'data:text/html;base64,PHNjcmlwdD4=',
    ]) {
      expect(clean(`<a href="${href}">Liên kết</a>`), href).toBe('<a>Liên kết</a>');
    }
  });

  it('keeps web, mail and phone links, and relative ones', () => {
    expect(clean('<a href="https://hcmcpv.org.vn/">Cổng</a>')).toBe('<a href="https://hcmcpv.org.vn/">Cổng</a>');
    expect(clean('<a href="mailto:bbt@example.vn">Thư</a>')).toBe('<a href="mailto:bbt@example.vn">Thư</a>');
    expect(clean('<a href="tel:+842838123456">Gọi</a>')).toBe('<a href="tel:+842838123456">Gọi</a>');
    expect(clean('<a href="/bai-viet/khac/">Bài khác</a>')).toBe('<a href="/bai-viet/khac/">Bài khác</a>');
  });

  it('keeps figures, captions, tables, line breaks, sub, sup and mark', () => {
    const html =
      '<figure><img src="./anh.jpg" alt="Ảnh" width="800" height="600"><figcaption>Chú thích</figcaption></figure>' +
      '<table><caption>Bảng</caption><tbody><tr><th scope="row">Năm</th><td colspan="2">2024</td></tr></tbody></table>' +
      '<p>Dòng một<br>dòng hai, H<sub>2</sub>O, m<sup>2</sup>, <mark>nhấn</mark></p>';
    expect(clean(html)).toBe(html);
  });

  it('drops obsolete presentation, keyboard traps and name anchors', () => {
    expect(
      clean(
        '<table border="1" cellpadding="4" align="center"><tbody><tr><td valign="top" width="50">Ô</td></tr></tbody></table>',
      ),
    ).toBe('<table><tbody><tr><td>Ô</td></tr></tbody></table>');
    expect(clean('<a href="#" tabindex="3" accesskey="x" target="_blank">Phím</a>')).toBe('<a href="#">Phím</a>');
    expect(clean('<a name="muc-1">Mục</a>')).toBe('<a>Mục</a>');
  });

  it('prefixes ids from the body, so that no article can take the page’s own id="main"', () => {
    expect(clean('<h2 id="main">Tiêu đề</h2>')).toBe('<h2 id="user-content-main">Tiêu đề</h2>');
  });
});

describe('YOUTUBE_EMBED', () => {
  it('accepts only the no-cookie player with a video id and simple parameters', () => {
    expect(YOUTUBE_EMBED.test('https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ')).toBe(true);
    expect(YOUTUBE_EMBED.test('https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?start=30&rel=0')).toBe(true);
    expect(YOUTUBE_EMBED.test('https://www.youtube.com/embed/aqz-KE-bpKQ')).toBe(false);
    expect(YOUTUBE_EMBED.test('http://www.youtube-nocookie.com/embed/aqz-KE-bpKQ')).toBe(false);
    expect(YOUTUBE_EMBED.test('https://www.youtube-nocookie.com.evil.example/embed/x')).toBe(false);
    expect(YOUTUBE_EMBED.test('https://www.youtube-nocookie.com/embed/x"onload="alert(1)')).toBe(false);
  });
});

describe('rehypeTidy', () => {
  it('keeps a no-cookie YouTube embed, titled, lazy and without fallback text', () => {
    expect(
      clean(
        '<iframe src="https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ" width="560" height="315">xem video</iframe>',
      ),
    ).toBe(
      '<iframe src="https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ" width="560" height="315" title="Video" loading="lazy" referrerpolicy="strict-origin-when-cross-origin" allow="encrypted-media; picture-in-picture; fullscreen"></iframe>',
    );
  });

  it('removes embeds from anywhere else and images whose address was unsafe', () => {
    expect(clean('<iframe src="https://www.youtube.com/embed/aqz-KE-bpKQ" title="Có cookie"></iframe>')).toBe('');
    expect(clean('<iframe srcdoc="<script>alert(1)</script>"></iframe>')).toBe('');
    expect(clean('<p>Ảnh: <img src="javascript:alert(1)" alt="x"> hết</p>')).toBe('<p>Ảnh:  hết</p>');
    expect(clean('<img src="http://khong-an-toan.example/a.jpg" alt="x">')).toBe('');
  });

  it('removes a figure left without its picture, and paragraphs left empty', () => {
    expect(
      clean('<figure><img src="data:image/png;base64,AAAA" alt="x"><figcaption>Chú thích</figcaption></figure>'),
    ).toBe('');
    expect(clean('<p><script>alert(1)</script></p><p>Còn lại</p>')).toBe('<p>Còn lại</p>');
    expect(clean('<figure><blockquote>Trích dẫn</blockquote><figcaption>Nguồn</figcaption></figure>')).toBe(
      '<figure><blockquote>Trích dẫn</blockquote><figcaption>Nguồn</figcaption></figure>',
    );
  });

  it('points in-page links at the prefixed ids, and leaves links to ids of the page itself alone', () => {
    expect(
      clean('<p><a href="#muc-2">Xuống mục 2</a> <a href="#main">Đầu trang</a></p><h2 id="muc-2">Mục 2</h2>'),
    ).toBe(
      '<p><a href="#user-content-muc-2">Xuống mục 2</a> <a href="#main">Đầu trang</a></p><h2 id="user-content-muc-2">Mục 2</h2>',
    );
  });

  it('turns GFM column alignment into classes: align is obsolete and style attributes are refused', () => {
    expect(
      clean(
        '<table><tbody><tr><td align="right">12</td><td align="center">A</td><td align="justify">B</td></tr></tbody></table>',
      ),
    ).toBe(
      '<table><tbody><tr><td class="align-right">12</td><td class="align-center">A</td><td>B</td></tr></tbody></table>',
    );
  });
});
