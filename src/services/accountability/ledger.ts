/**
 * The ledger of a partnership in the store: posting balanced transactions (with their running balances in the
 * same database transaction), expenses, disbursements and exchanges under the approval rule, reversals, the
 * reports (balances, pledged versus delivered, budget versus actual, each also in the reporting currency),
 * exchange rates, the budget and the accountability settings. The rules are the pure domain's
 * (src/domain/accountability); this file loads, checks access, writes and presents.
 */
import type { Deps, Unit } from '../context';
import { inTransaction } from '../context';
import { loadFor } from '../partnerships/partnerships';
import { DomainError, issue, notFound, type FieldIssue } from '../../domain/kernel/errors';
import { msg, type Msg, type MsgParam } from '../../domain/kernel/messages';
import type { MessageKey } from '../../domain/messages';
import type { Actor } from '../../domain/access/can';
import type { Money } from '../../domain/kernel/money';
import type { Fraction } from '../../domain/kernel/fraction';
import { addF, frac, subF } from '../../domain/kernel/fraction';
import { decimalText, readDecimal } from '../../domain/kernel/decimal';
import { isDate } from '../../domain/kernel/dates';
import {
  CURRENCIES, checkCurrency, checkRates, convert, exchangeRate, findRate, formatMoney, readMoney, type ExchangeRate, type ExchangeRateInput,
} from '../../domain/accountability/currency';
import { checkQuantity, readQuantity, type Quantity } from '../../domain/accountability/commitments';
import {
  ACCOUNTS, acceptTransaction, balanceDeltas, balancesIn, budgetIn, budgetVersusActual, chartOf, checkBudgetLines, net, parseAccount, pledgedVersusDelivered, pledgesIn, shortfalls,
  postDisbursement, postExchange, postExpense, quantityBalances, reverse,
  type BalanceRow, type BudgetLine, type Chart, type InKindResource, type NewTransaction, type PledgeAmounts, type PledgeReport, type QuantityRow, type ReportingView, type Transaction, type TransactionType,
} from '../../domain/accountability/ledger';
import { DEFAULT_GRACE_DAYS, checkGraceDays, percentText } from '../../domain/accountability/scorecard';
import * as repo from '../../store/repositories/ledger.repository';
import type { EntryRow, TransactionRow } from '../../store/repositories/ledger.repository';
import type { Tx } from '../../store/database';

export const actorId = (actor: Actor) => (actor.kind === 'user' ? actor.id : null);
export const today = (now: string) => now.slice(0, 10);
/** A convener of the partnership, or the platform admin. */
export const isConvener = (actor: Actor, partnershipId: string) =>
  actor.kind === 'user' && (actor.isAdmin || (actor.partnershipRoles.get(partnershipId) ?? []).includes('convener'));

/** Enum values worded in the reader's language where they appear inside a message. */
const DECISION_STATUS_WORDS: Readonly<Record<string, MessageKey>> = {
  proposed: 'ledger.decision_status.proposed',
  open: 'ledger.decision_status.open',
  closed: 'ledger.decision_status.closed',
  withdrawn: 'ledger.decision_status.withdrawn',
};
const DECISION_OUTCOME_WORDS: Readonly<Record<string, MessageKey>> = {
  adopted: 'ledger.decision_outcome.adopted',
  rejected: 'ledger.decision_outcome.rejected',
  no_quorum: 'ledger.decision_outcome.no_quorum',
  referred: 'ledger.decision_outcome.referred',
};
const TX_TYPE_WORDS: Readonly<Record<TransactionType, MessageKey>> = {
  pledge: 'ledger.tx_type.pledge',
  pledge_release: 'ledger.tx_type.pledge_release',
  delivery: 'ledger.tx_type.delivery',
  expense: 'ledger.tx_type.expense',
  disbursement: 'ledger.tx_type.disbursement',
  exchange: 'ledger.tx_type.exchange',
  reversal: 'ledger.tx_type.reversal',
  adjustment: 'ledger.tx_type.adjustment',
};
/** What a holding account holds, as the subject of a sentence ("The pool holds..."). */
const IN_KIND_HOLDING_WORDS: Readonly<Record<InKindResource, MessageKey>> = {
  in_kind_goods: 'ledger.holding.in_kind_goods',
  staff_time: 'ledger.holding.staff_time',
  data: 'ledger.holding.data',
  facilities: 'ledger.holding.facilities',
  licences_ip: 'ledger.holding.licences_ip',
  other: 'ledger.holding.other',
};

/** A stored enum value as a message when the catalog words it; otherwise the value itself, as data. */
const word = (words: Readonly<Record<string, MessageKey>>, value: string): MsgParam => (Object.hasOwn(words, value) ? msg(words[value]) : value);

// ---- presenting ---------------------------------------------------------------------------------

export const presentMoney = (m: Money) => ({ amount: formatMoney(m), minor: m.minor.toString(), currency: m.currency });
export const presentRatio = (r: Fraction | null) => (r === null ? null : { fraction: `${r.num}/${r.den}`, percent: percentText(r) ?? '' });
const presentRate = (r: ExchangeRate) => ({ from: r.from, to: r.to, on: r.on, rate: r.text });
const presentView = <R, O>(v: ReportingView<R>, row: (r: R) => O) => ({ currency: v.currency, on: v.on, rows: v.rows.map(row), ratesUsed: v.ratesUsed.map(presentRate), missing: v.missing.map((m) => ({ ...m })) });
const moneyOrNull = (m: Money | null) => (m ? presentMoney(m) : null);

