/**
 * The import and export routes. The rules:
 *  - an import needs the action its kind names (exchange rates: partnership.ledger.manage, conveners;
 *    commitments, deliveries and indicator values: commitments.pledge, deliveries.record, results.report,
 *    conveners and representatives, each row for an organisation the caller acts for: the representative's
 *    rows name Acme Water, everyone else's City of Testville); the file is the body (text/csv here); an
 *    identical rate imported again changes nothing, and each record import aims at a fresh commitment or
 *    indicator, so every allowed run answers 201 without depending on another test;
 *  - commitments and deliveries move value: their imports need an Idempotency-Key (each row sends a fresh one);
 *  - the progress of an import is its importer's only: each allowed persona reads the progress of a dry run it
 *    ran itself; everyone else asks for the convener's import and gets 404, as if there were none;
 *  - what can be imported, and the templates, are for the partnership's participants;
 *  - an export shows what the list's own route shows: members, people, decisions, exchange rates and the
 *    accountability records (commitments, deliveries, transactions, balances, risks, indicators,
 *    submissions) to participants, disputes to conveners and representatives, the audit log to all but
 *    observers;
 *  - exports need sign-in (401), a private partnership the caller takes no part in is 404, a public one
 *    403 where its list is not public (members of a public partnership are);
 *  - the platform admin may do everything.
 */
import { E, P, PRIVATE_AUDIT, PRIVATE_CONVENERS, PRIVATE_PARTICIPANTS, PUBLIC_CONVENERS, priv, pub, tag, type RouteCase } from './routes.table';
import { randomUUID } from 'node:crypto';
import type { Fixture } from './fixtures';
import type { Persona } from '../support/world';
import { as } from '../support/app';
import { confirmCommitment, pledge } from '../../src/services/accountability/commitments';
import { createResult } from '../../src/services/accountability/results';
import { createIndicator } from '../../src/services/accountability/indicators';

const I = `${P}/:id/imports`;
const X = `${P}/:id/exports/:list`;
const RATES = 'from,to,on,rate\r\nEUR,USD,2025-01-31,1.0861\r\nGBP,USD,2025-01-31,1.2402\r\n';
/** Disputes: conveners and representatives; members and observers 403; strangers 404. */
const PRIVATE_DISPUTES = E(401, 'allow', 'allow', 'allow', 403, 403, 404);
/** Members of a public partnership: anyone signed in. */
const PUBLIC_SIGNED_IN = E(401, 'allow', 'allow', 'allow', 'allow', 'allow', 'allow');

/** Conveners and representatives, for their own organisation; members and observers 403. */
const PRIVATE_OWN = E(401, 'allow', 'allow', 'allow', 403, 403, 404);
const PUBLIC_OWN = E(401, 'allow', 'allow', 'allow', 403, 403, 403);
/** The organisation a persona's rows are for: the representative's own; everyone else the convener's. */
const ownOrg = (f: Fixture, persona: Persona) => (persona === 'representative' ? f.w.orgs.partnerOrg : f.w.orgs.convenerOrg);
const csv = { 'content-type': 'text/csv' };
/** A file that moves value: with a fresh Idempotency-Key. */
const moving = () => ({ ...csv, 'idempotency-key': `access-${randomUUID()}` });
/** Who may read the progress of an import: the one who ran it (these personas run one; the others do not). */
const OWN_IMPORT = E(401, 'allow', 'allow', 'allow', 404, 404, 404);

/** The persona's own dry run of a pledge file with a progress token (others: the convener's), and that token. */
async function progressToken(f: Fixture, persona: Persona): Promise<string> {
  const importer: Persona = persona === 'admin' || persona === 'representative' ? persona : 'convener';
  const token = randomUUID();
  const res = await f.t.app.inject({
    method: 'POST', url: `${P}/${f.w.partnership}/imports/commitments?decimal=.&dryRun=true`, headers: { ...as(f.sessions[importer], true), ...csv, 'import-progress': token }, payload: pledgeFile(f, importer),
  });
  if (res.statusCode !== 200) throw new Error(`the import to follow failed: ${res.statusCode} ${res.body}`);
  return token;
}

