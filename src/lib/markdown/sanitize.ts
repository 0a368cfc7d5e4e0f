import type { Element, ElementContent, Root } from 'hast';
import { defaultSchema } from 'rehype-sanitize';
import type { Options } from 'rehype-sanitize';
import { visit } from 'unist-util-visit';
import { t } from '../../i18n/vi';

/** The only embeds an article may carry: YouTube's no-cookie player. */
export const YOUTUBE_EMBED = /^https:\/\/www\.youtube-nocookie\.com\/embed\/[\w-]+(?:\?[\w=&;%.-]*)?$/;

/**
 * Elements removed with everything inside them. Anything else outside the
 * allow-list is unwrapped (its text kept), which would turn a stylesheet or an
 * SVG's script into visible text.
 */
const STRIPPED = [
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'object',
  'embed',
  'applet',
  'form',
  'textarea',
  'select',
  'button',
  'title',
  'xmp',
  'noembed',
  'noframes',
  'frameset',
];

// Task-list checkboxes are the default list's only form control; pictures
// with `srcset` bypass Astro's image pipeline: news needs neither.
const DROPPED_TAGS = new Set(['input', 'picture', 'source']);

const aria = ['ariaDescribedBy', 'ariaLabel', 'ariaLabelledBy'];

/** What the sanitizer puts before every id written in an article. */
const CLOBBER_PREFIX = defaultSchema.clobberPrefix ?? 'user-content-';
const cell = ['colSpan', 'rowSpan', 'headers', 'align'];

/**
 * What raw HTML in an article may keep: GitHub's allow-list (no script, style,
 * event handlers, forms, or `javascript:`/`data:` URLs) plus what news needs —
 * figures, `<mark>`, table captions and YouTube no-cookie embeds. Attributes
 * are only those valid in HTML today: the presentational ones of old pages
 * (`border`, `cellpadding`, `<a name>`, …) and keyboard traps (`tabindex`,
 * `accesskey`) are dropped.
 */
export const sanitizeSchema: Options = {
  ...defaultSchema,
  tagNames: [
    ...(defaultSchema.tagNames ?? []).filter((name) => !DROPPED_TAGS.has(name)),
    'figure',
    'figcaption',
    'mark',
    'caption',
    'iframe',
  ],
  strip: STRIPPED,
  attributes: {
    '*': ['dir', 'id', 'lang', 'title'],
    a: defaultSchema.attributes?.a ?? [],
    blockquote: ['cite'],
    q: ['cite'],
    del: ['cite', 'dateTime'],
    ins: ['cite', 'dateTime'],
    code: defaultSchema.attributes?.code ?? [],
    h2: defaultSchema.attributes?.h2 ?? [],
    section: defaultSchema.attributes?.section ?? [],
    ol: [...aria, 'start', 'reversed'],
    ul: aria,
    li: ['value'],
    dl: aria,
    details: ['open'],
    table: aria,
    td: cell,
    th: [...cell, 'scope', 'abbr'],
    img: [...aria, 'src', 'alt', 'width', 'height'],
    iframe: [['src', YOUTUBE_EMBED], 'width', 'height'],
  },
  protocols: {
    ...defaultSchema.protocols,
    href: ['http', 'https', 'mailto', 'tel'],
    // Images and embeds over https only: the site is served over https.
    src: ['https'],
  },
  clobberPrefix: CLOBBER_PREFIX,
  required: {},
};

const ALIGNMENTS = new Set(['left', 'center', 'right']);

function hasSource(node: Element): boolean {
  return typeof node.properties.src === 'string' && node.properties.src.trim() !== '';
}

function isBlank(node: ElementContent): boolean {
  return node.type === 'text' ? node.value.trim() === '' : node.type === 'comment';
}

/** True for an element the sanitizer emptied: a paragraph or figure with nothing left to show. */
function isEmptied(node: Element): boolean {
  if (node.tagName === 'p') return node.children.every(isBlank);
  if (node.tagName === 'figure') {
    return node.children.every(
      (child) => isBlank(child) || (child.type === 'element' && child.tagName === 'figcaption'),
    );
  }
  return false;
}

/**
 * Runs after the sanitizer: removes images and embeds whose address it
 * dropped (an unsafe URL, a foreign player) and the paragraphs and figures
 * left empty; points in-page links at the prefixed ids; gives every embed a
 * title for screen readers; turns table
 * alignment into classes (`align` is obsolete and style attributes are
 * blocked by the Content-Security-Policy).
 */
export function rehypeTidy() {
  return (tree: Root) => {
    const ids = new Set<string>();
    visit(tree, 'element', (node) => {
      if (typeof node.properties.id === 'string') ids.add(node.properties.id);
    });
    visit(tree, 'element', (node) => {
      // The sanitizer prefixed every id: an in-page link (footnotes, a table of contents) follows it.
      const href = node.tagName === 'a' ? node.properties.href : undefined;
      if (typeof href === 'string' && href.startsWith('#')) {
        const target = href.slice(1);
        if (!ids.has(target) && ids.has(`${CLOBBER_PREFIX}${target}`))
          node.properties.href = `#${CLOBBER_PREFIX}${target}`;
      }
      if (node.tagName === 'td' || node.tagName === 'th') {
        const align = node.properties.align;
        delete node.properties.align;
        if (typeof align === 'string' && ALIGNMENTS.has(align)) node.properties.className = [`align-${align}`];
      }
      if (node.tagName === 'iframe') {
        const title = typeof node.properties.title === 'string' ? node.properties.title.trim() : '';
        node.properties.title = title || t('embed.video');
        node.properties.loading = 'lazy';
        node.properties.referrerPolicy = 'strict-origin-when-cross-origin';
        node.properties.allow = 'encrypted-media; picture-in-picture; fullscreen';
        // The parser reads an iframe's content as plain text that no browser shows.
        node.children = [];
      }
    });
    // Children first, so that a figure whose only image went is seen empty.
    const keep = (child: Root['children'][number]): boolean => {
      if (child.type !== 'element') return true;
      if ((child.tagName === 'img' || child.tagName === 'iframe') && !hasSource(child)) return false;
      child.children = child.children.filter(keep) as ElementContent[];
      return !isEmptied(child);
    };
    tree.children = tree.children.filter(keep);
  };
}
