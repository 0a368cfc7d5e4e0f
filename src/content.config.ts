import { defineCollection } from 'astro:content';
import { articlesLoader } from './data/articles-loader';
import { articleSchema } from './lib/article-schema';
import { articlesDir, contentRoot } from './lib/content-root';

const articles = defineCollection({
  loader: articlesLoader(articlesDir(contentRoot(process.cwd()))),
  schema: ({ image }) => articleSchema(image()),
});

export const collections = { articles };
