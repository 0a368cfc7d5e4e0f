import { spawn, type ChildProcess } from 'node:child_process';
import { renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, userEnv } from '../support/build';
import { eventually } from '../support/eventually';
import { freePort } from '../support/servers';
import { scratch, shownScratch, writeFiles } from './cli';

const article = (frontmatter: string, body = 'Nội dung bài viết.') => `---\n${frontmatter}\n---\n\n${body}\n`;
const ROOT = 'dev-preview';
const at = (path: string) => `${shownScratch(ROOT)}/articles/${path}`;

const PHOTO = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#204080' } })
  .jpeg()
  .toBuffer();

/** A good story, a draft, and one story with each mistake editors make most. */
const STORIES: Record<string, string | Uint8Array> = {
  '2024/2024-02-01-bai-tot.md': article("title: Bài viết tốt\ndate: '01/02/2024'"),
  '2024/2024-02-02-ban-nhap.md': article("title: Bản nháp đang viết\ndate: '02/02/2024'\ndraft: true"),
  '2024/2024-02-03-dau-hai-cham.md': article("title: Hội nghị: tổng kết năm\ndate: '03/02/2024'"),
  '2024/2024-02-04-ngay-sai.md': article('title: Ngày viết sai\ndate: 20-11-2025'),
  '2024/2024-02-05-go-nham.md': article("tilte: Gõ nhầm tên trường\ndate: '05/02/2024'"),
  '2024/2024-02-06-sai-ten-anh/index.md': article(
    "title: Sai tên ảnh\ndate: '06/02/2024'",
    '![Hội trường](./hoi-truong.jpg "Hội trường")',
  ),
  '2024/2024-02-06-sai-ten-anh/hoi-truong-1.jpg': PHOTO,
  '2024/2024-02-07-thieu-dong-dong.md': "---\ntitle: Thiếu dòng đóng\ndate: '07/02/2024'\n\nNội dung.\n",
  '2024/2024-02-08-tu-khoa.md': article("title: Từ khóa một dòng\ndate: '08/02/2024'\ntags: Đào tạo, Hội nghị"),
  '2024/2024-02-09-co-anh/index.md': article(
    "title: Bài có ảnh\ndate: '09/02/2024'",
    '![Lễ khai giảng](./khai-giang.jpg "Lễ khai giảng")',
  ),
  '2024/2024-02-09-co-anh/khai-giang.jpg': PHOTO,
  '2024/2024-02-10-dinh-kem/index.md': article(
    "title: Bài có tệp đính kèm\ndate: '10/02/2024'\nattachments:\n  - ./quyet-dinh.pdf",
  ),
  '2024/2024-02-10-dinh-kem/quyet-dinh.pdf': '%PDF-1.4\n% Quyết định\n',
};

