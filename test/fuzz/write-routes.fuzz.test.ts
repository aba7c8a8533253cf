/**
 * Property: random and malformed requests to every write route never get a 5xx, every error is an
 * RFC 9457 problem document with a `code`, and whenever the answer is an error nothing was written
 * (every table but sign_in_attempts and idempotency_keys, compared row by row, and the audit heads).
 *
 * Each route is called as a persona allowed to use it (the convener; the admin for /users; the
 * anonymous caller for the public account endpoints), so the bodies reach the handlers.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fc from 'fast-check';
import { makeTestApp, as, type TestApp, type Session } from '../support/app';
import { buildWorld, PASSWORD, type World } from '../support/world';
import { DIALECTS, postgresAvailable, type TestDialect } from '../support/databases';
import { loadConfig } from '../../src/config/config';
import { makeFixture, type Fixture } from '../access/fixtures';
import { ROUTES, routeKey } from '../access/routes.table';
import { snapshotDb, changedTables } from './db-snapshot';

const pgUp = await postgresAvailable();
/** Runs per route: SQLite is the main target; PostgreSQL (other types, NUL bytes...) gets fewer. */
const RUNS: Record<TestDialect, number> = { sqlite: 60, postgres: 25 };

// ---- value generators ----------------------------------------------------------------------------
// "good" values satisfy the contract, so a body made of them reaches the handler and the database;
// `weird` values are what a client might wrongly put in one field of an otherwise good body.

const HUGE = 'x'.repeat(300_000);
/** Strings that are the right type and length but awkward content (NUL, lone surrogate, RTL, SQL...). */
const awkward = fc.constantFrom(
  'Nul \u0000 in the middle of a long enough sentence', '\u0000\u0000\u0000 nul bytes first', 'Lone surrogate \ud800 here, long enough', 'Right-to-left \u202e override text',
  '😀'.repeat(20), '<script>alert(1)</script>', "Robert'); drop table users; --", 'percent % underscore _ backslash \\ text', 'Ünïcödé ñame with accents', 'tab\tand\nnewline and more text',
);
const nasty = fc.oneof(awkward, fc.constantFrom('', ' ', '\u0000', '\ud800', HUGE, '2024-02-30', '9999-99-99', '-1', 'NaN', 'null'));
const weird: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.string({ unit: 'binary', maxLength: 40 }),
  nasty,
  awkward,
  fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
);
/** A good string: trimmed length within [min, max]; mostly words, sometimes any unicode or awkward content. */
const text = (min: number, max: number) =>
  fc
    .oneof(
      { weight: 6, arbitrary: fc.lorem({ maxCount: Math.max(1, Math.min(12, Math.floor(max / 8))) }) },
      { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: min, maxLength: Math.min(max, 60) }) },
      { weight: 1, arbitrary: awkward },
    )
    .map((v) => (v.length > max ? v.slice(0, max) : v))
    .filter((v) => v.trim().length >= min && v.length <= max);
