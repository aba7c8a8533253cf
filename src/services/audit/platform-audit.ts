import type { Deps } from '../context';
import { DomainError, forbidden, issue } from '../../domain/kernel/errors';
import { msg } from '../../domain/kernel/messages';
import { can, type Actor } from '../../domain/access/can';
import { PLATFORM_CHAIN } from '../../domain/audit/chain';
import * as audit from '../../store/repositories/audit.repository';
import { decodeCursor, encodeCursor } from '../../store/pagination';

/**
 * A page of the platform chain (changes outside any partnership: accounts, API tokens, organisations and their
 * people), newest first, for platform admins.
 */
export async function platformAudit(deps: Deps, actor: Actor, cursor: string | undefined, limit: number) {
  if (actor.kind !== 'user') throw new DomainError('unauthenticated', msg('auth.sign_in_or_token'));
  if (!can(actor, 'platform.admin', { type: 'platform' })) throw forbidden(msg('audit.platform_admins_only'));
  const before = cursor ? Number(decodeCursor(cursor)[0]) : null;
  if (before !== null && !(Number.isInteger(before) && before >= 1 && before <= 2_147_483_647)) throw new DomainError('bad_request', msg('cursor.invalid'), [issue('cursor', msg('cursor.invalid_short'))]);
  const rows = await audit.partnershipAuditPage(deps.database.db, PLATFORM_CHAIN, before, limit);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((e) => ({ id: e.id, seq: e.seq, at: e.at, actorId: e.actorId, actorName: e.actorName, action: e.action, entityType: e.entityType, entityId: e.entityId, diff: e.diff, hash: e.hash, prevHash: e.prevHash })),
    nextCursor: rows.length > limit && last ? encodeCursor(last.seq, last.id) : null,
  };
}
