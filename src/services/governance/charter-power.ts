/**
 * Voting power of a charter through the API: a draft (POST /api/v1/charter-power, nothing stored, public like the
 * charter check) or the partnership's adopted charter (GET .../charter/power, for whoever may read the charter).
 *
 * The analysis runs in a worker thread (power-worker.ts), one job at a time, so that a request is bounded whatever
 * the charter: the domain's work budget keeps ordinary games short, and the worker's deadline and memory limit stop
 * the rest (a game whose exact counting would hold the server for long, or exhaust its memory) with a 422 naming
 * the rule. The event loop never waits for the counting. Answers for the same charter and request are kept in a
 * small per-node cache (charter versions never change).
 */
import { Worker } from 'node:worker_threads';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Deps } from '../context';
import type { Actor } from '../../domain/access/can';
import type { Charter } from '../../domain/governance/charter';
import { DomainError, issue, notFound } from '../../domain/kernel/errors';
import { msg, type Msg } from '../../domain/kernel/messages';
import * as repo from '../../store/repositories/governance.repository';
import { loadFor } from '../partnerships/partnerships';
import { asCharter } from './charters';
import { REQUEST_LIMITS, type CharterPowerResult, type PowerLimits, type PowerRequest } from './power-analysis';
import type { PowerAnswer, PowerJob } from './power-worker';

/** Longest a request's analysis may run in the worker. */
export const POWER_DEADLINE_MS = 6_000;
/** Heap of the worker: the analysis of one rule never needs more. */
const WORKER_MEMORY_MB = 384;
/** Requests waiting for the worker beyond this are turned away (429) rather than queued for long. */
const MAX_WAITING = 6;
/** An idle worker is stopped after this long (it starts again on the next request). */
const IDLE_MS = 60_000;
/** The worker loads TypeScript through tsx (as the server does); starting it may take a few seconds on a busy machine. */
const START_MS = 30_000;

const WORKER_ENTRY = pathToFileURL(fileURLToPath(new URL('./power-worker.ts', import.meta.url))).href;
const TSX_API = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
/** CommonJS bootstrap: register tsx's loader, then load the worker module. */
const BOOT = `const { workerData } = require('node:worker_threads');
import(workerData.tsx).then((m) => { m.register(); return import(workerData.entry); }).catch((e) => { throw e; });`;

interface Pending {
  job: Omit<PowerJob, 'id'>;
  resolve: (r: CharterPowerResult) => void;
  reject: (e: unknown) => void;
}

const tooLarge = (why: Msg) => new DomainError('validation_failed', msg('governance.charter_power.too_large'), [issue('rule', why, 'too_large')]);

/** One worker thread, one job at a time, with a deadline per job. */
class PowerRunner {
  private worker: Worker | null = null;
  private ready = false;
  private current: (Pending & { id: number; timer: NodeJS.Timeout }) | null = null;
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private idle: NodeJS.Timeout | null = null;
  private startTimer: NodeJS.Timeout | null = null;

  run(job: Omit<PowerJob, 'id'>): Promise<CharterPowerResult> {
    if (this.queue.length >= MAX_WAITING)
      return Promise.reject(new DomainError('rate_limited', msg('governance.charter_power.busy'), [], { retryAfterSeconds: 5 }));
    return new Promise((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      this.pump();
    });
  }

  private spawn(): Worker {
    const w = new Worker(BOOT, {
      eval: true,
      execArgv: [],
      workerData: { tsx: TSX_API, entry: WORKER_ENTRY },
      resourceLimits: { maxOldGenerationSizeMb: WORKER_MEMORY_MB },
    });
    this.ready = false;
    this.startTimer = setTimeout(() => this.lose(w, new DomainError('unavailable', msg('governance.charter_power.worker_slow_start'))), START_MS);
    w.on('message', (m: PowerAnswer | { ready: true }) => {
      if (w !== this.worker) return;
      if ('ready' in m) {
        if (this.startTimer) clearTimeout(this.startTimer);
        this.startTimer = null;
        this.ready = true;
        this.pump();
        return;
      }
      const cur = this.current;
      if (!cur || cur.id !== m.id) return;
      clearTimeout(cur.timer);
      this.current = null;
      if (m.ok) cur.resolve(m.result);
      else if ('refused' in m) {
        // the worker's refusal, worded in the reader's language when it carries its message (`msg`) across
        const refused = m.refused as typeof m.refused & { msg?: Msg };
        cur.reject(new DomainError(refused.code, refused.msg ?? refused.message, refused.issues, refused.detail));
      }
      else cur.reject(new Error(`Voting power analysis failed: ${m.fault}`));
      this.pump();
    });
    w.on('error', (err: Error & { code?: string }) => {
      if (w !== this.worker) return;
      this.lose(w, err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooLarge(msg('governance.charter_power.out_of_memory', { mb: WORKER_MEMORY_MB })) : err);
    });
    w.on('exit', () => {
      if (w === this.worker) this.lose(w, new Error('The voting-power worker stopped'));
    });
    w.unref();
    return w;
  }

