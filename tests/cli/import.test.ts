import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { globSync } from 'tinyglobby';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../support/build';
import { runCli, scratch, shownScratch, writeFiles, type CliResult } from './cli';

const SEED = 'tests/fixtures/legacy/hoc-vien-can-bo-bang-khen-2022.txt';
const SEED_STORY = 'content/articles/2023/2023-01-12-hoc-vien-can-bo-bang-khen-2022.md';

/** The frontmatter and paragraphs of an imported file, read back as the site reads it. */
function readArticle(file: string): { data: Record<string, unknown>; paragraphs: string[] } {
  const { frontmatter, content } = parseFrontmatter(readFileSync(file, 'utf8'));
  return { data: frontmatter, paragraphs: content.trim().split('\n\n') };
}

describe('npm run import of the seed', () => {
  it('reproduces the committed seed story byte for byte', async () => {
    const root = scratch('import-seed');
    const result = await runCli('import', [SEED, '--out', root]);
    expect(result.status, result.lines.join('\n')).toBe(0);
    expect(result.lines.at(-1)).toBe('Đã nhập 1 bài, bỏ qua 0 tệp');
    const written = join(root, 'articles/2023/2023-01-12-hoc-vien-can-bo-bang-khen-2022.md');
    expect(readFileSync(written, 'utf8')).toBe(readFileSync(join(projectRoot, SEED_STORY), 'utf8'));
  });

  it('imports into the content root that BANTIN_CONTENT_DIR names when no --out is given', async () => {
    const root = scratch('import-env');
    const result = await runCli('import', [SEED], { BANTIN_CONTENT_DIR: root });
    expect(result.status).toBe(0);
    expect(existsSync(join(root, 'articles/2023/2023-01-12-hoc-vien-can-bo-bang-khen-2022.md'))).toBe(true);
  });

  it('never overwrites an article that is already there, and says so', async () => {
    const root = scratch('import-twice');
    await runCli('import', [SEED, '--out', root]);
    const target = join(root, 'articles/2023/2023-01-12-hoc-vien-can-bo-bang-khen-2022.md');
    writeFiles(root, { 'articles/2023/2023-01-12-hoc-vien-can-bo-bang-khen-2022.md': 'bản đã sửa tay' });
    const again = await runCli('import', [SEED, '--out', root]);
    expect(again.status).toBe(1);
    expect(again.lines).toContain(
      `Bỏ qua ${SEED}: ${shownScratch('import-twice')}/articles/2023/2023-01-12-hoc-vien-can-bo-bang-khen-2022.md đã có, giữ nguyên, không ghi đè`,
    );
    expect(again.lines.at(-1)).toBe('Đã nhập 0 bài, bỏ qua 1 tệp');
    expect(readFileSync(target, 'utf8')).toBe('bản đã sửa tay');
  });

  it('writes nothing with --dry-run, but reports what it would do', async () => {
    const root = scratch('import-dry');
    const result = await runCli('import', [SEED, '--out', root, '--dry-run']);
    expect(result.status).toBe(0);
    expect(result.lines).toContain(
      `Sẽ nhập ${SEED} → ${shownScratch('import-dry')}/articles/2023/2023-01-12-hoc-vien-can-bo-bang-khen-2022.md`,
    );
    expect(result.lines.at(-1)).toBe('Đã nhập 1 bài, bỏ qua 0 tệp');
    expect(existsSync(join(root, 'articles'))).toBe(false);
  });
});

