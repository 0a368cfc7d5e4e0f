import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { contentCacheDir } from '../lib/content/content-root';
import { processSlot } from '../data/process-slot';

/**
 * What the loader notes of one rendered version of a story, beside its body in the content
 * cache. Not in Astro's data store: the preview saves the whole store again after every saved
 * story (devalue, value by value), and these notes were half of its values and a third of its text.
 */
export interface BodyNote {
  /** The local files the story shows or offers (cover, photos, attachments), relative to it. */
  files: string[];
  /** Those files' state when the story was checked (see the loader's `filesState`). */
  filesState: string;
  /** The first paragraph as plain text, for a summary when the frontmatter has none. */
  excerpt: string;
  /** The body's words spelled with `đ`, folded, for the search index. */
  dWords: string;
  /**
   * The story file's `size:mtime:ctime` when it was last read, if it had not changed for a while
   * then (see the loader's `settledStamp`): a file with the same one now is not read again.
   */
  fileStamp?: string | undefined;
}

/** The notes of a content root's stories, by `noteKey`. */
export type BodyNotes = Map<string, BodyNote>;

/**
 * A note's key: the story's id and its body's digest. A page reading a store saved before the
 * latest sync finds the note of the version that store names, as long as the sync kept it.
 */
export function noteKey(id: string, bodyDigest: string): string {
  return `${bodyDigest} ${id}`;
}

/** The notes' file, in the content root's cache beside the rendered bodies. */
export function bodyNotesFile(projectRoot: string): string {
  return join(projectRoot, contentCacheDir(projectRoot), 'body-notes.json');
}

/**
 * The notes saved in `file`. None when it is missing or unreadable (a cache that was cleared or
 * cut short): every story is then read and rendered again, as on a first run.
 */
export function readBodyNotes(file: string): BodyNotes {
  try {
    const saved: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return saved !== null && typeof saved === 'object' && !Array.isArray(saved)
      ? new Map(Object.entries(saved as Record<string, BodyNote>))
      : new Map();
  } catch {
    return new Map();
  }
}

/** Saves `notes` to `file` through a temporary file: a reader finds the old notes or the new ones. */
export function writeBodyNotes(file: string, notes: BodyNotes): void {
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.tmp`;
  const text = JSON.stringify(Object.fromEntries(notes));
  writeFileSync(partial, text);
  try {
    renameSync(partial, file);
  } catch {
    // Windows refuses to replace a file another process has open: written in place instead.
    writeFileSync(file, text);
    rmSync(partial, { force: true });
  }
}

const shared = processSlot<BodyNotes>('body-notes');

/** Hands pages of this process the loader's notes of the bodies, kept up to date by it. */
export function shareBodyNotes(held: BodyNotes): void {
  shared.set(held);
}

/** The loader's notes of the bodies, when it runs in this process (the build and the preview). */
export function sharedBodyNotes(): BodyNotes | undefined {
  return shared.get();
}
