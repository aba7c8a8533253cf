import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { addDays, dateOf, dateParts, daysBetween, daysInMonth, isDate } from './dates';

describe('calendar arithmetic', () => {
  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2000-02-28', 1, '2000-02-29'],
    ['1900-02-28', 1, '1900-03-01'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2026-01-01', -1, '2025-12-31'],
    ['1970-01-01', 0, '1970-01-01'],
    ['2025-01-01', 365, '2026-01-01'],
  ])('%s plus %i days is %s', (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
    expect(daysBetween(date, expected)).toBe(n);
  });

  it.each<[unknown, boolean]>([
    ['2024-02-29', true],
    ['2028-02-29', true],
    ['2000-02-29', true],
    ['1900-01-01', true],
    ['9999-12-31', true],
    ['2023-02-29', false],
    ['2026-02-29', false],
    ['1900-02-29', false],
    ['2025-04-31', false],
    ['2025-4-01', false],
    ['2025-00-10', false],
    ['2025-13-01', false],
    ['2025-01-00', false],
    ['20250101', false],
    ['1899-12-31', false],
    ['0001-01-01', false],
    ['2025-01-01T00:00:00Z', false],
    [20250101, false],
    [null, false],
  ])('%j is a date: %s', (s, ok) => {
    expect(isDate(s)).toBe(ok);
  });

  it('takes a date apart and puts it back together', () => {
    expect(dateParts('2025-03-09')).toEqual({ year: 2025, month: 3, day: 9 });
    expect(dateOf(2025, 3, 9)).toBe('2025-03-09');
    expect([daysInMonth(2024, 2), daysInMonth(2100, 2), daysInMonth(2025, 4), daysInMonth(2025, 12)]).toEqual([29, 28, 30, 31]);
  });

  it('agrees with the UTC calendar of the JavaScript Date for every day of 1900-2100', () => {
    fc.assert(
      fc.property(fc.integer({ min: -25567, max: 47482 }), (n) => {
        const expected = new Date(n * 86_400_000).toISOString().slice(0, 10);
        expect(addDays('1970-01-01', n)).toBe(expected);
        expect(daysBetween('1970-01-01', expected)).toBe(n);
      }),
    );
  });
});
