/**
 * API-token credentials and people's roles in a partnership are cached per node for about a second, and the
 * overview's answer is written once per partnership and kind of reader. None of it may outlive a change: a revoked
 * token, a changed user, a role given or taken away and a change of the partnership show on the next request of
 * the node that made the change, and on another node once the change's notification arrives (the short time to
 * live only bounds a lost notification). Both serialisers: the suite's strict one (zod) and the production one
 * (fast-json-stringify).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { makeTestApp, signIn, as, type TestApp, type Session } from '../support/app';
import { buildWorld, PASSWORD, type World } from '../support/world';
import { DIALECTS, postgresAvailable } from '../support/databases';
import { expectProblem } from '../support/problems';
import { startSecondNode } from '../support/second-node';
import { PartnershipDetail, PartnershipPerson } from '../../src/contracts/partnerships';
import { CreatedApiToken } from '../../src/contracts/accounts';
import { PARTNERSHIP_ACTIONS } from '../../src/domain/access/can';
import { composeDeps } from '../../src/server/compose';
import { buildApp } from '../../src/server/app';
import { createDatabase } from '../../src/store/database';
import { ReadCache } from '../../src/services/read-cache';
import type { Deps } from '../../src/services/context';

const pgUp = await postgresAvailable();
const P = '/api/v1/partnerships';
const CASES = DIALECTS.flatMap((d) => [
  [d, true],
  [d, false],
] as const);

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function newToken(app: FastifyInstance, who: Session, name = 'script') {
  const res = await app.inject({ method: 'POST', url: '/api/v1/me/tokens', headers: as(who, true), payload: { name } });
  expect(res.statusCode, res.body).toBe(201);
  return CreatedApiToken.parse(res.json());
}

describe.each(CASES)('cached credentials, roles and overview answers on %s (strict serialiser: %s)', (dialect, strict) => {
  let t: TestApp;
  let w: World;
  const s = {} as Record<'admin' | 'convener' | 'member' | 'observer' | 'outsider', Session>;
  const overview = async (headers: Record<string, string>, id = w.partnership) => t.app.inject({ url: `${P}/${id}`, headers });
  const readable = async (headers: Record<string, string>, id = w.partnership) => {
    const res = await overview(headers, id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    return { body: res.body, detail: PartnershipDetail.parse(res.json()) };
  };
  const givePerson = async (email: string, role: string, organisationId?: string, id = w.partnership) => {
    const res = await t.app.inject({ method: 'POST', url: `${P}/${id}/people`, headers: as(s.convener, true), payload: { email, role, ...(organisationId ? { organisationId } : {}) } });
    expect(res.statusCode, res.body).toBe(201);
    return PartnershipPerson.parse(res.json()).id;
  };
  const takePerson = async (personId: string, id = w.partnership) => {
    const res = await t.app.inject({ method: 'DELETE', url: `${P}/${id}/people/${personId}`, headers: as(s.convener, true) });
    expect(res.statusCode, res.body).toBe(200);
  };

  beforeAll(async () => {
    if (dialect === 'postgres' && !pgUp) return;
    t = await makeTestApp(dialect, {}, {}, { strictResponses: strict });
    w = await buildWorld(t.deps);
    for (const k of ['admin', 'convener', 'member', 'observer', 'outsider'] as const) s[k] = await signIn(t.app, w.emails[k], PASSWORD);
  });
  afterAll(async () => t?.close());
  const run = dialect === 'postgres' && !pgUp ? it.skip : it;

  run('answers readers with the same roles the same bytes, other readers by their own roles, and writes only the contract’s fields', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: as(s.admin, true), payload: { email: 'twin@test.accord', name: 'Tess Twin', password: PASSWORD } });
    expect(created.statusCode, created.body).toBe(201);
    await givePerson('twin@test.accord', 'member');
    const twin = await signIn(t.app, 'twin@test.accord', PASSWORD);
    const memberToken = await newToken(t.app, s.member);

    const a = await readable(bearer(memberToken.token));
    const b = await readable(as(twin));
    expect(b.body).toBe(a.body);
    expect(a.detail.myRoles).toEqual(['member']);
    expect(a.detail.allowedActions).toContain('partnership.decisions.participate');
    expect(a.detail.allowedActions).not.toContain('partnership.update');
    const contract = Object.keys(PartnershipDetail.shape).sort();
    expect(Object.keys(JSON.parse(a.body)).filter((k) => !contract.includes(k))).toEqual([]);

    const admin = await readable(as(s.admin));
    expect(admin.detail.myRoles).toEqual([]);
    expect(admin.detail.allowedActions).toEqual([...PARTNERSHIP_ACTIONS]);
    const convener = await readable(as(s.convener));
    expect(convener.detail.myRoles).toEqual(['convener']);
    expect(convener.detail.allowedActions).toContain('partnership.update');
    expect(convener.detail.nextStages.length).toBeGreaterThan(0);
    expect(a.detail.nextStages).toEqual([]);
  });

  run('asks anonymous callers to sign in to a private partnership (401) and tells outsiders it does not exist (404), after others were answered', async () => {
    await readable(as(s.member));
    for (let i = 0; i < 2; i++) {
      expectProblem(await overview({}), 401, 'unauthenticated');
      expectProblem(await overview(as(s.outsider)), 404, 'not_found');
      expectProblem(await overview({}, '01890000-0000-7000-8000-000000000000'), 401, 'unauthenticated');
      expectProblem(await overview(as(s.outsider), '01890000-0000-7000-8000-000000000000'), 404, 'not_found');
    }
    const open = await readable({}, w.publicPartnership);
    expect(open.detail.myRoles).toEqual([]);
    expect(open.detail.allowedActions).toEqual(['partnership.read', 'partnership.charter.read']);
    expect(open.detail.transitions.every((tr) => tr.reason === '' && tr.actorName === null)).toBe(true);
    expect((await readable(as(s.outsider), w.publicPartnership)).body).toBe(open.body);
  });

  run('shows a role given, changed or taken away on the very next overview request', async () => {
    const observer = (await newToken(t.app, s.observer)).token;
    for (let i = 0; i < 2; i++) {
      const d = (await readable(bearer(observer))).detail;
      expect(d.myRoles).toEqual(['observer']);
      expect(d.allowedActions).not.toContain('partnership.decisions.propose');
    }
    // the observer also becomes the convening organisation's representative
    const rep = await givePerson(w.emails.observer, 'representative', w.orgs.convenerOrg);
    const promoted = (await readable(bearer(observer))).detail;
    expect(promoted.myRoles).toEqual(['representative', 'observer']);
    expect(promoted.allowedActions).toEqual(expect.arrayContaining(['partnership.decisions.propose', 'partnership.disputes.raise']));
    await takePerson(rep);
    const demoted = (await readable(bearer(observer))).detail;
    expect(demoted.myRoles).toEqual(['observer']);
    expect(demoted.allowedActions).not.toContain('partnership.decisions.propose');
    // the last role goes: the private partnership no longer exists for them
    const people = (await t.app.inject({ url: `${P}/${w.partnership}/people?role=observer`, headers: as(s.convener) })).json().items as { id: string; userId: string }[];
    await takePerson(people.find((p) => p.userId === w.users.observer)!.id);
    expectProblem(await overview(bearer(observer)), 404, 'not_found');

    // and an outsider given a role sees the partnership at once
    expectProblem(await overview(as(s.outsider)), 404, 'not_found');
    await givePerson(w.emails.outsider, 'observer');
    expect((await readable(as(s.outsider))).detail.myRoles).toEqual(['observer']);
  });

  run('shows a change of the partnership to a reader whose answer was written before', async () => {
    const before = await readable(as(s.member));
    expect((await readable(as(s.member))).body).toBe(before.body);
    const goal = await t.app.inject({ method: 'POST', url: `${P}/${w.partnership}/goals`, headers: as(s.convener, true), payload: { title: 'Fewer leaks', sdgs: ['6.4'] } });
    expect(goal.statusCode, goal.body).toBe(201);
    expect((await readable(as(s.member))).detail.goals.map((g) => g.title)).toContain('Fewer leaks');
  });

  run('refuses a revoked token on the very next request on the same node, though it was just used', async () => {
    const first = await newToken(t.app, s.member, 'first');
    const second = await newToken(t.app, s.member, 'second');
    for (let i = 0; i < 3; i++) await readable(bearer(first.token));
    await readable(bearer(second.token));
    // revoked with itself
    const revoked = await t.app.inject({ method: 'DELETE', url: `/api/v1/me/tokens/${first.id}`, headers: bearer(first.token) });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expectProblem(await overview(bearer(first.token)), 401, 'unauthenticated');
    await readable(bearer(second.token));
    // revoked from the web app (session)
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/me/tokens/${second.id}`, headers: as(s.member, true) })).statusCode).toBe(200);
    expectProblem(await overview(bearer(second.token)), 401, 'unauthenticated');
    expectProblem(await t.app.inject({ url: '/api/v1/auth/session', headers: bearer(second.token) }), 401, 'unauthenticated');
  });

  run('writes a token’s last use once, not again on each request answered from the cache', async () => {
    const tok = await newToken(t.app, s.member, 'last-use');
    // on PostgreSQL this node also hears its own api_token.created, which would drop the first look-up's entry
    await new Promise((r) => setTimeout(r, 100));
    await readable(bearer(tok.token));
    await new Promise((r) => setTimeout(r, 15));
    const later = new Date().toISOString();
    await readable(bearer(tok.token));
    await readable(bearer(tok.token));
    const listed = (await t.app.inject({ url: '/api/v1/me/tokens', headers: as(s.member) })).json().items as { id: string; lastUsedAt: string | null }[];
    const lastUsedAt = listed.find((x) => x.id === tok.id)!.lastUsedAt;
    expect(lastUsedAt).not.toBeNull();
    expect(lastUsedAt! < later).toBe(true);
  });

  run('shows a change of the user on the very next request made with a cached token', async () => {
    const tok = (await newToken(t.app, s.convener, 'rename')).token;
    const session = async () => (await t.app.inject({ url: '/api/v1/auth/session', headers: bearer(tok) })).json().user as { id: string; name: string; isAdmin: boolean };
    expect(await session()).toMatchObject({ id: w.users.convener, name: 'Cora Convener', isAdmin: false });
    const renamed = await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: bearer(tok), payload: { name: 'Cora Renamed' } });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect((await session()).name).toBe('Cora Renamed');
    // the overview names people too (the lifecycle's actor)
    const transitions = (await readable(bearer(tok))).detail.transitions;
    expect(transitions.some((tr) => tr.actorName === 'Cora Renamed')).toBe(true);
  });
});

describe.skipIf(!pgUp)('cached credentials and roles across app nodes on one PostgreSQL database', () => {
  let t: TestApp;
  let w: World;
  let nodeB: Awaited<ReturnType<typeof startSecondNode>>;
  // a third node, in this process, whose credentials and roles would live a minute: only a notification explains
  // a change it shows sooner
  let nodeC: { app: FastifyInstance; deps: Deps };
  const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

  beforeAll(async () => {
    t = await makeTestApp('postgres');
    w = await buildWorld(t.deps);
    nodeB = await startSecondNode((t.deps.config.database as { url: string }).url);
    const deps = await composeDeps(t.deps.config, { log: quiet, cache: new ReadCache(10_000, 5_000, Date.now, 60_000) }, createDatabase(t.deps.config.database));
    nodeC = { deps, app: await buildApp(deps, { logger: false, serveWeb: false }) };
    await nodeC.app.ready();
  }, 60_000);
  afterAll(async () => {
    await nodeB?.stop();
    await nodeC?.app.close();
    await nodeC?.deps.database.close();
    await t?.close();
  });

  const onB = async (headers: Record<string, string>, id = w.partnership) => (await fetch(`${nodeB.url}${P}/${id}`, { headers })).status;
  const onC = async (headers: Record<string, string>, id = w.partnership) => (await nodeC.app.inject({ url: `${P}/${id}`, headers })).statusCode;

  it('refuses a token revoked through another node once the notification arrives, and in any case within a second', async () => {
    const member = await signIn(t.app, w.emails.member, PASSWORD);
    const tok = await newToken(t.app, member);
    for (let i = 0; i < 3; i++) {
      expect(await onB(bearer(tok.token))).toBe(200);
      expect(await onC(bearer(tok.token))).toBe(200);
    }
    const revoked = await t.app.inject({ method: 'DELETE', url: `/api/v1/me/tokens/${tok.id}`, headers: bearer(tok.token) });
    expect(revoked.statusCode, revoked.body).toBe(200);
    const at = Date.now();
    await expect.poll(() => onB(bearer(tok.token)), { timeout: 1_500, interval: 20 }).toBe(401);
    expect(Date.now() - at).toBeLessThan(1_500);
    await expect.poll(() => onC(bearer(tok.token)), { timeout: 10_000, interval: 20 }).toBe(401);
  });

  it('shows on another node a role taken away or given through the first, once the notification arrives', async () => {
    const convener = await signIn(t.app, w.emails.convener, PASSWORD);
    const observer = await signIn(t.app, w.emails.observer, PASSWORD);
    const outsider = await signIn(t.app, w.emails.outsider, PASSWORD);
    for (let i = 0; i < 2; i++) {
      expect(await onB(as(observer))).toBe(200);
      expect(await onC(as(observer))).toBe(200);
      expect(await onC(as(outsider))).toBe(404);
    }
    const people = (await t.app.inject({ url: `${P}/${w.partnership}/people?role=observer`, headers: as(convener) })).json().items as { id: string; userId: string }[];
    const removed = await t.app.inject({ method: 'DELETE', url: `${P}/${w.partnership}/people/${people.find((p) => p.userId === w.users.observer)!.id}`, headers: as(convener, true) });
    expect(removed.statusCode, removed.body).toBe(200);
    const added = await t.app.inject({ method: 'POST', url: `${P}/${w.partnership}/people`, headers: as(convener, true), payload: { email: w.emails.outsider, role: 'observer' } });
    expect(added.statusCode, added.body).toBe(201);
    await expect.poll(() => onB(as(observer)), { timeout: 5_000, interval: 20 }).toBe(404);
    await expect.poll(() => onC(as(observer)), { timeout: 5_000, interval: 20 }).toBe(404);
    await expect.poll(() => onC(as(outsider)), { timeout: 5_000, interval: 20 }).toBe(200);
  });
});