describe('npm run import of odd files', () => {
  it('skips a path that does not exist and still imports the others', async () => {
    const root = scratch('import-missing');
    const result = await runCli('import', ['tests/fixtures/legacy/khong-co.txt', SEED, '--out', root]);
    expect(result.status).toBe(1);
    expect(result.lines).toContain(
      'Bỏ qua tests/fixtures/legacy/khong-co.txt: không tìm thấy (cần một tệp xuất .txt hoặc một thư mục chứa các tệp đó)',
    );
    expect(result.lines.at(-1)).toBe('Đã nhập 1 bài, bỏ qua 1 tệp');
  });

  it('names the article after its title when the file name gives no slug', async () => {
    const root = scratch('import-title-slug');
    writeFiles(root, {
      'in/___.txt': 'Hội thảo “Đổi mới” năm 2024\n\nCập nhật ngày: 05/03/2024\nNội dung hội thảo.\n',
    });
    const result = await runCli('import', [join(root, 'in'), '--out', root]);
    expect(result.status, result.lines.join('\n')).toBe(0);
    expect(existsSync(join(root, 'articles/2024/2024-03-05-hoi-thao-doi-moi-nam-2024.md'))).toBe(true);
  });

  it('skips a second export that would take the same address', async () => {
    const root = scratch('import-same-slug');
    const story = (day: string) => `Tin ngắn\n\nCập nhật ngày: ${day}/01/2024\nNội dung.\n`;
    writeFiles(root, { 'in/a/tin-ngan.txt': story('01'), 'in/b/tin-ngan.txt': story('02') });
    const result = await runCli('import', [join(root, 'in'), '--out', root]);
    expect(result.status).toBe(1);
    expect(result.lines).toContain(
      `Bỏ qua ${shownScratch('import-same-slug')}/in/b/tin-ngan.txt: đường dẫn "tin-ngan" đã thuộc về ${shownScratch('import-same-slug')}/articles/2024/2024-01-01-tin-ngan.md (cần tệp xuất có tên tệp hoặc tiêu đề cho một đường dẫn mới)`,
    );
    expect(result.lines.at(-1)).toBe('Đã nhập 1 bài, bỏ qua 1 tệp');
  });

  it('skips a file that is not UTF-8 text, telling how to save it as UTF-8', async () => {
    const root = scratch('import-latin1');
    writeFiles(root, { 'in/cu.txt': new Uint8Array([0x54, 0x69, 0xea, 0x75, 0x0a]) });
    const result = await runCli('import', [join(root, 'in'), '--out', root]);
    expect(result.status).toBe(1);
    expect(result.lines).toContain(
      `Bỏ qua ${shownScratch('import-latin1')}/in/cu.txt: tệp không được lưu bằng mã UTF-8, và không phải bảng mã tiếng Việt cũ nào nhận ra được (TCVN3, VNI, Windows-1258). Cách sửa: mở tệp bằng Notepad, chọn Tệp → Lưu thành… → Mã hóa: UTF-8; trong Word: Lưu thành… → Văn bản thuần, Unicode (UTF-8).`,
    );
    expect(result.lines.at(-1)).toBe('Đã nhập 0 bài, bỏ qua 1 tệp');
  });
});

