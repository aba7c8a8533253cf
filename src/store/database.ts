import fs from 'node:fs';
import path from 'node:path';
import { EventEmitter } from 'node:events';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { CompiledQuery, Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type MigrationResultSet, type Transaction } from 'kysely';
import type { DB } from './schema';
import { MIGRATIONS } from './migrations';

export type Dialect = 'sqlite' | 'postgres';
export type DatabaseConfig = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string; poolSize?: number };

/** A committed change, fanned out to live subscribers of its partnership. */
export interface BusEvent {
  type: string;
  partnershipId: string;
  entityType: string;
  entityId: string;
  at: string;
  actorId: string | null;
}

/** Delivers committed changes to subscribers on every app node. */
export interface EventBus {
  /** Starts listening for other nodes' events (PostgreSQL); resolves once it does. */
  start(): Promise<void>;
  publish(events: BusEvent[]): Promise<void>;
  subscribe(listener: (e: BusEvent) => void): () => void;
  close(): Promise<void>;
}

export interface Database {
  dialect: Dialect;
  db: Kysely<DB>;
  bus: EventBus;
  /** Runs `fn` in one transaction; on PostgreSQL, serialisation failures are retried. */
  transaction<T>(fn: (trx: Transaction<DB>) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const CHANNEL = 'accord_events';

class LocalBus implements EventBus {
  private emitter = new EventEmitter().setMaxListeners(0);
  async start(): Promise<void> {}
  async publish(events: BusEvent[]): Promise<void> {
    for (const e of events) this.emitter.emit('event', e);
  }
  subscribe(listener: (e: BusEvent) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }
  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}

/** PostgreSQL LISTEN/NOTIFY: every node hears every node's events, including its own. */
class PostgresBus implements EventBus {
  private local = new LocalBus();
  private client: pg.Client | null = null;
  private ready: Promise<void> | null = null;
  private closed = false;
  private everListened = false;
  constructor(private pool: pg.Pool, private url: string) {}

  start(): Promise<void> {
    if (!this.ready) {
      this.ready = (async () => {
        const client = new pg.Client({ connectionString: this.url });
        client.on('notification', (msg) => {
          if (msg.channel !== CHANNEL || !msg.payload) return;
          try {
            void this.local.publish([JSON.parse(msg.payload) as BusEvent]);
          } catch {
            /* a foreign payload on our channel is ignored */
          }
        });
        const reconnect = () => {
          // the listening connection dropped: reconnect after a pause, so live streams resume
          if (this.client !== client) return;
          this.client = null;
          this.ready = null;
          if (!this.closed) setTimeout(() => void this.start().catch(() => undefined), 1000).unref();
        };
        client.on('error', reconnect);
        client.on('end', reconnect);
        this.client = client;
        try {
          await client.connect();
          await client.query(`LISTEN ${CHANNEL}`);
          // notifications sent while no connection listened are lost: tell local subscribers (caches)
          if (this.everListened) void this.local.publish([{ type: 'bus.reconnected', partnershipId: '', entityType: 'bus', entityId: '', at: new Date().toISOString(), actorId: null }]);
          this.everListened = true;
        } catch (err) {
          this.client = null;
          this.ready = null;
          await client.end().catch(() => undefined);
          // keep trying while the node runs: live streams and cache invalidation depend on it
          if (!this.closed && this.everListened) setTimeout(() => void this.start().catch(() => undefined), 2000).unref();
          throw err;
        }
      })();
    }
    return this.ready;
  }

  async publish(events: BusEvent[]): Promise<void> {
    for (const e of events) await this.pool.query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify(e)]);
  }
  subscribe(listener: (e: BusEvent) => void): () => void {
    if (!this.closed) void this.start().catch(() => undefined);
    return this.local.subscribe(listener);
  }
  async close(): Promise<void> {
    this.closed = true;
    await this.local.close();
    const client = this.client;
    this.client = null;
    if (client) await client.end().catch(() => undefined);
  }
}

/**
 * Kysely prepares every query anew; preparing costs as much as running a small query. Queries are
 * built from a fixed set of shapes, so their prepared statements are kept (bounded, least recently used
 * evicted). Statements are only run with all() or run(), never left mid-iteration, so reuse is safe.
 */
function withStatementCache(sqlite: SQLite.Database, max = 500): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>();
  const prepare = sqlite.prepare.bind(sqlite);
  return new Proxy(sqlite, {
    get(target, prop, receiver) {
      if (prop !== 'prepare') {
        const v = Reflect.get(target, prop, receiver);
        return typeof v === 'function' ? v.bind(target) : v;
      }
      return (source: string) => {
        let stmt = cache.get(source);
        if (stmt) {
          cache.delete(source);
          cache.set(source, stmt);
          return stmt;
        }
        stmt = prepare(source);
        cache.set(source, stmt);
        if (cache.size > max) cache.delete(cache.keys().next().value!);
        return stmt;
      };
    },
  });
}

