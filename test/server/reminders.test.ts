/**
 * Reminder e-mails end to end: reminders made from due items (a source defined here is the test input), claimed
 * and sent by the reminders job through the app's real mailer to a real SMTP server listening in the test, on
 * SQLite and PostgreSQL; on PostgreSQL two app nodes (two Deps, two pools, one database) run the job at once.
 */
import { describe, it, expect, beforeAll, afterAll, beforeEach } from 'vitest';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { makeTestApp, signIn, as, type TestApp, type Session } from '../support/app';
import { buildWorld, PASSWORD, type World } from '../support/world';
import { DIALECTS, postgresAvailable } from '../support/databases';
import { loadConfig } from '../../src/config/config';
import { composeDeps, createMailer } from '../../src/server/compose';
import { createDatabase } from '../../src/store/database';
import type { Deps } from '../../src/services/context';
import { createUser } from '../../src/services/accounts/accounts';
import { hashPassword } from '../../src/services/accounts/passwords';
import { addOrganisationPerson } from '../../src/services/organisations/organisations';
import { createPartnership, addMember, addPerson } from '../../src/services/partnerships/partnerships';
import { updateNotificationSettings, type SettingsInput } from '../../src/services/notifications/settings';
import { reminderJob, generateReminders, sendDueReminders } from '../../src/services/notifications/reminders';
import { reminderStage, sendAfter } from '../../src/services/notifications/schedule';
import type { DueItemWithPartnership, ReminderSource } from '../../src/services/notifications/sources';
import { claimDue, remindersOf } from '../../src/store/repositories/notifications.repository';
import { defaultRow } from '../../src/services/notifications/settings';
import { REMINDER_SOURCES } from '../../src/services/notifications/sources';
import { pledge } from '../../src/services/accountability/commitments';
import { startJobs } from '../../src/server/jobs';

const pgUp = await postgresAvailable();
const MINUTE = 60_000;
const DAY = 86_400_000;
const quietLog = { info: () => undefined, warn: () => undefined, error: () => undefined };

// ---- a real SMTP server ------------------------------------------------------------------------------

interface Received { to: string[]; subject: string; text: string }

