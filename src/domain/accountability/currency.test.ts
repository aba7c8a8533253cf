import fs from 'node:fs';
import path from 'node:path';
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readIatiCodelist } from '../../standards/codelists';
import { frac, subF, cmpF, type Fraction } from '../kernel/fraction';
import { decimalText, type DecimalSeparator } from '../kernel/decimal';
import { thrown } from '../kernel/testing';
import {
  CURRENCIES,
  CURRENCY_EXPONENTS,
  MAX_MINOR,
  checkCurrency,
  checkExchangeRate,
  checkRates,
  convert,
  currencyTable,
  exchangeRate,
  exponentOf,
  findRate,
  formatMoney,
  parseMoney,
  parseRate,
  rateFor,
  readMoney,
  roundHalfEven,
  totalIn,
  type MoneyFormat,
} from './currency';

const CURRENCY_XML = path.resolve('standards/iati/codelists/Currency.xml');

describe('the currency table', () => {
  it('lists exactly the active codes of the IATI Currency code list', () => {
    const active = readIatiCodelist(CURRENCY_XML).map((c) => c.code).sort();
    expect(Object.keys(CURRENCY_EXPONENTS).sort()).toEqual(active);
    expect(active.length).toBeGreaterThan(150);
  });

  it('leaves out the codes the IATI list marks withdrawn (BYR, EEK, LTL, LVL, MRO, STD, USS, VEF, ZMK)', () => {
    const xml = fs.readFileSync(CURRENCY_XML, 'utf8');
    const withdrawn = [...xml.matchAll(/<codelist-item[^>]*status="withdrawn"[^>]*>\s*<code>([A-Z]{3})<\/code>/g)].map((m) => m[1]).sort();
    expect(withdrawn).toEqual(['BYR', 'EEK', 'LTL', 'LVL', 'MRO', 'STD', 'USS', 'VEF', 'ZMK']);
    for (const code of withdrawn) expect(CURRENCIES.has(code)).toBe(false);
  });

  it.each([
    ['EUR', 2], ['USD', 2], ['GBP', 2], ['KES', 2], ['BRL', 2], ['INR', 2], ['MGA', 2], ['MRU', 2],
    ['JPY', 0], ['KRW', 0], ['CLP', 0], ['ISK', 0], ['UGX', 0], ['VND', 0], ['XOF', 0], ['XAF', 0], ['XPF', 0], ['RWF', 0], ['UYI', 0],
    ['BHD', 3], ['IQD', 3], ['JOD', 3], ['KWD', 3], ['LYD', 3], ['OMR', 3], ['TND', 3],
    ['CLF', 4],
    ['XDR', 2], ['XBT', 8],
  ])('gives %s the ISO 4217 exponent %i (XDR and XBT: the assumed one)', (code, exponent) => {
    expect(exponentOf(code)).toBe(exponent);
  });

  it('has exponent 2 for every currency but the listed exceptions', () => {
    const exceptions = Object.entries(CURRENCY_EXPONENTS).filter(([, e]) => e !== 2).map(([c]) => c).sort();
    expect(exceptions).toEqual(['BHD', 'BIF', 'CLF', 'CLP', 'DJF', 'GNF', 'IQD', 'ISK', 'JOD', 'JPY', 'KMF', 'KRW', 'KWD', 'LYD', 'OMR', 'PYG', 'RWF', 'TND', 'UGX', 'UYI', 'VND', 'VUV', 'XAF', 'XBT', 'XOF', 'XPF']);
  });

  it('is built from code list entries given as data, as a record or as pairs', () => {
    expect(currencyTable({ EUR: 2, JPY: 0 })).toEqual(new Map([['EUR', 2], ['JPY', 0]]));
    expect(currencyTable(new Map([['KWD', 3]]))).toEqual(new Map([['KWD', 3]]));
    expect(currencyTable([['EUR', 2], ['EUR', 2]])).toEqual(new Map([['EUR', 2]]));
  });

  it.each<[string, [string, number][]]>([
    ['a lower-case code', [['eur', 2]]],
    ['a four-letter code', [['EURO', 2]]],
    ['a fractional exponent', [['EUR', 1.5]]],
    ['a negative exponent', [['EUR', -1]]],
    ['an exponent above 8', [['EUR', 9]]],
    ['one code with two exponents', [['EUR', 2], ['EUR', 3]]],
  ])('refuses reference data with %s', (_name, entries) => {
    expect(() => currencyTable(entries)).toThrow(RangeError);
  });

  it.each([
    ['EUR', []],
    ['eur', ['invalid_currency']],
    ['EURO', ['invalid_currency']],
    [42, ['invalid_currency']],
    ['ABC', ['unknown_currency']],
    ['EEK', ['unknown_currency']],
  ])('checks the currency %j: %j', (code, codes) => {
    expect(checkCurrency(code).map((i) => i.code)).toEqual(codes);
  });

  it('refuses an unknown currency with validation_failed naming the field', () => {
    const e = thrown(() => exponentOf('ABC', CURRENCIES, 'valuation.currency'));
    expect(e.code).toBe('validation_failed');
    expect(e.issues).toMatchObject([{ field: 'valuation.currency', code: 'unknown_currency' }]);
  });
});

