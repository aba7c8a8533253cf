import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { decimalText, decimalTextOrNull, parseDecimal, readDecimal, splitDecimal, type DecimalSeparator } from './decimal';
import { frac, type Fraction } from './fraction';

describe('decimal text as a person writes it', () => {
  it.each<[string, DecimalSeparator, Fraction, number]>([
    ['1,000,000', '.', frac(1000000), 0],
    ['12,5', ',', frac(25, 2), 1],
    ['-0.125', '.', frac(-1, 8), 3],
  ])('reads the decimal %j exactly', (text, decimal, value, decimals) => {
    expect(readDecimal(text, decimal)).toEqual({ ok: true, value, decimals });
  });

  it.each<[string, DecimalSeparator, string]>([
    ['', '.', 'required'],
    ['1'.repeat(61), '.', 'too_long'],
    ['12.5.1', '.', 'invalid_number'],
    ['1,23', '.', 'invalid_number'],
    ['12 doses', '.', 'invalid_number'],
  ])('refuses %j with the code %s', (text, decimal, code) => {
    expect(splitDecimal(text, decimal)).toMatchObject({ code });
    expect(readDecimal(text, decimal)).toMatchObject({ ok: false, code });
  });

  it('reads what it writes, in either separator, to the same value (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.integer({ min: 0, max: 8 }), (n, places) => {
        const f = frac(n, 10n ** BigInt(places));
        const text = decimalText(f);
        expect(readDecimal(text)).toMatchObject({ ok: true, value: f });
        expect(readDecimal(text.replace('.', ','), ',')).toMatchObject({ ok: true, value: f });
      }),
    );
  });
});

describe('plain decimals and JSON numbers', () => {
  it.each<[unknown, string | null]>([
    ['12', '12/1'],
    [' 12 ', '12/1'],
    ['-3.25', '-13/4'],
    ['0.1', '1/10'],
    ['007.50', '15/2'],
    [0.1, '1/10'],
    [99.9, '999/10'],
    [1e21, `${10n ** 21n}/1`],
    [1e-7, '1/10000000'],
    [-0, '0/1'],
    ['1,000', null],
    ['1e3', null],
    ['.5', null],
    ['5.', null],
    ['+5', null],
    ['', null],
    ['12 doses', null],
    ['1'.repeat(41), null],
    [Number.POSITIVE_INFINITY, null],
    [Number.NaN, null],
    [null, null],
    [true, null],
  ])('reads %j as %s', (input, expected) => {
    const f = parseDecimal(input);
    expect(f === null ? null : `${f.num}/${f.den}`).toBe(expected);
  });

  it('reads every JSON number as the decimal it prints as', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const f = parseDecimal(x)!;
        expect(Number(f.num) / Number(f.den)).toBeCloseTo(x, 5);
        if (Number.isSafeInteger(x)) expect(f).toEqual(frac(x));
      }),
    );
  });

  it('writes what it reads back to the same value', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.integer({ min: 0, max: 8 }), (n, places) => {
        const f = frac(n, 10n ** BigInt(places));
        expect(parseDecimal(decimalText(f))).toEqual(f);
      }),
    );
  });
});

describe('canonical decimal text', () => {
  it.each<[Fraction, string]>([
    [frac(25, 2), '12.5'],
    [frac(-1, 8), '-0.125'],
    [frac(200), '200'],
    [frac(0), '0'],
    [frac(1, 1000000), '0.000001'],
  ])('writes %o as the exact decimal %j', (f, text) => {
    expect(decimalText(f)).toBe(text);
  });

  it('refuses to write a repeating decimal', () => {
    expect(() => decimalText(frac(1, 3))).toThrow(RangeError);
  });

  it.each([
    ['67/2', frac(67, 2), '33.5'],
    ['-1/8', frac(-1, 8), '-0.125'],
    ['100', frac(100), '100'],
    ['1/20', frac(1, 20), '0.05'],
    ['1/3', frac(1, 3), null],
  ])('writes %s as the decimal %s (null when it repeats)', (_name, f, text) => {
    expect(decimalTextOrNull(f)).toBe(text);
  });
});
