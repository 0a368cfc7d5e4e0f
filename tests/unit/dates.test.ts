import { describe, expect, it } from 'vitest';
import { formatDate, isoDateTime, monthLabel, parseArticleDate, yearMonth } from '../../src/lib/content/dates';

/** The instant a parsed date stands for, as an ISO string (undefined stays undefined). */
function instant(value: unknown): string | undefined {
  return parseArticleDate(value)?.toISOString();
}

describe('parseArticleDate', () => {
  it('reads DD/MM/YYYY day first, as midnight in Vietnam', () => {
    expect(instant('12/01/2023')).toBe('2023-01-11T17:00:00.000Z');
  });

  it('reads single-digit days and months in DD/MM/YYYY', () => {
    expect(instant('1/2/2023')).toBe('2023-01-31T17:00:00.000Z');
  });

  it('reads YYYY-MM-DD as midnight in Vietnam', () => {
    expect(instant('2023-01-12')).toBe('2023-01-11T17:00:00.000Z');
  });

  it('reads YYYY-MM-DDTHH:mm as Vietnam time', () => {
    expect(instant('2023-01-12T10:00')).toBe('2023-01-12T03:00:00.000Z');
  });

  it('reads seconds when they are given', () => {
    expect(instant('2023-01-12T10:00:30')).toBe('2023-01-12T03:00:30.000Z');
  });

  it('honours an explicit offset', () => {
    expect(instant('2022-12-31T20:00-05:00')).toBe('2023-01-01T01:00:00.000Z');
    expect(instant('2023-01-12T10:00+07:00')).toBe('2023-01-12T03:00:00.000Z');
    expect(instant('2023-01-12T10:00Z')).toBe('2023-01-12T10:00:00.000Z');
  });

  it('ignores surrounding spaces', () => {
    expect(instant('  12/01/2023 ')).toBe('2023-01-11T17:00:00.000Z');
  });

  it('reads a Date at UTC midnight (YAML’s unquoted date) as that calendar day in Vietnam', () => {
    expect(instant(new Date(Date.UTC(2023, 0, 12)))).toBe('2023-01-11T17:00:00.000Z');
  });

  it('refuses a Date at any other UTC time, which YAML made from a time without an offset', () => {
    expect(instant(new Date('2023-01-12T10:00:00Z'))).toBeUndefined();
    expect(instant(new Date('2023-01-12T00:00:00.001Z'))).toBeUndefined();
  });

  it('refuses an invalid Date', () => {
    expect(instant(new Date('không phải ngày'))).toBeUndefined();
  });

  it('refuses days that do not exist in the calendar', () => {
    expect(instant('31/02/2023')).toBeUndefined();
    expect(instant('29/02/2023')).toBeUndefined();
    expect(instant('2023-02-29')).toBeUndefined();
    expect(instant('00/01/2023')).toBeUndefined();
    expect(instant('12/13/2023')).toBeUndefined();
  });

  it('accepts 29 February in a leap year', () => {
    expect(instant('29/02/2024')).toBe('2024-02-28T17:00:00.000Z');
  });

  it('refuses impossible times of day', () => {
    expect(instant('2023-01-12T24:00')).toBeUndefined();
    expect(instant('2023-01-12T10:60')).toBeUndefined();
  });

  it('refuses text that is not a date in one of the accepted forms', () => {
    expect(instant('hôm qua')).toBeUndefined();
    expect(instant('ngày 12 tháng 01 năm 2023')).toBeUndefined();
    expect(instant('12/01/23')).toBeUndefined();
    expect(instant('2023-1-12')).toBeUndefined();
    expect(instant('')).toBeUndefined();
  });

  it('refuses values that are neither text nor a Date', () => {
    expect(instant(20230112)).toBeUndefined();
    expect(instant(null)).toBeUndefined();
    expect(instant(undefined)).toBeUndefined();
    expect(instant({ ngày: 12 })).toBeUndefined();
  });
});

describe('formatDate', () => {
  it('shows DD/MM/YYYY in Vietnam time', () => {
    expect(formatDate(new Date('2023-01-11T17:00:00Z'))).toBe('12/01/2023');
  });

  it('shows the Vietnam day, not the UTC day, late in the UTC evening', () => {
    expect(formatDate(new Date('2023-01-31T18:00:00Z'))).toBe('01/02/2023');
  });

  it('shows the previous day one second before midnight in Vietnam', () => {
    expect(formatDate(new Date('2023-01-11T16:59:59Z'))).toBe('11/01/2023');
  });
});

describe('isoDateTime', () => {
  it('writes the instant with the Vietnam offset', () => {
    expect(isoDateTime(new Date('2023-01-11T17:00:00Z'))).toBe('2023-01-12T00:00:00+07:00');
  });

  it('converts an instant given with another offset to Vietnam time', () => {
    expect(isoDateTime(new Date('2023-01-01T01:00:00Z'))).toBe('2023-01-01T08:00:00+07:00');
  });
});

describe('yearMonth', () => {
  it('gives the month in Vietnam, where 18:00 UTC on 31 January is already February', () => {
    expect(yearMonth(new Date('2023-01-31T18:00:00Z'))).toEqual({ year: 2023, month: 2 });
  });

  it('puts midnight of 1 January in Vietnam in the new year', () => {
    expect(yearMonth(new Date('2022-12-31T17:00:00Z'))).toEqual({ year: 2023, month: 1 });
  });

  it('keeps one minute earlier in December of the old year', () => {
    expect(yearMonth(new Date('2022-12-31T16:59:00Z'))).toEqual({ year: 2022, month: 12 });
  });

  it('agrees with the zone database at every month change from 1900 to 2100, an hour either side', () => {
    // Vietnam's clocks were at +08 in 1959–1975 and +09 in 1945: the last hours of a month then fall in the next.
    const zone = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: 'numeric' });
    const expected = (date: Date) => {
      const parts = Object.fromEntries(zone.formatToParts(date).map((part) => [part.type, part.value]));
      return { year: Number(parts.year), month: Number(parts.month) };
    };
    const wrong: string[] = [];
    for (let year = 1900; year <= 2100; year += 1) {
      for (let month = 0; month < 12; month += 1) {
        const edge = Date.UTC(year, month, 1);
        for (let hours = -10; hours <= 1; hours += 1) {
          const date = new Date(edge + hours * 3_600_000);
          if (JSON.stringify(yearMonth(date)) !== JSON.stringify(expected(date))) wrong.push(date.toISOString());
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(yearMonth(new Date('1975-05-31T16:30:00Z'))).toEqual({ year: 1975, month: 6 });
    expect(yearMonth(new Date('1975-05-31T16:30:00Z'))).toEqual(expected(new Date('1975-05-31T16:30:00Z')));
  });
});

describe('monthLabel', () => {
  it('names a month one way everywhere: two-digit month and the year', () => {
    expect(monthLabel(2023, 1)).toBe('Tháng 01/2023');
    expect(monthLabel(2024, 12)).toBe('Tháng 12/2024');
  });
});
