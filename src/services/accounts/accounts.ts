import type { Deps } from '../context';
import { inTransaction } from '../context';
import { DomainError, issue, notFound, forbidden } from '../../domain/kernel/errors';
import { msg } from '../../domain/kernel/messages';
import { can, type Actor } from '../../domain/access/can';
import * as users from '../../store/repositories/users.repository';
import { hashPassword, verifyPassword, sha256, hasPassword, NO_PASSWORD } from './passwords';
import { invitationMail } from './invitation-mail';
import { randomToken } from '../runtime';
import { decodeCursor, encodeCursor } from '../../store/pagination';
import type { UserRecord } from '../../store/repositories/users.repository';

/** How long a password reset link works. */
export const RESET_LINK_HOURS = 1;

export interface UserView { id: string; email: string; name: string; isAdmin: boolean; locale: 'en' | 'fr' | 'es' }
export const presentUser = (u: UserRecord): UserView => ({ id: u.id, email: u.email, name: u.name, isAdmin: u.isAdmin, locale: (['en', 'fr', 'es'].includes(u.locale) ? u.locale : 'en') as UserView['locale'] });
/** An account as platform admins list it: when it was made, and whether it still waits for its person to choose a password. */
export interface AccountView extends UserView { createdAt: string; invitationPending: boolean }
export const presentAccount = (u: UserRecord): AccountView => ({ ...presentUser(u), createdAt: u.createdAt, invitationPending: !hasPassword(u.passwordHash) });

const publicUser = (u: UserRecord) => ({ id: u.id, email: u.email, name: u.name, isAdmin: u.isAdmin, locale: u.locale });
const hoursFrom = (at: string, hours: number) => new Date(Date.parse(at) + hours * 3_600_000).toISOString();
/**
 * The password page's address with a one-time token in its fragment (never sent to a server nor written to its
 * logs); an invitation says so, and the page welcomes the person instead of speaking of a new password.
 */
const passwordLink = (deps: Deps, token: string, invitation = false) =>
  `${deps.config.publicUrl.replace(/\/$/, '')}/reset-password#token=${token}${invitation ? '&invitation=1' : ''}`;

/**
 * Creates an account (CLI, admin API, demo). A precomputed hash may be passed to skip hashing. Without a password
 * (nor a hash) the account is invited: it stores no usable password, and an e-mail in its language carries a
 * one-time link to choose one, valid for `config.invitationDays` (ACCORD_INVITATION_DAYS, 7 by default: longer than a
 * reset link's hour, since the person did not ask for it). `invited` says whether that e-mail went out: a mail server's
 * refusal does not undo the account (the person can still ask for a reset link), it is logged and answered;
 * `invitationExpiresAt` says until when the link works (null when a password was given), and `invitationInLog` that no
 * mail server is set: the e-mail, link included, went to the log and the admin must pass the link on.
 */
export async function createUser(
  deps: Deps,
  actorId: string | null,
  input: { email: string; name: string; password?: string; passwordHash?: string; isAdmin?: boolean; locale?: string },
): Promise<AccountView & { invited: boolean; invitationExpiresAt: string | null; invitationInLog: boolean }> {
  const email = input.email.trim().toLowerCase();
  const invite = input.password === undefined && input.passwordHash === undefined;
  const passwordHash = invite ? NO_PASSWORD : (input.passwordHash ?? (await hashPassword(input.password!)));
  const token = invite ? randomToken(32) : null;
  const created = await inTransaction(deps, async (u) => {
    if (await users.findUserByEmail(u.trx, email)) {
      throw new DomainError('duplicate', msg('accounts.email_taken', { email }), [issue('email', msg('accounts.email_registered'))]);
    }
    const user: UserRecord = { id: deps.newId(), email, name: input.name.trim(), passwordHash, isAdmin: !!input.isAdmin, locale: input.locale ?? 'en', createdAt: u.now, updatedAt: u.now };
    await users.insertUser(u.trx, user);
    let invitation: { expiresAt: string; inviter: string | null } | null = null;
    if (token) {
      invitation = { expiresAt: hoursFrom(u.now, deps.config.invitationDays * 24), inviter: actorId ? ((await users.findUserById(u.trx, actorId))?.name ?? null) : null };
      await users.insertPasswordReset(u.trx, { id: deps.newId(), user_id: user.id, token_hash: sha256(token), created_at: u.now, expires_at: invitation.expiresAt, used_at: null });
    }
    // "password" is redacted in the log whatever its value; invitationExpiresAt says the account was invited
    const after = invitation ? { ...publicUser(user), password: 'invited', invitationExpiresAt: invitation.expiresAt } : { ...publicUser(user), password: 'set' };
    await u.audit({ partnershipId: null, actorId: actorId ?? user.id, action: 'user.created', entityType: 'user', entityId: user.id, after });
    return { user, invitation };
  });
  let invited = false;
  if (token && created.invitation) {
    const mail = invitationMail({ to: created.user, inviter: created.invitation.inviter, publicUrl: deps.config.publicUrl, link: passwordLink(deps, token, true), days: deps.config.invitationDays });
    try {
      await deps.mailer.send(mail);
      invited = true;
    } catch (err) {
      deps.log.error({ err, userId: created.user.id }, 'invitation e-mail failed: the account exists, its person can ask for a reset link');
    }
  }
  return { ...presentAccount(created.user), invited, invitationExpiresAt: created.invitation?.expiresAt ?? null, invitationInLog: invited && deps.mailer.logsOnly === true };
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
  // (and when the account was invited and has no password yet)
  const ok = user && hasPassword(user.passwordHash) ? await verifyPassword(user.passwordHash, input.password) : (await verifyPassword(DUMMY_HASH, input.password), false);
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
 * Starts a password reset: e-mails a one-time link valid for RESET_LINK_HOURS. Always succeeds from the
 * caller's point of view, so the answer never tells whether an account exists. An invited account whose link
 * expired gets its password this way too.
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
    await users.insertPasswordReset(u.trx, { id: deps.newId(), user_id: user.id, token_hash: sha256(token), created_at: now, expires_at: hoursFrom(now, RESET_LINK_HOURS), used_at: null });
    await u.audit({ partnershipId: null, actorId: user.id, action: 'user.password_reset_requested', entityType: 'user', entityId: user.id, after: { requestedAt: now } });
  });
  const link = passwordLink(deps, token);
  await deps.mailer.send({
    to: user.email,
    subject: 'Reset your Accord password',
    text: `Hello ${user.name},\n\nSomeone asked to reset the password of your Accord account. If it was you, open this link within an hour:\n\n${link}\n\nIf it was not you, ignore this e-mail: your password stays as it is.\n`,
  });
}

