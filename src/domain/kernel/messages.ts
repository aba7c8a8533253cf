/**
 * Messages people read (a refusal's reason, a field's problem), kept as a key and parameters until the moment
 * they are shown, then worded in the reader's language: the API answers in the language of `Accept-Language`
 * (or the account's), the CLI and the logs in English.
 *
 * The wording lives in catalogs (src/domain/messages), one entry per key with its English, French and Spanish
 * side by side. Placeholders are `{{name}}`; a parameter that is itself a message (a stage, a role, "the
 * organisation") is worded in the same language. An entry whose wording depends on a number gives one text per
 * plural category (`one`, `other`, and `many` where the language has it), chosen by the `count` parameter. A
 * parameter that is a list (of words, messages or both) is worded item by item and joined with ", ". A number
 * people read as an amount (money, a quantity, a limit) is passed as a `figure`: its digits are written with the
 * reader's separators ("1,500.05" in English, "1 500,05" in French, "1500,05" in Spanish), exactly, from its
 * decimal text.
 */
import { CATALOG, type MessageKey } from '../messages';

export const LANGS = ['en', 'fr', 'es'] as const;
export type Lang = (typeof LANGS)[number];

export type MsgParam = string | number | bigint | Msg | Figure | readonly (string | number | bigint | Msg)[];
export interface Msg {
  readonly key: MessageKey;
  readonly params?: Readonly<Record<string, MsgParam>>;
}

/** A message to word later: the key must be in a catalog (checked when compiling). */
export function msg(key: MessageKey, params?: Record<string, MsgParam>): Msg {
  return params ? { key, params } : { key };
}

/**
 * An amount worded with the reader's decimal and group separators. `figure` is exact decimal text ("-1500.05",
 * "100000"): every digit is kept, none is rounded. `group` writes thousands separators (as the language groups:
 * Spanish leaves four-digit numbers whole); `prefix` and `suffix` are written as they are ("EUR ", " tonnes").
 */
export interface Figure {
  readonly figure: string;
  readonly group?: boolean;
  readonly prefix?: string;
  readonly suffix?: string;
}
const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;
export function figure(value: number | bigint | string, options: { group?: boolean; prefix?: string; suffix?: string } = {}): Figure {
  const decimal = String(value);
  if (!DECIMAL_TEXT.test(decimal)) throw new RangeError(`Not decimal text: ${decimal}`);
  return { figure: decimal, ...options };
}
/** A figure when the text is decimal ("66.6667"), else the text as it is ("2/3"). */
export const figureOrText = (text: string): Figure | string => (DECIMAL_TEXT.test(text) ? { figure: text } : text);
const isFigure = (v: unknown): v is Figure => typeof v === 'object' && v !== null && typeof (v as Figure).figure === 'string';
const integers = new Map<string, Intl.NumberFormat>();
const decimalSeparators = new Map<Lang, string>();
function wordFigure(f: Figure, lang: Lang): string {
  // the whole part through Intl (a string is formatted as the exact integer it spells, not through a float), the
  // fraction digits as they are after the language's separator: exact at any length (Intl stops at 20 digits)
  const [whole, fraction] = f.figure.split('.');
  const id = `${lang}:${f.group ? 1 : 0}`;
  let nf = integers.get(id);
  if (!nf) integers.set(id, (nf = new Intl.NumberFormat(lang, { useGrouping: f.group ? 'auto' : false, maximumFractionDigits: 0 })));
  let separator = decimalSeparators.get(lang);
  if (separator === undefined) decimalSeparators.set(lang, (separator = new Intl.NumberFormat(lang).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.'));
  return `${f.prefix ?? ''}${nf.format(whole as unknown as number)}${fraction ? separator + fraction : ''}${f.suffix ?? ''}`;
}

export const isMsg = (v: unknown): v is Msg => typeof v === 'object' && v !== null && typeof (v as Msg).key === 'string';

/** One language's wording of an entry: a text, or a text per plural category (`other` always). */
export type Wording = string | { readonly one?: string; readonly many?: string; readonly other: string };
export type Entry = Readonly<Record<Lang, Wording>>;
export type Catalog = Readonly<Record<string, Entry>>;

const plurals = new Map<Lang, Intl.PluralRules>();
const pluralOf = (lang: Lang, n: number) => {
  let rules = plurals.get(lang);
  if (!rules) plurals.set(lang, (rules = new Intl.PluralRules(lang)));
  return rules.select(n) as 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
};

/** The message worded in this language (English when the key is unknown to the language, the key itself if unknown). */
export function render(m: Msg, lang: Lang = 'en'): string {
  const entry = (CATALOG as Catalog)[m.key];
  if (!entry) return m.key;
  let wording = entry[lang] ?? entry.en;
  if (typeof wording !== 'string') {
    const count = Number(m.params?.count ?? NaN);
    wording = (Number.isFinite(count) ? wording[pluralOf(lang, count) as 'one' | 'many' | 'other'] : undefined) ?? wording.other;
  }
  if (!m.params) return wording;
  return wording.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => {
    const v = m.params![name];
    if (v === undefined) return whole;
    if (Array.isArray(v)) return v.map((x) => (isMsg(x) ? render(x, lang) : String(x))).join(', ');
    return isMsg(v) ? render(v, lang) : isFigure(v) ? wordFigure(v, lang) : String(v);
  });
}

/**
 * The language to answer in, from an `Accept-Language` header (quality values honoured, `fr-CA` counts as
 * `fr`), else the account's own, else English.
 */
export function negotiateLang(acceptLanguage: string | undefined, accountLocale?: string | null): Lang {
  if (acceptLanguage) {
    let best: Lang | null = null;
    let bestQ = 0;
    for (const part of acceptLanguage.split(',')) {
      const [tag, ...attrs] = part.trim().split(';');
      const base = tag.trim().toLowerCase().split('-')[0];
      const qAttr = attrs.map((a) => a.trim()).find((a) => a.startsWith('q='));
      const q = qAttr ? Number(qAttr.slice(2)) : 1;
      if (!Number.isFinite(q) || q <= 0) continue;
      if ((LANGS as readonly string[]).includes(base) && q > bestQ) {
        best = base as Lang;
        bestQ = q;
      }
    }
    if (best) return best;
  }
  return (LANGS as readonly string[]).includes(accountLocale ?? '') ? (accountLocale as Lang) : 'en';
}
