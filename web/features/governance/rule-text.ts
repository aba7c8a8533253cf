/**
 * Counting rules in plain language, from the rule JSON of a charter, in the reader's language:
 * "more than 50% yes of votes cast, in each of environmental chamber, social chamber and economic chamber
 * AND at least two-thirds yes of votes cast".
 */
import type { TFunction } from 'i18next';
import type { Charter, Condition, QuorumCondition, Requirement, Rule, Scoped } from '../../../src/domain/governance/charter';
import { usesShares } from '../../../src/domain/governance/charter';
import { groupNames } from './charter-model';

export interface RuleText {
  /** The quorum, as one sentence. */
  quorum: string;
  /** One line per stage (a simple rule has one line without a stage name). */
  stages: { name: string | null; text: string; onFail: string | null }[];
}

function list(items: string[], locale: string): string {
  try {
    return new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);
  } catch {
    return items.join(', ');
  }
}

/** The formatter for one charter: group and seat names come from the charter itself. */
export function ruleFormatter(charter: Charter, t: TFunction, locale: string) {
  const names = groupNames(charter);
  const shares = usesShares(charter) || (charter.seats ?? []).some((s) => s.weight !== undefined && s.weight !== '1');
  const topGroups = (charter.groups ?? []).map((g) => g.name ?? g.id);
  const seat = (id: string) => (charter.seats ?? []).find((s) => s.id === id)?.name ?? id;

  const requirement = (r: Requirement | undefined): string => {
    const kind = r?.kind ?? 'majority';
    if (kind === 'majority') return r?.strict === false ? t('rules.req.atLeastHalf') : t('rules.req.majority');
    if (kind === 'two_thirds') return r?.strict ? t('rules.req.moreThanTwoThirds') : t('rules.req.twoThirds');
    const num = r?.num ?? 0;
    const den = r?.den || 1;
    if (num === den) return r?.strict ? t('rules.req.moreThanAll') : t('rules.req.all');
    const pct = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(num / den);
    return t(r?.strict ? 'rules.req.moreThanFraction' : 'rules.req.atLeastFraction', { fraction: `${num}/${den}`, percent: pct });
  };

  const scope = (c: Scoped): string => {
    if (c.group) return t('rules.scope.group', { group: names(c.group) });
    if (c.eachGroup === 'top') return t('rules.scope.each', { groups: list(topGroups, locale) });
    if (Array.isArray(c.eachGroup)) return t('rules.scope.each', { groups: list(c.eachGroup.map(names), locale) });
    return '';
  };

  const measure = (m: 'count' | 'weight' | undefined, fallback: 'count' | 'weight'): string => {
    if (!shares) return '';
    return (m ?? fallback) === 'weight' ? t('rules.measure.weight') : t('rules.measure.count');
  };

  const seatsOf = (c: Scoped & { seats?: number }): string => {
    if (c.seats) return String(c.seats);
    const g = c.group ? (charter.groups ?? []).find((x) => x.id === c.group) : undefined;
    return g?.seats ? String(g.seats) : '';
  };

  const quorumOne = (q: QuorumCondition): string => {
    const where = scope(q);
    if (typeof q.count === 'number') return t('rules.quorum.count', { count: q.count, scope: where, nonVoting: q.countNonVoting ? t('rules.quorum.nonVoting') : '' });
    const base = q.base ?? 'all_members';
    const baseText =
      base === 'present'
        ? t('rules.quorum.basePresent')
        : base === 'fixed_membership'
          ? t('rules.quorum.baseFixed', { seats: seatsOf(q) || t('rules.quorum.theSeats') })
          : (q.measure ?? 'count') === 'weight'
            ? t('rules.quorum.baseWeight')
            : t('rules.quorum.baseMembers');
    return t('rules.quorum.min', { require: requirement(q.min), base: baseText, scope: where });
  };

  const quorum = (rule: Rule): string => {
    if (rule.quorum === undefined) return t('rules.quorum.default');
    if (!Array.isArray(rule.quorum) || rule.quorum.length === 0) return t('rules.quorum.none');
    return rule.quorum.map(quorumOne).join(` ${t('rules.and')} `);
  };

  const condition = (c: Condition, nested = false): string => {
    switch (c?.kind) {
      case 'threshold': {
        const base = c.base;
        const baseText =
          base === 'votes_cast'
            ? t('rules.base.votesCast')
            : base === 'present'
              ? t('rules.base.present')
              : base === 'all_members'
                ? t('rules.base.allMembers')
                : t('rules.base.fixed', { seats: seatsOf(c) || t('rules.quorum.theSeats') });
        return t('rules.threshold', { require: requirement(c.require), base: baseText, measure: measure(c.measure, 'weight'), scope: scope(c) });
      }
      case 'min_yes':
        return t('rules.minYes', { count: c.count, scope: scope(c) });
      case 'veto':
        if (c.seat) return t('rules.veto.seat', { seat: seat(c.seat) });
        return c.agree === 'majority' ? t('rules.veto.groupMajority', { group: names(c.group) }) : t('rules.veto.groupUnanimous', { group: names(c.group) });
      case 'consensus':
        return typeof c.maxStandAsides === 'number' ? t('rules.consensusCapped', { count: c.maxStandAsides }) : t('rules.consensus');
      case 'consent':
        return t('rules.consent');
      case 'all':
      case 'any': {
        const parts = (Array.isArray(c.of) ? c.of : []).map((x) => condition(x, true));
        const joined = parts.join(` ${c.kind === 'all' ? t('rules.and') : t('rules.or')} `);
        return nested && parts.length > 1 ? `(${joined})` : joined;
      }
      default:
        return t('rules.unknown');
    }
  };

  /** The whole rule: its quorum and what it takes to pass, stage by stage. */
  const rule = (r: Rule | undefined): RuleText => {
    if (!r) return { quorum: '', stages: [] };
    if (r.kind === 'staged') {
      const stages = Array.isArray(r.stages) ? r.stages : [];
      return {
        quorum: quorum(r),
        stages: stages.map((s, i) => {
          const last = i === stages.length - 1;
          const onFail = s.onFail ?? 'next';
          return {
            name: s.grade ?? s.id,
            text: condition(s.pass),
            onFail: onFail === 'refer' ? t('rules.onFail.refer') : onFail === 'reject' || last ? t('rules.onFail.reject') : t('rules.onFail.next'),
          };
        }),
      };
    }
    return { quorum: quorum(r), stages: [{ name: null, text: condition(r.pass), onFail: null }] };
  };

  return { rule, condition, requirement };
}
