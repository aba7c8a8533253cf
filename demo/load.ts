/**
 * Loads the demo dataset (see demo/README.md and demo/data.ts) through the ordinary services, so every
 * change is validated, access-checked and written to the audit chain exactly like a real one.
 *
 * History is dated: each step runs with a copy of `deps` whose clock returns that step's date, so
 * stage timelines, membership dates, decisions and audit events read like years of real use. The few steps
 * that must still be live when the demo is opened (open votes, a motion awaiting a seconder) are dated
 * relative to the day of loading (`today-N`, see governance.ts).
 */
import type { Deps } from '../src/services/context';
import type { Actor } from '../src/domain/access/can';
import { createUser, actorFor } from '../src/services/accounts/accounts';
import { hashPassword } from '../src/services/accounts/passwords';
import { createOrganisation, addOrganisationPerson } from '../src/services/organisations/organisations';
import { createPartnership, addMember, updateMember, addPerson, addGoal, transitionPartnership } from '../src/services/partnerships/partnerships';
import { adoptCharter, getCharter } from '../src/services/governance/charters';
import { addComment, castBallot, closeDecision, grantProxy, propose, recordOutcome, recuse, second } from '../src/services/governance/decisions';
import { escalateDispute, raiseDispute, resolveDispute } from '../src/services/disputes/disputes';
import { templateById } from '../src/domain/governance/templates';
import type { Charter } from '../src/domain/governance/charter';
import { findUserByEmail } from '../src/store/repositories/users.repository';
import { uuidv7 } from '../src/services/runtime';
import { ADMIN, BLOCKS, SIGN_INS, type DemoEvent } from './data';
import { GOVERNANCE, seatsFrom, type GovEvent, type SeatSpec } from './governance';
import { accountabilityPlan, loadAccountability } from './accountability';

export const DEMO_PASSWORD = 'accord-demo-2026';

/** The accounts to show in the README and the start banner. All use DEMO_PASSWORD. */
export const DEMO_SIGN_INS: { email: string; name: string; role: string }[] = [
  { email: SIGN_INS.ADMIN, name: 'Morgan Ellis', role: 'platform administrator (in no partnership)' },
  { email: SIGN_INS.AMINA, name: 'Amina Diallo', role: 'convener, Horizon Vaccine Alliance (chief executive, non-voting, on its board)' },
  { email: SIGN_INS.LUCAS, name: 'Lucas Ferreira', role: 'representative of BioSul Vacinas on the Horizon Vaccine Alliance board' },
  { email: SIGN_INS.SOFIA, name: 'Sofia Marques', role: 'member, Horizon Vaccine Alliance (alternate for the research seat on its board)' },
  { email: SIGN_INS.OLIVER, name: 'Oliver Grant', role: 'observer, Horizon Vaccine Alliance and Circular Futures Network' },
  { email: SIGN_INS.KENJI, name: 'Kenji Watanabe', role: 'convener, City of Lakemont water PPP (private; the City’s alternate on its steering committee)' },
  { email: SIGN_INS.ELENA, name: 'Elena Vásquez', role: 'convener, Living Forests Standards Council' },
  { email: SIGN_INS.NORA, name: 'Nora Lindberg', role: 'belongs to an organisation, in no partnership' },
];

/** Every fixed date of the demo is before this day; later steps are dated relative to the day of loading. */
const LAST_DATE = '2026-11-01';
const DAY = 86_400_000;
const RELATIVE = /^today([+-])(\d{1,3})$/;

const addDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00.000Z`) + days * DAY).toISOString().slice(0, 10);

/** A step's date: a fixed date before LAST_DATE, or `today-N` (N >= 1) resolved against the day of loading. */
function dateOf(on: string, today: string): string {
  const rel = RELATIVE.exec(on);
  if (rel) {
    if (rel[1] !== '-' || Number(rel[2]) < 1) throw new Error(`demo data: a step is dated at least one day before loading, not ${on}`);
    return addDays(today, -Number(rel[2]));
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(on) || !(on < LAST_DATE)) throw new Error(`demo data: bad date ${on}`);
  return on;
}

/** When voting ends: 17:00 UTC on a fixed date or on `today+N`. */
function closingOf(closes: string, today: string): string {
  const rel = RELATIVE.exec(closes);
  const day = rel ? addDays(today, (rel[1] === '-' ? -1 : 1) * Number(rel[2])) : closes;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`demo data: bad closing date ${closes}`);
  return `${day}T17:00:00.000Z`;
}

/** A clock per story: each step gets its date at 09:00 UTC, and steps on the same day a few minutes apart. */
function storyClock() {
  let last = 0;
  return (on: string): string => {
    const base = Date.parse(`${on}T09:00:00.000Z`);
    if (base + DAY <= last) throw new Error(`demo data: ${on} goes back in time`);
    last = Math.max(base, last + 4 * 60_000 + 17_000);
    return new Date(last).toISOString();
  };
}

type Step = (DemoEvent | GovEvent) & { day: string };

/** The steps that can change anybody's roles (in the platform, an organisation or a partnership). */
const ROLE_CHANGES = new Set<string>(['user', 'org', 'orgPerson', 'partnership', 'member', 'memberUpdate', 'person']);
/** The steps written to the platform's audit chain rather than a partnership's. */
const PLATFORM_STEPS = new Set<string>(['user', 'org', 'orgPerson']);

/**
 * The stories to replay, in order: each partnership's story with its governance events merged in by date
 * (on the same day, the story's own events first), every date resolved.
 */
function storiesOf(today: string): Step[][] {
  return BLOCKS.map((block) => {
    const key = block.find((ev) => ev.kind === 'partnership')?.key;
    const own = block.map((ev) => ({ ...ev, day: dateOf(ev.on, today) }));
    const gov = (key ? GOVERNANCE[key] ?? [] : []).map((ev, i) => ({ ev: { ...ev, day: dateOf(ev.on, today) } as Step, i }));
    gov.sort((a, b) => (a.ev.day < b.ev.day ? -1 : a.ev.day > b.ev.day ? 1 : a.i - b.i));
    const out: Step[] = [];
    let g = 0;
    for (const ev of own) {
      while (g < gov.length && gov[g].ev.day < ev.day) out.push(gov[g++].ev);
      out.push(ev);
    }
    while (g < gov.length) out.push(gov[g++].ev);
    for (const ev of out) if (!(ev.day < today)) throw new Error(`demo data: ${ev.on} is not before the day of loading (${today})`);
    return out;
  });
}

/**
 * Loads the demo into an EMPTY database (callers check that). Reports progress after each step with a
 * fixed total. Takes a second or two on SQLite: the demo password is hashed once for every account.
 * "Today" is the day of `deps.clock()`: live votes close a few days after it.
 */
export async function loadDemo(
  deps: Deps,
  onProgress?: (done: number, total: number) => void,
): Promise<{ users: number; organisations: number; partnerships: number }> {
  const today = deps.clock().slice(0, 10);
  const blocks = storiesOf(today);
  // pledges, deliveries, the ledger, risks and results, loaded after the stories (see accountability.ts)
  const accountability = accountabilityPlan(today);
  const total = blocks.reduce((n, b) => n + b.length, 0) + accountability.steps + 1;
  let done = 0;
  const tick = () => onProgress?.(++done, total);

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  tick();

  const orgIds = new Map<string, string>();
  const partnershipIds = new Map<string, string>();
  const memberIds = new Map<string, string>();
  const userIds = new Map<string, string>();
  const decisions = new Map<string, { p: string; id: string }>();
  const disputes = new Map<string, { p: string; id: string }>();
  const counts = { users: 0, organisations: 0, partnerships: 0 };
  let adminId: string | null = null;

  const need = <T>(map: Map<string, T>, key: string, what: string): T => {
    const v = map.get(key);
    if (v === undefined) throw new Error(`demo data: unknown ${what} "${key}"`);
    return v;
  };
  // Roles change as a story goes on: an actor is read from the database once and kept until a step of the
  // story that changes someone's roles (governance steps change none, and they are most of the steps). Each
  // story keeps its own actors: the stories run side by side (below) and touch only their own partnership.
  type Actors = Map<string, Actor>;
  type Who = (email: string) => Promise<Actor>;
  const actorIn = async (cache: Actors, email: string): Promise<Actor> => {
    const known = cache.get(email);
    if (known) return known;
    const user = await findUserByEmail(deps.database.db, email);
    if (!user) throw new Error(`demo data: no account ${email}`);
    const a = await actorFor(deps, user);
    cache.set(email, a);
    return a;
  };

  const run = async (ev: Step, at: (on: string) => string, cache: Actors): Promise<void> => {
    const now = at(ev.day);
    // ids are UUIDv7s stamped with the story's time too, so they sort like the history they belong to
    const d: Deps = { ...deps, clock: () => now, newId: () => uuidv7(Date.parse(now)) };
    try {
      await step(d, ev, (email) => actorIn(cache, email));
      if (ROLE_CHANGES.has(ev.kind)) cache.clear();
    } catch (err) {
      const what = 'email' in ev ? ev.email : 'key' in ev ? ev.key : 'd' in ev ? ev.d : 'dispute' in ev ? ev.dispute : 'p' in ev ? ev.p : '';
      const issues = (err as { issues?: { field: string; message: string }[] }).issues?.map((i) => `${i.field}: ${i.message}`).join('; ');
      throw new Error(`demo step failed (${ev.kind} ${what} on ${ev.day}): ${(err as Error).message}${issues ? ` (${issues})` : ''}`, { cause: err });
    }
    tick();
  };

  // First the platform steps of every story in order (accounts, organisations and their people), so the
  // platform's audit chain moves forward in time; then the partnerships' stories, side by side: each writes
  // only to its own partnership and audit chain, and on PostgreSQL they overlap their round trips.
  const stories = blocks.map((block) => {
    const start = block.findIndex((ev) => !PLATFORM_STEPS.has(ev.kind));
    const head = start < 0 ? block : block.slice(0, start);
    const rest = start < 0 ? [] : block.slice(start);
    const late = rest.find((ev) => PLATFORM_STEPS.has(ev.kind));
    if (late) throw new Error(`demo data: a ${late.kind} step on ${late.on} comes after its story's partnership began; move it before`);
    return { head, rest, at: storyClock(), actors: new Map() as Actors };
  });
  for (const s of stories) for (const ev of s.head) await run(ev, s.at, s.actors);
  const results = await Promise.allSettled(
    stories.map(async (s) => {
      for (const ev of s.rest) await run(ev, s.at, s.actors);
    }),
  );
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  await loadAccountability(deps, accountability, { orgIds, partnershipIds, userIds, decisions }, tick);
  return counts;

  function userId(email: string): string {
    return need(userIds, email, 'account');
  }
  /** The holders of a seat, as ids. */
  function holder(s: SeatSpec) {
    return {
      ...(s.org ? { organisation: need(orgIds, s.org, 'organisation') } : {}),
      ...(s.person ? { person: userId(s.person) } : {}),
      ...(s.alternate ? { alternate: userId(s.alternate) } : {}),
    };
  }
  function decision(key: string) {
    return need(decisions, key, 'decision');
  }
  function dispute(key: string) {
    return need(disputes, key, 'dispute');
  }

  async function step(d: Deps, ev: DemoEvent | GovEvent, actor: Who): Promise<void> {
    switch (ev.kind) {
      case 'user': {
        // the platform administrator opens every other demo account
        const u = await createUser(d, adminId, { email: ev.email, name: ev.name, passwordHash, isAdmin: ev.isAdmin ?? false, locale: ev.locale ?? 'en' });
        userIds.set(ev.email, u.id);
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
      default:
        return governanceStep(d, ev, actor);
    }
  }

  async function governanceStep(d: Deps, ev: GovEvent, actor: Who): Promise<void> {
    switch (ev.kind) {
      case 'charter': {
        const template = templateById(ev.template);
        if (!template) throw new Error(`demo data: unknown template ${ev.template}`);
        const charter = structuredClone(template.charter) as Charter;
        charter.name = ev.name;
        charter.seats = seatsFrom(template.charter.seats ?? [], ev.seats, holder);
        ev.adjust?.(charter);
        const adopted = await adoptCharter(d, await actor(ev.by), need(partnershipIds, ev.p, 'partnership'), { templateId: ev.template, charter, note: ev.note });
        // the demo's charters check clean: no errors (adoptCharter refuses those) and no warnings
        if (adopted.findings.length) throw new Error(`demo data: the charter has warnings: ${adopted.findings.map((f) => `${f.field}: ${f.message}`).join('; ')}`);
        return;
      }
      case 'propose': {
        const by = await actor(ev.by);
        const p = need(partnershipIds, ev.p, 'partnership');
        let amendment: Charter | undefined;
        if (ev.amend) {
          amendment = structuredClone((await getCharter(d, by, p)).charter) as Charter;
          delete amendment.version;
          const drop = new Set(ev.amend.drop ?? []);
          amendment.seats = [...(amendment.seats ?? []).filter((s) => !drop.has(s.id)), ...seatsFrom([], ev.amend.add ?? [], holder)];
          ev.amend.adjust?.(amendment);
        }
        const made = await propose(d, by, p, {
          kind: ev.poll ? 'poll' : 'motion',
          title: ev.title,
          text: ev.text,
          decisionType: ev.type,
          links: ev.links ?? [],
          closesAt: closingOf(ev.closes, today),
          seat: ev.seat,
          amendment,
          poll: ev.poll,
        });
        decisions.set(ev.key, { p, id: made.id });
        return;
      }
      case 'second': {
        const x = decision(ev.d);
        await second(d, await actor(ev.by), x.p, x.id, { seat: ev.seat });
        return;
      }
      case 'ballot': {
        const x = decision(ev.d);
        await castBallot(d, await actor(ev.by), x.p, x.id, ev.seat, { choice: ev.choice, reason: ev.reason });
        return;
      }
      case 'answer': {
        const x = decision(ev.d);
        await castBallot(d, await actor(ev.by), x.p, x.id, 'me', { answer: ev.answer });
        return;
      }
      case 'recuse': {
        const x = decision(ev.d);
        await recuse(d, await actor(ev.by), x.p, x.id, { seat: ev.seat, reason: ev.reason });
        return;
      }
      case 'proxy': {
        const x = decision(ev.d);
        await grantProxy(d, await actor(ev.by), x.p, x.id, { seat: ev.seat, holderId: userId(ev.to) });
        return;
      }
      case 'comment': {
        const x = decision(ev.d);
        await addComment(d, await actor(ev.by), x.p, x.id, { body: ev.body });
        return;
      }
      case 'close': {
        const x = decision(ev.d);
        await closeDecision(d, await actor(ev.by), x.p, x.id);
        return;
      }
      case 'outcome': {
        const x = decision(ev.d);
        await recordOutcome(d, await actor(ev.by), x.p, x.id, { outcomeStatement: ev.statement, ...(ev.reviewOn ? { reviewOn: ev.reviewOn } : {}) });
        return;
      }
      case 'dispute': {
        const p = need(partnershipIds, ev.p, 'partnership');
        const made = await raiseDispute(d, await actor(ev.by), p, {
          subject: ev.subject,
          description: ev.description,
          parties: ev.parties.map((o) => need(orgIds, o, 'organisation')),
          decisionId: ev.about ? decision(ev.about).id : null,
        });
        disputes.set(ev.key, { p, id: made.id });
        return;
      }
      case 'escalate': {
        const x = dispute(ev.dispute);
        await escalateDispute(d, await actor(ev.by), x.p, x.id, { result: ev.result, reason: ev.reason });
        return;
      }
      case 'resolve': {
        const x = dispute(ev.dispute);
        await resolveDispute(d, await actor(ev.by), x.p, x.id, { resolution: ev.resolution });
        return;
      }
    }
  }
}
