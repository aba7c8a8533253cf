import { describe, expect, it } from 'vitest';
import { formatMoney, formatPercent, minorToAmount, negate, readAmount, sum, barValue, toNumber } from '../../web/lib/money';

describe('money in the reader’s language, exact', () => {
  it('writes minor units with the currency’s own decimals, per locale', () => {
    expect(formatMoney({ minor: '123456', currency: 'EUR' }, 'en-GB')).toBe('€1,234.56');
    expect(formatMoney({ minor: '123456', currency: 'EUR' }, 'fr-FR')).toBe('1\u202f234,56\u00a0€');
    expect(formatMoney({ minor: '123456', currency: 'JPY' }, 'en-GB')).toBe('JP¥123,456');
    expect(formatMoney({ minor: '123456', currency: 'KWD' }, 'en-GB')).toBe('KWD\u00a0123.456');
  });

  it('keeps every digit of an amount beyond 2^53 and the sign of an amount under one unit', () => {
    expect(formatMoney({ minor: '123456789012345678901', currency: 'USD' }, 'en-US')).toBe('$1,234,567,890,123,456,789.01');
    expect(formatMoney({ minor: '-50', currency: 'EUR' }, 'en-GB')).toBe('-€0.50');
    expect(formatMoney({ minor: '-150', currency: 'EUR' }, 'en-GB')).toBe('-€1.50');
  });

  it('names the currency by its code when asked', () => {
    expect(formatMoney({ minor: '100', currency: 'USD' }, 'en-GB', { code: true })).toBe('USD\u00a01.00');
  });

  it('adds amounts of one currency exactly and reads typed amounts with the locale’s decimal mark', () => {
    expect(sum([{ minor: '9007199254740993', currency: 'EUR' }, null, { minor: '7', currency: 'EUR' }], 'EUR')).toEqual({ minor: '9007199254741000', currency: 'EUR' });
    expect(readAmount('1 234,56', 'EUR', 'fr-FR')).toEqual({ minor: 123456n, text: '1234.56' });
    expect(readAmount('', 'EUR', 'fr-FR')).toBeNull();
    expect(readAmount('12.345', 'EUR', 'en-GB')).toHaveProperty('error');
    expect(minorToAmount(-5n, 2)).toBe('-0.05');
    expect(negate({ amount: '1.50', minor: '150', currency: 'EUR' })).toEqual({ amount: '-1.50', minor: '-150', currency: 'EUR' });
  });

  it('writes percentages per locale and bounds bar lengths to 0–100', () => {
    expect(formatPercent('26.5', 'en-GB')).toBe('26.5%');
    expect(formatPercent(26.5, 'fr-FR')).toBe('26,5\u00a0%');
    expect(formatPercent(null, 'en-GB')).toBe('—');
    expect([barValue('120'), barValue(-3), barValue(null), barValue('x')]).toEqual([100, 0, 0, 0]);
    expect(toNumber({ minor: '150', currency: 'EUR' })).toBe(1.5);
  });
});
