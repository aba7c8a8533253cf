import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { z } from 'zod';
import { makeTestApp, signIn, as, type TestApp } from '../support/app';
import { buildWorld, PASSWORD, type World } from '../support/world';
import { createResponseSerializer } from '../../src/server/plugins/serializer';
import { PartnershipDetail } from '../../src/contracts/partnerships';

describe('the production response serialiser', () => {
  let strict: TestApp;
  let fast: TestApp;
  let ws: World;
  let wf: World;
  beforeAll(async () => {
    strict = await makeTestApp('sqlite', {}, {}, { strictResponses: true });
    fast = await makeTestApp('sqlite', {}, {}, { strictResponses: false });
    ws = await buildWorld(strict.deps);
    wf = await buildWorld(fast.deps);
  });
  afterAll(async () => {
    await strict?.close();
    await fast?.close();
  });

  it('writes the same JSON as the strict zod serialiser for every kind of read', async () => {
    const s1 = await signIn(strict.app, ws.emails.convener, PASSWORD);
    const s2 = await signIn(fast.app, wf.emails.convener, PASSWORD);
    const paths = (w: World) => [
      `/api/v1/partnerships/${w.partnership}`,
      `/api/v1/partnerships?limit=5`,
      `/api/v1/organisations?limit=10`,
      `/api/v1/partnerships/${w.partnership}/people`,
      `/api/v1/partnerships/${w.partnership}/audit?limit=3`,
      `/api/v1/me/home`,
      `/api/v1/reference`,
    ];
    const [a, b] = [paths(ws), paths(wf)];
    for (let i = 0; i < a.length; i++) {
      const r1 = await strict.app.inject({ url: a[i], headers: as(s1) });
      const r2 = await fast.app.inject({ url: b[i], headers: as(s2) });
      expect(r2.statusCode, b[i]).toBe(r1.statusCode);
      // ids and times differ between the two worlds: compare the shape and every non-id value
      const norm = (v: unknown): unknown =>
        JSON.parse(JSON.stringify(v), (_k, x) => (typeof x === 'string' && (/^[0-9a-f-]{36}$/.test(x) || /^\d{4}-\d\d-\d\dT/.test(x) || /^[0-9a-f]{64}$/.test(x) || x.length > 40 && /^[A-Za-z0-9_-]+$/.test(x)) ? '·' : x));
      expect(norm(r2.json()), b[i]).toEqual(norm(r1.json()));
    }
  });

  it('writes only the fields the contract names, so a presenter cannot leak a field', () => {
    const serialize = createResponseSerializer(false)({ schema: z.object({ id: z.string(), name: z.string() }), method: 'GET', url: '/x', httpStatus: '200' } as never);
    const out = JSON.parse(serialize({ id: 'a', name: 'b', passwordHash: 'secret' }));
    expect(out).toEqual({ id: 'a', name: 'b' });
  });

  it('handles the largest contract (the partnership overview) with nested arrays', () => {
    const serialize = createResponseSerializer(false)({ schema: PartnershipDetail, method: 'GET', url: '/x', httpStatus: '200' } as never);
    const text = serialize({
      id: 'x', name: 'n', purpose: 'p', model: 'ppp', visibility: 'public', stage: 'scoping', startDate: null, endDate: null, memberCount: 1, createdAt: 't', updatedAt: 't',
      goals: [{ id: 'g', title: 't', description: null, sdgs: ['6'], position: 0, extra: 1 }], members: [], transitions: [], allowedActions: [], nextStages: [], myRoles: [], countries: [], sectors: [],
    });
    expect(JSON.parse(text).goals[0]).toEqual({ id: 'g', title: 't', description: null, sdgs: ['6'], position: 0 });
  });
});
