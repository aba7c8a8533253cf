/**
 * Counting one decision under one rule: pure, exact (BigInt fractions), independent of ballot order.
 * Semantics are documented in docs/domain/charter.md.
 */
import { DomainError, type FieldIssue } from '../kernel/errors';
import { addF, cmpF, divF, frac, fractionToString, mulF, type Fraction } from '../kernel/fraction';
import {
  checkCharter,
  checkRule,
  checkSeats,
  errorsOnly,
  inGroup,
  indexGroups,
  parseRatio,
  requirementOf,
  usesShares,
  type Base,
  type Charter,
  type Condition,
  type GroupInfo,
  type QuorumCondition,
  type Requirement,
  type Rule,
  type Seat,
  type Spread,
} from './charter';

export type Choice = 'yes' | 'no' | 'abstain' | 'agree' | 'stand_aside' | 'block' | 'consent' | 'objection';
export const CHOICES: readonly Choice[] = ['yes', 'no', 'abstain', 'agree', 'stand_aside', 'block', 'consent', 'objection'];

export interface Ballot {
  voter: string;
  choice: Choice;
  /** Required for block and objection. */
  reason?: string;
  /** Objections: default true. A non-paramount objection does not stop consent. */
  paramount?: boolean;
  /** Objections: resolved (e.g. by amending the proposal) no longer stop consent. */
  resolved?: boolean;
}

export type OutcomeKind = 'adopted' | 'rejected' | 'no_quorum' | 'referred';

export interface ConditionResult {
  label: string;
  passed: boolean;
  required: string;
  actual: string;
  /** One sentence a person can follow, e.g. "economic: 40% yes of votes cast, needs more than 50%: fails". */
  explanation: string;
  /** Exact numbers as "num/den" strings. */
  numbers: Record<string, string>;
  /** The stage this condition was evaluated in (staged procedures). */
  stage?: string;
}

export interface Outcome {
  outcome: OutcomeKind;
  /** The grade of the stage that adopted (staged procedures). */
  grade?: string;
  /** The stage that adopted, referred or rejected (staged procedures). */
  stage?: string;
  conditions: ConditionResult[];
}

export interface DecideOptions {
  /** Start a staged procedure at this stage (e.g. the vote after a referral). */
  startAt?: string;
}

/** Yes-side, no-side and abstaining choices (how ballots of one family read under conditions of another). */
const YES = new Set<Choice>(['yes', 'agree', 'consent']);
const NO = new Set<Choice>(['no', 'block', 'objection']);

// ---------------------------------------------------------------------------------------------------------------
// Voting power

interface Voter {
  seat: Seat;
  voting: boolean;
  present: boolean;
  ballot?: Ballot;
  /** Power counted toward all-members bases. */
  nominal: Fraction;
  /** Power counted toward present / votes-cast bases (differs from nominal under the per_present spread). */
  effective: Fraction;
}

const ZERO = frac(0);
const ONE = frac(1);
const sumF = (xs: Fraction[]): Fraction => xs.reduce(addF, ZERO);
const fs = (f: Fraction): string => `${f.num}/${f.den}`;

/** The deepest group on a seat's path that carries a share: the unit its share is spread over. */
function unitOf(path: string, index: Map<string, GroupInfo>): GroupInfo | undefined {
  const parts = path.split('/');
  for (let n = parts.length; n > 0; n--) {
    const g = index.get(parts.slice(0, n).join('/'));
    if (g?.share) return g;
  }
  return undefined;
}

