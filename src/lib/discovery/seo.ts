/** Structured data (schema.org JSON-LD) and the Open Graph article tags of a story. */

/**
 * JSON for a `<script type="application/ld+json">` block: `<`, `>` and `&` are
 * written as `\u003c`, `\u003e`, `\u0026` so that no text (a title containing
 * `</script>`, say) can end the block early; U+2028/2029 are escaped for old parsers.
 * `JSON.parse` gives back exactly the input.
 */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The publisher: the institute, with its logo. */
export interface Publisher {
  name: string;
  url: string;
  logo: { url: string; width: number; height: number };
}

/** What a `NewsArticle` needs to know of a story; URLs absolute, dates ISO 8601 with offset. */
export interface NewsArticleInput {
  url: string;
  headline: string;
  description: string;
  datePublished: string;
  dateModified: string;
  author?: string | undefined;
  section: string;
  keywords: readonly string[];
  /** The cover, when the story has one. */
  image?: string | undefined;
  language: string;
  publisher: Publisher;
}

function organization(publisher: Publisher) {
  return {
    '@type': 'Organization',
    name: publisher.name,
    url: publisher.url,
    logo: {
      '@type': 'ImageObject',
      url: publisher.logo.url,
      width: publisher.logo.width,
      height: publisher.logo.height,
    },
  };
}

/**
 * A schema.org `NewsArticle`. The author is the credited person ("Tin: …"), or
 * the institute when no one is credited; a story without a cover is illustrated
 * by the institute's logo, since search engines expect an image.
 */
export function newsArticleLd(input: NewsArticleInput): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    mainEntityOfPage: { '@type': 'WebPage', '@id': input.url },
    url: input.url,
    headline: input.headline,
    description: input.description,
    image: [input.image ?? input.publisher.logo.url],
    datePublished: input.datePublished,
    dateModified: input.dateModified,
    author: input.author ? [{ '@type': 'Person', name: input.author }] : [organization(input.publisher)],
    publisher: organization(input.publisher),
    articleSection: input.section,
    ...(input.keywords.length > 0 ? { keywords: input.keywords.join(', ') } : {}),
    inLanguage: input.language,
  };
}

/** One step of a breadcrumb trail, with its absolute URL. */
export interface BreadcrumbStep {
  name: string;
  url: string;
}

/** A schema.org `BreadcrumbList`, positions counted from 1. */
export function breadcrumbLd(steps: readonly BreadcrumbStep[]): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: steps.map((step, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: step.name,
      item: step.url,
    })),
  };
}

/** The Open Graph `article:*` properties of a story, in order, as [property, content] pairs. */
export function articleOpenGraph(input: {
  publishedTime: string;
  modifiedTime: string;
  section: string;
  tags: readonly string[];
}): [string, string][] {
  return [
    ['article:published_time', input.publishedTime],
    ['article:modified_time', input.modifiedTime],
    ['article:section', input.section],
    ...input.tags.map((tag): [string, string] => ['article:tag', tag]),
  ];
}
