import type { BusEvent } from '../store/database';

interface Entry<T> {
  value: T;
  at: number;
}

/**
 * A per-node cache of read models that do not depend on who asks (a partnership's overview data, a page of
 * organisation search results). Access checks and presentation still run on every request.
 *
 * Freshness: every committed change invalidates what it touches, on this node synchronously after the
 * commit (read-your-writes) and on other nodes when its event arrives through the bus (LISTEN/NOTIFY).
 * A read that started before an invalidation never stores its result (generation check), and every entry
 * expires after `ttlMs` in case a notification was lost while the listening connection reconnected.
 */
export class ReadCache {
  private overviews = new Map<string, Entry<unknown>>();
  private searches = new Map<string, Entry<unknown>>();
  /** Answers of a search page as written for one kind of reader (see `searchBody`), invalidated with the pages. */
  private searchBodies = new Map<string, Entry<unknown>>();
  private overviewGen = new Map<string, number>();
  private globalOverviewGen = 0;
  private searchGen = 0;

  constructor(
    private readonly ttlMs = 10_000,
    private readonly max = 5_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** A token to pass back to `setOverview`: the write is ignored if the overview was invalidated since. */
  overviewToken(id: string): string {
    return `${this.globalOverviewGen}:${this.overviewGen.get(id) ?? 0}`;
  }
  getOverview<T>(id: string): T | undefined {
    return this.fresh(this.overviews, id) as T | undefined;
  }
  setOverview<T>(id: string, value: T, token: string): void {
    // "not found" is not kept: random ids must not push real overviews out
    if (value === null || value === undefined || token !== this.overviewToken(id)) return;
    this.put(this.overviews, id, value);
  }

  searchToken(): number {
    return this.searchGen;
  }
  getSearch<T>(key: string): T | undefined {
    return this.fresh(this.searches, key) as T | undefined;
  }
  setSearch<T>(key: string, value: T, token: number): void {
    if (token !== this.searchGen) return;
    this.put(this.searches, key, value);
  }

  /** The written answer of a search page for readers of one role signature, if still fresh. */
  getSearchBody(key: string): string | undefined {
    return this.fresh(this.searchBodies, key) as string | undefined;
  }
  setSearchBody(key: string, body: string, token: number): void {
    if (token !== this.searchGen) return;
    this.put(this.searchBodies, key, body, Math.max(1, Math.floor(this.max / 5)));
  }

  /** Drops what committed changes touched. */
  invalidate(events: readonly Pick<BusEvent, 'type' | 'partnershipId'>[]): void {
    for (const e of events) {
      if (e.type === 'bus.reconnected') {
        this.clear();
        continue;
      }
      if (e.partnershipId) {
        this.overviews.delete(e.partnershipId);
        this.overviewGen.set(e.partnershipId, (this.overviewGen.get(e.partnershipId) ?? 0) + 1);
        // the counters are only needed while reads are in flight: start over rather than grow without end
        if (this.overviewGen.size > this.max * 4) this.clearOverviews();
      }
      // organisation names and people's names appear in every overview; organisations in every search
      if (e.type === 'organisation.created' || e.type === 'organisation.updated') {
        this.searches.clear();
        this.searchBodies.clear();
        this.searchGen++;
        this.clearOverviews();
      } else if (e.type === 'user.updated') {
        this.clearOverviews();
      }
    }
  }

  /** Drops everything (the bus reconnected: notifications may have been missed). */
  clear(): void {
    this.clearOverviews();
    this.searches.clear();
    this.searchBodies.clear();
    this.searchGen++;
  }

  private clearOverviews() {
    this.overviews.clear();
    this.overviewGen.clear();
    this.globalOverviewGen++;
  }

  private fresh(map: Map<string, Entry<unknown>>, key: string): unknown {
    const e = map.get(key);
    if (!e) return undefined;
    if (this.now() - e.at > this.ttlMs) {
      map.delete(key);
      return undefined;
    }
    return e.value;
  }

  private put(map: Map<string, Entry<unknown>>, key: string, value: unknown, max = this.max) {
    // cached values are shared by every request that reads them: frozen, so a presenter cannot change
    // what another person will see
    deepFreeze(value);
    map.delete(key);
    map.set(key, { value, at: this.now() });
    if (map.size > max) map.delete(map.keys().next().value!);
  }
}

function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const v of Object.values(value)) deepFreeze(v);
}
