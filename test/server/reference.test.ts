import path from 'node:path';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { Kysely, SqliteDialect } from 'kysely';
import { makeTestApp, signIn, as, type TestApp } from '../support/app';
import { buildWorld, PASSWORD, type World } from '../support/world';
import { DIALECTS, postgresAvailable } from '../support/databases';
import { Health, ReferenceData } from '../../src/contracts/reference';
import { Problem } from '../../src/contracts/common';
import { readIatiCodelist, SDG_COLOURS } from '../../src/standards/codelists';
import fs from 'node:fs';

const pgUp = await postgresAvailable();
const START = Date.parse('2025-03-01T09:00:00.000Z');
const steppingClock = () => {
  let t = START;
  return () => new Date((t += 1000)).toISOString();
};
const iati = (name: string) => readIatiCodelist(path.resolve('standards', 'iati', 'codelists', `${name}.xml`));
const rawXml = (name: string) => fs.readFileSync(path.resolve('standards', 'iati', 'codelists', `${name}.xml`), 'utf8');
const sdg = JSON.parse(fs.readFileSync(path.resolve('standards', 'sdg', 'sdg-goals-targets-indicators.json'), 'utf8')) as {
  goals: { code: string }[];
  targets: { code: string; goal: string }[];
};

function expectProblem(res: { statusCode: number; headers: Record<string, unknown>; body: string; json: () => unknown }, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  const p = Problem.parse(res.json());
  expect(p.status).toBe(status);
  expect(p.code).toBe(code);
  return p;
}

describe.each(DIALECTS)('reference routes on %s', (dialect) => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    if (dialect === 'postgres' && !pgUp) return;
    t = await makeTestApp(dialect, {}, { clock: steppingClock() });
    w = await buildWorld(t.deps);
  });
  afterAll(async () => t?.close());
  const run = dialect === 'postgres' && !pgUp ? it.skip : it;

  describe('GET /api/v1/reference', () => {
    run('serves the form code lists to anonymous visitors in the contract shape, cacheable for an hour', async () => {
      const res = await t.app.inject({ url: '/api/v1/reference' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.headers['cache-control']).toBe('public, max-age=3600');
      ReferenceData.parse(res.json());
      expect(Object.keys(res.json()).sort()).toEqual(['countries', 'organisationTypes', 'sdgGoals', 'sdgTargets']);
    });

    run('serves the same lists to a signed-in person', async () => {
      const s = await signIn(t.app, w.emails.observer, PASSWORD);
      const [a, b] = await Promise.all([t.app.inject({ url: '/api/v1/reference' }), t.app.inject({ url: '/api/v1/reference', headers: as(s) })]);
      expect(b.statusCode).toBe(200);
      expect(b.json()).toEqual(a.json());
    });

    run('lists every current IATI organisation type and country, and no withdrawn code', async () => {
      const data = ReferenceData.parse((await t.app.inject({ url: '/api/v1/reference' })).json());
      const activeCodes = (name: string) => {
        const all = [...rawXml(name).matchAll(/<codelist-item([^>]*)>[\s\S]*?<code>([^<]*)<\/code>/g)];
        return { active: all.filter((m) => !/withdrawn/.test(m[1])).map((m) => m[2].trim()), withdrawn: all.filter((m) => /withdrawn/.test(m[1])).map((m) => m[2].trim()) };
      };
      const types = activeCodes('OrganisationType');
      expect(data.organisationTypes.map((c) => c.code).sort()).toEqual([...types.active].sort());
      const countries = activeCodes('Country');
      expect(countries.withdrawn.length).toBeGreaterThan(0);
      const served = new Set(data.countries.map((c) => c.code));
      expect([...served].sort()).toEqual([...countries.active].sort());
      for (const c of countries.withdrawn) expect(served.has(c)).toBe(false);
      expect(data.organisationTypes.every((c) => c.name.length > 0)).toBe(true);
      expect(data.countries.find((c) => c.code === 'KE')?.name).toMatch(/kenya/i);
      // names come from the IATI list, not from the code
      expect(data.organisationTypes.find((c) => c.code === '70')?.name).toBe(iati('OrganisationType').find((c) => c.code === '70')?.name);
    });

    run('lists the 17 SDGs with their official colours and every target linked to its goal', async () => {
      const data = ReferenceData.parse((await t.app.inject({ url: '/api/v1/reference' })).json());
      expect(data.sdgGoals.map((g) => g.code)).toEqual(Array.from({ length: 17 }, (_, i) => String(i + 1)));
      for (const g of data.sdgGoals) expect(g.colour).toBe(SDG_COLOURS[g.code]);
      expect(data.sdgTargets.map((x) => x.code).sort()).toEqual(sdg.targets.map((x) => x.code).sort());
      for (const target of data.sdgTargets) expect(target.code.startsWith(`${target.goal}.`)).toBe(true);
      expect(data.sdgTargets.map((x) => x.code)).toContain('3.b');
    });

    run('has no write methods: a POST is a 404 problem', async () => {
      const s = await signIn(t.app, w.emails.admin, PASSWORD);
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/reference', headers: as(s, true), payload: {} });
      expectProblem(res, 404, 'not_found');
    });
  });

  describe('GET /api/health', () => {
    run('answers ok with the database dialect when the database answers', async () => {
      const res = await t.app.inject({ url: '/api/health' });
      expect(res.statusCode, res.body).toBe(200);
      expect(Health.parse(res.json())).toEqual({ status: 'ok', database: dialect });
    });

    run('answers 503 unavailable as a problem document when the database does not answer', async () => {
      const real = t.deps.database.db;
      const broken = new Kysely<never>({ dialect: new SqliteDialect({ database: async () => { throw new Error('database down'); } }) });
      (t.deps.database as { db: unknown }).db = broken;
      try {
        const res = await t.app.inject({ url: '/api/health' });
        expectProblem(res, 503, 'unavailable');
      } finally {
        (t.deps.database as { db: unknown }).db = real;
        await broken.destroy().catch(() => undefined);
      }
      expect((await t.app.inject({ url: '/api/health' })).statusCode).toBe(200);
    });
  });
});
