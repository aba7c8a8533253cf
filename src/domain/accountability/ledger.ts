/**
 * The partnership's double-entry ledger. Pure: transactions are data in, issues and balances out; no I/O,
 * no clock, no randomness (ids and dates are arguments).
 *
 * Every movement of value is a transaction whose debits equal its credits in each currency. Transactions are
 * immutable (frozen here, append-only in the store); a mistake is corrected by a reversing transaction and a
 * new one. Balances, pledged-versus-delivered and budget-versus-actual are folds over the entries, and each
 * of them can be read from per-account balances alone, so the store can keep those balances up to date with
 * `balanceDeltas` instead of summing the whole ledger for a dashboard.
 *
 * Accounts (ids are `kind:key:key`; see docs/domain/ledger.md):
 *   receivable:<partner>:<resource>  what a partner has pledged and not yet delivered (debit balance)
 *   pledged:<partner>:<resource>     what a partner has pledged, net of releases (credit balance)
 *   pool                             the partnership's cash
 *   in_kind:<resource>               in-kind resources received and not yet used, at their value
 *   expense:<line>[:<activity>]      costs charged to a budget line (and one of its activities)
 *   disbursement:<line>[:<activity>] money passed on to a recipient under a budget line
 *   exchange                         the currency exchange (trading) account: one exchange of currencies
 *                                    balances in each currency through it
 */
import { isDate } from '../kernel/dates';
import { decimalText } from '../kernel/decimal';
import { DomainError, issue, type FieldIssue } from '../kernel/errors';
import { msg, type Msg } from '../kernel/messages';
import { addF, frac, subF, type Fraction } from '../kernel/fraction';
import type { Money } from '../kernel/money';
import { checkQuantity, isResourceKind, quantityValue, type Quantity, type ResourceKind } from './commitments';
import { CURRENCIES, MAX_MINOR, checkCurrency, moneyFigure, totalIn, type CurrencyTable, type ExchangeRate, type MissingRate } from './currency';

// ---- accounts -----------------------------------------------------------------------------------

export const ACCOUNT_KINDS = ['receivable', 'pledged', 'pool', 'in_kind', 'expense', 'disbursement', 'exchange'] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];
/** A resource received in kind: everything but cash. */
export type InKindResource = Exclude<ResourceKind, 'cash'>;

/** An account of a partnership's ledger, structured. */
export type Account =
  | { kind: 'receivable'; partner: string; resource: ResourceKind }
  | { kind: 'pledged'; partner: string; resource: ResourceKind }
  | { kind: 'pool' }
  | { kind: 'in_kind'; resource: InKindResource }
  | { kind: 'expense'; line: string; activity?: string | null }
  | { kind: 'disbursement'; line: string; activity?: string | null }
  | { kind: 'exchange' };

/** The side on which an account's balance normally stands (pledged is credit; exchange nets to zero over time). */
export const NORMAL_SIDE: Readonly<Record<AccountKind, Side>> = {
  receivable: 'debit',
  pledged: 'credit',
  pool: 'debit',
  in_kind: 'debit',
  expense: 'debit',
  disbursement: 'debit',
  exchange: 'debit',
};

const KEY = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;

/** The id of an account: `receivable:<partner>:<resource>`, `pool`, `expense:<line>:<activity>`... */
export function accountId(a: Account): string {
  switch (a.kind) {
    case 'receivable':
    case 'pledged':
      return `${a.kind}:${a.partner}:${a.resource}`;
    case 'in_kind':
      return `in_kind:${a.resource}`;
    case 'expense':
    case 'disbursement':
      return a.activity ? `${a.kind}:${a.line}:${a.activity}` : `${a.kind}:${a.line}`;
    default:
      return a.kind;
  }
}

/** Reads an account id back into its parts; null when it is not a well-formed account id. */
export function parseAccount(id: string): Account | null {
  if (typeof id !== 'string' || id.length > 250) return null;
  const [kind, ...keys] = id.split(':');
  if (!keys.every((k) => KEY.test(k))) return null;
  switch (kind) {
    case 'receivable':
    case 'pledged':
      return keys.length === 2 && isResourceKind(keys[1]) ? { kind, partner: keys[0], resource: keys[1] } : null;
    case 'in_kind':
      return keys.length === 1 && isResourceKind(keys[0]) && keys[0] !== 'cash' ? { kind, resource: keys[0] as InKindResource } : null;
    case 'expense':
    case 'disbursement':
      return keys.length === 1 ? { kind, line: keys[0] } : keys.length === 2 ? { kind, line: keys[0], activity: keys[1] } : null;
    case 'pool':
    case 'exchange':
      return keys.length === 0 ? { kind } : null;
    default:
      return null;
  }
}

/** Account ids by name, for postings and queries. */
export const ACCOUNTS = {
  receivable: (partner: string, resource: ResourceKind): string => accountId({ kind: 'receivable', partner, resource }),
  pledged: (partner: string, resource: ResourceKind): string => accountId({ kind: 'pledged', partner, resource }),
  pool: 'pool',
  inKind: (resource: InKindResource): string => accountId({ kind: 'in_kind', resource }),
  expense: (line: string, activity?: string | null): string => accountId({ kind: 'expense', line, activity }),
  disbursement: (line: string, activity?: string | null): string => accountId({ kind: 'disbursement', line, activity }),
  exchange: 'exchange',
} as const;

/** What the ledger of one partnership knows: its partners and its budget lines with their activities. */
export interface Chart {
  readonly partners: ReadonlySet<string>;
  /** Budget line id -> the ids of its activities. */
  readonly budgetLines: ReadonlyMap<string, ReadonlySet<string>>;
}

