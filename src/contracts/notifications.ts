import { z } from 'zod';
import { Instant } from './common';

/** How reminders reach a person: one e-mail each at once, a daily or weekly digest, or none. */
export const DIGEST_MODES = ['immediately', 'daily', 'weekly', 'never'] as const;
export const WEEKDAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

export const DigestMode = z.enum(DIGEST_MODES).describe('immediately: one e-mail per reminder; daily or weekly: one digest; never: no reminder e-mails');
export const DigestHour = z.number().int().min(0, 'An hour from 0 to 23 (UTC)').max(23, 'An hour from 0 to 23 (UTC)').describe('The hour (UTC) a daily or weekly digest goes out');
export const DigestWeekday = z.enum(WEEKDAY_NAMES).describe('The day a weekly digest goes out');

/** The caller's notification settings (the default until they choose: a daily digest at 07:00 UTC). */
export const NotificationSettings = z.object({
  digest: DigestMode,
  digestHour: DigestHour,
  digestWeekday: DigestWeekday,
  /** Reminders made and not sent yet. */
  pendingReminders: z.number().int().min(0),
  /** When the next digest goes out (daily and weekly), else null. */
  nextDigestAt: Instant.nullable(),
});
export type NotificationSettings = z.infer<typeof NotificationSettings>;

/** The whole setting: hour and weekday left out take their defaults (07:00 UTC, Monday). */
export const UpdateNotificationSettingsBody = z.object({
  digest: DigestMode,
  digestHour: DigestHour.default(7),
  digestWeekday: DigestWeekday.default('monday'),
});
