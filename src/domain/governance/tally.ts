/**
 * Counting by cells. Seats that share a group path, a weight text and the voting flag are symmetric: every
 * condition of the charter language sees them alike, so a decision can be counted from how many of each cell chose
 * what (a `CellTally`) instead of seat by seat. `decide()` in count.ts is `tallyBallots` + `decideTallied`; the
 * store aggregates in SQL (`GROUP BY group_path, weight, choice`) and calls `tallyFromRows` + `decideTallied`.
 * Exact (BigInt fractions), independent of ballot order. Semantics: docs/domain/charter.md.
 */
import { DomainError, issue, type FieldIssue } from '../kernel/errors';
import { msg, type Msg } from '../kernel/messages';
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
import type { Ballot, ConditionResult, DecideOptions, Outcome } from './count';

export type Choice = 'yes' | 'no' | 'abstain' | 'agree' | 'stand_aside' | 'block' | 'consent' | 'objection';
/** Every choice; a choice's position here is its code in `tallyEncoded`. */
export const CHOICES: readonly Choice[] = ['yes', 'no', 'abstain', 'agree', 'stand_aside', 'block', 'consent', 'objection'];
const K = CHOICES.length;

/** Yes-side, no-side and abstaining choices (how ballots of one family read under conditions of another). */
const YES = new Set<Choice>(['yes', 'agree', 'consent']);
const NO = new Set<Choice>(['no', 'block', 'objection']);

/** How many seat ids of open objections and blocks a tally keeps by default (explanations add "and N more"). */
export const NAMED_LIMIT = 20;

// ---------------------------------------------------------------------------------------------------------------
// The aggregated input

/**
 * One cell: the seats on the roll (recused seats excluded) with the same group path, weight text and voting flag.
 * Members of a cell are symmetric, so only counts matter.
 */
export interface TallyCell {
  /** The seats' group path; undefined for seats in no group. */
  group: string | undefined;
  /** The seats' weight text (charters without shares); undefined means "1". */
  weight: string | undefined;
  voting: boolean;
  /** Seats on the roll in this cell. */
  members: number;
  /** Members present without a ballot (`present: true`); members with a ballot are present anyway. */
  present: number;
  /** Ballots per choice (voting cells only). */
  counts: Record<Choice, number>;
  /** Of the `objection` ballots, how many are not paramount or are resolved (they do not stop consent). */
  settled: number;
}

/** A seat a condition names individually (a veto seat) and its ballot. */
export interface NamedSeat {
  id: string;
  name?: string;
  /** False when the seat is not on the roll (or recused): it did not vote. */
  onRoll: boolean;
  /** The seat's ballot; absent when it did not vote. */
  choice?: Choice;
}

/** Some seat ids (sorted, at most a limit) and how many there are in all. */
export interface NamedIds {
  ids: string[];
  total: number;
}

export interface NamedBallots {
  /** Every seat that a veto of the rule names (see `namedSeatIds`), on the roll or not. */
  seats: NamedSeat[];
  /** Voting seats with an open objection for consent: `objection` (paramount, unresolved), `no` or `block`. */
  open: NamedIds;
  /** Voting seats that block consensus: `block`, `no` or `objection`. */
  blocks: NamedIds;
}

export interface CellTally {
  cells: TallyCell[];
  named: NamedBallots;
}

const emptyCounts = (): Record<Choice, number> => ({ yes: 0, no: 0, abstain: 0, agree: 0, stand_aside: 0, block: 0, consent: 0, objection: 0 });
const cellKey = (group: string | undefined | null, weight: string | undefined | null, voting: boolean): string =>
  `${group ?? '\u0001'}\u0000${weight ?? '\u0001'}\u0000${voting ? 1 : 0}`;
const cmpStr = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const isOpenObjection = (b: Ballot): boolean =>
  b.choice === 'objection' ? b.paramount !== false && b.resolved !== true : b.choice === 'no' || b.choice === 'block';
const isBlock = (c: Choice): boolean => c === 'block' || c === 'no' || c === 'objection';
const named = (all: string[], limit: number): NamedIds => ({ ids: all.sort().slice(0, limit), total: all.length });

function walkConditions(rule: Rule | undefined, visit: (c: Condition) => void): void {
  const walk = (c: Condition | undefined): void => {
    if (!c || typeof c !== 'object') return;
    visit(c);
    if ((c.kind === 'all' || c.kind === 'any') && Array.isArray(c.of)) c.of.forEach(walk);
  };
  if (!rule) return;
  if (rule.kind === 'staged') (Array.isArray(rule.stages) ? rule.stages : []).forEach((s) => walk(s?.pass));
  else walk(rule.pass);
}

/**
 * The seats that vetoes name individually, sorted: in `rule` (a rule or a rule name), or in every rule of the
 * charter when no rule is given. The store fetches these seats' ballots for `NamedBallots.seats`.
 */
export function namedSeatIds(charter: Charter, rule?: Rule | string): string[] {
  const rules = rule === undefined ? Object.values(charter.rules ?? {}) : [typeof rule === 'string' ? charter.rules?.[rule] : rule];
  const out = new Set<string>();
  for (const r of rules) walkConditions(r, (c) => c.kind === 'veto' && typeof c.seat === 'string' && out.add(c.seat));
  return [...out].sort();
}

// ---------------------------------------------------------------------------------------------------------------
// Building a tally

