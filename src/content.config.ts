import { defineCollection } from 'astro:content';
import { articlesLoader, storedArticleSchema } from './content/loader';
import { pagesLoader } from './data/pages-loader';
import { contentRoot, pagesDir } from './lib/content/content-root';
import { pageSchema } from './lib/content/pages';

const articles = defineCollection({
  loader: articlesLoader(),
  schema: ({ image }) => storedArticleSchema(image()),
});

/** Standing pages (Giới thiệu, Liên hệ, the English page): never in article lists or feeds. */
const pages = defineCollection({
  loader: pagesLoader(pagesDir(contentRoot(process.cwd()))),
  schema: pageSchema,
});

export const collections = { articles, pages };
