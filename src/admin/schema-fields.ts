import { z } from 'astro/zod';
import { ARTICLE_FIELDS, articleSchema } from '../lib/content/article-schema';

/**
 * The frontmatter keys the article schema accepts, in the schema's order.
 */
export function schemaFieldNames(): string[] {
  return [...ARTICLE_FIELDS];
}

/**
 * The keys of the cover object (`{ src, alt, caption }`). The only place that looks inside
 * the cover's zod schema: it unwraps refinements and pipes until it reaches the object,
 * so the schema may gain or lose wrappers without this changing.
 */
export function schemaCoverFieldNames(): string[] {
  const cover = objectShape(articleSchema(z.string())).cover;
  return cover === undefined ? [] : Object.keys(objectShape(cover));
}

function objectShape(schema: z.ZodTypeAny): Record<string, z.ZodTypeAny> {
  let current: z.ZodTypeAny = schema;
  for (let depth = 0; depth < 20; depth += 1) {
    if (current instanceof z.ZodObject) return current.shape as Record<string, z.ZodTypeAny>;
    if (current instanceof z.ZodEffects) current = current.innerType();
    else if (current instanceof z.ZodOptional || current instanceof z.ZodNullable) current = current.unwrap();
    else if (current instanceof z.ZodDefault) current = current.removeDefault();
    // A pipe checks its input loosely, then parses it into the object that holds the fields.
    else if (current instanceof z.ZodPipeline) current = current._def.out;
    else break;
  }
  throw new Error('The article schema is not a zod object: src/admin/schema-fields.ts must learn its new shape');
}
