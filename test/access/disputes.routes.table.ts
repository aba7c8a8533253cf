/**
 * The dispute register's routes. The rules (see src/domain/access/can.ts):
 *  - conveners and representatives read the register and raise disputes (a representative only disputes
 *    their own organisation is party to: the rows name both member organisations, so the representative of
 *    Acme Water is allowed); members and observers are participants without that role: 403;
 *  - conveners escalate, resolve and withdraw;
 *  - a private partnership the caller takes no part in is 404, a public one 403; anonymous callers 401;
 *  - the platform admin may do everything.
 * Every write aims at a fresh dispute raised by the convener through the service, so each test's write
 * is legal and no test depends on another.
 */
import { E, P, PRIVATE_CONVENERS, PUBLIC_CONVENERS, OTHER_PRIVATE_CONVENERS, priv, pub, other, tag, type RouteCase } from './routes.table';
import type { Fixture } from './fixtures';
import { raiseDispute } from '../../src/services/disputes/disputes';
import { addMember } from '../../src/services/partnerships/partnerships';
import { findCurrentMembership } from '../../src/store/repositories/partnerships.repository';

/** The private partnership's register: conveners and representatives; members and observers 403; strangers 404. */
const PRIVATE_DISPUTES = E(401, 'allow', 'allow', 'allow', 403, 403, 404);
/** The public partnership's register: the same people, but a stranger knows the partnership (403). */
const PUBLIC_DISPUTES = E(401, 'allow', 'allow', 'allow', 403, 403, 403);

const D = `${P}/:id/disputes`;

/** A dispute between the two member organisations of `partnership` (or `publicPartnership`), raised by its convener. */
async function freshDispute(f: Fixture, partnershipId = f.w.partnership): Promise<string> {
  const convener = await f.w.actor(f.w.users.convener);
  const d = await raiseDispute(f.t.deps, convener, partnershipId, {
    subject: `Water tariff disagreement ${tag()}`, parties: [f.w.orgs.convenerOrg, f.w.orgs.partnerOrg],
  });
  return d.id;
}

/** The outsider's own partnership has only the outsider's organisation as member: add one more to have two parties. */
async function freshOtherDispute(f: Fixture): Promise<string> {
  const outsider = await f.w.actor(f.w.users.outsider);
  if (!(await findCurrentMembership(f.t.deps.database.db, f.w.otherPartnership, f.w.orgs.spareOrg))) {
    await addMember(f.t.deps, outsider, f.w.otherPartnership, { organisationId: f.w.orgs.spareOrg, role: 'partner' });
  }
  const d = await raiseDispute(f.t.deps, outsider, f.w.otherPartnership, {
    subject: `Boundary of the forest ${tag()}`, parties: [f.w.orgs.otherOrg, f.w.orgs.spareOrg],
  });
  return d.id;
}

const raiseBody = (f: Fixture) => ({ subject: `Late payment of the operator ${tag()}`, description: 'The operator has not been paid for two quarters.', parties: [f.w.orgs.convenerOrg, f.w.orgs.partnerOrg] });

export const DISPUTE_ROUTES: RouteCase[] = [
  // the private partnership the personas take part in
  { method: 'GET', path: D, ok: 200, expect: PRIVATE_DISPUTES, can: { action: 'partnership.disputes.read', resource: priv }, build: async (f) => ({ params: { id: f.w.partnership } }) },
  {
    method: 'POST', path: D, ok: 201, expect: PRIVATE_DISPUTES, can: { action: 'partnership.disputes.raise', resource: priv },
    build: async (f) => ({ params: { id: f.w.partnership }, body: raiseBody(f) }),
  },
  { method: 'GET', path: `${P}/:id/disputes-summary`, ok: 200, expect: PRIVATE_DISPUTES, can: { action: 'partnership.disputes.read', resource: priv }, build: async (f) => ({ params: { id: f.w.partnership } }) },
  {
    method: 'GET', path: `${D}/:disputeId`, ok: 200, expect: PRIVATE_DISPUTES, can: { action: 'partnership.disputes.read', resource: priv },
    build: async (f) => ({ params: { id: f.w.partnership, disputeId: await freshDispute(f) } }),
  },
  {
    method: 'POST', path: `${D}/:disputeId/escalate`, ok: 200, expect: PRIVATE_CONVENERS, can: { action: 'partnership.disputes.manage', resource: priv },
    build: async (f) => ({ params: { id: f.w.partnership, disputeId: await freshDispute(f) }, body: { result: 'Two meetings, no agreement', reason: 'The parties are deadlocked' } }),
  },
  {
    method: 'POST', path: `${D}/:disputeId/resolve`, ok: 200, expect: PRIVATE_CONVENERS, can: { action: 'partnership.disputes.manage', resource: priv },
    build: async (f) => ({ params: { id: f.w.partnership, disputeId: await freshDispute(f) }, body: { resolution: 'Paid in full with interest' } }),
  },
  {
    method: 'POST', path: `${D}/:disputeId/withdraw`, ok: 200, expect: PRIVATE_CONVENERS, can: { action: 'partnership.disputes.manage', resource: priv },
    build: async (f) => ({ params: { id: f.w.partnership, disputeId: await freshDispute(f) }, body: { reason: 'Raised by mistake' } }),
  },

  // the public partnership: a stranger may read the partnership but not its disputes
  { method: 'GET', path: D, variant: 'public partnership', ok: 200, expect: PUBLIC_DISPUTES, can: { action: 'partnership.disputes.read', resource: pub }, build: async (f) => ({ params: { id: f.w.publicPartnership } }) },
  {
    method: 'GET', path: `${D}/:disputeId`, variant: 'public partnership', ok: 200, expect: PUBLIC_DISPUTES, can: { action: 'partnership.disputes.read', resource: pub },
    build: async (f) => ({ params: { id: f.w.publicPartnership, disputeId: await freshDispute(f, f.w.publicPartnership) } }),
  },
  {
    method: 'POST', path: D, variant: 'public partnership', ok: 201, expect: PUBLIC_DISPUTES, can: { action: 'partnership.disputes.raise', resource: pub },
    build: async (f) => ({ params: { id: f.w.publicPartnership }, body: raiseBody(f) }),
  },
  {
    method: 'POST', path: `${D}/:disputeId/escalate`, variant: 'public partnership', ok: 200, expect: PUBLIC_CONVENERS,
    can: { action: 'partnership.disputes.manage', resource: pub },
    build: async (f) => ({ params: { id: f.w.publicPartnership, disputeId: await freshDispute(f, f.w.publicPartnership) }, body: { result: 'No agreement', reason: 'Deadlock' } }),
  },

  // the outsider's own partnership: the outsider convenes it, the others do not know it
  {
    method: 'GET', path: `${D}/:disputeId`, variant: 'the outsider’s partnership', ok: 200, expect: OTHER_PRIVATE_CONVENERS, can: { action: 'partnership.disputes.read', resource: other },
    build: async (f) => ({ params: { id: f.w.otherPartnership, disputeId: await freshOtherDispute(f) } }),
  },
  {
    method: 'POST', path: `${D}/:disputeId/resolve`, variant: 'the outsider’s partnership', ok: 200, expect: OTHER_PRIVATE_CONVENERS, can: { action: 'partnership.disputes.manage', resource: other },
    build: async (f) => ({ params: { id: f.w.otherPartnership, disputeId: await freshOtherDispute(f) }, body: { resolution: 'The boundary was surveyed again' } }),
  },
];
