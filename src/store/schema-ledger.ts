/** Table types of commitments, deliveries and the ledger (migration 0005-ledger). */
import type { ColumnType } from 'kysely';

/**
 * A BIGINT amount in minor units. Written as a bigint (or its decimal text); read back as PostgreSQL's int8
 * text or a SQLite number, which loses precision beyond 2^53: the repository therefore always reads amounts
 * through `CAST(... AS TEXT)` and turns the text into a bigint (see ledger.repository.ts `bigText`).
 */
export type Minor = ColumnType<string | number, bigint | string, bigint | string>;

export interface AccountabilitySettingsTable {
  partnership_id: string;
  /** ISO 4217 code of the currency reports are converted into. */
  reporting_currency: string;
  grace_days: number;
  /** Spending at or above this (minor units of the reporting currency) needs a passed decision; null: never. */
  approval_threshold_minor: Minor | null;
  updated_by: string | null;
  updated_at: string;
}

/** A pledge of a member organisation. `kind` is a domain resource kind; `status` a commitment status. */
export interface CommitmentsTable {
  id: string;
  partnership_id: string;
  /** 1, 2, 3... per partnership. */
  number: number;
  /** The pledging member organisation. */
  organisation_id: string;
  kind: string;
  status: string;
  description: string;
  currency: string;
  valuation_minor: Minor;
  valuation_basis: string;
  quantity_value: string | null;
  quantity_unit: string | null;
  /** JSON: [{ dueOn, minor (text), quantity: { value, unit } | null }] in due-date order. */
  tranches: string;
  /** JSON array of text. */
  conditions: string;
  /** JSON array of goal ids of the partnership. */
  goal_ids: string;
  decision_id: string | null;
  /** A member that receives the resource; its representatives may confirm deliveries. */
  recipient_organisation_id: string | null;
  pledged_on: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** The history of a commitment's status: by hand (by_user set) or following from deliveries (by_user null). */
export interface CommitmentStatusChangesTable {
  id: string;
  commitment_id: string;
  /** null for the first entry (pledged). */
  from_status: string | null;
  to_status: string;
  on_date: string;
  by_user: string | null;
  reason: string | null;
  at: string;
}

/** An amendment of a commitment's terms: the terms before and after (JSON, amounts as text). */
export interface CommitmentAmendmentsTable {
  id: string;
  commitment_id: string;
  on_date: string;
  by_user: string | null;
  reason: string;
  before_terms: string;
  after_terms: string;
  at: string;
}

/** A delivery against a commitment: recorded, then confirmed or rejected; a confirmed one may be reversed. */
export interface DeliveriesTable {
  id: string;
  partnership_id: string;
  commitment_id: string;
  organisation_id: string;
  number: number;
  on_date: string;
  currency: string;
  value_minor: Minor;
  quantity_value: string | null;
  quantity_unit: string | null;
  /** JSON array of links or file references. */
  evidence: string;
  note: string | null;
  status: string;
  recorded_by: string | null;
  recorded_at: string;
  decided_by: string | null;
  decided_at: string | null;
  /** Why it was rejected or reversed. */
  reason: string | null;
  /** The delivery transaction (once confirmed). */
  transaction_id: string | null;
  /** The reversal of that transaction (once reversed). */
  reversal_transaction_id: string | null;
}

/** An immutable ledger transaction, numbered per partnership. */
export interface LedgerTransactionsTable {
  id: string;
  partnership_id: string;
  number: number;
  type: string;
  date: string;
  description: string;
  commitment_id: string | null;
  delivery_id: string | null;
  decision_id: string | null;
  counterparty: string | null;
  /** The transaction this one reverses (unique: reversed at most once). */
  reverses_id: string | null;
  corrects_id: string | null;
  created_by: string | null;
  created_at: string;
}

export interface LedgerEntriesTable {
  transaction_id: string;
  position: number;
  partnership_id: string;
  account: string;
  side: string;
  currency: string;
  amount_minor: Minor;
  quantity_value: string | null;
  quantity_unit: string | null;
}

/** Running debits and credits per account and currency, updated with every transaction. */
export interface LedgerBalancesTable {
  partnership_id: string;
  account: string;
  currency: string;
  debit_minor: Minor;
  credit_minor: Minor;
}

/** Running quantities per account and unit (exact decimal text). */
export interface LedgerQuantityBalancesTable {
  partnership_id: string;
  account: string;
  unit: string;
  debit: string;
  credit: string;
}

/** Exchange rates as entered (never fetched): one unit of `from` is worth `rate` units of `to` from `on_date`. */
export interface ExchangeRatesTable {
  id: string;
  partnership_id: string;
  from_currency: string;
  to_currency: string;
  on_date: string;
  rate: string;
  created_by: string | null;
  created_at: string;
}

/** The budget: planned amounts per line and activity (JSON, amounts as text); not in the ledger. */
export interface BudgetLinesTable {
  partnership_id: string;
  line_id: string;
  position: number;
  name: string | null;
  planned: string;
  activities: string;
  updated_at: string;
}

export interface LedgerTables {
  accountability_settings: AccountabilitySettingsTable;
  commitments: CommitmentsTable;
  commitment_status_changes: CommitmentStatusChangesTable;
  commitment_amendments: CommitmentAmendmentsTable;
  deliveries: DeliveriesTable;
  ledger_transactions: LedgerTransactionsTable;
  ledger_entries: LedgerEntriesTable;
  ledger_balances: LedgerBalancesTable;
  ledger_quantity_balances: LedgerQuantityBalancesTable;
  exchange_rates: ExchangeRatesTable;
  budget_lines: BudgetLinesTable;
}
