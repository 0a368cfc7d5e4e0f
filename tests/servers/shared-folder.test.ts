import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdirSync, rmSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, tmpRoot, userEnv } from '../support/build';
import { eventually } from '../support/eventually';
import { freePort } from '../support/servers';

/**
 * A content root on a shared folder: stories saved from another computer (a network share, a
 * Windows drive seen from WSL) reach the preview's machine with no file event. Here the share is a
 * FUSE mount (bindfs) of a folder, and stories are written to that folder, not through the mount:
 * the system's file events on the mount never come, as on a share.
 */
const place = join(tmpRoot, 'shared-folder');
const server = join(place, 'may-chu');
const share = join(place, 'o-mang');
const story = (title: string, body: string) => `---\ntitle: ${title}\ndate: '01/03/2024'\n---\n\n${body}\n`;
const FIRST = 'articles/2024/2024-03-01-hoi-nghi.md';

describe('npm run dev over a shared folder, with polling (CHOKIDAR_USEPOLLING=1)', () => {
  let dev: ChildProcess;
  let base = '';
  let output = '';
  const page = async (path: string) => {
    const response = await fetch(`${base}${path}`);
    return { status: response.status, html: await response.text() };
  };

  beforeAll(async () => {
    spawnSync('fusermount', ['-u', share]);
    rmSync(place, { recursive: true, force: true });
    mkdirSync(join(server, 'articles', '2024'), { recursive: true });
    mkdirSync(share, { recursive: true });
    writeFileSync(join(server, FIRST), story('Hội nghị tổng kết', 'Nội dung ban đầu.'));
    const mounted = spawnSync('bindfs', [server, share], { encoding: 'utf8' });
    expect(mounted.status, `bindfs ${server} ${share}: ${mounted.stderr}`).toBe(0);
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    dev = spawn('npm', ['run', 'dev', '--', '--host', '127.0.0.1', '--port', String(port)], {
      cwd: projectRoot,
      env: {
        ...userEnv(),
        BANTIN_CONTENT_DIR: share,
        CHOKIDAR_USEPOLLING: '1',
        ASTRO_TELEMETRY_DISABLED: '1',
        NO_COLOR: '1',
      },
      detached: true,
    });
    dev.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    dev.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await eventually(async () => {
      const { status } = await page('/bai-viet/hoi-nghi/');
      if (status !== 200) throw new Error(`the story answered ${status}\n${output}`);
    }, 120_000);
  });

  afterAll(() => {
    if (dev?.pid) process.kill(-dev.pid, 'SIGTERM');
    spawnSync('fusermount', ['-u', share]);
    rmSync(place, { recursive: true, force: true });
  });

  it('is a share: a story written on the other side gives no file event on the mount', async () => {
    const events: string[] = [];
    const watcher = watch(join(share, 'articles', '2024'), (event, name) => events.push(`${event} ${name}`));
    try {
      writeFileSync(join(server, 'articles', '2024', 'thu.md'), story('Thử', 'Thử.'));
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(events).toEqual([]);
    } finally {
      watcher.close();
      rmSync(join(server, 'articles', '2024', 'thu.md'));
    }
  });

  it('shows a sentence saved into a story on the share', async () => {
    const sentence = `Câu mới lưu trên thư mục dùng chung ${Date.now()}.`;
    appendFileSync(join(server, FIRST), `\n${sentence}\n`);
    await eventually(async () => {
      const { status, html } = await page('/bai-viet/hoi-nghi/');
      expect(status).toBe(200);
      expect(html).toContain(sentence);
    });
  });

  it('shows a story added on the share, and drops one deleted there', async () => {
    const added = join(server, 'articles', '2024', '2024-03-02-khai-giang.md');
    writeFileSync(added, story('Lễ khai giảng khóa mới', 'Khai giảng.'));
    await eventually(async () => {
      expect((await page('/bai-viet/khai-giang/')).status).toBe(200);
      expect((await page('/')).html).toContain('Lễ khai giảng khóa mới');
    });
    rmSync(added);
    await eventually(async () => {
      expect((await page('/bai-viet/khai-giang/')).status).toBe(404);
      expect((await page('/')).html).not.toContain('Lễ khai giảng khóa mới');
    });
  });
});
