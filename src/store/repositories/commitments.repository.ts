/**
 * Commitments (pledges), their status history and amendments, and the deliveries made against them.
 * Amounts are read as exact text (see ledger.repository.ts) and returned as bigints.
 */
import { sql, type Kysely } from 'kysely';
import { msg } from '../../domain/kernel/messages';
import type { DB } from '../schema';
import type { CommitmentAmendmentsTable, CommitmentStatusChangesTable, CommitmentsTable, DeliveriesTable } from '../schema-ledger';
import { decodeCursor, encodeCursor } from '../pagination';
import { preparedQuery } from '../prepared';
import { DomainError, issue } from '../../domain/kernel/errors';
import { bigText, toBig } from './ledger.repository';

type Db = Kysely<DB>;
const num = (v: unknown): number => Number(v);

/** A commitment as read: the table's columns with its amount as an exact bigint. */
export type CommitmentRow = Omit<CommitmentsTable, 'valuation_minor'> & { valuation_minor: bigint };

/** A delivery as read: the table's columns with its value as an exact bigint. */
export type DeliveryRow = Omit<DeliveriesTable, 'value_minor'> & { value_minor: bigint };

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

// the reads of every delivery write, compiled once per dialect
const commitmentQuery = preparedQuery<{ partnershipId: string; id: string }, RawCommitment>((db, p) => selectCommitments(db).where('c.id', '=', p('id')).where('c.partnership_id', '=', p('partnershipId')));
const TOTALS_COLUMNS = ['confirmed_count', 'confirmed_quantity', 'pending_count', 'pending_quantity', 'tranche_dates'] as const;
type RawTotals = { t_commitment_id: string | null; t_confirmed_count: number | null; t_confirmed_quantity: string | null; t_pending_count: number | null; t_pending_quantity: string | null; t_tranche_dates: string | null; t_confirmed_minor: string | null; t_pending_minor: string | null };
const commitmentWithTotalsQuery = preparedQuery<{ partnershipId: string; id: string }, RawCommitment & RawTotals>((db, p) =>
  selectCommitments(db)
    .leftJoin('commitment_totals as t', 't.commitment_id', 'c.id')
    .select(['t.commitment_id as t_commitment_id', ...TOTALS_COLUMNS.map((k) => `t.${k} as t_${k}` as const), bigText('t.confirmed_minor').as('t_confirmed_minor'), bigText('t.pending_minor').as('t_pending_minor')])
    .where('c.id', '=', p('id'))
    .where('c.partnership_id', '=', p('partnershipId')),
);
const deliveryQuery = preparedQuery<{ partnershipId: string; id: string }, RawDelivery>((db, p) => selectDeliveries(db).where('d.id', '=', p('id')).where('d.partnership_id', '=', p('partnershipId')));

export async function findCommitment(db: Db, partnershipId: string, id: string): Promise<CommitmentRow | null> {
  const [r] = await commitmentQuery(db, { partnershipId, id });
  return r ? toCommitment(r) : null;
}

