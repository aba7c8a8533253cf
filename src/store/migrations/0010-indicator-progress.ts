import { type Kysely } from 'kysely';

// Frozen once shipped. Each indicator keeps a snapshot of its progress (latest value, actual against target,
// progress, change against the baseline), recomputed in the transaction of every write that can change it
// (approving a report, changing the indicator or its targets), so the dashboard and the results tree read one
// row per indicator however many periods and values there are. JSON text: { "v": <computation version>, ... };
// null (as after this migration) or another version means "not computed": readers compute it from the
// aggregates instead.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('indicators').addColumn('progress', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('indicators').dropColumn('progress').execute();
}
