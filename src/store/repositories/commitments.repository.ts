/**
 * Commitments (pledges), their status history and amendments, and the deliveries made against them.
 * Amounts are read as exact text (see ledger.repository.ts) and returned as bigints.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../schema';
import type { CommitmentAmendmentsTable, CommitmentStatusChangesTable } from '../schema-ledger';
import { decodeCursor, encodeCursor } from '../pagination';
import { DomainError } from '../../domain/kernel/errors';
import { bigText, toBig } from './ledger.repository';

type Db = Kysely<DB>;
const num = (v: unknown): number => Number(v);

export interface CommitmentRow {
  id: string;
  partnership_id: string;
  number: number;
  organisation_id: string;
  kind: string;
  status: string;
  description: string;
  currency: string;
  valuation_minor: bigint;
  valuation_basis: string;
  quantity_value: string | null;
  quantity_unit: string | null;
  tranches: string;
  conditions: string;
  goal_ids: string;
  decision_id: string | null;
  recipient_organisation_id: string | null;
  pledged_on: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface DeliveryRow {
  id: string;
  partnership_id: string;
  commitment_id: string;
  organisation_id: string;
  number: number;
  on_date: string;
  currency: string;
  value_minor: bigint;
  quantity_value: string | null;
  quantity_unit: string | null;
  evidence: string;
  note: string | null;
  status: string;
  recorded_by: string | null;
  recorded_at: string;
  decided_by: string | null;
  decided_at: string | null;
  reason: string | null;
  transaction_id: string | null;
  reversal_transaction_id: string | null;
}

export type StatusChangeRow = CommitmentStatusChangesTable;
export type AmendmentRow = CommitmentAmendmentsTable;

const COMMITMENT_COLUMNS = [
  'c.id', 'c.partnership_id', 'c.number', 'c.organisation_id', 'c.kind', 'c.status', 'c.description', 'c.currency', 'c.valuation_basis', 'c.quantity_value', 'c.quantity_unit',
  'c.tranches', 'c.conditions', 'c.goal_ids', 'c.decision_id', 'c.recipient_organisation_id', 'c.pledged_on', 'c.created_by', 'c.created_at', 'c.updated_at',
] as const;
const DELIVERY_COLUMNS = [
  'd.id', 'd.partnership_id', 'd.commitment_id', 'd.organisation_id', 'd.number', 'd.on_date', 'd.currency', 'd.quantity_value', 'd.quantity_unit', 'd.evidence', 'd.note', 'd.status',
  'd.recorded_by', 'd.recorded_at', 'd.decided_by', 'd.decided_at', 'd.reason', 'd.transaction_id', 'd.reversal_transaction_id',
] as const;

const selectCommitments = (db: Db) => db.selectFrom('commitments as c').select([...COMMITMENT_COLUMNS, bigText('c.valuation_minor').as('valuation_minor')]);
const selectDeliveries = (db: Db) => db.selectFrom('deliveries as d').select([...DELIVERY_COLUMNS, bigText('d.value_minor').as('value_minor')]);
type RawCommitment = Omit<CommitmentRow, 'valuation_minor'> & { valuation_minor: string };
type RawDelivery = Omit<DeliveryRow, 'value_minor'> & { value_minor: string };
const toCommitment = (r: RawCommitment): CommitmentRow => ({ ...r, number: num(r.number), valuation_minor: toBig(r.valuation_minor) });
const toDelivery = (r: RawDelivery): DeliveryRow => ({ ...r, number: num(r.number), value_minor: toBig(r.value_minor) });

// ---- commitments --------------------------------------------------------------------------------

export async function nextCommitmentNumber(db: Db, partnershipId: string): Promise<number> {
  const r = await db.selectFrom('commitments').select((eb) => eb.fn.max('number').as('m')).where('partnership_id', '=', partnershipId).executeTakeFirst();
  return r?.m == null ? 1 : num(r.m) + 1;
}

export async function insertCommitment(db: Db, c: CommitmentRow): Promise<void> {
  await db.insertInto('commitments').values(c).execute();
}

export async function updateCommitment(db: Db, id: string, patch: Partial<Omit<CommitmentRow, 'id' | 'partnership_id' | 'number' | 'created_at'>>): Promise<void> {
  await db.updateTable('commitments').set(patch).where('id', '=', id).execute();
}

export async function findCommitment(db: Db, partnershipId: string, id: string): Promise<CommitmentRow | null> {
  const r = await selectCommitments(db).where('c.id', '=', id).where('c.partnership_id', '=', partnershipId).executeTakeFirst();
  return r ? toCommitment(r as RawCommitment) : null;
}

export async function commitmentsByIds(db: Db, ids: readonly string[]): Promise<CommitmentRow[]> {
  if (ids.length === 0) return [];
  return (await selectCommitments(db).where('c.id', 'in', [...ids]).execute()).map((r) => toCommitment(r as RawCommitment));
}

/** Every commitment of the partnership that is not cancelled or withdrawn (for due items). */
export async function openCommitments(db: Db, partnershipId: string): Promise<CommitmentRow[]> {
  const rows = await selectCommitments(db).where('c.partnership_id', '=', partnershipId).where('c.status', 'not in', ['cancelled', 'withdrawn']).orderBy('c.number').execute();
  return rows.map((r) => toCommitment(r as RawCommitment));
}

