import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema';
import { decodeCursor, encodeCursor, likeEscape, searchForm } from '../pagination';

type Db = Kysely<DB>;

// Charters -------------------------------------------------------------------------------------------------------

export async function currentCharter(db: Db, partnershipId: string) {
  return db.selectFrom('charters').selectAll().where('partnership_id', '=', partnershipId).orderBy('version', 'desc').limit(1).executeTakeFirst();
}
export async function charterVersion(db: Db, partnershipId: string, version: number) {
  return db.selectFrom('charters').selectAll().where('partnership_id', '=', partnershipId).where('version', '=', version).executeTakeFirst();
}
export async function charterVersions(db: Db, partnershipId: string) {
  return db
    .selectFrom('charters as c')
    .leftJoin('users as u', 'u.id', 'c.adopted_by')
    .select(['c.version', 'c.adopted_at', 'c.adopted_by', 'u.name as adopted_by_name', 'c.template_id', 'c.decision_id', 'c.note'])
    .where('c.partnership_id', '=', partnershipId)
    .orderBy('c.version', 'desc')
    .execute();
}
export async function insertCharter(db: Db, row: DB['charters']): Promise<void> {
  await db.insertInto('charters').values(row).execute();
}

// Decisions ------------------------------------------------------------------------------------------------------

export async function nextDecisionNumber(db: Db, partnershipId: string): Promise<number> {
  const r = await db.selectFrom('decisions').select((eb) => eb.fn.max('number').as('n')).where('partnership_id', '=', partnershipId).executeTakeFirst();
  return Number(r?.n ?? 0) + 1;
}
export async function insertDecision(db: Db, row: Omit<DB['decisions'], 'search_title'>): Promise<void> {
  await db.insertInto('decisions').values({ ...row, search_title: searchForm(row.title) }).execute();
}
export async function findDecision(db: Db, partnershipId: string, id: string) {
  return db.selectFrom('decisions').selectAll().where('id', '=', id).where('partnership_id', '=', partnershipId).executeTakeFirst();
}
export async function updateDecision(db: Db, id: string, patch: Partial<Omit<DB['decisions'], 'search_title'>>): Promise<void> {
  await db.updateTable('decisions').set(patch.title === undefined ? patch : { ...patch, search_title: searchForm(patch.title) }).where('id', '=', id).execute();
}

/** Newest first, keyset on the per-partnership number. */
/** How a partnership's decisions can be ordered: by number (newest or oldest first) or by the end of the voting window. */
export const DECISION_SORTS = ['newest', 'oldest', 'closing'] as const;
export type DecisionSort = (typeof DECISION_SORTS)[number];

export interface DecisionFilter {
  status?: string;
  kind?: string;
  decisionType?: string;
  /** Words of the title (case-insensitive, wildcards taken literally). */
  q?: string;
  sort?: DecisionSort;
  cursor?: string;
  limit: number;
}

/** A page of a partnership's decisions (keyset pagination on the sort key, then the number). */
export async function pageDecisions(db: Db, partnershipId: string, f: DecisionFilter) {
  const sort = f.sort ?? 'newest';
  let q = db
    .selectFrom('decisions')
    .select(['id', 'number', 'kind', 'title', 'decision_type', 'status', 'opens_at', 'closes_at', 'closed_at', 'outcome_kind', 'grade', 'review_on'])
    .where('partnership_id', '=', partnershipId);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.decisionType) q = q.where('decision_type', '=', f.decisionType);
  if (f.q?.trim()) q = q.where(sql<boolean>`search_title like ${`%${likeEscape(searchForm(f.q))}%`} escape '\\'`);
  if (f.cursor) {
    const [v, n] = decodeCursor(f.cursor);
    if (sort === 'newest') q = q.where('number', '<', Number(v));
    else if (sort === 'oldest') q = q.where('number', '>', Number(v));
    else q = q.where((eb) => eb.or([eb('closes_at', '>', String(v)), eb.and([eb('closes_at', '=', String(v)), eb('number', '>', Number(n))])]));
  }
  q = sort === 'newest' ? q.orderBy('number', 'desc') : sort === 'oldest' ? q.orderBy('number', 'asc') : q.orderBy('closes_at', 'asc').orderBy('number', 'asc');
  const rows = await q.limit(f.limit + 1).execute();
  const items = rows.slice(0, f.limit);
  const last = items[items.length - 1];
  const next = !(rows.length > f.limit && last) ? null : sort === 'closing' ? encodeCursor(last.closes_at, String(last.number)) : encodeCursor(last.number, last.id);
  return { items, nextCursor: next };
}