const date = fc.date({ min: new Date('1990-01-01'), max: new Date('2045-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const country = fc.oneof({ weight: 5, arbitrary: fc.constantFrom('KE', 'FR', 'BR', 'US') }, { weight: 1, arbitrary: fc.constant('ZZ') });
const sdg = fc.oneof({ weight: 5, arbitrary: fc.constantFrom('6', '6.1', '3.b', '17', '17.19') }, { weight: 1, arbitrary: fc.constantFrom('18', '6.z') });
const uuid = fc.oneof(fc.uuid({ version: 7 }), fc.uuid());
const email = fc.emailAddress().filter((e) => /^[a-z0-9._-]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(e));
const sector = fc.constantFrom('public', 'private', 'nonprofit', 'academic', 'multilateral', 'philanthropic', 'community');
const orgRole = fc.constantFrom('org_admin', 'member');
const personRole = fc.constantFrom('convener', 'representative', 'member', 'observer');
const memberRole = fc.constantFrom('convener', 'partner', 'funder', 'implementer', 'technical_partner', 'observer');
const stage = fc.constantFrom('scoping', 'building', 'implementing', 'reviewing', 'sustaining', 'closed');
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined, freq: 3 });
const strip = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

interface Pools { emails: string[]; orgIds: string[]; convenerOrg: string }

// ---- the write routes --------------------------------------------------------------------------------

type As = 'anonymous' | 'convener' | 'admin' | 'fresh-convener-session';
interface WriteSpec {
  method: 'POST' | 'PATCH' | 'DELETE';
  path: string;
  as: As;
  /** Plausible bodies, valid or nearly so: some succeed, which is fine. */
  body: (p: Pools) => fc.Arbitrary<Record<string, unknown>>;
  /** A real target for the path parameters (fresh where the route deletes). */
  target?: (f: Fixture) => Promise<Record<string, string>>;
}

const P = '/api/v1/partnerships';
const O = '/api/v1/organisations';
const noBody = () => fc.constant({});
const goalBody = () => fc.record({ title: text(3, 300), description: opt(fc.oneof(fc.constant(null), text(0, 200))), sdgs: opt(fc.uniqueArray(sdg, { maxLength: 4 })) }, { requiredKeys: ['title'] });
const orgBody = (partial: boolean) =>
  fc.record(
    {
      name: text(2, 200), sector, iatiType: opt(fc.oneof(fc.constant(null), fc.constantFrom('10', '11', '70', '99'))), country: opt(fc.oneof(fc.constant(null), country)),
      iatiIdentifier: opt(fc.oneof(fc.constant(null), fc.constantFrom('GB-COH-01234567', 'XM-DAC-41114', 'ZZ-XXX-1'), fc.nat().map((n) => `GB-COH-${n}`))),
      website: opt(fc.oneof(fc.constant(null), fc.webUrl({ validSchemes: ['http', 'https'] }).filter((u) => u.length <= 500))),
      description: opt(fc.oneof(fc.constant(null), text(0, 300))), offers: opt(fc.array(text(1, 60), { maxLength: 4 })), seeks: opt(fc.array(text(1, 60), { maxLength: 4 })),
    },
    { requiredKeys: partial ? [] : ['name', 'sector'] },
  );

const SPECS: WriteSpec[] = [
  { method: 'POST', path: '/api/v1/auth/sign-in', as: 'anonymous', body: (p) => fc.record({ email: fc.oneof(fc.constantFrom(...p.emails, 'convener@test.accord', 'CONVENER@test.accord'), email), password: fc.oneof(fc.constant(PASSWORD), text(1, 30)) }) },
  { method: 'POST', path: '/api/v1/auth/sign-out', as: 'fresh-convener-session', body: noBody },
  { method: 'POST', path: '/api/v1/auth/password-reset', as: 'anonymous', body: (p) => fc.record({ email: fc.oneof(fc.constantFrom(...p.emails), email) }) },
  { method: 'POST', path: '/api/v1/auth/password-reset/confirm', as: 'anonymous', body: () => fc.record({ token: fc.base64String({ minLength: 20, maxLength: 60 }), password: text(10, 40) }) },
  { method: 'PATCH', path: '/api/v1/me', as: 'convener', body: () => fc.record({ name: text(1, 200), locale: fc.constantFrom('en', 'fr', 'es') }, { requiredKeys: [] }) },
  { method: 'POST', path: '/api/v1/me/tokens', as: 'convener', body: () => fc.record({ name: text(1, 100) }) },
  { method: 'DELETE', path: '/api/v1/me/tokens/:id', as: 'convener', body: noBody, target: async (f) => ({ id: await f.freshToken(f.w.users.convener) }) },
  {
    method: 'POST', path: '/api/v1/users', as: 'admin',
    body: (p) => fc.record({ email: fc.oneof(email, fc.constantFrom(...p.emails)), name: text(1, 200), password: text(10, 60), isAdmin: opt(fc.boolean()), locale: opt(fc.constantFrom('en', 'fr', 'es')) }, { requiredKeys: ['email', 'name', 'password'] }),
  },
  { method: 'POST', path: O, as: 'convener', body: () => orgBody(false) },
  { method: 'PATCH', path: `${O}/:id`, as: 'convener', body: () => orgBody(true), target: async (f) => ({ id: f.w.orgs.convenerOrg }) },
  { method: 'POST', path: `${O}/:id/members`, as: 'convener', body: (p) => fc.record({ email: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...p.emails) }, { weight: 1, arbitrary: email }), role: orgRole }), target: async (f) => ({ id: f.w.orgs.convenerOrg }) },
  { method: 'DELETE', path: `${O}/:id/members/:userId`, as: 'convener', body: noBody, target: async (f) => ({ id: f.w.orgs.convenerOrg, userId: await f.freshOrgPerson() }) },
  {
    method: 'POST', path: P, as: 'convener',
    body: (p) =>
      fc.record(
        {
          name: text(3, 200), purpose: text(10, 400), model: fc.constantFrom('ppp', 'nonprofit_corporate', 'msi', 'other'), visibility: opt(fc.constantFrom('public', 'private')),
          startDate: opt(fc.oneof(fc.constant(null), date)), endDate: opt(fc.oneof(fc.constant(null), date)), countries: opt(fc.array(country, { maxLength: 4 })), sectors: opt(fc.array(sector, { maxLength: 4 })),
          convenerOrganisationId: fc.oneof({ weight: 4, arbitrary: fc.constant(p.convenerOrg) }, { weight: 1, arbitrary: fc.constantFrom(...p.orgIds) }, { weight: 1, arbitrary: fc.uuid({ version: 7 }) }), goals: opt(fc.array(goalBody(), { maxLength: 3 })),
        },
        { requiredKeys: ['name', 'purpose', 'model', 'convenerOrganisationId'] },
      ),
  },
  {
    method: 'PATCH', path: `${P}/:id`, as: 'convener', target: async (f) => ({ id: f.w.partnership }),
    body: () => fc.record({ name: text(3, 200), purpose: text(10, 400), visibility: fc.constantFrom('public', 'private'), startDate: fc.oneof(fc.constant(null), date), endDate: fc.oneof(fc.constant(null), date), countries: fc.array(country, { maxLength: 4 }), sectors: fc.array(sector, { maxLength: 4 }) }, { requiredKeys: [] }),
  },
  { method: 'POST', path: `${P}/:id/transitions`, as: 'convener', body: () => fc.record({ to: stage, reason: text(3, 200) }), target: async (f) => ({ id: f.w.partnership }) },
  { method: 'POST', path: `${P}/:id/goals`, as: 'convener', body: goalBody, target: async (f) => ({ id: f.w.partnership }) },
  { method: 'PATCH', path: `${P}/:id/goals/:goalId`, as: 'convener', body: goalBody, target: async (f) => ({ id: f.w.partnership, goalId: await f.freshGoal() }) },
  { method: 'DELETE', path: `${P}/:id/goals/:goalId`, as: 'convener', body: noBody, target: async (f) => ({ id: f.w.partnership, goalId: await f.freshGoal() }) },
  { method: 'POST', path: `${P}/:id/members`, as: 'convener', body: (p) => fc.record({ organisationId: fc.oneof(fc.constantFrom(...p.orgIds), uuid), role: memberRole, joinedOn: opt(date) }, { requiredKeys: ['organisationId', 'role'] }), target: async (f) => ({ id: f.w.partnership }) },
  { method: 'PATCH', path: `${P}/:id/members/:memberId`, as: 'convener', body: () => fc.record({ role: memberRole, leftOn: fc.oneof(fc.constant(null), date) }, { requiredKeys: [] }), target: async (f) => ({ id: f.w.partnership, memberId: await f.freshMembership() }) },
  { method: 'POST', path: `${P}/:id/people`, as: 'convener', body: (p) => fc.record({ email: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...p.emails) }, { weight: 1, arbitrary: email }), role: personRole, organisationId: opt(fc.oneof(fc.constant(null), fc.constantFrom(...p.orgIds), uuid)) }, { requiredKeys: ['email', 'role'] }), target: async (f) => ({ id: f.w.partnership }) },
  { method: 'DELETE', path: `${P}/:id/people/:personId`, as: 'convener', body: noBody, target: async (f) => ({ id: f.w.partnership, personId: await f.freshPerson() }) },
];

