import type { LoaderContext } from 'astro/loaders';
import { processSlot } from '../data/process-slot';

/** An entry of Astro's data store, as a loader sets it. */
export type StoreEntry = NonNullable<ReturnType<LoaderContext['store']['get']>>;

/**
 * The preview's newest version of the stories saved since it started, handed to pages ahead of
 * Astro's saved store. After a sync Astro waits 500 ms, then saves its whole store (about a second
 * at 10,000 stories), and pages see a saved story only once the store is read again: 2.5–3 s from
 * a save to its page. Only versions that show the images of the version before are kept here: a
 * new photo must first reach Astro's list of images, which pages get with the saved store.
 */
export interface PreviewStories {
  /** Changes whenever `entries` does, so that pages compute their data again. */
  generation: number;
  entries: Map<string, StoreEntry>;
}

const stories = processSlot<PreviewStories>('preview-stories');

/** Called by the preview's loader as it starts: pages of this process are then handed its newest stories. */
export function startPreviewStories(): PreviewStories {
  const started: PreviewStories = { generation: 0, entries: new Map() };
  stories.set(started);
  return started;
}

/** The newest stories of this process's preview, if it runs one. */
export function previewStories(): PreviewStories | undefined {
  return stories.get();
}

/**
 * Notes what the loader made of a story it read again: `after` is what the store now holds (none
 * when the story has a problem or left), `before` what it held.
 */
export function noteNewest(
  preview: PreviewStories,
  id: string,
  before: StoreEntry | undefined,
  after: StoreEntry | undefined,
): void {
  if (after !== undefined && before !== undefined && sameImages(before, after)) preview.entries.set(id, after);
  else if (!preview.entries.delete(id)) return;
  preview.generation += 1;
}

/** The cover's image as Astro's schema stored it (a string naming the file), if any. */
function coverOf(entry: StoreEntry): unknown {
  return (entry.data as { cover?: { src?: unknown } }).cover?.src;
}

function sameImages(a: StoreEntry, b: StoreEntry): boolean {
  const listA = a.assetImports ?? [];
  const listB = b.assetImports ?? [];
  return coverOf(a) === coverOf(b) && listA.length === listB.length && listA.every((image, index) => image === listB[index]);
}

/**
 * The collection as pages read it, with the preview's newer version of each story in place of
 * the one the saved store holds. The cover keeps the image Astro resolved (it is the same file).
 */
export function withNewestStories<Entry extends { id: string; digest?: string | undefined; data: object }>(
  saved: Entry[],
  preview: PreviewStories | undefined,
): Entry[] {
  if (preview === undefined || preview.entries.size === 0) return saved;
  return saved.map((entry) => {
    const newer = preview.entries.get(entry.id);
    if (newer === undefined || newer.digest === entry.digest) return entry;
    const cover = (entry.data as { cover?: { src: unknown } }).cover;
    const data = { ...newer.data } as Record<string, unknown>;
    if (cover !== undefined) data.cover = { ...(newer.data as { cover: object }).cover, src: cover.src };
    return { ...entry, data, digest: newer.digest, rendered: newer.rendered };
  });
}