/** One generated export and what importing it must give. */
interface Generated {
  path: string;
  text: string;
  slug: string;
  title: string;
  date: string;
  author?: string;
  source?: string;
  photoCredit?: string;
  paragraphs: string[];
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The i-th legacy export, with variations spread over the batch: no author,
 * no source, no photo credit, CRLF, NFD, a BOM, credits reordered, extra blank
 * lines, no "Bản in", a blank line after the date, a Vietnamese NFD file name;
 * `withoutDate` leaves out the "Cập nhật ngày" line, which no import can do without.
 */
function generate(i: number, withoutDate = false): Generated {
  const title = `Hội nghị chuyên đề “Chuyển đổi số”: phiên thứ ${i} của Học viện`;
  const day = (i % 28) + 1;
  const month = (i % 12) + 1;
  const year = 2015 + (i % 10);
  const date = `${pad(day)}/${pad(month)}/${year}`;
  const paragraphs = [
    `Sáng ${date}, Học viện Cán bộ Thành phố Hồ Chí Minh tổ chức phiên thứ ${i} của hội nghị.`,
    ...(i % 2 === 0 ? ['Đại biểu thảo luận về đào tạo, bồi dưỡng cán bộ; ứng dụng công nghệ (AI, dữ liệu số).'] : []),
    `Quang cảnh phiên thứ ${i} (ảnh: tư liệu)`,
  ];
  const author = i % 5 === 1 ? undefined : `Phóng viên ${i}`;
  const source = i % 7 === 2 ? undefined : 'HVCTQGHCM';
  const photoCredit = i % 9 === 3 ? undefined : `Nhiếp ảnh ${i}`;
  const credits = [
    author === undefined ? undefined : `Tin: ${author}`,
    source === undefined ? undefined : `(thêm nguồn từ ${source})`,
    photoCredit === undefined ? undefined : `Ảnh: ${photoCredit}`,
  ].filter((line): line is string => line !== undefined);
  if (i % 3 === 0) credits.reverse();

  const gap = i % 10 === 4 ? '\n\n\n  \n' : '\n\n';
  const afterDate = i % 13 === 8 ? '\n\n' : '\n';
  const dateLine = withoutDate ? '' : `Cập nhật ngày: ${date}`;
  let text = `${title}\n\n${dateLine}${afterDate}${paragraphs.join(gap)}${gap}${credits.join(gap)}`;
  if (i % 11 !== 6) text += `${gap}Bản in`;
  if (i % 10 === 4) text += '\n\n   \n';
  if (i % 6 === 5) text = text.normalize('NFD');
  if (i % 4 === 0) text = text.replace(/\n/g, '\r\n');
  if (i % 8 === 7) text = `\uFEFF${text}`;

  const nfdName = i % 17 === 9;
  const name = nfdName ? `Hội-nghị-số-${i}`.normalize('NFD') : `hoi-nghi-${i}`;
  const folder = i % 2 === 0 ? 'chan' : 'le/con';
  return {
    path: `${folder}/${name}.txt`,
    text,
    slug: nfdName ? `hoi-nghi-so-${i}` : `hoi-nghi-${i}`,
    title,
    date,
    ...(author === undefined ? {} : { author }),
    ...(source === undefined ? {} : { source }),
    ...(photoCredit === undefined ? {} : { photoCredit }),
    paragraphs,
  };
}

describe('npm run import of 200 old-site exports in one run', () => {
  // Its date line was lost in the export (and it is one of the NFD files).
  const BROKEN = 137;
  const generated = Array.from({ length: 200 }, (_, i) => generate(i + 1, i + 1 === BROKEN));
  const broken = generated[BROKEN - 1] as Generated;
  const good = generated.filter((item) => item !== broken);
  let root: string;
  let result: CliResult;

  beforeAll(async () => {
    root = scratch('import-batch');
    writeFiles(join(root, 'exports'), Object.fromEntries(generated.map((item) => [item.path, item.text])));
    result = await runCli('import', [join(root, 'exports'), '--out', join(root, 'site')]);
  });

  it('imports all but the broken one and says so in the summary', async () => {
    expect(result.lines.at(-1)).toBe('Đã nhập 199 bài, bỏ qua 1 tệp');
    expect(result.status).toBe(1);
    expect(globSync('articles/**/*.md', { cwd: join(root, 'site') })).toHaveLength(199);
  });

  it('names the skipped file and the reason', async () => {
    expect(result.lines).toContain(
      `Bỏ qua ${shownScratch('import-batch')}/exports/${broken.path}: không có dòng ngày (cần dòng "Cập nhật ngày: DD/MM/YYYY" dưới tiêu đề)`,
    );
  });

  it('files each story by its date and the slug of its file name', async () => {
    for (const item of good) {
      const [day, month, year] = item.date.split('/');
      const file = join(root, 'site/articles', `${year}/${year}-${month}-${day}-${item.slug}.md`);
      expect(existsSync(file), file).toBe(true);
    }
  });

  it('keeps title, date, credits and paragraphs of every story, in NFC and without stray line ends', async () => {
    for (const item of good) {
      const [day, month, year] = item.date.split('/');
      const file = join(root, 'site/articles', `${year}/${year}-${month}-${day}-${item.slug}.md`);
      const text = readFileSync(file, 'utf8');
      expect(text.includes('\r') || text.includes('\uFEFF') || text !== text.normalize('NFC'), item.path).toBe(false);
      const { data, paragraphs } = readArticle(file);
      const expected: Record<string, unknown> = { title: item.title, date: item.date, category: 'tin-tuc-su-kien' };
      if (item.author !== undefined) expected.author = item.author;
      if (item.source !== undefined) expected.source = item.source;
      if (item.photoCredit !== undefined) expected.photoCredit = item.photoCredit;
      expect(data, item.path).toEqual(expected);
      expect(paragraphs, item.path).toEqual(item.paragraphs);
    }
  });

  it('writes stories that npm run check accepts', async () => {
    const checked = await runCli('check', [], { BANTIN_CONTENT_DIR: join(root, 'site') });
    expect(checked.status, checked.lines.slice(0, 5).join('\n')).toBe(0);
    expect(checked.lines).toEqual(['Đã kiểm tra 199 bài: 0 lỗi, 0 cảnh báo.']);
  });
});

describe('npm run import of damaged and legacy exports in one run', () => {
  const STORY = [
    'Hội nghị tổng kết năm 2022',
    '',
    'Cập nhật ngày: 12/01/2023',
    'Sáng 12/01/2023, Học viện tổ chức hội nghị tổng kết.',
    '',
    'Tin: Thanh Tiên',
    '',
  ].join('\n');
  /** An export in the seed's layout. */
  const story = (title: string, date: string, body: string) =>
    `${title}\n\nCập nhật ngày: ${date}\n${body}\n\nTin: Thanh Tiên\n`;
  // The same story in the old encodings, made with GNU libc's iconv (TCVN5712-1, WINDOWS-1258).
  const latin1 = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));
  const TCVN3 = latin1(
    'H\xe9i ngh\xde t\xe6ng k\xd5t n\xa8m 2022\n\nC\xcbp nh\xcbt ng\xb5y: 12/01/2023\nS\xb8ng 12/01/2023, H\xe4c vi\xd6n t\xe6 ch\xf8c h\xe9i ngh\xde t\xe6ng k\xd5t.\n\nTin: Thanh Ti\xaan\n',
  );
  const WINDOWS_1258 = latin1(
    'H\xf4\xf2i nghi\xf2 t\xf4\xd2ng k\xea\xect n\xe3m 2022\n\nC\xe2\xf2p nh\xe2\xf2t ng\xe0y: 12/01/2023\nS\xe1ng 12/01/2023, Ho\xf2c vi\xea\xf2n t\xf4\xd2 ch\xfd\xecc h\xf4\xf2i nghi\xf2 t\xf4\xd2ng k\xea\xect.\n\nTin: Thanh Ti\xean\n',
  );
  // VNI typed in VNI-Times, opened as Western text and saved as UTF-8.
  const VNI_AS_UTF8 =
    'Hoäi nghò toång keát naêm 2022\n\nCaäp nhaät ngaøy: 12/01/2023\nSaùng 12/01/2023, Hoïc vieän toå chöùc hoäi nghò toång keát.\n\nTin: Thanh Tieân\n';

