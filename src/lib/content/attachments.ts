import { closeSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { z } from 'astro/zod';
import { t } from '../../i18n/vi';
import { slugify } from './slug';

/**
 * Files attached to a story ("File đính kèm"): documents beside the story in its
 * folder, listed under it with name, type and size, and published at a stable
 * address beside the article page.
 */

/** The file types a story may carry, by extension: what readers see as the type, and how the file starts. */
export const ATTACHMENT_TYPES = {
  pdf: { label: 'PDF', magic: '%PDF' },
  docx: { label: 'Word (DOCX)', magic: 'PK' },
  xlsx: { label: 'Excel (XLSX)', magic: 'PK' },
  odt: { label: 'OpenDocument (ODT)', magic: 'PK' },
  zip: { label: 'ZIP', magic: 'PK' },
} as const;

/** An allowed extension, lowercase, without the dot. */
export type AttachmentExtension = keyof typeof ATTACHMENT_TYPES;

const ALLOWED = Object.keys(ATTACHMENT_TYPES) as AttachmentExtension[];

/** One attachment as written in the frontmatter: the file beside the story, and an optional name to show. */
export interface AttachmentEntry {
  src: string;
  title?: string | undefined;
}

function extensionOf(src: string): string {
  return extname(src).slice(1).toLowerCase();
}

function isAllowed(extension: string): extension is AttachmentExtension {
  return (ALLOWED as string[]).includes(extension);
}

/**
 * The `attachments` frontmatter field: a list of paths beside the story
 * (`- ./quyet-dinh.pdf`) or of `{ src, title }`. Checks the shape and the type;
 * the files themselves are checked by `attachmentProblems`, which knows where the story is.
 */
export const attachmentsField = z
  .array(
    z.union(
      [
        z.string().transform((src): AttachmentEntry => ({ src: src.trim() })),
        z
          .object({
            src: z.string({ required_error: t('check.attachment.src') }).transform((src) => src.trim()),
            title: z.string().trim().min(1).optional(),
          })
          .strict(),
      ],
      { errorMap: () => ({ message: t('check.attachment.shape') }) },
    ),
    { invalid_type_error: t('check.attachment.shape') },
  )
  .default([])
  .superRefine((list, ctx) => {
    list.forEach((entry, index) => {
      const extension = extensionOf(entry.src);
      if (!isAllowed(extension)) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: [index],
          message: t('check.attachment.type', { src: entry.src, types: ALLOWED.join(', ') }),
        });
      }
    });
  });

/** The address-safe file name an attachment is published under: `Quyết định số 12.PDF` → `quyet-dinh-so-12.pdf`. */
export function publicFileName(src: string): string {
  const extension = extensionOf(src);
  const stem = slugify(basename(src, extname(src))) || 'tep';
  return `${stem}.${extension}`;
}

/**
 * The content root an article file belongs to: the folder holding the
 * `articles/` folder it lies in (the nearest one above it).
 */
export function contentRootOf(articleFile: string): string {
  let dir = dirname(resolve(articleFile));
  for (;;) {
    if (basename(dir) === 'articles') return dirname(dir);
    const parent = dirname(dir);
    if (parent === dir) return dirname(resolve(articleFile));
    dir = parent;
  }
}