/** Why an account id is not an account of this chart; null when it is one. */
function accountProblem(id: string, chart: Chart): { msg: Msg; code: string } | null {
  const a = parseAccount(id);
  if (!a) return { msg: msg('ledger.not_an_account', { id }), code: 'invalid_account' };
  if ((a.kind === 'receivable' || a.kind === 'pledged') && !chart.partners.has(a.partner)) {
    return { msg: msg('ledger.not_a_partner', { partner: a.partner }), code: 'unknown_account' };
  }
  if (a.kind === 'expense' || a.kind === 'disbursement') {
    const activities = chart.budgetLines.get(a.line);
    if (!activities) return { msg: msg('ledger.not_a_budget_line', { line: a.line }), code: 'unknown_account' };
    if (a.activity && !activities.has(a.activity)) return { msg: msg('ledger.not_an_activity', { activity: a.activity, line: a.line }), code: 'unknown_account' };
  }
  return null;
}

/** True when value of the account is cash, which has no quantity. */
const isCashAccount = (a: Account): boolean =>
  a.kind === 'pool' || a.kind === 'exchange' || ((a.kind === 'receivable' || a.kind === 'pledged') && a.resource === 'cash');

// ---- transactions -------------------------------------------------------------------------------

export type Side = 'debit' | 'credit';

/** One line of a transaction: an amount debited or credited to an account, with a quantity for in-kind value. */
export interface Entry {
  readonly account: string;
  readonly side: Side;
  /** More than zero. */
  readonly amount: Money;
  readonly quantity?: Quantity | null;
}

export const TRANSACTION_TYPES = ['pledge', 'pledge_release', 'delivery', 'expense', 'disbursement', 'exchange', 'reversal', 'adjustment'] as const;
export type TransactionType = (typeof TRANSACTION_TYPES)[number];

/** What a transaction is about. */
export interface TransactionRefs {
  readonly commitmentId?: string;
  readonly deliveryId?: string;
  /** The decision that approved it (expenses and disbursements, where the charter asks for one). */
  readonly decisionId?: string;
  /** Who was paid, or who paid. */
  readonly counterparty?: string;
  /** The transaction this one reverses. */
  readonly reverses?: string;
  /** The transaction this one replaces (with the reversal of that one). */
  readonly corrects?: string;
}

/** A transaction before it has an id. */
export interface NewTransaction {
  readonly type: TransactionType;
  /** The value date (YYYY-MM-DD). */
  readonly date: string;
  readonly description: string;
  readonly entries: readonly Entry[];
  readonly refs: TransactionRefs;
}

/** A transaction in the ledger. */
export interface Transaction extends NewTransaction {
  readonly id: string;
}

export const MAX_DESCRIPTION = 500;
export const MAX_ENTRIES = 1000;

/**
 * Every problem of a transaction: its type, date and description; at least two entries; each entry on a
 * known account of the chart, with a debit or credit side, an amount above zero in a known currency, and a
 * quantity only on in-kind accounts; and, in each currency on its own, debits equal to credits. An amount in
 * a currency that appears on one side only can never balance (exchange currencies through the exchange
 * account). Empty when the transaction may be recorded.
 */
export function checkTransaction(tx: NewTransaction, chart: Chart, table: CurrencyTable = CURRENCIES): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!(TRANSACTION_TYPES as readonly string[]).includes(tx.type)) issues.push(issue('type', msg('ledger.use_one_of', { values: TRANSACTION_TYPES.join(', ') }), 'invalid_type'));
  if (!isDate(tx.date)) issues.push(issue('date', msg('ledger.date_format'), 'invalid_date'));
  if (typeof tx.description !== 'string' || !tx.description.trim()) issues.push(issue('description', msg('ledger.describe_transaction'), 'required'));
  else if (tx.description.length > MAX_DESCRIPTION) issues.push(issue('description', msg('ledger.at_most_characters', { max: MAX_DESCRIPTION }), 'too_long'));
  if (tx.type === 'reversal' && !tx.refs?.reverses) issues.push(issue('refs.reverses', msg('ledger.reversal_names_original'), 'required'));
  const entries: readonly Entry[] = Array.isArray(tx.entries) ? tx.entries : [];
  if (entries.length < 2) {
    issues.push(issue('entries', msg('ledger.too_few_entries'), 'too_few'));
    return issues;
  }
  if (entries.length > MAX_ENTRIES) issues.push(issue('entries', msg('ledger.too_many_entries', { max: MAX_ENTRIES }), 'too_many'));

  let entriesOk = true;
  entries.forEach((e, i) => {
    const at = `entries.${i}`;
    const own: FieldIssue[] = [];
    const problem = accountProblem(e.account, chart);
    if (problem) own.push(issue(`${at}.account`, problem.msg, problem.code));
    if (e.side !== 'debit' && e.side !== 'credit') own.push(issue(`${at}.side`, msg('ledger.invalid_side'), 'invalid_side'));
    if (!e.amount || typeof e.amount.minor !== 'bigint') own.push(issue(`${at}.amount`, msg('ledger.invalid_amount'), 'invalid_amount'));
    else {
      own.push(...checkCurrency(e.amount.currency, `${at}.amount.currency`, table));
      if (e.amount.minor <= 0n) own.push(issue(`${at}.amount`, msg('ledger.entry_not_positive'), 'not_positive'));
      else if (e.amount.minor > MAX_MINOR) own.push(issue(`${at}.amount`, msg('ledger.amount_too_large'), 'too_large'));
    }
    if (e.quantity != null) {
      const a = parseAccount(e.account);
      if (a && isCashAccount(a)) own.push(issue(`${at}.quantity`, msg('ledger.cash_no_quantity'), 'not_applicable'));
      else own.push(...checkQuantity(e.quantity, `${at}.quantity`));
    }
    if (own.length) entriesOk = false;
    issues.push(...own);
  });
  if (!entriesOk) return issues;

  const totals = new Map<string, { debit: bigint; credit: bigint }>();
  for (const e of entries) {
    const t = totals.get(e.amount.currency) ?? { debit: 0n, credit: 0n };
    t[e.side] += e.amount.minor;
    totals.set(e.amount.currency, t);
  }
  for (const [currency, t] of [...totals].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const show = (minor: bigint) => moneyFigure({ minor, currency }, { group: true }, table);
    if (t.debit === 0n || t.credit === 0n) {
      issues.push(issue('entries', msg('ledger.one_sided', { currency, side: msg(t.debit ? 'ledger.side.debit' : 'ledger.side.credit') }), 'one_sided'));
    } else if (t.debit !== t.credit) {
      issues.push(issue('entries', msg('ledger.unbalanced', { currency, debits: show(t.debit), credits: show(t.credit) }), 'unbalanced'));
    } else if (t.debit > MAX_MINOR) issues.push(issue('entries', msg('ledger.total_too_large', { currency }), 'too_large'));
  }
  return issues;
}

