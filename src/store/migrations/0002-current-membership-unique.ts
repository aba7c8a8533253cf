import { sql, type Kysely } from 'kysely';

// Frozen. An organisation holds at most one current membership of a partnership: the service checks
// it, and this partial unique index makes a race between two requests a 409 instead of a duplicate.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('partnership_members_current')
    .on('partnership_members')
    .columns(['partnership_id', 'organisation_id'])
    .unique()
    .where(sql.ref('left_on'), 'is', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('partnership_members_current').ifExists().execute();
}
