import { CompiledQuery, type Compilable, type Kysely } from 'kysely';
import type { DB } from './schema';
import { readerOf, writerOf } from './database';

/**
 * A query built with Kysely once per dialect, then run many times with new parameter values: the hot
 * read paths (auth, overviews, searches) skip building and compiling the query on every request.
 *
 * The builder receives `p(name)` placeholders; each becomes a unique sentinel value, and after
 * compiling, the position of each sentinel in the parameter list says where each value goes.
 * Placeholders must be plain values (not arrays for `in`). Writes (busy inserts) may be prepared too; they always
 * run on the connection or transaction given.
 */
export function preparedQuery<P extends Record<string, unknown>, R>(build: (db: Kysely<DB>, p: (name: keyof P & string) => never) => Compilable<R>) {
  const byDialect = new Map<unknown, { sql: string; slots: (keyof P & string)[] | null; fixed: readonly unknown[]; read: boolean }>();
  return async (db: Kysely<DB>, params: P): Promise<R[]> => {
    const adapterClass = db.getExecutor().adapter.constructor;
    let compiled = byDialect.get(adapterClass);
    if (!compiled) {
      const sentinel = (name: string) => `\u0000param:${name}\u0000` as never;
      const q = build(db, sentinel).compile();
      const slots = q.parameters.map((v) => (typeof v === 'string' && v.startsWith('\u0000param:') ? (v.slice(7, -1) as keyof P & string) : null));
      compiled = { sql: q.sql, slots: slots as (keyof P & string)[], fixed: q.parameters, read: /^\s*select\b/i.test(q.sql) };
      byDialect.set(adapterClass, compiled);
    }
    const { sql, slots, fixed, read } = compiled;
    const values = slots!.map((name, i) => (name === null ? fixed[i] : params[name]));
    // embedded SQLite outside a transaction: reads run on the read-only connection, synchronously
    const reader = read ? readerOf(db) : undefined;
    if (reader) return reader.prepare(sql).all(...values) as R[];
    // inside an embedded SQLite transaction: run on the connection it holds, synchronously
    const writer = writerOf(db);
    if (writer) {
      const stmt = writer.prepare(sql);
      if (stmt.reader) return stmt.all(...values) as R[];
      stmt.run(...values);
      return [];
    }
    const result = await db.executeQuery<R>(CompiledQuery.raw(sql, values));
    return result.rows;
  };
}
