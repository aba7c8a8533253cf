import type { Deps, Unit } from '../context';
import { inTransaction } from '../context';
import { DomainError, assertNoIssues, forbidden, issue, notFound } from '../../domain/kernel/errors';
import { msg } from '../../domain/kernel/messages';
import { allowedActions, can, PARTNERSHIP_ACTIONS, type Actor, type Resource } from '../../domain/access/can';
import {
  CREATION_REASON, checkMembershipDates, checkPartnership, checkSdgCodes, decideTransition, personRoleWord, PERSON_ROLES, TRANSITIONS,
  type MemberRole, type PartnershipModel, type PersonRole, type Stage, type Visibility,
} from '../../domain/partnerships/partnership';
import type { Sector } from '../../domain/organisations/organisation';
import * as repo from '../../store/repositories/partnerships.repository';
import * as orgs from '../../store/repositories/organisations.repository';
import * as users from '../../store/repositories/users.repository';
import type { PartnershipRecord, GoalRecord, PartnershipSearch } from '../../store/repositories/partnerships.repository';
import type { Tx } from '../../store/database';
import { scoped } from '../access';

const lists = (deps: Deps) => ({ countries: deps.codelists.sets.countries, sdgCodes: deps.codelists.sets.sdgCodes });
const resourceOf = (p: { id: string; visibility: Visibility }): Resource => ({ type: 'partnership', id: p.id, visibility: p.visibility });
const actorId = (actor: Actor) => (actor.kind === 'user' ? actor.id : null);
const rolesOf = (actor: Actor, id: string): PersonRole[] => (actor.kind === 'user' ? [...(actor.partnershipRoles.get(id) ?? [])] : []);

/**
 * Loads a partnership the actor may read, with the actor's roles in it. A private one the actor may not
 * see is "not found" (anonymous callers are asked to sign in, whether or not it exists).
 */
async function loadReadable(db: Tx, anyActor: Actor, id: string): Promise<{ p: PartnershipRecord; actor: Actor }> {
  const p = await repo.findPartnership(db, id);
  const actor = await scoped(db, anyActor, { partnerships: [id] });
  if (!p || !can(actor, 'partnership.read', resourceOf(p))) {
    if (actor.kind === 'anonymous') throw new DomainError('unauthenticated', msg('partnerships.sign_in_to_see'));
    throw notFound(msg('partnerships.the_partnership'));
  }
  return { p, actor };
}

/**
 * Loads a partnership and checks one action: 404 when it cannot even be read, 403 when read-only.
 * Every capability of a partnership (governance, disputes, ledger...) authorises through this.
 */
export async function loadFor(db: Tx | Unit, anyActor: Actor, id: string, action: Parameters<typeof can>[1]): Promise<{ p: PartnershipRecord; actor: Actor }> {
  // inside a unit of work the partnership row is locked first: concurrent writes to it take turns
  if ('lock' in db) await db.lock('partnerships', id);
  const r = await loadReadable('lock' in db ? db.trx : db, anyActor, id);
  if (!can(r.actor, action, resourceOf(r.p))) throw forbidden(msg(r.actor.kind === 'anonymous' ? 'errors.sign_in_first' : 'errors.role_does_not_allow'));
  return r;
}

const auditable = (p: PartnershipRecord) => {
  const { createdAt, updatedAt, createdBy, ...rest } = p;
  void createdAt; void updatedAt; void createdBy;
  return rest;
};
const presentGoal = (g: GoalRecord) => ({ id: g.id, title: g.title, description: g.description, sdgs: g.sdgs, position: g.position });

/** A partnership as lists show it, with the actor's roles in it and what the actor may do to it. */
export function presentSummary(actor: Actor, p: PartnershipRecord & { memberCount: number }) {
  const { createdBy, ...rest } = p;
  void createdBy;
  return { ...rest, myRoles: rolesOf(actor, p.id), allowedActions: allowedActions(actor, PARTNERSHIP_ACTIONS, resourceOf(p)) };
}

type MemberRow = { id: string; organisation_id: string; name: string; sector: string; country: string | null; role: string; joined_on: string; left_on: string | null };
const presentMember = (m: MemberRow) => ({
  id: m.id, organisationId: m.organisation_id, organisationName: m.name, sector: m.sector as Sector, country: m.country,
  role: m.role as MemberRole, joinedOn: m.joined_on, leftOn: m.left_on,
});

