/**
 * The access matrix: every route x {anonymous, platform admin, convener, representative, member,
 * observer, member of another partnership}, generated from routes.table.ts, on SQLite and (when it
 * answers; always under CI) PostgreSQL. Allowed requests must really succeed; denied ones must answer
 * with the expected status and problem code and write nothing.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { AddressInfo } from 'node:net';
import { makeTestApp, signIn, as, type TestApp, type Session } from '../support/app';
import { buildWorld, PASSWORD, PERSONAS, type Persona, type World } from '../support/world';
import { DIALECTS, postgresAvailable, type TestDialect } from '../support/databases';
import { can, ANONYMOUS, type Actor } from '../../src/domain/access/can';
import { makeFixture, type Fixture } from './fixtures';
import { DENIAL_CODE, routeKey, type RouteCase, type BuiltRequest, type Outcome } from './routes.table';
import { ROUTES } from './all-routes';
import { snapshotDb, changedTables } from '../fuzz/db-snapshot';

const pgUp = await postgresAvailable();

const fill = (path: string, params: Record<string, string> = {}) =>
  path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    if (!(name in params)) throw new Error(`no value for :${name} in ${path}`);
    return encodeURIComponent(params[name]);
  });
const qs = (query?: Record<string, string>) => (query && Object.keys(query).length ? `?${new URLSearchParams(query)}` : '');
const caseName = (row: RouteCase, persona: Persona) =>
  `${row.method} ${row.path}${row.variant ? ` (${row.variant})` : ''} — ${persona} ${row.expect[persona] === 'allow' ? 'is allowed' : `is denied with ${row.expect[persona]}`}`;

/** The app's own routes as "METHOD /path/:param", from printRoutes (HEAD and Swagger UI's static files aside). */
function appRoutes(app: TestApp['app']): Set<string> {
  const out = new Set<string>();
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^([│ ]*)(?:├── |└── )(.+?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m) continue;
    const depth = m[1].length / 4;
    stack.length = depth;
    stack.push(m[2]);
    const full = stack.join('');
    for (const method of (m[3] ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
      if (method === 'HEAD' || full.startsWith('/api/docs')) continue; // HEAD is automatic; /api/docs is @fastify/swagger-ui's static site
      out.add(routeKey(method, full));
    }
  }
  return out;
}

