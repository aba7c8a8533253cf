import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { sql } from 'kysely';
import { makeTestApp, type TestApp } from '../support/app';
import { buildWorld, type World } from '../support/world';
import { verifyAudit } from '../../src/services/audit/audit';
import { createPartnership, updatePartnership } from '../../src/services/partnerships/partnerships';
import { PLATFORM_CHAIN } from '../../src/domain/audit/chain';
import { DIALECTS, postgresAvailable } from '../support/databases';

const pgUp = await postgresAvailable();

describe.each(DIALECTS)('audit chain on %s', (dialect) => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    if (dialect === 'postgres' && !pgUp) return;
    t = await makeTestApp(dialect);
    w = await buildWorld(t.deps);
  });
  afterAll(async () => t?.close());
  const run = dialect === 'postgres' && !pgUp ? it.skip : it;

  run('records every change of the world in gapless hash-chained events, per partnership and for the platform', async () => {
    const reports = await verifyAudit(t.deps);
    expect(reports.every((r) => r.ok)).toBe(true);
    const chains = reports.map((r) => r.chain);
    expect(chains).toContain(PLATFORM_CHAIN);
    expect(chains).toContain(w.partnership);
    expect(chains).toContain(w.otherPartnership);
    const p = reports.find((r) => r.chain === w.partnership)!;
    // created, stage, convener member, convener person, 1 goal, partner member, 3 people = 9
    expect(p.events).toBe(9);
  });

  run('writes the audit event in the same transaction as the change: a failure midway leaves neither', async () => {
    const count = async () => Number((await t.deps.database.db.selectFrom('partnerships').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const heads = async () => t.deps.database.db.selectFrom('audit_heads').selectAll().orderBy('chain').execute();
    const [partnershipsBefore, headsBefore] = [await count(), await heads()];
    // every id the same: the partnership row and its first audit event are written, then the second
    // audit event collides with the first, so the transaction fails after some writes
    const fixedId = '01900000-0000-7000-8000-000000000001';
    const broken = { ...t.deps, newId: () => fixedId };
    const convener = await w.actor(w.users.convener);
    await expect(
      createPartnership(broken, convener, { name: 'Half-written', purpose: 'This partnership must never exist.', model: 'other', visibility: 'private', countries: [], sectors: [], convenerOrganisationId: w.orgs.convenerOrg, goals: [] }),
    ).rejects.toThrow();
    expect(await count()).toBe(partnershipsBefore);
    expect(await heads()).toEqual(headsBefore);
    expect(await t.deps.database.db.selectFrom('audit_events').select('id').where('id', '=', fixedId).execute()).toEqual([]);
  });

  run('keeps a before/after diff of only the changed fields', async () => {
    const convener = await w.actor(w.users.convener);
    await updatePartnership(t.deps, convener, w.partnership, { name: 'Testville Water PPP (renamed)' });
    const row = await t.deps.database.db.selectFrom('audit_events').selectAll().where('chain', '=', w.partnership).orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(row.action).toBe('partnership.updated');
    expect(JSON.parse(row.diff)).toEqual({ name: ['Testville Water PPP', 'Testville Water PPP (renamed)'] });
  });

  run('detects an audit row altered directly in the database and names the first broken link', async () => {
    const target = await t.deps.database.db.selectFrom('audit_events').select(['id', 'seq', 'diff']).where('chain', '=', w.partnership).where('seq', '=', 3).executeTakeFirstOrThrow();
    await sql`update audit_events set diff = ${'{"role":[null,"funder"]}'} where id = ${target.id}`.execute(t.deps.database.db);
    try {
      const [report] = await verifyAudit(t.deps, { partnershipId: w.partnership });
      expect(report.ok).toBe(false);
      expect(report.break).toMatchObject({ seq: 3, eventId: target.id });
      expect(report.break!.reason).toMatch(/altered/);
      const others = await verifyAudit(t.deps);
      expect(others.filter((r) => !r.ok).map((r) => r.chain)).toEqual([w.partnership]);
    } finally {
      await sql`update audit_events set diff = ${target.diff} where id = ${target.id}`.execute(t.deps.database.db);
    }
    expect((await verifyAudit(t.deps, { partnershipId: w.partnership }))[0].ok).toBe(true);
  });

  run('detects a deleted event, even the last one', async () => {
    const last = await t.deps.database.db.selectFrom('audit_events').selectAll().where('chain', '=', w.otherPartnership).orderBy('seq', 'desc').executeTakeFirstOrThrow();
    await t.deps.database.db.deleteFrom('audit_events').where('id', '=', last.id).execute();
    try {
      const [report] = await verifyAudit(t.deps, { partnershipId: w.otherPartnership });
      expect(report.ok).toBe(false);
      expect(report.break!.reason).toMatch(/deleted|missing/);
    } finally {
      await t.deps.database.db.insertInto('audit_events').values(last).execute();
    }
  });

  run('detects an event removed from the middle of a chain', async () => {
    const mid = await t.deps.database.db.selectFrom('audit_events').selectAll().where('chain', '=', w.otherPartnership).where('seq', '=', 2).executeTakeFirstOrThrow();
    await t.deps.database.db.deleteFrom('audit_events').where('id', '=', mid.id).execute();
    try {
      const [report] = await verifyAudit(t.deps, { partnershipId: w.otherPartnership });
      expect(report.break).toMatchObject({ seq: 3 });
      expect(report.break!.reason).toMatch(/missing/);
    } finally {
      await t.deps.database.db.insertInto('audit_events').values(mid).execute();
    }
  });

  run('detects a partnership whose whole chain was deleted, events and head', async () => {
    const db = t.deps.database.db;
    const events = await db.selectFrom('audit_events').selectAll().where('chain', '=', w.otherPartnership).execute();
    const head = await db.selectFrom('audit_heads').selectAll().where('chain', '=', w.otherPartnership).executeTakeFirstOrThrow();
    await db.deleteFrom('audit_events').where('chain', '=', w.otherPartnership).execute();
    await db.deleteFrom('audit_heads').where('chain', '=', w.otherPartnership).execute();
    try {
      const [report] = await verifyAudit(t.deps, { partnershipId: w.otherPartnership });
      expect(report).toMatchObject({ chain: w.otherPartnership, ok: false, events: 0 });
      expect(report.break!.reason).toMatch(/chain is gone/);
      expect((await verifyAudit(t.deps)).filter((r) => !r.ok).map((r) => r.chain)).toEqual([w.otherPartnership]);
    } finally {
      await db.insertInto('audit_events').values(events).execute();
      await db.insertInto('audit_heads').values(head).execute();
    }
    expect((await verifyAudit(t.deps, { partnershipId: w.otherPartnership }))[0].ok).toBe(true);
  });
});