async function members(db: Tx, id: string) {
  return (await repo.listMembers(db, id)).map(presentMember);
}

type FullTransition = { id: string; from: Stage | null; to: Stage; at: string; reason: string; actorId: string | null; actorName: string | null };

async function fullTransitions(db: Tx, id: string): Promise<FullTransition[]> {
  return (await repo.listTransitions(db, id)).map((t) => ({
    id: t.id, from: t.from_stage as Stage | null, to: t.to_stage as Stage, at: t.at, reason: t.reason, actorId: t.actor_id, actorName: t.actor_name ?? null,
  }));
}

/** Reasons and names are for participants; the public sees the dates of the stages. */
const presentTransitions = (all: readonly FullTransition[], full: boolean): FullTransition[] =>
  full ? [...all] : all.map((t) => ({ ...t, reason: '', actorId: null, actorName: null }));

async function transitions(db: Tx, id: string, full: boolean) {
  return presentTransitions(await fullTransitions(db, id), full);
}

/** Everything an overview shows, whoever asks; what each person may see is decided when presenting. */
interface OverviewData {
  p: PartnershipRecord;
  goals: GoalRecord[];
  members: Awaited<ReturnType<typeof members>>;
  transitions: FullTransition[];
}

async function overviewData(db: Tx, p: PartnershipRecord): Promise<OverviewData> {
  const [goals, mem, trans] = await Promise.all([repo.listGoals(db, p.id), members(db, p.id), fullTransitions(db, p.id)]);
  return { p, goals, members: mem, transitions: trans };
}

function presentDetail(actor: Actor, d: OverviewData) {
  const res = resourceOf(d.p);
  return {
    ...presentSummary(actor, { ...d.p, memberCount: d.members.filter((m) => !m.leftOn).length }),
    goals: d.goals.map(presentGoal),
    members: d.members,
    transitions: presentTransitions(d.transitions, can(actor, 'partnership.readPrivate', res)),
    nextStages: can(actor, 'partnership.transition', res) ? [...TRANSITIONS[d.p.stage]] : [],
  };
}

/** The overview of one partnership with what this actor may do (inside a write: never cached). */
export async function partnershipDetail(db: Tx, actor: Actor, p: PartnershipRecord) {
  return presentDetail(actor, await overviewData(db, p));
}

/** The overview's data from the node's read cache when fresh, else from the database (and kept), with the token taken before the read. */
async function cachedOverview(deps: Deps, id: string): Promise<{ token: string; data: OverviewData | null }> {
  const token = deps.cache.overviewToken(id);
  let data = deps.cache.getOverview<OverviewData | null>(id);
  if (data === undefined) {
    const p = await repo.findPartnership(deps.database.db, id);
    data = p ? await overviewData(deps.database.db, p) : null;
    deps.cache.setOverview(id, data, token);
  }
  return { token, data };
}

/** A missing or private partnership the actor may not see: anonymous callers are asked to sign in, others are told it does not exist. */
function assertReadable(actor: Actor, data: OverviewData | null): asserts data is OverviewData {
  if (data && can(actor, 'partnership.read', resourceOf(data.p))) return;
  if (actor.kind === 'anonymous') throw new DomainError('unauthenticated', msg('partnerships.sign_in_to_see'));
  throw notFound(msg('partnerships.the_partnership'));
}

const byPower = (a: PersonRole, b: PersonRole) => PERSON_ROLES.indexOf(a) - PERSON_ROLES.indexOf(b);

/**
 * The actor with its roles in this partnership, from the read cache when fresh (kept about a second, dropped by
 * any event of the partnership), sorted so that people with the same roles are presented alike.
 */
async function withRolesIn(deps: Deps, anyActor: Actor, id: string): Promise<Actor> {
  if (anyActor.kind !== 'user') return anyActor;
  let roles = deps.cache.getRoles(id, anyActor.id);
  if (!roles) {
    const token = deps.cache.rolesToken(id);
    const loaded = await scoped(deps.database.db, anyActor, { partnerships: [id] });
    roles = [...((loaded.kind === 'user' && loaded.partnershipRoles.get(id)) || [])].sort(byPower);
    deps.cache.setRoles(id, anyActor.id, roles, token);
  }
  return { ...anyActor, partnershipRoles: new Map([...anyActor.partnershipRoles, [id, roles]]) };
}

