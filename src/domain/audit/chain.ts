import { createHash } from 'node:crypto';

/** The chain of records outside any partnership. */
export const PLATFORM_CHAIN = 'platform';
/** The hash that precedes the first event of every chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** One audited change, as hashed. `diff` maps a field to [before, after]. */
export interface AuditEventBody {
  id: string;
  chain: string;
  seq: number;
  partnershipId: string | null;
  actorId: string | null;
  at: string;
  action: string;
  entityType: string;
  entityId: string;
  diff: Record<string, [unknown, unknown]>;
}

export interface AuditEvent extends AuditEventBody {
  prevHash: string;
  hash: string;
}

/** JSON with object keys sorted at every depth, so the same value always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (value === undefined) return 'null';
    if (typeof value === 'bigint') return JSON.stringify(value.toString());
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** SHA-256 over the previous hash and the canonical event body. */
export function hashEvent(prevHash: string, body: AuditEventBody): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(body)).digest('hex');
}

const SECRET_KEY = /(password|secret|token|hash|csrf)/i;
export const REDACTED = '[redacted]';

/** Replaces values whose key names a secret, at any depth. */
export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, SECRET_KEY.test(k) ? REDACTED : redact(v)]),
    );
  }
  return value;
}

/**
 * The before/after diff of two records: only fields whose value changed, secrets redacted.
 * `before` null means created; `after` null means deleted.
 */
export function diffRecords(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): Record<string, [unknown, unknown]> {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const out: Record<string, [unknown, unknown]> = {};
  for (const k of [...keys].sort()) {
    const b = before?.[k] ?? null;
    const a = after?.[k] ?? null;
    if (canonicalJson(b) === canonicalJson(a)) continue;
    out[k] = SECRET_KEY.test(k) ? [b === null ? null : REDACTED, a === null ? null : REDACTED] : [redact(b), redact(a)];
  }
  return out;
}

/** The next event on a chain whose head is `head` (null for an empty chain). */
export function chainEvent(head: { seq: number; hash: string } | null, body: Omit<AuditEventBody, 'seq'>): AuditEvent {
  const seq = head ? head.seq + 1 : 1;
  const prevHash = head ? head.hash : GENESIS_HASH;
  const full: AuditEventBody = { ...body, seq };
  return { ...full, prevHash, hash: hashEvent(prevHash, full) };
}

export interface ChainBreak {
  chain: string;
  seq: number;
  eventId: string;
  reason: string;
}

/**
 * Verifies events of one chain given in seq order; returns the first broken link or null.
 * Detects altered bodies (hash mismatch), removed or reordered events (seq gap, prev-hash mismatch).
 */
export function verifyChain(events: readonly AuditEvent[]): ChainBreak | null {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  for (const e of events) {
    const { prevHash, hash, ...body } = e;
    if (e.seq !== expectedSeq) return { chain: e.chain, seq: e.seq, eventId: e.id, reason: `expected event ${expectedSeq}, found ${e.seq} (an event is missing)` };
    if (prevHash !== prev) return { chain: e.chain, seq: e.seq, eventId: e.id, reason: 'its previous-hash does not match the event before it' };
    if (hashEvent(prevHash, body) !== hash) return { chain: e.chain, seq: e.seq, eventId: e.id, reason: 'its content does not match its hash (the event was altered)' };
    prev = hash;
    expectedSeq++;
  }
  return null;
}
