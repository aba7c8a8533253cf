import type { TFunction } from 'i18next';
import type { DecisionOutcome } from '../../lib/types';

type Condition = DecisionOutcome['conditions'][number];
type Terms = NonNullable<Condition['terms']>;

export interface ConditionText {
  label: string;
  required: string;
  actual: string;
  /** The language the texts are in: the reader's, or English for outcomes stored before terms existed. */
  lang: string | undefined;
}

/**
 * A condition row in the reader's language, from the terms the server sends with every counted condition.
 * Numbers come as exact decimal text and are only formatted here (never used to decide anything).
 * Outcomes without terms fall back to the server's English sentences.
 */
export function conditionText(c: Condition, t: TFunction, locale: string): ConditionText {
  if (!c.terms) return { label: c.label, required: c.required, actual: c.actual, lang: 'en' };
  const n = (text: string | number): string => {
    const v = typeof text === 'number' ? text : Number(text);
    return Number.isFinite(v) ? new Intl.NumberFormat(locale, { maximumFractionDigits: 4 }).format(v) : String(text);
  };
  const p = (text: string): string => t('explain.percent', { value: n(text) });
  const k: Terms = c.terms;
  const scoped = (key: string): string => (k.scope ? t(`explain.label.${key}Of`, { scope: k.scope }) : t(`explain.label.${key}`));
  const custom = k.custom ? (k.scope && !k.kind.startsWith('veto') ? `${k.custom}: ${k.scope}` : k.custom) : null;
  switch (k.kind) {
    case 'quorum_count':
      return { label: custom ?? scoped('quorum'), required: t('explain.required.atLeastPresent', { count: k.count, n: n(k.count) }), actual: t('explain.actual.present', { n: n(k.present) }), lang: undefined };
    case 'quorum_share': {
      const req = t(k.strict ? 'explain.moreThan' : 'explain.atLeast', { value: p(k.ratio) });
      const base = t(`explain.quorumBase.${k.base}`);
      const hint = k.needed !== null ? ` ${t('explain.required.neededOf', { needed: n(k.needed), total: n(k.total) })}` : '';
      return {
        label: custom ?? scoped('quorum'),
        required: `${t('explain.required.shareOf', { requirement: req, base })}${hint}`,
        actual: t('explain.actual.sharePresent', { share: p(k.share), present: n(k.present), total: n(k.total) }),
        lang: undefined,
      };
    }
    case 'threshold': {
      const req = t(k.strict ? 'explain.moreThan' : 'explain.atLeast', { value: p(k.ratio) });
      const base = t(`explain.thresholdBase.${k.base}`);
      const hint = k.needed !== null ? ` ${t('explain.required.neededYes', { needed: n(k.needed), total: n(k.total) })}` : '';
      return {
        label: custom ?? scoped('threshold'),
        required: `${t('explain.required.shareOf', { requirement: req, base })}${hint}`,
        actual: k.share === null ? t('explain.actual.noBase', { base }) : t('explain.actual.shareYes', { share: p(k.share), yes: n(k.yes), total: n(k.total) }),
        lang: undefined,
      };
    }
    case 'min_yes':
      return { label: custom ?? scoped('minYes'), required: t('explain.required.minYes', { count: k.count, n: n(k.count) }), actual: t('explain.actual.yes', { n: n(k.yes) }), lang: undefined };
    case 'veto_seat':
      return {
        label: custom ?? t('explain.label.veto', { scope: k.scope }),
        required: t('explain.required.vetoSeat', { scope: k.scope }),
        actual: k.choice ? t('explain.actual.voted', { scope: k.scope, choice: t(`choice.${k.choice}`, { defaultValue: k.choice }) }) : t('explain.actual.didNotVote', { scope: k.scope }),
        lang: undefined,
      };
    case 'veto_group':
      return {
        label: custom ?? t('explain.label.vetoGroup', { scope: k.scope }),
        required: t(k.unanimous ? 'explain.required.unanimous' : 'explain.required.moreYes'),
        actual: t('explain.actual.yesNo', { yes: n(k.yes), no: n(k.no) }),
        lang: undefined,
      };
    case 'consensus':
      return {
        label: custom ?? t('explain.label.consensus'),
        required: k.maxStandAsides === null ? t('explain.required.noBlock') : t('explain.required.noBlockCapped', { count: k.maxStandAsides, n: n(k.maxStandAsides) }),
        actual: t('explain.actual.consensus', { agree: n(k.agree), standAside: n(k.standAside), block: n(k.block) }),
        lang: undefined,
      };
    case 'consent':
      return {
        label: custom ?? t('explain.label.consent'),
        required: t('explain.required.noObjection'),
        actual: k.open ? t('explain.actual.openObjections', { count: k.open, seats: k.seats }) : t('explain.actual.noObjection', { count: k.settled, n: n(k.settled) }),
        lang: undefined,
      };
    case 'all':
    case 'any':
      return {
        label: custom ?? t(`explain.label.${k.kind}`),
        required: k.kind === 'all' ? t('explain.required.allOf', { count: k.total, n: n(k.total) }) : t('explain.required.anyOf'),
        actual: t('explain.actual.passing', { passing: n(k.passing), total: n(k.total) }),
        lang: undefined,
      };
  }
}
