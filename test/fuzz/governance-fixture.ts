/**
 * Targets for fuzzing the governance and dispute routes: a charter adopted through the services on the world's
 * private partnership, whose seats the personas hold (the convener "city" in person, the representative "acme"
 * for Acme Water, the member "mina"; "obs" is a non-voting seat of the observer, "vacant" has no holder), and
 * fresh decisions and disputes in any state, made through the services so that every fuzzed request aims at a
 * target of its own.
 */
import type { Persona, World } from '../support/world';
import type { Fixture } from '../access/fixtures';
import { adoptCharter } from '../../src/services/governance/charters';
import { castBallot, closeDecision, grantProxy, propose, second, withdraw } from '../../src/services/governance/decisions';
import { escalateDispute, raiseDispute, resolveDispute, withdrawDispute } from '../../src/services/disputes/disputes';
import type { PollSpec } from '../../src/domain/governance/polls';

/** The seat each voting persona holds. */
export const SEAT_OF: Partial<Record<Persona, string>> = { convener: 'city', representative: 'acme', member: 'mina' };
export const SEAT_IDS = ['city', 'acme', 'mina', 'obs', 'vacant'];
export const BODY_IDS = ['assembly', 'wg'];

/** Decision types of the fuzz charter that a convener may close early (so a target can be closed at once). */
export const CLOSABLE_TYPES = ['ordinary', 'staged', 'consent', 'consensus', 'secret', 'norecusal', 'double', 'veto', 'hidden'] as const;
/** Every decision type of the fuzz charter but the amendment (an adopted amendment would change the charter under the other targets). */
export const MOTION_TYPES = [...CLOSABLE_TYPES, 'seconded', 'slow'] as const;
export type MotionType = (typeof MOTION_TYPES)[number];
export const ALL_TYPES = [...MOTION_TYPES, 'amendment'] as const;
/** What a ballot may say under each decision type of the fuzz charter (its ballot kind follows its rule). */
export const CHOICES_OF_TYPE: Record<MotionType, readonly string[]> = Object.fromEntries(
  MOTION_TYPES.map((t) => [t, t === 'consent' ? ['consent', 'objection'] : t === 'consensus' || t === 'staged' ? ['agree', 'stand_aside', 'block'] : ['yes', 'no', 'abstain']]),
) as unknown as Record<MotionType, readonly string[]>;

export const POLL_OPTIONS = [{ id: 'a', label: 'Option A' }, { id: 'b', label: 'Option B' }, { id: 'c', label: 'Option C' }];
export const POLL_SPECS: Record<string, PollSpec> = {
  single: { kind: 'single', options: POLL_OPTIONS },
  approval: { kind: 'approval', options: POLL_OPTIONS },
  ranked: { kind: 'ranked', options: POLL_OPTIONS },
  score: { kind: 'score', options: POLL_OPTIONS, maxScore: 10 },
  dots: { kind: 'dots', options: POLL_OPTIONS, dots: 5 },
};
export type PollKind = keyof typeof POLL_SPECS;