const pledgeFile = (f: Fixture, persona: Persona) => `Organisation,Kind,Description,Valuation,Currency,Pledged on,Due on\r\n${ownOrg(f, persona)},cash,Pipes ${tag()},100.00,EUR,2020-01-01,2099-12-31\r\n`;

/** A fresh confirmed commitment of the persona's organisation, and a file delivering against it. */
async function deliveryFile(f: Fixture, persona: Persona, partnershipId: string): Promise<string> {
  const c = await f.w.actor(f.w.users.convener);
  const tranche = { dueOn: '2099-12-31', value: { amount: '100.00', currency: 'EUR' } };
  const made = await pledge(f.t.deps, c, partnershipId, { organisationId: ownOrg(f, persona), kind: 'cash', description: `Cash ${tag()}`, valuation: tranche.value, pledgedOn: '2020-01-01', tranches: [tranche] });
  await confirmCommitment(f.t.deps, c, partnershipId, made.id, {});
  return `Commitment,Delivered on,Value\r\n${made.number},2020-02-01,40.00\r\n`;
}

/** A fresh annual indicator both organisations report on, and a file reporting the persona's value for 2020. */
async function valuesFile(f: Fixture, persona: Persona): Promise<string> {
  const c = await f.w.actor(f.w.users.convener);
  const goal = await createResult(f.t.deps, c, f.w.partnership, { level: 'goal', title: `Safe water ${tag()}` });
  const ind = await createIndicator(f.t.deps, c, f.w.partnership, {
    nodeId: goal.id, title: `Households connected ${tag()}`, definition: 'From the utility\u2019s billing system', unit: 'households', measure: 'unit', direction: 'higher_is_better', valueKind: 'cumulative',
    targets: [], dimensions: [], sdgIndicators: [], responsiblePartnerIds: [f.w.orgs.convenerOrg, f.w.orgs.partnerOrg], schedule: { frequency: 'annual', start: '2020-01-01', end: '2030-12-31' },
  });
  return `Indicator,Period,Partner,Value\r\n${ind.id},2020,${ownOrg(f, persona)},120\r\n`;
}

const exportRow = (list: string, expect: RouteCase['expect'], action: NonNullable<RouteCase['can']>['action'] | null, format = 'csv'): RouteCase => ({
  method: 'GET', path: X, variant: `${list} as ${format}`, ok: 200, expect,
  ...(action ? { can: { action, resource: priv } } : {}),
  build: async (f) => ({ params: { id: f.w.partnership, list }, query: { format } }),
});

