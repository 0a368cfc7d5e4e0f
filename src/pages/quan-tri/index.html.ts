import type { APIRoute } from 'astro';
import { adminPage } from '../../admin/page';
import { site } from '../../site.config';

/**
 * The web editor's page. An endpoint, not an .astro page: it carries its own
 * Content-Security-Policy (src/admin/page.ts) instead of the site's, and runs the editor's script.
 */
export const GET: APIRoute = () =>
  new Response(adminPage({ siteName: site.name, lang: site.lang, cms: site.cms }), {
    headers: { 'Content-Type': 'text/html; charset=utf-8' },
  });
