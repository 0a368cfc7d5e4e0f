import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { paths, sections } from '../lib/discovery/paths';
import { collectGarbage } from './lean-memory';

/** The folder every article page sits in (`/bai-viet/`); its print views, and listings, are never results. */
const ARTICLES_FOLDER = sections.article;

/** How many pages may wait in Pagefind's queue: enough to keep it busy, few enough to hold little memory. */
const IN_FLIGHT = 8;

/** Pagefind's own search interfaces and highlighter, which this site does not use. */
const UNUSED = /^pagefind-(ui|component-ui|modular-ui|highlight)\.(js|css)$/;

function sizeOf(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce(
    (total, entry) =>
      total + (entry.isDirectory() ? sizeOf(join(dir, entry.name)) : statSync(join(dir, entry.name)).size),
    0,
  );
}

/** What indexing gave: the pages indexed and where the bundle went. */
interface Indexed {
  pages: number;
  outputPath: string;
  seconds: number;
}

/** The slugs of the built article pages (`bai-viet/<slug>/index.html`), in code point order. */
function articleSlugs(outDir: string): string[] {
  const folder = join(outDir, ARTICLES_FOLDER);
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(folder, entry.name, 'index.html')))
    .map((entry) => entry.name)
    .sort();
}

/**
 * Adds the article pages to the index one after another, in slug order.
 * Pagefind numbers pages in the order it receives them, and that number shapes
 * every index file it writes; its own `addDirectory` takes the order in which
 * the file system lists the folder, which differs between file systems and,
 * on many, follows the order the pages happened to be written in. Pagefind
 * handles requests one at a time in the order sent, so a few may wait in its
 * queue without changing the order.
 */
async function addPages(index: pagefind.PagefindIndex, outDir: string): Promise<void> {
  const waiting: Promise<string[]>[] = [];
  const errors: string[] = [];
  // Standing pages (Giới thiệu, /en/…) are top-level folders; Pagefind keeps only the pages that mark
  // a body to index, so the other top-level pages it reads here are left out.
  const topLevel = readdirSync(outDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(outDir, entry.name, 'index.html')))
    .map((entry) => `/${entry.name}/`)
    .sort();
  for (const url of [...articleSlugs(outDir).map((slug) => paths.article(slug)), ...topLevel]) {
    const content = readFileSync(join(outDir, url, 'index.html'), 'utf8');
    waiting.push(
      index.addHTMLFile({ url, content }).then(
        (response) => response.errors,
        (error: unknown) => [`${url}: ${String(error)}`],
      ),
    );
    if (waiting.length >= IN_FLIGHT) errors.push(...(await waiting.shift()!));
  }
  for (const response of waiting) errors.push(...(await response));
  if (errors.length > 0) throw new Error(errors.join('\n'));
}

/** Indexes the built article pages of `outDir` with Pagefind (its own process) and writes the bundle. */
async function indexSite(outDir: string): Promise<Indexed> {
  const started = performance.now();
  // What the page build left is garbage: give it back before Pagefind's process takes its share.
  collectGarbage();
  try {
    const created = await pagefind.createIndex({ forceLanguage: 'vi' });
    if (!created.index) throw new Error(created.errors.join('\n') || 'Pagefind gave no index');
    await addPages(created.index, outDir);
    const written = await created.index.writeFiles({ outputPath: join(outDir, paths.searchBundle()) });
    if (written.errors.length > 0) throw new Error(written.errors.join('\n'));
    // The search page drives pagefind.js itself: Pagefind's ready-made interfaces are never loaded.
    for (const unused of readdirSync(written.outputPath).filter((name) => UNUSED.test(name))) {
      rmSync(join(written.outputPath, unused));
    }
    // Pagefind reads every page it is given; the entry file counts those it kept.
    const entry = JSON.parse(readFileSync(join(written.outputPath, 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    const pages = Object.values(entry.languages).reduce((total, language) => total + language.page_count, 0);
    return { pages, outputPath: written.outputPath, seconds: (performance.now() - started) / 1000 };
  } finally {
    await pagefind.close();
  }
}

/**
 * Builds the Pagefind search index into `<outDir>/pagefind/` in every
 * `astro build`, whatever `--outDir` says, so that `npm run build` alone gives a
 * searchable site. Indexing starts as soon as the pages are written, and runs
 * (in Pagefind's process, on another core) while the other integrations finish;
 * the build ends once it is done. Any indexing error fails the build.
 */
export function searchIndex(): AstroIntegration {
  let indexing: Promise<Indexed> | undefined;
  return {
    name: 'ban-tin-search-index',
    hooks: {
      'astro:build:generated': ({ dir }) => {
        indexing = indexSite(fileURLToPath(dir));
        // Awaited (and its error reported) in astro:build:done.
        indexing.catch(() => undefined);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const { pages, outputPath, seconds } = await (indexing ?? indexSite(fileURLToPath(dir)));
        indexing = undefined;
        const kib = (sizeOf(outputPath) / 1024).toFixed(0);
        logger.info(`Search index: ${pages} article and standing page(s), ${kib} KiB, in ${seconds.toFixed(2)}s`);
      },
    },
  };
}
