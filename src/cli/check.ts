import { t } from '../i18n/vi';
import { checkContent } from '../content/check';
import { publicationNow } from '../lib/content/publication';
import { contentRoot } from '../lib/content/content-root';
import { runCli } from './run';

const USAGE = 'Cách dùng: npm run check   (BANTIN_CONTENT_DIR=… để kiểm tra thư mục nội dung khác)';

async function main(): Promise<number> {
  const root = contentRoot(process.cwd());
  const report = await checkContent(root, process.cwd(), publicationNow());
  for (const line of [...report.errors, ...report.warnings, ...report.scheduled]) console.log(line);
  const summary = t('check.summary', {
    articles: report.articles,
    errors: report.errors.length,
    warnings: report.warnings.length,
  });
  console.log(
    report.scheduled.length > 0 ? `${summary} ${t('check.scheduled', { count: report.scheduled.length })}` : summary,
  );
  if (report.errors.length > 0) console.log(t('check.failed'));
  return report.errors.length > 0 ? 1 : 0;
}

runCli(USAGE, main);
