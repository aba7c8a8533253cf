/**
 * The dispute register of a partnership: raising a dispute between member organisations, climbing the
 * escalation ladder step by step, resolving or withdrawing it, and the figures (time to resolution).
 */
import type { Deps, Unit } from '../context';
import { inTransaction } from '../context';
import { loadFor } from '../partnerships/partnerships';
import { DomainError, issue, notFound, type FieldIssue } from '../../domain/kernel/errors';
import { msg } from '../../domain/kernel/messages';
import { can, type Actor, type Resource } from '../../domain/access/can';
import {
  DISPUTE_STATUSES, decideClosing, decideEscalation, daysTaken, daysToResolution, dueOn, isActive, isOverdue, ladderFor, nextDisputeActions, nextStepOf,
  openDispute, resolutionFigures, stepName, daysBetween,
  type DisputeState, type DisputeStatus, type DisputeStep, type StepRecord,
} from '../../domain/governance/disputes';
import * as repo from '../../store/repositories/disputes.repository';
import type { DisputeRow, DisputeStepRow, PartyRow } from '../../store/repositories/disputes.repository';
import { representedOrganisations, type PartnershipRecord } from '../../store/repositories/partnerships.repository';
import type { Tx } from '../../store/database';
import type { Charter } from '../../domain/governance/charter';
import { currentCharter, findDecision } from '../../store/repositories/governance.repository';

/**
 * Where a partnership's escalation ladder comes from: by default the charter in force (`ladderSource`), or
 * the default ladder (negotiation -> steering committee -> mediation -> arbitration) while there is none.
 * Every use case takes one as its last argument, so tests can give another.
 */
export type LadderSource = (db: Tx, partnershipId: string) => Promise<DisputeStep[]>;
/** The escalation ladder of the charter in force (the default ladder when the partnership has none yet). */
export const ladderSource: LadderSource = async (db, partnershipId) => {
  const row = await currentCharter(db, partnershipId);
  return ladderFor(row ? (JSON.parse(row.document) as Charter) : null);
};

const actorId = (actor: Actor) => (actor.kind === 'user' ? actor.id : null);
const resourceOf = (p: PartnershipRecord): Resource => ({ type: 'partnership', id: p.id, visibility: p.visibility });
const today = (now: string) => now.slice(0, 10);

// ---- presenting ---------------------------------------------------------------------------------

const presentLadder = (ladder: readonly DisputeStep[]) => ladder.map((s) => ({ id: s.id, name: stepName(s), body: s.body ?? null, days: s.days ?? null }));

const stepRecord = (s: DisputeStepRow): StepRecord => ({ stepId: s.step_id, name: s.name, days: s.days, startedOn: s.started_on, endedOn: s.ended_on, result: s.result });

const stateOf = (d: DisputeRow, steps: readonly DisputeStepRow[]): DisputeState => ({
  status: d.status as DisputeStatus, currentStep: d.current_step, openedOn: d.opened_on, steps: steps.map(stepRecord),
});

function presentSummary(d: DisputeRow, parties: readonly PartyRow[], steps: readonly DisputeStepRow[], day: string) {
  const last = steps[steps.length - 1];
  const status = d.status as DisputeStatus;
  return {
    id: d.id,
    number: d.number,
    subject: d.subject,
    status,
    currentStep: d.current_step,
    currentStepName: last?.name ?? stepName({ id: d.current_step }),
    stepStartedOn: last?.started_on ?? d.opened_on,
    dueOn: d.step_due_on,
    overdue: isActive(status) && d.step_due_on !== null && day > d.step_due_on,
    parties: parties.map((p) => ({ organisationId: p.organisation_id, organisationName: p.organisation_name })),
    decisionId: d.decision_id,
    raisedById: d.raised_by,
    openedOn: d.opened_on,
    resolvedOn: d.resolved_on,
    withdrawnOn: d.withdrawn_on,
    daysToResolution: daysToResolution({ status, openedOn: d.opened_on, resolvedOn: d.resolved_on }),
    createdAt: d.created_at,
    updatedAt: d.updated_at,
  };
}

