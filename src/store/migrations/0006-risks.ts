import { type Kysely } from 'kysely';

// Frozen once shipped. The shared risk register: risks, their allocation shares, mitigation actions, reviews,
// links to decisions and commitments, and the versioned history of every change.
// Portable types only (text, integer); dates are YYYY-MM-DD text, instants ISO-8601 UTC text, percents exact
// decimal text. Every table carries partnership_id (distribution key).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('risks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('likelihood', 'integer', (c) => c.notNull())
    .addColumn('impact', 'integer', (c) => c.notNull())
    // derived from likelihood x impact, stored so the register sorts and filters on an index
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('band', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    // derived from the shares: publicAuthority | privateParty | shared | unallocated
    .addColumn('allocation', 'text', (c) => c.notNull())
    .addColumn('owner_organisation_id', 'text', (c) => c.references('organisations.id'))
    // the earliest review not yet held (derived from risk_reviews), for the register and the overdue board
    .addColumn('next_review_on', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('risks_partnership_number', ['partnership_id', 'number'])
    .execute();
  // pages by number use the unique (partnership_id, number); by score (and by band: a score range) this one
  await db.schema.createIndex('risks_partnership_score').on('risks').columns(['partnership_id', 'score', 'number']).execute();
  await db.schema.createIndex('risks_partnership_status').on('risks').columns(['partnership_id', 'status', 'number']).execute();
  await db.schema.createIndex('risks_partnership_category').on('risks').columns(['partnership_id', 'category', 'number']).execute();
  await db.schema.createIndex('risks_partnership_owner').on('risks').columns(['partnership_id', 'owner_organisation_id', 'number']).execute();

  await db.schema
    .createTable('risk_shares')
    .addColumn('risk_id', 'text', (c) => c.notNull().references('risks.id').onDelete('cascade'))
    .addColumn('partnership_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('party', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.references('organisations.id'))
    .addColumn('percent', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('risk_shares_pk', ['risk_id', 'position'])
    .execute();
  // "the risks allocated to this organisation" (and the representative's right to edit them)
  await db.schema.createIndex('risk_shares_organisation').on('risk_shares').columns(['partnership_id', 'organisation_id', 'risk_id']).execute();

  await db.schema
    .createTable('risk_actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('risk_id', 'text', (c) => c.notNull().references('risks.id').onDelete('cascade'))
    .addColumn('partnership_id', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('owner_organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('owner_person_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('done_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('risk_actions_risk').on('risk_actions').columns(['risk_id', 'due_on']).execute();
  // the overdue board: open actions of a partnership by due day
  await db.schema.createIndex('risk_actions_partnership_due').on('risk_actions').columns(['partnership_id', 'done_on', 'due_on']).execute();

  await db.schema
    .createTable('risk_reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('risk_id', 'text', (c) => c.notNull().references('risks.id').onDelete('cascade'))
    .addColumn('partnership_id', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('done_on', 'text')
    .addColumn('note', 'text')
    // the ratings the review settled on (null while only planned)
    .addColumn('likelihood', 'integer')
    .addColumn('impact', 'integer')
    .addColumn('reviewed_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('risk_reviews_risk').on('risk_reviews').columns(['risk_id', 'due_on']).execute();
  await db.schema.createIndex('risk_reviews_partnership_due').on('risk_reviews').columns(['partnership_id', 'done_on', 'due_on']).execute();

  await db.schema
    .createTable('risk_links')
    .addColumn('risk_id', 'text', (c) => c.notNull().references('risks.id').onDelete('cascade'))
    .addColumn('partnership_id', 'text', (c) => c.notNull())
    // decision | commitment; no foreign key: those records live in other areas' tables
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('risk_links_pk', ['risk_id', 'kind', 'target_id'])
    .execute();
  // "the risks linked to this decision / commitment"
  await db.schema.createIndex('risk_links_target').on('risk_links').columns(['partnership_id', 'kind', 'target_id']).execute();

  await db.schema
    .createTable('risk_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('risk_id', 'text', (c) => c.notNull().references('risks.id').onDelete('cascade'))
    .addColumn('partnership_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('at', 'text', (c) => c.notNull())
    // JSON: { field: [before, after] }
    .addColumn('changes', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addUniqueConstraint('risk_changes_version', ['risk_id', 'version'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['risk_changes', 'risk_links', 'risk_reviews', 'risk_actions', 'risk_shares', 'risks']) await db.schema.dropTable(t).ifExists().execute();
}
