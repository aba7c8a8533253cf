import type { Actor } from '../domain/access/can';
import type { Tx } from '../store/database';
import { loadRolesFor } from '../store/repositories/users.repository';
import type { UserRecord } from '../store/repositories/users.repository';

/**
 * The actor of a request, before any role is known. Roles are loaded per use case for the records it
 * touches (`scoped`), so a request costs the same for a person in two partnerships and for a script
 * account that registered ten thousand organisations.
 */
export function requestActor(user: UserRecord): Actor {
  return { kind: 'user', id: user.id, isAdmin: user.isAdmin, partnershipRoles: new Map(), organisationRoles: new Map() };
}

/**
 * The actor with its roles in these partnerships and organisations loaded from the database (and any
 * roles it already carried for other records kept), ready for the pure `can`.
 */
export async function scoped(db: Tx, actor: Actor, scope: { partnerships?: readonly string[]; organisations?: readonly string[] }): Promise<Actor> {
  if (actor.kind !== 'user') return actor;
  const loaded = await loadRolesFor(db, actor.id, scope.partnerships ?? [], scope.organisations ?? []);
  return {
    ...actor,
    partnershipRoles: new Map([...actor.partnershipRoles, ...loaded.partnershipRoles]),
    organisationRoles: new Map([...[...actor.organisationRoles].filter(([id]) => !(scope.organisations ?? []).includes(id)), ...loaded.organisationRoles]),
  };
}
