import type { APIRoute } from 'astro';
import { cmsConfig } from '../../admin/cms-config';

/** The web editor's configuration, generated from the article schema and the site config at build time. */
export const GET: APIRoute = () =>
  new Response(`${JSON.stringify(cmsConfig(), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
