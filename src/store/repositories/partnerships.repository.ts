import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { DB, PartnershipsTable } from '../schema';
import type { MemberRole, PartnershipModel, PersonRole, Stage, Visibility } from '../../domain/partnerships/partnership';
import type { Sector } from '../../domain/organisations/organisation';
import { decodeCursor, encodeCursor, likeEscape, searchForm } from '../pagination';
import { preparedQuery } from '../prepared';

export interface PartnershipRecord {
  id: string;
  name: string;
  purpose: string;
  model: PartnershipModel;
  visibility: Visibility;
  stage: Stage;
  startDate: string | null;
  endDate: string | null;
  countries: string[];
  sectors: Sector[];
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export const toPartnership = (r: PartnershipsTable): PartnershipRecord => ({
  id: r.id,
  name: r.name,
  purpose: r.purpose,
  model: r.model as PartnershipModel,
  visibility: r.visibility as Visibility,
  stage: r.stage as Stage,
  startDate: r.start_date,
  endDate: r.end_date,
  countries: JSON.parse(r.countries),
  sectors: JSON.parse(r.sectors),
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const toRow = (p: PartnershipRecord): PartnershipsTable => ({
  id: p.id, name: p.name, search_name: searchForm(p.name), purpose: p.purpose, model: p.model, visibility: p.visibility, stage: p.stage,
  start_date: p.startDate, end_date: p.endDate, countries: JSON.stringify(p.countries), sectors: JSON.stringify(p.sectors),
  created_by: p.createdBy, created_at: p.createdAt, updated_at: p.updatedAt,
});

async function replaceCountries(db: Kysely<DB>, id: string, countries: string[]) {
  await db.deleteFrom('partnership_countries').where('partnership_id', '=', id).execute();
  if (countries.length) await db.insertInto('partnership_countries').values(countries.map((country) => ({ partnership_id: id, country }))).execute();
}

export async function insertPartnership(db: Kysely<DB>, p: PartnershipRecord): Promise<void> {
  await db.insertInto('partnerships').values(toRow(p)).execute();
  await replaceCountries(db, p.id, p.countries);
}

export async function updatePartnershipRow(db: Kysely<DB>, p: PartnershipRecord): Promise<void> {
  const { id, created_at, created_by, ...rest } = toRow(p);
  void created_at;
  void created_by;
  await db.updateTable('partnerships').set(rest).where('id', '=', id).execute();
  await replaceCountries(db, p.id, p.countries);
}

const partnershipById = preparedQuery<{ id: string }, PartnershipsTable>((db, p) => db.selectFrom('partnerships').selectAll().where('id', '=', p('id')));
export async function findPartnership(db: Kysely<DB>, id: string): Promise<PartnershipRecord | null> {
  const [r] = await partnershipById(db, { id });
  return r ? toPartnership(r) : null;
}

export interface PartnershipSearch {
  q?: string;
  model?: PartnershipModel;
  stage?: Stage;
  country?: string;
  sector?: string;
  visibility?: 'public' | 'private';
  /** Who looks: a user id (public ones plus theirs), null for anonymous (public only), 'admin' (all). */
  viewer: string | null | 'admin';
  /** Only the partnerships this user takes part in. */
  mineOf?: string;
  sort: 'name' | '-name' | 'createdAt' | '-createdAt';
  cursor?: string;
  limit: number;
}

/** Keyset-paginated list of the partnerships the caller may see, with member counts in one query. */
export async function searchPartnerships(db: Kysely<DB>, s: PartnershipSearch) {
  const desc = s.sort.startsWith('-');
  const col = s.sort.endsWith('name') ? 'p.search_name' : 'p.created_at';
  let q = db
    .selectFrom('partnerships as p')
    .selectAll('p')
    .select((eb) =>
      eb
        .selectFrom('partnership_members as m')
        .select((e2) => e2.fn.countAll<string | number>().as('c'))
        .whereRef('m.partnership_id', '=', 'p.id')
        .where('m.left_on', 'is', null)
        .as('member_count'),
    );
  // participation is checked with EXISTS on the indexed (user_id, partnership_id), not an IN list of every
  // partnership of the person, so the query does not grow with them
  const takesPart = (uid: string) => (eb: ExpressionBuilder<DB & { p: PartnershipsTable }, 'p'>) =>
    eb.exists(eb.selectFrom('partnership_people as pp').select('pp.id').whereRef('pp.partnership_id', '=', 'p.id').where('pp.user_id', '=', uid));
  if (s.viewer !== 'admin') {
    const uid = s.viewer;
    q = q.where((eb) => (uid ? eb.or([eb('p.visibility', '=', 'public'), takesPart(uid)(eb)]) : eb('p.visibility', '=', 'public')));
  }
  if (s.mineOf) q = q.where((eb) => takesPart(s.mineOf!)(eb));
  if (s.q) q = q.where(sql<boolean>`p.search_name like ${`%${likeEscape(searchForm(s.q))}%`} escape '\\'`);
  if (s.model) q = q.where('p.model', '=', s.model);
  if (s.stage) q = q.where('p.stage', '=', s.stage);
  if (s.visibility) q = q.where('p.visibility', '=', s.visibility);
  // sectors is a JSON list of words from a closed set: the quoted word matches that element and no other
  if (s.sector) q = q.where('p.sectors', 'like', `%${JSON.stringify(s.sector)}%`);
  if (s.country) {
    const c = s.country;
    q = q.where((eb) => eb.exists(eb.selectFrom('partnership_countries as pc').select('pc.country').whereRef('pc.partnership_id', '=', 'p.id').where('pc.country', '=', c)));
  }
  if (s.cursor) {
    const [v, id] = decodeCursor(s.cursor);
    const op = desc ? '<' : '>';
    q = q.where((eb) => eb.or([eb(col, op, String(v)), eb.and([eb(col, '=', String(v)), eb('p.id', op, id)])]));
  }
  const rows = await q.orderBy(col, desc ? 'desc' : 'asc').orderBy('p.id', desc ? 'desc' : 'asc').limit(s.limit + 1).execute();
  const page = rows.slice(0, s.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({ ...toPartnership(r), memberCount: Number(r.member_count ?? 0) })),
    nextCursor: rows.length > s.limit && last ? encodeCursor(col === 'p.search_name' ? last.search_name : last.created_at, last.id) : null,
  };
}

// Goals ------------------------------------------------------------------------------------------

export interface GoalRecord { id: string; partnershipId: string; title: string; description: string | null; sdgs: string[]; position: number; createdAt: string; updatedAt: string }
const toGoal = (r: DB['goals']): GoalRecord => ({ id: r.id, partnershipId: r.partnership_id, title: r.title, description: r.description, sdgs: JSON.parse(r.sdgs), position: Number(r.position), createdAt: r.created_at, updatedAt: r.updated_at });

export async function insertGoal(db: Kysely<DB>, g: GoalRecord): Promise<void> {
  await db.insertInto('goals').values({ id: g.id, partnership_id: g.partnershipId, title: g.title, description: g.description, sdgs: JSON.stringify(g.sdgs), position: g.position, created_at: g.createdAt, updated_at: g.updatedAt }).execute();
}
export async function updateGoalRow(db: Kysely<DB>, g: GoalRecord): Promise<void> {
  await db.updateTable('goals').set({ title: g.title, description: g.description, sdgs: JSON.stringify(g.sdgs), updated_at: g.updatedAt }).where('id', '=', g.id).execute();
}
export async function deleteGoal(db: Kysely<DB>, id: string): Promise<void> {
  await db.deleteFrom('goals').where('id', '=', id).execute();
}
const goalsOf = preparedQuery<{ id: string }, DB['goals']>((db, p) => db.selectFrom('goals').selectAll().where('partnership_id', '=', p('id')).orderBy('position').orderBy('id'));
export async function listGoals(db: Kysely<DB>, partnershipId: string): Promise<GoalRecord[]> {
  return (await goalsOf(db, { id: partnershipId })).map(toGoal);
}
export async function findGoal(db: Kysely<DB>, partnershipId: string, id: string): Promise<GoalRecord | null> {
  const r = await db.selectFrom('goals').selectAll().where('id', '=', id).where('partnership_id', '=', partnershipId).executeTakeFirst();
  return r ? toGoal(r) : null;
}
/** How many goals each of these partnerships has (one grouped query). */
export async function goalCounts(db: Kysely<DB>, partnershipIds: string[]): Promise<Map<string, number>> {
  if (partnershipIds.length === 0) return new Map();
  const rows = await db.selectFrom('goals').select(['partnership_id', (eb) => eb.fn.countAll<string | number>().as('n')]).where('partnership_id', 'in', partnershipIds).groupBy('partnership_id').execute();
  return new Map(rows.map((r) => [r.partnership_id, Number(r.n)]));
}
export async function nextGoalPosition(db: Kysely<DB>, partnershipId: string): Promise<number> {
  const r = await db.selectFrom('goals').select((eb) => eb.fn.max('position').as('m')).where('partnership_id', '=', partnershipId).executeTakeFirst();
  return r?.m == null ? 0 : Number(r.m) + 1;
}

// Transitions ------------------------------------------------------------------------------------

export async function insertTransition(db: Kysely<DB>, t: DB['transitions']): Promise<void> {
  await db.insertInto('transitions').values(t).execute();
}
const transitionsOf = preparedQuery<{ id: string }, DB['transitions'] & { actor_name: string | null }>((db, p) =>
  db
    .selectFrom('transitions as t')
    .leftJoin('users as u', 'u.id', 't.actor_id')
    .selectAll('t')
    .select('u.name as actor_name')
    .where('t.partnership_id', '=', p('id'))
    .orderBy('t.at')
    .orderBy('t.id'),
);
export async function listTransitions(db: Kysely<DB>, partnershipId: string) {
  return transitionsOf(db, { id: partnershipId });
}

// Member organisations ---------------------------------------------------------------------------

export interface MemberRecord { id: string; partnershipId: string; organisationId: string; role: MemberRole; joinedOn: string; leftOn: string | null; createdAt: string; updatedAt: string }

export async function insertMember(db: Kysely<DB>, m: MemberRecord): Promise<void> {
  await db.insertInto('partnership_members').values({ id: m.id, partnership_id: m.partnershipId, organisation_id: m.organisationId, role: m.role, joined_on: m.joinedOn, left_on: m.leftOn, created_at: m.createdAt, updated_at: m.updatedAt }).execute();
}
export async function updateMemberRow(db: Kysely<DB>, m: MemberRecord): Promise<void> {
  await db.updateTable('partnership_members').set({ role: m.role, left_on: m.leftOn, updated_at: m.updatedAt }).where('id', '=', m.id).execute();
}
export async function findMember(db: Kysely<DB>, partnershipId: string, id: string): Promise<MemberRecord | null> {
  const r = await db.selectFrom('partnership_members').selectAll().where('id', '=', id).where('partnership_id', '=', partnershipId).executeTakeFirst();
  return r ? { id: r.id, partnershipId: r.partnership_id, organisationId: r.organisation_id, role: r.role as MemberRole, joinedOn: r.joined_on, leftOn: r.left_on, createdAt: r.created_at, updatedAt: r.updated_at } : null;
}
export async function findCurrentMembership(db: Kysely<DB>, partnershipId: string, organisationId: string) {
  return db.selectFrom('partnership_members').select('id').where('partnership_id', '=', partnershipId).where('organisation_id', '=', organisationId).where('left_on', 'is', null).executeTakeFirst();
}
export async function countCurrentConvenerMembers(db: Kysely<DB>, partnershipId: string): Promise<number> {
  const r = await db.selectFrom('partnership_members').select((eb) => eb.fn.countAll<string | number>().as('n')).where('partnership_id', '=', partnershipId).where('role', '=', 'convener').where('left_on', 'is', null).executeTakeFirstOrThrow();
  return Number(r.n);
}
const membersOf = preparedQuery<{ id: string }, { id: string; organisation_id: string; role: string; joined_on: string; left_on: string | null; name: string; sector: string; country: string | null }>((db, p) =>
  db
    .selectFrom('partnership_members as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select(['m.id', 'm.organisation_id', 'm.role', 'm.joined_on', 'm.left_on', 'o.name', 'o.sector', 'o.country'])
    .where('m.partnership_id', '=', p('id'))
    // current members first (left_on null), then those who left, newest departure first
    .orderBy(sql`case when m.left_on is null then 0 else 1 end`)
    .orderBy('m.left_on', 'desc')
    .orderBy('o.search_name'),
);
export async function listMembers(db: Kysely<DB>, partnershipId: string) {
  return membersOf(db, { id: partnershipId });
}

/** A keyset page condition: rows after (value, id) in this direction. */
const after = (col: string, idCol: string, desc: boolean, cursor: string) => {
  const [v, id] = decodeCursor(cursor);
  const op = desc ? '<' : '>';
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the builder of either list's query (members, people)
  return (eb: any) => eb.or([eb(col, op, String(v)), eb.and([eb(col, '=', String(v)), eb(idCol, op, id)])]);
};

/**
 * A page of member organisations sorted by name or date joined (either way; ties by id), filtered by status and
 * role (keyset on the sort value and id).
 */
export async function pageMembers(db: Kysely<DB>, partnershipId: string, f: { status: 'current' | 'left' | 'all'; role?: string; sort?: string; cursor?: string; limit: number }) {
  const sort = f.sort ?? 'name';
  const desc = sort.startsWith('-');
  const col = sort.endsWith('joinedOn') ? 'm.joined_on' : 'o.search_name';
  let q = db
    .selectFrom('partnership_members as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select(['m.id', 'm.organisation_id', 'm.role', 'm.joined_on', 'm.left_on', 'o.name', 'o.sector', 'o.country', 'o.search_name'])
    .where('m.partnership_id', '=', partnershipId);
  if (f.status === 'current') q = q.where('m.left_on', 'is', null);
  if (f.status === 'left') q = q.where('m.left_on', 'is not', null);
  if (f.role) q = q.where('m.role', '=', f.role);
  if (f.cursor) q = q.where(after(col, 'm.id', desc, f.cursor));
  const dir = desc ? 'desc' : 'asc';
  const rows = await q.orderBy(col, dir).orderBy('m.id', dir).limit(f.limit + 1).execute();
  const items = rows.slice(0, f.limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > f.limit && last ? encodeCursor(col === 'm.joined_on' ? last.joined_on : last.search_name, last.id) : null };
}

// People -----------------------------------------------------------------------------------------

export async function insertPerson(db: Kysely<DB>, p: DB['partnership_people']): Promise<void> {
  await db.insertInto('partnership_people').values(p).execute();
}
export async function findPerson(db: Kysely<DB>, partnershipId: string, id: string) {
  return db.selectFrom('partnership_people').selectAll().where('id', '=', id).where('partnership_id', '=', partnershipId).executeTakeFirst();
}
export async function findPersonRole(db: Kysely<DB>, partnershipId: string, userId: string, role: PersonRole) {
  return db.selectFrom('partnership_people').select('id').where('partnership_id', '=', partnershipId).where('user_id', '=', userId).where('role', '=', role).executeTakeFirst();
}
export async function deletePerson(db: Kysely<DB>, id: string): Promise<void> {
  await db.deleteFrom('partnership_people').where('id', '=', id).execute();
}
/** The roles one person holds, in any partnership, on behalf of one organisation. */
export async function rolesThrough(db: Kysely<DB>, userId: string, organisationId: string) {
  return db.selectFrom('partnership_people').selectAll().where('user_id', '=', userId).where('organisation_id', '=', organisationId).orderBy('partnership_id').orderBy('id').execute();
}
/** The roles people hold in a partnership on behalf of one organisation. */
export async function peopleThrough(db: Kysely<DB>, partnershipId: string, organisationId: string) {
  return db.selectFrom('partnership_people').selectAll().where('partnership_id', '=', partnershipId).where('organisation_id', '=', organisationId).orderBy('id').execute();
}
export async function countConveners(db: Kysely<DB>, partnershipId: string): Promise<number> {
  const r = await db.selectFrom('partnership_people').select((eb) => eb.fn.countAll<string | number>().as('n')).where('partnership_id', '=', partnershipId).where('role', '=', 'convener').executeTakeFirstOrThrow();
  return Number(r.n);
}
/** People of a partnership sorted by name or since when they hold the role (either way; ties by id), filtered by role. */
export async function listPeople(db: Kysely<DB>, partnershipId: string, f: { role?: string; sort?: string; cursor?: string; limit: number } = { limit: 10_000 }) {
  const sort = f.sort ?? 'name';
  const desc = sort.startsWith('-');
  const col = sort.endsWith('since') ? 'pp.created_at' : 'u.name';
  let q = db
    .selectFrom('partnership_people as pp')
    .innerJoin('users as u', 'u.id', 'pp.user_id')
    .leftJoin('organisations as o', 'o.id', 'pp.organisation_id')
    .select(['pp.id', 'pp.user_id', 'pp.organisation_id', 'pp.role', 'pp.created_at', 'u.name', 'u.email', 'o.name as organisation_name'])
    .where('pp.partnership_id', '=', partnershipId);
  if (f.role) q = q.where('pp.role', '=', f.role);
  if (f.cursor) q = q.where(after(col, 'pp.id', desc, f.cursor));
  const dir = desc ? 'desc' : 'asc';
  const rows = await q.orderBy(col, dir).orderBy('pp.id', dir).limit(f.limit + 1).execute();
  const items = rows.slice(0, f.limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > f.limit && last ? encodeCursor(col === 'pp.created_at' ? last.created_at : last.name, last.id) : null };
}

/** The organisations a person represents in a partnership (their representative roles). */
export async function representedOrganisations(db: Kysely<DB>, partnershipId: string, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('partnership_people')
    .select('organisation_id')
    .where('partnership_id', '=', partnershipId)
    .where('user_id', '=', userId)
    .where('role', '=', 'representative')
    .where('organisation_id', 'is not', null)
    .execute();
  return rows.map((r) => r.organisation_id as string);
}
