import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema';
import type { Dialect } from '../database';
import { preparedQuery } from '../prepared';
import { chainEvent, GENESIS_HASH, PLATFORM_CHAIN, type AuditEvent, type AuditEventBody } from '../../domain/audit/chain';

/** An event as a use case writes it; the chain, sequence number and hashes are added here. */
export type AuditInput = Omit<AuditEventBody, 'chain' | 'seq'>;

/**
 * Appends an event to its chain inside the caller's transaction. The chain head row is locked on
 * PostgreSQL (FOR UPDATE) so concurrent writers take turns; SQLite serialises writers itself.
 */
// the four statements of every audited write, compiled once per dialect
const ensureHead = preparedQuery<{ chain: string; genesis: string }, never>((db, p) =>
  db.insertInto('audit_heads').values({ chain: p('chain'), seq: 0, hash: p('genesis') }).onConflict((oc) => oc.column('chain').doNothing()),
);
const readHead = preparedQuery<{ chain: string }, { seq: number; hash: string }>((db, p) => db.selectFrom('audit_heads').select(['seq', 'hash']).where('chain', '=', p('chain')));
const readHeadForUpdate = preparedQuery<{ chain: string }, { seq: number; hash: string }>((db, p) => db.selectFrom('audit_heads').select(['seq', 'hash']).where('chain', '=', p('chain')).forUpdate());
type EventRow = { [K in keyof DB['audit_events']]: DB['audit_events'][K] };
const insertEvent = preparedQuery<EventRow, never>((db, p) =>
  db.insertInto('audit_events').values({
    id: p('id'), chain: p('chain'), seq: p('seq'), partnership_id: p('partnership_id'), actor_id: p('actor_id'), at: p('at'), action: p('action'),
    entity_type: p('entity_type'), entity_id: p('entity_id'), diff: p('diff'), prev_hash: p('prev_hash'), hash: p('hash'),
  }),
);
const moveHead = preparedQuery<{ chain: string; seq: number; hash: string }, never>((db, p) =>
  db.updateTable('audit_heads').set({ seq: p('seq'), hash: p('hash') }).where('chain', '=', p('chain')),
);

/**
 * Appends an event to its chain inside the caller's transaction. The chain head row is locked on
 * PostgreSQL (FOR UPDATE) so concurrent writers take turns; SQLite serialises writers itself.
 */
export async function appendAudit(trx: Kysely<DB>, dialect: Dialect, input: AuditInput): Promise<AuditEvent> {
  const chain = input.partnershipId ?? PLATFORM_CHAIN;
  const read = () => (dialect === 'postgres' ? readHeadForUpdate(trx, { chain }) : readHead(trx, { chain }));
  let [head] = await read();
  if (!head) {
    // the chain's first event: create its head (a concurrent first event waits for this one on PostgreSQL)
    await ensureHead(trx, { chain, genesis: GENESIS_HASH });
    [head] = await read();
  }
  const event = chainEvent({ seq: Number(head.seq), hash: head.hash }, { ...input, chain });
  await insertEvent(trx, {
    id: event.id,
    chain,
    seq: event.seq,
    partnership_id: event.partnershipId,
    actor_id: event.actorId,
    at: event.at,
    action: event.action,
    entity_type: event.entityType,
    entity_id: event.entityId,
    diff: JSON.stringify(event.diff),
    prev_hash: event.prevHash,
    hash: event.hash,
  });
  await moveHead(trx, { chain, seq: event.seq, hash: event.hash });
  return event;
}

type Row = DB['audit_events'];
const toEvent = (r: Row): AuditEvent => ({
  id: r.id,
  chain: r.chain,
  seq: Number(r.seq),
  partnershipId: r.partnership_id,
  actorId: r.actor_id,
  at: r.at,
  action: r.action,
  entityType: r.entity_type,
  entityId: r.entity_id,
  diff: JSON.parse(r.diff),
  prevHash: r.prev_hash,
  hash: r.hash,
});

/** Events of one chain with seq > afterSeq, oldest first (for verification). */
export async function chainEvents(db: Kysely<DB>, chain: string, afterSeq: number, limit: number): Promise<AuditEvent[]> {
  const rows = await db.selectFrom('audit_events').selectAll().where('chain', '=', chain).where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute();
  return rows.map(toEvent);
}

/** Every chain that has events, with its recorded head. */
export async function listChains(db: Kysely<DB>): Promise<{ chain: string; seq: number; hash: string }[]> {
  const rows = await db.selectFrom('audit_heads').select(['chain', 'seq', 'hash']).orderBy('chain').execute();
  const fromEvents = await db.selectFrom('audit_events').select('chain').distinct().execute();
  const known = new Map(rows.map((r) => [r.chain, { chain: r.chain, seq: Number(r.seq), hash: r.hash }]));
  for (const r of fromEvents) if (!known.has(r.chain)) known.set(r.chain, { chain: r.chain, seq: -1, hash: '' });
  return [...known.values()];
}

/** Partnerships whose chain has neither a head nor an event: every partnership's creation is audited, so it was deleted. */
export async function partnershipsWithoutChain(db: Kysely<DB>, only?: string): Promise<string[]> {
  let q = db
    .selectFrom('partnerships as p')
    .select('p.id')
    .where((eb) => eb.not(eb.exists(eb.selectFrom('audit_heads as h').select('h.chain').whereRef('h.chain', '=', 'p.id'))))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('audit_events as e').select('e.chain').whereRef('e.chain', '=', 'p.id'))));
  if (only) q = q.where('p.id', '=', only);
  return (await q.orderBy('p.id').execute()).map((r) => r.id);
}

/** A page of one chain's events (a partnership's, or the platform's), newest first, with the actor's name. */
export async function chainAuditPage(db: Kysely<DB>, chain: string, beforeSeq: number | null, limit: number) {
  let q = db
    .selectFrom('audit_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    .selectAll('e')
    .select('u.name as actor_name')
    .where('e.chain', '=', chain);
  if (beforeSeq !== null) q = q.where('e.seq', '<', beforeSeq);
  const rows = await q.orderBy('e.seq', 'desc').limit(limit + 1).execute();
  return rows.map((r) => ({ ...toEvent(r), actorName: r.actor_name ?? null }));
}
void sql;
