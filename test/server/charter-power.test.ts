import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { expectProblem } from '../support/problems';
import { makeTestApp, signIn, as, type TestApp, type Session } from '../support/app';
import { buildWorld, PASSWORD, type World } from '../support/world';
import { DIALECTS, postgresAvailable } from '../support/databases';
import { CharterPower } from '../../src/contracts/governance';
import { MSI_GENERAL_ASSEMBLY } from '../../src/domain/governance/templates';
import { computeCharterPower } from '../../src/services/governance/power-analysis';

const pgUp = await postgresAvailable();
const P = '/api/v1/partnerships';

/** Seats with plain weights and one rule: at least `quota` of the 100 (or so) votes. */
const weighted = (weights: number[], quota: number, extra: Record<string, unknown> = {}) => ({
  name: 'Weighted committee',
  seats: weights.map((w, i) => ({ id: `s${i + 1}`, name: `Seat ${i + 1}`, weight: String(w) })),
  rules: { ordinary: { quorum: [], pass: { kind: 'threshold', require: { kind: 'fraction', num: quota, den: weights.reduce((a, b) => a + b, 0) }, base: 'all_members' } } },
  ...extra,
});

/** Three seats by simple majority, the city's yes needed for reserved matters. */
const vetoCharter = {
  name: 'Steering committee',
  groups: [{ id: 'public', name: 'public authority' }, { id: 'private', name: 'private side' }],
  seats: [
    { id: 'city', name: 'City', group: 'public' },
    { id: 'acme', name: 'Acme', group: 'private' },
    { id: 'bolt', name: 'Bolt', group: 'private' },
  ],
  bodies: [{ id: 'sc', kind: 'steering_committee' }],
  rules: {
    ordinary: { pass: { kind: 'threshold', require: { kind: 'majority' }, base: 'all_members' } },
    reserved: { pass: { kind: 'all', of: [{ kind: 'threshold', require: { kind: 'majority' }, base: 'all_members' }, { kind: 'veto', seat: 'city' }] } },
  },
  decisionTypes: { ordinary: { rule: 'ordinary' }, reserved_matter: { rule: 'reserved' } },
  amendment: 'reserved_matter',
};

/** Any two neighbours on a ring of 16 agree: inclusion-exclusion would need more than 4,096 terms, the most exact counting takes. */
const manyAlternatives = {
  name: 'Any two neighbours',
  seats: Array.from({ length: 16 }, (_, i) => ({ id: `m${i + 1}` })),
  rules: {
    neighbours: {
      quorum: [],
      pass: { kind: 'any', of: Array.from({ length: 16 }, (_, i) => ({ kind: 'all', of: [{ kind: 'veto', seat: `m${i + 1}` }, { kind: 'veto', seat: `m${((i + 1) % 16) + 1}` }] })) },
    },
  },
};

const figures = (r: CharterPower, which: 'banzhaf' | 'shapleyShubik') => Object.fromEntries(r.seats.map((s) => [s.seat, s[which].fraction]));
type CharterPower = ReturnType<typeof CharterPower.parse>;

