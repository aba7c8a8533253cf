/**
 * Currencies, money text and exchange rates for the accountability ledger. Pure: no I/O, no clock.
 *
 * - Every amount is integer minor units of an ISO 4217 currency (`Money` from the kernel). How many minor
 *   units make one major unit is the currency's exponent: 2 for EUR (cents), 0 for JPY, 3 for KWD.
 * - Money text is read exactly with a stated decimal separator ("1,234.56" with ".", "1.234,56" or "1234,56"
 *   with ","; the decimal rules of `kernel/decimal.ts`), and refused when it has more decimals than the
 *   currency has: nothing is ever rounded on input.
 * - An exchange rate is an exact rational (BigInt numerator and denominator) read from decimal text such as
 *   "0.9134", valid from its date. `convert` rounds half to even to the target currency's minor unit and
 *   returns the rate it used with the result.
 */
import { DomainError, issue, type FieldIssue } from '../kernel/errors';
import { figure, msg, type Figure, type Msg } from '../kernel/messages';
import { isDate } from '../kernel/dates';
import { decimalFromDigits, splitDecimal, type DecimalSeparator } from '../kernel/decimal';
import { cmpF, frac, type Fraction } from '../kernel/fraction';
import type { Money } from '../kernel/money';

// ---- currencies ---------------------------------------------------------------------------------

/**
 * The minor-unit exponent of every active currency of the IATI Currency code list
 * (`standards/iati/codelists/Currency.xml`; withdrawn codes are left out). The IATI list names the codes
 * only; the exponents are ISO 4217's. Two codes have none in ISO 4217 and carry an assumed value:
 * XDR (ISO says "N.A."; 2, as CLDR and most systems use) and XBT (not an ISO code; 8, the satoshi).
 * `currency.test.ts` checks that the codes here are exactly the active codes of the XML file.
 */
export const CURRENCY_EXPONENTS: Readonly<Record<string, number>> = Object.freeze({
  AED: 2, AFN: 2, ALL: 2, AMD: 2, ANG: 2, AOA: 2, ARS: 2, AUD: 2, AWG: 2, AZN: 2, BAM: 2, BBD: 2, BDT: 2,
  BGN: 2, BHD: 3, BIF: 0, BMD: 2, BND: 2, BOB: 2, BOV: 2, BRL: 2, BSD: 2, BTN: 2, BWP: 2, BYN: 2, BZD: 2,
  CAD: 2, CDF: 2, CHF: 2, CLF: 4, CLP: 0, CNY: 2, COP: 2, COU: 2, CRC: 2, CUC: 2, CUP: 2, CVE: 2, CZK: 2,
  DJF: 0, DKK: 2, DOP: 2, DZD: 2, EGP: 2, ERN: 2, ETB: 2, EUR: 2, FJD: 2, FKP: 2, GBP: 2, GEL: 2, GHS: 2,
  GIP: 2, GMD: 2, GNF: 0, GTQ: 2, GYD: 2, HKD: 2, HNL: 2, HRK: 2, HTG: 2, HUF: 2, IDR: 2, ILS: 2, INR: 2,
  IQD: 3, IRR: 2, ISK: 0, JMD: 2, JOD: 3, JPY: 0, KES: 2, KGS: 2, KHR: 2, KMF: 0, KPW: 2, KRW: 0, KWD: 3,
  KYD: 2, KZT: 2, LAK: 2, LBP: 2, LKR: 2, LRD: 2, LSL: 2, LYD: 3, MAD: 2, MDL: 2, MGA: 2, MKD: 2, MMK: 2,
  MNT: 2, MOP: 2, MRU: 2, MUR: 2, MVR: 2, MWK: 2, MXN: 2, MXV: 2, MYR: 2, MZN: 2, NAD: 2, NGN: 2, NIO: 2,
  NOK: 2, NPR: 2, NZD: 2, OMR: 3, PAB: 2, PEN: 2, PGK: 2, PHP: 2, PKR: 2, PLN: 2, PYG: 0, QAR: 2, RON: 2,
  RSD: 2, RUB: 2, RWF: 0, SAR: 2, SBD: 2, SCR: 2, SDG: 2, SEK: 2, SGD: 2, SHP: 2, SLE: 2, SLL: 2, SOS: 2,
  SSP: 2, SRD: 2, STN: 2, SVC: 2, SYP: 2, SZL: 2, THB: 2, TJS: 2, TMT: 2, TND: 3, TOP: 2, TRY: 2, TTD: 2,
  TWD: 2, TZS: 2, UAH: 2, UGX: 0, USD: 2, USN: 2, UYI: 0, UYU: 2, UZS: 2, VED: 2, VES: 2, VND: 0, VUV: 0,
  WST: 2, XAF: 0, XBT: 8, XCD: 2, XDR: 2, XOF: 0, XPF: 0, YER: 2, ZAR: 2, ZMW: 2, ZWL: 2,
});

