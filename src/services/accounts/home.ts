import type { Deps } from '../context';
import type { Actor } from '../../domain/access/can';
import { forbidden } from '../../domain/kernel/errors';
import type { OrganisationRole, Sector } from '../../domain/organisations/organisation';
import { findUserById } from '../../store/repositories/users.repository';
import { goalCounts } from '../../store/repositories/partnerships.repository';
import { organisationsOfUser } from '../../store/repositories/organisations.repository';
import { listPartnerships } from '../partnerships/partnerships';
import { presentUser } from './accounts';

/** The signed-in person's home: partnerships, organisations and what needs attention. */
export async function home(deps: Deps, actor: Actor) {
  if (actor.kind !== 'user') throw forbidden('Sign in first');
  const user = await findUserById(deps.database.db, actor.id);
  if (!user) throw forbidden('Sign in first');
  const mine = await listPartnerships(deps, actor, { mine: true, sort: 'name', limit: 100 });
  const organisations = (await organisationsOfUser(deps.database.db, actor.id)).map((o) => ({ id: o.id, name: o.name, sector: o.sector as Sector, country: o.country, role: o.role as OrganisationRole }));
  const attention: { kind: 'stage_review' | 'no_goals' | 'no_members' | 'pending_membership'; partnershipId: string | null; organisationId: string | null; title: string; detail: string | null }[] = [];
  const convening = mine.items.filter((p) => p.myRoles.includes('convener'));
  const goals = await goalCounts(deps.database.db, convening.map((p) => p.id));
  for (const p of convening) {
    if (!goals.get(p.id)) attention.push({ kind: 'no_goals', partnershipId: p.id, organisationId: null, title: p.name, detail: 'Agree the shared goals and link them to the SDGs' });
    if (p.memberCount < 2) attention.push({ kind: 'no_members', partnershipId: p.id, organisationId: null, title: p.name, detail: 'Invite the partner organisations' });
    if (p.endDate && p.endDate <= deps.clock().slice(0, 10) && p.stage !== 'closed' && p.stage !== 'reviewing') {
      attention.push({ kind: 'stage_review', partnershipId: p.id, organisationId: null, title: p.name, detail: `Its end date ${p.endDate} has passed: review it` });
    }
  }
  if (organisations.length === 0) attention.push({ kind: 'pending_membership', partnershipId: null, organisationId: null, title: 'Join or register your organisation', detail: null });
  return { user: presentUser(user), partnerships: mine.items, organisations, attention };
}
