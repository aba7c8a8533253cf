/**
 * Calendar dates written `YYYY-MM-DD`: a day of the proleptic Gregorian calendar, no time of day, no time
 * zone. Dates arrive as arguments ("today" included); nothing here reads a clock. The arithmetic is exact, on
 * day numbers (days since 1970-01-01) computed by H. Hinnant's civil-date algorithm: no `Date` object, so the
 * local time zone can never shift a day. Plain string comparison orders valid dates correctly.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The years a valid date may have: earlier or later ones are typing mistakes, not records. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 9999;

/** Days in a month of the proleptic Gregorian calendar (month 1-12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * True for a real calendar date written `YYYY-MM-DD` with a year from 1900 to 9999 (2026-02-29 is not one;
 * 2028-02-29 is).
 */
export function isDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return y >= MIN_YEAR && y <= MAX_YEAR && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** The parts of a date known to be valid. */
export function dateParts(date: string): { year: number; month: number; day: number } {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

/** Builds `YYYY-MM-DD` from its parts. */
export const dateOf = (year: number, month: number, day: number): string =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

function dayNumber(date: string): number {
  let { year: y, month: m, day: d } = dateParts(date);
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function fromDayNumber(z: number): string {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return dateOf(yoe + era * 400 + (m <= 2 ? 1 : 0), m, d);
}

/** The date `days` days after `date` (before it when negative). */
export const addDays = (date: string, days: number): string => fromDayNumber(dayNumber(date) + days);

/** Whole days from `from` to `to`: negative when `to` is earlier. Both must be valid dates. */
export const daysBetween = (from: string, to: string): number => dayNumber(to) - dayNumber(from);
