/**
 * Commitments (pledges) of partners to a partnership, and the deliveries made against them. Pure: no I/O,
 * no clock ("today" is an argument), no randomness (ids are arguments).
 *
 * A commitment states what a partner brings (cash or in kind), how much (a quantity and unit for in-kind
 * resources), what it is worth (a valuation in money with its basis), when (tranches with due dates), on what
 * conditions, and what it serves (goals, the decision that approved it).
 *
 * Lifecycle: pledged -> confirmed by the partnership; then partially_delivered and delivered follow from the
 * confirmed deliveries (they are derived, never set by hand); pledged, confirmed and partially_delivered may
 * end cancelled (by the partnership) or withdrawn (by the partner), with a reason. Cancelled and withdrawn are
 * final. A delivery is recorded, then confirmed or rejected by the convener or the receiving party; only
 * confirmed deliveries count as delivered, but a recorded one already uses up what remains, so two pending
 * deliveries can never together exceed the commitment.
 */
import { isDate } from '../kernel/dates';
import { decimalText, readDecimal, type DecimalSeparator } from '../kernel/decimal';
import { DomainError, issue, type FieldIssue } from '../kernel/errors';
import { figure, isMsg, msg, type Msg } from '../kernel/messages';
import { addF, cmpF, frac, mulF, subF, type Fraction } from '../kernel/fraction';
import type { Money } from '../kernel/money';
import { CURRENCIES, MAX_MINOR, checkCurrency, moneyFigure, roundHalfEven, type CurrencyTable } from './currency';

// ---- kinds and quantities -----------------------------------------------------------------------

/** What a partner can pledge. Everything but cash is in kind. */
export const RESOURCE_KINDS = ['cash', 'in_kind_goods', 'staff_time', 'data', 'facilities', 'licences_ip', 'other'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];
/** True for one of `RESOURCE_KINDS`. */
export const isResourceKind = (k: unknown): k is ResourceKind => typeof k === 'string' && (RESOURCE_KINDS as readonly string[]).includes(k);

/** An amount of something other than money: "200" person-days, "1000000" doses. The value is canonical decimal text. */
export interface Quantity {
  readonly value: string;
  readonly unit: string;
}

/** Quantities are written with at most this many decimals (12.5 person-days; 0.000001 is the finest step). */
export const MAX_QUANTITY_DECIMALS = 6;
const MAX_UNIT_LENGTH = 40;

/** The exact value of a quantity. Throws a RangeError for a malformed value (check first with `checkQuantity`). */
export function quantityValue(q: Quantity): Fraction {
  const r = readDecimal(q.value);
  if (!r.ok) throw new RangeError(`Not a quantity: ${q.value}`);
  return r.value;
}

/**
 * Reads quantity text as a person writes it ("1,000,000" or "12,5" with a stated decimal separator) into a
 * canonical `Quantity` ("1000000", "12.5"); an issue when it is not a positive number with at most
 * `MAX_QUANTITY_DECIMALS` decimals or the unit is missing.
 */
export function readQuantity(text: string, unit: string, decimal: DecimalSeparator = '.', field = 'quantity'): { ok: true; quantity: Quantity } | { ok: false; issue: FieldIssue } {
  const r = readDecimal(text, decimal);
  if (!r.ok) return { ok: false, issue: decimalIssue(`${field}.value`, r) };
  const issues = checkQuantity({ value: decimalText(r.value), unit }, field);
  if (r.decimals > MAX_QUANTITY_DECIMALS) issues.unshift(issue(`${field}.value`, msg('commitments.too_many_decimals', { max: MAX_QUANTITY_DECIMALS }), 'too_many_decimals'));
  if (issues.length) return { ok: false, issue: issues[0] };
  return { ok: true, quantity: { value: decimalText(r.value), unit: unit.trim() } };
}

/** Why decimal text is not a number, as a field issue (in the reader's language where the reading carries a message). */
function decimalIssue(field: string, r: { message: string; code: string }): FieldIssue {
  const m = (r as { msg?: unknown }).msg;
  return isMsg(m) ? issue(field, m, r.code) : { field, message: r.message, code: r.code };
}

/** Every problem of a quantity: a positive canonical decimal value (at most 6 decimals) and a unit of 1 to 40 characters. */
export function checkQuantity(q: unknown, field = 'quantity'): FieldIssue[] {
  if (!q || typeof q !== 'object') return [issue(field, msg('commitments.quantity.invalid'), 'invalid_quantity')];
  const { value, unit } = q as Partial<Quantity>;
  const issues: FieldIssue[] = [];
  const r = typeof value === 'string' ? readDecimal(value) : null;
  if (!r || !r.ok) issues.push(issue(`${field}.value`, msg('commitments.quantity.not_a_number'), 'invalid_number'));
  else if (r.value.num <= 0n) issues.push(issue(`${field}.value`, msg('commitments.quantity.not_positive'), 'not_positive'));
  else if (r.decimals > MAX_QUANTITY_DECIMALS) issues.push(issue(`${field}.value`, msg('commitments.too_many_decimals', { max: MAX_QUANTITY_DECIMALS }), 'too_many_decimals'));
  else if (!/^\d+(\.\d+)?$/.test(value as string)) issues.push(issue(`${field}.value`, msg('commitments.quantity.digits_only'), 'invalid_number'));
  if (typeof unit !== 'string' || !unit.trim()) issues.push(issue(`${field}.unit`, msg('commitments.quantity.unit_required'), 'required'));
  else if (unit.trim().length > MAX_UNIT_LENGTH) issues.push(issue(`${field}.unit`, msg('commitments.too_long', { max: MAX_UNIT_LENGTH }), 'too_long'));
  return issues;
}

const showQuantity = (f: Fraction, unit: string) => figure(decimalText(f), { suffix: ` ${unit}` });

/** A commitment's status, worded in the reader's language (English: the API's own value). */
const statusWord = (s: CommitmentStatus): Msg => msg(`commitments.status.${s}`);
/** A delivery's status, worded in the reader's language (English: the API's own value). */
const deliveryStatusWord = (s: DeliveryStatus): Msg => msg(`commitments.delivery_status.${s}`);
/** The items worded as one list, "a, b, c". */