// ---- what is sent --------------------------------------------------------------------------------

/** One request: the body as bytes on the wire and its content type (undefined: header not sent). */
interface Wire { payload: string | undefined; contentType: string | undefined; label: string }

const json = (label: string, v: unknown): Wire => {
  let payload: string | undefined;
  try {
    payload = JSON.stringify(v);
  } catch {
    payload = '{}';
  }
  return { payload: payload ?? 'null', contentType: 'application/json', label };
};

function wireFor(spec: WriteSpec, pools: Pools): fc.Arbitrary<Wire> {
  const valid = spec.body(pools);
  const withWrongField = valid.chain((b) => {
    const keys = Object.keys(b);
    if (!keys.length) return weird.map((v) => json('empty body with a stray field', { stray: v }));
    return fc.tuple(fc.constantFrom(...keys), weird).map(([k, v]) => json(`wrong value for ${k}`, { ...b, [k]: v }));
  });
  const withoutField = valid.chain((b) => {
    const keys = Object.keys(b);
    return keys.length ? fc.constantFrom(...keys).map((k) => json(`without ${k}`, strip({ ...b, [k]: undefined }))) : fc.constant(json('valid', b));
  });
  const withExtraKey = fc.tuple(valid, fc.string({ minLength: 1, maxLength: 12 }), fc.jsonValue({ maxDepth: 1 })).map(([b, k, v]) => json('extra key', { ...b, [k]: v }));
  const rawText = fc.oneof(
    fc.constantFrom('', ' ', 'null', 'true', '0', '[]', '"text"', '{', '{"a":', '}', 'undefined', '\u0000', '{"__proto__":{"isAdmin":true}}', '{"constructor":{"prototype":{"isAdmin":true}}}', '[{}]', '{"name":"\\ud800"}'),
    fc.string({ maxLength: 60 }),
    fc.string({ unit: 'binary', maxLength: 60 }),
  );
  return fc.oneof(
    { weight: 10, arbitrary: valid.map((b) => json('valid', b)) },
    { weight: 5, arbitrary: withWrongField },
    { weight: 2, arbitrary: withoutField },
    { weight: 2, arbitrary: withExtraKey },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => json('any json', v)) },
    { weight: 2, arbitrary: fc.object({ maxDepth: 2 }).map((v) => json('any object', v)) },
    { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }).map((v) => json('anything', v)) },
    { weight: 3, arbitrary: rawText.map((s) => ({ payload: s, contentType: 'application/json', label: 'raw text as json' })) },
    { weight: 1, arbitrary: fc.constant<Wire>({ payload: undefined, contentType: 'application/json', label: 'no body, json content type' }) },
    { weight: 1, arbitrary: fc.constant<Wire>({ payload: undefined, contentType: undefined, label: 'no body, no content type' }) },
    {
      weight: 1,
      arbitrary: fc.tuple(valid, fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'multipart/form-data', 'application/json; charset=latin1', 'APPLICATION/JSON', undefined)).map(
        ([b, ct]) => ({ payload: JSON.stringify(b), contentType: ct, label: `valid body as ${ct}` }),
      ),
    },
  );
}

