import { sql, type Kysely } from 'kysely';
import { msg } from '../../domain/kernel/messages';
import type { DB } from '../schema';
import type { DisputesTable, DisputeStepsTable } from '../schema-disputes';
import { decodeCursor, encodeCursor, likeEscape, searchForm } from '../pagination';
import { DomainError, issue } from '../../domain/kernel/errors';

/** A dispute as services see it: the search form is the store's, written with the subject. */
export type DisputeRow = Omit<DisputesTable, 'search_subject'>;
export type DisputeStepRow = DisputeStepsTable;
export interface PartyRow { dispute_id: string; organisation_id: string; organisation_name: string }

const num = (v: unknown): number => Number(v);
/** PostgreSQL and SQLite agree on text; integers are normalised to numbers. */
const toDispute = (r: DisputesTable): DisputeRow => ({ ...r, number: num(r.number) });
const toStep = (r: DisputeStepsTable): DisputeStepRow => ({ ...r, position: num(r.position), days: r.days == null ? null : num(r.days) });

// Writes -----------------------------------------------------------------------------------------

export async function insertDispute(db: Kysely<DB>, d: DisputeRow): Promise<void> {
  await db.insertInto('disputes').values({ ...d, search_subject: searchForm(d.subject) }).execute();
}
export async function updateDisputeRow(db: Kysely<DB>, id: string, patch: Partial<Omit<DisputeRow, 'id' | 'partnership_id' | 'number' | 'created_at'>>): Promise<void> {
  await db.updateTable('disputes').set(patch.subject === undefined ? patch : { ...patch, search_subject: searchForm(patch.subject) }).where('id', '=', id).execute();
}
export async function insertParties(db: Kysely<DB>, disputeId: string, organisationIds: readonly string[]): Promise<void> {
  if (organisationIds.length) await db.insertInto('dispute_parties').values(organisationIds.map((organisation_id) => ({ dispute_id: disputeId, organisation_id }))).execute();
}
export async function insertStep(db: Kysely<DB>, s: DisputeStepRow): Promise<void> {
  await db.insertInto('dispute_steps').values(s).execute();
}
export async function endStep(db: Kysely<DB>, id: string, endedOn: string, result: string): Promise<void> {
  await db.updateTable('dispute_steps').set({ ended_on: endedOn, result }).where('id', '=', id).execute();
}

/** The next number of a dispute in this partnership (call with the partnership row locked). */
export async function nextDisputeNumber(db: Kysely<DB>, partnershipId: string): Promise<number> {
  const r = await db.selectFrom('disputes').select((eb) => eb.fn.max('number').as('m')).where('partnership_id', '=', partnershipId).executeTakeFirst();
  return r?.m == null ? 1 : num(r.m) + 1;
}

// Reads ------------------------------------------------------------------------------------------

export async function findDispute(db: Kysely<DB>, partnershipId: string, id: string): Promise<DisputeRow | null> {
  const r = await db.selectFrom('disputes').selectAll().where('id', '=', id).where('partnership_id', '=', partnershipId).executeTakeFirst();
  return r ? toDispute(r) : null;
}

/** The parties of these disputes with their organisations' names, by name (one query for a page). */
export async function partiesOf(db: Kysely<DB>, disputeIds: readonly string[]): Promise<PartyRow[]> {
  if (disputeIds.length === 0) return [];
  return db
    .selectFrom('dispute_parties as dp')
    .innerJoin('organisations as o', 'o.id', 'dp.organisation_id')
    .select(['dp.dispute_id', 'dp.organisation_id', 'o.name as organisation_name'])
    .where('dp.dispute_id', 'in', [...disputeIds])
    .orderBy('o.search_name')
    .orderBy('dp.organisation_id')
    .execute();
}

/** The steps of these disputes in order (one query for a page). */
export async function stepsOf(db: Kysely<DB>, disputeIds: readonly string[]): Promise<DisputeStepRow[]> {
  if (disputeIds.length === 0) return [];
  const rows = await db.selectFrom('dispute_steps').selectAll().where('dispute_id', 'in', [...disputeIds]).orderBy('dispute_id').orderBy('position').execute();
  return rows.map(toStep);
}

