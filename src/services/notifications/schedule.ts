/**
 * When reminders are made and sent: pure functions of dates, instants and a person's digest setting (nothing
 * here reads a clock). Kept beside the use cases because they decide delivery, not a partnership rule; the
 * traffic light itself is the domain's (scorecard.trafficLight).
 */
import { daysBetween } from '../../domain/kernel/dates';
import { DUE_SOON_DAYS } from '../../domain/accountability/scorecard';

export const DIGESTS = ['immediately', 'daily', 'weekly', 'never'] as const;
export type Digest = (typeof DIGESTS)[number];

/** What a person has until they choose: a daily digest at 07:00 UTC (weekly ones on Monday). */
export const DEFAULT_SETTING: DigestSetting = { digest: 'daily', hour: 7, weekday: 1 };

/** How reminders reach a person: `hour` 0-23 UTC; `weekday` 1 Monday ... 7 Sunday (ISO 8601). */
export interface DigestSetting {
  readonly digest: Digest;
  readonly hour: number;
  readonly weekday: number;
}

/**
 * The stages of an item a person is reminded of, once each: due within 14 days (today included), overdue
 * within the grace days (both yellow), overdue beyond them (red: the conveners are told too).
 */
export const STAGES = ['due_soon', 'overdue', 'overdue_beyond_grace'] as const;
export type Stage = (typeof STAGES)[number];

/** The stage of an open item as of `today`; null while it is due in more than 14 days. */
export function reminderStage(dueOn: string, today: string, graceDays: number): Stage | null {
  const until = daysBetween(today, dueOn);
  if (until > DUE_SOON_DAYS) return null;
  if (until >= 0) return 'due_soon';
  return -until <= graceDays ? 'overdue' : 'overdue_beyond_grace';
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The first instant at or after `at` when a reminder made at `at` may be sent: at once (immediately), the next
 * daily or weekly digest, or null (never). A reminder made exactly at a digest's hour goes into that digest.
 */
export function sendAfter(setting: DigestSetting, at: string): string | null {
  const t = Date.parse(at);
  switch (setting.digest) {
    case 'immediately':
      return new Date(t).toISOString();
    case 'never':
      return null;
    case 'daily': {
      const slot = Math.floor(t / DAY) * DAY + setting.hour * HOUR;
      return new Date(slot >= t ? slot : slot + DAY).toISOString();
    }
    case 'weekly': {
      const day = Math.floor(t / DAY) * DAY;
      const isoWeekday = ((new Date(day).getUTCDay() + 6) % 7) + 1;
      let slot = day + ((setting.weekday - isoWeekday + 7) % 7) * DAY + setting.hour * HOUR;
      if (slot < t) slot += 7 * DAY;
      return new Date(slot).toISOString();
    }
  }
}

/** Sending attempts before a reminder is given up as failed. */
export const MAX_ATTEMPTS = 5;
/** A claim older than this is released: the node that made it died or hung mid-send. */
export const STALE_CLAIM_MS = 10 * 60_000;

/** When to try again after the n-th failed attempt: 5, 10, 20, 40 minutes..., at most 6 hours later. */
export function retryAt(now: string, attempts: number): string {
  const wait = Math.min(5 * 60_000 * 2 ** Math.max(0, attempts - 1), 6 * HOUR);
  return new Date(Date.parse(now) + wait).toISOString();
}
