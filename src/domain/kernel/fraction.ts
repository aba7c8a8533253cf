/** An exact rational number with BigInt numerator and denominator, always normalised (den > 0, gcd 1). */
export interface Fraction {
  readonly num: bigint;
  readonly den: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** Makes a normalised fraction; throws on a zero denominator. */
export function frac(num: bigint | number, den: bigint | number = 1n): Fraction {
  let n = BigInt(num);
  let d = BigInt(den);
  if (d === 0n) throw new RangeError('Fraction with zero denominator');
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d) || 1n;
  return { num: n / g, den: d / g };
}

export const addF = (a: Fraction, b: Fraction): Fraction => frac(a.num * b.den + b.num * a.den, a.den * b.den);
export const subF = (a: Fraction, b: Fraction): Fraction => frac(a.num * b.den - b.num * a.den, a.den * b.den);
export const mulF = (a: Fraction, b: Fraction): Fraction => frac(a.num * b.num, a.den * b.den);
export const divF = (a: Fraction, b: Fraction): Fraction => frac(a.num * b.den, a.den * b.num);
/** Compares two fractions: negative, zero or positive like a sort comparator. */
export const cmpF = (a: Fraction, b: Fraction): number => {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
};
/** A decimal string for display only, never for deciding. */
export function fractionToString(f: Fraction, digits = 4): string {
  const neg = f.num < 0n;
  const n = neg ? -f.num : f.num;
  const scale = 10n ** BigInt(digits);
  const scaled = (n * scale * 2n + f.den) / (2n * f.den);
  const int = scaled / scale;
  const rest = (scaled % scale).toString().padStart(digits, '0');
  return `${neg && scaled !== 0n ? '-' : ''}${int}${digits > 0 ? '.' + rest : ''}`;
}
