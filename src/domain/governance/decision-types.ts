/**
 * Decision types: how one kind of decision is taken (its rule, body, ballot, proposers, seconders, voting window,
 * anonymity, hidden results, recusal), with every default applied; and the pure checks a decision must pass before
 * voting opens (seconding, proxies, the voting window). No I/O. Semantics are documented in docs/domain/charter.md.
 */
import { DomainError, issue, type FieldIssue } from '../kernel/errors';
import { msg } from '../kernel/messages';
import { conditionFamilies, indexGroups, PROPOSER_ROLES, type BallotKind, type Charter, type DecisionType, type ProposerRole, type Rule, type Seat } from './charter';
import type { Choice } from './count';

/** A decision type with its defaults applied. */
export interface ResolvedDecisionType {
  id: string;
  /** The decision type's label, else its rule's label, else its id. */
  label: string;
  /** The name of the rule that counts it. */
  rule: string;
  /** The body that decides; null = every seat of the charter (a charter without bodies). */
  body: string | null;
  ballot: BallotKind;
  proposers: ProposerRole[];
  /** 0 and 0 when no seconders are required. */
  seconders: { count: number; distinctGroups: number };
  window: { minHours: number | null; maxHours: number | null; closeEarly: boolean };
  anonymous: boolean;
  resultsHidden: boolean;
  recusal: boolean;
}

const has = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);

/**
 * The ballot a rule asks for: `consensus` when a consensus condition appears anywhere (stages, all/any included),
 * else `consent` when a consent condition does, else `yes_no`. A staged rule that seeks consensus first and votes
 * after (EITI: tier 1 consensus, then two-thirds) is `consensus`: the vote stages read agree as yes, stand aside as
 * abstain and block as no, so the same ballots run through every stage.
 */
export function ballotKindOfRule(rule: Rule): BallotKind {
  const families = conditionFamilies(rule);
  if (families.has('consensus')) return 'consensus';
  if (families.has('consent')) return 'consent';
  return 'yes_no';
}

const CHOICES_OF: Record<BallotKind, readonly Choice[]> = {
  yes_no: ['yes', 'no', 'abstain'],
  consent: ['consent', 'objection'],
  consensus: ['agree', 'stand_aside', 'block'],
};

/** The choices a ballot of this kind offers. */
export function choicesOf(kind: BallotKind): Choice[] {
  const choices = CHOICES_OF[kind];
  if (!choices) {
    const unknown = msg('governance.decision_types.unknown_ballot', { kind: String(kind) });
    throw new DomainError('validation_failed', unknown, [issue('ballot', unknown, 'invalid_ballot')]);
  }
  return [...choices];
}

/**
 * Every decision type of the charter with its defaults applied. Without `decisionTypes`, every rule is a decision
 * type of the same name. Defaults: body = the first body (null without bodies); ballot = `ballotKindOfRule`;
 * proposers = conveners and representatives; no seconders; no window limits, no early close; ballots open, results
 * shown; recusal allowed. Does not check the charter (use `checkCharter`).
 */
export function decisionTypesOf(charter: Charter): Record<string, ResolvedDecisionType> {
  const rules = charter.rules ?? {};
  const firstBody = charter.bodies?.[0]?.id ?? null;
  const entries: [string, DecisionType][] = charter.decisionTypes ? Object.entries(charter.decisionTypes) : Object.keys(rules).map((name) => [name, { rule: name }]);
  const out: Record<string, ResolvedDecisionType> = {};
  for (const [id, t] of entries) {
    const rule = has(rules, t.rule) ? rules[t.rule] : undefined;
    out[id] = {
      id,
      label: t.label ?? rule?.label ?? id,
      rule: t.rule,
      body: t.body ?? firstBody,
      ballot: t.ballot ?? (rule ? ballotKindOfRule(rule) : 'yes_no'),
      proposers: [...(t.proposers ?? PROPOSER_ROLES)],
      seconders: { count: t.seconders?.count ?? 0, distinctGroups: t.seconders?.distinctGroups ?? 0 },
      window: { minHours: t.window?.minHours ?? null, maxHours: t.window?.maxHours ?? null, closeEarly: t.window?.closeEarly ?? false },
      anonymous: t.anonymous ?? false,
      resultsHidden: t.resultsHidden ?? false,
      recusal: t.recusal ?? true,
    };
  }
  return out;
}

/** One decision type with its defaults; throws DomainError('validation_failed') for an unknown id. */
export function resolveDecisionType(charter: Charter, id: string): ResolvedDecisionType {
  const types = decisionTypesOf(charter);
  if (!has(types, id)) {
    const known = Object.keys(types);
    const unknown = known.length
      ? msg('governance.decision_types.unknown_decision_type', { id, known: known.join(', ') })
      : msg('governance.decision_types.unknown_decision_type_none', { id });
    throw new DomainError('validation_failed', msg('governance.decision_types.no_decision_type', { id }), [issue('decisionType', unknown, 'unknown_decision_type')]);
  }
  return types[id];
}

const typeOf = (charter: Charter, type: string | ResolvedDecisionType): ResolvedDecisionType =>
  typeof type === 'string' ? resolveDecisionType(charter, type) : type;

/**
 * The seats of a body, in the charter's order: those the body lists, or every seat when it lists none; every seat
 * of the charter when `bodyId` is null. Throws DomainError('validation_failed') for an unknown body.
 */
