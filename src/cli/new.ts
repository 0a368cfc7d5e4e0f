import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { t } from '../i18n/vi';
import { articleFilePath, articleTemplate } from '../lib/editing/article-file';
import { claimedSlugs } from '../content/check';
import { articlesDir, contentRoot } from '../lib/content/content-root';
import { parseArticleDate } from '../lib/content/dates';
import { absoluteUrl, paths } from '../lib/discovery/paths';
import { slugify } from '../lib/content/slug';
import { readDayFirstDate } from '../lib/text/day-first-date';
import { cleanControlCharacters, hasControlCharacters } from '../lib/text/encoding';
import { categorySlugs, site } from '../site.config';
import { readArguments, runCli, pathFromHere, UsageError } from './run';

const USAGE = t('new.usage');

function main(): number {
  const { values, positionals } = readArguments(
    {
      category: { type: 'string', default: site.defaultCategory },
      date: { type: 'string' },
      folder: { type: 'boolean', default: false },
    },
    (error) => t('new.badArguments', { error }),
  );
  if (positionals.length !== 1) throw new UsageError(t('new.oneTitle'));

  // A title pasted from Word may hold its manual line break (VT) or other control characters.
  const typed = (positionals[0] as string).normalize('NFC');
  const title = cleanControlCharacters(typed, 'line').replace(/\s+/g, ' ').trim();
  const slug = slugify(title);
  if (slug === '') throw new UsageError(t('new.noWords', { title }));
  if (!(categorySlugs as string[]).includes(values.category)) {
    throw new UsageError(t('new.unknownCategory', { category: values.category, categories: categorySlugs.join(', ') }));
  }
  // Today in Vietnam, whatever zone this machine is set to.
  let date = new Date();
  if (values.date !== undefined) {
    const written = values.date.trim();
    const read = readDayFirstDate(written);
    if ('problem' in read) {
      throw new UsageError(
        read.problem === 'year'
          ? t('new.badYear', { year: read.year ?? '', date: written })
          : t('new.badDate', { date: written }),
      );
    }
    const parsed = parseArticleDate(written);
    if (parsed === undefined) throw new UsageError(t('new.badDate', { date: written }));
    date = parsed;
  }

  const root = contentRoot(process.cwd());
  const file = join(articlesDir(root), articleFilePath(date, slug, values.folder));
  if (existsSync(file)) {
    console.error(t('new.exists', { file: pathFromHere(file) }));
    return 1;
  }
  const owner = claimedSlugs(root).get(slug);
  if (owner !== undefined) {
    console.error(t('new.slugTaken', { slug, owner: pathFromHere(owner) }));
    return 1;
  }

  if (hasControlCharacters(typed)) console.log(t('new.controlCharacters', { title }));
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, articleTemplate({ title, date, category: values.category, folder: values.folder }), {
    flag: 'wx',
  });
  console.log(t('new.created', { file: pathFromHere(file) }));
  console.log(t('new.address', { url: absoluteUrl(paths.article(slug)) }));
  return 0;
}

runCli(USAGE, main);