/**
 * The overview as the API writes it (`write`: the route's serialiser), from the cache when a reader of the same
 * signature asked before. The answer depends on the reader only through `can` on this partnership and their roles
 * in it (myRoles), so the signature is: anonymous or user, admin or not, and their roles here. It is kept with
 * the overview data it was written from and dropped with it (any event of the partnership, TTL); roles are
 * cached for about a second and dropped by the same events, so a removed or new role shows at once on this node.
 */
export async function getPartnershipAnswer(deps: Deps, anyActor: Actor, id: string, write: (detail: ReturnType<typeof presentDetail>) => string): Promise<string> {
  const { token, data } = await cachedOverview(deps, id);
  // no partnership: refused whatever the roles, and random ids do not fill the role cache
  if (!data) assertReadable(anyActor, data);
  const actor = await withRolesIn(deps, anyActor, id);
  assertReadable(actor, data);
  const signature = actor.kind === 'user' ? `user:${actor.isAdmin ? 'admin' : ''}:${(actor.partnershipRoles.get(id) ?? []).join(',')}` : 'anonymous';
  const cached = deps.cache.getOverviewBody(id, signature, data);
  if (cached !== undefined) return cached;
  const body = write(presentDetail(actor, data));
  deps.cache.setOverviewBody(id, signature, body, data, token);
  return body;
}

export async function listPartnerships(deps: Deps, anyActor: Actor, q: Omit<PartnershipSearch, 'viewer' | 'mineOf'> & { mine?: boolean }) {
  const db = deps.database.db;
  const user = anyActor.kind === 'user' ? anyActor : null;
  const page = await repo.searchPartnerships(db, {
    ...q,
    viewer: user ? (user.isAdmin ? 'admin' : user.id) : null,
    mineOf: q.mine && user ? user.id : undefined,
  });
  const actor = await scoped(db, anyActor, { partnerships: page.items.map((p) => p.id) });
  return { items: page.items.map((p) => presentSummary(actor, p)), nextCursor: page.nextCursor };
}

export interface CreatePartnershipInput {
  name: string;
  purpose: string;
  model: PartnershipModel;
  visibility: Visibility;
  startDate?: string | null;
  endDate?: string | null;
  countries: string[];
  sectors: Sector[];
  convenerOrganisationId: string;
  goals: { title: string; description?: string | null; sdgs: string[] }[];
}

