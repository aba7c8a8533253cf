import type { Deps } from '../context';
import { inTransaction } from '../context';
import { DomainError, issue, notFound, forbidden } from '../../domain/kernel/errors';
import { msg } from '../../domain/kernel/messages';
import { can, type Actor } from '../../domain/access/can';
import * as users from '../../store/repositories/users.repository';
import { hashPassword, verifyPassword, sha256 } from './passwords';
import { randomToken } from '../runtime';
import { decodeCursor, encodeCursor } from '../../store/pagination';
import type { UserRecord } from '../../store/repositories/users.repository';

export interface UserView { id: string; email: string; name: string; isAdmin: boolean; locale: 'en' | 'fr' | 'es' }
export const presentUser = (u: UserRecord): UserView => ({ id: u.id, email: u.email, name: u.name, isAdmin: u.isAdmin, locale: (['en', 'fr', 'es'].includes(u.locale) ? u.locale : 'en') as UserView['locale'] });

const publicUser = (u: UserRecord) => ({ id: u.id, email: u.email, name: u.name, isAdmin: u.isAdmin, locale: u.locale });

/** Creates an account (CLI, admin API, demo). A precomputed hash may be passed to skip hashing. */
export async function createUser(
  deps: Deps,
  actorId: string | null,
  input: { email: string; name: string; password?: string; passwordHash?: string; isAdmin?: boolean; locale?: string },
): Promise<UserView> {
  const email = input.email.trim().toLowerCase();
  const passwordHash = input.passwordHash ?? (await hashPassword(input.password ?? ''));
  return inTransaction(deps, async (u) => {
    if (await users.findUserByEmail(u.trx, email)) {
      throw new DomainError('duplicate', msg('accounts.email_taken', { email }), [issue('email', msg('accounts.email_registered'))]);
    }
    const user: UserRecord = { id: deps.newId(), email, name: input.name.trim(), passwordHash, isAdmin: !!input.isAdmin, locale: input.locale ?? 'en', createdAt: u.now, updatedAt: u.now };
    await users.insertUser(u.trx, user);
    await u.audit({ partnershipId: null, actorId: actorId ?? user.id, action: 'user.created', entityType: 'user', entityId: user.id, after: { ...publicUser(user), password: 'set' } });
    return presentUser(user);
  });
}

export interface SignInResult { user: UserView; sessionToken: string; csrfToken: string; expiresAt: string }

/**
 * Signs in with e-mail and password. Failed attempts are counted in the database per e-mail and
 * per address, so the limit holds across app nodes; past it the answer is 429 whatever the password.
 */
export async function signIn(deps: Deps, input: { email: string; password: string; ip: string }): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  const now = deps.clock();
  const since = new Date(Date.parse(now) - deps.config.signIn.windowMinutes * 60_000).toISOString();
  // the attempt is recorded as failed BEFORE the password is checked, and the count includes it: parallel
  // guesses all see each other, so the limit holds under concurrency and across app nodes
  const attemptId = deps.newId();
  await users.recordSignInAttempt(deps.database.db, { id: attemptId, email, ip: input.ip, succeeded: 0, at: now });
  const failures = await users.countRecentFailures(deps.database.db, email, input.ip, since);
  if (failures.byEmail > deps.config.signIn.maxFailures || failures.byIp > deps.config.signIn.maxFailures * 10) {
    throw new DomainError('rate_limited', msg('accounts.too_many_sign_in_failures', { count: deps.config.signIn.windowMinutes }), [], { retryAfterSeconds: deps.config.signIn.windowMinutes * 60 });
  }
  const user = await users.findUserByEmail(deps.database.db, email);
  // verify against a dummy hash when the user does not exist, so timing does not reveal accounts
  const ok = user ? await verifyPassword(user.passwordHash, input.password) : (await verifyPassword(DUMMY_HASH, input.password), false);
  if (!user || !ok) throw new DomainError('unauthenticated', msg('accounts.wrong_credentials'), [issue('password', msg('accounts.wrong_credentials_short'))], { reason: 'invalid_credentials' });
  await users.markSignInSucceeded(deps.database.db, attemptId);
  const sessionToken = randomToken(32);
  const csrfToken = randomToken(24);
  const expiresAt = new Date(Date.parse(now) + deps.config.sessionTtlHours * 3_600_000).toISOString();
  await users.insertSession(deps.database.db, { id: sha256(sessionToken), user_id: user.id, csrf_token: csrfToken, created_at: now, expires_at: expiresAt, last_seen_at: now });
  return { user: presentUser(user), sessionToken, csrfToken, expiresAt };
}
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0Hh4ytVdGQ0n7GcUxbRrPxDJD1VlOYTeJqDMCYXyx3E';