  /** The worker is gone (deadline, memory, crash): the job in hand fails with `err`, the queue goes on with a new one. */
  private lose(w: Worker, err: unknown): void {
    if (w !== this.worker) return;
    this.worker = null;
    this.ready = false;
    if (this.startTimer) clearTimeout(this.startTimer);
    this.startTimer = null;
    void w.terminate();
    const cur = this.current;
    this.current = null;
    if (cur) {
      clearTimeout(cur.timer);
      cur.reject(err);
    } else if (this.queue.length) {
      // the worker failed before taking a job: do not retry forever
      for (const p of this.queue.splice(0)) p.reject(err instanceof DomainError ? err : new DomainError('unavailable', msg('governance.charter_power.worker_unavailable')));
      return;
    }
    this.pump();
  }

  private pump(): void {
    if (this.current) return;
    if (!this.queue.length) {
      if (this.worker && !this.idle) {
        this.worker.unref();
        const w = this.worker;
        this.idle = setTimeout(() => {
          this.idle = null;
          if (this.worker === w && !this.current) {
            this.worker = null;
            void w.terminate();
          }
        }, IDLE_MS);
        this.idle.unref();
      }
      return;
    }
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    if (!this.worker) this.worker = this.spawn();
    this.worker.ref();
    if (!this.ready) return;
    const next = this.queue.shift() as Pending;
    const id = this.nextId++;
    const w = this.worker;
    const timer = setTimeout(() => this.lose(w, tooLarge(msg('governance.charter_power.too_slow', { seconds: POWER_DEADLINE_MS / 1000 }))), POWER_DEADLINE_MS);
    this.current = { ...next, id, timer };
    w.postMessage({ id, ...next.job } satisfies PowerJob);
  }
}

const runner = new PowerRunner();

/** Answers by charter and request; versions never change and drafts are keyed by their content. */
const cache = new Map<string, CharterPowerResult>();
const CACHE_SIZE = 64;

async function analyse(charter: Charter, request: PowerRequest, limits: PowerLimits = REQUEST_LIMITS): Promise<CharterPowerResult> {
  const key = createHash('sha256').update(JSON.stringify([charter, request.rule ?? null, request.stage ?? null, request.method ?? 'auto', limits])).digest('hex');
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const result = await runner.run({ charter, request, limits });
  cache.set(key, result);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return result;
}

const requestOf = (input: PowerRequest): PowerRequest => ({
  ...(input.rule !== undefined ? { rule: input.rule } : {}),
  ...(input.stage !== undefined ? { stage: input.stage } : {}),
  ...(input.method !== undefined ? { method: input.method } : {}),
});

/** The voting power of a draft charter (nothing is read or stored). */
export async function draftCharterPower(input: { charter: unknown } & PowerRequest): Promise<CharterPowerResult> {
  return analyse(asCharter(input.charter), requestOf(input));
}

/** The voting power of the partnership's charter in force (or one version of it), for whoever may read the charter. */
export async function partnershipCharterPower(deps: Deps, anyActor: Actor, partnershipId: string, input: PowerRequest & { version?: number }): Promise<CharterPowerResult> {
  const db = deps.database.db;
  await loadFor(db, anyActor, partnershipId, 'partnership.charter.read');
  const row = input.version === undefined ? await repo.currentCharter(db, partnershipId) : await repo.charterVersion(db, partnershipId, input.version);
  if (!row) throw notFound(input.version === undefined ? msg('governance.charter_power.current_charter') : msg('governance.charter_power.charter_version', { version: input.version }));
  return analyse(JSON.parse(row.document) as Charter, requestOf(input));
}
