/**
 * Property: random query strings on the list routes (search text, cursors, limits, sorts, filters)
 * never get a 5xx; errors are problem documents. Plus the concrete cases the property found.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fc from 'fast-check';
import { makeTestApp, as, type TestApp } from '../support/app';
import { buildWorld, type World } from '../support/world';
import { DIALECTS, postgresAvailable, type TestDialect } from '../support/databases';
import { makeFixture, type Fixture } from '../access/fixtures';

const pgUp = await postgresAvailable();
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

const value = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom('\u0000', '%', '_', '\\', '-1', '0', '101', '1e3', 'NaN', 'true', 'KE', 'ppp', 'name', '-createdAt'),
  fc.jsonValue({ maxDepth: 1 }).map(b64),
  fc.tuple(fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.double()), fc.string({ maxLength: 8 })).map(b64),
);

/** Values that pass each parameter's contract, so the awkward ones among them reach the database. */
const good: Record<string, fc.Arbitrary<string>> = {
  q: fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('\u0000', 'a\u0000b', '%', '_', '\\', "o'neil", 'Ünï')),
  tag: fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('\u0000', '%', 'engineering')),
  sector: fc.constantFrom('public', 'private', 'community'),
  country: fc.constantFrom('KE', 'FR', 'ZZ'),
  tagKind: fc.constantFrom('offers', 'seeks'),
  model: fc.constantFrom('ppp', 'msi'),
  stage: fc.constantFrom('scoping', 'closed'),
  mine: fc.constantFrom('true', 'false'),
  sort: fc.constantFrom('name', '-name', 'createdAt', '-createdAt'),
  limit: fc.integer({ min: 1, max: 100 }).map(String),
  cursor: fc.oneof(fc.jsonValue({ maxDepth: 1 }).map(b64), fc.tuple(fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.double()), fc.string({ maxLength: 8 })).map(b64)),
};
const query = (keys: string[]) =>
  fc.dictionary(fc.constantFrom(...keys), fc.constant(''), { maxKeys: 3 }).chain((d) =>
    fc.record(Object.fromEntries(Object.keys(d).map((k) => [k, fc.oneof({ weight: 3, arbitrary: good[k] }, { weight: 1, arbitrary: value })]))) as fc.Arbitrary<Record<string, string>>,
  );

describe.each(DIALECTS.map((d) => [d]))('list routes under random query strings on %s', (dialect) => {
  let t: TestApp;
  let w: World;
  let f: Fixture;
  beforeAll(async () => {
    if (dialect === 'postgres' && !pgUp) return;
    t = await makeTestApp(dialect as TestDialect);
    w = await buildWorld(t.deps);
    f = await makeFixture(t, w);
  });
  afterAll(async () => t?.close());

  const lists: { path: (w: World) => string; keys: string[]; as: 'admin' | 'convener' | 'anonymous' }[] = [
    { path: () => '/api/v1/organisations', keys: ['q', 'sector', 'country', 'tag', 'tagKind', 'sort', 'cursor', 'limit'], as: 'anonymous' },
    { path: () => '/api/v1/partnerships', keys: ['q', 'model', 'stage', 'country', 'mine', 'sort', 'cursor', 'limit'], as: 'convener' },
    { path: () => '/api/v1/users', keys: ['cursor', 'limit'], as: 'admin' },
    { path: (w) => `/api/v1/partnerships/${w.partnership}/audit`, keys: ['cursor', 'limit'], as: 'convener' },
  ];
  for (const l of lists) {
    it.skipIf(dialect === 'postgres' && !pgUp)(`GET ${l.path({ partnership: ':id' } as World)} — never a 5xx`, async () => {
      await fc.assert(
        fc.asyncProperty(query(l.keys), async (q) => {
          const url = `${l.path(w)}?${new URLSearchParams(q)}`;
          const res = await t.app.inject({ url, headers: as(l.as === 'anonymous' ? null : f.sessions[l.as]) });
          expect(res.statusCode, `${url} ${res.body.slice(0, 300)}`).toBeLessThan(500);
          if (res.statusCode >= 400) expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        }),
        { numRuns: dialect === 'sqlite' ? 80 : 40 },
      );
    });
  }

  // concrete cases, found on PostgreSQL
  const cases = [
    { name: 'search text with a NUL character (organisations)', url: () => '/api/v1/organisations?q=%00' },
    { name: 'tag with a NUL character (organisations)', url: () => '/api/v1/organisations?tag=a%00b' },
    { name: 'search text with a NUL character (partnerships)', url: () => '/api/v1/partnerships?q=%00' },
    { name: 'audit cursor whose position is not a number', url: (w: World) => `/api/v1/partnerships/${w.partnership}/audit?cursor=${b64(['a', 'b'])}` },
  ];
  for (const c of cases) {
    it.skipIf(dialect === 'postgres' && !pgUp)(`${c.name} is a client error or an empty page, never a 5xx`, async () => {
      const res = await t.app.inject({ url: c.url(w), headers: as(f.sessions.convener) });
      expect(res.statusCode, res.body).toBeLessThan(500);
      if (res.statusCode >= 400) {
        expect(res.statusCode).toBe(400);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      }
    });
  }
});