const readers = new WeakMap<object, SQLite.Database>();
function registerReader(db: Kysely<DB>, reader: SQLite.Database) {
  readers.set(db, reader);
}
/** The read-only SQLite connection of a database handle (never of a transaction), if it has one. */
export function readerOf(db: Kysely<DB>): SQLite.Database | undefined {
  return readers.get(db);
}

const writers = new WeakMap<object, SQLite.Database>();
/**
 * The SQLite connection an open group-commit transaction holds, if `trx` is one: precompiled statements run on it
 * directly and synchronously (store/prepared.ts), skipping Kysely's per-statement connection hand-off. Safe because
 * the transaction holds the connection until it ends.
 */
export function writerOf(trx: Kysely<DB>): SQLite.Database | undefined {
  return writers.get(trx);
}

/** Page cache of each SQLite connection, in KiB. */
const SQLITE_CACHE_KIB = 65_536;

/** At most this many transactions share one SQLite commit, and no transaction joins a batch that has run this long. */
export const GROUP_COMMIT = { maxTransactions: 64, maxMs: 10 };

const BEGIN_IMMEDIATE = CompiledQuery.raw('begin immediate');
const COMMIT = CompiledQuery.raw('commit');
const ROLLBACK = CompiledQuery.raw('rollback');
const SAVEPOINT = CompiledQuery.raw('savepoint accord_grouped');
const RELEASE = CompiledQuery.raw('release savepoint accord_grouped');
const ROLLBACK_TO = CompiledQuery.raw('rollback to savepoint accord_grouped');

/**
 * Group commit for embedded SQLite (ADR 0016). SQLite has one writer, so transactions already run one after
 * another; what each one pays on its own is the commit (every page it touched written again to the WAL). The
 * transactions waiting for the writer run together inside ONE SQLite transaction, each in its own savepoint: one
 * that fails is rolled back to its savepoint and rejected at once (nothing of it is written, the others go on);
 * the others resolve only after the shared COMMIT succeeded. If the commit, or the shared transaction, fails, every
 * transaction of the batch that had not already failed is rejected with that error: none of them was written. A
 * transaction alone in the queue runs as before, without a savepoint.
 *
 * Isolation is unchanged: other connections see a batch only once it is committed, and callers only hear of
 * success after that, so read-your-writes holds. A later transaction of a batch sees the writes of earlier ones,
 * as it would have after they committed. The price: a transaction's answer waits for the rest of its batch, which
 * stops taking new transactions after `GROUP_COMMIT.maxMs`.
 */
export function groupCommit(db: Kysely<DB>, writer?: SQLite.Database) {
  type Item = { fn: (trx: Transaction<DB>) => Promise<unknown>; resolve: (v: unknown) => void; reject: (e: unknown) => void };
  const queue: Item[] = [];
  let draining = false;

  async function runBatch() {
    // the first is taken before the transaction begins: if BEGIN fails (closed database), it is rejected, not retried
    const first = queue.shift()!;
    const batch: Item[] = [first];
    const done: { item: Item; value: unknown }[] = [];
    const failed = new Set<Item>();
    let conn: Kysely<DB> | null = null;
    try {
      await db.connection().execute(async (c) => {
        conn = c;
        // IMMEDIATE: the write lock is taken at once, so a batch whose first transaction only reads cannot be
        // overtaken by another process's commit while it waits for more (a deferred one would then fail with
        // SQLITE_BUSY_SNAPSHOT at its first write); other writers wait for the busy timeout instead
        await c.executeQuery(BEGIN_IMMEDIATE);
        try {
          const trx = c as unknown as Transaction<DB>;
          if (writer) writers.set(trx, writer);
          const started = performance.now();
          // the first runs without a savepoint: if it fails, the whole transaction is rolled back, and it is alone in it
          done.push({ item: first, value: await first.fn(trx) });
          while (batch.length < GROUP_COMMIT.maxTransactions && performance.now() - started < GROUP_COMMIT.maxMs) {
            if (!queue.length) {
              // a whole request usually runs within one turn of the event loop (the SQLite calls are synchronous):
              // give requests already received one turn to reach their transactions before committing
              await new Promise((resolve) => setImmediate(resolve));
              if (!queue.length) break;
            }
            const item = queue.shift()!;
            batch.push(item);
            await c.executeQuery(SAVEPOINT);
            let value: unknown;
            try {
              value = await item.fn(trx);
            } catch (err) {
              await c.executeQuery(ROLLBACK_TO);
              await c.executeQuery(RELEASE);
              failed.add(item);
              item.reject(err);
              continue;
            }
            await c.executeQuery(RELEASE);
            done.push({ item, value });
          }
          await c.executeQuery(COMMIT);
        } catch (err) {
          // SQLite may already have rolled back (I/O error, disk full): then there is nothing to roll back
          await c.executeQuery(ROLLBACK).catch(() => undefined);
          throw err;
        }
      });
    } catch (err) {
      // the shared transaction failed or did not commit: nothing of this batch was written
      for (const item of batch) if (!failed.has(item)) item.reject(err);
      return;
    } finally {
      // a transaction handle kept after its batch must not reach the connection directly
      if (conn) writers.delete(conn);
    }
    for (const { item, value } of done) item.resolve(value);
  }

  async function drain() {
    draining = true;
    try {
      while (queue.length) await runBatch();
    } finally {
      draining = false;
    }
  }

  return <T>(fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      queue.push({ fn, resolve: resolve as (v: unknown) => void, reject });
      if (!draining) void drain();
    });
}