/** Open decisions whose window has ended (the closing job's work list). */
export async function dueDecisions(db: Db, now: string, limit: number) {
  return db.selectFrom('decisions').select(['id', 'partnership_id']).where('status', '=', 'open').where('closes_at', '<=', now).orderBy('closes_at').limit(limit).execute();
}

/** Closed decisions of these partnerships whose review date has come (the convener's home page). */
export async function reviewsDue(db: Db, partnershipIds: readonly string[], today: string) {
  if (partnershipIds.length === 0) return [];
  return db
    .selectFrom('decisions')
    .select(['id', 'partnership_id', 'number', 'title', 'review_on'])
    .where('partnership_id', 'in', partnershipIds)
    .where('review_on', '<=', today)
    .where('status', '=', 'closed')
    .orderBy('review_on')
    .limit(50)
    .execute();
}

// Roll, seconds, proxies -------------------------------------------------------------------------------------------

export async function insertRoll(db: Db, rows: DB['decision_roll'][]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('decision_roll').values(rows.slice(i, i + 500)).execute();
}
export async function rollSeat(db: Db, decisionId: string, seatId: string) {
  return db.selectFrom('decision_roll').selectAll().where('decision_id', '=', decisionId).where('seat_id', '=', seatId).executeTakeFirst();
}
export async function setRecused(db: Db, decisionId: string, seatId: string, reason: string): Promise<void> {
  await db.updateTable('decision_roll').set({ recused: 1, recusal_reason: reason }).where('decision_id', '=', decisionId).where('seat_id', '=', seatId).execute();
}
export async function secondsOf(db: Db, decisionId: string) {
  return db
    .selectFrom('decision_seconds as s')
    .leftJoin('users as u', 'u.id', 's.user_id')
    .select(['s.seat_id', 's.user_id', 'u.name as user_name', 's.at'])
    .where('s.decision_id', '=', decisionId)
    .orderBy('s.at')
    .execute();
}
export async function insertSecond(db: Db, row: DB['decision_seconds']): Promise<void> {
  await db.insertInto('decision_seconds').values(row).execute();
}
export async function upsertProxy(db: Db, row: DB['decision_proxies']): Promise<void> {
  await db
    .insertInto('decision_proxies')
    .values(row)
    .onConflict((oc) => oc.columns(['decision_id', 'seat_id']).doUpdateSet({ holder_id: row.holder_id, granted_by: row.granted_by, at: row.at }))
    .execute();
}
export async function proxyOf(db: Db, decisionId: string, seatId: string) {
  return db.selectFrom('decision_proxies').selectAll().where('decision_id', '=', decisionId).where('seat_id', '=', seatId).executeTakeFirst();
}
/**
 * Holds a proxy row until commit (an update that changes nothing takes its row lock on PostgreSQL; SQLite writes one
 * transaction at a time): false when the proxy is gone, e.g. withdrawn by a transaction that committed meanwhile.
 */