  const exports: Record<string, string | Uint8Array> = {
    'a-tcvn3.txt': TCVN3,
    'b-vni.txt': VNI_AS_UTF8,
    'c-windows-1258.txt': WINDOWS_1258,
    'd-ky-tu-dieu-khien.txt': story(
      'Hội nghị\vtổng kết\x07 \x1b[1mnăm 2023',
      '05/01/2024',
      'Dòng một\vdòng hai.\fTrang sau.',
    ),
    'e-nam-5-chu-so.txt': story('Lễ khai giảng', '15/02/20234', 'Nội dung.'),
    'f-nam-0023.txt': story('Lễ bế giảng', '16/02/0023', 'Nội dung.'),
    'g-ngay-nghi-tet.txt': story(
      'Cập nhật ngày nghỉ Tết Nguyên đán 2023',
      '10/01/2023',
      'Học viện thông báo lịch nghỉ Tết.',
    ),
    'h-duong-dan.txt': story(
      'Tài liệu hội nghị',
      '11/01/2023',
      'Xem tại https://example.com/tai_lieu/hoi_nghi_2023.pdf và www.example.com/a_b_c.',
    ),
    'i-utf16.txt': new Uint8Array([0xff, 0xfe, ...Buffer.from(STORY, 'utf16le')]),
    'j-nhi-phan.txt': new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00]),
    'k-mojibake.txt': new TextEncoder().encode(new TextDecoder('windows-1252').decode(new TextEncoder().encode(STORY))),
  };
  let root: string;
  let result: CliResult;
  const shownIn = (name: string) => `${shownScratch('import-damaged')}/in/${name}`;
  const article = (path: string) => readArticle(join(root, 'site/articles', path));

  beforeAll(async () => {
    root = scratch('import-damaged');
    writeFiles(join(root, 'in'), exports);
    result = await runCli('import', [join(root, 'in'), '--out', join(root, 'site')]);
  });

  it('imports every readable export, skips the others, and ends with the summary', async () => {
    expect(result.status).toBe(1);
    expect(result.lines.at(-1)).toBe('Đã nhập 6 bài, bỏ qua 5 tệp');
    expect(globSync('articles/**/*.md', { cwd: join(root, 'site') })).toHaveLength(6);
  });

  it('converts TCVN3, VNI and Windows-1258 to Unicode, and says so for each file', async () => {
    expect(result.lines).toContain(
      `${shownIn('a-tcvn3.txt')}: đã chuyển từ bảng mã TCVN3 (ABC, phông .VnTime) sang Unicode (NFC)`,
    );
    expect(result.lines).toContain(
      `${shownIn('b-vni.txt')}: đã chuyển từ bảng mã VNI (phông VNI-Times) sang Unicode (NFC)`,
    );
    expect(result.lines).toContain(
      `${shownIn('c-windows-1258.txt')}: đã chuyển từ bảng mã Windows-1258 sang Unicode (NFC)`,
    );
    for (const slug of ['a-tcvn3', 'b-vni', 'c-windows-1258']) {
      const { data, paragraphs } = article(`2023/2023-01-12-${slug}.md`);
      expect(data, slug).toEqual({
        title: 'Hội nghị tổng kết năm 2022',
        date: '12/01/2023',
        category: 'tin-tuc-su-kien',
        author: 'Thanh Tiên',
      });
      expect(paragraphs, slug).toEqual(['Sáng 12/01/2023, Học viện tổ chức hội nghị tổng kết.']);
    }
  });

  it("cleans control characters: a title that held them is written and reads back; Word's breaks become line breaks", async () => {
    expect(result.lines).toContain(
      `${shownIn('d-ky-tu-dieu-khien.txt')}: đã bỏ các ký tự điều khiển (dấu ngắt dòng, ngắt trang của Word thành xuống dòng trong đoạn)`,
    );
    const { data, paragraphs } = article('2024/2024-01-05-d-ky-tu-dieu-khien.md');
    expect(data.title).toBe('Hội nghị tổng kết năm 2023');
    expect(paragraphs).toEqual(['Dòng một\\\ndòng hai.\\\nTrang sau.']);
  });

  it('refuses a year that is not four digits, naming the file and what it read', async () => {
    expect(result.lines).toContain(
      `Bỏ qua ${shownIn('e-nam-5-chu-so.txt')}: năm "20234" trong dòng "Cập nhật ngày: 15/02/20234" không hợp lệ (năm phải có đúng bốn chữ số, ví dụ "Cập nhật ngày: 15/02/2023")`,
    );
    expect(result.lines).toContain(
      `Bỏ qua ${shownIn('f-nam-0023.txt')}: năm "0023" trong dòng "Cập nhật ngày: 16/02/0023" không hợp lệ (năm phải có đúng bốn chữ số, ví dụ "Cập nhật ngày: 15/02/2023")`,
    );
    expect(globSync('articles/{1923,2023,0023}/*-{e-nam-5-chu-so,f-nam-0023}.md', { cwd: join(root, 'site') })).toEqual(
      [],
    );
  });

  it('reads a headline that starts with "Cập nhật ngày" as the title', async () => {
    expect(article('2023/2023-01-10-g-ngay-nghi-tet.md').data.title).toBe('Cập nhật ngày nghỉ Tết Nguyên đán 2023');
  });

  it('keeps addresses intact, underscores included', async () => {
    expect(article('2023/2023-01-11-h-duong-dan.md').paragraphs).toEqual([
      'Xem tại https://example.com/tai_lieu/hoi_nghi_2023.pdf và www.example.com/a_b_c.',
    ]);
  });

  it('refuses UTF-16, binary and double-encoded files, each with how to save it as UTF-8', async () => {
    const reason = (name: string) => result.lines.find((line) => line.startsWith(`Bỏ qua ${shownIn(name)}: `));
    expect(reason('i-utf16.txt')).toMatch(
      /: tệp được lưu bằng mã UTF-16, không phải UTF-8\. Cách sửa: .*Mã hóa: UTF-8/,
    );
    expect(reason('j-nhi-phan.txt')).toMatch(/: tệp không phải văn bản thuần .*Unicode \(UTF-8\)/);
    expect(reason('k-mojibake.txt')).toMatch(/: chữ trong tệp đã bị mã hóa UTF-8 hai lần .*Mã hóa: UTF-8/);
  });

  it('writes stories that npm run check accepts', async () => {
    const checked = await runCli('check', [], { BANTIN_CONTENT_DIR: join(root, 'site') });
    expect(checked.status, checked.lines.slice(0, 5).join('\n')).toBe(0);
  });
});

describe('npm run import of a large export', () => {
  it('imports 150,000 paragraphs (about 5 MB) into one story', async () => {
    const root = scratch('import-large');
    const paragraphs = Array.from({ length: 150_000 }, (_, i) => `Đoạn ${i + 1}: học viên thảo luận về chuyển đổi số.`);
    writeFiles(root, {
      'in/bao-cao-lon.txt': `Báo cáo tổng hợp năm 2022\r\nCập nhật ngày: 12/01/2023\r\n${paragraphs.join('\r\n')}\r\nTin: Phòng Đào tạo\r\n`,
    });
    const result = await runCli('import', [join(root, 'in'), '--out', root]);
    expect(result.status, result.lines.join('\n')).toBe(0);
    expect(result.lines.at(-1)).toBe('Đã nhập 1 bài, bỏ qua 0 tệp');
    const written = readArticle(join(root, 'articles/2023/2023-01-12-bao-cao-lon.md'));
    expect(written.data.author).toBe('Phòng Đào tạo');
    expect(written.paragraphs).toEqual(paragraphs);
  });
});
