/**
 * Commitments, deliveries and the ledger. The rules (src/domain/access/can.ts and the services):
 *  - every participant reads (pledges, deliveries, transactions, reports, rates, settings); a private
 *    partnership's stranger gets 404, a public one's 403; anonymous 401;
 *  - pledging, withdrawing, amending and recording deliveries: conveners, and representatives for their own
 *    organisation (the representative persona acts on Acme Water's commitments, so is allowed);
 *  - confirming or rejecting a delivery: conveners, and the representative of the receiving organisation
 *    (the representative persona confirms a delivery City of Testville makes to Acme Water);
 *  - confirming and cancelling commitments, reversing, expenses, disbursements, exchanges, rates, the budget
 *    and the settings: conveners; the platform admin may do everything.
 * Money-moving POSTs need an Idempotency-Key: each such row sends a fresh one (`headers`, see the report: the
 * access matrix must pass `built.headers` on). Every write aims at a fresh target made through the services.
 */
import { randomUUID } from 'node:crypto';
import { E, P, PRIVATE_CONVENERS, PUBLIC_CONVENERS, PRIVATE_PARTICIPANTS, PUBLIC_PARTICIPANTS, priv, pub, tag, type BuiltRequest, type RouteCase } from './routes.table';
import type { Fixture } from './fixtures';
import type { Persona } from '../support/world';
import { confirmCommitment, confirmDelivery, pledge, recordDelivery } from '../../src/services/accountability/commitments';
import { recordExpense, replaceBudget } from '../../src/services/accountability/ledger';
import { addDays } from '../../src/domain/kernel/dates';

/** Each rate row enters a rate on a day of its own. */
let rateDay = 0;

/** Representatives act for their own organisation: allowed on the rows whose target is Acme Water's. */
const PRIVATE_OWN = E(401, 'allow', 'allow', 'allow', 403, 403, 404);
const PUBLIC_OWN = E(401, 'allow', 'allow', 'allow', 403, 403, 403);

const B = `${P}/:id`;
const eur = (amount: string) => ({ amount, currency: 'EUR' });
const key = () => ({ 'idempotency-key': `access-${randomUUID()}` });
/** A request that moves money: with a fresh Idempotency-Key. */
const moving = (r: BuiltRequest): BuiltRequest => ({ ...r, headers: key() });

const pledgeBody = (organisationId: string, recipientOrganisationId: string | null = null) => ({
  organisationId, kind: 'cash' as const, description: `Cash for the pipes ${tag()}`, valuation: eur('1000.00'), pledgedOn: '2020-01-01',
  tranches: [{ dueOn: '2099-12-31', value: eur('1000.00') }], recipientOrganisationId,
});

/** The organisation a persona's pledge is made for: the representative's own; everyone else the convener's. */
const ownOrg = (f: Fixture, persona: Persona) => (persona === 'representative' ? f.w.orgs.partnerOrg : f.w.orgs.convenerOrg);

/** A fresh commitment pledged by the convener for `org` (confirmed when asked). */
async function freshCommitment(f: Fixture, opts: { org?: string; recipient?: string | null; confirmed?: boolean; partnershipId?: string } = {}): Promise<string> {
  const pid = opts.partnershipId ?? f.w.partnership;
  const c = await pledge(f.t.deps, await f.w.actor(f.w.users.convener), pid, pledgeBody(opts.org ?? f.w.orgs.partnerOrg, opts.recipient ?? null));
  if (opts.confirmed) await confirmCommitment(f.t.deps, await f.w.actor(f.w.users.convener), pid, c.id, {});
  return c.id;
}

/** A fresh delivery of City of Testville to Acme Water (recorded, or confirmed). */
async function freshDelivery(f: Fixture, confirmed = false): Promise<string> {
  const cid = await freshCommitment(f, { org: f.w.orgs.convenerOrg, recipient: f.w.orgs.partnerOrg, confirmed: true });
  const convener = () => f.w.actor(f.w.users.convener);
  const d = await recordDelivery(f.t.deps, await convener(), f.w.partnership, cid, { value: eur('100.00') });
  if (confirmed) await confirmDelivery(f.t.deps, await convener(), f.w.partnership, d.id, {});
  return d.id;
}

