import { z } from 'zod';
import { Id, Instant, PageQuery } from './common';
import { LOCALES } from './locales';

export const Email = z.email('Enter a valid e-mail address').max(254).transform((e) => e.toLowerCase());
export const Password = z.string().min(10, 'Use at least 10 characters').max(200, 'Use at most 200 characters');

export const SignInBody = z.object({ email: Email, password: z.string().min(1, 'Enter your password').max(200) });
export const UserSummary = z.object({ id: Id, email: z.string(), name: z.string(), isAdmin: z.boolean(), locale: z.enum(LOCALES) });
export type UserSummary = z.infer<typeof UserSummary>;
/** Accounts (platform admins): by e-mail address, optionally those whose name or e-mail contains `q`. */
export const UserQuery = PageQuery.extend({ q: z.string().trim().max(200).optional().describe('Part of a name or an e-mail address') });
export const SessionResponse = z.object({ user: UserSummary.nullable(), csrfToken: z.string().nullable() });

export const PasswordResetRequestBody = z.object({ email: Email });
export const PasswordResetConfirmBody = z.object({ token: z.string().min(20).max(200), password: Password });

export const CreateUserBody = z.object({
  email: Email,
  name: z.string().trim().min(1, 'Enter a name').max(200),
  password: Password.optional().describe('Leave it out to send an invitation instead: the account gets no password, and an e-mail (in the account’s language) carries a one-time link to choose one, valid for 7 days unless the platform sets ACCORD_INVITATION_DAYS (see `invitationExpiresAt` in the answer)'),
  isAdmin: z.boolean().default(false).describe('A platform admin manages accounts and reads the platform audit log'),
  locale: z.enum(LOCALES).default('en').describe('The language of the app and of e-mails for this account'),
});
/** An account as platform admins see it in the list of accounts. */
export const AccountSummary = UserSummary.extend({
  createdAt: Instant,
  invitationPending: z.boolean().describe('True while the account has no password yet: it was invited and has not used its link (or a reset link) to choose one'),
});
export type AccountSummary = z.infer<typeof AccountSummary>;
/** The answer to creating an account. */
export const CreatedAccount = AccountSummary.extend({
  invitationExpiresAt: Instant.nullable().describe('Until when the invitation’s link works; null when a password was given'),
  invitationInLog: z.boolean().describe('True when no mail server is set (ACCORD_SMTP_URL): the invitation e-mail, its link included, was written to the server’s log and nobody received it, so the admin must pass the link on; `invited` is true then too'),
  invited: z
    .boolean()
    .describe('True when the invitation e-mail was handed to the mail server (or, without SMTP, written to the log); false when a password was given, or when the e-mail could not be sent: the account exists, and the person can ask for a link from the sign-in page ("Forgot your password?")'),
});
export type CreatedAccount = z.infer<typeof CreatedAccount>;
/** A platform admin's change to someone's account: only the fields given change. */
export const UpdateUserBody = z
  .object({
    isAdmin: z.boolean().optional().describe('Grant (true) or revoke (false) platform admin; the last platform admin cannot be revoked (409)'),
    name: z.string().trim().min(1, 'Enter a name').max(200).optional(),
    locale: z.enum(LOCALES).optional(),
  })
  .strict();
export const UpdateMeBody = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  locale: z.enum(LOCALES).optional(),
});

export const ApiToken = z.object({ id: Id, name: z.string(), prefix: z.string(), createdAt: Instant, lastUsedAt: Instant.nullable() });
export const CreateApiTokenBody = z.object({ name: z.string().trim().min(1, 'Name the token').max(100) });
/** Returned once, at creation: the secret is never shown again. */
export const CreatedApiToken = ApiToken.extend({ token: z.string() });
