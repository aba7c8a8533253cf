/**
 * Reporting an indicator's values: one submission per (indicator, period, partner), moved through
 * draft -> submitted -> (returned -> submitted)* -> approved. The responsible partner writes and submits its
 * own; the convener returns it with a comment or approves it; an approved submission is locked.
 * Pure: who the actor is, the period and "today" come in as arguments.
 */
import { DomainError, issue, type FieldIssue } from '../kernel/errors';
import { msg, type Msg } from '../kernel/messages';
import { checkBreakdown, valueProblemMsg, type BreakdownValue, type Indicator, type RawValue } from './indicators';
import { hasBegun, isPastDue, type ReportingPeriod } from './indicators-periods';

export const SUBMISSION_STATUSES = ['draft', 'submitted', 'returned', 'approved'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

export const SUBMISSION_ACTIONS = ['submit', 'return', 'approve'] as const;
export type SubmissionAction = (typeof SUBMISSION_ACTIONS)[number];

/** The status each action leads to from each status; an action missing here is refused. */
export const SUBMISSION_MOVES: Readonly<Record<SubmissionStatus, Readonly<Partial<Record<SubmissionAction, SubmissionStatus>>>>> = {
  draft: { submit: 'submitted' },
  submitted: { return: 'returned', approve: 'approved' },
  returned: { submit: 'submitted' },
  approved: {},
};

/** Who takes each action: the reporting partner submits, the convener reviews. */
export const ACTION_BY: Readonly<Record<SubmissionAction, 'partner' | 'convener'>> = { submit: 'partner', return: 'convener', approve: 'convener' };

/** The statuses in which the values may still be changed. */
export const EDITABLE_STATUSES: readonly SubmissionStatus[] = ['draft', 'returned'];

/** The words of a refused move, worded in the reader's language: the status ("a draft submission"), the move ("cannot be returned"), the actions. */
const STATUS_WORD: Readonly<Record<string, Msg | undefined>> = {
  draft: msg('results.submission.status.draft'),
  submitted: msg('results.submission.status.submitted'),
  returned: msg('results.submission.status.returned'),
  approved: msg('results.submission.status.approved'),
};
const DONE_WORD: Readonly<Record<string, Msg | undefined>> = {
  submit: msg('results.submission.done.submit'),
  return: msg('results.submission.done.return'),
  approve: msg('results.submission.done.approve'),
};
const ACTION_WORD: Readonly<Record<string, Msg | undefined>> = {
  submit: msg('results.submission.action.submit'),
  return: msg('results.submission.action.return'),
  approve: msg('results.submission.action.approve'),
};


/** The actions possible from a status. */
export const nextSubmissionActions = (status: SubmissionStatus): SubmissionAction[] =>
  SUBMISSION_ACTIONS.filter((a) => SUBMISSION_MOVES[status]?.[a] !== undefined);

/**
 * Returns the move or throws 409 `illegal_transition` (naming the allowed actions). Returning a submission needs
 * a comment saying what to fix (422 otherwise); other comments are optional.
 */
export function decideSubmissionAction(
  from: SubmissionStatus,
  action: SubmissionAction,
  input: { comment?: string | null } = {},
): { from: SubmissionStatus; to: SubmissionStatus; action: SubmissionAction; comment: string | null } {
  const to = SUBMISSION_MOVES[from]?.[action];
  if (!to) {
    const allowed = nextSubmissionActions(from);
    const status = STATUS_WORD[from] ?? from;
    throw new DomainError(
      'illegal_transition',
      from === 'approved'
        ? msg('results.submission.locked_approved')
        : msg('results.submission.cannot', { status, done: DONE_WORD[action] ?? msg('results.submission.done.approve'), allowed: allowed.length ? allowed.map((a) => ACTION_WORD[a] ?? a) : msg('results.submission.no_action') }),
      [issue('action', msg('results.submission.not_allowed_when', { status }))],
      { from, action, allowed },
    );
  }
  const comment = typeof input.comment === 'string' && input.comment.trim() ? input.comment.trim() : null;
  if (action === 'return' && !comment) {
    throw new DomainError('validation_failed', msg('results.submission.say_what_to_change'), [issue('comment', msg('results.submission.say_what_to_correct'))]);
  }
  return { from, to, action, comment };
}

/**
 * Throws unless the values of a submission in this status may be changed: 409 `conflict` when it is approved
 * (locked for good) or submitted (under review: the convener returns it first).
 */
export function assertEditable(status: SubmissionStatus): void {
  if (status === 'approved') {
    throw new DomainError('conflict', msg('results.submission.values_locked'), [], { status, locked: true });
  }
  if (!EDITABLE_STATUSES.includes(status)) {
    throw new DomainError('conflict', msg('results.submission.under_review'), [], { status, locked: false });
  }
}

const belongs = (actorOrganisationIds: Iterable<string>, partnerId: string): boolean => {
  for (const id of actorOrganisationIds) if (id === partnerId) return true;
  return false;
};

/**
 * May the actor report values for this indicator on behalf of `partnerId`? Only when the partner is one of the
 * indicator's responsible partners and the actor speaks for it (`actorOrganisationIds`: the organisations the
 * person represents in the partnership, loaded by the caller).
 */
export function mayReportFor(actorOrganisationIds: Iterable<string>, indicator: Pick<Indicator, 'responsiblePartnerIds'>, partnerId: string): boolean {
  return indicator.responsiblePartnerIds.includes(partnerId) && belongs(actorOrganisationIds, partnerId);
}

/**
 * May the actor change (or submit) this submission? Only its own partner's, and only while it is a draft or
 * returned. Reviewing (return, approve) is the convener's and is decided by `can`, not here.
 */
export function mayEditSubmission(actorOrganisationIds: Iterable<string>, submission: { partnerId: string; status: SubmissionStatus }): boolean {
  return EDITABLE_STATUSES.includes(submission.status) && belongs(actorOrganisationIds, submission.partnerId);
}

/** What a partner enters for one period. */
export interface SubmissionValues {
  /** The number (numeric measures) or the text (qualitative). */
  value: RawValue | null;
  /** Optional disaggregated values. */
  breakdown?: BreakdownValue[];
  /** Optional note from the partner (sources, caveats). */
  note?: string | null;
}

/**
 * Every problem of the values entered for one period: the total of the measure's kind (numbers only for numeric
 * measures, text for qualitative), and the breakdown (see `checkBreakdown`).
 */
export function checkSubmissionValues(ind: Pick<Indicator, 'measure' | 'dimensions' | 'aggregation'>, input: SubmissionValues): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (input.value === null || input.value === undefined || input.value === '') issues.push(issue('value', msg('results.submission.value_required'), 'required'));
  else {
    const problem = valueProblemMsg(ind.measure, input.value);
    if (problem) issues.push(issue('value', problem, 'invalid_value'));
  }
  if (input.breakdown?.length) {
    if (ind.dimensions.length === 0) issues.push(issue('breakdown', msg('results.submission.no_dimensions'), 'no_dimensions'));
    else issues.push(...checkBreakdown(ind, issues.length ? null : input.value, input.breakdown));
  }
  if (input.note != null && input.note.length > 5000) issues.push(issue('note', msg('results.at_most_characters', { max: 5000 }), 'too_long'));
  return issues;
}