async function detail(db: Tx, actor: Actor, p: PartnershipRecord, d: DisputeRow, ladder: readonly DisputeStep[], day: string) {
  const [parties, steps, raisedByName] = await Promise.all([repo.partiesOf(db, [d.id]), repo.stepsOf(db, [d.id]), repo.userName(db, d.raised_by)]);
  const state = stateOf(d, steps);
  const next = isActive(state.status) ? nextStepOf(state, ladder) : null;
  return {
    ...presentSummary(d, parties, steps, day),
    partnershipId: d.partnership_id,
    description: d.description,
    raisedByName,
    resolution: d.resolution,
    withdrawalReason: d.withdrawal_reason,
    steps: steps.map((s) => {
      const r = stepRecord(s);
      return { id: s.id, stepId: s.step_id, name: s.name, position: s.position, days: s.days, startedOn: s.started_on, endedOn: s.ended_on, dueOn: dueOn(r), daysTaken: daysTaken(r, day), overdue: isOverdue(r, day), result: s.result, reason: s.reason };
    }),
    ladder: presentLadder(ladder),
    nextStep: next ? presentLadder([next])[0] : null,
    allowedActions: can(actor, 'partnership.disputes.manage', resourceOf(p)) ? nextDisputeActions(state, ladder) : [],
  };
}

const auditable = (d: DisputeRow) => ({
  number: d.number, subject: d.subject, description: d.description, status: d.status, currentStep: d.current_step, decisionId: d.decision_id,
  openedOn: d.opened_on, resolvedOn: d.resolved_on, resolution: d.resolution, withdrawnOn: d.withdrawn_on, withdrawalReason: d.withdrawal_reason,
});

// ---- reads --------------------------------------------------------------------------------------

export async function listDisputes(deps: Deps, anyActor: Actor, id: string, f: repo.DisputeFilter & { status?: DisputeStatus }) {
  const db = deps.database.db;
  await loadFor(db, anyActor, id, 'partnership.disputes.read');
  const page = await repo.pageDisputes(db, id, f);
  const ids = page.items.map((d) => d.id);
  const [parties, steps] = await Promise.all([repo.partiesOf(db, ids), repo.stepsOf(db, ids)]);
  const day = today(deps.clock());
  return {
    items: page.items.map((d) => presentSummary(d, parties.filter((x) => x.dispute_id === d.id), steps.filter((x) => x.dispute_id === d.id), day)),
    nextCursor: page.nextCursor,
  };
}

export async function getDispute(deps: Deps, anyActor: Actor, id: string, disputeId: string, ladder: LadderSource = ladderSource) {
  const db = deps.database.db;
  const { p, actor } = await loadFor(db, anyActor, id, 'partnership.disputes.read');
  const d = await repo.findDispute(db, id, disputeId);
  if (!d) throw notFound(msg('disputes.the_dispute'));
  return detail(db, actor, p, d, await ladder(db, id), today(deps.clock()));
}

/** Counts by status, open disputes past their step's days, and the days from opening to resolution. */
export async function disputeStats(deps: Deps, anyActor: Actor, id: string, ladder: LadderSource = ladderSource) {
  const db = deps.database.db;
  await loadFor(db, anyActor, id, 'partnership.disputes.read');
  const day = today(deps.clock());
  const [counts, spans, openOverdue, steps] = await Promise.all([repo.countByStatus(db, id), repo.resolvedSpans(db, id), repo.countOverdue(db, id, day), ladder(db, id)]);
  const byStatus = Object.fromEntries(DISPUTE_STATUSES.map((s) => [s, counts.get(s) ?? 0])) as Record<DisputeStatus, number>;
  const figures = resolutionFigures(spans.map((s) => Math.max(0, daysBetween(s.opened_on, s.resolved_on))));
  return {
    total: Object.values(byStatus).reduce((a, b) => a + b, 0),
    byStatus,
    openOverdue,
    medianDaysToResolution: figures.median,
    meanDaysToResolution: figures.mean,
    ladder: presentLadder(steps),
  };
}

// ---- writes -------------------------------------------------------------------------------------

