import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { expectProblem, type Res } from '../support/problems';
import { makeTestApp, signIn, as, type TestApp, type Session } from '../support/app';
import { buildWorld, PASSWORD, type World } from '../support/world';
import { DIALECTS, postgresAvailable } from '../support/databases';
import { DisputeDetail, DisputePage, DisputeStats } from '../../src/contracts/disputes';
import { AuditPage } from '../../src/contracts/partnerships';
import { uuidv7 } from '../../src/services/runtime';
import { createPartnership, addMember, addPerson } from '../../src/services/partnerships/partnerships';
import { createOrganisation } from '../../src/services/organisations/organisations';
import { escalateDispute, raiseDispute, getDispute, type LadderSource } from '../../src/services/disputes/disputes';

const pgUp = await postgresAvailable();
const DAY = 86_400_000;
/** "Today" in these tests is 2025-06-30 until a test moves the clock on; each reading steps one second. */
const START = Date.parse('2025-06-30T09:00:00.000Z');


const P = '/api/v1/partnerships';
const TABLES = ['disputes', 'dispute_parties', 'dispute_steps', 'audit_events'] as const;

describe.each(DIALECTS)('dispute register on %s', (dialect) => {
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
    const convener = await w.actor(w.users.convener);
    const p = await createPartnership(t.deps, convener, {
      name: uniq('Harbour Water Compact'), purpose: 'Clean water for the harbour district.', model: 'ppp', visibility: 'private',
      countries: ['KE'], sectors: ['public'], convenerOrganisationId: w.orgs.convenerOrg, goals: [],
    });
    const c = await w.actor(w.users.convener);
    await addMember(t.deps, c, p.id, { organisationId: w.orgs.partnerOrg, role: 'partner' });
    const third = await createOrganisation(t.deps, await w.actor(w.users.outsider), { name: uniq('Harbour Schools Trust'), sector: 'nonprofit', country: 'KE' });
    await addMember(t.deps, c, p.id, { organisationId: third.id, role: 'implementer' });
    await addPerson(t.deps, c, p.id, { email: w.emails.representative, role: 'representative', organisationId: w.orgs.partnerOrg });
    await addPerson(t.deps, c, p.id, { email: w.emails.member, role: 'member', organisationId: w.orgs.convenerOrg });
    await addPerson(t.deps, c, p.id, { email: w.emails.observer, role: 'observer' });
    return { id: p.id, third: third.id };
  }

  const raise = async (pid: string, over: Record<string, unknown> = {}, who: Session = s.convener) => {
    const res = await t.app.inject({
      method: 'POST', url: `${P}/${pid}/disputes`, headers: as(who, true),
      payload: { subject: uniq('Tariff for the harbour kiosks'), parties: [w.orgs.convenerOrg, w.orgs.partnerOrg], ...over },
    });
    expect(res.statusCode, res.body).toBe(201);
    return DisputeDetail.parse(res.json());
  };
  const act = async (pid: string, id: string, action: 'escalate' | 'resolve' | 'withdraw', payload: Record<string, unknown>, who: Session = s.convener) =>
    t.app.inject({ method: 'POST', url: `${P}/${pid}/disputes/${id}/${action}`, headers: as(who, true), payload });
  const ok = async (res: Res) => {
    expect(res.statusCode, res.body).toBe(200);
    return DisputeDetail.parse(res.json());
  };
  const get = async (pid: string, id: string, who: Session = s.convener) => ok(await t.app.inject({ url: `${P}/${pid}/disputes/${id}`, headers: as(who) }));
  const stats = async (pid: string, who: Session = s.convener) => {
    const res = await t.app.inject({ url: `${P}/${pid}/disputes-summary`, headers: as(who) });
    expect(res.statusCode, res.body).toBe(200);
    return DisputeStats.parse(res.json());
  };
  const list = async (pid: string, qs = '', who: Session = s.convener) => {
    const res = await t.app.inject({ url: `${P}/${pid}/disputes${qs ? `?${qs}` : ''}`, headers: as(who) });
    expect(res.statusCode, res.body).toBe(200);
    return DisputePage.parse(res.json());
  };

  beforeAll(async () => {
    if (dialect === 'postgres' && !pgUp) return;
    // sessions outlive the days the overdue test moves the clock on
    t = await makeTestApp(dialect, { sessionTtlHours: 24 * 90 }, { clock: () => new Date((now += 1000)).toISOString() });
    w = await buildWorld(t.deps);
    for (const k of Object.keys(w.emails) as (keyof typeof s)[]) s[k] = await signIn(t.app, w.emails[k], PASSWORD);
  });
  afterAll(async () => t?.close());
  const run = dialect === 'postgres' && !pgUp ? it.skip : it;

  // ---------------------------------------------------------------------------------------------
  describe('raising a dispute', () => {
    run('opens it on the first step of the default ladder, numbered within the partnership, with its parties, and audits it', async () => {
      const p = await freshPartnership();
      const before = await counts();
      const d = await raise(p.id, { subject: '  Who pays for the broken pump  ', description: 'The pump at kiosk 4 failed in May.' });
      expect(d).toMatchObject({
        number: 1, partnershipId: p.id, subject: 'Who pays for the broken pump', status: 'open', currentStep: 'negotiation', currentStepName: 'Negotiation between the parties',
        openedOn: '2025-06-30', stepStartedOn: '2025-06-30', dueOn: '2025-07-30', overdue: false, raisedById: w.users.convener, raisedByName: 'Cora Convener',
        resolvedOn: null, withdrawnOn: null, daysToResolution: null, allowedActions: ['escalate', 'resolve', 'withdraw'],
      });
      expect(d.parties.map((x) => x.organisationName)).toEqual(['Acme Water Ltd', 'City of Testville']);
      expect(d.steps).toEqual([expect.objectContaining({ stepId: 'negotiation', position: 0, days: 30, startedOn: '2025-06-30', endedOn: null, result: null, reason: null, daysTaken: 0, overdue: false })]);
      expect(d.ladder.map((x) => [x.id, x.days])).toEqual([['negotiation', 30], ['steering_committee', 30], ['mediation', 60], ['arbitration', null]]);
      expect(d.nextStep?.id).toBe('steering_committee');
      expect(await counts()).toEqual([before[0] + 1, before[1] + 2, before[2] + 1, before[3] + 1]);

      const audit = AuditPage.parse((await t.app.inject({ url: `${P}/${p.id}/audit?limit=5`, headers: as(s.convener) })).json()).items;
      expect(audit[0]).toMatchObject({ action: 'dispute.raised', entityType: 'dispute', entityId: d.id, actorId: w.users.convener });
      expect(audit[0].diff.subject).toEqual([null, 'Who pays for the broken pump']);
      expect(audit[0].diff.parties?.[1]).toEqual(expect.arrayContaining([w.orgs.convenerOrg, w.orgs.partnerOrg]));

      const second = await raise(p.id, { parties: [w.orgs.partnerOrg, p.third] });
      expect(second.number).toBe(2);
      expect((await raise(w.publicPartnership)).number).toBeGreaterThanOrEqual(1);
    });

    run('records a dispute that began earlier, and counts its step from then', async () => {
      const p = await freshPartnership();
      const d = await raise(p.id, { openedOn: '2025-05-01' });
      expect(d).toMatchObject({ openedOn: '2025-05-01', dueOn: '2025-05-31', overdue: true });
      expect(d.steps[0]).toMatchObject({ daysTaken: 60, overdue: true });
    });

    run('lets a representative raise a dispute their organisation is party to, but not one between others (403 naming parties)', async () => {
      const p = await freshPartnership();
      const mine = await raise(p.id, { parties: [w.orgs.partnerOrg, p.third] }, s.representative);
      expect(mine).toMatchObject({ raisedById: w.users.representative, allowedActions: [] });
      const before = await counts();
      const res = await t.app.inject({ method: 'POST', url: `${P}/${p.id}/disputes`, headers: as(s.representative, true), payload: { subject: 'Not my quarrel', parties: [w.orgs.convenerOrg, p.third] } });
      expectProblem(res, 403, 'forbidden', 'parties');
      expect(await counts()).toEqual(before);
    });

    run.each([
      ['an unknown organisation', () => ({ parties: [w.orgs.convenerOrg, uuidv7()] }), 422, 'validation_failed', 'parties.1'],
      ['an organisation that is not a member', () => ({ parties: [w.orgs.convenerOrg, w.orgs.otherOrg] }), 422, 'validation_failed', 'parties.1'],
      ['a single party', () => ({ parties: [w.orgs.convenerOrg] }), 422, 'validation_failed', 'parties'],
      ['the same party twice', () => ({ parties: [w.orgs.partnerOrg, w.orgs.partnerOrg] }), 422, 'validation_failed', 'parties'],
      ['no parties at all', () => ({ parties: [] }), 422, 'validation_failed', 'parties'],
      ['an opening date in the future', () => ({ openedOn: '2025-07-01' }), 422, 'validation_failed', 'openedOn'],
      ['a malformed party id', () => ({ parties: [w.orgs.convenerOrg, 'acme'] }), 400, 'invalid_request', 'parties.1'],
      ['a missing subject', () => ({ subject: undefined }), 400, 'invalid_request', 'subject'],
      ['a too short subject', () => ({ subject: ' x ' }), 400, 'invalid_request', 'subject'],
      ['a malformed decision id', () => ({ decisionId: 'decision-7' }), 400, 'invalid_request', 'decisionId'],
      ['an unknown field', () => ({ status: 'resolved' }), 400, 'invalid_request', 'status'],
    ] as const)('refuses %s with the right status, naming the field, writing nothing', async (_name, over, status, code, field) => {
      const before = await counts();
      const res = await t.app.inject({
        method: 'POST', url: `${P}/${w.partnership}/disputes`, headers: as(s.convener, true),
        payload: { subject: 'Tariff for the harbour kiosks', parties: [w.orgs.convenerOrg, w.orgs.partnerOrg], ...over() },
      });
      expectProblem(res, status, code, field);
      expect(await counts()).toEqual(before);
    });

    run('names every bad party at once', async () => {
      const res = await t.app.inject({
        method: 'POST', url: `${P}/${w.partnership}/disputes`, headers: as(s.convener, true),
        payload: { subject: 'Three bad parties', parties: [uuidv7(), w.orgs.otherOrg, w.orgs.convenerOrg] },
      });
      const p = expectProblem(res, 422, 'validation_failed');
      expect(p.errors?.map((e) => [e.field, e.message])).toEqual([['parties.0', 'Unknown organisation'], ['parties.1', 'Not a current member of this partnership']]);
    });
  });

  // ---------------------------------------------------------------------------------------------
  describe('climbing the ladder', () => {
    run('walks negotiation -> steering committee -> mediation -> arbitration with dates and results, and is resolved', async () => {
      const p = await freshPartnership();
      const d = await raise(p.id, { openedOn: '2025-01-06' });

      const a = await ok(await act(p.id, d.id, 'escalate', { result: 'Two meetings, no agreement on the tariff', reason: 'The parties are deadlocked', on: '2025-01-20' }));
      expect(a).toMatchObject({ status: 'escalated', currentStep: 'steering_committee', stepStartedOn: '2025-01-20', dueOn: '2025-02-19', nextStep: { id: 'mediation' } });
      const b = await ok(await act(p.id, d.id, 'escalate', { result: 'The committee split 3-3', reason: 'No majority', on: '2025-02-25' }));
      expect(b.currentStep).toBe('mediation');
      const c = await ok(await act(p.id, d.id, 'escalate', { result: 'The mediator withdrew', reason: 'Mediation failed', on: '2025-04-30' }));
      expect(c).toMatchObject({ currentStep: 'arbitration', dueOn: null, nextStep: null, allowedActions: ['resolve', 'withdraw'] });

      const done = await ok(await act(p.id, d.id, 'resolve', { resolution: 'The arbitral award is accepted by both parties', on: '2025-06-01' }));
      expect(done).toMatchObject({
        status: 'resolved', currentStep: 'arbitration', resolvedOn: '2025-06-01', resolution: 'The arbitral award is accepted by both parties',
        daysToResolution: 146, overdue: false, dueOn: null, nextStep: null, allowedActions: [],
      });
      expect(done.steps.map((x) => [x.stepId, x.startedOn, x.endedOn, x.result, x.reason, x.daysTaken, x.overdue])).toEqual([
        ['negotiation', '2025-01-06', '2025-01-20', 'Two meetings, no agreement on the tariff', null, 14, false],
        ['steering_committee', '2025-01-20', '2025-02-25', 'The committee split 3-3', 'The parties are deadlocked', 36, true],
        ['mediation', '2025-02-25', '2025-04-30', 'The mediator withdrew', 'No majority', 64, true],
        ['arbitration', '2025-04-30', '2025-06-01', 'The arbitral award is accepted by both parties', 'Mediation failed', 32, false],
      ]);
      expect(await get(p.id, d.id)).toEqual(done);

      const audit = AuditPage.parse((await t.app.inject({ url: `${P}/${p.id}/audit?limit=10`, headers: as(s.convener) })).json()).items.filter((e) => e.entityId === d.id);
      expect(audit.map((e) => e.action)).toEqual(['dispute.resolved', 'dispute.escalated', 'dispute.escalated', 'dispute.escalated', 'dispute.raised']);
      expect(audit[1].diff).toMatchObject({ currentStep: ['mediation', 'arbitration'], stepResult: [null, 'The mediator withdrew'], reason: [null, 'Mediation failed'] });
      expect(audit[0].diff).toMatchObject({ status: ['escalated', 'resolved'], resolvedOn: [null, '2025-06-01'] });
    });

    run('escalates today when no date is given, and shows only conveners what they may do', async () => {
      const p = await freshPartnership();
      const d = await raise(p.id);
      const e = await ok(await act(p.id, d.id, 'escalate', { result: 'No agreement', reason: 'Deadlock' }));
      expect(e.steps.map((x) => [x.startedOn, x.endedOn])).toEqual([['2025-06-30', '2025-06-30'], ['2025-06-30', null]]);
      expect((await get(p.id, d.id, s.representative)).allowedActions).toEqual([]);
      expect((await get(p.id, d.id, s.admin)).allowedActions).toEqual(['escalate', 'resolve', 'withdraw']);
    });

    run('withdraws a dispute with its reason; it has no time to resolution', async () => {
      const p = await freshPartnership();
      const d = await raise(p.id, { openedOn: '2025-06-01' });
      const x = await ok(await act(p.id, d.id, 'withdraw', { reason: 'Raised by mistake', on: '2025-06-02' }));
      expect(x).toMatchObject({ status: 'withdrawn', withdrawnOn: '2025-06-02', withdrawalReason: 'Raised by mistake', resolvedOn: null, daysToResolution: null, allowedActions: [] });
      expect(x.steps[0]).toMatchObject({ endedOn: '2025-06-02', result: 'Raised by mistake' });
    });

    const closedWith = async (pid: string, how: 'resolve' | 'withdraw') => {
      const d = await raise(pid);
      await ok(await act(pid, d.id, how, how === 'resolve' ? { resolution: 'Settled between the parties' } : { reason: 'No longer relevant' }));
      return d.id;
    };

    run.each([
      ['escalating a resolved dispute', 'resolve', 'escalate', { result: 'x'.repeat(5), reason: 'Try again' }],
      ['escalating a withdrawn dispute', 'withdraw', 'escalate', { result: 'x'.repeat(5), reason: 'Try again' }],
      ['resolving a withdrawn dispute', 'withdraw', 'resolve', { resolution: 'Settled after all' }],
      ['withdrawing a resolved dispute', 'resolve', 'withdraw', { reason: 'Changed our minds' }],
    ] as const)('refuses %s with 409 illegal_transition, writing nothing', async (_name, how, action, payload) => {
      const p = await freshPartnership();
      const id = await closedWith(p.id, how);
      const before = [await counts(), await get(p.id, id)];
      expectProblem(await act(p.id, id, action, payload), 409, 'illegal_transition');
      expect([await counts(), await get(p.id, id)]).toEqual(before);
    });

    run('refuses to escalate past the last step (arbitration) with 409 illegal_transition, writing nothing', async () => {
      const p = await freshPartnership();
      const d = await raise(p.id);
      for (let i = 0; i < 3; i++) await ok(await act(p.id, d.id, 'escalate', { result: `Round ${i} failed`, reason: 'Still no agreement' }));
      const before = [await counts(), await get(p.id, d.id)];
      const prob = expectProblem(await act(p.id, d.id, 'escalate', { result: 'Arbitration failed', reason: 'Beyond arbitration' }), 409, 'illegal_transition');
      expect(prob.detail).toContain('last step');
      expect([await counts(), await get(p.id, d.id)]).toEqual(before);
    });

    run.each([
      ['a date before the current step began', { result: 'No agreement', reason: 'Deadlock', on: '2025-06-01' }, 422, 'validation_failed', 'on'],
      ['a date in the future', { result: 'No agreement', reason: 'Deadlock', on: '2025-07-15' }, 422, 'validation_failed', 'on'],
      ['a missing result', { reason: 'Deadlock' }, 400, 'invalid_request', 'result'],
      ['a missing reason', { result: 'No agreement' }, 400, 'invalid_request', 'reason'],
      ['a malformed date', { result: 'No agreement', reason: 'Deadlock', on: '15/06/2025' }, 400, 'invalid_request', 'on'],
    ] as const)('refuses an escalation with %s, naming the field, writing nothing', async (_name, payload, status, code, field) => {
      const p = await freshPartnership();
      const d = await raise(p.id, { openedOn: '2025-06-10' });
      const before = [await counts(), await get(p.id, d.id)];
      expectProblem(await act(p.id, d.id, 'escalate', payload), status, code, field);
      expect([await counts(), await get(p.id, d.id)]).toEqual(before);
    });

    run('answers 404 for an unknown dispute, and for a dispute asked for through another partnership', async () => {
      const p = await freshPartnership();
      const d = await raise(p.id);
      expectProblem(await t.app.inject({ url: `${P}/${p.id}/disputes/${uuidv7()}`, headers: as(s.convener) }), 404, 'not_found');
      expectProblem(await t.app.inject({ url: `${P}/${w.partnership}/disputes/${d.id}`, headers: as(s.convener) }), 404, 'not_found');
      expectProblem(await act(w.partnership, d.id, 'resolve', { resolution: 'Settled elsewhere' }), 404, 'not_found');
      expectProblem(await t.app.inject({ url: `${P}/${p.id}/disputes/not-an-id`, headers: as(s.convener) }), 400, 'invalid_request', 'disputeId');
      expect((await get(p.id, d.id)).status).toBe('open');
    });
  });

  // ---------------------------------------------------------------------------------------------
  describe('overdue and time to resolution', () => {
    run('flags an open dispute overdue the day after its step runs out, in the detail, the list and the summary, until it escalates', async () => {
      const p = await freshPartnership();
      const d = await raise(p.id);
      expect((await stats(p.id)).openOverdue).toBe(0);
      const saved = now;
      try {
        now = START + 30 * DAY; // 2025-07-30: the last day of negotiation
        expect(await get(p.id, d.id)).toMatchObject({ overdue: false, dueOn: '2025-07-30' });
        now = START + 31 * DAY; // 2025-07-31
        const late = await get(p.id, d.id);
        expect(late).toMatchObject({ overdue: true });
        expect(late.steps[0]).toMatchObject({ daysTaken: 31, overdue: true });
        expect((await list(p.id)).items.find((x) => x.id === d.id)?.overdue).toBe(true);
        expect((await stats(p.id)).openOverdue).toBe(1);

        const up = await ok(await act(p.id, d.id, 'escalate', { result: 'No agreement within the month', reason: 'Negotiation ran out of time' }));
        expect(up).toMatchObject({ overdue: false, currentStep: 'steering_committee', dueOn: '2025-08-30' });
        expect(up.steps[0]).toMatchObject({ endedOn: '2025-07-31', overdue: true });
        expect((await stats(p.id)).openOverdue).toBe(0);
      } finally {
        now = saved;
      }
    });

    run('sums up a partnership: counts by status, open overdue, median and mean days to resolution', async () => {
      const p = await freshPartnership();
      expect(await stats(p.id)).toMatchObject({ total: 0, byStatus: { open: 0, escalated: 0, resolved: 0, withdrawn: 0 }, openOverdue: 0, medianDaysToResolution: null, meanDaysToResolution: null });
      for (const [openedOn, resolvedOn] of [['2025-05-01', '2025-05-11'], ['2025-04-01', '2025-04-21'], ['2025-03-01', '2025-04-15']]) {
        const d = await raise(p.id, { openedOn });
        await ok(await act(p.id, d.id, 'resolve', { resolution: 'Settled', on: resolvedOn }));
      }
      const withdrawn = await raise(p.id);
      await ok(await act(p.id, withdrawn.id, 'withdraw', { reason: 'Dropped' }));
      const escalated = await raise(p.id, { openedOn: '2025-04-01' });
      await ok(await act(p.id, escalated.id, 'escalate', { result: 'No agreement', reason: 'Deadlock', on: '2025-05-01' })); // steering committee due 2025-05-31
      await raise(p.id, { openedOn: '2025-06-20' });

      const sum = await stats(p.id, s.representative);
      expect(sum).toMatchObject({ total: 6, byStatus: { open: 1, escalated: 1, resolved: 3, withdrawn: 1 }, openOverdue: 1, medianDaysToResolution: 20, meanDaysToResolution: 25 });
      expect(sum.ladder.map((x) => x.id)).toEqual(['negotiation', 'steering_committee', 'mediation', 'arbitration']);
      expect((await list(p.id, 'status=resolved')).items.map((x) => x.daysToResolution).sort((a, b) => a! - b!)).toEqual([10, 20, 45]);
    });
  });

  // ---------------------------------------------------------------------------------------------
  describe('the register', () => {
    run('pages newest first without duplicates or gaps, and filters by status', async () => {
      const p = await freshPartnership();
      const made: string[] = [];
      for (let i = 0; i < 7; i++) made.push((await raise(p.id)).id);
      await ok(await act(p.id, made[2], 'withdraw', { reason: 'Dropped' }));
      await ok(await act(p.id, made[5], 'escalate', { result: 'No agreement', reason: 'Deadlock' }));
      const seen: { id: string; number: number }[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page = await list(p.id, `limit=3${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...page.items);
        cursor = page.nextCursor;
        pages++;
      } while (cursor);
      expect(pages).toBe(3);
      expect(seen.map((x) => x.number)).toEqual([7, 6, 5, 4, 3, 2, 1]);
      expect(seen.map((x) => x.id)).toEqual([...made].reverse());
      expect((await list(p.id, 'status=withdrawn')).items.map((x) => x.id)).toEqual([made[2]]);
      expect((await list(p.id, 'status=escalated')).items.map((x) => [x.id, x.currentStep])).toEqual([[made[5], 'steering_committee']]);
      expect((await list(p.id, 'status=open')).items.length).toBe(5);
      const first = (await list(p.id, 'limit=1')).items[0];
      expect(first.parties.map((x) => x.organisationId).sort()).toEqual([w.orgs.convenerOrg, w.orgs.partnerOrg].sort());
    });

    run('finds disputes by words of the subject (wildcards taken literally, accents and case ignored) and by a party', async () => {
      const p = await freshPartnership();
      const tariff = await raise(p.id, { subject: 'The 10% tariff increase' });
      const late = await raise(p.id, { subject: 'Late reports', parties: [w.orgs.partnerOrg, p.third] });
      const bogota = await raise(p.id, { subject: 'Retard des PAIEMENTS à Bogotá' });
      for (const q of ['bogota', 'À BOGOTÁ', 'paiements a bogota']) expect((await list(p.id, `q=${encodeURIComponent(q)}`)).items.map((x) => x.id), q).toEqual([bogota.id]);
      expect((await list(p.id, `q=${encodeURIComponent('10% TARIFF')}`)).items.map((x) => x.id)).toEqual([tariff.id]);
      expect((await list(p.id, `q=${encodeURIComponent('1_%')}`)).items).toEqual([]);
      expect((await list(p.id, `party=${p.third}`)).items.map((x) => x.id)).toEqual([late.id]);
      expect((await list(p.id, `party=${w.orgs.partnerOrg}`)).items.map((x) => x.id)).toEqual([bogota.id, late.id, tariff.id]);
      expect((await list(p.id, `party=${w.orgs.partnerOrg}&q=late`)).items.map((x) => x.id)).toEqual([late.id]);
    });

    run.each([['status=closed', 'status'], ['limit=0', 'limit'], ['limit=abc', 'limit']])('refuses the query %s with 400 naming the parameter', async (qs, field) => {
      expectProblem(await t.app.inject({ url: `${P}/${w.partnership}/disputes?${qs}`, headers: as(s.convener) }), 400, 'invalid_request', field);
    });
    run('refuses a cursor it did not give out', async () => {
      for (const c of ['%%%', Buffer.from('["x","y"]').toString('base64url')]) {
        expectProblem(await t.app.inject({ url: `${P}/${w.partnership}/disputes?cursor=${c}`, headers: as(s.convener) }), 400, 'bad_request', 'cursor');
      }
    });

    run('is closed to members and observers (403), strangers (404) and anonymous callers (401), for a private partnership or one that does not exist', async () => {
      for (const sub of ['disputes', 'disputes-summary']) {
        for (const who of ['member', 'observer'] as const) expectProblem(await t.app.inject({ url: `${P}/${w.partnership}/${sub}`, headers: as(s[who]) }), 403, 'forbidden');
        expectProblem(await t.app.inject({ url: `${P}/${w.partnership}/${sub}`, headers: as(s.outsider) }), 404, 'not_found');
        expectProblem(await t.app.inject({ url: `${P}/${uuidv7()}/${sub}`, headers: as(s.outsider) }), 404, 'not_found');
        expectProblem(await t.app.inject({ url: `${P}/${w.partnership}/${sub}` }), 401, 'unauthenticated');
        expectProblem(await t.app.inject({ url: `${P}/${uuidv7()}/${sub}` }), 401, 'unauthenticated');
      }
    });
  });

  // ---------------------------------------------------------------------------------------------
  describe('the ladder source', () => {
    run('climbs the ladder a LadderSource gives (as a charter will), and stops at its last step', async () => {
      const p = await freshPartnership();
      const short: LadderSource = async () => [{ id: 'talks', days: 7 }, { id: 'board', name: 'Board ruling', body: 'board' }];
      const convener = await w.actor(w.users.convener);
      const d = await raiseDispute(t.deps, convener, p.id, { subject: 'A short ladder', parties: [w.orgs.convenerOrg, p.third] }, short);
      expect(d).toMatchObject({ currentStep: 'talks', currentStepName: 'Talks', dueOn: '2025-07-07', nextStep: { id: 'board', name: 'Board ruling', body: 'board', days: null } });
      const e = await escalateDispute(t.deps, convener, p.id, d.id, { result: 'No agreement', reason: 'To the board' }, short);
      expect(e).toMatchObject({ currentStep: 'board', allowedActions: ['resolve', 'withdraw'] });
      await expect(escalateDispute(t.deps, convener, p.id, d.id, { result: 'Board split', reason: 'Beyond the board' }, short)).rejects.toMatchObject({ code: 'illegal_transition' });
      expect((await getDispute(t.deps, convener, p.id, d.id, short)).steps.map((x) => x.stepId)).toEqual(['talks', 'board']);
    });
  });
});
