/**
 * Reminder e-mails to the people responsible for what partners owe, made and sent by the reminders job that
 * every app node runs:
 *
 * 1. generate: each source lists the items (open or done); an open item due within 14 days or overdue gets
 *    one reminder per responsible person and stage (the unique key makes this idempotent, on any node, any
 *    number of times). Waiting reminders of an item that is done, has moved on to a later stage or is no
 *    longer listed are cancelled.
 * 2. send: due reminders are claimed per person (PostgreSQL: the person's settings row FOR UPDATE SKIP
 *    LOCKED), marked sending with the node and time, mailed (one mail each, or one digest per person),
 *    marked sent. A failed mail is retried later, at most MAX_ATTEMPTS times; a claim left sending for more
 *    than ten minutes (its node died) is released. Delivery is at least once: a node that dies between the
 *    SMTP answer and marking the reminder sent sends it again after the claim is released.
 *
 * Reminders are not audited: they change no partnership record, and the reminders table is itself the log of
 * who was told what and when.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { Deps } from '../context';
import { isDate } from '../../domain/kernel/dates';
import { checkGraceDays, DEFAULT_GRACE_DAYS, trafficLight } from '../../domain/accountability/scorecard';
import * as repo from '../../store/repositories/notifications.repository';
import type { ReminderRow } from '../../store/repositories/notifications.repository';
import { REMINDER_SOURCES, type DueItemWithPartnership, type ReminderSource } from './sources';
import { DEFAULT_SETTING, MAX_ATTEMPTS, STALE_CLAIM_MS, reminderStage, retryAt, sendAfter, type Digest, type Stage } from './schedule';
import { settingOf, defaultRow } from './settings';
import { digestMail, reminderMail, type MailItem } from './mail';

/** A name for this app node in the claims it makes (host, process, and a random part for two nodes in one process). */
export const nodeName = (): string => `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

const key = (userId: string, partnershipId: string, itemKey: string, stage: string) => JSON.stringify([userId, partnershipId, itemKey, stage]);

/** An item a source returned that the job can use: real dates, a grace period in range (else the default). */
function usable(i: DueItemWithPartnership): DueItemWithPartnership | null {
  if (!isDate(i.dueOn) || (i.doneOn !== null && !isDate(i.doneOn)) || !i.partnershipId || !i.organisationId || !i.itemKey) return null;
  return checkGraceDays(i.graceDays).length ? { ...i, graceDays: DEFAULT_GRACE_DAYS } : i;
}

export interface GenerationResult {
  /** Reminders made now (pending or, for people who chose never, suppressed). */
  created: number;
  /** Waiting reminders cancelled: their item is done, reached a later stage, or is gone. */
  cancelled: number;
  /** Sources that failed (their items were skipped, and nothing was cancelled). */
  failedSources: number;
}

/** Step 1: the reminders of today's items, made once per person, item and stage. */
export async function generateReminders(deps: Deps, sources: readonly ReminderSource[] = REMINDER_SOURCES): Promise<GenerationResult> {
  const db = deps.database.db;
  const now = deps.clock();
  const today = now.slice(0, 10);
  const items: DueItemWithPartnership[] = [];
  let failedSources = 0;
  for (const source of sources) {
    try {
      for (const raw of await source(db, today)) {
        const i = usable(raw);
        if (i) items.push(i);
        else deps.log.warn({ itemKey: raw.itemKey, partnershipId: raw.partnershipId }, 'a reminder source returned an item without valid dates or ids; it is skipped');
      }
    } catch (err) {
      failedSources++;
      deps.log.warn({ err }, 'a reminder source failed; its items are skipped until the next generation');
    }
  }

  const staged = items.flatMap((i) => {
    const stage = i.doneOn === null ? reminderStage(i.dueOn, today, i.graceDays) : null;
    return stage ? [{ item: i, stage, light: trafficLight(i, today, i.graceDays) }] : [];
  });
  const people = await repo.responsiblePeople(db, staged.map((s) => s.item.partnershipId));
  const byPartnership = new Map<string, repo.Responsible[]>();
  for (const p of people) byPartnership.set(p.partnership_id, [...(byPartnership.get(p.partnership_id) ?? []), p]);

  // who is told what: the partner's representatives; for red items the conveners too
  const wanted = new Map<string, { userId: string; item: DueItemWithPartnership; stage: Stage; light: string }>();
  for (const s of staged) {
    for (const p of byPartnership.get(s.item.partnershipId) ?? []) {
      const responsible = p.role === 'representative' ? p.organisation_id === s.item.organisationId : s.stage === 'overdue_beyond_grace';
      if (responsible) wanted.set(key(p.user_id, s.item.partnershipId, s.item.itemKey, s.stage), { userId: p.user_id, item: s.item, stage: s.stage, light: s.light });
    }
  }
  const userIds = [...new Set([...wanted.values()].map((w) => w.userId))];

  return deps.database.transaction(async (trx) => {
    const settings = new Map((await repo.settingsOf(trx, userIds)).map((r) => [r.user_id, settingOf(r)]));
    const rows: ReminderRow[] = [...wanted.values()].map((w) => {
      const after = sendAfter(settings.get(w.userId) ?? DEFAULT_SETTING, now);
      return {
        id: deps.newId(), user_id: w.userId, partnership_id: w.item.partnershipId, organisation_id: w.item.organisationId, kind: w.item.kind, item_key: w.item.itemKey,
        stage: w.stage, title: w.item.title.slice(0, 500), due_on: w.item.dueOn, light: w.light, status: after === null ? 'suppressed' : 'pending', send_after: after ?? now,
        attempts: 0, claimed_by: null, claimed_at: null, sent_at: null, last_error: null, created_at: now, updated_at: now,
      };
    });
    // a settings row per person, so the sending job can lock one row per person (PostgreSQL)
    await repo.ensureSettings(trx, userIds.map((id) => defaultRow(id, now)));
    const created = (await repo.insertReminders(trx, rows)).length;
    let cancelled = 0;
    // a source that failed leaves its items unknown: cancel nothing rather than everything it would have listed
    if (failedSources === 0) {
      const stale = (await repo.pendingReminders(trx)).filter((r) => !wanted.has(key(r.user_id, r.partnership_id, r.item_key, r.stage)));
      cancelled = await repo.setPendingStatus(trx, stale.map((r) => r.id), 'cancelled', now);
    }
    return { created, cancelled, failedSources };
  });
}

export interface SendResult {
  /** E-mails sent (one per reminder for "immediately", one per digest). */
  mails: number;
  /** Reminders marked sent. */
  sent: number;
  /** Reminders whose mail failed (retried later, or failed for good after MAX_ATTEMPTS). */
  failed: number;
  /** Claims of dead nodes released. */
  released: number;
}

const STAGE_ORDER: Record<string, number> = { overdue_beyond_grace: 0, overdue: 1, due_soon: 2 };
/** Partnership names in the order people read them ("Phase 9" before "Phase 10"). */
const byName = new Intl.Collator('en', { numeric: true, sensitivity: 'base' }).compare;

/** Step 2: claims the due reminders person by person and mails them, until none is due. */
export async function sendDueReminders(deps: Deps, node: string, opts: { batch?: number } = {}): Promise<SendResult> {
  const { db, dialect } = deps.database;
  const start = deps.clock();
  const result: SendResult = { mails: 0, sent: 0, failed: 0, released: 0 };
  result.released = await repo.releaseStale(db, new Date(Date.parse(start) - STALE_CLAIM_MS).toISOString(), start, MAX_ATTEMPTS);
  // what is due as of the start of the run: a failed mail is due again only after its back-off, so this ends
  for (;;) {
    const claimed = await deps.database.transaction((trx) => repo.claimDue(trx, dialect, node, start, opts.batch ?? 20, (id) => defaultRow(id, start)));
    if (!claimed.length) break;
    const [settings, people, names] = await Promise.all([
      repo.settingsOf(db, claimed.map((r) => r.user_id)),
      repo.recipients(db, claimed.map((r) => r.user_id)),
      repo.partnershipNames(db, claimed.map((r) => r.partnership_id)),
    ]);
    const settingBy = new Map(settings.map((s) => [s.user_id, settingOf(s)]));
    const personBy = new Map(people.map((p) => [p.id, p]));
    const byUser = new Map<string, ReminderRow[]>();
    for (const r of claimed) byUser.set(r.user_id, [...(byUser.get(r.user_id) ?? []), r]);

    for (const [userId, rows] of byUser) {
      const person = personBy.get(userId);
      const digest: Digest = (settingBy.get(userId) ?? DEFAULT_SETTING).digest;
      if (!person || digest === 'never') {
        // the person chose never after these were claimed (or is gone): nothing to send
        await repo.markClaimed(db, rows.map((r) => r.id), node, 'suppressed', deps.clock());
        continue;
      }
      rows.sort((a, b) => byName(names.get(a.partnership_id) ?? '', names.get(b.partnership_id) ?? '') || a.partnership_id.localeCompare(b.partnership_id) || STAGE_ORDER[a.stage] - STAGE_ORDER[b.stage] || a.due_on.localeCompare(b.due_on) || a.id.localeCompare(b.id));
      const item = (r: ReminderRow): MailItem => ({ partnershipId: r.partnership_id, partnershipName: names.get(r.partnership_id) ?? '', kind: r.kind, title: r.title, dueOn: r.due_on, stage: r.stage as Stage });
      const today = deps.clock().slice(0, 10);
      // one mail per reminder, or one digest for all of them; each batch is marked by how its mail went
      const batches = digest === 'immediately' ? rows.map((r) => ({ rows: [r], mail: reminderMail(person, item(r), today, deps.config.publicUrl) })) : [{ rows, mail: digestMail(person, digest, rows.map(item), today, deps.config.publicUrl) }];
      for (const b of batches) {
        const ids = b.rows.map((r) => r.id);
        try {
          await deps.mailer.send(b.mail);
        } catch (err) {
          const at = deps.clock();
          deps.log.warn({ err, userId, reminders: ids.length }, 'a reminder e-mail failed; it is retried later');
          await repo.markFailed(db, ids, node, { at, retryAt: retryAt(at, Math.max(...b.rows.map((r) => r.attempts))), error: String((err as Error)?.message ?? err).slice(0, 500), maxAttempts: MAX_ATTEMPTS });
          result.failed += ids.length;
          continue;
        }
        result.mails++;
        result.sent += await repo.markClaimed(db, ids, node, 'sent', deps.clock());
      }
    }
  }
  return result;
}

/**
 * The reminders job of one node: sends what is due on every tick, and generates reminders at most every
 * `generateEveryMs` (the sources read every partnership with commitments or indicators, so not every tick).
 */
export function reminderJob(deps: Deps, opts: { node?: string; sources?: readonly ReminderSource[]; generateEveryMs?: number } = {}) {
  const node = opts.node ?? nodeName();
  const every = opts.generateEveryMs ?? 15 * 60_000;
  let lastGenerated = -Infinity;
  return {
    node,
    async tick(): Promise<{ generated: GenerationResult | null; sent: SendResult }> {
      const now = Date.parse(deps.clock());
      let generated: GenerationResult | null = null;
      if (now - lastGenerated >= every) {
        // a failed generation must not hold back what is already due: it is logged and tried again next tick
        try {
          generated = await generateReminders(deps, opts.sources ?? REMINDER_SOURCES);
          lastGenerated = now;
        } catch (err) {
          deps.log.warn({ err }, 'making reminders failed; it is tried again on the next tick');
        }
      }
      return { generated, sent: await sendDueReminders(deps, node) };
    },
  };
}
