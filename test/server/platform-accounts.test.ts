/**
 * Platform admins manage accounts: they create one with a password or invite its person by e-mail (a one-time link,
 * valid for a week unless the platform sets otherwise, to choose a password), grant and revoke platform admin (never the last one), and change a name
 * or a language. Every change is audited in the platform chain; a refused request writes nothing; a revoked admin
 * loses access on the next request, by session or by API token.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, signIn, as, type TestApp, type Session, type SentMail } from '../support/app';
import { buildWorld, PASSWORD, type World } from '../support/world';
import { DIALECTS, postgresAvailable } from '../support/databases';
import { expectProblem } from '../support/problems';
import { changedTables, snapshotDb } from '../fuzz/db-snapshot';
import { AccountSummary, CreatedAccount, CreatedApiToken } from '../../src/contracts/accounts';
import { page } from '../../src/contracts/common';
import { composeDeps, createMailer } from '../../src/server/compose';
import { loadConfig } from '../../src/config/config';
import { buildApp } from '../../src/server/app';
import { createDatabase } from '../../src/store/database';
import { ReadCache } from '../../src/services/read-cache';
import type { Deps } from '../../src/services/context';

const pgUp = await postgresAvailable();
const USERS = '/api/v1/users';
const MISSING = '01890000-0000-7000-8000-000000000000';
const AccountPage = page(AccountSummary);
/** The mail server refuses these addresses. */
const UNREACHABLE = /^bounce/;

/** A mailer that keeps what it sends, and fails for addresses the test says cannot be reached. */
function capturingMailer() {
  const sent: SentMail[] = [];
  return {
    sent,
    mailer: {
      send: async (m: SentMail) => {
        if (UNREACHABLE.test(m.to)) throw new Error('550 mailbox unavailable');
        sent.push(m);
      },
    },
  };
}
const tokenIn = (text: string) => /\/reset-password#token=([\w-]+)/.exec(text)?.[1];

