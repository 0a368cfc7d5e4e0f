import type { ArticleCredits, ArticleData } from '../content/article-schema';
import { escapeMarkup } from '../text/escape';
import { absoluteUrl, paths } from './paths';

/** The Dublin Core namespace, for credits (`dc:creator`, …) that RSS 2.0 itself has no field for. */
export const DUBLIN_CORE = 'http://purl.org/dc/elements/1.1/';

/** The Atom namespace, for the feed's link to itself. */
export const ATOM = 'http://www.w3.org/2005/Atom';

/** What a feed item needs to know of a story. */
export interface FeedArticle extends ArticleCredits, Pick<ArticleData, 'title' | 'date'> {
  slug: string;
  summary: string;
  /** The category's Vietnamese name. */
  category: string;
  tags: readonly string[];
}

/** One RSS 2.0 item, in the shape `@astrojs/rss` takes. */
export interface FeedItem {
  title: string;
  link: string;
  pubDate: Date;
  description: string;
  categories: string[];
  customData?: string;
}

/**
 * A story as an RSS item: its absolute URL as link (and permalink guid), the
 * summary as description, the category then the tags as categories, and the
 * credits as Dublin Core elements (RSS's own `author` must be an e-mail address).
 */
export function feedItem(article: FeedArticle): FeedItem {
  const credits = [
    article.author && `<dc:creator>${escapeMarkup(article.author)}</dc:creator>`,
    article.photoCredit && `<dc:contributor>${escapeMarkup(article.photoCredit)}</dc:contributor>`,
    article.source && `<dc:source>${escapeMarkup(article.source)}</dc:source>`,
  ].filter(Boolean);
  return {
    title: article.title,
    link: absoluteUrl(paths.article(article.slug)),
    pubDate: article.date,
    description: article.summary,
    categories: [article.category, ...article.tags],
    ...(credits.length > 0 ? { customData: credits.join('') } : {}),
  };
}

/**
 * The channel's extra elements: its language, its own address, and as
 * `lastBuildDate` the latest change to a story in it (not the clock), so that
 * the same content gives the same feed.
 */
export function channelData(language: string, lastChange: Date | undefined): string {
  return [
    `<language>${escapeMarkup(language)}</language>`,
    lastChange ? `<lastBuildDate>${lastChange.toUTCString()}</lastBuildDate>` : '',
    `<atom:link href="${escapeMarkup(absoluteUrl(paths.rss()))}" rel="self" type="application/rss+xml"/>`,
  ].join('');
}
