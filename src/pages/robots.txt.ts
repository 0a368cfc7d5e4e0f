import type { APIRoute } from 'astro';
import { absoluteUrl, paths } from '../lib/discovery/paths';

/** Crawlers may read everything; the sitemap lists what is worth reading. */
export const GET: APIRoute = () =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(paths.sitemap())}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