/** Values for the voting-power query: the template's decision types, rules and stages, and awkward ones. */
const powerGood: Record<string, fc.Arbitrary<string>> = {
  rule: fc.oneof(fc.constantFrom('ordinary', 'budget', 'admission', 'amendment', 'dispute_ruling', 'motion', 'committee', 'nope', ''), fc.string({ maxLength: 90 })),
  stage: fc.constantFrom('vote', 'consensus', 'nope', '', ' '),
  method: fc.constantFrom('auto', 'exact', 'estimate', 'monte_carlo'),
  version: fc.oneof(fc.constantFrom('1', '2', '0', '-1', '1.5', '1e3', '9007199254740993'), fc.integer().map(String)),
};

describe.each(DIALECTS.map((d) => [d]))('voting power of the adopted charter under random query strings on %s', (dialect) => {
  let t: TestApp;
  let w: World;
  let f: Fixture;
  beforeAll(async () => {
    if (dialect === 'postgres' && !pgUp) return;
    t = await makeTestApp(dialect as TestDialect);
    w = await buildWorld(t.deps);
    f = await makeFixture(t, w);
    const res = await t.app.inject({ method: 'PUT', url: `/api/v1/partnerships/${w.partnership}/charter`, headers: as(f.sessions.convener, true), payload: { templateId: 'msi-general-assembly' } });
    expect(res.statusCode, res.body).toBe(201);
  });
  afterAll(async () => t?.close());

  it.skipIf(dialect === 'postgres' && !pgUp)('GET /api/v1/partnerships/:id/charter/power — never a 5xx; a 200 is the power of the charter in force', async () => {
    const keys = Object.keys(powerGood);
    const q = fc
      .dictionary(fc.constantFrom(...keys, 'colour'), fc.constant(''), { maxKeys: 3 })
      .chain((d) => fc.record(Object.fromEntries(Object.keys(d).map((k) => [k, k in powerGood ? fc.oneof({ weight: 3, arbitrary: powerGood[k] }, { weight: 1, arbitrary: value }) : value]))) as fc.Arbitrary<Record<string, string>>);
    await fc.assert(
      fc.asyncProperty(q, async (query) => {
        const url = `/api/v1/partnerships/${w.partnership}/charter/power?${new URLSearchParams(query)}`;
        const res = await t.app.inject({ url, headers: as(f.sessions.member) });
        expect(res.statusCode, `${url} ${res.body.slice(0, 300)}`).toBeLessThan(500);
        if (res.statusCode >= 400) expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        // the general assembly's 30 seats, or the three of the dispute committee for its rule
        else expect(res.json().seats.length, url).toBe(res.json().body === 'dispute-committee' ? 3 : 30);
      }),
      { numRuns: dialect === 'sqlite' ? 60 : 25 },
    );
  }, 120_000);
});
