import { timingSafeEqual } from 'node:crypto';
import { msg } from '../../domain/kernel/messages';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../services/context';
import { ANONYMOUS, type Actor } from '../../domain/access/can';
import { DomainError } from '../../domain/kernel/errors';
import { resolveApiToken, resolveSession } from '../../services/accounts/accounts';
import { requestActor } from '../../services/access';
import type { UserRecord } from '../../store/repositories/users.repository';

export const SESSION_COOKIE = 'accord_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    user: UserRecord | null;
    auth: { method: 'anonymous' } | { method: 'session'; csrfToken: string; token: string } | { method: 'token'; token: string };
  }
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Constant-time comparison of two secrets. */
function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The caller of a request, resolved again (live event streams re-check that access still holds). */
export async function reauthenticate(deps: Deps, auth: FastifyRequest['auth']): Promise<Actor | null> {
  if (auth.method === 'anonymous') return ANONYMOUS;
  const resolved = auth.method === 'token' ? await resolveApiToken(deps, auth.token) : await resolveSession(deps, auth.token);
  return resolved ? requestActor(resolved.user) : null;
}

/**
 * Who is calling: a Bearer API token, else the session cookie, else anonymous. Mutations made
 * with the cookie must echo the session's CSRF token in `x-csrf-token`.
 */
export function registerAuth(app: FastifyInstance, deps: Deps) {
  // decorated with null (V8 keeps one object shape); every request gets its values in onRequest
  const decorate = app.decorateRequest.bind(app) as (name: string, value: null) => void;
  decorate('actor', null);
  decorate('user', null);
  decorate('auth', null);
  app.addHook('onRequest', async (req) => {
    req.actor = ANONYMOUS;
    req.user = null;
    req.auth = { method: 'anonymous' };
    if (!req.url.startsWith('/api/')) return;
    const header = req.headers.authorization;
    if (header) {
      const m = /^Bearer\s+(\S+)$/i.exec(header);
      const resolved = m ? await resolveApiToken(deps, m[1]) : null;
      if (!resolved) throw new DomainError('unauthenticated', msg('auth.token_invalid'));
      req.user = resolved.user;
      req.actor = requestActor(resolved.user);
      req.auth = { method: 'token', token: m![1] };
      return;
    }
    const token = req.cookies?.[SESSION_COOKIE];
    if (token) {
      const s = await resolveSession(deps, token);
      if (s) {
        req.user = s.user;
        req.actor = requestActor(s.user);
        req.auth = { method: 'session', csrfToken: s.csrfToken, token };
      }
    }
  });
  app.addHook('preValidation', async (req) => {
    if (SAFE.has(req.method) || req.auth.method !== 'session') return;
    const sent = req.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !sameSecret(sent, req.auth.csrfToken)) {
      throw new DomainError('csrf_failed', msg('auth.csrf_failed'));
    }
  });
}

/** Refuses anonymous callers with 401 before anything else happens. */
export function requireUser(req: FastifyRequest): Extract<Actor, { kind: 'user' }> {
  if (req.actor.kind !== 'user') throw new DomainError('unauthenticated', msg('auth.sign_in_or_token'));
  return req.actor;
}

export function setSessionCookie(reply: FastifyReply, deps: Deps, token: string, expiresAt: string) {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: deps.config.secureCookies, expires: new Date(expiresAt) });
}
export function clearSessionCookie(reply: FastifyReply, deps: Deps) {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: deps.config.secureCookies });
}
