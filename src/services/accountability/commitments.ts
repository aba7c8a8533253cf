/**
 * Commitments (pledges) of member organisations and the deliveries made against them, in the store: each
 * change of value posts its ledger transaction in the same database transaction (pledge, delivery, release,
 * valuation change, reversal), and each write appends an audit event. The rules are the domain's
 * (src/domain/accountability/commitments.ts); who may act for which organisation is checked here.
 */
import type { Deps, Unit } from '../context';
import { inTransaction } from '../context';
import { loadFor } from '../partnerships/partnerships';
import { DomainError, assertNoIssues, issue, notFound, type FieldIssue } from '../../domain/kernel/errors';
import { msg, type Msg } from '../../domain/kernel/messages';
import { can, type Actor, type Resource } from '../../domain/access/can';
import type { Money } from '../../domain/kernel/money';
import { isDate } from '../../domain/kernel/dates';
import {
  DELIVERABLE, ENDED, MANUAL_TRANSITIONS, applyDeliveryChange, decideAmendment, decideCommitmentTransition, decideDelivery, decideDeliveryTransition, newCommitment, noDeliveries,
  progressOf, statusChangeFromDeliveries, totalsOf, trancheProgress, undelivered, valueOfQuantity, withTrancheDates,
  type Commitment, type CommitmentStatus, type CommitmentTerms, type Delivery, type DeliveryStatus, type DeliveryTotals, type Quantity, type ResourceKind, type StatusChange, type Tranche,
} from '../../domain/accountability/commitments';
import { decimalText, parseDecimal } from '../../domain/kernel/decimal';
import { frac } from '../../domain/kernel/fraction';
import { postDelivery, postPledge, postPledgeRelease, postValuationChange, type Chart } from '../../domain/accountability/ledger';
import * as repo from '../../store/repositories/commitments.repository';
import type { CommitmentRow, CommitmentTotalsRow, DeliveryRow } from '../../store/repositories/commitments.repository';
import * as ledgerRepo from '../../store/repositories/ledger.repository';
import { representedOrganisations, type PartnershipRecord } from '../../store/repositories/partnerships.repository';
import type { Tx } from '../../store/database';
import { actorId, isConvener, moneyIn, post, presentMoney, presentRatio, presentTransactions, quantityIn, reverseIn, today } from './ledger';

const resourceOf = (p: PartnershipRecord): Resource => ({ type: 'partnership', id: p.id, visibility: p.visibility });

// ---- rows <-> domain ----------------------------------------------------------------------------

type StoredTranche = { dueOn: string; minor: string; quantity: Quantity | null };
const quantityOf = (value: string | null, unit: string | null): Quantity | null => (value !== null && unit !== null ? { value, unit } : null);

export function commitmentOf(r: CommitmentRow): Commitment {
  return {
    id: r.id,
    status: r.status as CommitmentStatus,
    partner: r.organisation_id,
    kind: r.kind as ResourceKind,
    description: r.description,
    valuation: { minor: r.valuation_minor, currency: r.currency },
    quantity: quantityOf(r.quantity_value, r.quantity_unit),
    valuationBasis: r.valuation_basis,
    tranches: (JSON.parse(r.tranches) as StoredTranche[]).map((t) => ({ dueOn: t.dueOn, value: { minor: BigInt(t.minor), currency: r.currency }, quantity: t.quantity })),
    conditions: JSON.parse(r.conditions) as string[],
    goalIds: JSON.parse(r.goal_ids) as string[],
    decisionId: r.decision_id,
    pledgedOn: r.pledged_on,
  };
}

export const deliveryOf = (r: DeliveryRow): Delivery => ({
  id: r.id,
  on: r.on_date,
  value: { minor: r.value_minor, currency: r.currency },
  quantity: quantityOf(r.quantity_value, r.quantity_unit),
  evidence: JSON.parse(r.evidence) as string[],
  recordedBy: r.recorded_by ?? '',
  note: r.note,
  status: r.status as DeliveryStatus,
});

const exact = (text: string) => parseDecimal(text) ?? frac(0);

/** The running totals as the domain takes them. */
export const totalsFromRow = (t: CommitmentTotalsRow): DeliveryTotals => ({
  confirmed: { count: t.confirmed_count, value: t.confirmed_minor, quantity: exact(t.confirmed_quantity) },
  pending: { count: t.pending_count, value: t.pending_minor, quantity: exact(t.pending_quantity) },
  trancheDates: JSON.parse(t.tranche_dates) as (string | null)[],
});

