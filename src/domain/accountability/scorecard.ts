/**
 * Mutual accountability: a scorecard per partner and traffic lights for what is due. Pure functions of
 * (today, items, grace days): nothing here reads a clock.
 *
 * An item is something a partner owes by a date: a tranche of a commitment to deliver, or a report to
 * submit. Its light:
 *   green   done; or due in more than 14 days
 *   yellow  due within 14 days (today included); or overdue by at most the partnership's grace days
 *   red     overdue by more than the grace days
 * Timeliness counts the items whose outcome is known (done, or past due): on time when done on or before
 * the due date. Items not yet due and not done are not counted, so a new partner does not start at 0%.
 */
import { issue, type FieldIssue } from '../kernel/errors';
import { msg } from '../kernel/messages';
import { frac, fractionToString, mulF, type Fraction } from '../kernel/fraction';
import type { TrancheProgress } from './commitments';
import type { PledgeAmounts } from './ledger';
import { daysBetween, isDate } from '../kernel/dates';

export const LIGHTS = ['green', 'yellow', 'red'] as const;
export type Light = (typeof LIGHTS)[number];

/** An open item due within this many days is yellow. */
export const DUE_SOON_DAYS = 14;
/** The grace period of a partnership that has not set one. */
export const DEFAULT_GRACE_DAYS = 30;
export const MAX_GRACE_DAYS = 365;

/** Problems of a partnership's grace period: a whole number of days from 0 to 365. */
export function checkGraceDays(days: unknown, field = 'graceDays'): FieldIssue[] {
  return Number.isInteger(days) && (days as number) >= 0 && (days as number) <= MAX_GRACE_DAYS
    ? []
    : [issue(field, msg('results.grace_period_range', { max: MAX_GRACE_DAYS }), 'out_of_range')];
}

