import type { Persona, World } from '../support/world';
import type { Fixture } from './fixtures';
import {
  E, P, PUBLIC, PRIVATE_READ, PRIVATE_PARTICIPANTS, PRIVATE_CONVENERS, priv, pub, tag, type BuiltRequest, type RouteCase,
} from './routes.table';
import { adoptCharter } from '../../src/services/governance/charters';
import { closeDecision, grantProxy, propose } from '../../src/services/governance/decisions';

/**
 * Charters and decisions. Beyond the partnership roles, voting needs a seat: in the charter below the
 * convener holds "city" in person, the representative votes for Acme's seat, the member holds "mina"; the
 * platform admin and the observer hold none, so a ballot, a recusal or a proxy from them is 403 even where
 * `can` would let the admin in (those rows carry no `can` mapping).
 *
 *  - templates and the charter check are public reference (they read nothing of anyone's);
 *  - a charter is as visible as its partnership; conveners adopt it and name seat holders;
 *  - decisions are for participants; motions are proposed by conveners and representatives (members and
 *    observers 403), polls and comments by anyone but observers;
 *  - closing early and recording the outcome are for conveners; withdrawing for the proposer or a convener;
 *  - a proxy is withdrawn by the holder of its seat or a convener (the admin counts as one); the observer, who
 *    holds no seat, is 403.
 */

/** Who may propose a motion: conveners and representatives (the platform admin too). */
const PROPOSERS = E(401, 'allow', 'allow', 'allow', 403, 403, 404);
/** Everyone taking part but observers (commenting, polls). */
const CONTRIBUTORS = E(401, 'allow', 'allow', 'allow', 'allow', 403, 404);
/** Seat holders only: the admin and the observer hold no seat. */
const SEAT_HOLDERS = E(401, 403, 'allow', 'allow', 'allow', 403, 404);
/** The proposer (the admin in these rows) or a convener. */
const PROPOSER_OR_CONVENER = E(401, 'allow', 'allow', 403, 403, 403, 404);
/** The holder of the seat (each persona's own; the city's for the admin and the observer) or a convener. */
const SEAT_HOLDER_OR_CONVENER = E(401, 'allow', 'allow', 'allow', 'allow', 403, 404);

function charterFor(w: World) {
  return {
    name: 'Access test committee',
    bodies: [{ id: 'sc', kind: 'steering_committee' }],
    seats: [
      { id: 'city', person: w.users.convener },
      { id: 'acme', organisation: w.orgs.partnerOrg },
      { id: 'mina', person: w.users.member },
    ],
    rules: {
      ordinary: { pass: { kind: 'threshold', require: { kind: 'majority' }, base: 'votes_cast' } },
      amendment: { pass: { kind: 'threshold', require: { kind: 'two_thirds' }, base: 'all_members', measure: 'count' } },
      staged: { kind: 'staged', quorum: [], stages: [{ id: 'consensus', pass: { kind: 'consensus' }, onFail: 'refer' }, { id: 'vote', grade: 'majority', pass: { kind: 'threshold', require: { kind: 'majority' }, base: 'votes_cast' } }] },
    },
    decisionTypes: {
      ordinary: { rule: 'ordinary', window: { closeEarly: true } },
      seconded: { rule: 'ordinary', seconders: { count: 1 }, window: { closeEarly: true } },
      amendment: { rule: 'amendment' },
      staged: { rule: 'staged', window: { closeEarly: true } },
    },
    proxies: { allowed: true },
  };
}

const adopted = new Map<string, Promise<unknown>>();
/** The charter of a partnership, adopted once by its convener. */
function ensureCharter(f: Fixture, partnershipId: string): Promise<unknown> {
  const key = `${f.w.users.convener}:${partnershipId}`;
  if (!adopted.has(key)) adopted.set(key, f.w.actor(f.w.users.convener).then((c) => adoptCharter(f.t.deps, c, partnershipId, { charter: charterFor(f.w) })));
  return adopted.get(key)!;
}

/** A fresh open motion of `w.partnership`, proposed by the platform admin (who holds no seat). */
async function freshDecision(f: Fixture, type: 'ordinary' | 'seconded' | 'staged' = 'ordinary', closed = false): Promise<string> {
  await ensureCharter(f, f.w.partnership);
  const admin = await f.w.actor(f.w.users.admin);
  const d = await propose(f.t.deps, admin, f.w.partnership, { kind: 'motion', title: `Motion ${tag()}`, text: 'For the access test.', decisionType: type, links: [], closesAt: new Date(Date.now() + 86_400_000).toISOString() });
  if (closed) await closeDecision(f.t.deps, admin, f.w.partnership, d.id);
  return d.id;
}

