import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { expectProblem } from '../support/problems';
import { makeTestApp, signIn, as, type TestApp, type Session } from '../support/app';
import { buildWorld, PASSWORD, type World } from '../support/world';
import { DIALECTS, postgresAvailable } from '../support/databases';
import { IndicatorDetail, ReportingCalendar, ResultsTree, SubmissionDetail, SubmissionPage } from '../../src/contracts/results';
import { AuditPage } from '../../src/contracts/partnerships';
import { createPartnership, addMember, addPerson } from '../../src/services/partnerships/partnerships';
import { indicatorProgressSummary, reportDueItems } from '../../src/services/accountability/indicators';

const pgUp = await postgresAvailable();
/** "Today" in these tests is 2025-06-30 (in 2025-Q2); each clock reading steps one second. */
const START = Date.parse('2025-06-30T09:00:00.000Z');
const P = '/api/v1/partnerships';
const TABLES = ['indicators', 'indicator_targets', 'indicator_partners', 'indicator_submissions', 'indicator_submission_cells', 'indicator_submission_events', 'indicator_period_values', 'audit_events'] as const;

describe.each(DIALECTS)('indicators and their reports on %s', (dialect) => {
  let t: TestApp;
  let w: World;
  let now = START;
  const s = {} as Record<'admin' | 'convener' | 'representative' | 'member' | 'observer' | 'outsider', Session>;
  let n = 0;
  const uniq = (prefix: string) => `${prefix} ${++n}`;
  const counts = async () =>
    Promise.all(TABLES.map(async (table) => Number((await t.deps.database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)));

  /** A private partnership convened by City of Testville, with Acme Water represented, and an outcome to hang indicators on. */
  async function fresh() {
    const c = await w.actor(w.users.convener);
    const p = await createPartnership(t.deps, c, {
      name: uniq('Harbour Health Compact'), purpose: 'Fewer children die of preventable disease.', model: 'ppp', visibility: 'private',
      countries: ['KE'], sectors: ['public'], convenerOrganisationId: w.orgs.convenerOrg, goals: [],
    });
    await addMember(t.deps, c, p.id, { organisationId: w.orgs.partnerOrg, role: 'partner' });
    await addPerson(t.deps, c, p.id, { email: w.emails.representative, role: 'representative', organisationId: w.orgs.partnerOrg });
    await addPerson(t.deps, c, p.id, { email: w.emails.member, role: 'member', organisationId: w.orgs.convenerOrg });
    const goal = await post(p.id, 'results', { level: 'goal', title: 'Fewer children die of preventable disease' });
    const outcome = await post(p.id, 'results', { level: 'outcome', parentId: goal.id, title: 'Higher DTP3 coverage' });
    return { id: p.id, goal: goal.id as string, outcome: outcome.id as string };
  }
  const post = async (pid: string, path: string, payload: unknown, who: Session = s.convener, status = 201) => {
    const res = await t.app.inject({ method: 'POST', url: `${P}/${pid}/${path}`, headers: as(who, true), payload: payload as object });
    expect(res.statusCode, res.body).toBe(status);
    return res.json();
  };
  const send = (method: 'POST' | 'PATCH' | 'DELETE', pid: string, path: string, payload?: unknown, who: Session = s.convener) =>
    t.app.inject({ method, url: `${P}/${pid}/${path}`, headers: as(who, true), ...(payload === undefined ? {} : { payload: payload as object }) });
  const get = async (pid: string, path: string, who: Session = s.convener) => {
    const res = await t.app.inject({ url: `${P}/${pid}/${path}`, headers: as(who) });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  const dtp3 = (nodeId: string, over: Record<string, unknown> = {}) => ({
    nodeId, title: 'Children vaccinated with DTP3', definition: 'Children under one who received the third dose, from the district health information system',
    unit: 'children', measure: 'unit', direction: 'higher_is_better', valueKind: 'cumulative',
    baseline: { value: 2000, date: '2024-12-31' },
    targets: [{ periodKey: '2025-Q2', value: 5000 }, { periodKey: '2025-Q4', value: '12000' }],
    dimensions: [{ key: 'sex', values: ['female', 'male'] }],
    sdgIndicators: ['3.b.1'],
    responsiblePartnerIds: [w.orgs.convenerOrg, w.orgs.partnerOrg],
    schedule: { frequency: 'quarterly', start: '2025-01-01', end: '2025-12-31', graceDays: 30 },
    ...over,
  });
  const indicator = async (pid: string, nodeId: string, over: Record<string, unknown> = {}) => IndicatorDetail.parse(await post(pid, 'indicators', dtp3(nodeId, over)));
  const draft = async (pid: string, indicatorId: string, payload: Record<string, unknown>, who: Session = s.representative) =>
    SubmissionDetail.parse(await post(pid, `indicators/${indicatorId}/submissions`, { partnerId: w.orgs.partnerOrg, ...payload }, who));
  const act = async (pid: string, id: string, action: 'submit' | 'return' | 'approve', payload: Record<string, unknown> = {}, who?: Session) => {
    const res = await send('POST', pid, `indicator-submissions/${id}/${action}`, payload, who ?? (action === 'submit' ? s.representative : s.convener));
    expect(res.statusCode, res.body).toBe(200);
    return SubmissionDetail.parse(res.json());
  };
  /** Drafts, submits and approves one partner's value for a period. */
  const approved = async (pid: string, indicatorId: string, periodKey: string, value: unknown, who: Session = s.representative, partnerId = w.orgs.partnerOrg, extra: Record<string, unknown> = {}) => {
    const d = await draft(pid, indicatorId, { periodKey, value, partnerId, ...extra }, who);
    await act(pid, d.id, 'submit', {}, who);
    return act(pid, d.id, 'approve');
  };

  beforeAll(async () => {
    if (dialect === 'postgres' && !pgUp) return;
    t = await makeTestApp(dialect, { sessionTtlHours: 24 * 400 }, { clock: () => new Date((now += 1000)).toISOString() });
    w = await buildWorld(t.deps);
    for (const k of Object.keys(w.emails) as (keyof typeof s)[]) s[k] = await signIn(t.app, w.emails[k], PASSWORD);
  });
  afterAll(async () => t?.close());
  const run = dialect === 'postgres' && !pgUp ? it.skip : it;

  // ---------------------------------------------------------------------------------------------
  describe('defining an indicator', () => {
    run('stores its definition, targets, partners, dimensions and SDG links, shows its periods, and audits it', async () => {
      const p = await fresh();
      const before = await counts();
      const ind = await indicator(p.id, p.outcome);
      expect(ind).toMatchObject({
        nodeId: p.outcome, measure: 'unit', iatiMeasureCode: '1', direction: 'higher_is_better', valueKind: 'cumulative', aggregation: 'sum',
        baseline: { value: '2000', date: '2024-12-31' }, targets: [{ periodKey: '2025-Q2', value: '5000' }, { periodKey: '2025-Q4', value: '12000' }],
        sdgIndicators: ['3.b.1'], schedule: { frequency: 'quarterly', graceDays: 30, fiscalYearStartMonth: 1 }, allowedActions: ['manage', 'report', 'review'],
      });
      expect(ind.responsiblePartners.map((x) => x.organisationName)).toEqual(['City of Testville', 'Acme Water Ltd']);
      expect(ind.series.map((x) => [x.periodKey, x.dueOn, x.target])).toEqual([['2025-Q1', '2025-04-30', null], ['2025-Q2', '2025-07-30', '5000'], ['2025-Q3', '2025-10-30', null], ['2025-Q4', '2026-01-30', '12000']]);
      expect(ind.series[0].reports.map((r) => r.state)).toEqual(['overdue', 'overdue']);
      expect(ind.series[1].reports.map((r) => r.state)).toEqual(['open', 'open']);
      expect(ind.progress.missing).toBe('no_data');
      expect(await counts()).toEqual([before[0] + 1, before[1] + 2, before[2] + 2, before[3], before[4], before[5], before[6], before[7] + 1]);
      const audit = AuditPage.parse(await get(p.id, 'audit?limit=1')).items;
      expect(audit[0]).toMatchObject({ action: 'indicator.added', entityType: 'indicator', entityId: ind.id });
    });

    run('refuses every problem at once with 422 naming the fields, and writes nothing', async () => {
      const p = await fresh();
      const before = await counts();
      const res = await send('POST', p.id, 'indicators', dtp3(p.outcome, {
        baseline: { value: '1,200', date: '2024-12-31' },
        targets: [{ periodKey: '2026-Q1', value: 10 }],
        sdgIndicators: ['3.b', '99.9.9'],
        responsiblePartnerIds: [w.orgs.otherOrg],
        dimensions: [{ key: 'Sex', values: ['female'] }],
      }));
      const problem = expectProblem(res, 422, 'validation_failed');
      expect(problem.errors!.map((e) => e.field).sort()).toEqual(['baseline.value', 'dimensions.0.key', 'dimensions.0.values', 'responsiblePartnerIds.0', 'sdgIndicators.0', 'sdgIndicators.1', 'targets.0.periodKey'].sort());
      expectProblem(await send('POST', p.id, 'indicators', dtp3(p.outcome, { measure: 'percentage', aggregation: 'sum' })), 422, 'validation_failed', 'aggregation');
      expectProblem(await send('POST', p.id, 'indicators', dtp3(p.outcome, { targets: [{ periodKey: '2025-Q4', value: 1000 }] })), 422, 'validation_failed', 'targets.0.value');
      expectProblem(await send('POST', p.id, 'indicators', dtp3(p.outcome, { weight: 'heavy' })), 422, 'validation_failed', 'weight');
      expectProblem(await send('POST', p.id, 'indicators', dtp3(p.goal.replace(/.$/, (c) => (c === '0' ? '1' : '0')))), 422, 'validation_failed', 'nodeId');
      expectProblem(await send('POST', p.id, 'indicators', dtp3(p.outcome, { baseline: { value: 1e300, date: '2024-12-31' } })), 422, 'validation_failed', 'baseline.value');
      expectProblem(await send('POST', p.id, 'indicators', { ...dtp3(p.outcome), colour: 'red' }), 400, 'invalid_request', 'colour');
      expect(await counts()).toEqual(before);
    });

    run('fixes its meaning once values were reported, keeps reported periods, and keeps an indicator with reports', async () => {
      const p = await fresh();
      const ind = await indicator(p.id, p.outcome);
      const renamed = await send('PATCH', p.id, `indicators/${ind.id}`, { title: 'DTP3 third doses', targets: [{ periodKey: '2025-Q4', value: 11000 }] });
      expect(renamed.statusCode, renamed.body).toBe(200);
      expect(IndicatorDetail.parse(renamed.json())).toMatchObject({ title: 'DTP3 third doses', targets: [{ periodKey: '2025-Q4', value: '11000' }] });
      await draft(p.id, ind.id, { periodKey: '2025-Q1', value: 100 });
      expectProblem(await send('PATCH', p.id, `indicators/${ind.id}`, { measure: 'percentage' }), 409, 'conflict', 'measure');
      expectProblem(await send('PATCH', p.id, `indicators/${ind.id}`, { schedule: { frequency: 'quarterly', start: '2025-04-01', end: '2025-12-31' } }), 409, 'conflict', 'schedule');
      expectProblem(await send('DELETE', p.id, `indicators/${ind.id}`), 409, 'conflict', 'indicatorId');
      const other = await indicator(p.id, p.outcome, { title: 'Outreach sessions' });
      expect((await send('DELETE', p.id, `indicators/${other.id}`)).statusCode).toBe(200);
      expectProblem(await send('PATCH', p.id, `indicators/${ind.id}`, { title: 'x' }, s.representative), 403, 'forbidden');
    });
  });

  // ---------------------------------------------------------------------------------------------
  describe('reporting values', () => {
    run('takes a partner through draft, submit, return with a comment, correction, approval, and then locks the values', async () => {
      const p = await fresh();
      const ind = await indicator(p.id, p.outcome);
      const d = await draft(p.id, ind.id, { periodKey: '2025-Q1', value: '2900', breakdown: [{ cell: { sex: 'female' }, value: 1500 }, { cell: { sex: 'male' }, value: 1400 }], note: 'From DHIS2' });
      expect(d).toMatchObject({ status: 'draft', value: '2900', note: 'From DHIS2', state: 'overdue', firstSubmittedOn: null, allowedActions: ['edit', 'submit'], locked: false });
      expect(d.breakdown.map((c) => [c.cellKey, c.value])).toEqual([['sex=female', '1500'], ['sex=male', '1400']]);

      const sub = await act(p.id, d.id, 'submit');
      expect(sub).toMatchObject({ status: 'submitted', firstSubmittedOn: '2025-06-30', onTime: false, state: 'submitted', allowedActions: [] });
      expectProblem(await send('PATCH', p.id, `indicator-submissions/${d.id}`, { value: 3000 }, s.representative), 409, 'conflict');
      expectProblem(await send('POST', p.id, `indicator-submissions/${d.id}/return`, {}), 422, 'validation_failed', 'comment');
      expectProblem(await send('POST', p.id, `indicator-submissions/${d.id}/return`, { comment: 'no' }, s.representative), 403, 'forbidden');

      const back = await act(p.id, d.id, 'return', { comment: 'The male count excludes the northern district' });
      expect(back).toMatchObject({ status: 'returned', reviewComment: 'The male count excludes the northern district', state: 'returned_overdue' });
      const fixed = await send('PATCH', p.id, `indicator-submissions/${d.id}`, { value: 3000, breakdown: [{ cell: { sex: 'female' }, value: 1500 }, { cell: { sex: 'male' }, value: 1500 }] }, s.representative);
      expect(fixed.statusCode, fixed.body).toBe(200);
      expect(SubmissionDetail.parse(fixed.json())).toMatchObject({ value: '3000', note: 'From DHIS2' });
      await act(p.id, d.id, 'submit');
      const ok = await act(p.id, d.id, 'approve', { comment: 'Thanks' });
      expect(ok).toMatchObject({ status: 'approved', locked: true, firstSubmittedOn: '2025-06-30', allowedActions: [] });
      expect(ok.history.map((h) => [h.action, h.from, h.to])).toEqual([
        ['create', null, 'draft'], ['submit', 'draft', 'submitted'], ['return', 'submitted', 'returned'], ['update', 'returned', 'returned'], ['submit', 'returned', 'submitted'], ['approve', 'submitted', 'approved'],
      ]);
      expect(ok.history[2]).toMatchObject({ comment: 'The male count excludes the northern district', actorName: 'Cora Convener' });

      const before = await counts();
      const locked = expectProblem(await send('PATCH', p.id, `indicator-submissions/${d.id}`, { value: 1 }, s.representative), 409, 'conflict');
      expect(locked.detail).toMatch(/locked/);
      expectProblem(await send('POST', p.id, `indicator-submissions/${d.id}/submit`, {}, s.representative), 409, 'illegal_transition');
      expectProblem(await send('POST', p.id, `indicator-submissions/${d.id}/approve`, {}), 409, 'illegal_transition');
      expectProblem(await send('POST', p.id, `indicator-submissions/${d.id}/return`, { comment: 'Again' }), 409, 'illegal_transition');
      expect(await counts()).toEqual(before);
    });

    run('lets each partner report only for its own organisation (403 naming partnerId), and only responsible partners (422)', async () => {
      const p = await fresh();
      const ind = await indicator(p.id, p.outcome);
      const before = await counts();
      expectProblem(await send('POST', p.id, `indicators/${ind.id}/submissions`, { periodKey: '2025-Q1', partnerId: w.orgs.convenerOrg, value: 1 }, s.representative), 403, 'forbidden', 'partnerId');
      expectProblem(await send('POST', p.id, `indicators/${ind.id}/submissions`, { periodKey: '2025-Q1', partnerId: w.orgs.partnerOrg, value: 1 }, s.member), 403, 'forbidden');
      expectProblem(await send('POST', p.id, `indicators/${ind.id}/submissions`, { periodKey: '2025-Q1', partnerId: w.orgs.partnerOrg, value: 1 }, s.outsider), 404, 'not_found');
      const onlyCity = await indicator(p.id, p.outcome, { title: 'Clinics reporting', responsiblePartnerIds: [w.orgs.convenerOrg] });
      expectProblem(await send('POST', p.id, `indicators/${onlyCity.id}/submissions`, { periodKey: '2025-Q1', partnerId: w.orgs.partnerOrg, value: 1 }, s.representative), 422, 'validation_failed', 'partnerId');
      const mid = await counts();
      expect(mid.slice(3, 7)).toEqual(before.slice(3, 7));

      const city = await draft(p.id, ind.id, { periodKey: '2025-Q1', value: 10, partnerId: w.orgs.convenerOrg }, s.convener);
      expectProblem(await send('PATCH', p.id, `indicator-submissions/${city.id}`, { value: 11 }, s.representative), 403, 'forbidden');
      expectProblem(await send('POST', p.id, `indicator-submissions/${city.id}/submit`, {}, s.representative), 403, 'forbidden');
      const viewed = SubmissionDetail.parse(await get(p.id, `indicator-submissions/${city.id}`, s.representative));
      expect(viewed.allowedActions).toEqual([]);
      expect(SubmissionDetail.parse(await get(p.id, `indicator-submissions/${city.id}`)).allowedActions).toEqual(['edit', 'submit']);
      expectProblem(await send('POST', p.id, `indicators/${ind.id}/submissions`, { periodKey: '2025-Q1', partnerId: w.orgs.convenerOrg, value: 12 }), 409, 'duplicate', 'periodKey');
    });

    run('accepts numbers only for numeric measures, checks breakdowns and timing, and text for qualitative indicators', async () => {
      const p = await fresh();
      const ind = await indicator(p.id, p.outcome);
      const before = await counts();
      const path = `indicators/${ind.id}/submissions`;
      for (const value of ['1,200', '1200 doses', '82%', '1e3', true]) {
        expectProblem(await send('POST', p.id, path, { periodKey: '2025-Q1', partnerId: w.orgs.partnerOrg, value }, s.representative), typeof value === 'string' ? 422 : 400, typeof value === 'string' ? 'validation_failed' : 'invalid_request', 'value');
      }
      expectProblem(await send('POST', p.id, path, { periodKey: '2025-Q1', partnerId: w.orgs.partnerOrg, value: 100, breakdown: [{ cell: { sex: 'female' }, value: 60 }, { cell: { sex: 'male' }, value: 30 }] }, s.representative), 422, 'validation_failed', 'breakdown');
      expectProblem(await send('POST', p.id, path, { periodKey: '2025-Q1', partnerId: w.orgs.partnerOrg, value: 100, breakdown: [{ cell: { age: 'old' }, value: 60 }] }, s.representative), 422, 'validation_failed', 'breakdown.0.cell.age');
      expectProblem(await send('POST', p.id, path, { periodKey: '2025-Q3', partnerId: w.orgs.partnerOrg, value: 100 }, s.representative), 422, 'validation_failed', 'periodKey');
      expectProblem(await send('POST', p.id, path, { periodKey: '2025-13', partnerId: w.orgs.partnerOrg, value: 100 }, s.representative), 422, 'validation_failed', 'periodKey');
      expect(await counts()).toEqual(before);

      // a draft may wait for its total; submitting it may not
      const empty = await draft(p.id, ind.id, { periodKey: '2025-Q1', note: 'Waiting for the districts' });
      expect(empty.value).toBeNull();
      expectProblem(await send('POST', p.id, `indicator-submissions/${empty.id}/submit`, {}, s.representative), 422, 'validation_failed', 'value');

      const story = await indicator(p.id, p.outcome, { title: 'What changed for mothers', measure: 'qualitative', unit: '', baseline: null, targets: [], dimensions: [] });
      const text = await draft(p.id, story.id, { periodKey: '2025-Q2', value: 'Clinics now open on Saturdays' });
      expect(text.value).toBe('Clinics now open on Saturdays');
      expectProblem(await send('POST', p.id, `indicators/${story.id}/submissions`, { periodKey: '2025-Q1', partnerId: w.orgs.partnerOrg, value: 12 }, s.representative), 422, 'validation_failed', 'value');
    });
  });

  // ---------------------------------------------------------------------------------------------
  describe('progress, series and the calendar', () => {
    run('counts approved values only, combined across partners, against the next target and the baseline', async () => {
      const p = await fresh();
      const ind = await indicator(p.id, p.outcome);
      await approved(p.id, ind.id, '2025-Q1', 1800, s.representative, w.orgs.partnerOrg, { breakdown: [{ cell: { sex: 'female' }, value: 1000 }, { cell: { sex: 'male' }, value: 800 }] });
      await approved(p.id, ind.id, '2025-Q1', 1200, s.convener, w.orgs.convenerOrg, { breakdown: [{ cell: { sex: 'female' }, value: 500 }, { cell: { sex: 'male' }, value: 700 }] });
      const pending = await draft(p.id, ind.id, { periodKey: '2025-Q2', value: 9000 });
      await act(p.id, pending.id, 'submit');

      const detail = IndicatorDetail.parse(await get(p.id, `indicators/${ind.id}`, s.member));
      // Q1 = 1800 + 1200 = 3000 against the next target (Q2: 5000) from a baseline of 2000: (3000 - 2000) / (5000 - 2000) = 1/3
      expect(detail.progress).toMatchObject({ latestPeriodKey: '2025-Q1', latest: '3000', actual: '3000', target: '5000', periodsCompared: ['2025-Q1', '2025-Q2'], progress: '1/3', percent: 33, achieved: false, changePercent: 50, improvementPercent: 50 });
      expect(detail.series[0]).toMatchObject({ periodKey: '2025-Q1', actual: '3000', approvedCount: 2 });
      expect(detail.series[0].breakdown).toEqual([{ cellKey: 'sex=female', cell: { sex: 'female' }, value: '1500' }, { cellKey: 'sex=male', cell: { sex: 'male' }, value: '1500' }]);
      expect(detail.series[1]).toMatchObject({ actual: null, approvedCount: 0 });
      expect(detail.series[1].reports.map((r) => [r.partnerId, r.status, r.state])).toEqual([[w.orgs.convenerOrg, null, 'open'], [w.orgs.partnerOrg, 'submitted', 'submitted']]);

      const tree = ResultsTree.parse(await get(p.id, 'results', s.member));
      expect(tree.indicators[0].progress.progress).toBe('1/3');
      expect(tree.nodes.find((x) => x.id === p.outcome)!.progress).toMatchObject({ progress: '1/3', percent: 33, method: 'average' });
      expect(tree.overall).toMatchObject({ progress: '1/3', coverage: '1' });
      expect(tree.allowedActions).toEqual([]);

      await act(p.id, pending.id, 'approve');
      const summary = await indicatorProgressSummary(t.deps.database.db, p.id, '2025-06-30');
      // Q2 = 9000 (only Acme reported) against its own target of 5000: (9000 - 2000) / 3000 = 7/3, shown as 100%
      expect(summary.indicators[0].progress).toMatchObject({ latestPeriodKey: '2025-Q2', latest: '9000', target: '5000', progress: '7/3', percent: 100, achieved: true, changePercent: 350 });
      expect(summary.overall).toMatchObject({ progress: '1', percent: 100 });
    });

    run('adds up per-period values over the periods with targets, and reads only the aggregates it needs', async () => {
      const p = await fresh();
      const ind = await indicator(p.id, p.outcome, {
        title: 'Outreach sessions held', valueKind: 'per_period', baseline: { value: 100, date: '2024-12-31' }, dimensions: [], responsiblePartnerIds: [w.orgs.partnerOrg],
        schedule: { frequency: 'monthly', start: '2025-01-01', end: '2025-06-30', graceDays: 10 },
        targets: [{ periodKey: '2025-01', value: 300 }, { periodKey: '2025-02', value: 300 }],
      });
      await approved(p.id, ind.id, '2025-01', 250);
      await approved(p.id, ind.id, '2025-02', 310);
      await approved(p.id, ind.id, '2025-03', 5);
      // (250 + 310 - 2 x 100) / (600 - 2 x 100) = 9/10; the latest month (March) is the one compared with the baseline
      const summary = await indicatorProgressSummary(t.deps.database.db, p.id, '2025-06-30');
      expect(summary.indicators[0].progress).toMatchObject({ progress: '0.9', percent: 90, periodsCompared: ['2025-01', '2025-02'], latestPeriodKey: '2025-03', latest: '5', changePercent: -95 });
      const rows = await t.deps.database.db.selectFrom('indicator_period_values').selectAll().where('indicator_id', '=', ind.id).orderBy('period_key').execute();
      expect(rows.map((r) => [r.period_key, Number(r.approved_count), JSON.parse(r.approved_values)])).toEqual([['2025-01', 1, ['250']], ['2025-02', 1, ['310']], ['2025-03', 1, ['5']]]);
    });

    run('keeps each indicator\'s progress snapshot current through approvals and target changes, and answers the same without snapshots', async () => {
      const p = await fresh();
      const cumulative = await indicator(p.id, p.outcome);
      const perPeriod = await indicator(p.id, p.outcome, {
        title: 'Outreach sessions held', valueKind: 'per_period', baseline: { value: 100, date: '2024-12-31' }, dimensions: [], responsiblePartnerIds: [w.orgs.partnerOrg],
        schedule: { frequency: 'monthly', start: '2025-01-01', end: '2025-06-30', graceDays: 10 },
        targets: [{ periodKey: '2025-01', value: 300 }, { periodKey: '2025-02', value: 300 }],
      });
      const db = t.deps.database.db;
      const stored = async () => (await db.selectFrom('indicators').select(['id', 'progress']).where('partnership_id', '=', p.id).execute()).map((r) => [r.id, r.progress ? (JSON.parse(r.progress) as { v: number; progress: string | null }) : null] as const);
      // a new indicator has its snapshot at once: no data yet
      expect((await stored()).map(([, x]) => x?.progress)).toEqual([null, null]);
      expect((await indicatorProgressSummary(db, p.id, '2025-06-30')).indicators.map((i) => i.progress.missing)).toEqual(['no_data', 'no_data']);

      await approved(p.id, cumulative.id, '2025-Q1', 3000);
      await approved(p.id, perPeriod.id, '2025-01', 250);
      await approved(p.id, perPeriod.id, '2025-02', 310);
      // (3000 - 2000) / (5000 - 2000) = 1/3; (250 + 310 - 200) / (600 - 200) = 9/10, from the snapshots written by the approvals
      expect(new Map(await stored()).get(cumulative.id)?.progress).toBe('1/3');
      expect(new Map(await stored()).get(perPeriod.id)?.progress).toBe('9/10');
      // a new target for January moves the per-period indicator's progress in the same write: (560 - 200) / (700 - 200) = 18/25
      const patched = await send('PATCH', p.id, `indicators/${perPeriod.id}`, { targets: [{ periodKey: '2025-01', value: 400 }, { periodKey: '2025-02', value: 300 }] });
      expect(patched.statusCode, patched.body).toBe(200);
      expect(new Map(await stored()).get(perPeriod.id)?.progress).toBe('18/25');
      const withSnapshots = await indicatorProgressSummary(db, p.id, '2025-06-30');
      expect(withSnapshots.indicators.map((i) => i.progress.progress)).toEqual(['1/3', '0.72']);
      expect(withSnapshots.overall.progress).toBe('79/150');

      // without snapshots (as after the migration), or with one of another computation version, the answer is the same
      await db.updateTable('indicators').set({ progress: null }).where('id', '=', cumulative.id).execute();
      await db.updateTable('indicators').set({ progress: JSON.stringify({ v: 0, progress: '1/1', presented: {} }) }).where('id', '=', perPeriod.id).execute();
      expect(await indicatorProgressSummary(db, p.id, '2025-06-30')).toEqual(withSnapshots);
      await db.updateTable('indicators').set({ progress: null }).where('partnership_id', '=', p.id).execute();
      expect(await indicatorProgressSummary(db, p.id, '2025-06-30')).toEqual(withSnapshots);
      expect(ResultsTree.parse(await get(p.id, 'results', s.member)).indicators.map((i) => i.progress.progress)).toEqual(['1/3', '0.72']);
    });

    run('shows the reporting calendar and gives the scorecard one item per partner, indicator and begun period', async () => {
      const p = await fresh();
      const ind = await indicator(p.id, p.outcome);
      const q1 = await draft(p.id, ind.id, { periodKey: '2025-Q1', value: 2500 });
      await act(p.id, q1.id, 'submit');
      const cal = ReportingCalendar.parse(await get(p.id, `reporting-calendar?indicatorId=${ind.id}`, s.member));
      expect(cal.asOf).toBe('2025-06-30');
      expect(cal.items.map((i) => [i.periodKey, i.partnerName, i.state])).toEqual([
        ['2025-Q1', 'City of Testville', 'overdue'], ['2025-Q1', 'Acme Water Ltd', 'submitted'],
        ['2025-Q2', 'City of Testville', 'open'], ['2025-Q2', 'Acme Water Ltd', 'open'],
        ['2025-Q3', 'City of Testville', 'upcoming'], ['2025-Q3', 'Acme Water Ltd', 'upcoming'],
        ['2025-Q4', 'City of Testville', 'upcoming'], ['2025-Q4', 'Acme Water Ltd', 'upcoming'],
      ]);
      expect(cal.items[1]).toMatchObject({ submissionId: q1.id, firstSubmittedOn: '2025-06-30', onTime: false });
      const acme = ReportingCalendar.parse(await get(p.id, `reporting-calendar?partnerId=${w.orgs.partnerOrg}&to=2025-08-01`));
      expect(acme.items.map((i) => i.periodKey)).toEqual(['2025-Q1', '2025-Q2']);

      const items = await reportDueItems(t.deps.database.db, p.id, '2025-06-30');
      expect(items.map((i) => [i.partner === w.orgs.partnerOrg ? 'acme' : 'city', i.dueOn, i.doneOn])).toEqual([
        ['city', '2025-04-30', null], ['acme', '2025-04-30', '2025-06-30'], ['city', '2025-07-30', null], ['acme', '2025-07-30', null],
      ]);
      expect(items[1]).toMatchObject({ kind: 'report', id: `${ind.id}:2025-Q1:${w.orgs.partnerOrg}`, label: 'Children vaccinated with DTP3 (2025-Q1)' });
    });

    run('lists submissions as the review queue, filtered and paged with a cursor', async () => {
      const p = await fresh();
      const ind = await indicator(p.id, p.outcome, { schedule: { frequency: 'monthly', start: '2025-01-01', end: '2025-06-30' }, targets: [] });
      const ids: string[] = [];
      for (const m of ['01', '02', '03', '04', '05']) {
        const d = await draft(p.id, ind.id, { periodKey: `2025-${m}`, value: 10 });
        if (m !== '05') await act(p.id, d.id, 'submit');
        ids.push(d.id);
      }
      await draft(p.id, ind.id, { periodKey: '2025-01', value: 3, partnerId: w.orgs.convenerOrg }, s.convener);
      const first = SubmissionPage.parse(await get(p.id, 'indicator-submissions?status=submitted&limit=3'));
      expect(first.items.map((i) => i.periodKey)).toEqual(['2025-04', '2025-03', '2025-02']);
      expect(first.items[0]).toMatchObject({ indicatorTitle: 'Children vaccinated with DTP3', partnerName: 'Acme Water Ltd', status: 'submitted' });
      const second = SubmissionPage.parse(await get(p.id, `indicator-submissions?status=submitted&limit=3&cursor=${first.nextCursor}`));
      expect(second.items.map((i) => i.periodKey)).toEqual(['2025-01']);
      expect(second.nextCursor).toBeNull();
      expect(SubmissionPage.parse(await get(p.id, `indicator-submissions?partnerId=${w.orgs.convenerOrg}`)).items.map((i) => i.value)).toEqual(['3']);
      expect(SubmissionPage.parse(await get(p.id, 'indicator-submissions?periodKey=2025-01')).items).toHaveLength(2);
      expectProblem(await t.app.inject({ url: `${P}/${p.id}/indicator-submissions?cursor=nonsense`, headers: as(s.convener) }), 400, 'bad_request', 'cursor');
    });
  });
});
