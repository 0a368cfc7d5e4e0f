import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ImageMetadata } from 'astro';
import { z } from 'astro/zod';
import type { Loader, LoaderContext } from 'astro/loaders';
import {
  articleHtmlDir,
  articleHtmlFile,
  articleHtmlName,
  bodyRenderer,
  pipelineDigest,
  type BodyRenderer,
} from '../data/article-html';
import { t } from '../i18n/vi';
import { publicationNow } from '../lib/content/publication';
import { ownSegments } from '../lib/discovery/routes';
import { articlesDir, contentCacheDir, contentRoot } from '../lib/content/content-root';
import { processSlot } from '../data/process-slot';
import type { BodyRequest } from '../lib/markdown/render';
import { holdingStoreSave } from './astro-store-save';
import {
  bodyNotesFile,
  noteKey,
  readBodyNotes,
  shareBodyNotes,
  writeBodyNotes,
  type BodyNote,
  type BodyNotes,
} from './body-notes';
import { isStoryFileName, listStories, type StoryFile } from './source';
import { followWatcher, watchArticles, watcherPolls } from './articles-watcher';
import { noteNewest, startPreviewStories, type PreviewStories } from './preview-stories';
import type { ArticleData } from '../lib/content/article-schema';
import { checkStory, collectionProblems, displayPath, type StoryClaim } from './validate';

/** Where the collection's metadata keeps the digest of the Markdown pipeline its bodies were rendered with. */
const PIPELINE_KEY = 'ban-tin-pipeline';

/** How long the preview waits after a sync to write the notes' file, in case another save follows. */
const NOTES_WRITE_DELAY_MS = 1_000;

/** How many stories are read and checked at once (bodies render on worker threads meanwhile). */
const CONCURRENCY = 16;

/**
 * What Astro stores of an article: the checked frontmatter, with the cover's
 * `src` turned into an image by Astro's `image()` (the only part it parses).
 */
export function storedArticleSchema<Image extends z.ZodTypeAny>(image: Image) {
  return z.object({ cover: z.object({ src: image }).passthrough().optional() }).passthrough();
}

/** An article's data as pages read it from the store. */
export type StoredArticle = Omit<ArticleData, 'cover'> & {
  cover?: { src: ImageMetadata; alt: string; caption?: string | undefined } | undefined;
};

// A type alias, not an interface: TypeScript lets only an alias fill the index signature of
// Astro's `rendered.metadata` type without a copy.
/** What Astro's store keeps of a rendered body (the rest is in its note, see `BodyNote`). */
export type StoredBody = {
  /** The images Astro's image pipeline must handle, relative to the story's file. */
  imagePaths: string[];
  /** Names the body's HTML file in the content cache, and its note. */
  bodyDigest: string;
};

/** Where the body an entry names is: its digest, empty for an entry stored without one. */
export function bodyDigestOf(entry: { rendered?: { metadata?: unknown } | undefined }): string {
  return (entry.rendered?.metadata as StoredBody | undefined)?.bodyDigest ?? '';
}

/** The collections whose loaders report content problems to the preview. */
export const PREVIEWED_COLLECTIONS = ['articles', 'pages'] as const;

/** The file the preview reads a collection's content problems from (`npm run dev` only). */
export function devProblemsFile(projectRoot: string, collection: (typeof PREVIEWED_COLLECTIONS)[number]): string {
  return join(projectRoot, contentCacheDir(projectRoot), `content-problems-${collection}.json`);
}

/**
 * The state of the files a story refers to, relative to its own file: the
 * size of each, or that it is missing. A story whose text is unchanged is
 * checked again when this changes (a photo deleted or replaced). Not the time
 * of change: a fresh checkout gives every file a new one, and the cache kept
 * between CI runs would then be of no use to stories with photos.
 */
function filesState(storyFile: string, files: readonly string[]): string {
  const dir = dirname(storyFile);
  return files
    .map((file) => {
      try {
        const stat = statSync(resolve(dir, file));
        return String(stat.size);
      } catch {
        return '-';
      }
    })
    .join('|');
}

/**
 * How long a file must have been left alone before its stamp is trusted: a file saved again
 * within the file system's time resolution (a second or two on some) with the same size would
 * otherwise keep its stamp.
 */
