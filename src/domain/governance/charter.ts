/**
 * The charter language: seats and who holds them, nested groups with fixed shares, bodies, rules built from
 * conditions, staged procedures, decision types, proxies, the amendment rule, the dispute ladder, and the static check
 * of a charter. Pure data and pure functions (see docs/domain/charter.md).
 */
import type { FieldIssue } from '../kernel/errors';
import { msg, render, type Msg, type MsgParam } from '../kernel/messages';
import { addF, cmpF, frac, type Fraction } from '../kernel/fraction';

/** A share or weight written as data: "1/3", "9/10" or a whole number such as "2". */
export type RatioText = string;

/** A voter's seat: held by a member organisation or an individual. `group` is a path of group ids: "a/b/c". */
export interface Seat {
  id: string;
  name?: string;
  /** Default true. Non-voting seats never cast ballots; they may count toward a quorum when the quorum says so. */
  voting?: boolean;
  group?: string;
  /** Plain per-member weight, only when no group shares are used. Default "1". */
  weight?: RatioText;
  /** Present without a ballot (a member with a ballot is always present). */
  present?: boolean;
  /** The member organisation holding the seat (its representatives vote for it). In a live partnership: the organisation's id. */
  organisation?: string;
  /** The individual holding the seat (a person's id in a live partnership). A seat has an organisation or a person, not both. */
  person?: string;
  /** A person who may vote instead of the organisation's representative. */
  alternate?: string;
  /** Holds the seat by virtue of an office (e.g. the CEO); informational, shown to people. */
  exOfficio?: boolean;
  /** Left the base for this decision by declaring a conflict of interest (set on a decision's roll, not in a charter). */
  recused?: boolean;
}

/**
 * How a group's share is spread over its members: `per_member` gives each voting member share / members (absent
 * members' power is lost); `per_present` gives each present member share / members present (the group's share is
 * scaled by its own turnout, so it always counts in full once anyone is present).
 */
export type Spread = 'per_member' | 'per_present';
export const SPREADS: readonly Spread[] = ['per_member', 'per_present'];

export interface Group {
  id: string;
  name?: string;
  /** Fixed share of the parent's vote (of the whole vote at the top). Siblings either all have shares summing to 1 or none. */
  share?: RatioText;
  spread?: Spread;
  /** Fixed number of seats including vacancies, for the `fixed_membership` base. */
  seats?: number;
  groups?: Group[];
}

export type Base = 'votes_cast' | 'present' | 'all_members' | 'fixed_membership';
export const BASES: readonly Base[] = ['votes_cast', 'present', 'all_members', 'fixed_membership'];
export type Measure = 'count' | 'weight';

/** A required proportion. `majority` is more than 1/2, `two_thirds` at least 2/3, `fraction` at least num/den (strict: more than). */
export interface Requirement {
  kind: 'majority' | 'two_thirds' | 'fraction';
  num?: number;
  den?: number;
  strict?: boolean;
}

/** Where a condition applies: everybody (default), one group, or each of several groups (every one must pass). */
export interface Scoped {
  group?: string;
  /** 'top' = every top-level group. */
  eachGroup?: 'top' | string[];
}

export interface QuorumCondition extends Scoped {
  kind: 'quorum';
  label?: string;
  /** Default 'count'. */
  measure?: Measure;
  /** An absolute number of members present (count measure only); replaces `min` and `base`. */
  count?: number;
  /** Default: a majority. */
  min?: Requirement;
  /** Default 'all_members'. 'present' makes a quorum that can never fail (the check warns). */
  base?: 'all_members' | 'fixed_membership' | 'present';
  seats?: number;
  /** Count present non-voting seats too (count measure). Default false. */
  countNonVoting?: boolean;
}

export interface ThresholdCondition extends Scoped {
  kind: 'threshold';
  label?: string;
  require: Requirement;
  base: Base;
  /** Default 'weight' (equal to a count when no shares or weights are used). fixed_membership needs 'count'. */
  measure?: Measure;
  /** Seats including vacancies for `fixed_membership`; else the group's `seats`. */
  seats?: number;
}

export interface MinYesCondition extends Scoped {
  kind: 'min_yes';
  label?: string;
  count: number;
}

/** A named seat must vote yes; or a named group must agree (unanimous: at least one yes and no no; majority: more yes than no). */
export interface VetoCondition {
  kind: 'veto';
  label?: string;
  seat?: string;
  group?: string;
  agree?: 'unanimous' | 'majority';
}

/** Passes iff there is no block; stand-asides allowed, at most `maxStandAsides` when set. */
export interface ConsensusCondition {
  kind: 'consensus';
  label?: string;
  maxStandAsides?: number;
}

/** Passes iff there is no open (unresolved) paramount objection. */
export interface ConsentCondition {
  kind: 'consent';
  label?: string;
}

export interface AllCondition {
  kind: 'all';
  label?: string;
  of: Condition[];
}
export interface AnyCondition {
  kind: 'any';
  label?: string;
  of: Condition[];
}

export type Condition =
  | ThresholdCondition
  | MinYesCondition
  | VetoCondition
  | ConsensusCondition
  | ConsentCondition
  | AllCondition
  | AnyCondition;

/** One counting rule. `quorum` omitted = the default (a majority of all voting members); `[]` = no quorum. */
export interface SimpleRule {
  kind?: 'simple';
  label?: string;
  quorum?: QuorumCondition[];
  pass: Condition;
}

export interface Stage {
  id: string;
  /** Recorded with an adopted outcome; default the stage id. */
  grade?: string;
  pass: Condition;
  /** Default 'next' (the last stage rejects). */
  onFail?: 'next' | 'refer' | 'reject';
}

export interface StagedRule {
  kind: 'staged';
  label?: string;
  quorum?: QuorumCondition[];
  stages: Stage[];
}

export type Rule = SimpleRule | StagedRule;

export type BodyKind = 'assembly' | 'board' | 'steering_committee' | 'committee' | 'working_group';
export const BODY_KINDS: readonly BodyKind[] = ['assembly', 'board', 'steering_committee', 'committee', 'working_group'];

