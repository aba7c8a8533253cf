/**
 * Voting power of a charter's rule (see docs/domain/charter.md, "Voting power").
 *
 * A rule, under full attendance and yes/no votes, is a simple game: for every set of yes-voters it says win or lose.
 * This module builds that game from a charter and a rule name (weighted quota clauses combined with all/any), and
 * computes for every seat the normalised Banzhaf index and the Shapley-Shubik index exactly (BigInt counts, exact
 * fractions), plus dummies, veto players and a dictator. Games too large to count exactly can be estimated by Monte
 * Carlo with a seeded PRNG passed in (the domain has no randomness of its own); estimates are labelled as such.
 *
 * Counting (all exact):
 * - Players with the same weight in every clause are symmetric (a "type": e.g. the members of one FSC cell); they are
 *   counted by how many of each type vote yes, with binomial (multinomial) multiplicities.
 * - An OR is expanded by inclusion-exclusion into a signed sum of ANDs of clauses; swing counts are linear in the game.
 * - One weighted quota: the counting polynomial prod (1 + y x^w) truncated below the quota, divided by each member's
 *   factor to get that member's swings (O(n q) for Banzhaf, O(n^2 q) with the size dimension y for Shapley-Shubik).
 * - An AND of clauses: players are split into blocks that no "local" clause connects (e.g. chambers), with the
 *   clauses spanning several blocks kept "global" (e.g. two-thirds overall); each block is counted by a dynamic
 *   programme over the vector of partial sums clipped at each quota, in a hash map; blocks are combined by
 *   convolution over the global sums (by Kronecker substitution, one big BigInt product, when that is cheaper), and
 *   each member's swings come from its own block without it, joined with the product of the others. Blocks of the
 *   same make-up are counted once.
 * - Exact counting has a work budget; past it, an index is estimated by Monte Carlo if a PRNG was passed in.
 */
import { DomainError, issue, type FieldIssue } from '../kernel/errors';
import { figureOrText, msg, render, type Msg } from '../kernel/messages';
import { addF, divF, frac, fractionToString, type Fraction } from '../kernel/fraction';
import {
  checkCharter,
  errorsOnly,
  inGroup,
  indexGroups,
  parseRatio,
  requirementOf,
  usesShares,
  type Charter,
  type Condition,
  type GroupInfo,
  type Seat,
  type Stage,
} from './charter';
import { decide, type Ballot, type ConditionResult } from './count';

// ---------------------------------------------------------------------------------------------------------------
// Games

/** A weight or quota: a whole number, a bigint, a ratio text such as "9/10", or a Fraction. */
export type Weight = number | bigint | string | Fraction;

/** Wins iff the yes-voters' weights sum to at least `quota` (whole numbers, weights >= 0). */
export interface QuotaClause {
  kind: 'quota';
  weights: bigint[];
  quota: bigint;
  label?: string;
}

export type GameFormula =
  | QuotaClause
  | { kind: 'all'; of: GameFormula[]; label?: string }
  | { kind: 'any'; of: GameFormula[]; label?: string }
  | { kind: 'const'; value: boolean; label?: string };

/** A simple game: players (by name) and the formula that says which sets of yes-voters win. Monotone by construction. */
export interface SimpleGame {
  players: string[];
  formula: GameFormula;
}

const fail = (title: Msg, issues: FieldIssue[]): never => {
  throw new DomainError('validation_failed', title, issues);
};
/** The game cannot be built: one issue. */
const cannotBuild = (field: string, m: Msg, code: string): never => fail(msg('governance.power.cannot_build'), [issue(field, m, code)]);
/** The game cannot be analysed: one issue. */
const cannotAnalyse = (field: string, m: Msg, code: string): never => fail(msg('governance.power.cannot_analyse'), [issue(field, m, code)]);
/** The game cannot be estimated: one issue. */
const cannotEstimate = (field: string, m: Msg, code: string): never => fail(msg('governance.power.cannot_estimate'), [issue(field, m, code)]);

function toFraction(w: Weight, field: string): Fraction {
  let f: Fraction | null = null;
  if (typeof w === 'bigint') f = w >= 0n ? frac(w) : null;
  else if (typeof w === 'number') f = Number.isSafeInteger(w) && w >= 0 ? frac(w) : null;
  else if (typeof w === 'string') f = parseRatio(w);
  else if (w && typeof w === 'object' && typeof w.num === 'bigint' && typeof w.den === 'bigint' && w.den !== 0n) f = frac(w.num, w.den);
  if (!f || f.num < 0n) return cannotBuild(field, msg('governance.power.invalid_weight', { value: String(w) }), 'invalid_weight');
  return f;
}

const gcdBig = (a: bigint, b: bigint): bigint => {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
};
const lcmBig = (a: bigint, b: bigint): bigint => (a / gcdBig(a, b)) * b;
const ceilDiv = (a: bigint, b: bigint): bigint => (a >= 0n ? (a + b - 1n) / b : -(-a / b));

/** Integer weights and quota for "sum of weights >= quota" with fractional data (scaled by the lcm of denominators). */
function scaleClause(weights: Fraction[], quota: Fraction, label?: string): QuotaClause {
  let L = quota.den;
  for (const w of weights) if (w.num !== 0n) L = lcmBig(L, w.den);
  const ws = weights.map((w) => (w.num * L) / w.den);
  const q = ceilDiv(quota.num * L, quota.den);
  return { kind: 'quota', weights: ws, quota: q, ...(label !== undefined ? { label } : {}) };
}

function playerNames(n: number, players?: string[]): string[] {
  if (players === undefined) return Array.from({ length: n }, (_, i) => `p${i + 1}`);
  if (players.length !== n) cannotBuild('players', msg('governance.power.names_for_players', { names: players.length, players: n }), 'length_mismatch');
  if (new Set(players).size !== players.length) cannotBuild('players', msg('governance.power.duplicate_player_names'), 'duplicate');
  return players;
}

/** A weighted quota game: a set of yes-voters wins iff its weights sum to at least `quota` (> 0). */
export function weightedGame(weights: Weight[], quota: Weight, players?: string[]): SimpleGame {
  return andOfWeighted([{ weights, quota }], players);
}

/**
 * An AND of weighted quota clauses over the same players (a double or triple majority, per-chamber majorities; a veto
 * is a clause where one member's weight is needed). Weights may be fractions: each clause is scaled to whole numbers.
 */
export function andOfWeighted(clauses: { weights: Weight[]; quota: Weight; label?: string }[], players?: string[]): SimpleGame {
  if (!Array.isArray(clauses) || clauses.length === 0) cannotBuild('clauses', msg('governance.power.no_clause'), 'empty');
  const n = clauses[0].weights.length;
  const built = clauses.map((c, i): QuotaClause => {
    if (c.weights.length !== n) cannotBuild(`clauses[${i}].weights`, msg('governance.power.weights_for_players', { weights: c.weights.length, players: n }), 'length_mismatch');
    const q = toFraction(c.quota, `clauses[${i}].quota`);
    if (q.num === 0n) cannotBuild(`clauses[${i}].quota`, msg('governance.power.quota_not_positive'), 'invalid_quota');
    return scaleClause(c.weights.map((w, j) => toFraction(w, `clauses[${i}].weights[${j}]`)), q, c.label);
  });
  return { players: playerNames(n, players), formula: built.length === 1 ? built[0] : { kind: 'all', of: built } };
}

function samePlayers(games: SimpleGame[]): string[] {
  if (games.length === 0) cannotBuild('games', msg('governance.power.no_game'), 'empty');
  const players = games[0].players;
  games.forEach((g, i) => {
    if (g.players.length !== players.length || g.players.some((p, j) => p !== players[j]))
      cannotBuild(`games[${i}].players`, msg('governance.power.players_mismatch'), 'players_mismatch');
  });
  return players;
}

/** Wins iff every game wins. */
export const allOf = (games: SimpleGame[]): SimpleGame => ({ players: samePlayers(games), formula: { kind: 'all', of: games.map((g) => g.formula) } });
/** Wins iff at least one game wins (counted by inclusion-exclusion). */
export const anyOf = (games: SimpleGame[]): SimpleGame => ({ players: samePlayers(games), formula: { kind: 'any', of: games.map((g) => g.formula) } });

function evalFormula(f: GameFormula, clause: (c: QuotaClause) => boolean): boolean {
  switch (f.kind) {
    case 'quota':
      return clause(f);
    case 'const':
      return f.value;
    case 'all':
      return f.of.every((x) => evalFormula(x, clause));
    case 'any':
      return f.of.some((x) => evalFormula(x, clause));
  }
}

