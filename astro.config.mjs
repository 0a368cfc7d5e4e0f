// @ts-check
import { createHash } from 'node:crypto';
import { defineConfig } from 'astro/config';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import rehypeSanitize from 'rehype-sanitize';
import rehypeSlug from 'rehype-slug';
import { remarkFigure } from './src/lib/markdown/figure.ts';
import { rehypeNfc } from './src/lib/markdown/nfc.ts';
import { rehypeRawWhenPresent } from './src/lib/markdown/raw.ts';
import { rehypeTidy, sanitizeSchema } from './src/lib/markdown/sanitize.ts';
import { contentRoot } from './src/lib/content-root.ts';
import { cspDirectives } from './src/lib/csp.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { sitemapWithLastmod } from './src/integrations/sitemap.ts';
import { site } from './src/site.config.ts';
import { t } from './src/i18n/vi.ts';

// The content cache belongs to one content root: fixture sites and benchmarks must not share it.
const root = contentRoot(process.cwd());
const cacheKey = createHash('sha256').update(root).digest('hex').slice(0, 12);

export default defineConfig({
  site: site.url,
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  // The sitemap reads the built pages; the search index is built last, over the finished site.
  integrations: [sitemapWithLastmod(), searchIndex()],
  cacheDir: `./node_modules/.astro/content-${cacheKey}`,
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
  markdown: {
    // Vietnamese news needs neither code colouring nor rewritten quotes.
    syntaxHighlight: false,
    smartypants: false,
    gfm: true,
    remarkPlugins: [remarkFigure],
    remarkRehype: {
      // The sanitizer prefixes every id itself (and rehypeTidy points in-page links at it).
      clobberPrefix: '',
      // Footnotes get a visible "Chú thích" heading, not an English screen-reader-only one.
      footnoteLabel: t('footnote.label'),
      footnoteLabelProperties: {},
      footnoteBackLabel: (index, again) => t('footnote.back', { n: again > 1 ? `${index + 1}-${again}` : index + 1 }),
    },
    rehypePlugins: [
      // Raw HTML is parsed first so that the allow-list sees every element.
      rehypeRawWhenPresent,
      [rehypeSanitize, sanitizeSchema],
      rehypeTidy,
      rehypeNfc,
      rehypeSlug,
      [rehypeAutolinkHeadings, { behavior: 'wrap' }],
    ],
  },
});