// ---- commitments --------------------------------------------------------------------------------

/** One instalment of a commitment: what is due by when. */
export interface Tranche {
  readonly dueOn: string;
  readonly value: Money;
  /** For a commitment with a quantity: the part of it due (all tranches or none carry one). */
  readonly quantity?: Quantity | null;
}

/** The terms an amendment may change. */
export interface CommitmentTerms {
  readonly valuation: Money;
  readonly quantity: Quantity | null;
  /** How the valuation was reached ("450 EUR per person-day, the partner's day rate"). Required in kind. */
  readonly valuationBasis: string;
  readonly tranches: readonly Tranche[];
}

/** A pledge as entered. */
export interface CommitmentInput extends CommitmentTerms {
  /** The pledging member organisation. */
  readonly partner: string;
  readonly kind: ResourceKind;
  readonly description: string;
  readonly conditions: readonly string[];
  readonly goalIds: readonly string[];
  /** The decision that approved the pledge, where there is one. */
  readonly decisionId: string | null;
  readonly pledgedOn: string;
}

export const COMMITMENT_STATUSES = ['pledged', 'confirmed', 'partially_delivered', 'delivered', 'cancelled', 'withdrawn'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

/** A recorded commitment. */
export interface Commitment extends CommitmentInput {
  readonly id: string;
  readonly status: CommitmentStatus;
}

/** What the checks may look things up in; each set is checked only when given. */
export interface CommitmentContext {
  partners?: ReadonlySet<string>;
  goals?: ReadonlySet<string>;
  decisions?: ReadonlySet<string>;
  currencies?: CurrencyTable;
}

const LIMITS = { description: 2000, basis: 1000, condition: 1000, conditions: 50, tranches: 120, goals: 50 } as const;

/** `what` names the text, one of the `commitments.what.*` messages. */
function checkText(value: unknown, field: string, max: number, required: boolean, what: Msg): FieldIssue[] {
  if (value === undefined || value === null || (typeof value === 'string' && !value.trim())) {
    return required ? [issue(field, msg('commitments.text.required', { what }), 'required')] : [];
  }
  if (typeof value !== 'string') return [issue(field, msg('commitments.text.not_text', { what }), 'invalid')];
  if (value.trim().length > max) return [issue(field, msg('commitments.too_long', { max }), 'too_long')];
  return [];
}

function checkAmount(m: unknown, field: string, table: CurrencyTable, allowZero = false): FieldIssue[] {
  if (!m || typeof m !== 'object' || typeof (m as Money).minor !== 'bigint') return [issue(field, msg('commitments.amount.invalid'), 'invalid_amount')];
  const money = m as Money;
  const issues = checkCurrency(money.currency, `${field}.currency`, table);
  if (money.minor < 0n || (!allowZero && money.minor === 0n)) issues.push(issue(field, msg(allowZero ? 'commitments.amount.negative' : 'commitments.amount.not_positive'), 'not_positive'));
  else if (money.minor > MAX_MINOR) issues.push(issue(field, msg('commitments.amount.too_large'), 'too_large'));
  return issues;
}

/** Checks the terms (valuation, quantity, basis, tranches) of a commitment of `kind` pledged on `pledgedOn`. */
export function checkTerms(t: CommitmentTerms, kind: ResourceKind, pledgedOn: string, table: CurrencyTable = CURRENCIES): FieldIssue[] {
  const issues = checkAmount(t.valuation, 'valuation', table);
  const valuationOk = issues.length === 0;
  if (kind === 'cash') {
    if (t.quantity != null) issues.push(issue('quantity', msg('commitments.cash_has_no_quantity'), 'not_applicable'));
  } else {
    if (t.quantity != null) issues.push(...checkQuantity(t.quantity, 'quantity'));
    issues.push(...checkText(t.valuationBasis, 'valuationBasis', LIMITS.basis, true, msg('commitments.what.valuation_basis')));
  }
  if (kind === 'cash') issues.push(...checkText(t.valuationBasis, 'valuationBasis', LIMITS.basis, false, msg('commitments.what.valuation_basis')));
  const quantityOk = t.quantity != null && checkQuantity(t.quantity).length === 0;

  if (!Array.isArray(t.tranches) || t.tranches.length === 0) {
    issues.push(issue('tranches', msg('commitments.tranches.required'), 'required'));
    return issues;
  }
  if (t.tranches.length > LIMITS.tranches) issues.push(issue('tranches', msg('commitments.tranches.too_many', { max: LIMITS.tranches }), 'too_many'));
  let sum = 0n;
  let qSum = frac(0);
  let allOk = true;
  const withQuantity = t.tranches.filter((x) => x.quantity != null).length;
  t.tranches.forEach((tr, i) => {
    const at = `tranches.${i}`;
    const own: FieldIssue[] = [];
    if (!isDate(tr.dueOn)) own.push(issue(`${at}.dueOn`, msg('commitments.date_format'), 'invalid_date'));
    else if (isDate(pledgedOn) && tr.dueOn < pledgedOn) own.push(issue(`${at}.dueOn`, msg('commitments.tranches.before_pledge', { date: pledgedOn }), 'before_pledge'));
    const amountIssues = checkAmount(tr.value, `${at}.value`, table);
    own.push(...amountIssues);
    if (amountIssues.length === 0 && valuationOk && tr.value.currency !== t.valuation.currency) {
      own.push(issue(`${at}.value.currency`, msg('commitments.tranches.currency', { currency: t.valuation.currency }), 'currency_mismatch'));
    }
    if (tr.quantity != null) {
      if (t.quantity == null) own.push(issue(`${at}.quantity`, msg('commitments.tranches.no_quantity'), 'not_applicable'));
      else {
        const qi = checkQuantity(tr.quantity, `${at}.quantity`);
        own.push(...qi);
        if (qi.length === 0 && quantityOk && tr.quantity.unit.trim() !== t.quantity.unit.trim()) {
          own.push(issue(`${at}.quantity.unit`, msg('commitments.unit_of_commitment', { unit: t.quantity.unit }), 'unit_mismatch'));
        } else if (qi.length === 0) qSum = addF(qSum, quantityValue(tr.quantity));
      }
    }
    if (own.length) allOk = false;
    else sum += tr.value.minor;
    issues.push(...own);
  });
  if (t.quantity != null && withQuantity > 0 && withQuantity < t.tranches.length) {
    issues.push(issue('tranches', msg('commitments.tranches.quantity_all_or_none'), 'incomplete'));
    allOk = false;
  }
  if (allOk && valuationOk && sum !== t.valuation.minor) {
    issues.push(
      issue(
        'tranches',
        msg('commitments.tranches.total_value', { total: moneyFigure({ minor: sum, currency: t.valuation.currency }, {}, table), valuation: moneyFigure(t.valuation, {}, table) }),
        'tranches_total',
      ),
    );
  }
  if (allOk && quantityOk && withQuantity === t.tranches.length && cmpF(qSum, quantityValue(t.quantity!)) !== 0) {
    issues.push(issue('tranches', msg('commitments.tranches.total_quantity', { total: showQuantity(qSum, t.quantity!.unit), expected: showQuantity(quantityValue(t.quantity!), t.quantity!.unit) }), 'tranches_total'));
  }
  return issues;
}

/** Every problem of a pledge as entered, each naming its field. */
export function checkCommitment(input: CommitmentInput, ctx: CommitmentContext = {}): FieldIssue[] {
  const table = ctx.currencies ?? CURRENCIES;
  const issues: FieldIssue[] = [];
  if (typeof input.partner !== 'string' || !input.partner) issues.push(issue('partner', msg('commitments.partner.required'), 'required'));
  else if (ctx.partners && !ctx.partners.has(input.partner)) issues.push(issue('partner', msg('commitments.partner.not_member'), 'unknown_partner'));
  if (!isResourceKind(input.kind)) issues.push(issue('kind', msg('commitments.kind.invalid', { kinds: RESOURCE_KINDS.join(', ') }), 'invalid_kind'));
  issues.push(...checkText(input.description, 'description', LIMITS.description, true, msg('commitments.what.description')));
  if (!isDate(input.pledgedOn)) issues.push(issue('pledgedOn', msg('commitments.date_format'), 'invalid_date'));
  if (isResourceKind(input.kind)) issues.push(...checkTerms(input, input.kind, input.pledgedOn, table));
  const conditions = Array.isArray(input.conditions) ? input.conditions : [];
  if (conditions.length > LIMITS.conditions) issues.push(issue('conditions', msg('commitments.conditions.too_many', { max: LIMITS.conditions }), 'too_many'));
  conditions.forEach((c, i) => issues.push(...checkText(c, `conditions.${i}`, LIMITS.condition, true, msg('commitments.what.condition'))));
  const goals = Array.isArray(input.goalIds) ? input.goalIds : [];
  if (goals.length > LIMITS.goals) issues.push(issue('goalIds', msg('commitments.goals.too_many', { max: LIMITS.goals }), 'too_many'));
  goals.forEach((g, i) => {
    if (ctx.goals && !ctx.goals.has(g)) issues.push(issue(`goalIds.${i}`, msg('commitments.goals.unknown'), 'unknown_goal'));
  });
  if (new Set(goals).size !== goals.length) issues.push(issue('goalIds', msg('commitments.goals.duplicate'), 'duplicate'));
  if (input.decisionId != null && ctx.decisions && !ctx.decisions.has(input.decisionId)) {
    issues.push(issue('decisionId', msg('commitments.decision.unknown'), 'unknown_decision'));
  }
  return issues;
}

/** A quantity in canonical form: "200.50" -> "200.5", unit trimmed. */
const canonical = (q: Quantity | null | undefined): Quantity | null => (q == null ? null : { value: decimalText(quantityValue(q)), unit: q.unit.trim() });

const normaliseTerms = (t: CommitmentTerms): CommitmentTerms => ({
  valuation: { ...t.valuation },
  quantity: canonical(t.quantity),
  valuationBasis: (t.valuationBasis ?? '').trim(),
  tranches: [...t.tranches]
    .map((x) => ({ dueOn: x.dueOn, value: { ...x.value }, quantity: canonical(x.quantity) }))
    .sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0)),
});

