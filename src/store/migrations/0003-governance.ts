import type { Kysely } from 'kysely';

// Frozen once shipped. Governance: versioned charters, decisions (motions and polls), the roll of seats fixed when
// voting opens, seconds, proxies, ballots with their history, participation and deliberation comments.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('charters')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('template_id', 'text')
    .addColumn('decision_id', 'text')
    .addColumn('note', 'text')
    .addColumn('adopted_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('adopted_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('charters_version', ['partnership_id', 'version'])
    .execute();

  await db.schema
    .createTable('decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // motion | poll
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('links', 'text', (c) => c.notNull()) // JSON array
    .addColumn('decision_type', 'text')
    .addColumn('charter_version', 'integer')
    .addColumn('rule', 'text')
    .addColumn('body', 'text')
    .addColumn('ballot_kind', 'text')
    .addColumn('poll', 'text') // JSON PollSpec
    .addColumn('amendment', 'text') // JSON charter proposed by an amendment
    .addColumn('start_stage', 'text')
    .addColumn('parent_id', 'text')
    .addColumn('anonymous', 'integer', (c) => c.notNull())
    .addColumn('results_hidden', 'integer', (c) => c.notNull())
    .addColumn('anon_key', 'text') // secret that links anonymous ballots to seats until close; erased at close
    .addColumn('status', 'text', (c) => c.notNull()) // proposed | open | closed | withdrawn
    .addColumn('proposer_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('proposer_seat', 'text')
    .addColumn('opens_at', 'text', (c) => c.notNull())
    .addColumn('closes_at', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('closed_by', 'text')
    .addColumn('outcome_kind', 'text')
    .addColumn('grade', 'text')
    .addColumn('outcome', 'text') // JSON Outcome or poll result
    .addColumn('outcome_statement', 'text')
    .addColumn('review_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('decisions_number', ['partnership_id', 'number'])
    .execute();
  await db.schema.createIndex('decisions_partnership_status').on('decisions').columns(['partnership_id', 'status', 'number']).execute();
  await db.schema.createIndex('decisions_due').on('decisions').columns(['status', 'closes_at']).execute();
  await db.schema.createIndex('decisions_review').on('decisions').columns(['partnership_id', 'review_on']).execute();

  await db.schema
    .createTable('decision_roll')
    .addColumn('decision_id', 'text', (c) => c.notNull().references('decisions.id').onDelete('cascade'))
    .addColumn('seat_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('group_path', 'text')
    .addColumn('weight', 'text')
    .addColumn('voting', 'integer', (c) => c.notNull())
    .addColumn('organisation_id', 'text')
    .addColumn('person_id', 'text')
    .addColumn('alternate_id', 'text')
    .addColumn('present', 'integer', (c) => c.notNull())
    .addColumn('recused', 'integer', (c) => c.notNull())
    .addColumn('recusal_reason', 'text')
    .addPrimaryKeyConstraint('decision_roll_pk', ['decision_id', 'seat_id'])
    .execute();
  // counting aggregates the roll by cell: this index covers it, so a million seats are read without the table
  await db.schema.createIndex('decision_roll_cells').on('decision_roll').columns(['decision_id', 'recused', 'group_path', 'weight', 'voting', 'present']).execute();
  // the seats a person may vote for
  await db.schema.createIndex('decision_roll_person').on('decision_roll').columns(['decision_id', 'person_id']).execute();
  await db.schema.createIndex('decision_roll_alternate').on('decision_roll').columns(['decision_id', 'alternate_id']).execute();
  await db.schema.createIndex('decision_roll_organisation').on('decision_roll').columns(['decision_id', 'organisation_id']).execute();

  await db.schema
    .createTable('decision_seconds')
    .addColumn('decision_id', 'text', (c) => c.notNull().references('decisions.id').onDelete('cascade'))
    .addColumn('seat_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('decision_seconds_pk', ['decision_id', 'seat_id'])
    .execute();

  await db.schema
    .createTable('decision_proxies')
    .addColumn('decision_id', 'text', (c) => c.notNull().references('decisions.id').onDelete('cascade'))
    .addColumn('seat_id', 'text', (c) => c.notNull())
    .addColumn('holder_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('granted_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('decision_proxies_pk', ['decision_id', 'seat_id'])
    .execute();
  await db.schema.createIndex('decision_proxies_holder').on('decision_proxies').columns(['decision_id', 'holder_id']).execute();

  // The current ballot per seat. For anonymous decisions `seat_key` is an HMAC of the seat under the decision's
  // anon_key (erased at close), `cast_by` is null and nothing else names the voter.
  await db.schema
    .createTable('ballots')
    .addColumn('decision_id', 'text', (c) => c.notNull().references('decisions.id').onDelete('cascade'))
    .addColumn('seat_key', 'text', (c) => c.notNull())
    .addColumn('group_path', 'text')
    .addColumn('weight', 'text')
    .addColumn('choice', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('paramount', 'integer', (c) => c.notNull())
    .addColumn('resolved', 'integer', (c) => c.notNull())
    .addColumn('answer', 'text') // JSON poll answer
    .addColumn('cast_by', 'text')
    .addColumn('by_proxy', 'integer', (c) => c.notNull())
    .addColumn('cast_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ballots_pk', ['decision_id', 'seat_key'])
    .execute();
  await db.schema.createIndex('ballots_tally').on('ballots').columns(['decision_id', 'group_path', 'weight', 'choice', 'paramount', 'resolved']).execute();
  await db.schema.createIndex('ballots_choice').on('ballots').columns(['decision_id', 'choice', 'seat_key']).execute();

  // Every ballot ever cast, in order (named decisions only: an anonymous history would reveal changes of mind).
  await db.schema
    .createTable('ballot_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('decision_id', 'text', (c) => c.notNull().references('decisions.id').onDelete('cascade'))
    .addColumn('seat_id', 'text', (c) => c.notNull())
    .addColumn('choice', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('answer', 'text')
    .addColumn('cast_by', 'text')
    .addColumn('by_proxy', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ballot_history_decision').on('ballot_history').columns(['decision_id', 'seat_id', 'at']).execute();

  // Who took part (every decision, anonymous ones included): verifiable after close without revealing choices.
  await db.schema
    .createTable('decision_participation')
    .addColumn('decision_id', 'text', (c) => c.notNull().references('decisions.id').onDelete('cascade'))
    .addColumn('seat_id', 'text', (c) => c.notNull())
    .addColumn('first_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('decision_participation_pk', ['decision_id', 'seat_id'])
    .execute();

  await db.schema
    .createTable('decision_comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('decision_id', 'text', (c) => c.notNull().references('decisions.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('decision_comments_decision').on('decision_comments').columns(['decision_id', 'created_at', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['decision_comments', 'decision_participation', 'ballot_history', 'ballots', 'decision_proxies', 'decision_seconds', 'decision_roll', 'decisions', 'charters'])
    await db.schema.dropTable(t).ifExists().execute();
}
