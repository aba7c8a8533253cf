/**
 * The ledger in the store: immutable transactions and their entries, running balances (money and quantities),
 * exchange rates, budget lines and the accountability settings of a partnership.
 *
 * Amounts are BIGINT minor units. PostgreSQL returns int8 as text, better-sqlite3 as a JS number (inexact
 * beyond 2^53), so every amount is read through `CAST(... AS TEXT)` and turned into a bigint: exact on both.
 * Amounts are written as bigints (better-sqlite3 binds them as 64-bit integers, node-postgres as their text).
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { msg } from '../../domain/kernel/messages';
import type { DB } from '../schema';
import type { BudgetLinesTable, ExchangeRatesTable, LedgerTransactionsTable } from '../schema-ledger';
import { decodeCursor, encodeCursor, likeEscape } from '../pagination';
import { DomainError, issue } from '../../domain/kernel/errors';

type Db = Kysely<DB>;

/** An amount column read as exact decimal text. */
export const bigText = (column: string): RawBuilder<string> => sql<string>`cast(${sql.ref(column)} as text)`;
/** Decimal text (or a number, never above 2^53 where used) into a bigint. */
export const toBig = (v: string | number | bigint | null | undefined): bigint => (v === null || v === undefined ? 0n : typeof v === 'bigint' ? v : BigInt(v));
const num = (v: unknown): number => Number(v);

// ---- settings -----------------------------------------------------------------------------------

export interface SettingsRow {
  partnership_id: string;
  reporting_currency: string;
  grace_days: number;
  approval_threshold_minor: string | null;
  updated_by: string | null;
  updated_at: string;
}

export async function findSettings(db: Db, partnershipId: string): Promise<SettingsRow | null> {
  const r = await db
    .selectFrom('accountability_settings')
    .select(['partnership_id', 'reporting_currency', 'grace_days', 'updated_by', 'updated_at', bigText('approval_threshold_minor').as('approval_threshold_minor')])
    .where('partnership_id', '=', partnershipId)
    .executeTakeFirst();
  return r ? { ...r, grace_days: num(r.grace_days), approval_threshold_minor: r.approval_threshold_minor ?? null } : null;
}

export async function saveSettings(db: Db, s: { partnership_id: string; reporting_currency: string; grace_days: number; approval_threshold_minor: bigint | null; updated_by: string | null; updated_at: string }): Promise<void> {
  await db
    .insertInto('accountability_settings')
    .values(s)
    .onConflict((oc) =>
      oc.column('partnership_id').doUpdateSet({ reporting_currency: s.reporting_currency, grace_days: s.grace_days, approval_threshold_minor: s.approval_threshold_minor, updated_by: s.updated_by, updated_at: s.updated_at }),
    )
    .execute();
}

// ---- transactions -------------------------------------------------------------------------------

export type TransactionRow = LedgerTransactionsTable;
export interface EntryRow {
  transaction_id: string;
  position: number;
  account: string;
  side: string;
  currency: string;
  amount_minor: bigint;
  quantity_value: string | null;
  quantity_unit: string | null;
}

/** The next number of a transaction in this partnership (the partnership row is locked by the unit of work). */
export async function nextTransactionNumber(db: Db, partnershipId: string): Promise<number> {
  const r = await db.selectFrom('ledger_transactions').select((eb) => eb.fn.max('number').as('m')).where('partnership_id', '=', partnershipId).executeTakeFirst();
  return r?.m == null ? 1 : num(r.m) + 1;
}

/** Appends a transaction and its entries (two statements). */
export async function insertTransaction(db: Db, t: TransactionRow, entries: readonly Omit<EntryRow, 'transaction_id'>[]): Promise<void> {
  await db.insertInto('ledger_transactions').values(t).execute();
  await db
    .insertInto('ledger_entries')
    .values(entries.map((e) => ({ ...e, transaction_id: t.id, partnership_id: t.partnership_id })))
    .execute();
}

/**
 * Adds what a transaction moves to the running balances, in one statement: one row per account and
 * currency (the domain's balanceDeltas fold them, so no key appears twice).
 */
export async function addToBalances(db: Db, partnershipId: string, deltas: readonly { account: string; currency: string; debit: bigint; credit: bigint }[]): Promise<void> {
  if (deltas.length === 0) return;
  await db
    .insertInto('ledger_balances')
    .values(deltas.map((d) => ({ partnership_id: partnershipId, account: d.account, currency: d.currency, debit_minor: d.debit, credit_minor: d.credit })))
    .onConflict((oc) =>
      oc.columns(['partnership_id', 'account', 'currency']).doUpdateSet({
        debit_minor: (eb) => eb('ledger_balances.debit_minor', '+', eb.ref('excluded.debit_minor')),
        credit_minor: (eb) => eb('ledger_balances.credit_minor', '+', eb.ref('excluded.credit_minor')),
      }),
    )
    .execute();
}

export interface QuantityBalanceRow { account: string; unit: string; debit: string; credit: string }

