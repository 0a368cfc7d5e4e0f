// The build machine's zone must not matter: run the date rules in Los Angeles.
// Set before the date modules load (they are imported dynamically below).
process.env.TZ = 'America/Los_Angeles';

import { describe, expect, it } from 'vitest';

const { formatDate, isoDateTime, parseArticleDate, yearMonth } = await import('../../src/lib/content/dates');
const { groupByMonth } = await import('../../src/lib/content/archive');

function instant(value: unknown): string | undefined {
  return parseArticleDate(value)?.toISOString();
}

describe('the process time zone', () => {
  it('really is Los Angeles in this file', () => {
    expect(new Date(2023, 0, 1).getTimezoneOffset()).not.toBe(0);
    expect(new Date(2023, 0, 1).getTimezoneOffset()).toBe(480);
  });
});

describe('parseArticleDate', () => {
  it('still reads DD/MM/YYYY as midnight in Vietnam', () => {
    expect(instant('12/01/2023')).toBe('2023-01-11T17:00:00.000Z');
  });

  it('still reads YYYY-MM-DD as midnight in Vietnam', () => {
    expect(instant('2023-01-12')).toBe('2023-01-11T17:00:00.000Z');
  });

  it('still reads YYYY-MM-DDTHH:mm as Vietnam time', () => {
    expect(instant('2023-01-12T10:00')).toBe('2023-01-12T03:00:00.000Z');
  });

  it('still honours an explicit offset', () => {
    expect(instant('2022-12-31T20:00-05:00')).toBe('2023-01-01T01:00:00.000Z');
  });

  it('is unaffected by daylight saving time where the build runs', () => {
    // Los Angeles moved its clocks on 12 March 2023; Vietnam did not.
    expect(instant('12/03/2023')).toBe('2023-03-11T17:00:00.000Z');
    expect(instant('01/07/2023')).toBe('2023-06-30T17:00:00.000Z');
  });

  it('still reads a Date at UTC midnight as that calendar day in Vietnam', () => {
    expect(instant(new Date(Date.UTC(2023, 0, 12)))).toBe('2023-01-11T17:00:00.000Z');
  });

  it('refuses a Date at local midnight of the build machine, which is not UTC midnight', () => {
    expect(instant(new Date(2023, 0, 12))).toBeUndefined();
  });
});

describe('formatDate', () => {
  it('still shows the Vietnam day', () => {
    expect(formatDate(new Date('2023-01-11T17:00:00Z'))).toBe('12/01/2023');
    expect(formatDate(new Date('2023-01-31T18:00:00Z'))).toBe('01/02/2023');
  });
});

describe('isoDateTime', () => {
  it('still writes the Vietnam offset', () => {
    expect(isoDateTime(new Date('2023-01-11T17:00:00Z'))).toBe('2023-01-12T00:00:00+07:00');
    expect(isoDateTime(new Date('2023-07-01T01:00:00Z'))).toBe('2023-07-01T08:00:00+07:00');
  });
});

describe('yearMonth', () => {
  it('still gives the month in Vietnam', () => {
    expect(yearMonth(new Date('2023-01-31T18:00:00Z'))).toEqual({ year: 2023, month: 2 });
    expect(yearMonth(new Date('2022-12-31T17:00:00Z'))).toEqual({ year: 2023, month: 1 });
  });
});

describe('groupByMonth', () => {
  it('still groups the archive by the Vietnam calendar', () => {
    const sorted = [
      { slug: 'hop-mat-dau-xuan', date: new Date('2023-01-31T18:00:00Z') },
      { slug: 'tong-ket-nam-hoc', date: new Date('2023-01-31T16:00:00Z') },
      { slug: 'chao-nam-moi', date: new Date('2022-12-31T17:00:00Z') },
      { slug: 'le-giang-sinh', date: new Date('2022-12-24T10:00:00Z') },
    ];
    const years = groupByMonth(sorted);
    expect(
      years.map((year) => ({
        year: year.year,
        count: year.count,
        months: year.months.map((month) => [month.month, month.articles.map((article) => article.slug)]),
      })),
    ).toEqual([
      {
        year: 2023,
        count: 3,
        months: [
          [2, ['hop-mat-dau-xuan']],
          [1, ['tong-ket-nam-hoc', 'chao-nam-moi']],
        ],
      },
      { year: 2022, count: 1, months: [[12, ['le-giang-sinh']]] },
    ]);
  });
});
