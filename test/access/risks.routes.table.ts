/**
 * The risk register's routes. The rules (see src/domain/access/can.ts and src/services/accountability/risks.ts):
 *  - every participant reads the register (convener, representative, member, observer);
 *  - conveners manage every risk; a representative manages the risks their organisation owns or bears a share
 *    of (the default target below gives Acme Water, the representative's organisation, a 60% share, so the
 *    representative is allowed) and is refused (403) a risk that leaves Acme out ("another organisation's risk");
 *  - members and observers may not write (403); a private partnership the caller takes no part in is 404, a
 *    public one 403; anonymous callers 401; the platform admin may do everything.
 * Every write aims at a fresh risk registered by the convener through the service, so each test's write is
 * legal and no test depends on another.
 */
import { E, P, PRIVATE_PARTICIPANTS, PUBLIC_PARTICIPANTS, OTHER_PRIVATE_CONVENERS, priv, pub, other, tag, type RouteCase } from './routes.table';
import type { Fixture } from './fixtures';
import { addRiskAction, createRisk } from '../../src/services/accountability/risks';

/** Writes to the private partnership's register: conveners and representatives; members and observers 403; strangers 404. */
const PRIVATE_MANAGERS = E(401, 'allow', 'allow', 'allow', 403, 403, 404);
/** A risk Acme Water neither owns nor bears: the representative is refused too. */
const PRIVATE_OTHERS_RISK = E(401, 'allow', 'allow', 403, 403, 403, 404);
/** Writes to the public partnership's register: the same people, but a stranger knows the partnership (403). */
const PUBLIC_MANAGERS = E(401, 'allow', 'allow', 'allow', 403, 403, 403);

const R = `${P}/:id/risks`;

/** The body of a risk owned by the city, 40% public authority (the city) and 60% private party (Acme Water). */
const riskBody = (f: Fixture, over: Record<string, unknown> = {}) => ({
  category: 'construction', title: `Reservoir works delayed ${tag()}`, description: 'The contractor may finish the reservoir after the rainy season.',
  likelihood: 3, impact: 4, ownerOrganisationId: f.w.orgs.convenerOrg,
  allocation: [{ party: 'publicAuthority', organisationId: f.w.orgs.convenerOrg, percent: 40 }, { party: 'privateParty', organisationId: f.w.orgs.partnerOrg, percent: '60' }],
  ...over,
});

/** A fresh risk of `partnershipId` (default `w.partnership`), registered by its convener; `others`: Acme Water left out. */
async function freshRisk(f: Fixture, partnershipId = f.w.partnership, others = false): Promise<string> {
  const convener = await f.w.actor(f.w.users.convener);
  const over = others ? { allocation: [{ party: 'publicAuthority', organisationId: f.w.orgs.convenerOrg, percent: 100 }] } : {};
  return (await createRisk(f.t.deps, convener, partnershipId, riskBody(f, over) as Parameters<typeof createRisk>[3])).id;
}

/** A risk of the outsider's own partnership, whose only member is the outsider's organisation. */
async function freshOtherRisk(f: Fixture): Promise<string> {
  const outsider = await f.w.actor(f.w.users.outsider);
  return (await createRisk(f.t.deps, outsider, f.w.otherPartnership, { ...riskBody(f), ownerOrganisationId: f.w.orgs.otherOrg, allocation: [] } as Parameters<typeof createRisk>[3])).id;
}

async function freshAction(f: Fixture, partnershipId = f.w.partnership): Promise<{ riskId: string; actionId: string }> {
  const riskId = await freshRisk(f, partnershipId);
  const convener = await f.w.actor(f.w.users.convener);
  const d = await addRiskAction(f.t.deps, convener, partnershipId, riskId, { description: 'Hire a second contractor', ownerOrganisationId: f.w.orgs.convenerOrg, dueOn: '2030-01-31' });
  return { riskId, actionId: d.actions[0].id };
}

const read = { action: 'partnership.risks.read' as const };
const manage = { action: 'partnership.risks.manage' as const };

