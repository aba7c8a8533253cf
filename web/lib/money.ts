/**
 * Money as the ledger API sends it ({ amount: "1234.56", minor: "123456", currency }), written in the reader's
 * language without float arithmetic: the integer part is formatted as a BigInt and the decimals are the exact
 * digits of the canonical text, so a figure beyond 2^53 keeps every digit. Numbers for charts are the only
 * floats, and they are for drawing only.
 */
import { readQuantity } from '../../src/domain/accountability/commitments';
import { formatDecimalText } from './decimal-text';
import { CURRENCY_EXPONENTS, readMoney } from '../../src/domain/accountability/currency';
import type { DecimalSeparator } from '../../src/domain/kernel/decimal';

/** An amount in minor units (exact, as text) with its currency. */
export interface Money {
  minor: string;
  currency: string;
}

/** Money as the API sends it: canonical text, minor units and currency. */
export interface MoneyValue extends Money {
  amount: string;
}

export const exponentOf = (currency: string): number => CURRENCY_EXPONENTS[currency] ?? 2;

/** The currencies Accord accepts, sorted (ISO 4217 codes of the IATI list). */
export const CURRENCY_CODES: string[] = Object.keys(CURRENCY_EXPONENTS).sort();

/** Splits minor units into sign, integer part and exact decimal digits. */
function split(minor: string, exponent: number): { negative: boolean; int: bigint; frac: string } {
  const negative = minor.startsWith('-');
  const digits = (negative ? minor.slice(1) : minor).replace(/^0+(?=\d)/, '').padStart(exponent + 1, '0');
  const int = BigInt(digits.slice(0, digits.length - exponent) || '0');
  return { negative, int, frac: exponent ? digits.slice(digits.length - exponent) : '' };
}

/** "€1,234.56" / "1 234,56 €": the exact amount with its currency, per locale. */
export function formatMoney(m: Money, locale: string, options: { code?: boolean } = {}): string {
  const exponent = exponentOf(m.currency);
  const { negative, int, frac } = split(m.minor, exponent);
  let fmt: Intl.NumberFormat;
  try {
    fmt = new Intl.NumberFormat(locale, { style: 'currency', currency: m.currency, currencyDisplay: options.code ? 'code' : 'symbol', minimumFractionDigits: exponent, maximumFractionDigits: exponent });
  } catch {
    fmt = new Intl.NumberFormat(locale, { minimumFractionDigits: exponent, maximumFractionDigits: exponent });
  }
  // -1n keeps the sign even when the integer part is 0 ("-0.50"): format -1 and swap its integer for ours.
  const parts = fmt.formatToParts(negative ? (int === 0n ? -1n : -int) : int);
  let intDone = false;
  return parts
    .map((p) => {
      if (p.type === 'fraction') return frac;
      if (negative && int === 0n && p.type === 'integer') return intDone ? '' : ((intDone = true), '0');
      return p.value;
    })
    .join('');
}

/** A short figure for cards and chart labels ("€1.2M"); the exact one belongs in a tooltip or table. */
export function formatCompact(m: Money, locale: string): string {
  const value = toNumber(m);
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency: m.currency, notation: 'compact', maximumFractionDigits: 1 }).format(value);
  } catch {
    return new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(value);
  }
}

/** For drawing only (bar lengths, chart axes): never to add up or to decide anything. */
export function toNumber(m: Money): number {
  return Number(m.minor) / 10 ** exponentOf(m.currency);
}

/** An axis label of a chart in a currency ("€1.2M"). */
export function axisMoney(v: number, currency: string, locale: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 }).format(v);
  } catch {
    return new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(v);
  }
}

/** Adds amounts of one currency exactly. */
export function sum(ms: readonly (Money | null | undefined)[], currency: string): Money {
  return { minor: ms.reduce((s, m) => s + (m ? BigInt(m.minor) : 0n), 0n).toString(), currency };
}

/** A percentage as the API's display text ("26.5"), per locale: "26.5 %" / "26,5 %". */
export function formatPercent(percent: string | number | null | undefined, locale: string): string {
  if (percent === null || percent === undefined || percent === '') return '—';
  const n = Number(percent);
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(n / 100);
}

/** A percentage for a bar: 0 to 100. */
export const barValue = (percent: string | number | null | undefined): number => Math.max(0, Math.min(100, Number(percent ?? 0) || 0));

/** An exact decimal quantity ("1000000", "12.5") per locale, keeping its digits. */
export const formatQuantity = formatDecimalText;

/** The decimal separator the reader types: "," in French and Spanish, "." in English. */
export function decimalOf(locale: string): DecimalSeparator {
  return new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value === ',' ? ',' : '.';
}

/**
 * Reads an amount typed in the reader's language ("1 234,56" in French) exactly, with the domain's rules, into
 * minor units and the API's canonical text ("1234.56"). Null when empty; `error` when it cannot be read.
 */
export function readAmount(text: string, currency: string, locale: string): { minor: bigint; text: string } | { error: string } | null {
  if (!text.trim()) return null;
  const r = readMoney(text.trim(), currency, { decimal: decimalOf(locale) });
  if (!r.ok) return { error: r.issue.code ?? 'invalid' };
  return { minor: r.money.minor, text: minorToAmount(r.money.minor, exponentOf(currency)) };
}

/** Reads a quantity typed in the reader's language into canonical text ("12,5" -> "12.5"). */
export function readQuantityText(text: string, locale: string): string | { error: string } | null {
  if (!text.trim()) return null;
  const r = readQuantity(text.trim(), 'unit', decimalOf(locale));
  return r.ok ? r.quantity.value : { error: r.issue.code ?? 'invalid' };
}

/** Canonical amount text written back for editing in the reader's language ("1234.56" -> "1234,56"). */
export const amountForInput = (canonical: string, locale: string) => (decimalOf(locale) === ',' ? canonical.replace('.', ',') : canonical);

/** Minor units as canonical text in major units: 123456n, 2 -> "1234.56". */
export function minorToAmount(minor: bigint, exponent: number): string {
  const neg = minor < 0n;
  const s = (neg ? -minor : minor).toString().padStart(exponent + 1, '0');
  const text = exponent ? `${s.slice(0, s.length - exponent)}.${s.slice(s.length - exponent)}` : s;
  return neg ? `-${text}` : text;
}

/** The same amount with a minus in front, for a credit shown as negative. */
export const negate = (m: MoneyValue): MoneyValue =>
  m.minor.startsWith('-') ? { ...m, minor: m.minor.slice(1), amount: m.amount.slice(1) } : m.minor === '0' ? m : { ...m, minor: `-${m.minor}`, amount: `-${m.amount}` };