export function presentTransaction(t: TransactionRow, entries: readonly EntryRow[], reversedBy: string | null) {
  return {
    id: t.id,
    number: t.number,
    type: t.type as Transaction['type'],
    date: t.date,
    description: t.description,
    refs: { commitmentId: t.commitment_id, deliveryId: t.delivery_id, decisionId: t.decision_id, counterparty: t.counterparty, reverses: t.reverses_id, corrects: t.corrects_id },
    entries: entries.map((e) => ({
      account: e.account,
      side: e.side as 'debit' | 'credit',
      amount: presentMoney({ minor: e.amount_minor, currency: e.currency }),
      quantity: e.quantity_value !== null && e.quantity_unit !== null ? { value: e.quantity_value, unit: e.quantity_unit } : null,
    })),
    reversedBy,
    createdBy: t.created_by,
    createdAt: t.created_at,
  };
}

/** Transactions with their entries and reversals (three queries whatever their number). */
export async function presentTransactions(db: Tx, rows: readonly TransactionRow[]) {
  const ids = rows.map((r) => r.id);
  const [entries, reversed] = await Promise.all([repo.entriesOf(db, ids), repo.reversedAmong(db, ids)]);
  const byTx = new Map<string, EntryRow[]>();
  for (const e of entries) byTx.set(e.transaction_id, [...(byTx.get(e.transaction_id) ?? []), e]);
  return rows.map((r) => presentTransaction(r, byTx.get(r.id) ?? [], reversed.get(r.id) ?? null));
}

const domainTx = (t: TransactionRow, entries: readonly EntryRow[]): Transaction => ({
  id: t.id,
  type: t.type as Transaction['type'],
  date: t.date,
  description: t.description,
  entries: entries.map((e) => ({
    account: e.account,
    side: e.side as 'debit' | 'credit',
    amount: { minor: e.amount_minor, currency: e.currency },
    ...(e.quantity_value !== null && e.quantity_unit !== null ? { quantity: { value: e.quantity_value, unit: e.quantity_unit } } : {}),
  })),
  refs: Object.fromEntries(
    Object.entries({ commitmentId: t.commitment_id, deliveryId: t.delivery_id, decisionId: t.decision_id, counterparty: t.counterparty, reverses: t.reverses_id, corrects: t.corrects_id }).filter(([, v]) => v != null),
  ),
});

// ---- reading input ------------------------------------------------------------------------------

/** Reads an amount the client sent ({ amount: "1234.56", currency }) exactly, or adds the issue naming `field`. */
export function moneyIn(m: { amount: string; currency: string }, field: string, issues: FieldIssue[], allowZero = false): Money | null {
  const currencyIssue = checkCurrency(m.currency, `${field}.currency`)[0];
  if (currencyIssue) {
    issues.push(currencyIssue);
    return null;
  }
  const r = readMoney(m.amount, m.currency, { decimal: '.', field: `${field}.amount` });
  if (!r.ok) {
    issues.push(r.issue);
    return null;
  }
  if (!allowZero && r.money.minor === 0n) {
    issues.push(issue(`${field}.amount`, msg('ledger.amount_not_positive'), 'not_positive'));
    return null;
  }
  return r.money;
}

/** Reads a quantity the client sent, or adds the issue naming `field`. */
export function quantityIn(q: { value: string; unit: string } | null | undefined, field: string, issues: FieldIssue[]): Quantity | null {
  if (q == null) return null;
  const r = readQuantity(q.value, q.unit, '.', field);
  if (!r.ok) {
    issues.push(r.issue);
    return null;
  }
  return r.quantity;
}

export function throwIssues(issues: FieldIssue[], message: string | Msg = msg('errors.invalid_fields')): void {
  if (issues.length) throw new DomainError('validation_failed', message, issues);
}

// ---- settings -----------------------------------------------------------------------------------

export interface Settings {
  reportingCurrency: string;
  graceDays: number;
  /** Minor units of the reporting currency; null: spending never needs a decision. */
  approvalThreshold: bigint | null;
  updatedAt: string | null;
}

/** The partnership's settings (the defaults until a convener sets them). */
export async function settingsOf(db: Tx, partnershipId: string): Promise<Settings> {
  const r = await repo.findSettings(db, partnershipId);
  if (!r) return { reportingCurrency: 'EUR', graceDays: DEFAULT_GRACE_DAYS, approvalThreshold: null, updatedAt: null };
  return { reportingCurrency: r.reporting_currency, graceDays: r.grace_days, approvalThreshold: r.approval_threshold_minor === null ? null : BigInt(r.approval_threshold_minor), updatedAt: r.updated_at };
}

const presentSettings = (s: Settings) => ({
  reportingCurrency: s.reportingCurrency,
  graceDays: s.graceDays,
  approvalThreshold: s.approvalThreshold === null ? null : presentMoney({ minor: s.approvalThreshold, currency: s.reportingCurrency }),
  updatedAt: s.updatedAt,
});

export async function getSettings(deps: Deps, anyActor: Actor, id: string) {
  const db = deps.database.db;
  await loadFor(db, anyActor, id, 'partnership.resources.read');
  return presentSettings(await settingsOf(db, id));
}

