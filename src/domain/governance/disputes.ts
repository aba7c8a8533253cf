/**
 * Disputes between partners and the charter's escalation ladder. Pure: dates come in as arguments
 * ("today" included), nothing here reads a clock or a database.
 *
 * A dispute is `open` on the first step of the ladder; each escalation ends the current step (with its
 * result) and starts the next one (`escalated`); it ends `resolved` or `withdrawn`, both final.
 * A step with `days` is overdue once more than that many days have passed since it started.
 */
import { DomainError, issue, type FieldIssue } from '../kernel/errors';
import { msg, type Msg, type MsgParam } from '../kernel/messages';
import { LADDER_STEP_ID, type Charter, type DisputeStep } from './charter';

export type { DisputeStep } from './charter';

export const DISPUTE_STATUSES = ['open', 'escalated', 'resolved', 'withdrawn'] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];
/** The statuses of a dispute that is still being worked on. */
export const ACTIVE_STATUSES: readonly DisputeStatus[] = ['open', 'escalated'];
export const isActive = (s: DisputeStatus): boolean => ACTIVE_STATUSES.includes(s);

/** What can be done to a dispute once raised. */
export const DISPUTE_ACTIONS = ['escalate', 'resolve', 'withdraw'] as const;
export type DisputeAction = (typeof DISPUTE_ACTIONS)[number];

/** The ladder of a partnership whose charter names none: negotiation -> steering committee -> mediation -> arbitration. */
export const DEFAULT_LADDER: readonly Readonly<DisputeStep>[] = Object.freeze([
  Object.freeze({ id: 'negotiation', name: 'Negotiation between the parties', days: 30 }),
  Object.freeze({ id: 'steering_committee', name: 'Steering committee', days: 30 }),
  Object.freeze({ id: 'mediation', name: 'Mediation', days: 60 }),
  Object.freeze({ id: 'arbitration', name: 'Arbitration' }),
]);

const STEP_ID = LADDER_STEP_ID;

/** Every problem of a ladder, each with its path (for the charter checks: `disputes.ladder`). */
export function checkLadder(ladder: unknown, at = 'disputes.ladder'): FieldIssue[] {
  if (!Array.isArray(ladder)) return [issue(at, msg('disputes.ladder.not_a_list'))];
  if (ladder.length === 0) return [issue(at, msg('disputes.ladder.empty'))];
  const out: FieldIssue[] = [];
  const seen = new Set<string>();
  ladder.forEach((s: Partial<DisputeStep> | null, i) => {
    const p = `${at}.${i}`;
    if (!s || typeof s !== 'object') return void out.push(issue(p, msg('disputes.ladder.step_not_an_object')));
    if (typeof s.id !== 'string' || !STEP_ID.test(s.id)) out.push(issue(`${p}.id`, msg('disputes.ladder.step_id')));
    else if (seen.has(s.id)) out.push(issue(`${p}.id`, msg('disputes.ladder.step_twice', { step: s.id })));
    else seen.add(s.id);
    if (s.name !== undefined && (typeof s.name !== 'string' || !s.name.trim())) out.push(issue(`${p}.name`, msg('disputes.ladder.step_name')));
    if (s.body !== undefined && (typeof s.body !== 'string' || !s.body.trim())) out.push(issue(`${p}.body`, msg('disputes.ladder.step_body')));
    if (s.days !== undefined && !(Number.isInteger(s.days) && (s.days as number) >= 1 && (s.days as number) <= 3650)) {
      out.push(issue(`${p}.days`, msg('disputes.ladder.step_days')));
    }
  });
  return out;
}

/** The ladder disputes of this partnership climb: the charter's when it names a valid one, the default otherwise. */
export function ladderFor(charter: Charter | null): DisputeStep[] {
  const ladder = charter?.disputes?.ladder;
  if (ladder && checkLadder(ladder).length === 0) return ladder.map((s) => ({ ...s }));
  return DEFAULT_LADDER.map((s) => ({ ...s }));
}

