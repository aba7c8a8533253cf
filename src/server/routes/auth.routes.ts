import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../services/context';
import { Ok } from '../../contracts/common';
import { AccountSummary, CreateApiTokenBody, CreatedAccount, CreatedApiToken, ApiToken, CreateUserBody, PasswordResetConfirmBody, PasswordResetRequestBody, SessionResponse, SignInBody, UpdateMeBody, UpdateUserBody, UserQuery, UserSummary } from '../../contracts/accounts';
import { HomeResponse } from '../../contracts/me';
import { z } from 'zod';
import * as accounts from '../../services/accounts/accounts';
import { home } from '../../services/accounts/home';
import { clearSessionCookie, requireUser, setSessionCookie } from '../plugins/auth';
import { IdParam, responses } from './shared';
import { page } from '../../contracts/common';
import { forbidden } from '../../domain/kernel/errors';
import { msg } from '../../domain/kernel/messages';
import { can } from '../../domain/access/can';

export async function authRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['accounts'];

  r.post('/api/v1/auth/sign-in', { schema: { tags, summary: 'Sign in with e-mail and password (sets the session cookie)', body: SignInBody, response: responses(200, SessionResponse) } }, async (req, reply) => {
    const result = await accounts.signIn(deps, { email: req.body.email, password: req.body.password, ip: req.ip });
    setSessionCookie(reply, deps, result.sessionToken, result.expiresAt);
    return { user: result.user, csrfToken: result.csrfToken };
  });
  r.post('/api/v1/auth/sign-out', { schema: { tags, summary: 'Sign out (ends the session)', response: responses(200, Ok) } }, async (req, reply) => {
    if (req.auth.method === 'session') await accounts.signOut(deps, req.auth.token);
    clearSessionCookie(reply, deps);
    return { ok: true as const };
  });
  r.get('/api/v1/auth/session', { schema: { tags, summary: 'The current user and CSRF token, or null', response: responses(200, SessionResponse) } }, async (req) => ({
    user: req.user ? accounts.presentUser(req.user) : null,
    csrfToken: req.auth.method === 'session' ? req.auth.csrfToken : null,
  }));
  r.post('/api/v1/auth/password-reset', { schema: { tags, summary: 'E-mail a one-time password reset link', body: PasswordResetRequestBody, response: responses(202, Ok) } }, async (req, reply) => {
    // answered at once; the look-up and the e-mail happen afterwards, so neither the answer nor its
    // timing tells whether an account exists
    const email = req.body.email;
    app.runAfterResponse(() => accounts.requestPasswordReset(deps, email).catch((err) => req.log.error({ err }, 'password reset e-mail failed')));
    return reply.code(202).send({ ok: true as const });
  });
  r.post('/api/v1/auth/password-reset/confirm', { schema: { tags, summary: 'Set a new password with a reset link token', body: PasswordResetConfirmBody, response: responses(200, Ok) } }, async (req) => {
    await accounts.confirmPasswordReset(deps, req.body.token, req.body.password);
    return { ok: true as const };
  });

  r.get('/api/v1/me/home', { schema: { tags, summary: 'My partnerships, organisations and what needs my attention', response: responses(200, HomeResponse) } }, async (req) => {
    requireUser(req);
    return home(deps, req.actor);
  });
  r.patch('/api/v1/me', { schema: { tags, summary: 'Change my name or language', body: UpdateMeBody, response: responses(200, UserSummary) } }, async (req) => {
    const actor = requireUser(req);
    return accounts.updateMe(deps, actor.id, req.body);
  });
  r.get('/api/v1/me/tokens', { schema: { tags, summary: 'My personal API tokens', response: responses(200, z.object({ items: z.array(ApiToken) })) } }, async (req) => {
    const actor = requireUser(req);
    return { items: await accounts.listTokens(deps, actor.id) };
  });
  // the answer holds the token itself, which is never stored: Idempotency-Key does not apply here
  r.post('/api/v1/me/tokens', { config: { idempotency: false }, schema: { tags, summary: 'Create a personal API token (shown once; Idempotency-Key is ignored because the answer is never stored)', body: CreateApiTokenBody, response: responses(201, CreatedApiToken) } }, async (req, reply) => {
    const actor = requireUser(req);
    return reply.code(201).send(await accounts.createToken(deps, actor, req.body.name));
  });
  r.delete('/api/v1/me/tokens/:id', { schema: { tags, summary: 'Revoke a personal API token', params: z.object({ id: z.uuid() }), response: responses(200, Ok) } }, async (req) => {
    const actor = requireUser(req);
    await accounts.revokeToken(deps, actor, req.params.id);
    return { ok: true as const };
  });

  r.get('/api/v1/users', { schema: { tags, summary: 'All accounts by e-mail address, or those whose name or e-mail contains q (platform admins)', querystring: UserQuery, response: responses(200, page(AccountSummary)) } }, async (req) => {
    requireUser(req);
    return accounts.listAllUsers(deps, req.actor, req.query.cursor, req.query.limit, req.query.q);
  });
  r.post('/api/v1/users', { schema: { tags, summary: 'Create an account with a password, or without one to send an invitation e-mail (platform admins)', body: CreateUserBody, response: responses(201, CreatedAccount) } }, async (req, reply) => {
    const actor = requireUser(req);
    if (!can(actor, 'platform.admin', { type: 'platform' })) throw forbidden(msg('accounts.only_admins_create_accounts'));
    return reply.code(201).send(await accounts.createUser(deps, actor.id, req.body));
  });
  r.patch('/api/v1/users/:id', { schema: { tags, summary: 'Grant or revoke platform admin, or change the name or language of an account (platform admins; the last platform admin stays one)', description: 'Each kind of change is its own event in the platform audit log: `user.admin_granted` or `user.admin_revoked`, and `user.updated` for the name and language. A request that does both writes both events, in one transaction.', params: IdParam, body: UpdateUserBody, response: responses(200, AccountSummary) } }, async (req) => {
    requireUser(req);
    return accounts.updateAccount(deps, req.actor, req.params.id, req.body);
  });
}
