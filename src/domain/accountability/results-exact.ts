/**
 * Exact numbers for the risk register and the results framework: weights, clamping and display percents.
 * Pure: no clock, no floating point where a value decides something. Decimals are read and written by
 * `kernel/decimal.ts` (`parseDecimal`, `decimalTextOrNull`), calendar dates by `kernel/dates.ts`.
 */
import { MAX_DECIMAL_LENGTH, decimalTextOrNull, parseDecimal } from '../kernel/decimal';
import { frac, fractionToString, type Fraction } from '../kernel/fraction';

/**
 * Reads an exact non-negative weight: a decimal (see `parseDecimal`) or a ratio "n/d" of whole numbers
 * ("1/3" stays exactly one third). Null when malformed or when the denominator is zero.
 */
export function parseWeight(value: unknown): Fraction | null {
  if (typeof value === 'string') {
    const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
    if (m) {
      if (value.trim().length > MAX_DECIMAL_LENGTH || BigInt(m[2]) === 0n) return null;
      return frac(BigInt(m[1]), BigInt(m[2]));
    }
  }
  const f = parseDecimal(value);
  return f && f.num >= 0n ? f : null;
}

/** True when the fraction is a whole number. */
export const isWhole = (f: Fraction): boolean => f.den === 1n;

/** A readable decimal: exact when the value has a finite decimal form, otherwise rounded to `digits` places. */
export const showDecimal = (f: Fraction, digits = 4): string => decimalTextOrNull(f) ?? fractionToString(f, digits);

/** Clamps a fraction into [lo, hi]. */
export function clampF(f: Fraction, lo: Fraction, hi: Fraction): Fraction {
  if (f.num * lo.den < lo.num * f.den) return lo;
  if (f.num * hi.den > hi.num * f.den) return hi;
  return f;
}

/** floor(f): the largest whole number not above f. */
export function floorF(f: Fraction): bigint {
  const q = f.num / f.den;
  return f.num < 0n && q * f.den !== f.num ? q - 1n : q;
}

/**
 * A display percent of a progress fraction: capped to 0-100 and rounded DOWN, so 100 is shown only once
 * the target is really reached (99.6% shows as 99, never as 100).
 */
export function cappedPercent(f: Fraction): number {
  const c = clampF(f, frac(0), frac(1));
  return Number(floorF(frac(c.num * 100n, c.den)));
}
