// The web editor's script, bundled with Sveltia CMS into /quan-tri/cms.js (src/admin/bundle.ts).
import './before-cms';
import CMS from '@sveltia/cms';
import { ArticleFormat } from './article-format';
import { ARTICLE_COLLECTION, ARTICLE_FORMAT, frontmatterOrder, SINGLE_FILE_COLLECTION } from './cms-config';
import { articlePreview, type CreateElement } from './preview';

declare global {
  interface Window {
    /** React's createElement, set by Sveltia CMS for preview templates. */
    h: CreateElement;
  }
}

const format = new ArticleFormat(frontmatterOrder());
CMS.registerCustomFormat(ARTICLE_FORMAT, 'md', {
  fromFile: (text: string) => format.parse(text),
  toFile: (content: Record<string, unknown>) => format.format(content),
});
CMS.registerPreviewStyle(new URL('preview.css', import.meta.url).href);
const preview = articlePreview((...args) => window.h(...args));
for (const collection of [ARTICLE_COLLECTION, SINGLE_FILE_COLLECTION]) {
  CMS.registerPreviewTemplate(collection, preview as unknown as Parameters<typeof CMS.registerPreviewTemplate>[1]);
}
void CMS.init();
