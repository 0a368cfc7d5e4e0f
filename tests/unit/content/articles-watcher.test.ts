import { appendFileSync, mkdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { followWatcher, watchArticles, watcherPolls, type StoryWatch } from '../../../src/content/articles-watcher';
import { tmpRoot } from '../../support/build';

const root = join(tmpRoot, 'articles-watcher');
const articles = join(root, 'articles');
const story = (title: string) => `---\ntitle: ${title}\ndate: 2024-03-01\n---\n\nNội dung.\n`;

/** A watch of `articles` that records every batch it tells. */
function watching(): StoryWatch & { batches: Set<string>[]; seen: () => Set<string>; next: () => Promise<Set<string>> } {
  const batches: Set<string>[] = [];
  let waiting: ((batch: Set<string>) => void) | undefined;
  const watch = watchArticles(articles, root, (paths) => {
    const batch = new Set(paths);
    batches.push(batch);
    waiting?.(batch);
    waiting = undefined;
  });
  return {
    close: () => watch.close(),
    batches,
    seen: () => new Set(batches.flatMap((batch) => [...batch])),
    next: () =>
      new Promise((resolve, reject) => {
        const timeout = setTimeout(() => reject(new Error('no change was told within 5 s')), 5_000);
        waiting = (batch) => {
          clearTimeout(timeout);
          resolve(batch);
        };
      }),
  };
}

/** Lets events that should not be told have their chance to be. */
const quiet = () => new Promise((resolve) => setTimeout(resolve, 300));

let watch: ReturnType<typeof watching> | undefined;

beforeEach(() => {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(articles, '2024'), { recursive: true });
  writeFileSync(join(articles, '2024', '2024-03-01-hoi-nghi.md'), story('Hội nghị'));
  mkdirSync(join(root, 'chung'), { recursive: true });
  writeFileSync(join(root, 'chung', 'tong-ket.md'), story('Tổng kết'));
});

afterEach(() => {
  watch?.close();
  watch = undefined;
  rmSync(root, { recursive: true, force: true });
});

