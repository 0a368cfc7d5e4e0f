import { realpathSync } from 'node:fs';
import { dirname, extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { z } from 'astro/zod';
import sharp from 'sharp';
import { t } from '../i18n/vi';
import { articleSchema, fieldIssues, type ArticleData } from '../lib/content/article-schema';
import { attachmentsBeside } from '../lib/content/attachments';
import { articleWarnings } from '../lib/content/article-warnings';
import { findCollisions } from '../lib/content/collisions';
import { nestingMessage } from '../lib/markdown/nesting';
import type { BodyMetadata } from '../lib/markdown/render';
import { paths } from '../lib/discovery/paths';
import { locationOf } from '../lib/discovery/redirects';
import { reservedPage } from '../lib/discovery/routes';
import { articleSlug, tagSlug } from '../lib/content/slug';
import { isInside, readStory, type FieldProblem, type StoryFile } from './source';

// The one validation flow of a story, used by the build's loader and by `npm run check` alike:
// read the file, check the frontmatter against the schema once, render the body, check its
// images; then, over the whole collection, slugs, aliases and tag spellings.

/** How a file is named in messages: relative to the project when inside it, else absolute. */
export function displayPath(projectRoot: string, filePath: string): string {
  // A file below the project, as every story of a content root inside it: its path from the
  // project, without `path.relative` (which resolves both paths again, for each of 10,000 stories).
  const base = projectRoot.endsWith(sep) ? projectRoot : `${projectRoot}${sep}`;
  const normal = !filePath.includes(`${sep}.${sep}`) && !filePath.includes(`${sep}${sep}`) && !filePath.includes('..');
  if (isAbsolute(base) && filePath.startsWith(base) && normal) return filePath.slice(base.length).split('\\').join('/');
  const absolute = isAbsolute(filePath) ? filePath : resolve(projectRoot, filePath);
  const rel = relative(projectRoot, absolute);
  return rel.startsWith('..') || isAbsolute(rel) ? absolute : rel.split('\\').join('/');
}

/** Image types the site publishes (astro:assets optimises them). */
const IMAGE_TYPES = ['.jpg', '.jpeg', '.png', '.webp', '.avif', '.gif', '.tif', '.tiff'];
const IMAGE_TYPE_NAMES = 'JPEG, PNG, WebP, AVIF hoặc GIF';

/** True for an image the site does not hold itself (a URL or a site-absolute path). */
function isRemote(src: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('/');
}

/**
 * Why an image beside a story cannot be published, or `undefined`: it must
 * exist, resolve inside the content root (symbolic links followed), be a
 * photo type (SVG can carry scripts) and decode as an image.
 */
export async function imageProblem(src: string, storyFile: string, contentRoot: string): Promise<string | undefined> {
  if (isRemote(src)) return undefined;
  let decoded = src;
  try {
    decoded = decodeURI(src);
  } catch {
    // Written with a literal %: looked up as written.
  }
  const wanted = resolve(dirname(storyFile), decoded);
  let real: string;
  try {
    real = realpathSync(wanted);
  } catch {
    return isInside(resolve(contentRoot), wanted)
      ? t('problem.image.missing', { src })
      : t('problem.image.outside', { src });
  }
  if (!isInside(realpathSync(contentRoot), real)) return t('problem.image.outside', { src });
  const type = extname(real).toLowerCase();
  if (type === '.svg' || type === '.svgz') return t('problem.image.svg', { src, types: IMAGE_TYPE_NAMES });
  if (!IMAGE_TYPES.includes(type)) return t('problem.image.type', { src, types: IMAGE_TYPE_NAMES });
  try {
    // A small decode of the whole picture: a corrupt file fails here, not in the image service.
    await sharp(real, { failOn: 'error' }).resize(8, 8, { fit: 'inside' }).toBuffer();
  } catch {
    return t('problem.image.broken', { src, types: IMAGE_TYPE_NAMES });
  }
  return undefined;
}


/** Where a story is and what "now" is, for its checks. */
export interface StoryContext {
  contentRoot: string;
  projectRoot: string;
  now: Date;
}

/** Checks a frontmatter against the schema, and its cover image on disk. */
export async function checkFrontmatter(
  data: Record<string, unknown>,
  storyFile: string,
  { contentRoot, now }: StoryContext,
): Promise<{ data?: ArticleData; problems: FieldProblem[] }> {
  const cover = z.string().superRefine(async (src, ctx) => {
    const problem = await imageProblem(src, storyFile, contentRoot);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
  const checked = await articleSchema(cover, { now }).superRefine(attachmentsBeside(storyFile)).safeParseAsync(data);
  if (checked.success) return { data: checked.data, problems: [] };
  return { problems: fieldIssues(checked.error) };
}

/** Renders a body (on a worker thread in the build, in process in `check`). */
export type RenderBody = (body: string, storyFile: string) => Promise<BodyMetadata>;

/** What checking one story gave. */
export interface CheckedStory {
  story: StoryFile;
  /** The file as messages name it. */
  fileLabel: string;
  /** The story's text as read (for its digest); absent when unreadable. */
  raw?: string;
  /** The valid frontmatter; absent when the story has a problem. */
  data?: ArticleData;
  /** The rendered body's metadata, when valid. */
  body?: BodyMetadata;
  /** `path: field: problem` lines. */
  problems: string[];
  /** `path: field: cảnh báo: …` lines. */
  warnings: string[];
}

/** Why rendering a body failed, for the editor (without the parser's wrapping, which names the file again). */
function renderProblem(error: unknown): FieldProblem {
  const message = String((error as { message?: unknown }).message ?? error).replace(/^Failed to parse Markdown file[^\n]*\n/, '');
  const nesting = nestingMessage();
  // A stack overflow in a recursive step is what deep nesting does past the limit check.
  if (message.includes(nesting) || error instanceof RangeError || /call stack/i.test(message))
    return { field: 'body', message: nesting };
  return { field: 'body', message: t('problem.body.render', { reason: message }) };
}

/**
 * Reads and checks one story: file, frontmatter, body (rendered by `render`)
 * and its images; warnings come from the same reading.
 */
export async function checkStory(
  story: StoryFile,
  context: StoryContext,
  render: RenderBody,
): Promise<CheckedStory> {
  const fileLabel = displayPath(context.projectRoot, story.file);
  const lines = (problems: FieldProblem[]) =>
    problems.map(({ field, message }) => t('problem.line', { file: fileLabel, field, message }));
  const read = readStory(story.file);
  if ('problem' in read) return { story, fileLabel, problems: lines([read.problem]), warnings: [] };
  const frontmatter = await checkFrontmatter(read.data, story.file, context);
  const warnings = articleWarnings({
    fileLabel,
    data: read.data,
    body: read.body,
    now: context.now,
  });
  if (!frontmatter.data) return { story, fileLabel, raw: read.raw, problems: lines(frontmatter.problems), warnings };
  let body: BodyMetadata;
  try {
    body = await render(read.body, story.file);
  } catch (error) {
    return { story, fileLabel, raw: read.raw, problems: lines([renderProblem(error)]), warnings };
  }
  const imageProblems: FieldProblem[] = [];
  for (const src of body.localImagePaths) {
    const problem = await imageProblem(src, story.file, context.contentRoot);
    if (problem) imageProblems.push({ field: 'body', message: problem });
  }
  if (imageProblems.length > 0) return { story, fileLabel, raw: read.raw, problems: lines(imageProblems), warnings };
  return { story, fileLabel, raw: read.raw, data: frontmatter.data, body, problems: [], warnings };
}

/** A valid story's claim on addresses and tags, for the checks over the whole collection. */
export interface StoryClaim {
  /** The file's path below `articles/` (the collection id). */
  id: string;
  /** The file as messages name it. */
  fileLabel: string;
  slug?: string | undefined;
  aliases: readonly string[];
  tags: readonly string[];
}

/**
 * Problems over the whole collection (drafts included): a file name that gives
 * no slug, every slug or alias two files claim, aliases on the site's own pages.
 */
export function collectionProblems(claims: readonly StoryClaim[]): string[] {
  const problems: string[] = [];
  const claimants = [];
  for (const claim of claims) {
    const slug = articleSlug(claim.id, claim.slug);
    if (slug === '') {
      problems.push(t('problem.line', { file: claim.fileLabel, field: 'slug', message: t('problem.slug.fromName') }));
      continue;
    }
    claimants.push({ slug, aliases: claim.aliases, filePath: claim.fileLabel });
  }
  // File order, not load order: the same content always gives the same message.
  claimants.sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));
  problems.push(
    ...findCollisions(claimants, (slug) => [paths.article(slug), paths.print(slug)], { locationOf, reservedPage }),
  );
  return problems;
}

/** Tags spelt differently (beyond letter case) that would share one tag page, as warnings. */
export function tagSpellingWarnings(claims: readonly StoryClaim[]): string[] {
  const bySlug = new Map<string, Map<string, Set<string>>>();
  for (const claim of claims) {
    for (const tag of claim.tags) {
      const slug = tagSlug(tag);
      if (slug === '') continue;
      const spellings = bySlug.get(slug) ?? new Map<string, Set<string>>();
      const key = tag.toLocaleLowerCase('vi');
      spellings.set(key, (spellings.get(key) ?? new Set()).add(claim.fileLabel));
      bySlug.set(slug, spellings);
    }
  }
  const warnings: string[] = [];
  for (const [slug, spellings] of bySlug) {
    if (spellings.size < 2) continue;
    const names = [...spellings.keys()].sort();
    const files = [...new Set([...spellings.values()].flatMap((set) => [...set]))].sort();
    const first = files[0] ?? '';
    warnings.push(
      t('problem.line', {
        file: first,
        field: 'tags',
        message: t('problem.warning', {
          message: t('problem.tagSpellings', { names: names.join('", "'), slug, files: files.join(', ') }),
        }),
      }),
    );
  }
  return warnings.sort();
}