/** Creates a partnership in scoping; the creator's organisation convenes it and the creator is its convener. */
export async function createPartnership(deps: Deps, anyActor: Actor, input: CreatePartnershipInput) {
  if (anyActor.kind !== 'user' || !can(anyActor, 'partnership.create', { type: 'platform' })) throw forbidden(msg('partnerships.sign_in_to_create'));
  const actor = (await scoped(deps.database.db, anyActor, { organisations: [input.convenerOrganisationId] })) as Extract<Actor, { kind: 'user' }>;
  const issues = [
    ...checkPartnership(input, lists(deps)),
    ...input.goals.flatMap((g, i) => checkSdgCodes(g.sdgs, lists(deps), `goals.${i}.sdgs`)),
  ];
  if (!actor.isAdmin && !actor.organisationRoles.has(input.convenerOrganisationId)) {
    issues.push(issue('convenerOrganisationId', msg('partnerships.choose_own_organisation')));
  }
  assertNoIssues(issues, msg('partnerships.invalid_fields'));
  return inTransaction(deps, async (u) => {
    const convener = await orgs.findOrganisation(u.trx, input.convenerOrganisationId);
    if (!convener) throw new DomainError('validation_failed', msg('partnerships.convener_missing'), [issue('convenerOrganisationId', msg('partnerships.unknown_organisation'))]);
    const p: PartnershipRecord = {
      id: deps.newId(), name: input.name.trim(), purpose: input.purpose.trim(), model: input.model, visibility: input.visibility, stage: 'scoping',
      startDate: input.startDate ?? null, endDate: input.endDate ?? null, countries: [...new Set(input.countries)], sectors: [...new Set(input.sectors)],
      createdBy: actor.id, createdAt: u.now, updatedAt: u.now,
    };
    await repo.insertPartnership(u.trx, p);
    await u.audit({ partnershipId: p.id, actorId: actor.id, action: 'partnership.created', entityType: 'partnership', entityId: p.id, after: auditable(p) });
    await recordTransition(deps, u, p.id, actor.id, null, 'scoping', CREATION_REASON);
    const member = { id: deps.newId(), partnershipId: p.id, organisationId: convener.id, role: 'convener' as MemberRole, joinedOn: input.startDate ?? u.now.slice(0, 10), leftOn: null, createdAt: u.now, updatedAt: u.now };
    await repo.insertMember(u.trx, member);
    await u.audit({ partnershipId: p.id, actorId: actor.id, action: 'member.added', entityType: 'partnership_member', entityId: member.id, after: { organisationId: convener.id, role: 'convener', joinedOn: member.joinedOn } });
    const person = { id: deps.newId(), partnership_id: p.id, user_id: actor.id, organisation_id: convener.id, role: 'convener', created_at: u.now };
    await repo.insertPerson(u.trx, person);
    await u.audit({ partnershipId: p.id, actorId: actor.id, action: 'person.added', entityType: 'partnership_person', entityId: person.id, after: { userId: actor.id, organisationId: convener.id, role: 'convener' } });
    let position = 0;
    for (const g of input.goals) await addGoalIn(deps, u, p.id, actor.id, g, position++);
    const withRole: Actor = { ...actor, partnershipRoles: new Map([...actor.partnershipRoles, [p.id, ['convener']]]) };
    return partnershipDetail(u.trx, withRole, p);
  });
}

async function recordTransition(deps: Deps, u: Unit, partnershipId: string, actor: string | null, from: Stage | null, to: Stage, reason: string) {
  const t = { id: deps.newId(), partnership_id: partnershipId, from_stage: from, to_stage: to, reason, actor_id: actor, at: u.now };
  await repo.insertTransition(u.trx, t);
  await u.audit({ partnershipId, actorId: actor, action: 'partnership.stage_changed', entityType: 'transition', entityId: t.id, before: from ? { stage: from } : null, after: { stage: to, reason } });
}

export async function updatePartnership(deps: Deps, anyActor: Actor, id: string, patch: Partial<Pick<PartnershipRecord, 'name' | 'purpose' | 'visibility' | 'startDate' | 'endDate' | 'countries' | 'sectors'>>) {
  return inTransaction(deps, async (u) => {
    const { p: before, actor } = await loadFor(u, anyActor, id, 'partnership.update');
    const next: PartnershipRecord = { ...before, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)), updatedAt: u.now };
    if (patch.countries) next.countries = [...new Set(patch.countries)];
    if (patch.sectors) next.sectors = [...new Set(patch.sectors)];
    assertNoIssues(checkPartnership(next, lists(deps)), msg('partnerships.invalid_fields'));
    await repo.updatePartnershipRow(u.trx, next);
    await u.audit({ partnershipId: id, actorId: actorId(actor), action: 'partnership.updated', entityType: 'partnership', entityId: id, before: auditable(before), after: auditable(next) });
    return partnershipDetail(u.trx, actor, next);
  });
}

/** Moves the partnership along its lifecycle; an illegal move is refused with 409. */
export async function transitionPartnership(deps: Deps, anyActor: Actor, id: string, input: { to: Stage; reason: string }) {
  return inTransaction(deps, async (u) => {
    const { p, actor } = await loadFor(u, anyActor, id, 'partnership.transition');
    const move = decideTransition(p.stage, input.to, input.reason);
    const next = { ...p, stage: move.to, updatedAt: u.now };
    await repo.updatePartnershipRow(u.trx, next);
    await recordTransition(deps, u, id, actorId(actor), move.from, move.to, move.reason);
    return partnershipDetail(u.trx, actor, next);
  });
}