function buildVoters(charter: Charter, members: Seat[], ballots: Ballot[]): Voter[] {
  const byVoter = new Map(ballots.map((b) => [b.voter, b]));
  const voters: Voter[] = members.map((seat) => {
    const ballot = byVoter.get(seat.id);
    return { seat, voting: seat.voting !== false, present: ballot !== undefined || seat.present === true, ballot, nominal: ZERO, effective: ZERO };
  });
  if (usesShares(charter)) {
    const index = indexGroups(charter.groups);
    const units = new Map<string, { info: GroupInfo; voters: Voter[] }>();
    for (const v of voters) {
      if (!v.voting || v.seat.group === undefined) continue;
      const info = unitOf(v.seat.group, index);
      if (!info) continue;
      const u = units.get(info.path) ?? { info, voters: [] };
      u.voters.push(v);
      units.set(info.path, u);
    }
    for (const { info, voters: vs } of units.values()) {
      const share = info.share as Fraction;
      const spread: Spread = info.group.spread ?? 'per_member';
      const present = vs.filter((v) => v.present).length;
      for (const v of vs) {
        v.nominal = divF(share, frac(vs.length));
        v.effective = spread === 'per_present' ? (v.present ? divF(share, frac(present)) : ZERO) : v.nominal;
      }
    }
  } else {
    for (const v of voters) {
      if (!v.voting) continue;
      v.nominal = v.effective = parseRatio(v.seat.weight ?? '1') ?? ONE;
    }
  }
  return voters;
}

// ---------------------------------------------------------------------------------------------------------------
// Tallies

interface Tally {
  yes: Fraction;
  no: Fraction;
  abstain: Fraction;
  cast: Fraction;
  present: Fraction;
  all: Fraction;
}

/**
 * Sums the ballots of these voters. `power` says which voting power counts: `effective` (a unit's share spread
 * over those present, for thresholds of votes cast or of those present) or `nominal` (the share spread over
 * every member, for presence and for bases over all members: absentees keep their weight and count against).
 */
function tally(voters: Voter[], measure: 'count' | 'weight', power: 'effective' | 'nominal' = 'effective'): Tally {
  const t = { yes: ZERO, no: ZERO, abstain: ZERO, present: ZERO, all: ZERO };
  for (const v of voters) {
    if (!v.voting) continue;
    const eff = measure === 'count' ? ONE : power === 'nominal' ? v.nominal : v.effective;
    t.all = addF(t.all, measure === 'count' ? ONE : v.nominal);
    if (!v.present) continue;
    t.present = addF(t.present, eff);
    if (!v.ballot) t.abstain = addF(t.abstain, eff);
    else if (YES.has(v.ballot.choice)) t.yes = addF(t.yes, eff);
    else if (NO.has(v.ballot.choice)) t.no = addF(t.no, eff);
    else t.abstain = addF(t.abstain, eff);
  }
  return { ...t, cast: addF(t.yes, t.no) };
}

// ---------------------------------------------------------------------------------------------------------------
// Display (rounded for people; never used to decide)

function pct(f: Fraction): string {
  const s = fractionToString(mulF(f, frac(100)), 1);
  return (s.endsWith('.0') ? s.slice(0, -2) : s) + '%';
}
const num = (f: Fraction): string => (f.den === 1n ? f.num.toString() : fractionToString(f, 4));
const verdict = (p: boolean): string => (p ? 'passes' : 'fails');
const BASE_TEXT: Record<Base, string> = {
  votes_cast: 'votes cast',
  present: 'members present',
  all_members: 'all members',
  fixed_membership: 'the fixed membership',
};

/** Smallest whole number meeting the requirement against a whole-number base. */
function neededCount(ratio: Fraction, strict: boolean, base: Fraction): bigint {
  const p = mulF(ratio, base);
  const floor = p.num / p.den; // non-negative
  if (strict) return floor + 1n;
  return p.num % p.den === 0n ? floor : floor + 1n;
}

function meets(actual: Fraction, ratio: Fraction, strict: boolean, base: Fraction): boolean {
  if (base.num === 0n) return false;
  const c = cmpF(actual, mulF(ratio, base));
  return strict ? c > 0 : c >= 0;
}

