/**
 * THE access table of Accord's HTTP API: one row per route (plus a few variants on other targets),
 * each with a request builder and, for each of the seven personas, the expected outcome.
 *
 * Expectations come from the product rules, not from what the server happens to answer:
 *  - anonymous may read the organisation registry, public partnerships and reference data (and use
 *    the sign-in / password-reset / session endpoints); everything else is 401.
 *    DECISION (anonymous x private partnership reads): "everything else 401" is the rule for the
 *    anonymous caller, so GET of a private partnership (or its goals, members, transitions) is 401
 *    for anonymous, not 404. This reveals nothing as long as the server answers anonymous with the
 *    same status for a missing id (pinned by a separate test in access-matrix.test.ts). See
 *    ANONYMOUS_ON_PRIVATE_READ below; flip it to 404 if the product owner prefers GitHub-style 404s.
 *  - a private partnership the caller takes no part in is 404 (existence not revealed), reads and writes;
 *  - participants without the needed role get 403 (a public partnership: any signed-in non-participant too);
 *  - conveners manage: update, transitions, goals, member organisations, people;
 *  - convener, representative and member read the audit log; observers do not (403);
 *  - participants read people and subscribe to live events;
 *  - the outsider is a stranger to `partnership` (404, it is private) and convenes `otherPartnership`;
 *  - the platform admin may do everything;
 *  - organisations: anyone reads them; only their org_admins (and platform admins) edit them and
 *    manage their people; their people (any role) see who belongs;
 *  - any signed-in user may register organisations and create partnerships. Creating a partnership
 *    names a convenerOrganisationId the caller must belong to, so each persona uses one of theirs:
 *    convener, member, observer -> City of Testville (admin / member / member), representative ->
 *    Acme Water (org_admin), outsider -> Elsewhere Foundation (org_admin). The platform admin belongs
 *    to no organisation but "may do everything", so it may name any existing organisation (it uses
 *    City of Testville) and is ALLOWED. A signed-in non-admin who belongs to no organisation, or who
 *    names someone else's organisation, gets 422 (validation_failed on convenerOrganisationId):
 *    pinned by separate tests, since no persona of the world is in that position;
 *  - /api/v1/users (list, create or invite, grant or revoke platform admin and rename) and the platform audit log
 *    (/api/v1/audit) are for platform admins: 403 for others, 401 anonymous;
 *  - /me routes need sign-in; a token can only be revoked by its owner (or an admin).
 */
import type { Action, Resource } from '../../src/domain/access/can';
import { PASSWORD, type Persona, type World } from '../support/world';
import type { Session } from '../support/app';
import type { Fixture } from './fixtures';

export type Outcome = 'allow' | 401 | 403 | 404;
export type Expectations = Record<Persona, Outcome>;
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface BuiltRequest {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  /** Overrides the persona's standing session (e.g. sign-out uses a throwaway session). */
  session?: Session | null;
  /** Extra headers (e.g. the Idempotency-Key money-moving writes require). */
  headers?: Record<string, string>;
}

export interface RouteCase {
  method: Method;
  /** Fastify path template, e.g. /api/v1/partnerships/:id */
  path: string;
  /** Names a second row of the same route on another target (public partnership, ...). */
  variant?: string;
  /** The status an allowed request answers with. */
  ok: 200 | 201 | 202;
  /** A server-sent events stream: tested over a real socket. */
  stream?: boolean;
  build: (f: Fixture, persona: Persona) => Promise<BuiltRequest>;
  expect: Expectations;
  /** Where the route maps 1:1 onto one action of `can()`, the pure rule must agree with the table. */
  can?: { action: Action; resource: (w: World) => Resource };
}

// ---- expectation sets --------------------------------------------------------------------------

/** The DECISION explained at the top of the file. */
export const ANONYMOUS_ON_PRIVATE_READ: Outcome = 401;

export const E = (anonymous: Outcome, admin: Outcome, convener: Outcome, representative: Outcome, member: Outcome, observer: Outcome, outsider: Outcome): Expectations => ({
  anonymous, admin, convener, representative, member, observer, outsider,
});

/** Open to everyone, signed in or not. */
export const PUBLIC = E('allow', 'allow', 'allow', 'allow', 'allow', 'allow', 'allow');
/** Any signed-in account. */
export const SIGNED_IN = E(401, 'allow', 'allow', 'allow', 'allow', 'allow', 'allow');
/** Platform admins only. */
export const ADMIN_ONLY = E(401, 'allow', 403, 403, 403, 403, 403);

