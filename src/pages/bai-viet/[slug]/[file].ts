import { readFileSync } from 'node:fs';
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteData } from '../../../data/articles';
import type { Attachment } from '../../../lib/content/attachments';

/** Every story's attachments, copied beside its page under their published names. */
export const getStaticPaths = (async () => {
  const { articles } = await siteData();
  return articles.flatMap((article) =>
    article.attachments.map((attachment) => ({
      params: { slug: article.slug, file: attachment.fileName },
      props: { attachment },
    })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ attachment: Attachment }> = ({ props }) =>
  new Response(new Uint8Array(readFileSync(props.attachment.file)));
