import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../cli/cli';
import { buildSiteAsync, projectRoot, readPage, tmpRoot, type BuildResult } from '../support/build';

// Stories an editor, a web form or an old export could hand the site by mistake or on purpose.
// Each must be refused by `npm run check` and by the build alike, with one Vietnamese line naming
// the file and the field; none may crash either, reach outside the content root or plant a script.

const article = (frontmatter: string, body = 'Nội dung bài viết.') => `---\n${frontmatter}\n---\n\n${body}\n`;
const ROOT = join(tmpRoot, 'hostile');
const OUTSIDE = join(tmpRoot, 'hostile-outside');
const shownRoot = 'tests/.tmp/hostile/articles';

/** A YAML frontmatter whose aliases expand to 9^9 strings. */
const yamlBomb = () => {
  const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let level = 1; level <= 8; level += 1) {
    const name = String.fromCharCode(97 + level);
    const previous = String.fromCharCode(96 + level);
    levels.push(`${name}: &${name} [${Array.from({ length: 9 }, () => `*${previous}`).join(',')}]`);
  }
  return article(`title: Bom YAML\ndate: '01/03/2024'\n${levels.join('\n')}`);
};

/** Each bad story, by path below `articles/`, with the field and a phrase its message must hold. */
const BAD: Record<string, { field: string; says: string }> = {
  '2024/2024-03-01-bom-yaml.md': { field: 'frontmatter', says: 'quá nhiều tham chiếu YAML' },
  '2024/2024-03-02-web-config.md': { field: 'aliases', says: '"/web.config" trùng tệp đặc biệt của máy chủ' },
  '2024/2024-03-03-htaccess.md': { field: 'aliases', says: '"/.htaccess" trùng tệp đặc biệt' },
  '2024/2024-03-04-well-known.md': { field: 'aliases', says: '"/.well-known/security.txt" trùng tệp đặc biệt' },
  '2024/2024-03-05-anh-bia-ngoai/index.md': { field: 'cover.src', says: 'nằm ngoài thư mục nội dung' },
  '2024/2024-03-06-anh-passwd/index.md': { field: 'body', says: 'nằm ngoài thư mục nội dung' },
  '2024/2024-03-07-lien-ket.md': { field: 'file', says: 'nằm ngoài thư mục nội dung' },
  '2024/2024-03-08-windows-1258.md': { field: 'file', says: 'bảng mã cũ Windows-1258' },
  '2024/2024-03-09-loi-ma.md': { field: 'file', says: 'mã hóa UTF-8 hai lần' },
  '2024/2024-03-10-utf-16.md': { field: 'file', says: 'UTF-16' },
  '2024/2024-03-11-nhi-phan.md': { field: 'file', says: 'không phải văn bản thuần' },
  '2024/2024-03-12-cr.md': { field: 'file', says: 'CR' },
  '2024/2024-03-13-nam-0023.md': { field: 'date', says: 'sớm hơn năm 1945' },
  '2024/2024-03-14-nam-9999.md': { field: 'date', says: 'muộn hơn hôm nay' },
  '2024/2024-03-15-nam-5-chu-so.md': { field: 'date', says: 'đúng 4 chữ số' },
  '2024/2024-03-16-tu-khoa-rong.md': { field: 'tags', says: '"🎓" không có chữ cái' },
  '2024/2024-03-17-long-nhau.md': { field: 'body', says: 'lồng nhau quá sâu' },
  '2024/2024-03-18-svg/index.md': { field: 'body', says: 'SVG' },
  '2024/2024-03-19-pdf-bia/index.md': { field: 'cover.src', says: 'không phải ảnh dùng được' },
  '2024/2024-03-20-jpeg-hong/index.md': { field: 'cover.src', says: 'hỏng' },
  '2024/2024-03-21-tep-word/index.md': { field: 'body', says: 'không phải ảnh dùng được' },
  '2024/2024-03-22-dia-chi-sao.md': { field: 'aliases', says: '"/*"' },
  '2024/2024-03-23-dia-chi-hai-cham.md': { field: 'aliases', says: 'dấu ":"' },
  '2024/2024-03-24-dia-chi-null.md': { field: 'aliases', says: 'ký tự điều khiển' },
  '2024/2024-03-25-dia-chi-dai.md': { field: 'aliases', says: 'quá dài' },
  '2024/2024-03-26-trong-rss.md': { field: 'aliases', says: 'bản tin RSS' },
  '2024/2024-03-27-trong-logo.md': { field: 'aliases', says: 'logo' },
  '2024/2024-03-28-tep-va-thu-muc.md': { field: 'aliases', says: 'vừa là tệp vừa là thư mục' },
  '2024/2024-03-29-thieu-dong-dong.md': { field: 'frontmatter', says: 'thiếu dòng --- đóng' },
  '2024/2024-03-30-dau-thang#1.md': { field: 'file', says: '"#"' },
  '2024/2024-03-31-qua-lon.md': { field: 'file', says: 'quá giới hạn' },
};

