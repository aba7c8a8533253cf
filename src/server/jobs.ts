import type { Deps } from '../services/context';
import { closeDueDecisions } from '../services/governance/decisions';

/**
 * Scheduled work of an app node: closing decisions whose voting window has ended. Every node may run it: a
 * decision is re-read under its partnership's row lock before it is closed, so two nodes never close (or count)
 * the same decision twice.
 */
export function startJobs(deps: Deps, log: { warn: (o: object, msg: string) => void; info: (o: object, msg: string) => void }, everyMs = 30_000): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const closed = await closeDueDecisions(deps);
      if (closed) log.info({ closed }, 'closed decisions whose voting window ended');
    } catch (err) {
      log.warn({ err }, 'the decision-closing job failed; it retries on the next tick');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