/** Whether a set of yes-voters (player indices) wins. */
export function wins(game: SimpleGame, yes: Iterable<number>): boolean {
  const set = new Set(yes);
  return evalFormula(game.formula, (c) => {
    let s = 0n;
    for (const i of set) s += c.weights[i] ?? 0n;
    return s >= c.quota;
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Preparation: clauses by index, players grouped into types (equal weight in every clause)

type Node = { k: 'c'; i: number } | { k: 'and'; of: Node[] } | { k: 'or'; of: Node[] } | { k: 'const'; v: boolean };

interface Prepared {
  n: number;
  /** Type of each player. */
  typeOf: number[];
  /** Players per type. */
  mult: number[];
  /** Clauses with weights per type. */
  clauses: { w: bigint[]; q: bigint }[];
  node: Node;
}

function prepare(game: SimpleGame): Prepared {
  const n = game.players.length;
  const raw: QuotaClause[] = [];
  const byKey = new Map<string, number>();
  const walk = (f: GameFormula): Node => {
    switch (f?.kind) {
      case 'quota': {
        if (!Array.isArray(f.weights) || f.weights.length !== n || f.weights.some((w) => typeof w !== 'bigint' || w < 0n) || typeof f.quota !== 'bigint')
          return cannotAnalyse('formula', msg('governance.power.invalid_clause', { count: n }), 'invalid_clause');
        const key = `${f.weights.join(',')}|${f.quota}`;
        let i = byKey.get(key);
        if (i === undefined) {
          byKey.set(key, (i = raw.length));
          raw.push(f);
        }
        return { k: 'c', i };
      }
      case 'const':
        return { k: 'const', v: f.value === true };
      case 'all':
      case 'any':
        if (!Array.isArray(f.of) || f.of.length === 0) return cannotAnalyse('formula', msg('governance.power.empty_formula', { kind: f.kind }), 'empty');
        return { k: f.kind === 'all' ? 'and' : 'or', of: f.of.map(walk) };
      default:
        return cannotAnalyse('formula', msg('governance.power.unknown_formula_kind', { kind: String((f as { kind?: unknown })?.kind) }), 'invalid_kind');
    }
  };
  const node = walk(game.formula);
  const typeOf: number[] = [];
  const mult: number[] = [];
  const rep: number[] = [];
  const types = new Map<string, number>();
  for (let p = 0; p < n; p++) {
    const key = raw.map((c) => c.weights[p].toString()).join(',');
    let t = types.get(key);
    if (t === undefined) {
      types.set(key, (t = mult.length));
      mult.push(0);
      rep.push(p);
    }
    typeOf.push(t);
    mult[t]++;
  }
  return { n, typeOf, mult, clauses: raw.map((c) => ({ w: rep.map((p) => c.weights[p]), q: c.quota })), node };
}

/** Evaluates the game on a number of yes-voters per type. */
function evalCounts(prep: Prepared, counts: number[]): boolean {
  const sums = prep.clauses.map((c) => c.w.reduce((s, w, t) => s + w * BigInt(counts[t]), 0n) >= c.q);
  const ev = (x: Node): boolean => (x.k === 'c' ? sums[x.i] : x.k === 'const' ? x.v : x.k === 'and' ? x.of.every(ev) : x.of.some(ev));
  return ev(prep.node);
}

/** Thrown inside the counting when the work budget is spent (exact counting would take too long). */
class TooLarge extends Error {
  constructor(readonly why: Msg) {
    super(render(why));
  }
}

/** Most ANDs an inclusion-exclusion expansion may produce before exact counting gives up. */
const MAX_TERMS = 4096;

/** Inclusion-exclusion: the game's indicator as a signed sum of ANDs of clauses (clause index sets). */
function expandTerms(node: Node): { sign: bigint; clauses: number[] }[] {
  type Terms = Map<string, { sign: bigint; clauses: number[] }>;
  const add = (out: Terms, sign: bigint, clauses: number[]): void => {
    const cs = [...new Set(clauses)].sort((a, b) => a - b);
    const key = cs.join(',');
    const t = out.get(key);
    if (t) {
      t.sign += sign;
      if (t.sign === 0n) out.delete(key);
    } else if (sign !== 0n) out.set(key, { sign, clauses: cs });
  };
  const product = (a: Terms, b: Terms): Terms => {
    if (a.size * b.size > MAX_TERMS) throw new TooLarge(msg('governance.power.why.too_many_terms', { max: MAX_TERMS }));
    const out: Terms = new Map();
    for (const x of a.values()) for (const y of b.values()) add(out, x.sign * y.sign, [...x.clauses, ...y.clauses]);
    return out;
  };
  const one = (): Terms => new Map([['', { sign: 1n, clauses: [] }]]);
  const go = (x: Node): Terms => {
    switch (x.k) {
      case 'c':
        return new Map([[String(x.i), { sign: 1n, clauses: [x.i] }]]);
      case 'const':
        return x.v ? one() : new Map();
      case 'and':
        return x.of.reduce((acc, y) => product(acc, go(y)), one());
      case 'or': {
        // 1 - prod (1 - f)
        let p = one();
        for (const y of x.of) {
          const neg: Terms = one();
          for (const t of go(y).values()) add(neg, -t.sign, t.clauses);
          p = product(p, neg);
        }
        const out: Terms = one();
        for (const t of p.values()) add(out, -t.sign, t.clauses);
        return out;
      }
    }
  };
  return [...go(node).values()];
}

// ---------------------------------------------------------------------------------------------------------------
// Exact counting

class Budget {
  work = 0;
  constructor(
    readonly max: number,
    /** Use Kronecker substitution for convolutions when it pays (tests switch it off to cover the sparse path). */
    readonly kronecker = true,
  ) {}
  spend(x: number): void {
    this.work += x;
    if (this.work > this.max) throw new TooLarge(msg('governance.power.why.work_budget', { steps: this.max.toExponential(1) }));
  }
}

const binomCache = new Map<number, bigint[]>();
function binomRow(m: number): bigint[] {
  let row = binomCache.get(m);
  if (!row) {
    row = [1n];
    for (let j = 0; j < m; j++) row.push((row[j] * BigInt(m - j)) / BigInt(j + 1));
    if (m <= 4096) binomCache.set(m, row);
  }
  return row;
}

export type Engine = 'auto' | 'polynomial' | 'blocks';

/**
 * Swing counts of one AND of clauses: for each type t and a member i of it, sum over S of the other players of
 * [S + i wins] - [S wins], by |S| (sizes) or in total. Clauses: weights per type, quota.
 */
function countTerm(mult: number[], n: number, rawClauses: { w: bigint[]; q: bigint }[], sizes: boolean, budget: Budget, engine: Engine): bigint[][] {
  const T = mult.length;
  const width = sizes ? n : 1;
  const zeros = (): bigint[][] => mult.map(() => new Array<bigint>(width).fill(0n));
  const clauses: { w: bigint[]; q: bigint }[] = [];
  for (const c of rawClauses) {
    if (c.q <= 0n) continue; // always met
    let total = 0n;
    for (let t = 0; t < T; t++) total += c.w[t] * BigInt(mult[t]);
    if (total < c.q) return zeros(); // never met: this AND is a constant 0
    const w = c.w.map((x) => (x > c.q ? c.q : x));
    const g = w.reduce((a, b) => gcdBig(a, b), 0n);
    clauses.push(g > 1n ? { w: w.map((x) => x / g), q: ceilDiv(c.q, g) } : { w, q: c.q });
  }
  if (clauses.length === 0) return zeros(); // constant 1: nobody swings
  // merge types that this AND cannot tell apart
  const termOf: number[] = [];
  const tmult: number[] = [];
  const tcol: bigint[][] = [];
  const keys = new Map<string, number>();
  for (let t = 0; t < T; t++) {
    const col = clauses.map((c) => c.w[t]);
    const key = col.join(',');
    let u = keys.get(key);
    if (u === undefined) {
      keys.set(key, (u = tmult.length));
      tmult.push(0);
      tcol.push(col);
    }
    termOf.push(u);
    tmult[u] += mult[t];
  }
  const W = clauses.map((_, c) => tcol.map((col) => col[c]));
  const Q = clauses.map((c) => c.q);
  let res: bigint[][];
  if (clauses.length === 1 && engine !== 'blocks' && (engine === 'polynomial' || preferPolynomial(tmult, Q[0], n, sizes))) res = polyTerm(tmult, W[0], Q[0], n, sizes, budget);
  else res = blockTerm(tmult, W, Q, n, sizes, budget);
  return termOf.map((u) => res[u]);
}

const DENSE_LIMIT = 20_000_000;

function preferPolynomial(m: number[], q: bigint, n: number, sizes: boolean): boolean {
  const Q = Number(q);
  const S = sizes ? n + 1 : 1;
  if (Q * S > DENSE_LIMIT) return false;
  const members = m.reduce((a, b) => a + b, 0);
  const poly = Q * S * (members + m.length);
  // the blocks engine with one block per type: prefix and suffix products, then each type joined with the others
  const cap = (Q + 1) * S;
  const T = m.length;
  const pre: number[] = [1];
  for (let t = 0; t < T; t++) pre.push(Math.min(pre[t] * (m[t] + 1), cap));
  const suf: number[] = new Array<number>(T + 1).fill(1);
  for (let t = T - 1; t >= 0; t--) suf[t] = Math.min(suf[t + 1] * (m[t] + 1), cap);
  let blocks = 0;
  for (let t = 0; t < T; t++) {
    const d = m[t] + 1;
    const small = Math.min(pre[t], suf[t + 1]);
    const a = pre[t] * suf[t + 1] + 2 * d * S;
    const b = 2 * (d * small + Math.min(d * small, cap) * S);
    blocks += 2 * pre[t] * d + Math.min(a, b);
  }
  return poly <= blocks;
}

/** One weighted quota: the counting polynomial truncated below the quota, divided by each type's factor. */
function polyTerm(m: number[], wq: bigint[], q: bigint, n: number, sizes: boolean, budget: Budget): bigint[][] {
  const T = m.length;
  const Q = Number(q);
  const w = wq.map(Number);
  const S = sizes ? n + 1 : 1;
  if (!Number.isSafeInteger(Q) || Q * S > DENSE_LIMIT) throw new TooLarge(msg('governance.power.why.quota_too_large_for_polynomial', { quota: q }));
  const out: bigint[][] = m.map(() => new Array<bigint>(sizes ? n : 1).fill(0n));
  if (!sizes) {
    const P = new Array<bigint>(Q).fill(0n);
    P[0] = 1n;
    let free = 0;
    let top = 0;
    for (let t = 0; t < T; t++) {
      const W = w[t];
      if (W === 0) {
        free += m[t];
        continue;
      }
      for (let r = 0; r < m[t]; r++) {
        top = Math.min(Q - 1, top + W);
        budget.spend(top + 1);
        for (let s = top; s >= W; s--) {
          const v = P[s - W];
          if (v !== 0n) P[s] += v;
        }
      }
    }
    if (free > 0) {
      const f = 1n << BigInt(free);
      for (let s = 0; s < Q; s++) if (P[s] !== 0n) P[s] *= f;
    }
    const R = new Array<bigint>(Q);
    for (let t = 0; t < T; t++) {
      const W = w[t];
      if (W === 0) continue;
      budget.spend(Q);
      for (let s = 0; s < Q; s++) R[s] = s >= W ? P[s] - R[s - W] : P[s];
      let sw = 0n;
      for (let s = Math.max(0, Q - W); s < Q; s++) sw += R[s];
      out[t][0] = sw;
    }
    return out;
  }
  const P = new Array<bigint>(Q * S).fill(0n);
  P[0] = 1n;
  let kTop = 0;
  let sTop = 0;
  for (let t = 0; t < T; t++) {
    const W = w[t];
    for (let r = 0; r < m[t]; r++) {
      kTop = Math.min(n, kTop + 1);
      sTop = Math.min(Q - 1, sTop + W);
      budget.spend((sTop + 1) * kTop);
      for (let s = sTop; s >= W; s--) {
        const base = s * S;
        const prev = (s - W) * S;
        for (let k = kTop; k >= 1; k--) {
          const v = P[prev + k - 1];
          if (v !== 0n) P[base + k] += v;
        }
      }
    }
  }
  const R = new Array<bigint>(Q * S);
  for (let t = 0; t < T; t++) {
    const W = w[t];
    if (W === 0) continue;
    budget.spend(Q * S);
    for (let s = 0; s < Q; s++) {
      const base = s * S;
      const prev = (s - W) * S;
      R[base] = P[base];
      for (let k = 1; k < S; k++) R[base + k] = s >= W ? P[base + k] - R[prev + k - 1] : P[base + k];
    }
    const o = out[t];
    for (let s = Math.max(0, Q - W); s < Q; s++) for (let k = 0; k < n; k++) o[k] += R[s * S + k];
  }
  return out;
}

// ---- The blocks engine -----------------------------------------------------------------------------------------

/** A distribution: encoded (global sums clipped at their quotas, size) -> number of ways. */
type Dist = Map<number, bigint>;

interface Layout {
  /** Quotas of the global clauses (as numbers). */
  gq: number[];
  /** Radix of the size coordinate (n + 1 with sizes, else 1). */
  S: number;
}

const encodeG = (L: Layout, g: number[], k: number): number => {
  let key = 0;
  for (let c = 0; c < L.gq.length; c++) key = key * (L.gq[c] + 1) + g[c];
  return key * L.S + k;
};
function decodeG(L: Layout, key: number): { g: number[]; k: number } {
  const k = key % L.S;
  let rest = (key - k) / L.S;
  const g = new Array<number>(L.gq.length);
  for (let c = L.gq.length - 1; c >= 0; c--) {
    const r = L.gq[c] + 1;
    g[c] = rest % r;
    rest = (rest - g[c]) / r;
  }
  return { g, k };
}

interface Entry {
  g: number[];
  k: number;
  v: bigint;
}
const decoded = new WeakMap<Dist, Entry[]>();
function entries(L: Layout, d: Dist): Entry[] {
  let list = decoded.get(d);
  if (!list) decoded.set(d, (list = [...d].map(([key, v]) => ({ ...decodeG(L, key), v }))));
  return list;
}

/** Keys and values of a distribution as flat arrays (one global clause or none: key = g * S + k). */
const flat = new WeakMap<Dist, { g: Int32Array; k: Int32Array; v: bigint[] }>();
function flatOf(L: Layout, d: Dist): { g: Int32Array; k: Int32Array; v: bigint[] } {
  let f = flat.get(d);
  if (!f) {
    const g = new Int32Array(d.size);
    const k = new Int32Array(d.size);
    const v: bigint[] = [];
    let i = 0;
    for (const [key, val] of d) {
      k[i] = key % L.S;
      g[i] = (key - k[i]) / L.S;
      v.push(val);
      i++;
    }
    flat.set(d, (f = { g, k, v }));
  }
  return f;
}

const DENSE_KEYS = 8_000_000;
/** Work charged per bit of a Kronecker operand (one sparse product is charged 1). */
const KRONECKER_STEP_PER_BIT = 0.2;
const KRONECKER_MAX_BITS = 2 ** 29;

const bitLength = (x: bigint): number => (x === 0n ? 0 : x.toString(16).length * 4);

/**
 * Convolution by Kronecker substitution: both distributions (non-negative, one global clause or none) are packed
 * into one BigInt each, with a slot per (sum, size) wide enough for any coefficient of the product; one BigInt
 * multiplication (sub-quadratic in V8) then does all the products at once. Null when it does not pay.
 */
function convKronecker(L: Layout, A: { g: Int32Array; k: Int32Array; v: bigint[] }, B: { g: Int32Array; k: Int32Array; v: bigint[] }, budget: Budget): Dist | null {
  const span = (F: typeof A) => {
    let gmin = Infinity;
    let gmax = -Infinity;
    let kmax = 0;
    let sum = 0n;
    for (let i = 0; i < F.v.length; i++) {
      if (F.v[i] < 0n) return null;
      gmin = Math.min(gmin, F.g[i]);
      gmax = Math.max(gmax, F.g[i]);
      kmax = Math.max(kmax, F.k[i]);
      sum += F.v[i];
    }
    return { gmin, gmax, kmax, sum };
  };
  const sa = span(A);
  const sb = span(B);
  if (!sa || !sb || !budget.kronecker) return null;
  const K = sa.kmax + sb.kmax + 1;
  const hex = Math.ceil((bitLength(sa.sum) + bitLength(sb.sum) + 1) / 4);
  const slotsA = (sa.gmax - sa.gmin + 1) * K;
  const slotsB = (sb.gmax - sb.gmin + 1) * K;
  const bits = (slotsA + slotsB) * hex * 4;
  if (bits > KRONECKER_MAX_BITS || A.v.length * B.v.length < bits * KRONECKER_STEP_PER_BIT * 2) return null;
  budget.spend(bits * KRONECKER_STEP_PER_BIT);
  const zero = '0'.repeat(hex);
  const pack = (F: typeof A, s: { gmin: number }, slots: number): bigint => {
    const parts = new Array<string>(slots).fill(zero);
    for (let i = 0; i < F.v.length; i++) parts[slots - 1 - ((F.g[i] - s.gmin) * K + F.k[i])] = F.v[i].toString(16).padStart(hex, '0');
    return BigInt('0x' + parts.join(''));
  };
  const prod = (pack(A, sa, slotsA) * pack(B, sb, slotsB)).toString(16);
  const R = Math.ceil(prod.length / hex);
  const text = prod.padStart(R * hex, '0');
  const q = L.gq.length ? L.gq[0] : 0;
  const g0 = sa.gmin + sb.gmin;
  const out: Dist = new Map();
  for (let r = 0; r < R; r++) {
    const end = text.length - r * hex;
    const chunk = text.slice(end - hex, end);
    if (chunk === zero) continue;
    const k = r % K;
    const g = Math.min(g0 + (r - k) / K, q);
    const key = g * L.S + k;
    const v = BigInt('0x' + chunk);
    out.set(key, (out.get(key) ?? 0n) + v);
  }
  return out;
}

function conv(L: Layout, a: Dist, b: Dist, budget: Budget): Dist {
  if (a.size === 0 || b.size === 0) return new Map();
  if (a.size === 1 && a.get(0) === 1n) return b;
  if (b.size === 1 && b.get(0) === 1n) return a;
  if (L.gq.length <= 1) {
    const q = L.gq.length ? L.gq[0] : 0;
    const S = L.S;
    const A = flatOf(L, a);
    const B = flatOf(L, b);
    const kron = convKronecker(L, A, B, budget);
    if (kron) return kron;
    budget.spend(a.size * b.size);
    const na = A.v.length;
    const nb = B.v.length;
    if ((q + 1) * S <= DENSE_KEYS) {
      const acc: (bigint | undefined)[] = new Array((q + 1) * S);
      for (let i = 0; i < na; i++) {
        const gi = A.g[i];
        const ki = A.k[i];
        const vi = A.v[i];
        for (let j = 0; j < nb; j++) {
          const g = gi + B.g[j];
          const key = (g < q ? g : q) * S + ki + B.k[j];
          const p = vi * B.v[j];
          const cur = acc[key];
          acc[key] = cur === undefined ? p : cur + p;
        }
      }
      const out: Dist = new Map();
      for (let key = 0; key < acc.length; key++) {
        const v = acc[key];
        if (v !== undefined) out.set(key, v);
      }
      return out;
    }
    const out: Dist = new Map();
    for (let i = 0; i < na; i++)
      for (let j = 0; j < nb; j++) {
        const g = A.g[i] + B.g[j];
        const key = (g < q ? g : q) * S + A.k[i] + B.k[j];
        out.set(key, (out.get(key) ?? 0n) + A.v[i] * B.v[j]);
      }
    return out;
  }
  budget.spend(a.size * b.size);
  const A = entries(L, a);
  const B = entries(L, b);
  const out: Dist = new Map();
  const G = L.gq.length;
  const g = new Array<number>(G);
  for (const x of A)
    for (const y of B) {
      for (let c = 0; c < G; c++) g[c] = Math.min(x.g[c] + y.g[c], L.gq[c]);
      const key = encodeG(L, g, x.k + y.k);
      out.set(key, (out.get(key) ?? 0n) + x.v * y.v);
    }
  return out;
}

/** What a distribution is joined against: by size (no global clause), a suffix table (one), or its entries. */
type Table =
  | { kind: 'sizes'; bySize: bigint[] }
  | { kind: 'suffix'; gs: number[]; rows: bigint[][]; ends: number[] }
  | { kind: 'entries'; list: Entry[] };

function makeTable(L: Layout, d: Dist, budget: Budget): Table {
  const G = L.gq.length;
  if (G === 0) {
    const bySize = new Array<bigint>(L.S).fill(0n);
    for (const [key, v] of d) bySize[key] += v;
    return { kind: 'sizes', bySize };
  }
  if (G === 1) {
    const byG = new Map<number, bigint[]>();
    for (const [key, v] of d) {
      const k = key % L.S;
      const g = (key - k) / L.S;
      let row = byG.get(g);
      if (!row) byG.set(g, (row = new Array<bigint>(L.S).fill(0n)));
      row[k] += v;
    }
    const gs = [...byG.keys()].sort((a, b) => a - b);
    budget.spend(gs.length * L.S);
    const rows = gs.map((g) => byG.get(g) as bigint[]);
    for (let i = rows.length - 2; i >= 0; i--) for (let k = 0; k < L.S; k++) rows[i][k] += rows[i + 1][k];
    // one past the last non-zero size of each row
    const ends = rows.map((row) => {
      let e = row.length;
      while (e > 0 && row[e - 1] === 0n) e--;
      return e;
    });
    return { kind: 'suffix', gs, rows, ends };
  }
  return { kind: 'entries', list: entries(L, d) };
}

/** Adds, by total size, the (signed) ways in which d combined with the table's distribution meets every global quota. */
function join(L: Layout, d: Dist, table: Table, acc: bigint[], budget: Budget): void {
  const n = acc.length;
  const S = L.S;
  if (table.kind === 'sizes') {
    const row = table.bySize;
    budget.spend(d.size * S);
    for (const [k, v] of d)
      for (let j = 0; j < S && k + j < n; j++) {
        const r = row[j];
        if (r !== 0n) acc[k + j] += v * r;
      }
    return;
  }
  if (table.kind === 'suffix') {
    budget.spend(d.size * S);
    const q = L.gq[0];
    const { gs, rows, ends } = table;
    for (const [key, v] of d) {
      const k = key % S;
      const x = (key - k) / S;
      const thr = q - x;
      // first g >= thr
      let lo = 0;
      let hi = gs.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (gs[mid] >= thr) hi = mid;
        else lo = mid + 1;
      }
      if (lo === gs.length) continue;
      const row = rows[lo];
      const top = Math.min(ends[lo], n - k);
      for (let j = 0; j < top; j++) {
        const r = row[j];
        if (r !== 0n) acc[k + j] += v * r;
      }
    }
    return;
  }
  budget.spend(d.size * table.list.length);
  const G = L.gq.length;
  for (const x of entries(L, d))
    for (const y of table.list) {
      let ok = true;
      for (let c = 0; c < G && ok; c++) ok = x.g[c] + y.g[c] >= L.gq[c];
      if (ok && x.k + y.k < n) acc[x.k + y.k] += x.v * y.v;
    }
}

/** plus - minus, key by key (equal keys cancel). */
function difference(plus: Dist, minus: Dist): Dist {
  const out: Dist = new Map(plus);
  for (const [key, v] of minus) {
    const r = (out.get(key) ?? 0n) - v;
    if (r === 0n) out.delete(key);
    else out.set(key, r);
  }
  return out;
}

/** An AND of several clauses (or one, when the polynomial does not pay): blocks, clipped sums, convolution. */
function blockTerm(m: number[], Wb: bigint[][], Qb: bigint[], n: number, sizes: boolean, budget: Budget): bigint[][] {
  const T = m.length;
  const C = Qb.length;
  const LIMIT = 2 ** 40;
  if (Qb.some((q) => q > BigInt(LIMIT))) throw new TooLarge(msg('governance.power.why.quota_too_large'));
  const Q = Qb.map(Number);
  const W = Wb.map((row) => row.map(Number));
  const S = sizes ? n + 1 : 1;
  const out: bigint[][] = m.map(() => new Array<bigint>(sizes ? n : 1).fill(0n));
  const support = (c: number): number[] => W[c].flatMap((w, t) => (w > 0 ? [t] : []));
  const involved = (t: number): boolean => W.some((row) => row[t] > 0);

  // global clauses: while one component holds every involved type, the widest local clause becomes global
  const local = new Set<number>(Array.from({ length: C }, (_, c) => c));
  const global: number[] = [];
  let comps: number[][] = [];
  for (;;) {
    const parent = Array.from({ length: T }, (_, t) => t);
    const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x])));
    for (const c of local) {
      const s = support(c);
      for (const t of s.slice(1)) parent[find(t)] = find(s[0]);
    }
    const byRoot = new Map<number, number[]>();
    for (let t = 0; t < T; t++) if (involved(t)) byRoot.set(find(t), [...(byRoot.get(find(t)) ?? []), t]);
    comps = [...byRoot.values()];
    if (comps.length >= 2 || local.size === 0 || (comps.length === 1 && comps[0].length === 1)) break;
    let best = -1;
    for (const c of local) if (best < 0 || support(c).length > support(best).length) best = c;
    local.delete(best);
    global.push(best);
  }
  const freeTypes = Array.from({ length: T }, (_, t) => t).filter((t) => !involved(t));
  const blocks: { types: number[]; locals: number[] }[] = comps.map((types) => ({
    types,
    locals: [...local].filter((c) => support(c).every((t) => types.includes(t))),
  }));
  if (freeTypes.length) blocks.push({ types: freeTypes, locals: [] });

  const L: Layout = { gq: global.map((c) => Q[c]), S };
  let radix = S;
  for (const q of L.gq) radix *= q + 1;
  if (radix > Number.MAX_SAFE_INTEGER) throw new TooLarge(msg('governance.power.why.global_sums'));

  /** The distribution of one block (optionally without one member of `leave`), split by whether the local clauses pass. */
  const blockDist = (b: { types: number[]; locals: number[] }, leave: number | null): { minus: Dist; plus: Dist | null } => {
    const coords = [...b.locals, ...global];
    const cq = coords.map((c) => Q[c]);
    let rad = S;
    for (const q of cq) rad *= q + 1;
    if (rad > Number.MAX_SAFE_INTEGER) throw new TooLarge(msg('governance.power.why.partial_sums'));
    const enc = (v: number[], k: number): number => {
      let key = 0;
      for (let i = 0; i < v.length; i++) key = key * (cq[i] + 1) + v[i];
      return key * S + k;
    };
    const dec = (key: number): { v: number[]; k: number } => {
      const k = key % S;
      let rest = (key - k) / S;
      const v = new Array<number>(cq.length);
      for (let i = cq.length - 1; i >= 0; i--) {
        v[i] = rest % (cq[i] + 1);
        rest = (rest - v[i]) / (cq[i] + 1);
      }
      return { v, k };
    };
    let cur: Map<number, bigint> = new Map([[0, 1n]]);
    const nv = new Array<number>(coords.length);
    for (const t of b.types) {
      const mt = m[t] - (t === leave ? 1 : 0);
      if (mt === 0) continue;
      const bin = binomRow(mt);
      const wt = coords.map((c) => W[c][t]);
      const next: Map<number, bigint> = new Map();
      budget.spend(cur.size * (mt + 1));
      for (const [key, cnt] of cur) {
        const { v, k } = dec(key);
        // once every coordinate is clipped, more yes-voters only change the size
        let sat = 0;
        for (let i = 0; i < v.length; i++) if (wt[i] > 0 && v[i] < cq[i]) sat = Math.max(sat, Math.ceil((cq[i] - v[i]) / wt[i]));
        const stop = sizes ? mt : Math.min(mt, sat);
        for (let j = 0; j <= stop; j++) {
          for (let i = 0; i < v.length; i++) nv[i] = Math.min(v[i] + j * wt[i], cq[i]);
          let add = cnt * bin[j];
          if (!sizes && j === stop && stop < mt) for (let r = j + 1; r <= mt; r++) add += cnt * bin[r];
          const nk = sizes ? k + j : 0;
          const key2 = enc(nv, nk);
          next.set(key2, (next.get(key2) ?? 0n) + add);
        }
      }
      cur = next;
    }
    const nl = b.locals.length;
    const minus: Dist = new Map();
    const plus: Dist | null = leave === null ? null : new Map();
    const g = new Array<number>(global.length);
    for (const [key, cnt] of cur) {
      const { v, k } = dec(key);
      let passMinus = true;
      let passPlus = true;
      for (let i = 0; i < nl; i++) {
        if (v[i] < cq[i]) passMinus = false;
        if (leave !== null && v[i] + W[b.locals[i]][leave] < cq[i]) passPlus = false;
      }
      if (passMinus) {
        for (let c = 0; c < global.length; c++) g[c] = v[nl + c];
        const k2 = encodeG(L, g, k);
        minus.set(k2, (minus.get(k2) ?? 0n) + cnt);
      }
      if (plus && passPlus) {
        for (let c = 0; c < global.length; c++) g[c] = Math.min(v[nl + c] + W[global[c]][leave as number], L.gq[c]);
        const k2 = encodeG(L, g, k);
        plus.set(k2, (plus.get(k2) ?? 0n) + cnt);
      }
    }
    return { minus, plus };
  };

  const B = blocks.length;
  // blocks of the same structure (e.g. chambers of equal make-up) share their distributions, so products repeat
  // and are computed once: convolutions are memoised by operand identity, per-type results by block structure
  const sigOf = (b: { types: number[]; locals: number[] }): string =>
    JSON.stringify([b.types.map((t) => [m[t], global.map((c) => W[c][t]), b.locals.map((c) => W[c][t])]), b.locals.map((c) => Q[c])]);
  const sigs = blocks.map(sigOf);
  const byS = new Map<string, Dist>();
  const D = blocks.map((b, i) => {
    let d = byS.get(sigs[i]);
    if (!d) byS.set(sigs[i], (d = blockDist(b, null).minus));
    return d;
  });
  const ids = new WeakMap<Dist, number>();
  let nextId = 0;
  const idOf = (d: Dist): number => {
    let id = ids.get(d);
    if (id === undefined) ids.set(d, (id = nextId++));
    return id;
  };
  const convMemo = new Map<string, Dist>();
  const cconv = (a: Dist, b: Dist): Dist => {
    const [x, y] = [idOf(a), idOf(b)].sort((u, v) => u - v);
    const key = `${x},${y}`;
    let r = convMemo.get(key);
    if (!r) convMemo.set(key, (r = conv(L, a, b, budget)));
    return r;
  };
  const unit: Dist = new Map([[0, 1n]]);
  const pre: Dist[] = [unit];
  for (let b = 0; b + 1 < B; b++) pre.push(cconv(pre[b], D[b]));
  const suf: Dist[] = new Array<Dist>(B + 1);
  suf[B] = unit;
  for (let b = B - 1; b >= 1; b--) suf[b] = cconv(D[b], suf[b + 1]);

  const tables = new Map<number, Table>();
  const tableOf = (d: Dist): Table => {
    let t = tables.get(idOf(d));
    if (!t) tables.set(idOf(d), (t = makeTable(L, d, budget)));
    return t;
  };
  const results = new Map<string, bigint[]>();
  const width = sizes ? n : 1;
  for (let b = 0; b < B; b++) {
    const types = blocks[b].types.filter(involved);
    if (types.length === 0) continue;
    const P = pre[b];
    const Sf = suf[b + 1];
    const small = P.size <= Sf.size ? P : Sf;
    const big = small === P ? Sf : P;
    const d = D[b].size;
    const costA = P.size * Sf.size + types.length * 2 * d * S;
    const costB = types.length * 2 * (d * small.size + Math.min(d * small.size, radix) * S);
    const others = costA <= costB ? cconv(P, Sf) : null;
    types.forEach((t) => {
      const pos = blocks[b].types.indexOf(t);
      const key = `${sigs[b]}|${pos}|${others ? `A${idOf(others)}` : `B${idOf(P)},${idOf(Sf)}`}`;
      let row = results.get(key);
      if (!row) {
        row = new Array<bigint>(width).fill(0n);
        const { minus, plus } = blockDist(blocks[b], t);
        if (others) join(L, difference(plus as Dist, minus), tableOf(others), row, budget);
        else join(L, difference(conv(L, plus as Dist, small, budget), conv(L, minus, small, budget)), tableOf(big), row, budget);
        results.set(key, row);
      }
      for (let k = 0; k < width; k++) out[t][k] += row[k];
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Indices of a game

export interface GamePowerOptions {
  /** Stop exact counting after this many elementary steps and report the game as too large (default 50 million). */
  maxWork?: number;
  /** Counting engine for single-quota terms (for tests): the polynomial, the blocks engine, or the cheaper (default). */
  engine?: Engine;
  /** Convolutions by Kronecker substitution when they pay (default true; tests switch it off to cover the sparse path). */
  kronecker?: boolean;
}

/** Exact power indices of a game, by player (in the game's order). */
export interface GamePower {
  /** Normalised Banzhaf index: a player's swings over all players' swings. */
  banzhaf: Fraction[];
  /** Shapley-Shubik index: the share of orderings in which the player is pivotal. */
  shapleyShubik: Fraction[];
  /** Raw Banzhaf counts: sets S of the other players with S + i winning and S losing. */
  swings: bigint[];
  dummies: boolean[];
  /** Players in every winning set. */
  vetoPlayers: number[];
  /** The player whose vote alone decides, if any. */
  dictator: number | null;
}

const DEFAULT_MAX_WORK = 50_000_000;

function factorials(n: number): bigint[] {
  const f = [1n];
  for (let i = 1; i <= n; i++) f.push(f[i - 1] * BigInt(i));
  return f;
}

/** Throws unless the game is proper enough to measure: the grand coalition wins and the empty one loses. */
function checkNonConstant(prep: Prepared): void {
  if (prep.n === 0) cannotAnalyse('players', msg('governance.power.no_players'), 'empty');
  if (!evalCounts(prep, prep.mult)) cannotAnalyse('formula', msg('governance.power.never_passes'), 'never_passes');
  if (evalCounts(prep, prep.mult.map(() => 0))) cannotAnalyse('formula', msg('governance.power.always_passes'), 'always_passes');
}

/** Veto players and the dictator, evaluated exactly per type. */
function vetoAndDictator(prep: Prepared): { vetoType: boolean[]; dictatorType: number | null } {
  const vetoType = prep.mult.map((_, t) => !evalCounts(prep, prep.mult.map((m, u) => (u === t ? m - 1 : m))));
  let dictatorType: number | null = null;
  prep.mult.forEach((m, t) => {
    if (m === 1 && vetoType[t] && evalCounts(prep, prep.mult.map((_, u) => (u === t ? 1 : 0)))) dictatorType = t;
  });
  return { vetoType, dictatorType };
}

/** Swing counts per type (sizes: by |S|), summed over the inclusion-exclusion terms. */
function typeSwings(prep: Prepared, sizes: boolean, budget: Budget, engine: Engine): bigint[][] {
  const width = sizes ? prep.n : 1;
  const total = prep.mult.map(() => new Array<bigint>(width).fill(0n));
  for (const term of expandTerms(prep.node)) {
    const res = countTerm(prep.mult, prep.n, term.clauses.map((i) => prep.clauses[i]), sizes, budget, engine);
    res.forEach((row, t) => row.forEach((v, k) => (total[t][k] += term.sign * v)));
  }
  return total;
}

interface TypePower {
  swings: bigint[];
  banzhaf: Fraction[];
  shapleyShubik?: Fraction[];
}

function exactTypePower(prep: Prepared, withSS: boolean, budget: Budget, engine: Engine): TypePower {
  const { n, mult } = prep;
  let swings: bigint[];
  let shapleyShubik: Fraction[] | undefined;
  if (withSS) {
    const bySize = typeSwings(prep, true, budget, engine);
    const f = factorials(n);
    swings = bySize.map((row) => row.reduce((a, b) => a + b, 0n));
    shapleyShubik = bySize.map((row) => frac(row.reduce((a, v, k) => a + v * f[k] * f[n - 1 - k], 0n), f[n]));
  } else swings = typeSwings(prep, false, budget, engine).map((row) => row[0]);
  const all = swings.reduce((a, s, t) => a + s * BigInt(mult[t]), 0n);
  if (all <= 0n) cannotAnalyse('formula', msg('governance.power.constant_game'), 'constant_game');
  return { swings, banzhaf: swings.map((s) => frac(s, all)), ...(shapleyShubik ? { shapleyShubik } : {}) };
}

/** Exact Banzhaf, Shapley-Shubik, swings, dummies, veto players and dictator. Throws when the game is too large. */
export function gamePower(game: SimpleGame, options: GamePowerOptions = {}): GamePower {
  const prep = prepare(game);
  checkNonConstant(prep);
  const budget = new Budget(options.maxWork ?? DEFAULT_MAX_WORK, options.kronecker ?? true);
  let tp: TypePower;
  try {
    tp = exactTypePower(prep, true, budget, options.engine ?? 'auto');
  } catch (e) {
    if (e instanceof TooLarge) return fail(msg('governance.power.too_large_to_count'), [issue('game', msg('governance.power.estimate_instead', { why: e.why }), 'too_large')]);
    throw e;
  }
  return fromTypes(prep, tp);
}

function fromTypes(prep: Prepared, tp: TypePower): GamePower {
  const { vetoType, dictatorType } = vetoAndDictator(prep);
  const players = prep.typeOf.map((_, p) => p);
  return {
    banzhaf: prep.typeOf.map((t) => tp.banzhaf[t]),
    shapleyShubik: prep.typeOf.map((t) => (tp.shapleyShubik as Fraction[])[t]),
    swings: prep.typeOf.map((t) => tp.swings[t]),
    dummies: prep.typeOf.map((t) => tp.swings[t] === 0n),
    vetoPlayers: players.filter((p) => vetoType[prep.typeOf[p]]),
    dictator: dictatorType === null ? null : prep.typeOf.indexOf(dictatorType),
  };
}

/** Exact normalised Banzhaf index of every player. */
export function banzhaf(game: SimpleGame, options: GamePowerOptions = {}): Fraction[] {
  const prep = prepare(game);
  checkNonConstant(prep);
  try {
    const tp = exactTypePower(prep, false, new Budget(options.maxWork ?? DEFAULT_MAX_WORK, options.kronecker ?? true), options.engine ?? 'auto');
    return prep.typeOf.map((t) => tp.banzhaf[t]);
  } catch (e) {
    if (e instanceof TooLarge) return fail(msg('governance.power.too_large_to_count'), [issue('game', e.why, 'too_large')]);
    throw e;
  }
}

/** Exact Shapley-Shubik index of every player. */
export function shapleyShubik(game: SimpleGame, options: GamePowerOptions = {}): Fraction[] {
  return gamePower(game, options).shapleyShubik;
}

/** Full enumeration of all 2^n sets (n <= 20): the test oracle. */
export function enumeratePower(game: SimpleGame): GamePower {
  const n = game.players.length;
  if (n > 20) fail(msg('governance.power.too_large_to_enumerate'), [issue('players', msg('governance.power.enumeration_limit', { players: n }), 'too_large')]);
  const prep = prepare(game);
  checkNonConstant(prep);
  const N = 1 << n;
  const win = new Uint8Array(N);
  for (let mask = 0; mask < N; mask++) {
    const members: number[] = [];
    for (let i = 0; i < n; i++) if (mask & (1 << i)) members.push(i);
    win[mask] = wins(game, members) ? 1 : 0;
  }
  const f = factorials(n);
  const swings: bigint[] = [];
  const ss: bigint[] = [];
  const pop = (x: number): number => {
    let c = 0;
    while (x) {
      x &= x - 1;
      c++;
    }
    return c;
  };
  for (let i = 0; i < n; i++) {
    const bit = 1 << i;
    let s = 0n;
    let h = 0n;
    for (let mask = 0; mask < N; mask++) {
      if (mask & bit) continue;
      if (win[mask | bit] && !win[mask]) {
        s++;
        const k = pop(mask);
        h += f[k] * f[n - 1 - k];
      }
    }
    swings.push(s);
    ss.push(h);
  }
  const all = swings.reduce((a, b) => a + b, 0n);
  const players = Array.from({ length: n }, (_, i) => i);
  const vetoPlayers = players.filter((i) => !win[(N - 1) & ~(1 << i)]);
  const dictator = players.find((i) => win[1 << i] && vetoPlayers.includes(i));
  return {
    banzhaf: swings.map((s) => frac(s, all)),
    shapleyShubik: ss.map((h) => frac(h, f[n])),
    swings,
    dummies: swings.map((s) => s === 0n),
    vetoPlayers,
    dictator: dictator ?? null,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Monte Carlo

/** A uniform number in [0, 1) from a seeded generator the caller owns. */
export type Random = () => number;

export interface Estimate {
  value: Fraction;
  /** Half width of the confidence interval (normal approximation), in index units. */
  halfWidth: number;
}

export interface MonteCarloPower {
  banzhaf: Estimate[];
  shapleyShubik: Estimate[];
  samples: number;
  level: number;
}

const Z95 = 1.959963984540054;

/** Samples of the Banzhaf estimator that must contain a swing for the estimate to be reported. */
const MIN_SWING_SAMPLES = 30;

/** Half width of the 95% Wilson score interval for a proportion of `x` in `n` (never 0, also for x = 0). */
function wilsonHalfWidth(x: number, n: number): number {
  const p = x / n;
  const z2 = Z95 * Z95;
  return (Z95 / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
}

/**
 * Estimates the indices per type by sampling (with the caller's seeded PRNG):
 * - Banzhaf: every player votes yes with probability 1/2; each sample credits every type with the share of its
 *   members that swing; normalised by the ratio of means (delta-method interval). Throws when fewer than
 *   MIN_SWING_SAMPLES samples contain any swing (swings too rare for sampling, e.g. a 2/3 majority of 1,000).
 * - Shapley-Shubik: random orderings (drawn lazily by a partial Fisher-Yates shuffle); the player whose yes first
 *   makes the coalition win is pivotal; every sample has exactly one pivot (Wilson interval per type).
 */
function monteCarloTypes(prep: Prepared, random: Random, samples: number, which: { banzhaf: boolean; ss: boolean }): { banzhaf?: Estimate[]; ss?: Estimate[] } {
  const T = prep.mult.length;
  const C = prep.clauses.length;
  const W = prep.clauses.map((c) => c.w.map(Number));
  const Q = prep.clauses.map((c) => Number(c.q));
  for (let c = 0; c < C; c++) {
    const total = W[c].reduce((a, w, t) => a + w * prep.mult[t], 0);
    if (!Number.isSafeInteger(total) || !Number.isSafeInteger(Q[c])) cannotEstimate('game', msg('governance.power.weights_too_large_to_sample'), 'too_large');
  }
  const draw = (): number => {
    const r = random();
    if (!(typeof r === 'number' && r >= 0 && r < 1)) cannotEstimate('random', msg('governance.power.invalid_random'), 'invalid_random');
    return r;
  };
  const sums = new Array<number>(C).fill(0);
  const met = new Array<boolean>(C).fill(false);
  const ev = (x: Node): boolean => (x.k === 'c' ? met[x.i] : x.k === 'const' ? x.v : x.k === 'and' ? x.of.every(ev) : x.of.some(ev));
  const winWith = (t: number, dir: number): boolean => {
    for (let c = 0; c < C; c++) met[c] = sums[c] + dir * W[c][t] >= Q[c];
    return ev(prep.node);
  };
  const N = samples;
  const out: { banzhaf?: Estimate[]; ss?: Estimate[] } = {};
  if (which.banzhaf) {
    const A = new Array<number>(T).fill(0);
    const sx = new Array<number>(T).fill(0);
    const sxx = new Array<number>(T).fill(0);
    const sxy = new Array<number>(T).fill(0);
    let sy = 0;
    let syy = 0;
    let withSwing = 0;
    const k = new Array<number>(T).fill(0);
    const x = new Array<number>(T).fill(0);
    for (let s = 0; s < N; s++) {
      for (let t = 0; t < T; t++) {
        let c = 0;
        for (let j = 0; j < prep.mult[t]; j++) if (draw() < 0.5) c++;
        k[t] = c;
      }
      sums.fill(0);
      for (let c = 0; c < C; c++) for (let t = 0; t < T; t++) sums[c] += k[t] * W[c][t];
      const winS = winWith(0, 0);
      let y = 0;
      for (let t = 0; t < T; t++) {
        let a = 0;
        if (winS && k[t] > 0 && !winWith(t, -1)) a += k[t];
        if (!winS && k[t] < prep.mult[t] && winWith(t, 1)) a += prep.mult[t] - k[t];
        A[t] += a;
        x[t] = a / prep.mult[t];
        y += a;
      }
      if (y > 0) withSwing++;
      for (let t = 0; t < T; t++) {
        sx[t] += x[t];
        sxx[t] += x[t] * x[t];
        sxy[t] += x[t] * y;
      }
      sy += y;
      syy += y * y;
    }
    if (withSwing < MIN_SWING_SAMPLES)
      fail(msg('governance.power.banzhaf_impossible'), [issue('game', msg('governance.power.swings_too_rare', { swings: withSwing, samples: N }), 'too_large')]);
    const totalA = A.reduce((a, b) => a + b, 0);
    const my = sy / N;
    const vy = Math.max(0, syy / N - my * my);
    out.banzhaf = prep.mult.map((m, t) => {
      const value = frac(BigInt(A[t]), BigInt(m) * BigInt(totalA));
      const mx = sx[t] / N;
      const vx = Math.max(0, sxx[t] / N - mx * mx);
      const cxy = sxy[t] / N - mx * my;
      const ratio = mx / my;
      const v = Math.max(0, (vx - 2 * ratio * cxy + ratio * ratio * vy) / (my * my)) / N;
      return { value, halfWidth: Z95 * Math.sqrt(v) };
    });
  }
  if (which.ss) {
    const n = prep.n;
    const pivots = new Array<number>(T).fill(0);
    const order = new Int32Array(n);
    for (let s = 0; s < N; s++) {
      let i = 0;
      for (let t = 0; t < T; t++) for (let j = 0; j < prep.mult[t]; j++) order[i++] = t;
      sums.fill(0);
      for (let step = 0; step < n; step++) {
        const j = step + Math.floor(draw() * (n - step));
        const t = order[j];
        order[j] = order[step];
        order[step] = t;
        for (let c = 0; c < C; c++) sums[c] += W[c][t];
        if (winWith(0, 0)) {
          pivots[t]++;
          break;
        }
      }
    }
    out.ss = prep.mult.map((m, t) => ({ value: frac(BigInt(pivots[t]), BigInt(m) * BigInt(N)), halfWidth: wilsonHalfWidth(pivots[t], N) / m }));
  }
  return out;
}

/**
 * Monte Carlo estimates of both indices, by player, with 95% confidence intervals (normal approximation; the
 * normalised Banzhaf index by the delta method for a ratio). `random` is a seeded PRNG owned by the caller.
 */
export function monteCarloPower(game: SimpleGame, random: Random, options: { samples?: number } = {}): MonteCarloPower {
  const prep = prepare(game);
  checkNonConstant(prep);
  const samples = checkSamples(options.samples);
  const r = monteCarloTypes(prep, random, samples, { banzhaf: true, ss: true });
  return {
    banzhaf: prep.typeOf.map((t) => (r.banzhaf as Estimate[])[t]),
    shapleyShubik: prep.typeOf.map((t) => (r.ss as Estimate[])[t]),
    samples,
    level: 0.95,
  };
}

const DEFAULT_SAMPLES = 20_000;
function checkSamples(s: number | undefined): number {
  const samples = s ?? DEFAULT_SAMPLES;
  if (!(Number.isSafeInteger(samples) && samples >= 100))
    cannotEstimate('samples', msg('governance.power.invalid_samples'), 'invalid_count');
  return samples;
}

// ---------------------------------------------------------------------------------------------------------------
// From a charter's rule to a game

export interface PowerOptions {
  /** The stage of a staged rule to analyse; default the last (the fallback vote). */
  stage?: string;
  /** The body whose seats vote; default the body of the decision type counted by this rule (or the first body). */
  body?: string;
  /** A roll of seats instead of a body's seats (like decide's `members`). */
  members?: Seat[];
  /** 'exact' never estimates; 'monte_carlo' always does (needs `random`); 'auto' (default) estimates only what is too large to count. */
  method?: 'auto' | 'exact' | 'monte_carlo';
  /** A seeded PRNG returning numbers in [0, 1): needed for Monte Carlo (the domain has no randomness of its own). */
  random?: Random;
  /** Monte Carlo samples per index (default 20,000). */
  samples?: number;
  /** Budget of elementary counting steps per index before exact counting gives up (default 50 million). */
  maxWork?: number;
}

export interface PowerValue {
  num: bigint;
  den: bigint;
  /** Rounded for people: "0.2381", or "0.2381 ± 0.0040" for an estimate. */
  display: string;
  /** Estimates only: half width of the 95% confidence interval. */
  halfWidth?: number;
}

export interface SeatPower {
  seat: string;
  name?: string;
  group?: string;
  banzhaf: PowerValue;
  shapleyShubik: PowerValue;
  /** Never pivotal: zero power (from exact counts; with estimates only when provably so). */
  dummy: boolean;
  /** In every winning set: the rule cannot pass without this seat's yes (exact). */
  veto: boolean;
}

export interface PowerAnalysis {
  /** 'monte_carlo' when any figure is an estimate (see `confidence`). */
  method: 'exact' | 'monte_carlo';
  rule: string;
  /** The stage analysed (staged rules). */
  stage?: string;
  /** The body whose seats vote; null for every seat or a roll passed in. */
  body: string | null;
  seats: SeatPower[];
  dictator: string | null;
  vetoPlayers: string[];
  /** Every modelling assumption and approximation, in words. */
  notes: string[];
  confidence?: { level: number; samples: number; estimated: ('banzhaf' | 'shapleyShubik')[]; maxHalfWidth: number };
}

export interface CharterGame {
  game: SimpleGame;
  /** The voting seats, in the game's player order. */
  seats: Seat[];
  /** The roll the game was built from: the body's seats (or the roll passed in), non-voting seats included. */
  roll: Seat[];
  stage?: string;
  body: string | null;
  notes: string[];
}

/** The rule cannot be analysed: one issue. */
const invalid = (field: string, m: Msg, code: string): never => fail(msg('governance.power.rule_cannot_be_analysed'), [issue(field, m, code)]);

function chooseRoll(charter: Charter, ruleName: string, options: PowerOptions, notes: string[]): { roll: Seat[]; body: string | null } {
  const all = charter.seats ?? [];
  if (options.members !== undefined) {
    if (!Array.isArray(options.members)) invalid('members', msg('governance.power.members_not_a_list'), 'invalid_type');
    return { roll: options.members, body: null };
  }
  const bodies = charter.bodies ?? [];
  let bodyId: string | undefined = options.body;
  if (bodyId === undefined) {
    const types = Object.entries(charter.decisionTypes ?? {}).filter(([, t]) => t.rule === ruleName);
    const own = types.find(([id]) => id === ruleName) ?? types[0];
    if (own) bodyId = own[1].body ?? bodies[0]?.id;
    else bodyId = bodies[0]?.id;
    const others = new Set(types.map(([, t]) => t.body ?? bodies[0]?.id).filter((b) => b !== bodyId));
    if (others.size) notes.push(`Rule "${ruleName}" is also used by body ${[...others].map((b) => `"${b}"`).join(', ')}: analysed for body "${bodyId}" (pass \`body\` to choose).`);
  }
  if (bodyId === undefined) return { roll: all, body: null };
  const body = bodies.find((b) => b.id === bodyId);
  if (!body) return invalid('body', msg('governance.decision_types.unknown_body', { body: bodyId }), 'unknown_body');
  if (!Array.isArray(body.seats)) return { roll: all, body: body.id };
  const ids = new Set(body.seats);
  return { roll: all.filter((s) => ids.has(s.id)), body: body.id };
}

/** The deepest group on a seat's path that carries a share (its unit, e.g. an FSC cell). */
function unitOf(path: string, index: Map<string, GroupInfo>): GroupInfo | undefined {
  const parts = path.split('/');
  for (let n = parts.length; n > 0; n--) {
    const g = index.get(parts.slice(0, n).join('/'));
    if (g?.share) return g;
  }
  return undefined;
}

/**
 * Each seat's voting power under full attendance (per_member and per_present coincide): its share-bearing group's
 * share spread over that group's seats among `players`, or its own weight (default 1) when the charter uses no
 * shares. Also the nominal share a power analysis compares the indices with.
 */
export function seatWeights(charter: Charter, players: Seat[], index: Map<string, GroupInfo>): Fraction[] {
  if (!usesShares(charter)) return players.map((s) => parseRatio(s.weight ?? '1') ?? frac(1));
  const units = players.map((s) => (s.group === undefined ? undefined : unitOf(s.group, index)));
  const members = new Map<string, number>();
  for (const u of units) if (u) members.set(u.path, (members.get(u.path) ?? 0) + 1);
  return units.map((u) => (u ? divF(u.share as Fraction, frac(members.get(u.path) as number)) : frac(0)));
}

/**
 * The simple game of a charter's rule for the seats of a body: who, voting yes (all others voting no, everybody
 * present), adopts. Throws DomainError('validation_failed') naming why a rule cannot be analysed.
 */
export function powerGame(charter: Charter, ruleName: string, options: PowerOptions = {}): CharterGame {
  const notes: string[] = [];
  const rule = charter.rules?.[ruleName];
  if (!rule) {
    const rules = Object.keys(charter.rules ?? {});
    return invalid('rule', rules.length ? msg('governance.power.unknown_rule', { rule: String(ruleName), rules: rules.join(', ') }) : msg('governance.power.unknown_rule_none', { rule: String(ruleName) }), 'unknown_rule');
  }
  const errors = errorsOnly(checkCharter(charter));
  if (errors.length) fail(msg('governance.power.charter_has_errors'), errors.map(({ field, message, code, msg: m }) => ({ field, message, code, ...(m ? { msg: m } : {}) })));

  let condition: Condition;
  let stage: Stage | undefined;
  if (rule.kind === 'staged') {
    const stages = rule.stages;
    stage = options.stage === undefined ? stages[stages.length - 1] : stages.find((s) => s.id === options.stage);
    if (!stage) return invalid('stage', msg('governance.power.unknown_stage', { stage: String(options.stage), rule: ruleName, stages: stages.map((s) => s.id).join(', ') }), 'unknown_stage');
    condition = stage.pass;
    const earlier = stages.slice(0, stages.indexOf(stage)).map((s) => `"${s.id}"`);
    notes.push(
      `Staged rule: stage "${stage.id}" is analysed${options.stage === undefined ? ' (the last stage, the fallback vote)' : ''}` +
        (earlier.length ? `; the earlier stage${earlier.length > 1 ? 's' : ''} ${earlier.join(', ')} ${earlier.length > 1 ? 'are' : 'is'} not part of this game.` : '.'),
    );
  } else {
    if (options.stage !== undefined) invalid('stage', msg('governance.power.no_stages', { rule: ruleName }), 'unknown_stage');
    condition = rule.pass;
  }

  const { roll, body } = chooseRoll(charter, ruleName, options, notes);
  const players = roll.filter((s) => s.voting !== false && s.recused !== true);
  const nonVoting = roll.filter((s) => s.voting === false);
  if (players.length === 0) invalid(options.members ? 'members' : 'body', body ? msg('governance.power.body_no_voting_seat', { body }) : msg('governance.power.roll_no_voting_seat'), 'no_voting_seat');
  notes.push(
    `Full attendance and yes/no votes: every voting seat (${players.length}) is present and votes yes or no; nobody abstains, so votes cast, members present and all members are the same base.`,
  );
  if (nonVoting.length) notes.push(`${nonVoting.length} non-voting seat${nonVoting.length > 1 ? 's are' : ' is'} present (for quorums) but cast no vote and have no power.`);
  if (roll.some((s) => s.recused === true)) notes.push('Recused seats on the roll left the base and are not players.');

  // the quorum under full attendance, by the counting engine itself
  const ballots: Ballot[] = players.map((s) => ({ voter: s.id, choice: 'yes' }));
  const present = roll.filter((s) => s.recused !== true).map((s) => (s.voting === false ? { ...s, present: true } : s));
  const outcome = decide(charter, ruleName, ballots, present, stage ? { startAt: stage.id } : {});
  if (outcome.outcome === 'no_quorum') {
    const failed = outcome.conditions.filter((c) => !c.passed);
    fail(msg('governance.power.quorum_unreachable'), failed.map((c) => issue('quorum', failedQuorumMsg(c), 'quorum_unreachable')));
  }
  notes.push(rule.quorum === undefined ? 'The default quorum (a majority of all voting members) is met under full attendance.' : rule.quorum.length ? 'The quorum is met under full attendance.' : 'The rule has no quorum.');

  const index = indexGroups(charter.groups);
  const weights = seatWeights(charter, players, index);
  if (usesShares(charter)) {
    notes.push("Group shares: each seat holds its unit's share divided by the unit's voting seats on the roll; per_present spreading equals per_member under full attendance.");
    const zero = players.filter((_, i) => weights[i].num === 0n);
    if (zero.length) notes.push(`${zero.length} voting seat${zero.length > 1 ? 's sit' : ' sits'} in no group with a share: no weight in weighted conditions.`);
  } else if (players.some((s) => s.weight !== undefined)) notes.push('Per-member weights are used as written.');

  const idx = new Map(players.map((s, i) => [s.id, i]));
  const scopeOf = (c: { group?: string; eachGroup?: 'top' | string[] }): (string | undefined)[] => {
    const list = c.eachGroup === 'top' ? (charter.groups ?? []).map((g) => g.id) : Array.isArray(c.eachGroup) ? c.eachGroup : c.group !== undefined ? [c.group] : [];
    return list.length ? list : [undefined];
  };
  const inScope = (s: Seat, path: string | undefined): boolean => path === undefined || inGroup(s.group, path);
  const said = new Set<string>();
  const note = (key: string, text: string): void => {
    if (!said.has(key)) notes.push(text);
    said.add(key);
  };
  const both = (parts: GameFormula[], label?: string): GameFormula => (parts.length === 1 ? parts[0] : { kind: 'all', of: parts, ...(label ? { label } : {}) });

  const build = (c: Condition): GameFormula => {
    switch (c.kind) {
      case 'threshold': {
        const measure = c.base === 'fixed_membership' ? 'count' : c.measure ?? 'weight';
        const { ratio, strict } = requirementOf(c.require);
        if (c.base === 'fixed_membership') note('fixed', 'fixed_membership bases count vacancies against: yes votes are compared with the fixed seat count.');
        if (c.base === 'votes_cast') note('abstain', 'Abstentions are not modelled: under a votes-cast base an abstention lowers the base, so power in a vote with abstentions can differ.');
        return both(
          scopeOf(c).map((path) => {
            const w = players.map((s, i) => (inScope(s, path) ? (measure === 'count' ? frac(1) : weights[i]) : frac(0)));
            const base =
              c.base === 'fixed_membership'
                ? frac(c.seats ?? (path !== undefined ? index.get(path)?.group.seats : undefined) ?? 0)
                : w.reduce(addF, frac(0));
            const label = `${c.label ?? 'threshold'}${path !== undefined ? `: ${path}` : ''}`;
            if (base.num === 0n) return { kind: 'const', value: false, label } as GameFormula;
            // yes >= ratio * base (or >): scaled to whole numbers
            const need = frac(ratio.num * base.num, ratio.den * base.den);
            let L = need.den;
            for (const x of w) if (x.num !== 0n) L = lcmBig(L, x.den);
            const ws = w.map((x) => (x.num * L) / x.den);
            const T = (need.num * L) / need.den; // exact: L is a multiple of need.den
            return { kind: 'quota', weights: ws, quota: strict ? T + 1n : T, label } as QuotaClause;
          }),
          c.label,
        );
      }
      case 'min_yes':
        return both(
          scopeOf(c).map((path) => ({
            kind: 'quota',
            weights: players.map((s) => (inScope(s, path) ? 1n : 0n)),
            quota: BigInt(c.count),
            label: `${c.label ?? `at least ${c.count} yes`}${path !== undefined ? `: ${path}` : ''}`,
          })),
          c.label,
        );
      case 'veto': {
        if (c.seat !== undefined) {
          const i = idx.get(c.seat);
          const label = c.label ?? `veto: ${c.seat}`;
          if (i === undefined) {
            note(`veto-${c.seat}`, `Veto seat "${c.seat}" is not a voting seat on the roll: its condition never passes.`);
            return { kind: 'const', value: false, label };
          }
          return { kind: 'quota', weights: players.map((_, j) => (j === i ? 1n : 0n)), quota: 1n, label };
        }
        const path = c.group as string;
        const ws: bigint[] = players.map((s) => (inGroup(s.group, path) ? 1n : 0n));
        const size = ws.reduce((a, b) => a + b, 0n);
        const label = c.label ?? `veto: ${path}`;
        if (size === 0n) return { kind: 'const', value: false, label };
        const agree = c.agree ?? 'unanimous';
        note(`veto-group-${agree}`, agree === 'unanimous' ? 'A group veto with unanimous agreement needs every voting seat of the group to vote yes.' : 'A group veto by majority needs more yes than no within the group.');
        return { kind: 'quota', weights: ws, quota: agree === 'unanimous' ? size : size / 2n + 1n, label };
      }
      case 'consensus':
      case 'consent':
        note('unanimity', `${c.kind === 'consensus' ? 'Consensus' : 'Consent'} under yes/no votes is unanimity: a no is a block or an open objection, so every voting seat holds a veto.`);
        return { kind: 'quota', weights: players.map(() => 1n), quota: BigInt(players.length), label: c.label ?? c.kind };
      case 'all':
        return { kind: 'all', of: c.of.map(build), ...(c.label ? { label: c.label } : {}) };
      case 'any':
        return { kind: 'any', of: c.of.map(build), ...(c.label ? { label: c.label } : {}) };
      default:
        return invalid('rule', msg('governance.power.unknown_condition_kind', { kind: String((c as { kind?: unknown }).kind) }), 'invalid_kind');
    }
  };
  const formula = build(condition);
  const game: SimpleGame = { players: players.map((s) => s.id), formula };
  const prep = prepare(game);
  if (!evalCounts(prep, prep.mult))
    invalid(stage ? 'stage' : 'rule', msg('governance.power.rule_never_passes'), 'never_passes');
  if (evalCounts(prep, prep.mult.map(() => 0))) invalid(stage ? 'stage' : 'rule', msg('governance.power.rule_always_passes'), 'always_passes');
  return { game, seats: players, roll, ...(stage ? { stage: stage.id } : {}), body, notes };
}

/** Reasons joined with "; " (one or two of them: one per index). */
const joinReasons = (reasons: Msg[]): Msg => reasons.reduce((acc, r) => msg('governance.power.two_reasons', { first: acc, second: r }));

/**
 * A failed quorum row as a message: the same sentence as its explanation, from its terms (so it reads in the
 * reader's language); the explanation itself when a row has no terms to say it from.
 */
function failedQuorumMsg(c: ConditionResult): Msg {
  const t = c.terms;
  let m: Msg | null = null;
  if (t?.kind === 'quorum_count' || t?.kind === 'quorum_share') {
    const quorum = t.scope === null ? msg('governance.power.quorum.scope_all') : msg('governance.power.quorum.scope_group', { group: t.scope });
    // the figures in the reader's format ("66,6667 %" in French); English reads exactly as the explanation
    const n = figureOrText;
    if (t.kind === 'quorum_count') m = msg('governance.power.quorum.count_fails', { quorum, present: n(t.present), min: t.count });
    else {
      const requirement = msg(t.strict ? 'governance.power.quorum.more_than' : 'governance.power.quorum.at_least', { ratio: n(t.ratio) });
      const base = msg(`governance.power.quorum.base.${t.base}`);
      m =
        t.needed === null
          ? msg('governance.power.quorum.share_fails', { quorum, share: n(t.share), base, requirement })
          : msg('governance.power.quorum.share_count_fails', { quorum, share: n(t.share), base, requirement, needed: n(t.needed), total: n(t.total) });
    }
  }
  return m && render(m) === c.explanation ? m : msg('governance.power.quorum.as_is', { explanation: c.explanation });
}

/** Decimals that show at least 4 significant digits of a value in [0, 1] (4 at the least, 12 at the most). */
function decimals(f: Fraction): number {
  if (f.num === 0n) return 4;
  const approx = Number((f.num * 10n ** 15n) / f.den) / 1e15;
  return approx <= 0 ? 12 : Math.min(12, Math.max(4, Math.floor(-Math.log10(approx)) + 4));
}

const value = (f: Fraction, halfWidth?: number): PowerValue => {
  const d = decimals(f);
  return {
    num: f.num,
    den: f.den,
    display: halfWidth === undefined ? fractionToString(f, d) : `${fractionToString(f, d)} ± ${halfWidth.toFixed(d)}`,
    ...(halfWidth === undefined ? {} : { halfWidth }),
  };
};

/**
 * The voting power of every voting seat under one rule of a charter: normalised Banzhaf and Shapley-Shubik indices
 * (exact fractions; estimates with a 95% confidence interval when the game is too large and a PRNG is given),
 * dummies, veto players and a dictator, with every modelling assumption in `notes`.
 * Throws DomainError('validation_failed') when the rule cannot be analysed (unknown rule, body or stage, a quorum
 * that full attendance cannot meet, a rule that never or always passes, a game too large without a PRNG).
 */
export function analysePower(charter: Charter, ruleName: string, options: PowerOptions = {}): PowerAnalysis {
  const method = options.method ?? 'auto';
  if (!['auto', 'exact', 'monte_carlo'].includes(method)) invalid('method', msg('governance.power.invalid_method'), 'invalid_method');
  if (options.random !== undefined && typeof options.random !== 'function') invalid('random', msg('governance.power.random_not_a_function'), 'invalid_type');
  if (method === 'monte_carlo' && !options.random) invalid('random', msg('governance.power.random_required'), 'required');
  const { game, seats, stage, body, notes } = powerGame(charter, ruleName, options);
  const prep = prepare(game);
  const maxWork = options.maxWork ?? DEFAULT_MAX_WORK;
  if (!(Number.isFinite(maxWork) && maxWork > 0)) invalid('maxWork', msg('governance.power.invalid_max_work'), 'invalid_count');

  let bz: { value: Fraction; halfWidth?: number }[] | null = null;
  let ss: { value: Fraction; halfWidth?: number }[] | null = null;
  let swings: bigint[] | null = null;
  /** Why each index could not be counted exactly: "Shapley-Shubik: <why>", "Banzhaf: <why>". */
  const tooLarge: Msg[] = [];
  if (method !== 'monte_carlo') {
    try {
      const tp = exactTypePower(prep, true, new Budget(maxWork), 'auto');
      swings = tp.swings;
      bz = tp.banzhaf.map((v) => ({ value: v }));
      ss = (tp.shapleyShubik as Fraction[]).map((v) => ({ value: v }));
    } catch (e) {
      if (!(e instanceof TooLarge)) throw e;
      tooLarge.push(msg('governance.power.index_too_large', { index: 'Shapley-Shubik', why: e.why }));
      try {
        const tp = exactTypePower(prep, false, new Budget(maxWork), 'auto');
        swings = tp.swings;
        bz = tp.banzhaf.map((v) => ({ value: v }));
      } catch (e2) {
        if (!(e2 instanceof TooLarge)) throw e2;
        tooLarge.push(msg('governance.power.index_too_large', { index: 'Banzhaf', why: e2.why }));
      }
    }
  }
  const estimated: ('banzhaf' | 'shapleyShubik')[] = [];
  let samples = 0;
  if (!bz || !ss) {
    if (method === 'exact' || !options.random)
      fail(msg('governance.power.rule_too_large_to_count'), [issue('rule', msg('governance.power.too_large_advice', { reasons: joinReasons(tooLarge) }), 'too_large')]);
    samples = checkSamples(options.samples);
    const mc = monteCarloTypes(prep, options.random as Random, samples, { banzhaf: !bz, ss: !ss });
    if (!bz) {
      bz = (mc.banzhaf as Estimate[]).map((e) => ({ value: e.value, halfWidth: e.halfWidth }));
      estimated.push('banzhaf');
    }
    if (!ss) {
      ss = (mc.ss as Estimate[]).map((e) => ({ value: e.value, halfWidth: e.halfWidth }));
      estimated.push('shapleyShubik');
    }
    if (tooLarge.length) notes.push(`Too large to count exactly (${tooLarge.map((m) => render(m)).join('; ')}).`);
    notes.push(
      `APPROXIMATE: ${estimated.map((x) => (x === 'banzhaf' ? 'the Banzhaf index' : 'the Shapley-Shubik index')).join(' and ')} ${estimated.length > 1 ? 'are' : 'is'} estimated by Monte Carlo from ${samples} samples${estimated.length > 1 ? ' each' : ''} with the PRNG passed in (${[estimated.includes('banzhaf') ? 'Banzhaf: random coalitions, 95% interval by the delta method for the normalised ratio' : '', estimated.includes('shapleyShubik') ? 'Shapley-Shubik: random orderings, 95% Wilson interval of each pivot share' : ''].filter(Boolean).join('; ')}); each figure carries its ± half width.`,
    );
    if (!swings) notes.push('Dummies are reported only where provable without exact counts (seats with no weight in any condition).');
  }
  const { vetoType, dictatorType } = vetoAndDictator(prep);
  const zeroColumn = prep.mult.map((_, t) => prep.clauses.every((c) => c.w[t] === 0n));
  const bzT = bz as { value: Fraction; halfWidth?: number }[];
  const ssT = ss as { value: Fraction; halfWidth?: number }[];
  const out: SeatPower[] = seats.map((s, p) => {
    const t = prep.typeOf[p];
    return {
      seat: s.id,
      ...(s.name !== undefined ? { name: s.name } : {}),
      ...(s.group !== undefined ? { group: s.group } : {}),
      banzhaf: value(bzT[t].value, bzT[t].halfWidth),
      shapleyShubik: value(ssT[t].value, ssT[t].halfWidth),
      dummy: swings ? swings[t] === 0n : zeroColumn[t],
      veto: vetoType[t],
    };
  });
  const result: PowerAnalysis = {
    method: estimated.length ? 'monte_carlo' : 'exact',
    rule: ruleName,
    ...(stage !== undefined ? { stage } : {}),
    body,
    seats: out,
    dictator: dictatorType === null ? null : seats[prep.typeOf.indexOf(dictatorType)].id,
    vetoPlayers: out.filter((s) => s.veto).map((s) => s.seat),
    notes,
  };
  if (estimated.length) {
    const widths = [...(estimated.includes('banzhaf') ? bzT : []), ...(estimated.includes('shapleyShubik') ? ssT : [])].map((v) => v.halfWidth ?? 0);
    result.confidence = { level: 0.95, samples, estimated, maxHalfWidth: Math.max(...widths) };
  }
  return result;
}