/** The fuzz charter: two chambers with shares, two bodies, every kind of rule, proxies with caps, a dispute ladder. */
export function fuzzCharter(w: Pick<World, 'users' | 'orgs'>) {
  return {
    name: 'Fuzz committee',
    groups: [
      { id: 'public', name: 'Public chamber', share: '1/2' },
      { id: 'private', name: 'Private chamber', share: '1/2' },
    ],
    seats: [
      { id: 'city', name: 'City of Testville', group: 'public', person: w.users.convener },
      { id: 'acme', name: 'Acme Water', group: 'private', organisation: w.orgs.partnerOrg, alternate: w.users.member },
      { id: 'mina', name: 'Mina', group: 'public', person: w.users.member },
      { id: 'obs', name: 'Observer', voting: false, person: w.users.observer },
      { id: 'vacant', name: 'Vacant seat', group: 'private' },
    ],
    bodies: [
      { id: 'assembly', name: 'Assembly', kind: 'assembly' },
      { id: 'wg', name: 'Working group', kind: 'working_group', seats: ['city', 'acme'] },
    ],
    rules: {
      ordinary: { label: 'ordinary', quorum: [], pass: { kind: 'threshold', require: { kind: 'majority' }, base: 'votes_cast' } },
      amendment: { pass: { kind: 'threshold', require: { kind: 'two_thirds' }, base: 'all_members', measure: 'count' } },
      staged: {
        kind: 'staged', quorum: [],
        stages: [
          { id: 'consensus', pass: { kind: 'consensus', maxStandAsides: 1 }, onFail: 'refer' },
          { id: 'supermajority', grade: 'two_thirds', pass: { kind: 'threshold', require: { kind: 'two_thirds' }, base: 'votes_cast' }, onFail: 'refer' },
          { id: 'vote', grade: 'majority', pass: { kind: 'threshold', require: { kind: 'majority' }, base: 'present' } },
        ],
      },
      consent: { quorum: [{ kind: 'quorum', count: 1 }], pass: { kind: 'consent' } },
      consensus: { quorum: [], pass: { kind: 'consensus' } },
      double: { pass: { kind: 'all', of: [{ kind: 'threshold', require: { kind: 'majority' }, base: 'votes_cast', eachGroup: 'top' }, { kind: 'any', of: [{ kind: 'min_yes', count: 2 }, { kind: 'veto', group: 'private', agree: 'majority' }] }] } },
      veto: { quorum: [{ kind: 'quorum', min: { kind: 'fraction', num: 1, den: 3 }, base: 'all_members', measure: 'weight' }], pass: { kind: 'all', of: [{ kind: 'veto', seat: 'city' }, { kind: 'threshold', require: { kind: 'fraction', num: 3, den: 5, strict: true }, base: 'all_members' }] } },
    },
    decisionTypes: {
      ordinary: { rule: 'ordinary', window: { closeEarly: true } },
      seconded: { rule: 'ordinary', seconders: { count: 1 }, window: { closeEarly: true } },
      double: { rule: 'double', seconders: { count: 1, distinctGroups: 2 }, window: { closeEarly: true } },
      amendment: { rule: 'amendment', window: { closeEarly: true } },
      staged: { rule: 'staged', window: { closeEarly: true } },
      consent: { rule: 'consent', window: { closeEarly: true } },
      consensus: { rule: 'consensus', body: 'wg', window: { closeEarly: true } },
      secret: { rule: 'ordinary', anonymous: true, window: { closeEarly: true } },
      hidden: { rule: 'ordinary', resultsHidden: true, window: { closeEarly: true } },
      norecusal: { rule: 'ordinary', recusal: false, proposers: ['convener'], window: { closeEarly: true } },
      veto: { rule: 'veto', ballot: 'yes_no', window: { closeEarly: true } },
      slow: { rule: 'ordinary', window: { minHours: 48, maxHours: 400 } },
    },
    amendment: 'amendment',
    proxies: { allowed: true, maxPerHolder: 1, caps: [{ memberClass: 'private', max: 1 }] },
    disputes: {
      ladder: [
        { id: 'negotiation', name: 'Negotiation', days: 30 },
        { id: 'steering', name: 'Steering committee', body: 'assembly', days: 30 },
        { id: 'mediation', name: 'Mediation', days: 60 },
        { id: 'arbitration', name: 'Arbitration' },
      ],
    },
  };
}

/** What a fresh decision target is: a motion of a type or a poll of a kind, in a state, perhaps with ballots already cast. */
export interface DecisionSpec {
  of: { motion: MotionType } | { poll: PollKind };
  state: 'proposed' | 'open' | 'closed' | 'withdrawn';
  /** Ballots cast before the request (motions only): persona -> choice index into the decision's choices. */
  ballots?: [Persona, number][];
  /** Proxies handed over once voting opens (motions only): the seat of `from` to `to`, who votes with it when `voted`. */
  proxies?: { from: Persona; to: Persona; voted: boolean }[];
}

const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
let n = 0;

export interface GovFixture {
  /** A fresh decision of `w.partnership`, proposed by the platform admin (who holds no seat). */
  freshDecision(spec: DecisionSpec): Promise<string>;
  /** A fresh staged motion closed with nobody agreeing: referred at its consensus stage. */
  referredDecision(): Promise<string>;
  /** A fresh dispute between the two member organisations, raised by the convener; escalated or closed when asked. */
  freshDispute(state?: 'open' | 'escalated' | 'top' | 'resolved' | 'withdrawn'): Promise<string>;
}