describe('reading money text', () => {
  it.each<[string, string, DecimalSeparator, bigint]>([
    ['1,234.56', 'EUR', '.', 123456n],
    ['1234.56', 'EUR', '.', 123456n],
    ['1234,56', 'EUR', ',', 123456n],
    ['1.234,56', 'EUR', ',', 123456n],
    ['1 234,56', 'EUR', ',', 123456n],
    ['1\u00a0234,56', 'EUR', ',', 123456n],
    ['1\u202f234\u202f567,5', 'EUR', ',', 123456750n],
    ["1'234.56", 'CHF', '.', 123456n],
    ['12,34,567.89', 'INR', '.', 123456789n],
    ['1,000,000', 'USD', '.', 100000000n],
    ['1.000.000', 'USD', ',', 100000000n],
    ['0.5', 'EUR', '.', 50n],
    ['0,05', 'EUR', ',', 5n],
    ['7', 'EUR', '.', 700n],
    ['  42.10 ', 'EUR', '.', 4210n],
    ['007', 'EUR', '.', 700n],
    ['1500', 'JPY', '.', 1500n],
    ['1,500', 'JPY', '.', 1500n],
    ['12.345', 'KWD', '.', 12345n],
    ['0.0001', 'CLF', '.', 1n],
    ['92233720368547758.07', 'EUR', '.', MAX_MINOR],
  ])('reads %j in %s with decimal separator %j as %s minor units', (text, currency, decimal, minor) => {
    expect(readMoney(text, currency, { decimal })).toEqual({ ok: true, money: { minor, currency } });
    expect(parseMoney(text, currency, { decimal })).toEqual({ minor, currency });
  });

  it.each<[string, string, DecimalSeparator, string]>([
    ['12.345', 'EUR', '.', 'too_many_decimals'],
    ['100.5', 'JPY', '.', 'too_many_decimals'],
    ['100.00', 'JPY', '.', 'too_many_decimals'],
    ['1.2345', 'KWD', '.', 'too_many_decimals'],
    ['1,234.56', 'EUR', ',', 'invalid_number'],
    ['1,23.45', 'EUR', '.', 'invalid_number'],
    ['1,2345.6', 'EUR', '.', 'invalid_number'],
    ['1.234.56', 'EUR', '.', 'invalid_number'],
    ['1,234 567.00', 'EUR', '.', 'invalid_number'],
    ['1\u202f234 567,5', 'EUR', ',', 'invalid_number'],
    ['12,34,567,890.00', 'EUR', '.', 'invalid_number'],
    ['€12', 'EUR', '.', 'invalid_number'],
    ['12 EUR', 'EUR', '.', 'invalid_number'],
    ['1e3', 'EUR', '.', 'invalid_number'],
    ['+5', 'EUR', '.', 'invalid_number'],
    ['5.', 'EUR', '.', 'invalid_number'],
    ['.5', 'EUR', '.', 'invalid_number'],
    ['', 'EUR', '.', 'required'],
    ['   ', 'EUR', '.', 'required'],
    ['-5', 'EUR', '.', 'negative'],
    ['92233720368547758.08', 'EUR', '.', 'too_large'],
    ['1'.repeat(61), 'EUR', '.', 'too_long'],
    ['12', 'ABC', '.', 'unknown_currency'],
  ])('refuses %j in %s with decimal separator %j: %s', (text, currency, decimal, code) => {
    const r = readMoney(text, currency, { decimal, field: 'rows.3.amount' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issue).toMatchObject({ code });
    if (!r.ok && code !== 'unknown_currency') expect(r.issue.field).toBe('rows.3.amount');
  });

  it('says how many decimals the currency has', () => {
    const r = readMoney('12.345', 'EUR', { decimal: '.' });
    expect(!r.ok && r.issue.message).toBe('EUR has 2 decimals; "12.345" has 3');
    const j = readMoney('100.5', 'JPY', { decimal: '.' });
    expect(!j.ok && j.issue.message).toBe('JPY has no decimals; "100.5" has 1');
  });

  it('suggests the other decimal separator when the grouping does not fit', () => {
    const r = readMoney('1,234.56', 'EUR', { decimal: ',' });
    expect(!r.ok && r.issue.message).toMatch(/is the decimal separator "\."\?/);
    const g = readMoney('1.23', 'EUR', { decimal: ',' });
    expect(!g.ok && g.issue.message).toMatch(/Is the decimal separator "\."\?/);
  });

  it('reads a negative amount only when asked to', () => {
    expect(readMoney('-1,234.50', 'EUR', { decimal: '.', allowNegative: true })).toEqual({ ok: true, money: { minor: -123450n, currency: 'EUR' } });
  });

  it('throws validation_failed with the issue from parseMoney', () => {
    const e = thrown(() => parseMoney('12.345', 'EUR', { decimal: '.', field: 'valuation' }));
    expect(e.code).toBe('validation_failed');
    expect(e.issues).toMatchObject([{ field: 'valuation', code: 'too_many_decimals' }]);
  });

});

describe('writing money text', () => {
  it.each<[bigint, string, MoneyFormat, string]>([
    [123456n, 'EUR', {}, '1234.56'],
    [123456n, 'EUR', { group: ',' }, '1,234.56'],
    [123456n, 'EUR', { decimal: ',', group: '.' }, '1.234,56'],
    [123456n, 'EUR', { decimal: ',', group: ' ' }, '1 234,56'],
    [123456n, 'EUR', { code: true, group: ',' }, 'EUR 1,234.56'],
    [5n, 'EUR', {}, '0.05'],
    [0n, 'EUR', {}, '0.00'],
    [-123456789n, 'EUR', { group: ',' }, '-1,234,567.89'],
    [1500n, 'JPY', { group: ',' }, '1,500'],
    [12345n, 'KWD', {}, '12.345'],
    [1n, 'XBT', {}, '0.00000001'],
  ])('writes %s minor units of %s with %o as %j', (minor, currency, format, text) => {
    expect(formatMoney({ minor, currency }, format)).toBe(text);
  });

  it('refuses a group separator equal to the decimal separator', () => {
    expect(() => formatMoney({ minor: 1n, currency: 'EUR' }, { decimal: ',', group: ',' })).toThrow(RangeError);
  });

  it('reads back every amount it writes, in every format (property)', () => {
    const formats: MoneyFormat[] = [{}, { group: ',' }, { decimal: ',', group: '.' }, { decimal: ',', group: ' ' }, { group: "'" }, { decimal: ',', group: '\u202f' }];
    fc.assert(
      fc.property(fc.bigInt({ min: -MAX_MINOR, max: MAX_MINOR }), fc.constantFrom(...Object.keys(CURRENCY_EXPONENTS)), fc.constantFrom(...formats), (minor, currency, format) => {
        const text = formatMoney({ minor, currency }, format);
        expect(parseMoney(text, currency, { decimal: format.decimal ?? '.', allowNegative: true })).toEqual({ minor, currency });
      }),
      { numRuns: 500 },
    );
  });
});

describe('rounding half to even', () => {
  it.each<[Fraction, bigint]>([
    [frac(5, 2), 2n],
    [frac(7, 2), 4n],
    [frac(-5, 2), -2n],
    [frac(-7, 2), -4n],
    [frac(1, 2), 0n],
    [frac(3, 2), 2n],
    [frac(1, 3), 0n],
    [frac(2, 3), 1n],
    [frac(-2, 3), -1n],
    [frac(251, 100), 3n],
    [frac(249, 100), 2n],
    [frac(0), 0n],
    [frac(42), 42n],
  ])('rounds %o to %s', (f, n) => {
    expect(roundHalfEven(f)).toBe(n);
  });

  it('is never more than half a unit away, and ties go to the even neighbour (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.bigInt({ min: 1n, max: 10n ** 12n }), (n, d) => {
        const f = frac(n, d);
        const r = roundHalfEven(f);
        const diff = subF(frac(r), f);
        const abs = diff.num < 0n ? frac(-diff.num, diff.den) : diff;
        expect(cmpF(abs, frac(1, 2))).toBeLessThanOrEqual(0);
        if (cmpF(abs, frac(1, 2)) === 0) expect(r % 2n).toBe(0n);
      }),
    );
  });
});