export function rollOf(charter: Charter, bodyId: string | null): Seat[] {
  const seats = charter.seats ?? [];
  if (bodyId === null) return [...seats];
  const body = (charter.bodies ?? []).find((b) => b.id === bodyId);
  if (!body)
    throw new DomainError('validation_failed', msg('governance.decision_types.no_body', { body: bodyId }), [issue('body', msg('governance.decision_types.unknown_body', { body: bodyId }), 'unknown_body')]);
  if (!body.seats) return [...seats];
  const ids = new Set(body.seats);
  return seats.filter((s) => ids.has(s.id));
}

/** The top-level group of a seat: the first segment of its group path. */
const topGroupOf = (seat: Seat): string | undefined => (seat.group ? seat.group.split('/')[0] : undefined);

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/**
 * Whether a proposal is seconded as its decision type requires: enough distinct seconders (the proposer does not
 * second their own proposal; a seat seconds once), and the proposer and seconders together from enough distinct
 * top-level groups. `missing` says what is still needed, in a sentence ("" when satisfied).
 */
export function checkSeconding(charter: Charter, type: string | ResolvedDecisionType, proposerSeat: Seat, seconderSeats: Seat[]): { satisfied: boolean; missing: string } {
  const { count, distinctGroups } = typeOf(charter, type).seconders;
  const seconders = new Map<string, Seat>();
  for (const s of seconderSeats) if (s.id !== proposerSeat.id && !seconders.has(s.id)) seconders.set(s.id, s);
  const groups = new Set<string>();
  for (const s of [proposerSeat, ...seconders.values()]) {
    const g = topGroupOf(s);
    if (g !== undefined) groups.add(g);
  }
  const parts: string[] = [];
  if (seconders.size < count) parts.push(`${plural(count - seconders.size, 'more seconder', 'more seconders')} needed`);
  if (groups.size < distinctGroups) {
    const names = new Map((charter.groups ?? []).map((g) => [g.id, g.name ?? g.id]));
    const sofar = [...groups].sort().map((g) => names.get(g) ?? g);
    parts.push(`proposer and seconders must come from ${plural(distinctGroups, 'top-level group', 'top-level groups')} (${groups.size} so far${sofar.length ? `: ${sofar.join(', ')}` : ''})`);
  }
  return { satisfied: parts.length === 0, missing: parts.join('; ') };
}

/**
 * Whether one holder may carry these proxies (every seat whose vote the holder would carry, the new one included):
 * proxies must be allowed; at most `maxPerHolder`; and for every cap, at most `max` seats whose group path has a
 * segment equal to the cap's `memberClass` (FSC: at most 5 organisational members' proxies, any number of
 * individual members'). A seat listed twice counts once. Returns the problems (empty = allowed).
 */
export function checkProxies(charter: Charter, holderProxies: Seat[]): FieldIssue[] {
  const seats = [...new Map(holderProxies.map((s) => [s.id, s])).values()];
  if (seats.length === 0) return [];
  const policy = charter.proxies;
  if (!policy?.allowed) return [issue('proxies', msg('governance.decision_types.proxies_not_allowed'), 'proxies_not_allowed')];
  const issues: FieldIssue[] = [];
  if (policy.maxPerHolder !== undefined && seats.length > policy.maxPerHolder)
    issues.push(issue('proxies', msg('governance.decision_types.too_many_proxies', { count: policy.maxPerHolder, total: seats.length }), 'too_many_proxies'));
  const names = new Map([...indexGroups(charter.groups).values()].map((g) => [g.group.id, g.group.name ?? g.group.id]));
  for (const cap of policy.caps ?? []) {
    const n = seats.filter((s) => (s.group ?? '').split('/').includes(cap.memberClass)).length;
    if (n > cap.max)
      issues.push(issue('proxies', msg('governance.decision_types.proxy_cap', { count: cap.max, group: names.get(cap.memberClass) ?? cap.memberClass, total: n }), 'proxy_cap'));
  }
  return issues;
}

const HOUR = 3_600_000;

/** Whether a voting window fits its decision type: it closes after it opens, and lasts between minHours and maxHours. */
export function checkWindow(charter: Charter, type: string | ResolvedDecisionType, opensAt: Date, closesAt: Date): FieldIssue[] {
  const { window } = typeOf(charter, type);
  const issues: FieldIssue[] = [];
  const open = opensAt instanceof Date ? opensAt.getTime() : NaN;
  const close = closesAt instanceof Date ? closesAt.getTime() : NaN;
  if (Number.isNaN(open)) issues.push(issue('opensAt', msg('governance.decision_types.invalid_date'), 'invalid_date'));
  if (Number.isNaN(close)) issues.push(issue('closesAt', msg('governance.decision_types.invalid_date'), 'invalid_date'));
  if (issues.length) return issues;
  if (close <= open) return [issue('closesAt', msg('governance.decision_types.window_order'), 'window_order')];
  const hours = (close - open) / HOUR;
  const shown = Number.isInteger(hours) ? `${hours}` : hours.toFixed(1);
  if (window.minHours !== null && hours < window.minHours)
    issues.push(issue('closesAt', msg('governance.decision_types.window_too_short', { count: window.minHours, shown }), 'window_too_short'));
  if (window.maxHours !== null && hours > window.maxHours)
    issues.push(issue('closesAt', msg('governance.decision_types.window_too_long', { count: window.maxHours, shown }), 'window_too_long'));
  return issues;
}

/** The decision type that adopts changes to this charter (`amendment`, default "amendment"), or null when it has none. */
export function amendmentTypeOf(charter: Charter): string | null {
  const id = charter.amendment ?? 'amendment';
  return has(decisionTypesOf(charter), id) ? id : null;
}
