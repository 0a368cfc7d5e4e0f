/** A date written day first (DD/MM/YYYY): its parts, or what is wrong with it. */
export type DayFirstDate =
  | { day: number; month: number; year: number }
  /** `format`: not DD/MM/YYYY; `year`: not four digits from 1000 to 9999; `day`: no such day. */
  | { problem: 'format' | 'year' | 'day'; year?: string };

const DAY_FIRST = /^(\d{1,2})\/(\d{1,2})\/(\d+)(?!\d)/;

/**
 * Reads DD/MM/YYYY at the start of `written` (all of it unless `prefix`). A year is exactly four
 * digits, never 0023 or 20234: JavaScript dates would read 0–99 as 1900–1999.
 */
export function readDayFirstDate(written: string, { prefix = false } = {}): DayFirstDate {
  const text = written.trim();
  const match = DAY_FIRST.exec(text);
  if (match === null || (!prefix && match[0] !== text)) return { problem: 'format' };
  const [day, month] = [Number(match[1]), Number(match[2])];
  const year = match[3] as string;
  if (!/^[1-9]\d{3}$/.test(year)) return { problem: 'year', year };
  const lastDay = month >= 1 && month <= 12 ? new Date(Date.UTC(2000, month, 0)).getUTCDate() : 0;
  const leap = Number(year) % 4 === 0 && (Number(year) % 100 !== 0 || Number(year) % 400 === 0);
  if (day < 1 || day > (month === 2 && !leap ? 28 : lastDay)) return { problem: 'day' };
  return { day, month, year: Number(year) };
}
