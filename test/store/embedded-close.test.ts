/**
 * A stopped server's SQLite file stands on its own: closing the database checkpoints the write-ahead log into it,
 * so copying accord.db alone (without accord.db-wal) after a clean shutdown loses nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createDatabase, migrate } from '../../src/store/database';

describe('closing the embedded database', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  it('leaves every committed change in the database file itself, with no write-ahead log behind', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-close-'));
    dirs.push(dir);
    const file = path.join(dir, 'accord.db');
    const database = createDatabase({ kind: 'sqlite', file });
    await migrate(database);
    for (let i = 0; i < 50; i++)
      await database.transaction((trx) => sql`insert into audit_heads (chain, seq, hash) values (${`chain-${i}`}, ${i}, ${'h'.repeat(64)})`.execute(trx));
    // the reader has read (it stays open until close, as in a running server)
    expect(await sql<{ n: number }>`select count(*) as n from audit_heads`.execute(database.db).then((r) => Number(r.rows[0].n))).toBe(50);
    expect(fs.existsSync(`${file}-wal`) && fs.statSync(`${file}-wal`).size > 0).toBe(true);
    await database.close();

    expect(fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0).toBe(0);
    // the file alone, as a copy made after shutdown would be
    const copy = path.join(dir, 'copy.db');
    fs.copyFileSync(file, copy);
    const db = new SQLite(copy, { readonly: true });
    expect((db.prepare('select count(*) as n from audit_heads').get() as { n: number }).n).toBe(50);
    db.close();
  });
});
