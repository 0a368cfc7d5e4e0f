import { checkContent } from '../lib/content-check';
import { contentRoot } from '../lib/content-root';
import { runCli } from './run';

const USAGE = 'usage: npm run check   (BANTIN_CONTENT_DIR=… to check another content root)';

async function main(): Promise<number> {
  const root = contentRoot(process.cwd());
  const report = await checkContent(root, process.cwd());
  for (const line of [...report.errors, ...report.warnings]) console.log(line);
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  console.log(
    `${count(report.articles, 'article')} checked: ${count(report.errors.length, 'error')}, ${count(report.warnings.length, 'warning')}`,
  );
  return report.errors.length > 0 ? 1 : 0;
}

runCli(USAGE, main);
