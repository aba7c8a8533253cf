import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { makeTestApp, signIn, as, type TestApp, type Session } from '../support/app';
import { buildWorld, PASSWORD, type World } from '../support/world';
import { DIALECTS, postgresAvailable } from '../support/databases';
import {
  AuditPage, Goal, GoalList, MemberList, PartnershipDetail, PartnershipMember, PartnershipPage, PartnershipPerson, PersonList, TransitionList, PARTNERSHIP_SORTS,
} from '../../src/contracts/partnerships';
import { CreatedApiToken } from '../../src/contracts/accounts';
import { Ok, Problem } from '../../src/contracts/common';
import { searchForm } from '../../src/store/pagination';
import { uuidv7 } from '../../src/services/runtime';
import { STAGES, type Stage } from '../../src/domain/partnerships/partnership';

const pgUp = await postgresAvailable();
const START = Date.parse('2025-03-01T09:00:00.000Z');
const steppingClock = () => {
  let t = START;
  return () => new Date((t += 1000)).toISOString();
};

type Res = { statusCode: number; headers: Record<string, unknown>; body: string; json: () => any };
function expectProblem(res: Res, status: number, code: string, field?: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  const p = Problem.parse(res.json());
  expect(p.status).toBe(status);
  expect(p.code).toBe(code);
  if (field !== undefined) expect((p.errors ?? []).map((e) => e.field), res.body).toContain(field);
  return p;
}

const P = '/api/v1/partnerships';
// the written lifecycle rule, independent of the implementation's table
const NEXT: Record<Stage, Stage[]> = {
  scoping: ['building', 'closed'],
  building: ['implementing', 'scoping', 'closed'],
  implementing: ['reviewing', 'closed'],
  reviewing: ['implementing', 'sustaining', 'closed'],
  sustaining: ['reviewing', 'closed'],
  closed: [],
};

