/**
 * Group commit on embedded SQLite (ADR 0016): transactions that wait for the single writer share one commit, each in
 * its own savepoint. A transaction that fails writes nothing and does not stop the others; a commit that fails
 * writes nothing of the batch; nobody hears of success before the commit.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GROUP_COMMIT, groupCommit } from '../../src/store/database';
import type { DB } from '../../src/store/schema';
import { makeTestApp, signIn, as, type TestApp, type Session } from '../support/app';
import { buildWorld, PASSWORD, type World } from '../support/world';
import { verifyAudit } from '../../src/services/audit/audit';

describe('group commit of SQLite transactions', () => {
  let dir = '';
  let file = '';
  let raw: SQLite.Database;
  let db: Kysely<DB>;
  let commits = 0;
  let other: SQLite.Database;
  const count = () => (other.prepare('select count(*) as n from things').get() as { n: number }).n;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const insert = (trx: Kysely<any>, name: string) => sql`insert into things (name) values (${name})`.execute(trx);

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-group-'));
    file = path.join(dir, 'g.db');
    commits = 0;
    raw = new SQLite(file, { verbose: (s) => void (String(s).trim().toLowerCase() === 'commit' && commits++) });
    raw.pragma('journal_mode = WAL');
    raw.pragma('foreign_keys = ON');
    raw.exec('create table parents (id integer primary key); create table things (id integer primary key, name text not null unique, parent integer references parents (id))');
    db = new Kysely<DB>({ dialect: new SqliteDialect({ database: raw }) });
    other = new SQLite(file, { readonly: true });
  });
  afterEach(async () => {
    other.close();
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('runs transactions waiting together under one commit and answers each with its own result', async () => {
    const run = groupCommit(db);
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => run(async (trx) => (await insert(trx, `t${i}`), `done ${i}`))));
    expect(results).toEqual(Array.from({ length: 30 }, (_, i) => `done ${i}`));
    expect(count()).toBe(30);
    // all 30 were waiting before the writer began: they share commits (more than one only if a batch ran past its time budget)
    expect(commits).toBeGreaterThanOrEqual(Math.ceil(30 / GROUP_COMMIT.maxTransactions));
    expect(commits).toBeLessThan(30 / 2);
  });

  it('rejects a transaction that fails with its own error and writes nothing of it, while the others of its batch commit', async () => {
    const run = groupCommit(db);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) =>
        run(async (trx) => {
          await insert(trx, `u${i}`);
          if (i % 4 === 2) {
            await insert(trx, `u${i}-extra`);
            throw new Error(`refused ${i}`);
          }
          return i;
        }),
      ),
    );
    const refused = outcomes.flatMap((o, i) => (o.status === 'rejected' ? [[i, (o.reason as Error).message]] : []));
    expect(refused).toEqual([[2, 'refused 2'], [6, 'refused 6'], [10, 'refused 10']]);
    const names = (other.prepare('select name from things order by id').all() as { name: string }[]).map((r) => r.name);
    expect(names).toEqual([0, 1, 3, 4, 5, 7, 8, 9, 11].map((i) => `u${i}`));
  });

  it('lets a later transaction of a batch see the writes of an earlier one, as if that had committed', async () => {
    const run = groupCommit(db);
    const outcomes = await Promise.allSettled([
      run(async (trx) => insert(trx, 'first')),
      run(async (trx) => insert(trx, 'same')),
      run(async (trx) => insert(trx, 'same')),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    expect(String((outcomes[2] as PromiseRejectedResult).reason)).toMatch(/UNIQUE/);
    expect(count()).toBe(2);
  });

  it('answers success only once the commit is done: another connection already sees the row', async () => {
    const run = groupCommit(db);
    const seen: number[] = [];
    await Promise.all(Array.from({ length: 10 }, (_, i) => run(async (trx) => insert(trx, `v${i}`)).then(() => seen.push(count()))));
    // when each promise resolved, its own row (and all before it) was visible to a different connection
    for (let i = 0; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(i + 1);
  });

  it('rejects every transaction of a batch whose commit fails, and writes none of them', async () => {
    const run = groupCommit(db);
    raw.exec('insert into parents (id) values (1)');
    await run(async (trx) => insert(trx, 'alone'));
    const outcomes = await Promise.allSettled([
      run(async (trx) => insert(trx, 'w1')),
      run(async (trx) => {
        // a foreign key checked only at COMMIT: the shared commit fails
        await sql`pragma defer_foreign_keys = on`.execute(trx);
        await sql`insert into things (name, parent) values ('orphan', 99)`.execute(trx);
      }),
      run(async (trx) => insert(trx, 'w3')),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
    for (const o of outcomes) expect(String((o as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY/);
    expect((other.prepare('select name from things').all() as { name: string }[]).map((r) => r.name)).toEqual(['alone']);
    // the writer is usable again afterwards
    await run(async (trx) => insert(trx, 'after'));
    expect(count()).toBe(2);
  });
  it('takes the write lock when a batch begins, so another connection cannot commit between its transactions', async () => {
    const run = groupCommit(db);
    const outsider = new SQLite(file);
    outsider.pragma('busy_timeout = 0');
    let outsiderError = '';
    let second: Promise<unknown> | null = null;
    // the second transaction joins the batch during the turn of the event loop the writer gives after the first
    setImmediate(() => (second = run(async (trx) => insert(trx, 'inside'))));
    const first = run(async (trx) => {
      await sql`select count(*) from things`.execute(trx);
      setImmediate(() => {
        try {
          outsider.prepare(`insert into things (name) values ('outside')`).run();
        } catch (err) {
          outsiderError = (err as { code?: string }).code ?? String(err);
        }
      });
    });
    await first;
    await second;
    outsider.close();
    expect(outsiderError).toBe('SQLITE_BUSY');
    expect((other.prepare('select name from things').all() as { name: string }[]).map((r) => r.name)).toEqual(['inside']);
    expect(commits).toBe(1);
  });

  it('rejects, and does not spin on, a transaction asked for after the database was closed', async () => {
    const run = groupCommit(db);
    await run(async (trx) => insert(trx, 'before'));
    await db.destroy();
    await expect(run(async (trx) => insert(trx, 'after close'))).rejects.toThrow();
    // the event loop still turns
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(count()).toBe(1);
    db = new Kysely<DB>({ dialect: new SqliteDialect({ database: new SQLite(file) }) });
  });
});

describe('organisations registered at once through the API on embedded SQLite', () => {
  let t: TestApp;
  let w: World;
  let s: Session;
  beforeAll(async () => {
    t = await makeTestApp('sqlite');
    w = await buildWorld(t.deps);
    s = await signIn(t.app, w.emails.outsider, PASSWORD);
  });
  afterAll(async () => t?.close());

  it('are all written with an intact audit chain, and a duplicate IATI identifier in the same batch is refused alone', async () => {
    const post = (name: string, iatiIdentifier?: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/organisations', headers: as(s, true), payload: { name, sector: 'nonprofit', iatiType: '22', country: 'KE', ...(iatiIdentifier ? { iatiIdentifier } : {}) } });
    const answers = await Promise.all([...Array.from({ length: 20 }, (_, i) => post(`Batch Org ${i}`)), post('Twin A', 'GB-COH-01234567'), post('Twin B', 'GB-COH-01234567')]);
    expect(answers.slice(0, 20).map((r) => r.statusCode)).toEqual(Array(20).fill(201));
    expect(answers.slice(20).map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const refused = answers.slice(20).find((r) => r.statusCode === 409)!;
    expect(refused.json()).toMatchObject({ code: 'duplicate' });
    const names = (await t.deps.database.db.selectFrom('organisations').select('name').where('name', 'like', 'Twin %').execute()).map((r) => r.name);
    expect(names).toHaveLength(1);
    const reports = await verifyAudit(t.deps);
    expect(reports.every((r) => r.ok)).toBe(true);
  });
});
