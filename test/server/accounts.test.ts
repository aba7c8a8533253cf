import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { makeTestApp, signIn, as, type TestApp } from '../support/app';
import { buildWorld, PASSWORD, type World } from '../support/world';
import { DIALECTS, postgresAvailable } from '../support/databases';
import { SessionResponse, CreatedApiToken, ApiToken, UserSummary } from '../../src/contracts/accounts';
import { HomeResponse } from '../../src/contracts/me';
import { Problem } from '../../src/contracts/common';
import { createMailer } from '../../src/server/compose';
import { loadConfig } from '../../src/config/config';

const pgUp = await postgresAvailable();

/** Polls until `f` returns a value (the reset e-mail is sent after the answer), or fails after 5 s. */
async function waitFor<T>(f: () => T | undefined, ms = 5000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = f();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.each(DIALECTS)('accounts and access on %s', (dialect) => {
  const skip = dialect === 'postgres' && !pgUp;
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    if (skip) return;
    t = await makeTestApp(dialect, { signIn: { maxFailures: 3, windowMinutes: 15 } });
    w = await buildWorld(t.deps);
  });
  afterAll(async () => t?.close());
  const run = skip ? it.skip : it;

  run('signs in with e-mail and password, sets an HttpOnly SameSite session cookie and returns a CSRF token', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: 'Member@Test.Accord', password: PASSWORD } });
    expect(res.statusCode).toBe(200);
    const body = SessionResponse.parse(res.json());
    expect(body.user?.email).toBe(w.emails.member);
    expect(body.csrfToken).toBeTruthy();
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^accord_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const session = await t.app.inject({ url: '/api/v1/auth/session', headers: { cookie: cookie.split(';')[0] } });
    expect(session.json()).toEqual(body);
  });

  run('stores sessions only as a hash: the cookie value is not in the database', async () => {
    const s = await signIn(t.app, w.emails.observer, PASSWORD);
    const token = s.cookie.split('=')[1];
    const rows = await t.deps.database.db.selectFrom('sessions').select('id').execute();
    expect(rows.some((r) => r.id === token)).toBe(false);
    expect(rows.length).toBeGreaterThan(0);
  });

  run('refuses a wrong password with 401 and a problem document naming the password field', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: w.emails.member, password: 'not-the-password' } });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    const p = Problem.parse(res.json());
    expect(p.code).toBe('invalid_credentials');
    expect(p.errors?.[0].field).toBe('password');
  });

  run('rate-limits sign-in per e-mail: after the allowed failures even the right password gets 429 with Retry-After', async () => {
    for (let i = 0; i < 3; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: w.emails.observer, password: `wrong-${i}` } });
      expect(r.statusCode).toBe(401);
    }
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: w.emails.observer, password: PASSWORD } });
    expect(res.statusCode).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(res.json().code).toBe('rate_limited');
    // another account from the same address is not locked out
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: w.emails.member, password: PASSWORD } })).statusCode).toBe(200);
  });

  run('signs out: the cookie no longer authenticates', async () => {
    const s = await signIn(t.app, w.emails.representative, PASSWORD);
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-out', headers: as(s, true) });
    expect(out.statusCode).toBe(200);
    const after = await t.app.inject({ url: '/api/v1/me/home', headers: as(s) });
    expect(after.statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/v1/auth/session', headers: as(s) })).json()).toEqual({ user: null, csrfToken: null });
  });

  run('requires the CSRF token for mutations made with the session cookie', async () => {
    const s = await signIn(t.app, w.emails.member, PASSWORD);
    const missing = await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: { cookie: s.cookie }, payload: { locale: 'fr' } });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().code).toBe('csrf_failed');
    const wrong = await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: { cookie: s.cookie, 'x-csrf-token': 'forged' }, payload: { locale: 'fr' } });
    expect(wrong.statusCode).toBe(403);
    const ok = await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: as(s, true), payload: { locale: 'fr' } });
    expect(ok.statusCode).toBe(200);
    expect(UserSummary.parse(ok.json()).locale).toBe('fr');
  });

  run('creates a personal API token shown once, stored hashed, usable as Bearer without CSRF, and revocable', async () => {
    const s = await signIn(t.app, w.emails.convener, PASSWORD);
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/me/tokens', headers: as(s, true), payload: { name: 'nightly export' } });
    expect(created.statusCode).toBe(201);
    const token = CreatedApiToken.parse(created.json());
    const stored = await t.deps.database.db.selectFrom('api_tokens').selectAll().where('id', '=', token.id).executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token.token);
    expect(JSON.stringify(stored)).not.toContain(token.token);
    const list = await t.app.inject({ url: '/api/v1/me/tokens', headers: as(s) });
    const items = list.json().items.map((i: unknown) => ApiToken.parse(i));
    expect(items.map((i: { id: string }) => i.id)).toContain(token.id);
    expect(JSON.stringify(list.json())).not.toContain(token.token);

    const bearer = { authorization: `Bearer ${token.token}` };
    const write = await t.app.inject({ method: 'POST', url: `/api/v1/partnerships/${w.partnership}/goals`, headers: bearer, payload: { title: 'Written by a script', sdgs: ['6.1'] } });
    expect(write.statusCode).toBe(201);

    const revoke = await t.app.inject({ method: 'DELETE', url: `/api/v1/me/tokens/${token.id}`, headers: as(s, true) });
    expect(revoke.statusCode).toBe(200);
    const after = await t.app.inject({ url: '/api/v1/me/home', headers: bearer });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('unauthenticated');
  });

  run('does not let one person revoke another person’s token (404)', async () => {
    const a = await signIn(t.app, w.emails.convener, PASSWORD);
    const created = CreatedApiToken.parse((await t.app.inject({ method: 'POST', url: '/api/v1/me/tokens', headers: as(a, true), payload: { name: 'mine' } })).json());
    const b = await signIn(t.app, w.emails.member, PASSWORD);
    const res = await t.app.inject({ method: 'DELETE', url: `/api/v1/me/tokens/${created.id}`, headers: as(b, true) });
    expect(res.statusCode).toBe(404);
  });

  run('resets a password through a one-time e-mailed link that ends every session', async () => {
    const old = await signIn(t.app, w.emails.member, PASSWORD);
    const ask = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: w.emails.member } });
    expect(ask.statusCode).toBe(202);
    const mail = await waitFor(() => t.mail.find((m) => m.to === w.emails.member));
    const token = /reset-password#token=([\w-]+)/.exec(mail.text)![1];
    expect(mail.text).not.toContain('invitation=1');
    const done = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload: { token, password: 'a brand new passphrase' } });
    expect(done.statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/me/home', headers: as(old) })).statusCode).toBe(401);
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload: { token, password: 'yet another passphrase' } });
    expect(again.statusCode).toBe(422);
    expect(again.json().errors[0].field).toBe('token');
    await signIn(t.app, w.emails.member, 'a brand new passphrase');
  });

  run('sends at most three reset links an hour to one account, answering every request the same way', async () => {
    const before = t.mail.filter((m) => m.to === w.emails.representative).length;
    for (let i = 0; i < 5; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: w.emails.representative } });
      expect(res.statusCode).toBe(202);
      await t.app.settle();
    }
    expect(t.mail.filter((m) => m.to === w.emails.representative).length - before).toBe(3);
  });

  run('answers a reset request for an unknown e-mail exactly like a known one, and sends nothing', async () => {
    const before = t.mail.length;
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: 'nobody@test.accord' } });
    expect(res.statusCode).toBe(202);
    await t.app.settle();
    expect(t.mail.length).toBe(before);
  });

  run('never writes a password, token or password hash into the audit log', async () => {
    const rows = await t.deps.database.db.selectFrom('audit_events').select('diff').execute();
    const all = rows.map((r) => r.diff).join('\n');
    expect(all).not.toMatch(/\$argon2id\$/);
    expect(all).not.toContain(PASSWORD);
    expect(all).not.toMatch(/acc_[A-Za-z0-9x]{8}_/);
  });

  run('gives the home page my partnerships, organisations and what needs my attention', async () => {
    const s = await signIn(t.app, w.emails.convener, PASSWORD);
    const res = await t.app.inject({ url: '/api/v1/me/home', headers: as(s) });
    expect(res.statusCode).toBe(200);
    const home = HomeResponse.parse(res.json());
    expect(home.partnerships.map((p) => p.id).sort()).toEqual([w.partnership, w.publicPartnership].sort());
    expect(home.organisations.map((o) => o.id)).toEqual([w.orgs.convenerOrg]);
    expect((await t.app.inject({ url: '/api/v1/me/home' })).statusCode).toBe(401);
  });

  run('asks a convener to agree goals for a partnership that has none, and not for one that has', async () => {
    const s = await signIn(t.app, w.emails.convener, PASSWORD);
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/partnerships', headers: as(s, true), payload: { name: 'Goalless Compact', purpose: 'A partnership with no goals yet.', model: 'other', convenerOrganisationId: w.orgs.convenerOrg } });
    expect(created.statusCode).toBe(201);
    const home = HomeResponse.parse((await t.app.inject({ url: '/api/v1/me/home', headers: as(s) })).json());
    const noGoals = home.attention.filter((a) => a.kind === 'no_goals').map((a) => a.partnershipId);
    expect(noGoals).toContain(created.json().id);
    expect(noGoals).not.toContain(w.partnership);
  });

  run('lets only platform admins list and create accounts', async () => {
    const admin = await signIn(t.app, w.emails.admin, PASSWORD);
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: as(admin, true), payload: { email: 'new.person@test.accord', name: 'New Person', password: 'long enough password' } });
    expect(created.statusCode).toBe(201);
    const dup = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: as(admin, true), payload: { email: 'NEW.person@test.accord', name: 'Again', password: 'long enough password' } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors[0].field).toBe('email');
    const short = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: as(admin, true), payload: { email: 'x@test.accord', name: 'X', password: 'short' } });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0].field).toBe('password');
    const list = await t.app.inject({ url: '/api/v1/users?limit=3', headers: as(admin) });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toHaveLength(3);
    expect(list.json().nextCursor).toBeTruthy();
    const member = await signIn(t.app, w.emails.member, 'a brand new passphrase').catch(() => signIn(t.app, w.emails.representative, PASSWORD));
    expect((await t.app.inject({ url: '/api/v1/users', headers: as(member) })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/v1/users' })).statusCode).toBe(401);
  });

  run('finds accounts by part of a name or an e-mail address, whatever the case, a page at a time', async () => {
    const admin = await signIn(t.app, w.emails.admin, PASSWORD);
    const find = async (q: string, extra = '') => {
      const res = await t.app.inject({ url: `/api/v1/users?q=${encodeURIComponent(q)}${extra}`, headers: as(admin) });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { items: { email: string; name: string }[]; nextCursor: string | null };
    };
    expect((await find('OBSERVER')).items.map((u) => u.name)).toEqual(['Otto Observer']);
    expect((await find('otto obs')).items.map((u) => u.email)).toEqual(['observer@test.accord']);
    expect((await find('@test.accord')).items.length).toBeGreaterThanOrEqual(6);
    expect((await find('no such person')).items).toEqual([]);
    // a LIKE wildcard is searched for literally
    expect((await find('%')).items).toEqual([]);
    const first = await find('test.accord', '&limit=2');
    expect(first.items).toHaveLength(2);
    const second = await find('test.accord', `&limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`);
    expect(second.items[0].email > first.items[1].email).toBe(true);
  });

  run('finds an account whatever the accents and case of its name, and finds it again after a rename', async () => {
    const admin = await signIn(t.app, w.emails.admin, PASSWORD);
    const made = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: as(admin, true), payload: { email: 'jm@test.accord', name: 'Jürgen MÜLLER-Éluard', password: 'long enough password' } });
    expect(made.statusCode, made.body).toBe(201);
    const names = async (q: string) => {
      const res = await t.app.inject({ url: `/api/v1/users?q=${encodeURIComponent(q)}`, headers: as(admin) });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as { items: { name: string }[] }).items.map((u) => u.name);
    };
    for (const q of ['müller', 'MULLER', 'juergen'.replace('ue', 'u'), 'eluard', 'ÉLUARD', 'müller-é']) expect(await names(q), q).toEqual(['Jürgen MÜLLER-Éluard']);
    expect(await names('mueller')).toEqual([]);
    // the search form follows a change of name
    const jm = await signIn(t.app, 'jm@test.accord', 'long enough password');
    expect((await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: as(jm, true), payload: { name: 'Zoë Ångström' } })).statusCode).toBe(200);
    expect(await names('muller')).toEqual([]);
    expect(await names('angstrom')).toEqual(['Zoë Ångström']);
  });
});