/** Opens the embedded SQLite database (WAL) or a PostgreSQL pool. Does not migrate. */
export function createDatabase(config: DatabaseConfig): Database {
  if (config.kind === 'sqlite') {
    if (config.file !== ':memory:') fs.mkdirSync(path.dirname(config.file), { recursive: true });
    const sqlite = new SQLite(config.file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // 64 MiB of page cache (the default is 2 MiB): writes to a registry of thousands of records otherwise re-read the
    // same index pages from the OS on every transaction (ADR 0016)
    sqlite.pragma(`cache_size = -${SQLITE_CACHE_KIB}`);
    // savepoints (group commit) and statement journals in memory, not in temporary files
    sqlite.pragma('temp_store = MEMORY');
    const cached = withStatementCache(sqlite);
    const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: cached }) });
    // a second, read-only connection for hot reads outside transactions (store/prepared.ts): in WAL mode
    // it reads the last committed state without waiting for a writer's transaction to finish
    let reader: SQLite.Database | null = null;
    if (config.file !== ':memory:') {
      reader = new SQLite(config.file, { readonly: true, fileMustExist: true });
      reader.pragma('busy_timeout = 5000');
      reader.pragma(`cache_size = -${SQLITE_CACHE_KIB}`);
      registerReader(db, withStatementCache(reader));
    }
    const bus = new LocalBus();
    return {
      dialect: 'sqlite',
      db,
      bus,
      transaction: groupCommit(db, cached),
      async close() {
        await bus.close();
        // the reader first: the writer, closing last, checkpoints the WAL into the database file and removes it,
        // so a stopped server's accord.db holds every committed change on its own
        reader?.close();
        await db.destroy();
      },
    };
  }
  const pool = new pg.Pool({ connectionString: config.url, max: config.poolSize ?? 10 });
  pool.on('error', () => undefined); // idle client errors are reported on next use
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  const bus = new PostgresBus(pool, config.url);
  return {
    dialect: 'postgres',
    db,
    bus,
    async transaction(fn) {
      for (let attempt = 1; ; attempt++) {
        try {
          return await db.transaction().execute(fn);
        } catch (err) {
          const code = (err as { code?: string }).code;
          // 40001 serialization failure, 40P01 deadlock: retry the whole transaction
          if (attempt < 5 && (code === '40001' || code === '40P01')) continue;
          throw err;
        }
      }
    },
    async close() {
      await bus.close();
      await db.destroy();
    },
  };
}

/** Brings the schema up to date; returns the names of the migrations applied now. */
export async function migrate(database: Database): Promise<string[]> {
  const migrator = new Migrator({
    db: database.db,
    provider: { getMigrations: async () => MIGRATIONS },
    migrationTableName: 'accord_migrations',
    migrationLockTableName: 'accord_migrations_lock',
  });
  const { error, results }: MigrationResultSet = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** True when nothing has been stored yet (no user, no organisation). */
export async function isEmpty(database: Database): Promise<boolean> {
  const row = await database.db.selectFrom('users').select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n) === 0;
}

/** The handle repositories take: the database or an open transaction. */
export type Tx = Kysely<DB>;

/** True when the database answers a trivial query (the health check). */
export async function ping(database: Database): Promise<boolean> {
  try {
    await sql`select 1`.execute(database.db);
    return true;
  } catch {
    return false;
  }
}

/**
 * Serialises writers of one record on PostgreSQL (SELECT ... FOR UPDATE on its row) for the rest of the
 * transaction, so a rule checked before a write (one current membership, at least one convener) holds
 * under concurrent requests. SQLite runs one write transaction at a time already.
 */
export async function lockRow(trx: Tx, dialect: Dialect, table: 'partnerships' | 'organisations', id: string): Promise<void> {
  if (dialect !== 'postgres') return;
  await trx.selectFrom(table).select('id').where('id', '=', id).forUpdate().execute();
}
