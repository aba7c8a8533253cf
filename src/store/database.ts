import fs from 'node:fs';
import path from 'node:path';
import { EventEmitter } from 'node:events';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type MigrationResultSet, type Transaction } from 'kysely';
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

/** Opens the embedded SQLite database (WAL) or a PostgreSQL pool. Does not migrate. */
export function createDatabase(config: DatabaseConfig): Database {
  if (config.kind === 'sqlite') {
    if (config.file !== ':memory:') fs.mkdirSync(path.dirname(config.file), { recursive: true });
    const sqlite = new SQLite(config.file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
    // a second, read-only connection for hot reads outside transactions (store/prepared.ts): in WAL mode
    // it reads the last committed state without waiting for a writer's transaction to finish
    let reader: SQLite.Database | null = null;
    if (config.file !== ':memory:') {
      reader = new SQLite(config.file, { readonly: true, fileMustExist: true });
      reader.pragma('busy_timeout = 5000');
      registerReader(db, withStatementCache(reader));
    }
    const bus = new LocalBus();
    return {
      dialect: 'sqlite',
      db,
      bus,
      transaction: (fn) => db.transaction().execute(fn),
      async close() {
        await bus.close();
        await db.destroy();
        reader?.close();
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
