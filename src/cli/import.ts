import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { globSync } from 'tinyglobby';
import { claimedSlugs } from '../content/check';
import { parseStory } from '../content/source';
import { checkFrontmatter } from '../content/validate';
import { articlesDir, contentRoot } from '../lib/content/content-root';
import { t } from '../i18n/vi';
import { legacyArticleFile, legacySlug, parseLegacyArticle, readLegacyExport } from '../lib/editing/legacy-import';
import { readArguments, runCli, pathFromHere, UsageError } from './run';

const USAGE = t('import.usage');

/** The export files a path names: the file itself, or every `.txt` file below a folder. */
function exportFiles(path: string): string[] | undefined {
  if (!existsSync(path)) return undefined;
  if (!statSync(path).isDirectory()) return [path];
  return globSync('**/*.txt', { cwd: path, absolute: true, expandDirectories: false }).sort();
}

/** What importing one export file did: where it went, or why it was skipped. */
type Outcome = { imported: string } | { skipped: string };

async function main(): Promise<number> {
  const { values, positionals } = readArguments(
    { out: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
    (error) => t('import.badArguments', { error }),
  );
  if (positionals.length === 0) throw new UsageError(t('import.noPath'));

  const root = values.out === undefined ? contentRoot(process.cwd()) : resolve(values.out);
  const dryRun = values['dry-run'];
  // Slugs already taken in the content root, then by this run: an import never takes another story's address.
  const claimed = claimedSlugs(root);
  let imported = 0;
  let skipped = 0;
  const skip = (source: string, reason: string) => {
    skipped += 1;
    console.log(t('import.skipped', { file: source, reason }));
  };

  /** Imports one export; every failure, expected or not, is a reason to skip this file only. */
  const importFile = async (file: string, source: string): Promise<Outcome> => {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(file);
    } catch (error) {
      return { skipped: t('import.unreadable', { error: (error as Error).message }) };
    }
    const read = readLegacyExport(bytes);
    if (!read.ok) return { skipped: read.reason };
    const parsed = parseLegacyArticle(read.text);
    if (!parsed.ok) return { skipped: parsed.reason };
    if (read.converted !== undefined) {
      console.log(t('import.converted', { file: source, encoding: t(`encoding.name.${read.converted}`) }));
    }
    if (read.controlCharacters) console.log(t('import.controlCharacters', { file: source }));

    const slug = legacySlug(file, parsed.article.title);
    const { path: articlePath, markdown } = legacyArticleFile(parsed.article, slug);
    const target = join(articlesDir(root), articlePath);
    if (existsSync(target)) return { skipped: t('import.exists', { target: pathFromHere(target) }) };
    const owner = claimed.get(slug);
    if (owner !== undefined) return { skipped: t('import.slugTaken', { slug, owner: pathFromHere(owner) }) };
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
    if (checked.problems.length > 0)
      return { skipped: checked.problems.map(({ field, message }) => `${field}: ${message}`).join('; ') };
    claimed.set(slug, target);
    if (!dryRun) {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, markdown, { flag: 'wx' });
    }
    return { imported: pathFromHere(target) };
  };

  for (const path of positionals) {
    const files = exportFiles(resolve(path));
    if (files === undefined) {
      skip(path, t('import.notFound'));
      continue;
    }
    if (files.length === 0) console.log(t('import.emptyFolder', { path }));
    for (const file of files) {
      const source = pathFromHere(file);
      let outcome: Outcome;
      try {
        outcome = await importFile(file, source);
      } catch (error) {
        outcome = {
          skipped: t('import.failed', { error: String((error as Error).message ?? error).split('\n')[0] ?? '' }),
        };
      }
      if ('skipped' in outcome) {
        skip(source, outcome.skipped);
        continue;
      }
      imported += 1;
      console.log(t(dryRun ? 'import.wouldImport' : 'import.imported', { file: source, target: outcome.imported }));
    }
  }
  if (dryRun) console.log(t('import.dryRun'));
  console.log(t('import.summary', { imported, skipped }));
  return skipped > 0 ? 1 : 0;
}

runCli(USAGE, main);