describe.each(DIALECTS)('platform accounts on %s', (dialect) => {
  const skip = dialect === 'postgres' && !pgUp;
  const run = skip ? it.skip : it;
  let t: TestApp;
  let w: World;
  const mail = capturingMailer();
  const s = {} as Record<'admin' | 'convener' | 'member', Session>;

  beforeAll(async () => {
    if (skip) return;
    t = await makeTestApp(dialect, {}, { mailer: mail.mailer });
    w = await buildWorld(t.deps);
    for (const k of ['admin', 'convener', 'member'] as const) s[k] = await signIn(t.app, w.emails[k], PASSWORD);
  });
  afterAll(async () => t?.close());

  const create = (body: object, who: Session | null = s.admin, headers: Record<string, string> = {}) => t.app.inject({ method: 'POST', url: USERS, headers: { ...as(who, true), ...headers }, payload: body });
  const patch = (id: string, body: unknown, who: Session | null = s.admin, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'PATCH', url: `${USERS}/${id}`, headers: { ...as(who, true), ...headers }, payload: body as object });
  const list = async (q: string, who: Session = s.admin) => {
    const res = await t.app.inject({ url: `${USERS}?q=${encodeURIComponent(q)}`, headers: as(who) });
    expect(res.statusCode, res.body).toBe(200);
    return AccountPage.parse(res.json()).items;
  };
  const eventsOf = (entityId: string) => t.deps.database.db.selectFrom('audit_events').selectAll().where('entity_id', '=', entityId).orderBy('seq').execute();
  const adminIds = async () => (await t.deps.database.db.selectFrom('users').select('id').where('is_admin', '=', 1).execute()).map((r) => r.id).sort();
  /** A fresh account with a password (not an admin unless told). */
  const account = async (key: string, isAdmin = false) => {
    const res = await create({ email: `${key}@test.accord`, name: `Person ${key}`, password: PASSWORD, isAdmin });
    expect(res.statusCode, res.body).toBe(201);
    return CreatedAccount.parse(res.json());
  };

  run('invites a person when no password is given: a French e-mail names who invited them and where, and its link lets them choose a password and sign in', async () => {
    const res = await create({ email: 'Ines.Invitee@Test.Accord', name: 'Inès Invitée', locale: 'fr' });
    expect(res.statusCode, res.body).toBe(201);
    const created = CreatedAccount.parse(res.json());
    expect(created).toMatchObject({ email: 'ines.invitee@test.accord', name: 'Inès Invitée', locale: 'fr', isAdmin: false, invited: true, invitationPending: true });

    const sent = mail.sent.filter((m) => m.to === 'ines.invitee@test.accord');
    expect(sent).toHaveLength(1);
    expect(sent[0].subject).toBe('Ada Admin vous invite sur Accord');
    expect(sent[0].text).toContain('Bonjour Inès Invitée,');
    expect(sent[0].text).toContain(`Ada Admin vous a créé un compte sur Accord, la plateforme de partenariats à l’adresse ${t.deps.config.publicUrl}`);
    expect(sent[0].text).toContain('dans les 7 jours');
    const token = tokenIn(sent[0].text)!;
    expect(token.length).toBeGreaterThan(20);
    // the link says it is an invitation, so the password page welcomes the person
    expect(sent[0].text).toContain(`/reset-password#token=${token}&invitation=1`);

    // no password works before the link is used, and the link lives a week
    expectProblem(await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: created.email, password: 'any password at all' } }), 401, 'invalid_credentials', 'password');
    const link = await t.deps.database.db.selectFrom('password_resets').selectAll().where('user_id', '=', created.id).executeTakeFirstOrThrow();
    expect(Date.parse(link.expires_at) - Date.parse(link.created_at)).toBe(7 * 24 * 3_600_000);
    // the answer says until when: the admin can tell the person; the e-mail went to a mail server, not to a log
    expect(created.invitationExpiresAt).toBe(link.expires_at);
    expect(created.invitationInLog).toBe(false);

    const chosen = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload: { token, password: 'mon mot de passe à moi' } });
    expect(chosen.statusCode, chosen.body).toBe(200);
    const ines = await signIn(t.app, created.email, 'mon mot de passe à moi');
    expect(ines.userId).toBe(created.id);
    expect((await list('ines'))[0]).toMatchObject({ id: created.id, invitationPending: false });
    // the link works once
    expectProblem(await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload: { token, password: 'another passphrase here' } }), 422, 'validation_failed', 'token');
    const changed = (await eventsOf(created.id)).find((e) => e.action === 'user.password_changed')!;
    expect(JSON.parse(changed.diff).invitation).toEqual(['pending', 'accepted']);
  });

  run('words the invitation in the new account’s language: English by default, Spanish for a Spanish account', async () => {
    expect((await create({ email: 'eve.english@test.accord', name: 'Eve English' })).statusCode).toBe(201);
    expect((await create({ email: 'sara.spanish@test.accord', name: 'Sara Spanish', locale: 'es' })).statusCode).toBe(201);
    const en = mail.sent.find((m) => m.to === 'eve.english@test.accord')!;
    expect(en.subject).toBe('Ada Admin invited you to Accord');
    expect(en.text).toContain(`Ada Admin has created an account for you on Accord, the partnership platform at ${t.deps.config.publicUrl}. It uses this e-mail address (eve.english@test.accord).`);
    expect(en.text).toContain('within 7 days');
    expect(en.text).toContain('("Forgot your password?")');
    const es = mail.sent.find((m) => m.to === 'sara.spanish@test.accord')!;
    expect(es.subject).toBe('Ada Admin le invita a Accord');
    expect(es.text).toContain('Hola Sara Spanish:');
    expect(es.text).toContain('en los próximos 7 días');
    expect(tokenIn(es.text)).not.toBe(tokenIn(en.text));
  });

  run('audits an invitation as the creation of the account, invited, never with the link’s token', async () => {
    const res = await create({ email: 'audited.invite@test.accord', name: 'Audited Invite' });
    const created = CreatedAccount.parse(res.json());
    const token = tokenIn(mail.sent.find((m) => m.to === created.email)!.text)!;
    const [event, ...others] = await eventsOf(created.id);
    expect(others).toEqual([]);
    expect(event).toMatchObject({ action: 'user.created', actor_id: w.users.admin, partnership_id: null });
    const diff = JSON.parse(event.diff);
    expect(diff.email).toEqual([null, 'audited.invite@test.accord']);
    expect(diff.password).toEqual([null, '[redacted]']);
    expect(Date.parse(diff.invitationExpiresAt[1]) - Date.parse(event.at)).toBe(7 * 24 * 3_600_000);
    const all = (await t.deps.database.db.selectFrom('audit_events').select('diff').execute()).map((r) => r.diff).join('\n');
    expect(all).not.toContain(token);
  });

  run('creates an account with the password given, sending nothing and answering invited: false', async () => {
    const before = mail.sent.length;
    const created = await account('with.password');
    expect(created).toMatchObject({ invited: false, invitationPending: false, invitationExpiresAt: null });
    expect(mail.sent.length).toBe(before);
    await signIn(t.app, created.email, PASSWORD);
    const [event] = await eventsOf(created.id);
    expect(JSON.parse(event.diff).invitationExpiresAt).toBeUndefined();
  });

  run('makes the invitation’s link work for the days the platform sets (ACCORD_INVITATION_DAYS), and the e-mail says so', async () => {
    const short = capturingMailer();
    const other = await makeTestApp(dialect, { invitationDays: 2 }, { mailer: short.mailer });
    try {
      const session = await signIn(other.app, (await buildWorld(other.deps)).emails.admin, PASSWORD);
      const res = await other.app.inject({ method: 'POST', url: USERS, headers: as(session, true), payload: { email: 'two.days@test.accord', name: 'Two Days', locale: 'fr' } });
      expect(res.statusCode, res.body).toBe(201);
      const created = CreatedAccount.parse(res.json());
      const link = await other.deps.database.db.selectFrom('password_resets').selectAll().where('user_id', '=', created.id).executeTakeFirstOrThrow();
      expect(Date.parse(link.expires_at) - Date.parse(link.created_at)).toBe(2 * 24 * 3_600_000);
      expect(created.invitationExpiresAt).toBe(link.expires_at);
      expect(short.sent[0].text).toContain('dans les 2 jours');
    } finally {
      await other.close();
    }
  });

  run('says when an invitation went to the server’s log because no mail server is set (invitationInLog), the link in the log entry', async () => {
    const logged: unknown[] = [];
    const log = { info: (o: unknown) => void logged.push(o), warn: () => undefined, error: () => undefined };
    const other = await makeTestApp(dialect, {}, { mailer: createMailer(loadConfig({}), log) });
    try {
      const session = await signIn(other.app, (await buildWorld(other.deps)).emails.admin, PASSWORD);
      const res = await other.app.inject({ method: 'POST', url: USERS, headers: as(session, true), payload: { email: 'in.the.log@test.accord', name: 'In The Log' } });
      expect(res.statusCode, res.body).toBe(201);
      expect(CreatedAccount.parse(res.json())).toMatchObject({ invited: true, invitationInLog: true, invitationPending: true });
      const entry = JSON.stringify(logged.find((o) => JSON.stringify(o).includes('in.the.log@test.accord')));
      expect(entry).toMatch(/reset-password#token=[\w-]+&invitation=1/);
      // with a password nothing is sent, and nothing is said to be in the log
      const withPassword = await other.app.inject({ method: 'POST', url: USERS, headers: as(session, true), payload: { email: 'has.password@test.accord', name: 'Has Password', password: PASSWORD } });
      expect(CreatedAccount.parse(withPassword.json())).toMatchObject({ invited: false, invitationInLog: false });
    } finally {
      await other.close();
    }
  });

  run('keeps an invited account when the mail server refuses the invitation, answering invited: false; a reset link still reaches the person later', async () => {
    const res = await create({ email: 'bounce.later@test.accord', name: 'Bounce Later' });
    expect(res.statusCode, res.body).toBe(201);
    const created = CreatedAccount.parse(res.json());
    expect(created).toMatchObject({ invited: false, invitationPending: true });
    expect((await list('bounce.later'))[0].id).toBe(created.id);
  });

  run('refuses each bad field of a new account with 400 naming it, and writes nothing', async () => {
    const before = await snapshotDb(t.deps);
    const cases: [object, string][] = [
      [{ email: 'not an address', name: 'X' }, 'email'],
      [{ email: 'x@test.accord', name: '   ' }, 'name'],
      [{ email: 'x@test.accord', name: 'X', password: 'short' }, 'password'],
      [{ email: 'x@test.accord', name: 'X', locale: 'de' }, 'locale'],
      [{ email: 'x@test.accord', name: 'X', isAdmin: 'yes' }, 'isAdmin'],
      [{ name: 'X' }, 'email'],
    ];
    for (const [body, field] of cases) expectProblem(await create(body), 400, 'invalid_request', field);
    expectProblem(await create({ email: w.emails.member, name: 'Twin' }), 409, 'duplicate', 'email');
    expect(changedTables(before, await snapshotDb(t.deps))).toEqual([]);
  });

  run('grants platform admin and revokes it, each audited in the platform chain with the account before and after', async () => {
    const bea = await account('bea.granted');
    const bee = await signIn(t.app, bea.email, PASSWORD);
    expectProblem(await t.app.inject({ url: USERS, headers: as(bee) }), 403, 'forbidden');

    const granted = await patch(bea.id, { isAdmin: true });
    expect(granted.statusCode, granted.body).toBe(200);
    expect(AccountSummary.parse(granted.json())).toMatchObject({ id: bea.id, isAdmin: true });
    expect((await t.app.inject({ url: USERS, headers: as(bee) })).statusCode).toBe(200);

    const revoked = await patch(bea.id, { isAdmin: false });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(AccountSummary.parse(revoked.json()).isAdmin).toBe(false);

    const events = (await eventsOf(bea.id)).filter((e) => e.action.startsWith('user.admin_'));
    expect(events.map((e) => e.action)).toEqual(['user.admin_granted', 'user.admin_revoked']);
    expect(events.every((e) => e.partnership_id === null && e.actor_id === w.users.admin)).toBe(true);
    expect(JSON.parse(events[0].diff)).toEqual({ isAdmin: [false, true] });
    expect(JSON.parse(events[1].diff)).toEqual({ isAdmin: [true, false] });
    // the platform audit log shows them to admins
    const log = (await t.app.inject({ url: '/api/v1/audit?limit=5', headers: as(s.admin) })).json().items as { action: string; entityId: string }[];
    expect(log.filter((e) => e.entityId === bea.id).map((e) => e.action)).toEqual(['user.admin_revoked', 'user.admin_granted', 'user.created']);
  });

  run('changes another person’s name and language as user.updated, writing nothing when nothing changes', async () => {
    const cal = await account('cal.renamed');
    const res = await patch(cal.id, { name: '  Çal Rênamed ', locale: 'es' });
    expect(res.statusCode, res.body).toBe(200);
    expect(AccountSummary.parse(res.json())).toMatchObject({ name: 'Çal Rênamed', locale: 'es', isAdmin: false });
    expect((await list('cal renamed')).map((u) => u.id)).toEqual([cal.id]);
    const updated = (await eventsOf(cal.id)).filter((e) => e.action === 'user.updated');
    expect(updated).toHaveLength(1);
    expect(JSON.parse(updated[0].diff)).toEqual({ name: ['Person cal.renamed', 'Çal Rênamed'], locale: ['en', 'es'] });

    const before = await snapshotDb(t.deps);
    for (const body of [{}, { name: 'Çal Rênamed', locale: 'es', isAdmin: false }]) {
      const same = await patch(cal.id, body);
      expect(same.statusCode, same.body).toBe(200);
      expect(AccountSummary.parse(same.json()).name).toBe('Çal Rênamed');
    }
    expect(changedTables(before, await snapshotDb(t.deps))).toEqual([]);
  });

  run('writes two events for a request that renames and grants admin at once: user.updated, then user.admin_granted', async () => {
    const dee = await account('dee.both');
    const res = await patch(dee.id, { name: 'Dee Both', isAdmin: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(AccountSummary.parse(res.json())).toMatchObject({ name: 'Dee Both', isAdmin: true });
    const events = (await eventsOf(dee.id)).filter((e) => e.action !== 'user.created');
    expect(events.map((e) => e.action)).toEqual(['user.updated', 'user.admin_granted']);
    expect(JSON.parse(events[0].diff)).toEqual({ name: ['Person dee.both', 'Dee Both'] });
    expect(JSON.parse(events[1].diff)).toEqual({ isAdmin: [false, true] });
    // back as it was, for the tests that count admins
    expect((await patch(dee.id, { isAdmin: false })).statusCode).toBe(200);
  });

  run('refuses to revoke the last platform admin with 409 last_admin on isAdmin, in the reader’s language, and writes nothing', async () => {
    expect(await adminIds()).toEqual([w.users.admin]);
    const before = await snapshotDb(t.deps);
    const p = expectProblem(await patch(w.users.admin, { isAdmin: false }), 409, 'conflict', 'isAdmin');
    expect(p.detail).toBe('Ada Admin is the last platform admin: make someone else a platform admin first');
    expect(p.errors).toEqual([{ field: 'isAdmin', code: 'last_admin', message: 'The platform needs at least one platform admin' }]);
    const fr = expectProblem(await patch(w.users.admin, { isAdmin: false, name: 'Ada Renamed' }, s.admin, { 'accept-language': 'fr' }), 409, 'conflict', 'isAdmin');
    expect(fr.detail).toBe('Ada Admin est le dernier administrateur de la plateforme : nommez d’abord quelqu’un d’autre administrateur de la plateforme');
    expect(changedTables(before, await snapshotDb(t.deps))).toEqual([]);
    expect((await t.app.inject({ url: USERS, headers: as(s.admin) })).statusCode).toBe(200);
  });

  run('lets a platform admin step down when another one remains', async () => {
    const dan = await account('dan.deputy', true);
    const deputy = await signIn(t.app, dan.email, PASSWORD);
    const res = await patch(dan.id, { isAdmin: false }, deputy);
    expect(res.statusCode, res.body).toBe(200);
    expect(await adminIds()).toEqual([w.users.admin]);
    expectProblem(await t.app.inject({ url: USERS, headers: as(deputy) }), 403, 'forbidden');
  });

  run('lets exactly one of two admins revoking each other at the same moment go through', async () => {
    const eli = await account('eli.rival', true);
    const rival = await signIn(t.app, eli.email, PASSWORD);
    expect(await adminIds()).toEqual([w.users.admin, eli.id].sort());
    const answers = await Promise.all([patch(eli.id, { isAdmin: false }, s.admin), patch(w.users.admin, { isAdmin: false }, rival)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    expect(await adminIds()).toHaveLength(1);
    // whoever stayed an admin makes the other one again, so Ada stays the platform's admin
    if ((await adminIds())[0] === eli.id) expect((await patch(w.users.admin, { isAdmin: true }, rival)).statusCode).toBe(200);
    expect((await patch(eli.id, { isAdmin: false }, s.admin)).statusCode).toBe(200);
    expect(await adminIds()).toEqual([w.users.admin]);
  });

  run('refuses a bad change with 400 naming the field: an unknown field, a wrong type, an empty name, an unknown language, a malformed id', async () => {
    const before = await snapshotDb(t.deps);
    const cases: [unknown, string][] = [
      [{ email: 'new@test.accord' }, 'email'],
      [{ isAdmin: 'true' }, 'isAdmin'],
      [{ isAdmin: null }, 'isAdmin'],
      [{ name: ' ' }, 'name'],
      [{ name: 'x'.repeat(201) }, 'name'],
      [{ locale: 'de' }, 'locale'],
    ];
    for (const [body, field] of cases) expectProblem(await patch(w.users.member, body), 400, 'invalid_request', field);
    expectProblem(await patch('not-an-id', { isAdmin: true }), 400, 'invalid_request', 'id');
    expectProblem(await t.app.inject({ method: 'PATCH', url: `${USERS}/${w.users.member}`, headers: { ...as(s.admin, true), 'content-type': 'application/json' }, payload: '[true]' }), 400, 'invalid_request');
    expect(changedTables(before, await snapshotDb(t.deps))).toEqual([]);
  });

  run('answers 404 for an account that does not exist, 403 to people who are not platform admins and 401 to anonymous callers, writing nothing', async () => {
    const before = await snapshotDb(t.deps);
    expectProblem(await patch(MISSING, { isAdmin: true }), 404, 'not_found');
    for (const who of [s.convener, s.member]) {
      expectProblem(await patch(w.users.member, { isAdmin: true }, who), 403, 'forbidden');
      expectProblem(await patch(MISSING, { isAdmin: true }, who), 403, 'forbidden');
    }
    expectProblem(await patch(w.users.member, { isAdmin: true }, null), 401, 'unauthenticated');
    expect(changedTables(before, await snapshotDb(t.deps))).toEqual([]);
  });

  run('takes the accounts list away from a revoked admin at the next request, by session cookie and by API token alike', async () => {
    const fay = await account('fay.former', true);
    const session = await signIn(t.app, fay.email, PASSWORD);
    const token = CreatedApiToken.parse((await t.app.inject({ method: 'POST', url: '/api/v1/me/tokens', headers: as(session, true), payload: { name: 'admin script' } })).json()).token;
    const bearer = { authorization: `Bearer ${token}` };
    // read twice, so the token is in this node's cache of credentials
    for (let i = 0; i < 2; i++) {
      expect((await t.app.inject({ url: USERS, headers: as(session) })).statusCode).toBe(200);
      expect((await t.app.inject({ url: USERS, headers: bearer })).statusCode).toBe(200);
    }
    expect((await patch(fay.id, { isAdmin: false })).statusCode).toBe(200);
    expectProblem(await t.app.inject({ url: USERS, headers: as(session) }), 403, 'forbidden');
    expectProblem(await t.app.inject({ url: USERS, headers: bearer }), 403, 'forbidden');
    expectProblem(await patch(w.users.member, { isAdmin: true }, null, bearer), 403, 'forbidden');
    // still signed in as an ordinary account
    expect((await t.app.inject({ url: '/api/v1/me/home', headers: bearer })).statusCode).toBe(200);
  });

  run('lists accounts with when each was made and whether its invitation is still pending', async () => {
    const items = await list('@test.accord');
    const ada = items.find((u) => u.id === w.users.admin)!;
    expect(ada).toMatchObject({ isAdmin: true, invitationPending: false });
    expect(Number.isNaN(Date.parse(ada.createdAt))).toBe(false);
    expect(items.find((u) => u.email === 'eve.english@test.accord')?.invitationPending).toBe(true);
  });

  run('describes the account routes in the OpenAPI document: the new PATCH, the optional password and the invitation answer', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    const op = doc.paths['/api/v1/users/{id}'].patch;
    expect(op.summary).toMatch(/Grant or revoke platform admin/);
    const post = doc.paths['/api/v1/users'].post;
    const body = post.requestBody.content['application/json'].schema;
    expect(body.required).not.toContain('password');
    expect(JSON.stringify(body.properties.password)).toMatch(/invitation/);
    expect(JSON.stringify(post.responses['201'])).toMatch(/"invited"/);
  });
});

describe.skipIf(!pgUp)('a revoked platform admin on another node (PostgreSQL)', () => {
  let t: TestApp;
  let w: World;
  // a second node in this process whose cached credentials would live a minute: only the notification explains a
  // revocation it honours sooner
  let other: { app: Awaited<ReturnType<typeof buildApp>>; deps: Deps };
  const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

  beforeAll(async () => {
    t = await makeTestApp('postgres');
    w = await buildWorld(t.deps);
    const deps = await composeDeps(t.deps.config, { log: quiet, cache: new ReadCache(10_000, 5_000, Date.now, 60_000) }, createDatabase(t.deps.config.database));
    other = { deps, app: await buildApp(deps, { logger: false, serveWeb: false }) };
    await other.app.ready();
  }, 60_000);
  afterAll(async () => {
    await other?.app.close();
    await other?.deps.database.close();
    await t?.close();
  });

  it('refuses the revoked admin’s API token there once the revocation’s notification arrives', async () => {
    const admin = await signIn(t.app, w.emails.admin, PASSWORD);
    const made = await t.app.inject({ method: 'POST', url: USERS, headers: as(admin, true), payload: { email: 'gus.remote@test.accord', name: 'Gus Remote', password: PASSWORD, isAdmin: true } });
    expect(made.statusCode, made.body).toBe(201);
    const gus = await signIn(t.app, 'gus.remote@test.accord', PASSWORD);
    const token = CreatedApiToken.parse((await t.app.inject({ method: 'POST', url: '/api/v1/me/tokens', headers: as(gus, true), payload: { name: 'remote' } })).json()).token;
    const onOther = async () => (await other.app.inject({ url: USERS, headers: { authorization: `Bearer ${token}` } })).statusCode;
    for (let i = 0; i < 2; i++) expect(await onOther()).toBe(200);
    expect((await t.app.inject({ method: 'PATCH', url: `${USERS}/${made.json().id}`, headers: as(admin, true), payload: { isAdmin: false } })).statusCode).toBe(200);
    await expect.poll(onOther, { timeout: 10_000, interval: 20 }).toBe(403);
  });
});
