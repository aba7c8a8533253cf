/**
 * The platform audit log: the chain of changes made outside any partnership (accounts, API tokens, organisations and
 * their people), read page by page by platform admins, newest first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, signIn, as, type TestApp, type Session } from '../support/app';
import { buildWorld, PASSWORD, type World } from '../support/world';
import { DIALECTS, postgresAvailable } from '../support/databases';
import { AuditPage } from '../../src/contracts/partnerships';

const pgUp = await postgresAvailable();
const AUDIT = '/api/v1/audit';

describe.each(DIALECTS)('the platform audit log on %s', (dialect) => {
  let t: TestApp;
  let w: World;
  const s = {} as Record<'admin' | 'convener' | 'outsider', Session>;
  let orgId = '';

  beforeAll(async () => {
    if (dialect === 'postgres' && !pgUp) return;
    t = await makeTestApp(dialect);
    w = await buildWorld(t.deps);
    for (const k of ['admin', 'convener', 'outsider'] as const) s[k] = await signIn(t.app, w.emails[k], PASSWORD);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/organisations', headers: as(s.outsider, true), payload: { name: 'Audit Trail Trust', sector: 'nonprofit', iatiType: '22', country: 'KE' } });
    expect(res.statusCode, res.body).toBe(201);
    orgId = res.json().id;
  });
  afterAll(async () => t?.close());
  const run = dialect === 'postgres' && !pgUp ? it.skip : it;

  run('shows a platform admin the newest platform changes first, with who made them, and none of a partnership’s', async () => {
    const res = await t.app.inject({ url: `${AUDIT}?limit=5`, headers: as(s.admin) });
    expect(res.statusCode, res.body).toBe(200);
    const page = AuditPage.parse(res.json());
    expect(page.items).toHaveLength(5);
    const seqs = page.items.map((e) => e.seq);
    expect([...seqs].sort((a, b) => b - a)).toEqual(seqs);
    const newest = page.items.find((e) => e.entityId === orgId && e.action === 'organisation.created');
    expect(newest?.actorName).toBe('Oscar Outsider');
    expect(newest?.diff.name).toEqual([null, 'Audit Trail Trust']);
    expect(page.items[0].seq).toBe(Math.max(...seqs));
    expect(page.items.every((e) => !e.action.startsWith('partnership.') && !e.action.startsWith('person.'))).toBe(true);
  });

  run('pages through the whole chain with its cursor, each event once, linked hash to hash', async () => {
    const all: ReturnType<typeof AuditPage.parse>['items'] = [];
    let cursor: string | null = null;
    do {
      const res = await t.app.inject({ url: `${AUDIT}?limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, headers: as(s.admin) });
      expect(res.statusCode, res.body).toBe(200);
      const page = AuditPage.parse(res.json());
      all.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(all.map((e) => e.seq)).toEqual(Array.from({ length: all.length }, (_, i) => all.length - i));
    for (let i = 0; i < all.length - 1; i++) expect(all[i].prevHash).toBe(all[i + 1].hash);
    expect(new Set(all.map((e) => e.id)).size).toBe(all.length);
  });

  run('refuses everyone but platform admins: 401 anonymous, 403 signed in, in the reader’s language', async () => {
    expect((await t.app.inject({ url: AUDIT })).statusCode).toBe(401);
    for (const who of [s.convener, s.outsider]) {
      const res = await t.app.inject({ url: AUDIT, headers: { ...as(who), 'accept-language': 'fr' } });
      expect(res.statusCode).toBe(403);
      expect(res.json().detail).toBe('Seuls les administrateurs de la plateforme consultent le journal d’audit de la plateforme');
    }
  });

  run('refuses a cursor it did not give out with 400 naming the cursor', async () => {
    const res = await t.app.inject({ url: `${AUDIT}?cursor=bm9wZQ`, headers: as(s.admin) });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors?.[0]?.field).toBe('cursor');
  });
});
