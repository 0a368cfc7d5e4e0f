import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { t } from '../../i18n/vi';
import { site } from '../../site.config';

const ZONE = site.timeZone;

const DAY_FIRST = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?(Z|[+-]\d{2}:?\d{2})?$/;

function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function vietnamInstant(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): Date {
  // The Date constructor reads years 0–99 as 1900–1999; setFullYear takes them as written.
  const date = new TZDate(2000, 0, 1, hour, minute, second, ZONE);
  date.setFullYear(year, month - 1, day);
  return new Date(date.getTime());
}

/**
 * Parses an article date. Accepts `DD/MM/YYYY` (day first), `YYYY-MM-DD`,
 * `YYYY-MM-DDTHH:mm[:ss]` in Vietnam time, or the same with `Z` or an offset.
 * A date alone means 00:00 that day in Vietnam. Returns `undefined` when unparseable.
 *
 * A `Date` (what YAML makes of an unquoted `2023-01-12`) is accepted only at
 * UTC midnight, read as that calendar day in Vietnam: YAML reads times without
 * an offset as UTC, so such values are ambiguous and refused.
 */
export function parseArticleDate(value: unknown): Date | undefined {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return undefined;
    const midnight =
      value.getUTCHours() === 0 &&
      value.getUTCMinutes() === 0 &&
      value.getUTCSeconds() === 0 &&
      value.getUTCMilliseconds() === 0;
    if (!midnight) return undefined;
    return vietnamInstant(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  }
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const dayFirst = DAY_FIRST.exec(text);
  if (dayFirst) {
    const [day, month, year] = dayFirst.slice(1).map(Number) as [number, number, number];
    return validDay(year, month, day) ? vietnamInstant(year, month, day) : undefined;
  }
  const iso = ISO.exec(text);
  if (!iso) return undefined;
  const [year, month, day] = iso.slice(1, 4).map(Number) as [number, number, number];
  const hour = iso[4] === undefined ? 0 : Number(iso[4]);
  const minute = iso[5] === undefined ? 0 : Number(iso[5]);
  const second = iso[6] === undefined ? 0 : Number(iso[6]);
  if (!validDay(year, month, day) || hour > 23 || minute > 59 || second > 59) return undefined;
  const offset = iso[7];
  if (offset === undefined) return vietnamInstant(year, month, day, hour, minute, second);
  const pad = (n: number) => String(n).padStart(2, '0');
  const normalisedOffset = offset === 'Z' ? 'Z' : `${offset.slice(0, 3)}:${offset.slice(-2)}`;
  const instant = new Date(
    `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}${normalisedOffset}`,
  );
  return Number.isNaN(instant.getTime()) ? undefined : instant;
}

/** A date written with a year of other than four digits (`16/02/023`, `15/02/20234`, `0023-02-16`). */
const BAD_YEAR = /^(?:\d{1,2}\/\d{1,2}\/(\d{1,3}|\d{5,})|(\d{1,3}|\d{5,})-\d{1,2}-\d{1,2}(?:[T ].*)?)$/;

/**
 * Why a date value cannot be a story's date, in Vietnamese, or `undefined`
 * when it is readable and plausible: a year of exactly four digits, not before
 * `site.limits.earliestYear`, at most `site.limits.daysAhead` days after `now`.
 */
export function dateProblem(value: unknown, now: Date): string | undefined {
  const forms = t('problem.dateForms');
  const date = parseArticleDate(value);
  if (date === undefined) {
    const written = String(value).trim();
    const badYear = BAD_YEAR.exec(written);
    if (badYear) return t('problem.date.year', { year: badYear[1] ?? badYear[2] ?? '', value: written, forms });
    return t('problem.date.unreadable', { value: value instanceof Date ? value.toISOString() : written, forms });
  }
  // The date as written: zone rules before 1900 would shift a formatted one.
  if (yearMonth(date).year < site.limits.earliestYear)
    return t('problem.date.tooEarly', { date: String(value).trim(), year: site.limits.earliestYear });
  if (date.getTime() > now.getTime() + site.limits.daysAhead * 86_400_000)
    return t('problem.date.tooLate', { date: formatDate(date), today: formatDate(now), days: site.limits.daysAhead });
  return undefined;
}

function inVietnam(date: Date): TZDate {
  return new TZDate(date.getTime(), ZONE);
}

/**
 * Formats through a cache keyed by instant: a build shows each article's date on
 * many pages (lists, archives, neighbours), and zone conversion is the slow part.
 */
function cachedFormat(pattern: string): (date: Date) => string {
  const cache = new Map<number, string>();
  return (date) => {
    const time = date.getTime();
    let text = cache.get(time);
    if (text === undefined) {
      text = format(inVietnam(date), pattern);
      cache.set(time, text);
    }
    return text;
  };
}

/** `DD/MM/YYYY` in Vietnam time: the date line readers see. */
export const formatDate: (date: Date) => string = cachedFormat('dd/MM/yyyy');

/** ISO 8601 with the Vietnam offset (`2023-01-12T00:00:00+07:00`), for `datetime` and metadata. */
export const isoDateTime: (date: Date) => string = cachedFormat("yyyy-MM-dd'T'HH:mm:ssxxx");

/**
 * Vietnam has kept UTC+7 since 13 June 1975, 00:00 (+08) in the zone database: the month of a later
 * instant needs no zone rules, which would cost a build a few hundred milliseconds at 10,000 stories.
 */
const FIXED_OFFSET_SINCE = Date.UTC(1975, 5, 12, 16);
const FIXED_OFFSET = 7 * 3_600_000;

/** The calendar year and month (1–12) of an instant, in Vietnam. */
export function yearMonth(date: Date): { year: number; month: number } {
  const time = date.getTime();
  if (time >= FIXED_OFFSET_SINCE) {
    const local = new Date(time + FIXED_OFFSET);
    return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1 };
  }
  const local = inVietnam(date);
  return { year: local.getFullYear(), month: local.getMonth() + 1 };
}

/** The one label of a month, wherever a month is named: `Tháng 01/2023`. */
export function monthLabel(year: number, month: number): string {
  return t('archive.month', { month: String(month).padStart(2, '0'), year });
}