function freezeTx<T extends NewTransaction>(tx: T): T {
  for (const e of tx.entries) {
    Object.freeze(e.amount);
    if (e.quantity) Object.freeze(e.quantity);
    Object.freeze(e);
  }
  Object.freeze(tx.entries);
  Object.freeze(tx.refs);
  return Object.freeze(tx);
}

const copyTx = (tx: NewTransaction): NewTransaction => ({
  type: tx.type,
  date: tx.date,
  description: tx.description.trim(),
  entries: tx.entries.map((e) => ({
    account: e.account,
    side: e.side,
    amount: { minor: e.amount.minor, currency: e.amount.currency },
    ...(e.quantity ? { quantity: { value: e.quantity.value, unit: e.quantity.unit.trim() } } : {}),
  })),
  refs: { ...(tx.refs ?? {}) },
});

/**
 * Accepts a transaction into the ledger under `id`: throws `validation_failed` with every issue of
 * `checkTransaction`, otherwise returns a deep-frozen copy (description trimmed), which no code can change.
 */
export function acceptTransaction(id: string, tx: NewTransaction, chart: Chart, table: CurrencyTable = CURRENCIES): Transaction {
  const issues = checkTransaction(tx, chart, table);
  if (issues.length) throw new DomainError('validation_failed', msg('ledger.transaction_invalid'), issues);
  return freezeTx({ id, ...copyTx(tx) });
}

/** True when the entries of a transaction have equal debits and credits in every currency. */
export function isBalanced(tx: Pick<NewTransaction, 'entries'>): boolean {
  const net = new Map<string, bigint>();
  for (const e of tx.entries) net.set(e.amount.currency, (net.get(e.amount.currency) ?? 0n) + (e.side === 'debit' ? e.amount.minor : -e.amount.minor));
  return [...net.values()].every((v) => v === 0n);
}

const withoutCorrects = (refs: TransactionRefs): TransactionRefs => Object.fromEntries(Object.entries(refs ?? {}).filter(([k]) => k !== 'corrects'));

/**
 * The transaction that undoes `tx`: the same entries on the other side, typed `reversal`, pointing back at
 * it. Dated `date` (by default the original's date; use the day of the correction to keep a closed period
 * untouched). Adding it to the ledger restores every balance to what it was without `tx`.
 */
export function reverse(tx: Transaction, date: string = tx.date, description?: string): NewTransaction {
  const text = description?.trim() || `Reversal of: ${tx.description}`;
  return freezeTx({
    type: 'reversal',
    date,
    description: text.length > MAX_DESCRIPTION ? text.slice(0, MAX_DESCRIPTION - 1) + '…' : text,
    entries: tx.entries.map((e) => ({ ...e, side: e.side === 'debit' ? ('credit' as const) : ('debit' as const) })),
    refs: { ...withoutCorrects(tx.refs), reverses: tx.id },
  });
}

/**
 * A correction: the reversal of `original` and its `replacement` (which points at the original through
 * `refs.corrects`), to be recorded together in one store transaction.
 */
export function correction(original: Transaction, replacement: NewTransaction, date: string = replacement.date): readonly [NewTransaction, NewTransaction] {
  return Object.freeze([reverse(original, date), freezeTx({ ...copyTx(replacement), refs: { ...replacement.refs, corrects: original.id } })] as const);
}

/**
 * Problems of approval: an expense or a disbursement for which the charter asks a decision must name it
 * (`refs.decisionId`). Whether one is needed is for the caller to say (from the charter).
 */
export function checkApproval(tx: NewTransaction, decisionNeeded: boolean): FieldIssue[] {
  if (!decisionNeeded || (tx.type !== 'expense' && tx.type !== 'disbursement')) return [];
  return tx.refs?.decisionId ? [] : [issue('refs.decisionId', msg(tx.type === 'expense' ? 'ledger.approval_required.expense' : 'ledger.approval_required.disbursement'), 'approval_required')];
}

// ---- standard postings --------------------------------------------------------------------------

const tx = (type: TransactionType, date: string, description: string, entries: Entry[], refs: TransactionRefs): NewTransaction =>
  freezeTx({ type, date, description, entries, refs: Object.fromEntries(Object.entries(refs).filter(([, v]) => v != null && v !== '')) as TransactionRefs });