export interface RaiseDisputeInput {
  subject: string;
  description?: string | null;
  parties: string[];
  decisionId?: string | null;
  openedOn?: string;
}

/** Checks the parties: at least two different organisations, each existing and a current member. */
async function checkParties(db: Tx, partnershipId: string, parties: readonly string[]): Promise<string[]> {
  const distinct = [...new Set(parties)];
  const issues: FieldIssue[] = [];
  if (distinct.length < 2) issues.push(issue('parties', msg('disputes.parties.at_least_two')));
  const { existing, current } = await repo.membershipOf(db, partnershipId, distinct);
  parties.forEach((org, i) => {
    if (parties.indexOf(org) !== i) return;
    if (!existing.has(org)) issues.push(issue(`parties.${i}`, msg('disputes.parties.unknown_organisation')));
    else if (!current.has(org)) issues.push(issue(`parties.${i}`, msg('disputes.parties.not_current_member')));
  });
  if (issues.length) throw new DomainError('validation_failed', msg('disputes.parties.invalid'), issues);
  return distinct;
}

/** Raises a dispute (conveners, and representatives for disputes their own organisation is party to). */
export async function raiseDispute(deps: Deps, anyActor: Actor, id: string, input: RaiseDisputeInput, ladder: LadderSource = ladderSource) {
  return inTransaction(deps, async (u) => {
    const { p, actor } = await loadFor(u, anyActor, id, 'partnership.disputes.raise');
    const parties = await checkParties(u.trx, id, input.parties);
    if (input.decisionId != null && !(await findDecision(u.trx, id, input.decisionId)))
      throw new DomainError('validation_failed', msg('disputes.decision_not_in_partnership'), [issue('decisionId', msg('disputes.no_such_decision'), 'unknown_decision')]);
    const roles = actor.kind === 'user' ? (actor.partnershipRoles.get(id) ?? []) : [];
    if (actor.kind === 'user' && !actor.isAdmin && !roles.includes('convener')) {
      const mine = new Set(await representedOrganisations(u.trx, id, actor.id));
      if (!parties.some((o) => mine.has(o))) {
        throw new DomainError('forbidden', msg('disputes.representative_own_party'), [issue('parties', msg('disputes.include_your_organisation'))]);
      }
    }
    const steps = await ladder(u.trx, id);
    const day = today(u.now);
    const start = openDispute(steps, input.openedOn ?? day, day);
    const d: DisputeRow = {
      id: deps.newId(), partnership_id: id, number: await repo.nextDisputeNumber(u.trx, id), subject: input.subject.trim(), description: input.description?.trim() || null,
      status: start.status, current_step: start.currentStep, step_due_on: dueOn(start.step), raised_by: actorId(actor), decision_id: input.decisionId ?? null,
      opened_on: start.step.startedOn, resolved_on: null, resolution: null, withdrawn_on: null, withdrawal_reason: null, created_at: u.now, updated_at: u.now,
    };
    await repo.insertDispute(u.trx, d);
    await repo.insertParties(u.trx, d.id, parties);
    const first = await addStep(deps, u, d.id, 0, start.step, null);
    await u.audit({
      partnershipId: id, actorId: actorId(actor), action: 'dispute.raised', entityType: 'dispute', entityId: d.id,
      after: { ...auditable(d), parties, step: { id: first.id, stepId: first.step_id, startedOn: first.started_on } },
    });
    return detail(u.trx, actor, p, d, steps, day);
  });
}

async function addStep(deps: Deps, u: Unit, disputeId: string, position: number, s: StepRecord, reason: string | null): Promise<DisputeStepRow> {
  const row: DisputeStepRow = { id: deps.newId(), dispute_id: disputeId, position, step_id: s.stepId, name: s.name, days: s.days, started_on: s.startedOn, ended_on: null, result: null, reason };
  await repo.insertStep(u.trx, row);
  return row;
}