const SETTLED_MS = 3_000;

/** A story file's stamp, if it was last changed long enough before `readAt` to be trusted. */
export function settledStamp(story: StoryFile, readAt: number): string | undefined {
  if (story.stamp === undefined) return undefined;
  const lastChange = Math.max(...story.stamp.split(':').slice(1).map(Number));
  return readAt - lastChange > SETTLED_MS ? story.stamp : undefined;
}

/** Runs `task` over `items`, at most `limit` at a time. */
async function eachLimited<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next] as T;
      next += 1;
      await task(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * Loads every story of the content root into the store: stories whose text is
 * unchanged are kept as they are; the others are checked (one validation flow,
 * shared with `npm run check`) and their bodies rendered on worker threads
 * into the content cache. Returns the problems, as lines for editors.
 *
 * `cache.notes` are those of the bodies in the content cache, saved to
 * `cache.file` at the end. `saved`, in the preview, names the story files
 * saved, added or deleted since the last sync, when nothing else changed:
 * every other story in the store is then kept without reading its file again
 * (Astro still holds its images).
 */
async function syncArticles(
  context: LoaderContext,
  projectRoot: string,
  renderers: Renderers,
  cache: LoaderState,
  saved?: ReadonlySet<string>,
): Promise<string[]> {
  const { notes } = cache;
  const root = contentRoot(projectRoot);
  const dir = articlesDir(root);
  const fileLabel = (file: string) => displayPath(projectRoot, file);
  const { store, meta } = context;
  const pipeline = pipelineDigest(projectRoot);
  if (meta.get(PIPELINE_KEY) !== pipeline) {
    store.clear();
    meta.set(PIPELINE_KEY, pipeline);
  }
  const problems: string[] = [];
  if (!existsSync(dir)) return [t('problem.line', { file: fileLabel(dir), field: 'articles', message: t('problem.articles.missing') })];
  const htmlDir = articleHtmlDir(projectRoot);
  mkdirSync(htmlDir, { recursive: true });
  const keyOf = (entry: { id: string; rendered?: { metadata?: unknown } | undefined }) => noteKey(entry.id, bodyDigestOf(entry));
  // In the preview, pages keep reading the store as Astro last saved it until it saves this
  // sync's (it waits 500 ms): the bodies and notes that store names must outlive this sync.
  const prune = cache.prune;
  const stillRead = prune && context.watcher ? store.values() : [];
  // Later syncs of the preview delete none: saves in quick succession can leave the saved store
  // more than one sync behind. The next start or build deletes what no story holds.
  if (context.watcher) cache.prune = false;
  // After saves, only the saved files are read, and a file just saved has no settled stamp to note.
  const { stories, problems: fileProblems } = listStories(dir, root, { stamps: !saved });
  for (const [file, list] of fileProblems) {
    for (const { field, message } of list) problems.push(t('problem.line', { file: fileLabel(file), field, message }));
  }

  const renderer = renderers.for(pipeline);
  // Astro's own image settings (its config type spells optional fields differently).
  const image = {
    domains: context.config.image.domains,
    remotePatterns: context.config.image.remotePatterns,
  } as BodyRequest['image'];
  const now = publicationNow();
  const claims: StoryClaim[] = [];
  const claimOf = (id: string, file: string, data: Pick<ArticleData, 'slug' | 'aliases' | 'tags'>): StoryClaim => ({
    id,
    fileLabel: fileLabel(file),
    slug: data.slug,
    aliases: data.aliases,
    tags: data.tags,
  });
  await eachLimited(stories, CONCURRENCY, async (story) => {
    const existing = store.get(story.id);
    if (saved && existing && !story.linked && !saved.has(story.file)) {
      claims.push(claimOf(story.id, story.file, existing.data as unknown as StoredArticle));
      return;
    }
    const existingBody = existing && notes.get(keyOf(existing));
    const stillRendered =
      existing !== undefined &&
      existingBody !== undefined &&
      existsSync(articleHtmlFile(htmlDir, bodyDigestOf(existing))) &&
      existingBody.filesState === filesState(story.file, existingBody.files);
    // Astro rebuilds its list of images to process on every sync: an entry with images is set
    // again so that its cover and body images are on it (setting an unchanged digest is a no-op).
    const keep = (entry: NonNullable<typeof existing>) => {
      if ((entry.assetImports?.length ?? 0) > 0) {
        store.delete(story.id);
        store.set(entry);
      }
      claims.push(claimOf(story.id, story.file, entry.data as unknown as StoredArticle));
    };
    // Not changed since it was read (a saved file is read whatever its stamp says).
    if (stillRendered && story.stamp !== undefined && existingBody.fileStamp === story.stamp && !saved?.has(story.file)) {
      keep(existing);
      return;
    }
    const readAt = Date.now();
    let digest: string;
    try {
      digest = context.generateDigest(readFileSync(story.file).toString('utf8'));
    } catch {
      digest = '';
    }
    if (stillRendered && existing.digest === digest) {
      // The same text under a new stamp (a fresh checkout): kept, with the stamp for next time.
      notes.set(keyOf(existing), { ...existingBody, fileStamp: settledStamp(story, readAt) });
      cache.unsaved = true;
      keep(existing);
      return;
    }
    const htmlFile = articleHtmlFile(htmlDir, digest);
    const checked = await checkStory(story, { contentRoot: root, projectRoot, now }, (body, filePath) =>
      renderer.run({ body, filePath, htmlFile, image }),
    );
    if (!checked.data || !checked.body) {
      problems.push(...checked.problems);
      store.delete(story.id);
      if (cache.preview) noteNewest(cache.preview, story.id, existing, undefined);
      return;
    }
    const filePath = relative(projectRoot, story.file).split(sep).join('/');
    const data = await context.parseData({ id: story.id, data: checked.data as Record<string, unknown>, filePath });
    const files = [
      ...(checked.data.cover ? [checked.data.cover.src] : []),
      ...checked.body.localImagePaths,
      ...checked.data.attachments.map((attachment) => attachment.src),
    ];
    const imagePaths = [...checked.body.localImagePaths, ...checked.body.remoteImagePaths];
    const note: BodyNote = {
      files,
      filesState: filesState(story.file, files),
      excerpt: checked.body.excerpt,
      dWords: checked.body.dWords,
      fileStamp: settledStamp(story, readAt),
    };
    // Checked again with its text unchanged (a photo it shows was replaced): setting the same
    // digest would be a no-op, and Astro would not list its images.
    if (existing?.digest === digest) store.delete(story.id);
    notes.set(noteKey(story.id, digest), note);
    cache.unsaved = true;
    const stored: StoredBody = { imagePaths, bodyDigest: digest };
    store.set({
      id: story.id,
      data,
      digest,
      filePath,
      rendered: { html: '', metadata: stored },
      // The body's images, for Astro's image pipeline (what its glob loader hands it).
      assetImports: imagePaths,
    });
    if (cache.preview) noteNewest(cache.preview, story.id, existing, store.get(story.id));
    claims.push(claimOf(story.id, story.file, checked.data));
  });

  // Stories that left the folder, and bodies and notes no story holds any more.
  const ids = new Set(stories.map((story) => story.id));
  for (const id of store.keys()) {
    if (ids.has(id)) continue;
    store.delete(id);
    if (cache.preview) noteNewest(cache.preview, id, undefined, undefined);
  }
  if (prune) {
    const kept = [...store.values(), ...stillRead];
    const keptNotes = new Set(kept.map(keyOf));
    for (const key of notes.keys()) {
      if (keptNotes.has(key)) continue;
      notes.delete(key);
      cache.unsaved = true;
    }
    const keptBodies = new Set(kept.map((entry) => articleHtmlName(bodyDigestOf(entry))));
    for (const name of readdirSync(htmlDir)) if (!keptBodies.has(name)) rmSync(join(htmlDir, name), { force: true });
  }
  // Saved before the store, which Astro saves after this sync: no saved store names a body without
  // its note. After the preview's first sync its pages read the notes from memory, and the file is
  // for its next start: written once saves pause, not on the way from a save to its page (a store
  // saved before it only costs that start a render of the stories saved meanwhile).
  const save = () => {
    writeBodyNotes(cache.file, notes);
    cache.unsaved = false;
  };
  clearTimeout(cache.writing);
  if (cache.unsaved && (prune || !context.watcher)) save();
  else if (cache.unsaved) cache.writing = setTimeout(save, NOTES_WRITE_DELAY_MS).unref();

  // Slugs and aliases over the whole collection, drafts included, before any page is written.
  claims.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  problems.push(...checkedCollection(claims, pipeline, cache));
  return problems.sort();
}

/**
 * The last collection check: a digest of what it was given and the problems it found. Kept in the
 * content cache, so that neither a save that changes no file name, slug or alias nor a start over
 * unchanged stories checks the collection again (0.1–0.3 s at 10,000 stories).
 */
interface CollectionCheck {
  given: string;
  problems: string[];
}

const collectionCheckFile = (projectRoot: string) =>
  join(projectRoot, contentCacheDir(projectRoot), 'collection-check.json');

function readCollectionCheck(file: string): CollectionCheck | undefined {
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as Partial<CollectionCheck>;
    return typeof saved.given === 'string' && Array.isArray(saved.problems)
      ? { given: saved.given, problems: saved.problems.map(String) }
      : undefined;
  } catch {
    return undefined;
  }
}

