import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { canonicalJson, chainEvent, diffRecords, GENESIS_HASH, hashEvent, redact, REDACTED, verifyChain, type AuditEvent, type AuditEventBody } from './chain';

const AT = '2025-03-01T09:00:00.000Z';
const body = (n: number): Omit<AuditEventBody, 'seq'> => ({
  id: `0195${String(n).padStart(4, '0')}-0000-7000-8000-000000000000`,
  chain: 'p1',
  partnershipId: 'p1',
  actorId: 'u1',
  at: AT,
  action: `goal.added`,
  entityType: 'goal',
  entityId: `g${n}`,
  diff: { title: [null, `Goal ${n}`] },
});
function buildChain(n: number): AuditEvent[] {
  const out: AuditEvent[] = [];
  for (let i = 1; i <= n; i++) out.push(chainEvent(out.length ? out[out.length - 1] : null, body(i)));
  return out;
}

describe('canonicalJson', () => {
  it('is independent of key order at every depth', () => {
    const a = { b: 1, a: { y: [1, { q: 1, p: 2 }], x: 'x' }, c: null };
    const b = { c: null, a: { x: 'x', y: [1, { p: 2, q: 1 }] }, b: 1 };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe('{"a":{"x":"x","y":[1,{"p":2,"q":1}]},"b":1,"c":null}');
  });
  it('keeps array order significant', () => {
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
  });
  it('drops undefined properties, so an absent key and an undefined one hash the same', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe(canonicalJson({ a: 1 }));
  });
  it('writes bigints as strings rather than failing', () => {
    expect(canonicalJson({ n: 12345678901234567890n })).toBe('{"n":"12345678901234567890"}');
  });
  it('is the same as JSON for scalars', () => {
    for (const v of ['x', 1.5, true, null]) expect(canonicalJson(v)).toBe(JSON.stringify(v));
  });

  // Stored hashes were computed with this straightforward definition; the faster one must write the same text
  // for every value, or existing chains would no longer verify.
  const reference = (value: unknown): string => {
    if (value === null || typeof value !== 'object') {
      if (value === undefined) return 'null';
      if (typeof value === 'bigint') return JSON.stringify(value.toString());
      return JSON.stringify(value);
    }
    if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`;
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${reference(v)}`).join(',')}}`;
  };
  it('writes exactly the text of its reference definition for any value (keys of any text, undefined, bigints)', () => {
    const leaf = fc.oneof(fc.jsonValue(), fc.bigInt(), fc.constant(undefined), fc.double(), fc.string({ unit: 'binary' }));
    const value = fc.letrec<{ v: unknown }>((tie) => ({
      v: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('v')), fc.dictionary(fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom('1', '10', '2', '__proto__')), tie('v'))),
    })).v;
    fc.assert(
      fc.property(value, (v) => {
        expect(canonicalJson(v)).toBe(reference(v));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('chainEvent', () => {
  it('starts a chain at seq 1 after the genesis hash', () => {
    const e = chainEvent(null, body(1));
    expect(e.seq).toBe(1);
    expect(e.prevHash).toBe(GENESIS_HASH);
    expect(e.hash).toMatch(/^[0-9a-f]{64}$/);
    const { prevHash, hash, ...b } = e;
    expect(hash).toBe(hashEvent(prevHash, b));
  });
  it('links each event to the one before it', () => {
    const [a, b, c] = buildChain(3);
    expect([a.seq, b.seq, c.seq]).toEqual([1, 2, 3]);
    expect(b.prevHash).toBe(a.hash);
    expect(c.prevHash).toBe(b.hash);
    expect(new Set([a.hash, b.hash, c.hash]).size).toBe(3);
  });
  it('gives the same body after a different head a different hash', () => {
    const one = chainEvent(null, body(1));
    const other = chainEvent({ seq: 0, hash: 'f'.repeat(64) }, body(1));
    expect(other.hash).not.toBe(one.hash);
  });
});

describe('verifyChain', () => {
  it('accepts an intact chain and an empty one', () => {
    expect(verifyChain(buildChain(5))).toBeNull();
    expect(verifyChain([])).toBeNull();
  });

  const cases: [string, (c: AuditEvent[]) => AuditEvent[], number][] = [
    ['an altered body', (c) => c.map((e) => (e.seq === 3 ? { ...e, diff: { title: [null, 'Forged'] } } : e)), 3],
    ['an altered actor', (c) => c.map((e) => (e.seq === 2 ? { ...e, actorId: 'u2' } : e)), 2],
    ['a removed event', (c) => c.filter((e) => e.seq !== 3), 4],
    ['a removed first event', (c) => c.slice(1), 2],
    ['a reordered event', (c) => [c[0], c[2], c[1], c[3], c[4]], 3],
    ['a wrong previous hash', (c) => c.map((e) => (e.seq === 4 ? { ...e, prevHash: 'a'.repeat(64) } : e)), 4],
    [
      'an altered event whose own hash was recomputed (the next link breaks)',
      (c) =>
        c.map((e) => {
          if (e.seq !== 2) return e;
          const { prevHash, hash, ...b } = { ...e, action: 'goal.removed' };
          void hash;
          return { ...b, prevHash, hash: hashEvent(prevHash, b) };
        }),
      3,
    ],
  ];
  it.each(cases)('detects %s and names the first broken event', (_name, tamper, seq) => {
    const broken = verifyChain(tamper(buildChain(5)));
    expect(broken).not.toBeNull();
    expect(broken!.seq).toBe(seq);
    expect(broken!.chain).toBe('p1');
    expect(broken!.reason.length).toBeGreaterThan(0);
  });
});

describe('redact', () => {
  it('hides values whose key names a password, token, secret, hash or csrf, at any depth', () => {
    const input = {
      name: 'Ada',
      password: 'hunter22',
      nested: { apiToken: 'acc_x', passwordHash: '$argon2', keep: 'me' },
      list: [{ clientSecret: 's3cret', label: 'l' }],
      CSRF: 'c',
    };
    expect(redact(input)).toEqual({
      name: 'Ada',
      password: REDACTED,
      nested: { apiToken: REDACTED, passwordHash: REDACTED, keep: 'me' },
      list: [{ clientSecret: REDACTED, label: 'l' }],
      CSRF: REDACTED,
    });
  });
  it('leaves scalars and secret-free values unchanged', () => {
    expect(redact('password')).toBe('password');
    expect(redact({ a: [1, 2] })).toEqual({ a: [1, 2] });
  });
});

describe('diffRecords', () => {
  it('keeps only the fields whose value changed', () => {
    expect(diffRecords({ name: 'A', country: 'KE', tags: ['x'] }, { name: 'B', country: 'KE', tags: ['x'] })).toEqual({ name: ['A', 'B'] });
  });
  it('compares nested values by content, not by key order', () => {
    expect(diffRecords({ meta: { a: 1, b: 2 } }, { meta: { b: 2, a: 1 } })).toEqual({});
  });
  it('records a creation as [null, value] and a deletion as [value, null]', () => {
    expect(diffRecords(null, { name: 'A', country: null })).toEqual({ name: [null, 'A'] });
    expect(diffRecords({ name: 'A' }, null)).toEqual({ name: ['A', null] });
  });
  it('never writes a secret value, but still records that it changed', () => {
    const d = diffRecords({ passwordHash: 'old-hash', name: 'A' }, { passwordHash: 'new-hash', name: 'A' });
    expect(d).toEqual({ passwordHash: [REDACTED, REDACTED] });
    expect(JSON.stringify(d)).not.toMatch(/old-hash|new-hash/);
  });
  it('shows a secret that was set or cleared as null on the empty side', () => {
    expect(diffRecords({ token: null }, { token: 'abc' })).toEqual({ token: [null, REDACTED] });
    expect(diffRecords({ secret: 'abc' }, { secret: null })).toEqual({ secret: [REDACTED, null] });
  });
  it('redacts secrets nested inside a changed field', () => {
    const d = diffRecords({ settings: { mode: 'a', token: 't1' } }, { settings: { mode: 'b', token: 't2' } });
    expect(d).toEqual({ settings: [{ mode: 'a', token: REDACTED }, { mode: 'b', token: REDACTED }] });
  });
  it('treats an absent field and a null one alike', () => {
    expect(diffRecords({ a: 1 }, { a: 1, b: null })).toEqual({});
  });
});