/** A page of a partnership's commitments, newest first (keyset on the per-partnership number). */
export async function pageCommitments(db: Db, partnershipId: string, f: { organisationId?: string; kind?: string; status?: string; cursor?: string; limit: number }) {
  let q = selectCommitments(db).where('c.partnership_id', '=', partnershipId);
  if (f.organisationId) q = q.where('c.organisation_id', '=', f.organisationId);
  if (f.kind) q = q.where('c.kind', '=', f.kind);
  if (f.status) q = q.where('c.status', '=', f.status);
  if (f.cursor) q = q.where('c.number', '<', cursorNumber(f.cursor));
  const rows = (await q.orderBy('c.number', 'desc').limit(f.limit + 1).execute()).map((r) => toCommitment(r as RawCommitment));
  const items = rows.slice(0, f.limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > f.limit && last ? encodeCursor(last.number, last.id) : null };
}

function cursorNumber(cursor: string): number {
  const n = Number(decodeCursor(cursor)[0]);
  if (!Number.isInteger(n)) throw new DomainError('bad_request', 'The cursor is not one this server gave out', [{ field: 'cursor', message: 'Invalid cursor' }]);
  return n;
}

export async function insertStatusChange(db: Db, row: StatusChangeRow): Promise<void> {
  await db.insertInto('commitment_status_changes').values(row).execute();
}

export async function statusChangesOf(db: Db, commitmentId: string): Promise<StatusChangeRow[]> {
  return db.selectFrom('commitment_status_changes').selectAll().where('commitment_id', '=', commitmentId).orderBy('at').orderBy('id').execute();
}

export async function insertAmendment(db: Db, row: AmendmentRow): Promise<void> {
  await db.insertInto('commitment_amendments').values(row).execute();
}

export async function amendmentsOf(db: Db, commitmentId: string): Promise<AmendmentRow[]> {
  return db.selectFrom('commitment_amendments').selectAll().where('commitment_id', '=', commitmentId).orderBy('at').orderBy('id').execute();
}

// ---- deliveries ---------------------------------------------------------------------------------

export async function nextDeliveryNumber(db: Db, partnershipId: string): Promise<number> {
  const r = await db.selectFrom('deliveries').select((eb) => eb.fn.max('number').as('m')).where('partnership_id', '=', partnershipId).executeTakeFirst();
  return r?.m == null ? 1 : num(r.m) + 1;
}

export async function insertDelivery(db: Db, d: DeliveryRow): Promise<void> {
  await db.insertInto('deliveries').values(d).execute();
}

export async function updateDelivery(db: Db, id: string, patch: Partial<Pick<DeliveryRow, 'status' | 'decided_by' | 'decided_at' | 'reason' | 'transaction_id' | 'reversal_transaction_id'>>): Promise<void> {
  await db.updateTable('deliveries').set(patch).where('id', '=', id).execute();
}

export async function findDelivery(db: Db, partnershipId: string, id: string): Promise<DeliveryRow | null> {
  const r = await selectDeliveries(db).where('d.id', '=', id).where('d.partnership_id', '=', partnershipId).executeTakeFirst();
  return r ? toDelivery(r as RawDelivery) : null;
}

/** The deliveries of these commitments, in order (one query for a page of commitments). */
export async function deliveriesOf(db: Db, commitmentIds: readonly string[], statuses?: readonly string[]): Promise<DeliveryRow[]> {
  if (commitmentIds.length === 0) return [];
  let q = selectDeliveries(db).where('d.commitment_id', 'in', [...commitmentIds]);
  if (statuses) q = q.where('d.status', 'in', [...statuses]);
  return (await q.orderBy('d.commitment_id').orderBy('d.number').execute()).map((r) => toDelivery(r as RawDelivery));
}

/** A page of deliveries of a partnership (or of one commitment), newest first. */
export async function pageDeliveries(db: Db, partnershipId: string, f: { commitmentId?: string; organisationId?: string; status?: string; cursor?: string; limit: number }) {
  let q = selectDeliveries(db).where('d.partnership_id', '=', partnershipId);
  if (f.commitmentId) q = q.where('d.commitment_id', '=', f.commitmentId);
  if (f.organisationId) q = q.where('d.organisation_id', '=', f.organisationId);
  if (f.status) q = q.where('d.status', '=', f.status);
  if (f.cursor) q = q.where('d.number', '<', cursorNumber(f.cursor));
  const rows = (await q.orderBy('d.number', 'desc').limit(f.limit + 1).execute()).map((r) => toDelivery(r as RawDelivery));
  const items = rows.slice(0, f.limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > f.limit && last ? encodeCursor(last.number, last.id) : null };
}