/** `collectionProblems` of `claims`, checked again only when what it is given changed. */
function checkedCollection(claims: readonly StoryClaim[], pipeline: string, cache: LoaderState): string[] {
  // Besides the claims, the problems depend on the code and the site's settings (the pipeline's
  // digest) and on the site's own addresses (its routes and public files).
  const given = createHash('sha256')
    .update(pipeline)
    .update(JSON.stringify([...ownSegments()]))
    .update(JSON.stringify(claims.map((claim) => [claim.id, claim.fileLabel, claim.slug, claim.aliases])))
    .digest('hex');
  if (cache.collection?.given === given) return cache.collection.problems;
  cache.collection = { given, problems: collectionProblems(claims) };
  writeFileSync(cache.collectionFile, JSON.stringify(cache.collection));
  return cache.collection.problems;
}

/**
 * The worker threads that render bodies. A build ends them after its one sync;
 * the preview keeps them between saves, started again only when the Markdown
 * pipeline's code or settings change.
 */
class Renderers {
  private kept: { pipeline: string; renderer: BodyRenderer } | undefined;

  constructor(private readonly cacheDir: string) {}

  for(pipeline: string): BodyRenderer {
    if (this.kept?.pipeline !== pipeline) {
      void this.kept?.renderer.close();
      this.kept = { pipeline, renderer: bodyRenderer(this.cacheDir) };
    }
    return this.kept.renderer;
  }