/** Currency code -> minor-unit exponent. */
export type CurrencyTable = ReadonlyMap<string, number>;

const CODE = /^[A-Z]{3}$/;
/** The largest exponent a table may hold (XBT's 8). */
export const MAX_EXPONENT = 8;

/**
 * Builds a currency table from code list entries (code -> exponent), as data. Throws a RangeError on a
 * malformed code or an exponent that is not a whole number from 0 to 8: a table is reference data, and
 * bad reference data is a programming error, not user input.
 */
export function currencyTable(entries: Iterable<readonly [string, number]> | Readonly<Record<string, number>>): CurrencyTable {
  const pairs = Symbol.iterator in entries ? [...(entries as Iterable<readonly [string, number]>)] : Object.entries(entries);
  const table = new Map<string, number>();
  for (const [code, exponent] of pairs) {
    if (!CODE.test(code)) throw new RangeError(`Not an ISO 4217 currency code: ${code}`);
    if (!Number.isInteger(exponent) || exponent < 0 || exponent > MAX_EXPONENT) throw new RangeError(`Not a minor-unit exponent for ${code}: ${exponent}`);
    if (table.has(code) && table.get(code) !== exponent) throw new RangeError(`${code} is listed twice with different exponents`);
    table.set(code, exponent);
  }
  return table;
}

/** The default table: `CURRENCY_EXPONENTS`. */
export const CURRENCIES: CurrencyTable = currencyTable(CURRENCY_EXPONENTS);

/** Every problem with a currency code (an empty list when the table knows it). */
export function checkCurrency(code: unknown, field = 'currency', table: CurrencyTable = CURRENCIES): FieldIssue[] {
  if (typeof code !== 'string' || !CODE.test(code)) return [issue(field, msg('numbers.currency_code'), 'invalid_currency')];
  if (!table.has(code)) return [issue(field, msg('numbers.currency_not_in_list', { code }), 'unknown_currency')];
  return [];
}

/** The currency's minor-unit exponent; throws `validation_failed` naming `field` for an unknown currency. */
export function exponentOf(currency: string, table: CurrencyTable = CURRENCIES, field = 'currency'): number {
  const e = table.get(currency);
  if (e === undefined) throw new DomainError('validation_failed', msg('numbers.unknown_currency', { code: currency }), checkCurrency(currency, field, table));
  return e;
}

/**
 * The largest amount the ledger holds, in minor units: a signed 64-bit integer, so every amount and every
 * balance fits the BIGINT columns of both databases.
 */
export const MAX_MINOR = 2n ** 63n - 1n;

// ---- money text ---------------------------------------------------------------------------------

/** How to read money text. */
export interface MoneyTextOptions {
  /** The decimal separator the text uses. */
  decimal: DecimalSeparator;
  /** The field to name in an issue (default `amount`). */
  field?: string;
  /** Accept a leading minus sign (default false: amounts of pledges, deliveries and expenses are positive). */
  allowNegative?: boolean;
}

/** The result of reading money text: the exact amount, or the one issue that stops it. */
export type MoneyReading = { ok: true; money: Money } | { ok: false; issue: FieldIssue };

/**
 * Reads money text exactly into integer minor units of `currency`. Refuses more decimals than the currency
 * has ("12.345" EUR, "100.5" JPY; even "100.00" JPY), currency symbols, exponents and malformed grouping.
 * Never throws on bad text: the issue says what is wrong (for imports that report every bad row).
 */