export async function updateSettings(deps: Deps, anyActor: Actor, id: string, input: { reportingCurrency?: string; graceDays?: number; approvalThreshold?: string | null }) {
  return inTransaction(deps, async (u) => {
    const { actor } = await loadFor(u, anyActor, id, 'partnership.ledger.manage');
    const before = await settingsOf(u.trx, id);
    const issues: FieldIssue[] = [];
    const currency = input.reportingCurrency ?? before.reportingCurrency;
    if (input.reportingCurrency !== undefined) issues.push(...checkCurrency(input.reportingCurrency, 'reportingCurrency'));
    const graceDays = input.graceDays ?? before.graceDays;
    if (input.graceDays !== undefined) issues.push(...checkGraceDays(input.graceDays));
    let threshold = before.approvalThreshold;
    if (input.approvalThreshold === null) threshold = null;
    else if (input.approvalThreshold !== undefined && issues.length === 0) {
      const m = moneyIn({ amount: input.approvalThreshold, currency }, 'approvalThreshold', issues, true);
      if (m) threshold = m.minor;
      for (const i of issues) if (i.field === 'approvalThreshold.amount') i.field = 'approvalThreshold';
    } else if (input.approvalThreshold === undefined && currency !== before.reportingCurrency && before.approvalThreshold !== null) {
      issues.push(issue('approvalThreshold', msg('ledger.restate_threshold', { before: before.reportingCurrency, currency }), 'required'));
    }
    throwIssues(issues, msg('ledger.settings_invalid'));
    await repo.saveSettings(u.trx, { partnership_id: id, reporting_currency: currency, grace_days: graceDays, approval_threshold_minor: threshold, updated_by: actorId(actor), updated_at: u.now });
    const after: Settings = { reportingCurrency: currency, graceDays, approvalThreshold: threshold, updatedAt: u.now };
    await u.audit({
      partnershipId: id, actorId: actorId(actor), action: 'accountability.settings_changed', entityType: 'partnership', entityId: id,
      before: { reportingCurrency: before.reportingCurrency, graceDays: before.graceDays, approvalThreshold: before.approvalThreshold?.toString() ?? null },
      after: { reportingCurrency: currency, graceDays, approvalThreshold: threshold?.toString() ?? null },
    });
    return presentSettings(after);
  });
}

// ---- posting ------------------------------------------------------------------------------------

/** The partnership's chart of accounts: every organisation that is or was a member, and its budget lines. */
export async function chartFor(db: Tx, partnershipId: string): Promise<Chart> {
  const [members, lines] = await Promise.all([repo.memberOrganisations(db, partnershipId), budgetOf(db, partnershipId)]);
  return chartOf(members.map((m) => m.organisation_id), lines);
}

const addDecimal = (a: string, b: string): string => {
  const x = readDecimal(a);
  const y = readDecimal(b);
  if (!x.ok || !y.ok) throw new RangeError(`Not a stored quantity: ${a}, ${b}`);
  return decimalText(addF(x.value, y.value));
};

/**
 * Posts a transaction in the unit of work: the domain accepts it (balanced per currency, accounts of the
 * chart), then it is appended with its entries and added to the running balances (and quantity balances) in
 * the same database transaction. Returns the stored row. Throws `validation_failed` for a transaction the
 * domain refuses.
 */
export async function post(deps: Deps, u: Unit, partnershipId: string, by: string | null, tx: NewTransaction, chart: Chart): Promise<TransactionRow> {
  const id = deps.newId();
  const accepted = acceptTransaction(id, tx, chart);
  const row: TransactionRow = {
    id, partnership_id: partnershipId, number: await repo.nextTransactionNumber(u.trx, partnershipId), type: accepted.type, date: accepted.date, description: accepted.description,
    commitment_id: accepted.refs.commitmentId ?? null, delivery_id: accepted.refs.deliveryId ?? null, decision_id: accepted.refs.decisionId ?? null,
    counterparty: accepted.refs.counterparty ?? null, reverses_id: accepted.refs.reverses ?? null, corrects_id: accepted.refs.corrects ?? null, created_by: by, created_at: u.now,
  };
  await repo.insertTransaction(
    u.trx, row,
    accepted.entries.map((e, position) => ({ position, account: e.account, side: e.side, currency: e.amount.currency, amount_minor: e.amount.minor, quantity_value: e.quantity?.value ?? null, quantity_unit: e.quantity?.unit ?? null })),
  );
  await repo.addToBalances(u.trx, partnershipId, balanceDeltas(accepted));
  const qDeltas = quantityBalances([accepted]);
  if (qDeltas.length) {
    const stored = await repo.quantityBalancesOf(u.trx, partnershipId, [...new Set(qDeltas.map((q) => q.account))]);
    const key = (a: string, unit: string) => `${a}\u0000${unit}`;
    const have = new Map(stored.map((s) => [key(s.account, s.unit), s]));
    await repo.saveQuantityBalances(
      u.trx, partnershipId,
      qDeltas.map((d) => {
        const s = have.get(key(d.account, d.unit));
        return { account: d.account, unit: d.unit, debit: s ? addDecimal(s.debit, d.debit) : d.debit, credit: s ? addDecimal(s.credit, d.credit) : d.credit };
      }),
    );
  }
  return row;
}

