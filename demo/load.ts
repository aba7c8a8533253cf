/**
 * Loads the demo dataset (see demo/README.md and demo/data.ts) through the ordinary services, so every
 * change is validated, access-checked and written to the audit chain exactly like a real one.
 *
 * History is dated: each step runs with a copy of `deps` whose clock returns that step's date, so
 * stage timelines, membership dates and audit events read like years of real use.
 */
import type { Deps } from '../src/services/context';
import type { Actor } from '../src/domain/access/can';
import { createUser, actorFor } from '../src/services/accounts/accounts';
import { hashPassword } from '../src/services/accounts/passwords';
import { createOrganisation, addOrganisationPerson } from '../src/services/organisations/organisations';
import { createPartnership, addMember, updateMember, addPerson, addGoal, transitionPartnership } from '../src/services/partnerships/partnerships';
import { findUserByEmail } from '../src/store/repositories/users.repository';
import { uuidv7 } from '../src/services/runtime';
import { ADMIN, BLOCKS, SIGN_INS, type DemoEvent } from './data';

export const DEMO_PASSWORD = 'accord-demo-2026';

/** The accounts to show in the README and the start banner. All use DEMO_PASSWORD. */
export const DEMO_SIGN_INS: { email: string; name: string; role: string }[] = [
  { email: SIGN_INS.ADMIN, name: 'Morgan Ellis', role: 'platform administrator (in no partnership)' },
  { email: SIGN_INS.AMINA, name: 'Amina Diallo', role: 'convener, Horizon Vaccine Alliance' },
  { email: SIGN_INS.LUCAS, name: 'Lucas Ferreira', role: 'representative of BioSul Vacinas, Horizon Vaccine Alliance' },
  { email: SIGN_INS.SOFIA, name: 'Sofia Marques', role: 'member, Horizon Vaccine Alliance' },
  { email: SIGN_INS.OLIVER, name: 'Oliver Grant', role: 'observer, Horizon Vaccine Alliance and Circular Futures Network' },
  { email: SIGN_INS.KENJI, name: 'Kenji Watanabe', role: 'convener, City of Lakemont water PPP (private)' },
  { email: SIGN_INS.ELENA, name: 'Elena Vásquez', role: 'convener, Living Forests Standards Council' },
  { email: SIGN_INS.NORA, name: 'Nora Lindberg', role: 'belongs to an organisation, in no partnership' },
];

const LAST_DATE = '2026-11-01';

/** A clock per story: each step gets its date at 09:00 UTC, and steps on the same day a few minutes apart. */
function storyClock() {
  let last = 0;
  return (on: string): string => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(on) || !(on < LAST_DATE)) throw new Error(`demo data: bad date ${on}`);
    const base = Date.parse(`${on}T09:00:00.000Z`);
    if (base + 86_400_000 <= last) throw new Error(`demo data: ${on} goes back in time`);
    last = Math.max(base, last + 4 * 60_000 + 17_000);
    return new Date(last).toISOString();
  };
}

/**
 * Loads the demo into an EMPTY database (callers check that). Reports progress after each step with a
 * fixed total. Takes a second or two on SQLite: the demo password is hashed once for every account.
 */
export async function loadDemo(
  deps: Deps,
  onProgress?: (done: number, total: number) => void,
): Promise<{ users: number; organisations: number; partnerships: number }> {
  const total = BLOCKS.reduce((n, b) => n + b.length, 0) + 1;
  let done = 0;
  const tick = () => onProgress?.(++done, total);

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  tick();

  const orgIds = new Map<string, string>();
  const partnershipIds = new Map<string, string>();
  const memberIds = new Map<string, string>();
  const counts = { users: 0, organisations: 0, partnerships: 0 };
  let adminId: string | null = null;

  const need = <T>(map: Map<string, T>, key: string, what: string): T => {
    const v = map.get(key);
    if (v === undefined) throw new Error(`demo data: unknown ${what} "${key}"`);
    return v;
  };
  // roles change as the story goes on, so the actor is rebuilt from the database for every step
  const actor = async (email: string): Promise<Actor> => {
    const user = await findUserByEmail(deps.database.db, email);
    if (!user) throw new Error(`demo data: no account ${email}`);
    return actorFor(deps, user);
  };

  for (const block of BLOCKS) {
    const clockAt = storyClock();
    for (const ev of block) {
      const now = clockAt(ev.on);
      // ids are UUIDv7s stamped with the story's time too, so they sort like the history they belong to
      const d: Deps = { ...deps, clock: () => now, newId: () => uuidv7(Date.parse(now)) };
      try {
        await step(d, ev);
      } catch (err) {
        const what = 'email' in ev ? ev.email : 'key' in ev ? ev.key : 'p' in ev ? ev.p : '';
        throw new Error(`demo step failed (${ev.kind} ${what} on ${ev.on}): ${(err as Error).message}`, { cause: err });
      }
      tick();
    }
  }
  return counts;

  async function step(d: Deps, ev: DemoEvent): Promise<void> {
    switch (ev.kind) {
      case 'user': {
        // the platform administrator opens every other demo account
        const u = await createUser(d, adminId, { email: ev.email, name: ev.name, passwordHash, isAdmin: ev.isAdmin ?? false, locale: ev.locale ?? 'en' });
        if (ev.email === ADMIN) adminId = u.id;
        counts.users++;
        return;
      }
      case 'org': {
        const o = await createOrganisation(d, await actor(ev.by), ev.org);
        orgIds.set(ev.key, o.id);
        counts.organisations++;
        return;
      }
      case 'orgPerson':
        await addOrganisationPerson(d, await actor(ev.by), need(orgIds, ev.org, 'organisation'), { email: ev.email, role: ev.role });
        return;
      case 'partnership': {
        const p = await createPartnership(d, await actor(ev.by), { ...ev.input, convenerOrganisationId: need(orgIds, ev.convener, 'organisation') });
        partnershipIds.set(ev.key, p.id);
        for (const m of p.members) memberIds.set(`${ev.key}:${m.organisationId}`, m.id);
        counts.partnerships++;
        return;
      }
      case 'member': {
        const orgId = need(orgIds, ev.org, 'organisation');
        const m = await addMember(d, await actor(ev.by), need(partnershipIds, ev.p, 'partnership'), { organisationId: orgId, role: ev.role, joinedOn: ev.joinedOn });
        memberIds.set(`${ev.p}:${orgId}`, m.id);
        return;
      }
      case 'memberUpdate': {
        const memberId = need(memberIds, `${ev.p}:${need(orgIds, ev.org, 'organisation')}`, 'membership');
        await updateMember(d, await actor(ev.by), need(partnershipIds, ev.p, 'partnership'), memberId, { role: ev.role, leftOn: ev.leftOn });
        return;
      }
      case 'person':
        await addPerson(d, await actor(ev.by), need(partnershipIds, ev.p, 'partnership'), {
          email: ev.email, role: ev.role, organisationId: ev.org ? need(orgIds, ev.org, 'organisation') : null,
        });
        return;
      case 'goal':
        await addGoal(d, await actor(ev.by), need(partnershipIds, ev.p, 'partnership'), ev.goal);
        return;
      case 'stage':
        await transitionPartnership(d, await actor(ev.by), need(partnershipIds, ev.p, 'partnership'), { to: ev.to, reason: ev.reason });
        return;
    }
  }
}