describe.each(DIALECTS)('voting power of a charter on %s', (dialect) => {
  let t: TestApp;
  let w: World;
  const s = {} as Record<'convener' | 'member' | 'observer' | 'outsider', Session>;
  const run = dialect === 'postgres' && !pgUp ? it.skip : it;
  const auditCount = async () => Number((await t.deps.database.db.selectFrom('audit_events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const draft = (payload: unknown) => t.app.inject({ method: 'POST', url: '/api/v1/charter-power', payload: payload as object });
  const ok = (res: { statusCode: number; body: string; json: () => unknown }) => {
    expect(res.statusCode, res.body).toBe(200);
    return CharterPower.parse(res.json());
  };

  beforeAll(async () => {
    if (dialect === 'postgres' && !pgUp) return;
    t = await makeTestApp(dialect);
    w = await buildWorld(t.deps);
    for (const k of ['convener', 'member', 'observer', 'outsider'] as const) s[k] = await signIn(t.app, w.emails[k], PASSWORD);
  });
  afterAll(async () => t?.close());

  describe('a draft (POST /api/v1/charter-power): public, nothing stored', () => {
    run('the FSC-style template: every chamber holds exactly a third of both indices and can block on its own; no seat has a veto', async () => {
      const before = await auditCount();
      const r = ok(await draft({ charter: MSI_GENERAL_ASSEMBLY }));
      expect(r).toMatchObject({ decisionType: 'ordinary', rule: 'motion', stage: 'vote', body: 'general-assembly', method: 'exact', margin: null, dictator: null, vetoPlayers: [], dummies: [] });
      expect(r.seats).toHaveLength(30);
      expect(r.groups.map((g) => [g.group, g.seats, g.nominalShare?.fraction, g.banzhaf.fraction, g.shapleyShubik.fraction, g.blocVeto])).toEqual([
        ['environmental', 10, '1/3', '1/3', '1/3', true],
        ['social', 10, '1/3', '1/3', '1/3', true],
        ['economic', 10, '1/3', '1/3', '1/3', true],
      ]);
      // an organisational member's nominal share is 1/3 x 1/2 x 9/10 / 3 = 1/20; its power is a little less
      const org = r.seats.find((x) => x.seat === 'environmental-north-org-1')!;
      expect(org).toMatchObject({ topGroup: 'environmental', group: 'environmental/north/org', nominalShare: { fraction: '1/20', display: '0.05000' }, banzhaf: { fraction: '698443/14598270', display: '0.04784', halfWidth: null } });
      expect(org.banzhaf.value).toBeCloseTo(698443 / 14598270, 12);
      expect(r.notes.join(' ')).toMatch(/Full attendance/);
      expect(await auditCount()).toBe(before);
    });

    run('weights 50, 49 and 1 with a quota of 51: Banzhaf 3/5, 1/5, 1/5 and Shapley-Shubik 2/3, 1/6, 1/6; the 50 holds a veto', async () => {
      const r = ok(await draft({ charter: weighted([50, 49, 1], 51) }));
      expect(figures(r, 'banzhaf')).toEqual({ s1: '3/5', s2: '1/5', s3: '1/5' });
      expect(figures(r, 'shapleyShubik')).toEqual({ s1: '2/3', s2: '1/6', s3: '1/6' });
      expect(r.seats.map((x) => x.nominalShare?.fraction)).toEqual(['1/2', '49/100', '1/100']);
      expect(r.vetoPlayers).toEqual(['s1']);
      expect(r.seats.map((x) => x.veto)).toEqual([true, false, false]);
      expect(r.dictator).toBeNull();
      // no groups: one row for the seats in no group, holding everything
      expect(r.groups).toEqual([expect.objectContaining({ group: null, seats: 3, banzhaf: expect.objectContaining({ fraction: '1' }) })]);
    });

    run('the EEC Council of 1958: Luxembourg is a dummy, the big three hold 5/21 each', async () => {
      const r = ok(await draft({ charter: weighted([4, 4, 4, 2, 2, 1], 12) }));
      expect(figures(r, 'banzhaf')).toEqual({ s1: '5/21', s2: '5/21', s3: '5/21', s4: '1/7', s5: '1/7', s6: '0' });
      expect(r.dummies).toEqual(['s6']);
      expect(r.seats[5]).toMatchObject({ dummy: true, banzhaf: { value: 0, display: '0.0000' } });
    });

    run('a veto seat: under the reserved-matter type the city cannot be outvoted; under the ordinary one it can', async () => {
      const reserved = ok(await draft({ charter: vetoCharter, rule: 'reserved_matter' }));
      expect(reserved).toMatchObject({ decisionType: 'reserved_matter', rule: 'reserved', body: 'sc', vetoPlayers: ['city'] });
      expect(figures(reserved, 'banzhaf')).toEqual({ city: '3/5', acme: '1/5', bolt: '1/5' });
      expect(reserved.groups.map((g) => [g.group, g.blocVeto])).toEqual([['public', true], ['private', true]]);
      // a rule name works too
      const ordinary = ok(await draft({ charter: vetoCharter, rule: 'ordinary' }));
      expect(ordinary.vetoPlayers).toEqual([]);
      expect(figures(ordinary, 'banzhaf')).toEqual({ city: '1/3', acme: '1/3', bolt: '1/3' });
      expect(ordinary.groups.map((g) => [g.group, g.blocVeto])).toEqual([['public', false], ['private', true]]);
    });

    run('a game too large to count exactly: estimated with a margin by default, refused (422 naming the rule) when exact is asked', async () => {
      const r = ok(await draft({ charter: manyAlternatives }));
      expect(r.method).toBe('estimate');
      expect(r.margin).toMatchObject({ level: 0.95, samples: 20000, estimated: ['banzhaf', 'shapleyShubik'] });
      expect(r.margin!.maxHalfWidth).toBeLessThan(0.01);
      for (const x of r.seats) {
        expect(x.banzhaf.halfWidth).toBeGreaterThan(0);
        expect(x.banzhaf.display).toMatch(/^0\.0\d+ ± 0\.0\d+$/);
        // by symmetry every seat holds 1/16
        expect(Math.abs(x.shapleyShubik.value - 1 / 16)).toBeLessThan(x.shapleyShubik.halfWidth! * 2);
        expect(Math.abs(x.banzhaf.value - 1 / 16)).toBeLessThan(x.banzhaf.halfWidth! * 2);
      }
      expect(r.notes.join(' ')).toMatch(/APPROXIMATE/);
      const p = expectProblem(await draft({ charter: manyAlternatives, method: 'exact' }), 422, 'validation_failed', 'rule');
      expect(p.errors![0]).toMatchObject({ code: 'too_large' });
      expect(p.errors![0].message).toMatch(/more than 4096 terms/);
      expect(p.errors![0].message).not.toMatch(/PRNG/);
    });

    run('bad input: 400 for what the contract refuses, 422 naming the field for what the charter or the rule refuses', async () => {
      expectProblem(await draft({ charter: 'not a charter' }), 400, 'invalid_request', 'charter');
      expectProblem(await draft({ charter: MSI_GENERAL_ASSEMBLY, method: 'guess' }), 400, 'invalid_request', 'method');
      expectProblem(await draft({ charter: MSI_GENERAL_ASSEMBLY, extra: 1 }), 400, 'invalid_request');
      const unknown = expectProblem(await draft({ charter: MSI_GENERAL_ASSEMBLY, rule: 'coin_toss' }), 422, 'validation_failed', 'rule');
      expect(unknown.errors![0].message).toMatch(/decision types ordinary, budget.*rules motion, amendment/);
      expectProblem(await draft({ charter: MSI_GENERAL_ASSEMBLY, rule: 'motion', stage: 'lunch' }), 422, 'validation_failed', 'stage');
      expectProblem(await draft({ charter: vetoCharter, stage: 'vote' }), 422, 'validation_failed', 'stage');
      // the charter's own errors, by path under `charter`
      expectProblem(await draft({ charter: { ...weighted([1, 1], 1), groups: [{ id: 'a', share: '1/2' }] } }), 422, 'validation_failed', 'charter.groups');
      expectProblem(await draft({ charter: { name: 'No rules', seats: [{ id: 'a' }] } }), 422, 'validation_failed');
      // nobody can change the outcome of a rule that passes without any yes
      expectProblem(await draft({ charter: weighted([1, 1], 0) }), 422, 'validation_failed');
    });
  });

  describe('the adopted charter (GET .../charter/power): for whoever may read the charter', () => {
    let partnership: string;
    beforeAll(async () => {
      if (dialect === 'postgres' && !pgUp) return;
      partnership = w.partnership;
      const res = await t.app.inject({ method: 'PUT', url: `${P}/${partnership}/charter`, headers: as(s.convener, true), payload: { templateId: 'ppp-steering-committee' } });
      expect(res.statusCode, res.body).toBe(201);
    });

    run('the PPP template: under the reserved-matter rule the public authority holds a veto; the lenders do not vote', async () => {
      const r = ok(await t.app.inject({ url: `${P}/${partnership}/charter/power?rule=reserved_matter`, headers: as(s.member) }));
      expect(r).toMatchObject({ decisionType: 'reserved_matter', rule: 'reserved', body: 'steering-committee', method: 'exact' });
      expect(r.seats.map((x) => x.seat)).toEqual(['public-authority', 'private-partner']);
      expect(r.vetoPlayers).toContain('public-authority');
      expect(r.seats[0]).toMatchObject({ veto: true, nominalShare: { fraction: '1/2' }, banzhaf: { fraction: '1/2' } });
      // version 1 is the one in force
      const v1 = ok(await t.app.inject({ url: `${P}/${partnership}/charter/power?rule=reserved&version=1`, headers: as(s.observer) }));
      expect(v1.decisionType).toBeNull();
      expect(v1.vetoPlayers).toEqual(r.vetoPlayers);
    });

    run('who may read: participants yes; outsiders 404 and anonymous callers 401 for a private partnership (as for the charter itself)', async () => {
      ok(await t.app.inject({ url: `${P}/${partnership}/charter/power`, headers: as(s.convener) }));
      expectProblem(await t.app.inject({ url: `${P}/${partnership}/charter/power`, headers: as(s.outsider) }), 404, 'not_found');
      expectProblem(await t.app.inject({ url: `${P}/${partnership}/charter/power` }), 401, 'unauthenticated');
    });

    run('errors: unknown version or partnership 404, no charter yet 404, unknown rule 422, bad query 400', async () => {
      expectProblem(await t.app.inject({ url: `${P}/${partnership}/charter/power?version=9`, headers: as(s.member) }), 404, 'not_found');
      // beyond any integer column: still a 404 (or a 400), never a 500
      const huge = await t.app.inject({ url: `${P}/${partnership}/charter/power?version=99999999999`, headers: as(s.member) });
      expect([400, 404], huge.body).toContain(huge.statusCode);
      expectProblem(await t.app.inject({ url: `${P}/${w.publicPartnership}/charter/power`, headers: as(s.member) }), 404, 'not_found');
      expectProblem(await t.app.inject({ url: `${P}/0190c4b2-2d8b-7e3a-9c1d-8f0a2b3c4d5e/charter/power`, headers: as(s.member) }), 404, 'not_found');
      expectProblem(await t.app.inject({ url: `${P}/${partnership}/charter/power?rule=nope`, headers: as(s.member) }), 422, 'validation_failed', 'rule');
      expectProblem(await t.app.inject({ url: `${P}/${partnership}/charter/power?version=zero`, headers: as(s.member) }), 400, 'invalid_request', 'version');
      expectProblem(await t.app.inject({ url: `${P}/${partnership}/charter/power?method=all`, headers: as(s.member) }), 400, 'invalid_request', 'method');
      expectProblem(await t.app.inject({ url: `${P}/${partnership}/charter/power?colour=red`, headers: as(s.member) }), 400, 'invalid_request');
    });
  });
});

describe('the bounds of one request', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp('sqlite');
  });
  afterAll(async () => t?.close());

  it('a game whose exact counting would hold the server for long is stopped at the deadline with a 422 naming the rule, and the next request is answered', async () => {
    // 300 seats of distinct weights under a double majority (weight and head count): the partial sums explode
    const seats = Array.from({ length: 300 }, (_, i) => ({ id: `s${i}`, weight: String(1 + ((i * 7919) % 1000)) }));
    const charter = {
      name: 'Hard',
      seats,
      rules: { hard: { quorum: [], pass: { kind: 'all', of: [{ kind: 'threshold', require: { kind: 'majority' }, base: 'all_members' }, { kind: 'threshold', require: { kind: 'majority' }, base: 'all_members', measure: 'count' }] } } },
    };
    const started = Date.now();
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/charter-power', payload: { charter, method: 'exact' } });
    const p = expectProblem(res, 422, 'validation_failed', 'rule');
    expect(p.errors![0].code).toBe('too_large');
    expect(Date.now() - started).toBeLessThan(20_000);
    const next = await t.app.inject({ method: 'POST', url: '/api/v1/charter-power', payload: { charter: weighted([50, 49, 1], 51) } });
    expect(next.statusCode, next.body).toBe(200);
  }, 60_000);

  it('an estimate repeats: the PRNG is seeded from the charter and the rule', () => {
    const a = computeCharterPower(manyAlternatives as never, { method: 'estimate' });
    const b = computeCharterPower(structuredClone(manyAlternatives) as never, { method: 'estimate' });
    expect(a.method).toBe('estimate');
    expect(b.seats.map((x) => x.banzhaf.fraction)).toEqual(a.seats.map((x) => x.banzhaf.fraction));
    expect(b.margin!.seed).toBe(a.margin!.seed);
    const other = computeCharterPower({ ...manyAlternatives, name: 'Another name' } as never, { method: 'estimate' });
    expect(other.margin!.seed).not.toBe(a.margin!.seed);
  });
});