/** Decodes quoted-printable into UTF-8 text. */
function qp(s: string): string {
  const bytes: number[] = [];
  const src = s.replace(/=\r?\n/g, '');
  for (let i = 0; i < src.length; i++) {
    const hex = src.slice(i + 1, i + 3);
    if (src[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(src[i], 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}
/** The subject and text of a single-part message as nodemailer writes it (encoded words, QP or base64 body). */
function parseMessage(raw: string): { subject: string; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const headers = new Map(head.split('\r\n').map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
  const words = (v: string) =>
    v.replace(/\?=\s+=\?/g, '?==?').replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_, enc: string, data: string) => (enc.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : qp(data.replace(/_/g, ' '))));
  const body = raw.slice(split + 4);
  const cte = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  const text = cte === 'quoted-printable' ? qp(body) : cte === 'base64' ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8') : body;
  return { subject: words(headers.get('subject') ?? ''), text: text.replace(/\r\n/g, '\n') };
}

/** An SMTP server on a free port that keeps what it receives; it can refuse some recipients or answer slowly. */
async function startSmtp() {
  const received: Received[] = [];
  const refuse = new Set<string>();
  const state = { delayMs: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onRcptTo(address, _session, cb) {
      if (refuse.has(address.address)) return cb(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
      cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), ...parseMessage(Buffer.concat(chunks).toString('utf8')) });
        setTimeout(() => cb(), state.delayMs);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return { received, refuse, state, url: `smtp://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

// ---- the pure schedule ---------------------------------------------------------------------------------

describe('when reminders are made and sent', () => {
  it('reminds from 14 days before the due date, then when overdue, then when overdue beyond the grace days', () => {
    expect(reminderStage('2025-06-20', '2025-06-05', 30)).toBeNull();
    expect(reminderStage('2025-06-19', '2025-06-05', 30)).toBe('due_soon');
    expect(reminderStage('2025-06-05', '2025-06-05', 30)).toBe('due_soon');
    expect(reminderStage('2025-06-04', '2025-06-05', 30)).toBe('overdue');
    expect(reminderStage('2025-05-06', '2025-06-05', 30)).toBe('overdue');
    expect(reminderStage('2025-05-05', '2025-06-05', 30)).toBe('overdue_beyond_grace');
    expect(reminderStage('2025-06-04', '2025-06-05', 0)).toBe('overdue_beyond_grace');
  });
  it('sends at once, at the next daily or weekly digest (that very hour included), or never', () => {
    const at = '2025-06-04T10:00:00.000Z'; // a Wednesday
    expect(sendAfter({ digest: 'immediately', hour: 7, weekday: 1 }, at)).toBe(at);
    expect(sendAfter({ digest: 'never', hour: 7, weekday: 1 }, at)).toBeNull();
    expect(sendAfter({ digest: 'daily', hour: 7, weekday: 1 }, at)).toBe('2025-06-05T07:00:00.000Z');
    expect(sendAfter({ digest: 'daily', hour: 10, weekday: 1 }, at)).toBe(at);
    expect(sendAfter({ digest: 'daily', hour: 23, weekday: 1 }, at)).toBe('2025-06-04T23:00:00.000Z');
    expect(sendAfter({ digest: 'weekly', hour: 7, weekday: 1 }, at)).toBe('2025-06-09T07:00:00.000Z');
    expect(sendAfter({ digest: 'weekly', hour: 11, weekday: 3 }, at)).toBe('2025-06-04T11:00:00.000Z');
    expect(sendAfter({ digest: 'weekly', hour: 9, weekday: 3 }, at)).toBe('2025-06-11T09:00:00.000Z');
    expect(sendAfter({ digest: 'weekly', hour: 0, weekday: 7 }, at)).toBe('2025-06-08T00:00:00.000Z');
  });
});

// ---- the job, end to end ----------------------------------------------------------------------------------

describe.each(DIALECTS)('reminder e-mails on %s', (dialect) => {
  let t: TestApp;
  let w: World;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  /** Every test starts on Wednesday 2025-06-04 10:00 UTC and may move the clock on. */
  const START = Date.parse('2025-06-04T10:00:00.000Z');
  let now = START;
  const clock = () => new Date(now).toISOString();
  const today = () => clock().slice(0, 10);
  const inDays = (d: number) => new Date(now + d * DAY).toISOString().slice(0, 10);
  const s = {} as Record<'convener' | 'representative', Session>;
  /** The items the test source lists: the input of the job. */
  let items: DueItemWithPartnership[] = [];
  const source: ReminderSource = async () => items;
  const job = (deps: Deps = t.deps, node = 'node-a') => reminderJob(deps, { node, sources: [source], generateEveryMs: 0 });
  let n = 0;
  let hash: string;

  const item = (partnershipId: string, over: Partial<DueItemWithPartnership> = {}): DueItemWithPartnership => ({
    partnershipId, organisationId: w.orgs.partnerOrg, kind: 'delivery', itemKey: `tranche:c${++n}:0`, title: `Tranche ${n} of the kiosk budget`, dueOn: inDays(10), doneOn: null, graceDays: 30, ...over,
  });
  const setting = async (userId: string, x: Partial<SettingsInput> & Pick<SettingsInput, 'digest'>) =>
    updateNotificationSettings(t.deps, await w.actor(userId), { digestHour: 7, digestWeekday: 'monday', ...x });
  const mailsTo = (email: string) => smtp.received.filter((m) => m.to.includes(email));

  /** A private partnership convened by Cora, with Acme Water as partner and `reps` fresh people representing it. */
  async function team(reps: number) {
    const convener = await w.actor(w.users.convener);
    const p = await createPartnership(t.deps, convener, {
      name: `Harbour Kiosks Compact ${++n}`, purpose: 'Water kiosks for the harbour district.', model: 'ppp', visibility: 'private', countries: ['KE'], sectors: ['public'], convenerOrganisationId: w.orgs.convenerOrg, goals: [],
    });
    await addMember(t.deps, await w.actor(w.users.convener), p.id, { organisationId: w.orgs.partnerOrg, role: 'partner' });
    const people: { id: string; email: string }[] = [];
    for (let i = 0; i < reps; i++) {
      const email = `rep-${dialect}-${++n}@acme.test`;
      const u = await createUser(t.deps, null, { email, name: `Rep ${n}`, passwordHash: hash });
      await addOrganisationPerson(t.deps, await w.actor(w.users.representative), w.orgs.partnerOrg, { email, role: 'member' });
      await addPerson(t.deps, await w.actor(w.users.convener), p.id, { email, role: 'representative', organisationId: w.orgs.partnerOrg });
      people.push({ id: u.id, email });
    }
    return { id: p.id, name: p.name, people };
  }

  beforeAll(async () => {
    if (dialect === 'postgres' && !pgUp) return;
    smtp = await startSmtp();
    hash = await hashPassword(PASSWORD);
    const smtpConfig = loadConfig({ ACCORD_LOG_LEVEL: 'silent', ACCORD_SMTP_URL: smtp.url, ACCORD_MAIL_FROM: 'Accord <reminders@accord.test>' });
    // the app's own mailer, talking SMTP to the server above
    t = await makeTestApp(dialect, { publicUrl: 'https://accord.example.org', sessionTtlHours: 24 * 90 }, { clock, mailer: createMailer(smtpConfig, quietLog) });
    w = await buildWorld(t.deps);
    for (const k of ['convener', 'representative'] as const) s[k] = await signIn(t.app, w.emails[k], PASSWORD);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });
  beforeEach(() => {
    now = START;
    items = [];
    if (smtp) {
      smtp.received.length = 0;
      smtp.refuse.clear();
      smtp.state.delayMs = 0;
    }
  });
  const run = dialect === 'postgres' && !pgUp ? it.skip : it;

  run('e-mails the partner’s representative once about an item due within 14 days, however often the job runs, and nobody else', async () => {
    const p = await team(1);
    const rep = p.people[0];
    await setting(rep.id, { digest: 'immediately' });
    const due = item(p.id, { title: 'First tranche of the kiosk budget', dueOn: '2025-06-12' });
    items = [due, item(p.id, { dueOn: inDays(15) }), item(p.id, { dueOn: inDays(-3), doneOn: inDays(-4) })];
    const a = job();
    const first = await a.tick();
    expect(first.generated).toMatchObject({ created: 1, cancelled: 0, failedSources: 0 });
    expect(first.sent).toMatchObject({ mails: 1, sent: 1, failed: 0 });
    await a.tick();
    await job(t.deps, 'node-b').tick();

    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail.to).toEqual([rep.email]);
    expect(mail.subject).toBe(`[Accord] Due soon: First tranche of the kiosk budget (${p.name})`);
    expect(mail.text).toMatch(/^Hello Rep \d+,\n/);
    expect(mail.text).toContain(p.name);
    expect(mail.text).toContain('[Due soon] First tranche of the kiosk budget (delivery), due 2025-06-12: in 8 days');
    expect(mail.text).toContain(`https://accord.example.org/partnerships/${p.id}`);
    expect(mail.text).toContain('https://accord.example.org/account');
    const [row] = await remindersOf(t.deps.database.db, rep.id);
    expect(row).toMatchObject({ status: 'sent', stage: 'due_soon', light: 'yellow', attempts: 1, claimed_by: 'node-a', item_key: due.itemKey, due_on: '2025-06-12' });
    expect(row.sent_at).toBe(clock());
  });

  run('reminds once per stage as the item ages, and tells the conveners too once it is overdue beyond the grace days', async () => {
    const p = await team(1);
    const rep = p.people[0];
    await setting(rep.id, { digest: 'immediately' });
    await setting(w.users.convener, { digest: 'immediately' });
    const due = item(p.id, { dueOn: inDays(5), graceDays: 10, title: 'Pump spare parts' });
    items = [due];
    const subjects = () => smtp.received.map((m) => `${m.to[0]} ${m.subject.split(':')[0]}`);
    await job().tick();
    now += 6 * DAY; // a day late, within the grace days
    await job().tick();
    await job().tick();
    now += 10 * DAY; // eleven days late: beyond the ten days of grace
    await job().tick();
    await job().tick();
    // the representative's three stages in order; the convener's one at the last stage
    expect(subjects().filter((x) => x.startsWith(rep.email))).toEqual([`${rep.email} [Accord] Due soon`, `${rep.email} [Accord] Overdue`, `${rep.email} [Accord] Overdue beyond the grace period`]);
    expect(subjects().filter((x) => x.startsWith(w.emails.convener))).toEqual([`${w.emails.convener} [Accord] Overdue beyond the grace period`]);
    expect(smtp.received).toHaveLength(4);
    expect(smtp.received.find((m) => m.to[0] === w.emails.convener)?.text).toContain('11 days late');
    await setting(w.users.convener, { digest: 'never' });
  });

  run('sends a daily digest at the person’s hour: one e-mail listing every waiting reminder, by partnership', async () => {
    const [p, q] = [await team(1), await team(0)];
    const rep = p.people[0];
    // the same person represents Acme Water in the second partnership too
    await addPerson(t.deps, await w.actor(w.users.convener), q.id, { email: rep.email, role: 'representative', organisationId: w.orgs.partnerOrg });
    await setting(rep.id, { digest: 'daily', digestHour: 17 });
    items = [item(p.id, { title: 'Quarterly water quality report', kind: 'report', itemKey: 'report:ind-1:2025-Q2', dueOn: inDays(2) }), item(p.id, { title: 'Meters', dueOn: inDays(-3) }), item(q.id, { title: 'Chlorine', dueOn: inDays(1) })];
    await job().tick(); // 10:00: reminders made, the digest waits for 17:00
    expect(smtp.received).toHaveLength(0);
    now += 6 * 3_600_000 + 59 * MINUTE; // 16:59
    await job().tick();
    expect(smtp.received).toHaveLength(0);
    now += MINUTE; // 17:00
    await job().tick();
    await job().tick();
    expect(smtp.received).toHaveLength(1);
    const [digest] = smtp.received;
    expect(digest.to).toEqual([rep.email]);
    expect(digest.subject).toBe('[Accord] Your reminders: 3 items');
    expect(digest.text).toContain('Here is your daily summary');
    // grouped by partnership (by name), the overdue item first in its group, each group with its link
    const lines = digest.text.split('\n');
    const at = (needle: string) => lines.findIndex((l) => l.includes(needle));
    expect(at(p.name)).toBeLessThan(at('[Overdue] Meters'));
    expect(at('[Overdue] Meters')).toBeLessThan(at('[Due soon] Quarterly water quality report (report)'));
    expect(at('[Due soon] Quarterly water quality report (report)')).toBeLessThan(at(`/partnerships/${p.id}`));
    expect(at(`/partnerships/${p.id}`)).toBeLessThan(at(q.name));
    expect(at(q.name)).toBeLessThan(at('[Due soon] Chlorine'));
    expect(digest.text).toContain(`https://accord.example.org/partnerships/${q.id}`);
    expect((await remindersOf(t.deps.database.db, rep.id)).map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);

    // the next day's run makes nothing new (each stage reminds once) and so sends nothing
    now += DAY;
    await job().tick();
    expect(smtp.received).toHaveLength(1);
  });

  run('waits for the weekday of a weekly digest', async () => {
    const p = await team(1);
    const rep = p.people[0];
    await setting(rep.id, { digest: 'weekly', digestHour: 8, digestWeekday: 'friday' });
    items = [item(p.id, { dueOn: inDays(12) }), item(p.id, { dueOn: inDays(13) })];
    await job().tick();
    now = Date.parse('2025-06-05T08:00:00.000Z'); // Thursday
    await job().tick();
    expect(smtp.received).toHaveLength(0);
    now = Date.parse('2025-06-06T08:00:00.000Z'); // Friday
    await job().tick();
    expect(smtp.received.map((m) => [m.to[0], m.subject])).toEqual([[rep.email, '[Accord] Your reminders: 2 items']]);
    expect(smtp.received[0].text).toContain('weekly summary');
  });

  run('sends nothing to a person who chose never (their reminders are kept as suppressed, so they stay reminded once)', async () => {
    const p = await team(1);
    const rep = p.people[0];
    await setting(rep.id, { digest: 'never' });
    items = [item(p.id)];
    await job().tick();
    now += 2 * DAY;
    await job().tick();
    expect(smtp.received).toHaveLength(0);
    expect((await remindersOf(t.deps.database.db, rep.id)).map((r) => r.status)).toEqual(['suppressed']);
  });

  run('cancels a waiting reminder when its item is done, or moves on to a later stage, before the digest goes', async () => {
    const p = await team(1);
    const rep = p.people[0];
    await setting(rep.id, { digest: 'weekly', digestHour: 8, digestWeekday: 'monday' });
    const [done, ages] = [item(p.id, { title: 'Delivered early', dueOn: inDays(3) }), item(p.id, { title: 'Keeps ageing', dueOn: inDays(1) })];
    items = [done, ages];
    await job().tick();
    now += 2 * DAY; // Friday: one item delivered, the other now a day overdue
    items = [{ ...done, doneOn: today() }, ages];
    const r = await job().tick();
    expect(r.generated).toMatchObject({ created: 1, cancelled: 2 });
    now = Date.parse('2025-06-09T08:00:00.000Z'); // Monday's digest
    await job().tick();
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0].subject).toBe('[Accord] Your reminders: 1 item');
    expect(smtp.received[0].text).toContain('[Overdue] Keeps ageing');
    expect(smtp.received[0].text).not.toContain('Delivered early');
    const byStatus = (await remindersOf(t.deps.database.db, rep.id)).map((x) => `${x.title} ${x.stage} ${x.status}`).sort();
    expect(byStatus).toEqual(['Delivered early due_soon cancelled', 'Keeps ageing due_soon cancelled', 'Keeps ageing overdue sent']);
  });

  run('cancels nothing when a source fails: its items are only unknown until the next run', async () => {
    const p = await team(1);
    const rep = p.people[0];
    await setting(rep.id, { digest: 'weekly' });
    items = [item(p.id)];
    await job().tick();
    const failing: ReminderSource = async () => {
      throw new Error('the ledger is being migrated');
    };
    const r = await generateReminders(t.deps, [failing]);
    expect(r).toEqual({ created: 0, cancelled: 0, failedSources: 1 });
    expect((await remindersOf(t.deps.database.db, rep.id)).map((x) => x.status)).toEqual(['pending']);
  });

  run('writes in the person’s language', async () => {
    const p = await team(0);
    await setting(w.users.representative, { digest: 'immediately' });
    await addPerson(t.deps, await w.actor(w.users.convener), p.id, { email: w.emails.representative, role: 'representative', organisationId: w.orgs.partnerOrg });
    const res = await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: as(s.representative, true), payload: { locale: 'fr' } });
    expect(res.statusCode, res.body).toBe(200);
    items = [item(p.id, { title: 'Équipement de pompage', dueOn: inDays(-2) })];
    await job().tick();
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0].subject).toBe(`[Accord] En retard : Équipement de pompage (${p.name})`);
    expect(smtp.received[0].text).toContain('Bonjour Remi Representative,');
    expect(smtp.received[0].text).toContain(`[En retard] Équipement de pompage (livraison), échéance le ${inDays(-2)} : 2 jours de retard`);
    await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: as(s.representative, true), payload: { locale: 'es' } });
    items = [item(p.id, { title: 'Informe de calidad', kind: 'report', dueOn: inDays(0) })];
    await job().tick();
    expect(smtp.received[1].subject).toBe(`[Accord] Vence pronto: Informe de calidad (${p.name})`);
    expect(smtp.received[1].text).toContain('Hola Remi Representative:');
    expect(smtp.received[1].text).toContain('(informe), vence el');
    await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: as(s.representative, true), payload: { locale: 'en' } });
    await setting(w.users.representative, { digest: 'never' });
  });

  run('reminds of the ledger’s tranches and the results framework’s reports through the default sources', async () => {
    const p = await team(1);
    const rep = p.people[0];
    await setting(rep.id, { digest: 'immediately' });
    const convener = await w.actor(w.users.convener);
    const eur = (amount: string) => ({ amount, currency: 'EUR' });
    const c = await pledge(t.deps, convener, p.id, {
      organisationId: w.orgs.partnerOrg, kind: 'cash', description: 'Kiosk construction', valuation: eur('1000.00'),
      tranches: [{ dueOn: inDays(7), value: eur('400.00') }, { dueOn: inDays(60), value: eur('600.00') }],
    });
    const post = async (path: string, payload: object) => {
      const res = await t.app.inject({ method: 'POST', url: `/api/v1/partnerships/${p.id}/${path}`, headers: as(s.convener, true), payload });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { id: string };
    };
    const goal = await post('results', { level: 'goal', title: 'Safe water at every kiosk' });
    const outcome = await post('results', { level: 'outcome', parentId: goal.id, title: 'Kiosks tested monthly' });
    const ind = await post('indicators', {
      nodeId: outcome.id, title: 'Kiosks passing the water test', definition: 'Kiosks whose monthly sample passes the chlorine and E. coli tests',
      unit: 'kiosks', measure: 'unit', direction: 'higher_is_better', valueKind: 'per_period', responsiblePartnerIds: [w.orgs.partnerOrg],
      schedule: { frequency: 'monthly', start: '2025-05-01', end: '2025-12-31', graceDays: 5 },
    });
    const made = await generateReminders(t.deps, REMINDER_SOURCES);
    expect(made.failedSources).toBe(0);
    await sendDueReminders(t.deps, 'node-a');
    // the first tranche (due in a week) and May's report (due on the 5th of June); June's report and the second tranche are further off
    expect(mailsTo(rep.email).map((m) => m.subject).sort()).toEqual([
      `[Accord] Due soon: Kiosks passing the water test (2025-05) (${p.name})`,
      `[Accord] Due soon: Pledge #1: Kiosk construction (${p.name})`,
    ]);
    expect((await remindersOf(t.deps.database.db, rep.id)).map((r) => r.item_key).sort()).toEqual([`report:${ind.id}:2025-05:${w.orgs.partnerOrg}`, `tranche:${c.id}:0`]);
  });

  run('runs as one of the scheduled jobs every app node starts', async () => {
    const p = await team(1);
    const rep = p.people[0];
    await setting(rep.id, { digest: 'immediately' });
    await pledge(t.deps, await w.actor(w.users.convener), p.id, {
      organisationId: w.orgs.partnerOrg, kind: 'cash', description: 'Standpipes', valuation: { amount: '50.00', currency: 'EUR' }, tranches: [{ dueOn: inDays(-1), value: { amount: '50.00', currency: 'EUR' } }], pledgedOn: inDays(-30),
    });
    const logged: string[] = [];
    const stop = startJobs(t.deps, { info: (_o, msg) => void logged.push(msg), warn: (_o, msg) => void logged.push(`warn: ${msg}`) }, 60_000);
    try {
      for (let i = 0; i < 100 && !mailsTo(rep.email).length; i++) await new Promise((r) => setTimeout(r, 50));
    } finally {
      stop();
    }
    expect(mailsTo(rep.email).map((m) => m.subject)).toEqual([`[Accord] Overdue: Pledge #1: Standpipes (${p.name})`]);
    expect(logged.filter((l) => l.startsWith('warn'))).toEqual([]);
  });

  run('retries a failed send on a later run, and gives up after five attempts', async () => {
    const p = await team(2);
    const [flaky, dead] = p.people;
    for (const r of p.people) await setting(r.id, { digest: 'immediately' });
    smtp.refuse.add(flaky.email).add(dead.email);
    items = [item(p.id, { title: 'Retried tranche' })];
    const first = await job().tick();
    expect(first.sent).toMatchObject({ mails: 0, failed: 2 });
    const [row] = await remindersOf(t.deps.database.db, flaky.id);
    expect(row).toMatchObject({ status: 'pending', attempts: 1, claimed_by: null, send_after: new Date(now + 5 * MINUTE).toISOString() });
    expect(row.last_error).toMatch(/Mailbox unavailable|550/);
    // not before the back-off
    now += 4 * MINUTE;
    expect((await job().tick()).sent.failed).toBe(0);
    // the flaky mailbox comes back after the second attempt
    now += MINUTE;
    expect((await job().tick()).sent.failed).toBe(2);
    smtp.refuse.delete(flaky.email);
    for (let i = 0; i < 6; i++) {
      now += 7 * 3_600_000;
      await job().tick();
    }
    expect(mailsTo(flaky.email)).toHaveLength(1);
    expect(mailsTo(dead.email)).toHaveLength(0);
    expect((await remindersOf(t.deps.database.db, flaky.id))[0]).toMatchObject({ status: 'sent', attempts: 3 });
    expect((await remindersOf(t.deps.database.db, dead.id))[0]).toMatchObject({ status: 'failed', attempts: 5 });
  });

  run('releases a claim left sending for more than ten minutes by a node that died, and sends it then', async () => {
    const p = await team(1);
    const rep = p.people[0];
    await setting(rep.id, { digest: 'immediately' });
    items = [item(p.id)];
    await generateReminders(t.deps, [source]);
    // a node claims it and dies before mailing
    const claimed = await t.deps.database.transaction((trx) => claimDue(trx, dialect, 'dead-node', clock(), 20, (id) => defaultRow(id, clock())));
    expect(claimed.map((r) => r.user_id)).toContain(rep.id);
    now += 9 * MINUTE;
    await sendDueReminders(t.deps, 'node-a');
    expect(mailsTo(rep.email)).toHaveLength(0);
    now += 2 * MINUTE;
    const r = await sendDueReminders(t.deps, 'node-a');
    expect(r.released).toBeGreaterThanOrEqual(1);
    expect(mailsTo(rep.email)).toHaveLength(1);
    expect((await remindersOf(t.deps.database.db, rep.id))[0]).toMatchObject({ status: 'sent', attempts: 2, claimed_by: 'node-a' });
  });

  // two nodes: two Deps with their own pools on the same PostgreSQL database, both running the job at once
  if (dialect === 'postgres') run('never sends the same reminder twice when two app nodes run the job at the same time', async () => {
    const p = await team(24);
    const modes = ['immediately', 'daily', 'immediately', 'weekly'] as const;
    for (const [i, r] of p.people.entries()) await setting(r.id, { digest: modes[i % modes.length], digestHour: 10, digestWeekday: 'wednesday' });
    items = [item(p.id, { dueOn: inDays(1) }), item(p.id, { dueOn: inDays(-1) }), item(p.id, { dueOn: inDays(-40) }), item(p.id, { dueOn: inDays(3) })];
    const smtpConfig = loadConfig({ ACCORD_LOG_LEVEL: 'silent', ACCORD_SMTP_URL: smtp.url });
    const second = await composeDeps(t.deps.config, { clock, mailer: createMailer(smtpConfig, quietLog), log: quietLog }, createDatabase(t.deps.config.database));
    smtp.state.delayMs = 5; // slow answers widen the window in which the nodes overlap
    try {
      // both nodes make the reminders at once: each is made once
      const made = await Promise.all([generateReminders(t.deps, [source]), generateReminders(second, [source]), generateReminders(t.deps, [source])]);
      // 24 representatives x 4 items, and the convener for the item overdue beyond the grace days
      const count = async () => t.deps.database.db.selectFrom('reminders').selectAll().where('partnership_id', '=', p.id).execute();
      expect(await count()).toHaveLength(24 * 4 + 1);
      expect(made.reduce((sum, r) => sum + r.created, 0)).toBe(24 * 4 + 1);
      // then both send at once, two loops each, in batches of three people
      const sent = await Promise.all([sendDueReminders(t.deps, 'node-a', { batch: 3 }), sendDueReminders(second, 'node-b', { batch: 3 }), sendDueReminders(t.deps, 'node-a', { batch: 3 }), sendDueReminders(second, 'node-b', { batch: 3 })]);
      // and whole job runs on both find nothing more to do
      await Promise.all([reminderJob(t.deps, { node: 'node-a', sources: [source] }).tick(), reminderJob(second, { node: 'node-b', sources: [source] }).tick()]);
      const rows = await count();
      expect(sent.reduce((sum, r) => sum + r.sent, 0)).toBe(24 * 4);
      const sendable = rows.filter((r) => r.user_id !== w.users.convener);
      expect(sendable.filter((r) => r.status !== 'sent').map((r) => `${r.status} ${r.attempts} ${r.send_after} ${r.last_error}`)).toEqual([]);
      // one e-mail per reminder for "immediately", one digest per person otherwise: never more
      const immediate = p.people.filter((_, i) => modes[i % modes.length] === 'immediately');
      const digesting = p.people.filter((_, i) => modes[i % modes.length] !== 'immediately');
      for (const r of immediate) expect(mailsTo(r.email).map((m) => m.subject).sort()).toEqual([...new Set(mailsTo(r.email).map((m) => m.subject))].sort());
      for (const r of immediate) expect(mailsTo(r.email)).toHaveLength(4);
      for (const r of digesting) expect(mailsTo(r.email).map((m) => m.subject)).toEqual(['[Accord] Your reminders: 4 items']);
      expect(smtp.received).toHaveLength(immediate.length * 4 + digesting.length);
      // both nodes took part: the claims were really contended
      expect(new Set(sendable.map((r) => r.claimed_by))).toEqual(new Set(['node-a', 'node-b']));
    } finally {
      await second.database.close();
    }
  }, 60_000);
});
