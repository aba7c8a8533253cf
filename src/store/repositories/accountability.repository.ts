import type { Kysely } from 'kysely';
import type { DB } from '../schema';

/** Risks not closed, counted per band (one indexed aggregate, whatever the register's size). */
export async function openRisksByBand(db: Kysely<DB>, partnershipId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('risks')
    .select(['band', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('partnership_id', '=', partnershipId)
    .where('status', '!=', 'closed')
    .groupBy('band')
    .execute();
  return new Map(rows.map((r) => [r.band, Number(r.n)]));
}

/** Per partnership, how many rows of `table` wait in `status` (reports to review, deliveries to confirm). */
export async function waitingCounts(db: Kysely<DB>, table: 'indicator_submissions' | 'deliveries', status: string, partnershipIds: readonly string[]): Promise<Map<string, number>> {
  if (partnershipIds.length === 0) return new Map();
  const rows = await db
    .selectFrom(table)
    .select(['partnership_id', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('partnership_id', 'in', partnershipIds)
    .where('status', '=', status)
    .groupBy('partnership_id')
    .execute();
  return new Map(rows.map((r) => [r.partnership_id, Number(r.n)]));
}