/** A new commitment in status pledged, texts trimmed and tranches in due-date order; throws `validation_failed` with every issue. */
export function newCommitment(id: string, input: CommitmentInput, ctx: CommitmentContext = {}): Commitment {
  const issues = checkCommitment(input, ctx);
  if (issues.length) throw new DomainError('validation_failed', msg('commitments.invalid_fields'), issues);
  return {
    id,
    status: 'pledged',
    partner: input.partner,
    kind: input.kind,
    description: input.description.trim(),
    ...normaliseTerms(input),
    conditions: input.conditions.map((c) => c.trim()),
    goalIds: [...input.goalIds],
    decisionId: input.decisionId ?? null,
    pledgedOn: input.pledgedOn,
  };
}

// ---- the lifecycle ------------------------------------------------------------------------------

/** The moves a person makes: confirm a pledge, cancel or withdraw an open commitment. */
export const MANUAL_TRANSITIONS: Readonly<Record<CommitmentStatus, readonly CommitmentStatus[]>> = {
  pledged: ['confirmed', 'cancelled', 'withdrawn'],
  confirmed: ['cancelled', 'withdrawn'],
  partially_delivered: ['cancelled', 'withdrawn'],
  delivered: [],
  cancelled: [],
  withdrawn: [],
};

/**
 * The moves that follow from confirmed deliveries: a delivery moves the commitment forward; a reversed
 * delivery or an amendment that raises the valuation can move it back.
 */
export const DERIVED_TRANSITIONS: Readonly<Record<CommitmentStatus, readonly CommitmentStatus[]>> = {
  pledged: [],
  confirmed: ['partially_delivered', 'delivered'],
  partially_delivered: ['delivered', 'confirmed'],
  delivered: ['partially_delivered', 'confirmed'],
  cancelled: [],
  withdrawn: [],
};

/** Every move of the state machine, manual and derived. */
export const TRANSITIONS: Readonly<Record<CommitmentStatus, readonly CommitmentStatus[]>> = Object.fromEntries(
  COMMITMENT_STATUSES.map((s) => [s, [...MANUAL_TRANSITIONS[s], ...DERIVED_TRANSITIONS[s]]]),
) as unknown as Record<CommitmentStatus, readonly CommitmentStatus[]>;

