import { type Kysely } from 'kysely';

// Frozen once shipped. The dispute register: disputes, their parties and the ladder steps they climb.
// Portable types only (text, integer); dates are YYYY-MM-DD text, instants ISO-8601 UTC text.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('disputes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('current_step', 'text', (c) => c.notNull())
    .addColumn('step_due_on', 'text')
    .addColumn('raised_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    // no foreign key: decisions are stored by the governance tables, which may come and go independently
    .addColumn('decision_id', 'text')
    .addColumn('opened_on', 'text', (c) => c.notNull())
    .addColumn('resolved_on', 'text')
    .addColumn('resolution', 'text')
    .addColumn('withdrawn_on', 'text')
    .addColumn('withdrawal_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('disputes_partnership_number', ['partnership_id', 'number'])
    .execute();
  // the register's pages (newest first) use the unique (partnership_id, number); filtered by status:
  await db.schema.createIndex('disputes_partnership_status').on('disputes').columns(['partnership_id', 'status', 'number']).execute();
  await db.schema.createIndex('disputes_decision').on('disputes').column('decision_id').execute();

  await db.schema
    .createTable('dispute_parties')
    .addColumn('dispute_id', 'text', (c) => c.notNull().references('disputes.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addPrimaryKeyConstraint('dispute_parties_pk', ['dispute_id', 'organisation_id'])
    .execute();
  await db.schema.createIndex('dispute_parties_organisation').on('dispute_parties').columns(['organisation_id', 'dispute_id']).execute();

  await db.schema
    .createTable('dispute_steps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dispute_id', 'text', (c) => c.notNull().references('disputes.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('step_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('days', 'integer')
    .addColumn('started_on', 'text', (c) => c.notNull())
    .addColumn('ended_on', 'text')
    .addColumn('result', 'text')
    .addColumn('reason', 'text')
    .addUniqueConstraint('dispute_steps_position', ['dispute_id', 'position'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['dispute_steps', 'dispute_parties', 'disputes']) await db.schema.dropTable(t).ifExists().execute();
}