export async function listTransitions(deps: Deps, anyActor: Actor, id: string) {
  const { p, actor } = await loadReadable(deps.database.db, anyActor, id);
  return { items: await transitions(deps.database.db, id, can(actor, 'partnership.readPrivate', resourceOf(p))) };
}

// Goals ------------------------------------------------------------------------------------------

async function addGoalIn(deps: Deps, u: Unit, partnershipId: string, actor: string | null, g: { title: string; description?: string | null; sdgs: string[] }, position: number) {
  const goal: GoalRecord = { id: deps.newId(), partnershipId, title: g.title.trim(), description: g.description ?? null, sdgs: [...g.sdgs], position, createdAt: u.now, updatedAt: u.now };
  await repo.insertGoal(u.trx, goal);
  await u.audit({ partnershipId, actorId: actor, action: 'goal.added', entityType: 'goal', entityId: goal.id, after: presentGoal(goal) });
  return goal;
}

export async function listGoals(deps: Deps, actor: Actor, id: string) {
  await loadReadable(deps.database.db, actor, id);
  return { items: (await repo.listGoals(deps.database.db, id)).map(presentGoal) };
}

export async function addGoal(deps: Deps, actor: Actor, id: string, input: { title: string; description?: string | null; sdgs: string[] }) {
  assertNoIssues(checkSdgCodes(input.sdgs, lists(deps)));
  return inTransaction(deps, async (u) => {
    await loadFor(u, actor, id, 'partnership.goals.manage');
    return presentGoal(await addGoalIn(deps, u, id, actorId(actor), input, await repo.nextGoalPosition(u.trx, id)));
  });
}

export async function updateGoal(deps: Deps, actor: Actor, id: string, goalId: string, patch: { title?: string; description?: string | null; sdgs?: string[] }) {
  if (patch.sdgs) assertNoIssues(checkSdgCodes(patch.sdgs, lists(deps)));
  return inTransaction(deps, async (u) => {
    await loadFor(u, actor, id, 'partnership.goals.manage');
    const before = await repo.findGoal(u.trx, id, goalId);
    if (!before) throw notFound(msg('partnerships.the_goal'));
    const next: GoalRecord = { ...before, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)), updatedAt: u.now };
    await repo.updateGoalRow(u.trx, next);
    await u.audit({ partnershipId: id, actorId: actorId(actor), action: 'goal.updated', entityType: 'goal', entityId: goalId, before: presentGoal(before), after: presentGoal(next) });
    return presentGoal(next);
  });
}

export async function removeGoal(deps: Deps, actor: Actor, id: string, goalId: string) {
  await inTransaction(deps, async (u) => {
    await loadFor(u, actor, id, 'partnership.goals.manage');
    const before = await repo.findGoal(u.trx, id, goalId);
    if (!before) throw notFound(msg('partnerships.the_goal'));
    await repo.deleteGoal(u.trx, goalId);
    await u.audit({ partnershipId: id, actorId: actorId(actor), action: 'goal.removed', entityType: 'goal', entityId: goalId, before: presentGoal(before), after: null });
  });
}

// Member organisations ---------------------------------------------------------------------------

export async function listMembers(deps: Deps, actor: Actor, id: string, f: { status: 'current' | 'left' | 'all'; role?: MemberRole; sort?: string; cursor?: string; limit: number } = { status: 'all', limit: 200 }) {
  await loadReadable(deps.database.db, actor, id);
  const page = await repo.pageMembers(deps.database.db, id, f);
  return {
    items: page.items.map(presentMember),
    nextCursor: page.nextCursor,
  };
}

export async function addMember(deps: Deps, actor: Actor, id: string, input: { organisationId: string; role: MemberRole; joinedOn?: string }) {
  return inTransaction(deps, async (u) => {
    await loadFor(u, actor, id, 'partnership.members.manage');
    const org = await orgs.findOrganisation(u.trx, input.organisationId);
    if (!org) throw new DomainError('validation_failed', msg('partnerships.organisation_missing'), [issue('organisationId', msg('partnerships.unknown_organisation'))]);
    if (await repo.findCurrentMembership(u.trx, id, org.id)) {
      throw new DomainError('duplicate', msg('partnerships.already_member', { name: org.name }), [issue('organisationId', msg('partnerships.already_a_member'))]);
    }
    const m = { id: deps.newId(), partnershipId: id, organisationId: org.id, role: input.role, joinedOn: input.joinedOn ?? u.now.slice(0, 10), leftOn: null, createdAt: u.now, updatedAt: u.now };
    await repo.insertMember(u.trx, m);
    await u.audit({ partnershipId: id, actorId: actorId(actor), action: 'member.added', entityType: 'partnership_member', entityId: m.id, after: { organisationId: org.id, role: m.role, joinedOn: m.joinedOn } });
    return { id: m.id, organisationId: org.id, organisationName: org.name, sector: org.sector, country: org.country, role: m.role, joinedOn: m.joinedOn, leftOn: null };
  });
}

