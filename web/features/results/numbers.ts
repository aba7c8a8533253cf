/**
 * Exact numbers as the API gives them (decimal text "1234.5", or a ratio "1/3" when the decimal repeats) shown in
 * the reader's locale without passing large values through floating point, and summed exactly for the form's hints.
 */

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;
const RATIO = /^(-?\d+)\/(\d+)$/;

/** Whether the text is a plain decimal the API accepts for a numeric measure ("1200", "37.5", "-4"). */
export const isDecimalText = (s: string): boolean => DECIMAL.test(s.trim());
/** Whole numbers only (nominal and ordinal measures: category and rank codes). */
export const isWholeText = (s: string): boolean => /^-?\d+$/.test(s.trim());

/** The value as a float, for charts only (never for deciding anything). */
export function approx(s: string | null | undefined): number | null {
  if (s === null || s === undefined || s === '') return null;
  const r = RATIO.exec(s);
  if (r) return Number(r[1]) / Number(r[2]);
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/**
 * Formats exact decimal text in a locale: the integer part through BigInt (grouping without losing digits), the
 * fraction kept as written (at most `maxFraction` digits, rounded down for display). A ratio shows as "≈ 0.33".
 */
export function formatExact(s: string | null | undefined, locale: string, maxFraction = 6): string {
  if (s === null || s === undefined || s === '') return '—';
  const m = DECIMAL.exec(s);
  if (!m) {
    const n = approx(s);
    return n === null ? s : `≈ ${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(n)}`;
  }
  const [, neg, int, frac = ''] = m;
  const parts = new Intl.NumberFormat(locale).formatToParts(1.5);
  const sep = parts.find((p) => p.type === 'decimal')?.value ?? '.';
  const intText = new Intl.NumberFormat(locale).format(BigInt(int));
  const f = frac.slice(0, maxFraction).replace(/0+$/, '');
  return `${neg && (BigInt(int) !== 0n || /[1-9]/.test(f)) ? '-' : ''}${intText}${f ? sep + f : ''}`;
}

/** Exact sum of decimal texts (null when one is not a decimal). */
export function sumDecimals(values: readonly string[]): string | null {
  let scale = 0;
  for (const v of values) {
    const m = DECIMAL.exec(v.trim());
    if (!m) return null;
    scale = Math.max(scale, (m[3] ?? '').length);
  }
  let total = 0n;
  for (const v of values) {
    const [, neg, int, frac = ''] = DECIMAL.exec(v.trim())!;
    const n = BigInt(int + frac.padEnd(scale, '0'));
    total += neg ? -n : n;
  }
  const negative = total < 0n;
  const digits = (negative ? -total : total).toString().padStart(scale + 1, '0');
  const int = digits.slice(0, digits.length - scale);
  const frac = scale ? digits.slice(digits.length - scale).replace(/0+$/, '') : '';
  return `${negative ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
}

/** Whether two decimal texts are the same number. */
export const sameDecimal = (a: string, b: string): boolean => sumDecimals([a, b.trim().startsWith('-') ? b.trim().slice(1) : `-${b.trim()}`]) === '0';

/** A weight as typed by people ("2", "0.25", "1/3") as the API takes it. */
export const weightOut = (w: string): string | null => (w.trim() ? w.trim() : null);

/**
 * Money in the reader's locale with its currency, from the API's exact decimal text ("250000.00"): Intl formats
 * decimal strings exactly (no float on the way), with the currency's own number of decimals.
 */
export function formatMoney(amount: string, currency: string, locale: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount as unknown as number);
  } catch {
    return `${formatExact(amount, locale)} ${currency}`;
  }
}