const budgetReady = new WeakSet<object>();
/** A budget line to spend on, and EUR 100,000 in the pool to spend (delivered against a pledge): spends take only what is held. */
async function ensureBudget(f: Fixture) {
  if (budgetReady.has(f)) return;
  const convener = await f.w.actor(f.w.users.convener);
  await replaceBudget(f.t.deps, convener, f.w.partnership, { lines: [{ id: 'cold-chain', planned: [eur('100000.00')] }] });
  const c = await pledge(f.t.deps, convener, f.w.partnership, { ...pledgeBody(f.w.orgs.partnerOrg), valuation: eur('100000.00'), tranches: [{ dueOn: '2099-12-31', value: eur('100000.00') }] });
  await confirmCommitment(f.t.deps, convener, f.w.partnership, c.id, {});
  const d = await recordDelivery(f.t.deps, convener, f.w.partnership, c.id, { value: eur('100000.00') });
  await confirmDelivery(f.t.deps, convener, f.w.partnership, d.id, {});
  budgetReady.add(f);
}
async function freshExpense(f: Fixture): Promise<string> {
  await ensureBudget(f);
  return (await recordExpense(f.t.deps, await f.w.actor(f.w.users.convener), f.w.partnership, { description: `Fridge ${tag()}`, line: 'cold-chain', amount: eur('10.00') })).id;
}

const on = (f: Fixture) => ({ id: f.w.partnership });
const read = (path: string, build: RouteCase['build'] = async (f) => ({ params: on(f) })): RouteCase => ({
  method: 'GET', path, ok: 200, expect: PRIVATE_PARTICIPANTS, can: { action: 'partnership.resources.read', resource: priv }, build,
});