describe('e-mail', () => {
  it('sends the reset e-mail through a real SMTP server when ACCORD_SMTP_URL is set', async () => {
    const received: string[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _session, cb) {
        let data = '';
        stream.on('data', (c) => (data += c));
        stream.on('end', () => {
          received.push(data);
          cb();
        });
      },
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.server.address() as { port: number }).port;
    try {
      const config = loadConfig({ ACCORD_SMTP_URL: `smtp://127.0.0.1:${port}`, ACCORD_MAIL_FROM: 'Accord <accord@test.accord>' });
      const mailer = createMailer(config, { info: () => undefined, warn: () => undefined, error: () => undefined });
      await mailer.send({ to: 'someone@test.accord', subject: 'Reset your Accord password', text: 'open https://accord.test/reset-password?token=abc' });
      expect(received).toHaveLength(1);
      expect(received[0]).toMatch(/Subject: Reset your Accord password/);
      expect(received[0]).toMatch(/To: someone@test.accord/);
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });

  it('writes the e-mail to the log when no SMTP server is configured', async () => {
    const logged: unknown[] = [];
    const mailer = createMailer(loadConfig({}), { info: (o) => logged.push(o), warn: () => undefined, error: () => undefined });
    await mailer.send({ to: 'someone@test.accord', subject: 'Hello', text: 'body' });
    expect(JSON.stringify(logged)).toContain('someone@test.accord');
  });
});
