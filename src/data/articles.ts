import { readFileSync } from 'node:fs';
import { getCollection, render, type CollectionEntry } from 'astro:content';
import { groupByMonth, type ArchiveYear } from '../lib/content/archive';
import { neighboursBySlug, sortNewestFirst, type Neighbours } from '../lib/content/order';
import { isPublished, publicationNow } from '../lib/content/publication';
import { relatedFinder } from '../lib/content/related';
import { givenSummary } from '../lib/content/summary';
import { commonestName, tagsOf, type Tag } from '../lib/content/tags';
import { attachmentsOf, type Attachment } from '../lib/content/attachments';
import { articlesDir, contentRoot } from '../lib/content/content-root';
import { listStories } from '../content/source';
import { bodyDigestOf, type StoredArticle } from '../content/loader';
import { bodyNotesFile, noteKey, readBodyNotes, sharedBodyNotes, type BodyNotes } from '../content/body-notes';
import { previewStories, withNewestStories } from '../content/preview-stories';
import { pageCollisions, pageSlug, type PageData } from '../lib/content/pages';
import { articleSlug } from '../lib/content/slug';
import { categorySlugs, site, type CategorySlug } from '../site.config';
import { lastModified } from '../lib/discovery/sitemap';
import { articleHtmlDir, articleHtmlFile } from './article-html';
import { drawShareImages } from './share-image-pool';
import { shareLastModified } from './sitemap-dates';

/** The checked frontmatter fields pages read as they are. */
type ShownField =
  'title' | 'date' | 'updated' | 'author' | 'photoCredit' | 'source' | 'category' | 'cover' | 'aliases' | 'draft';

/** An article as pages see it: frontmatter plus everything derived from it. */
export interface Article extends Pick<StoredArticle, ShownField> {
  entry: CollectionEntry<'articles'>;
  slug: string;
  tags: Tag[];
  summary: string;
  /** The body's words spelled with `đ`, folded: the search index's copy of them. */
  bodyDWords: string;
  /** Files listed under the story as "File đính kèm". */
  attachments: Attachment[];
  filePath: string;
  /** The rendered body in the content cache. */
  bodyFile: string;
}

/** A standing page (Giới thiệu, Liên hệ, the English page) as pages see it. */
export interface StandingPage {
  entry: CollectionEntry<'pages'>;
  slug: string;
  title: string;
  summary?: string | undefined;
  updated?: Date | undefined;
  lang: string;
  aliases: string[];
  filePath: string;
}

/** Everything the site shows, computed once per build from one load of the collection. */
export interface SiteData {
  /** Published standing pages, by file name. */
  pages: StandingPage[];
  /** Published articles, newest first. */
  articles: Article[];
  neighbours: Map<string, Neighbours<Article>>;
  /** An article's related articles, by slug (ranked when first asked for). */
  related: (slug: string) => Article[];
  archive: ArchiveYear<Article>[];
  /** Published articles of each category, newest first (every category present). */
  byCategory: Map<CategorySlug, Article[]>;
  /** Published articles of each tag, newest first, keyed by tag slug. */
  byTag: Map<string, { tag: Tag; articles: Article[] }>;
}

function toArticle(entry: CollectionEntry<'articles'>, htmlDir: string, notes: BodyNotes): Article {
  // The loader checked the frontmatter with the article schema; Astro's own schema only turned the cover into an image.
  const data = entry.data as unknown as StoredArticle;
  const filePath = entry.filePath ?? entry.id;
  const bodyDigest = bodyDigestOf(entry);
  const body = notes.get(noteKey(entry.id, bodyDigest));
  if (!body)
    throw new Error(
      `${filePath}: its notes are missing from the content cache (${bodyNotesFile(process.cwd())}); build again`,
    );
  const article = {
    // The shown fields first, each written out: one object shape for every article (a spread of
    // each story's own fields would give each order its own, and costs ten times as much).
    title: data.title,
    date: data.date,
    updated: data.updated,
    author: data.author,
    photoCredit: data.photoCredit,
    source: data.source,
    category: data.category,
    cover: data.cover,
    aliases: data.aliases,
    draft: data.draft,
    entry,
    slug: articleSlug(entry.id, data.slug),
    tags: tagsOf(data.tags),
    summary: data.summary === undefined ? body.excerpt : givenSummary(data.summary, site.summaryLength),
    bodyDWords: body.dWords,
    attachments: attachmentsOf(filePath, data.attachments),
    filePath,
    bodyFile: articleHtmlFile(htmlDir, bodyDigest),
  };
  // Every shown field is in it, the optional ones too: one left out here does not compile.
  return article satisfies Record<ShownField, unknown>;
}

/**
 * True in the preview (`npm run dev`): drafts are shown and marked, stories with
 * problems are left out and listed on every page. Vite's mode, not `DEV`, which
 * follows NODE_ENV and so whatever environment the build was started from.
 */
export const isPreview = import.meta.env.MODE === 'development';

