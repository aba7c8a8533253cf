import type { TFunction } from 'i18next';
import type { CharterFinding } from '../../lib/types';

export interface FindingText {
  text: string;
  /** The language of the text: the reader's, or English when the server's sentence is shown (a code this app does not know). */
  lang: string | undefined;
}

type Params = NonNullable<CharterFinding['params']>;

/**
 * Which translation key says a finding, with the values it needs and the number that picks a plural form. Most codes
 * are said by `finding.<code>` with the params as they are; a few choose a variant or word a param first.
 */
function wording(code: string, p: Params, t: TFunction): { key: string; values: Record<string, string | number>; count?: number } | null {
  switch (code) {
    case 'never_passes_too_few_seats':
      return { key: p.group === undefined ? `${code}_body` : code, values: p, count: Number(p.seats) };
    case 'type_without_voting_seat':
      return { key: p.body === undefined ? `${code}_charter` : code, values: p };
    case 'unknown_rule':
      return { key: code, values: { ...p, rules: p.rules === '' || p.rules === undefined ? t('finding.none') : p.rules } };
    case 'unreachable_seconder_groups':
      return { key: code, values: p, count: Number(p.seconders) };
    case 'unreachable_top_groups':
      return { key: code, values: p, count: Number(p.groups) };
    case 'ballot_mismatch': {
      const families = String(p.families ?? '')
        .split(',')
        .filter(Boolean)
        .map((f) => t(`finding.family.${f}`, { defaultValue: '' }));
      const misfit = t(`finding.misfit.${String(p.ballot)}`, { defaultValue: '' });
      if (!misfit || families.length === 0 || families.some((f) => !f)) return null;
      return { key: code, values: { ...p, families: families.join(t('finding.and')), misfit } };
    }
    default:
      return { key: code, values: p };
  }
}

/**
 * A finding of the charter check in the reader's language, from its code and params; the server's English sentence
 * (marked as English) for a finding whose code this app has no wording for.
 */
export function findingText(f: CharterFinding, t: TFunction): FindingText {
  if (!f.code) return { text: f.message, lang: 'en' };
  const how = wording(f.code, f.params ?? {}, t);
  if (!how) return { text: f.message, lang: 'en' };
  const { key, values, count } = how;
  // the values go in `replace`, so a param can never be read as an i18next option (count, context, lng, ...)
  const text = t(`finding.${key}`, { replace: values, ...(count === undefined || Number.isNaN(count) ? {} : { count }), defaultValue: '' });
  return text ? { text, lang: undefined } : { text: f.message, lang: 'en' };
}
