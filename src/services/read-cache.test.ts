import { describe, it, expect } from 'vitest';
import { ReadCache } from './read-cache';

const ev = (type: string, partnershipId = '') => ({ type, partnershipId });

describe('the read cache', () => {
  it('returns what was stored until a change to that partnership drops it', () => {
    const c = new ReadCache();
    c.setOverview('p1', { v: 1 }, c.overviewToken('p1'));
    c.setOverview('p2', { v: 2 }, c.overviewToken('p2'));
    expect(c.getOverview('p1')).toEqual({ v: 1 });
    c.invalidate([ev('goal.added', 'p1')]);
    expect(c.getOverview('p1')).toBeUndefined();
    expect(c.getOverview('p2')).toEqual({ v: 2 });
  });

  it('refuses to store a read that started before an invalidation (no stale write-back)', () => {
    const c = new ReadCache();
    const token = c.overviewToken('p1'); // a read begins
    c.invalidate([ev('member.added', 'p1')]); // a write commits meanwhile
    c.setOverview('p1', { stale: true }, token); // the read ends with what it saw before
    expect(c.getOverview('p1')).toBeUndefined();
    const searchToken = c.searchToken();
    c.invalidate([ev('organisation.updated')]);
    c.setSearch('q', ['stale'], searchToken);
    expect(c.getSearch('q')).toBeUndefined();
  });

  it('drops every overview and search when an organisation changes, and every overview when a person is renamed', () => {
    const c = new ReadCache();
    c.setOverview('p1', 1, c.overviewToken('p1'));
    c.setSearch('q', 1, c.searchToken());
    c.invalidate([ev('user.updated')]);
    expect(c.getOverview('p1')).toBeUndefined();
    expect(c.getSearch('q')).toBe(1);
    c.setOverview('p1', 1, c.overviewToken('p1'));
    c.invalidate([ev('organisation.updated')]);
    expect(c.getOverview('p1')).toBeUndefined();
    expect(c.getSearch('q')).toBeUndefined();
  });

  it('freezes what it keeps, so no request can change what the next one reads', () => {
    const c = new ReadCache();
    const value = { members: [{ name: 'Acme' }] };
    c.setOverview('p1', value, c.overviewToken('p1'));
    const cached = c.getOverview<typeof value>('p1')!;
    expect(() => {
      cached.members[0].name = 'Changed';
    }).toThrow(TypeError);
    expect(Object.isFrozen(cached.members)).toBe(true);
  });

  it('ignores platform events that change nothing it holds', () => {
    const c = new ReadCache();
    c.setOverview('p1', 1, c.overviewToken('p1'));
    c.setSearch('q', 1, c.searchToken());
    c.invalidate([ev('api_token.created'), ev('organisation.person_added'), ev('user.created')]);
    expect(c.getOverview('p1')).toBe(1);
    expect(c.getSearch('q')).toBe(1);
  });

  it('forgets everything when the event bus reconnects (notifications may have been missed)', () => {
    const c = new ReadCache();
    c.setOverview('p1', 1, c.overviewToken('p1'));
    c.setSearch('q', 1, c.searchToken());
    c.invalidate([ev('bus.reconnected')]);
    expect(c.getOverview('p1')).toBeUndefined();
    expect(c.getSearch('q')).toBeUndefined();
  });

  it('expires entries after their time to live and keeps at most `max` of them', () => {
    let now = 1000;
    const c = new ReadCache(500, 2, () => now);
    c.setOverview('a', 1, c.overviewToken('a'));
    now += 400;
    expect(c.getOverview('a')).toBe(1);
    now += 200;
    expect(c.getOverview('a')).toBeUndefined();
    c.setOverview('a', 1, c.overviewToken('a'));
    c.setOverview('b', 2, c.overviewToken('b'));
    c.setOverview('c', 3, c.overviewToken('c'));
    expect(c.getOverview('a')).toBeUndefined();
    expect(c.getOverview('c')).toBe(3);
  });
});