describe.each(DIALECTS)('partnership routes on %s', (dialect) => {
  let t: TestApp;
  let w: World;
  const s = {} as Record<'admin' | 'convener' | 'representative' | 'member' | 'observer' | 'outsider', Session>;
  let n = 0;
  const uniq = (prefix: string) => `${prefix} ${++n}`;
  const count = async (table: 'partnerships' | 'goals' | 'audit_events' | 'transitions' | 'partnership_members' | 'partnership_people') =>
    Number((await t.deps.database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const valid = (over: Record<string, unknown> = {}) => ({
    name: uniq('Harbour Schools Compact'),
    purpose: 'Every child in the harbour district reaches secondary school.',
    model: 'msi',
    visibility: 'private',
    startDate: '2025-01-01',
    endDate: '2027-12-31',
    countries: ['KE'],
    sectors: ['public', 'nonprofit'],
    convenerOrganisationId: w.orgs.convenerOrg,
    goals: [{ title: 'Enrolment', sdgs: ['4', '4.1'] }],
    ...over,
  });
  const create = async (who: Session = s.convener, over: Record<string, unknown> = {}) => {
    const res = await t.app.inject({ method: 'POST', url: P, headers: as(who, true), payload: valid(over) });
    expect(res.statusCode, res.body).toBe(201);
    return PartnershipDetail.parse(res.json());
  };
  const get = async (id: string, who: Session | null = s.convener) => t.app.inject({ url: `${P}/${id}`, headers: as(who) });
  const auditOf = async (id: string, who: Session = s.convener) => AuditPage.parse((await t.app.inject({ url: `${P}/${id}/audit?limit=100`, headers: as(who) })).json()).items;

  beforeAll(async () => {
    if (dialect === 'postgres' && !pgUp) return;
    t = await makeTestApp(dialect, {}, { clock: steppingClock() });
    w = await buildWorld(t.deps);
    for (const k of Object.keys(w.emails) as (keyof typeof s)[]) s[k] = await signIn(t.app, w.emails[k], PASSWORD);
  });
  afterAll(async () => t?.close());
  const run = dialect === 'postgres' && !pgUp ? it.skip : it;

  // ---------------------------------------------------------------------------------------------
  describe('POST /api/v1/partnerships', () => {
    run('creates a partnership in scoping with its convener organisation, its creator as convener, its goals and the first transition', async () => {
      const before = await count('partnerships');
      const body = valid();
      const res = await t.app.inject({ method: 'POST', url: P, headers: as(s.convener, true), payload: body });
      expect(res.statusCode, res.body).toBe(201);
      const p = PartnershipDetail.parse(res.json());
      expect(p).toMatchObject({ name: body.name, model: 'msi', visibility: 'private', stage: 'scoping', startDate: '2025-01-01', endDate: '2027-12-31', countries: ['KE'], memberCount: 1, myRoles: ['convener'] });
      expect(p.members).toEqual([expect.objectContaining({ organisationId: w.orgs.convenerOrg, role: 'convener', joinedOn: '2025-01-01', leftOn: null })]);
      expect(p.goals.map((g) => [g.title, g.sdgs, g.position])).toEqual([['Enrolment', ['4', '4.1'], 0]]);
      expect(p.transitions).toEqual([expect.objectContaining({ from: null, to: 'scoping', actorId: s.convener.userId })]);
      expect(p.nextStages.sort()).toEqual([...NEXT.scoping].sort());
      expect(await count('partnerships')).toBe(before + 1);
      const people = PersonList.parse((await t.app.inject({ url: `${P}/${p.id}/people`, headers: as(s.convener) })).json());
      expect(people.items.map((x) => [x.userId, x.role])).toEqual([[s.convener.userId, 'convener']]);
    });

    run.each([
      ['a missing purpose', (b: any) => ({ ...b, purpose: undefined }), 'purpose'],
      ['a missing convener organisation', (b: any) => ({ ...b, convenerOrganisationId: undefined }), 'convenerOrganisationId'],
      ['countries that are not a list', (b: any) => ({ ...b, countries: 'KE' }), 'countries'],
      ['an unknown model', (b: any) => ({ ...b, model: 'joint_venture' }), 'model'],
      ['a malformed date', (b: any) => ({ ...b, startDate: '01/02/2025' }), 'startDate'],
      ['a goal without a title', (b: any) => ({ ...b, goals: [{ sdgs: ['4'] }] }), 'goals.0.title'],
      ['a malformed SDG code', (b: any) => ({ ...b, goals: [{ title: 'Enrolment', sdgs: ['4', 'four'] }] }), 'goals.0.sdgs.1'],
      ['an unknown field (bodies are strict)', (b: any) => ({ ...b, stage: 'implementing' }), 'stage'],
      ['an unknown field in a goal', (b: any) => ({ ...b, goals: [{ title: 'Enrolment', sdgs: [], weight: 2 }] }), 'goals.0.weight'],
    ])('refuses %s with 400 invalid_request naming the field, creating nothing', async (_name, mutate, field) => {
      const before = await count('partnerships');
      expectProblem(await t.app.inject({ method: 'POST', url: P, headers: as(s.convener, true), payload: mutate(valid()) }), 400, 'invalid_request', field);
      expect(await count('partnerships')).toBe(before);
    });

    run.each([
      ['an end before its start', { startDate: '2026-01-01', endDate: '2025-12-31' }, 'endDate'],
      ['an unknown country', { countries: ['KE', 'QQ'] }, 'countries.1'],
      ['an unknown SDG goal', { goals: [{ title: 'Enrolment', sdgs: ['18'] }] }, 'goals.0.sdgs.0'],
      ['an unknown SDG target in the second goal', { goals: [{ title: 'Enrolment', sdgs: ['4'] }, { title: 'Health', sdgs: ['3', '3.z'] }] }, 'goals.1.sdgs.1'],
      ['an SDG listed twice', { goals: [{ title: 'Enrolment', sdgs: ['4', '4'] }] }, 'goals.0.sdgs'],
      ['a convener organisation the creator does not belong to', { convenerOrganisationId: 'OTHER' }, 'convenerOrganisationId'],
    ])('refuses %s with 422 validation_failed naming the field; nothing at all is written', async (_name, over, field) => {
      const payload = valid(over);
      if (payload.convenerOrganisationId === 'OTHER') payload.convenerOrganisationId = w.orgs.otherOrg;
      const before = await Promise.all([count('partnerships'), count('goals'), count('audit_events'), count('transitions')]);
      expectProblem(await t.app.inject({ method: 'POST', url: P, headers: as(s.convener, true), payload }), 422, 'validation_failed', field);
      expect(await Promise.all([count('partnerships'), count('goals'), count('audit_events'), count('transitions')])).toEqual(before);
    });

    run('refuses a convener organisation that does not exist (even for an admin), leaving no partial write', async () => {
      const before = await Promise.all([count('partnerships'), count('audit_events')]);
      expectProblem(await t.app.inject({ method: 'POST', url: P, headers: as(s.admin, true), payload: valid({ convenerOrganisationId: uuidv7() }) }), 422, 'validation_failed', 'convenerOrganisationId');
      expect(await Promise.all([count('partnerships'), count('audit_events')])).toEqual(before);
    });

    run('refuses anonymous callers (401) and cookie writes without CSRF (403 csrf_failed)', async () => {
      const before = await count('partnerships');
      expectProblem(await t.app.inject({ method: 'POST', url: P, payload: valid() }), 401, 'unauthenticated');
      expectProblem(await t.app.inject({ method: 'POST', url: P, headers: as(s.convener), payload: valid() }), 403, 'csrf_failed');
      expect(await count('partnerships')).toBe(before);
    });

    run('accepts an API token without CSRF', async () => {
      const tok = CreatedApiToken.parse((await t.app.inject({ method: 'POST', url: '/api/v1/me/tokens', headers: as(s.convener, true), payload: { name: 'ci' } })).json());
      const res = await t.app.inject({ method: 'POST', url: P, headers: { authorization: `Bearer ${tok.token}` }, payload: valid() });
      expect(res.statusCode, res.body).toBe(201);
      expect(PartnershipDetail.parse(res.json()).myRoles).toEqual(['convener']);
    });

    run('creates one partnership per Idempotency-Key and replays the answer', async () => {
      const body = valid();
      const headers = { ...as(s.convener, true), 'idempotency-key': `p-create-${dialect}-1` };
      const before = await count('partnerships');
      const a = await t.app.inject({ method: 'POST', url: P, headers, payload: body });
      const b = await t.app.inject({ method: 'POST', url: P, headers, payload: body });
      expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
      expect(b.headers['idempotent-replayed']).toBe('true');
      expect(b.body).toBe(a.body);
      expect(await count('partnerships')).toBe(before + 1);
    });
  });

  // ---------------------------------------------------------------------------------------------
  describe('GET /api/v1/partnerships/:id', () => {
    run('shows a private partnership to its participants with what each may do', async () => {
      for (const who of ['convener', 'representative', 'member', 'observer'] as const) {
        const res = await get(w.partnership, s[who]);
        expect(res.statusCode, `${who}: ${res.body}`).toBe(200);
        const d = PartnershipDetail.parse(res.json());
        expect(d.myRoles).toEqual([who]);
        expect(d.allowedActions.includes('partnership.transition')).toBe(who === 'convener');
        expect(d.nextStages.length > 0).toBe(who === 'convener');
      }
    });
    run('asks anonymous visitors to sign in (401) for a private or unknown partnership, and answers 404 to the convener of another partnership', async () => {
      expectProblem(await get(w.partnership, null), 401, 'unauthenticated');
      expectProblem(await get(uuidv7(), null), 401, 'unauthenticated');
      expectProblem(await get(w.partnership, s.outsider), 404, 'not_found');
      expectProblem(await get(w.otherPartnership, s.convener), 404, 'not_found');
    });
    run('shows a public partnership to anyone, without the reasons and names of its transitions', async () => {
      const res = await get(w.publicPartnership, null);
      expect(res.statusCode, res.body).toBe(200);
      const d = PartnershipDetail.parse(res.json());
      expect(d.myRoles).toEqual([]);
      expect(d.allowedActions).toEqual(['partnership.read', 'partnership.charter.read']);
      expect(d.nextStages).toEqual([]);
      expect(d.transitions.length).toBeGreaterThan(0);
      for (const tr of d.transitions) expect([tr.reason, tr.actorId, tr.actorName]).toEqual(['', null, null]);
    });
    run('answers 404 for an unknown id and 400 for a malformed one', async () => {
      expectProblem(await get(uuidv7()), 404, 'not_found');
      expectProblem(await get('12345'), 400, 'invalid_request', 'id');
    });
  });

  // ---------------------------------------------------------------------------------------------
  describe('PATCH /api/v1/partnerships/:id', () => {
    run('lets a convener edit it and records the change in the audit log', async () => {
      const p = await create();
      const res = await t.app.inject({ method: 'PATCH', url: `${P}/${p.id}`, headers: as(s.convener, true), payload: { purpose: 'A sharper purpose for the compact.', countries: ['KE', 'TZ', 'KE'] } });
      expect(res.statusCode, res.body).toBe(200);
      const d = PartnershipDetail.parse(res.json());
      expect(d).toMatchObject({ purpose: 'A sharper purpose for the compact.', countries: ['KE', 'TZ'], name: p.name, stage: 'scoping' });
      const ev = (await auditOf(p.id)).find((e) => e.action === 'partnership.updated');
      expect(ev?.actorId).toBe(s.convener.userId);
      expect(ev?.diff.purpose).toEqual([p.purpose, 'A sharper purpose for the compact.']);
      expect(Object.keys(ev!.diff).sort()).toEqual(['countries', 'purpose']);
    });
    run('refuses non-conveners (403), the outsider (404), anonymous callers (401) and unknown ids (404)', async () => {
      for (const who of ['representative', 'member', 'observer'] as const) {
        expectProblem(await t.app.inject({ method: 'PATCH', url: `${P}/${w.partnership}`, headers: as(s[who], true), payload: { name: 'Renamed by ' + who } }), 403, 'forbidden');
      }
      expectProblem(await t.app.inject({ method: 'PATCH', url: `${P}/${w.partnership}`, headers: as(s.outsider, true), payload: { name: 'Hijacked' } }), 404, 'not_found');
      expectProblem(await t.app.inject({ method: 'PATCH', url: `${P}/${w.partnership}`, payload: { name: 'Anonymous' } }), 401, 'unauthenticated');
      expectProblem(await t.app.inject({ method: 'PATCH', url: `${P}/${uuidv7()}`, headers: as(s.convener, true), payload: { name: 'Nobody' } }), 404, 'not_found');
      expect(PartnershipDetail.parse((await get(w.partnership)).json()).name).toBe('Testville Water PPP');
    });
    run.each([
      ['the stage (which only transitions change)', { stage: 'closed' }, 400, 'invalid_request', 'stage'],
      ['the model (fixed at creation)', { model: 'ppp' }, 400, 'invalid_request', 'model'],
      ['a name of the wrong type', { name: ['x'] }, 400, 'invalid_request', 'name'],
      ['an end before the start', { startDate: '2025-06-01', endDate: '2025-05-31' }, 422, 'validation_failed', 'endDate'],
      ['an end before the stored start', { endDate: '2024-12-31' }, 422, 'validation_failed', 'endDate'],
      ['an unknown country', { countries: ['QQ'] }, 422, 'validation_failed', 'countries.0'],
    ] as const)('refuses %s, changing nothing', async (_name, patch, status, code, field) => {
      const p = await create();
      const before = (await get(p.id)).body;
      expectProblem(await t.app.inject({ method: 'PATCH', url: `${P}/${p.id}`, headers: as(s.convener, true), payload: patch }), status, code, field);
      expect((await get(p.id)).body).toBe(before);
    });
  });

  // ---------------------------------------------------------------------------------------------
  describe('lifecycle', () => {
    run('records who moved the partnership, when and why, in its transitions and its audit log', async () => {
      const p = await create();
      const res = await t.app.inject({ method: 'POST', url: `${P}/${p.id}/transitions`, headers: as(s.convener, true), payload: { to: 'building', reason: '  Partners agreed to proceed ' } });
      expect(res.statusCode, res.body).toBe(200);
      const d = PartnershipDetail.parse(res.json());
      expect(d.stage).toBe('building');
      expect(d.nextStages.sort()).toEqual([...NEXT.building].sort());
      const list = TransitionList.parse((await t.app.inject({ url: `${P}/${p.id}/transitions`, headers: as(s.convener) })).json()).items;
      expect(list.map((x) => [x.from, x.to])).toEqual([[null, 'scoping'], ['scoping', 'building']]);
      const last = list[1];
      expect(last).toMatchObject({ reason: 'Partners agreed to proceed', actorId: s.convener.userId, actorName: 'Cora Convener' });
      expect(Date.parse(last.at)).toBeGreaterThan(Date.parse(list[0].at));
      expect(last.at).toBe(d.updatedAt);
      const ev = (await auditOf(p.id)).find((e) => e.action === 'partnership.stage_changed' && e.entityId === last.id);
      expect(ev).toMatchObject({ actorId: s.convener.userId, actorName: 'Cora Convener', at: last.at, entityType: 'transition' });
      expect(ev!.diff).toEqual({ stage: ['scoping', 'building'], reason: [null, 'Partners agreed to proceed'] });
    });

    run('walks the whole cycle along legal moves, back and forth, until closed is final', async () => {
      const p = await create();
      const path: Stage[] = ['building', 'scoping', 'building', 'implementing', 'reviewing', 'implementing', 'reviewing', 'sustaining', 'reviewing', 'sustaining', 'closed'];
      let from: Stage = 'scoping';
      for (const to of path) {
        expect(NEXT[from]).toContain(to);
        const res = await t.app.inject({ method: 'POST', url: `${P}/${p.id}/transitions`, headers: as(s.convener, true), payload: { to, reason: `to ${to}` } });
        expect(res.statusCode, `${from}->${to}: ${res.body}`).toBe(200);
        from = to;
      }
      for (const to of STAGES) {
        expectProblem(await t.app.inject({ method: 'POST', url: `${P}/${p.id}/transitions`, headers: as(s.convener, true), payload: { to, reason: 'reopen' } }), 409, 'illegal_transition');
      }
      const list = TransitionList.parse((await t.app.inject({ url: `${P}/${p.id}/transitions`, headers: as(s.convener) })).json()).items;
      expect(list.map((x) => x.to)).toEqual(['scoping', ...path]);
    });

    run.each(STAGES.flatMap((to) => (NEXT.scoping.includes(to) ? [] : [to])))('refuses scoping → %s with 409 illegal_transition and changes nothing', async (to) => {
      const p = await create();
      const before = await Promise.all([get(p.id).then((r) => r.body), count('transitions'), count('audit_events')]);
      const res = await t.app.inject({ method: 'POST', url: `${P}/${p.id}/transitions`, headers: as(s.convener, true), payload: { to, reason: 'Skipping ahead' } });
      const prob = expectProblem(res, 409, 'illegal_transition', 'to');
      expect(prob.detail).toContain(to);
      expect(await Promise.all([get(p.id).then((r) => r.body), count('transitions'), count('audit_events')])).toEqual(before);
    });

    run.each([
      ['an unknown stage', { to: 'done', reason: 'Finished' }, 'to'],
      ['a missing reason', { to: 'building' }, 'reason'],
      ['a too short reason', { to: 'building', reason: ' ok ' }, 'reason'],
      ['an unknown field', { to: 'building', reason: 'Agreed', at: '2020-01-01' }, 'at'],
    ])('refuses %s with 400 naming the field', async (_name, payload, field) => {
      expectProblem(await t.app.inject({ method: 'POST', url: `${P}/${w.publicPartnership}/transitions`, headers: as(s.convener, true), payload }), 400, 'invalid_request', field);
    });

    run('refuses non-conveners (403), the outsider (404) and anonymous callers (401)', async () => {
      const url = `${P}/${w.partnership}/transitions`;
      const payload = { to: 'building', reason: 'Trying my luck' };
      for (const who of ['representative', 'member', 'observer'] as const) expectProblem(await t.app.inject({ method: 'POST', url, headers: as(s[who], true), payload }), 403, 'forbidden');
      expectProblem(await t.app.inject({ method: 'POST', url, headers: as(s.outsider, true), payload }), 404, 'not_found');
      expectProblem(await t.app.inject({ method: 'POST', url, payload }), 401, 'unauthenticated');
      expectProblem(await t.app.inject({ method: 'POST', url: `${P}/${uuidv7()}/transitions`, headers: as(s.convener, true), payload }), 404, 'not_found');
      expect(PartnershipDetail.parse((await get(w.partnership)).json()).stage).toBe('scoping');
    });

    run('GET transitions: participants see reasons, the public sees dates only, the outsider gets 404, anonymous callers 401 for a private one', async () => {
      const mine = TransitionList.parse((await t.app.inject({ url: `${P}/${w.partnership}/transitions`, headers: as(s.observer) })).json());
      expect(mine.items[0]).toMatchObject({ from: null, to: 'scoping', reason: 'Partnership created', actorId: w.users.convener });
      const pub = TransitionList.parse((await t.app.inject({ url: `${P}/${w.publicPartnership}/transitions` })).json());
      expect(pub.items.map((x) => x.reason)).toEqual(pub.items.map(() => ''));
      expectProblem(await t.app.inject({ url: `${P}/${w.partnership}/transitions`, headers: as(s.outsider) }), 404, 'not_found');
      expectProblem(await t.app.inject({ url: `${P}/${w.partnership}/transitions` }), 401, 'unauthenticated');
    });
  });

  // ---------------------------------------------------------------------------------------------
  describe('goals', () => {
    run('GET lists goals to participants and, for a public partnership, to anyone; 404 for the outsider, 401 for anonymous callers of a private or unknown one', async () => {
      const res = await t.app.inject({ url: `${P}/${w.partnership}/goals`, headers: as(s.observer) });
      expect(GoalList.parse(res.json()).items.map((g) => g.sdgs)).toEqual([['6', '6.1']]);
      expect((await t.app.inject({ url: `${P}/${w.publicPartnership}/goals` })).statusCode).toBe(200);
      expectProblem(await t.app.inject({ url: `${P}/${w.partnership}/goals`, headers: as(s.outsider) }), 404, 'not_found');
      expectProblem(await t.app.inject({ url: `${P}/${uuidv7()}/goals` }), 401, 'unauthenticated');
      expectProblem(await t.app.inject({ url: `${P}/${uuidv7()}/goals`, headers: as(s.outsider) }), 404, 'not_found');
    });
    run('POST adds, PATCH edits and DELETE removes a goal, each by a convener', async () => {
      const p = await create();
      const add = await t.app.inject({ method: 'POST', url: `${P}/${p.id}/goals`, headers: as(s.convener, true), payload: { title: 'Teachers trained', sdgs: ['4.c'] } });
      expect(add.statusCode, add.body).toBe(201);
      const g = Goal.parse(add.json());
      expect(g).toMatchObject({ title: 'Teachers trained', sdgs: ['4.c'], description: null, position: 1 });
      const upd = await t.app.inject({ method: 'PATCH', url: `${P}/${p.id}/goals/${g.id}`, headers: as(s.convener, true), payload: { sdgs: ['4', '4.c'], description: 'In 40 schools' } });
      expect(upd.statusCode, upd.body).toBe(200);
      expect(Goal.parse(upd.json())).toMatchObject({ id: g.id, title: 'Teachers trained', sdgs: ['4', '4.c'], description: 'In 40 schools' });
      const del = await t.app.inject({ method: 'DELETE', url: `${P}/${p.id}/goals/${g.id}`, headers: as(s.convener, true) });
      expect(Ok.parse(del.json())).toEqual({ ok: true });
      expectProblem(await t.app.inject({ method: 'DELETE', url: `${P}/${p.id}/goals/${g.id}`, headers: as(s.convener, true) }), 404, 'not_found');
      expect(GoalList.parse((await t.app.inject({ url: `${P}/${p.id}/goals`, headers: as(s.convener) })).json()).items.map((x) => x.title)).toEqual(['Enrolment']);
      expect((await auditOf(p.id)).filter((e) => e.entityId === g.id).map((e) => e.action).sort()).toEqual(['goal.added', 'goal.removed', 'goal.updated']);
    });
    run.each([
      ['an unknown SDG goal', { title: 'Health', sdgs: ['18'] }, 422, 'validation_failed', 'sdgs.0'],
      ['an unknown SDG target', { title: 'Health', sdgs: ['3', '3.z'] }, 422, 'validation_failed', 'sdgs.1'],
      ['an SDG listed twice', { title: 'Health', sdgs: ['3', '3'] }, 422, 'validation_failed', 'sdgs'],
      ['a missing title', { sdgs: ['3'] }, 400, 'invalid_request', 'title'],
      ['sdgs of the wrong type', { title: 'Health', sdgs: '3' }, 400, 'invalid_request', 'sdgs'],
      ['an unknown field', { title: 'Health', sdgs: [], owner: 'me' }, 400, 'invalid_request', 'owner'],
    ] as const)('POST refuses %s, adding nothing', async (_name, payload, status, code, field) => {
      const before = await count('goals');
      expectProblem(await t.app.inject({ method: 'POST', url: `${P}/${w.publicPartnership}/goals`, headers: as(s.convener, true), payload }), status, code, field);
      expect(await count('goals')).toBe(before);
    });
    run('PATCH refuses an unknown SDG naming sdgs.0 and keeps the goal', async () => {
      const goal = GoalList.parse((await t.app.inject({ url: `${P}/${w.publicPartnership}/goals` })).json()).items[0];
      expectProblem(await t.app.inject({ method: 'PATCH', url: `${P}/${w.publicPartnership}/goals/${goal.id}`, headers: as(s.convener, true), payload: { sdgs: ['99'] } }), 422, 'validation_failed', 'sdgs.0');
      expect(GoalList.parse((await t.app.inject({ url: `${P}/${w.publicPartnership}/goals` })).json()).items[0]).toEqual(goal);
    });
    run('refuses goal changes by non-conveners (403), anonymous callers (401) and the outsider (404)', async () => {
      const goal = GoalList.parse((await t.app.inject({ url: `${P}/${w.partnership}/goals`, headers: as(s.convener) })).json()).items[0];
      const calls = [
        { method: 'POST' as const, url: `${P}/${w.partnership}/goals`, payload: { title: 'Sneaky goal', sdgs: [] } },
        { method: 'PATCH' as const, url: `${P}/${w.partnership}/goals/${goal.id}`, payload: { title: 'Sneaky edit' } },
        { method: 'DELETE' as const, url: `${P}/${w.partnership}/goals/${goal.id}` },
      ];
      for (const c of calls) {
        expectProblem(await t.app.inject({ ...c, headers: as(s.member, true) }), 403, 'forbidden');
        expectProblem(await t.app.inject({ ...c, headers: as(s.observer, true) }), 403, 'forbidden');
        expectProblem(await t.app.inject({ ...c }), 401, 'unauthenticated');
        expectProblem(await t.app.inject({ ...c, headers: as(s.outsider, true) }), 404, 'not_found');
      }
      expect(GoalList.parse((await t.app.inject({ url: `${P}/${w.partnership}/goals`, headers: as(s.convener) })).json()).items).toEqual([goal]);
    });
    run('does not let the convener of one partnership reach a goal of another through their own partnership', async () => {
      const goal = GoalList.parse((await t.app.inject({ url: `${P}/${w.partnership}/goals`, headers: as(s.convener) })).json()).items[0];
      expectProblem(await t.app.inject({ method: 'PATCH', url: `${P}/${w.otherPartnership}/goals/${goal.id}`, headers: as(s.outsider, true), payload: { title: 'Taken over' } }), 404, 'not_found');
      expectProblem(await t.app.inject({ method: 'DELETE', url: `${P}/${w.otherPartnership}/goals/${goal.id}`, headers: as(s.outsider, true) }), 404, 'not_found');
      expectProblem(await t.app.inject({ method: 'PATCH', url: `${P}/${w.partnership}/goals/${uuidv7()}`, headers: as(s.convener, true), payload: { title: 'Ghost' } }), 404, 'not_found');
      expect(GoalList.parse((await t.app.inject({ url: `${P}/${w.partnership}/goals`, headers: as(s.convener) })).json()).items).toEqual([goal]);
    });
  });

  // ---------------------------------------------------------------------------------------------
  describe('member organisations', () => {
    run('GET lists current and past members to participants and public readers; 404 for the outsider', async () => {
      const list = MemberList.parse((await t.app.inject({ url: `${P}/${w.partnership}/members`, headers: as(s.observer) })).json());
      expect(list.items.map((m) => [m.organisationId, m.role]).sort()).toEqual([[w.orgs.convenerOrg, 'convener'], [w.orgs.partnerOrg, 'partner']].sort());
      expect((await t.app.inject({ url: `${P}/${w.publicPartnership}/members` })).statusCode).toBe(200);
      expectProblem(await t.app.inject({ url: `${P}/${w.partnership}/members`, headers: as(s.outsider) }), 404, 'not_found');
    });
    run('a member organisation that leaves keeps its history and is listed with leftOn', async () => {
      const p = await create();
      const add = await t.app.inject({ method: 'POST', url: `${P}/${p.id}/members`, headers: as(s.convener, true), payload: { organisationId: w.orgs.spareOrg, role: 'funder', joinedOn: '2025-02-01' } });
      expect(add.statusCode, add.body).toBe(201);
      const m = PartnershipMember.parse(add.json());
      expect(m).toMatchObject({ organisationId: w.orgs.spareOrg, organisationName: 'Spare University', role: 'funder', joinedOn: '2025-02-01', leftOn: null });
      expect(PartnershipDetail.parse((await get(p.id)).json()).memberCount).toBe(2);
      const left = await t.app.inject({ method: 'PATCH', url: `${P}/${p.id}/members/${m.id}`, headers: as(s.convener, true), payload: { leftOn: '2025-09-30' } });
      expect(left.statusCode, left.body).toBe(200);
      expect(PartnershipMember.parse(left.json())).toMatchObject({ id: m.id, role: 'funder', joinedOn: '2025-02-01', leftOn: '2025-09-30' });
      const list = MemberList.parse((await t.app.inject({ url: `${P}/${p.id}/members`, headers: as(s.convener) })).json()).items;
      expect(list.find((x) => x.id === m.id)).toMatchObject({ organisationId: w.orgs.spareOrg, joinedOn: '2025-02-01', leftOn: '2025-09-30' });
      expect(PartnershipDetail.parse((await get(p.id)).json()).memberCount).toBe(1);
      const events = (await auditOf(p.id)).filter((e) => e.entityId === m.id).map((e) => e.action);
      expect(events.sort()).toEqual(['member.added', 'member.left']);
      // it may join again as a new membership; the old one stays
      const again = await t.app.inject({ method: 'POST', url: `${P}/${p.id}/members`, headers: as(s.convener, true), payload: { organisationId: w.orgs.spareOrg, role: 'partner' } });
      expect(again.statusCode, again.body).toBe(201);
      const all = MemberList.parse((await t.app.inject({ url: `${P}/${p.id}/members`, headers: as(s.convener) })).json()).items.filter((x) => x.organisationId === w.orgs.spareOrg);
      expect(all.map((x) => x.leftOn).sort()).toEqual(['2025-09-30', null].sort());
    });
    run('an organisation that leaves takes its people’s roles with it: its representative no longer sees or acts in a private partnership', async () => {
      const p = await create(s.convener, { visibility: 'private' });
      const add = await t.app.inject({ method: 'POST', url: `${P}/${p.id}/members`, headers: as(s.convener, true), payload: { organisationId: w.orgs.partnerOrg, role: 'partner' } });
      expect(add.statusCode, add.body).toBe(201);
      const person = await t.app.inject({ method: 'POST', url: `${P}/${p.id}/people`, headers: as(s.convener, true), payload: { email: w.emails.representative, role: 'representative', organisationId: w.orgs.partnerOrg } });
      expect(person.statusCode, person.body).toBe(201);
      // a person with no organisation keeps their role
      const observer = await t.app.inject({ method: 'POST', url: `${P}/${p.id}/people`, headers: as(s.convener, true), payload: { email: w.emails.observer, role: 'observer' } });
      expect(observer.statusCode, observer.body).toBe(201);
      expect(PartnershipDetail.parse((await get(p.id, s.representative)).json()).myRoles).toEqual(['representative']);

      const left = await t.app.inject({ method: 'PATCH', url: `${P}/${p.id}/members/${PartnershipMember.parse(add.json()).id}`, headers: as(s.convener, true), payload: { leftOn: '2026-03-31' } });
      expect(left.statusCode, left.body).toBe(200);
      expectProblem(await get(p.id, s.representative), 404, 'not_found');
      const people = (await t.app.inject({ url: `${P}/${p.id}/people`, headers: as(s.convener) })).json() as { items: { userId: string; role: string }[] };
      expect(people.items.map((x) => [x.userId, x.role]).sort()).toEqual([[w.users.convener, 'convener'], [w.users.observer, 'observer']].sort());
      expect(PartnershipDetail.parse((await get(p.id, s.observer)).json()).myRoles).toEqual(['observer']);
      // each ended role is on the record, after the departure
      const events = (await auditOf(p.id)).map((e) => [e.action, e.entityType]);
      expect(events.filter(([a]) => a === 'member.left' || a === 'person.removed')).toEqual(expect.arrayContaining([['member.left', 'partnership_member'], ['person.removed', 'partnership_person']]));
    });
    run('an organisation whose people include the last convener cannot leave (409) and nothing changes', async () => {
      const p = await create();
      const spare = await t.app.inject({ method: 'POST', url: `${P}/${p.id}/members`, headers: as(s.convener, true), payload: { organisationId: w.orgs.partnerOrg, role: 'convener' } });
      expect(spare.statusCode, spare.body).toBe(201);
      const convening = p.members.find((m) => m.role === 'convener')!;
      const people = (await t.app.inject({ url: `${P}/${p.id}/people`, headers: as(s.convener) })).json() as { items: { organisationId: string | null; role: string }[] };
      // the creator convenes on behalf of the convening organisation
      expect(people.items).toEqual([expect.objectContaining({ role: 'convener', organisationId: convening.organisationId })]);
      expectProblem(await t.app.inject({ method: 'PATCH', url: `${P}/${p.id}/members/${convening.id}`, headers: as(s.convener, true), payload: { leftOn: '2026-01-01' } }), 409, 'conflict', 'leftOn');
      expect(PartnershipDetail.parse((await get(p.id)).json()).members.find((m) => m.id === convening.id)?.leftOn).toBeNull();
    });
    run('refuses an organisation that is already a current member with 409 duplicate', async () => {
      expectProblem(await t.app.inject({ method: 'POST', url: `${P}/${w.partnership}/members`, headers: as(s.convener, true), payload: { organisationId: w.orgs.partnerOrg, role: 'funder' } }), 409, 'duplicate', 'organisationId');
    });
    run.each([
      ['an unknown organisation', () => ({ organisationId: uuidv7(), role: 'partner' }), 422, 'validation_failed', 'organisationId'],
      ['an unknown role', () => ({ organisationId: w.orgs.otherOrg, role: 'sponsor' }), 400, 'invalid_request', 'role'],
      ['a malformed joining date', () => ({ organisationId: w.orgs.otherOrg, role: 'partner', joinedOn: 'yesterday' }), 400, 'invalid_request', 'joinedOn'],
      ['an unknown field', () => ({ organisationId: w.orgs.otherOrg, role: 'partner', leftOn: null }), 400, 'invalid_request', 'leftOn'],
    ] as const)('POST refuses %s', async (_name, payload, status, code, field) => {
      const before = await count('partnership_members');
      expectProblem(await t.app.inject({ method: 'POST', url: `${P}/${w.publicPartnership}/members`, headers: as(s.convener, true), payload: payload() }), status, code, field);
      expect(await count('partnership_members')).toBe(before);
    });
    run('PATCH refuses leaving before joining (422 leftOn), unknown members (404) and a member of another partnership (404)', async () => {
      const list = MemberList.parse((await t.app.inject({ url: `${P}/${w.partnership}/members`, headers: as(s.convener) })).json()).items;
      const partner = list.find((m) => m.organisationId === w.orgs.partnerOrg)!;
      const dayBefore = new Date(Date.parse(`${partner.joinedOn}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
      expectProblem(await t.app.inject({ method: 'PATCH', url: `${P}/${w.partnership}/members/${partner.id}`, headers: as(s.convener, true), payload: { leftOn: dayBefore } }), 422, 'validation_failed', 'leftOn');
      expectProblem(await t.app.inject({ method: 'PATCH', url: `${P}/${w.partnership}/members/${uuidv7()}`, headers: as(s.convener, true), payload: { role: 'funder' } }), 404, 'not_found');
      expectProblem(await t.app.inject({ method: 'PATCH', url: `${P}/${w.otherPartnership}/members/${partner.id}`, headers: as(s.outsider, true), payload: { leftOn: partner.joinedOn } }), 404, 'not_found');
      expect(MemberList.parse((await t.app.inject({ url: `${P}/${w.partnership}/members`, headers: as(s.convener) })).json()).items).toEqual(list);
    });
    run('refuses member changes by non-conveners (403), anonymous callers (401) and the outsider (404)', async () => {
      const partner = MemberList.parse((await t.app.inject({ url: `${P}/${w.partnership}/members`, headers: as(s.convener) })).json()).items.find((m) => m.organisationId === w.orgs.partnerOrg)!;
      const calls = [
        { method: 'POST' as const, url: `${P}/${w.partnership}/members`, payload: { organisationId: w.orgs.spareOrg, role: 'partner' } },
        { method: 'PATCH' as const, url: `${P}/${w.partnership}/members/${partner.id}`, payload: { leftOn: '2030-01-01' } },
      ];
      for (const c of calls) {
        expectProblem(await t.app.inject({ ...c, headers: as(s.representative, true) }), 403, 'forbidden');
        expectProblem(await t.app.inject({ ...c }), 401, 'unauthenticated');
        expectProblem(await t.app.inject({ ...c, headers: as(s.outsider, true) }), 404, 'not_found');
      }
    });
    run('keeps at least one convening organisation: the last one cannot leave (409)', async () => {
      const p = await create();
      const convening = p.members.find((m) => m.role === 'convener')!;
      expectProblem(await t.app.inject({ method: 'PATCH', url: `${P}/${p.id}/members/${convening.id}`, headers: as(s.convener, true), payload: { leftOn: '2026-01-01' } }), 409, 'conflict');
      expect(PartnershipDetail.parse((await get(p.id)).json()).members.find((m) => m.id === convening.id)?.leftOn).toBeNull();
    });
  });

  // ---------------------------------------------------------------------------------------------
  describe('people', () => {
    run('GET lists people to every participant; 401 anonymous; 404 for the outsider', async () => {
      const res = await t.app.inject({ url: `${P}/${w.partnership}/people`, headers: as(s.observer) });
      const items = PersonList.parse(res.json()).items;
      expect(items.map((x) => [x.userId, x.role]).sort()).toEqual([
        [w.users.convener, 'convener'], [w.users.representative, 'representative'], [w.users.member, 'member'], [w.users.observer, 'observer'],
      ].sort());
      expectProblem(await t.app.inject({ url: `${P}/${w.partnership}/people` }), 401, 'unauthenticated');
      expectProblem(await t.app.inject({ url: `${P}/${w.partnership}/people`, headers: as(s.outsider) }), 404, 'not_found');
    });
    run('POST gives a person a role; DELETE takes it away; the last convener cannot be removed (409)', async () => {
      const p = await create();
      const add = await t.app.inject({ method: 'POST', url: `${P}/${p.id}/people`, headers: as(s.convener, true), payload: { email: w.emails.member, role: 'convener', organisationId: w.orgs.convenerOrg } });
      expect(add.statusCode, add.body).toBe(201);
      const second = PartnershipPerson.parse(add.json());
      expect(second).toMatchObject({ userId: w.users.member, role: 'convener', organisationId: w.orgs.convenerOrg, organisationName: 'City of Testville' });
      const people = PersonList.parse((await t.app.inject({ url: `${P}/${p.id}/people`, headers: as(s.convener) })).json()).items;
      const first = people.find((x) => x.userId === s.convener.userId)!;
      const del = await t.app.inject({ method: 'DELETE', url: `${P}/${p.id}/people/${first.id}`, headers: as(s.convener, true) });
      expect(del.statusCode, del.body).toBe(200);
      expectProblem(await t.app.inject({ method: 'DELETE', url: `${P}/${p.id}/people/${second.id}`, headers: as(s.member, true) }), 409, 'conflict');
      expect(PersonList.parse((await t.app.inject({ url: `${P}/${p.id}/people`, headers: as(s.member) })).json()).items.map((x) => [x.userId, x.role])).toEqual([[w.users.member, 'convener']]);
      expectProblem(await t.app.inject({ method: 'DELETE', url: `${P}/${p.id}/people/${first.id}`, headers: as(s.member, true) }), 404, 'not_found');
    });
    run.each([
      ['a representative without an organisation', () => ({ email: w.emails.outsider, role: 'representative' }), 422, 'validation_failed', 'organisationId'],
      ['an organisation that is not a member', () => ({ email: w.emails.outsider, role: 'member', organisationId: w.orgs.otherOrg }), 422, 'validation_failed', 'organisationId'],
      ['a person outside the organisation they would represent', () => ({ email: w.emails.outsider, role: 'representative', organisationId: w.orgs.partnerOrg }), 422, 'validation_failed', 'organisationId'],
      ['an e-mail no account uses', () => ({ email: 'ghost@test.accord', role: 'observer' }), 422, 'validation_failed', 'email'],
      ['a role the person already holds', () => ({ email: w.emails.observer, role: 'observer' }), 409, 'duplicate', 'role'],
      ['an unknown role', () => ({ email: w.emails.observer, role: 'boss' }), 400, 'invalid_request', 'role'],
      ['an unknown field', () => ({ email: w.emails.observer, role: 'member', since: '2020' }), 400, 'invalid_request', 'since'],
    ] as const)('POST refuses %s', async (_name, payload, status, code, field) => {
      const before = await count('partnership_people');
      expectProblem(await t.app.inject({ method: 'POST', url: `${P}/${w.partnership}/people`, headers: as(s.convener, true), payload: payload() }), status, code, field);
      expect(await count('partnership_people')).toBe(before);
    });
    run('refuses people changes by non-conveners (403), anonymous callers (401) and the outsider (404)', async () => {
      const people = PersonList.parse((await t.app.inject({ url: `${P}/${w.partnership}/people`, headers: as(s.convener) })).json()).items;
      const obs = people.find((x) => x.role === 'observer')!;
      const calls = [
        { method: 'POST' as const, url: `${P}/${w.partnership}/people`, payload: { email: w.emails.outsider, role: 'observer' } },
        { method: 'DELETE' as const, url: `${P}/${w.partnership}/people/${obs.id}` },
      ];
      for (const c of calls) {
        expectProblem(await t.app.inject({ ...c, headers: as(s.member, true) }), 403, 'forbidden');
        expectProblem(await t.app.inject({ ...c }), 401, 'unauthenticated');
        expectProblem(await t.app.inject({ ...c, headers: as(s.outsider, true) }), 404, 'not_found');
      }
      expectProblem(await t.app.inject({ method: 'DELETE', url: `${P}/${w.otherPartnership}/people/${obs.id}`, headers: as(s.outsider, true) }), 404, 'not_found');
      expect(PersonList.parse((await t.app.inject({ url: `${P}/${w.partnership}/people`, headers: as(s.convener) })).json()).items).toEqual(people);
    });
  });

  // ---------------------------------------------------------------------------------------------
  describe('GET /api/v1/partnerships/:id/audit', () => {
    run('pages the audit log newest first, without duplicates or gaps, to conveners, representatives and members', async () => {
      for (const who of ['convener', 'representative', 'member'] as const) {
        const seqs: number[] = [];
        let cursor: string | null = null;
        do {
          const res = await t.app.inject({ url: `${P}/${w.partnership}/audit?limit=4${cursor ? `&cursor=${cursor}` : ''}`, headers: as(s[who]) });
          expect(res.statusCode, res.body).toBe(200);
          const page = AuditPage.parse(res.json());
          seqs.push(...page.items.map((e) => e.seq));
          cursor = page.nextCursor;
        } while (cursor);
        const total = seqs[0];
        expect(seqs).toEqual(Array.from({ length: total }, (_, i) => total - i));
      }
    });
    run('links each event to the one before it', async () => {
      const items = await auditOf(w.partnership);
      for (let i = 0; i + 1 < items.length; i++) expect(items[i].prevHash).toBe(items[i + 1].hash);
    });
    run('refuses observers (403), anonymous callers (401), the outsider (404) and unknown ids (404)', async () => {
      expectProblem(await t.app.inject({ url: `${P}/${w.partnership}/audit`, headers: as(s.observer) }), 403, 'forbidden');
      expectProblem(await t.app.inject({ url: `${P}/${w.partnership}/audit` }), 401, 'unauthenticated');
      expectProblem(await t.app.inject({ url: `${P}/${w.partnership}/audit`, headers: as(s.outsider) }), 404, 'not_found');
      expectProblem(await t.app.inject({ url: `${P}/${uuidv7()}/audit`, headers: as(s.convener) }), 404, 'not_found');
      expectProblem(await t.app.inject({ url: `${P}/${w.partnership}/audit?cursor=%%%`, headers: as(s.convener) }), 400, 'bad_request', 'cursor');
    });
  });

  // ---------------------------------------------------------------------------------------------
  describe('GET /api/v1/partnerships/:id/events', () => {
    run('refuses anonymous callers (401), the outsider (404) and unknown ids (404)', async () => {
      expectProblem(await t.app.inject({ url: `${P}/${w.partnership}/events` }), 401, 'unauthenticated');
      expectProblem(await t.app.inject({ url: `${P}/${w.partnership}/events`, headers: as(s.outsider) }), 404, 'not_found');
      expectProblem(await t.app.inject({ url: `${P}/${uuidv7()}/events`, headers: as(s.observer) }), 404, 'not_found');
    });
    run('streams a committed change of the partnership to a participant', async () => {
      const server = await makeTestApp(dialect, {}, { clock: steppingClock() });
      try {
        const world = await buildWorld(server.deps);
        const observer = await signIn(server.app, world.emails.observer, PASSWORD);
        const convener = await signIn(server.app, world.emails.convener, PASSWORD);
        await server.app.listen({ port: 0, host: '127.0.0.1' });
        const { port } = server.app.server.address() as AddressInfo;
        const received = await new Promise<{ type: string; body: string }>((resolve, reject) => {
          const req = http.get({ host: '127.0.0.1', port, path: `${P}/${world.partnership}/events`, headers: { cookie: observer.cookie } }, (res) => {
            let body = '';
            res.setEncoding('utf8');
            res.on('data', async (chunk: string) => {
              body += chunk;
              if (chunk.includes(': connected')) {
                const r = await server.app.inject({ method: 'POST', url: `${P}/${world.partnership}/goals`, headers: as(convener, true), payload: { title: 'Live goal', sdgs: ['6'] } });
                if (r.statusCode !== 201) reject(new Error(r.body));
              }
              if (body.includes('event: change')) {
                resolve({ type: String(res.headers['content-type']), body });
                req.destroy();
              }
            });
          });
          req.on('error', (e) => (e.message.includes('socket hang up') ? undefined : reject(e)));
          setTimeout(() => reject(new Error(`no event in time: ${dialect}`)), 10_000);
        });
        expect(received.type).toMatch(/^text\/event-stream/);
        const data = JSON.parse(/data: (.*)\n/.exec(received.body)![1]);
        expect(data).toMatchObject({ type: 'goal.added', partnershipId: world.partnership, entityType: 'goal', actorId: world.users.convener });
      } finally {
        await server.close();
      }
    });
  });

  // ---------------------------------------------------------------------------------------------
  describe('GET /api/v1/partnerships (search)', () => {
    type Fx = { id: string; name: string; model: string; visibility: string; countries: string[]; sectors: string[]; stage: Stage };
    let fixtures: Fx[] = [];
    beforeAll(async () => {
      if (!t) return;
      const specs = [
        { name: 'Quasar Apple', model: 'ppp', visibility: 'public', countries: ['KE'], sectors: ['public', 'private'] },
        { name: 'Quasar Banana', model: 'msi', visibility: 'private', countries: ['FR', 'KE'], sectors: ['nonprofit', 'community'] },
        { name: 'Quasar Cherry', model: 'nonprofit_corporate', visibility: 'public', countries: ['BR'], sectors: ['private', 'nonprofit'] },
        { name: 'Quasar Damson', model: 'other', visibility: 'private', countries: [], sectors: [] },
        { name: 'Quasar Damson', model: 'ppp', visibility: 'public', countries: ['KE'], sectors: ['public'] },
        { name: 'Quasar Elder', model: 'msi', visibility: 'public', countries: ['GB'], sectors: ['multilateral', 'philanthropic'] },
        { name: 'Quasar Fig', model: 'ppp', visibility: 'private', countries: ['KE'], sectors: ['public', 'private', 'academic'] },
      ];
      fixtures = [];
      for (const spec of specs) {
        const p = await create(s.convener, { ...spec, goals: [] });
        fixtures.push({ id: p.id, ...spec, stage: 'scoping' });
      }
      const moved = fixtures[0];
      const r = await t.app.inject({ method: 'POST', url: `${P}/${moved.id}/transitions`, headers: as(s.convener, true), payload: { to: 'building', reason: 'Agreed' } });
      expect(r.statusCode).toBe(200);
      moved.stage = 'building';
      // the outsider's own private one, with the same search word
      const other = await create(s.outsider, { name: 'Quasar Outsider', convenerOrganisationId: w.orgs.otherOrg, goals: [] });
      fixtures.push({ id: other.id, name: 'Quasar Outsider', model: 'msi', visibility: 'private', countries: ['KE'], sectors: ['public', 'nonprofit'], stage: 'scoping' });
    });
    const search = async (qs: string, who: Session | null) => {
      const res = await t.app.inject({ url: `${P}?${qs}`, headers: as(who) });
      expect(res.statusCode, res.body).toBe(200);
      return PartnershipPage.parse(res.json());
    };
    const mineOf = (who: 'convener' | 'outsider') => (f: Fx) => (who === 'outsider' ? f.name === 'Quasar Outsider' : f.name !== 'Quasar Outsider');
    const visibleTo = (who: 'anonymous' | 'convener' | 'outsider') => (f: Fx) => f.visibility === 'public' || (who !== 'anonymous' && mineOf(who)(f));
    const ids = (xs: { id: string }[]) => xs.map((x) => x.id).filter((id) => fixtures.some((f) => f.id === id)).sort();
    const idsWhere = (pred: (f: Fx) => boolean) => fixtures.filter(pred).map((f) => f.id).sort();

    run.each(['anonymous', 'convener', 'outsider'] as const)('shows %s the public partnerships and their own, never another’s private one', async (who) => {
      const page = await search('q=quasar&limit=100', who === 'anonymous' ? null : s[who]);
      expect(ids(page.items)).toEqual(idsWhere(visibleTo(who)));
    });
    run('shows the admin every partnership', async () => {
      expect(ids((await search('q=quasar&limit=100', s.admin)).items)).toEqual(idsWhere(() => true));
    });
    run.each([
      ['model=ppp', (f: Fx) => f.model === 'ppp'],
      ['stage=building', (f: Fx) => f.stage === 'building'],
      ['country=KE', (f: Fx) => f.countries.includes('KE')],
      ['country=FR&model=msi', (f: Fx) => f.countries.includes('FR') && f.model === 'msi'],
      ['sector=private', (f: Fx) => f.sectors.includes('private')],
      ['sector=community', (f: Fx) => f.sectors.includes('community')],
      ['visibility=private', (f: Fx) => f.visibility === 'private'],
      ['visibility=public&sector=public', (f: Fx) => f.visibility === 'public' && f.sectors.includes('public')],
      ['mine=true', (f: Fx) => mineOf('convener')(f)],
      ['mine=false', () => true],
    ])('filters with %s', async (qs, pred) => {
      const page = await search(`q=quasar&limit=100&${qs}`, s.convener);
      expect(ids(page.items)).toEqual(idsWhere((f) => visibleTo('convener')(f) && pred(f)));
      expect(ids(page.items).length).toBeGreaterThan(0);
    });
    run('reports member counts and my roles in each summary', async () => {
      const page = await search('q=quasar%20apple', s.convener);
      expect(page.items.map((x) => [x.memberCount, x.myRoles])).toEqual([[1, ['convener']]]);
      const anon = await search('q=quasar%20apple', null);
      expect(anon.items.map((x) => x.myRoles)).toEqual([[]]);
    });
    run('tells each reader what they may do to each listed partnership, as the partnership itself does', async () => {
      for (const who of [s.convener, s.outsider, null]) {
        const page = await search('q=quasar&limit=100', who);
        expect(page.items.length).toBeGreaterThan(0);
        for (const item of page.items) {
          const one = await t.app.inject({ url: `${P}/${item.id}`, headers: as(who) });
          expect(one.statusCode, one.body).toBe(200);
          expect(item.allowedActions).toEqual(one.json().allowedActions);
        }
      }
      const mine = (await search('q=quasar%20apple', s.convener)).items[0];
      expect(mine.allowedActions).toContain('partnership.update');
      const stranger = (await search('q=quasar%20apple', s.outsider)).items[0];
      expect(stranger?.allowedActions ?? ['partnership.read']).not.toContain('partnership.update');
      for (const item of (await search('q=quasar&limit=100', null)).items) expect(item.allowedActions).not.toContain('partnership.update');
    });
    run('refuses mine=true to anonymous callers with 401', async () => {
      expectProblem(await t.app.inject({ url: `${P}?mine=true` }), 401, 'unauthenticated');
    });
    run.each([['model=joint', 'model'], ['stage=done', 'stage'], ['country=Kenya', 'country'], ['sector=industry', 'sector'], ['visibility=secret', 'visibility'], ['mine=yes', 'mine'], ['limit=abc', 'limit'], ['sort=stage', 'sort']])(
      'refuses the query %s with 400 naming the parameter',
      async (qs, field) => {
        expectProblem(await t.app.inject({ url: `${P}?${qs}` }), 400, 'invalid_request', field);
      },
    );
    run('refuses a cursor it did not give out', async () => {
      expectProblem(await t.app.inject({ url: `${P}?cursor=${Buffer.from('[1]').toString('base64url')}` }), 400, 'bad_request', 'cursor');
    });

    const key = (sort: string, o: { name: string; createdAt: string; id: string }) => [sort.endsWith('name') ? searchForm(o.name) : o.createdAt, o.id] as const;
    const cmp = (a: readonly [string, string], b: readonly [string, string]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);
    run.each([...PARTNERSHIP_SORTS].flatMap((sort) => [[sort, 'convener'], [sort, 'anonymous']] as const))('walks every page sorted by %s as %s without duplicates or gaps', async (sort, who) => {
      const expected = idsWhere(visibleTo(who));
      const seen: { id: string; name: string; createdAt: string }[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: { items: { id: string; name: string; createdAt: string }[]; nextCursor: string | null } = await search(`q=quasar&sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`, who === 'anonymous' ? null : s.convener);
        if (page.nextCursor) expect(page.items.length).toBe(2);
        seen.push(...page.items);
        cursor = page.nextCursor;
        expect(++pages).toBeLessThan(20);
      } while (cursor);
      expect(pages).toBe(Math.ceil(expected.length / 2));
      expect(seen.length).toBe(new Set(seen.map((o) => o.id)).size);
      expect(seen.map((o) => o.id).sort()).toEqual(expected);
      const dir = sort.startsWith('-') ? -1 : 1;
      for (let i = 1; i < seen.length; i++) expect(cmp(key(sort, seen[i - 1]), key(sort, seen[i])) * dir, `${sort} at ${i}`).toBe(-1);
    });
  });
});
