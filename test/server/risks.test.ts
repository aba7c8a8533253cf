import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { expectProblem, type Res } from '../support/problems';
import { makeTestApp, signIn, as, type TestApp, type Session } from '../support/app';
import { buildWorld, PASSWORD, type World } from '../support/world';
import { DIALECTS, postgresAvailable } from '../support/databases';
import { RiskChangePage, RiskDetail, RiskHeatMap, RiskOverdue, RiskPage } from '../../src/contracts/risks';
import { AuditPage } from '../../src/contracts/partnerships';
import { uuidv7 } from '../../src/services/runtime';
import { createPartnership, addMember, addPerson } from '../../src/services/partnerships/partnerships';
import { createOrganisation } from '../../src/services/organisations/organisations';
import { propose } from '../../src/services/governance/decisions';
import { pledge } from '../../src/services/accountability/commitments';

const pgUp = await postgresAvailable();
const DAY = 86_400_000;
/** "Today" in these tests is 2025-06-30 until a test moves the clock on; each reading steps one second. */
const START = Date.parse('2025-06-30T09:00:00.000Z');

const P = '/api/v1/partnerships';
const TABLES = ['risks', 'risk_shares', 'risk_actions', 'risk_reviews', 'risk_links', 'risk_changes', 'audit_events'] as const;

