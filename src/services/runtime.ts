import { randomBytes, randomFillSync } from 'node:crypto';

// random bits of ids are drawn in blocks: one getrandom call per 256 ids instead of one per id (ids are not secrets)
const POOL = Buffer.alloc(16 * 256);
let poolOffset = POOL.length;

/** UUIDv7: 48-bit millisecond timestamp, then random bits; sorts by creation time. */
export function uuidv7(now: number = Date.now()): string {
  if (poolOffset === POOL.length) {
    randomFillSync(POOL);
    poolOffset = 0;
  }
  const b = Buffer.allocUnsafe(16);
  POOL.copy(b, 0, poolOffset, poolOffset + 16);
  poolOffset += 16;
  b[0] = Math.floor(now / 2 ** 40) & 0xff;
  b[1] = Math.floor(now / 2 ** 32) & 0xff;
  b[2] = (now >>> 24) & 0xff;
  b[3] = (now >>> 16) & 0xff;
  b[4] = (now >>> 8) & 0xff;
  b[5] = now & 0xff;
  b[6] = (b[6] & 0x0f) | 0x70;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The real clock, ISO-8601 UTC. */
export const systemClock = (): string => new Date().toISOString();

/** A URL-safe random secret. */
export const randomToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');
