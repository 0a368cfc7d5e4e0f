import { basename } from 'node:path';
import { z } from 'astro/zod';
import { t } from '../../i18n/vi';
import { parseArticleDate } from './dates';
import { paths, sections } from '../discovery/paths';
import { aliasProblem, locationOf } from '../discovery/redirects';
import { reservedPage } from '../discovery/routes';
import { slugify } from './slug';

/**
 * Standing pages ("Giới thiệu", "Liên hệ", the English page): Markdown files in
 * `<content root>/pages/`, each at `/<file name>/`, never in article lists or feeds.
 */

/** Standing pages: the `.md` files directly in `pages/`. */
export const PAGE_PATTERN = '*.md';

const text = (what: string) => z.string({ required_error: what, invalid_type_error: t('check.page.text') });

const date = z.unknown().transform((value, ctx) => {
  const parsed = parseArticleDate(value);
  if (parsed === undefined) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: t('check.page.date') });
    return z.NEVER;
  }
  return parsed;
});

const textList = z
  .union([z.string(), z.array(z.string())], { errorMap: () => ({ message: t('check.page.text') }) })
  .transform((value) => (Array.isArray(value) ? value : [value]))
  .transform((list) => list.map((item) => item.trim()).filter((item) => item.length > 0));

/** The frontmatter of a standing page: the article rules that apply to a page, plus its language. */
export const pageSchema = z
  .object({
    /** The page's heading and title, non-empty. */
    title: text(t('check.page.title'))
      .transform((value) => value.trim())
      .refine((value) => value.length > 0, t('check.page.title')),
    /** Description for search engines and link previews. */
    summary: text(t('check.page.text'))
      .transform((value) => value.trim())
      .optional(),
    /** The date of the last revision, shown as "Cập nhật ngày". */
    updated: date.optional(),
    /** `true`: left out of the production build. */
    draft: z.boolean({ invalid_type_error: t('check.page.draft') }).default(false),
    /** Old-site URLs that must keep working. */
    aliases: textList.default([]).superRefine((list, ctx) => {
      for (const alias of list) {
        const problem = aliasProblem(alias);
        if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: t('check.page.alias', { problem }) });
      }
    }),
    /** The page's language (`<html lang>`): `vi` unless given, `en` for the English page. */
    lang: z
      .string({ invalid_type_error: t('check.page.lang') })
      .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/, t('check.page.lang'))
      .default('vi'),
  })
  .strict(t('check.page.unknown'));

/** A page's frontmatter after validation. */
export type PageData = z.output<typeof pageSchema>;

/** `path: field: problem (cần …)` lines for a page's frontmatter; empty when valid. */
export function pageProblems(fileLabel: string, data: unknown): string[] {
  const checked = pageSchema.safeParse(data);
  if (checked.success) return [];
  return checked.error.issues.map((issue) => {
    const field =
      issue.code === z.ZodIssueCode.unrecognized_keys
        ? issue.keys.join(', ')
        : issue.path.length > 0
          ? issue.path.join('.')
          : '(frontmatter)';
    return `${fileLabel}: ${field}: ${issue.message}`;
  });
}

/** A page's slug: its file name without `.md`, by the site's slug rules. */
export function pageSlug(id: string): string {
  return slugify(basename(id).replace(/\.md$/i, ''));
}

/** A page's claim on URLs, for collision checks. */
export interface PageClaim {
  slug: string;
  aliases: readonly string[];
  /** The file as messages name it. */
  fileLabel: string;
}

/** An article's claim on URLs (drafts included). */
export interface ArticleClaim {
  slug: string;
  aliases: readonly string[];
  fileLabel: string;
}

/** Sections of the site no page may take, beyond those `reservedPage` knows. */
function reservedSection(path: string): string | undefined {
  return path.split('/')[1] === sections.article ? `/${sections.article}/` : undefined;
}

/**
 * Every page whose address (or old address) is a section of the site, an
 * article's page or print view, an article's alias, or another page's: one line
 * per collision, naming both files.
 */
export function pageCollisions(pages: readonly PageClaim[], articles: readonly ArticleClaim[]): string[] {
  const problems: string[] = [];
  const claimed = new Map<string, string>();
  for (const article of articles) {
    for (const path of [paths.article(article.slug), paths.print(article.slug), ...article.aliases]) {
      const location = locationOf(path);
      if (!claimed.has(location)) claimed.set(location, article.fileLabel);
    }
  }
  const sorted = [...pages].sort((a, b) => (a.fileLabel < b.fileLabel ? -1 : a.fileLabel > b.fileLabel ? 1 : 0));
  for (const page of sorted) {
    if (page.slug === '') {
      problems.push(`${page.fileLabel}: slug: ${t('check.page.slug')}`);
      continue;
    }
    const own = [
      { field: 'slug', path: paths.page(page.slug) },
      ...page.aliases.map((alias) => ({ field: 'aliases', path: alias })),
    ];
    for (const { field, path } of own) {
      const owner = reservedPage(path) ?? reservedSection(path);
      if (owner !== undefined) {
        problems.push(`${page.fileLabel}: ${field}: ${t('check.page.reserved', { path, owner })}`);
        continue;
      }
      const location = locationOf(path);
      const other = claimed.get(location);
      if (other !== undefined) {
        problems.push(`${page.fileLabel}: ${field}: ${t('check.page.taken', { path, other })}`);
        continue;
      }
      claimed.set(location, page.fileLabel);
    }
  }
  return problems;
}
