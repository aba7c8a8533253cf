/** Table types of notifications (migration 0008-notifications). */

/** A person's choice of how reminders reach them; no row means the default (a daily digest at 07:00 UTC). */
export interface NotificationSettingsTable {
  user_id: string;
  /** immediately | daily | weekly | never */
  digest: string;
  /** The hour (UTC, 0-23) a daily or weekly digest goes out. */
  digest_hour: number;
  /** The day a weekly digest goes out: 1 Monday ... 7 Sunday (ISO 8601). */
  digest_weekday: number;
  created_at: string;
  updated_at: string;
}

/** One reminder of one item at one stage for one person; the unique (user, partnership, item, stage) makes generation idempotent. */
export interface RemindersTable {
  id: string;
  user_id: string;
  partnership_id: string;
  /** The partner that owes the item. */
  organisation_id: string;
  /** delivery | report */
  kind: string;
  /** The item's stable key, e.g. `tranche:<commitmentId>:<n>` or `report:<indicatorId>:<periodKey>`. */
  item_key: string;
  /** due_soon | overdue | overdue_beyond_grace */
  stage: string;
  title: string;
  due_on: string;
  /** yellow | red: the item's traffic light when the reminder was made. */
  light: string;
  /** pending | sending | sent | suppressed | failed | cancelled */
  status: string;
  /** The instant from which it may be sent: at once, the person's next digest, or a retry's back-off. */
  send_after: string;
  /** Sending attempts so far (a claim counts as one). */
  attempts: number;
  /** The app node that claimed it, and when (a claim older than ten minutes is released). */
  claimed_by: string | null;
  claimed_at: string | null;
  sent_at: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

export interface NotificationTables {
  notification_settings: NotificationSettingsTable;
  reminders: RemindersTable;
}