export async function signOut(deps: Deps, sessionToken: string): Promise<void> {
  await users.deleteSession(deps.database.db, sha256(sessionToken));
}

/** Resolves a session cookie to its user and CSRF token, or null when unknown or expired. */
export async function resolveSession(deps: Deps, sessionToken: string) {
  const now = deps.clock();
  const id = sha256(sessionToken);
  const s = await users.findSessionWithUser(deps.database.db, id, now);
  if (!s) return null;
  // write the last-seen time at most every five minutes, not on every request
  if (Date.parse(now) - Date.parse(s.lastSeenAt) > 300_000) await users.touchSession(deps.database.db, id, now);
  return { user: s.user, csrfToken: s.csrfToken, sessionId: id };
}

/**
 * Resolves a Bearer API token to its user, or null. Found tokens are kept in the node's read cache for about a
 * second (services/read-cache.ts): a revocation or a change of the user drops them at once on this node and
 * when its event arrives on the others.
 */
export async function resolveApiToken(deps: Deps, token: string) {
  const hash = sha256(token);
  let t = deps.cache.getCredential(hash);
  if (!t) {
    const gen = deps.cache.credentialToken();
    const found = await users.findApiTokenWithUser(deps.database.db, hash);
    if (!found) return null;
    deps.cache.setCredential(hash, found, gen);
    t = found;
  }
  const now = deps.clock();
  if (!t.lastUsedAt || Date.parse(now) - Date.parse(t.lastUsedAt) > 300_000) {
    // noted in the cache before the write, so concurrent requests with the same token do not all write it
    deps.cache.touchCredential(hash, now);
    await users.touchApiToken(deps.database.db, t.tokenId, now);
  }
  return { user: t.user, tokenId: t.tokenId };
}

/** Builds the Actor `can` needs for a user. */
export async function actorFor(deps: Deps, user: UserRecord): Promise<Actor> {
  const roles = await users.loadRoles(deps.database.db, user.id);
  return { kind: 'user', id: user.id, isAdmin: user.isAdmin, ...roles };
}

const presentToken = (t: { id: string; name: string; prefix: string; created_at: string; last_used_at: string | null }) => ({
  id: t.id, name: t.name, prefix: t.prefix, createdAt: t.created_at, lastUsedAt: t.last_used_at,
});

export async function listTokens(deps: Deps, userId: string) {
  return (await users.listApiTokens(deps.database.db, userId)).map(presentToken);
}

/** Creates a personal API token; the secret is returned once and stored only as a hash. */
export async function createToken(deps: Deps, actor: Actor, name: string) {
  if (actor.kind !== 'user' || !can(actor, 'account.manage', { type: 'platform' })) throw forbidden();
  const prefix = randomToken(6).replace(/[-_]/g, 'x').slice(0, 8);
  const token = `acc_${prefix}_${randomToken(32)}`;
  return inTransaction(deps, async (u) => {
    const row = { id: deps.newId(), user_id: actor.id, name, prefix, token_hash: sha256(token), created_at: u.now, last_used_at: null, revoked_at: null };
    await users.insertApiToken(u.trx, row);
    await u.audit({ partnershipId: null, actorId: actor.id, action: 'api_token.created', entityType: 'api_token', entityId: row.id, after: { name, prefix, userId: actor.id } });
    return { ...presentToken(row), token };
  });
}

