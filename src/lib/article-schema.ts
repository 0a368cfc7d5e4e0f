import { z } from 'zod';
import { categorySlugs, site } from '../site.config';
import { attachmentsField } from './attachments';
import { DATE_FORMATS, parseArticleDate } from './dates';
import { aliasProblem } from './redirects';
import { isValidSlug, MAX_SLUG_LENGTH } from './slug';

const text = () =>
  z.string({
    required_error: 'is required (expected non-empty text)',
    invalid_type_error: 'expected text',
  });

const nonEmpty = () =>
  text()
    .transform((value) => value.trim())
    .refine((value) => value.length > 0, `must not be empty (expected non-empty text)`);

/** A date in any of the accepted forms (see `parseArticleDate`), as its instant. */
const articleDate = z.unknown().transform((value, ctx) => {
  const date = parseArticleDate(value);
  if (date === undefined) {
    const shown = value instanceof Date ? value.toISOString() : JSON.stringify(value);
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      message:
        value instanceof Date
          ? `YAML read ${shown} as a UTC time (expected a quoted "YYYY-MM-DDTHH:mm" in Vietnam time, or ${DATE_FORMATS})`
          : `cannot read ${shown} as a date (expected ${DATE_FORMATS})`,
    });
    return z.NEVER;
  }
  return date;
});

/** A required date: absent or empty is its own, clearer error. */
const requiredDate = z
  .unknown()
  .refine((value) => value !== undefined && value !== null && value !== '', {
    message: `is required (expected ${DATE_FORMATS})`,
  })
  .pipe(articleDate) as unknown as z.ZodType<Date, z.ZodTypeDef, unknown>;

/** A string list that also accepts a single string. */
const textList = z
  .union([z.string(), z.array(z.string(), { invalid_type_error: 'expected a list of text' })])
  .transform((value) => (Array.isArray(value) ? value : [value]))
  .transform((list) => list.map((item) => item.trim()).filter((item) => item.length > 0));

/**
 * The frontmatter contract with editors. `imageField` validates an image path
 * beside the article: Astro's `image()` in the build, a file check in the CLIs.
 */
export function articleSchema<Image extends z.ZodTypeAny>(imageField: Image) {
  return z
    .object({
      /** Headline, non-empty. */
      title: nonEmpty(),
      /** Publication instant, shown as "Cập nhật ngày". */
      date: requiredDate,
      /** A later revision, shown as "(sửa lần cuối …)" and used as dateModified. */
      updated: articleDate.optional(),
      /** Credits: "Tin: …". */
      author: nonEmpty().optional(),
      /** Credits: "Ảnh: …". */
      photoCredit: nonEmpty().optional(),
      /** Credits: "(thêm nguồn từ …)". */
      source: nonEmpty().optional(),
      /** Category slug from the site config. */
      category: z
        .string({ invalid_type_error: 'expected a category slug' })
        .refine((value): value is keyof typeof site.categories => (categorySlugs as string[]).includes(value), {
          message: `unknown category (expected one of: ${categorySlugs.join(', ')})`,
        })
        .default(site.defaultCategory),
      /** Vietnamese phrases; URL slugs derive from them. */
      tags: textList.default([]),
      /** Teaser; derived from the first paragraph when absent. */
      summary: nonEmpty().optional(),
      /** Picture at the top of the article and print view, and og:image. */
      cover: z
        .object(
          {
            src: imageField,
            alt: text(),
            caption: z.string({ invalid_type_error: 'expected text' }).optional(),
          },
          { invalid_type_error: 'expected { src, alt, caption }' },
        )
        .strict()
        .optional(),
      /** Files beside the story (PDF, DOCX, XLSX, ODT, ZIP), listed as "File đính kèm". */
      attachments: attachmentsField,
      /** `true`: left out of the production build. */
      draft: z.boolean({ invalid_type_error: 'expected true or false' }).default(false),
      /** URL slug override; must already obey the slug rules. */
      slug: z
        .string({ invalid_type_error: 'expected text' })
        .refine(isValidSlug, {
          message: `not a valid slug (expected lowercase a-z, 0-9 and single hyphens, at most ${MAX_SLUG_LENGTH} characters)`,
        })
        .optional(),
      /** Old-site URLs that must keep working (paths starting with /). */
      aliases: textList.default([]).superRefine((list, ctx) => {
        list.forEach((alias) => {
          const problem = aliasProblem(alias);
          if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
        });
      }),
    })
    .superRefine((data, ctx) => {
      // Only when both dates were readable: a bad date has its own message already.
      if (!(data.date instanceof Date) || !(data.updated instanceof Date)) return;
      if (data.updated.getTime() < data.date.getTime()) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['updated'],
          message: 'is earlier than date (expected the date of a later revision)',
        });
      }
    });
}

/** An issue found in an article's frontmatter, ready to print. */
export interface FieldIssue {
  field: string;
  message: string;
}

/** Flattens a zod error into one issue per field. */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.join('.') : '(frontmatter)',
    message: issue.message === 'Required' ? 'is required' : issue.message,
  }));
}

/** `path: field: problem (expected …)`, one line per issue. */
export function formatIssues(filePath: string, issues: FieldIssue[]): string[] {
  return issues.map((issue) => `${filePath}: ${issue.field}: ${issue.message}`);
}