/** Issues with the ballots of one decision: unknown, non-voting or recused voter, second ballot, missing reason. */
export function checkBallots(members: Seat[], ballots: Ballot[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seats = new Map(members.map((m) => [m.id, m]));
  const seen = new Set<string>();
  ballots.forEach((b, i) => {
    const f = `ballots[${i}]`;
    const seat = seats.get(b.voter);
    const voter = String(b.voter);
    if (!seat) issues.push(issue(`${f}.voter`, msg('governance.tally.not_a_member', { voter }), 'unknown_voter'));
    else if (seat.voting === false) issues.push(issue(`${f}.voter`, msg('governance.tally.non_voting_seat', { voter }), 'not_voting'));
    else if (seat.recused === true) issues.push(issue(`${f}.voter`, msg('governance.tally.recused', { voter }), 'recused'));
    if (seen.has(b.voter)) issues.push(issue(`${f}.voter`, msg('governance.tally.second_ballot', { voter }), 'duplicate'));
    seen.add(b.voter);
    if (!CHOICES.includes(b.choice)) issues.push(issue(`${f}.choice`, msg('governance.tally.unknown_choice', { choice: String(b.choice) }), 'invalid_choice'));
    if ((b.choice === 'block' || b.choice === 'objection') && !(typeof b.reason === 'string' && b.reason.trim() !== ''))
      issues.push(issue(`${f}.reason`, msg(b.choice === 'block' ? 'governance.tally.block_needs_reason' : 'governance.tally.objection_needs_reason'), 'reason_required'));
  });
  return issues;
}

/**
 * Builds the tally of valid input (no checks: see `tallyBallots`). Recused seats are left out. Cells come sorted by
 * group, weight and voting flag, so the tally does not depend on the order of the roll or of the ballots.
 * @internal used by decide()
 */
export function buildTally(members: Seat[], ballots: Ballot[], namedIds: Iterable<string>, limit = NAMED_LIMIT): CellTally {
  const byVoter = new Map<string, Ballot>();
  for (const b of ballots) byVoter.set(b.voter, b);
  const want = new Set(namedIds);
  const cells = new Map<string, TallyCell>();
  const seats: NamedSeat[] = [];
  const open: string[] = [];
  const blocks: string[] = [];
  for (const seat of members) {
    if (seat.recused === true) continue;
    const voting = seat.voting !== false;
    const key = cellKey(seat.group, seat.weight, voting);
    let cell = cells.get(key);
    if (!cell) {
      cell = { group: seat.group, weight: seat.weight, voting, members: 0, present: 0, counts: emptyCounts(), settled: 0 };
      cells.set(key, cell);
    }
    cell.members++;
    const b = byVoter.get(seat.id);
    if (b && voting) {
      cell.counts[b.choice]++;
      if (b.choice === 'objection' && !isOpenObjection(b)) cell.settled++;
      if (isOpenObjection(b)) open.push(seat.id);
      if (isBlock(b.choice)) blocks.push(seat.id);
    } else if (b || seat.present === true) cell.present++;
    if (want.has(seat.id)) {
      want.delete(seat.id);
      seats.push({ id: seat.id, ...(seat.name !== undefined ? { name: seat.name } : {}), onRoll: true, ...(b && voting ? { choice: b.choice } : {}) });
    }
  }
  for (const id of want) seats.push({ id, onRoll: false });
  return {
    cells: [...cells.entries()].sort((a, b) => cmpStr(a[0], b[0])).map(([, c]) => c),
    named: { seats: seats.sort((a, b) => cmpStr(a.id, b.id)), open: named(open, limit), blocks: named(blocks, limit) },
  };
}

export interface TallyBallotsOptions {
  /** Name the veto seats of this rule (default: of every rule of the charter). */
  rule?: Rule | string;
  /** How many seat ids of open objections and blocks to keep (default NAMED_LIMIT). */
  namedLimit?: number;
}

/**
 * Aggregates seat-level ballots into cells (Map lookups, no fractions). Throws DomainError('validation_failed') on
 * an invalid roll or ballot, like decide(). Recused seats leave the base: they are not on the roll.
 */
export function tallyBallots(charter: Charter, members: Seat[], ballots: Ballot[], options: TallyBallotsOptions = {}): CellTally {
  const issues = [...errorsOnly(checkSeats(charter, members, 'members')), ...checkBallots(members, ballots)];
  if (issues.length) throw new DomainError('validation_failed', msg('governance.tally.cannot_be_tallied'), issues);
  return buildTally(members, ballots, namedSeatIds(charter, options.rule), options.namedLimit ?? NAMED_LIMIT);
}

/**
 * The hot loop: ballot i lies in cell `cellOfBallot[i]` (0 <= cell < cells) and chose `CHOICES[choice[i]]`.
 * Returns the counts as `counts[cell * CHOICES.length + choiceIndex]`. Throws DomainError('validation_failed') on
 * arrays of different lengths or a cell or choice out of range (nothing is silently dropped).
 */
export function tallyEncoded(cellOfBallot: Uint16Array | Uint32Array, choice: Uint8Array, cells: number): Uint32Array {
  if (!(Number.isSafeInteger(cells) && cells >= 0))
    throw new DomainError('validation_failed', msg('governance.tally.bad_encoded_ballots'), [issue('cells', msg('governance.tally.must_be_whole', { name: 'cells' }), 'invalid_count')]);
  const n = cellOfBallot.length;
  if (choice.length !== n)
    throw new DomainError('validation_failed', msg('governance.tally.bad_encoded_ballots'), [issue('choice', msg('governance.tally.choices_for_ballots', { choices: choice.length, ballots: n }), 'length_mismatch')]);
  const out = new Uint32Array(cells * K);
  for (let i = 0; i < n; i++) {
    const c = cellOfBallot[i];
    const ch = choice[i];
    if (c >= cells || ch >= K) {
      const field = c >= cells ? `cellOfBallot[${i}]` : `choice[${i}]`;
      const why = c >= cells ? msg('governance.tally.cell_out_of_range', { cell: c }) : msg('governance.tally.choice_out_of_range', { choice: ch });
      throw new DomainError('validation_failed', msg('governance.tally.bad_encoded_ballots'), [issue(field, why, 'out_of_range')]);
    }
    out[c * K + ch]++;
  }
  return out;
}

/**
 * Roster rows: one per cell of the roll, recused seats left out; `present` counts members present WITHOUT a ballot.
 *
 *   SELECT r.group_path AS "group", r.weight, r.voting, count(*) AS members,
 *          sum(CASE WHEN r.present = 1 AND b.seat_key IS NULL THEN 1 ELSE 0 END) AS present
 *   FROM decision_roll r LEFT JOIN ballots b ON <b is r's ballot>
 *   WHERE r.decision_id = ? AND r.recused = 0
 *   GROUP BY r.group_path, r.weight, r.voting
 */
export interface RosterRow {
  group: string | null;
  weight: string | null;
  voting: boolean;
  members: number;
  present: number;
}

/**
 * Ballot rows: the ballots of voting seats per (group, weight, choice); `paramountOpen` counts, for `objection` rows,
 * the objections that are paramount and unresolved (default: all of them); it is ignored on other choices.
 *
 *   SELECT group_path AS "group", weight, choice, count(*) AS count,
 *          sum(CASE WHEN paramount = 1 AND resolved = 0 THEN 1 ELSE 0 END) AS "paramountOpen"
 *   FROM ballots WHERE decision_id = ?
 *   GROUP BY group_path, weight, choice
 *
 * `named` comes from two small queries: the ballots of `namedSeatIds(charter, rule)`, and (consent / consensus)
 * the first NAMED_LIMIT seat ids of open objections and of blocks, ORDER BY seat, with their counts.
 */
export interface BallotRow {
  group: string | null;
  weight: string | null;
  choice: string;
  count: number;
  paramountOpen?: number;
}

/** A group or weight for a message: itself, or "(none)". */
const orNone = (x: string | null | undefined): string | Msg => x ?? msg('governance.tally.none');

const whole = (x: unknown): number | null => {
  const n = typeof x === 'bigint' ? Number(x) : x;
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : null;
};

/**
 * Builds a CellTally from SQL-like aggregate rows (see RosterRow and BallotRow for the queries). Rows for the same
 * cell are added up. Throws DomainError('validation_failed') on rows that do not fit: unknown choice, a count that
 * is not a whole number, ballots for a cell with no voting members, more ballots and presences than members.
 */
export function tallyFromRows(charter: Charter, rosterRows: RosterRow[], ballotRows: BallotRow[], named: NamedBallots): CellTally {
  const issues: FieldIssue[] = [];
  const cells = new Map<string, TallyCell>();
  const seatsCheck: Seat[] = [];
  rosterRows.forEach((r, i) => {
    const f = `rosterRows[${i}]`;
    const voting = r.voting === true || (r.voting as unknown) === 1;
    const members = whole(r.members);
    const present = whole(r.present ?? 0);
    if (members === null) issues.push(issue(`${f}.members`, msg('governance.tally.must_be_whole', { name: 'members' }), 'invalid_count'));
    if (present === null) issues.push(issue(`${f}.present`, msg('governance.tally.must_be_whole', { name: 'present' }), 'invalid_count'));
    seatsCheck.push({ id: f, group: r.group ?? undefined, weight: r.weight ?? undefined, voting });
    const key = cellKey(r.group, r.weight, voting);
    let cell = cells.get(key);
    if (!cell) {
      cell = { group: r.group ?? undefined, weight: r.weight ?? undefined, voting, members: 0, present: 0, counts: emptyCounts(), settled: 0 };
      cells.set(key, cell);
    }
    cell.members += members ?? 0;
    cell.present += present ?? 0;
  });
  issues.push(...errorsOnly(checkSeats(charter, seatsCheck, 'rosterRows')).filter((x) => x.code !== 'duplicate_seat'));
  ballotRows.forEach((b, i) => {
    const f = `ballotRows[${i}]`;
    const cell = cells.get(cellKey(b.group, b.weight, true));
    const count = whole(b.count);
    const open = b.paramountOpen === undefined || b.paramountOpen === null ? count : whole(b.paramountOpen);
    if (!CHOICES.includes(b.choice as Choice)) issues.push(issue(`${f}.choice`, msg('governance.tally.unknown_choice', { choice: String(b.choice) }), 'invalid_choice'));
    if (count === null) issues.push(issue(`${f}.count`, msg('governance.tally.must_be_whole', { name: 'count' }), 'invalid_count'));
    if (open === null || (count !== null && open > count))
      issues.push(issue(`${f}.paramountOpen`, msg('governance.tally.paramount_open_range'), 'invalid_count'));
    if (!cell) issues.push(issue(f, msg('governance.tally.no_voting_members', { group: orNone(b.group), weight: orNone(b.weight) }), 'unknown_cell'));
    if (!cell || count === null || open === null || !CHOICES.includes(b.choice as Choice)) return;
    cell.counts[b.choice as Choice] += count;
    if (b.choice === 'objection') cell.settled += count - Math.min(open, count);
  });
  [...cells.values()].forEach((c) => {
    const ballots = CHOICES.reduce((s, ch) => s + c.counts[ch], 0);
    if (c.present + ballots > c.members)
      issues.push(issue('ballotRows', msg('governance.tally.group_too_many', { group: orNone(c.group), ballots, present: c.present, members: c.members }), 'too_many'));
  });
  if (issues.length) throw new DomainError('validation_failed', msg('governance.tally.aggregated_cannot_be_tallied'), issues);
  return { cells: [...cells.entries()].sort((a, b) => cmpStr(a[0], b[0])).map(([, c]) => c), named };
}

// ---------------------------------------------------------------------------------------------------------------
// Voting power per cell

interface Cell {
  group: string | undefined;
  weight: string | undefined;
  voting: boolean;
  members: number;
  /** Present in all: with a ballot or without. */
  present: number;
  ballots: number;
  yes: number;
  no: number;
  /** Present but not a vote: abstain, stand aside, present without a ballot. */
  abstain: number;
  counts: Record<Choice, number>;
  settled: number;
  /** Power of each member toward all-members bases. */
  nominal: Fraction;
  /** Power of each present member toward present / votes-cast bases (differs from nominal under per_present). */
  effective: Fraction;
}

const ZERO = frac(0);
const ONE = frac(1);
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

function prepareCells(charter: Charter, index: Map<string, GroupInfo>, tally: CellTally): Cell[] {
  const cells: Cell[] = tally.cells
    .filter((c) => c.members > 0)
    .map((c) => {
      let yes = 0, no = 0, ballots = 0;
      for (const ch of CHOICES) {
        const n = c.counts[ch] ?? 0;
        ballots += n;
        if (YES.has(ch)) yes += n;
        else if (NO.has(ch)) no += n;
      }
      const present = c.present + ballots;
      return { group: c.group, weight: c.weight, voting: c.voting, members: c.members, present, ballots, yes, no, abstain: present - yes - no, counts: c.counts, settled: c.settled, nominal: ZERO, effective: ZERO };
    });
  if (usesShares(charter)) {
    const units = new Map<string, { info: GroupInfo; members: number; present: number; cells: Cell[] }>();
    for (const c of cells) {
      if (!c.voting || c.group === undefined) continue;
      const info = unitOf(c.group, index);
      if (!info) continue;
      const u = units.get(info.path) ?? { info, members: 0, present: 0, cells: [] };
      u.members += c.members;
      u.present += c.present;
      u.cells.push(c);
      units.set(info.path, u);
    }
    for (const u of units.values()) {
      const share = u.info.share as Fraction;
      const spread: Spread = u.info.group.spread ?? 'per_member';
      const nominal = divF(share, frac(u.members));
      const effective = spread === 'per_present' ? (u.present > 0 ? divF(share, frac(u.present)) : ZERO) : nominal;
      for (const c of u.cells) {
        c.nominal = nominal;
        c.effective = effective;
      }
    }
  } else {
    const weights = new Map<string | undefined, Fraction>();
    for (const c of cells) {
      if (!c.voting) continue;
      let w = weights.get(c.weight);
      if (!w) weights.set(c.weight, (w = parseRatio(c.weight ?? '1') ?? ONE));
      c.nominal = c.effective = w;
    }
  }
  return cells;
}

// ---------------------------------------------------------------------------------------------------------------
// Sums

interface Sums {
  yes: Fraction;
  no: Fraction;
  abstain: Fraction;
  cast: Fraction;
  present: Fraction;
  all: Fraction;
}

/**
 * Sums the voting cells. `power` says which voting power counts: `effective` (a unit's share spread over those
 * present, for thresholds of votes cast or of those present) or `nominal` (the share spread over every member, for
 * presence and for bases over all members: absentees keep their weight and count against).
 */
function sums(env: Env, path: string | undefined, measure: 'count' | 'weight', power: 'effective' | 'nominal' = 'effective'): Sums {
  const key = `${measure}\u0000${power}\u0000${path ?? ''}`;
  let t = env.sums.get(key);
  if (!t) env.sums.set(key, (t = measure === 'count' ? countSums(cellsIn(env, path)) : weightSums(env, path, power)));
  return t;
}

function countSums(cells: Cell[]): Sums {
  let yes = 0, no = 0, abstain = 0, present = 0, all = 0;
  for (const c of cells) {
    if (!c.voting) continue;
    all += c.members;
    present += c.present;
    yes += c.yes;
    no += c.no;
    abstain += c.abstain;
  }
  return { yes: frac(yes), no: frac(no), abstain: frac(abstain), cast: frac(yes + no), present: frac(present), all: frac(all) };
}

/**
 * Exact weighted sums over one common denominator: sum_c k_c * w_c = (sum_c k_c * m_c) / D with D the lcm of the
 * weights' denominators and m_c = w_c * D. Each figure is brought to lowest terms once, when first read.
 */
function weightSums(env: Env, path: string | undefined, power: 'effective' | 'nominal'): Sums {
  const cells = cellsIn(env, path);
  const nom = basis(env, path, cells, 'nominal');
  const eff = power === 'nominal' || cells.every((c) => c.effective === c.nominal) ? nom : basis(env, path, cells, power);
  let yes = 0n, no = 0n, abstain = 0n, present = 0n, all = 0n;
  cells.forEach((c, i) => {
    if (!c.voting) return;
    const n = nom.mult[i];
    if (n !== 0n) all += BigInt(c.members) * n;
    const m = eff.mult[i];
    if (m === 0n || c.present === 0) return;
    present += BigInt(c.present) * m;
    if (c.yes) yes += BigInt(c.yes) * m;
    if (c.no) no += BigInt(c.no) * m;
    if (c.abstain) abstain += BigInt(c.abstain) * m;
  });
  const memo: Partial<Sums> = {};
  const get = (k: keyof Sums, S: bigint, b: Basis): Fraction => (memo[k] ??= normalise(S, b));
  return {
    get yes() { return get('yes', yes, eff); },
    get no() { return get('no', no, eff); },
    get abstain() { return get('abstain', abstain, eff); },
    get cast() { return get('cast', yes + no, eff); },
    get present() { return get('present', present, eff); },
    get all() { return get('all', all, nom); },
  };
}

/** A common denominator D for the weights of some cells, and each cell's weight times D (0n for no weight). */
interface Basis {
  D: bigint;
  mult: bigint[];
  /** The distinct denominators as numbers, when all are below 2^53 (then normalise needs no big gcd). */
  small: { n: number; big: bigint }[] | null;
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** gcd of non-negative integers: big remainders until both fit in a double, then small ones. */
function gcdBig(a: bigint, b: bigint): bigint {
  while (b > MAX_SAFE) {
    const t = a % b;
    a = b;
    b = t;
  }
  if (b === 0n) return a;
  return BigInt(gcdNum(Number(a % b), Number(b)));
}

/** a / b in lowest terms for a >= 0, b > 0 (the same value and form as divF). */
function quotient(a: Fraction, b: Fraction): Fraction {
  const num = a.num * b.den;
  const den = a.den * b.num;
  const g = gcdBig(den, num);
  return g === 1n ? { num, den } : { num: num / g, den: den / g };
}
function gcdNum(a: number, b: number): number {
  while (b !== 0) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

function basis(env: Env, path: string | undefined, cells: Cell[], power: 'effective' | 'nominal'): Basis {
  const key = `${power}\u0000${path ?? ''}`;
  const cached = env.bases.get(key);
  if (cached) return cached;
  const weightOf = (c: Cell): Fraction => (!c.voting ? ZERO : power === 'nominal' ? c.nominal : c.effective);
  const dens = new Map<bigint, true>();
  for (const c of cells) {
    const w = weightOf(c);
    if (w.num !== 0n) dens.set(w.den, true);
  }
  const list = [...dens.keys()];
  const small = list.every((d) => d <= MAX_SAFE) ? list.map((big) => ({ n: Number(big), big })) : null;
  let D = 1n;
  if (small) for (const d of small) D = (D / BigInt(gcdNum(Number(D % d.big), d.n))) * d.big;
  else for (const d of list) D = (D / gcdBig(D, d)) * d;
  const mult = cells.map((c) => {
    const w = weightOf(c);
    return w.num === 0n ? 0n : w.num * (D / w.den);
  });
  const b = { D, mult, small };
  env.bases.set(key, b);
  return b;
}

/**
 * S / D in lowest terms. With D = lcm(d_i), gcd(S, D) = lcm_i gcd(S mod d_i, d_i) (gcd distributes over lcm), which
 * needs one big remainder per denominator and small-number gcds instead of a gcd of two big numbers.
 */
function normalise(S: bigint, b: Basis): Fraction {
  if (S === 0n) return ZERO;
  if (!b.small) return frac(S, b.D);
  let g = 1; // lcm of the small gcds, while it stays exact
  let big = 1n;
  for (const d of b.small) {
    if (d.n === 1) continue;
    const gi = gcdNum(Number(S % d.big), d.n);
    if (gi === 1) continue;
    const l = (g / gcdNum(g, gi)) * gi;
    if (l <= Number.MAX_SAFE_INTEGER) g = l;
    else {
      big = lcmBig(big, BigInt(g));
      g = gi;
    }
  }
  const all = big === 1n ? BigInt(g) : lcmBig(big, BigInt(g));
  return all === 1n ? { num: S, den: b.D } : { num: S / all, den: b.D / all };
}
const lcmBig = (a: bigint, b: bigint): bigint => (a / gcdBig(a, b)) * b;

// ---------------------------------------------------------------------------------------------------------------
// Display (rounded for people; never used to decide)

/** A percentage as decimal text rounded to one place, without the sign ("66.7", "50"). */
function pctNum(f: Fraction): string {
  // value-equal to mulF(f, 100) without normalising (the string depends on the value only)
  const s = fractionToString({ num: f.num * 100n, den: f.den }, 1);
  return s.endsWith('.0') ? s.slice(0, -2) : s;
}
const pct = (f: Fraction): string => `${pctNum(f)}%`;
const num = (f: Fraction): string => (f.den === 1n ? f.num.toString() : fractionToString(f, 4));
const verdict = (p: boolean): string => (p ? 'passes' : 'fails');
const plural = (n: number, word: string): string => (n === 1 ? word : `${word}s`);
const BASE_TEXT: Record<Base, string> = {
  votes_cast: 'votes cast',
  present: 'members present',
  all_members: 'all members',
  fixed_membership: 'the fixed membership',
};
/** Seat ids for an explanation: all of them, or the first ones and "and N more". */
function listIds(n: NamedIds): string {
  const ids = [...n.ids].sort();
  const more = n.total - ids.length;
  if (more <= 0) return ids.join(', ');
  return ids.length ? `${ids.join(', ')} and ${more} more` : `${more} seats`;
}

/** Smallest whole number meeting the requirement against a whole-number base. */
function neededCount(ratio: Fraction, strict: boolean, base: Fraction): bigint {
  const p = mulF(ratio, base);
  const floor = p.num / p.den; // non-negative
  if (strict) return floor + 1n;
  return p.num % p.den === 0n ? floor : floor + 1n;
}

function meets(actual: Fraction, ratio: Fraction, strict: boolean, base: Fraction): boolean {
  if (base.num === 0n) return false;
  // actual >= ratio * base, cross-multiplied (denominators are positive)
  const l = actual.num * ratio.den * base.den;
  const r = ratio.num * base.num * actual.den;
  return strict ? l > r : l >= r;
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
  cells: Cell[];
  named: NamedBallots;
  stage?: string;
  /** Sums and common denominators by scope, shared by the conditions of one decision. */
  sums: Map<string, Sums>;
  bases: Map<string, Basis>;
}

/** A group's name, or its path when it has none (or, in a charter adopted before names were checked, a name that is not text). */
const groupName = (env: Env, path: string): string => {
  const name: unknown = env.index.get(path)?.group.name;
  return typeof name === 'string' ? name : path;
};
/** The group a condition row speaks of; null for the whole roll. */
const scopeOf = (name: string): string | null => (name === 'all' ? null : name);

function scopes(env: Env, c: { group?: string; eachGroup?: 'top' | string[] }): { name: string; path?: string }[] {
  const list = c.eachGroup === 'top' ? (env.charter.groups ?? []).map((g) => g.id) : Array.isArray(c.eachGroup) ? c.eachGroup : c.group !== undefined ? [c.group] : [];
  if (list.length === 0) return [{ name: 'all' }];
  return list.map((p) => ({ name: groupName(env, p), path: p }));
}

const cellsIn = (env: Env, path?: string): Cell[] => (path === undefined ? env.cells : env.cells.filter((c) => inGroup(c.group, path)));

function fixedSeats(env: Env, c: { seats?: number }, path?: string): Fraction {
  const n = c.seats ?? (path !== undefined ? env.index.get(path)?.group.seats : undefined) ?? 0;
  return frac(n);
}

function quorumResults(env: Env, q: QuorumCondition): ConditionResult[] {
  const measure = q.measure ?? 'count';
  return scopes(env, q).map(({ name, path }): ConditionResult => {
    const cs = cellsIn(env, path);
    // presence is measured with nominal power: one member present does not carry the whole unit
    const t = sums(env, path, measure, 'nominal');
    let present = t.present;
    const nonVoting = (f: (c: Cell) => number) => cs.reduce((s, c) => (c.voting ? s : s + f(c)), 0);
    if (measure === 'count' && q.countNonVoting) present = addF(present, frac(nonVoting((c) => c.present)));
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
        terms: { kind: 'quorum_count', scope: scopeOf(name), custom: q.label ?? null, present: num(present), count: q.count },
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
      if (measure === 'count' && q.countNonVoting) base = addF(base, frac(nonVoting((c) => c.members)));
    }
    const passed = meets(present, ratio, strict, base);
    const share = base.num === 0n ? ZERO : quotient(present, base);
    const countHint = measure === 'count' && base.num > 0n ? ` (${neededCount(ratio, strict, base)} of ${num(base)})` : '';
    const baseText = baseKind === 'fixed_membership' ? 'the fixed membership' : baseKind === 'present' ? 'those present' : `all ${what}`;
    return {
      label: q.label ?? `${prefix}: ${requirementText(req)} of ${baseText} present`,
      passed,
      required: `${requirementText(req)} of ${baseText}${countHint}`,
      actual: `${pct(share)} present (${num(present)} of ${num(base)})`,
      explanation: `${name === 'all' ? 'quorum' : name + ' quorum'}: ${pct(share)} of ${baseText} present, needs ${requirementText(req)}${countHint}: ${verdict(passed)}`,
      terms: {
        kind: 'quorum_share', scope: scopeOf(name), custom: q.label ?? null,
        base: baseKind === 'fixed_membership' ? 'fixed_membership' : baseKind === 'present' ? 'present' : measure === 'count' ? 'all_members' : 'all_power',
        strict, ratio: pctNum(ratio), share: pctNum(share), present: num(present), total: num(base),
        needed: measure === 'count' && base.num > 0n ? neededCount(ratio, strict, base).toString() : null,
      },
      numbers: { present: fs(present), base: fs(base), ratio: fs(share), required: fs(ratio) },
      ...(env.stage ? { stage: env.stage } : {}),
    };
  });
}

const votingCount = (env: Env, f: (c: Cell) => number): number => env.cells.reduce((s, c) => (c.voting ? s + f(c) : s), 0);

/** Evaluates a condition; returns whether it passed and the rows that explain it. */
function evaluate(env: Env, c: Condition): { passed: boolean; rows: ConditionResult[] } {
  const st = env.stage ? { stage: env.stage } : {};
  switch (c.kind) {
    case 'threshold': {
      const measure = c.base === 'fixed_membership' ? 'count' : c.measure ?? 'weight';
      const { ratio, strict } = requirementOf(c.require);
      const rows = scopes(env, c).map(({ name, path }): ConditionResult => {
        const t = sums(env, path, measure, c.base === 'votes_cast' || c.base === 'present' ? 'effective' : 'nominal');
        const base = c.base === 'votes_cast' ? t.cast : c.base === 'present' ? t.present : c.base === 'all_members' ? t.all : fixedSeats(env, c, path);
        const passed = meets(t.yes, ratio, strict, base);
        const share = base.num === 0n ? ZERO : quotient(t.yes, base);
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
          terms: {
            kind: 'threshold', scope: scopeOf(name), custom: c.label ?? null, base: c.base, strict, ratio: pctNum(ratio),
            share: base.num === 0n ? null : pctNum(share), yes: num(t.yes), total: num(base),
            needed: measure === 'count' && base.num > 0n ? neededCount(ratio, strict, base).toString() : null,
          },
          numbers: { yes: fs(t.yes), no: fs(t.no), abstain: fs(t.abstain), base: fs(base), ratio: fs(share), required: fs(ratio) },
          ...st,
        };
      });
      return { passed: rows.every((r) => r.passed), rows };
    }
    case 'min_yes': {
      const rows = scopes(env, c).map(({ name, path }): ConditionResult => {
        const yes = sums(env, path, 'count').yes;
        const passed = cmpF(yes, frac(c.count)) >= 0;
        return {
          label: c.label ? (name === 'all' ? c.label : `${c.label}: ${name}`) : `${name}: at least ${c.count} yes ${plural(c.count, 'vote')}`,
          passed,
          required: `at least ${c.count} yes ${plural(c.count, 'vote')}`,
          actual: `${num(yes)} yes`,
          explanation: `${name}: ${num(yes)} yes ${plural(Number(yes.num) / Number(yes.den), 'vote')}, needs at least ${c.count}: ${verdict(passed)}`,
          terms: { kind: 'min_yes', scope: scopeOf(name), custom: c.label ?? null, yes: num(yes), count: c.count },
          numbers: { yes: fs(yes), required: fs(frac(c.count)) },
          ...st,
        };
      });
      return { passed: rows.every((r) => r.passed), rows };
    }
    case 'veto': {
      if (c.seat !== undefined) {
        const v = env.named.seats.find((x) => x.id === c.seat && x.onRoll);
        const choice = v?.choice;
        const passed = choice !== undefined && YES.has(choice);
        const who = v?.name ?? c.seat;
        return {
          passed,
          rows: [{
            label: c.label ?? `veto: ${who} must vote yes`,
            passed,
            required: `${who} votes yes`,
            actual: choice ? `${who} voted ${choice}` : `${who} did not vote`,
            explanation: `${who} ${choice ? 'voted ' + choice : 'did not vote'}, must vote yes: ${verdict(passed)}`,
            terms: { kind: 'veto_seat', scope: who, custom: c.label ?? null, choice: choice ?? null },
            numbers: { yes: fs(frac(passed ? 1 : 0)) },
            ...st,
          }],
        };
      }
      const path = c.group as string;
      const t = sums(env, path, 'count');
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
          terms: { kind: 'veto_group', scope: who, custom: c.label ?? null, yes: num(t.yes), no: num(t.no), unanimous: agree === 'unanimous' },
          numbers: { yes: fs(t.yes), no: fs(t.no) },
          ...st,
        }],
      };
    }
    case 'consensus': {
      const blocks = votingCount(env, (x) => x.counts.block + x.counts.no + x.counts.objection);
      const asides = votingCount(env, (x) => x.counts.stand_aside + x.counts.abstain);
      const agrees = votingCount(env, (x) => x.counts.yes + x.counts.agree + x.counts.consent);
      const capOk = c.maxStandAsides === undefined || asides <= c.maxStandAsides;
      const passed = blocks === 0 && capOk && agrees > 0;
      const need = `no block${c.maxStandAsides === undefined ? '' : `, at most ${c.maxStandAsides} ${plural(c.maxStandAsides, 'stand-aside')}`}`;
      return {
        passed,
        rows: [{
          label: c.label ?? 'consensus',
          passed,
          required: need,
          actual: `${agrees} agree, ${asides} stand aside, ${blocks} block`,
          explanation: `consensus: ${agrees} agree, ${asides} stand aside, ${blocks} block, needs ${need}: ${verdict(passed)}`,
          terms: { kind: 'consensus', scope: null, custom: c.label ?? null, agree: agrees, standAside: asides, block: blocks, maxStandAsides: c.maxStandAsides ?? null },
          numbers: { agree: fs(frac(agrees)), standAside: fs(frac(asides)), block: fs(frac(blocks)) },
          ...st,
        }],
      };
    }
    case 'consent': {
      const open = openObjections(env.cells);
      const resolved = votingCount(env, (x) => x.settled);
      const passed = open === 0 && votingCount(env, (x) => x.ballots) > 0;
      const list = listIds(env.named.open);
      return {
        passed,
        rows: [{
          label: c.label ?? 'consent',
          passed,
          required: 'no open paramount objection',
          actual: open === 1 ? `an open objection from ${list}` : open ? `${open} open objections, from ${list}` : `no open objection (${resolved} resolved or not paramount)`,
          explanation: `consent: ${open} open paramount objection${open === 1 ? '' : 's'}${open ? ' (' + list + ')' : ''}, needs none: ${verdict(passed)}`,
          terms: { kind: 'consent', scope: null, custom: c.label ?? null, open, settled: resolved, seats: open ? list : '' },
          numbers: { openObjections: fs(frac(open)), otherObjections: fs(frac(resolved)) },
          ...st,
        }],
      };
    }
    case 'all':
    case 'any': {
      const parts = c.of.map((x) => evaluate(env, x));
      const n = parts.filter((p) => p.passed).length;
      const passed = c.kind === 'all' ? n === parts.length : n > 0;
      const need = c.kind === 'all' ? (parts.length === 1 ? 'the condition' : `all ${parts.length} conditions`) : 'at least one condition';
      const head: ConditionResult = {
        label: c.label ?? (c.kind === 'all' ? 'all of' : 'any of'),
        passed,
        required: need,
        actual: `${n} of ${parts.length} pass`,
        explanation: `${c.label ?? (c.kind === 'all' ? 'all of' : 'any of')}: ${n} of ${parts.length} conditions pass, needs ${need}: ${verdict(passed)}`,
        terms: { kind: c.kind, scope: null, custom: c.label ?? null, passing: n, total: parts.length },
        numbers: { passing: fs(frac(n)), conditions: fs(frac(parts.length)) },
        ...st,
      };
      return { passed, rows: [head, ...parts.flatMap((p) => p.rows)] };
    }
  }
}