function toPage(entry: CollectionEntry<'pages'>): StandingPage & { draft: boolean } {
  const data: PageData = entry.data;
  return {
    entry,
    slug: pageSlug(entry.id),
    title: data.title,
    summary: data.summary,
    updated: data.updated,
    lang: data.lang,
    aliases: data.aliases,
    draft: data.draft,
    filePath: entry.filePath ?? entry.id,
  };
}

async function load(): Promise<SiteData> {
  // Slug and alias collisions (drafts included) were refused when the collection loaded.
  const htmlDir = articleHtmlDir(process.cwd());
  // Read after the collection: the loader saves its notes before Astro saves the store that names them.
  const entries = withNewestStories(await getCollection('articles'), isPreview ? previewStories() : undefined);
  const notes = sharedBodyNotes() ?? readBodyNotes(bodyNotesFile(process.cwd()));
  const all = entries.map((entry) => toArticle(entry, htmlDir, notes));
  // Astro's data store can come back short without an error (seen at 50,000 articles, when a save
  // of the store was still running as the page build read it): never build a site that lost stories.
  // The preview leaves stories with problems out on purpose.
  if (!isPreview) {
    const root = contentRoot(process.cwd());
    const onDisk = listStories(articlesDir(root), root, { stamps: false }).stories.length;
    if (all.length !== onDisk) {
      throw new Error(
        `${onDisk} article files are in the content folder but the content layer returned ${all.length}: ` +
          'the build stopped rather than publish a site with stories missing.',
      );
    }
  }
  // Drafts and scheduled stories are shown, marked, by the preview (`npm run dev`) only.
  const mode = { includeDrafts: isPreview, now: publicationNow() };
  const articles = sortNewestFirst(all.filter((article) => isPublished(article, mode)));
  // The sitemap is written by a build only.
  if (!isPreview) shareLastModified(lastModified(articles));
  // In a build, the share images are drawn on the other cores while this thread builds the pages.
  drawShareImages(articles);

  const allPages = (await getCollection('pages')).map(toPage);
  // A page may take no address of the site's sections, of an article (drafts included) or of another page.
  const collisions = pageCollisions(
    allPages.map((page) => ({ slug: page.slug, aliases: page.aliases, fileLabel: page.filePath })),
    all.map((article) => ({ slug: article.slug, aliases: article.aliases, fileLabel: article.filePath })),
  );
  // A build stops; the preview shows the site anyway (Astro routes the first claimant) and says why.
  if (collisions.length > 0) {
    const message = `${collisions.length} lỗi địa chỉ trong các trang:\n${collisions.join('\n')}`;
    if (!isPreview) throw new Error(message);
    console.warn(message);
  }
  const byCategory = new Map<CategorySlug, Article[]>(categorySlugs.map((slug) => [slug, []]));
  /** Each tag's articles, and the spelling each of them gives it. */
  const tagged = new Map<string, { tag: Tag; articles: Article[]; spellings: string[] }>();
  for (const article of articles) {
    byCategory.get(article.category)?.push(article);
    for (const tag of article.tags) {
      const entry = tagged.get(tag.slug) ?? { tag, articles: [], spellings: [] };
      entry.articles.push(article);
      entry.spellings.push(tag.name);
      tagged.set(tag.slug, entry);
    }
  }
  const byTag = new Map(
    [...tagged].map(([slug, { tag, articles: list, spellings }]) => [
      slug,
      { tag: { ...tag, name: commonestName(spellings) }, articles: list },
    ]),
  );
  return {
    pages: allPages
      // Standing pages have no date to wait for: only drafts are held back.
      .filter((page) => mode.includeDrafts || !page.draft)
      // The site's own language first, then pages in other languages (the English page last).
      .sort(
        (a, b) =>
          Number(a.lang !== site.lang) - Number(b.lang !== site.lang) ||
          (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0),
      ),
    articles,
    neighbours: neighboursBySlug(articles),
    related: relatedFinder(articles, site.relatedCount),
    archive: groupByMonth(articles),
    byCategory,
    byTag,
  };
}

let loaded: { data: Promise<SiteData>; generation: number | undefined } | undefined;

/**
 * The site's articles and derived indexes, loaded and computed once per build; in the preview,
 * again once it has newer stories than those computed from.
 */
export function siteData(): Promise<SiteData> {
  const generation = isPreview ? previewStories()?.generation : undefined;
  if (loaded === undefined || loaded.generation !== generation) loaded = { data: load(), generation };
  return loaded.data;
}

/** The rendered body of an article, read from the content cache, with Astro's image handling. */
export function articleContent(article: Article): ReturnType<typeof render> {
  const { entry, bodyFile: file } = article;
  let html: string;
  try {
    // A synchronous read of a few kilobytes costs less than a trip through the thread pool.
    html = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`${article.filePath}: the rendered body is missing from the content cache (${file}); build again`, {
      cause: error,
    });
  }
  return render({ ...entry, rendered: { ...entry.rendered, html } });
}
