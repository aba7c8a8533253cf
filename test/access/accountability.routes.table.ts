/**
 * Mutual accountability's routes (scorecards, the overdue board, the dashboard): every participant of a
 * partnership reads them, as they read its pledges and results; strangers get 404 for a private partnership and
 * 403 for a public one; anonymous callers 401; the platform admin reads everything.
 */
import { P, PRIVATE_PARTICIPANTS, PUBLIC_PARTICIPANTS, OTHER_PRIVATE_CONVENERS, priv, pub, other, type RouteCase } from './routes.table';

const A = `${P}/:id/accountability`;
const PATHS = [`${A}/scorecards`, `${A}/overdue`, `${A}/dashboard`];

export const ACCOUNTABILITY_ROUTES: RouteCase[] = PATHS.flatMap((path): RouteCase[] => [
  { method: 'GET', path, ok: 200, expect: PRIVATE_PARTICIPANTS, can: { action: 'partnership.resources.read', resource: priv }, build: async (f) => ({ params: { id: f.w.partnership } }) },
  { method: 'GET', path, variant: 'public partnership', ok: 200, expect: PUBLIC_PARTICIPANTS, can: { action: 'partnership.resources.read', resource: pub }, build: async (f) => ({ params: { id: f.w.publicPartnership } }) },
  { method: 'GET', path, variant: 'the outsider’s partnership', ok: 200, expect: OTHER_PRIVATE_CONVENERS, can: { action: 'partnership.resources.read', resource: other }, build: async (f) => ({ params: { id: f.w.otherPartnership } }) },
]);