/** The seat each persona would vote for (the admin and observer name the city's, which is not theirs). */
const seatOf = (p: Persona) => (p === 'representative' ? 'acme' : p === 'member' ? 'mina' : 'city');
/** Who holds each seat of the charter below, and to whom it hands its vote. */
const HOLDER_OF = { city: 'convener', acme: 'representative', mina: 'member' } as const;
const CARRIER_OF = { city: 'representative', acme: 'member', mina: 'representative' } as const;

/** A fresh open motion whose seat (the persona's own, or the city's) has handed its vote to a proxy by its holder. */
async function withProxy(f: Fixture, p: Persona): Promise<BuiltRequest> {
  const b = await onDecision()(f);
  const seat = seatOf(p);
  await grantProxy(f.t.deps, await f.w.actor(f.w.users[HOLDER_OF[seat]]), f.w.partnership, b.params!.decisionId, { seat, holderId: f.w.users[CARRIER_OF[seat]] });
  return { params: { ...b.params, seat } };
}

const onCharter = async (f: Fixture): Promise<BuiltRequest> => {
  await ensureCharter(f, f.w.partnership);
  return { params: { id: f.w.partnership } };
};
const onDecision = (type: 'ordinary' | 'seconded' | 'staged' = 'ordinary', closed = false) => async (f: Fixture): Promise<BuiltRequest> => ({ params: { id: f.w.partnership, decisionId: await freshDecision(f, type, closed) } });

const D = `${P}/:id/decisions`;