function requirementText(r: Requirement): string {
  const { ratio, strict } = requirementOf(r);
  return `${strict ? 'more than' : 'at least'} ${pct(ratio)}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Conditions

interface Env {
  charter: Charter;
  index: Map<string, GroupInfo>;
  voters: Voter[];
  stage?: string;
}

const groupName = (env: Env, path: string): string => env.index.get(path)?.group.name ?? path;

function scopes(env: Env, c: { group?: string; eachGroup?: 'top' | string[] }): { name: string; path?: string }[] {
  const list = c.eachGroup === 'top' ? (env.charter.groups ?? []).map((g) => g.id) : Array.isArray(c.eachGroup) ? c.eachGroup : c.group !== undefined ? [c.group] : [];
  if (list.length === 0) return [{ name: 'all' }];
  return list.map((p) => ({ name: groupName(env, p), path: p }));
}

const votersIn = (env: Env, path?: string): Voter[] => (path === undefined ? env.voters : env.voters.filter((v) => inGroup(v.seat.group, path)));

function fixedSeats(env: Env, c: { seats?: number }, path?: string): Fraction {
  const n = c.seats ?? (path !== undefined ? env.index.get(path)?.group.seats : undefined) ?? 0;
  return frac(n);
}

function quorumResults(env: Env, q: QuorumCondition): ConditionResult[] {
  const measure = q.measure ?? 'count';
  return scopes(env, q).map(({ name, path }): ConditionResult => {
    const vs = votersIn(env, path);
    // presence is measured with nominal power: one member present does not carry the whole unit
    const t = tally(vs, measure, 'nominal');
    let present = t.present;
    if (measure === 'count' && q.countNonVoting) present = addF(present, frac(vs.filter((v) => !v.voting && v.present).length));
    const prefix = name === 'all' ? 'quorum' : `quorum, ${name}`;
    const what = measure === 'count' ? 'members' : 'voting power';
    if (q.count !== undefined) {
      const passed = cmpF(present, frac(q.count)) >= 0;
      return {
        label: q.label ?? `${prefix}: at least ${q.count} present`,
        passed,
        required: `at least ${q.count} present`,
        actual: `${num(present)} present`,
        explanation: `${name === 'all' ? 'quorum' : name + ' quorum'}: ${num(present)} present, needs at least ${q.count}: ${verdict(passed)}`,
        numbers: { present: fs(present), required: fs(frac(q.count)) },
        ...(env.stage ? { stage: env.stage } : {}),
      };
    }
    const req = q.min ?? { kind: 'majority' };
    const { ratio, strict } = requirementOf(req);
    const baseKind = q.base ?? 'all_members';
    let base: Fraction;
    if (baseKind === 'fixed_membership') base = fixedSeats(env, q, path);
    else if (baseKind === 'present') base = present;
    else {
      base = t.all;
      if (measure === 'count' && q.countNonVoting) base = addF(base, frac(vs.filter((v) => !v.voting).length));
    }
    const passed = meets(present, ratio, strict, base);
    const share = base.num === 0n ? ZERO : divF(present, base);
    const countHint = measure === 'count' && base.num > 0n ? ` (${neededCount(ratio, strict, base)} of ${num(base)})` : '';
    const baseText = baseKind === 'fixed_membership' ? 'the fixed membership' : baseKind === 'present' ? 'those present' : `all ${what}`;
    return {
      label: q.label ?? `${prefix}: ${requirementText(req)} of ${baseText} present`,
      passed,
      required: `${requirementText(req)} of ${baseText}${countHint}`,
      actual: `${pct(share)} present (${num(present)} of ${num(base)})`,
      explanation: `${name === 'all' ? 'quorum' : name + ' quorum'}: ${pct(share)} of ${baseText} present, needs ${requirementText(req)}${countHint}: ${verdict(passed)}`,
      numbers: { present: fs(present), base: fs(base), ratio: fs(share), required: fs(ratio) },
      ...(env.stage ? { stage: env.stage } : {}),
    };
  });
}

/** Evaluates a condition; returns whether it passed and the rows that explain it. */
function evaluate(env: Env, c: Condition): { passed: boolean; rows: ConditionResult[] } {
  const st = env.stage ? { stage: env.stage } : {};
  switch (c.kind) {
    case 'threshold': {
      const measure = c.base === 'fixed_membership' ? 'count' : c.measure ?? 'weight';
      const { ratio, strict } = requirementOf(c.require);
      const rows = scopes(env, c).map(({ name, path }): ConditionResult => {
        const t = tally(votersIn(env, path), measure, c.base === 'votes_cast' || c.base === 'present' ? 'effective' : 'nominal');
        const base = c.base === 'votes_cast' ? t.cast : c.base === 'present' ? t.present : c.base === 'all_members' ? t.all : fixedSeats(env, c, path);
        const passed = meets(t.yes, ratio, strict, base);
        const share = base.num === 0n ? ZERO : divF(t.yes, base);
        const countHint = measure === 'count' && base.num > 0n ? ` (at least ${neededCount(ratio, strict, base)} yes of ${num(base)})` : '';
        const who = name === 'all' ? 'all' : name;
        return {
          label: c.label ? (name === 'all' ? c.label : `${c.label}: ${name}`) : `${who}: ${requirementText(c.require)} yes of ${BASE_TEXT[c.base]}`,
          passed,
          required: `${requirementText(c.require)} of ${BASE_TEXT[c.base]}${countHint}`,
          actual: base.num === 0n ? `no ${BASE_TEXT[c.base]}` : `${pct(share)} yes (${num(t.yes)} of ${num(base)})`,
          explanation:
            base.num === 0n
              ? `${who}: no ${BASE_TEXT[c.base]}, needs ${requirementText(c.require)} yes: fails`
              : `${who}: ${pct(share)} yes of ${BASE_TEXT[c.base]}, needs ${requirementText(c.require)}${countHint}: ${verdict(passed)}`,
          numbers: { yes: fs(t.yes), no: fs(t.no), abstain: fs(t.abstain), base: fs(base), ratio: fs(share), required: fs(ratio) },
          ...st,
        };
      });
      return { passed: rows.every((r) => r.passed), rows };
    }
    case 'min_yes': {
      const rows = scopes(env, c).map(({ name, path }): ConditionResult => {
        const yes = tally(votersIn(env, path), 'count').yes;
        const passed = cmpF(yes, frac(c.count)) >= 0;
        return {
          label: c.label ? (name === 'all' ? c.label : `${c.label}: ${name}`) : `${name}: at least ${c.count} yes votes`,
          passed,
          required: `at least ${c.count} yes votes`,
          actual: `${num(yes)} yes`,
          explanation: `${name}: ${num(yes)} yes votes, needs at least ${c.count}: ${verdict(passed)}`,
          numbers: { yes: fs(yes), required: fs(frac(c.count)) },
          ...st,
        };
      });
      return { passed: rows.every((r) => r.passed), rows };
    }
    case 'veto': {
      if (c.seat !== undefined) {
        const v = env.voters.find((x) => x.seat.id === c.seat);
        const choice = v?.ballot?.choice;
        const passed = choice !== undefined && YES.has(choice);
        const who = v?.seat.name ?? c.seat;
        return {
          passed,
          rows: [{
            label: c.label ?? `veto: ${who} must vote yes`,
            passed,
            required: `${who} votes yes`,
            actual: choice ? `${who} voted ${choice}` : `${who} did not vote`,
            explanation: `${who} ${choice ? 'voted ' + choice : 'did not vote'}, must vote yes: ${verdict(passed)}`,
            numbers: { yes: fs(frac(passed ? 1 : 0)) },
            ...st,
          }],
        };
      }
      const path = c.group as string;
      const t = tally(votersIn(env, path), 'count');
      const agree = c.agree ?? 'unanimous';
      const passed = agree === 'unanimous' ? t.yes.num > 0n && t.no.num === 0n : cmpF(t.yes, t.no) > 0;
      const who = groupName(env, path);
      const need = agree === 'unanimous' ? 'at least one yes and no no' : 'more yes than no';
      return {
        passed,
        rows: [{
          label: c.label ?? `veto: ${who} must agree`,
          passed,
          required: need,
          actual: `${num(t.yes)} yes, ${num(t.no)} no`,
          explanation: `${who}: ${num(t.yes)} yes, ${num(t.no)} no, needs ${need}: ${verdict(passed)}`,
          numbers: { yes: fs(t.yes), no: fs(t.no) },
          ...st,
        }],
      };
    }
    case 'consensus': {
      const voting = env.voters.filter((v) => v.voting && v.ballot);
      const blocks = voting.filter((v) => v.ballot!.choice === 'block' || v.ballot!.choice === 'no' || v.ballot!.choice === 'objection').length;
      const asides = voting.filter((v) => v.ballot!.choice === 'stand_aside' || v.ballot!.choice === 'abstain').length;
      const agrees = voting.filter((v) => YES.has(v.ballot!.choice)).length;
      const capOk = c.maxStandAsides === undefined || asides <= c.maxStandAsides;
      const passed = blocks === 0 && capOk && agrees > 0;
      const need = `no block${c.maxStandAsides === undefined ? '' : `, at most ${c.maxStandAsides} stand-asides`}`;
      return {
        passed,
        rows: [{
          label: c.label ?? 'consensus',
          passed,
          required: need,
          actual: `${agrees} agree, ${asides} stand aside, ${blocks} block`,
          explanation: `consensus: ${agrees} agree, ${asides} stand aside, ${blocks} block, needs ${need}: ${verdict(passed)}`,
          numbers: { agree: fs(frac(agrees)), standAside: fs(frac(asides)), block: fs(frac(blocks)) },
          ...st,
        }],
      };
    }
    case 'consent': {
      const voting = env.voters.filter((v) => v.voting && v.ballot);
      const open = voting.filter((v) => {
        const b = v.ballot!;
        if (b.choice === 'objection') return b.paramount !== false && b.resolved !== true;
        return b.choice === 'no' || b.choice === 'block';
      });
      const resolved = voting.filter((v) => v.ballot!.choice === 'objection' && !open.includes(v)).length;
      const passed = open.length === 0 && voting.length > 0;
      const ids = open.map((v) => v.seat.id).sort();
      return {
        passed,
        rows: [{
          label: c.label ?? 'consent',
          passed,
          required: 'no open paramount objection',
          actual: open.length ? `open objections from ${ids.join(', ')}` : `no open objection (${resolved} resolved or not paramount)`,
          explanation: `consent: ${open.length} open paramount objection${open.length === 1 ? '' : 's'}${ids.length ? ' (' + ids.join(', ') + ')' : ''}, needs none: ${verdict(passed)}`,
          numbers: { openObjections: fs(frac(open.length)), otherObjections: fs(frac(resolved)) },
          ...st,
        }],
      };
    }
    case 'all':
    case 'any': {
      const parts = c.of.map((x) => evaluate(env, x));
      const n = parts.filter((p) => p.passed).length;
      const passed = c.kind === 'all' ? n === parts.length : n > 0;
      const need = c.kind === 'all' ? `all ${parts.length} conditions` : 'at least one condition';
      const head: ConditionResult = {
        label: c.label ?? (c.kind === 'all' ? 'all of' : 'any of'),
        passed,
        required: need,
        actual: `${n} of ${parts.length} pass`,
        explanation: `${c.label ?? (c.kind === 'all' ? 'all of' : 'any of')}: ${n} of ${parts.length} conditions pass, needs ${need}: ${verdict(passed)}`,
        numbers: { passing: fs(frac(n)), conditions: fs(frac(parts.length)) },
        ...st,
      };
      return { passed, rows: [head, ...parts.flatMap((p) => p.rows)] };
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Validation of the input

function checkBallots(members: Seat[], ballots: Ballot[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seats = new Map(members.map((m) => [m.id, m]));
  const seen = new Set<string>();
  ballots.forEach((b, i) => {
    const f = `ballots[${i}]`;
    const seat = seats.get(b.voter);
    if (!seat) issues.push({ field: `${f}.voter`, message: `"${b.voter}" is not a member of this body`, code: 'unknown_voter' });
    else if (seat.voting === false) issues.push({ field: `${f}.voter`, message: `"${b.voter}" holds a non-voting seat`, code: 'not_voting' });
    if (seen.has(b.voter)) issues.push({ field: `${f}.voter`, message: `A second ballot for "${b.voter}"`, code: 'duplicate' });
    seen.add(b.voter);
    if (!CHOICES.includes(b.choice)) issues.push({ field: `${f}.choice`, message: `Unknown choice "${b.choice}"`, code: 'invalid_choice' });
    if ((b.choice === 'block' || b.choice === 'objection') && !(typeof b.reason === 'string' && b.reason.trim() !== ''))
      issues.push({ field: `${f}.reason`, message: `A ${b.choice === 'block' ? 'block' : 'objection'} needs a reason`, code: 'reason_required' });
  });
  return issues;
}

const DEFAULT_QUORUM: QuorumCondition = { kind: 'quorum', label: 'quorum (default): a majority of all voting members present', measure: 'count', min: { kind: 'majority' }, base: 'all_members' };

/**
 * Decides one decision under one rule. `rule` is a rule or the name of one of the charter's rules; `members` is the
 * roll of seats for this decision (default: the charter's seats). Throws DomainError('validation_failed') on an
 * invalid charter, rule, roll or ballot (unknown or non-voting voter, second ballot, block without reason).
 */
export function decide(charter: Charter, rule: Rule | string, ballots: Ballot[], members: Seat[] = charter.seats ?? [], options: DecideOptions = {}): Outcome {
  const r = typeof rule === 'string' ? charter.rules?.[rule] : rule;
  if (!r) throw new DomainError('validation_failed', `The charter has no rule "${String(rule)}"`, [{ field: 'rule', message: `Unknown rule "${String(rule)}"`, code: 'unknown_rule' }]);
  const issues: FieldIssue[] = [
    ...errorsOnly(checkCharter(charter)),
    ...(typeof rule === 'string' ? [] : errorsOnly(checkRule(charter, r))),
    ...errorsOnly(checkSeats(charter, members, 'members')),
    ...checkBallots(members, ballots),
  ];
  if (r.kind === 'staged' && options.startAt !== undefined && !r.stages.some((s) => s.id === options.startAt))
    issues.push({ field: 'startAt', message: `Unknown stage "${options.startAt}"`, code: 'unknown_stage' });
  if (issues.length) throw new DomainError('validation_failed', 'The decision cannot be counted', issues);

  // Sort the roll so nothing depends on the order of input.
  const sorted = [...members].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const env: Env = { charter, index: indexGroups(charter.groups), voters: buildVoters(charter, sorted, ballots) };

  const quorumRows = (r.quorum ?? [DEFAULT_QUORUM]).flatMap((q) => quorumResults(env, q));
  if (quorumRows.some((q) => !q.passed)) return { outcome: 'no_quorum', conditions: quorumRows };

  if (r.kind !== 'staged') {
    const { passed, rows } = evaluate(env, r.pass);
    return { outcome: passed ? 'adopted' : 'rejected', conditions: [...quorumRows, ...rows] };
  }
  const rows: ConditionResult[] = [...quorumRows];
  const start = options.startAt === undefined ? 0 : r.stages.findIndex((s) => s.id === options.startAt);
  for (let i = start; i < r.stages.length; i++) {
    const s = r.stages[i];
    const res = evaluate({ ...env, stage: s.id }, s.pass);
    rows.push(...res.rows);
    if (res.passed) return { outcome: 'adopted', grade: s.grade ?? s.id, stage: s.id, conditions: rows };
    const onFail = s.onFail ?? 'next';
    if (onFail === 'refer') return { outcome: 'referred', stage: s.id, conditions: rows };
    if (onFail === 'reject' || i === r.stages.length - 1) return { outcome: 'rejected', stage: s.id, conditions: rows };
  }
  return { outcome: 'rejected', conditions: rows };
}

/** The explanation of an outcome as lines of text. */
export function explain(o: Outcome): string[] {
  const head = `${o.outcome}${o.grade ? ` (grade: ${o.grade})` : ''}${o.stage ? ` at stage ${o.stage}` : ''}`;
  return [head, ...o.conditions.map((c) => `${c.stage ? `[${c.stage}] ` : ''}${c.explanation}`)];
}