const q = (quantity: Quantity | null | undefined) => (quantity ? { quantity: { ...quantity } } : {});

/** A pledge as the ledger sees it: a partner, a resource kind, a value (and quantity in kind). */
export interface PledgePosting {
  date: string;
  partner: string;
  resource: ResourceKind;
  value: Money;
  quantity?: Quantity | null;
  commitmentId?: string;
  decisionId?: string | null;
  description?: string;
}

/** A pledge recorded: debit the partner's receivable, credit its pledged account. */
export function postPledge(p: PledgePosting): NewTransaction {
  return tx('pledge', p.date, p.description ?? `Pledge (${p.resource})`, [
    { account: ACCOUNTS.receivable(p.partner, p.resource), side: 'debit', amount: { ...p.value }, ...q(p.quantity) },
    { account: ACCOUNTS.pledged(p.partner, p.resource), side: 'credit', amount: { ...p.value }, ...q(p.quantity) },
  ], { commitmentId: p.commitmentId, decisionId: p.decisionId ?? undefined });
}

/**
 * A pledge released: debit pledged, credit the receivable, for the undelivered part of a cancelled or
 * withdrawn commitment, or for a valuation lowered by an amendment. Delivered value is untouched.
 */
export function postPledgeRelease(p: PledgePosting & { reason: string }): NewTransaction {
  return tx('pledge_release', p.date, p.description ?? `Pledge released: ${p.reason}`.slice(0, MAX_DESCRIPTION), [
    { account: ACCOUNTS.pledged(p.partner, p.resource), side: 'debit', amount: { ...p.value }, ...q(p.quantity) },
    { account: ACCOUNTS.receivable(p.partner, p.resource), side: 'credit', amount: { ...p.value }, ...q(p.quantity) },
  ], { commitmentId: p.commitmentId });
}

/**
 * The ledger side of an amendment: a pledge of the increase, a release of the decrease; null when the
 * valuation did not change (quantity-only amendments move no value).
 */
export function postValuationChange(p: Omit<PledgePosting, 'value' | 'quantity'> & { change: Money; reason: string }): NewTransaction | null {
  if (p.change.minor === 0n) return null;
  const value = { minor: p.change.minor < 0n ? -p.change.minor : p.change.minor, currency: p.change.currency };
  const description = p.description ?? `Commitment amended: ${p.reason}`.slice(0, MAX_DESCRIPTION);
  return p.change.minor > 0n ? postPledge({ ...p, value, description }) : postPledgeRelease({ ...p, value, description });
}

/**
 * A delivery confirmed: cash into the pool, anything else into the in-kind account of its kind (value plus
 * quantity), credited to the partner's receivable.
 */
export function postDelivery(p: PledgePosting & { deliveryId?: string }): NewTransaction {
  const into = p.resource === 'cash' ? ACCOUNTS.pool : ACCOUNTS.inKind(p.resource as InKindResource);
  return tx('delivery', p.date, p.description ?? `Delivery (${p.resource})`, [
    { account: into, side: 'debit', amount: { ...p.value }, ...q(p.quantity) },
    { account: ACCOUNTS.receivable(p.partner, p.resource), side: 'credit', amount: { ...p.value }, ...q(p.quantity) },
  ], { commitmentId: p.commitmentId, deliveryId: p.deliveryId });
}

/** An expense or a disbursement: what it is charged to and what pays for it. */
export interface SpendingPosting {
  date: string;
  description: string;
  /** The budget line (and activity) it is charged to. */
  line: string;
  activity?: string | null;
  amount: Money;
  /** What pays: the pool (default), or an in-kind resource being used (an expense only). */
  from?: 'pool' | InKindResource;
  /** The quantity of an in-kind resource used. */
  quantity?: Quantity | null;
  decisionId?: string | null;
  counterparty?: string | null;
}

/** An expense: debit the expense account of the budget line, credit the pool (or the in-kind resource used). */
export function postExpense(p: SpendingPosting): NewTransaction {
  const from = !p.from || p.from === 'pool' ? ACCOUNTS.pool : ACCOUNTS.inKind(p.from);
  const quantity = from === ACCOUNTS.pool ? {} : q(p.quantity);
  return tx('expense', p.date, p.description, [
    { account: ACCOUNTS.expense(p.line, p.activity), side: 'debit', amount: { ...p.amount }, ...quantity },
    { account: from, side: 'credit', amount: { ...p.amount }, ...quantity },
  ], { decisionId: p.decisionId ?? undefined, counterparty: p.counterparty ?? undefined });
}

/** A disbursement: money paid out of the pool to a recipient, charged to a budget line. */
export function postDisbursement(p: Omit<SpendingPosting, 'from' | 'quantity' | 'counterparty'> & { recipient: string }): NewTransaction {
  return tx('disbursement', p.date, p.description, [
    { account: ACCOUNTS.disbursement(p.line, p.activity), side: 'debit', amount: { ...p.amount } },
    { account: ACCOUNTS.pool, side: 'credit', amount: { ...p.amount } },
  ], { decisionId: p.decisionId ?? undefined, counterparty: p.recipient });
}

/**
 * An exchange of currencies in the pool: `sold` leaves, `bought` arrives. Four entries, balanced in each
 * currency through the exchange account, whose balance per currency shows what was exchanged.
 */
