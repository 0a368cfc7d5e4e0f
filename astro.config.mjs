// @ts-check
import { createHash } from 'node:crypto';
import { defineConfig } from 'astro/config';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeSlug from 'rehype-slug';
import { remarkFigure } from './src/lib/markdown/figure.ts';
import { rehypeNfc } from './src/lib/markdown/nfc.ts';
import { sanitizeSchema } from './src/lib/markdown/sanitize.ts';
import { contentRoot } from './src/lib/content-root.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { sitemapWithLastmod } from './src/integrations/sitemap.ts';
import { site } from './src/site.config.ts';

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
  markdown: {
    // Vietnamese news needs neither code colouring nor rewritten quotes.
    syntaxHighlight: false,
    smartypants: false,
    gfm: true,
    remarkPlugins: [remarkFigure],
    rehypePlugins: [
      // Raw HTML is parsed first so that the allow-list sees every element.
      rehypeRaw,
      [rehypeSanitize, sanitizeSchema],
      rehypeNfc,
      rehypeSlug,
      [rehypeAutolinkHeadings, { behavior: 'wrap' }],
    ],
  },
});
