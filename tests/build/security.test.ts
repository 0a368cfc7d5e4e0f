import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HTMLElement, parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSiteAsync, fixtureOutDir, page, projectRoot, textOf } from '../support/build';
import { checkLinks, htmlErrors } from '../support/site-checks';
import { routeOf, siteFiles, sitePages } from '../support/site-files';

const attacksDir = join(projectRoot, 'tests/fixtures/attacks');
let attacksOut: string;

// The frontmatter of the attack article (tests/fixtures/attacks), as the editor typed it.
const TITLE = `Tiêu đề </script><script>alert("tieu-de")</script> có "ngoặc kép", 'nháy đơn' & dấu và`;
const SUMMARY = `Tóm tắt </script><script>alert("tom-tat")</script> có "ngoặc kép" & <b>thẻ</b>`;
const ATTACK = '/bai-viet/bai-tan-cong/';
const ALLOWED = '/bai-viet/noi-dung-hop-le/';

/** What the attack article tries, one line each: the closing report counts them. */
const ATTACKS = [
  'inline <script>',
  '<SCRIPT SRC> from another host',
  'inline module script',
  'img onerror / onload',
  'img with a data: SVG',
  'Markdown image with a javascript: URL',
  'onclick / onmouseover on a paragraph',
  'Markdown link to javascript:',
  'autolink <javascript:…>',
  'a href="javascript:…"',
  'javascript: as decimal entities',
  'javascript: as hex entities',
  'javascript: split by an encoded tab',
  'javascript: split by an encoded newline',
  'javascript: with a leading space and mixed case',
  'vbscript: link',
  'data:text/html link',
  'target=_blank, onfocus and style on an internal link',
  '<style> hiding the page',
  'style attribute covering the page',
  'SVG with onload, <script> and xlink:href',
  'MathML mutation-XSS nesting',
  '<noscript> attribute breakout',
  'form posting a password to another host, formaction javascript:',
  'autofocus input with onfocus',
  'textarea and select',
  'iframe from another host',
  'iframe from youtube.com (with cookies)',
  'iframe srcdoc with a script',
  'iframe with a javascript: src',
  '<object> and <embed>',
  '<meta http-equiv=refresh> to another host',
  '<base href> to another host',
  'external stylesheet <link>',
  '<details ontoggle>',
  '<video> with javascript: poster and onerror',
  '<table background="javascript:…">',
  'script inside an HTML comment',
  'custom element with onclick',
  'accesskey and positive tabindex',
  'heading taking the page’s id="main"',
  'title, summary, author, source, photo credit and tag with </script>, quotes and &',
];

