import type { Deps } from '../context';
import { inTransaction } from '../context';
import { DomainError, forbidden, issue, notFound } from '../../domain/kernel/errors';
import { msg } from '../../domain/kernel/messages';
import { allowedActions, can, ORGANISATION_ACTIONS, type Actor } from '../../domain/access/can';
import { assertValidOrganisation, normaliseTag, type OrganisationDraft, type OrganisationRole } from '../../domain/organisations/organisation';
import * as orgs from '../../store/repositories/organisations.repository';
import * as users from '../../store/repositories/users.repository';
import * as partnerships from '../../store/repositories/partnerships.repository';
import type { OrganisationRecord, OrganisationSearch } from '../../store/repositories/organisations.repository';
import { scoped } from '../access';
import { endRolesHeldThrough } from '../partnerships/partnerships';

const lists = (deps: Deps) => ({
  organisationTypes: deps.codelists.sets.organisationTypes,
  registrationAgencies: deps.codelists.sets.registrationAgencies,
  countries: deps.codelists.sets.countries,
});

/** The organisation as the API shows it, with what this actor may do to it. */
export function presentOrganisation(actor: Actor, o: OrganisationRecord) {
  const { createdBy, ...rest } = o;
  void createdBy;
  return { ...rest, allowedActions: allowedActions(actor, ORGANISATION_ACTIONS, { type: 'organisation', id: o.id }) };
}

const auditable = (o: OrganisationRecord) => {
  const { createdAt, updatedAt, createdBy, ...rest } = o;
  void createdAt; void updatedAt; void createdBy;
  return rest;
};

async function assertIdentifierFree(deps: Deps, trx: Deps['database']['db'], iatiIdentifier: string | null | undefined, selfId?: string) {
  if (!iatiIdentifier) return;
  const other = await orgs.findOrganisationByIatiId(trx, iatiIdentifier);
  if (other && other.id !== selfId) {
    throw new DomainError('duplicate', msg('organisations.identifier_taken', { name: other.name, identifier: iatiIdentifier }), [issue('iatiIdentifier', msg('organisations.identifier_used_by', { name: other.name }))], { organisationId: other.id });
  }
  void deps;
}

/** Registers an organisation; the creator becomes its org-admin. */
export async function createOrganisation(deps: Deps, actor: Actor, input: OrganisationDraft) {
  if (actor.kind !== 'user' || !can(actor, 'organisation.create', { type: 'platform' })) throw forbidden(msg('organisations.sign_in_to_register'));
  assertValidOrganisation(input, lists(deps));
  return inTransaction(deps, async (u) => {
    await assertIdentifierFree(deps, u.trx, input.iatiIdentifier);
    const record: OrganisationRecord = {
      id: deps.newId(),
      name: input.name.trim(),
      sector: input.sector,
      iatiType: input.iatiType ?? null,
      country: input.country ?? null,
      iatiIdentifier: input.iatiIdentifier ?? null,
      website: input.website ?? null,
      description: input.description ?? null,
      offers: [...new Set((input.offers ?? []).map(normaliseTag))],
      seeks: [...new Set((input.seeks ?? []).map(normaliseTag))],
      createdBy: actor.id,
      createdAt: u.now,
      updatedAt: u.now,
    };
    await orgs.insertOrganisation(u.trx, record);
    await orgs.upsertOrganisationPerson(u.trx, record.id, actor.id, 'org_admin', u.now);
    await u.audit({ partnershipId: null, actorId: actor.id, action: 'organisation.created', entityType: 'organisation', entityId: record.id, after: auditable(record) });
    await u.audit({ partnershipId: null, actorId: actor.id, action: 'organisation.person_added', entityType: 'organisation_person', entityId: `${record.id}:${actor.id}`, after: { organisationId: record.id, userId: actor.id, role: 'org_admin' } });
    const withRole: Actor = { ...actor, organisationRoles: new Map([...actor.organisationRoles, [record.id, 'org_admin']]) };
    return presentOrganisation(withRole, record);
  });
}

