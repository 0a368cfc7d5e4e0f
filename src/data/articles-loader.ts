import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';
import {
  ARTICLE_PATTERN,
  collisionProblems,
  displayPath,
  malformedYamlProblem,
  missingBodyImageProblems,
  validateFrontmatter,
  type ArticleClaim,
} from '../lib/validate-article';
import type { BodyRequest } from '../lib/markdown/render';
import { articleHtmlDir, articleHtmlFile, bodyRenderer, pipelineDigest } from './article-html';

/** Marks an entry whose frontmatter could not be read at all. */
const UNREADABLE = '__banTinUnreadable';

/** Where the collection's metadata keeps the digest of the Markdown pipeline its bodies were rendered with. */
const PIPELINE_KEY = 'ban-tin-pipeline';

/** The part of Astro's content entry types the glob loader uses (not in Astro's public types). */
interface EntryType {
  getEntryInfo: (params: { contents: string; fileUrl: URL }) => Promise<{ data: Record<string, unknown> }>;
  getRenderFunction?: unknown;
}

/** What the glob loader hands a render function. */
interface RenderInput {
  body?: string;
  filePath?: string;
  digest?: string | number;
}

/**
 * The articles collection: Astro's glob loader over `<contentRoot>/articles`,
 * with every article validated against our schema first, so that a bad story
 * fails the build with `path: field: problem (expected …)` lines for all of them.
 */
export function articlesLoader(articlesDir: string): Loader {
  const inner = glob({
    pattern: ARTICLE_PATTERN,
    base: articlesDir,
    // The file path is the only id that two articles can never share; slugs are checked separately.
    generateId: ({ entry }) => entry.normalize('NFC'),
    retainBody: false,
  });
  return {
    name: 'ban-tin-articles',
    load: async (context: LoaderContext) => {
      const root = fileURLToPath(context.config.root);
      const shown = (filePath: string) => displayPath(root, filePath);
      const problems: string[] = [];
      const failed = new Set<string>();

      // Bodies are rendered on worker threads into the content cache (see article-html.ts). A changed
      // pipeline renders every body again; an entry whose body left the cache renders again.
      const htmlDir = articleHtmlDir(root);
      mkdirSync(htmlDir, { recursive: true });
      const pipeline = pipelineDigest(root);
      if (context.meta.get(PIPELINE_KEY) !== pipeline) {
        context.store.clear();
        context.meta.set(PIPELINE_KEY, pipeline);
      }
      // Astro saves its data store 500 ms after the last change, and a save still running when
      // the content sync ends is not waited for (seen at 50,000 articles: the page build read a
      // store saved while the files were being listed, with no article in it). A change every
      // 200 ms keeps that timer from firing while articles load; Astro then saves once, and waits.
      const holdSave = setInterval(() => context.meta.set(PIPELINE_KEY, pipeline), 200);
      try {
        const htmlFileOf = (digest: string | number | undefined) =>
          digest === undefined ? undefined : articleHtmlFile(htmlDir, String(digest));
        for (const entry of context.store.values()) {
          const file = htmlFileOf(entry.digest);
          if (!file || !existsSync(file)) context.store.delete(entry.id);
        }
        const renderer = bodyRenderer(fileURLToPath(context.config.cacheDir));
        // Astro's own image settings (its config type spells optional fields differently).
        const image = {
          domains: context.config.image.domains,
          remotePatterns: context.config.image.remotePatterns,
        } as BodyRequest['image'];
        const renderToCache = async ({ body, filePath, digest }: RenderInput) => {
          const htmlFile = htmlFileOf(digest);
          if (!filePath || !htmlFile) throw new Error('the content layer gave no file path or digest');
          const metadata = await renderer.render({
            body: body ?? '',
            filePath,
            htmlFile,
            image,
          });
          // Astro's own fields (imagePaths feeds its image pipeline); the HTML stays in the cache file.
          return {
            html: '',
            metadata: { ...metadata, imagePaths: [...metadata.localImagePaths, ...metadata.remoteImagePaths] },
          };
        };

        // Malformed YAML: report it like every other problem, with the file, instead of a stack trace.
        const { entryTypes } = context as LoaderContext & { entryTypes: Map<string, EntryType> };
        const readableTypes = new Map(
          [...entryTypes].map(([extension, type]) => [
            extension,
            {
              ...type,
              ...(type.getRenderFunction ? { getRenderFunction: () => Promise.resolve(renderToCache) } : {}),
              getEntryInfo: async (params: { contents: string; fileUrl: URL }) => {
                try {
                  return await type.getEntryInfo(params);
                } catch (error) {
                  const { message, loc } = error as { message: string; loc?: { line?: number } };
                  problems.push(malformedYamlProblem(shown(fileURLToPath(params.fileUrl)), message, loc?.line));
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
          const checked = await validateFrontmatter(props.data, filePath, shown(filePath));
          if (checked.problems.length > 0) {
            problems.push(...checked.problems);
            failed.add(props.id);
            return checked.data;
          }
          return context.parseData({ ...props, data: checked.data });
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
                const missing = missingBodyImageProblems(filePath, shown(filePath), localImages);
                if (missing.length > 0) {
                  problems.push(...missing);
                  failed.add(entry.id);
                }
                return target.set(entry);
              };
            }
            const value: unknown = Reflect.get(target, property, receiver);
            return typeof value === 'function' ? value.bind(target) : value;
          },
        });

        try {
          await inner.load({ ...context, entryTypes: readableTypes, parseData, logger, store } as LoaderContext);
        } finally {
          await renderer.close();
        }
        // Bodies of versions no entry holds any more.
        const kept = new Set([...context.store.values()].map((entry) => htmlFileOf(entry.digest)));
        for (const name of readdirSync(htmlDir)) {
          const file = join(htmlDir, name);
          if (!kept.has(file)) rmSync(file, { force: true });
        }

        // Slugs and aliases are checked over the whole collection, cached entries and drafts included,
        // before any page is written.
        const claims: ArticleClaim[] = [];
        for (const entry of context.store.values()) {
          if (failed.has(entry.id)) continue;
          const data = entry.data as { slug?: string; aliases?: string[] };
          claims.push({
            id: entry.id,
            shown: shown(entry.filePath ?? entry.id),
            slug: data.slug,
            aliases: data.aliases,
          });
        }
        problems.push(...collisionProblems(claims));

        if (problems.length > 0) {
          // Never leave a half-valid entry in the content cache for the next build.
          for (const id of failed) context.store.delete(id);
          throw new Error(`${problems.length} problem(s) in articles:\n${[...problems].sort().join('\n')}`);
        }
      } finally {
        clearInterval(holdSave);
        context.meta.set(PIPELINE_KEY, pipeline);
      }
    },
  };
}