export function postExchange(p: { date: string; sold: Money; bought: Money; description?: string; counterparty?: string }): NewTransaction {
  return tx('exchange', p.date, p.description ?? `Exchange of ${p.sold.currency} for ${p.bought.currency}`, [
    { account: ACCOUNTS.pool, side: 'debit', amount: { ...p.bought } },
    { account: ACCOUNTS.exchange, side: 'credit', amount: { ...p.bought } },
    { account: ACCOUNTS.exchange, side: 'debit', amount: { ...p.sold } },
    { account: ACCOUNTS.pool, side: 'credit', amount: { ...p.sold } },
  ], { counterparty: p.counterparty });
}

// ---- balances -----------------------------------------------------------------------------------

/** The debits and credits of one account in one currency; its balance is `debit - credit`. */
export interface BalanceRow {
  readonly account: string;
  readonly currency: string;
  readonly debit: bigint;
  readonly credit: bigint;
}

/** The balance of a row: debits minus credits (negative for a credit balance). */
export const net = (b: Pick<BalanceRow, 'debit' | 'credit'>): bigint => b.debit - b.credit;

const rowKey = (account: string, currency: string) => `${account}\u0000${currency}`;
const byAccountThenCurrency = (a: BalanceRow, b: BalanceRow) =>
  a.account < b.account ? -1 : a.account > b.account ? 1 : a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0;

function fold(rows: Iterable<BalanceRow>): BalanceRow[] {
  const acc = new Map<string, { account: string; currency: string; debit: bigint; credit: bigint }>();
  for (const r of rows) {
    const k = rowKey(r.account, r.currency);
    const t = acc.get(k) ?? { account: r.account, currency: r.currency, debit: 0n, credit: 0n };
    t.debit += r.debit;
    t.credit += r.credit;
    acc.set(k, t);
  }
  return [...acc.values()].sort(byAccountThenCurrency);
}

/**
 * What one transaction adds to the balances: one row per account and currency it touches. The store adds
 * these to its running balances in the same database transaction, so reading a balance never sums entries.
 */
export function balanceDeltas(tx: Pick<NewTransaction, 'entries'>): BalanceRow[] {
  return fold(tx.entries.map((e) => ({ account: e.account, currency: e.amount.currency, debit: e.side === 'debit' ? e.amount.minor : 0n, credit: e.side === 'credit' ? e.amount.minor : 0n })));
}

/** The balances of every account in every currency after the transactions, sorted by account then currency. */
export function balances(txs: Iterable<Pick<NewTransaction, 'entries'>>): BalanceRow[] {
  const rows: BalanceRow[] = [];
  for (const t of txs) rows.push(...balanceDeltas(t));
  return fold(rows);
}

/** Running balances plus more rows (for example, stored balances plus the deltas of a new transaction). */
export const addBalances = (a: readonly BalanceRow[], b: readonly BalanceRow[]): BalanceRow[] => fold([...a, ...b]);

/** The net balance (debit - credit) of one account in one currency; 0 when it has none. */
export function balanceOf(rows: readonly BalanceRow[], account: string, currency: string): bigint {
  return rows.filter((r) => r.account === account && r.currency === currency).reduce((s, r) => s + net(r), 0n);
}

/** The debits and credits of quantities of one account in one unit, as canonical decimal text. */
export interface QuantityRow {
  readonly account: string;
  readonly unit: string;
  readonly debit: string;
  readonly credit: string;
}

/** The quantity balances of every account and unit (entries without a quantity do not count). */
export function quantityBalances(txs: Iterable<Pick<NewTransaction, 'entries'>>): QuantityRow[] {
  const acc = new Map<string, { account: string; unit: string; debit: Fraction; credit: Fraction }>();
  for (const t of txs) {
    for (const e of t.entries) {
      if (!e.quantity) continue;
      const k = rowKey(e.account, e.quantity.unit);
      const r = acc.get(k) ?? { account: e.account, unit: e.quantity.unit, debit: frac(0), credit: frac(0) };
      r[e.side] = addF(r[e.side], quantityValue(e.quantity));
      acc.set(k, r);
    }
  }
  return [...acc.values()]
    .sort((a, b) => (a.account < b.account ? -1 : a.account > b.account ? 1 : a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0))
    .map((r) => ({ account: r.account, unit: r.unit, debit: decimalText(r.debit), credit: decimalText(r.credit) }));
}

// ---- pledged versus delivered -------------------------------------------------------------------

/** Pledged, delivered and outstanding in one currency. `ratio` is delivered / pledged, exact (null when nothing is pledged). */
export interface PledgeAmounts {
  readonly currency: string;
  readonly pledged: Money;
  readonly delivered: Money;
  readonly outstanding: Money;
  readonly ratio: Fraction | null;
}

/** Pledged, delivered and outstanding quantities in one unit (canonical decimal text). */
export interface PledgeQuantities {
  readonly unit: string;
  readonly pledged: string;
  readonly delivered: string;
  readonly outstanding: string;
}

/** One partner's pledges of one kind. */
export interface PledgeSummary {
  readonly partner: string;
  readonly resource: ResourceKind;
  readonly amounts: readonly PledgeAmounts[];
  readonly quantities: readonly PledgeQuantities[];
}

/** Pledged versus delivered: per partner and kind, per partner, per kind. */
export interface PledgeReport {
  readonly rows: readonly PledgeSummary[];
  readonly byPartner: readonly { partner: string; amounts: readonly PledgeAmounts[] }[];
  readonly byResource: readonly { resource: ResourceKind; amounts: readonly PledgeAmounts[]; quantities: readonly PledgeQuantities[] }[];
}

const amountsOf = (m: Map<string, { pledged: bigint; outstanding: bigint }>): PledgeAmounts[] =>
  [...m]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([currency, v]) => ({
      currency,
      pledged: { minor: v.pledged, currency },
      delivered: { minor: v.pledged - v.outstanding, currency },
      outstanding: { minor: v.outstanding, currency },
      ratio: v.pledged > 0n ? frac(v.pledged - v.outstanding, v.pledged) : null,
    }));