/**
 * Changes a member's role or records that it left. A member that left keeps its history; the roles its people
 * held through it (representative, member, observer, convener) end with it, each removal audited.
 */
export async function updateMember(deps: Deps, actor: Actor, id: string, memberId: string, patch: { role?: MemberRole; leftOn?: string | null }) {
  return inTransaction(deps, async (u) => {
    await loadFor(u, actor, id, 'partnership.members.manage');
    const before = await repo.findMember(u.trx, id, memberId);
    if (!before) throw notFound(msg('partnerships.the_member'));
    const next = { ...before, role: patch.role ?? before.role, leftOn: patch.leftOn === undefined ? before.leftOn : patch.leftOn, updatedAt: u.now };
    assertNoIssues(checkMembershipDates(next.joinedOn, next.leftOn));
    const stopsConvening = before.role === 'convener' && !before.leftOn && (next.role !== 'convener' || next.leftOn !== null);
    if (stopsConvening && (await repo.countCurrentConvenerMembers(u.trx, id)) <= 1) {
      throw new DomainError('conflict', msg('partnerships.keeps_convening_organisation'), [issue(next.leftOn ? 'leftOn' : 'role', msg('partnerships.last_convening_organisation'))]);
    }
    if (before.leftOn && next.leftOn === null && (await repo.findCurrentMembership(u.trx, id, before.organisationId))) {
      throw new DomainError('duplicate', msg('partnerships.rejoined'), [issue('leftOn', msg('partnerships.already_current_member'))]);
    }
    const leaves = !before.leftOn && !!next.leftOn;
    await repo.updateMemberRow(u.trx, next);
    await u.audit({ partnershipId: id, actorId: actorId(actor), action: leaves ? 'member.left' : 'member.updated', entityType: 'partnership_member', entityId: memberId, before: { role: before.role, leftOn: before.leftOn }, after: { role: next.role, leftOn: next.leftOn } });
    // the organisation's people stop acting for it: the roles they held through it end with its membership
    if (leaves) await endRolesHeldThrough(u, actor, await repo.peopleThrough(u.trx, id, before.organisationId), 'leftOn');
    const org = (await orgs.findOrganisation(u.trx, before.organisationId))!;
    return { id: memberId, organisationId: org.id, organisationName: org.name, sector: org.sector, country: org.country, role: next.role, joinedOn: next.joinedOn, leftOn: next.leftOn };
  });
}

// People -----------------------------------------------------------------------------------------

type PersonRow = Awaited<ReturnType<typeof repo.peopleThrough>>[number];

/**
 * Ends partnership roles held on behalf of an organisation that no longer stands behind them (it left the
 * partnership, or the person left it), each removal audited in its partnership's chain. Refused with 409, naming
 * `field` when given, where it would leave a partnership without a convener.
 */
export async function endRolesHeldThrough(u: Unit, actor: Actor, rows: readonly PersonRow[], field?: string): Promise<void> {
  const conveners = new Map<string, number>();
  for (const r of rows) if (r.role === 'convener') conveners.set(r.partnership_id, (conveners.get(r.partnership_id) ?? 0) + 1);
  for (const [partnershipId, n] of conveners) {
    if ((await repo.countConveners(u.trx, partnershipId)) - n < 1) {
      throw new DomainError('conflict', msg('partnerships.would_leave_without_convener'), field ? [issue(field, msg('partnerships.last_convener_acts_for_organisation'))] : []);
    }
  }
  for (const r of rows) {
    await repo.deletePerson(u.trx, r.id);
    await u.audit({ partnershipId: r.partnership_id, actorId: actorId(actor), action: 'person.removed', entityType: 'partnership_person', entityId: r.id, before: { userId: r.user_id, organisationId: r.organisation_id, role: r.role }, after: null });
  }
}

