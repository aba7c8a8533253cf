/**
 * The ledger through the HTTP API on both databases: pledges post to the ledger, confirmed deliveries move
 * value into the pool, expenses and disbursements follow the approval rule, reversals undo exactly once, and
 * every report (balances, pledged versus delivered, budget versus actual) reads the running balances, which
 * always equal the sum of the entries.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { sql } from 'kysely';
import { expectProblem } from '../support/problems';
import { makeTestApp, signIn, as, type TestApp, type Session } from '../support/app';
import { buildWorld, PASSWORD, type World } from '../support/world';
import { DIALECTS, postgresAvailable } from '../support/databases';
import { BalancesReport, BudgetReport, CommitmentDetail, DeliveryOut, PledgesReport, Settings, TransactionOut, TransactionPage, FinanceSummary } from '../../src/contracts/ledger';
import { adoptCharter } from '../../src/services/governance/charters';
import { castBallot, closeDecision, propose } from '../../src/services/governance/decisions';
import { fuzzCharter } from '../fuzz/governance-fixture';
import { deliveryDueItems, financeSummary } from '../../src/services/accountability/finance';

const pgUp = await postgresAvailable();
const START = Date.parse('2025-06-30T09:00:00.000Z');
const P = '/api/v1/partnerships';
const LEDGER_TABLES = ['commitments', 'deliveries', 'ledger_transactions', 'ledger_entries', 'ledger_balances', 'audit_events'] as const;

describe.each(DIALECTS)('the ledger on %s', (dialect) => {
  let t: TestApp;
  let w: World;
  let now = START;
  let keyN = 0;
  const s = {} as Record<'admin' | 'convener' | 'representative' | 'member' | 'observer' | 'outsider', Session>;
  const key = () => `ledger-test-${dialect}-${++keyN}-${Date.now()}`;
  const url = (path: string) => `${P}/${w.partnership}${path}`;
  const send = (who: Session, method: 'GET' | 'POST' | 'PUT', path: string, payload?: unknown, withKey = true) =>
    t.app.inject({ method, url: url(path), headers: { ...as(who, method !== 'GET'), ...(method === 'POST' && withKey ? { 'idempotency-key': key() } : {}) }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const ok = async <T>(res: { statusCode: number; body: string; json: () => unknown }, status = 200, schema?: { parse: (v: unknown) => T }): Promise<T> => {
    expect(res.statusCode, res.body).toBe(status);
    return schema ? schema.parse(res.json()) : (res.json() as T);
  };
  const counts = async () => Promise.all(LEDGER_TABLES.map(async (table) => Number((await t.deps.database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)));
  const eur = (amount: string) => ({ amount, currency: 'EUR' });

  const cashPledge = (over: Record<string, unknown> = {}) => ({
    organisationId: w.orgs.partnerOrg, kind: 'cash', description: 'Cash for the pipes', valuation: eur('10000.00'),
    tranches: [{ dueOn: '2025-09-30', value: eur('4000.00') }, { dueOn: '2025-12-31', value: eur('6000.00') }], recipientOrganisationId: w.orgs.convenerOrg, pledgedOn: '2025-06-01', ...over,
  });
  const pledge = async (body: Record<string, unknown> = cashPledge(), who = s.convener) => ok(await send(who, 'POST', '/commitments', body), 201, CommitmentDetail);
  const confirmed = async (body: Record<string, unknown> = cashPledge()) => {
    const c = await pledge(body);
    return ok(await send(s.convener, 'POST', `/commitments/${c.id}/confirm`, {}), 200, CommitmentDetail);
  };
  const deliver = async (commitmentId: string, body: Record<string, unknown>, who = s.representative) => ok(await send(who, 'POST', `/commitments/${commitmentId}/deliveries`, body), 201, DeliveryOut);
  const confirmDelivery = async (id: string, who = s.convener) => ok(await send(who, 'POST', `/deliveries/${id}/confirm`, {}), 200, DeliveryOut);
  /** Cash in the pool: a pledge of `amount` confirmed, delivered in full and the delivery confirmed. */
  const fund = async (amount: { amount: string; currency: string }) => {
    const c = await confirmed(cashPledge({ description: `Funds ${amount.amount} ${amount.currency}`, valuation: amount, tranches: [{ dueOn: '2025-09-30', value: amount }] }));
    await confirmDelivery((await deliver(c.id, { value: amount, on: '2025-06-02' })).id);
  };
  const balances = async (qs = '') => ok(await send(s.member, 'GET', `/ledger/balances${qs}`), 200, BalancesReport);
  const balance = async (account: string, currency = 'EUR') => (await balances()).rows.find((r) => r.account === account && r.currency === currency)?.net.minor ?? '0';

  /** The running balances equal the entries summed by a GROUP BY, and every currency nets to zero. */
  async function expectBalancesMatchEntries() {
    const db = t.deps.database.db;
    const summed = await db
      .selectFrom('ledger_entries')
      .select(['account', 'currency', sql<string>`cast(sum(case when side = 'debit' then amount_minor else 0 end) as text)`.as('debit'), sql<string>`cast(sum(case when side = 'credit' then amount_minor else 0 end) as text)`.as('credit')])
      .where('partnership_id', '=', w.partnership)
      .groupBy(['account', 'currency'])
      .execute();
    const stored = (await balances()).rows;
    const asMap = (rows: { account: string; currency: string; debit: string; credit: string }[]) => new Map(rows.map((r) => [`${r.account}|${r.currency}`, `${r.debit}/${r.credit}`]));
    expect(asMap(stored.map((r) => ({ account: r.account, currency: r.currency, debit: r.debit.minor, credit: r.credit.minor })))).toEqual(asMap(summed));
    const perCurrency = new Map<string, bigint>();
    for (const r of stored) perCurrency.set(r.currency, (perCurrency.get(r.currency) ?? 0n) + BigInt(r.net.minor));
    for (const v of perCurrency.values()) expect(v).toBe(0n);
  }

  /** A decision of the world's partnership that passed (an ordinary motion the convener voted for). */
  async function passedDecision(): Promise<string> {
    const admin = await w.actor(w.users.admin);
    const d = await propose(t.deps, admin, w.partnership, { kind: 'motion', decisionType: 'ordinary', title: 'Buy the fridges', text: 'We buy the cold-chain fridges.', links: [], closesAt: new Date(now + 86_400_000).toISOString() } as never);
    await castBallot(t.deps, await w.actor(w.users.convener), w.partnership, d.id, 'city', { choice: 'yes', reason: 'Needed.' });
    const closed = await closeDecision(t.deps, admin, w.partnership, d.id);
    expect(closed.outcome).toBe('adopted');
    return d.id;
  }
  async function openDecision(): Promise<string> {
    const admin = await w.actor(w.users.admin);
    return (await propose(t.deps, admin, w.partnership, { kind: 'motion', decisionType: 'ordinary', title: 'Maybe buy', text: 'Still open.', links: [], closesAt: new Date(now + 86_400_000).toISOString() } as never)).id;
  }

  beforeAll(async () => {
    if (dialect === 'postgres' && !pgUp) return;
    t = await makeTestApp(dialect, { sessionTtlHours: 24 * 90 }, { clock: () => new Date((now += 1000)).toISOString() });
    w = await buildWorld(t.deps);
    for (const k of Object.keys(w.emails) as (keyof typeof s)[]) s[k] = await signIn(t.app, w.emails[k], PASSWORD);
    await adoptCharter(t.deps, await w.actor(w.users.convener), w.partnership, { charter: fuzzCharter(w) });
  });
  afterAll(async () => t?.close());
  const run = dialect === 'postgres' && !pgUp ? it.skip : it;

  run('a pledge posts receivable against pledged, and answers with amounts as exact text', async () => {
    const c = await pledge();
    expect(c.status).toBe('pledged');
    expect(c.valuation).toEqual({ amount: '10000.00', minor: '1000000', currency: 'EUR' });
    expect(c.progress.outstanding.minor).toBe('1000000');
    expect(c.history).toEqual([expect.objectContaining({ from: null, to: 'pledged' })]);
    expect(c.transactions).toHaveLength(1);
    expect(c.transactions[0].type).toBe('pledge');
    expect(c.transactions[0].entries.map((e) => [e.account, e.side, e.amount.minor])).toEqual([
      [`receivable:${w.orgs.partnerOrg}:cash`, 'debit', '1000000'],
      [`pledged:${w.orgs.partnerOrg}:cash`, 'credit', '1000000'],
    ]);
    await expectBalancesMatchEntries();
  });

  run('a representative pledges for their own organisation only; the pledging organisation must be a current member', async () => {
    await pledge(cashPledge(), s.representative);
    const before = await counts();
    expectProblem(await send(s.representative, 'POST', '/commitments', cashPledge({ organisationId: w.orgs.convenerOrg })), 403, 'forbidden');
    expectProblem(await send(s.convener, 'POST', '/commitments', cashPledge({ organisationId: w.orgs.otherOrg })), 422, 'validation_failed', 'organisationId');
    expectProblem(await send(s.member, 'POST', '/commitments', cashPledge()), 403, 'forbidden');
    expect(await counts()).toEqual(before);
  });

  run('refuses a pledge whose tranches do not add up, or whose amounts have more decimals than the currency, naming the field', async () => {
    const before = await counts();
    expectProblem(await send(s.convener, 'POST', '/commitments', cashPledge({ tranches: [{ dueOn: '2025-09-30', value: eur('4000.00') }] })), 422, 'validation_failed', 'tranches');
    expectProblem(await send(s.convener, 'POST', '/commitments', cashPledge({ valuation: eur('10000.001') })), 422, 'validation_failed', 'valuation.amount');
    expectProblem(await send(s.convener, 'POST', '/commitments', cashPledge({ valuation: { amount: '10', currency: 'EURO' } })), 422, 'validation_failed', 'valuation.currency');
    expectProblem(await send(s.convener, 'POST', '/commitments', cashPledge({ goalIds: ['01890000-0000-7000-8000-000000000000'] })), 422, 'validation_failed', 'goalIds.0');
    expectProblem(await send(s.convener, 'POST', '/commitments', cashPledge({ kind: 'staff_time', quantity: { value: '200', unit: 'person-days' } })), 422, 'validation_failed', 'valuationBasis');
    expect(await counts()).toEqual(before);
  });

  run('a money-moving POST without an Idempotency-Key is refused with 400 naming the header, writing nothing', async () => {
    const before = await counts();
    expectProblem(await send(s.convener, 'POST', '/commitments', cashPledge(), false), 400, 'invalid_request', 'Idempotency-Key');
    expectProblem(await send(s.convener, 'POST', '/ledger/expenses', { description: 'x', line: 'x', amount: eur('1.00') }, false), 400, 'invalid_request', 'Idempotency-Key');
    expect(await counts()).toEqual(before);
  });

  run('a confirmed delivery moves the cash into the pool and the commitment to partially delivered, then delivered', async () => {
    const c = await confirmed();
    expect(c.status).toBe('confirmed');
    const pool = BigInt(await balance('pool'));
    const d = await deliver(c.id, { on: '2025-06-29', value: eur('4000.00'), evidence: ['https://bank.example/receipt/1'] });
    expect(d.status).toBe('recorded');
    expect(BigInt(await balance('pool'))).toBe(pool); // recorded is not yet delivered
    const done = await confirmDelivery(d.id);
    expect(done.status).toBe('confirmed');
    expect(done.transactionId).not.toBeNull();
    expect(BigInt(await balance('pool'))).toBe(pool + 400000n);
    let detail = await ok(await send(s.member, 'GET', `/commitments/${c.id}`), 200, CommitmentDetail);
    expect(detail.status).toBe('partially_delivered');
    expect(detail.progress.delivered.amount).toBe('4000.00');
    expect(detail.progress.ratio).toEqual({ fraction: '2/5', percent: '40.0' });
    expect(detail.trancheProgress[0]).toMatchObject({ deliveredOn: '2025-06-29', onTime: true });
    const d2 = await deliver(c.id, { value: eur('6000.00') });
    await confirmDelivery(d2.id);
    detail = await ok(await send(s.member, 'GET', `/commitments/${c.id}`), 200, CommitmentDetail);
    expect(detail.status).toBe('delivered');
    expect(detail.history.map((h) => h.to)).toEqual(['pledged', 'confirmed', 'partially_delivered', 'delivered']);
    await expectBalancesMatchEntries();
  });

  run('a delivery cannot exceed what remains (pending deliveries count), nor be recorded against an unconfirmed pledge', async () => {
    const c = await confirmed();
    await deliver(c.id, { value: eur('9000.00') });
    const p = await pledge();
    const before = await counts();
    expectProblem(await send(s.representative, 'POST', `/commitments/${c.id}/deliveries`, { value: eur('1000.01') }), 422, 'validation_failed', 'value');
    expectProblem(await send(s.representative, 'POST', `/commitments/${p.id}/deliveries`, { value: eur('1.00') }), 409, 'illegal_transition');
    expect(await counts()).toEqual(before);
  });

  run('the delivering organisation’s representative cannot confirm its own delivery; the receiving one can', async () => {
    // Acme Water (the representative's) delivers to City of Testville: the representative may not confirm
    const c = await confirmed();
    const d = await deliver(c.id, { value: eur('100.00') });
    expectProblem(await send(s.representative, 'POST', `/deliveries/${d.id}/confirm`, {}), 403, 'forbidden');
    // City of Testville delivers to Acme Water: Acme's representative confirms what it received
    const theirs = await confirmed(cashPledge({ organisationId: w.orgs.convenerOrg, recipientOrganisationId: w.orgs.partnerOrg }));
    const d2 = await deliver(theirs.id, { value: eur('100.00') }, s.convener);
    expect((await confirmDelivery(d2.id, s.representative)).status).toBe('confirmed');
    expectProblem(await send(s.representative, 'POST', `/commitments/${theirs.id}/deliveries`, { value: eur('1.00') }), 403, 'forbidden');
  });

  run('in kind: a quantity delivered is valued pro rata and counted in pledged versus delivered by kind', async () => {
    const c = await confirmed({
      organisationId: w.orgs.partnerOrg, kind: 'staff_time', description: 'Engineers', quantity: { value: '3', unit: 'person-days' }, valuation: eur('1.00'),
      valuationBasis: 'A token value', tranches: [{ dueOn: '2025-12-31', value: eur('1.00') }],
    });
    const values: string[] = [];
    for (let i = 0; i < 3; i++) {
      const d = await deliver(c.id, { quantity: { value: '1', unit: 'person-days' } });
      values.push(d.value.amount);
      await confirmDelivery(d.id);
    }
    expect(values).toEqual(['0.33', '0.34', '0.33']);
    const report = await ok(await send(s.member, 'GET', '/ledger/pledges'), 200, PledgesReport);
    const staff = report.byResource.find((r) => r.resource === 'staff_time')!;
    expect(staff.quantities).toEqual([expect.objectContaining({ unit: 'person-days' })]);
    expect(Number(staff.quantities[0].delivered)).toBeGreaterThanOrEqual(3);
    const detail = await ok(await send(s.member, 'GET', `/commitments/${c.id}`), 200, CommitmentDetail);
    expect(detail.status).toBe('delivered');
    await expectBalancesMatchEntries();
  });

  run('cancelling releases what was not delivered: it counts neither as pledged nor as owed', async () => {
    const c = await confirmed();
    const d = await deliver(c.id, { value: eur('2500.00') });
    await confirmDelivery(d.id);
    const before = (await ok(await send(s.member, 'GET', '/ledger/pledges'), 200, PledgesReport)).byPartner.find((p) => p.partner === w.orgs.partnerOrg)!.amounts[0];
    const res = await ok(await send(s.convener, 'POST', `/commitments/${c.id}/cancel`, { reason: 'The partner’s budget was cut' }), 200, CommitmentDetail);
    expect(res.status).toBe('cancelled');
    expect(res.transactions.map((x) => x.type)).toEqual(['pledge', 'delivery', 'pledge_release']);
    const after = (await ok(await send(s.member, 'GET', '/ledger/pledges'), 200, PledgesReport)).byPartner.find((p) => p.partner === w.orgs.partnerOrg)!.amounts[0];
    expect(BigInt(after.pledged.minor)).toBe(BigInt(before.pledged.minor) - 750000n);
    expect(after.delivered.minor).toBe(before.delivered.minor);
    expectProblem(await send(s.convener, 'POST', `/commitments/${c.id}/cancel`, { reason: 'again' }), 409, 'illegal_transition');
    expectProblem(await send(s.convener, 'POST', `/commitments/${c.id}/cancel`, { reason: '' }), 409, 'illegal_transition');
    await expectBalancesMatchEntries();
  });

  run('a representative withdraws their own organisation’s pledge with a reason; a member cannot', async () => {
    const c = await pledge(cashPledge(), s.representative);
    expectProblem(await send(s.member, 'POST', `/commitments/${c.id}/withdraw`, { reason: 'no' }), 403, 'forbidden');
    expectProblem(await send(s.representative, 'POST', `/commitments/${c.id}/withdraw`, { reason: '  ' }), 422, 'validation_failed', 'reason');
    const res = await ok(await send(s.representative, 'POST', `/commitments/${c.id}/withdraw`, { reason: 'Board decision' }), 200, CommitmentDetail);
    expect(res.status).toBe('withdrawn');
    expect(res.progress.outstanding.minor).toBe('0');
  });

  run('an amendment raising the valuation posts the increase and reopens a delivered commitment', async () => {
    const c = await confirmed(cashPledge({ valuation: eur('100.00'), tranches: [{ dueOn: '2025-09-30', value: eur('100.00') }] }));
    await confirmDelivery((await deliver(c.id, { value: eur('100.00') })).id);
    const res = await ok(
      await send(s.representative, 'POST', `/commitments/${c.id}/amend`, { valuation: eur('150.00'), tranches: [{ dueOn: '2025-09-30', value: eur('150.00') }], reason: 'More pipes' }),
      200, CommitmentDetail,
    );
    expect(res.status).toBe('partially_delivered');
    expect(res.amendments).toHaveLength(1);
    expect(res.transactions.at(-1)!.entries[0]).toMatchObject({ account: `receivable:${w.orgs.partnerOrg}:cash`, amount: { minor: '5000' } });
    expectProblem(await send(s.representative, 'POST', `/commitments/${c.id}/amend`, { valuation: eur('50.00'), tranches: [{ dueOn: '2025-09-30', value: eur('50.00') }], reason: 'Less' }), 422, 'validation_failed', 'valuation');
  });

  run('reversing a confirmed delivery restores the balances and moves the commitment back', async () => {
    const c = await confirmed();
    const before = await balances();
    const d = await confirmDelivery((await deliver(c.id, { value: eur('1000.00') })).id);
    const rev = await ok(await send(s.convener, 'POST', `/deliveries/${d.id}/reverse`, { reason: 'The transfer bounced' }), 200, DeliveryOut);
    expect(rev.status).toBe('reversed');
    expect(rev.reversalTransactionId).not.toBeNull();
    const nets = (b: typeof before) => b.rows.filter((r) => r.net.minor !== '0').map((r) => [r.account, r.currency, r.net.minor]);
    expect(nets(await balances())).toEqual(nets(before));
    expect((await ok(await send(s.member, 'GET', `/commitments/${c.id}`), 200, CommitmentDetail)).status).toBe('confirmed');
    expectProblem(await send(s.convener, 'POST', `/deliveries/${d.id}/reverse`, { reason: 'twice' }), 409, 'illegal_transition');
    expectProblem(await send(s.representative, 'POST', `/deliveries/${d.id}/reverse`, { reason: 'mine' }), 403, 'forbidden');
    // a delivery transaction is reversed through its delivery, not directly
    expectProblem(await send(s.convener, 'POST', `/ledger/transactions/${d.transactionId}/reverse`, { reason: 'direct' }), 409, 'conflict');
  });

  run('expenses go to budget lines; the budget report compares plan and actual; a reversal undoes an expense once', async () => {
    const budget = await ok(
      await send(s.convener, 'PUT', '/ledger/budget', { lines: [{ id: 'cold-chain', name: 'Cold chain', planned: [eur('5000.00')], activities: [{ id: 'fridges', planned: [eur('3000.00')] }] }, { id: 'grants', planned: [eur('1000.00')] }] }),
      200, BudgetReport,
    );
    expect(budget.lines.map((l) => l.id)).toEqual(['cold-chain', 'grants']);
    expectProblem(await send(s.convener, 'POST', '/ledger/expenses', { description: 'Unknown', line: 'nowhere', amount: eur('1.00') }), 422, 'validation_failed', 'line');
    const pool = BigInt(await balance('pool'));
    const tx = await ok(await send(s.convener, 'POST', '/ledger/expenses', { date: '2025-06-30', description: 'Two fridges', line: 'cold-chain', activity: 'fridges', amount: eur('2500.00'), counterparty: 'FridgeCo' }), 201, TransactionOut);
    expect(tx.entries.map((e) => [e.account, e.side])).toEqual([['expense:cold-chain:fridges', 'debit'], ['pool', 'credit']]);
    await ok(await send(s.convener, 'POST', '/ledger/disbursements', { description: 'Grant to the school', line: 'grants', amount: eur('300.00'), recipient: 'Harbour School' }), 201, TransactionOut);
    const report = await ok(await send(s.member, 'GET', '/ledger/budget'), 200, BudgetReport);
    expect(report.rows.find((r) => r.line === 'cold-chain' && r.activity === null)).toMatchObject({ planned: { amount: '5000.00' }, actual: { amount: '2500.00' }, remaining: { amount: '2500.00' }, ratio: { fraction: '1/2' } });
    expect(report.rows.find((r) => r.line === 'grants')).toMatchObject({ disbursements: { amount: '300.00' } });
    expect(BigInt(await balance('pool'))).toBe(pool - 280000n);
    const rev = await ok(await send(s.convener, 'POST', `/ledger/transactions/${tx.id}/reverse`, { reason: 'Returned the fridges' }), 201, TransactionOut);
    expect(rev.type).toBe('reversal');
    expect(rev.refs.reverses).toBe(tx.id);
    expect(BigInt(await balance('pool'))).toBe(pool - 30000n);
    expectProblem(await send(s.convener, 'POST', `/ledger/transactions/${tx.id}/reverse`, { reason: 'again' }), 409, 'conflict');
    expectProblem(await send(s.convener, 'POST', `/ledger/transactions/${rev.id}/reverse`, { reason: 'undo the undo' }), 409, 'conflict');
    const fetched = await ok(await send(s.member, 'GET', `/ledger/transactions/${tx.id}`), 200, TransactionOut);
    expect(fetched.reversedBy).toBe(rev.id);
    // a line with spending stays in the budget
    expectProblem(await send(s.convener, 'PUT', '/ledger/budget', { lines: [] }), 422, 'validation_failed', 'lines');
    await expectBalancesMatchEntries();
  });

  run('the approval rule: spending at or above the threshold needs a passed decision of the partnership; other currencies convert at the rate of their date', async () => {
    await ok(await send(s.convener, 'PUT', '/ledger/budget', { lines: [{ id: 'cold-chain', planned: [eur('5000.00')], activities: [{ id: 'fridges', planned: [eur('3000.00')] }] }, { id: 'grants', planned: [eur('1000.00')] }] }), 200);
    const set = await ok(await send(s.convener, 'PUT', '/accountability/settings', { approvalThreshold: '1000.00' }), 200, Settings);
    expect(set.approvalThreshold).toEqual({ amount: '1000.00', minor: '100000', currency: 'EUR' });
    expectProblem(await send(s.representative, 'PUT', '/accountability/settings', { graceDays: 3 }), 403, 'forbidden');
    const expense = (over: Record<string, unknown>) => send(s.convener, 'POST', '/ledger/expenses', { description: 'Solar fridge', line: 'cold-chain', amount: eur('1000.00'), ...over });
    const [open, passed] = [await openDecision(), await passedDecision()];
    await fund(eur('3000.00'));
    await fund({ amount: '2000.00', currency: 'USD' });
    const before = await counts();
    expectProblem(await expense({}), 422, 'validation_failed', 'decisionId');
    expectProblem(await expense({ decisionId: open }), 422, 'validation_failed', 'decisionId');
    expectProblem(await expense({ decisionId: '01890000-0000-7000-8000-000000000000' }), 422, 'validation_failed', 'decisionId');
    expectProblem(await expense({ amount: { amount: '1000.00', currency: 'USD' } }), 422, 'validation_failed', 'amount.currency');
    expect(await counts()).toEqual(before);
    await ok(await expense({ amount: eur('999.99') }), 201);
    await ok(await expense({ decisionId: passed }), 201);
    await ok(await send(s.convener, 'POST', '/ledger/exchange-rates', { from: 'USD', to: 'EUR', on: '2025-06-01', rate: '0.9' }), 201);
    // USD 1,100.00 at 0.9 is EUR 990.00: under the threshold
    await ok(await expense({ amount: { amount: '1100.00', currency: 'USD' }, date: '2025-06-15' }), 201);
    expectProblem(await expense({ amount: { amount: '1200.00', currency: 'USD' }, date: '2025-06-15' }), 422, 'validation_failed', 'decisionId');
    await ok(await send(s.convener, 'PUT', '/accountability/settings', { approvalThreshold: null }), 200);
  });

  run('spends only what the partnership holds: the pool and in-kind resources cannot go below zero, and a refusal writes nothing', async () => {
    await ok(await send(s.convener, 'PUT', '/ledger/budget', { lines: [{ id: 'cold-chain', planned: [eur('5000.00')], activities: [{ id: 'fridges', planned: [eur('3000.00')] }] }, { id: 'grants', planned: [eur('1000.00')] }] }), 200);
    const pool = BigInt(await balance('pool'));
    const poolUsd = BigInt(await balance('pool', 'USD'));
    const more = (minor: bigint) => ({ amount: (Number(minor + 1n) / 100).toFixed(2), currency: 'EUR' });
    const before = await counts();
    // one cent more than the pool holds, as an expense, a disbursement, or sold in an exchange
    const overspent = await send(s.convener, 'POST', '/ledger/expenses', { description: 'Solar fridge', line: 'cold-chain', amount: more(pool) });
    expectProblem(overspent, 409, 'conflict', 'amount');
    expect(overspent.json().errors[0]).toMatchObject({ code: 'insufficient_funds' });
    expect(overspent.json().detail).toMatch(/^The pool holds EUR [\d,]+\.\d\d; this would take EUR [\d,]+\.\d\d$/);
    expectProblem(await send(s.convener, 'POST', '/ledger/disbursements', { description: 'Grant', line: 'grants', amount: more(pool), recipient: 'Kisumu Clinic' }), 409, 'conflict', 'amount');
    expectProblem(await send(s.convener, 'POST', '/ledger/exchanges', { sold: more(pool), bought: { amount: '1.00', currency: 'USD' } }), 409, 'conflict', 'sold');
    // an in-kind resource nobody delivered cannot be used
    expectProblem(await send(s.convener, 'POST', '/ledger/expenses', { description: 'Office space', line: 'cold-chain', amount: eur('1.00'), from: 'facilities' }), 409, 'conflict', 'amount');
    expect(await counts()).toEqual(before);

    // exactly what it holds can be spent, leaving zero
    await fund(eur('250.00'));
    const all = BigInt(await balance('pool'));
    await ok(await send(s.convener, 'POST', '/ledger/disbursements', { description: 'Grant', line: 'grants', amount: { amount: (Number(all) / 100).toFixed(2), currency: 'EUR' }, recipient: 'Kisumu Clinic' }), 201);
    expect(await balance('pool')).toBe('0');
    expect(BigInt(await balance('pool', 'USD'))).toBe(poolUsd);
    await expectBalancesMatchEntries();
  });

  run('reports in the reporting currency list the rates used and the pairs missing', async () => {
    await ok(await send(s.convener, 'POST', '/commitments', cashPledge({ valuation: { amount: '500', currency: 'JPY' }, tranches: [{ dueOn: '2025-09-30', value: { amount: '500', currency: 'JPY' } }] })), 201);
    let pledges = await ok(await send(s.member, 'GET', '/ledger/pledges?currency=reporting&on=2025-06-30'), 200, PledgesReport);
    expect(pledges.reporting!.currency).toBe('EUR');
    expect(pledges.reporting!.missing).toEqual([{ from: 'JPY', to: 'EUR', on: '2025-06-30' }]);
    expect(pledges.reporting!.rows.find((r) => r.partner === w.orgs.partnerOrg)!.pledged).toBeNull();
    await ok(await send(s.convener, 'POST', '/ledger/exchange-rates', { from: 'JPY', to: 'EUR', on: '2025-06-01', rate: '0.0061' }), 201);
    expectProblem(await send(s.convener, 'POST', '/ledger/exchange-rates', { from: 'JPY', to: 'EUR', on: '2025-06-01', rate: '0.0062' }), 409, 'conflict');
    expectProblem(await send(s.convener, 'POST', '/ledger/exchange-rates', { from: 'JPY', to: 'JPY', on: '2025-06-01', rate: '1' }), 422, 'validation_failed', 'to');
    pledges = await ok(await send(s.member, 'GET', '/ledger/pledges?currency=reporting&on=2025-06-30'), 200, PledgesReport);
    expect(pledges.reporting!.missing).toEqual([]);
    expect(pledges.reporting!.ratesUsed).toContainEqual({ from: 'JPY', to: 'EUR', on: '2025-06-01', rate: '0.0061' });
    expect(pledges.reporting!.rows.find((r) => r.partner === w.orgs.partnerOrg)!.pledged).not.toBeNull();
    const bal = await balances('?currency=reporting');
    expect(bal.reporting!.ratesUsed.length).toBeGreaterThan(0);
    const summary = FinanceSummary.parse(await financeSummary(t.deps.database.db, w.partnership, '2025-06-30'));
    expect(summary.reporting.pledges!.ratesUsed).toContainEqual({ from: 'JPY', to: 'EUR', on: '2025-06-01', rate: '0.0061' });
    await ok(await send(s.member, 'GET', '/ledger/summary'), 200, FinanceSummary);
  });

  run('lists transactions newest first with a cursor, filtered by account prefix, type and date', async () => {
    const first = await ok(await send(s.member, 'GET', '/ledger/transactions?limit=2'), 200, TransactionPage);
    expect(first.items).toHaveLength(2);
    expect(first.items[0].number).toBeGreaterThan(first.items[1].number);
    const second = await ok(await send(s.member, 'GET', `/ledger/transactions?limit=2&cursor=${first.nextCursor}`), 200, TransactionPage);
    expect(second.items[0].number).toBeLessThan(first.items[1].number);
    const pool = await ok(await send(s.member, 'GET', '/ledger/transactions?account=pool&limit=100'), 200, TransactionPage);
    expect(pool.items.length).toBeGreaterThan(0);
    expect(pool.items.every((x) => x.entries.some((e) => e.account.startsWith('pool')))).toBe(true);
    const pledges = await ok(await send(s.member, 'GET', '/ledger/transactions?type=pledge&limit=100'), 200, TransactionPage);
    expect(pledges.items.every((x) => x.type === 'pledge')).toBe(true);
    const none = await ok(await send(s.member, 'GET', '/ledger/transactions?from=2030-01-01'), 200, TransactionPage);
    expect(none.items).toEqual([]);
    expectProblem(await send(s.member, 'GET', '/ledger/transactions?cursor=garbage'), 400, 'bad_request', 'cursor');
  });

  run('lists commitments and deliveries with filters, and gives due items per tranche', async () => {
    const page = await ok(await send(s.observer, 'GET', `/commitments?organisationId=${w.orgs.convenerOrg}&limit=100`), 200);
    expect((page as { items: { organisationId: string }[] }).items.every((c) => c.organisationId === w.orgs.convenerOrg)).toBe(true);
    const delivered = await ok(await send(s.observer, 'GET', '/deliveries?status=confirmed&limit=100'), 200);
    expect((delivered as { items: { status: string }[] }).items.every((d) => d.status === 'confirmed')).toBe(true);
    const items = await deliveryDueItems(t.deps.database.db, w.partnership);
    expect(items.length).toBeGreaterThan(0);
    expect(items[0]).toMatchObject({ kind: 'delivery', id: expect.stringMatching(/#\d+$/) });
  });

  run('every write appended its audit event', async () => {
    const actions = await t.deps.database.db.selectFrom('audit_events').select('action').where('partnership_id', '=', w.partnership).execute();
    const seen = new Set(actions.map((a) => a.action));
    for (const a of ['commitment.pledged', 'commitment.confirmed', 'commitment.cancelled', 'commitment.withdrawn', 'commitment.amended', 'delivery.recorded', 'delivery.confirmed', 'delivery.reversed', 'ledger.expense', 'ledger.disbursement', 'ledger.reversed', 'ledger.budget_replaced', 'ledger.rates_entered', 'accountability.settings_changed']) {
      expect(seen.has(a), a).toBe(true);
    }
    await expectBalancesMatchEntries();
  });
});