describe('exchange rates', () => {
  it.each<[string, DecimalSeparator, Fraction]>([
    ['0.9134', '.', frac(9134, 10000)],
    ['0,9134', ',', frac(9134, 10000)],
    ['130', '.', frac(130)],
    ['17,345.2', '.', frac(173452, 10)],
    ['0.000001', '.', frac(1, 1000000)],
  ])('reads the rate %j exactly', (text, decimal, rate) => {
    expect(parseRate(text, decimal)).toEqual(rate);
  });

  it.each(['0', '0.000', '-1.2', 'abc', '1e-3', '', '1/3', '1.2345678901234567890123456'])('refuses the rate %j', (text) => {
    expect(thrown(() => parseRate(text)).code).toBe('validation_failed');
  });

  it('keeps the rate as entered, in canonical decimal text, and freezes it', () => {
    const r = exchangeRate({ from: 'EUR', to: 'USD', on: '2026-03-31', rate: '01.086100' });
    expect(r).toEqual({ from: 'EUR', to: 'USD', on: '2026-03-31', rate: frac(10861, 10000), text: '1.0861' });
    expect(Object.isFrozen(r)).toBe(true);
  });

  it.each<[{ from: string; to: string; on: string; rate: string }, string[]]>([
    [{ from: 'EUR', to: 'USD', on: '2026-03-31', rate: '1.0861' }, []],
    [{ from: 'EUR', to: 'EUR', on: '2026-03-31', rate: '1' }, ['to same_currency']],
    [{ from: 'ABC', to: 'USD', on: '2026-03-31', rate: '1' }, ['from unknown_currency']],
    [{ from: 'EUR', to: 'usd', on: '2026-03-31', rate: '1' }, ['to invalid_currency']],
    [{ from: 'EUR', to: 'USD', on: '2026-02-30', rate: '1' }, ['on invalid_date']],
    [{ from: 'EUR', to: 'USD', on: '31/03/2026', rate: '0' }, ['on invalid_date', 'rate not_positive']],
  ])('checks the rate %o: %j', (input, issues) => {
    expect(checkExchangeRate(input).map((i) => `${i.field} ${i.code}`)).toEqual(issues);
  });

  it('throws validation_failed with every issue when building a bad rate', () => {
    const e = thrown(() => exchangeRate({ from: 'EUR', to: 'EUR', on: 'x', rate: '-1' }));
    expect(e.issues.map((i) => i.field)).toEqual(['to', 'on', 'rate']);
  });

  const rates = [
    exchangeRate({ from: 'EUR', to: 'USD', on: '2026-01-01', rate: '1.10' }),
    exchangeRate({ from: 'EUR', to: 'USD', on: '2026-02-01', rate: '1.08' }),
    exchangeRate({ from: 'EUR', to: 'USD', on: '2026-03-01', rate: '1.09' }),
    exchangeRate({ from: 'USD', to: 'EUR', on: '2025-01-01', rate: '0.95' }),
    exchangeRate({ from: 'KES', to: 'USD', on: '2026-01-15', rate: '0.0077' }),
  ];

  it.each([
    ['EUR', 'USD', '2026-02-15', '1.08'],
    ['EUR', 'USD', '2026-02-01', '1.08'],
    ['EUR', 'USD', '2026-01-31', '1.1'],
    ['EUR', 'USD', '2030-12-31', '1.09'],
    ['EUR', 'USD', '2025-12-31', null],
    ['USD', 'EUR', '2026-02-15', '0.95'],
    ['KES', 'EUR', '2026-02-15', null],
    ['USD', 'KES', '2026-02-15', null],
  ])('chooses for %s to %s on %s the latest rate on or before that date: %s', (from, to, on, text) => {
    expect(findRate(rates, from, to, on)?.text ?? null).toBe(text);
  });

  it('says which pair and date lack a rate, as a clear error', () => {
    const e = thrown(() => rateFor(rates, 'KES', 'EUR', '2026-02-15'));
    expect(e.code).toBe('validation_failed');
    expect(e.message).toBe('There is no exchange rate from KES to EUR dated on or before 2026-02-15: enter one');
    expect(e.issues).toMatchObject([{ field: 'rates', code: 'no_rate' }]);
    expect(e.detail).toEqual({ from: 'KES', to: 'EUR', on: '2026-02-15' });
  });

  it('refuses to guess between two different rates of one pair on one date', () => {
    const twice = [...rates, exchangeRate({ from: 'EUR', to: 'USD', on: '2026-03-01', rate: '1.2' })];
    expect(thrown(() => findRate(twice, 'EUR', 'USD', '2026-03-05')).code).toBe('conflict');
    expect(findRate(twice, 'EUR', 'USD', '2026-02-05')?.text).toBe('1.08');
    expect(checkRates(twice)).toMatchObject([{ field: 'rates.5', code: 'duplicate' }]);
    expect(checkRates([...rates, rates[1]])).toEqual([]);
  });
});