// ---- spending and the approval rule -------------------------------------------------------------

/**
 * The approval rule of the settings: a named decision must be a passed decision of this partnership; spending
 * at or above the threshold (converted into the reporting currency at the rate of its date) must name one.
 */
async function checkApproval(db: Tx, partnershipId: string, amount: Money, date: string, decisionId: string | null | undefined): Promise<void> {
  if (decisionId != null) {
    const d = await repo.decisionOutcome(db, partnershipId, decisionId);
    if (!d) throw new DomainError('validation_failed', msg('ledger.decision_unknown'), [issue('decisionId', msg('ledger.decision_unknown_short'), 'unknown_decision')]);
    if (d.status !== 'closed' || d.outcome_kind !== 'adopted') {
      const status = word(DECISION_STATUS_WORDS, d.status);
      const why = d.outcome_kind ? msg('ledger.decision_status_outcome_is', { status, outcome: word(DECISION_OUTCOME_WORDS, d.outcome_kind) }) : msg('ledger.decision_status_is', { status });
      throw new DomainError('validation_failed', msg('ledger.decision_not_passed'), [issue('decisionId', why, 'not_passed')]);
    }
  }
  const s = await settingsOf(db, partnershipId);
  if (s.approvalThreshold === null || decisionId != null) return;
  let value = amount.minor;
  if (amount.currency !== s.reportingCurrency) {
    const rates = (await repo.ratesInto(db, partnershipId, s.reportingCurrency)).filter((r) => r.from_currency === amount.currency).map(rateOf);
    const rate = findRate(rates, amount.currency, s.reportingCurrency, date);
    if (!rate) {
      const pair = { from: amount.currency, to: s.reportingCurrency, on: date };
      throw new DomainError('validation_failed', msg('ledger.no_rate_for_approval', pair), [issue('amount.currency', msg('ledger.no_rate_short', pair), 'no_rate')], { ...pair });
    }
    value = convert(amount, rate).to.minor;
  }
  if (value >= s.approvalThreshold) {
    const limit = formatMoney({ minor: s.approvalThreshold, currency: s.reportingCurrency }, { code: true, group: ',' });
    throw new DomainError('validation_failed', msg('ledger.spending_needs_decision', { limit }), [issue('decisionId', msg('ledger.spending_needs_decision_short', { limit }), 'approval_required')]);
  }
}

/** Checks that a budget line (and activity) exists, naming the fields. */
function checkLine(chart: Chart, line: string, activity: string | null | undefined, issues: FieldIssue[]) {
  const acts = chart.budgetLines.get(line);
  if (!acts) issues.push(issue('line', msg('ledger.unknown_line', { line }), 'unknown_line'));
  else if (activity && !acts.has(activity)) issues.push(issue('activity', msg('ledger.not_an_activity', { activity, line }), 'unknown_activity'));
}

/**
 * Refuses (409, naming the field) a spend that would take the pool, or an in-kind resource, below zero: the
 * partnership spends what partners delivered, not what they pledged.
 */
async function checkFunds(db: Tx, partnershipId: string, tx: NewTransaction, field: string): Promise<void> {
  const short = shortfalls(tx, await repo.balancesOf(db, partnershipId));
  if (short.length === 0) return;
  const what = (account: string): Msg => {
    if (account === ACCOUNTS.pool) return msg('ledger.holding.pool');
    const resource = account.replace(/^in_kind:/, '');
    return Object.hasOwn(IN_KIND_HOLDING_WORDS, resource) ? msg(IN_KIND_HOLDING_WORDS[resource as InKindResource]) : msg('ledger.holding.in_kind', { resource: resource.replace(/_/g, ' ') });
  };
  const money = (minor: bigint, currency: string) => formatMoney({ minor, currency }, { code: true, group: ',' });
  const [first] = short;
  throw new DomainError(
    'conflict',
    msg('ledger.insufficient_funds', { what: what(first.account), available: money(first.available, first.currency), needed: money(first.needed, first.currency) }),
    short.map((x) => issue(field, msg('ledger.insufficient_funds_short', { what: what(x.account), available: money(x.available, x.currency) }), 'insufficient_funds')),
    { shortfalls: short.map((x) => ({ account: x.account, currency: x.currency, available: money(x.available, x.currency), needed: money(x.needed, x.currency) })) },
  );
}

async function spend(deps: Deps, anyActor: Actor, id: string, kind: 'expense' | 'disbursement' | 'exchange', build: (u: Unit, chart: Chart, day: string) => Promise<NewTransaction>) {
  return inTransaction(deps, async (u) => {
    const { actor } = await loadFor(u, anyActor, id, 'partnership.ledger.manage');
    // spends of one partnership take turns (PostgreSQL), so two cannot both spend the last of the pool
    await u.lock('partnerships', id);
    const chart = await chartFor(u.trx, id);
    const tx = await build(u, chart, today(u.now));
    await checkFunds(u.trx, id, tx, kind === 'exchange' ? 'sold' : 'amount');
    const row = await post(deps, u, id, actorId(actor), tx, chart);
    await u.audit({ partnershipId: id, actorId: actorId(actor), action: `ledger.${kind}`, entityType: 'ledger_transaction', entityId: row.id, after: { number: row.number, type: row.type, date: row.date, description: row.description, decisionId: row.decision_id } });
    return (await presentTransactions(u.trx, [row]))[0];
  });
}