export async function holdProxy(db: Db, decisionId: string, seatId: string, holderId: string): Promise<boolean> {
  const r = await db.updateTable('decision_proxies').set((eb) => ({ at: eb.ref('at') })).where('decision_id', '=', decisionId).where('seat_id', '=', seatId).where('holder_id', '=', holderId).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
export async function deleteProxy(db: Db, decisionId: string, seatId: string): Promise<void> {
  await db.deleteFrom('decision_proxies').where('decision_id', '=', decisionId).where('seat_id', '=', seatId).execute();
}
/** The proxies in force in a decision, by seat (the first `limit`, or those of the seats named), with the seat's and the people's names. */
export async function proxiesOf(db: Db, decisionId: string, q: { limit: number; seats?: readonly string[] }) {
  if (q.seats && q.seats.length === 0) return [];
  let query = db
    .selectFrom('decision_proxies as x')
    .leftJoin('decision_roll as r', (j) => j.onRef('r.decision_id', '=', 'x.decision_id').onRef('r.seat_id', '=', 'x.seat_id'))
    .leftJoin('users as h', 'h.id', 'x.holder_id')
    .leftJoin('users as g', 'g.id', 'x.granted_by')
    .select(['x.seat_id', 'r.name as seat_name', 'x.holder_id', 'h.name as holder_name', 'x.granted_by', 'g.name as granted_by_name', 'x.at'])
    .where('x.decision_id', '=', decisionId);
  if (q.seats) query = query.where('x.seat_id', 'in', q.seats);
  return query.orderBy('x.seat_id').limit(q.limit).execute();
}

// Ballots --------------------------------------------------------------------------------------------------------

export async function findBallot(db: Db, decisionId: string, seatKey: string) {
  return db.selectFrom('ballots').selectAll().where('decision_id', '=', decisionId).where('seat_key', '=', seatKey).executeTakeFirst();
}
export async function upsertBallot(db: Db, row: DB['ballots']): Promise<void> {
  const { decision_id, seat_key, ...rest } = row;
  void decision_id; void seat_key;
  await db.insertInto('ballots').values(row).onConflict((oc) => oc.columns(['decision_id', 'seat_key']).doUpdateSet(rest)).execute();
}
export async function deleteBallot(db: Db, decisionId: string, seatKey: string): Promise<void> {
  await db.deleteFrom('ballots').where('decision_id', '=', decisionId).where('seat_key', '=', seatKey).execute();
}
export async function insertBallotHistory(db: Db, row: DB['ballot_history']): Promise<void> {
  await db.insertInto('ballot_history').values(row).execute();
}
export async function ballotsOf(db: Db, decisionId: string, page?: { after?: string; limit: number }) {
  let q = db
    .selectFrom('ballots as b')
    .leftJoin('users as u', 'u.id', 'b.cast_by')
    .leftJoin('decision_roll as r', (j) => j.onRef('r.decision_id', '=', 'b.decision_id').onRef('r.seat_id', '=', 'b.seat_key'))
    .select(['b.seat_key', 'r.name as seat_name', 'r.alternate_id', 'b.choice', 'b.reason', 'b.answer', 'b.cast_by', 'u.name as cast_by_name', 'b.by_proxy', 'b.cast_at', 'b.paramount', 'b.resolved'])
    .where('b.decision_id', '=', decisionId);
  if (page?.after !== undefined) q = q.where('b.seat_key', '>', page.after);
  q = q.orderBy('b.seat_key');
  return page ? q.limit(page.limit).execute() : q.execute();
}
export async function ballotsFor(db: Db, decisionId: string, seatKeys: readonly string[]) {
  if (seatKeys.length === 0) return [];
  return db.selectFrom('ballots').selectAll().where('decision_id', '=', decisionId).where('seat_key', 'in', seatKeys).execute();
}
export async function historyOf(db: Db, decisionId: string, seats: readonly string[], limit = 2000) {
  if (seats.length === 0) return [];
  return db
    .selectFrom('ballot_history as h')
    .leftJoin('users as u', 'u.id', 'h.cast_by')
    .select(['h.seat_id', 'h.choice', 'h.reason', 'h.cast_by', 'u.name as cast_by_name', 'h.at'])
    .where('h.decision_id', '=', decisionId)
    .where('h.seat_id', 'in', seats)
    .orderBy('h.at')
    .orderBy('h.id')
    .limit(limit)
    .execute();
}
export async function markParticipation(db: Db, decisionId: string, seatId: string, at: string): Promise<void> {
  await db.insertInto('decision_participation').values({ decision_id: decisionId, seat_id: seatId, first_at: at }).onConflict((oc) => oc.columns(['decision_id', 'seat_id']).doNothing()).execute();
}
export async function participationOf(db: Db, decisionId: string, page: { after?: string; limit: number }) {
  let q = db
    .selectFrom('decision_participation as p')
    .leftJoin('decision_roll as r', (j) => j.onRef('r.decision_id', '=', 'p.decision_id').onRef('r.seat_id', '=', 'p.seat_id'))
    .select(['p.seat_id', 'r.name as seat_name', 'p.first_at'])
    .where('p.decision_id', '=', decisionId);
  if (page.after !== undefined) q = q.where('p.seat_id', '>', page.after);
  return q.orderBy('p.seat_id').limit(page.limit).execute();
}

/**
 * The roll aggregated by cell: what counting needs, computed by the database (one row per group, weight, voting
 * and recusal; a covering index serves it).
 */
export async function rosterCells(db: Db, decisionId: string) {
  const [rows, presentRows] = await Promise.all([
    db
      .selectFrom('decision_roll')
      .select(['group_path', 'weight', 'voting', 'recused'])
      .select((eb) => eb.fn.countAll<number | string>().as('members'))
      .where('decision_id', '=', decisionId)
      .groupBy(['recused', 'group_path', 'weight', 'voting'])
      .execute(),
    // seats marked present count as present WITHOUT a ballot only while they have not taken part (rarely many rows)
    db
      .selectFrom('decision_roll as r')
      .select(['r.group_path', 'r.weight', 'r.voting', 'r.recused'])
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('r.decision_id', '=', decisionId)
      .where('r.present', '=', 1)
      .where((eb) => eb.not(eb.exists(eb.selectFrom('decision_participation as p').select('p.seat_id').whereRef('p.decision_id', '=', 'r.decision_id').whereRef('p.seat_id', '=', 'r.seat_id'))))
      .groupBy(['r.recused', 'r.group_path', 'r.weight', 'r.voting'])
      .execute(),
  ]);
  const key = (r: { group_path: string | null; weight: string | null; voting: number; recused: number }) => JSON.stringify([r.group_path, r.weight, Number(r.voting), Number(r.recused)]);
  const present = new Map(presentRows.map((r) => [key(r), Number(r.n)]));
  return rows.map((r) => ({ group: r.group_path, weight: r.weight, voting: Number(r.voting) === 1, recused: Number(r.recused) === 1, members: Number(r.members), present: present.get(key(r)) ?? 0 }));
}

/** The ballots aggregated by cell and choice, with the open paramount objections counted apart. */
export async function ballotCells(db: Db, decisionId: string) {
  const rows = await db
    .selectFrom('ballots')
    .select(['group_path', 'weight', 'choice'])
    .select((eb) => [
      eb.fn.countAll<number | string>().as('count'),
      eb.fn.sum<number | string>(sql`case when paramount = 1 and resolved = 0 then 1 else 0 end`).as('open'),
    ])
    .where('decision_id', '=', decisionId)
    .groupBy(['group_path', 'weight', 'choice'])
    .execute();
  return rows.map((r) => ({ group: r.group_path, weight: r.weight, choice: r.choice, count: Number(r.count), paramountOpen: Number(r.open ?? 0) }));
}

/** Up to `limit` ballots of these choices (the blocks and objections an explanation names). */
export async function ballotsWithChoices(db: Db, decisionId: string, choices: readonly string[], limit: number) {
  return db.selectFrom('ballots').select(['seat_key', 'choice', 'paramount', 'resolved', 'reason']).where('decision_id', '=', decisionId).where('choice', 'in', choices).orderBy('seat_key').limit(limit).execute();
}

/** Re-writes an anonymous decision's ballots in the order of their keys, so storage order says nothing of who voted when. */
export async function shuffleAnonymousBallots(db: Db, decisionId: string): Promise<void> {
  const rows = (await db.selectFrom('ballots').selectAll().where('decision_id', '=', decisionId).orderBy('seat_key').execute()).map((r) => ({ ...r, cast_by: null }));
  await db.deleteFrom('ballots').where('decision_id', '=', decisionId).execute();
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('ballots').values(rows.slice(i, i + 500)).execute();
}

// Comments -------------------------------------------------------------------------------------------------------

export async function insertComment(db: Db, row: DB['decision_comments']): Promise<void> {
  await db.insertInto('decision_comments').values(row).execute();
}
export async function pageComments(db: Db, decisionId: string, f: { cursor?: string; limit: number }) {
  let q = db
    .selectFrom('decision_comments as c')
    .leftJoin('users as u', 'u.id', 'c.author_id')
    .select(['c.id', 'c.author_id', 'u.name as author_name', 'c.body', 'c.created_at'])
    .where('c.decision_id', '=', decisionId);
  if (f.cursor) {
    const [v, id] = decodeCursor(f.cursor);
    q = q.where((eb) => eb.or([eb('c.created_at', '>', String(v)), eb.and([eb('c.created_at', '=', String(v)), eb('c.id', '>', id)])]));
  }
  const rows = await q.orderBy('c.created_at').orderBy('c.id').limit(f.limit + 1).execute();
  const items = rows.slice(0, f.limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > f.limit && last ? encodeCursor(last.created_at, last.id) : null };
}

export async function userNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Which of these organisations are current members of the partnership. */
export async function currentMemberOrganisations(db: Db, partnershipId: string, ids: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  const list = [...new Set(ids)];
  for (let i = 0; i < list.length; i += 500) {
    const rows = await db.selectFrom('partnership_members').select('organisation_id').where('partnership_id', '=', partnershipId).where('left_on', 'is', null).where('organisation_id', 'in', list.slice(i, i + 500)).execute();
    for (const r of rows) out.add(r.organisation_id);
  }
  return out;
}

/** Which of these users take part in the partnership (any role). */
export async function participants(db: Db, partnershipId: string, ids: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  const list = [...new Set(ids)];
  for (let i = 0; i < list.length; i += 500) {
    const rows = await db.selectFrom('partnership_people').select('user_id').where('partnership_id', '=', partnershipId).where('user_id', 'in', list.slice(i, i + 500)).execute();
    for (const r of rows) out.add(r.user_id);
  }
  return out;
}

/** Which of these users hold a role that takes part in decisions (convener, representative, member; not observer). */
export async function voters(db: Db, partnershipId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('partnership_people').select('user_id').where('partnership_id', '=', partnershipId).where('user_id', 'in', [...new Set(ids)]).where('role', 'in', ['convener', 'representative', 'member']).execute();
  return new Set(rows.map((r) => r.user_id));
}

/**
 * Open decisions of these partnerships where the person holds a voting seat (in person, as alternate, or as
 * their organisation's representative) that has not voted yet.
 */
export async function votesAwaited(db: Db, userId: string, partnershipIds: readonly string[], now: string) {
  if (partnershipIds.length === 0) return [];
  return db
    .selectFrom('decisions as d')
    .innerJoin('decision_roll as r', 'r.decision_id', 'd.id')
    .select(['d.id', 'd.partnership_id', 'd.number', 'd.title', 'd.closes_at'])
    .distinct()
    .where('d.partnership_id', 'in', partnershipIds)
    .where('d.status', '=', 'open')
    .where('d.opens_at', '<=', now)
    .where('d.closes_at', '>', now)
    .where('r.voting', '=', 1)
    .where('r.recused', '=', 0)
    .where((eb) =>
      eb.or([
        eb('r.person_id', '=', userId),
        eb('r.alternate_id', '=', userId),
        eb(
          'r.organisation_id',
          'in',
          eb.selectFrom('partnership_people as pp').select('pp.organisation_id').where('pp.user_id', '=', userId).where('pp.role', '=', 'representative').whereRef('pp.partnership_id', '=', 'd.partnership_id'),
        ),
      ]),
    )
    .where((eb) => eb.not(eb.exists(eb.selectFrom('decision_participation as x').select('x.seat_id').whereRef('x.decision_id', '=', 'd.id').whereRef('x.seat_id', '=', 'r.seat_id'))))
    .orderBy('d.closes_at')
    .limit(50)
    .execute();
}

/**
 * The roll seats a person may vote for: held in person, as alternate, through an organisation they represent, or
 * by proxy. Indexed lookups, so a ballot costs the same in a committee of five and an assembly of a million.
 */
export async function rollSeatsOf(db: Db, decisionId: string, who: { userId: string; organisations: readonly string[] }) {
  const proxied = await db.selectFrom('decision_proxies').select('seat_id').where('decision_id', '=', decisionId).where('holder_id', '=', who.userId).execute();
  const [personal, represented, held] = await Promise.all([
    db.selectFrom('decision_roll').selectAll().where('decision_id', '=', decisionId).where((eb) => eb.or([eb('person_id', '=', who.userId), eb('alternate_id', '=', who.userId)])).execute(),
    who.organisations.length ? db.selectFrom('decision_roll').selectAll().where('decision_id', '=', decisionId).where('organisation_id', 'in', who.organisations).execute() : Promise.resolve([]),
    proxied.length ? db.selectFrom('decision_roll').selectAll().where('decision_id', '=', decisionId).where('seat_id', 'in', proxied.map((p) => p.seat_id)).execute() : Promise.resolve([]),
  ]);
  return { personal, represented, held };
}

/** The first `limit` seats of the roll (by seat id), with whether each took part. */
export async function rollPage(db: Db, decisionId: string, limit: number) {
  return db
    .selectFrom('decision_roll as r')
    .leftJoin('decision_participation as p', (j) => j.onRef('p.decision_id', '=', 'r.decision_id').onRef('p.seat_id', '=', 'r.seat_id'))
    .selectAll('r')
    .select('p.first_at')
    .where('r.decision_id', '=', decisionId)
    .orderBy('r.seat_id')
    .limit(limit)
    .execute();
}

/** The proxies one person carries in a decision. */
export async function proxiesHeldBy(db: Db, decisionId: string, holderId: string) {
  return db
    .selectFrom('decision_proxies as x')
    .innerJoin('decision_roll as r', (j) => j.onRef('r.decision_id', '=', 'x.decision_id').onRef('r.seat_id', '=', 'x.seat_id'))
    .select(['r.seat_id', 'r.group_path', 'r.voting'])
    .where('x.decision_id', '=', decisionId)
    .where('x.holder_id', '=', holderId)
    .execute();
}
