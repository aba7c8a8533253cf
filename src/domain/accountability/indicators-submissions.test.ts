import { describe, it, expect } from 'vitest';
import { thrown } from '../kernel/testing';
import type { Indicator } from './indicators';
import {
  SUBMISSION_ACTIONS, SUBMISSION_MOVES, SUBMISSION_STATUSES, assertEditable, checkSubmissionTiming, checkSubmissionValues, decideSubmissionAction,
  mayEditSubmission, mayReportFor, nextSubmissionActions, reportState, submittedOnTime, type SubmissionAction, type SubmissionStatus,
} from './indicators-submissions';

describe('the submission state machine', () => {
  it.each<[SubmissionStatus, SubmissionAction, SubmissionStatus]>([
    ['draft', 'submit', 'submitted'],
    ['submitted', 'return', 'returned'],
    ['returned', 'submit', 'submitted'],
    ['submitted', 'approve', 'approved'],
  ])('a %s submission can be %sed and becomes %s', (from, action, to) => {
    expect(decideSubmissionAction(from, action, { comment: 'Please add the source of the northern figures' })).toMatchObject({ from, to, action });
  });

  const refused = SUBMISSION_STATUSES.flatMap((s) => SUBMISSION_ACTIONS.filter((a) => SUBMISSION_MOVES[s][a] === undefined).map((a) => [s, a] as [SubmissionStatus, SubmissionAction]));
  it.each(refused)('refuses to let a %s submission %s (illegal_transition)', (from, action) => {
    const e = thrown(() => decideSubmissionAction(from, action, { comment: 'x' }));
    expect(e.code).toBe('illegal_transition');
    expect(e.detail).toMatchObject({ from, action, allowed: nextSubmissionActions(from) });
  });

  it('walks draft -> submitted -> returned -> submitted -> approved, then nothing more', () => {
    let status: SubmissionStatus = 'draft';
    for (const action of ['submit', 'return', 'submit', 'approve'] as SubmissionAction[]) status = decideSubmissionAction(status, action, { comment: 'Fix Q2' }).to;
    expect(status).toBe('approved');
    expect(nextSubmissionActions(status)).toEqual([]);
  });

  it('asks the convener to say what to fix when returning', () => {
    const e = thrown(() => decideSubmissionAction('submitted', 'return', { comment: '  ' }));
    expect(e.code).toBe('validation_failed');
    expect(e.issues[0].field).toBe('comment');
  });

  it('approves without a comment', () => {
    expect(decideSubmissionAction('submitted', 'approve').comment).toBeNull();
  });
});

describe('locking and who may edit', () => {
  it('lets drafts and returned submissions be edited', () => {
    expect(() => assertEditable('draft')).not.toThrow();
    expect(() => assertEditable('returned')).not.toThrow();
  });

  it('locks an approved submission for good (conflict)', () => {
    const e = thrown(() => assertEditable('approved'));
    expect(e.code).toBe('conflict');
    expect(e.detail).toEqual({ status: 'approved', locked: true });
  });

  it('keeps a submitted one unchanged while it is under review', () => {
    expect(thrown(() => assertEditable('submitted')).detail).toEqual({ status: 'submitted', locked: false });
  });

  it.each<[string, string[], SubmissionStatus, boolean]>([
    ['the partner’s own draft', ['org-ngo'], 'draft', true],
    ['the partner’s own returned submission', ['org-other', 'org-ngo'], 'returned', true],
    ['another partner’s draft', ['org-ministry'], 'draft', false],
    ['its own submission under review', ['org-ngo'], 'submitted', false],
    ['its own approved submission', ['org-ngo'], 'approved', false],
    ['anything, for someone who speaks for no organisation', [], 'draft', false],
  ])('may edit %s: %s', (_name, orgs, status, may) => {
    expect(mayEditSubmission(orgs, { partnerId: 'org-ngo', status })).toBe(may);
    expect(mayEditSubmission(new Set(orgs), { partnerId: 'org-ngo', status })).toBe(may);
  });

  it('reports only for a responsible partner it speaks for', () => {
    const ind = { responsiblePartnerIds: ['org-ngo', 'org-ministry'] };
    expect(mayReportFor(['org-ngo'], ind, 'org-ngo')).toBe(true);
    expect(mayReportFor(['org-ngo'], ind, 'org-ministry')).toBe(false);
    expect(mayReportFor(['org-builder'], ind, 'org-builder')).toBe(false);
  });
});

describe('the values of a submission', () => {
  const unit: Pick<Indicator, 'measure' | 'dimensions' | 'aggregation'> = { measure: 'unit', dimensions: [{ key: 'sex', values: ['female', 'male'] }] };

  it.each<[string, Pick<Indicator, 'measure' | 'dimensions' | 'aggregation'>, Parameters<typeof checkSubmissionValues>[1], string[]]>([
    ['a number with a breakdown that adds up', unit, { value: '100', breakdown: [{ cell: { sex: 'female' }, value: 55 }, { cell: { sex: 'male' }, value: '45' }] }, []],
    ['no value', unit, { value: null }, ['value']],
    ['text for a numeric measure', unit, { value: 'about a hundred' }, ['value']],
    ['a breakdown that does not add up', unit, { value: 100, breakdown: [{ cell: { sex: 'female' }, value: 55 }, { cell: { sex: 'male' }, value: 40 }] }, ['breakdown']],
    ['a breakdown for an indicator without dimensions', { measure: 'unit', dimensions: [] }, { value: 1, breakdown: [{ cell: { sex: 'female' }, value: 1 }] }, ['breakdown']],
    ['text for a qualitative measure', { measure: 'qualitative', dimensions: [] }, { value: 'Committees meet monthly' }, []],
    ['a number for a qualitative measure', { measure: 'qualitative', dimensions: [] }, { value: 3 }, ['value']],
    ['a fractional rank', { measure: 'ordinal', dimensions: [] }, { value: '2.5' }, ['value']],
  ])('%s: problems with %j', (_name, ind, input, fields) => {
    expect(checkSubmissionValues(ind, input).map((i) => i.field)).toEqual(fields);
  });

  it('cannot be submitted before the period begins', () => {
    expect(checkSubmissionTiming({ key: '2026-Q1', start: '2026-01-01' }, '2025-12-31')).toEqual([expect.objectContaining({ field: 'periodKey', code: 'period_not_begun' })]);
    expect(checkSubmissionTiming({ key: '2026-Q1', start: '2026-01-01' }, '2026-01-01')).toEqual([]);
  });
});

describe('report states for the overdue board', () => {
  const period = { start: '2025-01-01', dueOn: '2025-04-30' };
  it.each<[SubmissionStatus | null, string, string]>([
    [null, '2024-12-31', 'upcoming'],
    [null, '2025-02-01', 'open'],
    ['draft', '2025-04-30', 'open'],
    [null, '2025-05-01', 'overdue'],
    ['draft', '2025-05-01', 'overdue'],
    ['returned', '2025-04-01', 'returned'],
    ['returned', '2025-05-01', 'returned_overdue'],
    ['submitted', '2026-01-01', 'submitted'],
    ['approved', '2026-01-01', 'approved'],
  ])('a %s report on %s is %s', (status, today, state) => {
    expect(reportState(period, status, today)).toBe(state);
  });

  it('is on time when first submitted on or before the due date', () => {
    expect([submittedOnTime(period, '2025-04-30'), submittedOnTime(period, '2025-05-01')]).toEqual([true, false]);
  });
});
