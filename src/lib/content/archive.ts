import { yearMonth } from './dates';
import type { Dated } from './order';

/** A month of the archive. */
export interface ArchiveMonth<T> {
  year: number;
  month: number;
  articles: T[];
}

/** A year of the archive, months newest first. */
export interface ArchiveYear<T> {
  year: number;
  count: number;
  months: ArchiveMonth<T>[];
}

/**
 * Groups a newest-first list by year and month in Vietnam time, newest first;
 * articles keep their order inside each month.
 */
export function groupByMonth<T extends Dated>(sorted: readonly T[]): ArchiveYear<T>[] {
  const years: ArchiveYear<T>[] = [];
  for (const article of sorted) {
    const { year, month } = yearMonth(article.date);
    let lastYear = years.at(-1);
    if (lastYear?.year !== year) {
      lastYear = { year, count: 0, months: [] };
      years.push(lastYear);
    }
    let lastMonth = lastYear.months.at(-1);
    if (lastMonth?.month !== month) {
      lastMonth = { year, month, articles: [] };
      lastYear.months.push(lastMonth);
    }
    lastMonth.articles.push(article);
    lastYear.count += 1;
  }
  return years;
}
