import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { makeTestApp, signIn, as, type TestApp, type Session } from '../support/app';
import { buildWorld, PASSWORD, type World } from '../support/world';
import { DIALECTS, postgresAvailable } from '../support/databases';
import { createOrganisation } from '../../src/services/organisations/organisations';
import { addMember, updateMember } from '../../src/services/partnerships/partnerships';
import { MemberList, PersonList } from '../../src/contracts/partnerships';
import { searchForm } from '../../src/store/pagination';

const pgUp = await postgresAvailable();

describe.each(DIALECTS)('member and people lists on %s', (dialect) => {
  const skip = dialect === 'postgres' && !pgUp;
  let t: TestApp;
  let w: World;
  let s: Session;
  const P = '/api/v1/partnerships';
  beforeAll(async () => {
    if (skip) return;
    t = await makeTestApp(dialect);
    w = await buildWorld(t.deps);
    s = await signIn(t.app, w.emails.convener, PASSWORD);
    const convener = await w.actor(w.users.convener);
    const outsider = await w.actor(w.users.outsider);
    // 23 more members, a few of which leave, with names that sort differently from creation order
    for (let i = 0; i < 23; i++) {
      const org = await createOrganisation(t.deps, outsider, { name: `${String.fromCharCode(90 - (i % 26))}ulu Partner ${i}`, sector: 'nonprofit' });
      const m = await addMember(t.deps, convener, w.partnership, { organisationId: org.id, role: i % 3 ? 'partner' : 'funder', joinedOn: `2024-01-${String(1 + ((i * 7) % 12)).padStart(2, '0')}` });
      if (i % 5 === 0) await updateMember(t.deps, convener, w.partnership, m.id, { leftOn: '2025-06-30' });
    }
  });
  afterAll(async () => t?.close());
  const run = skip ? it.skip : it;

  async function walk(query: string) {
    const all: { id: string; organisationName: string; joinedOn: string; leftOn: string | null; role: string }[] = [];
    let cursor: string | null = null;
    do {
      const res = await t.app.inject({ url: `${P}/${w.partnership}/members?${query}&limit=4${cursor ? `&cursor=${cursor}` : ''}`, headers: as(s) });
      expect(res.statusCode, res.body).toBe(200);
      const page = MemberList.parse(res.json());
      all.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return all;
  }

  run('pages through every member organisation by name without duplicates or gaps', async () => {
    const all = await walk('status=all');
    expect(all).toHaveLength(25); // convener org + partner org + 23
    expect(new Set(all.map((m) => m.id)).size).toBe(25);
    const names = all.map((m) => searchForm(m.organisationName));
    expect(names).toEqual([...names].sort());
  });

  run('filters current members, members that left, and by role', async () => {
    const current = await walk('status=current');
    const left = await walk('status=left');
    expect(left).toHaveLength(5);
    expect(left.every((m) => m.leftOn === '2025-06-30')).toBe(true);
    expect(current).toHaveLength(20);
    expect(current.every((m) => m.leftOn === null)).toBe(true);
    const funders = await walk('status=all&role=funder');
    expect(funders).toHaveLength(8);
    expect(funders.every((m) => m.role === 'funder')).toBe(true);
  });

  run('pages through members by date joined, either way, ties by id, and by name backwards', async () => {
    const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const oldest = await walk('status=all&sort=joinedOn');
    expect(oldest).toHaveLength(25);
    expect(new Set(oldest.map((m) => m.id)).size).toBe(25);
    expect(oldest.map((m) => [m.joinedOn, m.id])).toEqual([...oldest].sort((a, b) => byKey(a.joinedOn, b.joinedOn) || byKey(a.id, b.id)).map((m) => [m.joinedOn, m.id]));
    expect(new Set(oldest.map((m) => m.joinedOn)).size).toBeGreaterThan(5);
    const newest = await walk('status=all&sort=-joinedOn');
    expect(newest.map((m) => m.id)).toEqual([...oldest].reverse().map((m) => m.id));
    const backwards = await walk('status=current&sort=-name');
    const names = backwards.map((m) => searchForm(m.organisationName));
    expect(names).toEqual([...names].sort().reverse());
    expect(backwards).toHaveLength(20);
  });

  run('refuses an unknown sort with 400 naming the field', async () => {
    const bad = await t.app.inject({ url: `${P}/${w.partnership}/members?sort=size`, headers: as(s) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('sort');
  });

  run('refuses an unknown status or a limit over 500 with 400 naming the field', async () => {
    const bad = await t.app.inject({ url: `${P}/${w.partnership}/members?status=gone`, headers: as(s) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('status');
    const big = await t.app.inject({ url: `${P}/${w.partnership}/members?limit=501`, headers: as(s) });
    expect(big.statusCode).toBe(400);
  });

  run('pages through people by name and filters them by role', async () => {
    const first = PersonList.parse((await t.app.inject({ url: `${P}/${w.partnership}/people?limit=2`, headers: as(s) })).json());
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toBeTruthy();
    const rest = PersonList.parse((await t.app.inject({ url: `${P}/${w.partnership}/people?limit=10&cursor=${first.nextCursor}`, headers: as(s) })).json());
    const names = [...first.items, ...rest.items].map((p) => p.name);
    expect(names).toEqual([...names].sort());
    expect(names).toHaveLength(4);
    const newest = PersonList.parse((await t.app.inject({ url: `${P}/${w.partnership}/people?sort=-since&limit=3`, headers: as(s) })).json());
    const older = PersonList.parse((await t.app.inject({ url: `${P}/${w.partnership}/people?sort=-since&limit=3&cursor=${newest.nextCursor}`, headers: as(s) })).json());
    const since = [...newest.items, ...older.items].map((p) => p.since);
    expect(since).toHaveLength(4);
    expect(since).toEqual([...since].sort().reverse());
    const observers = PersonList.parse((await t.app.inject({ url: `${P}/${w.partnership}/people?role=observer`, headers: as(s) })).json());
    expect(observers.items.map((p) => p.userId)).toEqual([w.users.observer]);
  });
});
