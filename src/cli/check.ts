import { publicationNow } from '../lib/articles';
import { checkContent } from '../lib/content-check';
import { contentRoot } from '../lib/content-root';
import { runCli } from './run';

const USAGE = 'usage: npm run check   (BANTIN_CONTENT_DIR=… to check another content root)';

async function main(): Promise<number> {
  const root = contentRoot(process.cwd());
  const report = await checkContent(root, process.cwd(), publicationNow());
  for (const line of [...report.errors, ...report.warnings, ...report.scheduled]) console.log(line);
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  console.log(
    `${count(report.articles, 'article')} checked: ${count(report.errors.length, 'error')}, ${count(report.warnings.length, 'warning')}` +
      (report.scheduled.length > 0 ? `, ${report.scheduled.length} scheduled` : ''),
  );
  return report.errors.length > 0 ? 1 : 0;
}

runCli(USAGE, main);
