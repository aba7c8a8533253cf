import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../services/context';
import { DIGEST_MODES, WEEKDAY_NAMES, NotificationSettings, UpdateNotificationSettingsBody } from '../../contracts/notifications';
import { getNotificationSettings, updateNotificationSettings, WEEKDAYS } from '../../services/notifications/settings';
import { DIGESTS } from '../../services/notifications/schedule';
import { requireUser } from '../plugins/auth';
import { responses } from './shared';

// the contract's lists and the service's must be the same (services cannot import contracts): checked by the compiler
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const sameDigests: Same<(typeof DIGEST_MODES)[number], (typeof DIGESTS)[number]> = true;
const sameWeekdays: Same<(typeof WEEKDAY_NAMES)[number], (typeof WEEKDAYS)[number]> = true;
void sameDigests;
void sameWeekdays;

/** A person's notification settings: how reminder e-mails reach them. */
export async function notificationRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['accounts'];

  r.get('/api/v1/me/notifications', { schema: { tags, summary: 'How reminder e-mails reach me, and how many are waiting', response: responses(200, NotificationSettings) } }, async (req) =>
    getNotificationSettings(deps, requireUser(req)),
  );
  r.put('/api/v1/me/notifications', { schema: { tags, summary: 'Choose how reminder e-mails reach me: at once, a daily or weekly digest, or never', body: UpdateNotificationSettingsBody, response: responses(200, NotificationSettings) } }, async (req) =>
    updateNotificationSettings(deps, requireUser(req), req.body),
  );
}
