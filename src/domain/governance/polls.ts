/**
 * Non-binding polls for sense-making: pure, exact (BigInt fractions for shares and means), independent of ballot
 * order. Five kinds:
 *
 * - `single`: one option per ballot (`{ choice }`); plurality; equal highest counts are reported as a tie.
 * - `approval`: any number of options per ballot (`{ approve: [...] }`), each at most once; approvals per option.
 * - `ranked`: a ranking of some or all options (`{ ranking: [...] }`), each at most once; instant runoff. Every
 *   round counts each ballot for its highest-ranked continuing option; a ballot with none left is exhausted. An
 *   option with more than half of the continuing ballots wins. When every continuing option has the same count the
 *   poll ends in a tie between them. Otherwise the option with the fewest votes is eliminated; a tie for fewest is
 *   broken by fewest first-preference votes, then by option order (the option listed LAST is eliminated), and the
 *   round says which rule broke the tie.
 * - `score`: a whole-number score from 0 to `maxScore` (default 5) per option (`{ scores: { id: n } }`); options a
 *   voter leaves out are not scored by that voter (they do not count as 0). Mean (exact) and total per option; the
 *   highest mean wins.
 * - `dots`: each voter places at most `dots` dots over the options (`{ dots: { id: n } }`); totals per option.
 *
 * Invalid input throws DomainError('validation_failed') naming every problem with its field
 * (`ballots[3].ranking[1]`, `ballots[0].scores.blue`, ...).
 */
import { DomainError, issue, type FieldIssue } from '../kernel/errors';
import { msg, type Msg } from '../kernel/messages';
import { cmpF, frac, fractionToString, mulF, type Fraction } from '../kernel/fraction';

export type PollKind = 'single' | 'approval' | 'ranked' | 'score' | 'dots';
export const POLL_KINDS: readonly PollKind[] = ['single', 'approval', 'ranked', 'score', 'dots'];
export const DEFAULT_MAX_SCORE = 5;
const MAX_SCORE_LIMIT = 100;
const MAX_DOTS_LIMIT = 1000;

export interface PollOption {
  id: string;
  label: string;
}

export interface PollSpec {
  kind: PollKind;
  options: PollOption[];
  /** score polls: the highest score (default 5); scores run from 0. */
  maxScore?: number;
  /** dots polls (required): the dots each voter may place. */
  dots?: number;
}

/** One voter's answer; the field that matters depends on the poll's kind. */
export interface PollBallot {
  choice?: string;
  approve?: string[];
  ranking?: string[];
  scores?: Record<string, number>;
  dots?: Record<string, number>;
}

/** An exact rational as "num/den" and rounded for display. */
export interface Exact {
  exact: string;
  display: string;
}

export interface PollOptionResult {
  id: string;
  label: string;
  /** single: ballots choosing it; approval: approvals; ranked: first preferences; score: voters who scored it; dots: dots. */
  count: number;
  /** Share of the ballots (single, approval, ranked first preferences) or of all dots placed (dots). */
  share?: Exact;
  /** score: the sum of its scores. */
  total?: number;
  /** score: the mean of its scores; null when nobody scored it. */
  mean?: Exact | null;
  /** ranked: the round in which it was eliminated. */
  eliminatedIn?: number;
  /** ranked: its votes in the last round it took part in. */
  lastRound?: number;
  winner: boolean;
  explanation: string;
}

export interface PollRound {
  round: number;
  /** Votes of every continuing option, in option order. */
  counts: { id: string; votes: number }[];
  /** Ballots counting for a continuing option. */
  continuing: number;
  /** Ballots with no continuing option left (cumulative). */
  exhausted: number;
  eliminated?: string;
  /** How a tie for fewest votes was broken. */
  tieBreak?: 'first_preferences' | 'option_order';
  /** The winner(s) decided in this round (more than one: a tie). */
  decided?: string[];
  explanation: string;
}