  /** Starts the last pipeline's renderer, so that it is ready when a story is saved. */
  async start(): Promise<void> {
    await this.kept?.renderer.start();
  }

  async close(): Promise<void> {
    await this.kept?.renderer.close();
    this.kept = undefined;
  }
}

/** What the loader holds from one sync to the next (the preview's), the notes of the bodies first. */
interface LoaderState {
  notes: BodyNotes;
  /** Where they are saved. */
  file: string;
  /** Whether the next sync deletes the bodies and notes no story holds. */
  prune: boolean;
  /** In the preview, the stories it read again, for pages ahead of Astro's saved store. */
  preview?: PreviewStories;
  /** Whether `notes` changed since they were read or last saved. */
  unsaved?: boolean;
  /** The preview's next write of the notes' file. */
  writing?: NodeJS.Timeout;
  /** The last collection check, and its file. */
  collection?: CollectionCheck | undefined;
  collectionFile: string;
}

/**
 * Ends the preview's watches of the collection's last load. Astro loads the collection again (and
 * drops the handlers it was given) when the content config changes; the watches then start anew.
 */
const unwatch = processSlot<() => void>('articles-unwatch');

/**
 * The articles collection, on Astro's public Loader API: every story of
 * `<contentRoot>/articles` read, checked and rendered by our own code.
 *
 * In a build, any problem stops it with one Vietnamese line per problem (file,
 * field, what to write instead) and no stack trace. In `npm run dev` a story
 * with a problem is left out, every other page keeps working, and the problems
 * are shown on every page (see `devProblemsFile`) until the file is fixed.
 */