/**
 * Completes a reset or an invitation: the link works once, within its time; every session of the user ends. The
 * event of an invited account's first password says its invitation was accepted.
 */
export async function confirmPasswordReset(deps: Deps, token: string, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await inTransaction(deps, async (u) => {
    const r = await users.findPasswordReset(u.trx, sha256(token));
    if (!r || r.used_at || r.expires_at <= u.now) {
      throw new DomainError('validation_failed', msg('accounts.reset_link_invalid'), [issue('token', msg('accounts.reset_link_invalid_short'))]);
    }
    if ((await users.markPasswordResetUsed(u.trx, r.id, u.now)) !== 1) throw new DomainError('conflict', msg('accounts.reset_link_used'));
    const invited = !hasPassword((await users.findUserById(u.trx, r.user_id))?.passwordHash ?? '');
    await users.updateUser(u.trx, r.user_id, { passwordHash }, u.now);
    await users.deleteUserSessions(u.trx, r.user_id);
    await u.audit({ partnershipId: null, actorId: r.user_id, action: 'user.password_changed', entityType: 'user', entityId: r.user_id, before: { password: 'old', ...(invited ? { invitation: 'pending' } : {}) }, after: { password: 'new', ...(invited ? { invitation: 'accepted' } : {}) } });
  });
}

export async function listAllUsers(deps: Deps, actor: Actor, cursor: string | undefined, limit: number, q?: string) {
  if (!can(actor, 'platform.admin', { type: 'platform' })) throw forbidden();
  const after = cursor ? String(decodeCursor(cursor)[0]) : null;
  const rows = await users.listUsers(deps.database.db, after, limit, q || undefined);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { items: page.map(presentAccount), nextCursor: rows.length > limit && last ? encodeCursor(last.email, last.id) : null };
}

/**
 * A platform admin changes someone's account: platform admin granted or revoked, name, language. Each change of
 * platform admin is its own event (`user.admin_granted`, `user.admin_revoked`) with the account before and after;
 * a change of name or language is `user.updated`. The last platform admin cannot be revoked (409, field isAdmin).
 * A revocation counts at the caller's next request: sessions read the account on every request, and the event drops
 * every cached API token on this node at once and on the others when it arrives (ADR 0008).
 */
export async function updateAccount(deps: Deps, actor: Actor, id: string, patch: { isAdmin?: boolean; name?: string; locale?: string }): Promise<AccountView> {
  if (!can(actor, 'platform.admin', { type: 'platform' })) throw forbidden(msg('accounts.only_admins_change_accounts'));
  const actorId = actor.kind === 'user' ? actor.id : null;
  return inTransaction(deps, async (u) => {
    // revoking: the admins are locked before anything is read, so a concurrent revocation is seen (PostgreSQL)
    const admins = patch.isAdmin === false ? await users.lockPlatformAdmins(u.trx, deps.database.dialect) : null;
    const before = await users.findUserById(u.trx, id);
    if (!before) throw notFound(msg('accounts.the_account'));
    if (admins && before.isAdmin && admins.length <= 1) {
      throw new DomainError('conflict', msg('accounts.last_admin', { name: before.name }), [issue('isAdmin', msg('accounts.last_admin_short'), 'last_admin')]);
    }
    const profile = { ...(patch.name !== undefined && patch.name !== before.name ? { name: patch.name } : {}), ...(patch.locale !== undefined && patch.locale !== before.locale ? { locale: patch.locale } : {}) };
    const adminChanges = patch.isAdmin !== undefined && patch.isAdmin !== before.isAdmin;
    if (!adminChanges && Object.keys(profile).length === 0) return presentAccount(before);
    let current = before;
    if (Object.keys(profile).length > 0) {
      await users.updateUser(u.trx, id, profile, u.now);
      const after = (await users.findUserById(u.trx, id))!;
      await u.audit({ partnershipId: null, actorId, action: 'user.updated', entityType: 'user', entityId: id, before: publicUser(current), after: publicUser(after) });
      current = after;
    }
    if (adminChanges) {
      await users.updateUser(u.trx, id, { isAdmin: patch.isAdmin }, u.now);
      const after = (await users.findUserById(u.trx, id))!;
      await u.audit({ partnershipId: null, actorId, action: patch.isAdmin ? 'user.admin_granted' : 'user.admin_revoked', entityType: 'user', entityId: id, before: publicUser(current), after: publicUser(after) });
      current = after;
    }
    return presentAccount(current);
  });
}