async function openApiRoutes(app: TestApp['app']): Promise<Set<string>> {
  const doc = (await app.inject({ url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
  const out = new Set<string>();
  for (const [path, ops] of Object.entries(doc.paths)) for (const m of Object.keys(ops)) out.add(routeKey(m, path.replace(/\{(\w+)\}/g, ':$1')));
  return out;
}

const tableRoutes = new Set(ROUTES.map((r) => routeKey(r.method, r.path)));

describe('the access table', () => {
  it('has one expectation per persona on every row, and no row twice', () => {
    const seen = new Set<string>();
    for (const row of ROUTES) {
      expect(Object.keys(row.expect).sort()).toEqual([...PERSONAS].sort());
      const key = `${routeKey(row.method, row.path)} ${row.variant ?? ''}`;
      expect(seen.has(key), key).toBe(false);
      seen.add(key);
    }
  });
});

for (const dialect of DIALECTS) {
  describe.skipIf(dialect === 'postgres' && !pgUp)(`access matrix on ${dialect}`, () => {
    let t: TestApp;
    let w: World;
    let f: Fixture;
    let base: string;

    beforeAll(async () => {
      t = await makeTestApp(dialect as TestDialect);
      w = await buildWorld(t.deps);
      f = await makeFixture(t, w);
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    });
    afterAll(async () => t?.close());

    it('covers every route the app serves (printRoutes and the OpenAPI document)', async () => {
      const served = appRoutes(t.app);
      const documented = await openApiRoutes(t.app);
      expect(served.size).toBeGreaterThan(20);
      expect([...served].filter((r) => !tableRoutes.has(r)), 'routes missing from routes.table.ts').toEqual([]);
      expect([...documented].filter((r) => !tableRoutes.has(r)), 'documented routes missing from routes.table.ts').toEqual([]);
      expect([...tableRoutes].filter((r) => !served.has(r)), 'table rows for routes the app does not serve').toEqual([]);
    });

    async function send(row: RouteCase, persona: Persona, built: BuiltRequest) {
      const session = 'session' in built ? (built.session ?? null) : f.sessions[persona];
      const url = fill(row.path, built.params) + qs(built.query);
      return t.app.inject({ method: row.method, url, headers: { ...as(session, row.method !== 'GET'), ...(built.headers ?? {}) }, ...(built.body === undefined ? {} : { payload: built.body as object }) });
    }

    /** An event stream over a real socket: status and content type, then hang up. */
    async function openStream(row: RouteCase, persona: Persona, built: BuiltRequest) {
      const session = 'session' in built ? (built.session ?? null) : f.sessions[persona];
      const ctrl = new AbortController();
      const timer = setTimeout(() => ctrl.abort(), 10_000);
      try {
        const res = await fetch(base + fill(row.path, built.params), { headers: as(session), signal: ctrl.signal });
        const type = res.headers.get('content-type') ?? '';
        if (res.status === 200) {
          const reader = res.body!.getReader();
          const first = await reader.read();
          const text = new TextDecoder().decode(first.value);
          ctrl.abort();
          await reader.cancel().catch(() => undefined);
          return { status: res.status, type, text, json: null as null | Record<string, unknown> };
        }
        return { status: res.status, type, text: '', json: (await res.json()) as Record<string, unknown> };
      } finally {
        clearTimeout(timer);
        ctrl.abort();
      }
    }

    for (const row of ROUTES) {
      for (const persona of PERSONAS) {
        const expected: Outcome = row.expect[persona];
        it(caseName(row, persona), async () => {
          const built = await row.build(f, persona);
          if (row.stream) {
            const res = await openStream(row, persona, built);
            if (expected === 'allow') {
              expect(res.status).toBe(200);
              expect(res.type).toMatch(/^text\/event-stream/);
              expect(res.text).toContain(': connected');
            } else {
              expect(res.status, JSON.stringify(res.json)).toBe(expected);
              expect(res.type).toMatch(/^application\/problem\+json/);
              expect(res.json?.code).toBe(DENIAL_CODE[expected]);
            }
            return;
          }
          const write = row.method !== 'GET';
          const before = write && expected !== 'allow' ? await snapshotDb(t.deps) : null;
          const res = await send(row, persona, built);
          if (expected === 'allow') {
            expect(res.statusCode, res.body).toBe(row.ok);
          } else {
            expect(res.statusCode, res.body).toBe(expected);
            expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
            expect(res.json().code).toBe(DENIAL_CODE[expected]);
            if (before) expect(changedTables(before, await snapshotDb(t.deps)), 'a denied request wrote to the database').toEqual([]);
          }
        });
      }
    }

    // ---- rules no persona of the world is in a position to exercise ----------------------------

    it('anonymous gets the same answer for a private partnership and for one that does not exist', async () => {
      const missing = '01890000-0000-7000-8000-000000000000';
      for (const sub of ['', '/transitions', '/goals', '/members', '/people', '/audit']) {
        const a = await t.app.inject({ url: `/api/v1/partnerships/${w.partnership}${sub}` });
        const b = await t.app.inject({ url: `/api/v1/partnerships/${missing}${sub}` });
        expect({ sub, status: a.statusCode, code: a.json().code }).toEqual({ sub, status: b.statusCode, code: b.json().code });
      }
    });

    it('a stranger gets the same answer for a private partnership and for one that does not exist', async () => {
      const missing = '01890000-0000-7000-8000-000000000000';
      for (const sub of ['', '/transitions', '/goals', '/members', '/people', '/audit']) {
        const a = await t.app.inject({ url: `/api/v1/partnerships/${w.partnership}${sub}`, headers: as(f.sessions.outsider) });
        const b = await t.app.inject({ url: `/api/v1/partnerships/${missing}${sub}`, headers: as(f.sessions.outsider) });
        expect({ sub, status: a.statusCode }).toEqual({ sub, status: 404 });
        expect(b.statusCode).toBe(404);
      }
    });

    it('POST /api/v1/partnerships — a signed-in user who belongs to no organisation gets 422', async () => {
      const u = await f.freshUser();
      const s = await signIn(t.app, u.email, PASSWORD);
      const before = await snapshotDb(t.deps);
      const res = await t.app.inject({
        method: 'POST', url: '/api/v1/partnerships', headers: as(s, true),
        payload: { name: 'Homeless Alliance', purpose: 'An alliance with no organisation behind it.', model: 'other', convenerOrganisationId: w.orgs.convenerOrg },
      });
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().code).toBe('validation_failed');
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain('convenerOrganisationId');
      expect(changedTables(before, await snapshotDb(t.deps))).toEqual([]);
    });

    it('POST /api/v1/partnerships — naming an organisation one does not belong to gets 422', async () => {
      const res = await t.app.inject({
        method: 'POST', url: '/api/v1/partnerships', headers: as(f.sessions.outsider, true),
        payload: { name: 'Borrowed Banner', purpose: 'Convened in the name of somebody else.', model: 'other', convenerOrganisationId: w.orgs.convenerOrg },
      });
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain('convenerOrganisationId');
    });

    it('DELETE /api/v1/me/tokens/:id — someone else’s token is not found (404), and stays valid', async () => {
      const id = await f.freshToken(w.users.convener);
      const res = await t.app.inject({ method: 'DELETE', url: `/api/v1/me/tokens/${id}`, headers: as(f.sessions.member, true) });
      expect(res.statusCode, res.body).toBe(404);
      const mine = await t.app.inject({ url: '/api/v1/me/tokens', headers: as(f.sessions.convener) });
      expect(mine.json().items.map((x: { id: string }) => x.id)).toContain(id);
    });

    it('a cookie-authenticated write without the x-csrf-token header is refused with 403 csrf_failed', async () => {
      const s: Session = f.sessions.admin!;
      const res = await t.app.inject({ method: 'PATCH', url: `/api/v1/partnerships/${w.partnership}`, headers: as(s, false), payload: { purpose: 'Written without the CSRF token, must be refused.' } });
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().code).toBe('csrf_failed');
    });
  });
}

// ---- the pure rule agrees with the table --------------------------------------------------------

describe('can() agrees with the access table', () => {
  let t: TestApp;
  let w: World;
  const actors = {} as Record<Persona, Actor>;
  beforeAll(async () => {
    t = await makeTestApp('sqlite');
    w = await buildWorld(t.deps);
    for (const p of PERSONAS) actors[p] = p === 'anonymous' ? ANONYMOUS : await w.actor(w.users[p]);
  });
  afterAll(async () => t?.close());

  for (const row of ROUTES.filter((r) => r.can)) {
    for (const persona of PERSONAS) {
      const expected = row.expect[persona];
      it(`can(${persona}, ${row.can!.action}) — ${row.method} ${row.path}${row.variant ? ` (${row.variant})` : ''} expects ${expected}`, () => {
        const resource = row.can!.resource(w);
        const actor = actors[persona];
        expect(can(actor, row.can!.action, resource)).toBe(expected === 'allow');
        if (resource.type === 'partnership') {
          // 404 means "may not even read it"; 403 means "may read it, but not this"
          if (expected === 404) expect(can(actor, 'partnership.read', resource)).toBe(false);
          if (expected === 403) expect(can(actor, 'partnership.read', resource)).toBe(true);
        }
        if (expected === 401) expect(actor.kind).toBe('anonymous');
      });
    }
  }
});
