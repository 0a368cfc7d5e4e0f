import { describe, expect, it } from 'vitest';
import { readDayFirstDate } from '../../src/lib/text/day-first-date';

describe('readDayFirstDate', () => {
  it('reads DD/MM/YYYY, with or without leading zeros', () => {
    expect(readDayFirstDate('12/01/2023')).toEqual({ day: 12, month: 1, year: 2023 });
    expect(readDayFirstDate(' 5/2/2024 ')).toEqual({ day: 5, month: 2, year: 2024 });
  });

  it.each(['16/02/0023', '16/02/023', '16/02/23', '15/02/20234', '15/02/99999'])(
    'refuses %s: a year is exactly four digits, from 1000 to 9999, never cut or guessed',
    (written) => {
      expect(readDayFirstDate(written)).toEqual({ problem: 'year', year: written.split('/')[2] });
    },
  );

  it('refuses a day that does not exist, 29 February only in leap years', () => {
    expect(readDayFirstDate('30/02/2024')).toEqual({ problem: 'day' });
    expect(readDayFirstDate('29/02/2023')).toEqual({ problem: 'day' });
    expect(readDayFirstDate('29/02/2024')).toEqual({ day: 29, month: 2, year: 2024 });
    expect(readDayFirstDate('29/02/1900')).toEqual({ problem: 'day' });
    expect(readDayFirstDate('31/04/2024')).toEqual({ problem: 'day' });
    expect(readDayFirstDate('01/13/2024')).toEqual({ problem: 'day' });
  });

  it('refuses what is not DD/MM/YYYY', () => {
    for (const written of ['2024-02-15', 'hôm nay', '15-02-2024', '15/02/2024 9:00', '']) {
      expect(readDayFirstDate(written), written).toEqual({ problem: 'format' });
    }
  });

  it('reads the date at the start of a line, words after it allowed, with `prefix`', () => {
    expect(readDayFirstDate('15/02/2024 (lúc 9 giờ)', { prefix: true })).toEqual({ day: 15, month: 2, year: 2024 });
    expect(readDayFirstDate('15/02/20234 (lúc 9 giờ)', { prefix: true })).toEqual({ problem: 'year', year: '20234' });
  });
});