export async function makeGovFixture(f: Fixture): Promise<GovFixture> {
  const { t, w } = f;
  const deps = t.deps;
  const admin = () => w.actor(w.users.admin);
  const convener = () => w.actor(w.users.convener);
  await adoptCharter(deps, await convener(), w.partnership, { charter: fuzzCharter(w) });

  const choicesOf = (kind: string | null) => (kind === 'consent' ? ['consent', 'objection'] : kind === 'consensus' ? ['agree', 'stand_aside', 'block'] : ['yes', 'no', 'abstain']);

  const gf: GovFixture = {
    async freshDecision(asked) {
      // only some types may be closed at once: a closed target of another type is an ordinary motion
      const spec = asked.state === 'closed' && 'motion' in asked.of && !(CLOSABLE_TYPES as readonly string[]).includes(asked.of.motion) ? { ...asked, of: { motion: 'ordinary' as const } } : asked;
      const base = { title: `Fuzz target ${++n}`, text: 'A decision for one fuzzed request.', links: [], closesAt: inHours('motion' in spec.of && spec.of.motion === 'slow' ? 72 : 24) };
      const d =
        'poll' in spec.of
          ? await propose(deps, await admin(), w.partnership, { ...base, kind: 'poll', poll: POLL_SPECS[spec.of.poll] })
          : await propose(deps, await admin(), w.partnership, { ...base, kind: 'motion', decisionType: spec.of.motion });
      if (spec.state === 'proposed') return d.id;
      if (d.status === 'proposed') {
        // seconders wanted: the convener (public chamber), then the representative (private chamber) if still short
        for (const p of ['convener', 'representative'] as const) {
          const now = await second(deps, await w.actor(w.users[p]), w.partnership, d.id, {}).catch(() => null);
          if (now?.status === 'open') break;
        }
      }
      if ('motion' in spec.of)
        for (const x of spec.proxies ?? []) {
          const seat = SEAT_OF[x.from];
          if (!seat || x.to === 'anonymous' || x.from === 'anonymous') continue;
          const given = await grantProxy(deps, await w.actor(w.users[x.from]), w.partnership, d.id, { seat, holderId: w.users[x.to] }).catch(() => null);
          if (given && x.voted) await castBallot(deps, await w.actor(w.users[x.to]), w.partnership, d.id, seat, { choice: choicesOf(d.ballotKind)[0] }).catch(() => undefined);
        }
      if ('motion' in spec.of)
        for (const [p, i] of spec.ballots ?? []) {
          const seat = SEAT_OF[p];
          if (!seat || p === 'anonymous') continue;
          const choices = choicesOf(d.ballotKind);
          const choice = choices[i % choices.length];
          await castBallot(deps, await w.actor(w.users[p]), w.partnership, d.id, seat, { choice, reason: 'Because.' }).catch(() => undefined);
        }
      if (spec.state === 'closed') await closeDecision(deps, await admin(), w.partnership, d.id);
      if (spec.state === 'withdrawn') await withdraw(deps, await admin(), w.partnership, d.id, { reason: 'Withdrawn for the test.' });
      return d.id;
    },
    async referredDecision() {
      const id = await gf.freshDecision({ of: { motion: 'staged' }, state: 'open' });
      const closed = await closeDecision(deps, await admin(), w.partnership, id);
      if (closed.outcome !== 'referred') throw new Error(`expected a referral, got ${closed.outcome}`);
      return id;
    },
    async freshDispute(state = 'open') {
      const c = await convener();
      const d = await raiseDispute(deps, c, w.partnership, { subject: `Fuzz dispute ${++n}`, parties: [w.orgs.convenerOrg, w.orgs.partnerOrg] });
      if (state === 'escalated') await escalateDispute(deps, c, w.partnership, d.id, { result: 'No agreement', reason: 'Deadlock' });
      if (state === 'top') for (let i = 0; i < 3; i++) await escalateDispute(deps, c, w.partnership, d.id, { result: 'No agreement', reason: 'Deadlock' });
      if (state === 'resolved') await resolveDispute(deps, c, w.partnership, d.id, { resolution: 'Settled' });
      if (state === 'withdrawn') await withdrawDispute(deps, c, w.partnership, d.id, { reason: 'Raised by mistake' });
      return d.id;
    },
  };
  return gf;
}