/** A decision-making body and the seats that sit in it (default: every seat of the charter). */
export interface Body {
  id: string;
  name?: string;
  kind: BodyKind;
  seats?: string[];
}

/** The ballot options people are offered: yes/no/abstain; consent/objection (with a reason); agree/stand aside/block (a block needs a reason). */
export type BallotKind = 'yes_no' | 'consent' | 'consensus';
export const BALLOT_KINDS: readonly BallotKind[] = ['yes_no', 'consent', 'consensus'];

export type ProposerRole = 'convener' | 'representative';
export const PROPOSER_ROLES: readonly ProposerRole[] = ['convener', 'representative'];

/** How one kind of decision is taken. */
export interface DecisionType {
  label?: string;
  /** The rule that counts it (a key of `rules`). */
  rule: string;
  /** The body that decides (a `bodies` id); default the first body, or every seat when there are no bodies. */
  body?: string;
  /** Default: derived from the rule (consensus conditions -> consensus, consent -> consent, otherwise yes_no). */
  ballot?: BallotKind;
  /** Who may propose. Default: conveners and representatives. */
  proposers?: ProposerRole[];
  /** Seconders required before voting opens; `distinctGroups`: the proposer and seconders together come from at least this many top-level groups. */
  seconders?: { count: number; distinctGroups?: number };
  /** Voting window in hours: the shortest and longest allowed; `closeEarly`: a convener may close before the window ends (default false). */
  window?: { minHours?: number; maxHours?: number; closeEarly?: boolean };
  /** Ballots are secret: once anonymous, never revealed; who took part stays verifiable. */
  anonymous?: boolean;
  /** No tally is shown until the decision closes. */
  resultsHidden?: boolean;
  /** Members may declare a conflict of interest and leave the base. Default true. */
  recusal?: boolean;
}

/** Proxies: whether a seat may hand its vote to another voter, how many one holder may carry, caps per member class. */
export interface ProxyPolicy {
  allowed: boolean;
  maxPerHolder?: number;
  /** A cap on the proxies one holder carries for seats whose group path contains the segment `memberClass` (e.g. "org"). */
  caps?: { memberClass: string; max: number }[];
}

/** One step of the dispute escalation ladder (negotiation -> steering committee -> mediation -> arbitration). */
export interface DisputeStep {
  id: string;
  name?: string;
  /** A body of this charter that handles the step, when one does. */
  body?: string;
  /** Days the step may take before it escalates. */
  days?: number;
}

export interface Charter {
  name?: string;
  version?: string;
  groups?: Group[];
  seats?: Seat[];
  bodies?: Body[];
  /** Rules by name (ordinary, budget, amendment, ...). */
  rules?: Record<string, Rule>;
  /** Decision types by id, each mapped to a rule. Omitted: every rule is a decision type of the same name with the defaults. */
  decisionTypes?: Record<string, DecisionType>;
  /** The decision type that adopts changes to this charter. Default "amendment". */
  amendment?: string;
  proxies?: ProxyPolicy;
  disputes?: { ladder: DisputeStep[] };
}

/**
 * Every kind of finding of the check, one sentence each (docs/domain/charter.md lists them with their params), worded
 * by the catalog entry `charter.<code>` (src/domain/messages/charter.ts). A client words a finding in its reader's
 * language from `code` and `params` (or the API from `msg`); `message` is the English sentence.
 */