export const LEDGER_ROUTES: RouteCase[] = [
  // reads: any participant
  read(`${B}/accountability/settings`),
  read(`${B}/commitments`),
  read(`${B}/commitments/:commitmentId`, async (f) => ({ params: { ...on(f), commitmentId: await freshCommitment(f) } })),
  read(`${B}/commitments/:commitmentId/deliveries`, async (f) => ({ params: { ...on(f), commitmentId: await freshCommitment(f) } })),
  read(`${B}/deliveries`),
  read(`${B}/ledger/transactions`),
  read(`${B}/ledger/transactions/:txId`, async (f) => ({ params: { ...on(f), txId: await freshExpense(f) } })),
  read(`${B}/ledger/balances`, async (f) => ({ params: on(f), query: { currency: 'reporting' } })),
  read(`${B}/ledger/pledges`, async (f) => ({ params: on(f), query: { currency: 'reporting' } })),
  read(`${B}/ledger/budget`),
  read(`${B}/ledger/exchange-rates`),
  read(`${B}/ledger/summary`),
  { method: 'GET', path: `${B}/commitments`, variant: 'public partnership', ok: 200, expect: PUBLIC_PARTICIPANTS, can: { action: 'partnership.resources.read', resource: pub }, build: async (f) => ({ params: { id: f.w.publicPartnership } }) },
  { method: 'GET', path: `${B}/ledger/balances`, variant: 'public partnership', ok: 200, expect: PUBLIC_PARTICIPANTS, can: { action: 'partnership.resources.read', resource: pub }, build: async (f) => ({ params: { id: f.w.publicPartnership } }) },

  // settings and the budget: conveners
  { method: 'PUT', path: `${B}/accountability/settings`, ok: 200, expect: PRIVATE_CONVENERS, can: { action: 'partnership.ledger.manage', resource: priv }, build: async (f) => ({ params: on(f), body: { graceDays: 30 } }) },
  {
    method: 'PUT', path: `${B}/ledger/budget`, ok: 200, expect: PRIVATE_CONVENERS, can: { action: 'partnership.ledger.manage', resource: priv },
    build: async (f) => ({ params: on(f), body: { lines: [{ id: 'cold-chain', planned: [eur('100000.00')] }, { id: `line-${tag()}`, planned: [eur('10.00')] }] } }),
  },
  {
    method: 'POST', path: `${B}/ledger/exchange-rates`, ok: 201, expect: PRIVATE_CONVENERS, can: { action: 'partnership.ledger.manage', resource: priv },
    build: async (f) => ({ params: on(f), body: { from: 'USD', to: 'EUR', on: addDays('2000-01-01', ++rateDay), rate: '0.9' } }),
  },

  // commitments
  {
    method: 'POST', path: `${B}/commitments`, ok: 201, expect: PRIVATE_OWN, can: { action: 'partnership.commitments.pledge', resource: priv },
    build: async (f, persona) => moving({ params: on(f), body: pledgeBody(ownOrg(f, persona)) }),
  },
  {
    method: 'POST', path: `${B}/commitments`, variant: 'public partnership', ok: 201, expect: PUBLIC_OWN, can: { action: 'partnership.commitments.pledge', resource: pub },
    build: async (f, persona) => moving({ params: { id: f.w.publicPartnership }, body: pledgeBody(ownOrg(f, persona)) }),
  },
  {
    method: 'POST', path: `${B}/commitments/:commitmentId/confirm`, ok: 200, expect: PRIVATE_CONVENERS, can: { action: 'partnership.ledger.manage', resource: priv },
    build: async (f) => ({ params: { ...on(f), commitmentId: await freshCommitment(f) }, body: {} }),
  },
  {
    method: 'POST', path: `${B}/commitments/:commitmentId/confirm`, variant: 'public partnership', ok: 200, expect: PUBLIC_CONVENERS, can: { action: 'partnership.ledger.manage', resource: pub },
    build: async (f) => ({ params: { id: f.w.publicPartnership, commitmentId: await freshCommitment(f, { partnershipId: f.w.publicPartnership }) }, body: {} }),
  },
  {
    method: 'POST', path: `${B}/commitments/:commitmentId/cancel`, ok: 200, expect: PRIVATE_CONVENERS, can: { action: 'partnership.ledger.manage', resource: priv },
    build: async (f) => ({ params: { ...on(f), commitmentId: await freshCommitment(f, { confirmed: true }) }, body: { reason: 'The budget was cut' } }),
  },
  {
    method: 'POST', path: `${B}/commitments/:commitmentId/withdraw`, ok: 200, expect: PRIVATE_OWN, can: { action: 'partnership.commitments.pledge', resource: priv },
    build: async (f) => ({ params: { ...on(f), commitmentId: await freshCommitment(f) }, body: { reason: 'Our board said no' } }),
  },
  {
    method: 'POST', path: `${B}/commitments/:commitmentId/amend`, ok: 200, expect: PRIVATE_OWN, can: { action: 'partnership.commitments.pledge', resource: priv },
    build: async (f) => ({ params: { ...on(f), commitmentId: await freshCommitment(f) }, body: { valuation: eur('1500.00'), tranches: [{ dueOn: '2099-12-31', value: eur('1500.00') }], reason: 'More pipes' } }),
  },
  {
    method: 'POST', path: `${B}/commitments/:commitmentId/deliveries`, ok: 201, expect: PRIVATE_OWN, can: { action: 'partnership.deliveries.record', resource: priv },
    build: async (f) => moving({ params: { ...on(f), commitmentId: await freshCommitment(f, { confirmed: true }) }, body: { value: eur('100.00'), evidence: ['https://bank.example/1'] } }),
  },

  // deliveries
  {
    method: 'POST', path: `${B}/deliveries/:deliveryId/confirm`, ok: 200, expect: PRIVATE_OWN, can: { action: 'partnership.deliveries.confirm', resource: priv },
    build: async (f) => moving({ params: { ...on(f), deliveryId: await freshDelivery(f) }, body: {} }),
  },
  {
    method: 'POST', path: `${B}/deliveries/:deliveryId/reject`, ok: 200, expect: PRIVATE_OWN, can: { action: 'partnership.deliveries.confirm', resource: priv },
    build: async (f) => ({ params: { ...on(f), deliveryId: await freshDelivery(f) }, body: { reason: 'Nothing arrived' } }),
  },
  {
    method: 'POST', path: `${B}/deliveries/:deliveryId/reverse`, ok: 200, expect: PRIVATE_CONVENERS, can: { action: 'partnership.ledger.manage', resource: priv },
    build: async (f) => moving({ params: { ...on(f), deliveryId: await freshDelivery(f, true) }, body: { reason: 'The transfer bounced' } }),
  },

  // the ledger: conveners
  {
    method: 'POST', path: `${B}/ledger/expenses`, ok: 201, expect: PRIVATE_CONVENERS, can: { action: 'partnership.ledger.manage', resource: priv },
    build: async (f) => {
      await ensureBudget(f);
      return moving({ params: on(f), body: { description: `Fridge ${tag()}`, line: 'cold-chain', amount: eur('25.00') } });
    },
  },
  {
    method: 'POST', path: `${B}/ledger/disbursements`, ok: 201, expect: PRIVATE_CONVENERS, can: { action: 'partnership.ledger.manage', resource: priv },
    build: async (f) => {
      await ensureBudget(f);
      return moving({ params: on(f), body: { description: `Grant ${tag()}`, line: 'cold-chain', amount: eur('25.00'), recipient: 'Harbour School' } });
    },
  },
  {
    method: 'POST', path: `${B}/ledger/exchanges`, ok: 201, expect: PRIVATE_CONVENERS, can: { action: 'partnership.ledger.manage', resource: priv },
    build: async (f) => {
      await ensureBudget(f);
      return moving({ params: on(f), body: { sold: eur('10.00'), bought: { amount: '11.00', currency: 'USD' } } });
    },
  },
  {
    method: 'POST', path: `${B}/ledger/transactions/:txId/reverse`, ok: 201, expect: PRIVATE_CONVENERS, can: { action: 'partnership.ledger.manage', resource: priv },
    build: async (f) => moving({ params: { ...on(f), txId: await freshExpense(f) }, body: { reason: 'Booked twice' } }),
  },
];