function inside(root: string, file: string): boolean {
  const rel = relative(root, file);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

function startsWith(file: string, magic: string): boolean {
  const buffer = Buffer.alloc(magic.length);
  const fd = openSync(file, 'r');
  try {
    return readSync(fd, buffer, 0, buffer.length, 0) === buffer.length && buffer.toString('latin1') === magic;
  } finally {
    closeSync(fd);
  }
}

/** A problem with one attachment: the field (`attachments.N`) and what is wrong, for editors. */
export interface AttachmentProblem {
  field: string;
  message: string;
}

/**
 * Everything wrong with a story's attachments on disk: a path that is a URL or
 * absolute, a file outside the content root (symlinks followed), a missing file,
 * a file whose content is not of its type, two files published under one name.
 * Pure apart from reading the files it is asked about.
 */
export function attachmentProblems(
  articleFile: string,
  contentRoot: string,
  list: readonly AttachmentEntry[] | undefined,
): AttachmentProblem[] {
  const problems: AttachmentProblem[] = [];
  const names = new Map<string, number>();
  let root: string;
  try {
    root = realpathSync(contentRoot);
  } catch {
    root = resolve(contentRoot);
  }
  (list ?? []).forEach((entry, index) => {
    const field = `attachments.${index}`;
    const problem = (message: string) => problems.push({ field, message });
    const { src } = entry;
    if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('/') || isAbsolute(src)) {
      problem(t('check.attachment.relative', { src }));
      return;
    }
    const extension = extensionOf(src);
    if (!isAllowed(extension)) return; // The schema names the type.
    const file = resolve(dirname(resolve(articleFile)), src);
    if (!inside(resolve(contentRoot), file)) {
      problem(t('check.attachment.outside', { src }));
      return;
    }
    let real: string;
    try {
      real = realpathSync(file);
    } catch {
      problem(t('check.attachment.missing', { src }));
      return;
    }
    if (!inside(root, real)) {
      problem(t('check.attachment.outside', { src }));
      return;
    }
    if (!statSync(real).isFile()) {
      problem(t('check.attachment.missing', { src }));
      return;
    }
    if (!startsWith(real, ATTACHMENT_TYPES[extension].magic)) {
      problem(t('check.attachment.content', { src, type: ATTACHMENT_TYPES[extension].label }));
      return;
    }
    const name = publicFileName(src);
    const first = names.get(name);
    if (first === undefined) names.set(name, index);
    else problem(t('check.attachment.sameName', { src, name, other: `attachments.${first}` }));
  });
  return problems;
}

/**
 * A zod refinement for a story's whole frontmatter that adds `attachmentProblems`
 * as issues of `attachments.N`, for the story at `articleFile`.
 */
export function attachmentsBeside(articleFile: string) {
  return (data: { attachments?: readonly AttachmentEntry[] | undefined }, ctx: z.RefinementCtx): void => {
    if (!Array.isArray(data.attachments)) return;
    for (const { field, message } of attachmentProblems(articleFile, contentRootOf(articleFile), data.attachments)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: field.split('.').map((part, at) => (at === 0 ? part : Number(part))),
        message,
      });
    }
  };
}

/** A size in Vietnamese units, decimal comma: `800 byte`, `12 KB`, `1,2 MB`. */
export function formatFileSize(bytes: number): string {
  const units = ['KB', 'MB', 'GB'];
  if (bytes < 1024) return `${bytes} byte`;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const rounded = value < 10 ? Math.round(value * 10) / 10 : Math.round(value);
  // 1023.96 KB rounds to 1024: show it as the next unit.
  if (rounded >= 1024 && unit < units.length - 1) return `1 ${units[unit + 1]}`;
  return `${String(rounded).replace('.', ',')} ${units[unit]}`;
}

/** An attachment as readers see it. */
export interface Attachment {
  /** The name shown: the given title, else the file's own name. */
  name: string;
  /** The file name it is published under, beside the article page. */
  fileName: string;
  /** The type readers see ("PDF", "Word (DOCX)"). */
  type: string;
  /** Bytes. */
  size: number;
  /** The size in Vietnamese units. */
  sizeText: string;
  /** The file on disk. */
  file: string;
}

/** The attachments of a valid story (see `attachmentProblems`), with their sizes read from disk. */
export function attachmentsOf(articleFile: string, list: readonly AttachmentEntry[]): Attachment[] {
  return list.map((entry) => {
    const file = resolve(dirname(resolve(articleFile)), entry.src);
    const extension = extensionOf(entry.src) as AttachmentExtension;
    const size = statSync(file).size;
    return {
      name: entry.title ?? basename(entry.src),
      fileName: publicFileName(entry.src),
      type: ATTACHMENT_TYPES[extension].label,
      size,
      sizeText: formatFileSize(size),
      file,
    };
  });
}