export const FINDING_CODES = [
  // seats
  'seats_not_a_list', 'seat_not_an_object', 'seat_id_required', 'duplicate_seat', 'name_not_text', 'unknown_group', 'not_a_leaf', 'no_group', 'invalid_weight', 'weight_with_shares',
  // groups
  'shares_partial', 'shares_without_parent', 'invalid_group_id', 'duplicate_group', 'invalid_share', 'invalid_spread', 'invalid_seats', 'shares_sum',
  // rules and conditions
  'invalid_requirement', 'fraction_range', 'never_passes_more_than_all', 'scope_conflict', 'each_group_without_groups', 'invalid_scope',
  'never_passes_empty_group', 'seats_missing', 'not_a_quorum', 'invalid_measure', 'invalid_count', 'never_fails_zero_quorum',
  'quorum_count_by_weight', 'invalid_quorum_base', 'fixed_membership_by_weight', 'never_fails_present_base', 'label_not_text', 'invalid_base',
  'fixed_membership_needs_count', 'invalid_yes_count', 'never_passes_too_few_seats', 'invalid_veto', 'invalid_veto_agree', 'unknown_seat',
  'never_passes_non_voting_seat', 'empty_combination', 'unknown_condition_kind', 'no_stages', 'invalid_stage_id', 'grade_not_text',
  'invalid_stage', 'unknown_rule_kind',
  // seat holders
  'invalid_holder', 'holder_conflict', 'alternate_without_organisation', 'invalid_flag', 'recused_in_charter',
  // bodies
  'bodies_not_a_list', 'body_not_an_object', 'body_id_required', 'duplicate_body', 'invalid_body_kind', 'body_seats_not_a_list', 'duplicate_body_seat',
  // decision types
  'decision_types_not_an_object', 'decision_type_not_an_object', 'rule_required', 'unknown_rule', 'unknown_body', 'invalid_ballot', 'ballot_mismatch',
  'proposers_not_a_list', 'no_proposers', 'invalid_proposer', 'seconders_not_an_object', 'invalid_seconders_count', 'invalid_count_non_negative',
  'unreachable_seconder_groups', 'unreachable_top_groups', 'window_not_an_object', 'invalid_window', 'window_range',
  // amendment
  'amendment_not_text', 'no_amendment_type', 'no_named_amendment_type', 'no_amendment_rule',
  // proxies
  'proxies_not_an_object', 'caps_not_a_list', 'cap_not_an_object', 'unknown_member_class', 'duplicate_member_class',
  // dispute ladder
  'ladder_not_a_list', 'empty_ladder', 'step_not_an_object', 'step_id_required', 'invalid_step_id', 'duplicate_step', 'step_name_not_text', 'invalid_days',
  // who can vote
  'body_without_voting_seat', 'type_without_voting_seat', 'seat_in_no_body', 'share_without_seat',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

/** The values a finding's sentence is made of (ids, counts, fractions as "n/d"), so a client can word it. */
export type FindingParams = Record<string, string | number>;

export interface CharterIssue extends FieldIssue {
  severity: 'error' | 'warning';
  /** The values in the sentence; absent when it has none. */
  params?: FindingParams;
  /** The sentence as a catalog message, worded in the reader's language where the finding refuses a charter. */
  msg?: Msg;
}

/** Every finding code has its sentence in the catalog (a code without one does not compile). */
const sentence = (code: FindingCode, values?: Record<string, MsgParam>): Msg => msg(`charter.${code}`, values);

/**
 * One finding; `params` only when the sentence has values. Its sentence is `charter.<code>` made of the params, or
 * `wording` where the sentence needs more than the params (a plural's count, a variant, words of its own).
 */
function finding(severity: CharterIssue['severity'], field: string, code: FindingCode, params?: FindingParams, wording?: Msg): CharterIssue {
  const m = wording ?? sentence(code, params && Object.keys(params).length ? { ...params } : undefined);
  const message = render(m);
  return params && Object.keys(params).length ? { field, message, code, severity, params, msg: m } : { field, message, code, severity, msg: m };
}

/** A value from the document as the sentence shows it (whatever JSON put there). */
const str = (x: unknown): string => String(x);

// ---------------------------------------------------------------------------------------------------------------
// Helpers shared with the counting

/** Parses "n/d" or "n" (non-negative integers); null when malformed or the denominator is zero. */
export function parseRatio(text: unknown): Fraction | null {
  // a whole number written as a JSON number (`"weight": 3`) means what the text "3" means
  if (typeof text === 'number') return Number.isSafeInteger(text) && text >= 0 ? frac(BigInt(text), 1n) : null;
  if (typeof text !== 'string') return null;
  const m = /^\s*(\d+)\s*(?:\/\s*(\d+)\s*)?$/.exec(text);
  if (!m) return null;
  const den = m[2] === undefined ? 1n : BigInt(m[2]);
  if (den === 0n) return null;
  return frac(BigInt(m[1]), den);
}

/** The proportion a requirement asks for, and whether it is strict (more than) or not (at least). */
export function requirementOf(r: Requirement): { ratio: Fraction; strict: boolean } {
  switch (r.kind) {
    case 'majority':
      return { ratio: frac(1, 2), strict: r.strict ?? true };
    case 'two_thirds':
      return { ratio: frac(2, 3), strict: r.strict ?? false };
    default:
      return { ratio: frac(BigInt(r.num ?? 0), BigInt(r.den || 1)), strict: r.strict ?? false };
  }
}

export interface GroupInfo {
  path: string;
  group: Group;
  depth: number;
  /** Product of shares from the top, when every group on the way has a share. */
  share: Fraction | null;
  children: string[];
}

/** Every group by its path ("a/b"). */
export function indexGroups(groups: Group[] = []): Map<string, GroupInfo> {
  const out = new Map<string, GroupInfo>();
  const walk = (list: Group[], prefix: string, depth: number, parentShare: Fraction | null): string[] =>
    list.map((g) => {
      const path = prefix ? `${prefix}/${g.id}` : g.id;
      const own = g.share === undefined ? null : parseRatio(g.share);
      const share = own && (depth === 0 || parentShare) ? (parentShare ? mulShare(parentShare, own) : own) : null;
      const info: GroupInfo = { path, group: g, depth, share, children: [] };
      if (!out.has(path)) out.set(path, info);
      info.children = walk(g.groups ?? [], path, depth + 1, share);
      return path;
    });
  walk(groups, '', 0, null);
  return out;
}

const mulShare = (a: Fraction, b: Fraction): Fraction => frac(a.num * b.num, a.den * b.den);

/** True when the charter's top-level groups carry shares (voting power flows from shares). */
export const usesShares = (charter: Charter): boolean => (charter.groups ?? []).some((g) => g.share !== undefined);

/** True when `path` is `group` or lies inside it. */
export const inGroup = (path: string | undefined, group: string): boolean =>
  path !== undefined && (path === group || path.startsWith(group + '/'));

// ---------------------------------------------------------------------------------------------------------------
// The check

/** Checks the seats of a charter (or a roll of members passed to a decision) against the charter's groups. */
export function checkSeats(charter: Charter, seats: Seat[], at: string): CharterIssue[] {
  const issues: CharterIssue[] = [];
  const err = (field: string, code: FindingCode, params?: FindingParams, wording?: Msg) => issues.push(finding('error', field, code, params, wording));
  const index = indexGroups(charter.groups);
  const grouped = (charter.groups ?? []).length > 0;
  const shares = usesShares(charter);
  const seen = new Set<string>();
  if (!Array.isArray(seats)) {
    err(at, 'seats_not_a_list', undefined, sentence('seats_not_a_list', { at }));
    return issues;
  }
  seats.forEach((s, i) => {
    const f = `${at}[${i}]`;
    if (!isObject(s)) return err(f, 'seat_not_an_object');
    if (typeof s.id !== 'string' || s.id === '') err(`${f}.id`, 'seat_id_required');
    else if (seen.has(s.id)) err(`${f}.id`, 'duplicate_seat', { seat: s.id });
    if (s.name !== undefined && typeof s.name !== 'string') err(`${f}.name`, 'name_not_text');
    seen.add(s.id);
    const voting = s.voting !== false;
    if (s.group !== undefined) {
      const g = index.get(s.group);
      if (!g) err(`${f}.group`, 'unknown_group', { group: str(s.group) });
      else if (shares && g.children.some((c) => index.get(c)?.group.share !== undefined))
        err(`${f}.group`, 'not_a_leaf', { group: s.group });
    } else if (grouped && voting) {
      err(`${f}.group`, 'no_group', { seat: str(s.id) });
    }
    if (s.weight !== undefined) {
      const w = parseRatio(s.weight);
      if (!w || w.num === 0n) err(`${f}.weight`, 'invalid_weight', { weight: str(s.weight) });
      else if (shares) err(`${f}.weight`, 'weight_with_shares');
    }
  });
  return issues;
}

function checkGroups(groups: Group[], at: string, parentHasShare: boolean, top: boolean, out: CharterIssue[]): void {
  const err = (field: string, code: FindingCode, params?: FindingParams, wording?: Msg) => out.push(finding('error', field, code, params, wording));
  const ids = new Set<string>();
  const withShare = groups.filter((g) => g.share !== undefined).length;
  if (withShare > 0 && withShare < groups.length)
    err(at, 'shares_partial');
  if (withShare > 0 && !top && !parentHasShare)
    err(at, 'shares_without_parent');
  let sum = frac(0);
  let sharesValid = withShare === groups.length && withShare > 0;
  groups.forEach((g, i) => {
    const f = `${at}[${i}]`;
    if (typeof g.id !== 'string' || g.id === '' || g.id.includes('/')) err(`${f}.id`, 'invalid_group_id');
    else if (ids.has(g.id)) err(`${f}.id`, 'duplicate_group', { group: g.id });
    ids.add(g.id);
    if (g.name !== undefined && typeof g.name !== 'string') err(`${f}.name`, 'name_not_text');
    if (g.share !== undefined) {
      const s = parseRatio(g.share);
      if (!s || s.num === 0n || cmpF(s, frac(1)) > 0) {
        err(`${f}.share`, 'invalid_share', { share: str(g.share) });
        sharesValid = false;
      } else sum = addF(sum, s);
    }
    if (g.spread !== undefined && !SPREADS.includes(g.spread)) err(`${f}.spread`, 'invalid_spread', { spread: str(g.spread) });
    if (g.seats !== undefined && !(Number.isInteger(g.seats) && g.seats > 0)) err(`${f}.seats`, 'invalid_seats');
    if (g.groups?.length) checkGroups(g.groups, `${f}.groups`, g.share !== undefined && (top || parentHasShare), false, out);
  });
  if (sharesValid && cmpF(sum, frac(1)) !== 0)
    err(at, 'shares_sum', { sum: `${sum.num}/${sum.den}` });
}

function checkRequirement(r: Requirement | undefined, at: string, out: CharterIssue[]): void {
  if (!r || !['majority', 'two_thirds', 'fraction'].includes(r.kind)) {
    out.push(finding('error', `${at}.kind`, 'invalid_requirement'));
    return;
  }
  if (r.kind === 'fraction') {
    const ok = Number.isInteger(r.num) && Number.isInteger(r.den) && (r.den as number) > 0 && (r.num as number) > 0 && (r.num as number) <= (r.den as number);
    if (!ok) out.push(finding('error', at, 'fraction_range', { num: str(r.num), den: str(r.den) }));
    else if (r.strict && r.num === r.den)
      out.push(finding('warning', at, 'never_passes_more_than_all'));
  }
}

interface Ctx {
  charter: Charter;
  index: Map<string, GroupInfo>;
  seats: Map<string, Seat> | null;
  out: CharterIssue[];
}

function checkScope(c: Scoped, at: string, ctx: Ctx): void {
  if (c.group !== undefined && !ctx.index.has(c.group))
    ctx.out.push(finding('error', `${at}.group`, 'unknown_group', { group: str(c.group) }));
  if (c.group !== undefined && c.eachGroup !== undefined)
    ctx.out.push(finding('error', at, 'scope_conflict'));
  if (c.eachGroup === 'top') {
    if (!(ctx.charter.groups ?? []).length)
      ctx.out.push(finding('error', `${at}.eachGroup`, 'each_group_without_groups'));
  } else if (Array.isArray(c.eachGroup)) {
    c.eachGroup.forEach((g, i) => {
      if (!ctx.index.has(g))
        ctx.out.push(finding('error', `${at}.eachGroup[${i}]`, 'unknown_group', { group: str(g) }));
    });
  } else if (c.eachGroup !== undefined) {
    ctx.out.push(finding('error', `${at}.eachGroup`, 'invalid_scope'));
  }
  // a group without a voting seat can never be present or say yes
  for (const g of scopeGroups(c, ctx)) {
    if (ctx.index.has(g) && votingSeatsIn(ctx, g) === 0)
      ctx.out.push(finding('warning', at, 'never_passes_empty_group', { group: g }));
  }
}

function scopeGroups(c: Scoped, ctx: Ctx): string[] {
  if (c.eachGroup === 'top') return (ctx.charter.groups ?? []).map((g) => g.id);
  if (Array.isArray(c.eachGroup)) return c.eachGroup;
  return c.group !== undefined ? [c.group] : [];
}

function votingSeatsIn(ctx: Ctx, group: string | undefined): number | null {
  if (!ctx.seats) return null;
  return [...ctx.seats.values()].filter((s) => s.voting !== false && (group === undefined || inGroup(s.group, group))).length;
}

function checkFixed(c: { seats?: number } & Scoped, at: string, ctx: Ctx): void {
  if (c.seats !== undefined) {
    if (!(Number.isInteger(c.seats) && c.seats > 0))
      ctx.out.push(finding('error', `${at}.seats`, 'invalid_seats'));
    return;
  }
  const groups = scopeGroups(c, ctx);
  const missing = groups.length === 0 ? true : groups.some((g) => ctx.index.get(g)?.group.seats === undefined);
  if (missing)
    ctx.out.push(finding('error', `${at}.seats`, 'seats_missing'));
}

function checkQuorum(q: QuorumCondition, at: string, ctx: Ctx): void {
  const { out } = ctx;
  if (q.kind !== 'quorum') {
    out.push(finding('error', `${at}.kind`, 'not_a_quorum'));
    return;
  }
  checkScope(q, at, ctx);
  if (q.measure !== undefined && q.measure !== 'count' && q.measure !== 'weight')
    out.push(finding('error', `${at}.measure`, 'invalid_measure'));
  if (q.count !== undefined) {
    if (!(Number.isInteger(q.count) && q.count >= 0))
      out.push(finding('error', `${at}.count`, 'invalid_count', { key: 'count' }));
    else if (q.count === 0)
      out.push(finding('warning', `${at}.count`, 'never_fails_zero_quorum'));
    if (q.measure === 'weight')
      out.push(finding('error', `${at}.count`, 'quorum_count_by_weight'));
    return;
  }
  if (q.min) checkRequirement(q.min, `${at}.min`, out);
  const base = q.base ?? 'all_members';
  if (!['all_members', 'fixed_membership', 'present'].includes(base))
    out.push(finding('error', `${at}.base`, 'invalid_quorum_base'));
  if (base === 'fixed_membership') {
    checkFixed(q, at, ctx);
    if (q.measure === 'weight')
      out.push(finding('error', `${at}.measure`, 'fixed_membership_by_weight'));
  }
  if (base === 'present') {
    const { ratio, strict } = requirementOf(q.min ?? { kind: 'majority' });
    if (cmpF(ratio, frac(1)) < 0 || (!strict && cmpF(ratio, frac(1)) === 0))
      out.push(finding('warning', `${at}.base`, 'never_fails_present_base'));
  }
}

function checkCondition(c: Condition, at: string, ctx: Ctx): void {
  const { out } = ctx;
  const error = (field: string, code: FindingCode, params?: FindingParams, wording?: Msg) => out.push(finding('error', field, code, params, wording));
  if (c && typeof c === 'object' && 'label' in c && c.label !== undefined && typeof c.label !== 'string') error(`${at}.label`, 'label_not_text');
  switch (c?.kind) {
    case 'threshold': {
      checkScope(c, at, ctx);
      checkRequirement(c.require, `${at}.require`, out);
      if (!BASES.includes(c.base)) error(`${at}.base`, 'invalid_base', { base: str(c.base) });
      if (c.measure !== undefined && c.measure !== 'count' && c.measure !== 'weight') error(`${at}.measure`, 'invalid_measure');
      if (c.base === 'fixed_membership') {
        checkFixed(c, at, ctx);
        if (c.measure !== 'count') error(`${at}.measure`, 'fixed_membership_needs_count');
      }
      return;
    }
    case 'min_yes': {
      checkScope(c, at, ctx);
      if (!(Number.isInteger(c.count) && c.count >= 1)) error(`${at}.count`, 'invalid_yes_count');
      else
        for (const g of scopeGroups(c, ctx).length ? scopeGroups(c, ctx) : [undefined]) {
          const n = votingSeatsIn(ctx, g);
          if (n !== null && n < c.count) {
            // the body or the group, and `count` to pick the plural of "seats" (the English keeps "seats")
            const wording = g === undefined ? msg('charter.never_passes_too_few_seats_body', { seats: n, required: c.count, count: n }) : sentence('never_passes_too_few_seats', { group: g, seats: n, required: c.count, count: n });
            out.push(finding('warning', `${at}.count`, 'never_passes_too_few_seats', { ...(g === undefined ? {} : { group: g }), seats: n, required: c.count }, wording));
          }
        }
      return;
    }
    case 'veto': {
      if ((c.seat === undefined) === (c.group === undefined)) error(at, 'invalid_veto');
      if (c.group !== undefined && !ctx.index.has(c.group)) error(`${at}.group`, 'unknown_group', { group: str(c.group) });
      if (c.agree !== undefined && c.agree !== 'unanimous' && c.agree !== 'majority') error(`${at}.agree`, 'invalid_veto_agree');
      if (c.seat !== undefined && ctx.seats) {
        const s = ctx.seats.get(c.seat);
        if (!s) error(`${at}.seat`, 'unknown_seat', { seat: str(c.seat) });
        else if (s.voting === false)
          out.push(finding('warning', `${at}.seat`, 'never_passes_non_voting_seat', { seat: c.seat }));
      }
      return;
    }
    case 'consensus':
      if (c.maxStandAsides !== undefined && !(Number.isInteger(c.maxStandAsides) && c.maxStandAsides >= 0))
        error(`${at}.maxStandAsides`, 'invalid_count', { key: 'maxStandAsides' });
      return;
    case 'consent':
      return;
    case 'all':
    case 'any':
      if (!Array.isArray(c.of) || c.of.length === 0) error(`${at}.of`, 'empty_combination', { kind: c.kind });
      else c.of.forEach((x, i) => checkCondition(x, `${at}.of[${i}]`, ctx));
      return;
    default:
      error(`${at}.kind`, 'unknown_condition_kind', { kind: str((c as { kind?: unknown })?.kind) });
  }
}

/** Checks one rule against the charter; `at` is the path of the rule in the charter. */
export function checkRule(charter: Charter, rule: Rule, at = 'rule'): CharterIssue[] {
  const ctx: Ctx = {
    charter,
    index: indexGroups(charter.groups),
    seats: Array.isArray(charter.seats) ? new Map(charter.seats.filter(isObject).map((s) => [s.id, s])) : null,
    out: [],
  };
  (rule.quorum ?? []).forEach((q, i) => {
    if (q && typeof q === 'object' && q.label !== undefined && typeof q.label !== 'string')
      ctx.out.push(finding('error', `${at}.quorum[${i}].label`, 'label_not_text'));
    checkQuorum(q, `${at}.quorum[${i}]`, ctx);
  });
  if (rule.label !== undefined && typeof rule.label !== 'string') ctx.out.push(finding('error', `${at}.label`, 'label_not_text'));
  if (rule.kind === 'staged') {
    if (!Array.isArray(rule.stages) || rule.stages.length === 0)
      ctx.out.push(finding('error', `${at}.stages`, 'no_stages'));
    const ids = new Set<string>();
    (rule.stages ?? []).forEach((s, i) => {
      if (typeof s.id !== 'string' || !s.id || ids.has(s.id)) ctx.out.push(finding('error', `${at}.stages[${i}].id`, 'invalid_stage_id'));
      if (s.grade !== undefined && typeof s.grade !== 'string') ctx.out.push(finding('error', `${at}.stages[${i}].grade`, 'grade_not_text'));
      ids.add(s.id);
      if (s.onFail !== undefined && !['next', 'refer', 'reject'].includes(s.onFail))
        ctx.out.push(finding('error', `${at}.stages[${i}].onFail`, 'invalid_stage'));
      checkCondition(s.pass, `${at}.stages[${i}].pass`, ctx);
    });
  } else if (rule.kind === undefined || rule.kind === 'simple') {
    checkCondition(rule.pass, `${at}.pass`, ctx);
  } else {
    ctx.out.push(finding('error', `${at}.kind`, 'unknown_rule_kind'));
  }
  return ctx.out;
}

// ---------------------------------------------------------------------------------------------------------------
// Bodies, decision types, amendment, proxies, disputes

/** Which ballots a rule's conditions read: `vote` (threshold, min_yes, veto), `consensus`, `consent`; stages and all/any included. */
export type ConditionFamily = 'vote' | 'consensus' | 'consent';

/** The condition families used anywhere in a rule's pass conditions (quorums read presence, not ballots). */
export function conditionFamilies(rule: Rule): Set<ConditionFamily> {
  const out = new Set<ConditionFamily>();
  const walk = (c: Condition | undefined): void => {
    switch (c?.kind) {
      case 'threshold':
      case 'min_yes':
      case 'veto':
        out.add('vote');
        return;
      case 'consensus':
      case 'consent':
        out.add(c.kind);
        return;
      case 'all':
      case 'any':
        if (Array.isArray(c.of)) c.of.forEach(walk);
        return;
    }
  };
  if (rule?.kind === 'staged') (Array.isArray(rule.stages) ? rule.stages : []).forEach((s) => walk(s?.pass));
  else walk(rule?.pass);
  return out;
}

/** The condition family each ballot kind is made for. */
const FAMILY_OF_BALLOT: Record<BallotKind, ConditionFamily> = { yes_no: 'vote', consent: 'consent', consensus: 'consensus' };
/** The families a rule counts, in words: "votes (threshold, min_yes, veto) and consensus". */
const familiesText = (families: Set<ConditionFamily>): Msg =>
  [...families].map((x): Msg => msg(`charter.family.${x}`)).reduce((a, b) => msg('charter.and', { a, b }));

/** A JSON object (not null, not a list): what every part of a charter document must be. */
export const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isWhole = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
const isVoting = (s: Seat): boolean => s.voting !== false;
const has = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);