const quantitiesOf = (m: Map<string, { pledged: Fraction; outstanding: Fraction }>): PledgeQuantities[] =>
  [...m]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([unit, v]) => ({ unit, pledged: decimalText(v.pledged), delivered: decimalText(subF(v.pledged, v.outstanding)), outstanding: decimalText(v.outstanding) }));

/**
 * Pledged versus delivered, read from the balances alone: pledged is the credit balance of
 * `pledged:<partner>:<kind>` (pledges net of releases), outstanding is the debit balance of
 * `receivable:<partner>:<kind>`, delivered is their difference. A release lowers pledged and outstanding
 * together, so it never counts as a delivery; a reversed delivery raises outstanding again.
 */
export function pledgedVersusDelivered(rows: readonly BalanceRow[], quantities: readonly QuantityRow[] = []): PledgeReport {
  type A = Map<string, { pledged: bigint; outstanding: bigint }>;
  type Q = Map<string, { pledged: Fraction; outstanding: Fraction }>;
  const cells = new Map<string, { partner: string; resource: ResourceKind; amounts: A; quantities: Q }>();
  const cell = (partner: string, resource: ResourceKind) => {
    const k = `${partner}\u0000${resource}`;
    const c = cells.get(k) ?? { partner, resource, amounts: new Map(), quantities: new Map() };
    cells.set(k, c);
    return c;
  };
  for (const r of rows) {
    const a = parseAccount(r.account);
    if (!a || (a.kind !== 'pledged' && a.kind !== 'receivable')) continue;
    const c = cell(a.partner, a.resource);
    const v = c.amounts.get(r.currency) ?? { pledged: 0n, outstanding: 0n };
    if (a.kind === 'pledged') v.pledged -= net(r);
    else v.outstanding += net(r);
    c.amounts.set(r.currency, v);
  }
  for (const r of quantities) {
    const a = parseAccount(r.account);
    if (!a || (a.kind !== 'pledged' && a.kind !== 'receivable')) continue;
    const c = cell(a.partner, a.resource);
    const v = c.quantities.get(r.unit) ?? { pledged: frac(0), outstanding: frac(0) };
    const n = subF(quantityValue({ value: r.debit, unit: r.unit }), quantityValue({ value: r.credit, unit: r.unit }));
    if (a.kind === 'pledged') v.pledged = subF(v.pledged, n);
    else v.outstanding = addF(v.outstanding, n);
    c.quantities.set(r.unit, v);
  }
  const sorted = [...cells.values()].sort((x, y) => (x.partner < y.partner ? -1 : x.partner > y.partner ? 1 : x.resource < y.resource ? -1 : x.resource > y.resource ? 1 : 0));
  const merge = (into: A, from: A) => {
    for (const [cur, v] of from) {
      const t = into.get(cur) ?? { pledged: 0n, outstanding: 0n };
      into.set(cur, { pledged: t.pledged + v.pledged, outstanding: t.outstanding + v.outstanding });
    }
  };
  const partners = new Map<string, A>();
  const resources = new Map<ResourceKind, { amounts: A; quantities: Q }>();
  for (const c of sorted) {
    const p = partners.get(c.partner) ?? new Map();
    merge(p, c.amounts);
    partners.set(c.partner, p);
    const r = resources.get(c.resource) ?? { amounts: new Map(), quantities: new Map() };
    merge(r.amounts, c.amounts);
    for (const [unit, v] of c.quantities) {
      const t = r.quantities.get(unit) ?? { pledged: frac(0), outstanding: frac(0) };
      r.quantities.set(unit, { pledged: addF(t.pledged, v.pledged), outstanding: addF(t.outstanding, v.outstanding) });
    }
    resources.set(c.resource, r);
  }
  return {
    rows: sorted.map((c) => ({ partner: c.partner, resource: c.resource, amounts: amountsOf(c.amounts), quantities: quantitiesOf(c.quantities) })),
    byPartner: [...partners].map(([partner, a]) => ({ partner, amounts: amountsOf(a) })),
    byResource: [...resources]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([resource, r]) => ({ resource, amounts: amountsOf(r.amounts), quantities: quantitiesOf(r.quantities) })),
  };
}

// ---- budget versus actual -----------------------------------------------------------------------

/**
 * A budget line as planned, with optional activities. The plan is not a movement of value, so it is not in
 * the ledger: it is compared with the ledger's expense and disbursement accounts of the line.
 */
export interface BudgetLine {
  readonly id: string;
  readonly name?: string;
  /** At most one planned amount per currency. */
  readonly planned: readonly Money[];
  readonly activities?: readonly { readonly id: string; readonly name?: string; readonly planned: readonly Money[] }[];
}

/** The chart of a partnership from its partners and budget lines. */
export const chartOf = (partners: Iterable<string>, lines: readonly BudgetLine[]): Chart => ({
  partners: new Set(partners),
  budgetLines: new Map(lines.map((l) => [l.id, new Set((l.activities ?? []).map((a) => a.id))])),
});

/**
 * Problems of a budget: unique ids (lines, and activities within a line), well-formed planned amounts (not
 * negative, a known currency, one per currency), and activities that together plan no more than their line
 * in any currency.
 */