export function readMoney(text: string, currency: string, options: MoneyTextOptions, table: CurrencyTable = CURRENCIES): MoneyReading {
  const field = options.field ?? 'amount';
  const fail = (m: Msg, code: string): MoneyReading => ({ ok: false, issue: issue(field, m, code) });
  const currencyIssue = checkCurrency(currency, field, table)[0];
  if (currencyIssue) return { ok: false, issue: currencyIssue };
  const exponent = table.get(currency)!;
  const parts = splitDecimal(String(text), options.decimal);
  if ('message' in parts) return fail(parts.msg, parts.code);
  if (parts.negative && !options.allowNegative) return fail(msg('numbers.positive_amount'), 'negative');
  if (parts.fraction.length > exponent) {
    const said = { currency, text: String(text).trim(), found: parts.fraction.length };
    return fail(exponent === 0 ? msg('numbers.too_many_decimals_none', said) : msg('numbers.too_many_decimals', { ...said, count: exponent }), 'too_many_decimals');
  }
  const minor = BigInt(parts.int + parts.fraction.padEnd(exponent, '0'));
  if (minor > MAX_MINOR) return fail(msg('numbers.amount_too_large'), 'too_large');
  return { ok: true, money: { minor: parts.negative ? -minor : minor, currency } };
}

/** Reads money text like `readMoney`, throwing `validation_failed` with the issue when it cannot. */
export function parseMoney(text: string, currency: string, options: MoneyTextOptions, table: CurrencyTable = CURRENCIES): Money {
  const r = readMoney(text, currency, options, table);
  if (!r.ok) throw new DomainError('validation_failed', r.issue.msg ?? r.issue.message, [r.issue]);
  return r.money;
}

/** How to write money as text. */
export interface MoneyFormat {
  /** Decimal separator (default "."). */
  decimal?: DecimalSeparator;
  /** Group separator for thousands (default none); must differ from the decimal separator. */
  group?: '' | ',' | '.' | ' ' | '\u00a0' | '\u202f' | "'";
  /** Prefix the currency code: "EUR 1,234.56" (default false). */
  code?: boolean;
}

/**
 * Writes an amount with exactly its currency's decimals: `formatMoney({minor: 123456n, currency: 'EUR'})` is
 * "1234.56", with `{ group: ',' }` "1,234.56", with `{ decimal: ',', group: '.' }` "1.234,56". The default
 * output is the canonical text of APIs and CSV exports; `readMoney` reads every output back to the same amount.
 */
export function formatMoney(m: Money, format: MoneyFormat = {}, table: CurrencyTable = CURRENCIES): string {
  const decimal = format.decimal ?? '.';
  const group = format.group ?? '';
  if (group === decimal) throw new RangeError('The group separator must differ from the decimal separator');
  const exponent = exponentOf(m.currency, table);
  const negative = m.minor < 0n;
  const digits = (negative ? -m.minor : m.minor).toString().padStart(exponent + 1, '0');
  const int = digits.slice(0, digits.length - exponent);
  const fraction = digits.slice(digits.length - exponent);
  const grouped = group ? int.replace(/\B(?=(\d{3})+(?!\d))/g, group) : int;
  const number = `${negative ? '-' : ''}${grouped}${exponent > 0 ? decimal + fraction : ''}`;
  return format.code ? `${m.currency} ${number}` : number;
}

/** An amount inside a message: its currency code and digits, written with the reader's separators. */
export function moneyFigure(m: Money, options: { group?: boolean } = {}, table: CurrencyTable = CURRENCIES): Figure {
  return figure(formatMoney(m, {}, table), { group: options.group, prefix: `${m.currency} ` });
}

// ---- rounding -----------------------------------------------------------------------------------

/**
 * Rounds an exact value to the nearest whole number, a tie (exactly .5) to the even neighbour: 2.5 -> 2,
 * 3.5 -> 4, -2.5 -> -2. Half-to-even ("banker's rounding") has no upward bias when many amounts are
 * converted, and the result is never more than half a unit from the exact value.
 */
export function roundHalfEven(f: Fraction): bigint {
  const negative = f.num < 0n;
  const n = negative ? -f.num : f.num;
  const q = n / f.den;
  const r2 = (n % f.den) * 2n;
  const up = r2 > f.den || (r2 === f.den && q % 2n === 1n);
  const rounded = up ? q + 1n : q;
  return negative ? -rounded : rounded;
}

// ---- exchange rates -----------------------------------------------------------------------------

/**
 * One unit of `from` is worth `rate` units of `to` (major units: 1 EUR = 1.0861 USD), from the date `on`
 * until a later rate of the same pair. Rates are entered or imported with their dates, never fetched.
 */
export interface ExchangeRate {
  readonly from: string;
  readonly to: string;
  /** The date from which the rate applies (YYYY-MM-DD). */
  readonly on: string;
  /** The exact rate, > 0. */
  readonly rate: Fraction;
  /** The rate as entered, in canonical decimal text ("1.0861"): what reports show. */
  readonly text: string;
}