describe('watchArticles', () => {
  it('tells a story saved in a year folder, once for the several events of one save', async () => {
    watch = watching();
    const file = join(articles, '2024', '2024-03-01-hoi-nghi.md');
    const told = watch.next();
    appendFileSync(file, '\nThêm một câu.\n');
    expect(await told).toEqual(new Set([file]));
    await quiet();
    expect(watch.batches).toHaveLength(1);
  });

  it('tells a story added, one deleted, and one saved the way editors save (a copy renamed over it)', async () => {
    watch = watching();
    const added = join(articles, '2024', '2024-04-02-khai-giang.md');
    let told = watch.next();
    writeFileSync(added, story('Khai giảng'));
    expect(await told).toContain(added);

    const kept = join(articles, '2024', '2024-03-01-hoi-nghi.md');
    told = watch.next();
    writeFileSync(join(articles, '2024', '.hoi-nghi.md.tmp'), story('Hội nghị (sửa)'));
    renameSync(join(articles, '2024', '.hoi-nghi.md.tmp'), kept);
    expect(await told).toEqual(new Set([kept]));

    told = watch.next();
    rmSync(added);
    expect(await told).toEqual(new Set([added]));
  });

  it('tells photos and attachments added, replaced or deleted', async () => {
    watch = watching();
    const photo = join(articles, '2024', 'anh.jpg');
    writeFileSync(photo, 'ảnh');
    writeFileSync(join(articles, '2024', 'bao-cao.pdf'), 'tệp');
    await quiet();
    expect(watch.seen()).toEqual(new Set([photo, join(articles, '2024', 'bao-cao.pdf')]));
    const told = watch.next();
    rmSync(photo);
    expect(await told).toEqual(new Set([photo]));
  });

  it('leaves hidden files alone', async () => {
    watch = watching();
    writeFileSync(join(articles, '2024', '.nhap.md'), story('Nháp'));
    writeFileSync(join(articles, '2024', '.DS_Store'), '');
    await quiet();
    expect(watch.batches).toEqual([]);
  });

  it('watches a folder added later, telling the stories already in it, and their later saves', async () => {
    watch = watching();
    const folder = join(articles, '2025', 'khai-giang');
    const inside = join(folder, 'index.md');
    mkdirSync(folder, { recursive: true });
    writeFileSync(inside, story('Khai giảng'));
    await quiet();
    // However the events fell, the new folder and its story were told.
    expect(watch.seen()).toContain(join(articles, '2025'));
    expect([...watch.seen()].some((path) => path === inside || path === folder)).toBe(true);
    const told = watch.next();
    appendFileSync(inside, '\nThêm.\n');
    expect(await told).toEqual(new Set([inside]));
  });

  it('tells a folder deleted, and no longer watches it', async () => {
    watch = watching();
    const told = watch.next();
    rmSync(join(articles, '2024'), { recursive: true });
    expect(await told).toContain(join(articles, '2024'));
    mkdirSync(join(articles, '2024'));
    await quiet();
    const count = watch.batches.length;
    writeFileSync(join(articles, '2024', 'moi.md'), story('Mới'));
    await quiet();
    // The folder made again is a new folder: it is watched again, and its story told.
    expect(watch.seen()).toContain(join(articles, '2024', 'moi.md'));
    expect(watch.batches.length).toBeGreaterThan(count);
  });

  it('follows a symbolic link to a folder of the content root, and tells saves made through its real path', async () => {
    symlinkSync(join(root, 'chung'), join(articles, 'chung'), 'dir');
    watch = watching();
    const told = watch.next();
    appendFileSync(join(root, 'chung', 'tong-ket.md'), '\nThêm.\n');
    expect(await told).toEqual(new Set([join(articles, 'chung', 'tong-ket.md')]));
  });

  it('does not follow a symbolic link out of the content root', async () => {
    const outside = join(tmpRoot, 'articles-watcher-outside');
    rmSync(outside, { recursive: true, force: true });
    mkdirSync(outside, { recursive: true });
    writeFileSync(join(outside, 'ngoai.md'), story('Ngoài'));
    symlinkSync(outside, join(articles, 'ngoai'), 'dir');
    try {
      watch = watching();
      appendFileSync(join(outside, 'ngoai.md'), '\nThêm.\n');
      await quiet();
      expect(watch.batches).toEqual([]);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('tells nothing once closed', async () => {
    watch = watching();
    watch.close();
    appendFileSync(join(articles, '2024', '2024-03-01-hoi-nghi.md'), '\nThêm.\n');
    await quiet();
    expect(watch.batches).toEqual([]);
  });
});

describe('followWatcher, when Vite’s watcher polls', () => {
  let server: ViteDevServer | undefined;
  let told: Set<string>[];
  let follow: StoryWatch | undefined;
  let own = false;
  /** Waits until the watcher has told `path`. */
  const toldOf = (path: string) =>
    vi.waitFor(() => expect(told.some((batch) => batch.has(path))).toBe(true), { timeout: 15_000, interval: 50 });

  beforeEach(async () => {
    // Vite's own watcher (chokidar), polling as `server.watch.usePolling` makes it.
    server = await createServer({
      configFile: false,
      root,
      logLevel: 'silent',
      server: { middlewareMode: true, watch: { usePolling: true, interval: 50 } },
    });
    // Watching once it reports a file written now: a new one at each try, so that one written
    // before the watcher had read its folder (and so never reported as added) does not count.
    const seen = new Set<string>();
    server.watcher.on('all', (_event, path) => seen.add(path));
    const probes: string[] = [];
    await vi.waitFor(
      () => {
        if (probes.some((probe) => seen.has(probe))) return;
        const probe = join(root, 'chung', `thu-${probes.length}.txt`);
        probes.push(probe);
        writeFileSync(probe, 'thử');
        throw new Error(`Vite's watcher reported none of ${probes.join(', ')}`);
      },
      { timeout: 30_000, interval: 300 },
    );
    told = [];
    own = false;
    follow = followWatcher(server.watcher, articles, (paths) => told.push(new Set(paths)), () => own);
  });

  afterEach(async () => {
    follow?.close();
    follow = undefined;
    await server?.close();
    server = undefined;
  });

  it('tells a story saved, added or deleted, and a photo added', async () => {
    const saved = join(articles, '2024', '2024-03-01-hoi-nghi.md');
    appendFileSync(saved, '\nThêm một câu.\n');
    await toldOf(saved);
    const added = join(articles, '2024', '2024-03-02-khai-giang.md');
    writeFileSync(added, story('Khai giảng'));
    await toldOf(added);
    const photo = join(articles, '2024', 'anh.jpg');
    writeFileSync(photo, 'ảnh');
    await toldOf(photo);
    rmSync(saved);
    await vi.waitFor(() => expect(told.filter((batch) => batch.has(saved)).length).toBeGreaterThan(1), {
      timeout: 15_000,
      interval: 50,
    });
  });

  it('leaves hidden files, files outside the articles folder and its own news to the watcher alone', async () => {
    writeFileSync(join(articles, '2024', '.hoi-nghi.md.swp'), 'tạm');
    writeFileSync(join(root, 'chung', 'tong-ket.md'), story('Tổng kết mới'));
    const saved = join(articles, '2024', '2024-03-01-hoi-nghi.md');
    own = true;
    server!.watcher.emit('change', saved);
    own = false;
    // A later save is told, and is then all that was.
    const later = join(articles, '2024', '2024-03-03-le.md');
    writeFileSync(later, story('Lễ'));
    await toldOf(later);
    await quiet();
    expect(new Set(told.flatMap((batch) => [...batch]))).toEqual(new Set([later]));
  });

  it('tells nothing once closed', async () => {
    follow!.close();
    writeFileSync(join(articles, '2024', '2024-03-04-moi.md'), story('Mới'));
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(told).toEqual([]);
  });
});

describe('watcherPolls', () => {
  it('polls as Vite’s `server.watch.usePolling` says, unless CHOKIDAR_USEPOLLING says otherwise', () => {
    expect(watcherPolls(undefined, {})).toBe(false);
    expect(watcherPolls(false, {})).toBe(false);
    expect(watcherPolls(true, {})).toBe(true);
    for (const value of ['1', 'true', 'TRUE', 'yes']) expect(watcherPolls(undefined, { CHOKIDAR_USEPOLLING: value }), value).toBe(true);
    for (const value of ['0', 'false', 'False', '']) expect(watcherPolls(true, { CHOKIDAR_USEPOLLING: value }), value).toBe(false);
  });
});
