import { defineCollection } from 'astro:content';
import { articlesLoader } from './data/articles-loader';
import { pagesLoader } from './data/pages-loader';
import { articleSchema } from './lib/article-schema';
import { articlesDir, contentRoot, pagesDir } from './lib/content-root';
import { pageSchema } from './lib/pages';

const articles = defineCollection({
  loader: articlesLoader(articlesDir(contentRoot(process.cwd()))),
  schema: ({ image }) => articleSchema(image()),
});

/** Standing pages (Giới thiệu, Liên hệ, the English page): never in article lists or feeds. */
const pages = defineCollection({
  loader: pagesLoader(pagesDir(contentRoot(process.cwd()))),
  schema: pageSchema,
});

export const collections = { articles, pages };
