import { sql, type Kysely } from 'kysely';
import type { DB } from './schema';

/**
 * Runs `fn` inside a savepoint of the open transaction `trx`: kept when it returns, undone (and its error rethrown)
 * when it throws, so one step of a larger transaction can fail alone. Savepoints work alike on SQLite and PostgreSQL.
 */
export async function inSavepoint<T>(trx: Kysely<DB>, name: string, fn: () => Promise<T>): Promise<T> {
  if (!/^[a-z_]+$/.test(name)) throw new Error(`Not a savepoint name: ${name}`);
  await sql.raw(`savepoint ${name}`).execute(trx);
  try {
    const out = await fn();
    await sql.raw(`release savepoint ${name}`).execute(trx);
    return out;
  } catch (e) {
    await sql.raw(`rollback to savepoint ${name}`).execute(trx);
    await sql.raw(`release savepoint ${name}`).execute(trx);
    throw e;
  }
}
