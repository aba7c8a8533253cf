import { describe, it, expect } from 'vitest';
import { frac, addF, subF, mulF, divF, cmpF, fractionToString, type Fraction } from './fraction';

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));

describe('Fraction', () => {
  describe('normalisation', () => {
    it.each([
      [2, 4, 1n, 2n],
      [-2, 4, -1n, 2n],
      [2, -4, -1n, 2n],
      [-2, -4, 1n, 2n],
      [0, 7, 0n, 1n],
      [0, -7, 0n, 1n],
      [12, 1, 12n, 1n],
      [6, 9, 2n, 3n],
    ])('reduces %i/%i to lowest terms with a positive denominator', (n, d, num, den) => {
      const f = frac(n, d);
      expect(f).toEqual({ num, den });
      expect(f.den > 0n).toBe(true);
      expect(gcd(f.num, f.den)).toBe(1n);
    });

    it('keeps exactness for numbers far beyond the safe integer range', () => {
      const big = 2n ** 80n;
      expect(frac(big * 3n, big * 6n)).toEqual({ num: 1n, den: 2n });
    });

    it('defaults the denominator to 1', () => {
      expect(frac(5)).toEqual({ num: 5n, den: 1n });
    });

    it('refuses a zero denominator', () => {
      expect(() => frac(1, 0)).toThrow(RangeError);
      expect(() => frac(0n, 0n)).toThrow(RangeError);
    });

    it('refuses a non-integer numerator instead of silently truncating it', () => {
      expect(() => frac(0.5, 1)).toThrow();
    });
  });

  describe('arithmetic', () => {
    const cases: [string, (a: Fraction, b: Fraction) => Fraction, Fraction, Fraction, Fraction][] = [
      ['1/2 + 1/3 = 5/6', addF, frac(1, 2), frac(1, 3), frac(5, 6)],
      ['1/2 + -1/2 = 0', addF, frac(1, 2), frac(-1, 2), frac(0)],
      ['1/6 + 1/3 = 1/2 (reduced)', addF, frac(1, 6), frac(1, 3), frac(1, 2)],
      ['1/2 - 1/3 = 1/6', subF, frac(1, 2), frac(1, 3), frac(1, 6)],
      ['1/3 - 1/2 = -1/6', subF, frac(1, 3), frac(1, 2), frac(-1, 6)],
      ['2/3 * 3/4 = 1/2', mulF, frac(2, 3), frac(3, 4), frac(1, 2)],
      ['-2/3 * 3/4 = -1/2', mulF, frac(-2, 3), frac(3, 4), frac(-1, 2)],
      ['1/2 / 1/4 = 2', divF, frac(1, 2), frac(1, 4), frac(2)],
      ['1/2 / -1/4 = -2 (sign moves to the numerator)', divF, frac(1, 2), frac(-1, 4), frac(-2)],
    ];
    it.each(cases)('%s', (_name, op, a, b, expected) => {
      const r = op(a, b);
      expect(r).toEqual(expected);
      expect(r.den > 0n).toBe(true);
    });

    it('refuses to divide by zero', () => {
      expect(() => divF(frac(1, 2), frac(0))).toThrow(RangeError);
    });

    it('is exact where binary floating point is not: 1/10 + 2/10 equals 3/10', () => {
      expect(cmpF(addF(frac(1, 10), frac(2, 10)), frac(3, 10))).toBe(0);
    });
  });

  describe('comparison', () => {
    it.each([
      [frac(1, 2), frac(1, 3), 1],
      [frac(1, 3), frac(1, 2), -1],
      [frac(2, 4), frac(1, 2), 0],
      [frac(-1, 2), frac(1, 3), -1],
      [frac(-1, 2), frac(-1, 3), -1],
      [frac(0), frac(0, 5), 0],
    ])('compares %o with %o as %i', (a, b, sign) => {
      expect(Math.sign(cmpF(a, b))).toBe(sign);
      expect(Math.sign(cmpF(b, a)) + sign).toBe(0);
    });

    // a two-thirds majority is reached iff 3*yes >= 2*base, decided exactly
    it.each([
      [2, 3, true],
      [4, 6, true],
      [3, 4, true],
      [6666, 10000, false],
      [666666, 1000000, false],
      [1, 2, false],
      [200, 300, true],
      [199, 300, false],
    ])('decides %i of %i against a two-thirds threshold as the rule 3*yes >= 2*base says', (yes, base, reached) => {
      expect(3 * yes >= 2 * base).toBe(reached);
      expect(cmpF(frac(yes, base), frac(2, 3)) >= 0).toBe(reached);
    });

    it('sorts a list of fractions into ascending order', () => {
      const list = [frac(3, 4), frac(-1, 2), frac(1, 3), frac(2, 3), frac(0)];
      expect([...list].sort(cmpF)).toEqual([frac(-1, 2), frac(0), frac(1, 3), frac(2, 3), frac(3, 4)]);
    });
  });

  describe('display', () => {
    it.each([
      [frac(2, 3), 4, '0.6667'],
      [frac(1, 3), 4, '0.3333'],
      [frac(1, 8), 2, '0.13'],
      [frac(-1, 8), 2, '-0.13'],
      [frac(1, 2), 0, '1'],
      [frac(5, 2), 0, '3'],
      [frac(7), 2, '7.00'],
      [frac(1, 200), 2, '0.01'],
      [frac(1, 201), 2, '0.00'],
      [frac(-5, 3), 3, '-1.667'],
      [frac(123456789, 1000), 1, '123456.8'],
    ])('shows %o with %i digits as %s (half away from zero)', (f, digits, shown) => {
      expect(fractionToString(f, digits)).toBe(shown);
    });

    it('uses 4 digits by default', () => {
      expect(fractionToString(frac(1, 7))).toBe('0.1429');
    });

    it('never shows a negative zero when a small negative value rounds to zero', () => {
      expect(fractionToString(frac(-1, 100000), 4)).toBe('0.0000');
      expect(fractionToString(frac(-1, 3), 0)).toBe('0');
    });
  });
});
