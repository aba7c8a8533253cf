import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { addDays, dateOf, daysBetween, daysInMonth, isDate } from '../kernel/dates';
import { DomainError } from '../kernel/errors';
import { FREQUENCIES, checkSchedule, hasBegun, isPastDue, periodOf, reportingPeriods, type ReportingSchedule } from './indicators-periods';

const keys = (s: ReportingSchedule) => reportingPeriods(s).map((p) => p.key);
const spans = (s: ReportingSchedule) => reportingPeriods(s).map((p) => `${p.start}..${p.end}`);

describe('reporting periods', () => {
  it('monthly: calendar months, February with its leap day', () => {
    expect(reportingPeriods({ frequency: 'monthly', start: '2024-01-01', end: '2024-03-31', graceDays: 15 })).toEqual([
      { key: '2024-01', start: '2024-01-01', end: '2024-01-31', dueOn: '2024-02-15' },
      { key: '2024-02', start: '2024-02-01', end: '2024-02-29', dueOn: '2024-03-15' },
      { key: '2024-03', start: '2024-03-01', end: '2024-03-31', dueOn: '2024-04-15' },
    ]);
  });

  it('quarterly: calendar quarters, due 30 days after each ends', () => {
    expect(reportingPeriods({ frequency: 'quarterly', start: '2025-01-01', end: '2025-12-31', graceDays: 30 })).toEqual([
      { key: '2025-Q1', start: '2025-01-01', end: '2025-03-31', dueOn: '2025-04-30' },
      { key: '2025-Q2', start: '2025-04-01', end: '2025-06-30', dueOn: '2025-07-30' },
      { key: '2025-Q3', start: '2025-07-01', end: '2025-09-30', dueOn: '2025-10-30' },
      { key: '2025-Q4', start: '2025-10-01', end: '2025-12-31', dueOn: '2026-01-30' },
    ]);
  });

  it('annual: calendar years, due on the last day without grace days', () => {
    expect(reportingPeriods({ frequency: 'annual', start: '2025-01-01', end: '2027-12-31' })).toEqual([
      { key: '2025', start: '2025-01-01', end: '2025-12-31', dueOn: '2025-12-31' },
      { key: '2026', start: '2026-01-01', end: '2026-12-31', dueOn: '2026-12-31' },
      { key: '2027', start: '2027-01-01', end: '2027-12-31', dueOn: '2027-12-31' },
    ]);
  });

  it('clips the first and last period to a start and end inside them', () => {
    expect(spans({ frequency: 'quarterly', start: '2025-02-15', end: '2025-08-10' })).toEqual(['2025-02-15..2025-03-31', '2025-04-01..2025-06-30', '2025-07-01..2025-08-10']);
    expect(keys({ frequency: 'quarterly', start: '2025-02-15', end: '2025-08-10' })).toEqual(['2025-Q1', '2025-Q2', '2025-Q3']);
  });

  it('a one-day schedule is one period of one day', () => {
    expect(spans({ frequency: 'annual', start: '2025-06-30', end: '2025-06-30' })).toEqual(['2025-06-30..2025-06-30']);
  });

  it('quarters and years of a fiscal year starting in July are named after the year it starts in', () => {
    expect(reportingPeriods({ frequency: 'quarterly', start: '2025-07-01', end: '2026-06-30', fiscalYearStartMonth: 7 }).map((p) => [p.key, p.start, p.end])).toEqual([
      ['FY2025-Q1', '2025-07-01', '2025-09-30'],
      ['FY2025-Q2', '2025-10-01', '2025-12-31'],
      ['FY2025-Q3', '2026-01-01', '2026-03-31'],
      ['FY2025-Q4', '2026-04-01', '2026-06-30'],
    ]);
    expect(keys({ frequency: 'annual', start: '2025-03-01', end: '2026-12-31', fiscalYearStartMonth: 4 })).toEqual(['FY2024', 'FY2025', 'FY2026']);
    expect(spans({ frequency: 'annual', start: '2025-03-01', end: '2026-12-31', fiscalYearStartMonth: 4 })).toEqual([
      '2025-03-01..2025-03-31', '2025-04-01..2026-03-31', '2026-04-01..2026-12-31',
    ]);
  });

  it('a fiscal year that starts in February still makes quarters of three calendar months', () => {
    expect(spans({ frequency: 'quarterly', start: '2025-01-01', end: '2025-04-30', fiscalYearStartMonth: 2 })).toEqual(['2025-01-01..2025-01-31', '2025-02-01..2025-04-30']);
    expect(keys({ frequency: 'quarterly', start: '2025-01-01', end: '2025-04-30', fiscalYearStartMonth: 2 })).toEqual(['FY2024-Q4', 'FY2025-Q1']);
  });

  it('monthly periods ignore the fiscal year', () => {
    expect(keys({ frequency: 'monthly', start: '2025-11-01', end: '2026-01-31', fiscalYearStartMonth: 7 })).toEqual(['2025-11', '2025-12', '2026-01']);
  });

  it('a due date may fall in the next year', () => {
    expect(reportingPeriods({ frequency: 'monthly', start: '2025-12-01', end: '2025-12-31', graceDays: 45 })[0].dueOn).toBe('2026-02-14');
  });

  it.each<[string, Partial<ReportingSchedule>, string]>([
    ['an unknown frequency', { frequency: 'weekly' as ReportingSchedule['frequency'] }, 'schedule.frequency'],
    ['a start that is not a date', { start: '2025-13-01' }, 'schedule.start'],
    ['an end before the start', { end: '2024-12-31' }, 'schedule.end'],
    ['negative grace days', { graceDays: -1 }, 'schedule.graceDays'],
    ['fractional grace days', { graceDays: 1.5 }, 'schedule.graceDays'],
    ['more than a year of grace', { graceDays: 366 }, 'schedule.graceDays'],
    ['a fiscal year starting in month 13', { fiscalYearStartMonth: 13 }, 'schedule.fiscalYearStartMonth'],
    ['more than 1200 periods', { frequency: 'monthly', end: '2125-01-31' }, 'schedule.end'],
  ])('checkSchedule names the problem with %s', (_name, over, field) => {
    const s: ReportingSchedule = { frequency: 'quarterly', start: '2025-01-01', end: '2025-12-31', ...over };
    expect(checkSchedule(s).map((i) => i.field)).toContain(field);
    expect(() => reportingPeriods(s)).toThrow(DomainError);
  });

  it('finds the period of a day, and none outside the schedule', () => {
    const periods = reportingPeriods({ frequency: 'quarterly', start: '2025-01-01', end: '2025-12-31' });
    expect(periodOf(periods, '2025-05-17')?.key).toBe('2025-Q2');
    expect(periodOf(periods, '2025-03-31')?.key).toBe('2025-Q1');
    expect(periodOf(periods, '2026-01-01')).toBeNull();
  });

  it('a period has begun on its first day and is past due the day after its due date', () => {
    const p = { key: '2025-Q1', start: '2025-01-01', end: '2025-03-31', dueOn: '2025-04-30' };
    expect([hasBegun(p, '2024-12-31'), hasBegun(p, '2025-01-01')]).toEqual([false, true]);
    expect([isPastDue(p, '2025-04-30'), isPastDue(p, '2025-05-01')]).toEqual([false, true]);
  });
});

