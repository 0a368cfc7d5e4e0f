import { writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import {
  createMarkdownProcessor,
  type AstroMarkdownProcessorOptions,
  type MarkdownProcessor,
  type MarkdownProcessorRenderOptions,
} from '@astrojs/markdown-remark';
import { site } from '../../site.config';
import { bodySummary } from '../content/summary';
import { bodyText, dWordsOf } from '../discovery/search-words';
import { nestingDepth, nestingMessage } from './nesting';
import { markdownOptions } from './options';

/** One article body to render, and where its HTML goes. */
export interface BodyRequest {
  body: string;
  /** The article's file: relative images are resolved from it. */
  filePath: string;
  /** Where the HTML is written (the content cache keeps it out of Astro's data store). */
  htmlFile: string;
  /** Astro's image settings: which remote images may be processed. */
  image: NonNullable<AstroMarkdownProcessorOptions['image']>;
}

/**
 * What the pages need of a rendered body besides its HTML (kept small: it is
 * Astro's data store, one serialised module for the whole site).
 */
export interface BodyMetadata {
  localImagePaths: string[];
  remoteImagePaths: string[];
  /** The first paragraph as plain text, cut to the summary length: the summary when frontmatter has none. */
  excerpt: string;
  /** The body's words spelled with `đ`, written with `d` (see `dWordsOf`). */
  dWords: string;
}

/**
 * Renders an article's Markdown with `processor` as Astro's glob loader does:
 * given the article's file, so that relative images are collected.
 */
export function renderArticleMarkdown(processor: MarkdownProcessor, body: string, filePath: string) {
  // `fileURL` is what Astro passes (not in the public types): images are collected only for a file.
  return processor.render(body, {
    fileURL: pathToFileURL(filePath),
    frontmatter: {},
  } as MarkdownProcessorRenderOptions);
}

let processor: Promise<MarkdownProcessor> | undefined;

/** One body rendered with the site's Markdown pipeline: its HTML and what pages need besides. */
export async function renderMarkdownBody(
  request: Omit<BodyRequest, 'htmlFile'>,
): Promise<{ html: string; metadata: BodyMetadata }> {
  // Refused before parsing: the parser would print its own stack trace for the editor to see.
  if (nestingDepth(request.body) > site.limits.nesting) throw new Error(nestingMessage());
  processor ??= createMarkdownProcessor({ ...markdownOptions, image: request.image });
  const result = await renderArticleMarkdown(await processor, request.body, request.filePath);
  const html = result.code;
  return {
    html,
    metadata: {
      localImagePaths: result.metadata.localImagePaths,
      remoteImagePaths: result.metadata.remoteImagePaths,
      excerpt: bodySummary(html, site.summaryLength),
      dWords: dWordsOf(bodyText(html)),
    },
  };
}

/**
 * Renders one article body, writes the HTML to `htmlFile` and returns the
 * rest. Runs in a worker thread during builds.
 */
export async function renderBody(request: BodyRequest): Promise<BodyMetadata> {
  const { html, metadata } = await renderMarkdownBody(request);
  await writeFile(request.htmlFile, html);
  return metadata;
}