/** Statuses in which deliveries may be recorded against a commitment. */
export const DELIVERABLE: readonly CommitmentStatus[] = ['confirmed', 'partially_delivered'];
/** Final statuses. */
export const ENDED: readonly CommitmentStatus[] = ['cancelled', 'withdrawn'];

/** One change of status, as kept in the history. */
export interface StatusChange {
  readonly from: CommitmentStatus;
  readonly to: CommitmentStatus;
  readonly on: string;
  /** Who moved it; null for a move that followed from deliveries. */
  readonly by: string | null;
  readonly reason: string | null;
}

/** Who acts, when, and why. */
export interface Act {
  on: string;
  by: string;
  reason?: string | null;
}

/**
 * Decides a move a person asks for. Throws `illegal_transition` (409) naming the allowed moves, also when
 * the move asked for follows from deliveries (partially_delivered, delivered); `conflict` (409) when a
 * commitment with deliveries awaiting confirmation is cancelled or withdrawn (decide them first);
 * `validation_failed` without a reason for cancelled or withdrawn, or without a date.
 */
export function decideCommitmentTransition(c: Pick<Commitment, 'status'>, to: CommitmentStatus, act: Act, totals: Pick<DeliveryTotals, 'pending'> = { pending: NOTHING }): StatusChange {
  const from = c.status;
  if (!MANUAL_TRANSITIONS[from].includes(to)) {
    const allowed = MANUAL_TRANSITIONS[from];
    const derived = DERIVED_TRANSITIONS[from].includes(to) || to === 'partially_delivered' || to === 'delivered';
    const words = { from: statusWord(from), to: statusWord(to) };
    const refusal = derived
      ? msg('commitments.transition.derived', words)
      : allowed.length
        ? msg('commitments.transition.allowed', { ...words, allowed: allowed.map(statusWord) })
        : from === 'delivered'
          ? msg('commitments.transition.fully_delivered', words)
          : msg('commitments.transition.final', words);
    throw new DomainError('illegal_transition', refusal, [issue('to', msg('commitments.not_allowed_from', { from: words.from }))], {
      from,
      to,
      allowed: [...allowed],
    });
  }
  const issues: FieldIssue[] = [];
  if (!isDate(act.on)) issues.push(issue('on', msg('commitments.date_format'), 'invalid_date'));
  const reason = act.reason?.trim() || null;
  if (ENDED.includes(to) && !reason) issues.push(issue('reason', msg('commitments.reason.ended', { status: statusWord(to) }), 'required'));
  if (issues.length) throw new DomainError('validation_failed', msg('commitments.change_invalid_fields'), issues);
  if (ENDED.includes(to) && totals.pending.count > 0) {
    throw new DomainError('conflict', msg('commitments.pending_first'), [issue('to', msg('commitments.pending_deliveries'))]);
  }
  return { from, to, on: act.on, by: act.by, reason };
}

// ---- deliveries ---------------------------------------------------------------------------------

export const DELIVERY_STATUSES = ['recorded', 'confirmed', 'rejected', 'reversed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** A delivery as reported. */
export interface DeliveryInput {
  readonly on: string;
  /** The value delivered, in the currency of the commitment; zero only when a quantity is delivered. */
  readonly value: Money;
  /** Required for a commitment with a quantity when the value alone does not say what was delivered. */
  readonly quantity?: Quantity | null;
  /** Links (http or https) or file references (`file:<id>`). */
  readonly evidence?: readonly string[];
  readonly recordedBy: string;
  readonly note?: string | null;
}

/** A delivery recorded against a commitment. */
export interface Delivery {
  readonly id: string;
  readonly on: string;
  readonly value: Money;
  readonly quantity: Quantity | null;
  readonly evidence: readonly string[];
  readonly recordedBy: string;
  readonly note: string | null;
  readonly status: DeliveryStatus;
}

/** What has been delivered, what awaits confirmation, what is still owed and what a new delivery may still cover. */
export interface Progress {
  readonly valuation: Money;
  /** Confirmed deliveries. */
  readonly delivered: Money;
  /** Recorded deliveries awaiting confirmation. */
  readonly pending: Money;
  /** valuation - delivered: what the partner still owes (the ledger's receivable), zero once ended. */
  readonly outstanding: Money;
  /** valuation - delivered - pending: what a new delivery may still cover. */
  readonly remaining: Money;
  /** The same four measures for the quantity, as canonical decimal text; null without a quantity. */
  readonly quantity: { unit: string; total: string; delivered: string; pending: string; outstanding: string; remaining: string } | null;
  /** delivered / valuation, exact. */
  readonly ratio: Fraction;
}

// ---- running totals -----------------------------------------------------------------------------

/** How many deliveries, and the value (minor units) and quantity (exact) they carry together. */
export interface DeliveryTally {
  readonly count: number;
  readonly value: bigint;
  readonly quantity: Fraction;
}

/**
 * What the deliveries of a commitment add up to: everything the rules below need, so that no decision reads the
 * list of deliveries. The store keeps it with the commitment and updates it in the same database transaction
 * as every change of a delivery (`applyDeliveryChange`), so recording or confirming the thousandth delivery of
 * a commitment costs what the first did. `totalsOf` computes it from a list of deliveries: the reference the
 * kept totals must always equal.
 */
export interface DeliveryTotals {
  /** Confirmed deliveries: they count as delivered. */
  readonly confirmed: DeliveryTally;
  /** Recorded deliveries awaiting confirmation: they use up what remains. */
  readonly pending: DeliveryTally;
  /**
   * One per tranche, in due-date order (`sortedTranches`): the date of the confirmed delivery that completed it
   * (see `trancheProgress`), null while it is not complete.
   */
  readonly trancheDates: readonly (string | null)[];
}

/** The confirmed value of the deliveries dated one day: what `withTrancheDates` walks. */
export interface DayValue {
  readonly on: string;
  readonly value: bigint;
}

const NOTHING: DeliveryTally = { count: 0, value: 0n, quantity: frac(0) };

/** The tranches in due-date order (a stable sort: tranches due the same day keep their order). */
export const sortedTranches = (c: Pick<Commitment, 'tranches'>): Tranche[] => [...c.tranches].sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));

