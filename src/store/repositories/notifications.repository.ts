import type { Kysely } from 'kysely';
import type { DB } from '../schema';
import type { Dialect } from '../database';
import type { NotificationSettingsTable, RemindersTable } from '../schema-notifications';

export type SettingsRow = NotificationSettingsTable;
export type ReminderRow = RemindersTable;

const num = (v: unknown): number => Number(v);
/** PostgreSQL and SQLite agree on text; integers are normalised to numbers. */
const toSettings = (r: SettingsRow): SettingsRow => ({ ...r, digest_hour: num(r.digest_hour), digest_weekday: num(r.digest_weekday) });
const toReminder = (r: ReminderRow): ReminderRow => ({ ...r, attempts: num(r.attempts) });

/** Chunks of a list, so an `IN (...)` stays well below the parameter limits of both databases. */
function chunks<T>(xs: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

// Settings ---------------------------------------------------------------------------------------

export async function findSettings(db: Kysely<DB>, userId: string): Promise<SettingsRow | null> {
  const r = await db.selectFrom('notification_settings').selectAll().where('user_id', '=', userId).executeTakeFirst();
  return r ? toSettings(r) : null;
}

/** The stored settings of these people (people without a row are left out: they have the default). */
export async function settingsOf(db: Kysely<DB>, userIds: readonly string[]): Promise<SettingsRow[]> {
  const out: SettingsRow[] = [];
  for (const ids of chunks([...new Set(userIds)])) out.push(...(await db.selectFrom('notification_settings').selectAll().where('user_id', 'in', ids).execute()).map(toSettings));
  return out;
}

export async function upsertSettings(db: Kysely<DB>, row: SettingsRow): Promise<void> {
  await db
    .insertInto('notification_settings')
    .values(row)
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ digest: row.digest, digest_hour: row.digest_hour, digest_weekday: row.digest_weekday, updated_at: row.updated_at }))
    .execute();
}

/** Gives these people a settings row (the default) where they have none, so the job can lock one row per person. */
export async function ensureSettings(db: Kysely<DB>, rows: readonly SettingsRow[]): Promise<void> {
  for (const part of chunks(rows, 200)) await db.insertInto('notification_settings').values(part).onConflict((oc) => oc.column('user_id').doNothing()).execute();
}

// Who is reminded ----------------------------------------------------------------------------------

export interface Responsible { partnership_id: string; user_id: string; organisation_id: string | null; role: 'representative' | 'convener' }

/** The representatives and conveners of these partnerships (one indexed query per 500 partnerships). */
export async function responsiblePeople(db: Kysely<DB>, partnershipIds: readonly string[]): Promise<Responsible[]> {
  const out: Responsible[] = [];
  for (const ids of chunks([...new Set(partnershipIds)])) {
    const rows = await db
      .selectFrom('partnership_people')
      .select(['partnership_id', 'user_id', 'organisation_id', 'role'])
      .where('partnership_id', 'in', ids)
      .where('role', 'in', ['representative', 'convener'])
      .execute();
    out.push(...(rows as Responsible[]));
  }
  return out;
}

export interface Recipient { id: string; email: string; name: string; locale: string }
export async function recipients(db: Kysely<DB>, userIds: readonly string[]): Promise<Recipient[]> {
  if (!userIds.length) return [];
  return db.selectFrom('users').select(['id', 'email', 'name', 'locale']).where('id', 'in', [...new Set(userIds)]).execute();
}