describe.each(DIALECTS)('risk register on %s', (dialect) => {
  let t: TestApp;
  let w: World;
  let now = START;
  const s = {} as Record<'admin' | 'convener' | 'representative' | 'member' | 'observer' | 'outsider', Session>;
  let n = 0;
  const uniq = (prefix: string) => `${prefix} ${++n}`;
  const counts = async () =>
    Promise.all(TABLES.map(async (table) => Number((await t.deps.database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)));

  /** A private partnership convened by City of Testville with Acme Water (represented) and a third member. */
  async function freshPartnership() {
    const c = await w.actor(w.users.convener);
    const p = await createPartnership(t.deps, c, {
      name: uniq('Harbour Water Compact'), purpose: 'Clean water for the harbour district.', model: 'ppp', visibility: 'private',
      countries: ['KE'], sectors: ['public'], convenerOrganisationId: w.orgs.convenerOrg, goals: [],
    });
    await addMember(t.deps, c, p.id, { organisationId: w.orgs.partnerOrg, role: 'partner' });
    const third = await createOrganisation(t.deps, await w.actor(w.users.outsider), { name: uniq('Harbour Schools Trust'), sector: 'nonprofit', country: 'KE' });
    await addMember(t.deps, c, p.id, { organisationId: third.id, role: 'implementer' });
    await addPerson(t.deps, c, p.id, { email: w.emails.representative, role: 'representative', organisationId: w.orgs.partnerOrg });
    await addPerson(t.deps, c, p.id, { email: w.emails.member, role: 'member', organisationId: w.orgs.convenerOrg });
    await addPerson(t.deps, c, p.id, { email: w.emails.observer, role: 'observer' });
    return { id: p.id, third: third.id };
  }

  const body = (over: Record<string, unknown> = {}) => ({
    category: 'construction', title: uniq('Cold-chain warehouse finished late'), description: 'The regional warehouse may open after the first deliveries arrive.',
    likelihood: 3, impact: 4, ownerOrganisationId: w.orgs.convenerOrg,
    allocation: [{ party: 'publicAuthority', organisationId: w.orgs.convenerOrg, percent: 40 }, { party: 'privateParty', organisationId: w.orgs.partnerOrg, percent: '60.0' }],
    ...over,
  });
  const post = (pid: string, over: Record<string, unknown> = {}, who: Session = s.convener) =>
    t.app.inject({ method: 'POST', url: `${P}/${pid}/risks`, headers: as(who, true), payload: body(over) });
  const ok = async (res: Res, status = 200) => {
    expect(res.statusCode, res.body).toBe(status);
    return RiskDetail.parse(res.json());
  };
  const create = async (pid: string, over: Record<string, unknown> = {}, who: Session = s.convener) => ok(await post(pid, over, who), 201);
  const get = async (pid: string, id: string, who: Session = s.convener) => ok(await t.app.inject({ url: `${P}/${pid}/risks/${id}`, headers: as(who) }));
  const patch = (pid: string, id: string, payload: Record<string, unknown>, who: Session = s.convener) =>
    t.app.inject({ method: 'PATCH', url: `${P}/${pid}/risks/${id}`, headers: as(who, true), payload });
  const write = (pid: string, id: string, sub: 'transition' | 'actions' | 'reviews', payload: Record<string, unknown>, who: Session = s.convener) =>
    t.app.inject({ method: 'POST', url: `${P}/${pid}/risks/${id}/${sub}`, headers: as(who, true), payload });
  const patchAction = (pid: string, id: string, actionId: string, payload: Record<string, unknown>, who: Session = s.convener) =>
    t.app.inject({ method: 'PATCH', url: `${P}/${pid}/risks/${id}/actions/${actionId}`, headers: as(who, true), payload });
  const list = async (pid: string, qs = '', who: Session = s.convener) => {
    const res = await t.app.inject({ url: `${P}/${pid}/risks${qs ? `?${qs}` : ''}`, headers: as(who) });
    expect(res.statusCode, res.body).toBe(200);
    return RiskPage.parse(res.json());
  };
  const history = async (pid: string, id: string, qs = '') => {
    const res = await t.app.inject({ url: `${P}/${pid}/risks/${id}/history${qs ? `?${qs}` : ''}`, headers: as(s.member) });
    expect(res.statusCode, res.body).toBe(200);
    return RiskChangePage.parse(res.json());
  };
  const heat = async (pid: string, qs = '') => {
    const res = await t.app.inject({ url: `${P}/${pid}/risks-heatmap${qs ? `?${qs}` : ''}`, headers: as(s.observer) });
    expect(res.statusCode, res.body).toBe(200);
    return RiskHeatMap.parse(res.json());
  };
  const overdue = async (pid: string) => {
    const res = await t.app.inject({ url: `${P}/${pid}/risks-overdue`, headers: as(s.member) });
    expect(res.statusCode, res.body).toBe(200);
    return RiskOverdue.parse(res.json());
  };
  /** A decision of the partnership (a poll needs no charter). */
  const decision = async (pid: string) =>
    (await propose(t.deps, await w.actor(w.users.convener), pid, { kind: 'poll', title: uniq('Accept the fallback budget?'), text: 'Rent trucks.', links: [], closesAt: new Date(now + 3 * DAY).toISOString(), poll: { kind: 'single', options: [{ id: 'y', label: 'Yes' }, { id: 'n', label: 'No' }] } } as never)).id;

  beforeAll(async () => {
    if (dialect === 'postgres' && !pgUp) return;
    t = await makeTestApp(dialect, { sessionTtlHours: 24 * 400 }, { clock: () => new Date((now += 1000)).toISOString() });
    w = await buildWorld(t.deps);
    for (const k of Object.keys(w.emails) as (keyof typeof s)[]) s[k] = await signIn(t.app, w.emails[k], PASSWORD);
  });
  afterAll(async () => t?.close());
  const run = dialect === 'postgres' && !pgUp ? it.skip : it;

  // ---------------------------------------------------------------------------------------------
  describe('registering a risk', () => {
    run('stores it numbered within the partnership with its score, band, exact shares, links and next review, and records version 1 in the history and the audit chain', async () => {
      const p = await freshPartnership();
      const d = await decision(p.id);
      const before = await counts();
      const r = await create(p.id, { title: '  Cold-chain warehouse finished late  ', decisionIds: [d], nextReviewOn: '2025-09-30' });
      expect(r).toMatchObject({
        number: 1, partnershipId: p.id, category: 'construction', categoryName: 'Construction risks', title: 'Cold-chain warehouse finished late',
        likelihood: 3, impact: 4, score: 12, band: 'high', likelihoodLabel: 'possible', impactLabel: 'major', status: 'open',
        allocation: 'shared', ocdsAllocation: 'privateParty', ownerOrganisationId: w.orgs.convenerOrg, ownerOrganisationName: 'City of Testville',
        nextReviewOn: '2025-09-30', version: 1, createdById: w.users.convener, nextStatuses: ['mitigating', 'accepted', 'occurred', 'closed'],
        allowedActions: ['update', 'transition', 'addAction', 'review'],
      });
      expect(r.shares).toEqual([
        { party: 'publicAuthority', organisationId: w.orgs.convenerOrg, organisationName: 'City of Testville', percent: '40' },
        { party: 'privateParty', organisationId: w.orgs.partnerOrg, organisationName: 'Acme Water Ltd', percent: '60' },
      ]);
      expect(r.decisions).toEqual([expect.objectContaining({ id: d, number: 1 })]);
      expect(r.reviews).toEqual([expect.objectContaining({ dueOn: '2025-09-30', doneOn: null, status: 'planned', overdue: false })]);
      // risks, shares (2), actions, reviews (1), links (1), changes (1), audit (1)
      expect(await counts()).toEqual([before[0] + 1, before[1] + 2, before[2], before[3] + 1, before[4] + 1, before[5] + 1, before[6] + 1]);

      const h = await history(p.id, r.id);
      expect(h.items).toHaveLength(1);
      expect(h.items[0]).toMatchObject({ version: 1, action: 'created', actorId: w.users.convener, actorName: 'Cora Convener', reason: null });
      expect(h.items[0].changes.title).toEqual([null, 'Cold-chain warehouse finished late']);
      const audit = AuditPage.parse((await t.app.inject({ url: `${P}/${p.id}/audit?limit=5`, headers: as(s.convener) })).json()).items;
      expect(audit[0]).toMatchObject({ action: 'risk.created', entityType: 'risk', entityId: r.id, actorId: w.users.convener });
      expect(audit[0].diff.score).toEqual([null, 12]);

      expect((await create(p.id, { allocation: [] })).number).toBe(2);
      expect((await create(w.partnership)).number).toBeGreaterThanOrEqual(1);
    });

    run('adds exact percents: nine shares of 10.1 and one of 9.1 make 100, and a single party holding everything is that party', async () => {
      const p = await freshPartnership();
      const ten = [w.orgs.convenerOrg, w.orgs.partnerOrg, p.third];
      const exact = await create(p.id, {
        allocation: [
          { party: 'publicAuthority', organisationId: ten[0], percent: 10.1 }, { party: 'privateParty', organisationId: ten[1], percent: '10.10' },
          { party: 'privateParty', organisationId: ten[2], percent: 10.1 }, { party: 'privateParty', organisationId: null, percent: '69.7' },
        ],
      });
      expect(exact.shares.map((x) => x.percent)).toEqual(['10.1', '10.1', '10.1', '69.7']);
      expect(exact).toMatchObject({ allocation: 'shared', ocdsAllocation: 'privateParty' });
      const nine = await create(p.id, { allocation: [{ party: 'privateParty', organisationId: w.orgs.partnerOrg, percent: 90.9 }, { party: 'privateParty', organisationId: p.third, percent: 9.1 }] });
      expect(nine).toMatchObject({ allocation: 'privateParty', ocdsAllocation: 'privateParty' });
      const even = await create(p.id, { allocation: [{ party: 'publicAuthority', organisationId: null, percent: 50 }, { party: 'privateParty', organisationId: null, percent: '50' }] });
      expect(even).toMatchObject({ allocation: 'shared', ocdsAllocation: 'undefined' });
      const none = await create(p.id, { allocation: [] });
      expect(none).toMatchObject({ allocation: 'unallocated', ocdsAllocation: 'undefined', shares: [] });
    });

    run.each([
      ['a category outside the OCDS list', () => ({ category: 'weather' }), 422, 'validation_failed', 'category'],
      ['shares adding up to 99.99', () => ({ allocation: [{ party: 'publicAuthority', organisationId: null, percent: '33.33' }, { party: 'privateParty', organisationId: w.orgs.partnerOrg, percent: '33.33' }, { party: 'privateParty', organisationId: w.orgs.convenerOrg, percent: '33.33' }] }), 422, 'validation_failed', 'allocation'],
      ['a percent with a percent sign', () => ({ allocation: [{ party: 'publicAuthority', organisationId: null, percent: '100%' }] }), 422, 'validation_failed', 'allocation.0.percent'],
      ['a share of zero', () => ({ allocation: [{ party: 'publicAuthority', organisationId: null, percent: 0 }, { party: 'privateParty', organisationId: null, percent: 100 }] }), 422, 'validation_failed', 'allocation.0.percent'],
      ['an organisation named twice', () => ({ allocation: [{ party: 'publicAuthority', organisationId: w.orgs.convenerOrg, percent: 50 }, { party: 'privateParty', organisationId: w.orgs.convenerOrg, percent: 50 }] }), 422, 'validation_failed', 'allocation.1.organisationId'],
      ['a share borne by a non-member', () => ({ allocation: [{ party: 'privateParty', organisationId: w.orgs.otherOrg, percent: 100 }] }), 422, 'validation_failed', 'allocation.0.organisationId'],
      ['an owner that is not a member', () => ({ ownerOrganisationId: w.orgs.spareOrg }), 422, 'validation_failed', 'ownerOrganisationId'],
      ['a decision that does not exist', () => ({ decisionIds: [uuidv7()] }), 422, 'validation_failed', 'decisionIds.0'],
      ['a commitment that does not exist', () => ({ commitmentIds: [uuidv7()] }), 422, 'validation_failed', 'commitmentIds.0'],
      ['the same decision twice', () => ({ decisionIds: [w.partnership, w.partnership] }), 422, 'validation_failed', 'decisionIds.1'],
      ['an unknown party', () => ({ allocation: [{ party: 'shared', organisationId: null, percent: 100 }] }), 400, 'invalid_request', 'allocation.0.party'],
      ['a likelihood of 6', () => ({ likelihood: 6 }), 400, 'invalid_request', 'likelihood'],
      ['an impact of 2.5', () => ({ impact: 2.5 }), 400, 'invalid_request', 'impact'],
      ['a missing title', () => ({ title: undefined }), 400, 'invalid_request', 'title'],
      ['a blank description', () => ({ description: '   ' }), 400, 'invalid_request', 'description'],
      ['an impossible review date', () => ({ nextReviewOn: '2025-02-30' }), 400, 'invalid_request', 'nextReviewOn'],
      ['a malformed owner id', () => ({ ownerOrganisationId: 'city' }), 400, 'invalid_request', 'ownerOrganisationId'],
      ['a status (statuses move through transitions)', () => ({ status: 'closed' }), 400, 'invalid_request', 'status'],
    ] as const)('refuses %s with the right status, naming the field, writing nothing', async (_name, over, status, code, field) => {
      const before = await counts();
      expectProblem(await post(w.partnership, over()), status, code, field);
      expect(await counts()).toEqual(before);
    });

    run('names every problem at once', async () => {
      const res = await post(w.partnership, { category: 'weather', ownerOrganisationId: w.orgs.spareOrg, allocation: [{ party: 'publicAuthority', organisationId: null, percent: 30 }] });
      const prob = expectProblem(res, 422, 'validation_failed');
      expect(prob.errors?.map((e) => e.field)).toEqual(['ownerOrganisationId', 'category', 'allocation']);
    });

    run('links a commitment of the partnership, and refuses one of another partnership', async () => {
      const p = await freshPartnership();
      const convener = await w.actor(w.users.convener);
      const pledgeOf = async (pid: string) =>
        (await pledge(t.deps, convener, pid, { organisationId: w.orgs.partnerOrg, kind: 'cash', description: uniq('Pump replacement fund'), valuation: { amount: '1000.00', currency: 'KES' }, tranches: [{ dueOn: '2025-09-30', value: { amount: '1000.00', currency: 'KES' } }] })).id;
      const mine = await pledgeOf(p.id);
      const theirs = await pledgeOf(w.partnership);
      const r = await create(p.id, { commitmentIds: [mine] });
      expect(r.commitments).toEqual([expect.objectContaining({ id: mine, number: 1 })]);
      expectProblem(await post(p.id, { commitmentIds: [mine, theirs] }), 422, 'validation_failed', 'commitmentIds.1');
      const up = await ok(await patch(p.id, r.id, { version: 1, commitmentIds: [] }));
      expect(up.commitments).toEqual([]);
      expect((await history(p.id, r.id)).items[0].changes.commitmentIds).toEqual([[mine], []]);
    });
  });

  // ---------------------------------------------------------------------------------------------
  describe('who manages which risk', () => {
    run('lets a representative register a risk their organisation owns or bears a share of, and refuses one that leaves it out (403 naming the owner)', async () => {
      const p = await freshPartnership();
      const owned = await create(p.id, { ownerOrganisationId: w.orgs.partnerOrg, allocation: [] }, s.representative);
      expect(owned).toMatchObject({ createdById: w.users.representative, allowedActions: ['update', 'transition', 'addAction', 'review'] });
      await create(p.id, { ownerOrganisationId: p.third }, s.representative); // Acme bears 60%
      const before = await counts();
      const res = await post(p.id, { ownerOrganisationId: p.third, allocation: [{ party: 'publicAuthority', organisationId: w.orgs.convenerOrg, percent: 100 }] }, s.representative);
      expectProblem(res, 403, 'forbidden', 'ownerOrganisationId');
      expect(await counts()).toEqual(before);
    });

    run('lets a representative edit their organisation’s risks only, and not hand one off entirely; conveners edit every risk', async () => {
      const p = await freshPartnership();
      const others = await create(p.id, { ownerOrganisationId: p.third, allocation: [{ party: 'publicAuthority', organisationId: w.orgs.convenerOrg, percent: 100 }] });
      expect((await get(p.id, others.id, s.representative)).allowedActions).toEqual([]);
      const before = await counts();
      expectProblem(await patch(p.id, others.id, { version: 1, likelihood: 1 }, s.representative), 403, 'forbidden');
      expectProblem(await write(p.id, others.id, 'transition', { to: 'accepted', reason: 'We can live with it' }, s.representative), 403, 'forbidden');
      expectProblem(await write(p.id, others.id, 'reviews', { likelihood: 1, impact: 1 }, s.representative), 403, 'forbidden');
      expectProblem(await write(p.id, others.id, 'actions', { description: 'Trucks', ownerOrganisationId: w.orgs.partnerOrg, dueOn: '2025-08-01' }, s.representative), 403, 'forbidden');

      const shared = await create(p.id); // Acme bears 60%
      const edited = await ok(await patch(p.id, shared.id, { version: 1, likelihood: 5 }, s.representative));
      expect(edited).toMatchObject({ likelihood: 5, score: 20, band: 'critical', version: 2 });
      const handOff = await patch(p.id, shared.id, { version: 2, allocation: [{ party: 'publicAuthority', organisationId: w.orgs.convenerOrg, percent: 100 }] }, s.representative);
      expectProblem(handOff, 403, 'forbidden', 'ownerOrganisationId');
      expect(await counts()).toEqual([before[0] + 1, before[1] + 2, before[2], before[3], before[4], before[5] + 2, before[6] + 2]);
      expect(await ok(await patch(p.id, others.id, { version: 1, likelihood: 1 }, s.admin))).toMatchObject({ version: 2, score: 4 });
    });

    run('lets members and observers read the register but not write to it (403), strangers not know it (404), anonymous callers sign in (401)', async () => {
      const p = await freshPartnership();
      const r = await create(p.id);
      for (const who of ['member', 'observer'] as const) {
        expect((await get(p.id, r.id, s[who])).allowedActions).toEqual([]);
        expect((await list(p.id, '', s[who])).items).toHaveLength(1);
        expectProblem(await post(p.id, {}, s[who]), 403, 'forbidden');
        expectProblem(await patch(p.id, r.id, { version: 1, impact: 1 }, s[who]), 403, 'forbidden');
      }
      for (const sub of ['risks', `risks/${r.id}`, `risks/${r.id}/history`, 'risks-heatmap', 'risks-overdue']) {
        expectProblem(await t.app.inject({ url: `${P}/${p.id}/${sub}`, headers: as(s.outsider) }), 404, 'not_found');
        expectProblem(await t.app.inject({ url: `${P}/${p.id}/${sub}` }), 401, 'unauthenticated');
      }
      expectProblem(await t.app.inject({ url: `${P}/${w.publicPartnership}/risks`, headers: as(s.outsider) }), 403, 'forbidden');
      expectProblem(await post(p.id, {}, s.outsider), 404, 'not_found');
    });
  });

  // ---------------------------------------------------------------------------------------------
  describe('editing a risk', () => {
    run('writes a new version with what changed before and after; a stale version is 409 naming version and writes nothing; no change writes no version', async () => {
      const p = await freshPartnership();
      const d = await decision(p.id);
      const r = await create(p.id);
      const v2 = await ok(await patch(p.id, r.id, {
        version: 1, title: 'Warehouse opens three months late', impact: 5, ownerOrganisationId: w.orgs.partnerOrg, decisionIds: [d],
        allocation: [{ party: 'privateParty', organisationId: w.orgs.partnerOrg, percent: '100' }], nextReviewOn: '2025-08-15',
      }));
      expect(v2).toMatchObject({ version: 2, title: 'Warehouse opens three months late', score: 15, band: 'critical', allocation: 'privateParty', ownerOrganisationName: 'Acme Water Ltd', nextReviewOn: '2025-08-15' });
      expect(v2.reviews.map((x) => [x.dueOn, x.status])).toEqual([['2025-08-15', 'planned']]);
      expect(v2.decisions.map((x) => x.id)).toEqual([d]);

      const before = [await counts(), await get(p.id, r.id)];
      const stale = expectProblem(await patch(p.id, r.id, { version: 1, impact: 1 }), 409, 'conflict', 'version');
      expect(stale.detail).toContain('version 2');
      expect([await counts(), await get(p.id, r.id)]).toEqual(before);

      const same = await ok(await patch(p.id, r.id, { version: 2, title: 'Warehouse opens three months late', impact: 5 }));
      expect(same.version).toBe(2);
      expect(await counts()).toEqual(before[0]);

      const h = await history(p.id, r.id);
      expect(h.items.map((x) => [x.version, x.action])).toEqual([[2, 'updated'], [1, 'created']]);
      expect(h.items[0].changes).toMatchObject({
        title: [r.title, 'Warehouse opens three months late'], impact: [4, 5], score: [12, 15], ownerOrganisationId: [w.orgs.convenerOrg, w.orgs.partnerOrg],
        nextReviewOn: [null, '2025-08-15'], decisionIds: [[], [d]],
      });
      expect(h.items[0].changes.allocation?.[1]).toEqual([{ party: 'privateParty', organisationId: w.orgs.partnerOrg, percent: '100' }]);
      expect(h.items[0].changes.category).toBeUndefined();
    });

    run.each([
      ['a version missing', { impact: 2 }, 400, 'invalid_request', 'version'],
      ['bad shares', { version: 1, allocation: [{ party: 'privateParty', organisationId: null, percent: 99 }] }, 422, 'validation_failed', 'allocation'],
      ['a decision of another partnership', { version: 1, decisionIds: ['DECISION'] }, 422, 'validation_failed', 'decisionIds.0'],
      ['an unknown field', { version: 1, number: 7 }, 400, 'invalid_request', 'number'],
    ] as const)('refuses an edit with %s, naming the field, writing nothing', async (_name, payload, status, code, field) => {
      const p = await freshPartnership();
      const r = await create(p.id);
      const other = await decision(w.partnership);
      const sent = JSON.parse(JSON.stringify(payload).replace('DECISION', other));
      const before = [await counts(), await get(p.id, r.id)];
      expectProblem(await patch(p.id, r.id, sent), status, code, field);
      expect([await counts(), await get(p.id, r.id)]).toEqual(before);
    });

    run('answers 404 for an unknown risk and for a risk asked for through another partnership, 400 for a malformed id', async () => {
      const p = await freshPartnership();
      const r = await create(p.id);
      expectProblem(await t.app.inject({ url: `${P}/${p.id}/risks/${uuidv7()}`, headers: as(s.convener) }), 404, 'not_found');
      expectProblem(await t.app.inject({ url: `${P}/${w.partnership}/risks/${r.id}`, headers: as(s.convener) }), 404, 'not_found');
      expectProblem(await patch(w.partnership, r.id, { version: 1, impact: 1 }), 404, 'not_found');
      expectProblem(await t.app.inject({ url: `${P}/${w.partnership}/risks/${r.id}/history`, headers: as(s.convener) }), 404, 'not_found');
      expectProblem(await t.app.inject({ url: `${P}/${p.id}/risks/risk-1`, headers: as(s.convener) }), 400, 'invalid_request', 'riskId');
    });
  });

  // ---------------------------------------------------------------------------------------------
  describe('status', () => {
    run('moves open -> mitigating -> occurred -> closed -> open with reasons kept in the history; a closed risk is only reopened', async () => {
      const p = await freshPartnership();
      const r = await create(p.id);
      const steps: [string, string][] = [['mitigating', 'Trucks rented'], ['occurred', 'The warehouse opened late'], ['closed', 'Doses stored off site without loss']];
      let last = r;
      for (const [to, reason] of steps) last = await ok(await write(p.id, r.id, 'transition', { to, reason }));
      expect(last).toMatchObject({ status: 'closed', version: 4, nextStatuses: ['open'], allowedActions: ['transition'], nextReviewOn: null });

      const before = [await counts(), await get(p.id, r.id)];
      const closed = [
        await patch(p.id, r.id, { version: 4, impact: 1 }),
        await write(p.id, r.id, 'actions', { description: 'Trucks', ownerOrganisationId: w.orgs.partnerOrg, dueOn: '2025-08-01' }),
        await write(p.id, r.id, 'reviews', { likelihood: 1, impact: 1 }),
      ];
      for (const res of closed) expectProblem(res, 409, 'conflict', 'status');
      expect([await counts(), await get(p.id, r.id)]).toEqual(before);

      const reopened = await ok(await write(p.id, r.id, 'transition', { to: 'open', reason: 'A second warehouse is planned' }));
      expect(reopened).toMatchObject({ status: 'open', version: 5 });
      const h = await history(p.id, r.id);
      expect(h.items.slice(0, 4).map((x) => [x.version, x.changes.status, x.reason])).toEqual([
        [5, ['closed', 'open'], 'A second warehouse is planned'], [4, ['occurred', 'closed'], 'Doses stored off site without loss'],
        [3, ['mitigating', 'occurred'], 'The warehouse opened late'], [2, ['open', 'mitigating'], 'Trucks rented'],
      ]);
      const audit = AuditPage.parse((await t.app.inject({ url: `${P}/${p.id}/audit?limit=3`, headers: as(s.convener) })).json()).items;
      expect(audit[0]).toMatchObject({ action: 'risk.transitioned', entityId: r.id });
      expect(audit[0].diff.status).toEqual(['closed', 'open']);
    });

    run('refuses a move the state machine forbids with 409 illegal_transition naming the allowed moves, and a blank reason with 400, writing nothing', async () => {
      const p = await freshPartnership();
      const r = await create(p.id);
      await ok(await write(p.id, r.id, 'transition', { to: 'occurred', reason: 'It happened' }));
      const before = [await counts(), await get(p.id, r.id)];
      const prob = expectProblem(await write(p.id, r.id, 'transition', { to: 'accepted', reason: 'Live with it' }), 409, 'illegal_transition', 'to');
      expect(prob.detail).toContain('mitigating, closed');
      expectProblem(await write(p.id, r.id, 'transition', { to: 'closed', reason: '  ' }), 400, 'invalid_request', 'reason');
      expectProblem(await write(p.id, r.id, 'transition', { to: 'gone', reason: 'x' }), 400, 'invalid_request', 'to');
      expect([await counts(), await get(p.id, r.id)]).toEqual(before);
    });
  });

  // ---------------------------------------------------------------------------------------------
  describe('mitigation actions', () => {
    run('adds an action owned by a person’s organisation, completes it and reopens it, each a version in the history', async () => {
      const p = await freshPartnership();
      const r = await create(p.id);
      const added = await ok(await write(p.id, r.id, 'actions', { description: '  Rent refrigerated trucks  ', ownerPersonId: w.users.representative, dueOn: '2025-07-31' }), 201);
      expect(added.version).toBe(2);
      expect(added.actions).toEqual([{
        id: expect.any(String), description: 'Rent refrigerated trucks', ownerOrganisationId: w.orgs.partnerOrg, ownerOrganisationName: 'Acme Water Ltd',
        ownerPersonId: w.users.representative, ownerPersonName: 'Remi Representative', dueOn: '2025-07-31', doneOn: null, status: 'open', overdue: false,
      }]);
      const actionId = added.actions[0].id;
      const done = await ok(await patchAction(p.id, r.id, actionId, { done: true }));
      expect(done.actions[0]).toMatchObject({ status: 'done', doneOn: '2025-06-30' });
      const dated = await ok(await patchAction(p.id, r.id, actionId, { doneOn: '2025-06-20' }));
      expect(dated.actions[0]).toMatchObject({ status: 'done', doneOn: '2025-06-20' });
      const reopened = await ok(await patchAction(p.id, r.id, actionId, { done: false, dueOn: '2025-08-15' }));
      expect(reopened.actions[0]).toMatchObject({ status: 'open', doneOn: null, dueOn: '2025-08-15' });
      const h = await history(p.id, r.id);
      expect(h.items.map((x) => x.action)).toEqual(['action_updated', 'action_updated', 'action_updated', 'action_added', 'created']);
      expect(h.items[0].changes).toEqual({ [`action.${actionId}.doneOn`]: ['2025-06-20', null], [`action.${actionId}.dueOn`]: ['2025-07-31', '2025-08-15'] });
    });

    run('lets the representative of the organisation that owns an action complete it on a risk that is not theirs, but not give it away', async () => {
      const p = await freshPartnership();
      const r = await create(p.id, { allocation: [] }); // owned by the city, nothing for Acme
      const added = await ok(await write(p.id, r.id, 'actions', { description: 'Inspect the pumps', ownerOrganisationId: w.orgs.partnerOrg, dueOn: '2025-07-10' }), 201);
      const actionId = added.actions[0].id;
      expect((await ok(await patchAction(p.id, r.id, actionId, { done: true }, s.representative))).actions[0].status).toBe('done');
      expectProblem(await patchAction(p.id, r.id, actionId, { ownerOrganisationId: p.third }, s.representative), 403, 'forbidden');
      const theirs = await ok(await write(p.id, r.id, 'actions', { description: 'Survey the site', ownerOrganisationId: p.third, dueOn: '2025-07-10' }), 201);
      expectProblem(await patchAction(p.id, r.id, theirs.actions.find((a) => a.description === 'Survey the site')!.id, { done: true }, s.representative), 403, 'forbidden');
    });

    run.each([
      ['an owner that is not a member', { description: 'Trucks', ownerOrganisationId: 'OTHER', dueOn: '2025-08-01' }, 422, 'ownerOrganisationId'],
      ['no owner at all', { description: 'Trucks', dueOn: '2025-08-01' }, 422, 'ownerOrganisationId'],
      ['a person outside the partnership', { description: 'Trucks', ownerOrganisationId: 'ACME', ownerPersonId: 'OUTSIDER', dueOn: '2025-08-01' }, 422, 'ownerPersonId'],
      ['a person belonging to no organisation there and no organisation', { description: 'Trucks', ownerPersonId: 'OBSERVER', dueOn: '2025-08-01' }, 422, 'ownerOrganisationId'],
      ['an impossible due date', { description: 'Trucks', ownerOrganisationId: 'ACME', dueOn: '2025-06-31' }, 400, 'dueOn'],
      ['a blank description', { description: ' ', ownerOrganisationId: 'ACME', dueOn: '2025-08-01' }, 400, 'description'],
    ] as const)('refuses an action with %s, naming the field, writing nothing', async (_name, payload, status, field) => {
      const p = await freshPartnership();
      const r = await create(p.id);
      const ids: Record<string, string> = { OTHER: w.orgs.otherOrg, ACME: w.orgs.partnerOrg, OUTSIDER: w.users.outsider, OBSERVER: w.users.observer };
      const sent = Object.fromEntries(Object.entries(payload).map(([k, v]) => [k, ids[v] ?? v]));
      const before = [await counts(), await get(p.id, r.id)];
      expectProblem(await write(p.id, r.id, 'actions', sent), status, status === 422 ? 'validation_failed' : 'invalid_request', field);
      expect([await counts(), await get(p.id, r.id)]).toEqual(before);
    });

    run('refuses completing an action in the future or reopening it with a day, and answers 404 for an action of another risk', async () => {
      const p = await freshPartnership();
      const r = await create(p.id);
      const other = await create(p.id);
      const a = (await ok(await write(p.id, r.id, 'actions', { description: 'Trucks', ownerOrganisationId: w.orgs.partnerOrg, dueOn: '2025-08-01' }), 201)).actions[0].id;
      const before = [await counts(), await get(p.id, r.id)];
      expectProblem(await patchAction(p.id, r.id, a, { doneOn: '2025-07-01' }), 422, 'validation_failed', 'doneOn');
      expectProblem(await patchAction(p.id, r.id, a, { done: false, doneOn: '2025-06-01' }), 422, 'validation_failed', 'doneOn');
      expectProblem(await patchAction(p.id, r.id, a, { ownerOrganisationId: w.orgs.spareOrg }), 422, 'validation_failed', 'ownerOrganisationId');
      expectProblem(await patchAction(p.id, other.id, a, { done: true }), 404, 'not_found');
      expectProblem(await patchAction(p.id, r.id, uuidv7(), { done: true }), 404, 'not_found');
      expect([await counts(), await get(p.id, r.id)]).toEqual(before);
    });
  });

  // ---------------------------------------------------------------------------------------------
  describe('reviews', () => {
    run('records a review: new ratings, score and band, the planned review held with its note, and the next one planned', async () => {
      const p = await freshPartnership();
      const r = await create(p.id, { nextReviewOn: '2025-07-15' });
      const v = await ok(await write(p.id, r.id, 'reviews', { likelihood: 2, impact: 2, note: '  Trucks are on standby  ', nextReviewOn: '2025-09-30' }), 201);
      expect(v).toMatchObject({ likelihood: 2, impact: 2, score: 4, band: 'medium', nextReviewOn: '2025-09-30', version: 2 });
      expect(v.reviews.map((x) => [x.dueOn, x.doneOn, x.status, x.note, x.likelihood, x.impact, x.reviewedByName])).toEqual([
        ['2025-07-15', '2025-06-30', 'held', 'Trucks are on standby', 2, 2, 'Cora Convener'],
        ['2025-09-30', null, 'planned', null, null, null, null],
      ]);
      const h = await history(p.id, r.id);
      expect(h.items[0]).toMatchObject({ action: 'reviewed', reason: 'Trucks are on standby' });
      expect(h.items[0].changes).toMatchObject({ likelihood: [3, 2], impact: [4, 2], score: [12, 4], band: ['high', 'medium'], nextReviewOn: ['2025-07-15', '2025-09-30'] });

      // with nothing planned the review is recorded on its own day, and the plan is left as it is
      const unplanned = await create(p.id);
      const u = await ok(await write(p.id, unplanned.id, 'reviews', { likelihood: 5, impact: 5, reviewedOn: '2025-06-01' }), 201);
      expect(u).toMatchObject({ score: 25, band: 'critical', nextReviewOn: null });
      expect(u.reviews.map((x) => [x.dueOn, x.doneOn, x.status])).toEqual([['2025-06-01', '2025-06-01', 'held']]);
    });

    run.each([
      ['a review in the future', { likelihood: 2, impact: 2, reviewedOn: '2025-07-01' }, 422, 'reviewedOn'],
      ['a next review not after this one', { likelihood: 2, impact: 2, nextReviewOn: '2025-06-30' }, 422, 'nextReviewOn'],
      ['a likelihood of 0', { likelihood: 0, impact: 2 }, 400, 'likelihood'],
      ['no impact', { likelihood: 2 }, 400, 'impact'],
    ] as const)('refuses %s, naming the field, writing nothing', async (_name, payload, status, field) => {
      const p = await freshPartnership();
      const r = await create(p.id, { nextReviewOn: '2025-07-15' });
      const before = [await counts(), await get(p.id, r.id)];
      expectProblem(await write(p.id, r.id, 'reviews', payload), status, status === 422 ? 'validation_failed' : 'invalid_request', field);
      expect([await counts(), await get(p.id, r.id)]).toEqual(before);
    });
  });

  // ---------------------------------------------------------------------------------------------
  describe('the heat map and the overdue board', () => {
    run('counts live risks per likelihood and impact with their numbers, by band; closed risks show only when asked for', async () => {
      const p = await freshPartnership();
      const a = await create(p.id, { likelihood: 5, impact: 5 });
      const b = await create(p.id, { likelihood: 5, impact: 5 });
      const c = await create(p.id, { likelihood: 1, impact: 2 });
      const gone = await create(p.id, { likelihood: 3, impact: 3 });
      await ok(await write(p.id, gone.id, 'transition', { to: 'closed', reason: 'No longer relevant' }));
      const m = await heat(p.id);
      expect(m).toMatchObject({ statuses: ['open', 'mitigating', 'accepted', 'occurred'], total: 3, byBand: { low: 1, medium: 0, high: 0, critical: 2 } });
      expect(m.cells[4][4]).toEqual({ likelihood: 5, impact: 5, score: 25, band: 'critical', count: 2, risks: [{ id: a.id, number: a.number, title: a.title }, { id: b.id, number: b.number, title: b.title }] });
      expect(m.cells[0][1]).toMatchObject({ count: 1, band: 'low', risks: [{ id: c.id, number: c.number, title: c.title }] });
      expect(m.cells.flat().reduce((x, cell) => x + cell.count, 0)).toBe(3);
      const closed = await heat(p.id, 'status=closed');
      expect(closed).toMatchObject({ statuses: ['closed'], total: 1 });
      expect(closed.cells[2][2].risks.map((x) => x.id)).toEqual([gone.id]);
      expect((await heat(p.id, 'status=closed,open')).total).toBe(4);
      expectProblem(await t.app.inject({ url: `${P}/${p.id}/risks-heatmap?status=open,lost`, headers: as(s.member) }), 400, 'invalid_request', 'status');
    });

    run('lists open actions and planned reviews of live risks due before today, most overdue first; due today is not late, and a closed risk has nothing late', async () => {
      const p = await freshPartnership();
      const r = await create(p.id, { nextReviewOn: '2025-07-10' });
      const closing = await create(p.id, { nextReviewOn: '2025-07-01' });
      const add = async (id: string, description: string, dueOn: string) => (await ok(await write(p.id, id, 'actions', { description, ownerOrganisationId: w.orgs.partnerOrg, dueOn }), 201)).actions.find((x) => x.description === description)!.id;
      const early = await add(r.id, 'Rent trucks', '2025-07-05');
      const later = await add(r.id, 'Train staff', '2025-07-15');
      await add(r.id, 'Due on the day', '2025-07-20');
      const done = await add(r.id, 'Done already', '2025-07-01');
      await ok(await patchAction(p.id, r.id, done, { done: true }));
      await add(closing.id, 'Forgotten', '2025-07-01');
      await ok(await write(p.id, closing.id, 'transition', { to: 'closed', reason: 'Gone' }));
      expect(await overdue(p.id)).toEqual({ today: '2025-06-30', mitigations: [], reviews: [] });
      const saved = now;
      try {
        now = START + 20 * DAY; // 2025-07-20
        const late = await overdue(p.id);
        expect(late.today).toBe('2025-07-20');
        expect(late.mitigations.map((x) => [x.actionId, x.dueOn, x.daysOverdue, x.riskNumber, x.ownerOrganisationName])).toEqual([
          [early, '2025-07-05', 15, r.number, 'Acme Water Ltd'], [later, '2025-07-15', 5, r.number, 'Acme Water Ltd'],
        ]);
        expect(late.reviews).toEqual([{ riskId: r.id, riskNumber: r.number, riskTitle: r.title, dueOn: '2025-07-10', daysOverdue: 10 }]);
        const d = await get(p.id, r.id);
        expect(d.actions.filter((x) => x.overdue).map((x) => x.id)).toEqual([early, later]);
        expect(d.reviews[0].overdue).toBe(true);
      } finally {
        now = saved;
      }
    });
  });

  // ---------------------------------------------------------------------------------------------
  describe('the register', () => {
    run('pages by number, newest first, and by score, highest first with ties by number, without duplicates or gaps', async () => {
      const p = await freshPartnership();
      const ratings: [number, number][] = [[1, 1], [5, 5], [3, 4], [2, 2], [4, 3], [5, 5], [1, 3]];
      const made = [];
      for (const [likelihood, impact] of ratings) made.push(await create(p.id, { likelihood, impact }));
      const all = async (qs: string) => {
        const seen: number[] = [];
        let cursor: string | null = null;
        do {
          const page = await list(p.id, `limit=3&${qs}${cursor ? `&cursor=${cursor}` : ''}`);
          seen.push(...page.items.map((x) => x.number));
          cursor = page.nextCursor;
        } while (cursor);
        return seen;
      };
      expect(await all('')).toEqual([7, 6, 5, 4, 3, 2, 1]);
      expect(await all('order=asc')).toEqual([1, 2, 3, 4, 5, 6, 7]);
      expect(await all('sort=score')).toEqual([6, 2, 5, 3, 4, 7, 1]); // 25, 25, 12, 12, 4, 3, 1
      expect(await all('sort=score&order=asc')).toEqual([1, 7, 4, 3, 5, 2, 6]);
      expect(await all('sort=score&band=high')).toEqual([5, 3]);
      expect(made.length).toBe(7);
    });

    run('filters by status, category, band and owner', async () => {
      const p = await freshPartnership();
      const a = await create(p.id, { category: 'forceMajeure', likelihood: 1, impact: 5 });
      const b = await create(p.id, { category: 'revenue', ownerOrganisationId: w.orgs.partnerOrg, likelihood: 2, impact: 2 });
      const c = await create(p.id, { category: 'revenue', likelihood: 4, impact: 4 });
      await ok(await write(p.id, c.id, 'transition', { to: 'mitigating', reason: 'Tariff study under way' }));
      const ids = async (qs: string) => (await list(p.id, qs)).items.map((x) => x.id);
      expect(await ids('status=mitigating')).toEqual([c.id]);
      expect(await ids('category=revenue')).toEqual([c.id, b.id]);
      expect(await ids('band=medium')).toEqual([b.id, a.id]);
      expect(await ids('band=critical')).toEqual([c.id]);
      expect(await ids(`owner=${w.orgs.partnerOrg}`)).toEqual([b.id]);
      expect(await ids('category=revenue&status=open')).toEqual([b.id]);
      const first = (await list(p.id, 'limit=1')).items[0];
      expect(first).toMatchObject({ id: c.id, categoryName: 'Revenue risk', status: 'mitigating', ownerOrganisationName: 'City of Testville', version: 2 });
    });

    run.each([['status=lost', 'status'], ['band=severe', 'band'], ['sort=title', 'sort'], ['owner=acme', 'owner'], ['limit=0', 'limit'], ['limit=101', 'limit']])(
      'refuses the query %s with 400 naming the parameter',
      async (qs, field) => {
        expectProblem(await t.app.inject({ url: `${P}/${w.partnership}/risks?${qs}`, headers: as(s.convener) }), 400, 'invalid_request', field);
      },
    );
    run('refuses a cursor it did not give out, for either sort and for the history', async () => {
      const r = await create(w.partnership);
      const bad = ['%%%', Buffer.from('["x","y"]').toString('base64url'), Buffer.from('[3,"y"]').toString('base64url')];
      for (const c of bad) {
        expectProblem(await t.app.inject({ url: `${P}/${w.partnership}/risks?sort=score&cursor=${c}`, headers: as(s.convener) }), 400, 'bad_request', 'cursor');
        expectProblem(await t.app.inject({ url: `${P}/${w.partnership}/risks/${r.id}/history?cursor=${c === bad[2] ? Buffer.from('["3","y"]').toString('base64url') : c}`, headers: as(s.convener) }), 400, 'bad_request', 'cursor');
      }
      expectProblem(await t.app.inject({ url: `${P}/${w.partnership}/risks?cursor=${bad[1]}`, headers: as(s.convener) }), 400, 'bad_request', 'cursor');
    });

    run('pages the history of a risk, newest version first', async () => {
      const p = await freshPartnership();
      const r = await create(p.id);
      for (let v = 1; v <= 4; v++) await ok(await patch(p.id, r.id, { version: v, likelihood: (v % 5) + 1 }));
      const seen: number[] = [];
      let cursor: string | null = null;
      do {
        const page = await history(p.id, r.id, `limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...page.items.map((x) => x.version));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual([5, 4, 3, 2, 1]);
    });
  });
});
