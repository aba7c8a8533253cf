import type { Deps } from '../services/context';
import { closeDueDecisions } from '../services/governance/decisions';
import { reminderJob } from '../services/notifications/reminders';

type JobLog = { warn: (o: object, msg: string) => void; info: (o: object, msg: string) => void };

/**
 * Scheduled work of an app node: closing decisions whose voting window has ended, and reminder e-mails. Every
 * node may run both: a decision is re-read under its partnership's row lock before it is closed, so two nodes
 * never close (or count) the same decision twice; reminders are made once per person, item and stage (a
 * unique key) and claimed per person (FOR UPDATE SKIP LOCKED on PostgreSQL), so two nodes never send the same
 * one twice.
 */
export function startJobs(deps: Deps, log: JobLog, everyMs = 30_000): () => void {
  const stops = [
    every(everyMs, log, 'the decision-closing job failed; it retries on the next tick', async () => {
      const closed = await closeDueDecisions(deps);
      if (closed) log.info({ closed }, 'closed decisions whose voting window ended');
    }),
    every(everyMs, log, 'the reminders job failed; it retries on the next tick', (() => {
      const job = reminderJob(deps);
      return async () => {
        const { generated, sent } = await job.tick();
        if (generated?.created || generated?.cancelled || sent.mails || sent.failed || sent.released) log.info({ node: job.node, generated, sent }, 'reminders made and sent');
      };
    })()),
  ];
  return () => stops.forEach((stop) => stop());
}

/** Runs `work` now and every `ms`, never two runs at once on this node; a failure is logged and retried next tick. */
function every(ms: number, log: JobLog, failure: string, work: () => Promise<void>): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await work();
    } catch (err) {
      log.warn({ err }, failure);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), ms);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
