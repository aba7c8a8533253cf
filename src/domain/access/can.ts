import type { PersonRole, Visibility } from '../partnerships/partnership';
import type { OrganisationRole } from '../organisations/organisation';

/** Who is asking. Roles are loaded by the edge once per request; `can` never does I/O. */
export type Actor =
  | { kind: 'anonymous' }
  | {
      kind: 'user';
      id: string;
      isAdmin: boolean;
      /** partnership id -> the person's current roles in it */
      partnershipRoles: ReadonlyMap<string, readonly PersonRole[]>;
      /** organisation id -> the person's role in it */
      organisationRoles: ReadonlyMap<string, OrganisationRole>;
    };

export const ANONYMOUS: Actor = { kind: 'anonymous' };

/** What can be acted upon. */
export type Resource =
  | { type: 'platform' }
  | { type: 'user'; id: string }
  | { type: 'organisation'; id: string }
  | { type: 'partnership'; id: string; visibility: Visibility };

export const PLATFORM_ACTIONS = ['platform.admin', 'organisation.create', 'partnership.create', 'account.manage'] as const;
export const ORGANISATION_ACTIONS = ['organisation.read', 'organisation.update', 'organisation.members.read', 'organisation.members.manage'] as const;
export const PARTNERSHIP_ACTIONS = [
  'partnership.read',
  'partnership.readPrivate',
  'partnership.update',
  'partnership.transition',
  'partnership.goals.manage',
  'partnership.members.manage',
  'partnership.people.read',
  'partnership.audit.read',
  'partnership.events.subscribe',
  'partnership.charter.read',
  'partnership.charter.manage',
  'partnership.decisions.read',
  'partnership.decisions.propose',
  'partnership.decisions.participate',
  'partnership.decisions.manage',
  'partnership.disputes.read',
  'partnership.disputes.raise',
  'partnership.disputes.manage',
  'partnership.resources.read',
  'partnership.commitments.pledge',
  'partnership.deliveries.record',
  'partnership.deliveries.confirm',
  'partnership.ledger.manage',
  'partnership.risks.read',
  'partnership.risks.manage',
  'partnership.results.read',
  'partnership.results.manage',
  'partnership.results.report',
  'partnership.results.review',
] as const;
export type Action =
  | (typeof PLATFORM_ACTIONS)[number]
  | (typeof ORGANISATION_ACTIONS)[number]
  | (typeof PARTNERSHIP_ACTIONS)[number]
  | 'user.read';

const has = (roles: readonly PersonRole[], ...wanted: PersonRole[]): boolean => roles.some((r) => wanted.includes(r));

/**
 * The one access rule of Accord: may this actor take this action on this resource?
 * Pure and total: unknown combinations are denied.
 */
export function can(actor: Actor, action: Action, resource: Resource): boolean {
  const user = actor.kind === 'user' ? actor : null;
  if (user?.isAdmin) return true;

  switch (resource.type) {
    case 'platform':
      if (action === 'organisation.create' || action === 'partnership.create' || action === 'account.manage') return user !== null;
      return false;
    case 'user':
      return action === 'user.read' && user !== null && user.id === resource.id;
    case 'organisation': {
      if (action === 'organisation.read') return true; // the registry is a public directory
      if (!user) return false;
      const role = user.organisationRoles.get(resource.id);
      if (action === 'organisation.members.read') return role !== undefined;
      if (action === 'organisation.update' || action === 'organisation.members.manage') return role === 'org_admin';
      return false;
    }
    case 'partnership': {
      const roles = user?.partnershipRoles.get(resource.id) ?? [];
      const participant = roles.length > 0;
      switch (action) {
        case 'partnership.read':
        case 'partnership.charter.read': // a charter is how the partnership is governed: as visible as the partnership
          return resource.visibility === 'public' || participant;
        case 'partnership.decisions.read':
          return participant;
        // proposing, seconding, commenting and voting; the charter and the seats say who may do which
        case 'partnership.decisions.propose':
          return has(roles, 'convener', 'representative');
        case 'partnership.decisions.participate':
          return has(roles, 'convener', 'representative', 'member');
        case 'partnership.disputes.read':
        case 'partnership.disputes.raise':
          return has(roles, 'convener', 'representative');
        // accountability: pledges, deliveries, the ledger, risks and results are the partners' own business
        case 'partnership.resources.read':
        case 'partnership.risks.read':
        case 'partnership.results.read':
          return participant;
        // a representative pledges, delivers and reports for their own organisation, and confirms what it
        // received; the service checks which organisation (the rows say whose commitment or indicator it is)
        case 'partnership.commitments.pledge':
        case 'partnership.deliveries.record':
        case 'partnership.deliveries.confirm':
        case 'partnership.results.report':
        case 'partnership.risks.manage':
          return has(roles, 'convener', 'representative');
        case 'partnership.ledger.manage':
        case 'partnership.results.manage':
        case 'partnership.results.review':
        case 'partnership.charter.manage':
        case 'partnership.decisions.manage':
        case 'partnership.disputes.manage':
          return has(roles, 'convener');
        case 'partnership.readPrivate':
        case 'partnership.people.read':
        case 'partnership.events.subscribe':
          return participant;
        case 'partnership.audit.read':
          return has(roles, 'convener', 'representative', 'member');
        case 'partnership.update':
        case 'partnership.transition':
        case 'partnership.goals.manage':
        case 'partnership.members.manage':
          return has(roles, 'convener');
        default:
          return false;
      }
    }
  }
}

/** The actions from `candidates` this actor may take on the resource; responses carry it for the web app. */
export function allowedActions<A extends Action>(actor: Actor, candidates: readonly A[], resource: Resource): A[] {
  return candidates.filter((a) => can(actor, a, resource));
}