export const ITEM_KINDS = ['delivery', 'report'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/** Something a partner owes by a date. */
export interface DueItem {
  readonly id: string;
  readonly kind: ItemKind;
  readonly partner: string;
  readonly dueOn: string;
  /** When it was delivered or submitted; null while it is not. */
  readonly doneOn: string | null;
  readonly label?: string;
}

/** An item with its light as of today. */
export interface ItemStatus extends DueItem {
  readonly light: Light;
  /** Days from today to the due date: negative when overdue. */
  readonly daysUntilDue: number;
  readonly state: 'done_on_time' | 'done_late' | 'open' | 'overdue';
}

function assertDates(today: string, graceDays: number): void {
  if (!isDate(today)) throw new RangeError(`Not a date: ${today}`);
  if (checkGraceDays(graceDays).length) throw new RangeError(`Not a grace period: ${graceDays}`);
}

/** The light of one item as of `today`, with the partnership's grace days (see the module comment). */
export function trafficLight(item: Pick<DueItem, 'dueOn' | 'doneOn'>, today: string, graceDays: number): Light {
  assertDates(today, graceDays);
  if (item.doneOn !== null) return 'green';
  const until = daysBetween(today, item.dueOn);
  if (until > DUE_SOON_DAYS) return 'green';
  if (until >= 0) return 'yellow';
  return -until <= graceDays ? 'yellow' : 'red';
}

/** An item's light, state and days until due as of `today`. */
export function itemStatus(item: DueItem, today: string, graceDays: number): ItemStatus {
  const light = trafficLight(item, today, graceDays);
  const daysUntilDue = daysBetween(today, item.dueOn);
  const state = item.doneOn !== null ? (item.doneOn <= item.dueOn ? 'done_on_time' : 'done_late') : daysUntilDue < 0 ? 'overdue' : 'open';
  return { ...item, light, daysUntilDue, state };
}

/** The worst of some lights (green when there are none). */
export const worst = (lights: Iterable<Light>): Light => {
  let w: Light = 'green';
  for (const l of lights) if (LIGHTS.indexOf(l) > LIGHTS.indexOf(w)) w = l;
  return w;
};

/** How punctual a partner is with one kind of item. */
export interface Timeliness {
  /** Items whose outcome is known: done, or past due. */
  readonly counted: number;
  /** Done on or before the due date. */
  readonly onTime: number;
  /** Done after the due date, or past due and not done. */
  readonly late: number;
  /** onTime / counted, exact; null when nothing is counted yet. */
  readonly rate: Fraction | null;
  /** Not done and not yet due. */
  readonly open: number;
  /** Not done and due within 14 days. */
  readonly dueSoon: number;
  /** Not done and past due. */
  readonly overdue: number;
}

/** The timeliness of some items as of `today`. */
export function timeliness(items: readonly DueItem[], today: string): Timeliness {
  if (!isDate(today)) throw new RangeError(`Not a date: ${today}`);
  let counted = 0;
  let onTime = 0;
  let open = 0;
  let dueSoon = 0;
  let overdue = 0;
  for (const i of items) {
    const until = daysBetween(today, i.dueOn);
    if (i.doneOn !== null) {
      counted++;
      if (i.doneOn <= i.dueOn) onTime++;
    } else if (until < 0) {
      counted++;
      overdue++;
    } else {
      open++;
      if (until <= DUE_SOON_DAYS) dueSoon++;
    }
  }
  return { counted, onTime, late: counted - onTime, rate: counted ? frac(onTime, counted) : null, open, dueSoon, overdue };
}

/** The most urgent first: red before yellow, then the longest overdue, then by due date and id. */
const byUrgency = (a: ItemStatus, b: ItemStatus): number =>
  LIGHTS.indexOf(b.light) - LIGHTS.indexOf(a.light) || a.daysUntilDue - b.daysUntilDue || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A partner's scorecard. */
export interface PartnerScorecard {
  readonly partner: string;
  /** Pledged against delivered per currency (the ledger's `pledgedVersusDelivered(...).byPartner`). */
  readonly fulfilment: readonly PledgeAmounts[];
  readonly deliveries: Timeliness;
  readonly reports: Timeliness;
  /** Open items past their due date, the most urgent first. */
  readonly overdue: readonly ItemStatus[];
  readonly lights: { readonly deliveries: Light; readonly reports: Light; readonly overall: Light };
}

/** One partner's scorecard as of `today`, from its fulfilment figures and its items (other partners' items are ignored). */
export function scorecard(partner: string, input: { fulfilment?: readonly PledgeAmounts[]; items: readonly DueItem[] }, today: string, graceDays: number): PartnerScorecard {
  assertDates(today, graceDays);
  const own = input.items.filter((i) => i.partner === partner);
  const statuses = own.map((i) => itemStatus(i, today, graceDays));
  const lightOf = (kind: ItemKind) => worst(statuses.filter((s) => s.kind === kind).map((s) => s.light));
  const deliveries = lightOf('delivery');
  const reports = lightOf('report');
  return {
    partner,
    fulfilment: input.fulfilment ?? [],
    deliveries: timeliness(own.filter((i) => i.kind === 'delivery'), today),
    reports: timeliness(own.filter((i) => i.kind === 'report'), today),
    overdue: statuses.filter((s) => s.state === 'overdue').sort(byUrgency),
    lights: { deliveries, reports, overall: worst([deliveries, reports]) },
  };
}

/** Every partner's scorecard, in the order of `partners`. */
export function scorecards(
  input: { partners: readonly string[]; fulfilment?: readonly { partner: string; amounts: readonly PledgeAmounts[] }[]; items: readonly DueItem[] },
  today: string,
  graceDays: number,
): PartnerScorecard[] {
  const fulfilment = new Map((input.fulfilment ?? []).map((f) => [f.partner, f.amounts]));
  return input.partners.map((p) => scorecard(p, { fulfilment: fulfilment.get(p) ?? [], items: input.items }, today, graceDays));
}

/** The overdue board: every open item that is yellow or red as of `today`, the most urgent first. */
export function overdueBoard(items: readonly DueItem[], today: string, graceDays: number): ItemStatus[] {
  assertDates(today, graceDays);
  return items
    .map((i) => itemStatus(i, today, graceDays))
    .filter((s) => s.doneOn === null && s.light !== 'green')
    .sort(byUrgency);
}

/**
 * The tranches of a commitment as due items: id `<commitmentId>#<index>`, done on the date the deliveries
 * completed the tranche (see `trancheProgress`). Leave out the tranches of a cancelled or withdrawn
 * commitment: nothing is owed any more (its release lowers what counts as pledged; the commitment's history
 * keeps what was withdrawn and why).
 */
export function trancheItems(partner: string, commitmentId: string, tranches: readonly TrancheProgress[], label?: string): DueItem[] {
  return tranches.map((t) => ({ id: `${commitmentId}#${t.index}`, kind: 'delivery' as const, partner, dueOn: t.dueOn, doneOn: t.deliveredOn, ...(label ? { label } : {}) }));
}

/** A ratio as a percentage for display only ("62.5"), rounded half away from zero; null stays null. */
export const percentText = (ratio: Fraction | null, digits = 1): string | null => (ratio === null ? null : fractionToString(mulF(ratio, frac(100)), digits));
