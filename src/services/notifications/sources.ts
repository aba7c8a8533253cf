/**
 * Where reminders come from: every source lists the items partners owe (tranches to deliver, reports to
 * submit), open or done, across the partnerships it covers. The reminders job asks each source once per
 * generation; an item that is done, or no longer listed, has its waiting reminders cancelled. A source that
 * fails throws (it never returns a partial list, which would cancel reminders of the items it left out).
 */
import type { Tx } from '../../store/database';
import { DEFAULT_GRACE_DAYS, type DueItem, type ItemKind } from '../../domain/accountability/scorecard';
import { graceDaysOf, partnershipsWithCommitments, partnershipsWithReporting } from '../../store/repositories/notifications.repository';
import { deliveryDueItems } from '../accountability/finance';
import { reportDueItems } from '../accountability/indicators';

/** Something a partner owes in a partnership, with what a reminder needs to say about it. */
export interface DueItemWithPartnership {
  readonly partnershipId: string;
  /** The partner responsible: its representatives in the partnership are reminded. */
  readonly organisationId: string;
  readonly kind: ItemKind;
  /** Stable across days, e.g. `tranche:<commitmentId>:<n>` or `report:<indicatorId>:<periodKey>:<organisationId>`. */
  readonly itemKey: string;
  readonly title: string;
  readonly dueOn: string;
  /** When it was delivered or submitted; null while it is not (a done item reminds no one). */
  readonly doneOn: string | null;
  /** The partnership's grace period (domain scorecard: overdue beyond it is red). */
  readonly graceDays: number;
}

/** Lists the items of every partnership this source knows about, as of `today`. */
export type ReminderSource = (db: Tx, today: string) => Promise<DueItemWithPartnership[]>;

/** A source from a per-partnership list of domain items, over the partnerships `which` finds (not closed). */
function perPartnership(which: (db: Tx) => Promise<string[]>, itemsOf: (db: Tx, partnershipId: string, today: string) => Promise<DueItem[]>, itemKey: (i: DueItem) => string): ReminderSource {
  return async (db, today) => {
    const ids = await which(db);
    const grace = await graceDaysOf(db, ids);
    const out: DueItemWithPartnership[] = [];
    // one partnership at a time: a few indexed queries each, whatever the size of the others
    for (const partnershipId of ids) {
      for (const i of await itemsOf(db, partnershipId, today)) {
        out.push({
          partnershipId, organisationId: i.partner, kind: i.kind, itemKey: itemKey(i), title: i.label ?? i.id, dueOn: i.dueOn, doneOn: i.doneOn,
          graceDays: grace.get(partnershipId) ?? DEFAULT_GRACE_DAYS,
        });
      }
    }
    return out;
  };
}

/** The tranches of the open commitments (domain id `<commitmentId>#<index>`). */
export const deliverySource: ReminderSource = perPartnership(partnershipsWithCommitments, (db, id) => deliveryDueItems(db, id), (i) => `tranche:${i.id.replace('#', ':')}`);

/**
 * The reports of the reporting periods that have begun (domain id `<indicatorId>:<periodKey>:<organisationId>`:
 * the partner is part of the key, so a convener told about two partners' reports gets two reminders).
 */
export const reportSource: ReminderSource = perPartnership(partnershipsWithReporting, reportDueItems, (i) => `report:${i.id}`);

/** The sources the reminders job uses by default. */
export const REMINDER_SOURCES: readonly ReminderSource[] = [deliverySource, reportSource];
