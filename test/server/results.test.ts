import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { expectProblem } from '../support/problems';
import { makeTestApp, signIn, as, type TestApp, type Session } from '../support/app';
import { buildWorld, PASSWORD, type World } from '../support/world';
import { DIALECTS, postgresAvailable } from '../support/databases';
import { Contributions, ResultNodeDetail, ResultsTree } from '../../src/contracts/results';
import { createPartnership, addMember, addPerson } from '../../src/services/partnerships/partnerships';
import { pledge } from '../../src/services/accountability/commitments';
import fc from 'fast-check';


const pgUp = await postgresAvailable();
const START = Date.parse('2025-06-30T09:00:00.000Z');
const P = '/api/v1/partnerships';
const TABLES = ['result_nodes', 'indicators', 'result_contributions', 'audit_events'] as const;

describe.each(DIALECTS)('the results tree on %s', (dialect) => {
  let t: TestApp;
  let w: World;
  let now = START;
  const s = {} as Record<'admin' | 'convener' | 'representative' | 'member' | 'observer' | 'outsider', Session>;
  let n = 0;
  const uniq = (prefix: string) => `${prefix} ${++n}`;
  const counts = async () =>
    Promise.all(TABLES.map(async (table) => Number((await t.deps.database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)));

  async function fresh() {
    const c = await w.actor(w.users.convener);
    const p = await createPartnership(t.deps, c, {
      name: uniq('Immunisation Compact'), purpose: 'Fewer children die of preventable disease.', model: 'ppp', visibility: 'private',
      countries: ['KE'], sectors: ['public'], convenerOrganisationId: w.orgs.convenerOrg, goals: [{ title: 'Child health', sdgs: ['3'] }],
    });
    await addMember(t.deps, c, p.id, { organisationId: w.orgs.partnerOrg, role: 'partner' });
    await addPerson(t.deps, c, p.id, { email: w.emails.representative, role: 'representative', organisationId: w.orgs.partnerOrg });
    await addPerson(t.deps, c, p.id, { email: w.emails.member, role: 'member', organisationId: w.orgs.convenerOrg });
    return { id: p.id, goalId: p.goals[0].id as string };
  }
  const send = (method: 'POST' | 'PATCH' | 'DELETE' | 'PUT', pid: string, path: string, payload?: unknown, who: Session = s.convener) =>
    t.app.inject({ method, url: `${P}/${pid}/${path}`, headers: as(who, true), ...(payload === undefined ? {} : { payload: payload as object }) });
  const node = async (pid: string, payload: Record<string, unknown>) => {
    const res = await send('POST', pid, 'results', payload);
    expect(res.statusCode, res.body).toBe(201);
    return ResultNodeDetail.parse(res.json());
  };
  const tree = async (pid: string, qs = '', who: Session = s.convener) => {
    const res = await t.app.inject({ url: `${P}/${pid}/results${qs}`, headers: as(who) });
    expect(res.statusCode, res.body).toBe(200);
    return ResultsTree.parse(res.json());
  };
  const indicator = async (pid: string, nodeId: string, title: string, over: Record<string, unknown> = {}) => {
    const res = await send('POST', pid, 'indicators', {
      nodeId, title, definition: `${title}, from the programme records`, unit: 'items', measure: 'unit', direction: 'higher_is_better', valueKind: 'cumulative',
      targets: [{ periodKey: '2025', value: 100 }], responsiblePartnerIds: [w.orgs.partnerOrg], schedule: { frequency: 'annual', start: '2025-01-01', end: '2025-12-31' }, ...over,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  /** Acme Water reports the value for 2025 and the convener approves it. */
  const approve = async (pid: string, indicatorId: string, value: number) => {
    const d = await send('POST', pid, `indicators/${indicatorId}/submissions`, { periodKey: '2025', partnerId: w.orgs.partnerOrg, value }, s.representative);
    expect(d.statusCode, d.body).toBe(201);
    const id = d.json().id;
    expect((await send('POST', pid, `indicator-submissions/${id}/submit`, {}, s.representative)).statusCode).toBe(200);
    expect((await send('POST', pid, `indicator-submissions/${id}/approve`, {})).statusCode).toBe(200);
  };

  beforeAll(async () => {
    if (dialect === 'postgres' && !pgUp) return;
    t = await makeTestApp(dialect, { sessionTtlHours: 24 * 90 }, { clock: () => new Date((now += 1000)).toISOString() });
    w = await buildWorld(t.deps);
    for (const k of Object.keys(w.emails) as (keyof typeof s)[]) s[k] = await signIn(t.app, w.emails[k], PASSWORD);
  });
  afterAll(async () => t?.close());
  const run = dialect === 'postgres' && !pgUp ? it.skip : it;

  describe('building the tree', () => {
    run('puts goals at the top, outcomes under goals and outputs under outcomes, links a goal to the partnership goal, and audits it', async () => {
      const p = await fresh();
      const g = await node(p.id, { level: 'goal', title: '  Fewer children die of preventable disease ', goalId: p.goalId });
      const oc = await node(p.id, { level: 'outcome', parentId: g.id, title: 'Higher DTP3 coverage' });
      const op = await node(p.id, { level: 'output', parentId: oc.id, title: 'Health workers trained', description: 'Two-day course' });
      expect(g).toMatchObject({ level: 'goal', parentId: null, goalId: p.goalId, title: 'Fewer children die of preventable disease', weight: null, position: 0 });
      expect(op).toMatchObject({ parentId: oc.id, description: 'Two-day course', position: 2 });
      const view = await tree(p.id, '', s.member);
      expect(view.nodes.map((x) => [x.level, x.title])).toEqual([['goal', g.title], ['outcome', oc.title], ['output', op.title]]);
      expect(view.overall).toMatchObject({ progress: null, percent: null });
      expect(view.allowedActions).toEqual([]);
      expect((await tree(p.id)).allowedActions).toEqual(['manage', 'report', 'review']);
      const audit = (await t.app.inject({ url: `${P}/${p.id}/audit?limit=1`, headers: as(s.convener) })).json();
      expect(audit.items[0]).toMatchObject({ action: 'result.added', entityType: 'result', entityId: op.id });
    });

    run('refuses a result out of place with 422 naming the field, and writes nothing', async () => {
      const p = await fresh();
      const g = await node(p.id, { level: 'goal', title: 'Goal' });
      const oc = await node(p.id, { level: 'outcome', parentId: g.id, title: 'Outcome' });
      const before = await counts();
      expectProblem(await send('POST', p.id, 'results', { level: 'outcome', title: 'Floating' }), 422, 'validation_failed', 'parentId');
      expectProblem(await send('POST', p.id, 'results', { level: 'output', parentId: g.id, title: 'Too high' }), 422, 'validation_failed', 'parentId');
      expectProblem(await send('POST', p.id, 'results', { level: 'goal', parentId: g.id, title: 'Nested goal' }), 422, 'validation_failed', 'parentId');
      expectProblem(await send('POST', p.id, 'results', { level: 'outcome', parentId: g.id, title: 'Linked', goalId: p.goalId }), 422, 'validation_failed', 'goalId');
      expectProblem(await send('POST', p.id, 'results', { level: 'goal', title: 'Linked elsewhere', goalId: oc.id }), 422, 'validation_failed', 'goalId');
      expectProblem(await send('POST', p.id, 'results', { level: 'goal', title: 'Heavy', weight: '-2' }), 422, 'validation_failed', 'weight');
      expectProblem(await send('POST', p.id, 'results', { level: 'goal', title: ' ' }), 400, 'invalid_request', 'title');
      expectProblem(await send('PATCH', p.id, `results/${oc.id}`, { parentId: oc.id }), 422, 'validation_failed', 'parentId');
      expectProblem(await send('POST', p.id, 'results', { level: 'goal', title: 'Not mine' }, s.representative), 403, 'forbidden');
      expectProblem(await send('POST', p.id, 'results', { level: 'goal', title: 'Not mine' }, s.outsider), 404, 'not_found');
      expect(await counts()).toEqual(before);
    });

    run('weights every sibling or none: a half-weighted family is refused, and weights are set together', async () => {
      const p = await fresh();
      const g = await node(p.id, { level: 'goal', title: 'Goal' });
      const a = await node(p.id, { level: 'outcome', parentId: g.id, title: 'Coverage' });
      const b = await node(p.id, { level: 'outcome', parentId: g.id, title: 'Cold chain' });
      const half = expectProblem(await send('PATCH', p.id, `results/${a.id}`, { weight: 3 }), 422, 'validation_failed', 'weight');
      expect(half.errors![0].message).toMatch(/Cold chain/);
      expectProblem(await send('PUT', p.id, 'results-weights', { weights: [{ id: a.id, weight: 3 }, { id: b.id, weight: 'x' }] }), 422, 'validation_failed', 'weights.1.weight');
      expectProblem(await send('PUT', p.id, 'results-weights', { weights: [{ id: a.id, weight: 3 }, { id: p.goalId, weight: 1 }] }), 422, 'validation_failed', 'weights.1.id');
      const res = await send('PUT', p.id, 'results-weights', { weights: [{ id: a.id, weight: 3 }, { id: b.id, weight: '1/1' }] });
      expect(res.statusCode, res.body).toBe(200);
      expect(ResultsTree.parse(res.json()).nodes.map((x) => x.weight)).toEqual([null, '3', '1/1']);
      const unweighted = await send('PUT', p.id, 'results-weights', { weights: [{ id: a.id, weight: null }, { id: b.id, weight: null }] });
      expect(ResultsTree.parse(unweighted.json()).nodes.map((x) => x.weight)).toEqual([null, null, null]);
    });

    run('removes only a result with nothing under it, with its contribution links', async () => {
      const p = await fresh();
      const g = await node(p.id, { level: 'goal', title: 'Goal' });
      const oc = await node(p.id, { level: 'outcome', parentId: g.id, title: 'Outcome' });
      expectProblem(await send('DELETE', p.id, `results/${g.id}`), 409, 'conflict', 'nodeId');
      const ind = await indicator(p.id, oc.id, 'Clinics');
      expectProblem(await send('DELETE', p.id, `results/${oc.id}`), 409, 'conflict', 'nodeId');
      expect((await send('DELETE', p.id, `indicators/${ind}`)).statusCode).toBe(200);
      expect((await send('DELETE', p.id, `results/${oc.id}`)).statusCode).toBe(200);
      expect((await tree(p.id)).nodes.map((x) => x.id)).toEqual([g.id]);
      expectProblem(await send('DELETE', p.id, `results/${oc.id}`), 404, 'not_found');
    });
  });

  describe('rolling progress up', () => {
    run('weights outcomes 3 to 1 and averages the rest, as in the documented example (g1 = 3/4)', async () => {
      const p = await fresh();
      const g1 = await node(p.id, { level: 'goal', title: 'Fewer children die of preventable disease' });
      const oc1 = await node(p.id, { level: 'outcome', parentId: g1.id, title: 'Higher DTP3 coverage', weight: 3 });
      // the second weighted sibling arrives with its weight: the family is weighted from then on
      const oc2 = await node(p.id, { level: 'outcome', parentId: g1.id, title: 'A reliable cold chain', weight: 1 });
      const op1 = await node(p.id, { level: 'output', parentId: oc1.id, title: 'Health workers trained' });
      const op2 = await node(p.id, { level: 'output', parentId: oc1.id, title: 'Outreach sessions held' });
      const op3 = await node(p.id, { level: 'output', parentId: oc2.id, title: 'Solar fridges installed' });
      const ids = {
        coverage: await indicator(p.id, oc1.id, 'Coverage'), trained: await indicator(p.id, op1.id, 'Trained'), sessions: await indicator(p.id, op2.id, 'Sessions'),
        fridges: await indicator(p.id, op3.id, 'Fridges'), uptime: await indicator(p.id, op3.id, 'Uptime'),
      };
      // only the fridges are known, half-way: skip spreads the weight over what is known
      await approve(p.id, ids.fridges, 50);
      let view = await tree(p.id);
      const at = (v: typeof view, id: string) => v.nodes.find((x) => x.id === id)!.progress;
      expect(at(view, op3.id)).toMatchObject({ progress: '0.5', coverage: '0.5', missing: [ids.uptime] });
      expect(at(view, oc1.id).progress).toBeNull();
      expect(at(view, g1.id)).toMatchObject({ progress: '0.5', method: 'weighted', coverage: '0.25' });
      view = await tree(p.id, '?missing=zero');
      expect(at(view, op3.id).progress).toBe('0.25');
      expect(at(view, g1.id).progress).toBe('0.0625');

      for (const id of [ids.coverage, ids.trained, ids.sessions]) await approve(p.id, id, 100);
      await approve(p.id, ids.uptime, 0);
      view = await tree(p.id);
      expect(at(view, op3.id).progress).toBe('0.25');
      expect(at(view, oc1.id)).toMatchObject({ progress: '1', percent: 100, method: 'average' });
      // (3 x 1 + 1 x 1/4) / 4 = 13/16
      expect(at(view, g1.id)).toMatchObject({ progress: '0.8125', percent: 81, method: 'weighted', coverage: '1' });
      expect(view.overall).toMatchObject({ progress: '0.8125', percent: 81 });
    });
  });

  describe('contribution links', () => {
    run('links commitments to results and shows per partner what it contributed to, directly and through the results above', async () => {
      const p = await fresh();
      const g = await node(p.id, { level: 'goal', title: 'Child health' });
      const oc = await node(p.id, { level: 'outcome', parentId: g.id, title: 'Coverage' });
      const op = await node(p.id, { level: 'output', parentId: oc.id, title: 'Fridges installed' });
      const c = await pledge(t.deps, await w.actor(w.users.representative), p.id, {
        organisationId: w.orgs.partnerOrg, kind: 'in_kind_goods', description: 'Solar fridges', valuationBasis: 'Supplier list price', valuation: { amount: '12000.00', currency: 'EUR' },
        tranches: [{ dueOn: '2025-09-30', value: { amount: '12000.00', currency: 'EUR' } }],
      });
      const before = await counts();
      const res = await send('POST', p.id, 'result-contributions', { nodeId: op.id, commitmentId: c.id });
      expect(res.statusCode, res.body).toBe(201);
      expectProblem(await send('POST', p.id, 'result-contributions', { nodeId: op.id, commitmentId: c.id }), 409, 'duplicate', 'commitmentId');
      expectProblem(await send('POST', p.id, 'result-contributions', { nodeId: op.id, commitmentId: g.id }), 422, 'validation_failed', 'commitmentId');
      expectProblem(await send('POST', p.id, 'result-contributions', { nodeId: c.id, commitmentId: c.id }), 422, 'validation_failed', 'nodeId');
      expect(await counts()).toEqual([before[0], before[1], before[2] + 1, before[3] + 1]);

      const view = Contributions.parse((await t.app.inject({ url: `${P}/${p.id}/result-contributions`, headers: as(s.member) })).json());
      expect(view.links).toEqual([expect.objectContaining({ nodeId: op.id, commitmentId: c.id })]);
      expect(view.byPartner).toEqual([{
        partnerId: w.orgs.partnerOrg, partnerName: 'Acme Water Ltd',
        results: [
          { nodeId: g.id, title: 'Child health', level: 'goal', direct: false, commitmentIds: [c.id] },
          { nodeId: oc.id, title: 'Coverage', level: 'outcome', direct: false, commitmentIds: [c.id] },
          { nodeId: op.id, title: 'Fridges installed', level: 'output', direct: true, commitmentIds: [c.id] },
        ],
      }]);
      expectProblem(await send('DELETE', p.id, `result-contributions/${op.id}/${c.id}`, undefined, s.representative), 403, 'forbidden');
      expect((await send('DELETE', p.id, `result-contributions/${op.id}/${c.id}`)).statusCode).toBe(200);
      expectProblem(await send('DELETE', p.id, `result-contributions/${op.id}/${c.id}`), 404, 'not_found');
    });
  });

  describe('under random input', () => {
    const MINE = ['result_nodes', 'indicators', 'indicator_targets', 'indicator_partners', 'indicator_submissions', 'indicator_submission_cells', 'indicator_submission_events', 'indicator_period_values', 'result_contributions', 'audit_events'] as const;
    const snapshot = async () => JSON.stringify(await Promise.all(MINE.map((table) => t.deps.database.db.selectFrom(table).selectAll().execute())));
    const num = fc.oneof(fc.integer({ min: -1000, max: 100000 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom('12.5', '1,200', '1e3', '', ' 7 ', '-0', '1/3', '0.0000000000000000000000000000000000000001', 1e300));
    const anyValue = fc.oneof(num, fc.string({ maxLength: 20 }), fc.constant(null), fc.boolean(), fc.array(fc.integer(), { maxLength: 2 }), fc.object({ maxDepth: 1 }));
    const period = fc.constantFrom('2025', '2025-Q1', '2025-Q2', '2025-01', '2024', '2026', 'FY2025', '', 'x'.repeat(30));
    const day = fc.constantFrom('2025-01-01', '2025-12-31', '2024-12-31', '1899-01-01', '2025-02-30', 'yesterday');
    const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined, freq: 3 });
    const mutate = (base: fc.Arbitrary<Record<string, unknown>>) =>
      fc.oneof(
        { weight: 4, arbitrary: base },
        { weight: 1, arbitrary: fc.tuple(base, fc.string({ maxLength: 12 }), anyValue).map(([b, k, v]) => ({ ...b, [k]: v })) },
        { weight: 1, arbitrary: fc.object({ maxDepth: 2 }) },
      );

    run('never answers a write to the results framework with a 5xx, answers errors as problems, and writes nothing on error', async () => {
      const p = await fresh();
      const g = await node(p.id, { level: 'goal', title: 'Goal' });
      const oc = await node(p.id, { level: 'outcome', parentId: g.id, title: 'Outcome' });
      const ind = await indicator(p.id, oc.id, 'Doses', { dimensions: [{ key: 'sex', values: ['female', 'male'] }] });
      const c = await pledge(t.deps, await w.actor(w.users.convener), p.id, {
        organisationId: w.orgs.convenerOrg, kind: 'cash', description: 'Grant', valuation: { amount: '100.00', currency: 'EUR' }, tranches: [{ dueOn: '2025-12-31', value: { amount: '100.00', currency: 'EUR' } }],
      });
      const drafts: string[] = [];
      const ids = fc.constantFrom(g.id, oc.id, ind, c.id, p.goalId, '01900000-0000-7000-8000-000000000000');
      const breakdown = fc.array(fc.record({ cell: fc.oneof(fc.constant({ sex: 'female' }), fc.constant({ sex: 'male' }), fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 })), value: num }), { maxLength: 3 });
      const indicatorBody = fc.record({
        nodeId: ids, title: fc.string({ maxLength: 40 }), definition: fc.string({ maxLength: 40 }), unit: opt(fc.string({ maxLength: 10 })),
        measure: fc.constantFrom('unit', 'percentage', 'nominal', 'ordinal', 'qualitative', 'bogus'), direction: fc.constantFrom('higher_is_better', 'lower_is_better'),
        valueKind: fc.constantFrom('cumulative', 'per_period'), aggregation: opt(fc.constantFrom('sum', 'mean', null)), weight: opt(fc.oneof(num, fc.constant(null))),
        baseline: opt(fc.oneof(fc.constant(null), fc.record({ value: num, date: day }))), targets: opt(fc.array(fc.record({ periodKey: period, value: num }), { maxLength: 3 })),
        dimensions: opt(fc.array(fc.record({ key: fc.constantFrom('sex', 'Sex', 'age_band', ''), values: fc.array(fc.string({ maxLength: 6 }), { maxLength: 3 }) }), { maxLength: 2 })),
        sdgIndicators: opt(fc.array(fc.constantFrom('3.b.1', '6.1.1', '3.b', '99.1.1'), { maxLength: 2 })),
        responsiblePartnerIds: fc.array(fc.constantFrom(w.orgs.partnerOrg, w.orgs.convenerOrg, w.orgs.otherOrg), { maxLength: 2 }),
        schedule: fc.record({ frequency: fc.constantFrom('monthly', 'quarterly', 'annual', 'weekly'), start: day, end: day, graceDays: opt(fc.integer({ min: -5, max: 400 })), fiscalYearStartMonth: opt(fc.integer({ min: 0, max: 13 })) }),
      }, { requiredKeys: [] });
      type Req = { method: 'POST' | 'PATCH' | 'PUT' | 'DELETE'; path: string; body?: unknown; who: Session };
      const requests: fc.Arbitrary<Req>[] = [
        mutate(fc.record({ level: fc.constantFrom('goal', 'outcome', 'output', 'impact'), parentId: opt(fc.oneof(ids, fc.constant(null))), title: fc.string({ maxLength: 30 }), weight: opt(fc.oneof(num, fc.constant(null))), goalId: opt(fc.oneof(ids, fc.constant(null))) }, { requiredKeys: [] })).map((body) => ({ method: 'POST' as const, path: 'results', body, who: s.convener })),
        fc.tuple(ids, mutate(fc.record({ parentId: opt(fc.oneof(ids, fc.constant(null))), title: opt(fc.string({ maxLength: 30 })), weight: opt(fc.oneof(num, fc.constant(null))), goalId: opt(fc.oneof(ids, fc.constant(null))) }, { requiredKeys: [] }))).map(([id, body]) => ({ method: 'PATCH' as const, path: `results/${id}`, body, who: s.convener })),
        ids.map((id) => ({ method: 'DELETE' as const, path: `results/${id}`, who: s.convener })),
        mutate(fc.record({ weights: fc.array(fc.record({ id: ids, weight: fc.oneof(num, fc.constant(null)) }), { maxLength: 3 }) })).map((body) => ({ method: 'PUT' as const, path: 'results-weights', body, who: s.convener })),
        mutate(indicatorBody).map((body) => ({ method: 'POST' as const, path: 'indicators', body, who: s.convener })),
        fc.tuple(ids, mutate(indicatorBody)).map(([id, body]) => ({ method: 'PATCH' as const, path: `indicators/${id}`, body, who: s.convener })),
        mutate(fc.record({ periodKey: period, partnerId: fc.constantFrom(w.orgs.partnerOrg, w.orgs.convenerOrg, w.orgs.otherOrg), value: opt(anyValue), breakdown: opt(breakdown), note: opt(fc.oneof(fc.string({ maxLength: 30 }), fc.constant(null))) }, { requiredKeys: [] }))
          .chain((body) => fc.constantFrom(s.representative, s.convener, s.member).map((who) => ({ method: 'POST' as const, path: `indicators/${ind}/submissions`, body, who }))),
        fc.tuple(fc.nat(), mutate(fc.record({ value: opt(anyValue), breakdown: opt(breakdown), note: opt(fc.string({ maxLength: 30 })) }, { requiredKeys: [] })), fc.constantFrom('', '/submit', '/return', '/approve'), fc.constantFrom(s.representative, s.convener))
          .map(([k, body, action, who]) => ({ method: (action ? 'POST' : 'PATCH') as 'POST' | 'PATCH', path: `indicator-submissions/${drafts.length ? drafts[k % drafts.length] : ind}${action}`, body: action ? { comment: (body as { note?: unknown }).note ?? null } : body, who })),
        mutate(fc.record({ nodeId: ids, commitmentId: ids })).map((body) => ({ method: 'POST' as const, path: 'result-contributions', body, who: s.convener })),
        fc.tuple(ids, ids).map(([a, b]) => ({ method: 'DELETE' as const, path: `result-contributions/${a}/${b}`, who: s.convener })),
        // one request that is always valid, so that some runs write (and the check below is not left to chance)
        fc.string({ minLength: 1, maxLength: 20 }).map((x) => ({ method: 'POST' as const, path: 'results', body: { level: 'goal', title: `Goal ${x}` }, who: s.convener })),
      ];
      const seen: Record<string, number> = {};
      await fc.assert(
        fc.asyncProperty(fc.oneof(...requests), async (r) => {
          const before = await snapshot();
          const res = await send(r.method, p.id, r.path, r.body, r.who);
          const context = `${r.method} ${r.path} ${JSON.stringify(r.body)?.slice(0, 400)} -> ${res.statusCode} ${res.body.slice(0, 300)}`;
          seen[`${r.method} ${r.path.replace(/[0-9a-f-]{36}/g, ':id')} ${res.statusCode}`] = (seen[`${r.method} ${r.path.replace(/[0-9a-f-]{36}/g, ':id')} ${res.statusCode}`] ?? 0) + 1;
          expect(res.statusCode, context).toBeLessThan(500);
          if (res.statusCode >= 400) {
            expect(String(res.headers['content-type']), context).toMatch(/^application\/problem\+json/);
            expect(await snapshot(), `${context}\nwrote despite the error`).toBe(before);
          } else if (r.method === 'POST' && r.path.endsWith('/submissions')) drafts.push(res.json().id);
        }),
        { numRuns: dialect === 'sqlite' ? 400 : 150 },
      );
      // some of the random requests got through
      expect(Object.keys(seen).some((k) => / 20[01]$/.test(k))).toBe(true);
    }, 300_000);
  });
});
