import { describe, it, expect } from 'vitest';
import { money, addMoney } from './money';

describe('Money', () => {
  it.each([
    [0, 'EUR', 0n],
    [1999, 'KES', 1999n],
    [-250, 'USD', -250n],
    [2n ** 70n, 'GBP', 2n ** 70n],
    [Number.MAX_SAFE_INTEGER, 'JPY', BigInt(Number.MAX_SAFE_INTEGER)],
  ])('holds %s minor units of %s exactly as a bigint', (minor, currency, expected) => {
    expect(money(minor, currency)).toEqual({ minor: expected, currency });
  });

  it.each([0.5, 19.99, -0.01, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 1])(
    'refuses the non-integer or unsafe amount %s',
    (minor) => {
      expect(() => money(minor, 'EUR')).toThrow(RangeError);
    },
  );

  it.each(['eur', 'EU', 'EURO', '', 'E1R', ' EUR', 'EUR '])('refuses the malformed currency code %j', (currency) => {
    expect(() => money(100, currency)).toThrow(RangeError);
  });

  it('adds two amounts of the same currency exactly', () => {
    expect(addMoney(money(2n ** 60n, 'EUR'), money(1, 'EUR'))).toEqual({ minor: 2n ** 60n + 1n, currency: 'EUR' });
    expect(addMoney(money(150, 'KES'), money(-200, 'KES'))).toEqual({ minor: -50n, currency: 'KES' });
  });

  it('refuses to add amounts of different currencies', () => {
    expect(() => addMoney(money(100, 'EUR'), money(100, 'USD'))).toThrow(RangeError);
  });
});