describe('the read cache of credentials, roles and overview answers', () => {
  const user = (name = 'Mina') => ({ id: 'u1', email: 'mina@test.accord', name, passwordHash: 'x', isAdmin: false, locale: 'en', createdAt: '', updatedAt: '' });
  const cred = (name = 'Mina') => ({ user: user(name), tokenId: 't1', lastUsedAt: null });

  it('keeps a found credential until a user or token event, but never "not found"', () => {
    const c = new ReadCache();
    c.setCredential('h1', cred(), c.credentialToken());
    expect(c.getCredential('h1')?.user.name).toBe('Mina');
    c.setCredential('h2', null as never, c.credentialToken());
    expect(c.getCredential('h2')).toBeUndefined();
    for (const type of ['api_token.revoked', 'api_token.created', 'user.updated', 'user.password_changed', 'organisation.archived']) {
      c.setCredential('h1', cred(), c.credentialToken());
      c.invalidate([ev(type)]);
      expect(c.getCredential('h1'), type).toBeUndefined();
    }
  });

  it('keeps credentials and roles when an organisation or its people change, on import progress and on partnership events', () => {
    const c = new ReadCache();
    c.setCredential('h1', cred(), c.credentialToken());
    c.setRoles('p1', 'u1', ['member'], c.rolesToken('p1'));
    c.invalidate([ev('organisation.created'), ev('organisation.updated'), ev('organisation.person_added'), ev('organisation.person_removed'), ev('import.progress'), ev('goal.added', 'p2')]);
    expect(c.getCredential('h1')?.tokenId).toBe('t1');
    expect(c.getRoles('p1', 'u1')).toEqual(['member']);
  });

  it('refuses to store a credential or roles looked up before an invalidation (a revoked token is not written back)', () => {
    const c = new ReadCache();
    const gen = c.credentialToken(); // the look-up begins
    c.invalidate([ev('api_token.revoked')]); // the revocation commits meanwhile
    c.setCredential('h1', cred(), gen); // the look-up ends with what it saw before
    expect(c.getCredential('h1')).toBeUndefined();

    const inPartnership = c.rolesToken('p1');
    c.invalidate([ev('person.removed', 'p1')]);
    c.setRoles('p1', 'u1', ['member'], inPartnership);
    expect(c.getRoles('p1', 'u1')).toBeUndefined();

    const onPlatform = c.rolesToken('p1');
    c.invalidate([ev('user.updated')]);
    c.setRoles('p1', 'u1', ['member'], onPlatform);
    expect(c.getRoles('p1', 'u1')).toBeUndefined();
  });

  it('drops a partnership’s roles on any event of that partnership, and only that partnership’s', () => {
    const c = new ReadCache();
    c.setRoles('p1', 'u1', ['member'], c.rolesToken('p1'));
    c.setRoles('p1', 'u2', ['convener'], c.rolesToken('p1'));
    c.setRoles('p2', 'u1', ['observer'], c.rolesToken('p2'));
    c.invalidate([ev('goal.updated', 'p1')]);
    expect(c.getRoles('p1', 'u1')).toBeUndefined();
    expect(c.getRoles('p1', 'u2')).toBeUndefined();
    expect(c.getRoles('p2', 'u1')).toEqual(['observer']);
  });

  it('expires credentials and roles after authTtlMs, though overviews live longer', () => {
    let now = 1000;
    const c = new ReadCache(10_000, 100, () => now, 1000);
    c.setCredential('h1', cred(), c.credentialToken());
    c.setRoles('p1', 'u1', ['member'], c.rolesToken('p1'));
    c.setOverview('p1', { v: 1 }, c.overviewToken('p1'));
    now += 900;
    expect(c.getCredential('h1')).toBeDefined();
    expect(c.getRoles('p1', 'u1')).toEqual(['member']);
    now += 200;
    expect(c.getCredential('h1')).toBeUndefined();
    expect(c.getRoles('p1', 'u1')).toBeUndefined();
    expect(c.getOverview('p1')).toEqual({ v: 1 });
  });

  it('notes a touch on the cached credential without making it younger', () => {
    let now = 1000;
    const c = new ReadCache(10_000, 100, () => now, 1000);
    c.setCredential('h1', cred(), c.credentialToken());
    now += 600;
    c.touchCredential('h1', '2026-01-01T00:00:00.000Z');
    const touched = c.getCredential('h1')!;
    expect(touched.lastUsedAt).toBe('2026-01-01T00:00:00.000Z');
    expect(Object.isFrozen(touched) && Object.isFrozen(touched.user)).toBe(true);
    now += 600;
    expect(c.getCredential('h1')).toBeUndefined();
    c.touchCredential('h1', 'later'); // nothing cached: nothing to note
    expect(c.getCredential('h1')).toBeUndefined();
  });

  it('forgets credentials, roles and overview answers when the event bus reconnects', () => {
    const c = new ReadCache();
    const data = { v: 1 };
    c.setCredential('h1', cred(), c.credentialToken());
    c.setRoles('p1', 'u1', ['member'], c.rolesToken('p1'));
    c.setOverview('p1', data, c.overviewToken('p1'));
    c.setOverviewBody('p1', 'anonymous', '{"v":1}', data, c.overviewToken('p1'));
    c.invalidate([ev('bus.reconnected')]);
    expect(c.getCredential('h1')).toBeUndefined();
    expect(c.getRoles('p1', 'u1')).toBeUndefined();
    expect(c.getOverviewBody('p1', 'anonymous', data)).toBeUndefined();
  });

  it('keeps at most `max` credentials and roles, and freezes roles', () => {
    const c = new ReadCache(10_000, 2);
    for (const h of ['a', 'b', 'c']) c.setCredential(h, cred(), c.credentialToken());
    expect(c.getCredential('a')).toBeUndefined();
    expect(c.getCredential('c')).toBeDefined();
    c.setRoles('p1', 'u1', ['member'], c.rolesToken('p1'));
    c.setRoles('p1', 'u2', ['member'], c.rolesToken('p1'));
    c.setRoles('p2', 'u1', ['observer'], c.rolesToken('p2'));
    expect(c.getRoles('p1', 'u1')).toBeUndefined();
    expect(c.getRoles('p1', 'u2')).toEqual(['member']);
    expect(c.getRoles('p2', 'u1')).toEqual(['observer']);
    expect(Object.isFrozen(c.getRoles('p2', 'u1'))).toBe(true);
  });

  it('serves an overview answer only with the very overview it was written from, and drops it with the overview', () => {
    let now = 1000;
    const c = new ReadCache(500, 100, () => now);
    const data = { v: 1 };
    c.setOverview('p1', data, c.overviewToken('p1'));
    c.setOverviewBody('p1', 'user::member', '{"v":1,"myRoles":["member"]}', data, c.overviewToken('p1'));
    expect(c.getOverviewBody('p1', 'user::member', data)).toBe('{"v":1,"myRoles":["member"]}');
    expect(c.getOverviewBody('p1', 'user::observer', data)).toBeUndefined();
    expect(c.getOverviewBody('p1', 'user::member', { v: 1 })).toBeUndefined(); // another read of the data
    // written from data that is no longer the cached overview, or after an invalidation: not kept
    const token = c.overviewToken('p1');
    c.invalidate([ev('goal.added', 'p1')]);
    expect(c.getOverviewBody('p1', 'user::member', data)).toBeUndefined();
    c.setOverviewBody('p1', 'anonymous', 'stale', data, token);
    const fresh = { v: 2 };
    c.setOverview('p1', fresh, c.overviewToken('p1'));
    c.setOverviewBody('p1', 'anonymous', 'stale', data, c.overviewToken('p1'));
    expect(c.getOverviewBody('p1', 'anonymous', data)).toBeUndefined();
    expect(c.getOverviewBody('p1', 'anonymous', fresh)).toBeUndefined();
    // and it expires with the overview
    c.setOverviewBody('p1', 'anonymous', '{"v":2}', fresh, c.overviewToken('p1'));
    expect(c.getOverviewBody('p1', 'anonymous', fresh)).toBe('{"v":2}');
    now += 600;
    expect(c.getOverviewBody('p1', 'anonymous', fresh)).toBeUndefined();
  });
});