/** A rate as entered: the rate is decimal text such as "0.9134". */
export interface ExchangeRateInput {
  from: string;
  to: string;
  on: string;
  rate: string;
}

/** Rate text longer than this many significant digits is refused (no real rate needs it). */
export const MAX_RATE_DIGITS = 24;

type RateReading = { ok: true; rate: Fraction; text: string } | { ok: false; issue: FieldIssue };

function readRate(text: string, decimal: DecimalSeparator, field: string): RateReading {
  const parts = splitDecimal(String(text), decimal);
  if ('message' in parts) return { ok: false, issue: issue(field, parts.msg, parts.code) };
  const digits = (parts.int + parts.fraction).replace(/^0+/, '');
  if (parts.negative || digits === '') return { ok: false, issue: issue(field, msg('numbers.rate_positive'), 'not_positive') };
  if (digits.length > MAX_RATE_DIGITS) return { ok: false, issue: issue(field, msg('numbers.rate_digits', { max: MAX_RATE_DIGITS }), 'too_long') };
  const rate = decimalFromDigits(false, parts.int, parts.fraction);
  const int = parts.int.replace(/^0+(?=\d)/, '');
  const fraction = parts.fraction.replace(/0+$/, '');
  return { ok: true, rate, text: fraction ? `${int}.${fraction}` : int };
}

/**
 * Reads exact rate text ("0.9134", "1,234.5" with ".", "0,9134" with ","): the rate as a fraction
 * (9134/10000). Throws `validation_failed` for anything that is not a positive decimal number.
 */
export function parseRate(text: string, decimal: DecimalSeparator = '.', field = 'rate'): Fraction {
  const r = readRate(text, decimal, field);
  if (!r.ok) throw new DomainError('validation_failed', r.issue.msg ?? r.issue.message, [r.issue]);
  return r.rate;
}

/** Every problem of an exchange rate as entered: both currencies known and different, a date, a positive rate. */
export function checkExchangeRate(input: ExchangeRateInput, decimal: DecimalSeparator = '.', table: CurrencyTable = CURRENCIES): FieldIssue[] {
  const issues = [...checkCurrency(input.from, 'from', table), ...checkCurrency(input.to, 'to', table)];
  if (issues.length === 0 && input.from === input.to) issues.push(issue('to', msg('numbers.rate_same_currency'), 'same_currency'));
  if (!isDate(input.on)) issues.push(issue('on', msg('numbers.date_format'), 'invalid_date'));
  const r = readRate(input.rate, decimal, 'rate');
  if (!r.ok) issues.push(r.issue);
  return issues;
}

/** Builds an exchange rate from its input, or throws `validation_failed` with every issue. */
export function exchangeRate(input: ExchangeRateInput, decimal: DecimalSeparator = '.', table: CurrencyTable = CURRENCIES): ExchangeRate {
  const issues = checkExchangeRate(input, decimal, table);
  if (issues.length > 0) throw new DomainError('validation_failed', msg('numbers.rate_invalid_fields'), issues);
  const r = readRate(input.rate, decimal, 'rate') as Extract<RateReading, { ok: true }>;
  return Object.freeze({ from: input.from, to: input.to, on: input.on, rate: Object.freeze(r.rate), text: r.text });
}

/**
 * Problems of a list of rates taken together: the same pair twice on the same date with different rates
 * (which one applies would be a guess). Each issue names the later entry (`rates.3`).
 */
export function checkRates(rates: readonly ExchangeRate[], field = 'rates'): FieldIssue[] {
  const seen = new Map<string, ExchangeRate>();
  const issues: FieldIssue[] = [];
  rates.forEach((r, i) => {
    const key = `${r.from}>${r.to}@${r.on}`;
    const before = seen.get(key);
    if (before && cmpF(before.rate, r.rate) !== 0) {
      issues.push(issue(`${field}.${i}`, msg('numbers.rate_already_set', { from: r.from, to: r.to, rate: before.text, on: r.on }), 'duplicate'));
    } else if (!before) seen.set(key, r);
  });
  return issues;
}

/**
 * The rate that applies to convert `from` into `to` on `on`: the latest rate of that pair dated on or
 * before `on`; null when there is none. Only the pair as entered is used (enter rates towards the
 * reporting currency); the inverse pair is never inverted silently. Throws `conflict` when the latest date
 * carries two different rates.
 */