/** Path parameters: mostly a real target, sometimes another uuid or garbage. */
const paramsArb = (spec: WriteSpec) =>
  spec.path.includes(':')
    ? fc.oneof(
        { weight: 6, arbitrary: fc.constant<'real' | { swap: string; value: string }>('real') },
        { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...[...spec.path.matchAll(/:(\w+)/g)].map((m) => m[1])), fc.oneof(fc.uuid(), fc.string({ minLength: 1, maxLength: 30 }), fc.constantFrom('..', '%00', '00000000-0000-0000-0000-000000000000'))).map(([swap, value]) => ({ swap, value })) },
      )
    : fc.constant<'real' | { swap: string; value: string }>('real');

const idempotencyArb = fc.option(fc.oneof(fc.stringMatching(/^[A-Za-z0-9-]{0,210}$/), fc.constantFrom('fuzz-key-0001', 'short')), { nil: undefined, freq: 4 });

// ---- the properties ----------------------------------------------------------------------------------

describe('every write route has a fuzz spec', () => {
  it('covers each POST/PATCH/DELETE route of the access table (and so of the app)', () => {
    const writes = new Set(ROUTES.filter((r) => r.method !== 'GET').map((r) => routeKey(r.method, r.path)));
    const fuzzed = new Set(SPECS.map((s) => routeKey(s.method, s.path)));
    expect([...writes].filter((k) => !fuzzed.has(k))).toEqual([]);
    expect([...fuzzed].filter((k) => !writes.has(k))).toEqual([]);
  });
});