export function articlesLoader(): Loader {
  return {
    name: 'ban-tin-articles',
    load: async (context) => {
      // A collection loaded again ends the watches of the last load first: their syncs would run beside this one's.
      unwatch.get()?.();
      const projectRoot = fileURLToPath(context.config.root);
      const renderers = new Renderers(fileURLToPath(context.config.cacheDir));
      const file = bodyNotesFile(projectRoot);
      const collectionFile = collectionCheckFile(projectRoot);
      const cache: LoaderState = {
        notes: readBodyNotes(file),
        file,
        prune: true,
        collection: readCollectionCheck(collectionFile),
        collectionFile,
      };
      // Pages built or shown by this process read the notes from here, not from their file.
      shareBodyNotes(cache.notes);
      if (context.watcher) cache.preview = startPreviewStories();
      const sync = (saved?: ReadonlySet<string>) =>
        holdingStoreSave(context, () => syncArticles(context, projectRoot, renderers, cache, saved));
      const { watcher } = context;
      if (!watcher) {
        const problems = await sync().finally(() => renderers.close());
        if (problems.length === 0) return;
        // Astro would print a thrown error's stack trace after the editor's lines.
        context.logger.error(`${t('build.failed', { count: problems.length })}\n${problems.join('\n')}`);
        process.exit(1);
      }
      const report = (problems: string[]) => {
        const file = devProblemsFile(projectRoot, 'articles');
        mkdirSync(join(file, '..'), { recursive: true });
        writeFileSync(file, JSON.stringify(problems));
        for (const line of problems) context.logger.warn(line);
      };
      report(await sync());
      // A warm start renders nothing: the first saved story would wait for a thread to start and
      // load the Markdown pipeline (about a second). A failure to start shows on that save, which
      // waits for the same start.
      renderers.start().catch(() => undefined);
      const root = contentRoot(projectRoot);
      const dir = articlesDir(root);
      // One sync at a time; changes during a sync trigger one more. Saving, adding or deleting story
      // files re-reads those alone; any other change (a photo, an attachment, a folder) all of them.
      let running: Promise<void> | undefined;
      let again = false;
      let saved: Set<string> | 'all' = new Set();
      // Vite's watcher leaves the articles folder to ours (see `previewIgnored`), and is told what
      // its own watch would have seen: it reloads the images it made of a photo changed or deleted,
      // and Astro keeps the pages of each route (their getStaticPaths) until it reports a change,
      // which it is told once a sync has handed pages newer stories. When it polls (a shared
      // folder, which gives no file events), it watches the articles folder too and the loader
      // follows it; what the loader tells it then must not come back as a change.
      const polls = watcherPolls(context.config.vite?.server?.watch?.usePolling);
      let telling = false;
      const tellVite = (paths: Iterable<string>) => {
        telling = true;
        try {
          for (const path of paths) watcher.emit(existsSync(path) ? 'change' : 'unlink', path);
        } finally {
          telling = false;
        }
      };
      const resync = () => {
        if (running) {
          again = true;
          return;
        }
        const changed = saved;
        saved = new Set();
        const generation = cache.preview?.generation;
        running = sync(changed === 'all' ? undefined : changed)
          .then(report, (error: unknown) => report([String(error)]))
          .then(() => {
            if (cache.preview?.generation !== generation) tellVite(changed === 'all' ? [dir] : changed);
          })
          .finally(() => {
            running = undefined;
            if (again) {
              again = false;
              resync();
            }
          });
      };
      const changed = (paths: ReadonlySet<string>) => {
        const others = [...paths].filter((path) => !isStoryFileName(path));
        if (others.length > 0) {
          saved = 'all';
          // A polling watcher saw them itself.
          if (!polls) tellVite(others);
        } else if (saved !== 'all') for (const path of paths) saved.add(path);
        resync();
      };
      const files = polls
        ? followWatcher(watcher, dir, changed, () => telling)
        : watchArticles(dir, root, changed);
      unwatch.set(() => files.close());
    },
  };
}