export async function partnershipNames(db: Kysely<DB>, ids: readonly string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('partnerships').select(['id', 'name']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

// Reminders ----------------------------------------------------------------------------------------

/** Inserts the reminders not made yet (the unique key skips the others); returns those inserted. */
export async function insertReminders(db: Kysely<DB>, rows: readonly ReminderRow[]): Promise<ReminderRow[]> {
  const out: ReminderRow[] = [];
  for (const part of chunks(rows, 100)) {
    const inserted = await db
      .insertInto('reminders')
      .values(part)
      .onConflict((oc) => oc.columns(['user_id', 'partnership_id', 'item_key', 'stage']).doNothing())
      .returningAll()
      .execute();
    out.push(...inserted.map(toReminder));
  }
  return out;
}

/** Every reminder still waiting to be sent (what generation reconciles with today's items). */
export async function pendingReminders(db: Kysely<DB>): Promise<Pick<ReminderRow, 'id' | 'user_id' | 'partnership_id' | 'item_key' | 'stage'>[]> {
  return db.selectFrom('reminders').select(['id', 'user_id', 'partnership_id', 'item_key', 'stage']).where('status', '=', 'pending').execute();
}

/** Sets the status of waiting reminders (cancelled, suppressed); reminders already claimed or sent are left alone. */
export async function setPendingStatus(db: Kysely<DB>, ids: readonly string[], status: string, at: string): Promise<number> {
  let n = 0;
  for (const part of chunks(ids)) {
    const r = await db.updateTable('reminders').set({ status, updated_at: at }).where('id', 'in', part).where('status', '=', 'pending').executeTakeFirst();
    n += Number(r.numUpdatedRows);
  }
  return n;
}

/** A person's waiting reminders (to move them to the next digest when the setting changes). */
export async function pendingOf(db: Kysely<DB>, userId: string): Promise<Pick<ReminderRow, 'id' | 'created_at' | 'send_after' | 'attempts'>[]> {
  const rows = await db.selectFrom('reminders').select(['id', 'created_at', 'send_after', 'attempts']).where('user_id', '=', userId).where('status', '=', 'pending').execute();
  return rows.map((r) => ({ ...r, attempts: num(r.attempts) }));
}

export async function setSendAfter(db: Kysely<DB>, ids: readonly string[], sendAfter: string, at: string): Promise<void> {
  for (const part of chunks(ids)) await db.updateTable('reminders').set({ send_after: sendAfter, updated_at: at }).where('id', 'in', part).where('status', '=', 'pending').execute();
}

/** How many reminders a person has waiting. */
export async function countPending(db: Kysely<DB>, userId: string): Promise<number> {
  const r = await db.selectFrom('reminders').select((eb) => eb.fn.countAll<string | number>().as('n')).where('user_id', '=', userId).where('status', '=', 'pending').executeTakeFirstOrThrow();
  return num(r.n);
}

/**
 * Claims the due reminders of up to `limit` people for this node: marks them sending (node, time, one more
 * attempt) and returns them. On PostgreSQL each person's settings row is taken with FOR UPDATE SKIP LOCKED,
 * so a person's reminders are claimed by one node at a time and a digest is never split between two nodes;
 * SQLite has one writer, and the caller's transaction is enough.
 */
export async function claimDue(db: Kysely<DB>, dialect: Dialect, node: string, now: string, limit: number, defaults: (userId: string) => SettingsRow): Promise<ReminderRow[]> {
  // a claim that lost a race (another node claimed the same people between our look and our lock) looks again,
  // so an empty answer means nothing is left, not that someone else was quicker
  for (let attempt = 0; attempt < 10; attempt++) {
    const candidates = (
      // more candidates than taken, so a node still finds work while another holds the first ones
      await db.selectFrom('reminders').select('user_id').distinct().where('status', '=', 'pending').where('send_after', '<=', now).orderBy('user_id').limit(dialect === 'postgres' ? limit * 5 : limit).execute()
    ).map((r) => r.user_id);
    if (!candidates.length) return [];
    let users = candidates;
    if (dialect === 'postgres') {
      // generation gives everyone reminded a settings row; this only guards against a reminder made some other way
      await ensureSettings(db, candidates.map(defaults));
      // LIMIT counts only the rows this node could lock: SKIP LOCKED passes over those another node holds
      users = (await db.selectFrom('notification_settings').select('user_id').where('user_id', 'in', candidates).orderBy('user_id').limit(limit).forUpdate().skipLocked().execute()).map((r) => r.user_id);
      if (!users.length) return [];
    }
    // re-read under the lock: another node may have claimed (or even sent) them since the first look
    const claimed = await db
      .updateTable('reminders')
      .set((eb) => ({ status: 'sending', claimed_by: node, claimed_at: now, updated_at: now, attempts: eb('attempts', '+', 1) }))
      .where('user_id', 'in', users)
      .where('status', '=', 'pending')
      .where('send_after', '<=', now)
      .returningAll()
      .execute();
    if (claimed.length) return claimed.map(toReminder);
  }
  return [];
}

/**
 * Ends this node's claim on reminders: sent (with the time) or suppressed. A claim that was released and
 * taken by another node in between is left alone.
 */
export async function markClaimed(db: Kysely<DB>, ids: readonly string[], node: string, status: 'sent' | 'suppressed', at: string): Promise<number> {
  if (!ids.length) return 0;
  const r = await db
    .updateTable('reminders')
    .set({ status, sent_at: status === 'sent' ? at : null, updated_at: at, last_error: null })
    .where('id', 'in', [...ids])
    .where('status', '=', 'sending')
    .where('claimed_by', '=', node)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** A failed send: back to pending with a later send_after, or failed for good after `maxAttempts`. */
export async function markFailed(db: Kysely<DB>, ids: readonly string[], node: string, f: { at: string; retryAt: string; error: string; maxAttempts: number }): Promise<void> {
  if (!ids.length) return;
  const base = db.updateTable('reminders').where('id', 'in', [...ids]).where('status', '=', 'sending').where('claimed_by', '=', node);
  await base.set({ status: 'failed', last_error: f.error, updated_at: f.at }).where('attempts', '>=', f.maxAttempts).execute();
  await base.set({ status: 'pending', send_after: f.retryAt, claimed_by: null, claimed_at: null, last_error: f.error, updated_at: f.at }).where('attempts', '<', f.maxAttempts).execute();
}

/** Releases claims older than `before` (a node died mid-send): pending again, or failed when out of attempts. */
export async function releaseStale(db: Kysely<DB>, before: string, at: string, maxAttempts: number): Promise<number> {
  const base = db.updateTable('reminders').where('status', '=', 'sending').where('claimed_at', '<', before);
  const failed = await base.set({ status: 'failed', last_error: 'claim expired', updated_at: at }).where('attempts', '>=', maxAttempts).executeTakeFirst();
  const released = await base.set({ status: 'pending', claimed_by: null, claimed_at: null, updated_at: at }).where('attempts', '<', maxAttempts).executeTakeFirst();
  return Number(failed.numUpdatedRows) + Number(released.numUpdatedRows);
}

/** A person's reminders, newest first (tests and the settings page's counts). */
export async function remindersOf(db: Kysely<DB>, userId: string): Promise<ReminderRow[]> {
  return (await db.selectFrom('reminders').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute()).map(toReminder);
}

// Where due items are -------------------------------------------------------------------------------

/** Partnerships not closed that have commitments (DISTINCT over the (partnership_id, ...) index of commitments). */
export async function partnershipsWithCommitments(db: Kysely<DB>): Promise<string[]> {
  const rows = await db
    .selectFrom('partnerships as p')
    .select('p.id')
    .where('p.stage', '<>', 'closed')
    .where((eb) => eb.exists(eb.selectFrom('commitments as c').select('c.id').whereRef('c.partnership_id', '=', 'p.id')))
    .orderBy('p.id')
    .execute();
  return rows.map((r) => r.id);
}

/** Partnerships not closed with indicators some partner reports on (the (partnership_id, ...) index of indicator_partners). */
export async function partnershipsWithReporting(db: Kysely<DB>): Promise<string[]> {
  const rows = await db
    .selectFrom('partnerships as p')
    .select('p.id')
    .where('p.stage', '<>', 'closed')
    .where((eb) => eb.exists(eb.selectFrom('indicator_partners as ip').select('ip.partnership_id').whereRef('ip.partnership_id', '=', 'p.id')))
    .orderBy('p.id')
    .execute();
  return rows.map((r) => r.id);
}

/** The grace days these partnerships set (those that set none are left out: they have the default). */
export async function graceDaysOf(db: Kysely<DB>, partnershipIds: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const ids of chunks(partnershipIds)) {
    const rows = await db.selectFrom('accountability_settings').select(['partnership_id', 'grace_days']).where('partnership_id', 'in', ids).execute();
    for (const r of rows) out.set(r.partnership_id, num(r.grace_days));
  }
  return out;
}