describe('npm run dev on a content root with broken stories', () => {
  let server: ChildProcess;
  let base: string;
  let output = '';
  const get = async (path: string) => {
    const response = await fetch(`${base}${path}`);
    return { status: response.status, html: await response.text() };
  };

  beforeAll(async () => {
    writeFiles(join(scratch(ROOT), 'articles'), STORIES);
    // A standing page without its title, beside a good one.
    writeFiles(join(projectRoot, shownScratch(ROOT), 'pages'), {
      'gioi-thieu.md': '---\ntitle: Giới thiệu\n---\n\nHọc viện Cán bộ Thành phố Hồ Chí Minh.\n',
      'lien-he.md': "---\nsummary: 'Địa chỉ, điện thoại'\n---\n\nLiên hệ.\n",
    });
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const inherited = userEnv();
    // The npm script itself, as an editor starts it.
    server = spawn('npm', ['run', 'dev', '--', '--host', '127.0.0.1', '--port', String(port)], {
      cwd: projectRoot,
      env: { ...inherited, BANTIN_CONTENT_DIR: shownScratch(ROOT), ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
      detached: true,
    });
    server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await eventually(async () => {
      const { status } = await get('/');
      if (status !== 200) throw new Error(`home answered ${status}\n${output}`);
    }, 120_000);
  });

  afterAll(() => {
    if (server.pid) process.kill(-server.pid, 'SIGTERM');
  });

  it('answers every page with 200, the good story and the marked draft included', async () => {
    for (const path of [
      '/',
      '/luu-tru/',
      '/gioi-thieu/',
      '/bai-viet/bai-tot/',
      '/bai-viet/bai-tot/ban-in/',
      '/bai-viet/ban-nhap/',
    ]) {
      const { status } = await get(path);
      expect(status, path).toBe(200);
    }
    // The mark sits under the headline of a draft, and of a draft only.
    const marked = (title: string) =>
      new RegExp(`${title}</h1>\\s*<strong class="draft-mark">Bản nháp: chưa đăng</strong>`);
    expect((await get('/bai-viet/ban-nhap/')).html).toMatch(marked('Bản nháp đang viết'));
    expect((await get('/bai-viet/bai-tot/')).html).not.toMatch(marked('Bài viết tốt'));
    expect((await get('/bai-viet/bai-tot/')).html).toMatch(/Bài viết tốt<\/h1>/);
  });

  it("serves a story's share image and attachments at the addresses its page links to", async () => {
    const story = (await get('/bai-viet/dinh-kem/')).html;
    const links = [
      ...story.matchAll(/(?:href|content)="(?:https?:\/\/[^/"]+)?(\/bai-viet\/dinh-kem\/[^"/]+\.(?:png|pdf))"/g),
    ].map((match) => match[1]);
    expect(links).toEqual(
      expect.arrayContaining(['/bai-viet/dinh-kem/anh-chia-se.png', '/bai-viet/dinh-kem/quyet-dinh.pdf']),
    );
    const image = await fetch(`${base}/bai-viet/dinh-kem/anh-chia-se.png`);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    const meta = await sharp(Buffer.from(await image.arrayBuffer())).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 1200, 630]);
    const pdf = await fetch(`${base}/bai-viet/dinh-kem/quyet-dinh.pdf`);
    expect(pdf.status).toBe(200);
    expect(await pdf.text()).toBe('%PDF-1.4\n% Quyết định\n');
    // No story, no image.
    expect((await fetch(`${base}/bai-viet/khong-co-bai-nay/anh-chia-se.png`)).status).toBe(404);
  });

  it('leaves each broken story out of the preview', async () => {
    const home = await get('/');
    expect(home.html).toContain('Bài viết tốt');
    for (const title of ['Ngày viết sai', 'Gõ nhầm tên trường', 'Sai tên ảnh', 'Thiếu dòng đóng']) {
      expect(home.html).not.toContain(`>${title}<`);
    }
    expect((await get('/bai-viet/sai-ten-anh/')).status).toBe(404);
  });

  it('lists every problem on every page, by file and field, in Vietnamese, and in the terminal', async () => {
    for (const path of ['/', '/bai-viet/bai-tot/', '/luu-tru/']) {
      const { html } = await get(path);
      expect(html, path).toContain('lỗi trong bài viết');
      for (const [file, field] of [
        ['2024/2024-02-03-dau-hai-cham.md', 'frontmatter'],
        ['2024/2024-02-04-ngay-sai.md', 'date'],
        ['2024/2024-02-05-go-nham.md', 'title'],
        ['2024/2024-02-06-sai-ten-anh/index.md', 'body'],
        ['2024/2024-02-07-thieu-dong-dong.md', 'frontmatter'],
      ] as const) {
        expect(html, `${path}: ${file}`).toContain(`${at(file)}: ${field}: `);
      }
      expect(html, path).toContain(`${shownScratch(ROOT)}/pages/lien-he.md: title: `);
    }
    expect(output).toContain(`${at('2024/2024-02-04-ngay-sai.md')}: date: không đọc được "20-11-2025"`);
    expect(output).not.toMatch(/Stack trace|TypeError/);
  });

  it('reads tags written on one line as separate tags', async () => {
    expect((await get('/the/dao-tao/')).status).toBe(200);
    expect((await get('/the/hoi-nghi/')).status).toBe(200);
  });

  it("reads Astro's content store as its module runs (src/integrations/data-store-module.ts)", async () => {
    // What Vite makes of Astro's store module. Should an Astro release rename the module or write it
    // otherwise, the workaround stops applying without an error: this says so.
    const { status, html } = await get('/@id/__x00__astro:data-layer-content');
    expect(status).toBe(200);
    const storeFile = join(projectRoot, '.astro', 'data-store.json');
    expect(html).toContain(`export default JSON.parse(readFileSync(${JSON.stringify(storeFile)}, 'utf8'));`);
    expect(html).not.toContain('Bài viết tốt');
    expect((await get('/bai-viet/bai-tot/')).html).toContain('Bài viết tốt');
  });

  it('shows a saved change to a story on reload, with no error page while the change is taken in', async () => {
    const changed = 'Đoạn văn biên tập viên vừa sửa và lưu.';
    writeFiles(join(projectRoot, shownScratch(ROOT), 'articles'), {
      '2024/2024-02-01-bai-tot.md': article("title: Bài viết tốt\ndate: '01/02/2024'", changed),
    });
    // Reloaded as fast as a reader could: every answer until the change shows must be the story.
    const answers: number[] = [];
    const until = Date.now() + 60_000;
    for (;;) {
      const { status, html } = await get('/bai-viet/bai-tot/');
      answers.push(status);
      if (html.includes(changed) || Date.now() > until) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(answers.at(-1)).toBe(200);
    expect(answers.filter((status) => status !== 200)).toEqual([]);
    expect((await get('/bai-viet/bai-tot/')).html).toContain(changed);
  });

  it('takes the notice away once the file is fixed and saved', async () => {
    writeFiles(join(projectRoot, shownScratch(ROOT), 'articles'), {
      '2024/2024-02-04-ngay-sai.md': article("title: Ngày viết sai\ndate: '20/11/2024'"),
    });
    await eventually(async () => {
      const { html } = await get('/');
      if (html.includes(at('2024/2024-02-04-ngay-sai.md'))) throw new Error('the fixed story is still listed');
      if (!html.includes('Ngày viết sai')) throw new Error('the fixed story is not listed yet');
    });
    const { html } = await get('/');
    expect(html).toContain(`${at('2024/2024-02-05-go-nham.md')}: title: `);
  });

  const articles = () => join(projectRoot, shownScratch(ROOT), 'articles');
  const problemListed = async (file: string, field: string, listed: boolean) =>
    eventually(async () => {
      const { html } = await get('/');
      if (html.includes(`${at(file)}: ${field}: `) !== listed)
        throw new Error(`${file}: ${field} is ${listed ? 'not yet' : 'still'} listed`);
    });

  it('refuses a new story that takes the address of another, and keeps the other', async () => {
    writeFiles(articles(), {
      '2024/2024-02-10-trung-dia-chi.md': article("title: Trùng địa chỉ\ndate: '10/02/2024'\nslug: bai-tot"),
    });
    await problemListed('2024/2024-02-10-trung-dia-chi.md', 'slug', true);
    expect((await get('/bai-viet/bai-tot/')).html).toMatch(/Bài viết tốt<\/h1>/);
    rmSync(join(articles(), '2024/2024-02-10-trung-dia-chi.md'));
    await problemListed('2024/2024-02-10-trung-dia-chi.md', 'slug', false);
  });

  it('moves a story whose file is renamed to its new address', async () => {
    renameSync(join(articles(), '2024/2024-02-08-tu-khoa.md'), join(articles(), '2024/2024-02-08-tu-khoa-moi.md'));
    await eventually(async () => {
      const { status } = await get('/bai-viet/tu-khoa-moi/');
      if (status !== 200) throw new Error(`the new address answered ${status}`);
    });
    expect((await get('/bai-viet/tu-khoa/')).status).toBe(404);
  });

  it('names a story whose photo was deleted, and shows it again once the photo is back', async () => {
    expect((await get('/bai-viet/co-anh/')).status).toBe(200);
    const photo = join(articles(), '2024/2024-02-09-co-anh/khai-giang.jpg');
    const problem = `${at('2024/2024-02-09-co-anh/index.md')}: body: không thấy tệp ảnh "./khai-giang.jpg"`;
    rmSync(photo);
    // The story's text did not change: the deleted photo alone must bring it up again.
    // (Astro 5 keeps importing a deleted photo until the preview restarts, so pages fail meanwhile:
    // withastro/astro#16097, fixed in Astro 6; the terminal line is what the editor sees.)
    await eventually(async () => {
      if (!output.includes(problem)) throw new Error('the missing photo is not named yet');
    });
    writeFiles(articles(), { '2024/2024-02-09-co-anh/khai-giang.jpg': PHOTO });
    await eventually(async () => {
      const { status, html } = await get('/bai-viet/co-anh/');
      if (status !== 200) throw new Error(`the story answered ${status} after its photo came back`);
      if (!html.includes('Bài có ảnh')) throw new Error('the story is not shown yet');
    });
    await problemListed('2024/2024-02-09-co-anh/index.md', 'body', false);
  });
});
