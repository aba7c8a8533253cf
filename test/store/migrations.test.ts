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

  it.skipIf(skip)('fills in the search forms of accounts, decisions and disputes that existed before migration 0011', async () => {
    const fresh = await freshDatabase(dialect);
    const db = createDatabase(fresh.config);
    try {
      const names = Object.keys(MIGRATIONS);
      const before = names.slice(0, names.indexOf('0011-search-forms'));
      for (const name of before) await MIGRATIONS[name].up(db.db);
      const at = '2026-01-01T00:00:00.000Z';
      await db.db.insertInto('users').values({ id: 'u1', email: 'z@x.org', name: 'Zoë  Ångström', password_hash: 'x', is_admin: 0, locale: 'fr', created_at: at, updated_at: at } as never).execute();
      await db.db.insertInto('partnerships').values({ id: 'p1', name: 'P', search_name: 'p', purpose: 'x', model: 'ppp', visibility: 'public', stage: 'scoping', countries: '[]', sectors: '[]', created_at: at, updated_at: at } as never).execute();
      await db.db.insertInto('decisions').values({ id: 'd1', partnership_id: 'p1', number: 1, kind: 'motion', title: 'Budget de l’Été', text: '', links: '[]', anonymous: 0, results_hidden: 0, status: 'draft', opens_at: at, closes_at: at, created_at: at, updated_at: at } as never).execute();
      await db.db.insertInto('disputes').values({ id: 'x1', partnership_id: 'p1', number: 1, subject: 'Retard des PAIEMENTS à Bogotá', status: 'open', current_step: 's', opened_on: '2026-01-01', created_at: at, updated_at: at } as never).execute();
      await MIGRATIONS['0011-search-forms'].up(db.db);
      expect((await db.db.selectFrom('users').select('search_name').executeTakeFirstOrThrow()).search_name).toBe('zoe angstrom');
      expect((await db.db.selectFrom('decisions').select('search_title').executeTakeFirstOrThrow()).search_title).toBe('budget de l’ete');
      expect((await db.db.selectFrom('disputes').select('search_subject').executeTakeFirstOrThrow()).search_subject).toBe('retard des paiements a bogota');
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