/** Values cannot be submitted for a period that has not begun yet. */
export function checkSubmissionTiming(period: Pick<ReportingPeriod, 'key' | 'start'>, today: string): FieldIssue[] {
  return hasBegun(period, today) ? [] : [issue('periodKey', msg('results.submission.period_begins_on', { period: period.key, date: period.start }), 'period_not_begun')];
}

/** Where one partner's report for one period stands on a given day. */
export type ReportState = 'upcoming' | 'open' | 'overdue' | 'submitted' | 'returned' | 'returned_overdue' | 'approved';

/**
 * The state of a report for the overdue board: `upcoming` before the period begins, `open` while it may still
 * be submitted on time, `overdue` after its due date with nothing submitted (a draft counts as nothing); a
 * returned report is `returned_overdue` once the due date has passed. Submitted and approved reports are
 * never overdue.
 */
export function reportState(period: Pick<ReportingPeriod, 'start' | 'dueOn'>, status: SubmissionStatus | null, today: string): ReportState {
  if (status === 'approved' || status === 'submitted') return status;
  if (status === 'returned') return isPastDue(period, today) ? 'returned_overdue' : 'returned';
  if (!hasBegun(period, today)) return 'upcoming';
  return isPastDue(period, today) ? 'overdue' : 'open';
}

/** True when a report was first submitted on or before its due date. */
export const submittedOnTime = (period: Pick<ReportingPeriod, 'dueOn'>, firstSubmittedOn: string): boolean => firstSubmittedOn <= period.dueOn;
