import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { adaptLocale } from './locale';
import { localFonts } from './sveltia-offline';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const projectRoot = resolve(here, '../..');

/** The npm build of Sveltia CMS (`node_modules/@sveltia/cms/npm/`), with its fonts, icons and encoders. */
function sveltiaDir(): string {
  return dirname(require.resolve('@sveltia/cms'));
}

/**
 * Sveltia CMS imports a grammar for each of 200+ languages to colour code blocks; the
 * stories have none, and bundling them would multiply the editor's size: each grammar
 * becomes an empty one. Its Vietnamese strings are adapted (see locale.ts), and its
 * fonts come from the files it ships, never a CDN (see sveltia-offline.ts).
 */
const sveltiaAdjustments: Plugin = {
  name: 'ban-tin-sveltia',
  setup(builder) {
    builder.onResolve({ filter: /^@shikijs\/langs\// }, () => ({ path: 'no-grammar', namespace: 'no-grammar' }));
    builder.onLoad({ filter: /.*/, namespace: 'no-grammar' }, () => ({ contents: 'export default [];', loader: 'js' }));
    builder.onLoad({ filter: /[\\/]@sveltia[\\/]cms[\\/]npm[\\/]index\.js$/ }, (args) => ({
      contents: localFonts(readFileSync(args.path, 'utf8'), join(dirname(args.path), 'assets')),
      loader: 'js',
    }));
    builder.onLoad({ filter: /[\\/]@sveltia[\\/]cms[\\/]locales[\\/]vi\.json$/ }, (args) => ({
      contents: adaptLocale(readFileSync(args.path, 'utf8')),
      loader: 'json',
    }));
  },
};

/** What was written, for the README's figure and the tests. */
export interface AdminBundle {
  files: string[];
  bytes: number;
}

/**
 * Writes the web editor's files into `outDir` (`dist/quan-tri/`): `cms.js` and its chunks
 * (Sveltia CMS with the site's format and preview), `preview.css` (the site's CSS and
 * fonts) and `assets/` (Sveltia's own fonts, icons and WebAssembly, which it loads
 * relative to its script). Nothing is fetched from elsewhere at run time. The bundle
 * depends only on the lockfile and `src/`: it is made once per version of them and kept
 * in `node_modules/.cache/`, so every other build copies it.
 */
export async function bundleAdmin(outDir: string): Promise<AdminBundle> {
  const cache = join(projectRoot, 'node_modules/.cache/ban-tin-admin', bundleKey());
  if (!existsSync(cache)) {
    const fresh = `${cache}.${process.pid}.tmp`;
    rmSync(fresh, { recursive: true, force: true });
    await buildBundle(fresh);
    try {
      renameSync(fresh, cache);
    } catch {
      // Another build made the same bundle meanwhile: theirs is as good.
      rmSync(fresh, { recursive: true, force: true });
    }
  }
  mkdirSync(outDir, { recursive: true });
  cpSync(cache, outDir, { recursive: true });
  const files = listFiles(cache);
  return { files, bytes: files.reduce((total, file) => total + statSync(join(cache, file)).size, 0) };
}

/** A name for this version of everything the bundle is made from. */
function bundleKey(): string {
  const hash = createHash('sha256');
  hash.update(readFileSync(join(projectRoot, 'package-lock.json')));
  for (const file of listFiles(join(projectRoot, 'src')).sort()) {
    hash.update(`\0${file}\0`);
    hash.update(readFileSync(join(projectRoot, 'src', file)));
  }
  return hash.digest('hex').slice(0, 16);
}

async function buildBundle(outDir: string): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  await build({
    entryPoints: { cms: join(here, 'cms.ts'), preview: join(here, 'preview.css') },
    outdir: outDir,
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    entryNames: '[name]',
    // Every chunk beside cms.js: Sveltia finds its assets relative to the script that asks.
    chunkNames: '[name]-[hash]',
    assetNames: 'assets/[name]-[hash]',
    loader: { '.woff2': 'file', '.woff': 'file' },
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [sveltiaAdjustments],
    logLevel: 'error',
  });
  const assets = join(sveltiaDir(), 'assets');
  for (const name of readdirSync(assets)) {
    if (name.endsWith('.map')) continue;
    cpSync(join(assets, name), join(outDir, 'assets', name));
  }
}

function listFiles(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
  );
}
