import type { Kysely } from 'kysely';
import { msg } from '../../domain/kernel/messages';
import type { DB } from '../schema';
import type { RiskActionsTable, RiskChangesTable, RiskLinksTable, RiskReviewsTable, RisksTable, RiskSharesTable } from '../schema-risks';
import { decodeCursor, encodeCursor } from '../pagination';
import { DomainError, issue } from '../../domain/kernel/errors';

export type RiskRow = RisksTable;
export type RiskShareRow = RiskSharesTable & { organisation_name: string | null };
export type RiskActionRow = RiskActionsTable & { owner_organisation_name: string; owner_person_name: string | null };
export type RiskReviewRow = RiskReviewsTable & { reviewed_by_name: string | null };
export type RiskLinkRow = RiskLinksTable;
export type RiskChangeRow = RiskChangesTable & { actor_name: string | null };

const num = (v: unknown): number => Number(v);
const numOrNull = (v: unknown): number | null => (v == null ? null : Number(v));
/** PostgreSQL and SQLite agree on text; integers are normalised to numbers. */
const toRisk = (r: RisksTable): RiskRow => ({ ...r, number: num(r.number), likelihood: num(r.likelihood), impact: num(r.impact), score: num(r.score), version: num(r.version) });
const badCursor = () => new DomainError('bad_request', msg('cursor.invalid'), [issue('cursor', msg('cursor.invalid_short'))]);

// Writes -----------------------------------------------------------------------------------------

export async function insertRisk(db: Kysely<DB>, r: RiskRow): Promise<void> {
  await db.insertInto('risks').values(r).execute();
}

/**
 * Writes a new state of the risk if it is still at `expectedVersion` (optimistic concurrency): the number of
 * rows changed is 0 when someone else changed it first.
 */
