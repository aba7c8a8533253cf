/**
 * Organisation search pages are written once per page and kind of reader, then served as is: readers with the same
 * roles on the listed organisations get the same bytes, a reader whose role changes gets a different answer at once,
 * and any change of an organisation is seen by the next search. Both serialisers: the suite's strict one (zod) and
 * the production one (fast-json-stringify), which must write only the contract's fields.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, signIn, as, type TestApp, type Session } from '../support/app';
import { buildWorld, PASSWORD, type World } from '../support/world';
import { DIALECTS, postgresAvailable } from '../support/databases';
import { Organisation, OrganisationPage } from '../../src/contracts/organisations';

const pgUp = await postgresAvailable();
const ORGS = '/api/v1/organisations';
const CASES = DIALECTS.flatMap((d) => [
  [d, true],
  [d, false],
] as const);

describe.each(CASES)('organisation search answers on %s (strict serialiser: %s)', (dialect, strict) => {
  let t: TestApp;
  let w: World;
  const s = {} as Record<'member' | 'observer' | 'outsider' | 'convener', Session>;
  let orgId = '';
  const search = async (who: Session | null) => {
    const res = await t.app.inject({ url: `${ORGS}?q=harbour&limit=10`, headers: as(who) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    return res;
  };

  beforeAll(async () => {
    if (dialect === 'postgres' && !pgUp) return;
    t = await makeTestApp(dialect, {}, {}, { strictResponses: strict });
    w = await buildWorld(t.deps);
    for (const k of ['member', 'observer', 'outsider', 'convener'] as const) s[k] = await signIn(t.app, w.emails[k], PASSWORD);
    for (const name of ['Harbour Water Trust', 'Harbour Health Alliance']) {
      const res = await t.app.inject({ method: 'POST', url: ORGS, headers: as(s.outsider, true), payload: { name, sector: 'nonprofit', iatiType: '22', country: 'KE' } });
      expect(res.statusCode, res.body).toBe(201);
      orgId ||= Organisation.parse(res.json()).id;
    }
  });
  afterAll(async () => t?.close());
  const run = dialect === 'postgres' && !pgUp ? it.skip : it;

  run('answers readers with the same roles the same bytes, and writes only the contract’s fields', async () => {
    const a = await search(s.member);
    const b = await search(s.observer);
    expect(b.body).toBe(a.body);
    const page = OrganisationPage.parse(a.json());
    expect(page.items.map((o) => o.name)).toEqual(['Harbour Health Alliance', 'Harbour Water Trust']);
    for (const o of page.items) expect(o.allowedActions).toEqual(['organisation.read']);
    const contract = Object.keys(OrganisationPage.shape.items.element.shape).sort();
    for (const o of a.json().items as Record<string, unknown>[]) expect(Object.keys(o).filter((k) => !contract.includes(k))).toEqual([]);
    expect((await search(null)).json().items.map((o: { id: string }) => o.id)).toEqual(page.items.map((o) => o.id));
  });

  run('answers a reader with a role on a listed organisation for that role, and at once when the role is given', async () => {
    const admin = OrganisationPage.parse((await search(s.outsider)).json());
    expect(admin.items.every((o) => o.allowedActions.includes('organisation.update'))).toBe(true);
    const before = OrganisationPage.parse((await search(s.member)).json());
    expect(before.items.find((o) => o.id === orgId)!.allowedActions).toEqual(['organisation.read']);
    const added = await t.app.inject({ method: 'POST', url: `${ORGS}/${orgId}/members`, headers: as(s.outsider, true), payload: { email: w.emails.member, role: 'org_admin' } });
    expect(added.statusCode, added.body).toBe(201);
    const after = OrganisationPage.parse((await search(s.member)).json());
    expect(after.items.find((o) => o.id === orgId)!.allowedActions).toContain('organisation.update');
    expect(after.items.find((o) => o.id !== orgId)!.allowedActions).toEqual(['organisation.read']);
    const profile = await t.app.inject({ url: `${ORGS}/${orgId}`, headers: as(s.member) });
    expect(Organisation.parse(profile.json()).allowedActions).toContain('organisation.update');
  });

  run('answers a reader whose role on a listed organisation was taken away without it, at once', async () => {
    const given = await t.app.inject({ method: 'POST', url: `${ORGS}/${orgId}/members`, headers: as(s.outsider, true), payload: { email: w.emails.observer, role: 'org_admin' } });
    expect(given.statusCode, given.body).toBe(201);
    expect(OrganisationPage.parse((await search(s.observer)).json()).items.find((o) => o.id === orgId)!.allowedActions).toContain('organisation.update');
    const removed = await t.app.inject({ method: 'DELETE', url: `${ORGS}/${orgId}/members/${w.users.observer}`, headers: as(s.outsider, true) });
    expect(removed.statusCode, removed.body).toBe(200);
    expect(OrganisationPage.parse((await search(s.observer)).json()).items.find((o) => o.id === orgId)!.allowedActions).toEqual(['organisation.read']);
    const profile = await t.app.inject({ url: `${ORGS}/${orgId}`, headers: as(s.observer) });
    expect(Organisation.parse(profile.json()).allowedActions).toEqual(['organisation.read']);
  });

  run('shows a renamed organisation in the next search', async () => {
    await search(s.observer);
    const renamed = await t.app.inject({ method: 'PATCH', url: `${ORGS}/${orgId}`, headers: as(s.outsider, true), payload: { name: 'Harbour Water Cooperative' } });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(OrganisationPage.parse((await search(s.observer)).json()).items.map((o) => o.name)).toContain('Harbour Water Cooperative');
  });
});