describe('reporting periods, as properties', () => {
  const arbDate = fc.record({ y: fc.integer({ min: 1990, max: 2060 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) }).map(({ y, m, d }) => dateOf(y, m, Math.min(d, daysInMonth(y, m))));
  const arbSchedule = fc.record({
    frequency: fc.constantFrom(...FREQUENCIES),
    start: arbDate,
    length: fc.integer({ min: 0, max: 3000 }),
    graceDays: fc.integer({ min: 0, max: 365 }),
    fiscalYearStartMonth: fc.integer({ min: 1, max: 12 }),
  }).map(({ length, ...s }): ReportingSchedule => ({ ...s, end: addDays(s.start, length) }));

  it('cover the days from start to end with no gap and no overlap, in order', () => {
    fc.assert(
      fc.property(arbSchedule, (s) => {
        const periods = reportingPeriods(s);
        expect(periods[0].start).toBe(s.start);
        expect(periods[periods.length - 1].end).toBe(s.end);
        periods.forEach((p, i) => {
          expect(isDate(p.start) && isDate(p.end)).toBe(true);
          expect(p.start <= p.end).toBe(true);
          if (i > 0) expect(p.start).toBe(addDays(periods[i - 1].end, 1));
        });
        expect(periods.reduce((n, p) => n + daysBetween(p.start, p.end) + 1, 0)).toBe(daysBetween(s.start, s.end) + 1);
      }),
    );
  });

  it('begin on calendar boundaries (after the first) and end on them (before the last), with unique keys and due dates grace days after the end', () => {
    fc.assert(
      fc.property(arbSchedule, (s) => {
        const periods = reportingPeriods(s);
        const step = s.frequency === 'monthly' ? 1 : s.frequency === 'quarterly' ? 3 : 12;
        const offset = s.frequency === 'monthly' ? 0 : s.fiscalYearStartMonth! - 1;
        periods.forEach((p, i) => {
          if (i > 0) {
            expect(p.start.endsWith('-01')).toBe(true);
            expect((Number(p.start.slice(5, 7)) - 1 - offset + 12) % step).toBe(0);
          }
          if (i < periods.length - 1) expect(addDays(p.end, 1).endsWith('-01')).toBe(true);
          expect(daysBetween(p.end, p.dueOn)).toBe(s.graceDays);
        });
        expect(new Set(periods.map((p) => p.key)).size).toBe(periods.length);
      }),
    );
  });
});
