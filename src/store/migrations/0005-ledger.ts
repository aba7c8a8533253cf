import { type Kysely } from 'kysely';

// Frozen once shipped. Commitments (pledges), deliveries and the double-entry ledger of a partnership.
// Portable types only (text, integer, bigint). Money is integer minor units in BIGINT columns; quantities and
// exchange rates are exact decimal text; dates are YYYY-MM-DD text, instants ISO-8601 UTC text. Transactions and
// their entries are append-only: a correction is a reversing transaction (reverses_id, unique: once only).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('accountability_settings')
    .addColumn('partnership_id', 'text', (c) => c.primaryKey().references('partnerships.id').onDelete('cascade'))
    .addColumn('reporting_currency', 'text', (c) => c.notNull())
    .addColumn('grace_days', 'integer', (c) => c.notNull())
    // in minor units of the reporting currency; null: no decision needed for spending
    .addColumn('approval_threshold_minor', 'bigint')
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('commitments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('valuation_minor', 'bigint', (c) => c.notNull())
    .addColumn('valuation_basis', 'text', (c) => c.notNull())
    .addColumn('quantity_value', 'text')
    .addColumn('quantity_unit', 'text')
    .addColumn('tranches', 'text', (c) => c.notNull()) // JSON [{dueOn, minor, quantity}]
    .addColumn('conditions', 'text', (c) => c.notNull()) // JSON array of text
    .addColumn('goal_ids', 'text', (c) => c.notNull()) // JSON array of goal ids
    // no foreign key: decisions live in the governance tables
    .addColumn('decision_id', 'text')
    .addColumn('recipient_organisation_id', 'text', (c) => c.references('organisations.id'))
    .addColumn('pledged_on', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('commitments_partnership_number', ['partnership_id', 'number'])
    .execute();
  await db.schema.createIndex('commitments_partnership_status').on('commitments').columns(['partnership_id', 'status', 'number']).execute();
  await db.schema.createIndex('commitments_partnership_org').on('commitments').columns(['partnership_id', 'organisation_id', 'number']).execute();
  await db.schema.createIndex('commitments_partnership_kind').on('commitments').columns(['partnership_id', 'kind', 'number']).execute();

  await db.schema
    .createTable('commitment_status_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('commitment_id', 'text', (c) => c.notNull().references('commitments.id').onDelete('cascade'))
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('by_user', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('reason', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('commitment_status_changes_commitment').on('commitment_status_changes').columns(['commitment_id', 'at', 'id']).execute();

  await db.schema
    .createTable('commitment_amendments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('commitment_id', 'text', (c) => c.notNull().references('commitments.id').onDelete('cascade'))
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('by_user', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('before_terms', 'text', (c) => c.notNull()) // JSON
    .addColumn('after_terms', 'text', (c) => c.notNull()) // JSON
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('commitment_amendments_commitment').on('commitment_amendments').columns(['commitment_id', 'at', 'id']).execute();

  await db.schema
    .createTable('deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('commitment_id', 'text', (c) => c.notNull().references('commitments.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (c) => c.notNull()) // the delivering partner (the commitment's), for filters
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('value_minor', 'bigint', (c) => c.notNull())
    .addColumn('quantity_value', 'text')
    .addColumn('quantity_unit', 'text')
    .addColumn('evidence', 'text', (c) => c.notNull()) // JSON array
    .addColumn('note', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_at', 'text')
    .addColumn('reason', 'text')
    .addColumn('transaction_id', 'text')
    .addColumn('reversal_transaction_id', 'text')
    .addUniqueConstraint('deliveries_partnership_number', ['partnership_id', 'number'])
    .execute();
  await db.schema.createIndex('deliveries_commitment').on('deliveries').columns(['commitment_id', 'number']).execute();
  await db.schema.createIndex('deliveries_partnership_status').on('deliveries').columns(['partnership_id', 'status', 'number']).execute();
  await db.schema.createIndex('deliveries_partnership_org').on('deliveries').columns(['partnership_id', 'organisation_id', 'number']).execute();

  await db.schema
    .createTable('ledger_transactions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('commitment_id', 'text')
    .addColumn('delivery_id', 'text')
    .addColumn('decision_id', 'text')
    .addColumn('counterparty', 'text')
    // a transaction is reversed at most once: the unique constraint holds under concurrent requests too
    .addColumn('reverses_id', 'text', (c) => c.unique())
    .addColumn('corrects_id', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('ledger_transactions_partnership_number', ['partnership_id', 'number'])
    .execute();
  await db.schema.createIndex('ledger_transactions_partnership_type').on('ledger_transactions').columns(['partnership_id', 'type', 'number']).execute();
  await db.schema.createIndex('ledger_transactions_partnership_date').on('ledger_transactions').columns(['partnership_id', 'date', 'number']).execute();
  await db.schema.createIndex('ledger_transactions_commitment').on('ledger_transactions').columns(['commitment_id', 'number']).execute();

  await db.schema
    .createTable('ledger_entries')
    .addColumn('transaction_id', 'text', (c) => c.notNull().references('ledger_transactions.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('partnership_id', 'text', (c) => c.notNull())
    .addColumn('account', 'text', (c) => c.notNull())
    .addColumn('side', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('quantity_value', 'text')
    .addColumn('quantity_unit', 'text')
    .addPrimaryKeyConstraint('ledger_entries_pk', ['transaction_id', 'position'])
    .execute();
  // the account-prefix filter of the transaction list
  await db.schema.createIndex('ledger_entries_account').on('ledger_entries').columns(['partnership_id', 'account', 'transaction_id']).execute();

  // running balances, kept with the entries in the same database transaction: dashboards never sum the ledger
  await db.schema
    .createTable('ledger_balances')
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('account', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('debit_minor', 'bigint', (c) => c.notNull())
    .addColumn('credit_minor', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('ledger_balances_pk', ['partnership_id', 'account', 'currency'])
    .execute();
  await db.schema
    .createTable('ledger_quantity_balances')
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('account', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('debit', 'text', (c) => c.notNull()) // exact decimal text
    .addColumn('credit', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ledger_quantity_balances_pk', ['partnership_id', 'account', 'unit'])
    .execute();

  await db.schema
    .createTable('exchange_rates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('from_currency', 'text', (c) => c.notNull())
    .addColumn('to_currency', 'text', (c) => c.notNull())
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('rate', 'text', (c) => c.notNull()) // canonical decimal text
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('exchange_rates_pair_date', ['partnership_id', 'from_currency', 'to_currency', 'on_date'])
    .execute();

  await db.schema
    .createTable('budget_lines')
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('line_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('planned', 'text', (c) => c.notNull()) // JSON [{currency, minor (text)}]
    .addColumn('activities', 'text', (c) => c.notNull()) // JSON [{id, name, planned}]
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('budget_lines_pk', ['partnership_id', 'line_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'budget_lines', 'exchange_rates', 'ledger_quantity_balances', 'ledger_balances', 'ledger_entries', 'ledger_transactions',
    'deliveries', 'commitment_amendments', 'commitment_status_changes', 'commitments', 'accountability_settings',
  ]) await db.schema.dropTable(t).ifExists().execute();
}
