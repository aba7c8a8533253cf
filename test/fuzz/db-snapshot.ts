import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Deps } from '../../src/services/context';

/**
 * Tables whose rows a failed request may legitimately add: failed sign-ins are counted on purpose
 * (rate limiting) and an Idempotency-Key claim is stored whatever the answer.
 */
export const WRITE_ON_ERROR_ALLOWED = ['sign_in_attempts', 'idempotency_keys'] as const;

export interface DbSnapshot {
  /** rows per table */
  counts: Record<string, number>;
  /** sha256 of every row of every table (order-independent): catches UPDATEs that counts miss */
  digests: Record<string, string>;
  /** the audit chain heads as they stand */
  heads: { chain: string; seq: number; hash: string }[];
}

/** The tables of the database: the schema does not change under a test, so it is read once per database. */
const tableCache = new WeakMap<Deps['database'], Promise<string[]>>();
function tablesOf(deps: Deps): Promise<string[]> {
  let tables = tableCache.get(deps.database);
  if (!tables) {
    const db = deps.database.db;
    tables = (
      deps.database.dialect === 'sqlite'
        ? sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db)
        : sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db)
    ).then((r) => r.rows.map((x) => x.name).filter((n) => n !== 'fuzz_writes').sort()); // fuzz_writes: watchWrites' counters
    tableCache.set(deps.database, tables);
  }
  return tables;
}

const canonical = (row: Record<string, unknown>): string =>
  JSON.stringify(Object.keys(row).sort().map((k) => [k, typeof row[k] === 'bigint' ? String(row[k]) : row[k]]));

/** Row counts and order-independent digests of the tables, one query per table (SQLite: in process, so cheap). */
async function digestsSqlite(deps: Deps, tables: string[]) {
  const counts: Record<string, number> = {};
  const digests: Record<string, string> = {};
  for (const table of tables) {
    const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(deps.database.db)).rows;
    counts[table] = rows.length;
    const h = createHash('sha256');
    for (const line of rows.map(canonical).sort()) h.update(line).update('\n');
    digests[table] = h.digest('hex');
  }
  return { counts, digests };
}

/** The same on PostgreSQL, computed by the server in one round trip (a query per table costs more than the fuzzing). */
async function digestsPostgres(deps: Deps, tables: string[]) {
  const counts: Record<string, number> = {};
  const digests: Record<string, string> = {};
  if (!tables.length) return { counts, digests };
  const parts = tables.map(
    (t) => sql`select ${sql.lit(t)} as name, count(*)::int as n, md5(coalesce(string_agg(x::text, E'\n' order by x::text), '')) as h from ${sql.table(t)} x`,
  );
  const rows = (await sql<{ name: string; n: number; h: string }>`${sql.join(parts, sql` union all `)}`.execute(deps.database.db)).rows;
  for (const r of rows) {
    counts[r.name] = Number(r.n);
    digests[r.name] = r.h;
  }
  return { counts, digests };
}

/** Everything in the database but the tables a failed request may write to. */
export async function snapshotDb(deps: Deps, exclude: readonly string[] = WRITE_ON_ERROR_ALLOWED): Promise<DbSnapshot> {
  const db = deps.database.db;
  const tables = (await tablesOf(deps)).filter((t) => !exclude.includes(t));
  const { counts, digests } = deps.database.dialect === 'sqlite' ? await digestsSqlite(deps, tables) : await digestsPostgres(deps, tables);
  const heads = (await sql<{ chain: string; seq: number | string; hash: string }>`select chain, seq, hash from audit_heads order by chain`.execute(db)).rows.map((r) => ({
    chain: r.chain,
    seq: Number(r.seq),
    hash: r.hash,
  }));
  return { counts, digests, heads };
}

/** The tables whose content differs between two snapshots (empty when nothing was written). */
export function changedTables(before: DbSnapshot, after: DbSnapshot): string[] {
  const names = new Set([...Object.keys(before.digests), ...Object.keys(after.digests)]);
  const changed = [...names].filter((n) => before.digests[n] !== after.digests[n]).map((n) => `${n} (${before.counts[n] ?? 0} -> ${after.counts[n] ?? 0} rows)`);
  if (JSON.stringify(before.heads) !== JSON.stringify(after.heads)) changed.push('audit chain heads');
  return changed;
}

// ---- a cheaper watch for the fuzz loops ---------------------------------------------------------------------------

/**
 * Counts committed writes per table with triggers in the test database: a row inserted or deleted, or updated to
 * different values, bumps its table's counter in `fuzz_writes`, inside the writing transaction (so a rolled-back
 * write counts nothing). Reading the counters is one small query, whatever the size of the data, where a full
 * snapshot reads every row: the fuzz loops, which compare before and after thousands of requests, use this.
 * Returns the function that reads the counters.
 */
export async function watchWrites(deps: Deps, exclude: readonly string[] = WRITE_ON_ERROR_ALLOWED): Promise<() => Promise<Record<string, number>>> {
  const db = deps.database.db;
  const tables = (await tablesOf(deps)).filter((t) => !exclude.includes(t));
  await sql`create table if not exists fuzz_writes (tbl text primary key, n bigint not null default 0)`.execute(db);
  for (const t of tables) await sql`insert into fuzz_writes (tbl, n) values (${t}, 0) on conflict (tbl) do nothing`.execute(db);
  if (deps.database.dialect === 'sqlite') {
    for (const t of tables) {
      const cols = (await sql<{ name: string }>`select name from pragma_table_info(${t})`.execute(db)).rows.map((c) => c.name);
      const bump = `update fuzz_writes set n = n + 1 where tbl = '${t}';`;
      const changed = cols.map((c) => `old."${c}" is not new."${c}"`).join(' or ');
      await sql.raw(`create trigger if not exists "fuzz_ins_${t}" after insert on "${t}" begin ${bump} end`).execute(db);
      await sql.raw(`create trigger if not exists "fuzz_del_${t}" after delete on "${t}" begin ${bump} end`).execute(db);
      await sql.raw(`create trigger if not exists "fuzz_upd_${t}" after update on "${t}" when ${changed} begin ${bump} end`).execute(db);
    }
  } else {
    await sql.raw(`create or replace function fuzz_count() returns trigger language plpgsql as $$ begin update fuzz_writes set n = n + 1 where tbl = TG_TABLE_NAME; return null; end $$`).execute(db);
    for (const t of tables) {
      await sql.raw(`create or replace trigger "fuzz_ins_${t}" after insert or delete on "${t}" for each row execute function fuzz_count()`).execute(db);
      await sql.raw(`create or replace trigger "fuzz_upd_${t}" after update on "${t}" for each row when (old.* is distinct from new.*) execute function fuzz_count()`).execute(db);
    }
  }
  return async () =>
    Object.fromEntries((await sql<{ tbl: string; n: number | string }>`select tbl, n from fuzz_writes`.execute(db)).rows.map((r) => [r.tbl, Number(r.n)]));
}

/** The tables written to between two readings of `watchWrites`, with how many rows. */
export function writtenTables(before: Record<string, number>, after: Record<string, number>): string[] {
  return Object.keys(after)
    .filter((t) => after[t] !== before[t])
    .map((t) => `${t} (${after[t] - (before[t] ?? 0)} rows written)`);
}