export async function updateRiskAt(db: Kysely<DB>, id: string, expectedVersion: number, patch: Partial<Omit<RiskRow, 'id' | 'partnership_id' | 'number' | 'created_at' | 'created_by'>>): Promise<number> {
  const r = await db.updateTable('risks').set(patch).where('id', '=', id).where('version', '=', expectedVersion).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** The next number of a risk in this partnership (call with the partnership row locked). */
export async function nextRiskNumber(db: Kysely<DB>, partnershipId: string): Promise<number> {
  const r = await db.selectFrom('risks').select((eb) => eb.fn.max('number').as('m')).where('partnership_id', '=', partnershipId).executeTakeFirst();
  return r?.m == null ? 1 : num(r.m) + 1;
}

export async function replaceShares(db: Kysely<DB>, riskId: string, partnershipId: string, shares: readonly { party: string; organisationId: string | null; percent: string }[]): Promise<void> {
  await db.deleteFrom('risk_shares').where('risk_id', '=', riskId).execute();
  if (shares.length) {
    await db
      .insertInto('risk_shares')
      .values(shares.map((s, position) => ({ risk_id: riskId, partnership_id: partnershipId, position, party: s.party, organisation_id: s.organisationId, percent: s.percent })))
      .execute();
  }
}

export async function replaceLinks(db: Kysely<DB>, riskId: string, partnershipId: string, kind: 'decision' | 'commitment', ids: readonly string[]): Promise<void> {
  await db.deleteFrom('risk_links').where('risk_id', '=', riskId).where('kind', '=', kind).execute();
  if (ids.length) await db.insertInto('risk_links').values(ids.map((target_id, position) => ({ risk_id: riskId, partnership_id: partnershipId, kind, target_id, position }))).execute();
}

export async function insertAction(db: Kysely<DB>, a: RiskActionsTable): Promise<void> {
  await db.insertInto('risk_actions').values(a).execute();
}
export async function updateAction(db: Kysely<DB>, id: string, patch: Partial<Omit<RiskActionsTable, 'id' | 'risk_id' | 'partnership_id' | 'created_at'>>): Promise<void> {
  await db.updateTable('risk_actions').set(patch).where('id', '=', id).execute();
}

export async function insertReview(db: Kysely<DB>, r: RiskReviewsTable): Promise<void> {
  await db.insertInto('risk_reviews').values(r).execute();
}
export async function updateReview(db: Kysely<DB>, id: string, patch: Partial<Omit<RiskReviewsTable, 'id' | 'risk_id' | 'partnership_id' | 'created_at'>>): Promise<void> {
  await db.updateTable('risk_reviews').set(patch).where('id', '=', id).execute();
}
/** Drops the reviews of a risk that are planned and not yet held (a new plan replaces them). */
export async function deletePlannedReviews(db: Kysely<DB>, riskId: string): Promise<void> {
  await db.deleteFrom('risk_reviews').where('risk_id', '=', riskId).where('done_on', 'is', null).execute();
}

export async function insertChange(db: Kysely<DB>, c: RiskChangesTable): Promise<void> {
  await db.insertInto('risk_changes').values(c).execute();
}

// Reads ------------------------------------------------------------------------------------------

export async function findRisk(db: Kysely<DB>, partnershipId: string, id: string): Promise<RiskRow | null> {
  const r = await db.selectFrom('risks').selectAll().where('id', '=', id).where('partnership_id', '=', partnershipId).executeTakeFirst();
  return r ? toRisk(r) : null;
}

export interface RiskFilter {
  status?: string;
  category?: string;
  /** Scores from..to (a band). */
  scores?: { from: number; to: number };
  owner?: string;
  sort: 'number' | 'score';
  order: 'asc' | 'desc';
  cursor?: string;
  limit: number;
}

/**
 * A page of a partnership's risks, keyset on (number) or (score, number): the per-partnership number is
 * unique, so it breaks ties. A band filter is a score range and uses the (partnership_id, score, number) index.
 */
export async function pageRisks(db: Kysely<DB>, partnershipId: string, f: RiskFilter) {
  let q = db.selectFrom('risks').selectAll().where('partnership_id', '=', partnershipId);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.category) q = q.where('category', '=', f.category);
  if (f.owner) q = q.where('owner_organisation_id', '=', f.owner);
  if (f.scores) q = q.where('score', '>=', f.scores.from).where('score', '<=', f.scores.to);
  const after = f.order === 'desc' ? '<' : '>';
  if (f.cursor) {
    const [v] = decodeCursor(f.cursor);
    if (f.sort === 'number') {
      const n = Number(v);
      if (typeof v !== 'number' || !Number.isInteger(n)) throw badCursor();
      q = q.where('number', after, n);
    } else {
      const m = typeof v === 'string' ? /^(\d{1,2}):(\d{1,15})$/.exec(v) : null;
      if (!m) throw badCursor();
      const [score, n] = [Number(m[1]), Number(m[2])];
      q = q.where((eb) => eb.or([eb('score', after, score), eb.and([eb('score', '=', score), eb('number', after, n)])]));
    }
  }
  if (f.sort === 'score') q = q.orderBy('score', f.order);
  const rows = (await q.orderBy('number', f.order).limit(f.limit + 1).execute()).map(toRisk);
  const items = rows.slice(0, f.limit);
  const last = items[items.length - 1];
  const cursorOf = (r: RiskRow) => encodeCursor(f.sort === 'number' ? r.number : `${r.score}:${r.number}`, r.id);
  return { items, nextCursor: rows.length > f.limit && last ? cursorOf(last) : null };
}

/** The shares of these risks with their organisations' names, in order (one query for a page). */
export async function sharesOf(db: Kysely<DB>, riskIds: readonly string[]): Promise<RiskShareRow[]> {
  if (riskIds.length === 0) return [];
  const rows = await db
    .selectFrom('risk_shares as s')
    .leftJoin('organisations as o', 'o.id', 's.organisation_id')
    .selectAll('s')
    .select('o.name as organisation_name')
    .where('s.risk_id', 'in', [...riskIds])
    .orderBy('s.risk_id')
    .orderBy('s.position')
    .execute();
  return rows.map((r) => ({ ...r, position: num(r.position) }));
}