export const GOVERNANCE_ROUTES: RouteCase[] = [
  { method: 'GET', path: '/api/v1/charter-templates', ok: 200, expect: PUBLIC, build: async () => ({}) },
  { method: 'POST', path: '/api/v1/charter-check', ok: 200, expect: PUBLIC, build: async (f) => ({ body: { charter: charterFor(f.w) } }) },
  // voting power: of a draft, public like the check; of the adopted charter, as visible as the charter
  { method: 'POST', path: '/api/v1/charter-power', ok: 200, expect: PUBLIC, build: async (f) => ({ body: { charter: charterFor(f.w), rule: 'ordinary' } }) },
  { method: 'GET', path: `${P}/:id/charter/power`, ok: 200, expect: PRIVATE_READ, can: { action: 'partnership.charter.read', resource: priv }, build: onCharter },
  {
    method: 'GET', path: `${P}/:id/charter/power`, variant: 'public partnership', ok: 200, expect: PUBLIC, can: { action: 'partnership.charter.read', resource: pub },
    build: async (f) => {
      await ensureCharter(f, f.w.publicPartnership);
      return { params: { id: f.w.publicPartnership } };
    },
  },

  { method: 'GET', path: `${P}/:id/charter`, ok: 200, expect: PRIVATE_READ, can: { action: 'partnership.charter.read', resource: priv }, build: onCharter },
  {
    method: 'GET', path: `${P}/:id/charter`, variant: 'public partnership', ok: 200, expect: PUBLIC, can: { action: 'partnership.charter.read', resource: pub },
    build: async (f) => {
      await ensureCharter(f, f.w.publicPartnership);
      return { params: { id: f.w.publicPartnership } };
    },
  },
  {
    method: 'PUT', path: `${P}/:id/charter`, ok: 201, expect: PRIVATE_CONVENERS, can: { action: 'partnership.charter.manage', resource: priv },
    // a fresh partnership per test: only a first charter is adopted this way
    build: async (f) => ({ params: { id: await f.freshPartnership() }, body: { templateId: 'alliance-joint-committee' } }),
  },
  { method: 'GET', path: `${P}/:id/charter/versions`, ok: 200, expect: PRIVATE_READ, can: { action: 'partnership.charter.read', resource: priv }, build: onCharter },
  {
    method: 'GET', path: `${P}/:id/charter/versions/:version`, ok: 200, expect: PRIVATE_READ, can: { action: 'partnership.charter.read', resource: priv },
    build: async (f) => ({ ...(await onCharter(f)), params: { id: f.w.partnership, version: '1' } }),
  },
  {
    method: 'PATCH', path: `${P}/:id/charter/seats/:seatId`, ok: 200, expect: PRIVATE_CONVENERS, can: { action: 'partnership.charter.manage', resource: priv },
    build: async (f) => ({ ...(await onCharter(f)), params: { id: f.w.partnership, seatId: 'acme' }, body: { alternate: f.w.users.member } }),
  },

  { method: 'GET', path: D, ok: 200, expect: PRIVATE_PARTICIPANTS, can: { action: 'partnership.decisions.read', resource: priv }, build: onCharter },
  {
    method: 'POST', path: D, ok: 201, expect: PROPOSERS,
    build: async (f) => ({ ...(await onCharter(f)), body: { title: `Proposal ${tag()}`, text: 'For the access test.', decisionType: 'ordinary', closesAt: new Date(Date.now() + 86_400_000).toISOString() } }),
  },
  {
    method: 'POST', path: D, variant: 'poll', ok: 201, expect: CONTRIBUTORS, can: { action: 'partnership.decisions.participate', resource: priv },
    build: async (f) => ({
      ...(await onCharter(f)),
      body: { kind: 'poll', title: `Poll ${tag()}`, text: 'Where next?', closesAt: new Date(Date.now() + 86_400_000).toISOString(), poll: { kind: 'single', options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }] } },
    }),
  },
  { method: 'GET', path: `${D}/:decisionId`, ok: 200, expect: PRIVATE_PARTICIPANTS, can: { action: 'partnership.decisions.read', resource: priv }, build: onDecision() },
  {
    method: 'PATCH', path: `${D}/:decisionId`, ok: 200, expect: PRIVATE_CONVENERS, can: { action: 'partnership.decisions.manage', resource: priv },
    build: async (f) => ({ ...(await onDecision('ordinary', true)(f)), body: { outcomeStatement: 'Noted.', reviewOn: '2027-01-01' } }),
  },
  {
    method: 'POST', path: `${D}/:decisionId/revote`, ok: 201, expect: PRIVATE_CONVENERS, can: { action: 'partnership.decisions.manage', resource: priv },
    // a staged motion nobody agreed to is referred at its consensus stage
    build: async (f) => ({ ...(await onDecision('staged', true)(f)), body: { closesAt: new Date(Date.now() + 86_400_000).toISOString() } }),
  },
  { method: 'POST', path: `${D}/:decisionId/seconds`, ok: 200, expect: SEAT_HOLDERS, build: async (f) => ({ ...(await onDecision('seconded')(f)), body: {} }) },
  { method: 'POST', path: `${D}/:decisionId/withdraw`, ok: 200, expect: PROPOSER_OR_CONVENER, build: async (f) => ({ ...(await onDecision()(f)), body: { reason: 'Overtaken by events.' } }) },
  { method: 'POST', path: `${D}/:decisionId/close`, ok: 200, expect: PRIVATE_CONVENERS, can: { action: 'partnership.decisions.manage', resource: priv }, build: onDecision() },
  {
    method: 'PUT', path: `${D}/:decisionId/ballots/:seatId`, ok: 200, expect: SEAT_HOLDERS,
    build: async (f, p) => {
      const b = await onDecision()(f);
      return { params: { ...b.params, seatId: seatOf(p) }, body: { choice: 'yes' } };
    },
  },
  { method: 'GET', path: `${D}/:decisionId/ballots`, ok: 200, expect: PRIVATE_PARTICIPANTS, can: { action: 'partnership.decisions.read', resource: priv }, build: onDecision() },
  { method: 'POST', path: `${D}/:decisionId/recusals`, ok: 200, expect: SEAT_HOLDERS, build: async (f, p) => ({ ...(await onDecision()(f)), body: { seat: seatOf(p), reason: 'A conflict of interest.' } }) },
  {
    method: 'POST', path: `${D}/:decisionId/proxies`, ok: 200, expect: SEAT_HOLDERS,
    // the vote goes to another voter (observers do not vote)
    build: async (f, p) => ({ ...(await onDecision()(f)), body: { seat: seatOf(p), holderId: p === 'representative' ? f.w.users.member : f.w.users.representative } }),
  },
  { method: 'DELETE', path: `${D}/:decisionId/proxies/:seat`, ok: 200, expect: SEAT_HOLDER_OR_CONVENER, build: withProxy },
  { method: 'GET', path: `${D}/:decisionId/comments`, ok: 200, expect: PRIVATE_PARTICIPANTS, can: { action: 'partnership.decisions.read', resource: priv }, build: onDecision() },
  { method: 'POST', path: `${D}/:decisionId/comments`, ok: 201, expect: CONTRIBUTORS, can: { action: 'partnership.decisions.participate', resource: priv }, build: async (f) => ({ ...(await onDecision()(f)), body: { body: 'A thought.' } }) },
];
