import { describe, expect, it } from 'vitest';
import { uuidv7 } from './runtime';

describe('uuidv7', () => {
  it('writes version 7 and the RFC 9562 variant, with the millisecond time in the first 48 bits', () => {
    const at = Date.UTC(2026, 10, 29, 12, 0, 0, 123);
    const id = uuidv7(at);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at);
  });

  it('gives distinct ids across many blocks of pooled random bytes, in creation order by time', () => {
    const ids = Array.from({ length: 5_000 }, (_, i) => uuidv7(1_700_000_000_000 + i));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    // the random part differs between consecutive ids, also where one block of random bytes ends and the next begins
    const tails = ids.map((id) => id.slice(15));
    expect(new Set(tails).size).toBe(tails.length);
  });
});