/** The seats of a body: those it lists, or every seat of the charter when it lists none. */
function seatsOfBody(seats: Seat[], body: Body): Seat[] {
  if (!Array.isArray(body.seats)) return seats;
  const ids = new Set(body.seats);
  return seats.filter((s) => ids.has(s.id));
}

const listOfBodies = (charter: Charter): Body[] => (Array.isArray(charter.bodies) ? charter.bodies.filter(isObject) as Body[] : []);

interface Report {
  err(field: string, code: FindingCode, params?: FindingParams, wording?: Msg): void;
  warn(field: string, code: FindingCode, params?: FindingParams, wording?: Msg): void;
}

function reporter(out: CharterIssue[]): Report {
  return {
    err: (field, code, params, wording) => out.push(finding('error', field, code, params, wording)),
    warn: (field, code, params, wording) => out.push(finding('warning', field, code, params, wording)),
  };
}

/** Who holds each seat of a charter: an organisation or a person, an alternate only for an organisation, never `recused`. */
function checkHolders(seats: Seat[], r: Report): void {
  seats.forEach((s, i) => {
    const f = `seats[${i}]`;
    if (!isObject(s)) return;
    for (const k of ['organisation', 'person', 'alternate'] as const)
      if (s[k] !== undefined && (typeof s[k] !== 'string' || s[k] === '')) r.err(`${f}.${k}`, 'invalid_holder', { key: k });
    if (s.organisation !== undefined && s.person !== undefined)
      r.err(f, 'holder_conflict', { seat: str(s.id) });
    if (s.alternate !== undefined && s.organisation === undefined)
      r.warn(`${f}.alternate`, 'alternate_without_organisation', { seat: str(s.id) });
    if (s.exOfficio !== undefined && typeof s.exOfficio !== 'boolean') r.err(`${f}.exOfficio`, 'invalid_flag', { key: 'exOfficio' });
    if (s.recused !== undefined)
      r.err(`${f}.recused`, 'recused_in_charter');
  });
}