const totalsRow = (commitmentId: string, t: DeliveryTotals): CommitmentTotalsRow => ({
  commitment_id: commitmentId,
  confirmed_count: t.confirmed.count, confirmed_minor: t.confirmed.value, confirmed_quantity: decimalText(t.confirmed.quantity),
  pending_count: t.pending.count, pending_minor: t.pending.value, pending_quantity: decimalText(t.pending.quantity),
  tranche_dates: JSON.stringify(t.trancheDates),
});

/**
 * The running totals of these commitments: one query for the stored rows. A commitment without one (none should
 * be: migration 0009 backfilled them and every pledge writes one) gets them from its deliveries, and its next
 * delivery change stores them.
 */
export async function totalsFor(db: Tx, rows: readonly CommitmentRow[]): Promise<Map<string, DeliveryTotals>> {
  const out = new Map((await repo.totalsOfCommitments(db, rows.map((r) => r.id))).map((t) => [t.commitment_id, totalsFromRow(t)]));
  const missing = rows.filter((r) => !out.has(r.id));
  if (missing.length) {
    const deliveries = await repo.deliveriesOf(db, missing.map((r) => r.id), ['recorded', 'confirmed']);
    for (const r of missing) out.set(r.id, totalsOf(commitmentOf(r), deliveries.filter((d) => d.commitment_id === r.id).map(deliveryOf)));
  }
  return out;
}
const totalsOfOne = async (db: Tx, r: CommitmentRow): Promise<DeliveryTotals> => (await totalsFor(db, [r])).get(r.id)!;

/** A commitment of the partnership and its running totals, read together (what every delivery write starts from). */
async function commitmentAndTotals(db: Tx, id: string, commitmentId: string): Promise<{ r: CommitmentRow; totals: DeliveryTotals } | null> {
  const found = await repo.findCommitmentWithTotals(db, id, commitmentId);
  if (!found) return null;
  return { r: found.row, totals: found.totals ? totalsFromRow(found.totals) : await totalsOfOne(db, found.row) };
}

const tranchesJson = (ts: readonly Tranche[]) => JSON.stringify(ts.map((t) => ({ dueOn: t.dueOn, minor: t.value.minor.toString(), quantity: t.quantity ?? null })));
const termsJson = (t: CommitmentTerms) => ({
  valuation: presentMoney(t.valuation), quantity: t.quantity, valuationBasis: t.valuationBasis,
  tranches: t.tranches.map((x) => ({ dueOn: x.dueOn, value: presentMoney(x.value), quantity: x.quantity ?? null })),
});

// ---- presenting ---------------------------------------------------------------------------------

const presentTranche = (t: Tranche) => ({ dueOn: t.dueOn, value: presentMoney(t.value), quantity: t.quantity ?? null });

