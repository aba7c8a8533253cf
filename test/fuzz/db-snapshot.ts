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

async function tablesOf(deps: Deps): Promise<string[]> {
  const db = deps.database.db;
  const rows =
    deps.database.dialect === 'sqlite'
      ? (await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db)).rows
      : (await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db)).rows;
  return rows.map((r) => r.name).sort();
}

const canonical = (row: Record<string, unknown>): string =>
  JSON.stringify(Object.keys(row).sort().map((k) => [k, typeof row[k] === 'bigint' ? String(row[k]) : row[k]]));

/** Everything in the database but the tables a failed request may write to. */
export async function snapshotDb(deps: Deps, exclude: readonly string[] = WRITE_ON_ERROR_ALLOWED): Promise<DbSnapshot> {
  const db = deps.database.db;
  const counts: Record<string, number> = {};
  const digests: Record<string, string> = {};
  for (const table of await tablesOf(deps)) {
    if (exclude.includes(table)) continue;
    const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db)).rows;
    counts[table] = rows.length;
    const h = createHash('sha256');
    for (const line of rows.map(canonical).sort()) h.update(line).update('\n');
    digests[table] = h.digest('hex');
  }
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