export interface ExpenseInput {
  date?: string; description: string; line: string; activity?: string | null; amount: { amount: string; currency: string };
  from?: string; quantity?: { value: string; unit: string } | null; decisionId?: string | null; counterparty?: string | null;
}

/** Records an expense charged to a budget line, paid from the pool or by using an in-kind resource. */
export const recordExpense = (deps: Deps, actor: Actor, id: string, input: ExpenseInput) =>
  spend(deps, actor, id, 'expense', async (u, chart, day) => {
    const issues: FieldIssue[] = [];
    const amount = moneyIn(input.amount, 'amount', issues);
    const quantity = quantityIn(input.quantity, 'quantity', issues);
    if (quantity && (!input.from || input.from === 'pool')) issues.push(issue('quantity', msg('ledger.pool_no_quantity'), 'not_applicable'));
    if (!input.description.trim()) issues.push(issue('description', msg('ledger.describe_expense'), 'required'));
    checkLine(chart, input.line, input.activity, issues);
    throwIssues(issues, msg('ledger.expense_invalid'));
    const date = input.date ?? day;
    await checkApproval(u.trx, id, amount!, date, input.decisionId);
    return postExpense({ date, description: input.description, line: input.line, activity: input.activity, amount: amount!, from: (input.from ?? 'pool') as 'pool' | InKindResource, quantity, decisionId: input.decisionId, counterparty: input.counterparty });
  });

export interface DisbursementInput { date?: string; description: string; line: string; activity?: string | null; amount: { amount: string; currency: string }; recipient: string; decisionId?: string | null }

/** Records money paid out of the pool to a recipient under a budget line. */
export const recordDisbursement = (deps: Deps, actor: Actor, id: string, input: DisbursementInput) =>
  spend(deps, actor, id, 'disbursement', async (u, chart, day) => {
    const issues: FieldIssue[] = [];
    const amount = moneyIn(input.amount, 'amount', issues);
    if (!input.description.trim()) issues.push(issue('description', msg('ledger.describe_disbursement'), 'required'));
    if (!input.recipient.trim()) issues.push(issue('recipient', msg('ledger.name_recipient'), 'required'));
    checkLine(chart, input.line, input.activity, issues);
    throwIssues(issues, msg('ledger.disbursement_invalid'));
    const date = input.date ?? day;
    await checkApproval(u.trx, id, amount!, date, input.decisionId);
    return postDisbursement({ date, description: input.description, line: input.line, activity: input.activity, amount: amount!, recipient: input.recipient.trim(), decisionId: input.decisionId });
  });

export interface ExchangeInput { date?: string; description?: string; sold: { amount: string; currency: string }; bought: { amount: string; currency: string }; counterparty?: string | null }

/** Records an exchange of currencies in the pool. */
export const recordExchange = (deps: Deps, actor: Actor, id: string, input: ExchangeInput) =>
  spend(deps, actor, id, 'exchange', async (_u, _chart, day) => {
    const issues: FieldIssue[] = [];
    const sold = moneyIn(input.sold, 'sold', issues);
    const bought = moneyIn(input.bought, 'bought', issues);
    if (sold && bought && sold.currency === bought.currency) issues.push(issue('bought.currency', msg('ledger.exchange_same_currency'), 'same_currency'));
    if (input.description !== undefined && !input.description.trim()) issues.push(issue('description', msg('ledger.describe_exchange'), 'required'));
    throwIssues(issues, msg('ledger.exchange_invalid'));
    return postExchange({ date: input.date ?? day, sold: sold!, bought: bought!, description: input.description?.trim() || undefined, counterparty: input.counterparty ?? undefined });
  });

/** Transactions that belong to a commitment or a delivery are reversed through them (their status follows). */
const REVERSIBLE_HERE = new Set(['expense', 'disbursement', 'exchange', 'adjustment']);

/** Reverses a transaction (once; never a reversal), dated today or as given. */
export async function reverseTransaction(deps: Deps, anyActor: Actor, id: string, txId: string, input: { reason: string; date?: string }) {
  return inTransaction(deps, async (u) => {
    const { actor } = await loadFor(u, anyActor, id, 'partnership.ledger.manage');
    const t = await repo.findTransaction(u.trx, id, txId);
    if (!t) throw notFound(msg('ledger.the_transaction'));
    const reason = input.reason.trim();
    if (!reason) throw new DomainError('validation_failed', msg('ledger.say_why_reversed'), [issue('reason', msg('ledger.say_why_reversed'), 'required')]);
    if (t.type === 'reversal') throw new DomainError('conflict', msg('ledger.reversal_not_reversed'), [issue('txId', msg('ledger.is_reversal'), 'is_reversal')]);
    if (!REVERSIBLE_HERE.has(t.type)) {
      const hint = msg(t.type === 'delivery' ? 'ledger.hint.reverse_delivery' : 'ledger.hint.change_commitment');
      throw new DomainError('conflict', msg('ledger.follows_commitment', { type: word(TX_TYPE_WORDS, t.type), hint }), [issue('txId', hint, 'not_reversible_here')]);
    }
    const rev = await reverseIn(deps, u, id, actorId(actor), t, input.date ?? today(u.now), reason);
    await u.audit({ partnershipId: id, actorId: actorId(actor), action: 'ledger.reversed', entityType: 'ledger_transaction', entityId: rev.id, after: { number: rev.number, reverses: t.id, reason } });
    return (await presentTransactions(u.trx, [rev]))[0];
  });
}

