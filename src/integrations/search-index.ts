import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { paths } from '../lib/paths';
import { collectGarbage } from './lean-memory';

/** Article pages: their print views, listings and redirect pages are never results. */
const ARTICLE_PAGES = 'bai-viet/*/index.html';

/**
 * Standing pages sit one folder deep (`/gioi-thieu/`). Other pages at that depth (the archive,
 * the tag index, the search page, redirect pages) carry no `data-pagefind-body`, so Pagefind
 * leaves them out.
 */
const STANDING_PAGES = '*/index.html';

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

/** Indexes the built article pages of `outDir` with Pagefind (its own process) and writes the bundle. */
async function indexSite(outDir: string): Promise<Indexed> {
  const started = performance.now();
  // What the page build left is garbage: give it back before Pagefind's process takes its share.
  collectGarbage();
  try {
    const created = await pagefind.createIndex({ forceLanguage: 'vi' });
    if (!created.index) throw new Error(created.errors.join('\n') || 'Pagefind gave no index');
    const added = await created.index.addDirectory({ path: outDir, glob: ARTICLE_PAGES });
    if (added.errors.length > 0) throw new Error(added.errors.join('\n'));
    const standing = await created.index.addDirectory({ path: outDir, glob: STANDING_PAGES });
    if (standing.errors.length > 0) throw new Error(standing.errors.join('\n'));
    const written = await created.index.writeFiles({ outputPath: join(outDir, paths.searchBundle()) });
    if (written.errors.length > 0) throw new Error(written.errors.join('\n'));
    // The search page drives pagefind.js itself: Pagefind's ready-made interfaces are never loaded.
    for (const unused of readdirSync(written.outputPath).filter((name) => UNUSED.test(name))) {
      rmSync(join(written.outputPath, unused));
    }
    // Pagefind reads every page the globs match; the entry file counts those it kept.
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
