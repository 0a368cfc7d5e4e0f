import { existsSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { z } from 'zod';
import { articleSchema, fieldIssues, formatIssues } from './article-schema';
import { attachmentsBeside } from './attachments';
import { findCollisions, type Claimant } from './articles';
import { paths } from './paths';
import { locationOf, reservedPage } from './redirects';
import { articleSlug } from './slug';
import { normaliseNfc } from './text';

// The rules a story must pass before the site is built, shared by the build's loader and
// `npm run check` so that both report the same lines.

/** Articles: any `.md` file below `articles/`, as a single file or as a folder's `index.md`. */
export const ARTICLE_PATTERN = '**/*.md';

/** How a file is named in messages: relative to the project when inside it, else absolute. */
export function displayPath(projectRoot: string, filePath: string): string {
  const absolute = isAbsolute(filePath) ? filePath : resolve(projectRoot, filePath);
  const rel = relative(projectRoot, absolute);
  return rel.startsWith('..') || isAbsolute(rel) ? absolute : rel;
}

/** A local image path (not a URL, not site-absolute) beside an article. */
function isLocalImage(src: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(src) && !src.startsWith('/');
}

/** The image field used for validation: a local file beside the article. */
export function imageBeside(articleFile: string) {
  return z
    .string({
      required_error: 'is required (expected a path to an image beside the article)',
      invalid_type_error: 'expected a path to an image',
    })
    .refine((src) => !isLocalImage(src) || existsSync(resolve(dirname(articleFile), src)), {
      message: 'image file not found (expected a path to an image beside the article, e.g. ./anh-bia.jpg)',
    });
}

/** The outcome of checking one article's frontmatter. */
export interface FrontmatterCheck<Data extends Record<string, unknown>> {
  /** The frontmatter with every string in NFC. */
  data: Data;
  /** The schema's output when the frontmatter is valid. */
  parsed?: z.output<ReturnType<typeof articleSchema<ReturnType<typeof imageBeside>>>>;
  /** `path: field: problem (expected …)` lines; empty when valid. */
  problems: string[];
}

/** Checks an article's frontmatter against the schema, its cover image against the files beside it. */
export async function validateFrontmatter<Data extends Record<string, unknown>>(
  data: Data,
  filePath: string,
  shown: string,
): Promise<FrontmatterCheck<Data>> {
  const normalised = normaliseNfc(data);
  const checked = await articleSchema(imageBeside(filePath))
    .superRefine(attachmentsBeside(filePath))
    .safeParseAsync(normalised);
  if (checked.success) return { data: normalised, parsed: checked.data, problems: [] };
  return { data: normalised, problems: formatIssues(shown, fieldIssues(checked.error)) };
}

/** The line for frontmatter YAML cannot read; `line` is the parser's 0-based line, when known. */
export function malformedYamlProblem(shown: string, reason: string, line: number | undefined): string {
  const where = line === undefined ? '' : ` near line ${line + 1}`;
  return `${shown}: frontmatter: malformed YAML${where}: ${reason} (expected "field: value" lines between the two --- lines; put text containing : # [ ] { } in quotes)`;
}

/** One line per image of the body (as Markdown's parser collected them) with no file beside the article. */
export function missingBodyImageProblems(
  filePath: string,
  shown: string,
  localImagePaths: readonly string[],
): string[] {
  return localImagePaths
    .filter((src) => !existsSync(resolve(dirname(filePath), decodeURI(src))))
    .map((src) => `${shown}: body: image "${src}" not found (expected an image file beside the article)`);
}

/** A valid article's claim on URLs. */
export interface ArticleClaim {
  /** The file's path below `articles/`, in NFC (the collection id). */
  id: string;
  /** The file as messages name it. */
  shown: string;
  /** The `slug` field, when given. */
  slug?: string | undefined;
  aliases?: readonly string[] | undefined;
}

/**
 * Slug and alias problems over the whole collection (drafts included): a file
 * name that gives no slug, and every slug or alias two files claim.
 */
export function collisionProblems(articles: readonly ArticleClaim[]): string[] {
  const problems: string[] = [];
  const claimants: Claimant[] = [];
  for (const article of articles) {
    const slug = articleSlug(article.id, article.slug);
    if (slug === '') {
      problems.push(
        `${article.shown}: slug: the file name gives no slug (expected a name with letters or digits, or a slug field)`,
      );
      continue;
    }
    claimants.push({ slug, aliases: article.aliases ?? [], filePath: article.shown });
  }
  // File order, not load order: the same content always gives the same message.
  claimants.sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));
  problems.push(
    ...findCollisions(claimants, (slug) => [paths.article(slug), paths.print(slug)], { locationOf, reservedPage }),
  );
  return problems;
}