export const RISK_ROUTES: RouteCase[] = [
  // the private partnership the personas take part in
  { method: 'GET', path: R, ok: 200, expect: PRIVATE_PARTICIPANTS, can: { ...read, resource: priv }, build: async (f) => ({ params: { id: f.w.partnership }, query: { sort: 'score' } }) },
  { method: 'POST', path: R, ok: 201, expect: PRIVATE_MANAGERS, can: { ...manage, resource: priv }, build: async (f) => ({ params: { id: f.w.partnership }, body: riskBody(f) }) },
  { method: 'GET', path: `${P}/:id/risks-heatmap`, ok: 200, expect: PRIVATE_PARTICIPANTS, can: { ...read, resource: priv }, build: async (f) => ({ params: { id: f.w.partnership } }) },
  { method: 'GET', path: `${P}/:id/risks-overdue`, ok: 200, expect: PRIVATE_PARTICIPANTS, can: { ...read, resource: priv }, build: async (f) => ({ params: { id: f.w.partnership } }) },
  {
    method: 'GET', path: `${R}/:riskId`, ok: 200, expect: PRIVATE_PARTICIPANTS, can: { ...read, resource: priv },
    build: async (f) => ({ params: { id: f.w.partnership, riskId: await freshRisk(f) } }),
  },
  {
    method: 'GET', path: `${R}/:riskId/history`, ok: 200, expect: PRIVATE_PARTICIPANTS, can: { ...read, resource: priv },
    build: async (f) => ({ params: { id: f.w.partnership, riskId: await freshRisk(f) } }),
  },
  {
    method: 'PATCH', path: `${R}/:riskId`, ok: 200, expect: PRIVATE_MANAGERS, can: { ...manage, resource: priv },
    build: async (f) => ({ params: { id: f.w.partnership, riskId: await freshRisk(f) }, body: { version: 1, likelihood: 2, title: `Reservoir works delayed again ${tag()}` } }),
  },
  {
    method: 'POST', path: `${R}/:riskId/transition`, ok: 200, expect: PRIVATE_MANAGERS, can: { ...manage, resource: priv },
    build: async (f) => ({ params: { id: f.w.partnership, riskId: await freshRisk(f) }, body: { to: 'mitigating', reason: 'A second contractor is on standby' } }),
  },
  {
    method: 'POST', path: `${R}/:riskId/actions`, ok: 201, expect: PRIVATE_MANAGERS, can: { ...manage, resource: priv },
    build: async (f) => ({ params: { id: f.w.partnership, riskId: await freshRisk(f) }, body: { description: 'Stockpile materials', ownerOrganisationId: f.w.orgs.partnerOrg, dueOn: '2030-03-31' } }),
  },
  {
    method: 'PATCH', path: `${R}/:riskId/actions/:actionId`, ok: 200, expect: PRIVATE_MANAGERS, can: { ...manage, resource: priv },
    build: async (f) => ({ params: { id: f.w.partnership, ...(await freshAction(f)) }, body: { done: true } }),
  },
  {
    method: 'POST', path: `${R}/:riskId/reviews`, ok: 201, expect: PRIVATE_MANAGERS, can: { ...manage, resource: priv },
    build: async (f) => ({ params: { id: f.w.partnership, riskId: await freshRisk(f) }, body: { likelihood: 2, impact: 3, note: 'The contractor caught up', nextReviewOn: '2031-01-15' } }),
  },

  // partner-scoped editing: a risk Acme Water neither owns nor bears is not the representative's to change
  {
    method: 'PATCH', path: `${R}/:riskId`, variant: 'another organisation’s risk', ok: 200, expect: PRIVATE_OTHERS_RISK,
    build: async (f) => ({ params: { id: f.w.partnership, riskId: await freshRisk(f, f.w.partnership, true) }, body: { version: 1, impact: 2 } }),
  },
  {
    method: 'POST', path: `${R}/:riskId/transition`, variant: 'another organisation’s risk', ok: 200, expect: PRIVATE_OTHERS_RISK,
    build: async (f) => ({ params: { id: f.w.partnership, riskId: await freshRisk(f, f.w.partnership, true) }, body: { to: 'accepted', reason: 'The city bears it' } }),
  },
  {
    method: 'POST', path: `${R}/:riskId/reviews`, variant: 'another organisation’s risk', ok: 201, expect: PRIVATE_OTHERS_RISK,
    build: async (f) => ({ params: { id: f.w.partnership, riskId: await freshRisk(f, f.w.partnership, true) }, body: { likelihood: 1, impact: 1 } }),
  },

  // the public partnership: a stranger may read the partnership but not its register
  { method: 'GET', path: R, variant: 'public partnership', ok: 200, expect: PUBLIC_PARTICIPANTS, can: { ...read, resource: pub }, build: async (f) => ({ params: { id: f.w.publicPartnership } }) },
  {
    method: 'GET', path: `${R}/:riskId`, variant: 'public partnership', ok: 200, expect: PUBLIC_PARTICIPANTS, can: { ...read, resource: pub },
    build: async (f) => ({ params: { id: f.w.publicPartnership, riskId: await freshRisk(f, f.w.publicPartnership) } }),
  },
  { method: 'GET', path: `${P}/:id/risks-heatmap`, variant: 'public partnership', ok: 200, expect: PUBLIC_PARTICIPANTS, can: { ...read, resource: pub }, build: async (f) => ({ params: { id: f.w.publicPartnership } }) },
  { method: 'POST', path: R, variant: 'public partnership', ok: 201, expect: PUBLIC_MANAGERS, can: { ...manage, resource: pub }, build: async (f) => ({ params: { id: f.w.publicPartnership }, body: riskBody(f) }) },
  {
    method: 'PATCH', path: `${R}/:riskId`, variant: 'public partnership', ok: 200, expect: PUBLIC_MANAGERS, can: { ...manage, resource: pub },
    build: async (f) => ({ params: { id: f.w.publicPartnership, riskId: await freshRisk(f, f.w.publicPartnership) }, body: { version: 1, impact: 5 } }),
  },

  // the outsider's own partnership: the outsider convenes it, the others do not know it
  {
    method: 'GET', path: `${R}/:riskId`, variant: 'the outsider’s partnership', ok: 200, expect: OTHER_PRIVATE_CONVENERS, can: { ...read, resource: other },
    build: async (f) => ({ params: { id: f.w.otherPartnership, riskId: await freshOtherRisk(f) } }),
  },
  {
    method: 'POST', path: `${R}/:riskId/transition`, variant: 'the outsider’s partnership', ok: 200, expect: OTHER_PRIVATE_CONVENERS, can: { ...manage, resource: other },
    build: async (f) => ({ params: { id: f.w.otherPartnership, riskId: await freshOtherRisk(f) }, body: { to: 'closed', reason: 'The forest road was finished' } }),
  },
];
