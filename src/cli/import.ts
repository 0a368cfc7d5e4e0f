import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { globSync } from 'tinyglobby';
import { claimedSlugs } from '../content/check';
import { parseStory } from '../content/source';
import { checkFrontmatter } from '../content/validate';
import { articlesDir, contentRoot } from '../lib/content-root';
import { legacyArticleFile, legacySlug, parseLegacyArticle } from '../lib/legacy-import';
import { runCli, shown, UsageError } from './run';

const USAGE = 'usage: npm run import -- PATH... [--out CONTENT_ROOT] [--dry-run]';

/** The export files a path names: the file itself, or every `.txt` file below a folder. */
function exportFiles(path: string): string[] | undefined {
  if (!existsSync(path)) return undefined;
  if (!statSync(path).isDirectory()) return [path];
  return globSync('**/*.txt', { cwd: path, absolute: true, expandDirectories: false }).sort();
}

async function main(): Promise<number> {
  const { values, positionals } = (() => {
    try {
      return parseArgs({
        allowPositionals: true,
        options: { out: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
      });
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  })();
  if (positionals.length === 0) throw new UsageError('PATH: give at least one export file or folder');

  const root = values.out === undefined ? contentRoot(process.cwd()) : resolve(values.out);
  const dryRun = values['dry-run'];
  // Slugs already taken in the content root, then by this run: an import never takes another story's address.
  const claimed = claimedSlugs(root);
  let imported = 0;
  let skipped = 0;
  const skip = (source: string, reason: string) => {
    skipped += 1;
    console.log(`skipped ${source}: ${reason}`);
  };

  for (const path of positionals) {
    const files = exportFiles(resolve(path));
    if (files === undefined) {
      skip(path, 'not found (expected a .txt export file or a folder of them)');
      continue;
    }
    if (files.length === 0) console.log(`${path}: no .txt files in this folder`);
    for (const file of files) {
      const source = shown(file);
      const text = readFileSync(file, 'utf8');
      if (text.includes('\uFFFD')) {
        skip(source, 'not UTF-8 text (expected the export saved as UTF-8)');
        continue;
      }
      const parsed = parseLegacyArticle(text);
      if (!parsed.ok) {
        skip(source, parsed.reason);
        continue;
      }
      const slug = legacySlug(file, parsed.article.title);
      const { path: articlePath, markdown } = legacyArticleFile(parsed.article, slug);
      const target = join(articlesDir(root), articlePath);
      if (existsSync(target)) {
        skip(source, `${shown(target)} already exists, left unchanged`);
        continue;
      }
      const owner = claimed.get(slug);
      if (owner !== undefined) {
        skip(
          source,
          `slug "${slug}" is already used by ${shown(owner)} (expected an export whose file name or title gives a new slug)`,
        );
        continue;
      }
      // What is written must pass the build's own checks.
      const story = parseStory(markdown);
      const checked =
        'problem' in story
          ? { problems: [story.problem] }
          : await checkFrontmatter(story.data, target, {
              contentRoot: root,
              projectRoot: process.cwd(),
              now: new Date(),
            });
      if (checked.problems.length > 0) {
        skip(source, checked.problems.map(({ field, message }) => `${field}: ${message}`).join('; '));
        continue;
      }
      claimed.set(slug, target);
      if (!dryRun) {
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, markdown, { flag: 'wx' });
      }
      imported += 1;
      console.log(`${dryRun ? 'would import' : 'imported'} ${source} → ${shown(target)}`);
    }
  }
  if (dryRun) console.log('dry run: nothing was written');
  console.log(`${imported} imported, ${skipped} skipped`);
  return skipped > 0 ? 1 : 0;
}

runCli(USAGE, main);
