/**
 * Mutual accountability through the HTTP API on both databases: each partner's scorecard combines what it pledged
 * and delivered (from the ledger) with its tranches and its indicator reports (due, on time, late, overdue), the
 * overdue board ranks what is late or due soon, and the dashboard shows the same figures as the ledger and the
 * results framework, read from their aggregates.
 *
 * The story is dated: the clock moves through 2025 as the partners pledge, deliver and report; "today" is
 * 2025-11-15 with the default grace period of 30 days.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { expectProblem } from '../support/problems';
import { makeTestApp, signIn, as, type TestApp, type Session } from '../support/app';
import { buildWorld, PASSWORD, type World } from '../support/world';
import { DIALECTS, postgresAvailable } from '../support/databases';
import { Dashboard, OverdueBoard, ScorecardsReport } from '../../src/contracts/accountability';
import { FinanceSummary } from '../../src/contracts/ledger';
import { ResultsTree } from '../../src/contracts/results';
import { HomeResponse } from '../../src/contracts/me';
import { createPartnership, addMember, addPerson } from '../../src/services/partnerships/partnerships';

const pgUp = await postgresAvailable();
const P = '/api/v1/partnerships';
const at = (day: string) => Date.parse(`${day}T09:00:00.000Z`);

describe.each(DIALECTS)('mutual accountability on %s', (dialect) => {
  let t: TestApp;
  let w: World;
  let now = at('2025-04-10');
  let keyN = 0;
  let pid = '';
  const s = {} as Record<'admin' | 'convener' | 'representative' | 'member' | 'observer' | 'outsider', Session>;
  const send = async (who: Session, method: 'GET' | 'POST', path: string, payload?: unknown, status = method === 'GET' ? 200 : 201) => {
    const res = await t.app.inject({
      method, url: `${P}/${pid}${path}`,
      headers: { ...as(who, method !== 'GET'), ...(method === 'POST' ? { 'idempotency-key': `acc-${dialect}-${++keyN}-${Date.now()}` } : {}) },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    expect(res.statusCode, `${method} ${path}: ${res.body}`).toBe(status);
    return res.json();
  };
  const eur = (amount: string) => ({ amount, currency: 'EUR' });
  /** A confirmed cash pledge of `org` with its tranches. */
  const pledge = async (organisationId: string, tranches: [string, string][], who: Session) => {
    const total = tranches.reduce((n, [, a]) => n + Number(a), 0).toFixed(2);
    const c = await send(who, 'POST', '/commitments', {
      organisationId, kind: 'cash', description: `Cash for the clinics (${tranches.length} tranches)`, valuation: eur(total),
      tranches: tranches.map(([dueOn, a]) => ({ dueOn, value: eur(a) })), recipientOrganisationId: w.orgs.convenerOrg,
    });
    await send(s.convener, 'POST', `/commitments/${c.id}/confirm`, {}, 200);
    return c.id as string;
  };
  const deliver = async (commitmentId: string, on: string, amount: string) => {
    const d = await send(s.representative, 'POST', `/commitments/${commitmentId}/deliveries`, { on, value: eur(amount), evidence: ['https://bank.example/receipt'] });
    await send(s.convener, 'POST', `/deliveries/${d.id}/confirm`, {}, 200);
  };
  /** Drafts and submits a partner's report for a period, as of the clock's day. */
  const report = async (indicatorId: string, periodKey: string, partnerId: string, who: Session) => {
    const d = await send(who, 'POST', `/indicators/${indicatorId}/submissions`, { partnerId, periodKey, value: 100 });
    await send(who, 'POST', `/indicator-submissions/${d.id}/submit`, {}, 200);
  };

  let pledgeA = '';
  let pledgeB = '';
  let pledgeC = '';
  let indicatorId = '';

  beforeAll(async () => {
    if (dialect === 'postgres' && !pgUp) return;
    t = await makeTestApp(dialect, { sessionTtlHours: 24 * 400 }, { clock: () => new Date((now += 1000)).toISOString() });
    w = await buildWorld(t.deps);
    for (const k of Object.keys(w.emails) as (keyof typeof s)[]) s[k] = await signIn(t.app, w.emails[k], PASSWORD);
    const c = await w.actor(w.users.convener);
    const p = await createPartnership(t.deps, c, {
      name: 'Harbour Health Compact', purpose: 'Fewer children die of preventable disease.', model: 'ppp', visibility: 'private',
      countries: ['KE'], sectors: ['public'], convenerOrganisationId: w.orgs.convenerOrg, goals: [],
    });
    pid = p.id;
    await addMember(t.deps, c, pid, { organisationId: w.orgs.partnerOrg, role: 'partner' });
    await addPerson(t.deps, c, pid, { email: w.emails.representative, role: 'representative', organisationId: w.orgs.partnerOrg });
    await addPerson(t.deps, c, pid, { email: w.emails.member, role: 'member', organisationId: w.orgs.convenerOrg });
    await addPerson(t.deps, c, pid, { email: w.emails.observer, role: 'observer' });

    // 10 April: the framework, and Acme Water's first quarterly report, on time (Q1 is due 30 April)
    const goal = await send(s.convener, 'POST', '/results', { level: 'goal', title: 'Fewer children die of preventable disease' });
    const outcome = await send(s.convener, 'POST', '/results', { level: 'outcome', parentId: goal.id, title: 'Higher DTP3 coverage' });
    indicatorId = (await send(s.convener, 'POST', '/indicators', {
      nodeId: outcome.id, title: 'Children vaccinated with DTP3', definition: 'Children under one who received the third dose', unit: 'children',
      measure: 'unit', direction: 'higher_is_better', valueKind: 'per_period', baseline: { value: 50, date: '2024-12-31' }, targets: [{ periodKey: '2025-Q4', value: 200 }],
      dimensions: [], sdgIndicators: [], responsiblePartnerIds: [w.orgs.convenerOrg, w.orgs.partnerOrg],
      schedule: { frequency: 'quarterly', start: '2025-01-01', end: '2025-12-31', graceDays: 30 },
    })).id;
    await report(indicatorId, '2025-Q1', w.orgs.partnerOrg, s.representative);

    // 1 June: three pledges. Acme: 4,000 by 30 Sep and 6,000 by 31 Dec; 1,000 by 31 Aug. The city: 2,000 by 1 Oct.
    now = at('2025-06-01');
    pledgeA = await pledge(w.orgs.partnerOrg, [['2025-09-30', '4000.00'], ['2025-12-31', '6000.00']], s.representative);
    pledgeC = await pledge(w.orgs.partnerOrg, [['2025-08-31', '1000.00']], s.representative);
    pledgeB = await pledge(w.orgs.convenerOrg, [['2025-10-01', '2000.00']], s.convener);
    // Acme delivers the 1,000 ten days late and the first 4,000 ten days early
    now = at('2025-09-25');
    await deliver(pledgeC, '2025-09-10', '1000.00');
    await deliver(pledgeA, '2025-09-20', '4000.00');
    // a high risk and a closed one
    await send(s.convener, 'POST', '/risks', { category: 'construction', title: 'Cold rooms late', description: 'The contractor is behind.', likelihood: 4, impact: 4, ownerOrganisationId: w.orgs.convenerOrg });
    const gone = await send(s.convener, 'POST', '/risks', { category: 'revenue', title: 'Tariff shortfall', description: 'Fewer connections.', likelihood: 2, impact: 2, ownerOrganisationId: w.orgs.convenerOrg });
    await send(s.convener, 'POST', `/risks/${gone.id}/transition`, { to: 'closed', reason: 'Tariff reviewed' }, 200);
    now = at('2025-11-15');
  });
  afterAll(async () => t?.close());
  const run = dialect === 'postgres' && !pgUp ? it.skip : it;

  run('scores each partner: pledged against delivered, on-time deliveries and reports, overdue items and lights', async () => {
    const r = ScorecardsReport.parse(await send(s.member, 'GET', '/accountability/scorecards'));
    expect(r).toMatchObject({ asOf: '2025-11-15', graceDays: 30 });
    const acme = r.partners.find((p) => p.organisationId === w.orgs.partnerOrg)!;
    const city = r.partners.find((p) => p.organisationId === w.orgs.convenerOrg)!;
    expect(acme.fulfilment).toEqual([expect.objectContaining({ currency: 'EUR', pledged: expect.objectContaining({ amount: '11000.00' }), delivered: expect.objectContaining({ amount: '5000.00' }), ratio: { fraction: '5/11', percent: '45.5' } })]);
    // one tranche early, one late, one not yet due (31 Dec, in 46 days)
    expect(acme.deliveries).toMatchObject({ counted: 2, onTime: 1, late: 1, rate: { fraction: '1/2' }, open: 1, dueSoon: 0, overdue: 0 });
    // Q1 on time; Q2 (due 30 Jul) and Q3 (due 30 Oct) not submitted; Q4 has begun and is due 30 Jan
    expect(acme.reports).toMatchObject({ counted: 3, onTime: 1, late: 2, overdue: 2, open: 1 });
    expect(acme.lights).toEqual({ deliveries: 'green', reports: 'red', overall: 'red' });
    expect(acme.overdue.map((i) => [i.label, i.light])).toEqual([['Children vaccinated with DTP3 (2025-Q2)', 'red'], ['Children vaccinated with DTP3 (2025-Q3)', 'yellow']]);
    // the city owes its 2,000 since 1 Oct (45 days: beyond the grace period) and three reports
    expect(city.fulfilment[0]).toMatchObject({ pledged: { amount: '2000.00' }, delivered: { amount: '0.00' }, ratio: { fraction: '0/1' } });
    expect(city.deliveries).toMatchObject({ counted: 1, onTime: 0, overdue: 1, rate: { fraction: '0/1' } });
    expect(city.reports).toMatchObject({ counted: 3, onTime: 0, overdue: 3 });
    expect(city.lights.overall).toBe('red');
    expect(city.overdue.find((i) => i.kind === 'delivery')).toMatchObject({ ref: { kind: 'commitment', id: pledgeB }, light: 'red', daysUntilDue: -45, partnerName: expect.any(String) });
  });

  run('ranks the overdue board red before yellow, the longest overdue first, and filters by partner and kind', async () => {
    const board = OverdueBoard.parse(await send(s.observer, 'GET', '/accountability/overdue'));
    expect(board.counts).toEqual({ red: 4, yellow: 2 });
    expect(board.items.map((i) => i.light)).toEqual(['red', 'red', 'red', 'red', 'yellow', 'yellow']);
    const days = board.items.map((i) => i.daysUntilDue);
    expect(days.slice(0, 4)).toEqual([...days.slice(0, 4)].sort((a, b) => a - b));
    expect(board.items[0]).toMatchObject({ kind: 'report', partner: w.orgs.convenerOrg, label: 'Children vaccinated with DTP3 (2025-Q1)', ref: { kind: 'indicator', id: indicatorId } });
    expect(board.items.some((i) => i.ref.id === pledgeA || i.ref.id === pledgeC)).toBe(false);
    const acme = OverdueBoard.parse(await send(s.member, 'GET', `/accountability/overdue?partner=${w.orgs.partnerOrg}`));
    expect(acme.items.every((i) => i.partner === w.orgs.partnerOrg)).toBe(true);
    expect(acme.counts).toEqual({ red: 1, yellow: 1 });
    const deliveries = OverdueBoard.parse(await send(s.member, 'GET', '/accountability/overdue?kind=delivery'));
    expect(deliveries.items.map((i) => i.ref.id)).toEqual([pledgeB]);
  });

  run('shows on the dashboard the ledger’s and the framework’s own figures, and the open risks by band', async () => {
    const d = Dashboard.parse(await send(s.member, 'GET', '/accountability/dashboard'));
    const finance = FinanceSummary.parse(await send(s.member, 'GET', '/ledger/summary'));
    expect(d.finance).toEqual(finance);
    const { allowedActions, ...tree } = ResultsTree.parse(await send(s.member, 'GET', '/results'));
    expect(allowedActions).toBeDefined();
    expect(d.results).toEqual(tree);
    expect(d.risks.open).toEqual({ low: 0, medium: 0, high: 0, critical: 1 });
    expect(d.partners.map((p) => p.organisationId).sort()).toEqual([w.orgs.convenerOrg, w.orgs.partnerOrg].sort());
    const pool = d.finance.balances.find((b) => b.account === 'pool');
    expect(pool?.net.amount).toBe('5000.00');
  });

  run('puts the reports and deliveries waiting for them on the conveners’ home page, with their counts', async () => {
    const home = async (who: Session) => {
      const res = await t.app.inject({ url: '/api/v1/me/home', headers: as(who) });
      expect(res.statusCode, res.body).toBe(200);
      return HomeResponse.parse(res.json()).attention.filter((a) => a.partnershipId === pid && a.count !== null);
    };
    // Q1 was submitted in April and never reviewed; nothing was recorded without being confirmed yet
    expect((await home(s.convener)).map((a) => [a.kind, a.count])).toEqual([['reports_to_review', 1]]);
    await send(s.representative, 'POST', `/commitments/${pledgeA}/deliveries`, { on: '2025-11-14', value: eur('1500.00') });
    await send(s.representative, 'POST', `/commitments/${pledgeA}/deliveries`, { on: '2025-11-15', value: eur('500.00') });
    expect((await home(s.convener)).map((a) => [a.kind, a.count])).toEqual([['reports_to_review', 1], ['deliveries_to_confirm', 2]]);
    expect(await home(s.representative)).toEqual([]);
  });

  run('is for the partnership’s participants only: strangers 404, anonymous callers 401, bad filters 400', async () => {
    for (const path of ['/accountability/scorecards', '/accountability/overdue', '/accountability/dashboard']) {
      expectProblem(await t.app.inject({ url: `${P}/${pid}${path}`, headers: as(s.outsider) }), 404, 'not_found');
      expectProblem(await t.app.inject({ url: `${P}/${pid}${path}` }), 401, 'unauthenticated');
    }
    expectProblem(await t.app.inject({ url: `${P}/${pid}/accountability/overdue?kind=invoice`, headers: as(s.member) }), 400, 'invalid_request', 'kind');
  });
});
