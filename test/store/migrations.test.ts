import { describe, it, expect } from 'vitest';
import { sql } from 'kysely';
import { createDatabase, migrate, isEmpty } from '../../src/store/database';
import { MIGRATIONS } from '../../src/store/migrations';
import { DIALECTS, freshDatabase, postgresAvailable } from '../support/databases';

const pgUp = await postgresAvailable();

describe.each(DIALECTS)('migrations on %s', (dialect) => {
  const skip = dialect === 'postgres' && !pgUp;

  it.skipIf(skip)('migrates an empty database to the latest schema, and a second run applies nothing', async () => {
    const fresh = await freshDatabase(dialect);
    const db = createDatabase(fresh.config);
    try {
      const applied = await migrate(db);
      expect(applied).toEqual(Object.keys(MIGRATIONS));
      expect(await migrate(db)).toEqual([]);
      expect(await isEmpty(db)).toBe(true);
      const tables =
        dialect === 'sqlite'
          ? (await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db.db)).rows.map((r) => r.name)
          : (await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = 'public'`.execute(db.db)).rows.map((r) => r.name);
      for (const t of ['users', 'sessions', 'api_tokens', 'organisations', 'partnerships', 'goals', 'transitions', 'partnership_members', 'partnership_people', 'audit_events', 'audit_heads', 'idempotency_keys']) {
        expect(tables).toContain(t);
      }
    } finally {
      await db.close();
      await fresh.drop();
    }
  });

  it.skipIf(skip)('rolls every migration back down to an empty schema', async () => {
    const fresh = await freshDatabase(dialect);
    const db = createDatabase(fresh.config);
    try {
      await migrate(db);
      for (const name of Object.keys(MIGRATIONS).reverse()) await MIGRATIONS[name].down!(db.db);
      const left =
        dialect === 'sqlite'
          ? (await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'accord_migrations%' and name not like 'sqlite_%'`.execute(db.db)).rows
          : (await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = 'public' and table_name not like 'accord_migrations%'`.execute(db.db)).rows;
      expect(left).toEqual([]);
    } finally {
      await db.close();
      await fresh.drop();
    }
  });
});