/** A commitment with its running totals, in one query; `totals` is null for a commitment without a row. */
export async function findCommitmentWithTotals(db: Db, partnershipId: string, id: string): Promise<{ row: CommitmentRow; totals: CommitmentTotalsRow | null } | null> {
  const [r] = await commitmentWithTotalsQuery(db, { partnershipId, id });
  if (!r) return null;
  const { t_commitment_id, t_confirmed_count, t_confirmed_quantity, t_pending_count, t_pending_quantity, t_tranche_dates, t_confirmed_minor, t_pending_minor, ...c } = r;
  const totals: CommitmentTotalsRow | null =
    t_commitment_id === null
      ? null
      : {
          commitment_id: t_commitment_id, confirmed_count: num(t_confirmed_count), confirmed_minor: toBig(t_confirmed_minor), confirmed_quantity: t_confirmed_quantity!,
          pending_count: num(t_pending_count), pending_minor: toBig(t_pending_minor), pending_quantity: t_pending_quantity!, tranche_dates: t_tranche_dates!,
        };
  return { row: toCommitment(c), totals };
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
  if (!Number.isInteger(n)) throw new DomainError('bad_request', msg('cursor.invalid'), [issue('cursor', msg('cursor.invalid_short'))]);
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

// one seek of the unique index (partnership_id, number) on both databases
const lastDeliveryNumber = preparedQuery<{ partnershipId: string }, { m: number | string | null }>((db, p) =>
  db.selectFrom('deliveries').select((eb) => eb.fn.max('number').as('m')).where('partnership_id', '=', p('partnershipId')),
);

export async function nextDeliveryNumber(db: Db, partnershipId: string): Promise<number> {
  const [r] = await lastDeliveryNumber(db, { partnershipId });
  return r?.m == null ? 1 : num(r.m) + 1;
}

const DELIVERY_FIELDS = [
  'id', 'partnership_id', 'commitment_id', 'organisation_id', 'number', 'on_date', 'currency', 'value_minor', 'quantity_value', 'quantity_unit', 'evidence', 'note', 'status',
  'recorded_by', 'recorded_at', 'decided_by', 'decided_at', 'reason', 'transaction_id', 'reversal_transaction_id',
] as const satisfies readonly (keyof DeliveryRow)[];
// compiled once per dialect; run only inside a unit of work (a transaction), never on the read-only connection
const deliveryInsert = preparedQuery<DeliveryRow & Record<string, unknown>, never>((db, p) =>
  db.insertInto('deliveries').values(Object.fromEntries(DELIVERY_FIELDS.map((k) => [k, p(k)])) as unknown as DeliveryRow),
);

/** Inserts a delivery (in a transaction). */
export async function insertDelivery(db: Db, d: DeliveryRow): Promise<void> {
  await deliveryInsert(db, d as DeliveryRow & Record<string, unknown>);
}

export async function updateDelivery(db: Db, id: string, patch: Partial<Pick<DeliveryRow, 'status' | 'decided_by' | 'decided_at' | 'reason' | 'transaction_id' | 'reversal_transaction_id'>>): Promise<void> {
  await db.updateTable('deliveries').set(patch).where('id', '=', id).execute();
}

export async function findDelivery(db: Db, partnershipId: string, id: string): Promise<DeliveryRow | null> {
  const [r] = await deliveryQuery(db, { partnershipId, id });
  return r ? toDelivery(r) : null;
}

/** The deliveries of these commitments, in order (one query for a page of commitments). */
export async function deliveriesOf(db: Db, commitmentIds: readonly string[], statuses?: readonly string[]): Promise<DeliveryRow[]> {
  if (commitmentIds.length === 0) return [];
  let q = selectDeliveries(db).where('d.commitment_id', 'in', [...commitmentIds]);
  if (statuses) q = q.where('d.status', 'in', [...statuses]);
  return (await q.orderBy('d.commitment_id').orderBy('d.number').execute()).map((r) => toDelivery(r as RawDelivery));
}

/** The confirmed value per day of a commitment's deliveries dated `from` or later ('' for all): what a tranche date needs. */
export async function confirmedDays(db: Db, commitmentId: string, from: string): Promise<{ on: string; value: bigint }[]> {
  let q = db
    .selectFrom('deliveries')
    .select(['on_date', sql<string>`cast(sum(value_minor) as text)`.as('minor')])
    .where('commitment_id', '=', commitmentId)
    .where('status', '=', 'confirmed');
  if (from) q = q.where('on_date', '>=', from);
  return (await q.groupBy('on_date').execute()).map((r) => ({ on: r.on_date, value: toBig(r.minor) }));
}

// ---- running totals -----------------------------------------------------------------------------

/** The running totals of a commitment's deliveries (commitment_totals), amounts as bigints. */
export interface CommitmentTotalsRow {
  commitment_id: string;
  confirmed_count: number;
  confirmed_minor: bigint;
  confirmed_quantity: string;
  pending_count: number;
  pending_minor: bigint;
  pending_quantity: string;
  tranche_dates: string;
}

/** The stored totals of these commitments (one query); a commitment without a row is left out. */
export async function totalsOfCommitments(db: Db, commitmentIds: readonly string[]): Promise<CommitmentTotalsRow[]> {
  if (commitmentIds.length === 0) return [];
  const rows = await db
    .selectFrom('commitment_totals')
    .select(['commitment_id', 'confirmed_count', 'confirmed_quantity', 'pending_count', 'pending_quantity', 'tranche_dates', bigText('confirmed_minor').as('confirmed_minor'), bigText('pending_minor').as('pending_minor')])
    .where('commitment_id', commitmentIds.length === 1 ? '=' : 'in', commitmentIds.length === 1 ? commitmentIds[0] : [...commitmentIds])
    .execute();
  return rows.map((r) => ({ ...r, confirmed_count: num(r.confirmed_count), pending_count: num(r.pending_count), confirmed_minor: toBig(r.confirmed_minor), pending_minor: toBig(r.pending_minor) }));
}

const TOTALS_FIELDS = ['commitment_id', 'confirmed_count', 'confirmed_minor', 'confirmed_quantity', 'pending_count', 'pending_minor', 'pending_quantity', 'tranche_dates'] as const satisfies readonly (keyof CommitmentTotalsRow)[];
// compiled once per dialect; run only inside a unit of work (a transaction), never on the read-only connection
const totalsUpsert = preparedQuery<CommitmentTotalsRow & Record<string, unknown>, never>((db, p) =>
  db
    .insertInto('commitment_totals')
    .values(Object.fromEntries(TOTALS_FIELDS.map((k) => [k, p(k)])) as unknown as CommitmentTotalsRow)
    .onConflict((oc) => oc.column('commitment_id').doUpdateSet((eb) => Object.fromEntries(TOTALS_FIELDS.slice(1).map((k) => [k, eb.ref(`excluded.${k}`)])))),
);

/** Writes a commitment's totals (inserted the first time, replaced after), in a transaction. */
export async function saveTotals(db: Db, row: CommitmentTotalsRow): Promise<void> {
  await totalsUpsert(db, row as CommitmentTotalsRow & Record<string, unknown>);
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
