import type { BusEvent } from '../store/database';
import type { UserRecord } from '../store/repositories/users.repository';
import type { PersonRole } from '../domain/partnerships/partnership';
import type { OrganisationRole } from '../domain/organisations/organisation';
import { PROGRESS_EVENT } from './imports/progress';

interface Entry<T> {
  value: T;
  at: number;
}

/** What a Bearer API token resolves to (`resolveApiToken`). */
export interface CachedCredential {
  user: UserRecord;
  tokenId: string;
  lastUsedAt: string | null;
}

/**
 * Platform events (no partnership) that cannot change a user, an API token or a person's role in a partnership:
 * they keep the credentials and partnership roles. They write only an organisation's record or its people
 * (`organisation_people`), which neither reads: partnership roles come from `partnership_people` alone (a person
 * leaving an organisation also ends the partnership roles held for it, and each of those is an event of that
 * partnership). Import progress is not a change at all (nothing is written, see imports/progress.ts).
 */
const KEEPS_CREDENTIALS = new Set(['organisation.created', 'organisation.updated', 'organisation.person_added', 'organisation.person_removed', PROGRESS_EVENT]);
/**
 * Platform events that change who holds a role in an organisation: they drop every cached organisation role.
 * (Any other platform event not in KEEPS_CREDENTIALS drops them too, with the credentials.)
 */
const CHANGES_ORGANISATION_ROLES = new Set(['organisation.person_added', 'organisation.person_removed', 'organisation.person_role_changed']);

/**
 * A per-node cache of read models that do not depend on who asks (a partnership's overview data, a page of
 * organisation search results). Access checks and presentation still run on every request.
 *
 * Freshness: every committed change invalidates what it touches, on this node synchronously after the
 * commit (read-your-writes) and on other nodes when its event arrives through the bus (LISTEN/NOTIFY).
 * A read that started before an invalidation never stores its result (generation check), and every entry
 * expires after `ttlMs` in case a notification was lost while the listening connection reconnected.
 *
 * Credentials (API token -> user) and people's roles in a partnership are kept too, for `authTtlMs` only:
 * that bounds how long another node may honour a revoked token or a removed role if a notification is lost.
 * A partnership's roles go with any event of the partnership (every change of its people is audited there);
 * all credentials and roles go with any platform event but those in KEEPS_CREDENTIALS, and when the bus
 * reconnects. People's roles in organisations (and the absence of one: most organisations on a search page
 * are not the reader's) are kept the same way and also go with any change of an organisation's people.
 */
export class ReadCache {
  private overviews = new Map<string, Entry<unknown>>();
  private searches = new Map<string, Entry<unknown>>();
  /** Answers of a search page as written for one kind of reader (see `searchBody`), invalidated with the pages. */
  private searchBodies = new Map<string, Entry<unknown>>();
  /** Answers of an overview as written for one kind of reader, valid only with the overview they were written from. */
  private overviewBodies = new Map<string, { data: unknown; bySignature: Map<string, string> }>();
  private overviewGen = new Map<string, number>();
  private globalOverviewGen = 0;
  private searchGen = 0;
  /** token hash -> credential */
  private credentials = new Map<string, Entry<CachedCredential>>();
  /** partnership id -> user id -> the user's roles in it */
  private roles = new Map<string, Map<string, Entry<readonly PersonRole[]>>>();
  private roleCount = 0;
  private authGen = 0;
  /** user id -> organisation id -> the user's role in it, or null for none; the whole map expires at once */
  private orgRoles = new Map<string, { at: number; roles: Map<string, OrganisationRole | null> }>();
  private orgRoleCount = 0;
  private orgRolesGen = 0;

