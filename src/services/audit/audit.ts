import type { Deps } from '../context';
import { DomainError, forbidden, issue, notFound } from '../../domain/kernel/errors';
import { msg } from '../../domain/kernel/messages';
import { can, type Actor } from '../../domain/access/can';
import { CHAIN_START, PLATFORM_CHAIN, verifyChainSegment, type ChainBreak } from '../../domain/audit/chain';
import * as audit from '../../store/repositories/audit.repository';
import { findPartnership } from '../../store/repositories/partnerships.repository';
import { decodeCursor, encodeCursor } from '../../store/pagination';
import { scoped } from '../access';

/** A page of a partnership's audit log, newest first, for those allowed to read it. */
export async function partnershipAudit(deps: Deps, anyActor: Actor, id: string, cursor: string | undefined, limit: number) {
  const p = await findPartnership(deps.database.db, id);
  const actor = await scoped(deps.database.db, anyActor, { partnerships: [id] });
  const res = p ? { type: 'partnership' as const, id, visibility: p.visibility } : null;
  if (!p || !res || !can(actor, 'partnership.read', res)) throw notFound(msg('partnerships.the_partnership'));
  if (!can(actor, 'partnership.audit.read', res)) throw forbidden(msg('accounts.audit_not_in_role'));
  return chainPage(deps, id, cursor, limit);
}

/**
 * A page of the platform chain (changes outside any partnership: accounts, API tokens, organisations and their
 * people), newest first, for platform admins.
 */
export async function platformAudit(deps: Deps, actor: Actor, cursor: string | undefined, limit: number) {
  if (actor.kind !== 'user') throw new DomainError('unauthenticated', msg('auth.sign_in_or_token'));
  if (!can(actor, 'platform.admin', { type: 'platform' })) throw forbidden(msg('audit.platform_admins_only'));
  return chainPage(deps, PLATFORM_CHAIN, cursor, limit);
}

/** A page of one chain's events, newest first, with a cursor on the sequence number. */
async function chainPage(deps: Deps, chain: string, cursor: string | undefined, limit: number) {
  const before = cursor ? Number(decodeCursor(cursor)[0]) : null;
  if (before !== null && !(Number.isInteger(before) && before >= 1 && before <= 2_147_483_647)) throw new DomainError('bad_request', msg('cursor.invalid'), [issue('cursor', msg('cursor.invalid_short'))]);
  const rows = await audit.chainAuditPage(deps.database.db, chain, before, limit);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((e) => ({ id: e.id, seq: e.seq, at: e.at, actorId: e.actorId, actorName: e.actorName, action: e.action, entityType: e.entityType, entityId: e.entityId, diff: e.diff, hash: e.hash, prevHash: e.prevHash })),
    nextCursor: rows.length > limit && last ? encodeCursor(last.seq, last.id) : null,
  };
}

export interface ChainReport { chain: string; events: number; ok: boolean; break: ChainBreak | null }

/**
 * Verifies every chain (or one partnership's) page by page: each event's hash, its link to the one
 * before, gapless numbering, and that the recorded head matches the last event.
 */
export async function verifyAudit(deps: Deps, options: { partnershipId?: string; onProgress?: (done: number, chain: string) => void } = {}): Promise<ChainReport[]> {
  const db = deps.database.db;
  let chains = await audit.listChains(db);
  if (options.partnershipId) chains = chains.filter((c) => c.chain === options.partnershipId);
  const reports: ChainReport[] = [];
  let done = 0;
  for (const head of chains) {
    let at = CHAIN_START;
    let broken: ChainBreak | null = null;
    for (;;) {
      const batch = await audit.chainEvents(db, head.chain, at.seq, 2000);
      if (batch.length === 0) break;
      const before = at.seq;
      ({ broken, at } = verifyChainSegment(batch, at));
      done += at.seq - before;
      options.onProgress?.(done, head.chain);
      if (broken) break;
    }
    const seq = at.seq;
    if (!broken && (head.seq !== seq || (seq > 0 && head.hash !== at.hash))) {
      broken = { chain: head.chain, seq: seq + 1, eventId: '', reason: head.seq > seq ? `the chain head says ${head.seq} events but only ${seq} are present (events were deleted)` : 'the chain head does not match its last event' };
    }
    reports.push({ chain: head.chain, events: seq, ok: !broken, break: broken });
  }
  // a partnership whose whole chain was deleted, head and all, is a break too
  for (const id of await audit.partnershipsWithoutChain(db, options.partnershipId)) {
    reports.push({ chain: id, events: 0, ok: false, break: { chain: id, seq: 1, eventId: '', reason: 'the partnership exists but its audit chain is gone (its events and its head were deleted)' } });
  }
  if (options.partnershipId && reports.length === 0 && !(await findPartnership(db, options.partnershipId))) throw notFound(msg('partnerships.the_partnership'));
  return reports;
}
