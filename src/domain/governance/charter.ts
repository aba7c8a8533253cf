/**
 * The charter language, first slice: seats, nested groups with fixed shares, rules built from conditions, staged
 * procedures, and the static check of a charter. Pure data and pure functions (see docs/domain/charter.md).
 */
import type { FieldIssue } from '../kernel/errors';
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

export interface Charter {
  name?: string;
  version?: string;
  groups?: Group[];
  seats?: Seat[];
  /** Rules by decision type (ordinary, budget, amendment, ...). */
  rules?: Record<string, Rule>;
}

export interface CharterIssue extends FieldIssue {
  severity: 'error' | 'warning';
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers shared with the counting

/** Parses "n/d" or "n" (non-negative integers); null when malformed or the denominator is zero. */
export function parseRatio(text: unknown): Fraction | null {
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
  const err = (field: string, message: string, code: string) => issues.push({ field, message, code, severity: 'error' });
  const index = indexGroups(charter.groups);
  const grouped = (charter.groups ?? []).length > 0;
  const shares = usesShares(charter);
  const seen = new Set<string>();
  seats.forEach((s, i) => {
    const f = `${at}[${i}]`;
    if (typeof s.id !== 'string' || s.id === '') err(`${f}.id`, 'A seat needs an id', 'required');
    else if (seen.has(s.id)) err(`${f}.id`, `Seat "${s.id}" appears twice`, 'duplicate');
    seen.add(s.id);
    const voting = s.voting !== false;
    if (s.group !== undefined) {
      const g = index.get(s.group);
      if (!g) err(`${f}.group`, `Unknown group "${s.group}"`, 'unknown_group');
      else if (shares && g.children.some((c) => index.get(c)?.group.share !== undefined))
        err(`${f}.group`, `Group "${s.group}" splits its share among sub-groups: put the seat in one of them`, 'not_a_leaf');
    } else if (grouped && voting) {
      err(`${f}.group`, `Voting seat "${s.id}" is in no group, but this charter uses groups`, 'no_group');
    }
    if (s.weight !== undefined) {
      const w = parseRatio(s.weight);
      if (!w || w.num === 0n) err(`${f}.weight`, `Weight "${s.weight}" is not a positive number or fraction`, 'invalid_weight');
      else if (shares) err(`${f}.weight`, 'Per-member weights cannot be combined with group shares', 'weight_with_shares');
    }
  });
  return issues;
}

function checkGroups(groups: Group[], at: string, parentHasShare: boolean, top: boolean, out: CharterIssue[]): void {
  const err = (field: string, message: string, code: string) => out.push({ field, message, code, severity: 'error' });
  const ids = new Set<string>();
  const withShare = groups.filter((g) => g.share !== undefined).length;
  if (withShare > 0 && withShare < groups.length)
    err(at, 'Either every sibling group has a share or none does', 'shares_partial');
  if (withShare > 0 && !top && !parentHasShare)
    err(at, 'Sub-group shares need a parent group with a share', 'shares_without_parent');
  let sum = frac(0);
  let sharesValid = withShare === groups.length && withShare > 0;
  groups.forEach((g, i) => {
    const f = `${at}[${i}]`;
    if (typeof g.id !== 'string' || g.id === '' || g.id.includes('/')) err(`${f}.id`, 'A group needs an id without "/"', 'invalid_id');
    else if (ids.has(g.id)) err(`${f}.id`, `Group "${g.id}" appears twice among its siblings`, 'duplicate');
    ids.add(g.id);
    if (g.share !== undefined) {
      const s = parseRatio(g.share);
      if (!s || s.num === 0n || cmpF(s, frac(1)) > 0) {
        err(`${f}.share`, `Share "${g.share}" must be a fraction in (0, 1] such as "1/3"`, 'invalid_share');
        sharesValid = false;
      } else sum = addF(sum, s);
    }
    if (g.spread !== undefined && !SPREADS.includes(g.spread)) err(`${f}.spread`, `Unknown spread "${g.spread}"`, 'invalid_spread');
    if (g.seats !== undefined && !(Number.isInteger(g.seats) && g.seats > 0)) err(`${f}.seats`, 'Seats must be a positive whole number', 'invalid_seats');
    if (g.groups?.length) checkGroups(g.groups, `${f}.groups`, g.share !== undefined && (top || parentHasShare), false, out);
  });
  if (sharesValid && cmpF(sum, frac(1)) !== 0)
    err(at, `Shares of sibling groups must sum to exactly 1; they sum to ${sum.num}/${sum.den}`, 'shares_sum');
}

function checkRequirement(r: Requirement | undefined, at: string, out: CharterIssue[]): void {
  if (!r || !['majority', 'two_thirds', 'fraction'].includes(r.kind)) {
    out.push({ field: `${at}.kind`, message: 'Requirement kind must be majority, two_thirds or fraction', code: 'invalid_requirement', severity: 'error' });
    return;
  }
  if (r.kind === 'fraction') {
    const ok = Number.isInteger(r.num) && Number.isInteger(r.den) && (r.den as number) > 0 && (r.num as number) > 0 && (r.num as number) <= (r.den as number);
    if (!ok) out.push({ field: at, message: `Threshold fraction ${r.num}/${r.den} is outside (0, 1]`, code: 'fraction_range', severity: 'error' });
    else if (r.strict && r.num === r.den)
      out.push({ field: at, message: 'More than 100% can never be reached: this rule never passes', code: 'never_passes', severity: 'warning' });
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
    ctx.out.push({ field: `${at}.group`, message: `Unknown group "${c.group}"`, code: 'unknown_group', severity: 'error' });
  if (c.group !== undefined && c.eachGroup !== undefined)
    ctx.out.push({ field: at, message: 'Use either group or eachGroup, not both', code: 'scope_conflict', severity: 'error' });
  if (c.eachGroup === 'top') {
    if (!(ctx.charter.groups ?? []).length)
      ctx.out.push({ field: `${at}.eachGroup`, message: 'eachGroup "top" but the charter has no groups', code: 'unknown_group', severity: 'error' });
  } else if (Array.isArray(c.eachGroup)) {
    c.eachGroup.forEach((g, i) => {
      if (!ctx.index.has(g))
        ctx.out.push({ field: `${at}.eachGroup[${i}]`, message: `Unknown group "${g}"`, code: 'unknown_group', severity: 'error' });
    });
  } else if (c.eachGroup !== undefined) {
    ctx.out.push({ field: `${at}.eachGroup`, message: 'eachGroup must be "top" or a list of group paths', code: 'invalid_scope', severity: 'error' });
  }
  // a group without a voting seat can never be present or say yes
  for (const g of scopeGroups(c, ctx)) {
    if (ctx.index.has(g) && votingSeatsIn(ctx, g) === 0)
      ctx.out.push({ field: at, message: `Group "${g}" has no voting seat: this condition can never pass`, code: 'never_passes', severity: 'warning' });
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
      ctx.out.push({ field: `${at}.seats`, message: 'Seats must be a positive whole number', code: 'invalid_seats', severity: 'error' });
    return;
  }
  const groups = scopeGroups(c, ctx);
  const missing = groups.length === 0 ? true : groups.some((g) => ctx.index.get(g)?.group.seats === undefined);
  if (missing)
    ctx.out.push({ field: `${at}.seats`, message: 'The fixed_membership base needs a seat count (incl. vacancies) on the condition or the group', code: 'seats_missing', severity: 'error' });
}

function checkQuorum(q: QuorumCondition, at: string, ctx: Ctx): void {
  const { out } = ctx;
  if (q.kind !== 'quorum') {
    out.push({ field: `${at}.kind`, message: 'Only quorum conditions belong in quorum', code: 'invalid_kind', severity: 'error' });
    return;
  }
  checkScope(q, at, ctx);
  if (q.measure !== undefined && q.measure !== 'count' && q.measure !== 'weight')
    out.push({ field: `${at}.measure`, message: 'measure must be count or weight', code: 'invalid_measure', severity: 'error' });
  if (q.count !== undefined) {
    if (!(Number.isInteger(q.count) && q.count >= 0))
      out.push({ field: `${at}.count`, message: 'count must be a whole number', code: 'invalid_count', severity: 'error' });
    else if (q.count === 0)
      out.push({ field: `${at}.count`, message: 'A quorum of 0 can never fail', code: 'never_fails', severity: 'warning' });
    if (q.measure === 'weight')
      out.push({ field: `${at}.count`, message: 'An absolute quorum count needs the count measure', code: 'invalid_measure', severity: 'error' });
    return;
  }
  if (q.min) checkRequirement(q.min, `${at}.min`, out);
  const base = q.base ?? 'all_members';
  if (!['all_members', 'fixed_membership', 'present'].includes(base))
    out.push({ field: `${at}.base`, message: `Quorum base must be all_members, fixed_membership or present`, code: 'invalid_base', severity: 'error' });
  if (base === 'fixed_membership') {
    checkFixed(q, at, ctx);
    if (q.measure === 'weight')
      out.push({ field: `${at}.measure`, message: 'fixed_membership is counted in seats: use the count measure', code: 'invalid_measure', severity: 'error' });
  }
  if (base === 'present') {
    const { ratio, strict } = requirementOf(q.min ?? { kind: 'majority' });
    if (cmpF(ratio, frac(1)) < 0 || (!strict && cmpF(ratio, frac(1)) === 0))
      out.push({ field: `${at}.base`, message: 'A quorum measured against those present can never fail (whoever is present is all of the present)', code: 'never_fails', severity: 'warning' });
  }
}

function checkCondition(c: Condition, at: string, ctx: Ctx): void {
  const { out } = ctx;
  const error = (field: string, message: string, code: string) => out.push({ field, message, code, severity: 'error' });
  switch (c?.kind) {
    case 'threshold': {
      checkScope(c, at, ctx);
      checkRequirement(c.require, `${at}.require`, out);
      if (!BASES.includes(c.base)) error(`${at}.base`, `Unknown base "${c.base}"`, 'invalid_base');
      if (c.measure !== undefined && c.measure !== 'count' && c.measure !== 'weight') error(`${at}.measure`, 'measure must be count or weight', 'invalid_measure');
      if (c.base === 'fixed_membership') {
        checkFixed(c, at, ctx);
        if (c.measure !== 'count') error(`${at}.measure`, 'fixed_membership is counted in seats: set measure "count"', 'invalid_measure');
      }
      return;
    }
    case 'min_yes': {
      checkScope(c, at, ctx);
      if (!(Number.isInteger(c.count) && c.count >= 1)) error(`${at}.count`, 'count must be a whole number of at least 1', 'invalid_count');
      else
        for (const g of scopeGroups(c, ctx).length ? scopeGroups(c, ctx) : [undefined]) {
          const n = votingSeatsIn(ctx, g);
          if (n !== null && n < c.count)
            out.push({ field: `${at}.count`, message: `${g ?? 'The body'} has ${n} voting seats, fewer than ${c.count}: this never passes`, code: 'never_passes', severity: 'warning' });
        }
      return;
    }
    case 'veto': {
      if ((c.seat === undefined) === (c.group === undefined)) error(at, 'A veto names exactly one seat or one group', 'invalid_veto');
      if (c.group !== undefined && !ctx.index.has(c.group)) error(`${at}.group`, `Unknown group "${c.group}"`, 'unknown_group');
      if (c.agree !== undefined && c.agree !== 'unanimous' && c.agree !== 'majority') error(`${at}.agree`, 'agree must be unanimous or majority', 'invalid_veto');
      if (c.seat !== undefined && ctx.seats) {
        const s = ctx.seats.get(c.seat);
        if (!s) error(`${at}.seat`, `Unknown seat "${c.seat}"`, 'unknown_seat');
        else if (s.voting === false)
          out.push({ field: `${at}.seat`, message: `Seat "${c.seat}" does not vote: this never passes`, code: 'never_passes', severity: 'warning' });
      }
      return;
    }
    case 'consensus':
      if (c.maxStandAsides !== undefined && !(Number.isInteger(c.maxStandAsides) && c.maxStandAsides >= 0))
        error(`${at}.maxStandAsides`, 'maxStandAsides must be a whole number', 'invalid_count');
      return;
    case 'consent':
      return;
    case 'all':
    case 'any':
      if (!Array.isArray(c.of) || c.of.length === 0) error(`${at}.of`, `"${c.kind}" needs at least one condition`, 'empty');
      else c.of.forEach((x, i) => checkCondition(x, `${at}.of[${i}]`, ctx));
      return;
    default:
      error(`${at}.kind`, `Unknown condition kind "${(c as { kind?: unknown })?.kind}"`, 'invalid_kind');
  }
}

/** Checks one rule against the charter; `at` is the path of the rule in the charter. */
export function checkRule(charter: Charter, rule: Rule, at = 'rule'): CharterIssue[] {
  const ctx: Ctx = {
    charter,
    index: indexGroups(charter.groups),
    seats: charter.seats ? new Map(charter.seats.map((s) => [s.id, s])) : null,
    out: [],
  };
  (rule.quorum ?? []).forEach((q, i) => checkQuorum(q, `${at}.quorum[${i}]`, ctx));
  if (rule.kind === 'staged') {
    if (!Array.isArray(rule.stages) || rule.stages.length === 0)
      ctx.out.push({ field: `${at}.stages`, message: 'A staged procedure needs at least one stage', code: 'empty', severity: 'error' });
    const ids = new Set<string>();
    (rule.stages ?? []).forEach((s, i) => {
      if (!s.id || ids.has(s.id)) ctx.out.push({ field: `${at}.stages[${i}].id`, message: 'Each stage needs a unique id', code: 'invalid_id', severity: 'error' });
      ids.add(s.id);
      if (s.onFail !== undefined && !['next', 'refer', 'reject'].includes(s.onFail))
        ctx.out.push({ field: `${at}.stages[${i}].onFail`, message: 'onFail must be next, refer or reject', code: 'invalid_stage', severity: 'error' });
      checkCondition(s.pass, `${at}.stages[${i}].pass`, ctx);
    });
  } else if (rule.kind === undefined || rule.kind === 'simple') {
    checkCondition(rule.pass, `${at}.pass`, ctx);
  } else {
    ctx.out.push({ field: `${at}.kind`, message: 'Rule kind must be simple or staged', code: 'invalid_kind', severity: 'error' });
  }
  return ctx.out;
}

/** Every problem of a charter, each with its path; warnings (severity 'warning') for rules that never fail or never pass. */
export function checkCharter(charter: Charter): CharterIssue[] {
  const out: CharterIssue[] = [];
  if (charter.groups !== undefined) checkGroups(charter.groups, 'groups', false, true, out);
  if (charter.seats !== undefined) out.push(...checkSeats(charter, charter.seats, 'seats'));
  for (const [name, rule] of Object.entries(charter.rules ?? {})) out.push(...checkRule(charter, rule, `rules.${name}`));
  return out;
}

export const errorsOnly = (issues: CharterIssue[]): CharterIssue[] => issues.filter((i) => i.severity === 'error');
