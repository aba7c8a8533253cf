import type { Deps } from '../../src/services/context';
import { createUser, actorFor } from '../../src/services/accounts/accounts';
import { hashPassword } from '../../src/services/accounts/passwords';
import { createOrganisation, addOrganisationPerson } from '../../src/services/organisations/organisations';
import { createPartnership, addMember, addPerson } from '../../src/services/partnerships/partnerships';
import { findUserById } from '../../src/store/repositories/users.repository';
import type { Actor } from '../../src/domain/access/can';

export const PASSWORD = 'correct-horse-battery';
let hashed: Promise<string> | null = null;
const passwordHash = () => (hashed ??= hashPassword(PASSWORD));

/** The roles every access test covers. */
export const PERSONAS = ['anonymous', 'admin', 'convener', 'representative', 'member', 'observer', 'outsider'] as const;
export type Persona = (typeof PERSONAS)[number];

export interface World {
  emails: Record<Exclude<Persona, 'anonymous'>, string>;
  users: Record<Exclude<Persona, 'anonymous'>, string>;
  orgs: { convenerOrg: string; partnerOrg: string; otherOrg: string; spareOrg: string };
  /** The partnership every persona but the outsider and admin takes part in; private. */
  partnership: string;
  /** A public partnership of the same convener. */
  publicPartnership: string;
  /** The outsider's own partnership. */
  otherPartnership: string;
  actor(userId: string): Promise<Actor>;
}

/**
 * A small world built through the real services: a private partnership with a person in each role,
 * a public one, and another partnership whose convener is the "outsider".
 */
export async function buildWorld(deps: Deps): Promise<World> {
  const h = await passwordHash();
  const mk = async (key: string, name: string, isAdmin = false) => (await createUser(deps, null, { email: `${key}@test.accord`, name, passwordHash: h, isAdmin })).id;
  const users = {
    admin: await mk('admin', 'Ada Admin', true),
    convener: await mk('convener', 'Cora Convener'),
    representative: await mk('representative', 'Remi Representative'),
    member: await mk('member', 'Mina Member'),
    observer: await mk('observer', 'Otto Observer'),
    outsider: await mk('outsider', 'Oscar Outsider'),
  };
  const emails = Object.fromEntries(Object.keys(users).map((k) => [k, `${k}@test.accord`])) as World['emails'];
  const actor = async (id: string) => actorFor(deps, (await findUserById(deps.database.db, id))!);

  const convenerOrg = (await createOrganisation(deps, await actor(users.convener), { name: 'City of Testville', sector: 'public', iatiType: '11', country: 'KE' })).id;
  const partnerOrg = (await createOrganisation(deps, await actor(users.representative), { name: 'Acme Water Ltd', sector: 'private', iatiType: '70', country: 'KE', offers: ['engineering'] })).id;
  const otherOrg = (await createOrganisation(deps, await actor(users.outsider), { name: 'Elsewhere Foundation', sector: 'philanthropic', iatiType: '60', country: 'FR' })).id;
  const spareOrg = (await createOrganisation(deps, await actor(users.outsider), { name: 'Spare University', sector: 'academic', iatiType: '80', country: 'BR' })).id;
  await addOrganisationPerson(deps, await actor(users.convener), convenerOrg, { email: emails.member, role: 'member' });
  await addOrganisationPerson(deps, await actor(users.convener), convenerOrg, { email: emails.observer, role: 'member' });

  const base = { purpose: 'Clean water for every household in Testville by 2030.', model: 'ppp' as const, countries: ['KE'], sectors: ['public' as const, 'private' as const], goals: [{ title: 'Safe water', sdgs: ['6', '6.1'] }] };
  const partnership = (await createPartnership(deps, await actor(users.convener), { ...base, name: 'Testville Water PPP', visibility: 'private', convenerOrganisationId: convenerOrg })).id;
  const publicPartnership = (await createPartnership(deps, await actor(users.convener), { ...base, name: 'Testville Open Data Alliance', model: 'msi', visibility: 'public', convenerOrganisationId: convenerOrg })).id;
  const convener = await actor(users.convener);
  await addMember(deps, convener, partnership, { organisationId: partnerOrg, role: 'partner' });
  await addPerson(deps, convener, partnership, { email: emails.representative, role: 'representative', organisationId: partnerOrg });
  await addPerson(deps, convener, partnership, { email: emails.member, role: 'member', organisationId: convenerOrg });
  await addPerson(deps, convener, partnership, { email: emails.observer, role: 'observer' });
  await addMember(deps, convener, publicPartnership, { organisationId: partnerOrg, role: 'partner' });
  await addPerson(deps, convener, publicPartnership, { email: emails.representative, role: 'representative', organisationId: partnerOrg });
  await addPerson(deps, convener, publicPartnership, { email: emails.member, role: 'member' });
  await addPerson(deps, convener, publicPartnership, { email: emails.observer, role: 'observer' });
  const otherPartnership = (await createPartnership(deps, await actor(users.outsider), { ...base, name: 'Elsewhere Forest Initiative', model: 'msi', visibility: 'private', convenerOrganisationId: otherOrg })).id;
  return { emails, users, orgs: { convenerOrg, partnerOrg, otherOrg, spareOrg }, partnership, publicPartnership, otherPartnership, actor };
}
