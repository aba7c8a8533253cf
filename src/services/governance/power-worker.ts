/**
 * The worker thread that analyses voting power for the server (charter-power.ts starts it): one job at a time,
 * each answered with the presented analysis, the domain's refusal, or a fault.
 */
import { parentPort } from 'node:worker_threads';
import { DomainError } from '../../domain/kernel/errors';
import { computeCharterPower, type PowerLimits, type PowerRequest } from './power-analysis';
import type { Charter } from '../../domain/governance/charter';

export interface PowerJob {
  id: number;
  charter: Charter;
  request: PowerRequest;
  limits: PowerLimits;
}
export type PowerAnswer =
  | { id: number; ok: true; result: ReturnType<typeof computeCharterPower> }
  | { id: number; ok: false; refused: { code: DomainError['code']; message: string; msg?: DomainError['msg']; issues: DomainError['issues']; detail?: Record<string, unknown> } }
  | { id: number; ok: false; fault: string };

const port = parentPort;
if (port) {
  port.on('message', (job: PowerJob) => {
    let answer: PowerAnswer;
    try {
      answer = { id: job.id, ok: true, result: computeCharterPower(job.charter, job.request, job.limits) };
    } catch (err) {
      answer =
        err instanceof DomainError
          ? { id: job.id, ok: false, refused: { code: err.code, message: err.message, ...(err.msg ? { msg: err.msg } : {}), issues: err.issues, ...(err.detail ? { detail: err.detail } : {}) } }
          : { id: job.id, ok: false, fault: err instanceof Error ? (err.stack ?? err.message) : String(err) };
    }
    port.postMessage(answer);
  });
  port.postMessage({ ready: true });
}