/** Posts the reversal of a stored transaction in the unit of work; 409 when it was reversed already. */
export async function reverseIn(deps: Deps, u: Unit, partnershipId: string, by: string | null, t: TransactionRow, date: string, reason: string): Promise<TransactionRow> {
  if (!isDate(date)) throw new DomainError('validation_failed', msg('ledger.date_format'), [issue('date', msg('ledger.date_format'), 'invalid_date')]);
  if (await repo.reversalOf(u.trx, t.id)) throw new DomainError('conflict', msg('ledger.already_reversed'), [issue('txId', msg('ledger.already_reversed_short'), 'already_reversed')]);
  const original = domainTx(t, await repo.entriesOf(u.trx, [t.id]));
  const rev = reverse(original, date, `Reversal of #${t.number}: ${reason}`);
  // the reversal uses exactly the accounts of the original, which the chart accepted then
  const chart: Chart = chartFromEntries(original);
  return post(deps, u, partnershipId, by, rev, chart);
}

/** A chart holding exactly the accounts of a transaction's entries. */
export function chartFromEntries(t: Pick<NewTransaction, 'entries'>): Chart {
  const partners = new Set<string>();
  const lines = new Map<string, Set<string>>();
  for (const e of t.entries) {
    const a = parseAccount(e.account);
    if (!a) continue;
    if (a.kind === 'receivable' || a.kind === 'pledged') partners.add(a.partner);
    if (a.kind === 'expense' || a.kind === 'disbursement') {
      const s = lines.get(a.line) ?? new Set<string>();
      if (a.activity) s.add(a.activity);
      lines.set(a.line, s);
    }
  }
  return { partners, budgetLines: lines };
}

// ---- reading the ledger -------------------------------------------------------------------------

export async function listTransactions(deps: Deps, anyActor: Actor, id: string, f: repo.TransactionFilter & { account?: string }) {
  const db = deps.database.db;
  await loadFor(db, anyActor, id, 'partnership.resources.read');
  const page = await repo.pageTransactions(db, id, { ...f, accountPrefix: f.account });
  return { items: await presentTransactions(db, page.items), nextCursor: page.nextCursor };
}

export async function getTransaction(deps: Deps, anyActor: Actor, id: string, txId: string) {
  const db = deps.database.db;
  await loadFor(db, anyActor, id, 'partnership.resources.read');
  const t = await repo.findTransaction(db, id, txId);
  if (!t) throw notFound(msg('ledger.the_transaction'));
  return (await presentTransactions(db, [t]))[0];
}

// ---- rates --------------------------------------------------------------------------------------

export const rateOf = (r: repo.RateRow): ExchangeRate => exchangeRate({ from: r.from_currency, to: r.to_currency, on: r.on_date, rate: r.rate });
const presentRateRow = (r: repo.RateRow) => ({ id: r.id, from: r.from_currency, to: r.to_currency, on: r.on_date, rate: r.rate, createdAt: r.created_at });

/**
 * Stores exchange rates in the caller's unit of work (the rates route, and the CSV import): each checked
 * (`exchangeRate`), none conflicting with another or with a stored rate of the same pair and date (409);
 * a rate already stored with the same value is kept as it is. Issues name `${field}.<index>.<field>`.
 * Returns the rows written (and those already stored, for identical repeats).
 */