  constructor(
    private readonly ttlMs = 10_000,
    private readonly max = 5_000,
    private readonly now: () => number = Date.now,
    private readonly authTtlMs = 1_000,
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

  /**
   * The answer of an overview written for readers of one role signature, if it was written from `data` and
   * `data` is still the fresh cached overview (so the answer expires and is dropped with it).
   */
  getOverviewBody(id: string, signature: string, data: unknown): string | undefined {
    const b = this.overviewBodies.get(id);
    if (!b || b.data !== data || this.getOverview(id) !== data) return undefined;
    return b.bySignature.get(signature);
  }
  setOverviewBody(id: string, signature: string, body: string, data: unknown, token: string): void {
    if (token !== this.overviewToken(id) || this.getOverview(id) !== data) return;
    let b = this.overviewBodies.get(id);
    if (!b || b.data !== data) {
      b = { data, bySignature: new Map() };
      this.overviewBodies.delete(id);
      this.overviewBodies.set(id, b);
      if (this.overviewBodies.size > Math.max(1, Math.floor(this.max / 5))) this.overviewBodies.delete(this.overviewBodies.keys().next().value!);
    }
    // a signature is a kind of reader (anonymous, admin, a set of roles): a handful per partnership
    b.bySignature.set(signature, body);
  }

  /** A token to pass back to `setCredential`: the write is ignored if credentials were invalidated since. */
  credentialToken(): number {
    return this.authGen;
  }
  getCredential(tokenHash: string): CachedCredential | undefined {
    return this.fresh(this.credentials, tokenHash, this.authTtlMs) as CachedCredential | undefined;
  }
  setCredential(tokenHash: string, value: CachedCredential, token: number): void {
    // "not found" is never kept: a token created a moment later must work at once
    if (!value || token !== this.authGen) return;
    this.put(this.credentials, tokenHash, value);
  }
  /** Notes the token's new last-use time (the caller writes it), so the next requests do not write it again. */
  touchCredential(tokenHash: string, lastUsedAt: string): void {
    const e = this.credentials.get(tokenHash);
    if (!e) return;
    // a new frozen value, the entry keeping its age: a touch is not a fresh read of the token
    const value = { ...e.value, lastUsedAt };
    deepFreeze(value);
    e.value = value;
  }

  /** A token to pass back to `setRoles`: the write is ignored if the partnership or the credentials changed since. */
  rolesToken(partnershipId: string): string {
    return `${this.authGen}:${this.overviewToken(partnershipId)}`;
  }
  getRoles(partnershipId: string, userId: string): readonly PersonRole[] | undefined {
    const byUser = this.roles.get(partnershipId);
    const e = byUser?.get(userId);
    if (!byUser || !e) return undefined;
    if (this.now() - e.at > this.authTtlMs) {
      byUser.delete(userId);
      this.roleCount--;
      if (byUser.size === 0) this.roles.delete(partnershipId);
      return undefined;
    }
    return e.value;
  }
  setRoles(partnershipId: string, userId: string, roles: readonly PersonRole[], token: string): void {
    if (token !== this.rolesToken(partnershipId)) return;
    deepFreeze(roles);
    let byUser = this.roles.get(partnershipId);
    if (!byUser) this.roles.set(partnershipId, (byUser = new Map()));
    if (!byUser.delete(userId)) this.roleCount++;
    byUser.set(userId, { value: roles, at: this.now() });
    if (this.roleCount > this.max) {
      // the oldest partnership's oldest entry
      const [oldestId, oldest] = this.roles.entries().next().value!;
      oldest.delete(oldest.keys().next().value!);
      this.roleCount--;
      if (oldest.size === 0) this.roles.delete(oldestId);
    }
  }

  /** A token to pass back to `setOrganisationRoles`: the write is ignored if anyone's organisation roles changed since. */
  organisationRolesToken(): string {
    return `${this.authGen}:${this.orgRolesGen}`;
  }
  /**
   * What is known of a person's roles in these organisations: `known` (a role, or null for none) and the ids to
   * look up (`missing`).
   */
  getOrganisationRoles(userId: string, organisationIds: readonly string[]): { known: Map<string, OrganisationRole | null>; missing: string[] } {
    const known = new Map<string, OrganisationRole | null>();
    let e = this.orgRoles.get(userId);
    if (e && this.now() - e.at > this.authTtlMs) {
      this.dropOrganisationRolesOf(userId);
      e = undefined;
    }
    const missing: string[] = [];
    for (const id of organisationIds) {
      const role = e?.roles.get(id);
      if (role === undefined) missing.push(id);
      else known.set(id, role);
    }
    return { known, missing };
  }
  setOrganisationRoles(userId: string, roles: ReadonlyMap<string, OrganisationRole | null>, token: string): void {
    if (token !== this.organisationRolesToken() || roles.size === 0) return;
    let e = this.orgRoles.get(userId);
    if (e && this.now() - e.at > this.authTtlMs) {
      this.dropOrganisationRolesOf(userId);
      e = undefined;
    }
    if (!e) {
      e = { at: this.now(), roles: new Map() };
      this.orgRoles.set(userId, e);
    }
    for (const [id, role] of roles) {
      if (!e.roles.has(id)) this.orgRoleCount++;
      e.roles.set(id, role);
    }
    // the oldest people's roles go first (one person's may exceed max: then they are not kept)
    while (this.orgRoleCount > this.max * 5 && this.orgRoles.size > 0) this.dropOrganisationRolesOf(this.orgRoles.keys().next().value!);
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
        this.overviewBodies.delete(e.partnershipId);
        this.dropRoles(e.partnershipId);
        this.overviewGen.set(e.partnershipId, (this.overviewGen.get(e.partnershipId) ?? 0) + 1);
        // the counters are only needed while reads are in flight: start over rather than grow without end
        if (this.overviewGen.size > this.max * 4) this.clearOverviews();
      } else if (!KEEPS_CREDENTIALS.has(e.type)) {
        // a user, a token or a person's roles may have changed (user.*, api_token.*, any new kind of platform event)
        this.clearCredentials();
      } else if (CHANGES_ORGANISATION_ROLES.has(e.type)) {
        this.clearOrganisationRoles();
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
    this.clearCredentials();
  }

  private clearOverviews() {
    this.overviews.clear();
    this.overviewBodies.clear();
    this.overviewGen.clear();
    this.globalOverviewGen++;
  }

  /** Drops every credential and every role (roles too: a platform event about a person names no partnership). */
  private clearCredentials() {
    this.credentials.clear();
    this.roles.clear();
    this.roleCount = 0;
    this.clearOrganisationRoles();
    this.authGen++;
  }

  private clearOrganisationRoles() {
    this.orgRoles.clear();
    this.orgRoleCount = 0;
    this.orgRolesGen++;
  }

  private dropOrganisationRolesOf(userId: string) {
    const e = this.orgRoles.get(userId);
    if (!e) return;
    this.orgRoleCount -= e.roles.size;
    this.orgRoles.delete(userId);
  }

  private dropRoles(partnershipId: string) {
    const byUser = this.roles.get(partnershipId);
    if (!byUser) return;
    this.roleCount -= byUser.size;
    this.roles.delete(partnershipId);
  }

  private fresh(map: Map<string, Entry<unknown>>, key: string, ttlMs = this.ttlMs): unknown {
    const e = map.get(key);
    if (!e) return undefined;
    if (this.now() - e.at > ttlMs) {
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
