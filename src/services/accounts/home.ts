import type { Deps } from '../context';
import type { Actor } from '../../domain/access/can';
import { forbidden } from '../../domain/kernel/errors';
import { msg } from '../../domain/kernel/messages';
import type { OrganisationRole, Sector } from '../../domain/organisations/organisation';
import { findUserById } from '../../store/repositories/users.repository';
import { goalCounts } from '../../store/repositories/partnerships.repository';
import { organisationsOfUser } from '../../store/repositories/organisations.repository';
import { listPartnerships } from '../partnerships/partnerships';
import { reviewsDue, votesAwaited } from '../../store/repositories/governance.repository';
import { presentUser } from './accounts';
import { waitingCounts } from '../../store/repositories/accountability.repository';

/** The signed-in person's home: partnerships, organisations and what needs attention. */
export async function home(deps: Deps, actor: Actor) {
  if (actor.kind !== 'user') throw forbidden(msg('errors.sign_in_first'));
  const user = await findUserById(deps.database.db, actor.id);
  if (!user) throw forbidden(msg('errors.sign_in_first'));
  const mine = await listPartnerships(deps, actor, { mine: true, sort: 'name', limit: 100 });
  const organisations = (await organisationsOfUser(deps.database.db, actor.id)).map((o) => ({ id: o.id, name: o.name, sector: o.sector as Sector, country: o.country, role: o.role as OrganisationRole }));
  type Kind = 'stage_review' | 'no_goals' | 'no_members' | 'pending_membership' | 'decision_review' | 'vote_needed' | 'reports_to_review' | 'deliveries_to_confirm';
  const attention: { kind: Kind; partnershipId: string | null; organisationId: string | null; decisionId: string | null; title: string; detail: string | null; due: string | null; count: number | null }[] = [];
  const push = (a: Omit<(typeof attention)[number], 'decisionId' | 'due' | 'count'> & { decisionId?: string | null; due?: string | null; count?: number | null }) =>
    attention.push({ ...a, decisionId: a.decisionId ?? null, due: a.due ?? null, count: a.count ?? null });
  const convening = mine.items.filter((p) => p.myRoles.includes('convener'));
  const goals = await goalCounts(deps.database.db, convening.map((p) => p.id));
  for (const p of convening) {
    if (!goals.get(p.id)) push({ kind: 'no_goals', partnershipId: p.id, organisationId: null, title: p.name, detail: 'Agree the shared goals and link them to the SDGs' });
    if (p.memberCount < 2) push({ kind: 'no_members', partnershipId: p.id, organisationId: null, title: p.name, detail: 'Invite the partner organisations' });
    if (p.endDate && p.endDate <= deps.clock().slice(0, 10) && p.stage !== 'closed' && p.stage !== 'reviewing') {
      push({ kind: 'stage_review', partnershipId: p.id, organisationId: null, title: p.name, detail: `Its end date ${p.endDate} has passed: review it`, due: p.endDate });
    }
  }
  const today = deps.clock().slice(0, 10);
  for (const d of await reviewsDue(deps.database.db, convening.map((p) => p.id), today))
    push({ kind: 'decision_review', partnershipId: d.partnership_id, organisationId: null, decisionId: d.id, title: `#${d.number} ${d.title}`, detail: `Review due on ${d.review_on}`, due: d.review_on });
  for (const d of await votesAwaited(deps.database.db, actor.id, mine.items.map((p) => p.id), deps.clock()))
    push({ kind: 'vote_needed', partnershipId: d.partnership_id, organisationId: null, decisionId: d.id, title: `#${d.number} ${d.title}`, detail: `Voting closes ${d.closes_at}`, due: d.closes_at });
  // the conveners' queues: reports partners submitted, deliveries partners recorded
  const ids = convening.map((p) => p.id);
  const [reports, deliveries] = await Promise.all([waitingCounts(deps.database.db, 'indicator_submissions', 'submitted', ids), waitingCounts(deps.database.db, 'deliveries', 'recorded', ids)]);
  for (const p of convening) {
    const r = reports.get(p.id) ?? 0;
    const d = deliveries.get(p.id) ?? 0;
    if (r) push({ kind: 'reports_to_review', partnershipId: p.id, organisationId: null, title: p.name, detail: `${r} report${r === 1 ? '' : 's'} to review`, count: r });
    if (d) push({ kind: 'deliveries_to_confirm', partnershipId: p.id, organisationId: null, title: p.name, detail: `${d} deliver${d === 1 ? 'y' : 'ies'} to confirm`, count: d });
  }
  if (organisations.length === 0) push({ kind: 'pending_membership', partnershipId: null, organisationId: null, title: 'Join or register your organisation', detail: null });
  return { user: presentUser(user), partnerships: mine.items, organisations, attention };
}