/** The running total of the schedule at each tranche, in due-date order: tranche k is complete once the confirmed deliveries reach target k. */
export function trancheTargets(c: Pick<Commitment, 'tranches'>): bigint[] {
  let target = 0n;
  return sortedTranches(c).map((t) => (target += t.value.minor));
}

/** The totals of a commitment without deliveries. */
export const noDeliveries = (c: Pick<Commitment, 'tranches'>): DeliveryTotals => ({ confirmed: NOTHING, pending: NOTHING, trancheDates: c.tranches.map(() => null) });

const tally = (t: DeliveryTally, d: Pick<Delivery, 'value' | 'quantity'>, sign: 1n | -1n): DeliveryTally => ({
  count: t.count + Number(sign),
  value: t.value + sign * d.value.minor,
  quantity: d.quantity ? addF(t.quantity, mulF(frac(sign), quantityValue(d.quantity))) : t.quantity,
});

/** The totals of a list of deliveries (confirmed and recorded ones count; rejected and reversed ones do not). */
export function totalsOf(c: Pick<Commitment, 'tranches'>, deliveries: readonly Delivery[]): DeliveryTotals {
  let confirmed = NOTHING;
  let pending = NOTHING;
  const days = new Map<string, bigint>();
  for (const d of deliveries) {
    if (d.status === 'confirmed') {
      confirmed = tally(confirmed, d, 1n);
      days.set(d.on, (days.get(d.on) ?? 0n) + d.value.minor);
    } else if (d.status === 'recorded') pending = tally(pending, d, 1n);
  }
  return withTrancheDates(c, { confirmed, pending, trancheDates: [] }, [...days].map(([on, value]) => ({ on, value })));
}

/**
 * The totals after one delivery moves `from` a status (null: a new delivery) `to` another, and, when the move
 * may change when a tranche was completed, the date from which the confirmed deliveries must be read again:
 * pass their value per day, from that date on, to `withTrancheDates`. That happens only when a confirmation or a
 * reversal completes a tranche, or touches one completed on or after the delivery's date; otherwise
 * `refillFrom` is null and nothing else is read.
 */
export function applyDeliveryChange(
  c: Pick<Commitment, 'tranches'>, totals: DeliveryTotals, d: Pick<Delivery, 'on' | 'value' | 'quantity'>, from: DeliveryStatus | null, to: DeliveryStatus,
): { totals: DeliveryTotals; refillFrom: string | null } {
  if (from === to) return { totals, refillFrom: null };
  let { confirmed, pending } = totals;
  if (from === 'confirmed') confirmed = tally(confirmed, d, -1n);
  if (from === 'recorded') pending = tally(pending, d, -1n);
  if (to === 'confirmed') confirmed = tally(confirmed, d, 1n);
  if (to === 'recorded') pending = tally(pending, d, 1n);
  const next: DeliveryTotals = { confirmed, pending, trancheDates: totals.trancheDates };
  // the confirmed value on each day before the delivery's date is what it was: tranches completed before it stay
  // as they are; a delivery of no value changes no running total
  if ((from !== 'confirmed' && to !== 'confirmed') || d.value.minor === 0n) return { totals: next, refillFrom: null };
  const targets = trancheTargets(c);
  const moves = targets.some((target, k) => {
    const was = totals.trancheDates[k] ?? null;
    return was === null ? target <= confirmed.value : was >= d.on;
  });
  return { totals: next, refillFrom: moves ? d.on : null };
}

/**
 * The tranche dates from the confirmed value per day of the deliveries dated on or after some date (all of them,
 * or those from `applyDeliveryChange`'s `refillFrom`), in any order: what the confirmed deliveries dated earlier
 * add up to is the rest of `totals.confirmed.value`, so the tranches they complete keep their dates, and the
 * others are dated by walking `days`. Pure and exact; with every day given it needs no earlier dates.
 */
export function withTrancheDates(c: Pick<Commitment, 'tranches'>, totals: DeliveryTotals, days: readonly DayValue[]): DeliveryTotals {
  const targets = trancheTargets(c);
  const walk = [...days].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  let running = totals.confirmed.value - walk.reduce((s, x) => s + x.value, 0n);
  const base = running;
  const dates: (string | null)[] = targets.map((target, k) => (target <= base ? (totals.trancheDates[k] ?? null) : null));
  let k = targets.findIndex((target) => target > base);
  if (k < 0) k = targets.length;
  for (const day of walk) {
    if (k >= targets.length) break;
    running += day.value;
    while (k < targets.length && targets[k] <= running) dates[k++] = day.on;
  }
  return { ...totals, trancheDates: dates };
}

/** The progress of a commitment from its delivery totals (confirmed ones count; recorded ones are pending). */
export function progressOf(c: Pick<Commitment, 'valuation' | 'quantity' | 'status'>, totals: Pick<DeliveryTotals, 'confirmed' | 'pending'>): Progress {
  const done = totals.confirmed;
  const pending = totals.pending;
  const cur = c.valuation.currency;
  const ended = ENDED.includes(c.status);
  const m = (minor: bigint): Money => ({ minor, currency: cur });
  const outstanding = ended ? 0n : c.valuation.minor - done.value;
  const remaining = ended ? 0n : c.valuation.minor - done.value - pending.value;
  let quantity: Progress['quantity'] = null;
  if (c.quantity) {
    const total = quantityValue(c.quantity);
    quantity = {
      unit: c.quantity.unit,
      total: decimalText(total),
      delivered: decimalText(done.quantity),
      pending: decimalText(pending.quantity),
      outstanding: ended ? '0' : decimalText(subF(total, done.quantity)),
      remaining: ended ? '0' : decimalText(subF(subF(total, done.quantity), pending.quantity)),
    };
  }
  return { valuation: c.valuation, delivered: m(done.value), pending: m(pending.value), outstanding: m(outstanding), remaining: m(remaining), quantity, ratio: frac(done.value, c.valuation.minor) };
}