/** The mitigation actions of these risks with their owners' names, by due day. */
export async function actionsOf(db: Kysely<DB>, riskIds: readonly string[]): Promise<RiskActionRow[]> {
  if (riskIds.length === 0) return [];
  return db
    .selectFrom('risk_actions as a')
    .innerJoin('organisations as o', 'o.id', 'a.owner_organisation_id')
    .leftJoin('users as u', 'u.id', 'a.owner_person_id')
    .selectAll('a')
    .select(['o.name as owner_organisation_name', 'u.name as owner_person_name'])
    .where('a.risk_id', 'in', [...riskIds])
    .orderBy('a.risk_id')
    .orderBy('a.due_on')
    .orderBy('a.id')
    .execute();
}

export async function findAction(db: Kysely<DB>, riskId: string, id: string): Promise<RiskActionsTable | null> {
  return (await db.selectFrom('risk_actions').selectAll().where('id', '=', id).where('risk_id', '=', riskId).executeTakeFirst()) ?? null;
}

/** The reviews of these risks (held and planned), by due day. */
export async function reviewsOf(db: Kysely<DB>, riskIds: readonly string[]): Promise<RiskReviewRow[]> {
  if (riskIds.length === 0) return [];
  const rows = await db
    .selectFrom('risk_reviews as r')
    .leftJoin('users as u', 'u.id', 'r.reviewed_by')
    .selectAll('r')
    .select('u.name as reviewed_by_name')
    .where('r.risk_id', 'in', [...riskIds])
    .orderBy('r.risk_id')
    .orderBy('r.due_on')
    .orderBy('r.id')
    .execute();
  return rows.map((r) => ({ ...r, likelihood: numOrNull(r.likelihood), impact: numOrNull(r.impact) }));
}

export async function linksOf(db: Kysely<DB>, riskIds: readonly string[]): Promise<RiskLinkRow[]> {
  if (riskIds.length === 0) return [];
  const rows = await db.selectFrom('risk_links').selectAll().where('risk_id', 'in', [...riskIds]).orderBy('risk_id').orderBy('kind').orderBy('position').execute();
  return rows.map((r) => ({ ...r, position: num(r.position) }));
}

/** Versions of a risk, newest first (keyset on version). */
export async function pageChanges(db: Kysely<DB>, riskId: string, f: { cursor?: string; limit: number }) {
  let q = db.selectFrom('risk_changes as c').leftJoin('users as u', 'u.id', 'c.actor_id').selectAll('c').select('u.name as actor_name').where('c.risk_id', '=', riskId);
  if (f.cursor) {
    const [v] = decodeCursor(f.cursor);
    if (typeof v !== 'number' || !Number.isInteger(v)) throw badCursor();
    q = q.where('c.version', '<', v);
  }
  const rows = (await q.orderBy('c.version', 'desc').limit(f.limit + 1).execute()).map((r) => ({ ...r, version: num(r.version) }));
  const items = rows.slice(0, f.limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > f.limit && last ? encodeCursor(last.version, last.id) : null };
}

/** Id, number, title, ratings and status of the partnership's risks in these statuses: what the heat map needs. */
export async function heatRows(db: Kysely<DB>, partnershipId: string, statuses: readonly string[]) {
  if (statuses.length === 0) return [];
  const rows = await db
    .selectFrom('risks')
    .select(['id', 'number', 'title', 'likelihood', 'impact', 'status'])
    .where('partnership_id', '=', partnershipId)
    .where('status', 'in', [...statuses])
    .orderBy('number')
    .execute();
  return rows.map((r) => ({ ...r, number: num(r.number), likelihood: num(r.likelihood), impact: num(r.impact) }));
}