/** The quantity balances of these accounts (all units). */
export async function quantityBalancesOf(db: Db, partnershipId: string, accounts?: readonly string[]): Promise<QuantityBalanceRow[]> {
  if (accounts && accounts.length === 0) return [];
  let q = db.selectFrom('ledger_quantity_balances').select(['account', 'unit', 'debit', 'credit']).where('partnership_id', '=', partnershipId);
  if (accounts) q = q.where('account', 'in', [...accounts]);
  return q.orderBy('account').orderBy('unit').execute();
}

/** Writes new quantity balances (computed exactly by the caller from the stored ones). */
export async function saveQuantityBalances(db: Db, partnershipId: string, rows: readonly QuantityBalanceRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('ledger_quantity_balances')
    .values(rows.map((r) => ({ partnership_id: partnershipId, ...r })))
    .onConflict((oc) => oc.columns(['partnership_id', 'account', 'unit']).doUpdateSet((eb) => ({ debit: eb.ref('excluded.debit'), credit: eb.ref('excluded.credit') })))
    .execute();
}

const entryColumns = ['transaction_id', 'position', 'account', 'side', 'currency', 'quantity_value', 'quantity_unit'] as const;

/** The entries of these transactions, in order (one query for a page). */
export async function entriesOf(db: Db, transactionIds: readonly string[]): Promise<EntryRow[]> {
  if (transactionIds.length === 0) return [];
  const rows = await db
    .selectFrom('ledger_entries')
    .select([...entryColumns, bigText('amount_minor').as('amount_minor')])
    .where('transaction_id', 'in', [...transactionIds])
    .orderBy('transaction_id')
    .orderBy('position')
    .execute();
  return rows.map((r) => ({ ...r, position: num(r.position), amount_minor: toBig(r.amount_minor) }));
}

const toTx = (r: TransactionRow): TransactionRow => ({ ...r, number: num(r.number) });

export async function findTransaction(db: Db, partnershipId: string, id: string): Promise<TransactionRow | null> {
  const r = await db.selectFrom('ledger_transactions').selectAll().where('id', '=', id).where('partnership_id', '=', partnershipId).executeTakeFirst();
  return r ? toTx(r) : null;
}

/** The reversal of a transaction, if it has one. */
export async function reversalOf(db: Db, id: string): Promise<TransactionRow | null> {
  const r = await db.selectFrom('ledger_transactions').selectAll().where('reverses_id', '=', id).executeTakeFirst();
  return r ? toTx(r) : null;
}

/** Which of these transactions have been reversed (one query for a page). */
export async function reversedAmong(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('ledger_transactions').select(['id', 'reverses_id']).where('reverses_id', 'in', [...ids]).execute();
  return new Map(rows.map((r) => [r.reverses_id as string, r.id]));
}

/** The transactions of a commitment, in order. */
export async function transactionsOfCommitment(db: Db, partnershipId: string, commitmentId: string): Promise<TransactionRow[]> {
  const rows = await db.selectFrom('ledger_transactions').selectAll().where('commitment_id', '=', commitmentId).where('partnership_id', '=', partnershipId).orderBy('number').execute();
  return rows.map(toTx);
}

export interface TransactionFilter {
  accountPrefix?: string;
  type?: string;
  from?: string;
  to?: string;
  cursor?: string;
  limit: number;
}

/** A page of a partnership's transactions, newest first (keyset on the per-partnership number). */
export async function pageTransactions(db: Db, partnershipId: string, f: TransactionFilter) {
  let q = db.selectFrom('ledger_transactions as t').selectAll('t').where('t.partnership_id', '=', partnershipId);
  if (f.type) q = q.where('t.type', '=', f.type);
  if (f.from) q = q.where('t.date', '>=', f.from);
  if (f.to) q = q.where('t.date', '<=', f.to);
  if (f.accountPrefix) {
    const prefix = f.accountPrefix;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('ledger_entries as e')
          .select('e.transaction_id')
          .whereRef('e.transaction_id', '=', 't.id')
          .where('e.partnership_id', '=', partnershipId)
          .where(sql<boolean>`e.account like ${likeEscape(prefix) + '%'} escape '\\'`),
      ),
    );
  }
  if (f.cursor) {
    const [v] = decodeCursor(f.cursor);
    const n = Number(v);
    if (!Number.isInteger(n)) throw new DomainError('bad_request', msg('cursor.invalid'), [issue('cursor', msg('cursor.invalid_short'))]);
    q = q.where('t.number', '<', n);
  }
  const rows = (await q.orderBy('t.number', 'desc').limit(f.limit + 1).execute()).map(toTx);
  const items = rows.slice(0, f.limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > f.limit && last ? encodeCursor(last.number, last.id) : null };
}

// ---- balances -----------------------------------------------------------------------------------

/** Every running balance of the partnership (accounts x currencies: small, whatever the size of the ledger). */
export async function balancesOf(db: Db, partnershipId: string): Promise<{ account: string; currency: string; debit: bigint; credit: bigint }[]> {
  const rows = await db
    .selectFrom('ledger_balances')
    .select(['account', 'currency', bigText('debit_minor').as('debit'), bigText('credit_minor').as('credit')])
    .where('partnership_id', '=', partnershipId)
    .orderBy('account')
    .orderBy('currency')
    .execute();
  return rows.map((r) => ({ account: r.account, currency: r.currency, debit: toBig(r.debit), credit: toBig(r.credit) }));
}

