/**
 * The results framework's routes. The rules (see src/domain/access/can.ts and the results services):
 *  - every participant reads the tree, indicators, submissions, the calendar and the contributions;
 *  - conveners manage the framework (results, weights, indicators, contribution links) and review (return, approve);
 *  - conveners and representatives report, each only for the organisation they speak for: the convener for City
 *    of Testville, the representative for Acme Water. Each persona's request names its own organisation, so both
 *    are allowed; the "another partner's submission" rows aim at Acme Water's submission, which the convener may
 *    not change (403) although `can()` lets conveners report: the service scopes it to the partner;
 *  - a private partnership the caller takes no part in is 404, a public one 403; anonymous callers 401;
 *  - the platform admin may do everything.
 * Every write aims at a fresh target made through the services, so each test's write is legal on its own.
 */
import { E, P, PRIVATE_CONVENERS, PRIVATE_PARTICIPANTS, PUBLIC_CONVENERS, PUBLIC_PARTICIPANTS, OTHER_PRIVATE_CONVENERS, priv, pub, other, tag, type RouteCase } from './routes.table';
import type { Fixture } from './fixtures';
import type { Persona } from '../support/world';
import { addContribution, createResult } from '../../src/services/accountability/results';
import { createIndicator, createSubmission, submitSubmission } from '../../src/services/accountability/indicators';
import { pledge } from '../../src/services/accountability/commitments';

/** Conveners and representatives report (for their own organisation); members and observers 403. */
const PRIVATE_REPORTERS = E(401, 'allow', 'allow', 'allow', 403, 403, 404);
const PUBLIC_REPORTERS = E(401, 'allow', 'allow', 'allow', 403, 403, 403);
/** Acme Water's own submission: its representative (and admins) only. */
const ACME_ONLY = E(401, 'allow', 403, 'allow', 403, 403, 404);

/** The organisation a persona reports for: the representative speaks for Acme Water, everyone else names City of Testville. */
const orgOf = (f: Fixture, persona: Persona) => (persona === 'representative' ? f.w.orgs.partnerOrg : f.w.orgs.convenerOrg);
const convenerOf = (f: Fixture, partnershipId: string) => f.w.actor(partnershipId === f.w.otherPartnership ? f.w.users.outsider : f.w.users.convener);

/** A goal with an outcome under it, made by the partnership's convener. */
async function freshOutcome(f: Fixture, partnershipId = f.w.partnership): Promise<{ goal: string; outcome: string }> {
  const c = await convenerOf(f, partnershipId);
  const goal = await createResult(f.t.deps, c, partnershipId, { level: 'goal', title: `Safe water for every household ${tag()}` });
  const outcome = await createResult(f.t.deps, c, partnershipId, { level: 'outcome', parentId: goal.id, title: `Fewer water-borne illnesses ${tag()}` });
  return { goal: goal.id, outcome: outcome.id };
}

const indicatorBody = (f: Fixture, nodeId: string, partnershipId = f.w.partnership) => ({
  nodeId, title: `Households connected ${tag()}`, definition: 'Households with a metered connection, from the utility\u2019s billing system', unit: 'households',
  measure: 'unit' as const, direction: 'higher_is_better' as const, valueKind: 'cumulative' as const, baseline: { value: 100, date: '2019-12-31' },
  targets: [{ periodKey: '2030', value: 5000 }], dimensions: [], sdgIndicators: ['6.1.1'],
  responsiblePartnerIds: partnershipId === f.w.otherPartnership ? [f.w.orgs.otherOrg] : [f.w.orgs.convenerOrg, f.w.orgs.partnerOrg],
  schedule: { frequency: 'annual' as const, start: '2020-01-01', end: '2030-12-31', graceDays: 30 },
});

async function freshIndicator(f: Fixture, partnershipId = f.w.partnership): Promise<string> {
  const { outcome } = await freshOutcome(f, partnershipId);
  return (await createIndicator(f.t.deps, await convenerOf(f, partnershipId), partnershipId, indicatorBody(f, outcome, partnershipId))).id;
}

/** A draft (or submitted) report for 2020 by the organisation's own person: Acme Water's representative or City of Testville's convener. */
async function freshSubmission(f: Fixture, org: 'acme' | 'city', submitted = false, partnershipId = f.w.partnership): Promise<string> {
  const indicatorId = await freshIndicator(f, partnershipId);
  const who = await f.w.actor(org === 'acme' ? f.w.users.representative : f.w.users.convener);
  const s = await createSubmission(f.t.deps, who, partnershipId, indicatorId, { periodKey: '2020', partnerId: org === 'acme' ? f.w.orgs.partnerOrg : f.w.orgs.convenerOrg, value: 120 });
  if (submitted) await submitSubmission(f.t.deps, who, partnershipId, s.id);
  return s.id;
}
const ownSubmission = (f: Fixture, persona: Persona, submitted = false) => freshSubmission(f, persona === 'representative' ? 'acme' : 'city', submitted);

