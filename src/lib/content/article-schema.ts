import { z } from 'astro/zod';
import { t } from '../../i18n/vi';
import { categorySlugs, site } from '../../site.config';
import { attachmentsField } from './attachments';
import { dateProblem, parseArticleDate } from './dates';
import { aliasProblem } from '../discovery/redirects';
import { isValidSlug, MAX_SLUG_LENGTH, tagSlug } from './slug';

/** How a value of the wrong type is named in a message. */
function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'một danh sách';
  if (value instanceof Date) return 'một ngày';
  if (typeof value === 'number') return `số ${value}`;
  if (typeof value === 'boolean') return `${value}`;
  if (value === null) return 'ô trống';
  return 'một nhóm trường';
}

/** A text field: `expected` says what to write, `example` shows it. */
const text = (expected: string) =>
  z.unknown().superRefine((value, ctx) => {
    if (value === undefined) ctx.addIssue({ code: 'custom', message: t('problem.required', { expected }) });
    else if (typeof value !== 'string')
      ctx.addIssue({ code: 'custom', message: t('problem.text', { given: kindOf(value), example: expected }) });
  }) as unknown as z.ZodType<string, z.ZodTypeDef, unknown>;

/** A non-empty text field, trimmed. */
const nonEmpty = (expected: string) =>
  text(expected)
    .transform((value) => value.trim())
    .refine((value) => value.length > 0, t('problem.empty', { expected }));

/** An article date: an instant, within the plausible range (see `dateProblem`). */
const articleDate = (now: Date) =>
  z.unknown().transform((value, ctx) => {
    const problem = dateProblem(value, now);
    const date = parseArticleDate(value);
    if (problem !== undefined || date === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: problem ?? t('problem.date.unreadable', { value: String(value), forms: t('problem.dateForms') }),
      });
      return z.NEVER;
    }
    return date;
  });

/** A required date: absent or empty is its own, clearer error. */
const requiredDate = (now: Date) =>
  z
    .unknown()
    .refine((value) => value !== undefined && value !== null && value !== '', {
      message: t('problem.required', { expected: t('problem.date.expected', { forms: t('problem.dateForms') }) }),
    })
    .pipe(articleDate(now)) as unknown as z.ZodType<Date, z.ZodTypeDef, unknown>;

/**
 * A list of text. A single line is read as a list: split on commas when `commas`
 * (what editors write for tags: `Đào tạo, Hội nghị`), else one item.
 */
const textList = (example: string, { commas = false }: { commas?: boolean } = {}) =>
  z
    .unknown()
    .transform((value, ctx) => {
      if (value === undefined || value === null) return [];
      if (typeof value === 'string') return commas ? value.split(',') : [value];
      if (Array.isArray(value) && value.every((item) => typeof item === 'string' || typeof item === 'number'))
        return value.map(String);
      ctx.addIssue({ code: 'custom', message: t('problem.list', { example }) });
      return z.NEVER;
    })
    .transform((list) => list.map((item) => item.trim()).filter((item) => item.length > 0));

const categoryChoices = () => categorySlugs.map((slug) => `${slug} (${site.categories[slug]})`).join(', ');

/** What the schema needs besides the frontmatter. */
export interface SchemaOptions {
  /** The moment dates are checked against (at most `site.limits.daysAhead` later). */
  now?: Date;
}

/**
 * The frontmatter contract with editors, with Vietnamese messages saying what
 * to write instead. `imageField` checks an image path beside the article.
 */