describe('the read cache of people’s roles in organisations', () => {
  const ev = (type: string) => ({ type, partnershipId: '' });
  const roles = (entries: [string, 'org_admin' | 'member' | null][]) => new Map(entries);

  it('tells which organisations it knows a role for, "none" included, and which must be looked up', () => {
    const c = new ReadCache();
    c.setOrganisationRoles('u1', roles([['o1', 'org_admin'], ['o2', null]]), c.organisationRolesToken());
    const { known, missing } = c.getOrganisationRoles('u1', ['o1', 'o2', 'o3']);
    expect([...known]).toEqual([['o1', 'org_admin'], ['o2', null]]);
    expect(missing).toEqual(['o3']);
    expect(c.getOrganisationRoles('u2', ['o1']).missing).toEqual(['o1']);
  });

  it('drops every organisation role when anyone joins, leaves or changes role in an organisation, or a user or token changes', () => {
    for (const type of ['organisation.person_added', 'organisation.person_removed', 'organisation.person_role_changed', 'user.updated', 'api_token.revoked', 'bus.reconnected']) {
      const c = new ReadCache();
      c.setOrganisationRoles('u1', roles([['o1', 'member']]), c.organisationRolesToken());
      c.invalidate([ev(type)]);
      expect(c.getOrganisationRoles('u1', ['o1']).missing, type).toEqual(['o1']);
    }
  });

  it('keeps organisation roles when an organisation’s record changes, on import progress and on partnership events', () => {
    const c = new ReadCache();
    c.setOrganisationRoles('u1', roles([['o1', 'member']]), c.organisationRolesToken());
    c.invalidate([ev('organisation.created'), ev('organisation.updated'), ev('import.progress'), { type: 'goal.added', partnershipId: 'p1' }]);
    expect(c.getOrganisationRoles('u1', ['o1']).known.get('o1')).toBe('member');
  });

  it('refuses to store roles looked up before a change of an organisation’s people', () => {
    const c = new ReadCache();
    const token = c.organisationRolesToken();
    c.invalidate([ev('organisation.person_added')]);
    c.setOrganisationRoles('u1', roles([['o1', null]]), token);
    expect(c.getOrganisationRoles('u1', ['o1']).missing).toEqual(['o1']);
  });

  it('expires a person’s organisation roles after authTtlMs, and keeps at most 5 x max of them, dropping the oldest person’s first', () => {
    let now = 0;
    const c = new ReadCache(10_000, 2, () => now, 1_000);
    c.setOrganisationRoles('u1', roles([['o1', 'member']]), c.organisationRolesToken());
    now = 1_001;
    expect(c.getOrganisationRoles('u1', ['o1']).missing).toEqual(['o1']);

    c.setOrganisationRoles('u1', roles([['o1', null], ['o2', null], ['o3', null], ['o4', null], ['o5', null]]), c.organisationRolesToken());
    c.setOrganisationRoles('u2', roles([['o1', 'member'], ['o2', null], ['o3', null], ['o4', null], ['o5', null], ['o6', null]]), c.organisationRolesToken());
    expect(c.getOrganisationRoles('u1', ['o1']).missing).toEqual(['o1']);
    expect(c.getOrganisationRoles('u2', ['o1']).known.get('o1')).toBe('member');
  });
});