export async function updateOrganisation(deps: Deps, anyActor: Actor, id: string, patch: Partial<OrganisationDraft>) {
  return inTransaction(deps, async (u) => {
    await u.lock('organisations', id);
    const actor = await scoped(u.trx, anyActor, { organisations: [id] });
    const before = await orgs.findOrganisation(u.trx, id);
    if (!before) throw notFound(msg('organisations.the_organisation'));
    if (!can(actor, 'organisation.update', { type: 'organisation', id })) throw forbidden(msg('organisations.only_admins_edit'));
    assertValidOrganisation(patch, lists(deps)); // as sent: repeated tags are refused, not silently merged
    const next: OrganisationRecord = {
      ...before,
      ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
      offers: patch.offers ? [...new Set(patch.offers.map(normaliseTag))] : before.offers,
      seeks: patch.seeks ? [...new Set(patch.seeks.map(normaliseTag))] : before.seeks,
      updatedAt: u.now,
    };
    assertValidOrganisation(next, lists(deps));
    await assertIdentifierFree(deps, u.trx, next.iatiIdentifier, id);
    await orgs.updateOrganisationRow(u.trx, next);
    await u.audit({ partnershipId: null, actorId: actor.kind === 'user' ? actor.id : null, action: 'organisation.updated', entityType: 'organisation', entityId: id, before: auditable(before), after: auditable(next) });
    return presentOrganisation(actor, next);
  });
}

export async function getOrganisation(deps: Deps, anyActor: Actor, id: string) {
  const o = await orgs.findOrganisation(deps.database.db, id);
  const actor = await withOrganisationRoles(deps, anyActor, [id]);
  if (!o || !can(actor, 'organisation.read', { type: 'organisation', id })) throw notFound(msg('organisations.the_organisation'));
  return presentOrganisation(actor, o);
}

/**
 * The actor with its roles in these organisations (for reads: a write checks inside its transaction with
 * `scoped`), from the read cache when fresh (about a second, dropped by any change of an organisation's people)
 * and otherwise from one indexed look-up of the missing ones. Roles in other organisations are left out.
 */
async function withOrganisationRoles(deps: Deps, actor: Actor, ids: readonly string[]): Promise<Actor> {
  if (actor.kind !== 'user') return actor;
  const { known, missing } = deps.cache.getOrganisationRoles(actor.id, ids);
  if (missing.length > 0) {
    const token = deps.cache.organisationRolesToken();
    const loaded = await scoped(deps.database.db, actor, { organisations: missing });
    const found = new Map<string, OrganisationRole | null>(missing.map((id) => [id, loaded.kind === 'user' ? (loaded.organisationRoles.get(id) ?? null) : null]));
    deps.cache.setOrganisationRoles(actor.id, found, token);
    for (const [id, role] of found) known.set(id, role);
  }
  const organisationRoles = new Map([...actor.organisationRoles].filter(([id]) => !known.has(id)));
  for (const [id, role] of known) if (role) organisationRoles.set(id, role);
  return { ...actor, organisationRoles };
}

/** A page of results is the same whoever asks: cached per query until an organisation changes. */
async function searchPage(deps: Deps, query: OrganisationSearch) {
  const key = JSON.stringify([query.q ?? '', query.sector ?? '', query.country ?? '', query.tag ?? '', query.tagKind ?? '', query.sort, query.cursor ?? '', query.limit]);
  const token = deps.cache.searchToken();
  let page = deps.cache.getSearch<Awaited<ReturnType<typeof orgs.searchOrganisations>>>(key);
  if (!page) {
    page = await orgs.searchOrganisations(deps.database.db, query);
    deps.cache.setSearch(key, page, token);
  }
  return { key, token, page };
}

export async function searchOrganisations(deps: Deps, actor: Actor, query: OrganisationSearch) {
  const { page } = await searchPage(deps, query);
  actor = await withOrganisationRoles(deps, actor, page.items.map((o) => o.id));
  return { items: page.items.map((o) => presentOrganisation(actor, o)), nextCursor: page.nextCursor };
}

/**
 * A search page as the API writes it, from the cache when a reader with the same roles on these organisations asked
 * before: every reader's roles are loaded for each request (so a new role changes what is answered at once), and
 * readers with the same signature (kind, admin, their role on each listed organisation) get the same bytes. `write`
 * turns the page into the answer (the route's serialiser); it runs once per page and signature until an
 * organisation changes.
 */