const openObjections = (cells: Cell[]): number =>
  cells.reduce((s, x) => (x.voting ? s + x.counts.no + x.counts.block + x.counts.objection - x.settled : s), 0);

// ---------------------------------------------------------------------------------------------------------------
// Deciding

const DEFAULT_QUORUM: QuorumCondition = { kind: 'quorum', label: 'quorum (default): a majority of all voting members present', measure: 'count', min: { kind: 'majority' }, base: 'all_members' };

/** Issues with a tally against a charter and a rule (the rule tells which named seats and ids are needed). */
function checkTally(charter: Charter, rule: Rule, tally: CellTally): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!tally || !Array.isArray(tally.cells)) return [issue('tally.cells', msg('governance.tally.cells_required'), 'required')];
  const pseudo: Seat[] = [];
  tally.cells.forEach((c, i) => {
    const f = `tally.cells[${i}]`;
    const bad = (field: string, m: Msg, code = 'invalid_count') => issues.push(issue(`${f}.${field}`, m, code));
    for (const k of ['members', 'present', 'settled'] as const) if (whole(c[k]) === null) bad(k, msg('governance.tally.must_be_whole', { name: k }));
    let ballots = 0;
    for (const [ch, n] of Object.entries(c.counts ?? {})) {
      if (!CHOICES.includes(ch as Choice)) bad(`counts.${ch}`, msg('governance.tally.unknown_choice', { choice: ch }), 'invalid_choice');
      else if (whole(n) === null) bad(`counts.${ch}`, msg('governance.tally.count_must_be_whole'));
      else ballots += n;
    }
    for (const ch of CHOICES) if (c.counts?.[ch] === undefined) bad(`counts.${ch}`, msg('governance.tally.count_missing', { choice: ch }), 'required');
    if (c.voting === false && ballots > 0) bad('counts', msg('governance.tally.non_voting_ballots'), 'not_voting');
    if (c.present + ballots > c.members) bad('members', msg('governance.tally.too_many', { ballots, present: String(c.present), members: String(c.members) }), 'too_many');
    if (c.settled > (c.counts?.objection ?? 0)) bad('settled', msg('governance.tally.too_many_settled'));
    pseudo.push({ id: f, group: c.group, weight: c.weight, voting: c.voting !== false });
  });
  issues.push(...errorsOnly(checkSeats(charter, pseudo, 'tally.cells')).filter((x) => x.code !== 'duplicate_seat'));
  if (issues.length) return issues;
  const n = tally.named;
  const known = new Set((n?.seats ?? []).map((s) => s.id));
  for (const id of namedSeatIds(charter, rule))
    if (!known.has(id)) issues.push(issue('tally.named.seats', msg('governance.tally.named_missing', { seat: id }), 'named_missing'));
  let usesConsent = false;
  walkConditions(rule, (c) => void (c.kind === 'consent' && (usesConsent = true)));
  if (usesConsent) {
    const open = openObjections(prepareCells(charter, indexGroups(charter.groups), tally));
    if (!n?.open || n.open.total !== open || n.open.ids.length > n.open.total)
      issues.push(issue('tally.named.open', msg('governance.tally.named_mismatch', { open, named: String(n?.open?.total ?? 0) }), 'named_mismatch'));
  }
  return issues;
}

