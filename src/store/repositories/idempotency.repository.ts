import type { Kysely } from 'kysely';
import type { DB } from '../schema';

/** Claims a key for an actor; returns false when it already exists (someone used it before). */
export async function claimIdempotencyKey(db: Kysely<DB>, row: Omit<DB['idempotency_keys'], 'status' | 'response'>): Promise<boolean> {
  const r = await db
    .insertInto('idempotency_keys')
    .values({ ...row, status: null, response: null })
    .onConflict((oc) => oc.columns(['actor', 'key']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0n) === 1;
}
export async function findIdempotencyKey(db: Kysely<DB>, actor: string, key: string) {
  return db.selectFrom('idempotency_keys').selectAll().where('actor', '=', actor).where('key', '=', key).executeTakeFirst();
}
export async function completeIdempotencyKey(db: Kysely<DB>, actor: string, key: string, status: number, response: string): Promise<void> {
  await db.updateTable('idempotency_keys').set({ status, response }).where('actor', '=', actor).where('key', '=', key).execute();
}
export async function releaseIdempotencyKey(db: Kysely<DB>, actor: string, key: string): Promise<void> {
  await db.deleteFrom('idempotency_keys').where('actor', '=', actor).where('key', '=', key).execute();
}
export async function releaseStaleIdempotencyKey(db: Kysely<DB>, actor: string, key: string, before: string): Promise<void> {
  await db.deleteFrom('idempotency_keys').where('actor', '=', actor).where('key', '=', key).where('status', 'is', null).where('created_at', '<', before).execute();
}
export async function deleteIdempotencyKeysBefore(db: Kysely<DB>, before: string): Promise<void> {
  await db.deleteFrom('idempotency_keys').where('created_at', '<', before).execute();
}
