import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { makeTestApp, signIn, as, type TestApp, type Session } from '../support/app';
import { buildWorld, PASSWORD, type World } from '../support/world';
import { DIALECTS, postgresAvailable } from '../support/databases';
import { Organisation, OrganisationMember, OrganisationMemberList, OrganisationPage, ORGANISATION_SORTS } from '../../src/contracts/organisations';
import { CreatedApiToken } from '../../src/contracts/accounts';
import { Ok, Problem } from '../../src/contracts/common';
import { searchForm } from '../../src/store/pagination';
import { uuidv7 } from '../../src/services/runtime';

const pgUp = await postgresAvailable();
const START = Date.parse('2025-03-01T09:00:00.000Z');
const steppingClock = () => {
  let t = START;
  return () => new Date((t += 1000)).toISOString();
};

type Res = { statusCode: number; headers: Record<string, unknown>; body: string; json: () => any };
function expectProblem(res: Res, status: number, code: string, field?: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  const p = Problem.parse(res.json());
  expect(p.status).toBe(status);
  expect(p.code).toBe(code);
  if (field !== undefined) expect((p.errors ?? []).map((e) => e.field), res.body).toContain(field);
  return p;
}

const ORGS = '/api/v1/organisations';
const valid = (over: Record<string, unknown> = {}) => ({ name: 'Riverside Cooperative', sector: 'community', iatiType: '22', country: 'KE', ...over });