export function findRate(rates: readonly ExchangeRate[], from: string, to: string, on: string): ExchangeRate | null {
  let best: ExchangeRate | null = null;
  for (const r of rates) {
    if (r.from !== from || r.to !== to || r.on > on) continue;
    if (!best || r.on > best.on) best = r;
    else if (r.on === best.on && cmpF(r.rate, best.rate) !== 0) {
      throw new DomainError('conflict', msg('numbers.rate_two_values', { from, to, on: r.on, first: best.text, second: r.text }), [], { from, to, on: r.on });
    }
  }
  return best;
}

/** Like `findRate`, but a missing rate is an error: `validation_failed` naming the pair and the date. */
export function rateFor(rates: readonly ExchangeRate[], from: string, to: string, on: string): ExchangeRate {
  const r = findRate(rates, from, to, on);
  if (!r) {
    throw new DomainError(
      'validation_failed',
      msg('numbers.no_rate', { from, to, on }),
      [issue('rates', msg('numbers.no_rate_short', { from, to, on }), 'no_rate')],
      { from, to, on },
    );
  }
  return r;
}

/** An amount converted, with the rate used (null when the amount was already in the target currency). */
export interface Conversion {
  readonly from: Money;
  readonly to: Money;
  readonly rate: ExchangeRate | null;
  /** The exact value in minor units of the target currency, before rounding: `to.minor` is this, rounded half to even. */
  readonly exact: Fraction;
}

/**
 * Converts an amount at a rate. In minor units: exact = minor x rate x 10^(target exponent) / 10^(source
 * exponent); the result is `exact` rounded half to even, so it is never more than half a minor unit of the
 * target currency away from the exact value. Throws a RangeError when the amount is not in the rate's
 * source currency (a programming error: pick the rate with `rateFor`).
 */
export function convert(amount: Money, rate: ExchangeRate, table: CurrencyTable = CURRENCIES): Conversion {
  if (amount.currency !== rate.from) throw new RangeError(`A ${rate.from} to ${rate.to} rate cannot convert ${amount.currency}`);
  const eFrom = BigInt(exponentOf(rate.from, table));
  const eTo = BigInt(exponentOf(rate.to, table));
  const exact = frac(amount.minor * rate.rate.num * 10n ** eTo, rate.rate.den * 10n ** eFrom);
  return Object.freeze({ from: amount, to: { minor: roundHalfEven(exact), currency: rate.to }, rate, exact });
}

/** A pair and date for which no rate was found. */
export interface MissingRate {
  readonly from: string;
  readonly to: string;
  readonly on: string;
}

/** Several amounts expressed in one currency on one date, with every rate used and every rate missing. */
export interface Total {
  readonly currency: string;
  readonly on: string;
  /** The total in `currency`; null when a rate is missing (never a partial, wrong number). */
  readonly total: Money | null;
  /** One conversion per source currency, in code order (the target currency itself included, with rate null). */
  readonly conversions: readonly Conversion[];
  readonly ratesUsed: readonly ExchangeRate[];
  readonly missing: readonly MissingRate[];
}

/**
 * Adds amounts of any currencies in `currency`, with the rates that apply on `on` (the latest on or before
 * it). The amounts of each currency are added exactly first and converted once, so the total is rounded at
 * most once per source currency. A missing rate makes the total null and is listed; it does not throw,
 * so a report can say what it lacks.
 */
export function totalIn(amounts: readonly Money[], currency: string, rates: readonly ExchangeRate[], on: string, table: CurrencyTable = CURRENCIES): Total {
  exponentOf(currency, table);
  const sums = new Map<string, bigint>();
  for (const a of amounts) sums.set(a.currency, (sums.get(a.currency) ?? 0n) + a.minor);
  const conversions: Conversion[] = [];
  const missing: MissingRate[] = [];
  for (const code of [...sums.keys()].sort()) {
    const from: Money = { minor: sums.get(code)!, currency: code };
    if (code === currency) {
      conversions.push(Object.freeze({ from, to: from, rate: null, exact: frac(from.minor) }));
      continue;
    }
    const rate = findRate(rates, code, currency, on);
    if (rate) conversions.push(convert(from, rate, table));
    else missing.push({ from: code, to: currency, on });
  }
  const total = missing.length ? null : { minor: conversions.reduce((s, c) => s + c.to.minor, 0n), currency };
  const ratesUsed = conversions.flatMap((c) => (c.rate ? [c.rate] : []));
  return Object.freeze({ currency, on, total, conversions, ratesUsed, missing });
}
