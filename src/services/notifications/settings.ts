/**
 * A person's notification setting: how reminders reach them (one e-mail each at once, a daily or weekly
 * digest at an hour UTC, or never). Changing it moves the reminders still waiting to the new schedule.
 */
import type { Deps } from '../context';
import { inTransaction } from '../context';
import { can, type Actor } from '../../domain/access/can';
import { DomainError, forbidden } from '../../domain/kernel/errors';
import { msg } from '../../domain/kernel/messages';
import * as repo from '../../store/repositories/notifications.repository';
import type { SettingsRow } from '../../store/repositories/notifications.repository';
import { DEFAULT_SETTING, DIGESTS, sendAfter, type Digest, type DigestSetting } from './schedule';

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** The setting a stored row says (an unknown value, which no write makes, reads as the default). */
export function settingOf(r: SettingsRow): DigestSetting {
  const digest = (DIGESTS as readonly string[]).includes(r.digest) ? (r.digest as Digest) : DEFAULT_SETTING.digest;
  const hour = Number.isInteger(r.digest_hour) && r.digest_hour >= 0 && r.digest_hour <= 23 ? r.digest_hour : DEFAULT_SETTING.hour;
  const weekday = Number.isInteger(r.digest_weekday) && r.digest_weekday >= 1 && r.digest_weekday <= 7 ? r.digest_weekday : DEFAULT_SETTING.weekday;
  return { digest, hour, weekday };
}

/** The default setting as a row for this person. */
export const defaultRow = (userId: string, at: string): SettingsRow => ({
  user_id: userId, digest: DEFAULT_SETTING.digest, digest_hour: DEFAULT_SETTING.hour, digest_weekday: DEFAULT_SETTING.weekday, created_at: at, updated_at: at,
});

const present = (s: DigestSetting, pending: number, now: string) => ({
  digest: s.digest,
  digestHour: s.hour,
  digestWeekday: WEEKDAYS[s.weekday - 1],
  pendingReminders: pending,
  /** When the next digest goes out (daily and weekly only). */
  nextDigestAt: s.digest === 'daily' || s.digest === 'weekly' ? sendAfter(s, now) : null,
});
const auditable = (s: DigestSetting) => ({ digest: s.digest, digestHour: s.hour, digestWeekday: WEEKDAYS[s.weekday - 1] });

export async function getNotificationSettings(deps: Deps, actor: Actor) {
  if (actor.kind !== 'user') throw new DomainError('unauthenticated', msg('auth.sign_in_or_token'));
  if (!can(actor, 'user.read', { type: 'user', id: actor.id })) throw forbidden();
  const db = deps.database.db;
  const [row, pending] = await Promise.all([repo.findSettings(db, actor.id), repo.countPending(db, actor.id)]);
  return present(row ? settingOf(row) : DEFAULT_SETTING, pending, deps.clock());
}

export interface SettingsInput {
  digest: Digest;
  digestHour: number;
  digestWeekday: Weekday;
}

/** Sets how reminders reach the caller; waiting reminders follow the new schedule (never: they are dropped). */
export async function updateNotificationSettings(deps: Deps, actor: Actor, input: SettingsInput) {
  if (actor.kind !== 'user') throw new DomainError('unauthenticated', msg('auth.sign_in_or_token'));
  if (!can(actor, 'account.manage', { type: 'platform' })) throw forbidden();
  const next: DigestSetting = { digest: input.digest, hour: input.digestHour, weekday: WEEKDAYS.indexOf(input.digestWeekday) + 1 };
  return inTransaction(deps, async (u) => {
    const before = await repo.findSettings(u.trx, actor.id);
    const row: SettingsRow = { ...(before ?? defaultRow(actor.id, u.now)), digest: next.digest, digest_hour: next.hour, digest_weekday: next.weekday, updated_at: u.now };
    await repo.upsertSettings(u.trx, row);

    // each waiting reminder goes when the new setting would have sent it had it been in force when the
    // reminder was made (a retry keeps its back-off); reminders already claimed by a job are left to it
    const pending = await repo.pendingOf(u.trx, actor.id);
    const moves = new Map<string, string[]>();
    const dropped: string[] = [];
    for (const r of pending) {
      const at = sendAfter(next, r.created_at);
      if (at === null) {
        dropped.push(r.id);
        continue;
      }
      const when = r.attempts > 0 && r.send_after > at ? r.send_after : at;
      if (when !== r.send_after) moves.set(when, [...(moves.get(when) ?? []), r.id]);
    }
    await repo.setPendingStatus(u.trx, dropped, 'suppressed', u.now);
    for (const [when, ids] of moves) await repo.setSendAfter(u.trx, ids, when, u.now);

    const beforeSetting = before ? settingOf(before) : DEFAULT_SETTING;
    await u.audit({ partnershipId: null, actorId: actor.id, action: 'user.notifications_updated', entityType: 'user', entityId: actor.id, before: auditable(beforeSetting), after: auditable(next) });
    return present(next, pending.length - dropped.length, u.now);
  });
}
