import { sql, type Kysely } from 'kysely';

// Frozen once shipped. The running totals of each commitment's deliveries (ADR 0013): how many are confirmed and
// pending with their value (BIGINT minor units) and quantity (exact decimal text), and the date each tranche was
// completed (JSON, one date or null per tranche in due-date order). The services update the row in the same
// database transaction as every change of a delivery, so no write reads the list of deliveries. Existing
// commitments are backfilled from their deliveries here, with this file's own exact arithmetic (a migration does
// not call code that may change after it shipped).
// The index serves the reads a tranche date still needs: the confirmed value per day from a date on.

const BATCH = 500;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('commitment_totals')
    .addColumn('commitment_id', 'text', (c) => c.primaryKey().references('commitments.id').onDelete('cascade'))
    .addColumn('confirmed_count', 'integer', (c) => c.notNull())
    .addColumn('confirmed_minor', 'bigint', (c) => c.notNull())
    .addColumn('confirmed_quantity', 'text', (c) => c.notNull()) // exact decimal text, '0' without
    .addColumn('pending_count', 'integer', (c) => c.notNull())
    .addColumn('pending_minor', 'bigint', (c) => c.notNull())
    .addColumn('pending_quantity', 'text', (c) => c.notNull())
    .addColumn('tranche_dates', 'text', (c) => c.notNull()) // JSON [date | null] per tranche in due-date order
    .execute();
  await db.schema.createIndex('deliveries_commitment_status_on').on('deliveries').columns(['commitment_id', 'status', 'on_date', 'value_minor']).execute();

  // backfill, a batch of commitments at a time, from aggregates (values are summed exactly by the database;
  // quantities, decimal text, here)
  let after = '';
  for (;;) {
    const commitments = (await db.selectFrom('commitments').select(['id', 'tranches']).where('id', '>', after).orderBy('id').limit(BATCH).execute()) as { id: string; tranches: string }[];
    if (commitments.length === 0) break;
    after = commitments[commitments.length - 1].id;
    const ids = commitments.map((c) => c.id);
    const counted = (await db
      .selectFrom('deliveries')
      .select(['commitment_id', 'status', 'quantity_value', sql<number | string>`count(*)`.as('n'), sql<string>`cast(sum(value_minor) as text)`.as('minor')])
      .where('commitment_id', 'in', ids)
      .where('status', 'in', ['recorded', 'confirmed'])
      .groupBy(['commitment_id', 'status', 'quantity_value'])
      .execute()) as { commitment_id: string; status: string; quantity_value: string | null; n: number | string; minor: string }[];
    const days = (await db
      .selectFrom('deliveries')
      .select(['commitment_id', 'on_date', sql<string>`cast(sum(value_minor) as text)`.as('minor')])
      .where('commitment_id', 'in', ids)
      .where('status', '=', 'confirmed')
      .groupBy(['commitment_id', 'on_date'])
      .execute()) as { commitment_id: string; on_date: string; minor: string }[];
    const [countedBy, daysBy] = [byCommitment(counted), byCommitment(days)];
    const rows = commitments.map((c) => totalsRow(c.id, c.tranches, countedBy.get(c.id) ?? [], daysBy.get(c.id) ?? []));
    for (let i = 0; i < rows.length; i += 50) await db.insertInto('commitment_totals').values(rows.slice(i, i + 50)).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('deliveries_commitment_status_on').ifExists().execute();
  await db.schema.dropTable('commitment_totals').ifExists().execute();
}

/** Rows grouped by commitment. */
function byCommitment<T extends { commitment_id: string }>(rows: T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const list = m.get(r.commitment_id);
    if (list) list.push(r);
    else m.set(r.commitment_id, [r]);
  }
  return m;
}

/** An exact decimal as a scaled integer: value = units / 10^scale. */
type Scaled = { units: bigint; scale: number };

function readScaled(text: string): Scaled {
  const [int, fraction = ''] = text.split('.');
  return { units: BigInt(int + fraction), scale: fraction.length };
}
function addScaled(a: Scaled, b: Scaled): Scaled {
  const scale = Math.max(a.scale, b.scale);
  return { units: a.units * 10n ** BigInt(scale - a.scale) + b.units * 10n ** BigInt(scale - b.scale), scale };
}
/** Canonical decimal text: "12.5", "100", "0" (no trailing zeros). */
function scaledText(x: Scaled): string {
  let { units, scale } = x;
  while (scale > 0 && units % 10n === 0n) [units, scale] = [units / 10n, scale - 1];
  if (scale === 0) return units.toString();
  const digits = units.toString().padStart(scale + 1, '0');
  return `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

function totalsRow(
  commitmentId: string, tranchesJson: string, counted: { status: string; quantity_value: string | null; n: number | string; minor: string }[], days: { on_date: string; minor: string }[],
) {
  const zero: Scaled = { units: 0n, scale: 0 };
  const tally = { confirmed: { count: 0, minor: 0n, quantity: zero }, pending: { count: 0, minor: 0n, quantity: zero } };
  for (const x of counted) {
    const t = x.status === 'confirmed' ? tally.confirmed : tally.pending;
    const n = Number(x.n);
    t.count += n;
    t.minor += BigInt(x.minor);
    if (x.quantity_value !== null) {
      const q = readScaled(x.quantity_value);
      t.quantity = addScaled(t.quantity, { units: q.units * BigInt(n), scale: q.scale });
    }
  }
  // each tranche is completed on the first day the confirmed deliveries, in date order, reach the running total
  // of the schedule up to it (tranches in due-date order)
  const tranches = (JSON.parse(tranchesJson) as { dueOn: string; minor: string }[]).map((t, i) => ({ ...t, i })).sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.i - b.i));
  const walk = days.map((d) => [d.on_date, BigInt(d.minor)] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  let target = 0n;
  let running = 0n;
  let next = 0;
  const dates = tranches.map((t) => {
    target += BigInt(t.minor);
    while (running < target && next < walk.length) running += walk[next++][1];
    return running >= target && next > 0 ? walk[next - 1][0] : null;
  });
  return {
    commitment_id: commitmentId,
    confirmed_count: tally.confirmed.count,
    confirmed_minor: tally.confirmed.minor,
    confirmed_quantity: scaledText(tally.confirmed.quantity),
    pending_count: tally.pending.count,
    pending_minor: tally.pending.minor,
    pending_quantity: scaledText(tally.pending.quantity),
    tranche_dates: JSON.stringify(dates),
  };
}
