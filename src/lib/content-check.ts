import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMarkdownProcessor, parseFrontmatter } from '@astrojs/markdown-remark';
import type { Image, Root } from 'mdast';
import { globSync } from 'tinyglobby';
import { visit } from 'unist-util-visit';
import { articleWarnings, scheduledLine, type BodyImage } from './article-warnings';
import { isScheduled } from './articles';
import { articlesDir } from './content-root';
import { markdownOptions } from './markdown/options';
import { renderArticleMarkdown } from './markdown/render';
import { articleSlug } from './slug';
import {
  ARTICLE_PATTERN,
  collisionProblems,
  displayPath,
  malformedYamlProblem,
  missingBodyImageProblems,
  validateFrontmatter,
  type ArticleClaim,
} from './validate-article';

/** One article file of a content root, read the way Astro's glob loader reads it. */
export interface ArticleSource {
  /** Path below `articles/`, in NFC: the collection id. */
  id: string;
  /** Absolute path. */
  filePath: string;
  /** The frontmatter, or the YAML error that stopped it being read. */
  frontmatter: { data: Record<string, unknown>; body: string } | { reason: string; line: number | undefined };
}

/** The `.md` files below `<root>/articles`, in a stable order (the build's glob pattern). */
export function articleFiles(root: string): string[] {
  const dir = articlesDir(root);
  if (!existsSync(dir)) return [];
  return globSync(ARTICLE_PATTERN, { cwd: dir, expandDirectories: false }).sort();
}

/** Splits an article into frontmatter and body exactly as Astro does (js-yaml through `@astrojs/markdown-remark`). */
export function readArticle(root: string, relativePath: string): ArticleSource {
  const filePath = join(articlesDir(root), relativePath);
  const contents = readFileSync(filePath, 'utf8');
  const id = relativePath.normalize('NFC');
  try {
    const parsed = parseFrontmatter(contents, { frontmatter: 'empty-with-spaces' });
    return { id, filePath, frontmatter: { data: parsed.frontmatter, body: parsed.content.trim() } };
  } catch (error) {
    const { reason, message, mark } = error as { reason?: string; message: string; mark?: { line?: number } };
    return { id, filePath, frontmatter: { reason: reason ?? message, line: mark?.line } };
  }
}

/** The slug each readable article claims, with its file: what `new` and `import` must not reuse. */
export function claimedSlugs(root: string): Map<string, string> {
  const claimed = new Map<string, string>();
  for (const relativePath of articleFiles(root)) {
    const article = readArticle(root, relativePath);
    const given = 'data' in article.frontmatter ? article.frontmatter.data.slug : undefined;
    const slug = articleSlug(article.id, typeof given === 'string' ? given : undefined);
    if (slug !== '' && !claimed.has(slug)) claimed.set(slug, article.filePath);
  }
  return claimed;
}

/** Everything `npm run check` found in a content root. */
export interface ContentReport {
  /** How many article files were read. */
  articles: number;
  /** `path: field: problem (expected …)` lines, sorted; any of them fails the build. */
  errors: string[];
  /** `path: field: warning: …` lines, sorted. */
  warnings: string[];
  /** One line per scheduled story (dated after `now`, not a draft), sorted: not a problem. */
  scheduled: string[];
}

/** Collects the images of a Markdown body into `sink` while Astro's Markdown pipeline parses it. */
function collectImages(sink: { images: BodyImage[] }) {
  return () => (tree: Root) => {
    visit(tree, 'image', (node: Image) => {
      sink.images.push({ url: node.url, alt: node.alt ?? '' });
    });
  };
}

/**
 * Validates every article of a content root with the build's own rules
 * (schema, images, slug and alias collisions) and adds the editor warnings.
 * `projectRoot` is what paths in messages are relative to.
 */
export async function checkContent(root: string, projectRoot: string, now: Date = new Date()): Promise<ContentReport> {
  const errors: string[] = [];
  const warnings: string[] = [];
  const scheduled: string[] = [];
  const claims: ArticleClaim[] = [];
  const sink = { images: [] as BodyImage[] };
  // The build's own Markdown pipeline, so body images are collected exactly as in the build.
  const markdown = await createMarkdownProcessor({
    ...markdownOptions,
    remarkPlugins: [...markdownOptions.remarkPlugins, collectImages(sink)],
  });

  const files = articleFiles(root);
  if (!existsSync(articlesDir(root))) {
    errors.push(
      `${displayPath(projectRoot, articlesDir(root))}: articles: folder not found (expected a content root holding an articles/ folder)`,
    );
  }
  for (const relativePath of files) {
    const article = readArticle(root, relativePath);
    const shown = displayPath(projectRoot, article.filePath);
    if ('reason' in article.frontmatter) {
      errors.push(malformedYamlProblem(shown, article.frontmatter.reason, article.frontmatter.line));
      continue;
    }
    const checked = await validateFrontmatter(article.frontmatter.data, article.filePath, shown);
    sink.images = [];
    const rendered = await renderArticleMarkdown(markdown, article.frontmatter.body, article.filePath);
    const missing = missingBodyImageProblems(article.filePath, shown, rendered.metadata.localImagePaths);
    errors.push(...checked.problems, ...missing);
    if (checked.parsed && missing.length === 0) {
      claims.push({ id: article.id, shown, slug: checked.parsed.slug, aliases: checked.parsed.aliases });
      if (isScheduled(checked.parsed, now)) scheduled.push(scheduledLine(shown, checked.parsed.date));
    }
    warnings.push(...articleWarnings({ shown, data: checked.data, images: sink.images, now }));
  }
  errors.push(...collisionProblems(claims));
  return { articles: files.length, errors: errors.sort(), warnings: warnings.sort(), scheduled: scheduled.sort() };
}
