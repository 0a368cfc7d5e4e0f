import { appendFileSync, mkdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { watchArticles, type StoryWatch } from '../../../src/content/articles-watcher';
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
