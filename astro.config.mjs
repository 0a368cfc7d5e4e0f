// @ts-check
import { defineConfig } from 'astro/config';
import { contentCacheDir } from './src/lib/content/content-root.ts';
import { markdownOptions } from './src/lib/markdown/options.ts';
import { cspDirectives } from './src/lib/publishing/csp.ts';
import { adminEditor } from './src/integrations/admin.ts';
import { leanMemory } from './src/integrations/lean-memory.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { serverConfig } from './src/integrations/server-config.ts';
import { devFileEndpoints } from './src/integrations/dev-file-endpoints.ts';
import { dataStoreModule } from './src/integrations/data-store-module.ts';
import { previewWatch } from './src/integrations/preview-watch.ts';
import { previewWarmup } from './src/integrations/preview-warmup.ts';
import { shareImages } from './src/integrations/share-images.ts';
import { sitemapWithLastmod } from './src/integrations/sitemap.ts';
import { site } from './src/site.config.ts';

export default defineConfig({
  site: site.url,
  trailingSlash: 'always',
  build: { format: 'directory', concurrency: 4 },
  devToolbar: { enabled: false },
  // The web editor's bundle goes into dist/quan-tri/ (no page of its own for the sitemap or search).
  // The sitemap takes its dates from the page build; the search index is built over the finished site; the
  // server configurations and compressed copies come last, once every file is written.
  integrations: [
    leanMemory(),
    adminEditor(),
    sitemapWithLastmod(),
    searchIndex(),
    shareImages(),
    serverConfig(),
    devFileEndpoints(),
    dataStoreModule(),
    previewWatch(),
    previewWarmup(),
  ],
  // The content cache belongs to one content root: fixture sites and benchmarks must not share it.
  cacheDir: `./${contentCacheDir(process.cwd())}`,
  experimental: {
    // A Content-Security-Policy <meta> on every page. Astro hashes every script and style it
    // bundles (the print button, the search page, the 404 lookup), so only those run: an
    // inline script or style attribute that slipped into an article would be refused.
    csp: {
      algorithm: 'SHA-256',
      directives: [...cspDirectives],
      scriptDirective: {
        // Pagefind's search index is WebAssembly, which Chromium refuses to compile without it.
        resources: ["'self'", "'wasm-unsafe-eval'"],
      },
    },
  },
  markdown: markdownOptions,
});
