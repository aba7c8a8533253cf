import { type Kysely } from 'kysely';

// Frozen once shipped. The results framework: the tree of goals -> outcomes -> outputs, indicators with their
// targets and responsible partners, the partners' submissions (one per indicator, period and partner) with their
// disaggregated cells and status history, a per (indicator, period) aggregate of the approved values (so the
// dashboard reads a bounded number of rows however many values are stored), and the contribution links from
// commitments to results. Portable types only; values are exact decimal text, dates YYYY-MM-DD, instants ISO text.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('result_nodes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text', (c) => c.references('result_nodes.id'))
    .addColumn('goal_id', 'text', (c) => c.references('goals.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('weight', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('result_nodes_partnership').on('result_nodes').columns(['partnership_id', 'position']).execute();
  await db.schema.createIndex('result_nodes_parent').on('result_nodes').column('parent_id').execute();

  await db.schema
    .createTable('indicators')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('node_id', 'text', (c) => c.notNull().references('result_nodes.id'))
    .addColumn('weight', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('measure', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('value_kind', 'text', (c) => c.notNull())
    .addColumn('aggregation', 'text')
    .addColumn('baseline_value', 'text')
    .addColumn('baseline_date', 'text')
    .addColumn('frequency', 'text', (c) => c.notNull())
    .addColumn('schedule_start', 'text', (c) => c.notNull())
    .addColumn('schedule_end', 'text', (c) => c.notNull())
    .addColumn('grace_days', 'integer', (c) => c.notNull())
    .addColumn('fiscal_year_start_month', 'integer', (c) => c.notNull())
    .addColumn('dimensions', 'text', (c) => c.notNull())
    .addColumn('sdg_indicators', 'text', (c) => c.notNull())
    // the latest period with an approved value: approvals are final, so it only moves forward
    .addColumn('latest_period_key', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('indicators_partnership').on('indicators').columns(['partnership_id', 'position']).execute();
  await db.schema.createIndex('indicators_node').on('indicators').column('node_id').execute();

  await db.schema
    .createTable('indicator_targets')
    .addColumn('indicator_id', 'text', (c) => c.notNull().references('indicators.id').onDelete('cascade'))
    .addColumn('partnership_id', 'text', (c) => c.notNull())
    .addColumn('period_key', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('indicator_targets_pk', ['indicator_id', 'period_key'])
    .execute();
  await db.schema.createIndex('indicator_targets_partnership').on('indicator_targets').column('partnership_id').execute();

  await db.schema
    .createTable('indicator_partners')
    .addColumn('indicator_id', 'text', (c) => c.notNull().references('indicators.id').onDelete('cascade'))
    .addColumn('partnership_id', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('indicator_partners_pk', ['indicator_id', 'organisation_id'])
    .execute();
  await db.schema.createIndex('indicator_partners_partnership').on('indicator_partners').columns(['partnership_id', 'organisation_id']).execute();

  await db.schema
    .createTable('indicator_submissions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('indicator_id', 'text', (c) => c.notNull().references('indicators.id'))
    .addColumn('period_key', 'text', (c) => c.notNull())
    .addColumn('partner_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('value', 'text')
    .addColumn('note', 'text')
    .addColumn('first_submitted_on', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('reviewed_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('review_comment', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('indicator_submissions_one', ['indicator_id', 'period_key', 'partner_id'])
    .execute();
  // the review queue and its filters page newest first on the UUIDv7 id
  await db.schema.createIndex('indicator_submissions_partnership').on('indicator_submissions').columns(['partnership_id', 'id']).execute();
  await db.schema.createIndex('indicator_submissions_status').on('indicator_submissions').columns(['partnership_id', 'status', 'id']).execute();
  await db.schema.createIndex('indicator_submissions_partner').on('indicator_submissions').columns(['partnership_id', 'partner_id', 'id']).execute();
  await db.schema.createIndex('indicator_submissions_period').on('indicator_submissions').columns(['partnership_id', 'period_key', 'id']).execute();

  await db.schema
    .createTable('indicator_submission_cells')
    .addColumn('submission_id', 'text', (c) => c.notNull().references('indicator_submissions.id').onDelete('cascade'))
    .addColumn('partnership_id', 'text', (c) => c.notNull())
    .addColumn('cell_key', 'text', (c) => c.notNull())
    .addColumn('cell', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('indicator_submission_cells_pk', ['submission_id', 'cell_key'])
    .execute();

  await db.schema
    .createTable('indicator_submission_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('submission_id', 'text', (c) => c.notNull().references('indicator_submissions.id').onDelete('cascade'))
    .addColumn('partnership_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('snapshot', 'text')
    .addColumn('actor_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('indicator_submission_events_submission').on('indicator_submission_events').columns(['submission_id', 'at']).execute();

  await db.schema
    .createTable('indicator_period_values')
    .addColumn('indicator_id', 'text', (c) => c.notNull().references('indicators.id').onDelete('cascade'))
    .addColumn('partnership_id', 'text', (c) => c.notNull())
    .addColumn('period_key', 'text', (c) => c.notNull())
    .addColumn('approved_count', 'integer', (c) => c.notNull())
    // JSON array of the approved values (decimal text), one per approving partner: bounded by the partners
    .addColumn('approved_values', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('indicator_period_values_pk', ['indicator_id', 'period_key'])
    .execute();
  await db.schema.createIndex('indicator_period_values_partnership').on('indicator_period_values').column('partnership_id').execute();

  await db.schema
    .createTable('result_contributions')
    .addColumn('node_id', 'text', (c) => c.notNull().references('result_nodes.id').onDelete('cascade'))
    // no foreign key: commitments belong to the ledger's tables; the service checks the id against them
    .addColumn('commitment_id', 'text', (c) => c.notNull())
    .addColumn('partnership_id', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('result_contributions_pk', ['node_id', 'commitment_id'])
    .execute();
  await db.schema.createIndex('result_contributions_partnership').on('result_contributions').columns(['partnership_id', 'commitment_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'result_contributions', 'indicator_period_values', 'indicator_submission_events', 'indicator_submission_cells', 'indicator_submissions',
    'indicator_partners', 'indicator_targets', 'indicators', 'result_nodes',
  ]) await db.schema.dropTable(t).ifExists().execute();
}
