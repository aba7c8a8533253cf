import { hash, verify } from '@node-rs/argon2';
import { createHash } from 'node:crypto';

/** argon2id with OWASP's minimum parameters (19 MiB, 2 passes). */
const OPTIONS = { algorithm: 2 as const, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS as Parameters<typeof hash>[1]);
export const verifyPassword = (stored: string, password: string): Promise<boolean> => verify(stored, password).catch(() => false);

/**
 * What an invited account stores until its person chooses a password: no argon2 hash, so no password matches it.
 * (Sign-in still spends the time of a real check on such an account; see `signIn`.)
 */
export const NO_PASSWORD = '!invited';
/** Whether a stored hash is a password someone chose (not an invitation still waiting). */
export const hasPassword = (stored: string): boolean => stored !== NO_PASSWORD;

/** SHA-256 of a random token: sessions, API tokens and reset links are stored only as this. */
export const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');