/** "steering_committee" -> "Steering committee": the name of a step that has none. */
export const stepName = (s: Pick<DisputeStep, 'id' | 'name'>): string => {
  if (s.name?.trim()) return s.name.trim();
  const words = s.id.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** A step's name in a message: a step of the default ladder (under its own name) is worded in the reader's language. */
const stepLabel = (s: Pick<DisputeStep, 'id' | 'name'>): MsgParam => {
  const name = stepName(s);
  const standard = DEFAULT_LADDER.find((d) => d.id === s.id && d.name === name);
  return standard ? msg(`disputes.steps.${standard.id as 'negotiation' | 'steering_committee' | 'mediation' | 'arbitration'}`) : name;
};

// ---- dates --------------------------------------------------------------------------------------

const DAY = 86_400_000;
const utc = (date: string): number => Date.parse(`${date.slice(0, 10)}T00:00:00.000Z`);
/** Whole days from `from` to `to` (dates YYYY-MM-DD; negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => Math.round((utc(to) - utc(from)) / DAY);
export const addDays = (date: string, days: number): string => new Date(utc(date) + days * DAY).toISOString().slice(0, 10);

// ---- the state machine --------------------------------------------------------------------------

/** One step a dispute went through (or is on). `days` is the step's allowance when it started. */
export interface StepRecord {
  stepId: string;
  name: string;
  days: number | null;
  startedOn: string;
  endedOn: string | null;
  result: string | null;
}

/** What the rules need to know about a dispute. */
export interface DisputeState {
  status: DisputeStatus;
  currentStep: string;
  openedOn: string;
  /** Its steps in order; the last one is the current one. */
  steps: readonly StepRecord[];
}

/** The day a step becomes overdue after (null: the step has no time limit). */
export const dueOn = (s: Pick<StepRecord, 'startedOn' | 'days'>): string | null => (s.days == null ? null : addDays(s.startedOn, s.days));

/** A step exceeded its days: it ended after its due date, or is still running and today is past it. */
export function isOverdue(s: Pick<StepRecord, 'startedOn' | 'days' | 'endedOn'>, today: string): boolean {
  const due = dueOn(s);
  return due !== null && (s.endedOn ?? today) > due;
}

/** Days spent on a step so far (until it ended, or until today). */
export const daysTaken = (s: Pick<StepRecord, 'startedOn' | 'endedOn'>, today: string): number => Math.max(0, daysBetween(s.startedOn, s.endedOn ?? today));

const stepOf = (s: DisputeStep, startedOn: string): StepRecord => ({ stepId: s.id, name: stepName(s), days: s.days ?? null, startedOn, endedOn: null, result: null });

/** A day that is not in the future nor, when `notBefore` is given, before its date (`what` names that date). */
function checkDay(on: string, field: string, notBefore: { date: string; what: Msg } | null, today: string): FieldIssue[] {
  if (on > today) return [issue(field, msg('disputes.date.in_future'))];
  if (notBefore && on < notBefore.date) return [issue(field, msg('disputes.date.not_before', { what: notBefore.what, date: notBefore.date }))];
  return [];
}

/** The first step of a new dispute, opened on `openedOn` (not in the future). */
export function openDispute(ladder: readonly DisputeStep[], openedOn: string, today: string): { status: 'open'; currentStep: string; step: StepRecord } {
  if (ladder.length === 0) throw new DomainError('conflict', msg('disputes.ladder.no_steps'));
  const issues = checkDay(openedOn, 'openedOn', null, today);
  if (issues.length) throw new DomainError('validation_failed', msg('disputes.cannot_open_on_date'), issues);
  return { status: 'open', currentStep: ladder[0].id, step: stepOf(ladder[0], openedOn) };
}

const current = (d: DisputeState): StepRecord => {
  const s = d.steps[d.steps.length - 1];
  if (!s) throw new DomainError('internal', msg('disputes.without_steps'));
  return s;
};

function refuseClosed(d: DisputeState, what: 'escalated' | 'resolved' | 'withdrawn'): void {
  if (!isActive(d.status)) {
    throw new DomainError('illegal_transition', msg('disputes.closed', { status: msg(`disputes.status.${d.status}`), what: msg(`disputes.done.${what}`) }), [], { status: d.status, allowed: [] });
  }
}

/** The start of the current step, as the earliest day a move may be dated. */
const sinceCurrentStep = (now: StepRecord) => ({ date: now.startedOn, what: msg('disputes.date.start_of_current_step') });

/** The step after the current one, or null on the last step (or when the ladder no longer has the current step). */
export function nextStepOf(d: Pick<DisputeState, 'currentStep'>, ladder: readonly DisputeStep[]): DisputeStep | null {
  const i = ladder.findIndex((s) => s.id === d.currentStep);
  return i >= 0 && i + 1 < ladder.length ? ladder[i + 1] : null;
}

/**
 * Escalates to the next step of the ladder on `on`: the current step ends with `result`. Refused with
 * 409 `illegal_transition` when the dispute is closed or already on the last step.
 */
export function decideEscalation(d: DisputeState, ladder: readonly DisputeStep[], input: { on: string; result: string; reason: string }, today: string): { status: 'escalated'; ended: StepRecord; next: StepRecord } {
  refuseClosed(d, 'escalated');
  const i = ladder.findIndex((s) => s.id === d.currentStep);
  if (i < 0) throw new DomainError('conflict', msg('disputes.step_gone', { step: d.currentStep }), [], { currentStep: d.currentStep });
  if (i + 1 >= ladder.length) {
    throw new DomainError('illegal_transition', msg('disputes.on_last_step', { step: stepLabel(ladder[i]) }), [], { from: d.currentStep, allowed: [] });
  }
  const now = current(d);
  const issues: FieldIssue[] = [...checkDay(input.on, 'on', sinceCurrentStep(now), today)];
  if (!input.result.trim()) issues.push(issue('result', msg('disputes.say_step_result')));
  if (!input.reason.trim()) issues.push(issue('reason', msg('disputes.say_escalation_reason')));
  if (issues.length) throw new DomainError('validation_failed', msg('disputes.escalation_invalid'), issues);
  return { status: 'escalated', ended: { ...now, endedOn: input.on, result: input.result.trim() }, next: stepOf(ladder[i + 1], input.on) };
}

/** Resolves or withdraws the dispute on `on`: the current step ends with `text`. 409 when it is already closed. */
export function decideClosing(d: DisputeState, to: 'resolved' | 'withdrawn', input: { on: string; text: string }, today: string): { status: 'resolved' | 'withdrawn'; ended: StepRecord } {
  refuseClosed(d, to);
  const now = current(d);
  const textField = to === 'resolved' ? 'resolution' : 'reason';
  const issues: FieldIssue[] = [...checkDay(input.on, 'on', sinceCurrentStep(now), today)];
  if (!input.text.trim()) issues.push(issue(textField, msg(to === 'resolved' ? 'disputes.say_resolution' : 'disputes.say_withdrawal_reason')));
  if (issues.length) throw new DomainError('validation_failed', msg(to === 'resolved' ? 'disputes.cannot_be_resolved' : 'disputes.cannot_be_withdrawn'), issues);
  return { status: to, ended: { ...now, endedOn: input.on, result: input.text.trim() } };
}

/** What may be done next to the dispute, whoever asks (the caller's role is checked elsewhere). */
export function nextDisputeActions(d: Pick<DisputeState, 'status' | 'currentStep'>, ladder: readonly DisputeStep[]): DisputeAction[] {
  if (!isActive(d.status)) return [];
  return [...(nextStepOf(d, ladder) ? (['escalate'] as const) : []), 'resolve', 'withdraw'];
}

// ---- figures ------------------------------------------------------------------------------------

/** Days from opening to resolution; null unless resolved. */
export const daysToResolution = (d: { status: DisputeStatus; openedOn: string; resolvedOn: string | null }): number | null =>
  d.status === 'resolved' && d.resolvedOn ? Math.max(0, daysBetween(d.openedOn, d.resolvedOn)) : null;

/** Median and mean of the days to resolution (null when nothing was resolved); the mean rounded to one decimal. */
export function resolutionFigures(days: readonly number[]): { median: number | null; mean: number | null } {
  if (days.length === 0) return { median: null, mean: null };
  const sorted = [...days].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  const mean = Math.round((sorted.reduce((a, b) => a + b, 0) / sorted.length) * 10) / 10;
  return { median, mean };
}
