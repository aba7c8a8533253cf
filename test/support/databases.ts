import pg from 'pg';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { DatabaseConfig } from '../../src/store/database';

/** The server the PostgreSQL suites use; `.ci/run` makes sure it runs. */
export const PG_ADMIN_URL = process.env.ACCORD_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

let pgAvailable: boolean | null = null;

/** True when PostgreSQL answers. Under CI a missing server is a failure, never a skip. */
export async function postgresAvailable(): Promise<boolean> {
  if (pgAvailable !== null) return pgAvailable;
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    pgAvailable = true;
  } catch (err) {
    if (process.env.CI) throw new Error(`PostgreSQL is required under CI but does not answer at ${PG_ADMIN_URL}: ${(err as Error).message}`);
    console.warn(`[accord tests] PostgreSQL suites skipped: no server at ${PG_ADMIN_URL} (${(err as Error).message})`);
    pgAvailable = false;
  } finally {
    await client.end().catch(() => undefined);
  }
  return pgAvailable;
}

/** The dialects to loop store tests over: SQLite always, PostgreSQL when it answers (always under CI). */
export const DIALECTS = ['sqlite', 'postgres'] as const;
export type TestDialect = (typeof DIALECTS)[number];

/** A fresh, empty database of the dialect: in-memory SQLite, or a new PostgreSQL database dropped afterwards. */
export async function freshDatabase(dialect: TestDialect): Promise<{ config: DatabaseConfig; url: string; drop: () => Promise<void> }> {
  if (dialect === 'sqlite') {
    // a real file, as in production: WAL, and the read-only connection for hot reads
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-test-'));
    const file = path.join(dir, 'accord.db');
    return { config: { kind: 'sqlite', file }, url: `sqlite:${file}`, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `accord_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    config: { kind: 'postgres', url: url.toString(), poolSize: 5 },
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