/** A page of a partnership's disputes, newest first (keyset on the per-partnership number). */
export interface DisputeFilter {
  status?: string;
  /** Only disputes this member organisation is party to. */
  party?: string;
  /** Words of the subject (case-insensitive, wildcards taken literally). */
  q?: string;
  cursor?: string;
  limit: number;
}

export async function pageDisputes(db: Kysely<DB>, partnershipId: string, f: DisputeFilter) {
  let q = db.selectFrom('disputes').selectAll().where('partnership_id', '=', partnershipId);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.party) {
    const party = f.party;
    q = q.where((eb) => eb.exists(eb.selectFrom('dispute_parties').select('dispute_id').whereRef('dispute_parties.dispute_id', '=', 'disputes.id').where('organisation_id', '=', party)));
  }
  if (f.q?.trim()) q = q.where(sql<boolean>`search_subject like ${`%${likeEscape(searchForm(f.q))}%`} escape '\\'`);
  if (f.cursor) {
    const [v, id] = decodeCursor(f.cursor);
    const n = Number(v);
    if (!Number.isInteger(n)) throw new DomainError('bad_request', msg('cursor.invalid'), [issue('cursor', msg('cursor.invalid_short'))]);
    q = q.where((eb) => eb.or([eb('number', '<', n), eb.and([eb('number', '=', n), eb('id', '<', id)])]));
  }
  const rows = (await q.orderBy('number', 'desc').orderBy('id', 'desc').limit(f.limit + 1).execute()).map(toDispute);
  const items = rows.slice(0, f.limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > f.limit && last ? encodeCursor(last.number, last.id) : null };
}

/** Disputes per status in a partnership. */
export async function countByStatus(db: Kysely<DB>, partnershipId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('disputes')
    .select(['status', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('partnership_id', '=', partnershipId)
    .groupBy('status')
    .execute();
  return new Map(rows.map((r) => [r.status, num(r.n)]));
}

/** Opening and resolution dates of the resolved disputes of a partnership. */
export async function resolvedSpans(db: Kysely<DB>, partnershipId: string): Promise<{ opened_on: string; resolved_on: string }[]> {
  const rows = await db
    .selectFrom('disputes')
    .select(['opened_on', 'resolved_on'])
    .where('partnership_id', '=', partnershipId)
    .where('status', '=', 'resolved')
    .execute();
  return rows.filter((r): r is { opened_on: string; resolved_on: string } => r.resolved_on !== null);
}

/** Disputes still being worked on whose current step is past its due day. */
export async function countOverdue(db: Kysely<DB>, partnershipId: string, today: string): Promise<number> {
  const r = await db
    .selectFrom('disputes')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('partnership_id', '=', partnershipId)
    .where('status', 'in', ['open', 'escalated'])
    .where('step_due_on', '<', today)
    .executeTakeFirstOrThrow();
  return num(r.n);
}

/** Which of these organisations exist, and which of them are current members of the partnership. */
export async function membershipOf(db: Kysely<DB>, partnershipId: string, organisationIds: readonly string[]): Promise<{ existing: Set<string>; current: Set<string> }> {
  if (organisationIds.length === 0) return { existing: new Set(), current: new Set() };
  const ids = [...organisationIds];
  const [existing, current] = await Promise.all([
    db.selectFrom('organisations').select('id').where('id', 'in', ids).execute(),
    db.selectFrom('partnership_members').select('organisation_id').where('partnership_id', '=', partnershipId).where('organisation_id', 'in', ids).where('left_on', 'is', null).execute(),
  ]);
  return { existing: new Set(existing.map((r) => r.id)), current: new Set(current.map((r) => r.organisation_id)) };
}


export async function userName(db: Kysely<DB>, id: string | null): Promise<string | null> {
  if (!id) return null;
  const r = await db.selectFrom('users').select('name').where('id', '=', id).executeTakeFirst();
  return r?.name ?? null;
}
