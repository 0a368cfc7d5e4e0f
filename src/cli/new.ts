import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { articleFilePath, articleTemplate } from '../lib/article-file';
import { claimedSlugs } from '../content/check';
import { articlesDir, contentRoot } from '../lib/content-root';
import { parseArticleDate } from '../lib/dates';
import { absoluteUrl, paths } from '../lib/paths';
import { slugify } from '../lib/slug';
import { categorySlugs, site } from '../site.config';
import { runCli, shown, UsageError } from './run';

const USAGE = 'usage: npm run new -- "Tiêu đề bài viết" [--category SLUG] [--date DD/MM/YYYY] [--folder]';

function main(): number {
  const { values, positionals } = (() => {
    try {
      return parseArgs({
        allowPositionals: true,
        options: {
          category: { type: 'string', default: site.defaultCategory },
          date: { type: 'string' },
          folder: { type: 'boolean', default: false },
        },
      });
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  })();
  if (positionals.length !== 1) {
    throw new UsageError('title: give exactly one title, in quotes (expected npm run new -- "Tiêu đề bài viết")');
  }

  const title = (positionals[0] as string).normalize('NFC').replace(/\s+/g, ' ').trim();
  const slug = slugify(title);
  if (slug === '') {
    throw new UsageError(
      `title: "${title}" has no letters or digits to make the story's address from (expected a title with words, e.g. "Hội nghị tổng kết năm 2026")`,
    );
  }
  if (!(categorySlugs as string[]).includes(values.category)) {
    throw new UsageError(
      `--category: unknown category "${values.category}" (expected one of: ${categorySlugs.join(', ')})`,
    );
  }
  // Today in Vietnam, whatever zone this machine is set to.
  let date = new Date();
  if (values.date !== undefined) {
    const written = values.date.trim();
    const parsed = /^\d{1,2}\/\d{1,2}\/\d{4}$/.test(written) ? parseArticleDate(written) : undefined;
    if (parsed === undefined) {
      throw new UsageError(`--date: cannot read "${written}" as a date (expected DD/MM/YYYY, e.g. 15/02/2026)`);
    }
    date = parsed;
  }

  const root = contentRoot(process.cwd());
  const file = join(articlesDir(root), articleFilePath(date, slug, values.folder));
  if (existsSync(file)) {
    console.error(
      `${shown(file)}: already exists, nothing written (expected a new title, or open that file to edit it)`,
    );
    return 1;
  }
  const owner = claimedSlugs(root).get(slug);
  if (owner !== undefined) {
    console.error(
      `slug: "${slug}" is already used by ${shown(owner)}, nothing written (expected a title no other story has; two stories cannot share an address)`,
    );
    return 1;
  }

  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, articleTemplate({ title, date, category: values.category, folder: values.folder }), {
    flag: 'wx',
  });
  console.log(`Created ${shown(file)}`);
  console.log(`Address once published: ${absoluteUrl(paths.article(slug))}`);
  return 0;
}

runCli(USAGE, main);
