import type { FastifyInstance } from 'fastify';
import { msg } from '../../domain/kernel/messages';
import { createHash } from 'node:crypto';
import type { Deps } from '../../services/context';
import { DomainError, issue } from '../../domain/kernel/errors';
import * as keys from '../../store/repositories/idempotency.repository';

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: { actor: string; key: string } | null;
  }
}

const WRITE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** How long an answer is kept for replay. */
const KEEP_MS = 24 * 3_600_000;
let lastSweep = 0;

/**
 * `Idempotency-Key` on a write (answers are kept for 24 hours): the first request claims the key and its answer is stored; a retry
 * with the same key and body gets the stored answer without applying the write again; a retry while
 * the first is still running gets 409; the same key with another body gets 422.
 */
export function registerIdempotency(app: FastifyInstance, deps: Deps) {
  app.decorateRequest('idempotency', null);
  app.addHook('preHandler', async (req, reply) => {
    req.idempotency = null;
    const key = req.headers['idempotency-key'];
    if (!WRITE.has(req.method) || typeof key !== 'string' || req.actor.kind !== 'user') return;
    // a route whose answer holds a secret (a new API token) is never stored, so it opts out
    if ((req.routeOptions.config as { idempotency?: boolean } | undefined)?.idempotency === false) return;
    if (key.length < 8 || key.length > 200) throw new DomainError('invalid_request', msg('idempotency.key_length'), [issue('Idempotency-Key', msg('idempotency.key_length_short'))]);
    const actor = req.actor.id;
    const requestHash = createHash('sha256').update(`${req.method} ${req.url}\n${JSON.stringify(req.body ?? null)}`).digest('hex');
    const now = deps.clock();
    if (Date.parse(now) - lastSweep > 600_000) {
      lastSweep = Date.parse(now);
      await keys.deleteIdempotencyKeysBefore(deps.database.db, new Date(lastSweep - KEEP_MS).toISOString());
    }
    // a claim left unfinished by a crashed process is given up after two minutes
    await keys.releaseStaleIdempotencyKey(deps.database.db, actor, key, new Date(Date.parse(now) - 120_000).toISOString());
    const claimed = await keys.claimIdempotencyKey(deps.database.db, { key, actor, method: req.method, path: req.url, request_hash: requestHash, created_at: now });
    if (claimed) {
      req.idempotency = { actor, key };
      return;
    }
    const prior = await keys.findIdempotencyKey(deps.database.db, actor, key);
    if (!prior) throw new DomainError('idempotency_in_progress', msg('idempotency.in_progress'));
    if (prior.request_hash !== requestHash) throw new DomainError('idempotency_mismatch', msg('idempotency.mismatch'), [issue('Idempotency-Key', msg('idempotency.mismatch_short'))]);
    if (prior.status === null) throw new DomainError('idempotency_in_progress', msg('idempotency.in_progress_retry'));
    return reply.code(Number(prior.status)).header('idempotent-replayed', 'true').type(Number(prior.status) >= 400 ? 'application/problem+json' : 'application/json; charset=utf-8').send(prior.response);
  });
  app.addHook('onSend', async (req, reply, payload) => {
    const claim = req.idempotency;
    if (!claim) return payload;
    req.idempotency = null;
    if (reply.statusCode >= 500) await keys.releaseIdempotencyKey(deps.database.db, claim.actor, claim.key);
    else await keys.completeIdempotencyKey(deps.database.db, claim.actor, claim.key, reply.statusCode, typeof payload === 'string' ? payload : JSON.stringify(payload ?? null));
    return payload;
  });
}
