/**
 * Exact decimal numbers: text in, BigInt fractions out, and back. Pure; nothing here is ever a float.
 *
 * Two readers, for two kinds of input:
 * - `readDecimal` (and `splitDecimal` under it) reads decimal text as a person writes it, with a stated
 *   decimal separator and optional group separators ("1,234.56" with ".", "1.234,56" with ","), and says
 *   what is wrong when it cannot. Money, quantities and exchange rates are read this way.
 * - `parseDecimal` reads a plain decimal ("-3.25") or a finite JSON number, which it takes by its shortest
 *   decimal form (`String(n)`), the literal a person typed: 0.1 is exactly 1/10, not the binary double
 *   closest to it. Null for anything else. Indicator values, risk percents and weights are read this way.
 *
 * `decimalText` writes the canonical form back ("12.5": no grouping, "." as separator, no trailing zeros).
 */
import { frac, type Fraction } from './fraction';
import { msg, render, type Msg } from './messages';

// ---- building ---------------------------------------------------------------------------------------------------

/** The value of the digits `int`.`fraction` (times 10^exponent), negated when `negative`. */
export function decimalFromDigits(negative: boolean, int: string, fraction = '', exponent = 0): Fraction {
  const digits = BigInt(int + fraction);
  const scale = exponent - fraction.length;
  const num = negative ? -digits : digits;
  return scale >= 0 ? frac(num * 10n ** BigInt(scale)) : frac(num, 10n ** BigInt(-scale));
}

// ---- text as a person writes it ---------------------------------------------------------------------------------

/** The decimal separator a text uses. The other one (and spaces or apostrophes) may group thousands. */
export type DecimalSeparator = '.' | ',';

const SPACES_AND_APOSTROPHES = " \u00a0\u202f'\u2019";
const GROUPS_FOR: Record<DecimalSeparator, string> = { '.': ',' + SPACES_AND_APOSTROPHES, ',': '.' + SPACES_AND_APOSTROPHES };
/** Longer text is refused by `splitDecimal` before any BigInt work. */
export const MAX_TEXT_LENGTH = 60;

/** Decimal text taken apart: its sign, its integer digits and its fraction digits (grouping removed). */
export interface DecimalParts {
  negative: boolean;
  int: string;
  fraction: string;
}

/** Why a text is not a decimal number: a message for a person (in English, and as `msg` for any language) and a stable code. */
export interface DecimalProblem {
  message: string;
  code: string;
  msg: Msg;
}

const problem = (m: Msg, code: string): DecimalProblem => ({ message: render(m), code, msg: m });

/**
 * Splits decimal text into sign, integer digits and fraction digits. Group separators are optional but,
 * when used, must group correctly (1,234,567 or the Indian 12,34,567): a misplaced one usually means the
 * other decimal separator was meant, so it is refused rather than guessed.
 */
export function splitDecimal(raw: string, decimal: DecimalSeparator): DecimalParts | DecimalProblem {
  const text = raw.trim();
  if (!text) return problem(msg('numbers.enter_number'), 'required');
  if (text.length > MAX_TEXT_LENGTH) return problem(msg('numbers.at_most_characters', { max: MAX_TEXT_LENGTH }), 'too_long');
  const negative = text.startsWith('-');
  const body = negative ? text.slice(1) : text;
  const other: DecimalSeparator = decimal === '.' ? ',' : '.';
  const at = body.indexOf(decimal);
  const intText = at < 0 ? body : body.slice(0, at);
  const fraction = at < 0 ? '' : body.slice(at + 1);
  if (at >= 0 && !/^\d+$/.test(fraction)) {
    if (fraction.includes(decimal) || fraction.includes(other)) {
      return problem(msg('numbers.separator_after_decimal', { found: fraction.includes(decimal) ? decimal : other, decimal, other }), 'invalid_number');
    }
    return problem(msg('numbers.digits_after_decimal', { decimal }), 'invalid_number');
  }
  if (!/^\d/.test(intText)) return problem(msg('numbers.only_a_number'), 'invalid_number');
  if (/^\d+$/.test(intText)) return { negative, int: intText, fraction };
  const seps = [...new Set(intText.replace(/\d/g, ''))];
  if (seps.length !== 1 || !GROUPS_FOR[decimal].includes(seps[0])) {
    if (seps.includes(decimal)) return problem(msg('numbers.several_decimal_separators'), 'invalid_number');
    return problem(msg('numbers.only_a_number'), 'invalid_number');
  }
  const groups = intText.split(seps[0]);
  const [first, ...rest] = groups;
  const last = rest[rest.length - 1];
  const middle = rest.slice(0, -1);
  const wellGrouped =
    /^\d{1,3}$/.test(first) &&
    /^\d{3}$/.test(last) &&
    (middle.every((g) => /^\d{3}$/.test(g)) || middle.every((g) => /^\d{2}$/.test(g)));
  if (!wellGrouped) {
    const m = seps[0] === other ? msg('numbers.bad_grouping_hint', { separator: seps[0], other }) : msg('numbers.bad_grouping', { separator: seps[0] });
    return problem(m, 'invalid_number');
  }
  return { negative, int: groups.join(''), fraction };
}

