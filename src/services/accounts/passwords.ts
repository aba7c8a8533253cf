import { hash, verify } from '@node-rs/argon2';
import { createHash } from 'node:crypto';

/** argon2id with OWASP's minimum parameters (19 MiB, 2 passes). */
const OPTIONS = { algorithm: 2 as const, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS as Parameters<typeof hash>[1]);
export const verifyPassword = (stored: string, password: string): Promise<boolean> => verify(stored, password).catch(() => false);

/** SHA-256 of a random token: sessions, API tokens and reset links are stored only as this. */
export const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');
