/**
 * Ledger invariants as properties, against the real store through the services: random sequences of pledges,
 * confirmations, deliveries (recorded, confirmed, reversed), cancellations and expenses (and their reversals)
 * keep every stored transaction balanced per currency, the running balances equal to the sum of the entries
 * (recomputed by a SQL GROUP BY), each commitment's running totals equal to its delivery rows, pledged minus
 * delivered never negative, and a reversal restores the balances.
 * SQLite gets the longer run; PostgreSQL a shorter one.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fc from 'fast-check';
import { sql } from 'kysely';
import { makeTestApp, type TestApp } from '../support/app';
import { buildWorld, type World } from '../support/world';
import { DIALECTS, postgresAvailable } from '../support/databases';
import type { Actor } from '../../src/domain/access/can';
import { DomainError } from '../../src/domain/kernel/errors';
import { cancelCommitment, confirmCommitment, confirmDelivery, pledge, recordDelivery, reverseDelivery } from '../../src/services/accountability/commitments';
import { balancesReport, pledgesReport, recordExpense, replaceBudget, reverseTransaction } from '../../src/services/accountability/ledger';

const pgUp = await postgresAvailable();
const RUNS = { sqlite: 12, postgres: 4 } as const;

type Op =
  | { op: 'pledge'; cents: number; currency: 'EUR' | 'USD'; inKind: boolean; partner: 0 | 1 }
  | { op: 'confirm'; pick: number }
  | { op: 'deliver'; pick: number; share: number; confirm: boolean }
  | { op: 'reverseDelivery'; pick: number }
  | { op: 'cancel'; pick: number }
  | { op: 'expense'; cents: number }
  | { op: 'reverseExpense'; pick: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('pledge' as const), cents: fc.integer({ min: 1, max: 10_000_000 }), currency: fc.constantFrom('EUR' as const, 'USD' as const), inKind: fc.boolean(), partner: fc.constantFrom(0 as const, 1 as const) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('confirm' as const), pick: fc.nat() }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('deliver' as const), pick: fc.nat(), share: fc.integer({ min: 1, max: 100 }), confirm: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('reverseDelivery' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('cancel' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('expense' as const), cents: fc.integer({ min: 1, max: 1_000_000 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('reverseExpense' as const), pick: fc.nat() }) },
);

const money = (cents: number, currency: string) => ({ amount: (cents / 100).toFixed(2), currency });

describe.each(DIALECTS)('ledger invariants under random operations on %s', (dialect) => {
  let t: TestApp;
  let w: World;
  let convener: () => Promise<Actor>;
  const run = dialect === 'postgres' && !pgUp ? it.skip : it;

  beforeAll(async () => {
    if (dialect === 'postgres' && !pgUp) return;
    t = await makeTestApp(dialect);
    w = await buildWorld(t.deps);
    convener = () => w.actor(w.users.convener);
    await replaceBudget(t.deps, await convener(), w.partnership, { lines: [{ id: 'ops', planned: [money(100_000_000, 'EUR')] }] });
  });
  afterAll(async () => t?.close());

  const nets = async () => {
    const r = await balancesReport(t.deps, await convener(), w.partnership, {});
    return r.rows.filter((x) => x.net.minor !== '0').map((x) => `${x.account}|${x.currency}|${x.net.minor}`).sort();
  };

  async function checkInvariants() {
    const db = t.deps.database.db;
    // every stored transaction balances in each currency
    const unbalanced = await db
      .selectFrom('ledger_entries')
      .select(['transaction_id', 'currency'])
      .where('partnership_id', '=', w.partnership)
      .groupBy(['transaction_id', 'currency'])
      .having(sql<boolean>`sum(case when side = 'debit' then amount_minor else -amount_minor end) <> 0`)
      .execute();
    expect(unbalanced).toEqual([]);
    // the running balances equal the sum of the entries
    const summed = await db
      .selectFrom('ledger_entries')
      .select(['account', 'currency', sql<string>`cast(sum(case when side = 'debit' then amount_minor else 0 end) as text)`.as('debit'), sql<string>`cast(sum(case when side = 'credit' then amount_minor else 0 end) as text)`.as('credit')])
      .where('partnership_id', '=', w.partnership)
      .groupBy(['account', 'currency'])
      .execute();
    const stored = await db
      .selectFrom('ledger_balances')
      .select(['account', 'currency', sql<string>`cast(debit_minor as text)`.as('debit'), sql<string>`cast(credit_minor as text)`.as('credit')])
      .where('partnership_id', '=', w.partnership)
      .execute();
    const key = (r: { account: string; currency: string; debit: string; credit: string }) => `${r.account}|${r.currency}|${r.debit}|${r.credit}`;
    expect(stored.map(key).sort()).toEqual(summed.map(key).sort());
    // the running totals of every commitment are what its delivery rows add up to (see commitment-totals.test.ts
    // for quantities and tranche dates)
    const counted = await db
      .selectFrom('commitments as c')
      .leftJoin('deliveries as d', (j) => j.onRef('d.commitment_id', '=', 'c.id').on('d.status', 'in', ['recorded', 'confirmed']))
      .select([
        'c.id',
        sql<string>`cast(sum(case when d.status = 'confirmed' then 1 else 0 end) as text)`.as('cn'), sql<string>`cast(coalesce(sum(case when d.status = 'confirmed' then d.value_minor else 0 end), 0) as text)`.as('cv'),
        sql<string>`cast(sum(case when d.status = 'recorded' then 1 else 0 end) as text)`.as('pn'), sql<string>`cast(coalesce(sum(case when d.status = 'recorded' then d.value_minor else 0 end), 0) as text)`.as('pv'),
      ])
      .where('c.partnership_id', '=', w.partnership)
      .groupBy('c.id')
      .execute();
    const kept = await db
      .selectFrom('commitment_totals as t')
      .innerJoin('commitments as c', 'c.id', 't.commitment_id')
      .select(['c.id', sql<string>`cast(t.confirmed_count as text)`.as('cn'), sql<string>`cast(t.confirmed_minor as text)`.as('cv'), sql<string>`cast(t.pending_count as text)`.as('pn'), sql<string>`cast(t.pending_minor as text)`.as('pv')])
      .where('c.partnership_id', '=', w.partnership)
      .execute();
    const totalsKey = (r: { id: string; cn: string; cv: string; pn: string; pv: string }) => `${r.id}|${Number(r.cn)}|${r.cv}|${Number(r.pn)}|${r.pv}`;
    expect(kept.map(totalsKey).sort()).toEqual(counted.map(totalsKey).sort());
    // pledged minus delivered is never negative, nor is what was delivered
    const report = await pledgesReport(t.deps, await convener(), w.partnership, {});
    for (const row of report.rows) for (const a of row.amounts) {
      expect(BigInt(a.outstanding.minor) >= 0n, JSON.stringify(a)).toBe(true);
      expect(BigInt(a.delivered.minor) >= 0n, JSON.stringify(a)).toBe(true);
    }
  }

  run('every transaction balances, balances equal their entries, pledged minus delivered stays >= 0, a reversal restores the balances', async () => {
    const commitments: { id: string; cents: number; currency: string }[] = [];
    const deliveries: string[] = [];
    const expenses: string[] = [];
    const ignoreRefusals = async (p: () => Promise<unknown>) => {
      try {
        await p();
      } catch (err) {
        if (!(err instanceof DomainError)) throw err; // a refused move is fine; anything else is a bug
      }
    };
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 10 }), async (ops) => {
        for (const o of ops) {
          const pick = <T>(xs: T[], n: number): T | undefined => (xs.length ? xs[n % xs.length] : undefined);
          if (o.op === 'pledge') {
            const partner = o.partner === 0 ? w.orgs.partnerOrg : w.orgs.convenerOrg;
            const value = money(o.cents, o.currency);
            const c = await pledge(t.deps, await convener(), w.partnership, {
              organisationId: partner, kind: o.inKind ? 'in_kind_goods' : 'cash', description: 'Random pledge', valuation: value,
              valuationBasis: o.inKind ? 'Market price' : undefined, tranches: [{ dueOn: '2099-01-01', value }], pledgedOn: '2020-01-01',
            });
            commitments.push({ id: c.id, cents: o.cents, currency: o.currency });
          } else if (o.op === 'confirm') {
            const c = pick(commitments, o.pick);
            if (c) await ignoreRefusals(async () => confirmCommitment(t.deps, await convener(), w.partnership, c.id, {}));
          } else if (o.op === 'deliver') {
            const c = pick(commitments, o.pick);
            if (!c) continue;
            const cents = Math.max(1, Math.floor((c.cents * o.share) / 100));
            await ignoreRefusals(async () => {
              const d = await recordDelivery(t.deps, await convener(), w.partnership, c.id, { value: money(cents, c.currency), on: '2020-06-01' });
              if (o.confirm) {
                await confirmDelivery(t.deps, await convener(), w.partnership, d.id, {});
                deliveries.push(d.id);
              }
            });
          } else if (o.op === 'reverseDelivery') {
            const d = pick(deliveries, o.pick);
            if (d) await ignoreRefusals(async () => reverseDelivery(t.deps, await convener(), w.partnership, d, { reason: 'Random reversal' }));
          } else if (o.op === 'cancel') {
            const c = pick(commitments, o.pick);
            if (c) await ignoreRefusals(async () => cancelCommitment(t.deps, await convener(), w.partnership, c.id, { reason: 'Random cancellation' }));
          } else if (o.op === 'expense') {
            // refused (409) beyond what the pool holds
            await ignoreRefusals(async () => {
              const e = await recordExpense(t.deps, await convener(), w.partnership, { description: 'Random expense', line: 'ops', amount: money(o.cents, 'EUR') });
              expenses.push(e.id);
            });
          } else {
            const e = pick(expenses, o.pick);
            if (!e) continue;
            const before = await nets();
            const tx = await t.deps.database.db.selectFrom('ledger_transactions').select('id').where('reverses_id', '=', e).executeTakeFirst();
            if (tx) continue;
            const original = await t.deps.database.db.selectFrom('ledger_entries').select(['account', 'currency', 'side', sql<string>`cast(amount_minor as text)`.as('amount')]).where('transaction_id', '=', e).execute();
            await reverseTransaction(t.deps, await convener(), w.partnership, e, { reason: 'Random reversal' });
            // the reversal takes the expense back out: each account moves back by exactly its entry
            const after = new Map((await nets()).map((x) => [x.split('|').slice(0, 2).join('|'), BigInt(x.split('|')[2])]));
            const expected = new Map(before.map((x) => [x.split('|').slice(0, 2).join('|'), BigInt(x.split('|')[2])]));
            for (const en of original) {
              const k = `${en.account}|${en.currency}`;
              expected.set(k, (expected.get(k) ?? 0n) + (en.side === 'debit' ? -BigInt(en.amount) : BigInt(en.amount)));
            }
            for (const [k, v] of [...expected]) if (v === 0n) expected.delete(k);
            expect(after).toEqual(expected);
          }
        }
        await checkInvariants();
      }),
      { numRuns: RUNS[dialect], endOnFailure: true },
    );
  }, 240_000);

  run('reversing a confirmed delivery restores every balance to what it was before the delivery', async () => {
    const c = await pledge(t.deps, await convener(), w.partnership, {
      organisationId: w.orgs.partnerOrg, kind: 'cash', description: 'For the reversal', valuation: money(50_00, 'EUR'), tranches: [{ dueOn: '2099-01-01', value: money(50_00, 'EUR') }], pledgedOn: '2020-01-01',
    });
    await confirmCommitment(t.deps, await convener(), w.partnership, c.id, {});
    const before = await nets();
    const d = await recordDelivery(t.deps, await convener(), w.partnership, c.id, { value: money(20_00, 'EUR'), on: '2020-06-01' });
    await confirmDelivery(t.deps, await convener(), w.partnership, d.id, {});
    expect(await nets()).not.toEqual(before);
    await reverseDelivery(t.deps, await convener(), w.partnership, d.id, { reason: 'Bounced' });
    expect(await nets()).toEqual(before);
    await checkInvariants();
  });
});
