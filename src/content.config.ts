import { defineCollection } from 'astro:content';
import { articlesLoader, storedArticleSchema } from './content/loader';

const articles = defineCollection({
  loader: articlesLoader(),
  schema: ({ image }) => storedArticleSchema(image()),
});

export const collections = { articles };
