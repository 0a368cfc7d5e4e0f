import { existsSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { z } from 'zod';
import { articleSchema, fieldIssues, formatIssues } from '../lib/article-schema';
import { findCollisions, type Claimant } from '../lib/articles';
import { paths } from '../lib/paths';
import { locationOf, reservedPage } from '../lib/redirects';
import { articleSlug } from '../lib/slug';
import { normaliseNfc } from '../lib/text';

/** Articles: any `.md` file below `articles/`, as a single file or as a folder's `index.md`. */
const PATTERN = '**/*.md';

/** Marks an entry whose frontmatter could not be read at all. */
const UNREADABLE = '__banTinUnreadable';

/** The part of Astro's content entry types the glob loader uses (not in Astro's public types). */
interface EntryType {
  getEntryInfo: (params: { contents: string; fileUrl: URL }) => Promise<{ data: Record<string, unknown> }>;
}

/** A local image path (not a URL, not site-absolute) beside an article. */
function isLocalImage(src: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(src) && !src.startsWith('/');
}

/** The image field used for validation: a local file beside the article. */
function imageBeside(articleFile: string) {
  return z
    .string({ required_error: 'is required (expected a path to an image beside the article)', invalid_type_error: 'expected a path to an image' })
    .refine((src) => !isLocalImage(src) || existsSync(resolve(dirname(articleFile), src)), {
      message: 'image file not found (expected a path to an image beside the article, e.g. ./anh-bia.jpg)',
    });
}

/**
 * The articles collection: Astro's glob loader over `<contentRoot>/articles`,
 * with every article validated against our schema first, so that a bad story
 * fails the build with `path: field: problem (expected …)` lines for all of them.
 */
export function articlesLoader(articlesDir: string): Loader {
  const inner = glob({
    pattern: PATTERN,
    base: articlesDir,
    // The file path is the only id that two articles can never share; slugs are checked separately.
    generateId: ({ entry }) => entry.normalize('NFC'),
    retainBody: false,
  });
  return {
    name: 'ban-tin-articles',
    load: async (context: LoaderContext) => {
      const root = fileURLToPath(context.config.root);
      const shown = (filePath: string) => {
        const rel = relative(root, isAbsolute(filePath) ? filePath : resolve(root, filePath));
        return rel.startsWith('..') ? filePath : rel;
      };
      const problems: string[] = [];
      const failed = new Set<string>();

      // Malformed YAML: report it like every other problem, with the file, instead of a stack trace.
      const { entryTypes } = context as LoaderContext & { entryTypes: Map<string, EntryType> };
      const readableTypes = new Map(
        [...entryTypes].map(([extension, type]) => [
          extension,
          {
            ...type,
            getEntryInfo: async (params: { contents: string; fileUrl: URL }) => {
              try {
                return await type.getEntryInfo(params);
              } catch (error) {
                const { message, loc } = error as { message: string; loc?: { line?: number } };
                const where = loc?.line === undefined ? '' : ` near line ${loc.line + 1}`;
                problems.push(
                  `${shown(fileURLToPath(params.fileUrl))}: frontmatter: malformed YAML${where}: ${message} (expected "field: value" lines between the two --- lines; put text containing : # [ ] { } in quotes)`,
                );
                return { data: { [UNREADABLE]: true }, body: '' };
              }
            },
          },
        ]),
      );

      const parseData: LoaderContext['parseData'] = async (props) => {
        const filePath = props.filePath ?? props.id;
        if (props.data[UNREADABLE] === true) {
          failed.add(props.id);
          return props.data;
        }
        const data = normaliseNfc(props.data);
        const checked = await articleSchema(imageBeside(filePath)).safeParseAsync(data);
        if (!checked.success) {
          problems.push(...formatIssues(shown(filePath), fieldIssues(checked.error)));
          failed.add(props.id);
          return data;
        }
        return context.parseData({ ...props, data });
      };

      // Astro only logs rendering failures and missing body images surface late; both must fail the build.
      const logger = new Proxy(context.logger, {
        get(target, property, receiver) {
          if (property === 'error') {
            return (message: string) => {
              problems.push(message);
              target.error(message);
            };
          }
          const value: unknown = Reflect.get(target, property, receiver);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
      const store = new Proxy(context.store, {
        get(target, property, receiver) {
          if (property === 'set') {
            return (entry: Parameters<typeof target.set>[0]) => {
              const filePath = entry.filePath ? resolve(root, entry.filePath) : entry.id;
              const localImages = (entry.rendered?.metadata?.localImagePaths ?? []) as string[];
              for (const src of localImages) {
                if (!existsSync(resolve(dirname(filePath), decodeURI(src)))) {
                  problems.push(
                    `${shown(filePath)}: body: image "${src}" not found (expected an image file beside the article)`,
                  );
                  failed.add(entry.id);
                }
              }
              return target.set(entry);
            };
          }
          const value: unknown = Reflect.get(target, property, receiver);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });

      await inner.load({ ...context, entryTypes: readableTypes, parseData, logger, store } as LoaderContext);

      // Slugs and aliases are checked over the whole collection, cached entries and drafts included,
      // before any page is written.
      const claimants: Claimant[] = [];
      for (const entry of context.store.values()) {
        if (failed.has(entry.id)) continue;
        const data = entry.data as { slug?: string; aliases?: string[] };
        const filePath = shown(entry.filePath ?? entry.id);
        const slug = articleSlug(entry.id, data.slug);
        if (slug === '') {
          problems.push(`${filePath}: slug: the file name gives no slug (expected a name with letters or digits, or a slug field)`);
          continue;
        }
        claimants.push({ slug, aliases: data.aliases ?? [], filePath });
      }
      // File order, not load order: the same content always gives the same message.
      claimants.sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));
      problems.push(
        ...findCollisions(claimants, (slug) => [paths.article(slug), paths.print(slug)], { locationOf, reservedPage }),
      );

      if (problems.length > 0) {
        // Never leave a half-valid entry in the content cache for the next build.
        for (const id of failed) context.store.delete(id);
        throw new Error(
          `${problems.length} problem(s) in articles:\n${[...problems].sort().join('\n')}`,
        );
      }
    },
  };
}