/**
 * What a commitment's ending releases from the ledger: the valuation (and quantity) not delivered by
 * confirmed deliveries, whatever the status. Compute it when cancelling or withdrawing and post it with
 * `postPledgeRelease`; the delivered part stays pledged and delivered.
 */
export function undelivered(c: Pick<Commitment, 'valuation' | 'quantity'>, totals: Pick<DeliveryTotals, 'confirmed'>): { value: Money; quantity: Quantity | null } {
  const done = totals.confirmed;
  const value: Money = { minor: c.valuation.minor - done.value, currency: c.valuation.currency };
  if (!c.quantity) return { value, quantity: null };
  const rest = subF(quantityValue(c.quantity), done.quantity);
  return { value, quantity: rest.num > 0n ? { value: decimalText(rest), unit: c.quantity.unit } : null };
}

/**
 * The status that follows from the confirmed deliveries: confirmed with none, delivered when the whole
 * valuation (and the whole quantity, where there is one) is delivered, partially_delivered in between.
 * A pledged, cancelled or withdrawn commitment keeps its status.
 */
export function deriveStatus(c: Pick<Commitment, 'valuation' | 'quantity' | 'status'>, totals: Pick<DeliveryTotals, 'confirmed'>): CommitmentStatus {
  if (!DELIVERABLE.includes(c.status) && c.status !== 'delivered') return c.status;
  const done = totals.confirmed;
  if (done.value === 0n && done.quantity.num === 0n) return 'confirmed';
  const valueDone = done.value >= c.valuation.minor;
  const quantityDone = !c.quantity || cmpF(done.quantity, quantityValue(c.quantity)) >= 0;
  return valueDone && quantityDone ? 'delivered' : 'partially_delivered';
}

/** The status change that follows from the delivery totals, dated `on`; null when the status stays. */
export function statusChangeFromDeliveries(c: Pick<Commitment, 'valuation' | 'quantity' | 'status'>, totals: Pick<DeliveryTotals, 'confirmed'>, on: string): StatusChange | null {
  const to = deriveStatus(c, totals);
  return to === c.status ? null : { from: c.status, to, on, by: null, reason: null };
}

/**
 * The value of delivering `quantity` of an in-kind commitment, pro rata of its valuation, counted
 * cumulatively: round(V x (before + q) / Q) - round(V x before / Q), each rounded half to even, where
 * `before` is the quantity already delivered or pending. So deliveries that make up the whole quantity make
 * up exactly the whole valuation, whatever the pieces.
 */
export function valueOfQuantity(c: Pick<Commitment, 'valuation' | 'quantity'>, totals: Pick<DeliveryTotals, 'confirmed' | 'pending'>, quantity: Quantity): Money {
  if (!c.quantity) throw new RangeError('The commitment has no quantity');
  const total = quantityValue(c.quantity);
  const before = addF(totals.confirmed.quantity, totals.pending.quantity);
  const at = (q: Fraction) => roundHalfEven(mulF(frac(c.valuation.minor), { num: q.num * total.den, den: q.den * total.num }));
  return { minor: at(addF(before, quantityValue(quantity))) - at(before), currency: c.valuation.currency };
}

const EVIDENCE_FILE = /^file:[A-Za-z0-9][A-Za-z0-9_.-]{0,199}$/;

function checkEvidence(e: string, field: string): FieldIssue[] {
  if (typeof e === 'string' && EVIDENCE_FILE.test(e)) return [];
  if (typeof e === 'string' && e.length <= 2000) {
    try {
      const url = new URL(e);
      if (url.protocol === 'https:' || url.protocol === 'http:') return [];
    } catch {
      /* not a URL: reported below */
    }
  }
  return [issue(field, msg('commitments.evidence.invalid'), 'invalid_evidence')];
}

/**
 * Every problem of a delivery against a commitment, given the deliveries it already has: a date not in the
 * future and not before the pledge, the commitment's currency and unit, something delivered, evidence
 * well-formed, and no more than what remains (value and quantity; recorded deliveries count). A delivery
 * that exceeds what remains is refused with an `exceeds_remaining` issue: amend the commitment first.
 * It does not look at the commitment's status (see `decideDelivery`).
 */
export function checkDelivery(c: Commitment, totals: Pick<DeliveryTotals, 'confirmed' | 'pending'>, input: DeliveryInput, today: string, table: CurrencyTable = CURRENCIES): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!isDate(input.on)) issues.push(issue('on', msg('commitments.date_format'), 'invalid_date'));
  else if (input.on > today) issues.push(issue('on', msg('commitments.delivery.in_future'), 'in_future'));
  else if (input.on < c.pledgedOn) issues.push(issue('on', msg('commitments.delivery.before_pledge', { date: c.pledgedOn }), 'before_pledge'));
  const valueIssues = checkAmount(input.value, 'value', table, true);
  issues.push(...valueIssues);
  const valueOk = valueIssues.length === 0 && input.value.currency === c.valuation.currency;
  if (valueIssues.length === 0 && !valueOk) issues.push(issue('value.currency', msg('commitments.delivery.currency', { currency: c.valuation.currency }), 'currency_mismatch'));
  let quantityOk = false;
  if (input.quantity != null) {
    if (!c.quantity) issues.push(issue('quantity', msg('commitments.delivery.no_quantity'), 'not_applicable'));
    else {
      const qi = checkQuantity(input.quantity, 'quantity');
      issues.push(...qi);
      if (qi.length === 0 && input.quantity.unit.trim() !== c.quantity.unit) issues.push(issue('quantity.unit', msg('commitments.unit_of_commitment', { unit: c.quantity.unit }), 'unit_mismatch'));
      else quantityOk = qi.length === 0;
    }
  }
  if (valueOk && input.value.minor === 0n && !quantityOk) issues.push(issue('value', msg('commitments.delivery.nothing'), 'not_positive'));
  const evidence = input.evidence ?? [];
  if (evidence.length > 20) issues.push(issue('evidence', msg('commitments.evidence.too_many', { max: 20 }), 'too_many'));
  evidence.forEach((e, i) => issues.push(...checkEvidence(e, `evidence.${i}`)));
  if (typeof input.recordedBy !== 'string' || !input.recordedBy) issues.push(issue('recordedBy', msg('commitments.delivery.recorded_by'), 'required'));
  issues.push(...checkText(input.note, 'note', LIMITS.description, false, msg('commitments.what.note')));

  const p = progressOf(c, totals);
  if (valueOk && input.value.minor > p.remaining.minor) {
    issues.push(
      issue(
        'value',
        msg('commitments.delivery.exceeds_remaining', { delivery: moneyFigure(input.value, { group: true }, table), remaining: moneyFigure(p.remaining, { group: true }, table) }),
        'exceeds_remaining',
      ),
    );
  }
  if (quantityOk && p.quantity) {
    const remaining = readDecimal(p.quantity.remaining);
    if (remaining.ok && cmpF(quantityValue(input.quantity!), remaining.value) > 0) {
      issues.push(
        issue(
          'quantity.value',
          msg('commitments.delivery.exceeds_remaining', { delivery: `${input.quantity!.value} ${p.quantity.unit}`, remaining: `${p.quantity.remaining} ${p.quantity.unit}` }),
          'exceeds_remaining',
        ),
      );
    }
  }
  return issues;
}