export async function listPeople(deps: Deps, actor: Actor, id: string, f: { role?: PersonRole; sort?: string; cursor?: string; limit: number } = { limit: 200 }) {
  await loadFor(deps.database.db, actor, id, 'partnership.people.read');
  const page = await repo.listPeople(deps.database.db, id, f);
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((r) => ({ id: r.id, userId: r.user_id, name: r.name, email: r.email, organisationId: r.organisation_id, organisationName: r.organisation_name ?? null, role: r.role as PersonRole, since: r.created_at })),
  };
}

/** Gives a person a role; representatives act for an organisation that is a current member and that they belong to. */
export async function addPerson(deps: Deps, actor: Actor, id: string, input: { email: string; role: PersonRole; organisationId?: string | null }) {
  return inTransaction(deps, async (u) => {
    await loadFor(u, actor, id, 'partnership.members.manage');
    const user = await users.findUserByEmail(u.trx, input.email);
    if (!user) throw new DomainError('validation_failed', msg('accounts.no_account_uses', { email: input.email }), [issue('email', msg('accounts.no_account_with_email'))]);
    const orgId = input.organisationId ?? null;
    if (input.role === 'representative' && !orgId) {
      throw new DomainError('validation_failed', msg('partnerships.representative_needs_organisation'), [issue('organisationId', msg('partnerships.choose_represented_organisation'))]);
    }
    let orgName: string | null = null;
    if (orgId) {
      const org = await orgs.findOrganisation(u.trx, orgId);
      if (!org || !(await repo.findCurrentMembership(u.trx, id, orgId))) {
        throw new DomainError('validation_failed', msg('partnerships.not_current_member_organisation'), [issue('organisationId', msg('partnerships.not_a_current_member'))]);
      }
      if (!(await orgs.findOrganisationPerson(u.trx, orgId, user.id))) {
        throw new DomainError('validation_failed', msg('partnerships.person_not_in_organisation', { person: user.name, organisation: org.name }), [issue('organisationId', msg('partnerships.person_must_belong'))]);
      }
      orgName = org.name;
    }
    if (await repo.findPersonRole(u.trx, id, user.id, input.role)) {
      throw new DomainError('duplicate', msg('partnerships.already_has_role', { person: user.name, role: personRoleWord(input.role) }), [issue('role', msg('partnerships.already_holds_role'))]);
    }
    const row = { id: deps.newId(), partnership_id: id, user_id: user.id, organisation_id: orgId, role: input.role, created_at: u.now };
    await repo.insertPerson(u.trx, row);
    await u.audit({ partnershipId: id, actorId: actorId(actor), action: 'person.added', entityType: 'partnership_person', entityId: row.id, after: { userId: user.id, organisationId: orgId, role: input.role } });
    return { id: row.id, userId: user.id, name: user.name, email: user.email, organisationId: orgId, organisationName: orgName, role: input.role, since: u.now };
  });
}

export async function removePerson(deps: Deps, actor: Actor, id: string, personId: string) {
  await inTransaction(deps, async (u) => {
    await loadFor(u, actor, id, 'partnership.members.manage');
    const row = await repo.findPerson(u.trx, id, personId);
    if (!row) throw notFound(msg('partnerships.that_person'));
    if (row.role === 'convener' && (await repo.countConveners(u.trx, id)) <= 1) {
      throw new DomainError('conflict', msg('partnerships.keeps_one_convener'));
    }
    await repo.deletePerson(u.trx, personId);
    await u.audit({ partnershipId: id, actorId: actorId(actor), action: 'person.removed', entityType: 'partnership_person', entityId: personId, before: { userId: row.user_id, organisationId: row.organisation_id, role: row.role }, after: null });
  });
}

/** Checks that the actor may subscribe to the live events of a partnership. */
export async function authoriseEvents(deps: Deps, actor: Actor, id: string) {
  await loadFor(deps.database.db, actor, id, 'partnership.events.subscribe');
}
