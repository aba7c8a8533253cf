/**
 * Where a running import is (reading the file, checking row n of N, writing row n of N, done), for the person
 * who started it, on whichever app node their poll lands.
 *
 * The node that runs the import keeps each step in its own board at once and publishes it on the event bus
 * (in-process on SQLite; NOTIFY on PostgreSQL, so every node's board hears it). Reading the progress never
 * touches the database: on SQLite the import holds the only write connection for its whole length, and a poll
 * must not wait behind it. The event carries no partnership id, so live streams of the partnership never
 * forward it (and the read cache ignores it): only its owner reads it, through `importProgress`.
 *
 * Progress is transient and approximate by nature: an entry is kept for 15 minutes after its last step,
 * a node that starts after an import began only knows its later steps, and a step lost while a node's
 * listening connection reconnected is superseded by the next one.
 */
import type { BusEvent, EventBus } from '../../store/database';
import type { Deps } from '../context';
import type { Actor } from '../../domain/access/can';
import { DomainError, notFound } from '../../domain/kernel/errors';
import { msg } from '../../domain/kernel/messages';

export type ImportPhase = 'reading' | 'checking' | 'writing' | 'done';
/** How an import ended: rows written, checked (a dry run), refused (problems; nothing written) or failed (an error). */
export type ImportEnd = 'imported' | 'checked' | 'refused' | 'failed';

/** One step as the pipeline reports it. */
export interface ImportProgressStep {
  phase: ImportPhase;
  /** Rows checked or written so far in this phase (reading: 0). */
  done: number;
  /** Rows of the phase (reading: 0, the rows are not known yet). */
  total: number;
  /** Set in the phase `done` only. */
  outcome?: ImportEnd;
}

/** What the owner of an import reads. */
export interface ImportProgress {
  token: string;
  kind: string;
  dryRun: boolean;
  phase: ImportPhase;
  done: number;
  total: number;
  outcome: ImportEnd | null;
  startedAt: string;
  updatedAt: string;
}

/** A step as it travels between nodes: who may read it, and its order. */
interface Step extends ImportProgress {
  partnershipId: string;
  actorId: string;
  /** One run of an import (a token may be used again by its owner). */
  run: string;
  /** Increases with every step of a run. */
  seq: number;
}

export const PROGRESS_EVENT = 'import.progress';
/** How long a step is kept after the last one. */
const KEEP_MS = 15 * 60_000;
/** Most imports a node keeps progress of (the oldest go first). */
const MAX_ENTRIES = 10_000;
/** The progress token: a UUID the client chose. */
export const PROGRESS_TOKEN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const PHASES: readonly ImportPhase[] = ['reading', 'checking', 'writing', 'done'];
const ENDS: readonly (ImportEnd | null)[] = ['imported', 'checked', 'refused', 'failed', null];
const count = (n: unknown) => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
const text = (s: unknown) => typeof s === 'string' && s.length > 0 && s.length <= 200;

/** A step from the bus, checked field by field (the bus is ours, but a payload is data, not code). */
function stepOf(x: unknown): Step | null {
  if (!x || typeof x !== 'object') return null;
  const s = x as Record<string, unknown>;
  if (![s.token, s.kind, s.partnershipId, s.actorId, s.run, s.startedAt, s.updatedAt].every(text)) return null;
  if (!PHASES.includes(s.phase as ImportPhase) || !ENDS.includes((s.outcome ?? null) as ImportEnd | null)) return null;
  if (![s.done, s.total, s.seq].every(count) || typeof s.dryRun !== 'boolean') return null;
  return {
    token: s.token as string, kind: s.kind as string, dryRun: s.dryRun, phase: s.phase as ImportPhase, done: s.done as number, total: s.total as number,
    outcome: (s.outcome ?? null) as ImportEnd | null, startedAt: s.startedAt as string, updatedAt: s.updatedAt as string,
    partnershipId: s.partnershipId as string, actorId: s.actorId as string, run: s.run as string, seq: s.seq as number,
  };
}

/** One node's view of the imports running anywhere: the latest step of each, by owner and token. */
class ProgressBoard {
  private entries = new Map<string, { step: Step; seenAt: number }>();

