/**
 * Reporting periods of an indicator: monthly, quarterly or annual, on calendar boundaries, from a start date to
 * an end date, each with a due date a number of grace days after it ends. Pure: dates in, periods out.
 *
 * Periods follow the calendar (months start on the 1st; quarters and years on the first month of the fiscal
 * year, January by default). A schedule that starts or ends inside a period clips it: the first period begins
 * on the start date and the last one ends on the end date, so together the periods cover exactly the days from
 * start to end, each day in one period. Dates are inclusive.
 */
import { DomainError, issue, type FieldIssue } from '../kernel/errors';
import { msg } from '../kernel/messages';
import { addDays, dateOf, dateParts, isDate } from '../kernel/dates';

export const FREQUENCIES = ['monthly', 'quarterly', 'annual'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** Months in one period of each frequency. */
export const MONTHS_PER_PERIOD: Readonly<Record<Frequency, number>> = { monthly: 1, quarterly: 3, annual: 12 };

/** No schedule has more periods than this (a century of months). */
export const MAX_PERIODS = 1200;
export const MAX_GRACE_DAYS = 365;

export interface ReportingSchedule {
  frequency: Frequency;
  /** The first day reported on. */
  start: string;
  /** The last day reported on (inclusive). */
  end: string;
  /** Days after a period ends until its report is due; 0 means due on the last day of the period. */
  graceDays?: number;
  /** The month (1-12) quarters and years begin with; 1 (January) by default. Ignored for monthly periods. */
  fiscalYearStartMonth?: number;
}

export interface ReportingPeriod {
  /**
   * Unique within a schedule and readable: `2025-03` (monthly), `2025-Q1` (quarterly), `2025` (annual); with a
   * fiscal year not starting in January, `FY2025-Q1` and `FY2025`, named after the calendar year the fiscal
   * year starts in. A clipped period keeps the key of the calendar period it is part of.
   */
  key: string;
  start: string;
  end: string;
  dueOn: string;
}

/** Every problem of a schedule, with paths under `at`. */
export function checkSchedule(s: ReportingSchedule, at = 'schedule'): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!FREQUENCIES.includes(s.frequency)) issues.push(issue(`${at}.frequency`, msg('results.choose_one_of', { options: FREQUENCIES.join(', ') }), 'unknown_code'));
  if (!isDate(s.start)) issues.push(issue(`${at}.start`, msg('results.date_example', { example: '2026-01-01' }), 'invalid_date'));
  if (!isDate(s.end)) issues.push(issue(`${at}.end`, msg('results.date_example', { example: '2026-12-31' }), 'invalid_date'));
  else if (isDate(s.start) && s.end < s.start) issues.push(issue(`${at}.end`, msg('results.schedule.end_before_start'), 'invalid_range'));
  const grace = s.graceDays ?? 0;
  if (!Number.isInteger(grace) || grace < 0 || grace > MAX_GRACE_DAYS) {
    issues.push(issue(`${at}.graceDays`, msg('results.schedule.grace_days', { max: MAX_GRACE_DAYS }), 'invalid_number'));
  }
  const fy = s.fiscalYearStartMonth ?? 1;
  if (!Number.isInteger(fy) || fy < 1 || fy > 12) issues.push(issue(`${at}.fiscalYearStartMonth`, msg('results.schedule.month'), 'invalid_number'));
  if (issues.length === 0 && periodCount(s) > MAX_PERIODS) {
    issues.push(issue(`${at}.end`, msg('results.schedule.too_many_periods', { max: MAX_PERIODS }), 'too_many'));
  }
  return issues;
}

const monthIndex = (date: string): number => {
  const { year, month } = dateParts(date);
  return year * 12 + month - 1;
};
const mod = (a: number, n: number): number => ((a % n) + n) % n;
const firstOfIndex = (index: number): string => dateOf(Math.floor(index / 12), mod(index, 12) + 1, 1);

/** The month index (year * 12 + month - 1) where the period holding `date` begins. */
function periodStartIndex(date: string, step: number, offset: number): number {
  const idx = monthIndex(date);
  return idx - mod(idx - offset, step);
}

function periodCount(s: ReportingSchedule): number {
  const step = MONTHS_PER_PERIOD[s.frequency];
  const offset = step === 1 ? 0 : (s.fiscalYearStartMonth ?? 1) - 1;
  return (periodStartIndex(s.end, step, offset) - periodStartIndex(s.start, step, offset)) / step + 1;
}

function keyOf(index: number, frequency: Frequency, fiscalStart: number): string {
  const year = Math.floor(index / 12);
  const month = mod(index, 12) + 1;
  if (frequency === 'monthly') return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
  const offset = fiscalStart - 1;
  const fyYear = Math.floor((index - offset) / 12);
  const prefix = fiscalStart === 1 ? String(fyYear).padStart(4, '0') : `FY${String(fyYear).padStart(4, '0')}`;
  if (frequency === 'annual') return prefix;
  return `${prefix}-Q${Math.floor(mod(index - offset, 12) / 3) + 1}`;
}

/**
 * The reporting periods of a schedule, in order. Throws 422 `validation_failed` with the schedule's problems
 * when it is invalid (see `checkSchedule`).
 */
export function reportingPeriods(s: ReportingSchedule): ReportingPeriod[] {
  const issues = checkSchedule(s);
  if (issues.length) throw new DomainError('validation_failed', msg('results.schedule.invalid'), issues);
  const step = MONTHS_PER_PERIOD[s.frequency];
  const fiscalStart = step === 1 ? 1 : (s.fiscalYearStartMonth ?? 1);
  const grace = s.graceDays ?? 0;
  const out: ReportingPeriod[] = [];
  const last = periodStartIndex(s.end, step, fiscalStart - 1);
  for (let idx = periodStartIndex(s.start, step, fiscalStart - 1); idx <= last; idx += step) {
    const begin = firstOfIndex(idx);
    const finish = addDays(firstOfIndex(idx + step), -1);
    const start = begin < s.start ? s.start : begin;
    const end = finish > s.end ? s.end : finish;
    out.push({ key: keyOf(idx, s.frequency, fiscalStart), start, end, dueOn: addDays(end, grace) });
  }
  return out;
}

/** The period holding `date`, or null when the date lies outside the schedule. */
export function periodOf(periods: readonly ReportingPeriod[], date: string): ReportingPeriod | null {
  return periods.find((p) => p.start <= date && date <= p.end) ?? null;
}

/** True once a period has begun: values for a period cannot be submitted before its first day. */
export const hasBegun = (period: Pick<ReportingPeriod, 'start'>, today: string): boolean => today >= period.start;

/** True once the report for a period is late: today is after its due date. */
export const isPastDue = (period: Pick<ReportingPeriod, 'dueOn'>, today: string): boolean => today > period.dueOn;
