import { existsSync } from 'node:fs';
import { t } from '../i18n/vi';
import { scheduledLine } from '../lib/content/article-warnings';
import { isScheduled } from '../lib/content/publication';
import { articlesDir } from '../lib/content/content-root';
import { renderMarkdownBody } from '../lib/markdown/render';
import { articleSlug } from '../lib/content/slug';
import { listStories, readStory } from './source';
import { checkStory, collectionProblems, displayPath, tagSpellingWarnings, type StoryClaim } from './validate';

/** Everything `npm run check` found in a content root. */
export interface ContentReport {
  /** How many story files were found. */
  articles: number;
  /** `path: field: problem (cần …)` lines, sorted; any of them fails the build. */
  errors: string[];
  /** `path: field: cảnh báo: …` and `gợi ý: …` lines, sorted. */
  warnings: string[];
  /** One line per scheduled story (dated after `now`, not a draft), sorted: not a problem. */
  scheduled: string[];
}

/**
 * Checks every story of a content root with the build's own flow (file,
 * frontmatter, body rendered with the site's Markdown pipeline, images, then
 * slugs, aliases and tags over the whole collection), plus the editor warnings.
 * `projectRoot` is what paths in messages are relative to.
 */
export async function checkContent(root: string, projectRoot: string, now: Date = new Date()): Promise<ContentReport> {
  const dir = articlesDir(root);
  if (!existsSync(dir)) {
    return {
      articles: 0,
      errors: [t('problem.line', { file: displayPath(projectRoot, dir), field: 'articles', message: t('problem.articles.missing') })],
      warnings: [],
      scheduled: [],
    };
  }
  const { stories, problems } = listStories(dir, root, { stamps: false });
  const errors: string[] = [];
  const warnings: string[] = [];
  const scheduled: string[] = [];
  for (const [file, list] of problems) {
    for (const { field, message } of list)
      errors.push(t('problem.line', { file: displayPath(projectRoot, file), field, message }));
  }
  const claims: StoryClaim[] = [];
  const render = async (body: string, filePath: string) =>
    (await renderMarkdownBody({ body, filePath, image: {} })).metadata;
  for (const story of stories) {
    const checked = await checkStory(story, { contentRoot: root, projectRoot, now }, render);
    errors.push(...checked.problems);
    warnings.push(...checked.warnings);
    if (checked.data) {
      if (isScheduled(checked.data, now)) scheduled.push(scheduledLine(checked.fileLabel, checked.data.date));
      const { slug, aliases, tags } = checked.data;
      claims.push({ id: story.id, fileLabel: checked.fileLabel, slug, aliases, tags });
    }
  }
  errors.push(...collectionProblems(claims));
  warnings.push(...tagSpellingWarnings(claims));
  return {
    articles: stories.length + problems.size,
    errors: errors.sort(),
    warnings: warnings.sort(),
    scheduled: scheduled.sort(),
  };
}

/** The slug each readable story claims, with its file: what `new` and `import` must not reuse. */
export function claimedSlugs(root: string): Map<string, string> {
  const claimed = new Map<string, string>();
  const dir = articlesDir(root);
  if (!existsSync(dir)) return claimed;
  for (const story of listStories(dir, root, { stamps: false }).stories) {
    const read = readStory(story.file);
    const given = 'data' in read ? read.data.slug : undefined;
    const slug = articleSlug(story.id, typeof given === 'string' ? given : undefined);
    if (slug !== '' && !claimed.has(slug)) claimed.set(slug, story.file);
  }
  return claimed;
}
