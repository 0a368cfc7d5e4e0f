import { describe, expect, it } from 'vitest';
import {
  noteNewest,
  startPreviewStories,
  withNewestStories,
  type StoreEntry,
} from '../../../src/content/preview-stories';

const COVER = '__ASTRO_IMAGE_./anh-bia.jpg';

/** A store entry as the loader sets it. */
function stored(id: string, digest: string, data: Record<string, unknown>, assetImports?: string[]): StoreEntry {
  return {
    id,
    digest,
    data,
    rendered: { html: '', metadata: { bodyDigest: digest, imagePaths: [] } },
    ...(assetImports ? { assetImports } : {}),
  };
}

/** An entry as `getCollection` gives it: the cover resolved to an image. */
function shown(id: string, digest: string, data: Record<string, unknown>) {
  return { id, collection: 'articles', digest, data, rendered: { html: '', metadata: { bodyDigest: digest } } };
}

describe('noteNewest', () => {
  it('keeps the newest version of a story whose images did not change, and says the stories changed', () => {
    const preview = startPreviewStories();
    const before = stored('2024/a.md', 'v1', { title: 'Hội nghị', cover: { src: COVER } }, ['./anh-bia.jpg']);
    const after = stored('2024/a.md', 'v2', { title: 'Hội nghị (sửa)', cover: { src: COVER } }, ['./anh-bia.jpg']);
    noteNewest(preview, '2024/a.md', before, after);
    expect(preview.entries.get('2024/a.md')).toBe(after);
    expect(preview.generation).toBe(1);
  });

  it('keeps no version of a story given a new photo, a new cover, a problem, or deleted', () => {
    const preview = startPreviewStories();
    const before = stored('2024/a.md', 'v1', { title: 'Hội nghị' });
    noteNewest(preview, '2024/a.md', before, stored('2024/a.md', 'v2', { title: 'Hội nghị (sửa)' }));
    const withPhoto = stored('2024/a.md', 'v3', { title: 'Hội nghị' }, ['./anh-moi.jpg']);
    noteNewest(preview, '2024/a.md', before, withPhoto);
    expect(preview.entries.has('2024/a.md')).toBe(false);
    expect(preview.generation).toBe(2);

    const withCover = stored('2024/b.md', 'v2', { title: 'Khai giảng', cover: { src: COVER } }, ['./anh-bia.jpg']);
    const otherCover = stored('2024/b.md', 'v3', { title: 'Khai giảng', cover: { src: '__ASTRO_IMAGE_./khac.jpg' } }, [
      './anh-bia.jpg',
    ]);
    noteNewest(preview, '2024/b.md', withCover, otherCover);
    expect(preview.entries.has('2024/b.md')).toBe(false);

    noteNewest(preview, '2024/c.md', stored('2024/c.md', 'v1', {}), stored('2024/c.md', 'v2', {}));
    noteNewest(preview, '2024/c.md', stored('2024/c.md', 'v2', {}), undefined);
    expect(preview.entries.has('2024/c.md')).toBe(false);
    // A story new to the preview waits for the saved store too.
    noteNewest(preview, '2024/d.md', undefined, stored('2024/d.md', 'v1', {}));
    expect(preview.entries.size).toBe(0);
  });
});

describe('withNewestStories', () => {
  it('puts the newest version in place of the saved one, keeping the cover Astro resolved', () => {
    const preview = startPreviewStories();
    const image = { src: '/@fs/anh-bia.jpg', width: 1200, height: 800, format: 'jpg' };
    const saved = [
      shown('2024/a.md', 'v1', { title: 'Hội nghị', cover: { src: image, alt: 'Hội trường' } }),
      shown('2024/b.md', 'v1', { title: 'Khai giảng' }),
    ];
    const before = stored('2024/a.md', 'v1', { title: 'Hội nghị', cover: { src: COVER, alt: 'Hội trường' } }, [
      './anh-bia.jpg',
    ]);
    const after = stored('2024/a.md', 'v2', { title: 'Hội nghị (sửa)', cover: { src: COVER, alt: 'Hội trường lớn' } }, [
      './anh-bia.jpg',
    ]);
    noteNewest(preview, '2024/a.md', before, after);
    const [a, b] = withNewestStories(saved, preview);
    expect(a).toEqual({
      id: '2024/a.md',
      collection: 'articles',
      digest: 'v2',
      data: { title: 'Hội nghị (sửa)', cover: { src: image, alt: 'Hội trường lớn' } },
      rendered: after.rendered,
    });
    expect(b).toBe(saved[1]);
  });

  it('leaves the saved version once the saved store has caught up, and everything outside the preview', () => {
    const preview = startPreviewStories();
    noteNewest(preview, '2024/a.md', stored('2024/a.md', 'v1', {}), stored('2024/a.md', 'v2', { title: 'Mới' }));
    const caughtUp = [shown('2024/a.md', 'v2', { title: 'Mới' })];
    expect(withNewestStories(caughtUp, preview)[0]).toBe(caughtUp[0]);
    const old = [shown('2024/a.md', 'v1', { title: 'Cũ' })];
    expect(withNewestStories(old, undefined)).toBe(old);
  });
});