/** The story files written to the content root (the bad ones and a good one). */
async function writeContent(): Promise<void> {
  rmSync(ROOT, { recursive: true, force: true });
  rmSync(OUTSIDE, { recursive: true, force: true });
  mkdirSync(OUTSIDE, { recursive: true });
  const photo = await sharp({ create: { width: 32, height: 24, channels: 3, background: '#0a4' } })
    .jpeg()
    .toBuffer();
  const files: Record<string, string | Uint8Array> = {
    '2024/2024-02-01-bai-tot.md': article("title: Bài tốt\ndate: '01/02/2024'\naliases: [/x.html]"),
    '2024/2024-03-01-bom-yaml.md': yamlBomb(),
    '2024/2024-03-02-web-config.md': article("title: A\ndate: '02/03/2024'\naliases: [/web.config]"),
    '2024/2024-03-03-htaccess.md': article("title: A\ndate: '03/03/2024'\naliases: [/.htaccess]"),
    '2024/2024-03-04-well-known.md': article("title: A\ndate: '04/03/2024'\naliases: [/.well-known/security.txt]"),
    '2024/2024-03-05-anh-bia-ngoai/index.md': article(
      "title: A\ndate: '05/03/2024'\ncover: {src: ../../../../hostile-outside/bi-mat-noi-bo.jpg, alt: Ảnh}",
    ),
    '2024/2024-03-06-anh-passwd/index.md': article(
      "title: A\ndate: '06/03/2024'",
      '![Ảnh](../../../../../../../../../etc/passwd "x")',
    ),
    '2024/2024-03-08-windows-1258.md': new Uint8Array([
      ...Buffer.from('---\ntitle: H'),
      0xf4,
      0xf2,
      ...Buffer.from('i ngh'),
      0x69,
      0xf2,
      ...Buffer.from("\ndate: '08/03/2024'\n---\n\nN"),
      0xf4,
      0xec,
      ...Buffer.from('i dung.\n'),
    ]),
    '2024/2024-03-09-loi-ma.md': article("title: Há»™i nghá»‹ tá»•ng káº¿t\ndate: '09/03/2024'"),
    '2024/2024-03-10-utf-16.md': new Uint8Array([
      0xff,
      0xfe,
      ...Buffer.from(article("title: A\ndate: '10/03/2024'"), 'utf16le'),
    ]),
    '2024/2024-03-11-nhi-phan.md': photo,
    '2024/2024-03-12-cr.md': article("title: A\ndate: '12/03/2024'").replace(/\n/g, '\r'),
    '2024/2024-03-13-nam-0023.md': article("title: A\ndate: '16/02/0023'"),
    '2024/2024-03-14-nam-9999.md': article("title: A\ndate: '01/01/9999'"),
    '2024/2024-03-15-nam-5-chu-so.md': article("title: A\ndate: '15/02/20234'"),
    '2024/2024-03-16-tu-khoa-rong.md': article("title: A\ndate: '16/03/2024'\ntags: ['🎓', 'Đào tạo']"),
    '2024/2024-03-17-long-nhau.md': article("title: A\ndate: '17/03/2024'", `${'> '.repeat(5000)}Trích dẫn.`),
    '2024/2024-03-18-svg/index.md': article("title: A\ndate: '18/03/2024'", '![Biểu đồ](./bieu-do.svg)'),
    '2024/2024-03-18-svg/bieu-do.svg':
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.domain)</script></svg>',
    '2024/2024-03-19-pdf-bia/index.md': article("title: A\ndate: '19/03/2024'\ncover: {src: ./bia.pdf, alt: Bìa}"),
    '2024/2024-03-19-pdf-bia/bia.pdf': '%PDF-1.4\n%âãÏÓ\n',
    '2024/2024-03-20-jpeg-hong/index.md': article("title: A\ndate: '20/03/2024'\ncover: {src: ./anh.jpg, alt: Ảnh}"),
    '2024/2024-03-20-jpeg-hong/anh.jpg': photo.subarray(0, 60),
    '2024/2024-03-21-tep-word/index.md': article("title: A\ndate: '21/03/2024'", '![Bảng](./bang.docx)'),
    '2024/2024-03-21-tep-word/bang.docx': 'PK\u0003\u0004',
    '2024/2024-03-22-dia-chi-sao.md': article("title: A\ndate: '22/03/2024'\naliases: ['/*']"),
    '2024/2024-03-23-dia-chi-hai-cham.md': article(
      "title: A\ndate: '23/03/2024'\naliases: [/tin-tuc/chi-tiet:12.html]",
    ),
    '2024/2024-03-24-dia-chi-null.md': article("title: A\ndate: '24/03/2024'\naliases: ['/tin-tuc/a%00.html']"),
    '2024/2024-03-25-dia-chi-dai.md': article(
      `title: A\ndate: '25/03/2024'\naliases: ['/tin-tuc/${'a'.repeat(300)}.html']`,
    ),
    '2024/2024-03-26-trong-rss.md': article("title: A\ndate: '26/03/2024'\naliases: [/rss.xml/x.html]"),
    '2024/2024-03-27-trong-logo.md': article("title: A\ndate: '27/03/2024'\naliases: [/logo.png/]"),
    '2024/2024-03-28-tep-va-thu-muc.md': article("title: A\ndate: '28/03/2024'\naliases: [/x.html/y.html]"),
    '2024/2024-03-29-thieu-dong-dong.md': "---\ntitle: A\ndate: '29/03/2024'\n\nNội dung.\n",
    '2024/2024-03-30-dau-thang#1.md': article("title: A\ndate: '30/03/2024'"),
    '2024/2024-03-31-qua-lon.md': article("title: A\ndate: '31/03/2024'", 'Đoạn văn dài.\n\n'.repeat(300_000)),
  };
  for (const [path, content] of Object.entries(files)) {
    const file = join(ROOT, 'articles', path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  writeFileSync(join(OUTSIDE, 'bi-mat-noi-bo.jpg'), photo);
  writeFileSync(join(OUTSIDE, 'bi-mat.md'), article("title: BẢN NHÁP MẬT\ndate: '01/03/2024'"));
  symlinkSync(join(OUTSIDE, 'bi-mat.md'), join(ROOT, 'articles/2024/2024-03-07-lien-ket.md'));
}

describe('hostile and broken stories', () => {
  let check: CliResult;
  let build: BuildResult;
  /** The problem lines of an output (warnings, which only check prints, left out). */
  const linesOf = (text: string) =>
    text.split('\n').filter((line) => line.startsWith(shownRoot) && !/: (cảnh báo|gợi ý): /.test(line));

  beforeAll(async () => {
    await writeContent();
    check = await runCli('check', [], { BANTIN_CONTENT_DIR: 'tests/.tmp/hostile' });
    build = await buildSiteAsync(join(projectRoot, 'tests/.tmp/hostile'), 'hostile-out');
  });

  it('fail npm run check and the build, with no crash and no stack trace', async () => {
    expect(check.status, check.lines.join('\n')).toBe(1);
    expect(build.status, build.output).toBe(1);
    for (const output of [check.lines.join('\n'), build.output]) {
      expect(output).not.toMatch(/Stack trace|heap out of memory|RangeError|TypeError|\n\s+at /);
    }
  });

  it('are refused by check and the build with the same lines', async () => {
    expect(linesOf(build.output).sort()).toEqual(linesOf(check.lines.join('\n')).sort());
  });

  it.each(Object.entries(BAD))('%s: named with its field, in Vietnamese', async (path, { field, says }) => {
    const line = linesOf(check.lines.join('\n')).find((candidate) =>
      candidate.startsWith(`${shownRoot}/${path}: ${field}: `),
    );
    expect(line, check.lines.join('\n')).toBeDefined();
    expect(line).toContain(says);
  });

  it('leave the good story unreported, and publish nothing', async () => {
    expect(
      linesOf(check.lines.join('\n')).some((line) => line.startsWith(`${shownRoot}/2024/2024-02-01-bai-tot.md`)),
    ).toBe(false);
    expect(existsSync(join(build.outDir, 'index.html'))).toBe(false);
  });

  it('give check a message, not a crash, within 512 MB of memory', async () => {
    const small = await runCli('check', [], {
      BANTIN_CONTENT_DIR: 'tests/.tmp/hostile',
      NODE_OPTIONS: '--max-old-space-size=512',
    });
    expect(small.status).toBe(1);
    expect(small.lines.join('\n')).toContain('quá nhiều tham chiếu YAML');
  });
});

describe('stories with odd but harmless content', () => {
  let build: BuildResult;
  const root = join(tmpRoot, 'odd-content');

  beforeAll(async () => {
    rmSync(root, { recursive: true, force: true });
    const write = (path: string, text: string) => {
      const file = join(root, 'articles', path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
    };
    write(
      '2024/2024-02-01-ky-tu-dieu-khien.md',
      article(
        'title: "Hội nghị\\vtổng kết\\fnăm\\u001b[31m 2024\\u0007"\nauthor: "Thanh\\u000bTiên"\nsummary: "Tóm\\x0btắt\\x1b."\ndate: \'01/02/2024\'\ntags: [C++, C#, C]\naliases: [/tin-tuc/x.js, /Default.aspx]',
        'Dòng một\u000bdòng hai\u000cdòng ba\u0007 và \u001b[1mđậm\u001b[0m.',
      ),
    );
    build = await buildSiteAsync(root, 'odd-content-out');
  });

  it('build, with control characters removed and Word line breaks kept as breaks', async () => {
    expect(build.status, build.output).toBe(0);
    const html = readPage(build.outDir, '/bai-viet/ky-tu-dieu-khien/');
    expect(html).toContain('Hội nghị tổng kết năm 2024');
    // eslint-disable-next-line no-control-regex -- control characters are what this looks for
    expect(html).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
  });

  it('leave every feed and sitemap well-formed XML', async () => {
    const xmlFiles = readdirSync(build.outDir).filter((name) => name.endsWith('.xml'));
    expect(xmlFiles).toEqual(expect.arrayContaining(['rss.xml', 'sitemap-index.xml', 'sitemap-0.xml']));
    for (const name of xmlFiles) {
      expect(XMLValidator.validate(readFileSync(join(build.outDir, name), 'utf8')), name).toBe(true);
    }
  });

  it('give C++, C# and C tag pages of their own', async () => {
    for (const slug of ['c-plus-plus', 'c-sharp', 'c']) {
      expect(existsSync(join(build.outDir, 'the', slug, 'index.html')), slug).toBe(true);
    }
  });

  it('never write an old address that is not a web page as a file: it is a redirect rule instead', async () => {
    expect(existsSync(join(build.outDir, 'tin-tuc/x.js'))).toBe(false);
    expect(existsSync(join(build.outDir, 'Default.aspx'))).toBe(false);
    const redirects = readFileSync(join(build.outDir, '_redirects'), 'utf8');
    expect(redirects).toContain('/tin-tuc/x.js /bai-viet/ky-tu-dieu-khien/ 301');
    expect(redirects).toContain('/Default.aspx /bai-viet/ky-tu-dieu-khien/ 301');
    const lookup = JSON.parse(readFileSync(join(build.outDir, 'chuyen-huong.json'), 'utf8')) as Record<string, string>;
    expect(lookup['/default.aspx']).toBe('/bai-viet/ky-tu-dieu-khien/');
  });
});