function presentSummary(r: CommitmentRow, totals: DeliveryTotals) {
  const c = commitmentOf(r);
  const p = progressOf(c, totals);
  return {
    id: r.id, number: r.number, partnershipId: r.partnership_id, organisationId: r.organisation_id, kind: c.kind, status: c.status, description: r.description,
    valuation: presentMoney(c.valuation), valuationBasis: r.valuation_basis, quantity: c.quantity, tranches: c.tranches.map(presentTranche), conditions: [...c.conditions], goalIds: [...c.goalIds],
    decisionId: r.decision_id, recipientOrganisationId: r.recipient_organisation_id, pledgedOn: r.pledged_on,
    progress: { delivered: presentMoney(p.delivered), pending: presentMoney(p.pending), outstanding: presentMoney(p.outstanding), remaining: presentMoney(p.remaining), ratio: presentRatio(p.ratio), quantity: p.quantity },
    createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

export const presentDelivery = (d: DeliveryRow) => ({
  id: d.id, number: d.number, commitmentId: d.commitment_id, organisationId: d.organisation_id, on: d.on_date, value: presentMoney({ minor: d.value_minor, currency: d.currency }),
  quantity: quantityOf(d.quantity_value, d.quantity_unit), evidence: JSON.parse(d.evidence) as string[], note: d.note, status: d.status as DeliveryStatus,
  recordedBy: d.recorded_by, recordedAt: d.recorded_at, decidedBy: d.decided_by, decidedAt: d.decided_at, reason: d.reason, transactionId: d.transaction_id, reversalTransactionId: d.reversal_transaction_id,
});

async function mine(db: Tx, actor: Actor, partnershipId: string): Promise<Set<string>> {
  return actor.kind === 'user' ? new Set(await representedOrganisations(db, partnershipId, actor.id)) : new Set();
}

async function detail(db: Tx, actor: Actor, p: PartnershipRecord, r: CommitmentRow) {
  const [deliveries, totals, history, amendments, txs, represented] = await Promise.all([
    repo.deliveriesOf(db, [r.id]), totalsOfOne(db, r), repo.statusChangesOf(db, r.id), repo.amendmentsOf(db, r.id), ledgerRepo.transactionsOfCommitment(db, p.id, r.id), mine(db, actor, p.id),
  ]);
  const c = commitmentOf(r);
  const convener = isConvener(actor, p.id);
  const own = convener || represented.has(r.organisation_id);
  const res = resourceOf(p);
  const actions: string[] = [];
  if (can(actor, 'partnership.ledger.manage', res)) {
    for (const to of MANUAL_TRANSITIONS[c.status]) if (to !== 'withdrawn') actions.push(to === 'confirmed' ? 'confirm' : 'cancel');
  }
  if (own && can(actor, 'partnership.commitments.pledge', res)) {
    if (MANUAL_TRANSITIONS[c.status].includes('withdrawn')) actions.push('withdraw');
    if (!ENDED.includes(c.status)) actions.push('amend');
  }
  if (own && can(actor, 'partnership.deliveries.record', res) && DELIVERABLE.includes(c.status)) actions.push('record_delivery');
  return {
    ...presentSummary(r, totals),
    deliveries: deliveries.map(presentDelivery),
    trancheProgress: trancheProgress(c, totals).map((t) => ({
      index: t.index, dueOn: t.dueOn, value: presentMoney(t.value), covered: presentMoney(t.covered), deliveredOn: t.deliveredOn, onTime: t.deliveredOn === null ? null : t.deliveredOn <= t.dueOn,
    })),
    history: history.map((h) => ({ from: h.from_status, to: h.to_status, on: h.on_date, by: h.by_user, reason: h.reason, at: h.at })),
    amendments: amendments.map((a) => ({ on: a.on_date, by: a.by_user, reason: a.reason, before: JSON.parse(a.before_terms) as unknown, after: JSON.parse(a.after_terms) as unknown, at: a.at })),
    transactions: await presentTransactions(db, txs),
    allowedActions: actions,
  };
}

// ---- reads --------------------------------------------------------------------------------------

export async function listCommitments(deps: Deps, anyActor: Actor, id: string, f: { organisationId?: string; kind?: string; status?: string; cursor?: string; limit: number }) {
  const db = deps.database.db;
  await loadFor(db, anyActor, id, 'partnership.resources.read');
  const page = await repo.pageCommitments(db, id, f);
  // one query for the running totals of the whole page (progress), none per row
  const totals = await totalsFor(db, page.items);
  return { items: page.items.map((c) => presentSummary(c, totals.get(c.id)!)), nextCursor: page.nextCursor };
}

export async function getCommitment(deps: Deps, anyActor: Actor, id: string, commitmentId: string) {
  const db = deps.database.db;
  const { p, actor } = await loadFor(db, anyActor, id, 'partnership.resources.read');
  const r = await repo.findCommitment(db, id, commitmentId);
  if (!r) throw notFound(msg('commitments.the_commitment'));
  return detail(db, actor, p, r);
}

export async function listDeliveries(deps: Deps, anyActor: Actor, id: string, f: { commitmentId?: string; organisationId?: string; status?: string; cursor?: string; limit: number }) {
  const db = deps.database.db;
  await loadFor(db, anyActor, id, 'partnership.resources.read');
  if (f.commitmentId && !(await repo.findCommitment(db, id, f.commitmentId))) throw notFound(msg('commitments.the_commitment'));
  const page = await repo.pageDeliveries(db, id, f);
  return { items: page.items.map(presentDelivery), nextCursor: page.nextCursor };
}

// ---- pledging -----------------------------------------------------------------------------------

export interface PledgeInput {
  organisationId: string;
  kind: ResourceKind;
  description: string;
  quantity?: { value: string; unit: string } | null;
  valuation: { amount: string; currency: string };
  valuationBasis?: string;
  tranches: { dueOn: string; value: { amount: string; currency: string }; quantity?: { value: string; unit: string } | null }[];
  conditions?: string[];
  goalIds?: string[];
  decisionId?: string | null;
  recipientOrganisationId?: string | null;
  pledgedOn?: string;
}

const chartOfPartner = (partner: string): Chart => ({ partners: new Set([partner]), budgetLines: new Map() });

function readTranches(input: PledgeInput['tranches'], issues: FieldIssue[]): Tranche[] {
  return input.map((t, i) => ({
    dueOn: t.dueOn,
    value: moneyIn(t.value, `tranches.${i}.value`, issues) ?? { minor: 0n, currency: t.value.currency },
    quantity: quantityIn(t.quantity, `tranches.${i}.quantity`, issues),
  }));
}

/**
 * Records a pledge (conveners for any current member; representatives for their own organisation) and
 * posts it to the ledger: receivable against pledged for the partner and kind.
 */
export async function pledge(deps: Deps, anyActor: Actor, id: string, input: PledgeInput) {
  return inTransaction(deps, async (u) => {
    const { p, actor } = await loadFor(u, anyActor, id, 'partnership.commitments.pledge');
    return detail(u.trx, actor, p, await pledgeIn(deps, u, actor, id, input));
  });
}

/**
 * The core of `pledge` in the caller's unit of work (the pledge route, and the commitments import): the caller
 * has checked `partnership.commitments.pledge`; the organisation, the input and the ledger posting are checked
 * here. Returns the stored row; throws a `DomainError` for a pledge it refuses.
 */
export async function pledgeIn(deps: Deps, u: Unit, actor: Actor, id: string, input: PledgeInput): Promise<CommitmentRow> {
  const members = await ledgerRepo.memberOrganisations(u.trx, id);
  const current = new Set(members.filter((m) => m.current).map((m) => m.organisation_id));
  if (!current.has(input.organisationId)) {
    throw new DomainError('validation_failed', msg('commitments.partner.not_current_member'), [issue('organisationId', msg('commitments.not_current_member'), 'unknown_partner')]);
  }
  if (!isConvener(actor, id) && !(await mine(u.trx, actor, id)).has(input.organisationId)) {
    throw new DomainError('forbidden', msg('commitments.pledge.own_only'), [issue('organisationId', msg('commitments.pledge.name_yours'))]);
  }
  const day = today(u.now);
  const issues: FieldIssue[] = [];
  const valuation = moneyIn(input.valuation, 'valuation', issues);
  const quantity = quantityIn(input.quantity, 'quantity', issues);
  const tranches = readTranches(input.tranches, issues);
  const pledgedOn = input.pledgedOn ?? day;
  if (isDate(pledgedOn) && pledgedOn > day) issues.push(issue('pledgedOn', msg('commitments.pledge.in_future'), 'in_future'));
  if (input.recipientOrganisationId != null && !current.has(input.recipientOrganisationId)) {
    issues.push(issue('recipientOrganisationId', msg('commitments.not_current_member'), 'unknown_partner'));
  }
  assertNoIssues(issues, msg('commitments.invalid_fields'));
  const goalIds = input.goalIds ?? [];
  const goals = await ledgerRepo.goalsAmong(u.trx, id, goalIds);
  const decisions = new Set<string>();
  if (input.decisionId != null && (await ledgerRepo.decisionOutcome(u.trx, id, input.decisionId))) decisions.add(input.decisionId);
  const cid = deps.newId();
  const c = newCommitment(
    cid,
    {
      partner: input.organisationId, kind: input.kind, description: input.description, quantity, valuation: valuation!, valuationBasis: input.valuationBasis ?? '', tranches,
      conditions: input.conditions ?? [], goalIds, decisionId: input.decisionId ?? null, pledgedOn,
    },
    { partners: current, goals, decisions },
  );
  const row: CommitmentRow = {
    id: cid, partnership_id: id, number: await repo.nextCommitmentNumber(u.trx, id), organisation_id: c.partner, kind: c.kind, status: c.status, description: c.description,
    currency: c.valuation.currency, valuation_minor: c.valuation.minor, valuation_basis: c.valuationBasis, quantity_value: c.quantity?.value ?? null, quantity_unit: c.quantity?.unit ?? null,
    tranches: tranchesJson(c.tranches), conditions: JSON.stringify(c.conditions), goal_ids: JSON.stringify(c.goalIds), decision_id: c.decisionId,
    recipient_organisation_id: input.recipientOrganisationId ?? null, pledged_on: c.pledgedOn, created_by: actorId(actor), created_at: u.now, updated_at: u.now,
  };
  await repo.insertCommitment(u.trx, row);
  await repo.saveTotals(u.trx, totalsRow(cid, noDeliveries(c)));
  await repo.insertStatusChange(u.trx, { id: deps.newId(), commitment_id: cid, from_status: null, to_status: 'pledged', on_date: pledgedOn, by_user: actorId(actor), reason: null, at: u.now });
  await post(deps, u, id, actorId(actor), postPledge({ date: pledgedOn, partner: c.partner, resource: c.kind, value: c.valuation, quantity: c.quantity, commitmentId: cid, decisionId: c.decisionId, description: `Pledge #${row.number}: ${c.description}`.slice(0, 500) }), chartOfPartner(c.partner));
  await u.audit({
    partnershipId: id, actorId: actorId(actor), action: 'commitment.pledged', entityType: 'commitment', entityId: cid,
    after: { number: row.number, organisationId: c.partner, kind: c.kind, valuation: presentMoney(c.valuation).amount, currency: c.valuation.currency, quantity: c.quantity, pledgedOn, decisionId: c.decisionId },
  });
  return row;
}

// ---- the lifecycle ------------------------------------------------------------------------------

async function loadCommitment(u: Unit, anyActor: Actor, id: string, commitmentId: string, action: Parameters<typeof loadFor>[3]) {
  const { p, actor } = await loadFor(u, anyActor, id, action);
  const found = await commitmentAndTotals(u.trx, id, commitmentId);
  if (!found) throw notFound(msg('commitments.the_commitment'));
  return { p, actor, r: found.r, c: commitmentOf(found.r), totals: found.totals };
}

/** Refuses, with `refusal` (one of the `commitments.own.*` messages), anyone but a convener or a representative of the organisation. */
async function requireOwn(u: Unit, actor: Actor, id: string, organisationId: string, refusal: Msg) {
  if (isConvener(actor, id)) return;
  if (!(await mine(u.trx, actor, id)).has(organisationId)) throw new DomainError('forbidden', refusal);
}

async function recordStatus(deps: Deps, u: Unit, r: CommitmentRow, change: StatusChange): Promise<CommitmentRow> {
  await repo.updateCommitment(u.trx, r.id, { status: change.to, updated_at: u.now });
  await repo.insertStatusChange(u.trx, { id: deps.newId(), commitment_id: r.id, from_status: change.from, to_status: change.to, on_date: change.on, by_user: change.by, reason: change.reason, at: u.now });
  return { ...r, status: change.to, updated_at: u.now };
}

/** Confirms a pledge (conveners). */
export async function confirmCommitment(deps: Deps, anyActor: Actor, id: string, commitmentId: string, input: { on?: string }) {
  return inTransaction(deps, async (u) => {
    const { p, actor, r, c } = await loadCommitment(u, anyActor, id, commitmentId, 'partnership.ledger.manage');
    const change = decideCommitmentTransition(c, 'confirmed', { on: input.on ?? today(u.now), by: actorId(actor) ?? '' });
    const next = await recordStatus(deps, u, r, change);
    await u.audit({ partnershipId: id, actorId: actorId(actor), action: 'commitment.confirmed', entityType: 'commitment', entityId: r.id, before: { status: r.status }, after: { status: next.status } });
    return detail(u.trx, actor, p, next);
  });
}

async function end(deps: Deps, anyActor: Actor, id: string, commitmentId: string, to: 'cancelled' | 'withdrawn', input: { reason: string; on?: string }) {
  return inTransaction(deps, async (u) => {
    const { p, actor, r, c, totals } = await loadCommitment(u, anyActor, id, commitmentId, to === 'cancelled' ? 'partnership.ledger.manage' : 'partnership.commitments.pledge');
    if (to === 'withdrawn') await requireOwn(u, actor, id, r.organisation_id, msg('commitments.own.withdraw'));
    const change = decideCommitmentTransition(c, to, { on: input.on ?? today(u.now), by: actorId(actor) ?? '', reason: input.reason }, totals);
    const next = await recordStatus(deps, u, r, change);
    // the undelivered part is released: it no longer counts as pledged nor as owed
    const rest = undelivered(c, totals);
    if (rest.value.minor > 0n) {
      await post(deps, u, id, actorId(actor), postPledgeRelease({ date: change.on, partner: c.partner, resource: c.kind, value: rest.value, quantity: rest.quantity, commitmentId: r.id, reason: change.reason ?? to }), chartOfPartner(c.partner));
    }
    await u.audit({ partnershipId: id, actorId: actorId(actor), action: `commitment.${to}`, entityType: 'commitment', entityId: r.id, before: { status: r.status }, after: { status: to, reason: change.reason, released: presentMoney(rest.value).amount } });
    return detail(u.trx, actor, p, next);
  });
}

/** Cancels a commitment (conveners), releasing what was not delivered. */
export const cancelCommitment = (deps: Deps, actor: Actor, id: string, commitmentId: string, input: { reason: string; on?: string }) => end(deps, actor, id, commitmentId, 'cancelled', input);
/** Withdraws a commitment (the pledging organisation's representative, or a convener), releasing what was not delivered. */
export const withdrawCommitment = (deps: Deps, actor: Actor, id: string, commitmentId: string, input: { reason: string; on?: string }) => end(deps, actor, id, commitmentId, 'withdrawn', input);

export interface AmendInput {
  valuation?: { amount: string; currency: string };
  quantity?: { value: string; unit: string } | null;
  valuationBasis?: string;
  tranches?: PledgeInput['tranches'];
  reason: string;
  on?: string;
}

/** Amends the terms (a convener, or the pledging organisation's representative) and posts the valuation change. */
export async function amendCommitment(deps: Deps, anyActor: Actor, id: string, commitmentId: string, input: AmendInput) {
  return inTransaction(deps, async (u) => {
    const { p, actor, r, c, totals } = await loadCommitment(u, anyActor, id, commitmentId, 'partnership.commitments.pledge');
    await requireOwn(u, actor, id, r.organisation_id, msg('commitments.own.amend'));
    const issues: FieldIssue[] = [];
    const valuation = input.valuation ? moneyIn(input.valuation, 'valuation', issues) : undefined;
    const quantity = input.quantity === undefined ? undefined : quantityIn(input.quantity, 'quantity', issues);
    const tranches = input.tranches ? readTranches(input.tranches, issues) : undefined;
    assertNoIssues(issues, msg('commitments.amend.invalid_fields'));
    const on = input.on ?? today(u.now);
    const decision = decideAmendment(c, totals, { valuation: valuation ?? undefined, quantity, valuationBasis: input.valuationBasis, tranches, reason: input.reason, on, by: actorId(actor) ?? '' });
    const after = decision.commitment;
    await repo.updateCommitment(u.trx, r.id, {
      valuation_minor: after.valuation.minor, valuation_basis: after.valuationBasis, quantity_value: after.quantity?.value ?? null, quantity_unit: after.quantity?.unit ?? null,
      tranches: tranchesJson(after.tranches), updated_at: u.now,
    });
    await repo.insertAmendment(u.trx, {
      id: deps.newId(), commitment_id: r.id, on_date: on, by_user: actorId(actor), reason: decision.amendment.reason,
      before_terms: JSON.stringify(termsJson(decision.amendment.before)), after_terms: JSON.stringify(termsJson(decision.amendment.after)), at: u.now,
    });
    let next: CommitmentRow = { ...r, valuation_minor: after.valuation.minor, valuation_basis: after.valuationBasis, quantity_value: after.quantity?.value ?? null, quantity_unit: after.quantity?.unit ?? null, tranches: tranchesJson(after.tranches), updated_at: u.now };
    if (decision.statusChange) next = await recordStatus(deps, u, next, decision.statusChange);
    // a new schedule: the tranche dates are worked out again from the confirmed deliveries per day
    if (decision.tranchesMoved) {
      const days = totals.confirmed.value === 0n ? [] : await repo.confirmedDays(u.trx, r.id, '');
      await repo.saveTotals(u.trx, totalsRow(r.id, withTrancheDates(after, totals, days)));
    }
    const tx = postValuationChange({ date: on, partner: c.partner, resource: c.kind, change: decision.valuationChange, commitmentId: r.id, reason: decision.amendment.reason });
    if (tx) await post(deps, u, id, actorId(actor), tx, chartOfPartner(c.partner));
    await u.audit({
      partnershipId: id, actorId: actorId(actor), action: 'commitment.amended', entityType: 'commitment', entityId: r.id,
      before: { valuation: presentMoney(c.valuation).amount, quantity: c.quantity, status: r.status }, after: { valuation: presentMoney(after.valuation).amount, quantity: after.quantity, status: next.status, reason: decision.amendment.reason },
    });
    return detail(u.trx, actor, p, next);
  });
}

// ---- deliveries ---------------------------------------------------------------------------------

export interface RecordDeliveryInput {
  on?: string;
  value?: { amount: string; currency: string };
  quantity?: { value: string; unit: string } | null;
  evidence?: string[];
  note?: string | null;
}

/** Records a delivery (the pledging organisation's representative, or a convener); it counts once confirmed. */
export async function recordDelivery(deps: Deps, anyActor: Actor, id: string, commitmentId: string, input: RecordDeliveryInput) {
  return inTransaction(deps, async (u) => {
    const { actor } = await loadFor(u, anyActor, id, 'partnership.deliveries.record');
    return presentDelivery(await recordDeliveryIn(deps, u, actor, id, commitmentId, input));
  });
}

/**
 * The core of `recordDelivery` in the caller's unit of work (the delivery route, and the deliveries import): the
 * caller has checked `partnership.deliveries.record`; the commitment, whose it is and the delivery are checked
 * here. Returns the stored row; throws a `DomainError` for a delivery it refuses.
 */
export async function recordDeliveryIn(deps: Deps, u: Unit, actor: Actor, id: string, commitmentId: string, input: RecordDeliveryInput): Promise<DeliveryRow> {
  const found = await commitmentAndTotals(u.trx, id, commitmentId);
  if (!found) throw notFound(msg('commitments.the_commitment'));
  const { r, totals } = found;
  const c = commitmentOf(r);
  await requireOwn(u, actor, id, r.organisation_id, msg('commitments.own.record_deliveries'));
  const issues: FieldIssue[] = [];
  const quantity = quantityIn(input.quantity, 'quantity', issues);
  let value: Money | null = input.value ? moneyIn(input.value, 'value', issues, true) : null;
  if (!input.value && issues.length === 0) {
    if (quantity && c.quantity && quantity.unit === c.quantity.unit && DELIVERABLE.includes(c.status)) value = valueOfQuantity(c, totals, quantity);
    else if (!quantity || !c.quantity) issues.push(issue('value', msg('commitments.delivery.value_required'), 'required'));
    else value = { minor: 0n, currency: c.valuation.currency }; // the domain names what is wrong with the quantity
  }
  assertNoIssues(issues, msg('commitments.delivery.invalid_fields'));
  const d = decideDelivery(deps.newId(), c, totals, { on: input.on ?? today(u.now), value: value!, quantity, evidence: input.evidence ?? [], recordedBy: actorId(actor) ?? '', note: input.note ?? null }, today(u.now));
  const row: DeliveryRow = {
    id: d.id, partnership_id: id, commitment_id: r.id, organisation_id: r.organisation_id, number: await repo.nextDeliveryNumber(u.trx, id), on_date: d.on, currency: d.value.currency,
    value_minor: d.value.minor, quantity_value: d.quantity?.value ?? null, quantity_unit: d.quantity?.unit ?? null, evidence: JSON.stringify(d.evidence), note: d.note, status: d.status,
    recorded_by: actorId(actor), recorded_at: u.now, decided_by: null, decided_at: null, reason: null, transaction_id: null, reversal_transaction_id: null,
  };
  await repo.insertDelivery(u.trx, row);
  await repo.saveTotals(u.trx, totalsRow(r.id, applyDeliveryChange(c, totals, d, null, 'recorded').totals));
  await u.audit({ partnershipId: id, actorId: actorId(actor), action: 'delivery.recorded', entityType: 'delivery', entityId: d.id, after: { commitmentId: r.id, number: row.number, on: d.on, value: presentMoney(d.value).amount, currency: d.value.currency, quantity: d.quantity } });
  return row;
}

async function loadDelivery(u: Unit, anyActor: Actor, id: string, deliveryId: string, action: Parameters<typeof loadFor>[3]) {
  const { actor } = await loadFor(u, anyActor, id, action);
  const d = await repo.findDelivery(u.trx, id, deliveryId);
  if (!d) throw notFound(msg('commitments.the_delivery'));
  const { r, totals } = (await commitmentAndTotals(u.trx, id, d.commitment_id))!;
  return { actor, d, r, c: commitmentOf(r), totals };
}

/** The receiving side decides: a convener, or a representative of the recipient organisation who does not also represent the delivering one. */
async function requireReceiver(u: Unit, actor: Actor, id: string, r: CommitmentRow) {
  if (isConvener(actor, id)) return;
  const orgs = await mine(u.trx, actor, id);
  if (!r.recipient_organisation_id || !orgs.has(r.recipient_organisation_id) || orgs.has(r.organisation_id)) {
    throw new DomainError('forbidden', msg('commitments.delivery.receiver_only'));
  }
}

/**
 * Moves a delivery's part of the commitment's running totals from one status to another, after the delivery row
 * itself was written: the confirmed value per day is read again (from the delivery's date on) only when the
 * move may change the date a tranche was completed. Stores the totals and the derived status that follows.
 */
async function followDeliveries(deps: Deps, u: Unit, r: CommitmentRow, before: DeliveryTotals, d: DeliveryRow, from: DeliveryStatus, to: DeliveryStatus, on: string) {
  const c = commitmentOf(r);
  const moved = applyDeliveryChange(c, before, deliveryOf(d), from, to);
  const totals = moved.refillFrom === null ? moved.totals : withTrancheDates(c, moved.totals, await repo.confirmedDays(u.trx, r.id, moved.refillFrom));
  await repo.saveTotals(u.trx, totalsRow(r.id, totals));
  const change = statusChangeFromDeliveries(c, totals, on);
  return change ? recordStatus(deps, u, r, change) : r;
}

/** Confirms a delivery: posts it to the ledger and moves the commitment's derived status, in one transaction. */
export async function confirmDelivery(deps: Deps, anyActor: Actor, id: string, deliveryId: string, input: { on?: string }) {
  return inTransaction(deps, async (u) => {
    const { actor, d, r, c, totals } = await loadDelivery(u, anyActor, id, deliveryId, 'partnership.deliveries.confirm');
    await requireReceiver(u, actor, id, r);
    const change = decideDeliveryTransition(c, deliveryOf(d), 'confirmed', { on: input.on ?? today(u.now), by: actorId(actor) ?? '' });
    let txId: string | null = null;
    // a delivery of a quantity worth less than a minor unit moves no value: nothing to post
    if (d.value_minor > 0n) {
      const tx = await post(deps, u, id, actorId(actor), postDelivery({ date: d.on_date, partner: c.partner, resource: c.kind, value: { minor: d.value_minor, currency: d.currency }, quantity: quantityOf(d.quantity_value, d.quantity_unit), commitmentId: r.id, deliveryId: d.id, description: `Delivery #${d.number} of pledge #${r.number}` }), chartOfPartner(c.partner));
      txId = tx.id;
    }
    const next: DeliveryRow = { ...d, status: 'confirmed', decided_by: actorId(actor), decided_at: u.now, transaction_id: txId };
    await repo.updateDelivery(u.trx, d.id, { status: next.status, decided_by: next.decided_by, decided_at: next.decided_at, transaction_id: txId });
    const after = await followDeliveries(deps, u, r, totals, d, change.from, change.to, change.on);
    await u.audit({ partnershipId: id, actorId: actorId(actor), action: 'delivery.confirmed', entityType: 'delivery', entityId: d.id, before: { status: d.status }, after: { status: 'confirmed', transactionId: txId, commitmentStatus: after.status } });
    return presentDelivery(next);
  });
}

/** Rejects a recorded delivery with a reason (as confirm). */
export async function rejectDelivery(deps: Deps, anyActor: Actor, id: string, deliveryId: string, input: { reason: string; on?: string }) {
  return inTransaction(deps, async (u) => {
    const { actor, d, r, c, totals } = await loadDelivery(u, anyActor, id, deliveryId, 'partnership.deliveries.confirm');
    await requireReceiver(u, actor, id, r);
    const change = decideDeliveryTransition(c, deliveryOf(d), 'rejected', { on: input.on ?? today(u.now), by: actorId(actor) ?? '', reason: input.reason });
    const next: DeliveryRow = { ...d, status: 'rejected', decided_by: actorId(actor), decided_at: u.now, reason: change.reason };
    await repo.updateDelivery(u.trx, d.id, { status: next.status, decided_by: next.decided_by, decided_at: next.decided_at, reason: next.reason });
    await followDeliveries(deps, u, r, totals, d, change.from, change.to, change.on);
    await u.audit({ partnershipId: id, actorId: actorId(actor), action: 'delivery.rejected', entityType: 'delivery', entityId: d.id, before: { status: d.status }, after: { status: 'rejected', reason: change.reason } });
    return presentDelivery(next);
  });
}

/** Reverses a confirmed delivery (conveners): posts the reversal and moves the commitment back. */
export async function reverseDelivery(deps: Deps, anyActor: Actor, id: string, deliveryId: string, input: { reason: string; on?: string }) {
  return inTransaction(deps, async (u) => {
    const { actor, d, r, c, totals } = await loadDelivery(u, anyActor, id, deliveryId, 'partnership.ledger.manage');
    const change = decideDeliveryTransition(c, deliveryOf(d), 'reversed', { on: input.on ?? today(u.now), by: actorId(actor) ?? '', reason: input.reason });
    let reversalId: string | null = null;
    if (d.transaction_id) {
      const t = await ledgerRepo.findTransaction(u.trx, id, d.transaction_id);
      if (t) reversalId = (await reverseIn(deps, u, id, actorId(actor), t, change.on, change.reason ?? 'reversed')).id;
    }
    // an ended commitment owes nothing: what the reversal makes outstanding again is released at once
    if (ENDED.includes(c.status) && d.value_minor > 0n) {
      await post(deps, u, id, actorId(actor), postPledgeRelease({ date: change.on, partner: c.partner, resource: c.kind, value: { minor: d.value_minor, currency: d.currency }, quantity: quantityOf(d.quantity_value, d.quantity_unit), commitmentId: r.id, reason: `delivery #${d.number} reversed after the commitment was ${c.status}` }), chartOfPartner(c.partner));
    }
    const next: DeliveryRow = { ...d, status: 'reversed', reason: change.reason, reversal_transaction_id: reversalId };
    await repo.updateDelivery(u.trx, d.id, { status: 'reversed', reason: change.reason, reversal_transaction_id: reversalId });
    const after = await followDeliveries(deps, u, r, totals, d, change.from, change.to, change.on);
    await u.audit({ partnershipId: id, actorId: actorId(actor), action: 'delivery.reversed', entityType: 'delivery', entityId: d.id, before: { status: d.status }, after: { status: 'reversed', reason: change.reason, reversalTransactionId: reversalId, commitmentStatus: after.status } });
    return presentDelivery(next);
  });
}