for (const dialect of DIALECTS) {
  describe.skipIf(dialect === 'postgres' && !pgUp)(`write routes under random input on ${dialect}`, () => {
    let t: TestApp;
    let w: World;
    let f: Fixture;
    let pools: Pools;

    beforeAll(async () => {
      // failed sign-ins are many here: keep the rate limit out of the way so sign-in is really exercised
      t = await makeTestApp(dialect as TestDialect, { signIn: { ...loadConfig({}).signIn, maxFailures: 1000 } });
      w = await buildWorld(t.deps);
      f = await makeFixture(t, w);
      const bystanders = [await f.freshUser(), await f.freshUser(), await f.freshUser()];
      pools = { emails: bystanders.map((b) => b.email), orgIds: [w.orgs.otherOrg, w.orgs.spareOrg, await f.freshOrg(), await f.freshOrg()], convenerOrg: w.orgs.convenerOrg };
    });
    /** Status counts per route; FUZZ_STATS=1 prints them (to check the bodies reach the handlers). */
    const stats = new Map<string, Record<number, number>>();
    afterAll(async () => {
      if (process.env.FUZZ_STATS) for (const [k, v] of stats) console.log(`${dialect} ${k} ${JSON.stringify(v)}`);
      await t?.close();
    });

    for (const spec of SPECS) {
      it(`${spec.method} ${spec.path} — never a 5xx, errors are problems, an error writes nothing`, async () => {
        await fc.assert(
          fc.asyncProperty(wireFor(spec, pools), paramsArb(spec), idempotencyArb, async (wire, swap, idemKey) => {
            const params = spec.target ? await spec.target(f) : {};
            if (swap !== 'real') params[swap.swap] = swap.value;
            const url = spec.path.replace(/:(\w+)/g, (_, n: string) => encodeURIComponent(params[n]));
            const session: Session | null =
              spec.as === 'anonymous' ? null : spec.as === 'fresh-convener-session' ? await f.freshSession('convener') : f.sessions[spec.as];
            const headers: Record<string, string> = { ...as(session, true) };
            if (wire.contentType !== undefined) headers['content-type'] = wire.contentType;
            if (idemKey !== undefined) headers['idempotency-key'] = idemKey;

            await t.app.settle(); // e-mails of earlier runs are sent after their answers
            const before = await snapshotDb(t.deps);
            const res = await t.app.inject({ method: spec.method, url, headers, ...(wire.payload === undefined ? {} : { payload: wire.payload }) });
            await t.app.settle();
            const counts = stats.get(`${spec.method} ${spec.path}`) ?? {};
            counts[res.statusCode] = (counts[res.statusCode] ?? 0) + 1;
            stats.set(`${spec.method} ${spec.path}`, counts);
            const context = `${spec.method} ${url} [${wire.label}] ${res.statusCode} ${res.body.slice(0, 400)}\nsent: ${(wire.payload ?? '<none>').slice(0, 300)}`;

            // a partial write is the worse finding, so it is checked before the status
            if (res.statusCode >= 400) expect(changedTables(before, await snapshotDb(t.deps)), `${context}\nwrote despite the error`).toEqual([]);
            expect(res.statusCode, context).toBeLessThan(500);
            if (res.statusCode >= 400) {
              expect(res.headers['content-type'], context).toMatch(/^application\/problem\+json/);
              const problem = res.json() as { code?: unknown; status?: unknown };
              expect(typeof problem.code === 'string' && problem.code.length > 0, context).toBe(true);
              expect(problem.status, context).toBe(res.statusCode);
            }
          }),
          { numRuns: RUNS[dialect as TestDialect], endOnFailure: false, interruptAfterTimeLimit: 60_000 },
        );
      }, 180_000);
    }

    // Found by the property above on PostgreSQL: a NUL character (valid JSON "\u0000") in any text field
    // reaches the database, which refuses it (SQLSTATE 22021), and the answer is a 500.
    const NUL = 'Nul \u0000 in the middle of a long enough sentence';
    const nulCases: { name: string; method: 'POST' | 'PATCH'; url: (w: World) => string; as: 'convener' | 'admin' | 'anonymous'; body: (w: World) => Record<string, unknown> }[] = [
      { name: 'organisation name', method: 'POST', url: () => O, as: 'convener', body: () => ({ name: NUL, sector: 'community' }) },
      { name: 'organisation description', method: 'PATCH', url: (w) => `${O}/${w.orgs.convenerOrg}`, as: 'convener', body: () => ({ description: NUL }) },
      { name: 'organisation tag', method: 'PATCH', url: (w) => `${O}/${w.orgs.convenerOrg}`, as: 'convener', body: () => ({ offers: [NUL] }) },
      { name: 'partnership purpose', method: 'PATCH', url: (w) => `${P}/${w.partnership}`, as: 'convener', body: () => ({ purpose: NUL }) },
      { name: 'new partnership name', method: 'POST', url: () => P, as: 'convener', body: (w) => ({ name: NUL, purpose: 'A purpose long enough.', model: 'msi', convenerOrganisationId: w.orgs.convenerOrg }) },
      { name: 'goal title', method: 'POST', url: (w) => `${P}/${w.partnership}/goals`, as: 'convener', body: () => ({ title: NUL }) },
      { name: 'transition reason', method: 'POST', url: (w) => `${P}/${w.otherPartnership}/transitions`, as: 'admin', body: () => ({ to: 'building', reason: NUL }) },
      { name: 'my name', method: 'PATCH', url: () => '/api/v1/me', as: 'convener', body: () => ({ name: NUL }) },
      { name: 'API token name', method: 'POST', url: () => '/api/v1/me/tokens', as: 'convener', body: () => ({ name: NUL }) },
      { name: 'new account name', method: 'POST', url: () => '/api/v1/users', as: 'admin', body: () => ({ email: `nul-${Date.now()}@test.accord`, name: NUL, password: 'long-enough-password' }) },
      { name: 'sign-in password', method: 'POST', url: () => '/api/v1/auth/sign-in', as: 'anonymous', body: (w) => ({ email: w.emails.member, password: NUL }) },
    ];
    for (const c of nulCases) {
      it(`a NUL character in the ${c.name} is never a 5xx (${c.method})`, async () => {
        const before = await snapshotDb(t.deps);
        const res = await t.app.inject({ method: c.method, url: c.url(w), headers: as(c.as === 'anonymous' ? null : f.sessions[c.as], true), payload: c.body(w) });
        if (res.statusCode >= 400) expect(changedTables(before, await snapshotDb(t.deps)), 'wrote despite the error').toEqual([]);
        expect(res.statusCode, res.body).toBeLessThan(500);
        expect(res.statusCode === 400 || res.statusCode === 422 || res.statusCode < 300 || res.statusCode === 401, `a client mistake: 400/422 (or 2xx if accepted), got ${res.statusCode}`).toBe(true);
        if (res.statusCode >= 400) expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      });
    }

    it('a body over the 1 MiB limit is refused with 413 and writes nothing', async () => {
      const before = await snapshotDb(t.deps);
      const res = await t.app.inject({
        method: 'POST', url: `${P}/${w.partnership}/goals`, headers: { ...as(f.sessions.convener, true), 'content-type': 'application/json' },
        payload: JSON.stringify({ title: 'Big', description: 'x'.repeat(1_100_000) }),
      });
      expect(res.statusCode, res.body.slice(0, 300)).toBe(413);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(changedTables(before, await snapshotDb(t.deps))).toEqual([]);
    });
  });
}
