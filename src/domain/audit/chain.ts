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
  // written with plain loops: every audited write hashes its event, so this is on the path of every write
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + canonicalJson(value[i]);
    return out + ']';
  }
  const record = value as Record<string, unknown>;
  // the default sort compares UTF-16 code units, as `<` does
  const keys = Object.keys(record).sort();
  let out = '{';
  let first = true;
  for (const k of keys) {
    const v = record[k];
    if (v === undefined) continue;
    out += (first ? '' : ',') + JSON.stringify(k) + ':' + canonicalJson(v);
    first = false;
  }
  return out + '}';
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
    // the same value is unchanged; anything else is compared as canonical JSON
    if (a === b) continue;
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

/** Where verification of a chain has got to: the last verified event (seq 0 and the genesis hash at the start). */
export interface ChainPosition {
  seq: number;
  hash: string;
}
export const CHAIN_START: ChainPosition = { seq: 0, hash: GENESIS_HASH };

/**
 * Verifies the next events of one chain, in seq order, continuing from `from`: returns the first broken
 * link (or null) and the position reached, so a long chain can be checked a page at a time.
 * Detects altered bodies (hash mismatch), removed or reordered events (seq gap, prev-hash mismatch).
 */
export function verifyChainSegment(events: readonly AuditEvent[], from: ChainPosition = CHAIN_START): { broken: ChainBreak | null; at: ChainPosition } {
  let at = from;
  for (const e of events) {
    const { prevHash, hash, ...body } = e;
    const fail = (reason: string) => ({ broken: { chain: e.chain, seq: e.seq, eventId: e.id, reason }, at });
    if (e.seq !== at.seq + 1) return fail(`expected event ${at.seq + 1}, found ${e.seq} (an event is missing)`);
    if (prevHash !== at.hash) return fail('its previous-hash does not match the event before it');
    if (hashEvent(prevHash, body) !== hash) return fail('its content does not match its hash (the event was altered)');
    at = { seq: e.seq, hash };
  }
  return { broken: null, at };
}

/** Verifies a whole chain given in seq order; returns the first broken link or null. */
export function verifyChain(events: readonly AuditEvent[]): ChainBreak | null {
  return verifyChainSegment(events).broken;
}