  constructor(bus: EventBus, private readonly now: () => number = Date.now) {
    bus.subscribe((e) => {
      if (e.type !== PROGRESS_EVENT) return;
      const step = stepOf((e as BusEvent & { progress?: unknown }).progress);
      if (step) this.put(step);
    });
  }

  /** Keeps a step unless a later one of the same run (or a later run) is known already. */
  put(step: Step): void {
    const key = `${step.actorId} ${step.token}`;
    const known = this.entries.get(key)?.step;
    if (known && (known.run === step.run ? known.seq >= step.seq : known.startedAt > step.startedAt)) return;
    this.entries.delete(key); // re-inserted last: the map stays in order of the latest step
    this.entries.set(key, { step, seenAt: this.now() });
    if (this.entries.size > MAX_ENTRIES) this.sweep(true);
  }

  get(actorId: string, token: string): Step | null {
    this.sweep(false);
    return this.entries.get(`${actorId} ${token}`)?.step ?? null;
  }

  /** Drops entries not heard of for KEEP_MS (oldest first; with `full`, down to MAX_ENTRIES as well). */
  private sweep(full: boolean): void {
    const cutoff = this.now() - KEEP_MS;
    for (const [key, e] of this.entries) {
      if (e.seenAt >= cutoff && !(full && this.entries.size > MAX_ENTRIES)) break;
      this.entries.delete(key);
    }
  }
}

const boards = new WeakMap<EventBus, ProgressBoard>();

/**
 * This node's board, listening on the bus from the first call on (the import routes call it when the app
 * starts, so steps of imports on other nodes are heard before anyone polls). It lives as long as the bus.
 */
export function watchImportProgress(deps: Pick<Deps, 'database'>): void {
  boardOf(deps);
}

function boardOf(deps: Pick<Deps, 'database'>): ProgressBoard {
  const bus = deps.database.bus;
  let board = boards.get(bus);
  if (!board) {
    board = new ProgressBoard(bus);
    boards.set(bus, board);
  }
  return board;
}

/** Who runs an import, and the token they will read its progress by. */
export interface ProgressOwner {
  token: string;
  actorId: string;
  partnershipId: string;
  kind: string;
  dryRun: boolean;
}

/**
 * A sink for the pipeline's steps (`ImportRequest.onProgress`): each step is kept on this node at once and
 * published to the others. Publishing never fails the import (a lost step is superseded by the next).
 */
export function progressReporter(deps: Deps, owner: ProgressOwner): (step: ImportProgressStep) => Promise<void> {
  if (!PROGRESS_TOKEN.test(owner.token)) throw new RangeError('Not a progress token');
  const who = { ...owner, token: owner.token.toLowerCase() };
  const board = boardOf(deps);
  const run = deps.newId();
  const startedAt = new Date().toISOString();
  let seq = 0;
  return async (s) => {
    const step: Step = { ...who, phase: s.phase, done: s.done, total: s.total, outcome: s.outcome ?? null, startedAt, updatedAt: new Date().toISOString(), run, seq: ++seq };
    board.put(step);
    const event: BusEvent & { progress: Step } = { type: PROGRESS_EVENT, partnershipId: '', entityType: 'import', entityId: who.token, at: step.updatedAt, actorId: who.actorId, progress: step };
    await deps.database.bus.publish([event]).catch((err) => deps.log.warn({ err }, 'import progress publish failed'));
  };
}

/**
 * The progress of the caller's own import into the partnership, by the token they sent with it. Anyone
 * else (another person of the same partnership included), another partnership's id or an unknown token:
 * 404. Nothing is read from the database (the caller's session aside, which the request has already read).
 */
export function importProgress(deps: Pick<Deps, 'database'>, actor: Actor, partnershipId: string, token: string): ImportProgress {
  if (actor.kind !== 'user') throw new DomainError('unauthenticated', msg('errors.sign_in_first'));
  const step = PROGRESS_TOKEN.test(token) ? boardOf(deps).get(actor.id, token.toLowerCase()) : null;
  if (!step || step.partnershipId !== partnershipId) throw notFound(msg('imports.the_progress'));
  return { token: step.token, kind: step.kind, dryRun: step.dryRun, phase: step.phase, done: step.done, total: step.total, outcome: step.outcome, startedAt: step.startedAt, updatedAt: step.updatedAt };
}