function checkBodies(charter: Charter, r: Report): void {
  const bodies = charter.bodies;
  if (bodies === undefined) return;
  if (!Array.isArray(bodies)) return r.err('bodies', 'bodies_not_a_list');
  const seatIds = Array.isArray(charter.seats) ? new Set(charter.seats.map((s) => s?.id)) : null;
  const ids = new Set<string>();
  bodies.forEach((b, i) => {
    const f = `bodies[${i}]`;
    if (!isObject(b)) return r.err(f, 'body_not_an_object');
    if (typeof b.id !== 'string' || b.id === '') r.err(`${f}.id`, 'body_id_required');
    else if (ids.has(b.id)) r.err(`${f}.id`, 'duplicate_body', { body: b.id });
    else ids.add(b.id);
    if (!BODY_KINDS.includes(b.kind)) r.err(`${f}.kind`, 'invalid_body_kind', { kind: str(b.kind), allowed: BODY_KINDS.join(', ') });
    if (b.seats === undefined) return;
    if (!Array.isArray(b.seats)) return r.err(`${f}.seats`, 'body_seats_not_a_list');
    const seen = new Set<string>();
    b.seats.forEach((id, j) => {
      if (seatIds && !seatIds.has(id)) r.err(`${f}.seats[${j}]`, 'unknown_seat', { seat: str(id) });
      else if (seen.has(id)) r.err(`${f}.seats[${j}]`, 'duplicate_body_seat', { seat: str(id) });
      seen.add(id);
    });
  });
}

