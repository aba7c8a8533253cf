import { lockRow, type Database, type BusEvent, type Tx } from '../store/database';
import type { Config } from '../config/config';
import type { Codelists } from '../standards/codelists';
import type { Clock, NewId } from '../domain/kernel/ids';
import { appendAudit, type AuditInput } from '../store/repositories/audit.repository';
import { diffRecords } from '../domain/audit/chain';
import type { ReadCache } from './read-cache';

/** Something that sends e-mail (SMTP) or, without SMTP, writes it to the log. */
export interface Mailer {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
  /** True when no mail server is set (ACCORD_SMTP_URL): messages are written to the log and nobody receives them. */
  readonly logsOnly?: boolean;
}

/** A minimal structured logger (pino's shape). */
export interface Logger {
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
}

/** What every use case receives: nothing is global. */
export interface Deps {
  database: Database;
  /** This node's cache of read models, invalidated by every committed change. */
  cache: ReadCache;
  config: Config;
  codelists: Codelists;
  clock: Clock;
  newId: NewId;
  mailer: Mailer;
  log: Logger;
}

/** One unit of work: the transaction, an audit writer and the events to publish after commit. */
export interface Unit {
  trx: Tx;
  now: string;
  /** Holds the record's row until commit (PostgreSQL), so checks and writes on it do not race. */
  lock(table: 'partnerships' | 'organisations', id: string): Promise<void>;
  audit(e: {
    partnershipId: string | null;
    actorId: string | null;
    action: string;
    entityType: string;
    entityId: string;
    before?: Record<string, unknown> | null;
    after?: Record<string, unknown> | null;
  }): Promise<void>;
}

/**
 * Runs a use case in ONE transaction: its writes and their audit events commit together or not at all;
 * live events are published only after the commit.
 */
export async function inTransaction<T>(deps: Deps, fn: (u: Unit) => Promise<T>): Promise<T> {
  const events: BusEvent[] = [];
  const result = await deps.database.transaction(async (trx) => {
    events.length = 0;
    const now = deps.clock();
    const unit: Unit = {
      trx,
      now,
      lock: (table, id) => lockRow(trx, deps.database.dialect, table, id),
      async audit(e) {
        const input: AuditInput = {
          id: deps.newId(),
          partnershipId: e.partnershipId,
          actorId: e.actorId,
          at: now,
          action: e.action,
          entityType: e.entityType,
          entityId: e.entityId,
          diff: diffRecords(e.before ?? null, e.after ?? null),
        };
        await appendAudit(trx, deps.database.dialect, input);
        // partnership changes go to the partnership's live subscribers; platform changes (partnershipId '')
        // only tell every node's read cache what to drop
        events.push({ type: e.action, partnershipId: e.partnershipId ?? '', entityType: e.entityType, entityId: e.entityId, at: now, actorId: e.actorId });
      },
    };
    return fn(unit);
  });
  if (events.length) {
    // this node forgets stale reads at once (read-your-writes); other nodes when the events reach them
    deps.cache.invalidate(events);
    await deps.database.bus.publish(events).catch((err) => deps.log.warn({ err }, 'live event publish failed'));
  }
  return result;
}