export async function searchOrganisationsAnswer(deps: Deps, actor: Actor, query: OrganisationSearch, write: (page: Awaited<ReturnType<typeof searchOrganisations>>) => string): Promise<string> {
  const { key, token, page } = await searchPage(deps, query);
  const scopedActor = await withOrganisationRoles(deps, actor, page.items.map((o) => o.id));
  const signature = scopedActor.kind === 'user' ? `user:${scopedActor.isAdmin ? 'admin' : ''}:${page.items.map((o) => scopedActor.organisationRoles.get(o.id) ?? '').join(',')}` : 'anonymous';
  const bodyKey = `${key}\u0000${signature}`;
  const cached = deps.cache.getSearchBody(bodyKey);
  if (cached !== undefined) return cached;
  const body = write({ items: page.items.map((o) => presentOrganisation(scopedActor, o)), nextCursor: page.nextCursor });
  deps.cache.setSearchBody(bodyKey, body, token);
  return body;
}

export async function listOrganisationPeople(deps: Deps, anyActor: Actor, id: string) {
  const actor = await scoped(deps.database.db, anyActor, { organisations: [id] });
  const o = await orgs.findOrganisation(deps.database.db, id);
  if (!o) throw notFound(msg('organisations.the_organisation'));
  if (!can(actor, 'organisation.members.read', { type: 'organisation', id })) throw forbidden(msg('organisations.only_people_see_members'));
  const rows = await orgs.listOrganisationPeople(deps.database.db, id);
  return { items: rows.map((r) => ({ userId: r.user_id, name: r.name, email: r.email, role: r.role as OrganisationRole, since: r.created_at })) };
}

export async function addOrganisationPerson(deps: Deps, anyActor: Actor, id: string, input: { email: string; role: OrganisationRole }) {
  return inTransaction(deps, async (u) => {
    await u.lock('organisations', id);
    const actor = await scoped(u.trx, anyActor, { organisations: [id] });
    const o = await orgs.findOrganisation(u.trx, id);
    if (!o) throw notFound(msg('organisations.the_organisation'));
    if (!can(actor, 'organisation.members.manage', { type: 'organisation', id })) throw forbidden(msg('organisations.only_admins_add'));
    const user = await users.findUserByEmail(u.trx, input.email);
    if (!user) throw new DomainError('validation_failed', msg('accounts.no_account_uses', { email: input.email }), [issue('email', msg('organisations.no_account_ask_admin'))]);
    const existing = await orgs.findOrganisationPerson(u.trx, id, user.id);
    if (existing?.role === 'org_admin' && input.role !== 'org_admin' && (await orgs.countOrganisationAdmins(u.trx, id)) <= 1) {
      throw new DomainError('conflict', msg('organisations.keeps_one_admin'), [issue('role', msg('organisations.the_last_admin'))]);
    }
    await orgs.upsertOrganisationPerson(u.trx, id, user.id, input.role, u.now);
    await u.audit({ partnershipId: null, actorId: actor.kind === 'user' ? actor.id : null, action: existing ? 'organisation.person_role_changed' : 'organisation.person_added', entityType: 'organisation_person', entityId: `${id}:${user.id}`, before: existing ? { role: existing.role } : null, after: { organisationId: id, userId: user.id, role: input.role } });
    return { userId: user.id, name: user.name, email: user.email, role: input.role, since: existing?.created_at ?? u.now };
  });
}

export async function removeOrganisationPerson(deps: Deps, anyActor: Actor, id: string, userId: string) {
  await inTransaction(deps, async (u) => {
    await u.lock('organisations', id);
    const actor = await scoped(u.trx, anyActor, { organisations: [id] });
    const o = await orgs.findOrganisation(u.trx, id);
    if (!o) throw notFound(msg('organisations.the_organisation'));
    if (!can(actor, 'organisation.members.manage', { type: 'organisation', id })) throw forbidden(msg('organisations.only_admins_remove'));
    const existing = await orgs.findOrganisationPerson(u.trx, id, userId);
    if (!existing) throw notFound(msg('organisations.that_person'));
    if (existing.role === 'org_admin' && (await orgs.countOrganisationAdmins(u.trx, id)) <= 1) {
      throw new DomainError('conflict', msg('organisations.keeps_one_admin'));
    }
    await orgs.deleteOrganisationPerson(u.trx, id, userId);
    await u.audit({ partnershipId: null, actorId: actor.kind === 'user' ? actor.id : null, action: 'organisation.person_removed', entityType: 'organisation_person', entityId: `${id}:${userId}`, before: { organisationId: id, userId, role: existing.role }, after: null });
    // a person who leaves an organisation stops acting for it in its partnerships
    await endRolesHeldThrough(u, actor, await partnerships.rolesThrough(u.trx, userId, id));
  });
}