/**
 * Decides a new delivery: throws `illegal_transition` (409) unless the commitment is confirmed or partially
 * delivered, `validation_failed` (422) with every issue of `checkDelivery`; returns the delivery, recorded
 * (it counts as delivered once confirmed).
 */
export function decideDelivery(id: string, c: Commitment, totals: Pick<DeliveryTotals, 'confirmed' | 'pending'>, input: DeliveryInput, today: string, table: CurrencyTable = CURRENCIES): Delivery {
  if (!DELIVERABLE.includes(c.status)) {
    const status = statusWord(c.status);
    const refusal = msg(c.status === 'pledged' ? 'commitments.delivery.not_confirmed' : c.status === 'delivered' ? 'commitments.delivery.fully_delivered' : 'commitments.delivery.ended', { status });
    throw new DomainError('illegal_transition', refusal, [issue('commitment', msg('commitments.commitment_is', { status }))], { status: c.status });
  }
  const issues = checkDelivery(c, totals, input, today, table);
  if (issues.length) throw new DomainError('validation_failed', msg('commitments.delivery.invalid_fields'), issues);
  return {
    id,
    on: input.on,
    value: { ...input.value },
    quantity: canonical(input.quantity),
    evidence: [...(input.evidence ?? [])],
    recordedBy: input.recordedBy,
    note: input.note?.trim() || null,
    status: 'recorded',
  };
}

/** The moves of a delivery: recorded -> confirmed or rejected; confirmed -> reversed (a correction). */
export const DELIVERY_TRANSITIONS: Readonly<Record<DeliveryStatus, readonly DeliveryStatus[]>> = {
  recorded: ['confirmed', 'rejected'],
  confirmed: ['reversed'],
  rejected: [],
  reversed: [],
};

/** One change of a delivery's status. */
export interface DeliveryChange {
  readonly deliveryId: string;
  readonly from: DeliveryStatus;
  readonly to: DeliveryStatus;
  readonly on: string;
  readonly by: string;
  readonly reason: string | null;
}

/**
 * Decides a move of a delivery. Throws `illegal_transition` for a move the table does not allow, and for
 * confirming a delivery of a cancelled or withdrawn commitment; `validation_failed` without a reason to
 * reject or reverse. Who may confirm (the convener or the receiving party) is for `can()` to say.
 */
export function decideDeliveryTransition(c: Pick<Commitment, 'status'>, d: Pick<Delivery, 'id' | 'status'>, to: DeliveryStatus, act: Act): DeliveryChange {
  const allowed = DELIVERY_TRANSITIONS[d.status];
  if (!allowed.includes(to)) {
    const words = { from: deliveryStatusWord(d.status), to: deliveryStatusWord(to) };
    const refusal = allowed.length ? msg('commitments.delivery_transition.allowed', { ...words, allowed: allowed.map(deliveryStatusWord) }) : msg('commitments.delivery_transition.final', words);
    throw new DomainError('illegal_transition', refusal, [issue('to', msg('commitments.not_allowed_from', { from: words.from }))], {
      from: d.status,
      to,
      allowed: [...allowed],
    });
  }
  if (to === 'confirmed' && ENDED.includes(c.status)) {
    const status = statusWord(c.status);
    throw new DomainError('illegal_transition', msg('commitments.delivery_transition.commitment_ended', { status }), [issue('to', msg('commitments.commitment_is', { status }))], { from: d.status, to, allowed: ['rejected'] });
  }
  const issues: FieldIssue[] = [];
  if (!isDate(act.on)) issues.push(issue('on', msg('commitments.date_format'), 'invalid_date'));
  const reason = act.reason?.trim() || null;
  if (to !== 'confirmed' && !reason) issues.push(issue('reason', msg(to === 'rejected' ? 'commitments.delivery.reason_rejected' : 'commitments.delivery.reason_reversed'), 'required'));
  if (issues.length) throw new DomainError('validation_failed', msg('commitments.change_invalid_fields'), issues);
  return { deliveryId: d.id, from: d.status, to, on: act.on, by: act.by, reason };
}

// ---- amendments ---------------------------------------------------------------------------------

/** An amendment as asked for: the terms that change, why, when and by whom. */
export interface AmendmentInput {
  valuation?: Money;
  quantity?: Quantity | null;
  valuationBasis?: string;
  /** The new schedule; required whenever the old tranches no longer add up to the new valuation or quantity. */
  tranches?: readonly Tranche[];
  reason: string;
  on: string;
  by: string;
}

/** An amendment as kept in the history: the terms before and after. */
export interface Amendment {
  readonly on: string;
  readonly by: string;
  readonly reason: string;
  readonly before: CommitmentTerms;
  readonly after: CommitmentTerms;
}

/** What an amendment decides. */
export interface AmendmentDecision {
  readonly commitment: Commitment;
  readonly amendment: Amendment;
  /** New valuation - old valuation: what the ledger pledges more (positive) or releases (negative). */
  readonly valuationChange: Money;
  /** The status change that follows (a raised valuation reopens a delivered commitment); null when none. */
  readonly statusChange: StatusChange | null;
  /**
   * True when the running totals of the schedule change: the dates the tranches were completed must then be
   * worked out again from every confirmed delivery (`withTrancheDates` with all of them).
   */
  readonly tranchesMoved: boolean;
}

