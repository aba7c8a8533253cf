/**
 * A person's notification settings (how reminder e-mails reach them). The rules:
 *  - every signed-in person reads and changes their own settings (user.read on themselves; account.manage on
 *    the platform); there is no way to name someone else, so no persona is refused but the anonymous caller (401);
 *  - the platform admin may do everything, which here is the same: their own settings.
 * Each write sets a valid setting of the caller's own, so no test depends on another.
 */
import { E, platform, type RouteCase } from './routes.table';

/** Any signed-in account, on its own settings. */
const OWN = E(401, 'allow', 'allow', 'allow', 'allow', 'allow', 'allow');
const N = '/api/v1/me/notifications';
const DIGESTS = ['immediately', 'daily', 'weekly', 'never'] as const;
let n = 0;

export const NOTIFICATION_ROUTES: RouteCase[] = [
  { method: 'GET', path: N, ok: 200, expect: OWN, build: async () => ({}) },
  {
    method: 'PUT', path: N, ok: 200, expect: OWN, can: { action: 'account.manage', resource: platform },
    build: async () => ({ body: { digest: DIGESTS[n++ % DIGESTS.length], digestHour: n % 24, digestWeekday: 'friday' } }),
  },
];