/** Open actions of live risks due before `today`, with what the overdue board shows of them. */
export async function lateActions(db: Kysely<DB>, partnershipId: string, today: string) {
  return db
    .selectFrom('risk_actions as a')
    .innerJoin('risks as r', 'r.id', 'a.risk_id')
    .innerJoin('organisations as o', 'o.id', 'a.owner_organisation_id')
    .leftJoin('users as u', 'u.id', 'a.owner_person_id')
    .select([
      'a.id', 'a.risk_id', 'a.description', 'a.owner_organisation_id', 'a.owner_person_id', 'a.due_on', 'a.done_on',
      'o.name as owner_organisation_name', 'u.name as owner_person_name', 'r.number as risk_number', 'r.title as risk_title', 'r.status as risk_status',
    ])
    .where('a.partnership_id', '=', partnershipId)
    .where('a.done_on', 'is', null)
    .where('a.due_on', '<', today)
    .where('r.status', '<>', 'closed')
    .execute();
}

/** Planned reviews of live risks due before `today`. */
export async function lateReviews(db: Kysely<DB>, partnershipId: string, today: string) {
  return db
    .selectFrom('risk_reviews as v')
    .innerJoin('risks as r', 'r.id', 'v.risk_id')
    .select(['v.id', 'v.risk_id', 'v.due_on', 'v.done_on', 'r.number as risk_number', 'r.title as risk_title', 'r.status as risk_status'])
    .where('v.partnership_id', '=', partnershipId)
    .where('v.done_on', 'is', null)
    .where('v.due_on', '<', today)
    .where('r.status', '<>', 'closed')
    .execute();
}

// References -------------------------------------------------------------------------------------

/** The organisations among these that are current members of the partnership. */
export async function currentMembers(db: Kysely<DB>, partnershipId: string, organisationIds: readonly string[]): Promise<Set<string>> {
  if (organisationIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('partnership_members')
    .select('organisation_id')
    .where('partnership_id', '=', partnershipId)
    .where('organisation_id', 'in', [...new Set(organisationIds)])
    .where('left_on', 'is', null)
    .execute();
  return new Set(rows.map((r) => r.organisation_id));
}

/** The people among these who take part in the partnership, with the organisations they belong to there. */
export async function partnershipPeople(db: Kysely<DB>, partnershipId: string, userIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (userIds.length === 0) return out;
  const rows = await db.selectFrom('partnership_people').select(['user_id', 'organisation_id']).where('partnership_id', '=', partnershipId).where('user_id', 'in', [...new Set(userIds)]).execute();
  for (const r of rows) {
    const orgs = out.get(r.user_id) ?? [];
    if (r.organisation_id && !orgs.includes(r.organisation_id)) orgs.push(r.organisation_id);
    out.set(r.user_id, orgs);
  }
  return out;
}

/** The decisions among these ids that belong to the partnership, with their numbers and titles. */
export async function decisionsIn(db: Kysely<DB>, partnershipId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('decisions').select(['id', 'number', 'title']).where('partnership_id', '=', partnershipId).where('id', 'in', [...new Set(ids)]).execute();
  return rows.map((r) => ({ id: r.id, number: num(r.number), title: r.title }));
}

/**
 * The commitments among these ids that belong to the partnership, with their numbers and descriptions.
 * The commitments table belongs to the ledger (migration 0005): it is read untyped so the register does not
 * depend on the ledger's table types.
 */
export async function commitmentsIn(db: Kysely<DB>, partnershipId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const rows: { id: string; number: unknown; description: string }[] = await (db as unknown as Kysely<any>)
    .selectFrom('commitments')
    .select(['id', 'number', 'description'])
    .where('partnership_id', '=', partnershipId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return rows.map((r) => ({ id: r.id, number: num(r.number), title: r.description }));
}

export async function organisationNames(db: Kysely<DB>, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('organisations').select(['id', 'name']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
