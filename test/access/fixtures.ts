import { randomBytes } from 'node:crypto';
import type { TestApp, Session } from '../support/app';
import { signIn } from '../support/app';
import { PASSWORD, PERSONAS, type Persona, type World } from '../support/world';
import { createUser, createToken, requestPasswordReset } from '../../src/services/accounts/accounts';
import { hashPassword } from '../../src/services/accounts/passwords';
import { createOrganisation, addOrganisationPerson } from '../../src/services/organisations/organisations';
import { createPartnership, addGoal, addMember, addPerson } from '../../src/services/partnerships/partnerships';

/**
 * What a route case may use to build its request: the app and world, the persona's session, and
 * helpers that make fresh targets so one test's write never breaks another test.
 */
export interface Fixture {
  t: TestApp;
  w: World;
  sessions: Record<Persona, Session | null>;
  /** A new account (password PASSWORD) that belongs to nothing. */
  freshUser(): Promise<{ id: string; email: string }>;
  /** A new organisation registered by a bystander account (so no persona's roles change). */
  freshOrg(): Promise<string>;
  /** A new private partnership shaped like `w.partnership`: convener, representative, member, observer. */
  freshPartnership(): Promise<string>;
  /** A new goal of `w.partnership`, added by its convener. */
  freshGoal(partnershipId?: string): Promise<string>;
  /** A new current member organisation of `w.partnership`; returns the membership id. */
  freshMembership(partnershipId?: string): Promise<string>;
  /** A new person (observer role) in `w.partnership`; returns the partnership_people id. */
  freshPerson(partnershipId?: string): Promise<string>;
  /** A person (member role) freshly added to the convener's organisation; returns the user id. */
  freshOrgPerson(orgId?: string): Promise<string>;
  /** A personal API token of the user; returns its id. */
  freshToken(userId: string): Promise<string>;
  /** A valid password-reset token of a fresh account (read from the captured e-mail). */
  freshResetToken(): Promise<string>;
  /** A second, independent session of the persona (null for anonymous). */
  freshSession(persona: Persona): Promise<Session | null>;
}

let seq = 0;
const unique = (prefix: string) => `${prefix}-${++seq}-${randomBytes(3).toString('hex')}`;

export async function makeFixture(t: TestApp, w: World): Promise<Fixture> {
  const hash = await hashPassword(PASSWORD);
  const deps = t.deps;
  const freshUser = async () => {
    const email = `${unique('user')}@test.accord`;
    const u = await createUser(deps, null, { email, name: `Fresh ${email}`, passwordHash: hash });
    return { id: u.id, email };
  };
  const registrar = await freshUser();
  const registrarActor = () => w.actor(registrar.id);
  const convener = () => w.actor(w.users.convener);

  const sessions = {} as Record<Persona, Session | null>;
  for (const p of PERSONAS) sessions[p] = p === 'anonymous' ? null : await signIn(t.app, w.emails[p], PASSWORD);

  const fixture: Fixture = {
    t,
    w,
    sessions,
    freshUser,
    freshOrg: async () => (await createOrganisation(deps, await registrarActor(), { name: unique('Fresh Org'), sector: 'nonprofit', country: 'KE' })).id,
    freshPartnership: async () => {
      const c = await convener();
      const id = (
        await createPartnership(deps, c, {
          name: unique('Fresh PPP'), purpose: 'A fresh private partnership for one access test.', model: 'ppp', visibility: 'private',
          countries: ['KE'], sectors: ['public'], convenerOrganisationId: w.orgs.convenerOrg, goals: [],
        })
      ).id;
      const c2 = await convener();
      await addMember(deps, c2, id, { organisationId: w.orgs.partnerOrg, role: 'partner' });
      await addPerson(deps, c2, id, { email: w.emails.representative, role: 'representative', organisationId: w.orgs.partnerOrg });
      await addPerson(deps, c2, id, { email: w.emails.member, role: 'member', organisationId: w.orgs.convenerOrg });
      await addPerson(deps, c2, id, { email: w.emails.observer, role: 'observer' });
      return id;
    },
    freshGoal: async (pid = w.partnership) => (await addGoal(deps, await convener(), pid, { title: unique('Goal'), sdgs: ['6'] })).id,
    freshMembership: async (pid = w.partnership) => (await addMember(deps, await convener(), pid, { organisationId: await fixture.freshOrg(), role: 'implementer' })).id,
    freshPerson: async (pid = w.partnership) => (await addPerson(deps, await convener(), pid, { email: (await freshUser()).email, role: 'observer' })).id,
    freshOrgPerson: async (orgId = w.orgs.convenerOrg) => {
      const u = await freshUser();
      const admin = orgId === w.orgs.convenerOrg ? await convener() : await w.actor(w.users.admin);
      await addOrganisationPerson(deps, admin, orgId, { email: u.email, role: 'member' });
      return u.id;
    },
    freshToken: async (userId) => (await createToken(deps, await w.actor(userId), unique('token'))).id,
    freshResetToken: async () => {
      const u = await freshUser();
      await requestPasswordReset(deps, u.email);
      const mail = [...t.mail].reverse().find((m) => m.to === u.email);
      const token = /token=([A-Za-z0-9_-]+)/.exec(mail?.text ?? '')?.[1];
      if (!token) throw new Error(`no reset e-mail for ${u.email}`);
      return token;
    },
    freshSession: async (persona) => (persona === 'anonymous' ? null : signIn(t.app, w.emails[persona], PASSWORD)),
  };
  return fixture;
}