export const IMPORT_ROUTES: RouteCase[] = [
  {
    method: 'POST', path: `${I}/:kind`, variant: 'exchange rates', ok: 201, expect: PRIVATE_CONVENERS, can: { action: 'partnership.ledger.manage', resource: priv },
    build: async (f) => ({ params: { id: f.w.partnership, kind: 'exchange-rates' }, query: { decimal: '.' }, body: RATES }),
  },
  {
    method: 'POST', path: `${I}/:kind`, variant: 'exchange rates, public partnership', ok: 201, expect: PUBLIC_CONVENERS, can: { action: 'partnership.ledger.manage', resource: pub },
    build: async (f) => ({ params: { id: f.w.publicPartnership, kind: 'exchange-rates' }, query: { decimal: '.' }, body: RATES }),
  },
  {
    method: 'POST', path: `${I}/:kind`, variant: 'commitments', ok: 201, expect: PRIVATE_OWN, can: { action: 'partnership.commitments.pledge', resource: priv },
    build: async (f, persona) => ({ params: { id: f.w.partnership, kind: 'commitments' }, query: { decimal: '.' }, headers: moving(), body: pledgeFile(f, persona) }),
  },
  {
    method: 'POST', path: `${I}/:kind`, variant: 'commitments, public partnership', ok: 201, expect: PUBLIC_OWN, can: { action: 'partnership.commitments.pledge', resource: pub },
    build: async (f, persona) => ({ params: { id: f.w.publicPartnership, kind: 'commitments' }, query: { decimal: '.' }, headers: moving(), body: pledgeFile(f, persona) }),
  },
  {
    method: 'POST', path: `${I}/:kind`, variant: 'deliveries', ok: 201, expect: PRIVATE_OWN, can: { action: 'partnership.deliveries.record', resource: priv },
    build: async (f, persona) => ({ params: { id: f.w.partnership, kind: 'deliveries' }, query: { decimal: '.' }, headers: moving(), body: await deliveryFile(f, persona, f.w.partnership) }),
  },
  {
    method: 'POST', path: `${I}/:kind`, variant: 'indicator values', ok: 201, expect: PRIVATE_OWN, can: { action: 'partnership.results.report', resource: priv },
    build: async (f, persona) => ({ params: { id: f.w.partnership, kind: 'indicator-values' }, query: { decimal: '.' }, headers: csv, body: await valuesFile(f, persona) }),
  },
  {
    method: 'POST', path: `${I}/:kind`, variant: 'indicator values, dry run', ok: 200, expect: PRIVATE_OWN, can: { action: 'partnership.results.report', resource: priv },
    build: async (f, persona) => ({ params: { id: f.w.partnership, kind: 'indicator-values' }, query: { decimal: '.', dryRun: 'true' }, headers: csv, body: await valuesFile(f, persona) }),
  },
  {
    method: 'GET', path: `${I}/progress/:token`, ok: 200, expect: OWN_IMPORT,
    build: async (f, persona) => ({ params: { id: f.w.partnership, token: await progressToken(f, persona) } }),
  },
  { method: 'GET', path: I, ok: 200, expect: PRIVATE_PARTICIPANTS, can: { action: 'partnership.read', resource: priv }, build: async (f) => ({ params: { id: f.w.partnership } }) },
  {
    method: 'GET', path: `${I}/:kind/template`, ok: 200, expect: PRIVATE_PARTICIPANTS, can: { action: 'partnership.read', resource: priv },
    build: async (f) => ({ params: { id: f.w.partnership, kind: 'exchange-rates' }, query: { format: 'xlsx' } }),
  },
  exportRow('members', PRIVATE_PARTICIPANTS, 'partnership.read'),
  exportRow('members', PRIVATE_PARTICIPANTS, 'partnership.read', 'xlsx'),
  exportRow('people', PRIVATE_PARTICIPANTS, 'partnership.people.read'),
  exportRow('decisions', PRIVATE_PARTICIPANTS, 'partnership.decisions.read'),
  exportRow('disputes', PRIVATE_DISPUTES, 'partnership.disputes.read'),
  exportRow('disputes', PRIVATE_DISPUTES, 'partnership.disputes.read', 'xlsx'),
  exportRow('audit-events', PRIVATE_AUDIT, 'partnership.audit.read'),
  exportRow('exchange-rates', PRIVATE_PARTICIPANTS, 'partnership.resources.read'),
  exportRow('commitments', PRIVATE_PARTICIPANTS, 'partnership.resources.read'),
  exportRow('commitments', PRIVATE_PARTICIPANTS, 'partnership.resources.read', 'xlsx'),
  exportRow('deliveries', PRIVATE_PARTICIPANTS, 'partnership.resources.read'),
  exportRow('transactions', PRIVATE_PARTICIPANTS, 'partnership.resources.read'),
  exportRow('balances', PRIVATE_PARTICIPANTS, 'partnership.resources.read'),
  exportRow('risks', PRIVATE_PARTICIPANTS, 'partnership.risks.read'),
  exportRow('indicators', PRIVATE_PARTICIPANTS, 'partnership.results.read'),
  exportRow('indicator-submissions', PRIVATE_PARTICIPANTS, 'partnership.results.read', 'xlsx'),
  {
    method: 'GET', path: X, variant: 'members of the public partnership', ok: 200, expect: PUBLIC_SIGNED_IN,
    build: async (f) => ({ params: { id: f.w.publicPartnership, list: 'members' }, query: { format: 'xlsx' } }),
  },
];