export function checkBudgetLines(lines: readonly BudgetLine[], table: CurrencyTable = CURRENCIES): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  const checkPlanned = (planned: readonly Money[], at: string) => {
    const currencies = new Set<string>();
    planned.forEach((m, i) => {
      issues.push(...checkCurrency(m.currency, `${at}.${i}.currency`, table));
      if (m.minor < 0n) issues.push(issue(`${at}.${i}`, msg('ledger.planned_negative'), 'negative'));
      if (m.minor > MAX_MINOR) issues.push(issue(`${at}.${i}`, msg('ledger.amount_too_large'), 'too_large'));
      if (currencies.has(m.currency)) issues.push(issue(`${at}.${i}`, msg('ledger.planned_twice', { currency: m.currency }), 'duplicate'));
      currencies.add(m.currency);
    });
  };
  lines.forEach((l, i) => {
    if (!KEY.test(l.id)) issues.push(issue(`lines.${i}.id`, msg('ledger.invalid_id'), 'invalid_id'));
    else if (seen.has(l.id)) issues.push(issue(`lines.${i}.id`, msg('ledger.line_twice', { line: l.id }), 'duplicate'));
    seen.add(l.id);
    checkPlanned(l.planned, `lines.${i}.planned`);
    const acts = new Set<string>();
    const sums = new Map<string, bigint>();
    (l.activities ?? []).forEach((a, j) => {
      if (!KEY.test(a.id)) issues.push(issue(`lines.${i}.activities.${j}.id`, msg('ledger.invalid_id'), 'invalid_id'));
      else if (acts.has(a.id)) issues.push(issue(`lines.${i}.activities.${j}.id`, msg('ledger.activity_twice', { activity: a.id }), 'duplicate'));
      acts.add(a.id);
      checkPlanned(a.planned, `lines.${i}.activities.${j}.planned`);
      for (const m of a.planned) sums.set(m.currency, (sums.get(m.currency) ?? 0n) + m.minor);
    });
    for (const [currency, sum] of sums) {
      const line = l.planned.find((m) => m.currency === currency)?.minor ?? 0n;
      if (sum > line) issues.push(issue(`lines.${i}.activities`, msg('ledger.activities_exceed_line', { currency }), 'exceeds_line'));
    }
  });
  return issues;
}

/** Planned against actual for a budget line (activity null) or one of its activities, in one currency. */
export interface BudgetRow {
  readonly line: string;
  readonly activity: string | null;
  readonly currency: string;
  readonly planned: Money;
  readonly expenses: Money;
  readonly disbursements: Money;
  /** expenses + disbursements. */
  readonly actual: Money;
  /** planned - actual (negative when overspent). */
  readonly remaining: Money;
  /** actual / planned, exact; null when nothing is planned. */
  readonly ratio: Fraction | null;
}

/**
 * Budget versus actual per budget line and per activity, in each currency, from the balances of the
 * expense and disbursement accounts. A line's actual includes its activities. Lines or currencies with
 * spending but no plan appear with planned 0 (unbudgeted spending is shown, not hidden).
 */
export function budgetVersusActual(lines: readonly BudgetLine[], rows: readonly BalanceRow[]): BudgetRow[] {
  type Cell = { planned: bigint; expenses: bigint; disbursements: bigint };
  const cells = new Map<string, { line: string; activity: string | null; byCurrency: Map<string, Cell> }>();
  const order: string[] = [];
  const cell = (line: string, activity: string | null, currency: string): Cell => {
    const k = `${line}\u0000${activity ?? ''}`;
    let c = cells.get(k);
    if (!c) {
      c = { line, activity, byCurrency: new Map() };
      cells.set(k, c);
      order.push(k);
    }
    const v = c.byCurrency.get(currency) ?? { planned: 0n, expenses: 0n, disbursements: 0n };
    c.byCurrency.set(currency, v);
    return v;
  };
  for (const l of lines) {
    cells.set(`${l.id}\u0000`, { line: l.id, activity: null, byCurrency: new Map() });
    order.push(`${l.id}\u0000`);
    for (const m of l.planned) cell(l.id, null, m.currency).planned += m.minor;
    for (const a of l.activities ?? []) {
      cells.set(`${l.id}\u0000${a.id}`, { line: l.id, activity: a.id, byCurrency: new Map() });
      order.push(`${l.id}\u0000${a.id}`);
      for (const m of a.planned) cell(l.id, a.id, m.currency).planned += m.minor;
    }
  }
  for (const r of rows) {
    const a = parseAccount(r.account);
    if (!a || (a.kind !== 'expense' && a.kind !== 'disbursement')) continue;
    const field = a.kind === 'expense' ? 'expenses' : 'disbursements';
    cell(a.line, null, r.currency)[field] += net(r);
    if (a.activity) cell(a.line, a.activity, r.currency)[field] += net(r);
  }
  const out: BudgetRow[] = [];
  for (const k of order) {
    const c = cells.get(k)!;
    for (const [currency, v] of [...c.byCurrency].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const m = (minor: bigint): Money => ({ minor, currency });
      const actual = v.expenses + v.disbursements;
      out.push({
        line: c.line,
        activity: c.activity,
        currency,
        planned: m(v.planned),
        expenses: m(v.expenses),
        disbursements: m(v.disbursements),
        actual: m(actual),
        remaining: m(v.planned - actual),
        ratio: v.planned > 0n ? frac(actual, v.planned) : null,
      });
    }
  }
  return out;
}

// ---- the reporting currency ---------------------------------------------------------------------

/** A report in the partnership's reporting currency, saying which rates it used and which it lacks. */
export interface ReportingView<R> {
  readonly currency: string;
  /** The date whose rates were used (the latest rate of each pair on or before it). */
  readonly on: string;
  readonly rows: readonly R[];
  readonly ratesUsed: readonly ExchangeRate[];
  /** Pairs without a rate: the figures that need them are null. */
  readonly missing: readonly MissingRate[];
}

