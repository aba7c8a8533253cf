import { type Kysely } from 'kysely';

// Frozen once shipped. Reminder e-mails: each person's digest setting, and the reminders generated from what
// partners owe (a tranche to deliver, a report to submit), claimed and sent by the reminders job of any app node.
// Portable types only (text, integer); dates are YYYY-MM-DD text, instants ISO-8601 UTC text.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('notification_settings')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('digest', 'text', (c) => c.notNull())
    .addColumn('digest_hour', 'integer', (c) => c.notNull())
    .addColumn('digest_weekday', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('reminders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('item_key', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('light', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('send_after', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('claimed_by', 'text')
    .addColumn('claimed_at', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    // each stage of an item reminds each person once, whichever node generates it and however often
    .addUniqueConstraint('reminders_once', ['user_id', 'partnership_id', 'item_key', 'stage'])
    .execute();
  // the job's queries: what is due to send, what is stuck sending (both by status first)
  await db.schema.createIndex('reminders_due').on('reminders').columns(['status', 'send_after']).execute();
  await db.schema.createIndex('reminders_claimed').on('reminders').columns(['status', 'claimed_at']).execute();
  await db.schema.createIndex('reminders_partnership').on('reminders').columns(['partnership_id', 'item_key']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['reminders', 'notification_settings']) await db.schema.dropTable(t).ifExists().execute();
}