function checkDecisionTypes(charter: Charter, r: Report): void {
  const types = charter.decisionTypes;
  if (types === undefined) return;
  if (!isObject(types)) return r.err('decisionTypes', 'decision_types_not_an_object');
  const rules = isObject(charter.rules) ? charter.rules : {};
  const bodyIds = new Set(listOfBodies(charter).map((b) => b.id));
  const topGroups = Array.isArray(charter.groups) ? charter.groups.length : 0;
  for (const [id, t] of Object.entries(types)) {
    const f = `decisionTypes.${id}`;
    if (!isObject(t)) {
      r.err(f, 'decision_type_not_an_object');
      continue;
    }
    let rule: Rule | undefined;
    if (typeof t.rule !== 'string' || t.rule === '') r.err(`${f}.rule`, 'rule_required', { type: id });
    else if (!has(rules, t.rule)) {
      const names = Object.keys(rules).join(', ');
      r.err(`${f}.rule`, 'unknown_rule', { rule: t.rule, rules: names }, sentence('unknown_rule', { rule: t.rule, rules: names || msg('charter.none') }));
    }
    else rule = rules[t.rule];

    if (t.body !== undefined && !bodyIds.has(t.body)) r.err(`${f}.body`, 'unknown_body', { body: str(t.body) });

    if (t.ballot !== undefined) {
      if (!BALLOT_KINDS.includes(t.ballot)) r.err(`${f}.ballot`, 'invalid_ballot', { ballot: str(t.ballot), allowed: BALLOT_KINDS.join(', ') });
      else if (rule) {
        const families = conditionFamilies(rule);
        if (families.size > 0 && !families.has(FAMILY_OF_BALLOT[t.ballot]))
          r.warn(`${f}.ballot`, 'ballot_mismatch', { ballot: t.ballot, rule: t.rule, families: [...families].join(',') }, sentence('ballot_mismatch', { ballot: t.ballot, rule: t.rule, families: familiesText(families), misfit: msg(`charter.misfit.${t.ballot}`) }));
      }
    }

    if (t.proposers !== undefined) {
      if (!Array.isArray(t.proposers)) r.err(`${f}.proposers`, 'proposers_not_a_list', { allowed: PROPOSER_ROLES.join(', ') });
      else if (t.proposers.length === 0) r.err(`${f}.proposers`, 'no_proposers', { type: id, allowed: PROPOSER_ROLES.join(', ') });
      else
        t.proposers.forEach((p, j) => {
          if (!PROPOSER_ROLES.includes(p)) r.err(`${f}.proposers[${j}]`, 'invalid_proposer', { role: str(p), allowed: PROPOSER_ROLES.join(', ') });
        });
    }

    if (t.seconders !== undefined) {
      const sc = t.seconders as unknown;
      if (!isObject(sc)) r.err(`${f}.seconders`, 'seconders_not_an_object');
      else {
        if (!isWhole(sc.count)) r.err(`${f}.seconders.count`, 'invalid_seconders_count');
        const d = sc.distinctGroups;
        if (d !== undefined) {
          if (!isWhole(d)) r.err(`${f}.seconders.distinctGroups`, 'invalid_count_non_negative', { key: 'distinctGroups' });
          else if (isWhole(sc.count) && d > sc.count + 1)
            r.err(`${f}.seconders.distinctGroups`, 'unreachable_seconder_groups', { seconders: sc.count, groups: sc.count + 1, distinct: d }, sentence('unreachable_seconder_groups', { seconders: sc.count, groups: sc.count + 1, distinct: d, count: sc.count }));
          else if (d > topGroups)
            r.err(`${f}.seconders.distinctGroups`, 'unreachable_top_groups', { groups: topGroups, distinct: d }, sentence('unreachable_top_groups', { groups: topGroups, distinct: d, count: topGroups }));
        }
      }
    }

    if (t.window !== undefined) {
      const w = t.window as unknown;
      if (!isObject(w)) r.err(`${f}.window`, 'window_not_an_object');
      else {
        const positive = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x > 0;
        for (const k of ['minHours', 'maxHours'] as const)
          if (w[k] !== undefined && !positive(w[k])) r.err(`${f}.window.${k}`, 'invalid_window', { key: k });
        if (positive(w.minHours) && positive(w.maxHours) && w.minHours > w.maxHours)
          r.err(`${f}.window`, 'window_range', { minHours: w.minHours, maxHours: w.maxHours });
        if (w.closeEarly !== undefined && typeof w.closeEarly !== 'boolean') r.err(`${f}.window.closeEarly`, 'invalid_flag', { key: 'closeEarly' });
      }
    }

    for (const k of ['anonymous', 'resultsHidden', 'recusal'] as const)
      if (t[k] !== undefined && typeof t[k] !== 'boolean') r.err(`${f}.${k}`, 'invalid_flag', { key: k });
  }
}