function collect(currency: string, on: string) {
  const used = new Map<string, ExchangeRate>();
  const missing = new Map<string, MissingRate>();
  return {
    total(amounts: readonly Money[], rates: readonly ExchangeRate[], table: CurrencyTable): Money | null {
      const t = totalIn(amounts, currency, rates, on, table);
      for (const r of t.ratesUsed) used.set(`${r.from}>${r.to}@${r.on}`, r);
      for (const m of t.missing) missing.set(`${m.from}>${m.to}`, m);
      return t.total;
    },
    view<R>(rows: R[]): ReportingView<R> {
      const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
      return {
        currency,
        on,
        rows,
        ratesUsed: [...used.values()].sort((a, b) => cmp(a.from, b.from) || cmp(a.on, b.on)),
        missing: [...missing.values()].sort((a, b) => cmp(a.from, b.from)),
      };
    },
  };
}

/**
 * Every account's balance in the reporting currency, at the rates of `on` (the latest rate of each pair on
 * or before it). Each currency of an account is converted once, rounded half to even; an account that needs
 * a missing rate shows null.
 */
export function balancesIn(rows: readonly BalanceRow[], currency: string, rates: readonly ExchangeRate[], on: string, table: CurrencyTable = CURRENCIES): ReportingView<{ account: string; net: Money | null }> {
  const c = collect(currency, on);
  const accounts = new Map<string, Money[]>();
  for (const r of rows) accounts.set(r.account, [...(accounts.get(r.account) ?? []), { minor: net(r), currency: r.currency }]);
  return c.view([...accounts].map(([account, amounts]) => ({ account, net: c.total(amounts, rates, table) })));
}

/** Pledged versus delivered per partner in the reporting currency; `ratio` is computed from the converted figures. */
export function pledgesIn(report: PledgeReport, currency: string, rates: readonly ExchangeRate[], on: string, table: CurrencyTable = CURRENCIES): ReportingView<{ partner: string; pledged: Money | null; delivered: Money | null; outstanding: Money | null; ratio: Fraction | null }> {
  const c = collect(currency, on);
  return c.view(
    report.byPartner.map((p) => {
      const pledged = c.total(p.amounts.map((a) => a.pledged), rates, table);
      const delivered = c.total(p.amounts.map((a) => a.delivered), rates, table);
      const outstanding = c.total(p.amounts.map((a) => a.outstanding), rates, table);
      return { partner: p.partner, pledged, delivered, outstanding, ratio: pledged && delivered && pledged.minor > 0n ? frac(delivered.minor, pledged.minor) : null };
    }),
  );
}

/** Budget versus actual per line and activity in the reporting currency. */
export function budgetIn(rows: readonly BudgetRow[], currency: string, rates: readonly ExchangeRate[], on: string, table: CurrencyTable = CURRENCIES): ReportingView<{ line: string; activity: string | null; planned: Money | null; actual: Money | null; remaining: Money | null; ratio: Fraction | null }> {
  const c = collect(currency, on);
  const groups = new Map<string, { line: string; activity: string | null; rows: BudgetRow[] }>();
  for (const r of rows) {
    const k = `${r.line}\u0000${r.activity ?? ''}`;
    const g = groups.get(k) ?? { line: r.line, activity: r.activity, rows: [] };
    g.rows.push(r);
    groups.set(k, g);
  }
  return c.view(
    [...groups.values()].map((g) => {
      const planned = c.total(g.rows.map((r) => r.planned), rates, table);
      const actual = c.total(g.rows.map((r) => r.actual), rates, table);
      const remaining = planned && actual ? { minor: planned.minor - actual.minor, currency } : null;
      return { line: g.line, activity: g.activity, planned, actual, remaining, ratio: planned && actual && planned.minor > 0n ? frac(actual.minor, planned.minor) : null };
    }),
  );
}


// ---- spending what the partnership holds ---------------------------------------------------------

/** A holding account a transaction would overdraw: what it holds and what the transaction takes out. */
export interface Shortfall {
  readonly account: string;
  readonly currency: string;
  readonly available: bigint;
  readonly needed: bigint;
}

/** Whether an account holds value the partnership can spend: the cash pool and the in-kind resources delivered. */
export const isHolding = (account: string): boolean => account === ACCOUNTS.pool || parseAccount(account)?.kind === 'in_kind';

/**
 * The holding accounts (pool, in-kind resources) this transaction would take below zero, given the current
 * balances: per account and currency, the transaction's credits less its debits against the balance's debits
 * less credits. Empty when it spends only what is held. Exact (minor units).
 */
export function shortfalls(tx: Pick<NewTransaction, 'entries'>, balances: readonly BalanceRow[]): Shortfall[] {
  const out = new Map<string, { account: string; currency: string; needed: bigint }>();
  for (const e of tx.entries) {
    if (!isHolding(e.account)) continue;
    const k = rowKey(e.account, e.amount.currency);
    const x = out.get(k) ?? { account: e.account, currency: e.amount.currency, needed: 0n };
    x.needed += e.side === 'credit' ? e.amount.minor : -e.amount.minor;
    out.set(k, x);
  }
  const held = new Map(balances.map((b) => [rowKey(b.account, b.currency), net(b)]));
  return [...out.values()]
    .filter((x) => x.needed > 0n && (held.get(rowKey(x.account, x.currency)) ?? 0n) < x.needed)
    .map((x) => ({ account: x.account, currency: x.currency, available: held.get(rowKey(x.account, x.currency)) ?? 0n, needed: x.needed }));
}
