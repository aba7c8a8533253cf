/** Exact decimal numbers from the API (text such as "1000000" or "0.9134") written in the reader's language. */

/** An exact decimal ("1000000", "-12.5") per locale, keeping every digit: the integer part grouped, the decimal mark of the locale. */
export function formatDecimalText(value: string, locale: string): string {
  const negative = value.startsWith('-');
  const [i, f = ''] = (negative ? value.slice(1) : value).split('.');
  const fmt = new Intl.NumberFormat(locale);
  const int = fmt.format(negative ? -BigInt(i || '0') : BigInt(i || '0'));
  if (!f) return int;
  const decimal = fmt.formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
  return `${int}${decimal}${f}`;
}

/** The exchange rates a report used, as it states them in the reader's language: "1 USD = 0,92 EUR (28 nov. 2026); ...". */
export function ratesUsedText(rates: readonly { from: string; to: string; rate: string; on: string }[], locale: string, date: (day: string) => string): string {
  return rates.map((x) => `1 ${x.from} = ${formatDecimalText(x.rate, locale)} ${x.to} (${date(x.on)})`).join('; ');
}
