import type { AstroUserConfig } from 'astro';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import rehypeSanitize from 'rehype-sanitize';
import rehypeSlug from 'rehype-slug';
import { t } from '../../i18n/vi';
import { remarkFigure } from './figure';
import { remarkNestingLimit } from './nesting';
import { rehypeNfc } from './nfc';
import { rehypeRawWhenPresent } from './raw';
import { rehypeTidy, sanitizeSchema } from './sanitize';

/**
 * The Markdown pipeline of every article: Astro's own (astro.config.mjs) and
 * the article renderer's worker threads use this one definition.
 */
export const markdownOptions = {
  // Vietnamese news needs neither code colouring nor rewritten quotes.
  syntaxHighlight: false,
  smartypants: false,
  gfm: true,
  // The depth check runs first: every later step walks the tree recursively.
  remarkPlugins: [remarkNestingLimit, remarkFigure],
  remarkRehype: {
    // The sanitizer prefixes every id itself (and rehypeTidy points in-page links at it).
    clobberPrefix: '',
    // Footnotes get a visible "Chú thích" heading, not an English screen-reader-only one.
    footnoteLabel: t('footnote.label'),
    footnoteLabelProperties: {},
    footnoteBackLabel: (index: number, again: number) =>
      t('footnote.back', { n: again > 1 ? `${index + 1}-${again}` : index + 1 }),
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
} satisfies AstroUserConfig['markdown'];
