import { t } from '../i18n/vi';
import { formatDate, parseArticleDate } from '../lib/content/dates';
import { site } from '../site.config';

/** React's `createElement`, which Sveltia CMS hands to preview templates as `window.h`. */
export type CreateElement = (type: string, props?: Record<string, unknown> | null, ...children: unknown[]) => unknown;

/** What Sveltia CMS passes a preview template (the parts this one reads). */
export interface PreviewProps {
  entry: { getIn(path: string[]): unknown };
  widgetFor(name: string): unknown;
  widgetsFor(name: string): { getIn(path: string[]): unknown };
  getAsset?(path: string): unknown;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function list(value: unknown): string[] {
  const items =
    value && typeof (value as { toJS?: () => unknown }).toJS === 'function'
      ? (value as { toJS: () => unknown }).toJS()
      : value;
  return Array.isArray(items) ? items.map(text).filter((item): item is string => item !== undefined) : [];
}

function dateText(value: unknown): string | undefined {
  const date = parseArticleDate(value);
  return date === undefined ? undefined : formatDate(date);
}

/**
 * The article page's markup (src/pages/bai-viet/[slug]/index.astro) for the editor's
 * preview pane, with the same class names so the site's own CSS dresses it.
 */
export function articlePreview(h: CreateElement) {
  return function ArticlePreview(props: PreviewProps): unknown {
    const field = (name: string) => props.entry.getIn(['data', name]);
    const title = text(field('title')) ?? '';
    const category = text(field('category')) ?? site.defaultCategory;
    const categoryName = (site.categories as Record<string, string>)[category] ?? category;
    const date = dateText(field('date'));
    const updated = dateText(field('updated'));
    const author = text(field('author'));
    const source = text(field('source'));
    const photoCredit = text(field('photoCredit'));
    const tags = list(field('tags'));
    const cover = props.widgetsFor('cover');
    const coverImage = cover?.getIn(['widgets', 'src']);
    const coverCaption = text(cover?.getIn(['data', 'caption']));
    const draft = field('draft') === true;

    return h(
      'main',
      { id: 'main', className: 'wrap' },
      draft ? h('p', { className: 'admin-preview__draft' }, t('admin.previewDraft')) : null,
      h(
        'article',
        { className: 'article' },
        h(
          'header',
          { className: 'article__header' },
          h('p', { className: 'article__category' }, h('a', { href: '#' }, categoryName)),
          h('h1', { className: 'article__title' }, title),
          h(
            'div',
            { className: 'article__meta' },
            h(
              'p',
              { className: 'date-line' },
              `${t('article.updated')} `,
              date ?? '',
              updated ? h('span', { className: 'date-line__revised' }, ` (${t('article.revised')} ${updated})`) : null,
            ),
            h('a', { className: 'article__print', href: '#' }, t('article.print')),
          ),
        ),
        coverImage
          ? h('figure', { className: 'cover' }, coverImage, coverCaption ? h('figcaption', null, coverCaption) : null)
          : null,
        h('div', { className: 'prose' }, props.widgetFor('body')),
        author || source || photoCredit
          ? h(
              'div',
              { className: 'credits' },
              author ? h('p', { className: 'credits__author' }, t('article.author', { author })) : null,
              source ? h('p', { className: 'credits__source' }, t('article.source', { source })) : null,
              photoCredit ? h('p', { className: 'credits__photo' }, t('article.photo', { photoCredit })) : null,
            )
          : null,
        tags.length > 0
          ? h(
              'p',
              { className: 'tags' },
              h('span', { className: 'tags__label' }, t('article.tags')),
              ...tags.map((tag) => h('a', { className: 'tag', href: '#', key: tag }, tag)),
            )
          : null,
      ),
    );
  };
}