/** Loads a dispute of the partnership for a manager's write, with its steps and the ladder. */
async function loadForManaging(u: Unit, anyActor: Actor, id: string, disputeId: string, ladder: LadderSource) {
  const { p, actor } = await loadFor(u, anyActor, id, 'partnership.disputes.manage');
  const d = await repo.findDispute(u.trx, id, disputeId);
  if (!d) throw notFound(msg('disputes.the_dispute'));
  const steps = await repo.stepsOf(u.trx, [d.id]);
  return { p, actor, d, steps, ladder: await ladder(u.trx, id) };
}

/** Moves the dispute to the next step of the ladder, recording how the current step ended (conveners). */
export async function escalateDispute(deps: Deps, anyActor: Actor, id: string, disputeId: string, input: { result: string; reason: string; on?: string }, ladder: LadderSource = ladderSource) {
  return inTransaction(deps, async (u) => {
    const { p, actor, d, steps, ladder: rungs } = await loadForManaging(u, anyActor, id, disputeId, ladder);
    const day = today(u.now);
    const move = decideEscalation(stateOf(d, steps), rungs, { on: input.on ?? day, result: input.result, reason: input.reason }, day);
    const ending = steps[steps.length - 1];
    await repo.endStep(u.trx, ending.id, move.ended.endedOn!, move.ended.result!);
    const started = await addStep(deps, u, d.id, ending.position + 1, move.next, input.reason.trim());
    const next: DisputeRow = { ...d, status: move.status, current_step: move.next.stepId, step_due_on: dueOn(move.next), updated_at: u.now };
    await repo.updateDisputeRow(u.trx, d.id, { status: next.status, current_step: next.current_step, step_due_on: next.step_due_on, updated_at: next.updated_at });
    await u.audit({
      partnershipId: id, actorId: actorId(actor), action: 'dispute.escalated', entityType: 'dispute', entityId: d.id,
      before: { status: d.status, currentStep: d.current_step, stepResult: null },
      after: { status: next.status, currentStep: next.current_step, stepResult: move.ended.result, on: move.ended.endedOn, reason: started.reason },
    });
    return detail(u.trx, actor, p, next, rungs, day);
  });
}

async function close(deps: Deps, anyActor: Actor, id: string, disputeId: string, to: 'resolved' | 'withdrawn', input: { text: string; on?: string }, ladder: LadderSource) {
  return inTransaction(deps, async (u) => {
    const { p, actor, d, steps, ladder: rungs } = await loadForManaging(u, anyActor, id, disputeId, ladder);
    const day = today(u.now);
    const move = decideClosing(stateOf(d, steps), to, { on: input.on ?? day, text: input.text }, day);
    const on = move.ended.endedOn!;
    await repo.endStep(u.trx, steps[steps.length - 1].id, on, move.ended.result!);
    const next: DisputeRow = {
      ...d, status: move.status, step_due_on: null, updated_at: u.now,
      ...(to === 'resolved' ? { resolved_on: on, resolution: move.ended.result } : { withdrawn_on: on, withdrawal_reason: move.ended.result }),
    };
    const { id: _id, partnership_id: _p, number: _n, created_at: _c, ...patch } = next;
    void _id; void _p; void _n; void _c;
    await repo.updateDisputeRow(u.trx, d.id, patch);
    await u.audit({ partnershipId: id, actorId: actorId(actor), action: `dispute.${to}`, entityType: 'dispute', entityId: d.id, before: auditable(d), after: auditable(next) });
    return detail(u.trx, actor, p, next, rungs, day);
  });
}

/** Records how the dispute was resolved; the current step ends with the resolution (conveners). */
export const resolveDispute = (deps: Deps, actor: Actor, id: string, disputeId: string, input: { resolution: string; on?: string }, ladder: LadderSource = ladderSource) =>
  close(deps, actor, id, disputeId, 'resolved', { text: input.resolution, on: input.on }, ladder);

/** Withdraws the dispute with a reason (conveners). */
export const withdrawDispute = (deps: Deps, actor: Actor, id: string, disputeId: string, input: { reason: string; on?: string }, ladder: LadderSource = ladderSource) =>
  close(deps, actor, id, disputeId, 'withdrawn', { text: input.reason, on: input.on }, ladder);