/**
 * Decides an amendment of the valuation, quantity, basis or schedule, keeping the terms before and after.
 * Throws `illegal_transition` for a cancelled or withdrawn commitment; `validation_failed` when nothing
 * changes, without a reason, for a change of currency (record a new commitment instead), for new terms that
 * do not check, or for a valuation or quantity below what is already delivered or pending.
 */
export function decideAmendment(c: Commitment, totals: Pick<DeliveryTotals, 'confirmed' | 'pending'>, input: AmendmentInput, table: CurrencyTable = CURRENCIES): AmendmentDecision {
  if (ENDED.includes(c.status)) {
    const status = statusWord(c.status);
    throw new DomainError('illegal_transition', msg('commitments.amend.ended', { status }), [issue('commitment', msg('commitments.commitment_is', { status }))], { status: c.status });
  }
  const before: CommitmentTerms = { valuation: c.valuation, quantity: c.quantity, valuationBasis: c.valuationBasis, tranches: c.tranches };
  const afterRaw: CommitmentTerms = {
    valuation: input.valuation ?? c.valuation,
    quantity: input.quantity === undefined ? c.quantity : input.quantity,
    valuationBasis: input.valuationBasis ?? c.valuationBasis,
    tranches: input.tranches ?? c.tranches,
  };
  const issues: FieldIssue[] = [];
  const reason = input.reason?.trim();
  if (!reason) issues.push(issue('reason', msg('commitments.amend.reason'), 'required'));
  if (!isDate(input.on)) issues.push(issue('on', msg('commitments.date_format'), 'invalid_date'));
  if (input.valuation && input.valuation.currency !== c.valuation.currency) {
    issues.push(issue('valuation.currency', msg('commitments.amend.currency_change'), 'currency_change'));
  }
  if (c.quantity && input.quantity && input.quantity.unit.trim() !== c.quantity.unit) {
    // a delivered or pending quantity is more than zero: the totals say whether any delivery counted one
    const used = totals.confirmed.quantity.num !== 0n || totals.pending.quantity.num !== 0n;
    if (used) issues.push(issue('quantity.unit', msg('commitments.amend.unit_change', { unit: c.quantity.unit }), 'unit_change'));
  }
  if (issues.length === 0) issues.push(...checkTerms(afterRaw, c.kind, c.pledgedOn, table));
  if (issues.length === 0) {
    const after = normaliseTerms(afterRaw);
    if (JSON.stringify(after, big) === JSON.stringify(normaliseTerms(before), big)) {
      issues.push(issue('valuation', msg('commitments.amend.no_change'), 'no_change'));
    } else {
      const p = progressOf(c, totals);
      const used = p.delivered.minor + p.pending.minor;
      if (after.valuation.minor < used) {
        issues.push(issue('valuation', msg('commitments.amend.below_delivered_value', { amount: moneyFigure({ minor: used, currency: c.valuation.currency }, { group: true }, table) }), 'below_delivered'));
      }
      if (p.quantity && after.quantity) {
        const usedQ = addF(quantityValue({ value: p.quantity.delivered, unit: '' }), quantityValue({ value: p.quantity.pending, unit: '' }));
        if (cmpF(quantityValue(after.quantity), usedQ) < 0) {
          issues.push(issue('quantity.value', msg('commitments.amend.below_delivered_quantity', { quantity: showQuantity(usedQ, p.quantity.unit) }), 'below_delivered'));
        }
      } else if (p.quantity && !after.quantity && (p.quantity.delivered !== '0' || p.quantity.pending !== '0')) {
        issues.push(issue('quantity', msg('commitments.amend.quantity_removed'), 'below_delivered'));
      }
      if (issues.length === 0) {
        const commitment: Commitment = { ...c, ...after };
        const next = deriveStatus(commitment, totals);
        const statusChange = next === c.status ? null : { from: c.status, to: next, on: input.on, by: null, reason: null };
        return {
          commitment: { ...commitment, status: next },
          amendment: { on: input.on, by: input.by, reason: reason!, before, after },
          valuationChange: { minor: after.valuation.minor - c.valuation.minor, currency: c.valuation.currency },
          statusChange,
          tranchesMoved: trancheTargets(commitment).join() !== trancheTargets(c).join(),
        };
      }
    }
  }
  throw new DomainError('validation_failed', msg('commitments.amend.invalid_fields'), issues);
}

const big = (_k: string, v: unknown) => (typeof v === 'bigint' ? v.toString() : v);

// ---- tranches -----------------------------------------------------------------------------------

/** How far one tranche is delivered. */
export interface TrancheProgress {
  /** The tranche's place in due-date order. */
  readonly index: number;
  readonly dueOn: string;
  readonly value: Money;
  /** The part of the tranche covered by confirmed deliveries. */
  readonly covered: Money;
  /** The date of the delivery that completed it; null while it is not complete. */
  readonly deliveredOn: string | null;
}

/**
 * Which tranches the confirmed deliveries complete, and when: deliveries (in date order) fill the tranches in
 * due-date order, first in first out, by value. A tranche is delivered on the date the running total of
 * deliveries first reaches the running total of the schedule up to it (`trancheTargets`). On time means
 * delivered on or before its due date. The dates come from the totals (`withTrancheDates` works them out;
 * `totalsOf` from a list of deliveries), the part covered from the confirmed value.
 */
export function trancheProgress(c: Pick<Commitment, 'tranches'>, totals: Pick<DeliveryTotals, 'confirmed' | 'trancheDates'>): TrancheProgress[] {
  const total = totals.confirmed.value;
  let target = 0n;
  return sortedTranches(c).map((t, index) => {
    const start = target;
    target += t.value.minor;
    const covered = total <= start ? 0n : total >= target ? t.value.minor : total - start;
    return { index, dueOn: t.dueOn, value: t.value, covered: { minor: covered, currency: t.value.currency }, deliveredOn: totals.trancheDates[index] ?? null };
  });
}
