import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startSecondNode } from '../support/second-node';
import { makeTestApp, signIn, as, type TestApp, type Session } from '../support/app';
import { buildWorld, PASSWORD, type World } from '../support/world';
import { openSse } from '../support/sse';
import { postgresAvailable } from '../support/databases';

const pgUp = await postgresAvailable();

async function listen(t: TestApp): Promise<string> {
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  const a = t.app.server.address();
  return `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
}

describe('live events on one node (SQLite)', () => {
  let t: TestApp;
  let w: World;
  let url: string;
  let convener: Session;
  beforeAll(async () => {
    t = await makeTestApp('sqlite');
    w = await buildWorld(t.deps);
    url = await listen(t);
    convener = await signIn(t.app, w.emails.convener, PASSWORD);
  });
  afterAll(async () => t?.close());

  it('delivers a committed change to a subscribed participant, and nothing of other partnerships', async () => {
    const observer = await signIn(t.app, w.emails.observer, PASSWORD);
    const stream = await openSse(`${url}/api/v1/partnerships/${w.partnership}/events`, as(observer));
    try {
      expect(stream.status).toBe(200);
      expect(stream.contentType).toMatch(/text\/event-stream/);
      const outsider = await signIn(t.app, w.emails.outsider, PASSWORD);
      await t.app.inject({ method: 'PATCH', url: `/api/v1/partnerships/${w.otherPartnership}`, headers: as(outsider, true), payload: { name: 'Elsewhere Forest Initiative II' } });
      const res = await t.app.inject({ method: 'POST', url: `/api/v1/partnerships/${w.partnership}/goals`, headers: as(convener, true), payload: { title: 'Fewer leaks', sdgs: ['6.4'] } });
      expect(res.statusCode).toBe(201);
      const event = await stream.next((d) => d.type === 'goal.added');
      expect(event).toMatchObject({ partnershipId: w.partnership, entityType: 'goal', entityId: res.json().id, actorId: w.users.convener });
      expect(stream.received.every((e) => e.partnershipId === w.partnership)).toBe(true);
    } finally {
      stream.close();
    }
  });

  it('refuses the stream to anonymous visitors (401) and to people outside the private partnership (404)', async () => {
    const anon = await fetch(`${url}/api/v1/partnerships/${w.partnership}/events`);
    expect(anon.status).toBe(401);
    const outsider = await signIn(t.app, w.emails.outsider, PASSWORD);
    const res = await fetch(`${url}/api/v1/partnerships/${w.partnership}/events`, { headers: as(outsider) });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
  });
});

describe.skipIf(!pgUp)('live events across two app processes on one PostgreSQL database', () => {
  let t: TestApp;
  let w: World;
  let nodeB: Awaited<ReturnType<typeof startSecondNode>>;
  let urlA: string;
  let urlB: string;

  beforeAll(async () => {
    t = await makeTestApp('postgres');
    w = await buildWorld(t.deps);
    urlA = await listen(t);
    nodeB = await startSecondNode((t.deps.config.database as { url: string }).url);
    urlB = nodeB.url;
  }, 60_000);
  afterAll(async () => {
    await nodeB?.stop();
    await t?.close();
  });

  it('a change made on process A reaches a subscriber of process B, and the reverse', async () => {
    const s = await signIn(t.app, w.emails.convener, PASSWORD); // the session lives in the database: B accepts it
    const onB = await openSse(`${urlB}/api/v1/partnerships/${w.partnership}/events`, as(s));
    const onA = await openSse(`${urlA}/api/v1/partnerships/${w.partnership}/events`, as(s));
    try {
      expect(onB.status).toBe(200);
      // both nodes LISTEN before they serve, so no wait is needed here
      const fromA = await fetch(`${urlA}/api/v1/partnerships/${w.partnership}/goals`, { method: 'POST', headers: { ...as(s, true), 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Made on A', sdgs: [] }) });
      expect(fromA.status).toBe(201);
      const goalA = (await fromA.json()) as { id: string };
      expect(await onB.next((d) => d.entityId === goalA.id)).toMatchObject({ type: 'goal.added', partnershipId: w.partnership });

      const fromB = await fetch(`${urlB}/api/v1/partnerships/${w.partnership}/goals`, { method: 'POST', headers: { ...as(s, true), 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Made on B', sdgs: [] }) });
      expect(fromB.status).toBe(201);
      const goalB = (await fromB.json()) as { id: string };
      expect(await onA.next((d) => d.entityId === goalB.id)).toMatchObject({ type: 'goal.added' });
      // each node delivers each event once
      await new Promise((r) => setTimeout(r, 200));
      expect(onB.received.filter((d) => d.entityId === goalA.id)).toHaveLength(1);
    } finally {
      onA.close();
      onB.close();
    }
  });
});

describe.skipIf(!pgUp)('cached reads across two app processes on one PostgreSQL database', () => {
  let t: TestApp;
  let w: World;
  let nodeB: Awaited<ReturnType<typeof startSecondNode>>;
  let urlB: string;

  beforeAll(async () => {
    t = await makeTestApp('postgres');
    w = await buildWorld(t.deps);
    nodeB = await startSecondNode((t.deps.config.database as { url: string }).url);
    urlB = nodeB.url;
  }, 60_000);
  afterAll(async () => {
    await nodeB?.stop();
    await t?.close();
  });

  async function eventually(f: () => Promise<boolean>, ms = 3000) {
    const until = Date.now() + ms;
    while (!(await f())) {
      if (Date.now() > until) throw new Error('the change never showed');
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  it('shows on process B a change committed on process A, after B had cached the overview and the search', async () => {
    const s = await signIn(t.app, w.emails.convener, PASSWORD);
    const overview = async () => (await (await fetch(`${urlB}/api/v1/partnerships/${w.publicPartnership}`, { headers: as(s) })).json()) as { goals: { title: string }[]; members: { organisationName: string }[] };
    const search = async () => (await (await fetch(`${urlB}/api/v1/organisations?q=acme`)).json()) as { items: { name: string }[] };
    // B reads (and caches) both
    expect((await overview()).goals.map((g) => g.title)).not.toContain('Written on A');
    expect((await search()).items.map((o) => o.name)).toEqual(['Acme Water Ltd']);
    // A changes the partnership and renames a member organisation
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/partnerships/${w.publicPartnership}/goals`, headers: as(s, true), payload: { title: 'Written on A', sdgs: [] } })).statusCode).toBe(201);
    const rep = await signIn(t.app, w.emails.representative, PASSWORD);
    expect((await t.app.inject({ method: 'PATCH', url: `/api/v1/organisations/${w.orgs.partnerOrg}`, headers: as(rep, true), payload: { name: 'Acme Water Group' } })).statusCode).toBe(200);
    // B drops its cached copies when the events arrive
    await eventually(async () => (await overview()).goals.some((g) => g.title === 'Written on A'));
    await eventually(async () => (await overview()).members.some((m) => m.organisationName === 'Acme Water Group'));
    await eventually(async () => (await search()).items.some((o) => o.name === 'Acme Water Group'));
  });

  it('reads its own writes at once on the node that wrote', async () => {
    const s = await signIn(t.app, w.emails.convener, PASSWORD);
    await t.app.inject({ url: `/api/v1/partnerships/${w.publicPartnership}`, headers: as(s) }); // cache it
    const res = await t.app.inject({ method: 'PATCH', url: `/api/v1/partnerships/${w.publicPartnership}`, headers: as(s, true), payload: { name: 'Renamed just now' } });
    expect(res.statusCode).toBe(200);
    const after = await t.app.inject({ url: `/api/v1/partnerships/${w.publicPartnership}`, headers: as(s) });
    expect(after.json().name).toBe('Renamed just now');
  });
});
