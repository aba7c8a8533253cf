import { type Kysely } from 'kysely';

// Frozen once shipped. Accounts, decisions and disputes were searched with SQL lower(), which on SQLite (and on
// PostgreSQL under the C locale) folds only ASCII letters: "müller" did not find "Müller", nor "ete" "Été".
// Each gets a search form written by the application, as organisations and partnerships already have:
// NFKD, accents removed, lower case, spaces collapsed (store/pagination.ts: searchForm). Rows already there are
// filled in here, a page at a time, with the same function.
const fold = (s: string): string =>
  s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();

const TABLES = [
  { table: 'users', source: 'name', column: 'search_name' },
  { table: 'decisions', source: 'title', column: 'search_title' },
  { table: 'disputes', source: 'subject', column: 'search_subject' },
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const { table, source, column } of TABLES) {
    await db.schema.alterTable(table).addColumn(column, 'text', (c) => c.notNull().defaultTo('')).execute();
    let after = '';
    for (;;) {
      const rows: { id: string; v: string }[] = await db.selectFrom(table).select(['id', `${source} as v`]).where('id', '>', after).orderBy('id').limit(1000).execute();
      for (const r of rows) await db.updateTable(table).set({ [column]: fold(r.v) }).where('id', '=', r.id).execute();
      if (rows.length < 1000) break;
      after = rows[rows.length - 1].id;
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const { table, column } of TABLES) await db.schema.alterTable(table).dropColumn(column).execute();
}