export async function storeExchangeRates(deps: Deps, u: Unit, partnershipId: string, by: string | null, inputs: readonly ExchangeRateInput[], field = 'rates'): Promise<repo.RateRow[]> {
  const issues: FieldIssue[] = [];
  const rates: ExchangeRate[] = [];
  inputs.forEach((input, i) => {
    try {
      rates.push(exchangeRate(input));
    } catch (err) {
      if (err instanceof DomainError) issues.push(...err.issues.map((x) => ({ ...x, field: `${field}.${i}.${x.field}` })));
      else throw err;
    }
  });
  throwIssues(issues, msg('ledger.rates_invalid'));
  const clash = checkRates(rates, field);
  if (clash.length) throw new DomainError('conflict', clash[0].msg ?? clash[0].message, clash);
  const out: repo.RateRow[] = [];
  const fresh: repo.RateRow[] = [];
  const seen = new Set<string>();
  for (const [i, r] of rates.entries()) {
    const key = `${r.from}>${r.to}@${r.on}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const stored = await repo.findRateOn(u.trx, partnershipId, r.from, r.to, r.on);
    if (stored) {
      if (rateOf(stored).text !== r.text) {
        throw new DomainError('conflict', msg('ledger.rate_already_set', { from: r.from, to: r.to, rate: stored.rate, on: r.on }), [issue(`${field}.${i}.rate`, msg('ledger.rate_already_set_short', { rate: stored.rate, on: r.on }), 'duplicate')]);
      }
      out.push(stored);
      continue;
    }
    const row: repo.RateRow = { id: deps.newId(), partnership_id: partnershipId, from_currency: r.from, to_currency: r.to, on_date: r.on, rate: r.text, created_by: by, created_at: u.now };
    fresh.push(row);
    out.push(row);
  }
  await repo.insertRates(u.trx, fresh);
  if (fresh.length) {
    await u.audit({ partnershipId, actorId: by, action: 'ledger.rates_entered', entityType: 'partnership', entityId: partnershipId, after: { rates: fresh.map((r) => `${r.from_currency}>${r.to_currency}@${r.on_date}=${r.rate}`) } });
  }
  return out;
}

export async function addExchangeRate(deps: Deps, anyActor: Actor, id: string, input: ExchangeRateInput) {
  return inTransaction(deps, async (u) => {
    const { actor } = await loadFor(u, anyActor, id, 'partnership.ledger.manage');
    try {
      const [row] = await storeExchangeRates(deps, u, id, actorId(actor), [input]);
      return presentRateRow(row);
    } catch (err) {
      // one rate: name its own fields
      if (err instanceof DomainError) throw new DomainError(err.code, err.msg ?? err.message, err.issues.map((i) => ({ ...i, field: i.field.replace(/^rates\.0\./, '') })), err.detail);
      throw err;
    }
  });
}

export async function listExchangeRates(deps: Deps, anyActor: Actor, id: string, f: { from?: string; to?: string; cursor?: string; limit: number }) {
  const db = deps.database.db;
  await loadFor(db, anyActor, id, 'partnership.resources.read');
  const page = await repo.pageRates(db, id, f);
  return { items: page.items.map(presentRateRow), nextCursor: page.nextCursor };
}

// ---- the budget ---------------------------------------------------------------------------------

const plannedOf = (json: string): Money[] => (JSON.parse(json) as { currency: string; minor: string }[]).map((m) => ({ currency: m.currency, minor: BigInt(m.minor) }));
const plannedJson = (ms: readonly Money[]) => JSON.stringify(ms.map((m) => ({ currency: m.currency, minor: m.minor.toString() })));

export async function budgetOf(db: Tx, partnershipId: string): Promise<BudgetLine[]> {
  return (await repo.budgetLinesOf(db, partnershipId)).map((r) => ({
    id: r.line_id,
    name: r.name ?? undefined,
    planned: plannedOf(r.planned),
    activities: (JSON.parse(r.activities) as { id: string; name: string | null; planned: { currency: string; minor: string }[] }[]).map((a) => ({ id: a.id, name: a.name ?? undefined, planned: plannedOf(JSON.stringify(a.planned)) })),
  }));
}

const presentLine = (l: BudgetLine) => ({
  id: l.id, name: l.name ?? null, planned: l.planned.map(presentMoney),
  activities: (l.activities ?? []).map((a) => ({ id: a.id, name: a.name ?? null, planned: a.planned.map(presentMoney) })),
});

export interface BudgetInput {
  lines: { id: string; name?: string | null; planned: { amount: string; currency: string }[]; activities?: { id: string; name?: string | null; planned: { amount: string; currency: string }[] }[] }[];
}

/** Replaces the budget (conveners); a line or activity with spending in the ledger cannot be dropped. */
export async function replaceBudget(deps: Deps, anyActor: Actor, id: string, input: BudgetInput) {
  return inTransaction(deps, async (u) => {
    const { actor } = await loadFor(u, anyActor, id, 'partnership.ledger.manage');
    const issues: FieldIssue[] = [];
    const lines: BudgetLine[] = input.lines.map((l, i) => ({
      id: l.id,
      name: l.name?.trim() || undefined,
      planned: l.planned.flatMap((m, j) => moneyIn(m, `lines.${i}.planned.${j}`, issues, true) ?? []),
      activities: (l.activities ?? []).map((a, j) => ({ id: a.id, name: a.name?.trim() || undefined, planned: a.planned.flatMap((m, k) => moneyIn(m, `lines.${i}.activities.${j}.planned.${k}`, issues, true) ?? []) })),
    }));
    if (issues.length === 0) issues.push(...checkBudgetLines(lines));
    if (issues.length === 0) {
      const chart = chartOf([], lines);
      for (const account of await repo.spentLines(u.trx, id)) {
        const a = parseAccount(account);
        if (!a || (a.kind !== 'expense' && a.kind !== 'disbursement')) continue;
        const acts = chart.budgetLines.get(a.line);
        if (!acts || (a.activity && !acts.has(a.activity))) issues.push(issue('lines', msg('ledger.line_in_use', { line: a.activity ? `${a.line}:${a.activity}` : a.line }), 'in_use'));
      }
    }
    throwIssues(issues, msg('ledger.budget_invalid'));
    await repo.replaceBudgetLines(
      u.trx, id,
      lines.map((l, position) => ({
        partnership_id: id, line_id: l.id, position, name: l.name ?? null, planned: plannedJson(l.planned),
        activities: JSON.stringify((l.activities ?? []).map((a) => ({ id: a.id, name: a.name ?? null, planned: JSON.parse(plannedJson(a.planned)) }))), updated_at: u.now,
      })),
    );
    await u.audit({ partnershipId: id, actorId: actorId(actor), action: 'ledger.budget_replaced', entityType: 'partnership', entityId: id, after: { lines: lines.map((l) => l.id) } });
    return budgetReport(u.trx, id, today(u.now), false);
  });
}

// ---- reports ------------------------------------------------------------------------------------

/** The rates into the reporting currency, as domain rates. */
export async function reportingRates(db: Tx, partnershipId: string, currency: string): Promise<ExchangeRate[]> {
  return (await repo.ratesInto(db, partnershipId, currency)).map(rateOf);
}

export const presentBalanceRows = (rows: readonly BalanceRow[]) =>
  rows.map((r) => ({ account: r.account, currency: r.currency, debit: presentMoney({ minor: r.debit, currency: r.currency }), credit: presentMoney({ minor: r.credit, currency: r.currency }), net: presentMoney({ minor: net(r), currency: r.currency }) }));

const fracOf = (text: string): Fraction => {
  const r = readDecimal(text);
  return r.ok ? r.value : frac(0);
};

export const presentBalancesIn = (v: ReportingView<{ account: string; net: Money | null }>) => presentView(v, (r) => ({ account: r.account, net: moneyOrNull(r.net) }));
export const presentPledgesIn = (v: ReturnType<typeof pledgesIn>) =>
  presentView(v, (r) => ({ partner: r.partner, pledged: moneyOrNull(r.pledged), delivered: moneyOrNull(r.delivered), outstanding: moneyOrNull(r.outstanding), ratio: presentRatio(r.ratio) }));

export async function balancesReport(deps: Deps, anyActor: Actor, id: string, q: { currency?: 'reporting'; on?: string }) {
  const db = deps.database.db;
  await loadFor(db, anyActor, id, 'partnership.resources.read');
  const [rows, quantities] = await Promise.all([repo.balancesOf(db, id), repo.quantityBalancesOf(db, id)]);
  let reporting = null;
  if (q.currency === 'reporting') {
    const s = await settingsOf(db, id);
    reporting = presentBalancesIn(balancesIn(rows, s.reportingCurrency, await reportingRates(db, id, s.reportingCurrency), q.on ?? today(deps.clock()), CURRENCIES));
  }
  return {
    rows: presentBalanceRows(rows),
    quantities: quantities.map((r) => ({ ...r, net: decimalText(subF(fracOf(r.debit), fracOf(r.credit))) })),
    reporting,
  };
}

export const presentAmounts = (a: readonly PledgeAmounts[]) =>
  a.map((x) => ({ currency: x.currency, pledged: presentMoney(x.pledged), delivered: presentMoney(x.delivered), outstanding: presentMoney(x.outstanding), ratio: presentRatio(x.ratio) }));

export const presentPledgeReport = (r: PledgeReport) => ({
  rows: r.rows.map((x) => ({ partner: x.partner, resource: x.resource, amounts: presentAmounts(x.amounts), quantities: x.quantities.map((q) => ({ ...q })) })),
  byPartner: r.byPartner.map((x) => ({ partner: x.partner, amounts: presentAmounts(x.amounts) })),
  byResource: r.byResource.map((x) => ({ resource: x.resource, amounts: presentAmounts(x.amounts), quantities: x.quantities.map((q) => ({ ...q })) })),
});

/** Pledged versus delivered from the running balances: the report, and the figures themselves for others. */
export async function pledgeFigures(db: Tx, partnershipId: string): Promise<{ rows: BalanceRow[]; report: PledgeReport }> {
  const [rows, quantities] = await Promise.all([repo.balancesOf(db, partnershipId), repo.quantityBalancesOf(db, partnershipId)]);
  return { rows, report: pledgedVersusDelivered(rows, quantities as QuantityRow[]) };
}

export async function pledgesReport(deps: Deps, anyActor: Actor, id: string, q: { currency?: 'reporting'; on?: string }) {
  const db = deps.database.db;
  await loadFor(db, anyActor, id, 'partnership.resources.read');
  const { report } = await pledgeFigures(db, id);
  let reporting = null;
  if (q.currency === 'reporting') {
    const s = await settingsOf(db, id);
    reporting = presentPledgesIn(pledgesIn(report, s.reportingCurrency, await reportingRates(db, id, s.reportingCurrency), q.on ?? today(deps.clock())));
  }
  return { ...presentPledgeReport(report), reporting };
}

async function budgetReport(db: Tx, id: string, on: string, inReporting: boolean) {
  const [lines, rows] = await Promise.all([budgetOf(db, id), repo.balancesOf(db, id)]);
  const bva = budgetVersusActual(lines, rows);
  let reporting = null;
  if (inReporting) {
    const s = await settingsOf(db, id);
    reporting = presentView(budgetIn(bva, s.reportingCurrency, await reportingRates(db, id, s.reportingCurrency), on), (r) => ({
      line: r.line, activity: r.activity, planned: moneyOrNull(r.planned), actual: moneyOrNull(r.actual), remaining: moneyOrNull(r.remaining), ratio: presentRatio(r.ratio),
    }));
  }
  return {
    lines: lines.map(presentLine),
    rows: bva.map((r) => ({
      line: r.line, activity: r.activity, currency: r.currency, planned: presentMoney(r.planned), expenses: presentMoney(r.expenses), disbursements: presentMoney(r.disbursements),
      actual: presentMoney(r.actual), remaining: presentMoney(r.remaining), ratio: presentRatio(r.ratio),
    })),
    reporting,
  };
}

export async function getBudget(deps: Deps, anyActor: Actor, id: string, q: { currency?: 'reporting'; on?: string }) {
  const db = deps.database.db;
  await loadFor(db, anyActor, id, 'partnership.resources.read');
  return budgetReport(db, id, q.on ?? today(deps.clock()), q.currency === 'reporting');
}