/** City of Testville: convener is its org_admin, member and observer are its members. */
export const CONVENER_ORG_ADMINS = E(401, 'allow', 'allow', 403, 403, 403, 403);
export const CONVENER_ORG_PEOPLE = E(401, 'allow', 'allow', 403, 'allow', 'allow', 403);
/** Elsewhere Foundation: the outsider is its org_admin. */
export const OTHER_ORG_ADMINS = E(401, 'allow', 403, 403, 403, 403, 'allow');

/** The private `partnership`: participants read; the outsider does not know it exists. */
export const PRIVATE_READ = E(ANONYMOUS_ON_PRIVATE_READ, 'allow', 'allow', 'allow', 'allow', 'allow', 404);
/** Participants only (sign-in needed first). */
export const PRIVATE_PARTICIPANTS = E(401, 'allow', 'allow', 'allow', 'allow', 'allow', 404);
/** The audit log: observers are participants but do not read it. */
export const PRIVATE_AUDIT = E(401, 'allow', 'allow', 'allow', 'allow', 403, 404);
/** Managing the private partnership: conveners (and admins). */
export const PRIVATE_CONVENERS = E(401, 'allow', 'allow', 403, 403, 403, 404);

/** The public partnership: same people, but a stranger can read it. */
export const PUBLIC_PARTICIPANTS = E(401, 'allow', 'allow', 'allow', 'allow', 'allow', 403);
export const PUBLIC_AUDIT = E(401, 'allow', 'allow', 'allow', 'allow', 403, 403);
export const PUBLIC_CONVENERS = E(401, 'allow', 'allow', 403, 403, 403, 403);

/** `otherPartnership` (private): only the outsider takes part. */
export const OTHER_PRIVATE_READ = E(ANONYMOUS_ON_PRIVATE_READ, 'allow', 404, 404, 404, 404, 'allow');
export const OTHER_PRIVATE_CONVENERS = E(401, 'allow', 404, 404, 404, 404, 'allow');

// ---- request helpers ---------------------------------------------------------------------------

export const P = '/api/v1/partnerships';
export const O = '/api/v1/organisations';
export const none = async (): Promise<BuiltRequest> => ({});
export const priv = (w: World) => ({ type: 'partnership' as const, id: w.partnership, visibility: 'private' as const });
export const pub = (w: World) => ({ type: 'partnership' as const, id: w.publicPartnership, visibility: 'public' as const });
export const other = (w: World) => ({ type: 'partnership' as const, id: w.otherPartnership, visibility: 'private' as const });
export const platform = (): Resource => ({ type: 'platform' });
export const convenerOrg = (w: World): Resource => ({ type: 'organisation', id: w.orgs.convenerOrg });

/** The organisation each persona convenes a new partnership with (see the header). */
export function convenerOrgFor(w: World, persona: Persona): string {
  switch (persona) {
    case 'representative':
      return w.orgs.partnerOrg;
    case 'outsider':
      return w.orgs.otherOrg;
    default:
      return w.orgs.convenerOrg; // convener (org_admin), member, observer (members), admin (any), anonymous (401 first)
  }
}

let n = 0;
export const tag = () => `${Date.now().toString(36)}${++n}`;

// ---- the table ---------------------------------------------------------------------------------