// ---- exchange rates -----------------------------------------------------------------------------

export type RateRow = ExchangeRatesTable;

export async function ratesOf(db: Db, partnershipId: string): Promise<RateRow[]> {
  return db.selectFrom('exchange_rates').selectAll().where('partnership_id', '=', partnershipId).orderBy('from_currency').orderBy('to_currency').orderBy('on_date').execute();
}

/** Rates of the pairs into one currency (what conversions into the reporting currency need). */
export async function ratesInto(db: Db, partnershipId: string, to: string): Promise<RateRow[]> {
  return db.selectFrom('exchange_rates').selectAll().where('partnership_id', '=', partnershipId).where('to_currency', '=', to).orderBy('from_currency').orderBy('on_date').execute();
}

export async function findRateOn(db: Db, partnershipId: string, from: string, to: string, on: string): Promise<RateRow | null> {
  return (
    (await db.selectFrom('exchange_rates').selectAll().where('partnership_id', '=', partnershipId).where('from_currency', '=', from).where('to_currency', '=', to).where('on_date', '=', on).executeTakeFirst()) ?? null
  );
}

export async function insertRates(db: Db, rows: readonly RateRow[]): Promise<void> {
  if (rows.length) await db.insertInto('exchange_rates').values([...rows]).execute();
}

/** A page of rates, newest date first. */
export async function pageRates(db: Db, partnershipId: string, f: { from?: string; to?: string; cursor?: string; limit: number }) {
  let q = db.selectFrom('exchange_rates').selectAll().where('partnership_id', '=', partnershipId);
  if (f.from) q = q.where('from_currency', '=', f.from);
  if (f.to) q = q.where('to_currency', '=', f.to);
  if (f.cursor) {
    const [v, id] = decodeCursor(f.cursor);
    const on = String(v);
    q = q.where((eb) => eb.or([eb('on_date', '<', on), eb.and([eb('on_date', '=', on), eb('id', '<', id)])]));
  }
  const rows = await q.orderBy('on_date', 'desc').orderBy('id', 'desc').limit(f.limit + 1).execute();
  const items = rows.slice(0, f.limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > f.limit && last ? encodeCursor(last.on_date, last.id) : null };
}

// ---- budget -------------------------------------------------------------------------------------

export type BudgetLineRow = BudgetLinesTable;

export async function budgetLinesOf(db: Db, partnershipId: string): Promise<BudgetLineRow[]> {
  const rows = await db.selectFrom('budget_lines').selectAll().where('partnership_id', '=', partnershipId).orderBy('position').execute();
  return rows.map((r) => ({ ...r, position: num(r.position) }));
}

/** Replaces the budget of a partnership. */
export async function replaceBudgetLines(db: Db, partnershipId: string, rows: readonly BudgetLineRow[]): Promise<void> {
  await db.deleteFrom('budget_lines').where('partnership_id', '=', partnershipId).execute();
  if (rows.length) await db.insertInto('budget_lines').values([...rows]).execute();
}

/** The budget line ids with spending in the ledger (which a new budget must keep). */
export async function spentLines(db: Db, partnershipId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('ledger_balances')
    .select('account')
    .where('partnership_id', '=', partnershipId)
    .where((eb) => eb.or([eb('account', 'like', 'expense:%'), eb('account', 'like', 'disbursement:%')]))
    .execute();
  return rows.map((r) => r.account);
}

// ---- what the ledger links to -------------------------------------------------------------------

/** Every organisation that is or was a member of the partnership (the partners of its chart of accounts). */
export async function memberOrganisations(db: Db, partnershipId: string): Promise<{ organisation_id: string; current: boolean; name: string }[]> {
  const rows = await db
    .selectFrom('partnership_members as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select(['m.organisation_id', 'm.left_on', 'o.name'])
    .where('m.partnership_id', '=', partnershipId)
    .execute();
  const out = new Map<string, { organisation_id: string; current: boolean; name: string }>();
  for (const r of rows) {
    const prior = out.get(r.organisation_id);
    out.set(r.organisation_id, { organisation_id: r.organisation_id, name: r.name, current: (prior?.current ?? false) || r.left_on === null });
  }
  return [...out.values()];
}

/** A decision of the partnership with its status and outcome, or null. */
export async function decisionOutcome(db: Db, partnershipId: string, id: string): Promise<{ id: string; status: string; outcome_kind: string | null } | null> {
  return (await db.selectFrom('decisions').select(['id', 'status', 'outcome_kind']).where('id', '=', id).where('partnership_id', '=', partnershipId).executeTakeFirst()) ?? null;
}

/** Which of these goals belong to the partnership. */
export async function goalsAmong(db: Db, partnershipId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('goals').select('id').where('partnership_id', '=', partnershipId).where('id', 'in', [...ids]).execute();
  return new Set(rows.map((r) => r.id));
}