/**
 * The decision type that adopts charter changes must exist: with `decisionTypes`, a missing type is an error; without
 * them, a missing rule of that name is a warning (the charter can never be amended). Charters without rules are skipped.
 */
function checkAmendment(charter: Charter, r: Report): void {
  const named = charter.amendment !== undefined;
  if (named && (typeof charter.amendment !== 'string' || charter.amendment === ''))
    return r.err('amendment', 'amendment_not_text');
  const rules = isObject(charter.rules) ? charter.rules : {};
  if (Object.keys(rules).length === 0) return;
  const id = charter.amendment ?? 'amendment';
  if (charter.decisionTypes !== undefined) {
    if (isObject(charter.decisionTypes) && !has(charter.decisionTypes, id))
      r.err(named ? 'amendment' : 'decisionTypes.amendment', named ? 'no_named_amendment_type' : 'no_amendment_type', { type: id });
  } else if (!has(rules, id)) {
    r.warn(named ? 'amendment' : 'rules.amendment', 'no_amendment_rule', { rule: id });
  }
}

function checkProxyPolicy(charter: Charter, index: Map<string, GroupInfo>, r: Report): void {
  const p = charter.proxies as unknown;
  if (p === undefined) return;
  if (!isObject(p)) return r.err('proxies', 'proxies_not_an_object');
  if (typeof p.allowed !== 'boolean') r.err('proxies.allowed', 'invalid_flag', { key: 'allowed' });
  if (p.maxPerHolder !== undefined && !isWhole(p.maxPerHolder)) r.err('proxies.maxPerHolder', 'invalid_count_non_negative', { key: 'maxPerHolder' });
  if (p.caps === undefined) return;
  if (!Array.isArray(p.caps)) return r.err('proxies.caps', 'caps_not_a_list');
  const groupIds = new Set([...index.values()].map((g) => g.group.id));
  const seen = new Set<string>();
  p.caps.forEach((c: unknown, i) => {
    const f = `proxies.caps[${i}]`;
    if (!isObject(c)) return r.err(f, 'cap_not_an_object');
    if (typeof c.memberClass !== 'string' || !groupIds.has(c.memberClass))
      r.err(`${f}.memberClass`, 'unknown_member_class', { memberClass: str(c.memberClass) });
    else if (seen.has(c.memberClass)) r.err(`${f}.memberClass`, 'duplicate_member_class', { memberClass: c.memberClass });
    else seen.add(c.memberClass);
    if (!isWhole(c.max)) r.err(`${f}.max`, 'invalid_count_non_negative', { key: 'max' });
  });
}