/** The foundation's routes; `all-routes.ts` adds each capability's own table. */
export const ROUTES: RouteCase[] = [
  // reference, health, the API description
  { method: 'GET', path: '/api/health', ok: 200, build: none, expect: PUBLIC },
  { method: 'GET', path: '/api/openapi.json', ok: 200, build: none, expect: PUBLIC },
  { method: 'GET', path: '/api/v1/reference', ok: 200, build: none, expect: PUBLIC },

  // accounts: sign-in, session, password reset are for everyone
  {
    method: 'POST', path: '/api/v1/auth/sign-in', ok: 200, expect: PUBLIC,
    build: async (f, p) => ({ body: { email: p === 'anonymous' ? (await f.freshUser()).email : f.w.emails[p], password: PASSWORD } }),
  },
  { method: 'POST', path: '/api/v1/auth/sign-out', ok: 200, expect: PUBLIC, build: async (f, p) => ({ session: await f.freshSession(p) }) },
  { method: 'GET', path: '/api/v1/auth/session', ok: 200, build: none, expect: PUBLIC },
  { method: 'POST', path: '/api/v1/auth/password-reset', ok: 202, expect: PUBLIC, build: async (f) => ({ body: { email: (await f.freshUser()).email } }) },
  {
    method: 'POST', path: '/api/v1/auth/password-reset/confirm', ok: 200, expect: PUBLIC,
    build: async (f) => ({ body: { token: await f.freshResetToken(), password: 'a-brand-new-password' } }),
  },

  // me
  { method: 'GET', path: '/api/v1/me/home', ok: 200, build: none, expect: SIGNED_IN },
  { method: 'PATCH', path: '/api/v1/me', ok: 200, build: async () => ({ body: { locale: 'en' } }), expect: SIGNED_IN },
  { method: 'GET', path: '/api/v1/me/tokens', ok: 200, build: none, expect: SIGNED_IN },
  { method: 'POST', path: '/api/v1/me/tokens', ok: 201, build: async () => ({ body: { name: `cli ${tag()}` } }), expect: SIGNED_IN, can: { action: 'account.manage', resource: platform } },
  {
    method: 'DELETE', path: '/api/v1/me/tokens/:id', ok: 200, expect: SIGNED_IN,
    // one's own token; anonymous aims at the convener's
    build: async (f, p) => ({ params: { id: await f.freshToken(p === 'anonymous' ? f.w.users.convener : f.w.users[p]) } }),
  },

  // platform administration
  { method: 'GET', path: '/api/v1/users', ok: 200, build: none, expect: ADMIN_ONLY, can: { action: 'platform.admin', resource: platform } },
  { method: 'GET', path: '/api/v1/audit', ok: 200, build: none, expect: ADMIN_ONLY, can: { action: 'platform.admin', resource: platform } },
  {
    method: 'POST', path: '/api/v1/users', ok: 201, expect: ADMIN_ONLY, can: { action: 'platform.admin', resource: platform },
    build: async () => ({ body: { email: `new-${tag()}@test.accord`, name: 'New Person', password: 'long-enough-password' } }),
  },
  {
    method: 'POST', path: '/api/v1/users', variant: 'an invitation (no password)', ok: 201, expect: ADMIN_ONLY, can: { action: 'platform.admin', resource: platform },
    build: async () => ({ body: { email: `invited-${tag()}@test.accord`, name: 'Invited Person' } }),
  },
  {
    method: 'PATCH', path: '/api/v1/users/:id', ok: 200, expect: ADMIN_ONLY, can: { action: 'platform.admin', resource: platform },
    build: async (f) => ({ params: { id: (await f.freshUser()).id }, body: { isAdmin: true } }),
  },

  // organisations
  { method: 'GET', path: O, ok: 200, build: none, expect: PUBLIC },
  {
    method: 'POST', path: O, ok: 201, expect: SIGNED_IN, can: { action: 'organisation.create', resource: platform },
    build: async () => ({ body: { name: `Registered ${tag()}`, sector: 'community', country: 'KE' } }),
  },
  { method: 'GET', path: `${O}/:id`, ok: 200, expect: PUBLIC, can: { action: 'organisation.read', resource: convenerOrg }, build: async (f) => ({ params: { id: f.w.orgs.convenerOrg } }) },
  {
    method: 'PATCH', path: `${O}/:id`, ok: 200, expect: CONVENER_ORG_ADMINS, can: { action: 'organisation.update', resource: convenerOrg },
    build: async (f) => ({ params: { id: f.w.orgs.convenerOrg }, body: { description: `Edited ${tag()}` } }),
  },
  {
    method: 'PATCH', path: `${O}/:id`, variant: 'the outsider’s organisation', ok: 200, expect: OTHER_ORG_ADMINS,
    can: { action: 'organisation.update', resource: (w) => ({ type: 'organisation', id: w.orgs.otherOrg }) },
    build: async (f) => ({ params: { id: f.w.orgs.otherOrg }, body: { offers: [`grants ${tag()}`] } }),
  },
  {
    method: 'GET', path: `${O}/:id/members`, ok: 200, expect: CONVENER_ORG_PEOPLE, can: { action: 'organisation.members.read', resource: convenerOrg },
    build: async (f) => ({ params: { id: f.w.orgs.convenerOrg } }),
  },
  {
    method: 'POST', path: `${O}/:id/members`, ok: 201, expect: CONVENER_ORG_ADMINS, can: { action: 'organisation.members.manage', resource: convenerOrg },
    build: async (f) => ({ params: { id: f.w.orgs.convenerOrg }, body: { email: (await f.freshUser()).email, role: 'member' } }),
  },
  {
    method: 'DELETE', path: `${O}/:id/members/:userId`, ok: 200, expect: CONVENER_ORG_ADMINS, can: { action: 'organisation.members.manage', resource: convenerOrg },
    build: async (f) => ({ params: { id: f.w.orgs.convenerOrg, userId: await f.freshOrgPerson() } }),
  },

  // partnerships: lists and creation
  { method: 'GET', path: P, ok: 200, build: none, expect: PUBLIC },
  { method: 'GET', path: P, variant: 'mine=true', ok: 200, build: async () => ({ query: { mine: 'true' } }), expect: SIGNED_IN },
  {
    method: 'POST', path: P, ok: 201, expect: SIGNED_IN, can: { action: 'partnership.create', resource: platform },
    build: async (f, p) => ({
      body: {
        name: `New Alliance ${tag()}`, purpose: 'Working together on something that matters.', model: 'msi', visibility: 'private',
        convenerOrganisationId: convenerOrgFor(f.w, p), goals: [{ title: 'First goal', sdgs: ['6'] }],
      },
    }),
  },

  // one partnership (the private one the personas take part in)
  { method: 'GET', path: `${P}/:id`, ok: 200, expect: PRIVATE_READ, can: { action: 'partnership.read', resource: priv }, build: async (f) => ({ params: { id: f.w.partnership } }) },
  {
    method: 'PATCH', path: `${P}/:id`, ok: 200, expect: PRIVATE_CONVENERS, can: { action: 'partnership.update', resource: priv },
    build: async (f) => ({ params: { id: f.w.partnership }, body: { purpose: `Clean water for every household, revision ${tag()}.` } }),
  },
  { method: 'GET', path: `${P}/:id/transitions`, ok: 200, expect: PRIVATE_READ, can: { action: 'partnership.read', resource: priv }, build: async (f) => ({ params: { id: f.w.partnership } }) },
  {
    method: 'POST', path: `${P}/:id/transitions`, ok: 200, expect: PRIVATE_CONVENERS, can: { action: 'partnership.transition', resource: priv },
    // a fresh partnership in scoping per test, so every allowed move is legal
    build: async (f) => ({ params: { id: await f.freshPartnership() }, body: { to: 'building', reason: 'The partners signed the agreement.' } }),
  },
  { method: 'GET', path: `${P}/:id/goals`, ok: 200, expect: PRIVATE_READ, can: { action: 'partnership.read', resource: priv }, build: async (f) => ({ params: { id: f.w.partnership } }) },
  {
    method: 'POST', path: `${P}/:id/goals`, ok: 201, expect: PRIVATE_CONVENERS, can: { action: 'partnership.goals.manage', resource: priv },
    build: async (f) => ({ params: { id: f.w.partnership }, body: { title: `Goal ${tag()}`, sdgs: ['6.1'] } }),
  },
  {
    method: 'PATCH', path: `${P}/:id/goals/:goalId`, ok: 200, expect: PRIVATE_CONVENERS, can: { action: 'partnership.goals.manage', resource: priv },
    build: async (f) => ({ params: { id: f.w.partnership, goalId: await f.freshGoal() }, body: { title: `Renamed ${tag()}` } }),
  },
  {
    method: 'DELETE', path: `${P}/:id/goals/:goalId`, ok: 200, expect: PRIVATE_CONVENERS, can: { action: 'partnership.goals.manage', resource: priv },
    build: async (f) => ({ params: { id: f.w.partnership, goalId: await f.freshGoal() } }),
  },
  { method: 'GET', path: `${P}/:id/members`, ok: 200, expect: PRIVATE_READ, can: { action: 'partnership.read', resource: priv }, build: async (f) => ({ params: { id: f.w.partnership } }) },
  {
    method: 'POST', path: `${P}/:id/members`, ok: 201, expect: PRIVATE_CONVENERS, can: { action: 'partnership.members.manage', resource: priv },
    build: async (f) => ({ params: { id: f.w.partnership }, body: { organisationId: await f.freshOrg(), role: 'funder' } }),
  },
  {
    method: 'PATCH', path: `${P}/:id/members/:memberId`, ok: 200, expect: PRIVATE_CONVENERS, can: { action: 'partnership.members.manage', resource: priv },
    build: async (f) => ({ params: { id: f.w.partnership, memberId: await f.freshMembership() }, body: { role: 'technical_partner' } }),
  },
  {
    method: 'GET', path: `${P}/:id/people`, ok: 200, expect: PRIVATE_PARTICIPANTS, can: { action: 'partnership.people.read', resource: priv },
    build: async (f) => ({ params: { id: f.w.partnership } }),
  },
  {
    method: 'POST', path: `${P}/:id/people`, ok: 201, expect: PRIVATE_CONVENERS, can: { action: 'partnership.members.manage', resource: priv },
    build: async (f) => ({ params: { id: f.w.partnership }, body: { email: (await f.freshUser()).email, role: 'observer' } }),
  },
  {
    method: 'DELETE', path: `${P}/:id/people/:personId`, ok: 200, expect: PRIVATE_CONVENERS, can: { action: 'partnership.members.manage', resource: priv },
    build: async (f) => ({ params: { id: f.w.partnership, personId: await f.freshPerson() } }),
  },
  { method: 'GET', path: `${P}/:id/audit`, ok: 200, expect: PRIVATE_AUDIT, can: { action: 'partnership.audit.read', resource: priv }, build: async (f) => ({ params: { id: f.w.partnership } }) },
  {
    method: 'GET', path: `${P}/:id/events`, ok: 200, stream: true, expect: PRIVATE_PARTICIPANTS, can: { action: 'partnership.events.subscribe', resource: priv },
    build: async (f) => ({ params: { id: f.w.partnership } }),
  },

  // the public partnership: strangers read it, but only participants see people, events, audit
  { method: 'GET', path: `${P}/:id`, variant: 'public partnership', ok: 200, expect: PUBLIC, can: { action: 'partnership.read', resource: pub }, build: async (f) => ({ params: { id: f.w.publicPartnership } }) },
  { method: 'GET', path: `${P}/:id/transitions`, variant: 'public partnership', ok: 200, expect: PUBLIC, build: async (f) => ({ params: { id: f.w.publicPartnership } }) },
  { method: 'GET', path: `${P}/:id/goals`, variant: 'public partnership', ok: 200, expect: PUBLIC, build: async (f) => ({ params: { id: f.w.publicPartnership } }) },
  { method: 'GET', path: `${P}/:id/members`, variant: 'public partnership', ok: 200, expect: PUBLIC, build: async (f) => ({ params: { id: f.w.publicPartnership } }) },
  {
    method: 'GET', path: `${P}/:id/people`, variant: 'public partnership', ok: 200, expect: PUBLIC_PARTICIPANTS, can: { action: 'partnership.people.read', resource: pub },
    build: async (f) => ({ params: { id: f.w.publicPartnership } }),
  },
  {
    method: 'GET', path: `${P}/:id/audit`, variant: 'public partnership', ok: 200, expect: PUBLIC_AUDIT, can: { action: 'partnership.audit.read', resource: pub },
    build: async (f) => ({ params: { id: f.w.publicPartnership } }),
  },
  {
    method: 'GET', path: `${P}/:id/events`, variant: 'public partnership', ok: 200, stream: true, expect: PUBLIC_PARTICIPANTS,
    can: { action: 'partnership.events.subscribe', resource: pub }, build: async (f) => ({ params: { id: f.w.publicPartnership } }),
  },
  {
    method: 'PATCH', path: `${P}/:id`, variant: 'public partnership', ok: 200, expect: PUBLIC_CONVENERS, can: { action: 'partnership.update', resource: pub },
    build: async (f) => ({ params: { id: f.w.publicPartnership }, body: { purpose: `Open data for Testville, revision ${tag()}.` } }),
  },
  {
    method: 'POST', path: `${P}/:id/goals`, variant: 'public partnership', ok: 201, expect: PUBLIC_CONVENERS, can: { action: 'partnership.goals.manage', resource: pub },
    build: async (f) => ({ params: { id: f.w.publicPartnership }, body: { title: `Open goal ${tag()}`, sdgs: [] } }),
  },

  // the outsider's own private partnership: the outsider convenes it, the others do not know it
  { method: 'GET', path: `${P}/:id`, variant: 'the outsider’s partnership', ok: 200, expect: OTHER_PRIVATE_READ, can: { action: 'partnership.read', resource: other }, build: async (f) => ({ params: { id: f.w.otherPartnership } }) },
  {
    method: 'PATCH', path: `${P}/:id`, variant: 'the outsider’s partnership', ok: 200, expect: OTHER_PRIVATE_CONVENERS, can: { action: 'partnership.update', resource: other },
    build: async (f) => ({ params: { id: f.w.otherPartnership }, body: { name: `Elsewhere Forest Initiative ${tag()}` } }),
  },
];

/** "GET /api/v1/partnerships/:id" */
export const routeKey = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

/** The status codes and problem codes a denial answers with. */
export const DENIAL_CODE: Record<401 | 403 | 404, string> = { 401: 'unauthenticated', 403: 'forbidden', 404: 'not_found' };