export interface PollResult {
  kind: PollKind;
  ballots: number;
  options: PollOptionResult[];
  /** Option ids; more than one means a tie; empty when nothing was chosen. */
  winners: string[];
  tie: boolean;
  rounds?: PollRound[];
  explanation: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Checks

const isWhole = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x);
const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Every problem of a poll's definition, each with its field. */
export function checkPollSpec(spec: PollSpec): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const add = (field: string, m: Msg, code: string) => issues.push(issue(field, m, code));
  if (!isRecord(spec)) return [issue('', msg('governance.polls.definition_required'), 'required')];
  if (!POLL_KINDS.includes(spec.kind)) add('kind', msg('governance.polls.unknown_kind', { kind: String(spec.kind), kinds: POLL_KINDS.join(', ') }), 'invalid_kind');
  if (!Array.isArray(spec.options) || spec.options.length < 2) add('options', msg('governance.polls.too_few_options'), 'too_few');
  const ids = new Set<string>();
  (Array.isArray(spec.options) ? spec.options : []).forEach((o, i) => {
    if (!isRecord(o) || typeof o.id !== 'string' || o.id.trim() === '') add(`options[${i}].id`, msg('governance.polls.option_id_required'), 'required');
    else if (ids.has(o.id)) add(`options[${i}].id`, msg('governance.polls.duplicate_option', { option: o.id }), 'duplicate');
    else ids.add(o.id);
    if (!isRecord(o) || typeof o.label !== 'string' || o.label.trim() === '') add(`options[${i}].label`, msg('governance.polls.option_label_required'), 'required');
  });
  if (spec.maxScore !== undefined) {
    if (spec.kind !== 'score') add('maxScore', msg('governance.polls.max_score_not_applicable'), 'not_applicable');
    else if (!isWhole(spec.maxScore) || spec.maxScore < 1 || spec.maxScore > MAX_SCORE_LIMIT) add('maxScore', msg('governance.polls.max_score_range', { max: MAX_SCORE_LIMIT }), 'out_of_range');
  }
  if (spec.dots !== undefined && spec.kind !== 'dots') add('dots', msg('governance.polls.dots_not_applicable'), 'not_applicable');
  if (spec.kind === 'dots' && spec.dots === undefined) add('dots', msg('governance.polls.dots_required'), 'required');
  else if (spec.kind === 'dots' && (!isWhole(spec.dots) || spec.dots < 1 || spec.dots > MAX_DOTS_LIMIT)) add('dots', msg('governance.polls.dots_range', { max: MAX_DOTS_LIMIT }), 'out_of_range');
  return issues;
}

