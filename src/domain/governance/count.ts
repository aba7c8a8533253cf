/**
 * Counting one decision under one rule: pure, exact (BigInt fractions), independent of ballot order.
 * decide() validates the seat-level input, aggregates it into cells (tally.ts) and decides from the cells.
 * Semantics are documented in docs/domain/charter.md.
 */
import { DomainError, type FieldIssue } from '../kernel/errors';
import { msg } from '../kernel/messages';
import { checkSeats, errorsOnly, type Charter, type Rule, type Seat } from './charter';
import { buildTally, checkBallots, checkCharterAndRule, decideValidTally, namedSeatIds, resolveRule } from './tally';

export { CHOICES, decideTallied, tallyBallots, type CellTally, type Choice } from './tally';
import type { Choice } from './tally';

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
  /** What the sentence says, as data, so a client can say it in the reader's language. */
  terms?: ConditionTerms;
  /** Exact numbers as "num/den" strings. */
  numbers: Record<string, string>;
  /** The stage this condition was evaluated in (staged procedures). */
  stage?: string;
}

/**
 * The parts of a condition's explanation as data. `scope` is the group (or, for vetoes, the seat or group) the row
 * speaks of, null for the whole roll; `custom` is the charter's own label, if any. Counts and weights are decimal
 * text (exact when whole, else four places); percentages are decimal text rounded to one place, without the sign.
 */
export type ConditionTerms = { scope: string | null; custom: string | null } & (
  | { kind: 'quorum_count'; present: string; count: number }
  | {
      kind: 'quorum_share';
      base: 'fixed_membership' | 'present' | 'all_members' | 'all_power';
      strict: boolean; ratio: string; share: string; present: string; total: string; needed: string | null;
    }
  | {
      kind: 'threshold';
      base: 'votes_cast' | 'present' | 'all_members' | 'fixed_membership';
      strict: boolean; ratio: string; share: string | null; yes: string; total: string; needed: string | null;
    }
  | { kind: 'min_yes'; yes: string; count: number }
  | { kind: 'veto_seat'; choice: string | null }
  | { kind: 'veto_group'; yes: string; no: string; unanimous: boolean }
  | { kind: 'consensus'; agree: number; standAside: number; block: number; maxStandAsides: number | null }
  | { kind: 'consent'; open: number; settled: number; seats: string }
  | { kind: 'all' | 'any'; passing: number; total: number }
);

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

/**
 * Decides one decision under one rule. `rule` is a rule or the name of one of the charter's rules; `members` is the
 * roll of seats for this decision (default: the charter's seats); recused seats leave the base (they are not on the
 * roll). Throws DomainError('validation_failed') on an invalid charter, rule, roll or ballot (unknown, non-voting or
 * recused voter, second ballot, block without reason).
 */
export function decide(charter: Charter, rule: Rule | string, ballots: Ballot[], members: Seat[] = charter.seats ?? [], options: DecideOptions = {}): Outcome {
  const r = resolveRule(charter, rule);
  const { head, tail } = checkCharterAndRule(charter, rule, r, options);
  const issues: FieldIssue[] = [...head, ...errorsOnly(checkSeats(charter, members, 'members')), ...checkBallots(members, ballots), ...tail];
  if (issues.length) throw new DomainError('validation_failed', msg('governance.tally.cannot_be_counted'), issues);
  // every open objection is named (no limit), so explanations list them all
  return decideValidTally(charter, r, buildTally(members, ballots, namedSeatIds(charter, r), Infinity), options);
}

/** The explanation of an outcome as lines of text. */
export function explain(o: Outcome): string[] {
  const head = `${o.outcome}${o.grade ? ` (grade: ${o.grade})` : ''}${o.stage ? ` at stage ${o.stage}` : ''}`;
  return [head, ...o.conditions.map((c) => `${c.stage ? `[${c.stage}] ` : ''}${c.explanation}`)];
}