/** Decimal text read exactly: its value, how many decimals it was written with, or why it is not a number. */
export type DecimalReading = { ok: true; value: Fraction; decimals: number } | ({ ok: false } & DecimalProblem);

/**
 * Reads decimal text exactly with the stated decimal separator ("1,000,000", "12.5", "0,75" with ","),
 * by the same rules as money text. A leading minus sign is read; callers refuse it where it makes no sense.
 */
export function readDecimal(text: string, decimal: DecimalSeparator = '.'): DecimalReading {
  const parts = splitDecimal(String(text), decimal);
  if ('message' in parts) return { ok: false, message: parts.message, code: parts.code, msg: parts.msg };
  return { ok: true, value: decimalFromDigits(parts.negative, parts.int, parts.fraction), decimals: parts.fraction.length };
}

// ---- plain decimals and JSON numbers ----------------------------------------------------------------------------

const PLAIN_DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;
const NUMBER_DECIMAL = /^(-)?(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;
/** Longer text is refused by `parseDecimal`: no real quantity needs it, and it keeps BigInt work bounded. */
export const MAX_DECIMAL_LENGTH = 40;

/**
 * Reads an exact decimal: text like "12", "-3.25", "0.125", or a finite JSON number (by its shortest form).
 * Null for anything else: "1,000", "12 doses", "1e3" as text, "", NaN, Infinity, booleans.
 */
export function parseDecimal(value: unknown): Fraction | null {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    const m = NUMBER_DECIMAL.exec(String(value));
    if (!m) return null;
    return decimalFromDigits(m[1] !== undefined, m[2], m[3], m[4] ? Number(m[4]) : 0);
  }
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (text.length === 0 || text.length > MAX_DECIMAL_LENGTH) return null;
  const m = PLAIN_DECIMAL.exec(text);
  return m ? decimalFromDigits(m[1] !== undefined, m[2], m[3]) : null;
}

// ---- writing ----------------------------------------------------------------------------------------------------

/**
 * The exact, canonical decimal text of a fraction when it has one ("33.5", "-0.125", "100": no grouping, "."
 * as separator, no trailing zeros); null when it repeats forever (1/3).
 */
export function decimalTextOrNull(f: Fraction): string | null {
  let d = f.den;
  let twos = 0;
  let fives = 0;
  while (d % 2n === 0n) [d, twos] = [d / 2n, twos + 1];
  while (d % 5n === 0n) [d, fives] = [d / 5n, fives + 1];
  if (d !== 1n) return null;
  const places = Math.max(twos, fives);
  if (places === 0) return f.num.toString();
  const scaled = f.num * (10n ** BigInt(places) / f.den);
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(places + 1, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -places)}.${digits.slice(-places)}`;
}

/**
 * Like `decimalTextOrNull` for a value known to have a finite decimal form: throws a RangeError for a
 * repeating value (1/3). Sums and differences of decimal numbers always end.
 */
export function decimalText(f: Fraction): string {
  const text = decimalTextOrNull(f);
  if (text === null) throw new RangeError('The value has no finite decimal form');
  return text;
}