function checkBallots(spec: PollSpec, ballots: PollBallot[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const ids = new Set(spec.options.map((o) => o.id));
  const maxScore = spec.maxScore ?? DEFAULT_MAX_SCORE;
  if (!Array.isArray(ballots)) return [issue('ballots', msg('governance.polls.ballots_not_a_list'), 'required')];
  ballots.forEach((b, i) => {
    const f = `ballots[${i}]`;
    const add = (field: string, m: Msg, code: string) => issues.push(issue(field ? `${f}.${field}` : f, m, code));
    if (!isRecord(b)) return add('', msg('governance.polls.ballot_not_an_object'), 'invalid');
    const list = (field: 'approve' | 'ranking') => {
      const xs = b[field];
      if (!Array.isArray(xs)) return add(field, msg(field === 'approve' ? 'governance.polls.approval_needs_list' : 'governance.polls.ranked_needs_list'), 'required');
      const seen = new Set<string>();
      xs.forEach((x, j) => {
        if (typeof x !== 'string' || !ids.has(x)) add(`${field}[${j}]`, msg('governance.polls.unknown_option', { option: String(x) }), 'unknown_option');
        else if (seen.has(x)) add(`${field}[${j}]`, msg(field === 'approve' ? 'governance.polls.approved_twice' : 'governance.polls.ranked_twice', { option: x }), 'duplicate');
        seen.add(x as string);
      });
    };
    const map = (field: 'scores' | 'dots', max: number) => {
      const m = b[field];
      if (!isRecord(m)) return add(field, msg(field === 'dots' ? 'governance.polls.dots_needs_object' : 'governance.polls.score_needs_object'), 'required');
      let sum = 0;
      for (const [k, v] of Object.entries(m)) {
        if (!ids.has(k)) add(`${field}.${k}`, msg('governance.polls.unknown_option', { option: k }), 'unknown_option');
        else if (!isWhole(v) || v < 0 || v > max) add(`${field}.${k}`, msg(field === 'scores' ? 'governance.polls.score_range' : 'governance.polls.dots_value_range', { max }), 'out_of_range');
        else sum += v;
      }
      if (field === 'dots' && sum > max) add('dots', msg('governance.polls.too_many_dots', { count: sum, max }), 'too_many_dots');
    };
    switch (spec.kind) {
      case 'single':
        if (b.choice === undefined || b.choice === null) add('choice', msg('governance.polls.choice_required'), 'required');
        else if (typeof b.choice !== 'string' || !ids.has(b.choice)) add('choice', msg('governance.polls.unknown_option', { option: String(b.choice) }), 'unknown_option');
        return;
      case 'approval':
        return list('approve');
      case 'ranked':
        return list('ranking');
      case 'score':
        return map('scores', maxScore);
      case 'dots':
        return map('dots', spec.dots as number);
    }
  });
  return issues;
}

// ---------------------------------------------------------------------------------------------------------------
// Display

const exact = (f: Fraction, digits = 2): Exact => {
  const s = fractionToString(f, digits);
  return { exact: `${f.num}/${f.den}`, display: s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s };
};
const ratio = (n: number, d: number): Fraction => (d === 0 ? frac(0) : frac(n, d));
const pct = (f: Fraction): string => `${exact(mulF(f, frac(100)), 1).display}%`;
const plural = (n: number, one: string, many = one + 's'): string => `${n} ${n === 1 ? one : many}`;
const names = (spec: PollSpec, ids: string[]): string => {
  const labels = ids.map((id) => spec.options.find((o) => o.id === id)!.label);
  return labels.length <= 1 ? labels.join('') : `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}`;
};

/** The options with the highest value (none when the highest is nothing). */
function top<T>(spec: PollSpec, value: (id: string) => T | null, cmp: (a: T, b: T) => number, nothing: (v: T) => boolean): string[] {
  let best: T | null = null;
  let ids: string[] = [];
  for (const { id } of spec.options) {
    const v = value(id);
    if (v === null || nothing(v)) continue;
    const c = best === null ? 1 : cmp(v, best);
    if (c > 0) [best, ids] = [v, [id]];
    else if (c === 0) ids.push(id);
  }
  return ids;
}

function summary(spec: PollSpec, winners: string[], what: string): string {
  if (winners.length === 0) return `no option was chosen`;
  if (winners.length === 1) return `${names(spec, winners)} leads with ${what}`;
  return `tie between ${names(spec, winners)}, each with ${what}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Counting

function countVotes(spec: PollSpec, ballots: PollBallot[]): PollResult {
  const counts = new Map(spec.options.map((o) => [o.id, 0]));
  for (const b of ballots) {
    if (spec.kind === 'single') counts.set(b.choice!, counts.get(b.choice!)! + 1);
    else for (const id of b.approve!) counts.set(id, counts.get(id)! + 1);
  }
  const n = ballots.length;
  const winners = top(spec, (id) => counts.get(id)!, (a, b) => a - b, (v) => v === 0);
  const noun = spec.kind === 'single' ? 'vote' : 'approval';
  const options = spec.options.map((o): PollOptionResult => {
    const c = counts.get(o.id)!;
    const share = ratio(c, n);
    return {
      id: o.id,
      label: o.label,
      count: c,
      share: exact(share, 4),
      winner: winners.includes(o.id),
      explanation: `${o.label}: ${plural(c, noun)} (${pct(share)} of ${plural(n, 'ballot')})${winners.includes(o.id) ? (winners.length > 1 ? ', tied first' : ', first') : ''}`,
    };
  });
  const best = winners.length ? counts.get(winners[0])! : 0;
  return {
    kind: spec.kind,
    ballots: n,
    options,
    winners,
    tie: winners.length > 1,
    explanation: `${spec.kind === 'single' ? 'Single choice' : 'Approval'}, ${plural(n, 'ballot')}: ${summary(spec, winners, plural(best, noun))}`,
  };
}

function countScores(spec: PollSpec, ballots: PollBallot[]): PollResult {
  const max = spec.maxScore ?? DEFAULT_MAX_SCORE;
  const total = new Map(spec.options.map((o) => [o.id, 0]));
  const scored = new Map(spec.options.map((o) => [o.id, 0]));
  for (const b of ballots)
    for (const [id, v] of Object.entries(b.scores!)) {
      total.set(id, total.get(id)! + v);
      scored.set(id, scored.get(id)! + 1);
    }
  const mean = (id: string): Fraction | null => (scored.get(id)! === 0 ? null : frac(total.get(id)!, scored.get(id)!));
  const winners = top(spec, mean, cmpF, () => false);
  const options = spec.options.map((o): PollOptionResult => {
    const m = mean(o.id);
    const n = scored.get(o.id)!;
    const win = winners.includes(o.id);
    return {
      id: o.id,
      label: o.label,
      count: n,
      total: total.get(o.id)!,
      mean: m ? exact(m) : null,
      winner: win,
      explanation: m
        ? `${o.label}: mean ${exact(m).display} of ${max} from ${plural(n, 'score')} (total ${total.get(o.id)})${win ? (winners.length > 1 ? ', tied highest' : ', highest') : ''}`
        : `${o.label}: not scored`,
    };
  });
  const bestMean = winners.length ? exact(mean(winners[0])!).display : '';
  return {
    kind: 'score',
    ballots: ballots.length,
    options,
    winners,
    tie: winners.length > 1,
    explanation: `Scores from 0 to ${max}, ${plural(ballots.length, 'ballot')}: ${summary(spec, winners, `a mean of ${bestMean}`)}`,
  };
}

function countDots(spec: PollSpec, ballots: PollBallot[]): PollResult {
  const total = new Map(spec.options.map((o) => [o.id, 0]));
  let placed = 0;
  for (const b of ballots)
    for (const [id, v] of Object.entries(b.dots!)) {
      total.set(id, total.get(id)! + v);
      placed += v;
    }
  const winners = top(spec, (id) => total.get(id)!, (a, b) => a - b, (v) => v === 0);
  const options = spec.options.map((o): PollOptionResult => {
    const c = total.get(o.id)!;
    const share = ratio(c, placed);
    const win = winners.includes(o.id);
    return {
      id: o.id,
      label: o.label,
      count: c,
      share: exact(share, 4),
      winner: win,
      explanation: `${o.label}: ${plural(c, 'dot')} (${pct(share)} of ${plural(placed, 'dot')} placed)${win ? (winners.length > 1 ? ', tied first' : ', first') : ''}`,
    };
  });
  const best = winners.length ? total.get(winners[0])! : 0;
  return {
    kind: 'dots',
    ballots: ballots.length,
    options,
    winners,
    tie: winners.length > 1,
    explanation: `Dot vote, ${plural(spec.dots!, 'dot')} per voter, ${plural(ballots.length, 'ballot')}, ${plural(placed, 'dot')} placed: ${summary(spec, winners, plural(best, 'dot'))}`,
  };
}

function countRanked(spec: PollSpec, ballots: PollBallot[]): PollResult {
  const order = new Map(spec.options.map((o, i) => [o.id, i]));
  const label = (id: string) => spec.options[order.get(id)!].label;
  const continuing = new Set(spec.options.map((o) => o.id));
  const first = new Map(spec.options.map((o) => [o.id, 0]));
  for (const b of ballots) if (b.ranking!.length) first.set(b.ranking![0], first.get(b.ranking![0])! + 1);
  const eliminatedIn = new Map<string, number>();
  const lastVotes = new Map<string, number>();
  const rounds: PollRound[] = [];
  let winners: string[] = [];
  for (let round = 1; ; round++) {
    const votes = new Map([...continuing].map((id) => [id, 0]));
    let exhausted = 0;
    for (const b of ballots) {
      const pick = b.ranking!.find((id) => continuing.has(id));
      if (pick === undefined) exhausted++;
      else votes.set(pick, votes.get(pick)! + 1);
    }
    const counts = spec.options.filter((o) => continuing.has(o.id)).map((o) => ({ id: o.id, votes: votes.get(o.id)! }));
    for (const c of counts) lastVotes.set(c.id, c.votes);
    const live = counts.reduce((s, c) => s + c.votes, 0);
    const line = `Round ${round}: ${counts.map((c) => `${label(c.id)} ${c.votes}`).join(', ')}${exhausted ? `; ${exhausted} exhausted` : ''}`;
    const base = { round, counts, continuing: live, exhausted };
    if (live === 0) {
      rounds.push({ ...base, decided: [], explanation: `${line}; no ballot counts for a continuing option: no winner` });
      break;
    }
    const max = Math.max(...counts.map((c) => c.votes));
    const min = Math.min(...counts.map((c) => c.votes));
    if (max * 2 > live) {
      winners = counts.filter((c) => c.votes === max).map((c) => c.id);
      rounds.push({ ...base, decided: winners, explanation: `${line}; ${label(winners[0])} has more than half of ${plural(live, 'continuing ballot')} and wins` });
      break;
    }
    if (max === min) {
      winners = counts.map((c) => c.id);
      rounds.push({ ...base, decided: winners, explanation: `${line}; every continuing option has ${plural(max, 'vote')}: tie between ${names(spec, winners)}` });
      break;
    }
    // eliminate the option with the fewest votes; ties: fewest first preferences, then the option listed last
    let lowest = counts.filter((c) => c.votes === min).map((c) => c.id);
    let tieBreak: PollRound['tieBreak'];
    if (lowest.length > 1) {
      const fewest = Math.min(...lowest.map((id) => first.get(id)!));
      const byFirst = lowest.filter((id) => first.get(id) === fewest);
      tieBreak = byFirst.length === 1 ? 'first_preferences' : 'option_order';
      lowest = byFirst.length === 1 ? byFirst : [byFirst.sort((a, b) => order.get(b)! - order.get(a)!)[0]];
    }
    const out = lowest[0];
    continuing.delete(out);
    eliminatedIn.set(out, round);
    const why = tieBreak === 'first_preferences' ? 'tied for fewest votes, fewest first preferences' : tieBreak === 'option_order' ? 'tied for fewest votes and first preferences, listed last' : 'fewest votes';
    rounds.push({
      ...base,
      eliminated: out,
      ...(tieBreak ? { tieBreak } : {}),
      explanation: `${line}; nobody has more than half of ${plural(live, 'continuing ballot')}; ${label(out)} is eliminated (${why})`,
    });
  }
  const n = ballots.length;
  const options = spec.options.map((o): PollOptionResult => {
    const c = first.get(o.id)!;
    const share = ratio(c, n);
    const win = winners.includes(o.id);
    const fate = eliminatedIn.has(o.id)
      ? `eliminated in round ${eliminatedIn.get(o.id)}`
      : win
        ? `${winners.length > 1 ? 'tied' : 'won'} with ${plural(lastVotes.get(o.id)!, 'vote')} in round ${rounds.length}`
        : `${plural(lastVotes.get(o.id) ?? 0, 'vote')} in round ${rounds.length}`;
    return {
      id: o.id,
      label: o.label,
      count: c,
      share: exact(share, 4),
      ...(eliminatedIn.has(o.id) ? { eliminatedIn: eliminatedIn.get(o.id) } : {}),
      lastRound: lastVotes.get(o.id) ?? 0,
      winner: win,
      explanation: `${o.label}: ${plural(c, 'first preference')} (${pct(share)}), ${fate}`,
    };
  });
  const plurality = top(spec, (id) => first.get(id)!, (a, b) => a - b, (v) => v === 0);
  const head =
    winners.length === 0
      ? 'no winner'
      : winners.length > 1
        ? `tie between ${names(spec, winners)} after ${plural(rounds.length, 'round')}`
        : `${label(winners[0])} wins after ${plural(rounds.length, 'round')}`;
  const note = winners.length === 1 && plurality.length && !plurality.includes(winners[0]) ? ` (${names(spec, plurality)} led the first preferences)` : '';
  return {
    kind: 'ranked',
    ballots: n,
    options,
    winners,
    tie: winners.length > 1,
    rounds,
    explanation: `Ranked choice (instant runoff), ${plural(n, 'ballot')}: ${head}${note}`,
  };
}

/** Counts a poll. Throws DomainError('validation_failed') with every problem of the spec or the ballots. */
export function countPoll(spec: PollSpec, ballots: PollBallot[]): PollResult {
  const specIssues = checkPollSpec(spec);
  if (specIssues.length) throw new DomainError('validation_failed', msg('governance.polls.not_well_defined'), specIssues);
  const issues = checkBallots(spec, ballots);
  if (issues.length) throw new DomainError('validation_failed', msg('governance.polls.ballots_cannot_be_counted'), issues);
  switch (spec.kind) {
    case 'single':
    case 'approval':
      return countVotes(spec, ballots);
    case 'ranked':
      return countRanked(spec, ballots);
    case 'score':
      return countScores(spec, ballots);
    case 'dots':
      return countDots(spec, ballots);
  }
}
