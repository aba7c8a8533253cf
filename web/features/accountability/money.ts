/**
 * Money as the API sends it ({ amount: "1234.56", minor: "123456", currency }) written per locale without float
 * arithmetic: the integer part is formatted as a BigInt and the decimals are the exact digits of the minor units.
 * Floats appear only to draw (bar lengths, chart axes).
 */
import { CURRENCY_EXPONENTS } from '../../../src/domain/accountability/currency';

export interface Money {
  minor: string;
  currency: string;
}

const exponentOf = (currency: string): number => CURRENCY_EXPONENTS[currency] ?? 2;

function currencyFormat(locale: string, currency: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency, ...options });
  } catch {
    return new Intl.NumberFormat(locale, options);
  }
}

/** "€1,234.56" / "1 234,56 €": exact, per locale. */
export function formatMoney(m: Money, locale: string): string {
  const e = exponentOf(m.currency);
  const negative = m.minor.startsWith('-');
  const digits = (negative ? m.minor.slice(1) : m.minor).replace(/^0+(?=\d)/, '').padStart(e + 1, '0');
  const int = BigInt(digits.slice(0, digits.length - e) || '0');
  const frac = e ? digits.slice(digits.length - e) : '';
  const fmt = currencyFormat(locale, m.currency, { minimumFractionDigits: e, maximumFractionDigits: e });
  // format -1 when the integer part is 0 so the sign survives, then put our digits in place
  let intSeen = false;
  return fmt
    .formatToParts(negative ? (int === 0n ? -1n : -int) : int)
    .map((p) => {
      if (p.type === 'fraction') return frac;
      if (negative && int === 0n && p.type === 'integer') return intSeen ? '' : ((intSeen = true), '0');
      return p.value;
    })
    .join('');
}

/** For drawing only. */
export const toNumber = (m: Money): number => Number(m.minor) / 10 ** exponentOf(m.currency);

/** "€1.2M": for tiles and axes; the exact figure goes in a tooltip or a table. */
export function formatCompact(m: Money, locale: string): string {
  return currencyFormat(locale, m.currency, { notation: 'compact', maximumFractionDigits: 1 }).format(toNumber(m));
}

/** An axis label of a chart in a currency. */
export const axisMoney = (v: number, currency: string, locale: string) => currencyFormat(locale, currency, { notation: 'compact', maximumFractionDigits: 1 }).format(v);

/** Adds amounts of one currency exactly. */
export function sum(ms: readonly (Money | null | undefined)[], currency: string): Money {
  return { minor: ms.reduce((s, m) => s + (m ? BigInt(m.minor) : 0n), 0n).toString(), currency };
}

/** The API's display percentage ("26.5") per locale: "26.5%" / "26,5 %". */
export function formatPercent(percent: string | number | null | undefined, locale: string): string {
  if (percent === null || percent === undefined || percent === '') return '—';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(Number(percent) / 100);
}

/** A percentage for a bar: 0 to 100. */
export const barValue = (percent: string | number | null | undefined) => Math.max(0, Math.min(100, Number(percent ?? 0) || 0));