/** A dispute ladder step's id: short, lower case (shared with the dispute register's own check). */
export const LADDER_STEP_ID = /^[a-z][a-z0-9_-]{0,49}$/;

function checkDisputes(charter: Charter, r: Report): void {
  const d = charter.disputes as unknown;
  if (d === undefined) return;
  if (!isObject(d) || !Array.isArray(d.ladder)) return r.err('disputes.ladder', 'ladder_not_a_list');
  if (d.ladder.length === 0) r.err('disputes.ladder', 'empty_ladder');
  const bodyIds = new Set(listOfBodies(charter).map((b) => b.id));
  const ids = new Set<string>();
  d.ladder.forEach((s: unknown, i) => {
    const f = `disputes.ladder[${i}]`;
    if (!isObject(s)) return r.err(f, 'step_not_an_object');
    // the same rules as the dispute register's (disputes.ts: checkLadder), so a ladder that passes here is the one disputes climb
    if (typeof s.id !== 'string' || s.id === '') r.err(`${f}.id`, 'step_id_required');
    else if (!LADDER_STEP_ID.test(s.id)) r.err(`${f}.id`, 'invalid_step_id');
    else if (ids.has(s.id)) r.err(`${f}.id`, 'duplicate_step', { step: s.id });
    else ids.add(s.id);
    if (s.name !== undefined && (typeof s.name !== 'string' || !s.name.trim())) r.err(`${f}.name`, 'step_name_not_text');
    if (s.body !== undefined && !bodyIds.has(s.body as string)) r.err(`${f}.body`, 'unknown_body', { body: str(s.body) });
    if (s.days !== undefined && !(isWhole(s.days) && s.days > 0 && s.days <= 3650)) r.err(`${f}.days`, 'invalid_days');
  });
}

/**
 * Members who have no way to vote: bodies and decision types without a voting seat, voting seats that sit in no body,
 * groups carrying a share with no voting seat (reported at the topmost such group). Needs the charter's seats.
 */
function checkReach(charter: Charter, r: Report): void {
  if (!Array.isArray(charter.seats)) return;
  const seats = charter.seats.filter(isObject) as Seat[];
  const rawBodies = Array.isArray(charter.bodies) ? charter.bodies : [];
  rawBodies.forEach((b, i) => {
    if (!isObject(b) || seatsOfBody(seats, b).some(isVoting)) return;
    r.warn(Array.isArray(b.seats) ? `bodies[${i}].seats` : `bodies[${i}]`, 'body_without_voting_seat', { body: str(b.id) });
  });

  const bodies = listOfBodies(charter);
  if (isObject(charter.decisionTypes))
    for (const [id, t] of Object.entries(charter.decisionTypes)) {
      if (!isObject(t)) continue;
      const body = t.body !== undefined ? bodies.find((b) => b.id === t.body) : bodies[0];
      if (t.body !== undefined && !body) continue; // unknown body: reported above
      if (!(body ? seatsOfBody(seats, body) : seats).some(isVoting))
        r.warn(t.body !== undefined ? `decisionTypes.${id}.body` : `decisionTypes.${id}`, 'type_without_voting_seat', { type: id, ...(body ? { body: body.id } : {}) }, body ? undefined : msg('charter.type_without_voting_seat_charter', { type: id }));
    }

  if (bodies.length > 0 && bodies.every((b) => Array.isArray(b.seats))) {
    const seated = new Set(bodies.flatMap((b) => b.seats as string[]));
    charter.seats.forEach((s, i) => {
      if (isObject(s) && isVoting(s) && !seated.has(s.id))
        r.warn(`seats[${i}]`, 'seat_in_no_body', { seat: str(s.id) });
    });
  }

  const walk = (groups: Group[], prefix: string, at: string): void =>
    groups.forEach((g, i) => {
      if (!isObject(g)) return;
      const path = prefix ? `${prefix}/${g.id}` : g.id;
      const f = `${at}[${i}]`;
      if (g.share !== undefined && !seats.some((s) => isVoting(s) && inGroup(s.group, path)))
        r.warn(f, 'share_without_seat', { group: path });
      else if (Array.isArray(g.groups)) walk(g.groups, path, `${f}.groups`);
    });
  if (Array.isArray(charter.groups)) walk(charter.groups, '', 'groups');
}

/**
 * Every problem of a charter, each with its path, a stable code and a severity; warnings for rules that never fail or
 * never pass, ballots that do not fit their rule, and members who have no way to vote.
 */
export function checkCharter(charter: Charter): CharterIssue[] {
  const out: CharterIssue[] = [];
  const r = reporter(out);
  if (charter.groups !== undefined) checkGroups(charter.groups, 'groups', false, true, out);
  if (charter.seats !== undefined) {
    out.push(...checkSeats(charter, charter.seats, 'seats'));
    if (Array.isArray(charter.seats)) checkHolders(charter.seats, r);
  }
  for (const [name, rule] of Object.entries(charter.rules ?? {})) out.push(...checkRule(charter, rule, `rules.${name}`));
  checkBodies(charter, r);
  checkDecisionTypes(charter, r);
  checkAmendment(charter, r);
  checkProxyPolicy(charter, indexGroups(Array.isArray(charter.groups) ? charter.groups : []), r);
  checkDisputes(charter, r);
  checkReach(charter, r);
  return out;
}

export const errorsOnly = (issues: CharterIssue[]): CharterIssue[] => issues.filter((i) => i.severity === 'error');
