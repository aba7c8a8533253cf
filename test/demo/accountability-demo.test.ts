/**
 * The demo's accountability data, read back through the API as each partnership's convener: every partnership
 * has commitments with deliveries, a ledger whose running balances equal its entries, risks on the heat map,
 * indicators with approved values, and things overdue as well as things still to come. The checks derive what
 * they expect from the data served, never from numbers copied out of demo/accountability.ts.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { makeTestApp, signIn, as, type TestApp, type Session } from '../support/app';
import { loadDemo, DEMO_PASSWORD } from '../../demo/load';
import { AMINA, CLAIRE, ELENA, KENJI } from '../../demo/data';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The conveners of the four demo partnerships, by partnership name. */
const CONVENERS: Record<string, string> = {
  'Horizon Vaccine Alliance': AMINA,
  'Living Forests Standards Council': ELENA,
  'Lakemont Water Partnership': KENJI,
  'Circular Futures Network': CLAIRE,
};

describe('the demo’s pledges, ledger, risks and results (SQLite)', { timeout: 300_000 }, () => {
  let t: TestApp;
  let today: string;
  const progress: [done: number, total: number][] = [];
  const partnerships: { id: string; name: string; session: Session }[] = [];

  const get = async (session: Session, url: string): Promise<Json> => {
    const res = await t.app.inject({ method: 'GET', url, headers: as(session) });
    expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    return res.json();
  };
  /** Every item of a cursor-paginated list. */
  const all = async (session: Session, url: string): Promise<Json[]> => {
    const out: Json[] = [];
    let cursor: string | null = null;
    do {
      const sep = url.includes('?') ? '&' : '?';
      const page = await get(session, `${url}${sep}limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      out.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return out;
  };
  const base = (id: string) => `/api/v1/partnerships/${id}`;

  beforeAll(async () => {
    t = await makeTestApp('sqlite');
    await loadDemo(t.deps, (done, total) => void progress.push([done, total]));
    today = t.deps.clock().slice(0, 10);
    const admin = await signIn(t.app, 'admin@demo.accord.test', DEMO_PASSWORD);
    const list = await all(admin, '/api/v1/partnerships');
    for (const [name, email] of Object.entries(CONVENERS)) {
      const p = list.find((x) => x.name === name);
      expect(p, name).toBeDefined();
      partnerships.push({ id: p!.id, name, session: await signIn(t.app, email, DEMO_PASSWORD) });
    }
  }, 300_000);
  afterAll(async () => t?.close());

  it('counts the accountability steps in the progress total, which the last step reaches', () => {
    const totals = new Set(progress.map(([, total]) => total));
    expect(totals.size).toBe(1);
    expect(progress.map(([done]) => done)).toEqual(Array.from({ length: progress.length }, (_, i) => i + 1));
    expect(progress.at(-1)![0]).toBe([...totals][0]);
  });

  it('gives every partnership pledges of several kinds, with confirmed deliveries, and tranches due before and after today', async () => {
    const statuses = new Set<string>();
    for (const p of partnerships) {
      const commitments = await all(p.session, `${base(p.id)}/commitments`);
      expect(new Set(commitments.map((c) => c.kind)).size, p.name).toBeGreaterThanOrEqual(3);
      const dues = commitments.flatMap((c) => c.tranches.map((x: Json) => x.dueOn as string));
      expect(dues.some((d) => d < today), p.name).toBe(true);
      expect(dues.some((d) => d > today), p.name).toBe(true);
      const deliveries = await all(p.session, `${base(p.id)}/deliveries`);
      expect(deliveries.filter((d) => d.status === 'confirmed').length, p.name).toBeGreaterThan(0);
      for (const d of deliveries) statuses.add(d.status);
      // a confirmed delivery counts towards its commitment's progress
      const delivered = commitments.filter((c) => BigInt(c.progress.delivered.minor) > 0n);
      expect(delivered.length, p.name).toBeGreaterThan(0);
    }
    // across the demo: deliveries waiting for confirmation, one rejected, one reversed
    expect([...statuses].sort()).toEqual(['confirmed', 'recorded', 'rejected', 'reversed']);
  });

  it('keeps a balanced ledger: debits equal credits per currency, and the running balances equal the entries', async () => {
    for (const p of partnerships) {
      const balances = await get(p.session, `${base(p.id)}/ledger/balances`);
      const net = new Map<string, bigint>();
      for (const r of balances.rows) net.set(r.currency, (net.get(r.currency) ?? 0n) + BigInt(r.debit.minor) - BigInt(r.credit.minor));
      expect(net.size, p.name).toBeGreaterThan(1); // more than one currency
      for (const [currency, n] of net) expect(n, `${p.name} ${currency}`).toBe(0n);

      const transactions = await all(p.session, `${base(p.id)}/ledger/transactions`);
      const types = new Set(transactions.map((x) => x.type));
      for (const type of ['pledge', 'delivery', 'expense', 'disbursement', 'exchange', 'reversal']) expect(types, `${p.name} ${type}`).toContain(type);
      const fromEntries = new Map<string, { debit: bigint; credit: bigint }>();
      for (const x of transactions) {
        for (const e of x.entries) {
          const key = `${e.account} ${e.amount.currency}`;
          const sum = fromEntries.get(key) ?? { debit: 0n, credit: 0n };
          sum[e.side as 'debit' | 'credit'] += BigInt(e.amount.minor);
          fromEntries.set(key, sum);
        }
      }
      const fromBalances = new Map(balances.rows.map((r: Json) => [`${r.account} ${r.currency}`, { debit: BigInt(r.debit.minor), credit: BigInt(r.credit.minor) }]));
      expect(fromBalances, p.name).toEqual(fromEntries);
    }
  });

  it('converts into each partnership’s reporting currency with the rates it entered, none missing', async () => {
    const currencies = new Set<string>();
    for (const p of partnerships) {
      const summary = await get(p.session, `${base(p.id)}/ledger/summary`);
      currencies.add(summary.reportingCurrency);
      expect(summary.reporting.pledges.missing, p.name).toEqual([]);
      expect(summary.reporting.pledges.ratesUsed.length, p.name).toBeGreaterThan(0);
    }
    expect(currencies.size).toBeGreaterThan(1);
  });

  it('puts every live risk on the heat map, and allocates the PPP’s risks between the City and the operator', async () => {
    for (const p of partnerships) {
      const risks = await all(p.session, `${base(p.id)}/risks`);
      expect(risks.length, p.name).toBeGreaterThanOrEqual(8);
      const live = risks.filter((r) => r.status !== 'closed');
      const map = await get(p.session, `${base(p.id)}/risks-heatmap`);
      expect(map.total, p.name).toBe(live.length);
      const onMap = map.cells.flat().flatMap((c: Json) => c.risks.map((r: Json) => r.id)).sort();
      expect(onMap, p.name).toEqual(live.map((r) => r.id).sort());
      expect(new Set(risks.map((r) => r.status)).size, p.name).toBeGreaterThanOrEqual(2);
      if (p.name === 'Lakemont Water Partnership') expect(new Set(risks.map((r) => r.allocation))).toEqual(new Set(['publicAuthority', 'privateParty', 'shared']));
    }
  });

  it('has a results tree with outputs, indicators with approved values, reports awaiting review and one returned', async () => {
    const states = new Set<string>();
    for (const p of partnerships) {
      const tree = await get(p.session, `${base(p.id)}/results`);
      expect(new Set(tree.nodes.map((n: Json) => n.level)), p.name).toEqual(new Set(['goal', 'outcome', 'output']));
      expect(tree.indicators.length, p.name).toBeGreaterThanOrEqual(4);
      expect(tree.indicators.length, p.name).toBeLessThanOrEqual(8);
      const measured = tree.indicators.filter((i: Json) => i.progress.latest !== null);
      expect(measured.length, p.name).toBeGreaterThan(0);
      expect(tree.overall.percent, p.name).not.toBeNull();
      const approved = await all(p.session, `${base(p.id)}/indicator-submissions?status=approved`);
      // every indicator with a latest approved value has an approved submission for that period
      for (const i of measured) expect(approved.some((s) => s.indicatorId === i.id && s.periodKey === i.progress.latestPeriodKey), `${p.name}: ${i.title}`).toBe(true);
      for (const s of await all(p.session, `${base(p.id)}/indicator-submissions`)) states.add(s.status);
      const links = await get(p.session, `${base(p.id)}/result-contributions`);
      expect(links.links.length, p.name).toBeGreaterThan(0);
    }
    expect(states).toEqual(new Set(['approved', 'submitted', 'returned']));
  });

  it('shows overdue deliveries or reports and overdue mitigation actions in every partnership', async () => {
    for (const p of partnerships) {
      const board = await get(p.session, `${base(p.id)}/accountability/overdue`);
      expect(board.counts.red, p.name).toBeGreaterThan(0);
      expect(board.items.every((i: Json) => i.dueOn <= today || i.light === 'yellow'), p.name).toBe(true);
      const risks = await get(p.session, `${base(p.id)}/risks-overdue`);
      expect(risks.mitigations.length, p.name).toBeGreaterThan(0);
      for (const m of risks.mitigations) expect(m.dueOn < today, p.name).toBe(true);
    }
  });
});
