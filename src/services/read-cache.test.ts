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
