import { sql, type Kysely } from 'kysely';
import { preparedQuery } from '../prepared';
import { likeEscape, searchForm } from '../pagination';
import type { DB, UsersTable } from '../schema';
import type { Dialect } from '../database';
import type { PersonRole } from '../../domain/partnerships/partnership';
import type { OrganisationRole } from '../../domain/organisations/organisation';

export interface UserRecord {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  isAdmin: boolean;
  locale: string;
  createdAt: string;
  updatedAt: string;
}

const toUser = (r: UsersTable): UserRecord => ({
  id: r.id,
  email: r.email,
  name: r.name,
  passwordHash: r.password_hash,
  isAdmin: Number(r.is_admin) === 1,
  locale: r.locale,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export async function insertUser(db: Kysely<DB>, u: UserRecord): Promise<void> {
  await db
    .insertInto('users')
    .values({ id: u.id, email: u.email, name: u.name, search_name: searchForm(u.name), password_hash: u.passwordHash, is_admin: u.isAdmin ? 1 : 0, locale: u.locale, created_at: u.createdAt, updated_at: u.updatedAt })
    .execute();
}

export async function findUserByEmail(db: Kysely<DB>, email: string): Promise<UserRecord | null> {
  const r = await db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
  return r ? toUser(r) : null;
}

export async function findUserById(db: Kysely<DB>, id: string): Promise<UserRecord | null> {
  const r = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toUser(r) : null;
}

export async function updateUser(db: Kysely<DB>, id: string, patch: Partial<Pick<UserRecord, 'name' | 'locale' | 'passwordHash' | 'isAdmin'>>, at: string): Promise<void> {
  await db
    .updateTable('users')
    .set({
      ...(patch.name !== undefined ? { name: patch.name, search_name: searchForm(patch.name) } : {}),
      ...(patch.locale !== undefined ? { locale: patch.locale } : {}),
      ...(patch.passwordHash !== undefined ? { password_hash: patch.passwordHash } : {}),
      ...(patch.isAdmin !== undefined ? { is_admin: patch.isAdmin ? 1 : 0 } : {}),
      updated_at: at,
    })
    .where('id', '=', id)
    .execute();
}

/**
 * The platform admins' ids. On PostgreSQL their rows stay locked until the transaction ends, so two admins revoking
 * each other at the same moment cannot both go through: the second sees the first's change and one admin fewer.
 * (Embedded SQLite runs one writing transaction at a time.)
 */
export async function lockPlatformAdmins(db: Kysely<DB>, dialect: Dialect): Promise<string[]> {
  // in one order, so two transactions locking them cannot deadlock
  const q = db.selectFrom('users').select('id').where('is_admin', '=', 1).orderBy('id');
  return (await (dialect === 'postgres' ? q.forUpdate() : q).execute()).map((r) => r.id);
}

/**
 * Accounts by e-mail address (keyset), optionally those whose name or e-mail contains `search` (case and accents
 * ignored in names: "muller" finds "Müller"; a scan, fine for the admins' list of accounts).
 */
export async function listUsers(db: Kysely<DB>, afterEmail: string | null, limit: number, search?: string): Promise<UserRecord[]> {
  let q = db.selectFrom('users').selectAll();
  if (afterEmail) q = q.where('email', '>', afterEmail);
  if (search) {
    const name = `%${likeEscape(searchForm(search))}%`;
    const email = `%${likeEscape(search.trim().toLowerCase())}%`;
    q = q.where((eb) => eb.or([sql<boolean>`search_name like ${name} escape '\\'`, sql<boolean>`email like ${email} escape '\\'`]));
  }
  return (await q.orderBy('email').limit(limit + 1).execute()).map(toUser);
}

const partnershipRolesOf = preparedQuery<{ userId: string }, { partnership_id: string; role: string }>((db, p) =>
  db.selectFrom('partnership_people').select(['partnership_id', 'role']).where('user_id', '=', p('userId')),
);
const organisationRolesOf = preparedQuery<{ userId: string }, { organisation_id: string; role: string }>((db, p) =>
  db.selectFrom('organisation_people').select(['organisation_id', 'role']).where('user_id', '=', p('userId')),
);

const partnershipRoleIn = preparedQuery<{ userId: string; id: string }, { partnership_id: string; role: string }>((db, p) =>
  db.selectFrom('partnership_people').select(['partnership_id', 'role']).where('user_id', '=', p('userId')).where('partnership_id', '=', p('id')),
);
const organisationRoleIn = preparedQuery<{ userId: string; id: string }, { organisation_id: string; role: string }>((db, p) =>
  db.selectFrom('organisation_people').select(['organisation_id', 'role']).where('organisation_id', '=', p('id')).where('user_id', '=', p('userId')),
);

type RoleRow = { role: string } & Record<string, string>;
const rolesInCache = new Map<string, ReturnType<typeof preparedQuery<Record<string, string>, RoleRow>>>();
/** Roles of one person in a page of records: one precompiled query per table and page size. */
function rolesIn(table: 'partnership_people' | 'organisation_people', n: number) {
  const key = `${table}:${n}`;
  let q = rolesInCache.get(key);
  if (!q) {
    q = preparedQuery<Record<string, string>, RoleRow>((d, p) => {
      const ids = Array.from({ length: n }, (_, i) => p(`id${i}`));
      return table === 'partnership_people'
        ? d.selectFrom('partnership_people').select(['partnership_id', 'role']).where('user_id', '=', p('userId')).where('partnership_id', 'in', ids)
        : d.selectFrom('organisation_people').select(['organisation_id', 'role']).where('user_id', '=', p('userId')).where('organisation_id', 'in', ids);
    });
    rolesInCache.set(key, q);
  }
  return q;
}
const idParams = (userId: string, ids: string[]) => ({ userId, ...Object.fromEntries(ids.map((id, i) => [`id${i}`, id])) });

/** A person's roles in the named partnerships and organisations only (indexed point look-ups). */
export async function loadRolesFor(db: Kysely<DB>, userId: string, partnershipIds: readonly string[], organisationIds: readonly string[]) {
  const partnershipRoles = new Map<string, PersonRole[]>();
  const organisationRoles = new Map<string, OrganisationRole>();
  const pIds = [...new Set(partnershipIds)];
  const oIds = [...new Set(organisationIds)];
  for (const id of pIds) partnershipRoles.set(id, []);
  // one indexed look-up for a single record (most requests), one IN query for a page of records
  const pRows =
    pIds.length === 1 ? await partnershipRoleIn(db, { userId, id: pIds[0] }) : pIds.length > 1 ? await rolesIn('partnership_people', pIds.length)(db, idParams(userId, pIds)) : [];
  for (const r of pRows) partnershipRoles.get((r as { partnership_id: string }).partnership_id)!.push(r.role as PersonRole);
  const oRows =
    oIds.length === 1 ? await organisationRoleIn(db, { userId, id: oIds[0] }) : oIds.length > 1 ? await rolesIn('organisation_people', oIds.length)(db, idParams(userId, oIds)) : [];
  for (const r of oRows) organisationRoles.set((r as { organisation_id: string }).organisation_id, r.role as OrganisationRole);
  return { partnershipRoles, organisationRoles };
}

/** Every role of a person (home page, "my partnerships", tests): grows with the person's memberships. */
export async function loadRoles(db: Kysely<DB>, userId: string) {
  const p = await partnershipRolesOf(db, { userId });
  const o = await organisationRolesOf(db, { userId });
  const partnershipRoles = new Map<string, PersonRole[]>();
  for (const r of p) partnershipRoles.set(r.partnership_id, [...(partnershipRoles.get(r.partnership_id) ?? []), r.role as PersonRole]);
  const organisationRoles = new Map<string, OrganisationRole>(o.map((r) => [r.organisation_id, r.role as OrganisationRole]));
  return { partnershipRoles, organisationRoles };
}

const sessionWithUser = preparedQuery<{ id: string; now: string }, UsersTable & { s_csrf: string; s_last_seen: string }>((db, p) =>
  db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .selectAll('u')
    .select(['s.csrf_token as s_csrf', 's.last_seen_at as s_last_seen'])
    .where('s.id', '=', p('id'))
    .where('s.expires_at', '>', p('now')),
);
/** A live session and its user in one query (every cookie request). */
export async function findSessionWithUser(db: Kysely<DB>, id: string, now: string) {
  const [r] = await sessionWithUser(db, { id, now });
  return r ? { user: toUser(r), csrfToken: r.s_csrf, lastSeenAt: r.s_last_seen } : null;
}

const tokenWithUser = preparedQuery<{ hash: string }, UsersTable & { t_id: string; t_last_used: string | null }>((db, p) =>
  db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .selectAll('u')
    .select(['t.id as t_id', 't.last_used_at as t_last_used'])
    .where('t.token_hash', '=', p('hash'))
    .where('t.revoked_at', 'is', null),
);
/** A live API token and its user in one query (every Bearer request). */
export async function findApiTokenWithUser(db: Kysely<DB>, hash: string) {
  const [r] = await tokenWithUser(db, { hash });
  return r ? { user: toUser(r), tokenId: r.t_id, lastUsedAt: r.t_last_used } : null;
}

// Sessions ---------------------------------------------------------------------------------------

export async function insertSession(db: Kysely<DB>, s: DB['sessions']): Promise<void> {
  await db.insertInto('sessions').values(s).execute();
}
export async function findSession(db: Kysely<DB>, id: string, now: string) {
  return db.selectFrom('sessions').selectAll().where('id', '=', id).where('expires_at', '>', now).executeTakeFirst();
}
export async function touchSession(db: Kysely<DB>, id: string, at: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
}
export async function deleteSession(db: Kysely<DB>, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}
export async function deleteUserSessions(db: Kysely<DB>, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

// API tokens -------------------------------------------------------------------------------------

export async function insertApiToken(db: Kysely<DB>, t: DB['api_tokens']): Promise<void> {
  await db.insertInto('api_tokens').values(t).execute();
}
export async function findApiTokenByHash(db: Kysely<DB>, hash: string) {
  return db.selectFrom('api_tokens').selectAll().where('token_hash', '=', hash).where('revoked_at', 'is', null).executeTakeFirst();
}
export async function listApiTokens(db: Kysely<DB>, userId: string) {
  return db.selectFrom('api_tokens').selectAll().where('user_id', '=', userId).where('revoked_at', 'is', null).orderBy('created_at', 'desc').execute();
}
export async function findApiToken(db: Kysely<DB>, id: string) {
  return db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
}
export async function revokeApiToken(db: Kysely<DB>, id: string, at: string): Promise<void> {
  await db.updateTable('api_tokens').set({ revoked_at: at }).where('id', '=', id).execute();
}
export async function touchApiToken(db: Kysely<DB>, id: string, at: string): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
}

// Password resets ---------------------------------------------------------------------------------

export async function insertPasswordReset(db: Kysely<DB>, r: DB['password_resets']): Promise<void> {
  await db.insertInto('password_resets').values(r).execute();
}
export async function findPasswordReset(db: Kysely<DB>, hash: string) {
  return db.selectFrom('password_resets').selectAll().where('token_hash', '=', hash).executeTakeFirst();
}
export async function countPasswordResetsSince(db: Kysely<DB>, userId: string, since: string): Promise<number> {
  const r = await db.selectFrom('password_resets').select((eb) => eb.fn.countAll<string | number>().as('n')).where('user_id', '=', userId).where('created_at', '>', since).executeTakeFirstOrThrow();
  return Number(r.n);
}
export async function markPasswordResetUsed(db: Kysely<DB>, id: string, at: string): Promise<number> {
  const r = await db.updateTable('password_resets').set({ used_at: at }).where('id', '=', id).where('used_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

// Sign-in attempts --------------------------------------------------------------------------------

export async function recordSignInAttempt(db: Kysely<DB>, a: DB['sign_in_attempts']): Promise<void> {
  await db.insertInto('sign_in_attempts').values(a).execute();
}
export async function markSignInSucceeded(db: Kysely<DB>, id: string): Promise<void> {
  await db.updateTable('sign_in_attempts').set({ succeeded: 1 }).where('id', '=', id).execute();
}
/** Failed attempts since `since` for this e-mail and for this address. */
export async function countRecentFailures(db: Kysely<DB>, email: string, ip: string, since: string) {
  const [byEmail, byIp] = await Promise.all([
    db.selectFrom('sign_in_attempts').select((eb) => eb.fn.countAll<string | number>().as('n')).where('email', '=', email).where('succeeded', '=', 0).where('at', '>', since).executeTakeFirstOrThrow(),
    db.selectFrom('sign_in_attempts').select((eb) => eb.fn.countAll<string | number>().as('n')).where('ip', '=', ip).where('succeeded', '=', 0).where('at', '>', since).executeTakeFirstOrThrow(),
  ]);
  return { byEmail: Number(byEmail.n), byIp: Number(byIp.n) };
}