describe.each(DIALECTS)('organisation routes on %s', (dialect) => {
  let t: TestApp;
  let w: World;
  const s = {} as Record<'admin' | 'convener' | 'representative' | 'member' | 'observer' | 'outsider', Session>;
  let n = 0;
  const uniq = (prefix: string) => `${prefix} ${++n}`;
  const countOrgs = async () => Number((await t.deps.database.db.selectFrom('organisations').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const create = async (who: Session, body: Record<string, unknown>) => {
    const res = await t.app.inject({ method: 'POST', url: ORGS, headers: as(who, true), payload: body });
    expect(res.statusCode, res.body).toBe(201);
    return Organisation.parse(res.json());
  };

  beforeAll(async () => {
    if (dialect === 'postgres' && !pgUp) return;
    t = await makeTestApp(dialect, {}, { clock: steppingClock() });
    w = await buildWorld(t.deps);
    for (const k of Object.keys(w.emails) as (keyof typeof s)[]) s[k] = await signIn(t.app, w.emails[k], PASSWORD);
  });
  afterAll(async () => t?.close());
  const run = dialect === 'postgres' && !pgUp ? it.skip : it;

  // ---------------------------------------------------------------------------------------------
  describe('POST /api/v1/organisations', () => {
    run('registers an organisation with normalised tags and makes its creator its admin', async () => {
      const res = await t.app.inject({
        method: 'POST', url: ORGS, headers: as(s.outsider, true),
        payload: valid({ name: '  Lakeside Trust  ', iatiIdentifier: 'GB-CHC-1000001', website: 'https://lakeside.example', offers: ['  Clean   Water ', 'Training'], seeks: ['FUNDING'] }),
      });
      expect(res.statusCode, res.body).toBe(201);
      const o = Organisation.parse(res.json());
      expect(o).toMatchObject({ name: 'Lakeside Trust', sector: 'community', iatiType: '22', country: 'KE', iatiIdentifier: 'GB-CHC-1000001', website: 'https://lakeside.example', description: null });
      expect([...o.offers].sort()).toEqual(['clean water', 'training']);
      expect(o.seeks).toEqual(['funding']);
      expect(o.allowedActions.sort()).toEqual(['organisation.members.manage', 'organisation.members.read', 'organisation.read', 'organisation.update']);
      const people = await t.app.inject({ url: `${ORGS}/${o.id}/members`, headers: as(s.outsider) });
      expect(OrganisationMemberList.parse(people.json()).items).toEqual([expect.objectContaining({ userId: s.outsider.userId, role: 'org_admin' })]);
      const again = await t.app.inject({ url: `${ORGS}/${o.id}` });
      expect(Organisation.parse(again.json())).toMatchObject({ id: o.id, name: 'Lakeside Trust', allowedActions: ['organisation.read'] });
    });

    run.each([
      ['a missing name', (b: any) => ({ ...b, name: undefined }), 'name'],
      ['a missing sector', (b: any) => ({ ...b, sector: undefined }), 'sector'],
      ['a too short name', (b: any) => ({ ...b, name: ' A ' }), 'name'],
      ['a sector of the wrong type', (b: any) => ({ ...b, sector: 5 }), 'sector'],
      ['a sector outside the list', (b: any) => ({ ...b, sector: 'government' }), 'sector'],
      ['tags that are not a list', (b: any) => ({ ...b, offers: 'water' }), 'offers'],
      ['an empty tag', (b: any) => ({ ...b, seeks: ['ok', '  '] }), 'seeks.1'],
      ['a lower-case country', (b: any) => ({ ...b, country: 'ke' }), 'country'],
      ['a one-digit organisation type', (b: any) => ({ ...b, iatiType: '7' }), 'iatiType'],
      ['a website that is not http(s)', (b: any) => ({ ...b, website: 'ftp://x.example' }), 'website'],
      ['an identifier without a dash', (b: any) => ({ ...b, iatiIdentifier: 'GBCOH123' }), 'iatiIdentifier'],
      ['an unknown field (bodies are strict)', (b: any) => ({ ...b, colour: 'red' }), 'colour'],
    ])('refuses %s with 400 invalid_request naming the field', async (_name, mutate, field) => {
      const before = await countOrgs();
      const res = await t.app.inject({ method: 'POST', url: ORGS, headers: as(s.member, true), payload: mutate(valid({ name: uniq('Invalid Org') })) });
      expectProblem(res, 400, 'invalid_request', field);
      expect(await countOrgs()).toBe(before);
    });

    run.each([
      ['an IATI identifier whose prefix is not a registration agency', { iatiIdentifier: 'ZZ-FOO-1' }, 'iatiIdentifier'],
      ['an IATI identifier with a withdrawn registration agency', { iatiIdentifier: 'GB-GOVUK-1' }, 'iatiIdentifier'],
      ['an unknown country code', { country: 'QQ' }, 'country'],
      ['an unknown IATI organisation type', { iatiType: '99' }, 'iatiType'],
      ['tags that repeat after normalisation', { offers: ['Water', ' WATER '] }, 'offers.1'],
    ])('refuses %s with 422 validation_failed naming the field', async (_name, over, field) => {
      const before = await countOrgs();
      const res = await t.app.inject({ method: 'POST', url: ORGS, headers: as(s.member, true), payload: valid({ name: uniq('Rule Org'), ...over }) });
      expectProblem(res, 422, 'validation_failed', field);
      expect(await countOrgs()).toBe(before);
    });

    run('refuses an IATI identifier that is only a prefix, saying the number is missing', async () => {
      const res = await t.app.inject({ method: 'POST', url: ORGS, headers: as(s.member, true), payload: valid({ name: uniq('Prefix Org'), iatiIdentifier: 'GB-COH' }) });
      const p = expectProblem(res, 422, 'validation_failed', 'iatiIdentifier');
      expect(p.errors?.find((e) => e.field === 'iatiIdentifier')?.code).toBe('missing_number');
    });

    run('refuses an IATI identifier another organisation already uses with 409 duplicate', async () => {
      await create(s.member, valid({ name: uniq('First Holder'), iatiIdentifier: 'GB-COH-555001' }));
      const before = await countOrgs();
      const res = await t.app.inject({ method: 'POST', url: ORGS, headers: as(s.outsider, true), payload: valid({ name: uniq('Second Holder'), iatiIdentifier: 'GB-COH-555001' }) });
      expectProblem(res, 409, 'duplicate', 'iatiIdentifier');
      expect(await countOrgs()).toBe(before);
    });

    run('refuses anonymous callers with 401', async () => {
      const before = await countOrgs();
      expectProblem(await t.app.inject({ method: 'POST', url: ORGS, payload: valid() }), 401, 'unauthenticated');
      expect(await countOrgs()).toBe(before);
    });

    run('refuses a cookie mutation without the CSRF token with 403 csrf_failed, writing nothing', async () => {
      const before = await countOrgs();
      expectProblem(await t.app.inject({ method: 'POST', url: ORGS, headers: as(s.member), payload: valid({ name: uniq('No Csrf') }) }), 403, 'csrf_failed');
      expectProblem(await t.app.inject({ method: 'POST', url: ORGS, headers: { ...as(s.member), 'x-csrf-token': 'wrong' }, payload: valid({ name: uniq('Bad Csrf') }) }), 403, 'csrf_failed');
      expectProblem(await t.app.inject({ method: 'POST', url: ORGS, headers: { ...as(s.member), 'x-csrf-token': s.outsider.csrf }, payload: valid({ name: uniq('Other Csrf') }) }), 403, 'csrf_failed');
      expect(await countOrgs()).toBe(before);
    });

    run('accepts a write with an API token and no CSRF token; refuses an unknown token with 401', async () => {
      const tok = await t.app.inject({ method: 'POST', url: '/api/v1/me/tokens', headers: as(s.observer, true), payload: { name: 'script' } });
      expect(tok.statusCode, tok.body).toBe(201);
      const { token } = CreatedApiToken.parse(tok.json());
      const name = uniq('Token Org');
      const res = await t.app.inject({ method: 'POST', url: ORGS, headers: { authorization: `Bearer ${token}` }, payload: valid({ name }) });
      expect(res.statusCode, res.body).toBe(201);
      const o = Organisation.parse(res.json());
      const people = await t.app.inject({ url: `${ORGS}/${o.id}/members`, headers: { authorization: `Bearer ${token}` } });
      expect(people.json().items.map((p: { userId: string }) => p.userId)).toEqual([s.observer.userId]);
      const before = await countOrgs();
      expectProblem(await t.app.inject({ method: 'POST', url: ORGS, headers: { authorization: `Bearer ${token}x` }, payload: valid({ name: uniq('Forged') }) }), 401, 'unauthenticated');
      expect(await countOrgs()).toBe(before);
    });

    run('applies a POST once per Idempotency-Key and replays the identical answer', async () => {
      const body = valid({ name: uniq('Idempotent Org'), offers: ['maps'] });
      const headers = { ...as(s.representative, true), 'idempotency-key': `org-create-${dialect}-0001` };
      const before = await countOrgs();
      const first = await t.app.inject({ method: 'POST', url: ORGS, headers, payload: body });
      const second = await t.app.inject({ method: 'POST', url: ORGS, headers, payload: body });
      expect(first.statusCode, first.body).toBe(201);
      expect(second.statusCode).toBe(201);
      expect(first.headers['idempotent-replayed']).toBeUndefined();
      expect(second.headers['idempotent-replayed']).toBe('true');
      expect(second.body).toBe(first.body);
      expect(await countOrgs()).toBe(before + 1);
      const found = OrganisationPage.parse((await t.app.inject({ url: `${ORGS}?q=${encodeURIComponent(body.name as string)}` })).json());
      expect(found.items.map((o) => o.id)).toEqual([first.json().id]);
    });

    run('refuses the same Idempotency-Key with another body with 422 idempotency_mismatch', async () => {
      const headers = { ...as(s.representative, true), 'idempotency-key': `org-create-${dialect}-0002` };
      const first = await t.app.inject({ method: 'POST', url: ORGS, headers, payload: valid({ name: uniq('Key Owner') }) });
      expect(first.statusCode).toBe(201);
      const before = await countOrgs();
      expectProblem(await t.app.inject({ method: 'POST', url: ORGS, headers, payload: valid({ name: uniq('Key Thief') }) }), 422, 'idempotency_mismatch', 'Idempotency-Key');
      expect(await countOrgs()).toBe(before);
    });
  });

  // ---------------------------------------------------------------------------------------------
  describe('GET /api/v1/organisations/:id', () => {
    run('shows an organisation to anyone, with what the caller may do', async () => {
      const anon = await t.app.inject({ url: `${ORGS}/${w.orgs.convenerOrg}` });
      expect(anon.statusCode, anon.body).toBe(200);
      expect(Organisation.parse(anon.json())).toMatchObject({ id: w.orgs.convenerOrg, name: 'City of Testville', sector: 'public', iatiType: '11', country: 'KE', allowedActions: ['organisation.read'] });
      const admin = Organisation.parse((await t.app.inject({ url: `${ORGS}/${w.orgs.convenerOrg}`, headers: as(s.convener) })).json());
      expect(admin.allowedActions).toContain('organisation.update');
      const member = Organisation.parse((await t.app.inject({ url: `${ORGS}/${w.orgs.convenerOrg}`, headers: as(s.member) })).json());
      expect(member.allowedActions.sort()).toEqual(['organisation.members.read', 'organisation.read']);
    });
    run('answers 404 for an unknown id and 400 naming id for a malformed one', async () => {
      expectProblem(await t.app.inject({ url: `${ORGS}/${uuidv7()}` }), 404, 'not_found');
      expectProblem(await t.app.inject({ url: `${ORGS}/not-an-id` }), 400, 'invalid_request', 'id');
    });
  });

  // ---------------------------------------------------------------------------------------------
  describe('PATCH /api/v1/organisations/:id', () => {
    run('lets an org-admin edit it; unchanged fields stay', async () => {
      const o = await create(s.outsider, valid({ name: uniq('Patch Me'), offers: ['a'] }));
      const res = await t.app.inject({ method: 'PATCH', url: `${ORGS}/${o.id}`, headers: as(s.outsider, true), payload: { description: 'Water kiosks', seeks: ['Funding '] } });
      expect(res.statusCode, res.body).toBe(200);
      const after = Organisation.parse(res.json());
      expect(after).toMatchObject({ name: o.name, sector: o.sector, country: o.country, offers: ['a'], seeks: ['funding'], description: 'Water kiosks' });
      expect(after.updatedAt > o.updatedAt).toBe(true);
      expect(Organisation.parse((await t.app.inject({ url: `${ORGS}/${o.id}` })).json())).toMatchObject({ description: 'Water kiosks', seeks: ['funding'] });
    });
    run('refuses a member who is not its admin with 403 and an outsider with 403', async () => {
      expectProblem(await t.app.inject({ method: 'PATCH', url: `${ORGS}/${w.orgs.convenerOrg}`, headers: as(s.member, true), payload: { description: 'x' } }), 403, 'forbidden');
      expectProblem(await t.app.inject({ method: 'PATCH', url: `${ORGS}/${w.orgs.convenerOrg}`, headers: as(s.outsider, true), payload: { description: 'x' } }), 403, 'forbidden');
      expect((await t.app.inject({ url: `${ORGS}/${w.orgs.convenerOrg}` })).json().description).toBeNull();
    });
    run('refuses anonymous callers with 401 and unknown ids with 404', async () => {
      expectProblem(await t.app.inject({ method: 'PATCH', url: `${ORGS}/${w.orgs.convenerOrg}`, payload: { description: 'x' } }), 401, 'unauthenticated');
      expectProblem(await t.app.inject({ method: 'PATCH', url: `${ORGS}/${uuidv7()}`, headers: as(s.convener, true), payload: { description: 'x' } }), 404, 'not_found');
    });
    run.each([
      ['an unknown field', { stage: 'x' }, 400, 'invalid_request', 'stage'],
      ['a name of the wrong type', { name: 42 }, 400, 'invalid_request', 'name'],
      ['an unknown country', { country: 'QQ' }, 422, 'validation_failed', 'country'],
      ['a bad IATI prefix', { iatiIdentifier: 'ZZ-FOO-1' }, 422, 'validation_failed', 'iatiIdentifier'],
      ['an unknown organisation type', { iatiType: '99' }, 422, 'validation_failed', 'iatiType'],
      ['tags that repeat after normalisation', { offers: ['Water', 'water'] }, 422, 'validation_failed', 'offers.1'],
    ] as const)('refuses %s, changing nothing', async (_name, patch, status, code, field) => {
      const before = (await t.app.inject({ url: `${ORGS}/${w.orgs.convenerOrg}` })).body;
      expectProblem(await t.app.inject({ method: 'PATCH', url: `${ORGS}/${w.orgs.convenerOrg}`, headers: as(s.convener, true), payload: patch }), status, code, field);
      expect((await t.app.inject({ url: `${ORGS}/${w.orgs.convenerOrg}` })).body).toBe(before);
    });
    run('refuses taking another organisation’s IATI identifier with 409, but keeps its own', async () => {
      const a = await create(s.outsider, valid({ name: uniq('Holder A'), iatiIdentifier: 'GB-COH-777001' }));
      const b = await create(s.outsider, valid({ name: uniq('Holder B') }));
      expectProblem(await t.app.inject({ method: 'PATCH', url: `${ORGS}/${b.id}`, headers: as(s.outsider, true), payload: { iatiIdentifier: 'GB-COH-777001' } }), 409, 'duplicate', 'iatiIdentifier');
      const same = await t.app.inject({ method: 'PATCH', url: `${ORGS}/${a.id}`, headers: as(s.outsider, true), payload: { iatiIdentifier: 'GB-COH-777001', name: 'Holder A renamed' } });
      expect(same.statusCode, same.body).toBe(200);
    });
    run('refuses a cookie edit without the CSRF token', async () => {
      expectProblem(await t.app.inject({ method: 'PATCH', url: `${ORGS}/${w.orgs.convenerOrg}`, headers: as(s.convener), payload: { description: 'x' } }), 403, 'csrf_failed');
    });
  });

  // ---------------------------------------------------------------------------------------------
  describe('organisation people', () => {
    run('GET lists its people to its members, in the contract shape', async () => {
      const res = await t.app.inject({ url: `${ORGS}/${w.orgs.convenerOrg}/members`, headers: as(s.member) });
      expect(res.statusCode, res.body).toBe(200);
      const list = OrganisationMemberList.parse(res.json());
      const byUser = Object.fromEntries(list.items.map((p) => [p.userId, p.role]));
      expect(byUser).toMatchObject({ [w.users.convener]: 'org_admin', [w.users.member]: 'member', [w.users.observer]: 'member' });
    });
    run('GET refuses anonymous (401), people of other organisations (403) and unknown ids (404)', async () => {
      expectProblem(await t.app.inject({ url: `${ORGS}/${w.orgs.convenerOrg}/members` }), 401, 'unauthenticated');
      expectProblem(await t.app.inject({ url: `${ORGS}/${w.orgs.convenerOrg}/members`, headers: as(s.outsider) }), 403, 'forbidden');
      expectProblem(await t.app.inject({ url: `${ORGS}/${uuidv7()}/members`, headers: as(s.outsider) }), 404, 'not_found');
    });

    run('POST adds a person by e-mail, and again changes their role', async () => {
      const o = await create(s.outsider, valid({ name: uniq('People Org') }));
      const res = await t.app.inject({ method: 'POST', url: `${ORGS}/${o.id}/members`, headers: as(s.outsider, true), payload: { email: w.emails.observer.toUpperCase(), role: 'member' } });
      expect(res.statusCode, res.body).toBe(201);
      expect(OrganisationMember.parse(res.json())).toMatchObject({ userId: w.users.observer, role: 'member', email: w.emails.observer });
      const again = await t.app.inject({ method: 'POST', url: `${ORGS}/${o.id}/members`, headers: as(s.outsider, true), payload: { email: w.emails.observer, role: 'org_admin' } });
      expect(again.statusCode, again.body).toBe(201);
      const list = OrganisationMemberList.parse((await t.app.inject({ url: `${ORGS}/${o.id}/members`, headers: as(s.outsider) })).json());
      expect(list.items.filter((p) => p.userId === w.users.observer).map((p) => p.role)).toEqual(['org_admin']);
    });
    run.each([
      ['a missing role', { email: 'member@test.accord' }, 400, 'invalid_request', 'role'],
      ['an unknown role', { email: 'member@test.accord', role: 'owner' }, 400, 'invalid_request', 'role'],
      ['a malformed e-mail', { email: 'nope', role: 'member' }, 400, 'invalid_request', 'email'],
      ['an unknown field', { email: 'member@test.accord', role: 'member', admin: true }, 400, 'invalid_request', 'admin'],
      ['an e-mail no account uses', { email: 'nobody@test.accord', role: 'member' }, 422, 'validation_failed', 'email'],
    ] as const)('POST refuses %s', async (_name, payload, status, code, field) => {
      expectProblem(await t.app.inject({ method: 'POST', url: `${ORGS}/${w.orgs.partnerOrg}/members`, headers: as(s.representative, true), payload }), status, code, field);
    });
    run('POST refuses anonymous (401), a non-admin member (403) and unknown organisations (404)', async () => {
      const payload = { email: w.emails.outsider, role: 'member' };
      expectProblem(await t.app.inject({ method: 'POST', url: `${ORGS}/${w.orgs.convenerOrg}/members`, payload }), 401, 'unauthenticated');
      expectProblem(await t.app.inject({ method: 'POST', url: `${ORGS}/${w.orgs.convenerOrg}/members`, headers: as(s.member, true), payload }), 403, 'forbidden');
      expectProblem(await t.app.inject({ method: 'POST', url: `${ORGS}/${uuidv7()}/members`, headers: as(s.convener, true), payload }), 404, 'not_found');
      const list = OrganisationMemberList.parse((await t.app.inject({ url: `${ORGS}/${w.orgs.convenerOrg}/members`, headers: as(s.convener) })).json());
      expect(list.items.map((p) => p.userId)).not.toContain(w.users.outsider);
    });

    run('DELETE removes a person; the last admin cannot be removed (409)', async () => {
      const o = await create(s.outsider, valid({ name: uniq('Remove Org') }));
      await t.app.inject({ method: 'POST', url: `${ORGS}/${o.id}/members`, headers: as(s.outsider, true), payload: { email: w.emails.member, role: 'member' } });
      const del = await t.app.inject({ method: 'DELETE', url: `${ORGS}/${o.id}/members/${w.users.member}`, headers: as(s.outsider, true) });
      expect(del.statusCode, del.body).toBe(200);
      expect(Ok.parse(del.json())).toEqual({ ok: true });
      expectProblem(await t.app.inject({ method: 'DELETE', url: `${ORGS}/${o.id}/members/${w.users.member}`, headers: as(s.outsider, true) }), 404, 'not_found');
      expectProblem(await t.app.inject({ method: 'DELETE', url: `${ORGS}/${o.id}/members/${w.users.outsider}`, headers: as(s.outsider, true) }), 409, 'conflict');
      const list = OrganisationMemberList.parse((await t.app.inject({ url: `${ORGS}/${o.id}/members`, headers: as(s.outsider) })).json());
      expect(list.items.map((p) => [p.userId, p.role])).toEqual([[w.users.outsider, 'org_admin']]);
    });
    run('the last admin cannot step down to member (409 role); with another admin they can', async () => {
      const o = await create(s.outsider, valid({ name: uniq('Step Down Org') }));
      expectProblem(await t.app.inject({ method: 'POST', url: `${ORGS}/${o.id}/members`, headers: as(s.outsider, true), payload: { email: w.emails.outsider, role: 'member' } }), 409, 'conflict', 'role');
      const roles = async () => OrganisationMemberList.parse((await t.app.inject({ url: `${ORGS}/${o.id}/members`, headers: as(s.outsider) })).json()).items.map((p) => [p.userId, p.role]);
      expect(await roles()).toEqual([[w.users.outsider, 'org_admin']]);
      expect((await t.app.inject({ method: 'POST', url: `${ORGS}/${o.id}/members`, headers: as(s.outsider, true), payload: { email: w.emails.member, role: 'org_admin' } })).statusCode).toBe(201);
      expect((await t.app.inject({ method: 'POST', url: `${ORGS}/${o.id}/members`, headers: as(s.outsider, true), payload: { email: w.emails.outsider, role: 'member' } })).statusCode).toBe(201);
      expect((await roles()).sort()).toEqual([[w.users.member, 'org_admin'], [w.users.outsider, 'member']].sort());
    });
    run('a person removed from an organisation stops acting for it in its partnerships, each ended role audited there', async () => {
      const o = await create(s.outsider, valid({ name: uniq('Departing Staff Org') }));
      const P = `/api/v1/partnerships/${w.otherPartnership}`;
      expect((await t.app.inject({ method: 'POST', url: `${ORGS}/${o.id}/members`, headers: as(s.outsider, true), payload: { email: w.emails.member, role: 'member' } })).statusCode).toBe(201);
      expect((await t.app.inject({ method: 'POST', url: `${P}/members`, headers: as(s.outsider, true), payload: { organisationId: o.id, role: 'partner' } })).statusCode).toBe(201);
      const rep = await t.app.inject({ method: 'POST', url: `${P}/people`, headers: as(s.outsider, true), payload: { email: w.emails.member, role: 'representative', organisationId: o.id } });
      expect(rep.statusCode, rep.body).toBe(201);
      const roleOf = async () => ((await t.app.inject({ url: `${P}/people`, headers: as(s.outsider) })).json() as { items: { userId: string; role: string }[] }).items.filter((x) => x.userId === w.users.member).map((x) => x.role);
      expect(await roleOf()).toEqual(['representative']);
      expect((await t.app.inject({ method: 'DELETE', url: `${ORGS}/${o.id}/members/${w.users.member}`, headers: as(s.outsider, true) })).statusCode).toBe(200);
      expect(await roleOf()).toEqual([]);
      expect((await t.app.inject({ url: P, headers: as(s.member) })).statusCode).toBe(404);
      const audit = (await t.app.inject({ url: `${P}/audit?limit=20`, headers: as(s.outsider) })).json() as { items: { action: string; entityId: string }[] };
      expect(audit.items.map((e) => [e.action, e.entityId])).toContainEqual(['person.removed', (rep.json() as { id: string }).id]);
    });
    run('DELETE refuses anonymous (401), a non-admin (403), unknown organisations (404) and malformed ids (400)', async () => {
      const url = `${ORGS}/${w.orgs.convenerOrg}/members/${w.users.observer}`;
      expectProblem(await t.app.inject({ method: 'DELETE', url }), 401, 'unauthenticated');
      expectProblem(await t.app.inject({ method: 'DELETE', url, headers: as(s.member, true) }), 403, 'forbidden');
      expectProblem(await t.app.inject({ method: 'DELETE', url: `${ORGS}/${uuidv7()}/members/${w.users.observer}`, headers: as(s.convener, true) }), 404, 'not_found');
      expectProblem(await t.app.inject({ method: 'DELETE', url: `${ORGS}/${w.orgs.convenerOrg}/members/nope`, headers: as(s.convener, true) }), 400, 'invalid_request', 'userId');
      const list = OrganisationMemberList.parse((await t.app.inject({ url: `${ORGS}/${w.orgs.convenerOrg}/members`, headers: as(s.convener) })).json());
      expect(list.items.map((p) => p.userId)).toContain(w.users.observer);
    });
  });

  // ---------------------------------------------------------------------------------------------
  describe('GET /api/v1/organisations (search)', () => {
    let fixtures: { id: string; name: string; sector: string; country: string | null; offers: string[]; seeks: string[] }[] = [];
    beforeAll(async () => {
      if (!t) return;
      const specs = [
        { name: 'Zephyr Alpha Water', sector: 'private', country: 'KE', offers: ['clean water', 'engineering'], seeks: [] },
        { name: 'Zephyr Bravo Health', sector: 'nonprofit', country: 'FR', offers: [], seeks: ['clean water'] },
        { name: 'Zéphyr Café Ñandú', sector: 'community', country: 'BR', offers: ['data'], seeks: ['funding'] },
        { name: 'Zephyr Delta', sector: 'academic', country: 'KE', offers: ['research'], seeks: [] },
        { name: 'Zephyr Delta', sector: 'academic', country: 'GB', offers: [], seeks: ['research'] },
        { name: 'Zephyr Echo 100% Fund', sector: 'philanthropic', country: 'FR', offers: ['grants'], seeks: [] },
        { name: 'Zephyr Echo 1000 Fund', sector: 'philanthropic', country: 'FR', offers: [], seeks: [] },
        { name: 'Zephyr Foxtrot_Lab', sector: 'public', country: null, offers: [], seeks: ['data'] },
      ];
      fixtures = [];
      for (const spec of specs) {
        const o = await create(s.outsider, { ...spec, country: spec.country ?? undefined });
        fixtures.push({ id: o.id, name: spec.name, sector: spec.sector, country: spec.country, offers: spec.offers, seeks: spec.seeks });
      }
    });
    const search = async (qs: string, who?: Session) => {
      const res = await t.app.inject({ url: `${ORGS}?${qs}`, headers: as(who ?? null) });
      expect(res.statusCode, res.body).toBe(200);
      return OrganisationPage.parse(res.json());
    };
    const zephyrIds = (page: { items: { id: string }[] }) => page.items.map((o) => o.id).filter((id) => fixtures.some((f) => f.id === id)).sort();
    const idsWhere = (pred: (f: (typeof fixtures)[number]) => boolean) => fixtures.filter(pred).map((f) => f.id).sort();

    run('finds by name, ignoring case and accents', async () => {
      expect(zephyrIds(await search('q=zephyr&limit=100'))).toEqual(idsWhere(() => true));
      expect(zephyrIds(await search('q=CAFE%20NANDU&limit=100'))).toEqual(idsWhere((f) => f.name.includes('Café')));
      expect((await search('q=zzzz-no-such-name')).items).toEqual([]);
    });
    run('treats % in the search text literally: "100%" finds the 100% fund and not the 1000 fund', async () => {
      expect(zephyrIds(await search(`q=${encodeURIComponent('100%')}&limit=100`))).toEqual(idsWhere((f) => f.name.includes('100%')));
    });
    run('treats _ in the search text literally', async () => {
      expect(zephyrIds(await search(`q=${encodeURIComponent('foxtrot_')}&limit=100`))).toEqual(idsWhere((f) => f.name.includes('Foxtrot_')));
      expect(zephyrIds(await search(`q=${encodeURIComponent('h_ealth')}&limit=100`))).toEqual([]);
    });
    run.each([
      ['sector=academic', (f: any) => f.sector === 'academic'],
      ['sector=philanthropic', (f: any) => f.sector === 'philanthropic'],
      ['country=KE', (f: any) => f.country === 'KE'],
      ['country=FR&sector=philanthropic', (f: any) => f.country === 'FR' && f.sector === 'philanthropic'],
      ['tag=clean%20water', (f: any) => f.offers.includes('clean water') || f.seeks.includes('clean water')],
      ['tag=Clean%20Water', (f: any) => f.offers.includes('clean water') || f.seeks.includes('clean water')],
      ['tag=clean%20water&tagKind=offers', (f: any) => f.offers.includes('clean water')],
      ['tag=clean%20water&tagKind=seeks', (f: any) => f.seeks.includes('clean water')],
      ['tag=research&tagKind=seeks', (f: any) => f.seeks.includes('research')],
      ['tag=data&country=BR', (f: any) => f.country === 'BR' && (f.offers.includes('data') || f.seeks.includes('data'))],
    ])('filters with %s', async (qs, pred) => {
      const page = await search(`q=zephyr&limit=100&${qs}`);
      expect(zephyrIds(page)).toEqual(idsWhere(pred));
      expect(zephyrIds(page).length).toBeGreaterThan(0);
      // every item of the page satisfies the filter, including ones not made here
      const p = new URLSearchParams(qs);
      for (const o of page.items) {
        if (p.get('sector')) expect(o.sector).toBe(p.get('sector'));
        if (p.get('country')) expect(o.country).toBe(p.get('country'));
      }
    });
    run('matches a tag the way tags are stored: whitespace inside it is folded', async () => {
      expect(zephyrIds(await search('q=zephyr&tag=clean%20%20water&limit=100'))).toEqual(idsWhere((f) => f.offers.includes('clean water') || f.seeks.includes('clean water')));
    });
    run.each([
      ['sector=government', 'sector'],
      ['country=ke', 'country'],
      ['tagKind=wants', 'tagKind'],
      ['limit=0', 'limit'],
      ['limit=101', 'limit'],
      ['sort=stage', 'sort'],
    ])('refuses the query %s with 400 naming the parameter', async (qs, field) => {
      expectProblem(await t.app.inject({ url: `${ORGS}?${qs}` }), 400, 'invalid_request', field);
    });
    run('refuses a cursor it did not give out with 400 naming cursor', async () => {
      expectProblem(await t.app.inject({ url: `${ORGS}?cursor=garbage` }), 400, 'bad_request', 'cursor');
    });

    const key = (sort: string, o: { name: string; createdAt: string; id: string }) => [sort.endsWith('name') ? searchForm(o.name) : o.createdAt, o.id] as const;
    const cmp = (a: readonly [string, string], b: readonly [string, string]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);
    run.each([...ORGANISATION_SORTS])('walks every page sorted by %s without duplicates or gaps', async (sort) => {
      const expected = idsWhere(() => true);
      const seen: { id: string; name: string; createdAt: string }[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: { items: { id: string; name: string; createdAt: string }[]; nextCursor: string | null } = await search(`q=zephyr&sort=${sort}&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.items.length).toBeLessThanOrEqual(3);
        if (page.nextCursor) expect(page.items.length).toBe(3);
        seen.push(...page.items);
        cursor = page.nextCursor;
        expect(++pages).toBeLessThan(20);
      } while (cursor);
      expect(pages).toBe(Math.ceil(expected.length / 3));
      expect(seen.map((o) => o.id).length).toBe(new Set(seen.map((o) => o.id)).size);
      expect(seen.map((o) => o.id).sort()).toEqual(expected);
      const dir = sort.startsWith('-') ? -1 : 1;
      for (let i = 1; i < seen.length; i++) expect(cmp(key(sort, seen[i - 1]), key(sort, seen[i])) * dir, `${sort} at ${i}`).toBe(-1);
    });
  });
});