export async function revokeToken(deps: Deps, actor: Actor, tokenId: string): Promise<void> {
  if (actor.kind !== 'user') throw forbidden();
  await inTransaction(deps, async (u) => {
    const t = await users.findApiToken(u.trx, tokenId);
    if (!t || t.revoked_at || (t.user_id !== actor.id && !actor.isAdmin)) throw notFound(msg('accounts.the_token'));
    await users.revokeApiToken(u.trx, tokenId, u.now);
    await u.audit({ partnershipId: null, actorId: actor.id, action: 'api_token.revoked', entityType: 'api_token', entityId: tokenId, before: { revokedAt: null }, after: { revokedAt: u.now } });
  });
}

export async function updateMe(deps: Deps, userId: string, patch: { name?: string; locale?: string }): Promise<UserView> {
  return inTransaction(deps, async (u) => {
    const before = await users.findUserById(u.trx, userId);
    if (!before) throw notFound(msg('accounts.the_account'));
    await users.updateUser(u.trx, userId, patch, u.now);
    const after = (await users.findUserById(u.trx, userId))!;
    await u.audit({ partnershipId: null, actorId: userId, action: 'user.updated', entityType: 'user', entityId: userId, before: publicUser(before), after: publicUser(after) });
    return presentUser(after);
  });
}

/**
 * Starts a password reset: e-mails a one-time link valid for an hour. Always succeeds from the
 * caller's point of view, so the answer never tells whether an account exists.
 */
export async function requestPasswordReset(deps: Deps, email: string): Promise<void> {
  const user = await users.findUserByEmail(deps.database.db, email);
  if (!user) return;
  const now = deps.clock();
  // at most three links an hour per account, so the form cannot be used to flood someone's inbox
  const recent = await users.countPasswordResetsSince(deps.database.db, user.id, new Date(Date.parse(now) - 3_600_000).toISOString());
  if (recent >= 3) {
    deps.log.warn({ userId: user.id }, 'password reset refused: three links were sent in the last hour');
    return;
  }
  const token = randomToken(32);
  await inTransaction(deps, async (u) => {
    await users.insertPasswordReset(u.trx, { id: deps.newId(), user_id: user.id, token_hash: sha256(token), created_at: now, expires_at: new Date(Date.parse(now) + 3_600_000).toISOString(), used_at: null });
    await u.audit({ partnershipId: null, actorId: user.id, action: 'user.password_reset_requested', entityType: 'user', entityId: user.id, after: { requestedAt: now } });
  });
  const link = `${deps.config.publicUrl.replace(/\/$/, '')}/reset-password#token=${token}`;
  await deps.mailer.send({
    to: user.email,
    subject: 'Reset your Accord password',
    text: `Hello ${user.name},\n\nSomeone asked to reset the password of your Accord account. If it was you, open this link within an hour:\n\n${link}\n\nIf it was not you, ignore this e-mail: your password stays as it is.\n`,
  });
}

/** Completes a reset: the link works once, within its hour; every session of the user ends. */
export async function confirmPasswordReset(deps: Deps, token: string, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await inTransaction(deps, async (u) => {
    const r = await users.findPasswordReset(u.trx, sha256(token));
    if (!r || r.used_at || r.expires_at <= u.now) {
      throw new DomainError('validation_failed', msg('accounts.reset_link_invalid'), [issue('token', msg('accounts.reset_link_invalid_short'))]);
    }
    if ((await users.markPasswordResetUsed(u.trx, r.id, u.now)) !== 1) throw new DomainError('conflict', msg('accounts.reset_link_used'));
    await users.updateUser(u.trx, r.user_id, { passwordHash }, u.now);
    await users.deleteUserSessions(u.trx, r.user_id);
    await u.audit({ partnershipId: null, actorId: r.user_id, action: 'user.password_changed', entityType: 'user', entityId: r.user_id, before: { password: 'old' }, after: { password: 'new' } });
  });
}

export async function listAllUsers(deps: Deps, actor: Actor, cursor: string | undefined, limit: number, q?: string) {
  if (!can(actor, 'platform.admin', { type: 'platform' })) throw forbidden();
  const after = cursor ? String(decodeCursor(cursor)[0]) : null;
  const rows = await users.listUsers(deps.database.db, after, limit, q || undefined);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { items: page.map(presentUser), nextCursor: rows.length > limit && last ? encodeCursor(last.email, last.id) : null };
}
