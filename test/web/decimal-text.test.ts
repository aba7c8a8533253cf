import { describe, expect, it } from 'vitest';
import { formatDecimalText, ratesUsedText } from '../../web/lib/decimal-text';

describe('exact decimals in the reader’s language', () => {
  it('writes the decimal mark of the locale and groups the integer part, keeping every digit', () => {
    expect(formatDecimalText('0.92', 'en-GB')).toBe('0.92');
    expect(formatDecimalText('0.92', 'fr-FR')).toBe('0,92');
    expect(formatDecimalText('1234.5', 'es-ES')).toBe('1234,5');
    expect(formatDecimalText('12345678901234567890.125', 'en-GB')).toBe('12,345,678,901,234,567,890.125');
    expect(formatDecimalText('-7.50', 'en-GB')).toBe('-7.50');
  });

  it('states the rates a report used, each with its date', () => {
    const rates = [
      { from: 'USD', to: 'EUR', rate: '0.92', on: '2026-11-28' },
      { from: 'GBP', to: 'EUR', rate: '1.1634', on: '2026-11-01' },
    ];
    expect(ratesUsedText(rates, 'fr-FR', (d) => `le ${d}`)).toBe('1 USD = 0,92 EUR (le 2026-11-28); 1 GBP = 1,1634 EUR (le 2026-11-01)');
    expect(ratesUsedText(rates.slice(0, 1), 'en-GB', (d) => d)).toBe('1 USD = 0.92 EUR (2026-11-28)');
  });
});