/**
 * Decides from a tally already checked against the charter and rule.
 * @internal used by decide(), which validates seat-level input itself
 */
export function decideValidTally(charter: Charter, r: Rule, tally: CellTally, options: DecideOptions = {}): Outcome {
  const index = indexGroups(charter.groups);
  const env: Env = { charter, index, cells: prepareCells(charter, index, tally), named: tally.named, sums: new Map(), bases: new Map() };

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

/** The rule a decision names, or a DomainError. @internal */
export function resolveRule(charter: Charter, rule: Rule | string): Rule {
  const r = typeof rule === 'string' ? charter.rules?.[rule] : rule;
  if (!r) throw new DomainError('validation_failed', msg('governance.tally.no_rule', { rule: String(rule) }), [issue('rule', msg('governance.tally.unknown_rule', { rule: String(rule) }), 'unknown_rule')]);
  return r;
}

/** Issues with the charter, the rule and the starting stage. @internal */
export function checkCharterAndRule(charter: Charter, rule: Rule | string, r: Rule, options: DecideOptions): { head: FieldIssue[]; tail: FieldIssue[] } {
  const head = [...errorsOnly(checkCharter(charter)), ...(typeof rule === 'string' ? [] : errorsOnly(checkRule(charter, r)))];
  const tail: FieldIssue[] = [];
  if (r.kind === 'staged' && options.startAt !== undefined && !r.stages.some((s) => s.id === options.startAt))
    tail.push(issue('startAt', msg('governance.tally.unknown_stage', { stage: String(options.startAt) }), 'unknown_stage'));
  return { head, tail };
}

/**
 * Decides one decision from a tally: the same Outcome as decide() on the seat-level ballots the tally aggregates.
 * Throws DomainError('validation_failed') on an invalid charter, rule, starting stage or tally (including a tally
 * that lacks the ballot of a veto seat, or whose named open objections do not match its counts under consent).
 */
export function decideTallied(charter: Charter, rule: Rule | string, tally: CellTally, options: DecideOptions = {}): Outcome {
  const r = resolveRule(charter, rule);
  const { head, tail } = checkCharterAndRule(charter, rule, r, options);
  const issues = [...head, ...tail];
  if (!issues.length) issues.push(...checkTally(charter, r, tally));
  if (issues.length) throw new DomainError('validation_failed', msg('governance.tally.cannot_be_counted'), issues);
  return decideValidTally(charter, r, tally, options);
}