export function articleSchema<Image extends z.ZodTypeAny>(imageField: Image, { now = new Date() }: SchemaOptions = {}) {
  return z
    .object({
      /** Headline, non-empty. */
      title: nonEmpty(t('problem.title.expected')),
      /** Publication instant, shown as "Cập nhật ngày". */
      date: requiredDate(now),
      /** A later revision, shown as "(sửa lần cuối …)" and used as dateModified. */
      updated: articleDate(now).optional(),
      /** Credits: "Tin: …". */
      author: nonEmpty(t('problem.credit.expected')).optional(),
      /** Credits: "Ảnh: …". */
      photoCredit: nonEmpty(t('problem.credit.expected')).optional(),
      /** Credits: "(thêm nguồn từ …)". */
      source: nonEmpty(t('problem.credit.expected')).optional(),
      /** Category slug from the site config. */
      category: z.unknown().transform((value, ctx) => {
        if (value === undefined || value === null) return site.defaultCategory;
        if (typeof value !== 'string') {
          ctx.addIssue({ code: 'custom', message: t('problem.category.type', { choices: categoryChoices() }) });
          return z.NEVER;
        }
        const slug = value.trim();
        if (!(categorySlugs as string[]).includes(slug)) {
          ctx.addIssue({
            code: 'custom',
            message: t('problem.category.unknown', { value: slug, choices: categoryChoices() }),
          });
          return z.NEVER;
        }
        return slug as keyof typeof site.categories;
      }),
      /** Vietnamese phrases; URL slugs derive from them. A line with commas is several tags. */
      tags: textList(t('problem.tags.example'), { commas: true }).superRefine((list, ctx) => {
        for (const tag of list) {
          if (tagSlug(tag) === '') ctx.addIssue({ code: 'custom', message: t('problem.tags.noSlug', { tag }) });
        }
      }),
      /** Teaser; derived from the first paragraph when absent. */
      summary: nonEmpty(t('problem.summary.expected')).optional(),
      /** Picture at the top of the article and print view, and og:image. */
      cover: z
        .unknown()
        .superRefine((value, ctx) => {
          if (value === undefined) return;
          if (value === null || typeof value !== 'object' || Array.isArray(value)) {
            ctx.addIssue({ code: 'custom', message: t('problem.cover.shape') });
            return;
          }
          for (const key of Object.keys(value)) {
            if (!['src', 'alt', 'caption'].includes(key))
              ctx.addIssue({ code: 'custom', message: t('problem.cover.unknownKey', { key }) });
          }
        })
        .pipe(
          z
            .object({
              src: z
                .unknown()
                .superRefine((value, ctx) => {
                  if (typeof value !== 'string' || value.trim() === '')
                    ctx.addIssue({
                      code: 'custom',
                      message: t('problem.required', { expected: t('problem.cover.src') }),
                    });
                })
                .pipe(imageField),
              alt: text(t('problem.cover.alt')),
              caption: text(t('problem.cover.caption')).optional(),
            })
            .passthrough()
            .transform(({ src, alt, caption }) => ({ src: src as z.output<Image>, alt, caption })),
        )
        .optional(),
      /** Files beside the story (PDF, DOCX, XLSX, ODT, ZIP), listed as "File đính kèm". */
      attachments: attachmentsField,
      /** `true`: left out of the production build. */
      draft: z.unknown().transform((value, ctx) => {
        if (value === undefined || value === null) return false;
        if (typeof value === 'boolean') return value;
        ctx.addIssue({ code: 'custom', message: t('problem.draft', { value: String(value) }) });
        return z.NEVER;
      }),
      /** URL slug override; must already obey the slug rules. */
      slug: text(t('problem.slug', { value: '', max: MAX_SLUG_LENGTH }))
        .superRefine((value, ctx) => {
          if (!isValidSlug(value))
            ctx.addIssue({ code: 'custom', message: t('problem.slug', { value, max: MAX_SLUG_LENGTH }) });
        })
        .optional(),
      /** Old-site URLs that must keep working (paths starting with /). */
      aliases: textList('aliases: [/tin-tuc/1234.html]').superRefine((list, ctx) => {
        for (const alias of list) {
          const problem = aliasProblem(alias);
          if (problem) ctx.addIssue({ code: 'custom', message: problem });
        }
      }),
    })
    .superRefine((data, ctx) => {
      // Only when both dates were readable: a bad date has its own message already.
      if (!(data.date instanceof Date) || !(data.updated instanceof Date)) return;
      if (data.updated.getTime() < data.date.getTime()) {
        ctx.addIssue({ code: 'custom', path: ['updated'], message: t('problem.updated.beforeDate') });
      }
    });
}

/** The frontmatter fields, in the schema's order. */
/** The frontmatter as the schema returns it (the cover's `src` still a path). */
export type ArticleData = z.output<ReturnType<typeof articleSchema<z.ZodType<string, z.ZodTypeDef, unknown>>>>;

/** The credits under a story: "Tin: …", "Ảnh: …", "(thêm nguồn từ …)". */
export type ArticleCredits = Pick<ArticleData, 'author' | 'photoCredit' | 'source'>;

export const ARTICLE_FIELDS: readonly string[] = Object.keys(articleSchema(z.unknown()).innerType().shape);

/** An issue found in an article's frontmatter, ready to print. */
export interface FieldIssue {
  field: string;
  message: string;
}

/** Flattens a zod error into one issue per field. */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.join('.') : 'frontmatter',
    message: issue.message,
  }));
}

/** `path: field: problem (cần …)`, one line per issue. */
export function formatIssues(filePath: string, issues: FieldIssue[]): string[] {
  return issues.map((issue) => t('problem.line', { file: filePath, field: issue.field, message: issue.message }));
}