const URL_ATTRIBUTES = [
  'href',
  'src',
  'action',
  'formaction',
  'xlink:href',
  'poster',
  'background',
  'data',
  'srcdoc',
  'srcset',
  'content',
];
const FORBIDDEN_ANYWHERE = ['object', 'embed', 'applet', 'frame', 'frameset', 'base'];
const FORBIDDEN_IN_BODY_TEXT = [
  'style',
  'link',
  'meta',
  'svg',
  'math',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'noscript',
  'template',
  'iframe',
];
const YOUTUBE_NOCOOKIE = /^https:\/\/www\.youtube-nocookie\.com\/embed\/[\w-]+(\?[^"<>]*)?$/;

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** The page's Content-Security-Policy, directive → sources. */
function policyOf(root: HTMLElement): Map<string, string[]> {
  const content = root.querySelector('meta[http-equiv="content-security-policy"]')?.getAttribute('content') ?? '';
  return new Map(
    content
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

/** Everything on a built page that could run code, as readable findings (empty when clean). */
function executableFindings(html: string): string[] {
  const root = parse(html, { comment: true });
  const findings: string[] = [];
  const scriptSources = policyOf(root).get('script-src') ?? [];
  for (const element of root.querySelectorAll('*')) {
    const tag = element.tagName.toLowerCase();
    for (const [name, value] of Object.entries(element.attributes)) {
      const attribute = name.toLowerCase();
      if (attribute.startsWith('on')) findings.push(`<${tag} ${attribute}>`);
      if (attribute === 'style') findings.push(`<${tag} style>`);
      if (attribute === 'srcdoc') findings.push(`<${tag} srcdoc>`);
      if (URL_ATTRIBUTES.includes(attribute)) {
        // Browsers drop ASCII whitespace and control characters inside a scheme.
        // eslint-disable-next-line no-control-regex -- control characters are what is removed
        const squeezed = value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
        if (/^(javascript|vbscript|data):/.test(squeezed)) findings.push(`<${tag} ${attribute}="${value}">`);
      }
    }
    if (tag === 'script') {
      const type = element.getAttribute('type');
      const src = element.getAttribute('src');
      if (type === 'application/ld+json') {
        try {
          JSON.parse(element.innerHTML);
        } catch {
          findings.push('JSON-LD that does not parse');
        }
      } else if (src !== undefined) {
        if (!src.startsWith('/_astro/')) findings.push(`<script src="${src}">`);
      } else if (!scriptSources.includes(sha256(element.innerHTML))) {
        findings.push(`inline <script> not hashed in the CSP: ${element.innerHTML.slice(0, 60)}`);
      }
    }
    if (FORBIDDEN_ANYWHERE.includes(tag)) findings.push(`<${tag}>`);
    if (tag === 'iframe' && !YOUTUBE_NOCOOKIE.test(element.getAttribute('src') ?? '')) {
      findings.push(`<iframe src="${element.getAttribute('src') ?? ''}">`);
    }
    if (tag === 'meta' && element.getAttribute('http-equiv')?.toLowerCase() === 'refresh' && element.closest('body')) {
      findings.push('<meta http-equiv=refresh> in the body');
    }
  }
  for (const prose of root.querySelectorAll('.prose')) {
    for (const tag of FORBIDDEN_IN_BODY_TEXT) {
      for (const element of prose.querySelectorAll(tag)) {
        if (tag === 'iframe' && YOUTUBE_NOCOOKIE.test(element.getAttribute('src') ?? '')) continue;
        findings.push(`<${tag}> in the article body`);
      }
    }
  }
  return findings;
}

function htmlOf(outDir: string, path: string): string {
  return readFileSync(join(outDir, path.endsWith('/') ? `${path}index.html` : path), 'utf8');
}

beforeAll(async () => {
  const result = await buildSiteAsync(attacksDir, 'attacks');
  expect(result.status, result.output).toBe(0);
  attacksOut = result.outDir;
});

describe('raw HTML in an article', () => {
  it('lets nothing executable from the attack article reach any built page', async () => {
    const findings = sitePages(attacksOut).flatMap((path) =>
      executableFindings(htmlOf(attacksOut, path)).map((finding) => `${path}: ${finding}`),
    );
    expect(findings).toEqual([]);
    console.info(`attacks: ${ATTACKS.length} tried, ${findings.length} survived`);
  });

  it('keeps the harmless text of the attacks and drops their markup', async () => {
    const prose = page(attacksOut, ATTACK).querySelector('.prose');
    const text = textOf(prose);
    expect(text).toContain('Đoạn có thuộc tính sự kiện.');
    expect(text).toContain('Phủ kín trang');
    expect(text).toContain('Đoạn kết bình thường.');
    // A stylesheet, a form or an SVG is removed with its content, not shown as text.
    expect(text).not.toContain('display: none');
    expect(text).not.toContain('Mật khẩu');
    expect(text).not.toContain('SVG');
    // Links to javascript:, vbscript: and data: keep their words but lose their address.
    const dead = prose?.querySelectorAll('a').filter((a) => a.getAttribute('href') === undefined) ?? [];
    expect(dead.map((a) => textOf(a))).toEqual(
      expect.arrayContaining(['Liên kết javascript', 'Mã hóa thập phân', 'Ký tự tab', 'VBScript', 'Liên kết data']),
    );
    expect(prose?.querySelectorAll('img').map((img) => img.getAttribute('src'))).toEqual(['/favicon.svg']);
    expect(prose?.querySelectorAll('[tabindex], [accesskey], [target]')).toHaveLength(0);
  });

  it('cannot take the id of the page’s main landmark away from the skip link', async () => {
    const article = page(attacksOut, ATTACK);
    expect(article.querySelectorAll('[id="main"]').map((element) => element.tagName)).toEqual(['MAIN']);
    expect(article.querySelector('.prose h2')?.getAttribute('id')).toBe('user-content-main');
  });

  it('keeps what news needs: figures, tables, line breaks, sub/sup, mark, heading ids and no-cookie YouTube', async () => {
    const prose = page(attacksOut, ALLOWED).querySelector('.prose')!;
    const figure = prose.querySelector('figure');
    expect(figure?.querySelector('img')?.getAttribute('alt')).toBe('Học viên trong giờ học');
    expect(figure?.querySelector('img')?.getAttribute('src')).toMatch(/^\/_astro\/anh-1\.[\w-]+\.webp$/);
    expect(textOf(figure?.querySelector('figcaption'))).toBe('Học viên trong giờ học');
    // Five headings of the text and the footnotes' heading.
    expect(prose.querySelectorAll('h2').map((h2) => h2.getAttribute('id'))).toHaveLength(6);
    expect(prose.querySelectorAll('h2').every((h2) => (h2.getAttribute('id') ?? '') !== '')).toBe(true);
    expect(prose.querySelectorAll('br')).toHaveLength(1);
    expect(textOf(prose.querySelector('sub'))).toBe('2');
    expect(textOf(prose.querySelector('sup'))).toBe('2');
    expect(textOf(prose.querySelector('mark'))).toBe('điểm nhấn');
    expect(textOf(prose.querySelector('table caption'))).toBe('Số học viên theo năm');
    expect(prose.querySelector('th[scope="col"]')).not.toBeNull();
    // GFM column alignment arrives as a class: `align` is obsolete and the CSP refuses style attributes.
    expect(prose.querySelectorAll('.align-right').map((cell) => textOf(cell))).toEqual(['Số lớp', '12', '15']);
    expect(prose.querySelectorAll('[align]')).toHaveLength(0);
    expect(textOf(prose.querySelector('figure blockquote'))).toBe('Học để làm việc, làm người, làm cán bộ.');
    const frames = prose.querySelectorAll('iframe');
    expect(frames.map((frame) => frame.getAttribute('src'))).toEqual([
      'https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ',
      'https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?start=30',
    ]);
    expect(frames.map((frame) => frame.getAttribute('title'))).toEqual(['Video lễ khai giảng', 'Video']);
    expect(frames.every((frame) => frame.getAttribute('loading') === 'lazy')).toBe(true);
    expect(prose.querySelectorAll('a').map((a) => a.getAttribute('href'))).toEqual(
      expect.arrayContaining(['/bai-viet/bai-tan-cong/', 'mailto:banbientap@example.vn', 'tel:+842838123456']),
    );
  });

  it('keeps footnotes and an editor’s own in-page links working once ids are prefixed', async () => {
    const prose = page(attacksOut, ALLOWED).querySelector('.prose')!;
    const call = prose.querySelector('sup a');
    const note = prose.querySelector(`[id="${call?.getAttribute('href')?.slice(1)}"]`);
    expect(textOf(note)).toContain('Số liệu tính đến tháng 5/2024.');
    const back = note?.querySelector('a[href^="#"]');
    expect(back?.getAttribute('aria-label')).toBe('Quay lại chỗ dẫn chú thích 1');
    expect(back?.getAttribute('href')).toBe(`#${call?.getAttribute('id')}`);
    expect(textOf(prose.querySelector('.footnotes h2'))).toBe('Chú thích');
    const toc = prose.querySelectorAll('a').find((a) => textOf(a) === 'phần bảng');
    expect(textOf(prose.querySelector(`[id="${toc?.getAttribute('href')?.slice(1)}"]`))).toBe(
      'Mục có id do biên tập viên đặt',
    );
  });

  it('leaves the attack site valid HTML with no broken link', async () => {
    expect((await htmlErrors(attacksOut)).errors).toEqual([]);
    expect(checkLinks(attacksOut).broken).toEqual([]);
  });
});

describe('text from frontmatter', () => {
  it('shows a title with </script>, quotes and & as text in the headline, tab title, breadcrumb and previews', async () => {
    const article = page(attacksOut, ATTACK);
    expect(textOf(article.querySelector('h1'))).toBe(TITLE);
    expect(article.querySelector('title')?.textContent).toBe(`${TITLE} | Học viện Cán bộ TP.HCM`);
    expect(textOf(article.querySelector('.breadcrumb [aria-current]'))).toBe(TITLE);
    expect(article.querySelector('meta[property="og:title"]')?.getAttribute('content')).toBe(TITLE);
    expect(article.querySelector('meta[name="description"]')?.getAttribute('content')).toBe(SUMMARY);
    expect(article.querySelector('meta[property="og:description"]')?.getAttribute('content')).toBe(SUMMARY);
    expect(textOf(article.querySelector('.credits__author'))).toBe(
      'Tin: Phóng viên "A" & <script>alert("tac-gia")</script>',
    );
    expect(textOf(article.querySelector('.credits__source'))).toBe(
      '(thêm nguồn từ </title><script>alert("nguon")</script>)',
    );
    expect(textOf(article.querySelector('.credits__photo'))).toBe('Ảnh: "><img src=x onerror=alert("anh")>');
    expect(article.querySelectorAll('.tags a').map((a) => textOf(a))).toContain(
      'An ninh "mạng" & <script>alert("the")</script>',
    );
    expect(textOf(page(attacksOut, `${ATTACK}ban-in/`).querySelector('h1'))).toBe(TITLE);
  });

  it('shows the title as text on every page that lists the article', async () => {
    const listing = sitePages(attacksOut).filter(
      (path) => !path.startsWith('/bai-viet/') && path !== '/404.html' && path !== '/luu-tru/',
    );
    const listed = listing.filter((path) =>
      page(attacksOut, path)
        .querySelectorAll(`a[href="${ATTACK}"]`)
        .some((link) => textOf(link) === TITLE),
    );
    // Home, year and month archives, its category and both of its tags.
    expect(listed).toEqual(
      expect.arrayContaining(['/', '/luu-tru/2024/', '/luu-tru/2024/05/', '/chuyen-muc/thong-bao/', '/the/kiem-thu/']),
    );
    expect(listed.some((path) => path.startsWith('/the/an-ninh-mang'))).toBe(true);
  });

  it('keeps the title intact in every JSON-LD block, and unescaped markup out of every file', async () => {
    for (const path of sitePages(attacksOut)) {
      for (const block of parse(htmlOf(attacksOut, path)).querySelectorAll('script[type="application/ld+json"]')) {
        const json = JSON.stringify(JSON.parse(block.innerHTML));
        if (path === ATTACK) expect(json).toContain(JSON.stringify(TITLE).slice(1, -1));
      }
    }
    // In HTML, markup inside a quoted attribute is inert text: look at the parsed scripts instead.
    // JSON-LD may quote the title (as data), but never with a "<" that could end its script.
    for (const path of sitePages(attacksOut)) {
      const scripts = parse(htmlOf(attacksOut, path)).querySelectorAll('script');
      const code = scripts.filter((script) => script.getAttribute('type') !== 'application/ld+json');
      expect(
        code.map((script) => script.innerHTML).filter((text) => text.includes('alert(')),
        path,
      ).toEqual([]);
      const data = scripts.filter((script) => script.getAttribute('type') === 'application/ld+json');
      expect(
        data.map((script) => script.innerHTML).filter((text) => text.includes('<')),
        path,
      ).toEqual([]);
    }
    // Feeds, JSON and scripts have no such attribute context: the raw markup must not be there at all.
    const otherText = siteFiles(attacksOut).filter((file) => /\.(xml|json|js|txt)$/.test(file) || !file.includes('.'));
    for (const file of otherText) {
      const content = readFileSync(join(attacksOut, file), 'utf8');
      expect(content.includes('<script>alert('), file).toBe(false);
      expect(content.includes('<img src=x onerror='), file).toBe(false);
    }
  });
});

describe('the Content-Security-Policy', () => {
  const sites = () => [
    { name: 'fixture', outDir: fixtureOutDir },
    { name: 'attacks', outDir: attacksOut },
  ];

  it('comes first in the head of every page and allows no inline code it does not name', async () => {
    for (const { outDir } of sites()) {
      for (const path of sitePages(outDir)) {
        const root = parse(htmlOf(outDir, path));
        const head = root.querySelector('head')!;
        const metas = root.querySelectorAll('meta[http-equiv="content-security-policy"]');
        expect(metas, path).toHaveLength(1);
        const order = head.childNodes.filter((node): node is HTMLElement => node instanceof HTMLElement);
        const cspIndex = order.indexOf(metas[0]!);
        // JSON-LD is data the browser never runs, so it may come before the policy.
        const firstCode = order.findIndex(
          (element) =>
            (element.tagName === 'SCRIPT' && element.getAttribute('type') !== 'application/ld+json') ||
            element.tagName === 'STYLE' ||
            (element.tagName === 'LINK' && /stylesheet|preload/.test(element.getAttribute('rel') ?? '')),
        );
        expect(cspIndex, path).toBeGreaterThanOrEqual(0);
        expect(cspIndex < firstCode || firstCode === -1, path).toBe(true);
        const policy = policyOf(root);
        expect(policy.get('default-src'), path).toEqual(["'self'"]);
        expect(policy.get('object-src'), path).toEqual(["'none'"]);
        expect(policy.get('base-uri'), path).toEqual(["'self'"]);
        const scripts = policy.get('script-src') ?? [];
        const styles = policy.get('style-src') ?? [];
        expect(scripts, path).not.toContain("'unsafe-inline'");
        expect(scripts, path).not.toContain("'unsafe-eval'");
        expect(styles, path).not.toContain("'unsafe-inline'");
        for (const style of root.querySelectorAll('style')) expect(styles, path).toContain(sha256(style.innerHTML));
        for (const script of root.querySelectorAll('script:not([src]):not([type="application/ld+json"])')) {
          expect(scripts, path).toContain(sha256(script.innerHTML));
        }
      }
    }
  });

  it('leaves scripts to articles (copy link), the print view, the search page and the 404 page: every other page ships none', async () => {
    const mayRun = new Set([
      'bai-viet/[slug]/index.astro',
      'bai-viet/[slug]/ban-in.astro',
      'tim-kiem/index.astro',
      'tim-kiem.astro',
      '404.astro',
    ]);
    for (const { outDir } of sites()) {
      const pages = sitePages(outDir);
      const withScripts = pages.filter(
        (path) => parse(htmlOf(outDir, path)).querySelectorAll('script:not([type="application/ld+json"])').length > 0,
      );
      expect(withScripts.filter((path) => !mayRun.has(routeOf(path)))).toEqual([]);
      // The print button is a script, so the check above has something to find.
      expect(withScripts).toContain(`${pages.find((path) => path.endsWith('/ban-in/'))}`);
      // An article page runs the copy-link script and nothing else.
      for (const path of withScripts.filter((path) => routeOf(path) === 'bai-viet/[slug]/index.astro')) {
        const scripts = parse(htmlOf(outDir, path)).querySelectorAll('script:not([type="application/ld+json"])');
        expect(
          scripts.map((script) => script.innerHTML.includes('[data-copy-link]')),
          path,
        ).toEqual([true]);
      }
    }
  });

  it('finds nothing executable on any page of the fixture site either', async () => {
    const findings = sitePages(fixtureOutDir).flatMap((path) =>
      executableFindings(htmlOf(fixtureOutDir, path)).map((finding) => `${path}: ${finding}`),
    );
    expect(findings).toEqual([]);
  });
});