describe('converting', () => {
  const rate = (from: string, to: string, text: string) => exchangeRate({ from, to, on: '2026-01-01', rate: text });

  it.each<[bigint, string, string, string, bigint, string]>([
    [10000n, 'EUR', 'USD', '1.0861', 10861n, '100.00 EUR at 1.0861 is 108.61 USD'],
    [1000n, 'JPY', 'EUR', '0.0061', 610n, '1000 JPY at 0.0061 is 6.10 EUR (exponents 0 and 2)'],
    [100n, 'USD', 'KWD', '0.3075', 308n, '1.00 USD at 0.3075 is exactly 0.3075 KWD: the tie goes to the even 0.308'],
    [100n, 'USD', 'KWD', '0.3085', 308n, '1.00 USD at 0.3085 is exactly 0.3085 KWD: the tie goes to the even 0.308'],
    [5n, 'EUR', 'USD', '0.5', 2n, '0.05 EUR at 0.5 is 2.5 cents: the tie goes to the even 2'],
    [7n, 'EUR', 'USD', '0.5', 4n, '0.07 EUR at 0.5 is 3.5 cents: the tie goes to the even 4'],
    [1n, 'EUR', 'USD', '0.333333', 0n, 'a third of a cent rounds to nothing'],
    [12345n, 'KWD', 'EUR', '2.98', 3679n, '12.345 KWD at 2.98 is 36.7881 EUR, rounded to 36.79'],
    [-10000n, 'EUR', 'USD', '1.0861', -10861n, 'a negative balance converts symmetrically'],
  ])('%s %s to %s at %s gives %s minor units: %s', (minor, from, to, text, expected) => {
    const r = rate(from, to, text);
    const c = convert({ minor, currency: from }, r);
    expect(c.to).toEqual({ minor: expected, currency: to });
    expect(c.rate).toBe(r);
    expect(c.from).toEqual({ minor, currency: from });
  });

  it('refuses to convert an amount in another currency than the rate’s', () => {
    expect(() => convert({ minor: 1n, currency: 'USD' }, rate('EUR', 'USD', '1.1'))).toThrow(RangeError);
  });

  it('rounds every conversion by at most half a minor unit of the target, ties to even (property)', () => {
    const codes = Object.keys(CURRENCY_EXPONENTS);
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
        fc.constantFrom(...codes),
        fc.constantFrom(...codes),
        fc.bigInt({ min: 1n, max: 10n ** 9n }),
        fc.integer({ min: 0, max: 8 }),
        (minor, from, to, digits, scale) => {
          fc.pre(from !== to);
          const text = decimalText(frac(digits, 10n ** BigInt(scale)));
          const c = convert({ minor, currency: from }, rate(from, to, text));
          const error = subF(frac(c.to.minor), c.exact);
          const abs = error.num < 0n ? frac(-error.num, error.den) : error;
          expect(cmpF(abs, frac(1, 2))).toBeLessThanOrEqual(0);
          if (cmpF(abs, frac(1, 2)) === 0) expect(c.to.minor % 2n).toBe(0n);
          const expectedExact = frac(minor * digits * 10n ** BigInt(exponentOf(to)), 10n ** BigInt(scale) * 10n ** BigInt(exponentOf(from)));
          expect(c.exact).toEqual(expectedExact);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('totals amounts in one currency, converting each currency once, listing the rates used', () => {
    const rates = [rate('EUR', 'USD', '1.1'), rate('KES', 'USD', '0.0077')];
    const t = totalIn(
      [
        { minor: 100n, currency: 'USD' },
        { minor: 5n, currency: 'EUR' },
        { minor: 5n, currency: 'EUR' },
        { minor: 100000n, currency: 'KES' },
      ],
      'USD',
      rates,
      '2026-06-30',
    );
    // EUR 0.10 -> 11 cents (two separate conversions of 0.05 would give 6 + 6 = 12); KES 1000.00 -> 7.70 USD
    expect(t.total).toEqual({ minor: 100n + 11n + 770n, currency: 'USD' });
    expect(t.conversions.map((c) => [c.from.currency, c.from.minor, c.to.minor, c.rate?.text ?? null])).toEqual([
      ['EUR', 10n, 11n, '1.1'],
      ['KES', 100000n, 770n, '0.0077'],
      ['USD', 100n, 100n, null],
    ]);
    expect(t.ratesUsed.map((r) => `${r.from}>${r.to}`)).toEqual(['EUR>USD', 'KES>USD']);
    expect(t.missing).toEqual([]);
  });

  it('gives no total, and names the missing rate, rather than a wrong number', () => {
    const t = totalIn([{ minor: 100n, currency: 'USD' }, { minor: 100n, currency: 'GBP' }], 'USD', [], '2026-06-30');
    expect(t.total).toBeNull();
    expect(t.missing).toEqual([{ from: 'GBP', to: 'USD', on: '2026-06-30' }]);
  });
});