/** A cash pledge of City of Testville, recorded by the convener. */
async function freshCommitment(f: Fixture): Promise<string> {
  const c = await pledge(f.t.deps, await f.w.actor(f.w.users.convener), f.w.partnership, {
    organisationId: f.w.orgs.convenerOrg, kind: 'cash', description: `Mains extension grant ${tag()}`, valuation: { amount: '25000.00', currency: 'EUR' },
    tranches: [{ dueOn: '2031-01-01', value: { amount: '25000.00', currency: 'EUR' } }],
  });
  return c.id;
}

async function freshLink(f: Fixture): Promise<{ nodeId: string; commitmentId: string }> {
  const { outcome } = await freshOutcome(f);
  const commitmentId = await freshCommitment(f);
  await addContribution(f.t.deps, await f.w.actor(f.w.users.convener), f.w.partnership, { nodeId: outcome, commitmentId });
  return { nodeId: outcome, commitmentId };
}

const S = `${P}/:id/indicator-submissions`;

export const RESULTS_ROUTES: RouteCase[] = [
  // the tree
  { method: 'GET', path: `${P}/:id/results`, ok: 200, expect: PRIVATE_PARTICIPANTS, can: { action: 'partnership.results.read', resource: priv }, build: async (f) => ({ params: { id: f.w.partnership } }) },
  { method: 'GET', path: `${P}/:id/results`, variant: 'public partnership', ok: 200, expect: PUBLIC_PARTICIPANTS, can: { action: 'partnership.results.read', resource: pub }, build: async (f) => ({ params: { id: f.w.publicPartnership } }) },
  {
    method: 'POST', path: `${P}/:id/results`, ok: 201, expect: PRIVATE_CONVENERS, can: { action: 'partnership.results.manage', resource: priv },
    build: async (f) => ({ params: { id: f.w.partnership }, body: { level: 'goal', title: `Universal sanitation ${tag()}` } }),
  },
  {
    method: 'POST', path: `${P}/:id/results`, variant: 'the outsider\u2019s partnership', ok: 201, expect: OTHER_PRIVATE_CONVENERS, can: { action: 'partnership.results.manage', resource: other },
    build: async (f) => ({ params: { id: f.w.otherPartnership }, body: { level: 'goal', title: `Forest cover restored ${tag()}` } }),
  },
  {
    method: 'PUT', path: `${P}/:id/results-weights`, ok: 200, expect: PRIVATE_CONVENERS, can: { action: 'partnership.results.manage', resource: priv },
    build: async (f) => ({ params: { id: f.w.partnership }, body: { weights: [{ id: (await freshOutcome(f)).outcome, weight: '1/3' }] } }),
  },
  {
    method: 'PATCH', path: `${P}/:id/results/:nodeId`, ok: 200, expect: PRIVATE_CONVENERS, can: { action: 'partnership.results.manage', resource: priv },
    build: async (f) => ({ params: { id: f.w.partnership, nodeId: (await freshOutcome(f)).outcome }, body: { title: `Fewer cases of cholera ${tag()}` } }),
  },
  {
    method: 'DELETE', path: `${P}/:id/results/:nodeId`, ok: 200, expect: PRIVATE_CONVENERS, can: { action: 'partnership.results.manage', resource: priv },
    build: async (f) => ({ params: { id: f.w.partnership, nodeId: (await freshOutcome(f)).outcome } }),
  },

  // indicators
  {
    method: 'POST', path: `${P}/:id/indicators`, ok: 201, expect: PRIVATE_CONVENERS, can: { action: 'partnership.results.manage', resource: priv },
    build: async (f) => ({ params: { id: f.w.partnership }, body: indicatorBody(f, (await freshOutcome(f)).outcome) }),
  },
  {
    method: 'GET', path: `${P}/:id/indicators/:indicatorId`, ok: 200, expect: PRIVATE_PARTICIPANTS, can: { action: 'partnership.results.read', resource: priv },
    build: async (f) => ({ params: { id: f.w.partnership, indicatorId: await freshIndicator(f) } }),
  },
  {
    method: 'GET', path: `${P}/:id/indicators/:indicatorId`, variant: 'the outsider\u2019s partnership', ok: 200, expect: OTHER_PRIVATE_CONVENERS, can: { action: 'partnership.results.read', resource: other },
    build: async (f) => ({ params: { id: f.w.otherPartnership, indicatorId: await freshIndicator(f, f.w.otherPartnership) } }),
  },
  {
    method: 'PATCH', path: `${P}/:id/indicators/:indicatorId`, ok: 200, expect: PRIVATE_CONVENERS, can: { action: 'partnership.results.manage', resource: priv },
    build: async (f) => ({ params: { id: f.w.partnership, indicatorId: await freshIndicator(f) }, body: { title: `Households with safe water ${tag()}`, targets: [{ periodKey: '2030', value: 6000 }] } }),
  },
  {
    method: 'DELETE', path: `${P}/:id/indicators/:indicatorId`, ok: 200, expect: PRIVATE_CONVENERS, can: { action: 'partnership.results.manage', resource: priv },
    build: async (f) => ({ params: { id: f.w.partnership, indicatorId: await freshIndicator(f) } }),
  },

  // reporting: each persona for its own organisation
  {
    method: 'POST', path: `${P}/:id/indicators/:indicatorId/submissions`, ok: 201, expect: PRIVATE_REPORTERS, can: { action: 'partnership.results.report', resource: priv },
    build: async (f, persona) => ({ params: { id: f.w.partnership, indicatorId: await freshIndicator(f) }, body: { periodKey: '2021', partnerId: orgOf(f, persona), value: '250' } }),
  },
  {
    method: 'POST', path: `${P}/:id/indicators/:indicatorId/submissions`, variant: 'public partnership', ok: 201, expect: PUBLIC_REPORTERS, can: { action: 'partnership.results.report', resource: pub },
    build: async (f, persona) => ({ params: { id: f.w.publicPartnership, indicatorId: await freshIndicator(f, f.w.publicPartnership) }, body: { periodKey: '2021', partnerId: orgOf(f, persona), value: 250 } }),
  },
  { method: 'GET', path: S, ok: 200, expect: PRIVATE_PARTICIPANTS, can: { action: 'partnership.results.read', resource: priv }, build: async (f) => ({ params: { id: f.w.partnership }, query: { status: 'submitted' } }) },
  {
    method: 'GET', path: `${S}/:submissionId`, ok: 200, expect: PRIVATE_PARTICIPANTS, can: { action: 'partnership.results.read', resource: priv },
    build: async (f) => ({ params: { id: f.w.partnership, submissionId: await freshSubmission(f, 'acme') } }),
  },
  {
    method: 'PATCH', path: `${S}/:submissionId`, ok: 200, expect: PRIVATE_REPORTERS, can: { action: 'partnership.results.report', resource: priv },
    build: async (f, persona) => ({ params: { id: f.w.partnership, submissionId: await ownSubmission(f, persona) }, body: { value: 130, note: 'Corrected from the billing system' } }),
  },
  {
    method: 'PATCH', path: `${S}/:submissionId`, variant: 'another partner\u2019s submission', ok: 200, expect: ACME_ONLY,
    build: async (f) => ({ params: { id: f.w.partnership, submissionId: await freshSubmission(f, 'acme') }, body: { value: 130 } }),
  },
  {
    method: 'POST', path: `${S}/:submissionId/submit`, ok: 200, expect: PRIVATE_REPORTERS, can: { action: 'partnership.results.report', resource: priv },
    build: async (f, persona) => ({ params: { id: f.w.partnership, submissionId: await ownSubmission(f, persona) }, body: {} }),
  },
  {
    method: 'POST', path: `${S}/:submissionId/submit`, variant: 'another partner\u2019s submission', ok: 200, expect: ACME_ONLY,
    build: async (f) => ({ params: { id: f.w.partnership, submissionId: await freshSubmission(f, 'acme') }, body: {} }),
  },
  {
    method: 'POST', path: `${S}/:submissionId/return`, ok: 200, expect: PRIVATE_CONVENERS, can: { action: 'partnership.results.review', resource: priv },
    build: async (f) => ({ params: { id: f.w.partnership, submissionId: await freshSubmission(f, 'acme', true) }, body: { comment: 'The count includes commercial connections' } }),
  },
  {
    method: 'POST', path: `${S}/:submissionId/approve`, ok: 200, expect: PRIVATE_CONVENERS, can: { action: 'partnership.results.review', resource: priv },
    build: async (f) => ({ params: { id: f.w.partnership, submissionId: await freshSubmission(f, 'acme', true) }, body: {} }),
  },
  {
    method: 'POST', path: `${S}/:submissionId/approve`, variant: 'public partnership', ok: 200, expect: PUBLIC_CONVENERS, can: { action: 'partnership.results.review', resource: pub },
    build: async (f) => ({ params: { id: f.w.publicPartnership, submissionId: await freshSubmission(f, 'acme', true, f.w.publicPartnership) }, body: {} }),
  },
  { method: 'GET', path: `${P}/:id/reporting-calendar`, ok: 200, expect: PRIVATE_PARTICIPANTS, can: { action: 'partnership.results.read', resource: priv }, build: async (f) => ({ params: { id: f.w.partnership }, query: { from: '2029-01-01' } }) },

  // contributions
  { method: 'GET', path: `${P}/:id/result-contributions`, ok: 200, expect: PRIVATE_PARTICIPANTS, can: { action: 'partnership.results.read', resource: priv }, build: async (f) => ({ params: { id: f.w.partnership } }) },
  {
    method: 'POST', path: `${P}/:id/result-contributions`, ok: 201, expect: PRIVATE_CONVENERS, can: { action: 'partnership.results.manage', resource: priv },
    build: async (f) => ({ params: { id: f.w.partnership }, body: { nodeId: (await freshOutcome(f)).outcome, commitmentId: await freshCommitment(f) } }),
  },
  {
    method: 'DELETE', path: `${P}/:id/result-contributions/:nodeId/:commitmentId`, ok: 200, expect: PRIVATE_CONVENERS, can: { action: 'partnership.results.manage', resource: priv },
    build: async (f) => ({ params: { id: f.w.partnership, ...(await freshLink(f)) } }),
  },
];
