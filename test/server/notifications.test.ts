import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fc from 'fast-check';
import { expectProblem } from '../support/problems';
import { makeTestApp, signIn, as, type TestApp, type Session } from '../support/app';
import { buildWorld, PASSWORD, type World } from '../support/world';
import { DIALECTS, postgresAvailable } from '../support/databases';
import { snapshotDb, changedTables } from '../fuzz/db-snapshot';
import { NotificationSettings } from '../../src/contracts/notifications';
import { generateReminders } from '../../src/services/notifications/reminders';
import type { DueItemWithPartnership, ReminderSource } from '../../src/services/notifications/sources';
import { remindersOf } from '../../src/store/repositories/notifications.repository';

const pgUp = await postgresAvailable();
const N = '/api/v1/me/notifications';
/** "Now" is Wednesday 2025-06-04 10:00 UTC until a test moves it; each reading steps one millisecond. */
const START = Date.parse('2025-06-04T10:00:00.000Z');

describe.each(DIALECTS)('notification settings on %s', (dialect) => {
  let t: TestApp;
  let w: World;
  let now = START;
  const s = {} as Record<'admin' | 'convener' | 'representative' | 'member' | 'observer' | 'outsider', Session>;

  const get = async (who: Session) => {
    const res = await t.app.inject({ url: N, headers: as(who) });
    expect(res.statusCode, res.body).toBe(200);
    return NotificationSettings.parse(res.json());
  };
  const put = (who: Session | null, payload: unknown) => t.app.inject({ method: 'PUT', url: N, headers: as(who, true), payload: payload as object });
  const putOk = async (who: Session, payload: unknown) => {
    const res = await put(who, payload);
    expect(res.statusCode, res.body).toBe(200);
    return NotificationSettings.parse(res.json());
  };

  beforeAll(async () => {
    if (dialect === 'postgres' && !pgUp) return;
    t = await makeTestApp(dialect, {}, { clock: () => new Date(now++).toISOString() });
    w = await buildWorld(t.deps);
    for (const k of Object.keys(w.emails) as (keyof typeof s)[]) s[k] = await signIn(t.app, w.emails[k], PASSWORD);
  });
  afterAll(async () => t?.close());
  const run = dialect === 'postgres' && !pgUp ? it.skip : it;

  run('gives a person the default until they choose: a daily digest at 07:00 UTC (weekly ones on Monday), the next one tomorrow morning', async () => {
    expect(await get(s.member)).toEqual({ digest: 'daily', digestHour: 7, digestWeekday: 'monday', pendingReminders: 0, nextDigestAt: '2025-06-05T07:00:00.000Z' });
  });

  run('stores each person’s choice, says when the next digest goes, audits the change and leaves other people’s settings alone', async () => {
    const chosen = await putOk(s.observer, { digest: 'weekly', digestHour: 18, digestWeekday: 'friday' });
    expect(chosen).toEqual({ digest: 'weekly', digestHour: 18, digestWeekday: 'friday', pendingReminders: 0, nextDigestAt: '2025-06-06T18:00:00.000Z' });
    expect(await get(s.observer)).toEqual(chosen);
    expect((await get(s.outsider)).digest).toBe('daily');

    const audit = await t.deps.database.db.selectFrom('audit_events').selectAll().where('entity_id', '=', w.users.observer).where('action', '=', 'user.notifications_updated').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0].partnership_id).toBeNull();
    expect(JSON.parse(audit[0].diff)).toMatchObject({ digest: ['daily', 'weekly'], digestHour: [7, 18], digestWeekday: ['monday', 'friday'] });

    // a second change replaces the first; hour and weekday left out take their defaults
    expect(await putOk(s.observer, { digest: 'immediately' })).toEqual({ digest: 'immediately', digestHour: 7, digestWeekday: 'monday', pendingReminders: 0, nextDigestAt: null });
    expect((await putOk(s.observer, { digest: 'never' })).nextDigestAt).toBeNull();
    // a weekly digest due later today is today's
    expect((await putOk(s.observer, { digest: 'weekly', digestHour: 23, digestWeekday: 'wednesday' })).nextDigestAt).toBe('2025-06-04T23:00:00.000Z');
  });

  run('lets a script change its owner’s settings with an API token', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/me/tokens', headers: as(s.outsider, true), payload: { name: 'settings script' } });
    const token = created.json().token as string;
    const res = await t.app.inject({ method: 'PUT', url: N, headers: { authorization: `Bearer ${token}` }, payload: { digest: 'never' } });
    expect(res.statusCode, res.body).toBe(200);
    expect((await get(s.outsider)).digest).toBe('never');
  });

  run('asks an anonymous caller to sign in (401), reading or writing', async () => {
    expectProblem(await t.app.inject({ url: N }), 401, 'unauthenticated');
    expectProblem(await put(null, { digest: 'never' }), 401, 'unauthenticated');
  });

  const BAD: [string, unknown, string][] = [
    ['an unknown digest', { digest: 'hourly' }, 'digest'],
    ['no digest', { digestHour: 8 }, 'digest'],
    ['an hour past 23', { digest: 'daily', digestHour: 24 }, 'digestHour'],
    ['a negative hour', { digest: 'daily', digestHour: -1 }, 'digestHour'],
    ['a fractional hour', { digest: 'daily', digestHour: 7.5 }, 'digestHour'],
    ['an hour as text', { digest: 'daily', digestHour: '7' }, 'digestHour'],
    ['an unknown weekday', { digest: 'weekly', digestWeekday: 'funday' }, 'digestWeekday'],
    ['a weekday as a number', { digest: 'weekly', digestWeekday: 3 }, 'digestWeekday'],
  ];
  for (const [what, body, field] of BAD) {
    run(`refuses ${what} with a problem naming ${field}, and writes nothing`, async () => {
      const before = await snapshotDb(t.deps);
      expectProblem(await put(s.member, body), 400, 'invalid_request', field);
      expect(changedTables(before, await snapshotDb(t.deps))).toEqual([]);
    });
  }

  run('moves the reminders waiting for a person to the new schedule: at once, the next digest, or dropped for never', async () => {
    const item: DueItemWithPartnership = {
      partnershipId: w.partnership, organisationId: w.orgs.partnerOrg, kind: 'delivery', itemKey: 'tranche:settings-test:0', title: 'First tranche of the pump budget',
      dueOn: '2025-06-10', doneOn: null, graceDays: 30,
    };
    const source: ReminderSource = async () => [item, { ...item, itemKey: 'tranche:settings-test:1', title: 'Second tranche' }];
    await generateReminders(t.deps, [source]);
    const waiting = async () => (await remindersOf(t.deps.database.db, w.users.representative)).filter((r) => r.status === 'pending');
    // made on Wednesday at 10:00 with the default: tomorrow's daily digest
    expect((await waiting()).map((r) => r.send_after)).toEqual(['2025-06-05T07:00:00.000Z', '2025-06-05T07:00:00.000Z']);
    expect((await get(s.representative)).pendingReminders).toBe(2);

    await putOk(s.representative, { digest: 'weekly', digestHour: 9, digestWeekday: 'saturday' });
    expect((await waiting()).map((r) => r.send_after)).toEqual(['2025-06-07T09:00:00.000Z', '2025-06-07T09:00:00.000Z']);
    await putOk(s.representative, { digest: 'immediately' });
    expect((await waiting()).every((r) => r.send_after <= new Date(now).toISOString())).toBe(true);

    const dropped = await putOk(s.representative, { digest: 'never' });
    expect(dropped.pendingReminders).toBe(0);
    expect((await remindersOf(t.deps.database.db, w.users.representative)).map((r) => r.status)).toEqual(['suppressed', 'suppressed']);
    // and choosing again later does not bring them back: each stage reminds once
    expect((await putOk(s.representative, { digest: 'daily' })).pendingReminders).toBe(0);
    await generateReminders(t.deps, [source]);
    expect((await get(s.representative)).pendingReminders).toBe(0);
  });

  run('never answers a random body with a 5xx, and writes nothing when it refuses one', async () => {
    const good = fc.record(
      { digest: fc.constantFrom('immediately', 'daily', 'weekly', 'never'), digestHour: fc.integer({ min: 0, max: 23 }), digestWeekday: fc.constantFrom('monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday') },
      { requiredKeys: ['digest'] },
    );
    const weird = fc.oneof(fc.constant(null), fc.integer(), fc.double(), fc.boolean(), fc.string({ maxLength: 30 }), fc.constantFrom('', '\u0000', '\ud800', 'x'.repeat(100_000)), fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }));
    const body = fc.oneof(
      { weight: 4, arbitrary: good.map((b) => JSON.stringify(b)) },
      { weight: 4, arbitrary: fc.tuple(good, fc.constantFrom('digest', 'digestHour', 'digestWeekday', 'stray'), weird).map(([b, k, v]) => JSON.stringify({ ...b, [k]: v })) },
      { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)) },
      { weight: 1, arbitrary: fc.constantFrom('', '{', 'null', '[]', '{"__proto__":{"digest":"never"}}') },
    );
    await fc.assert(
      fc.asyncProperty(body, async (payload) => {
        const before = await snapshotDb(t.deps);
        const res = await t.app.inject({ method: 'PUT', url: N, headers: { ...as(s.member, true), 'content-type': 'application/json' }, payload });
        expect(res.statusCode, `${payload.slice(0, 200)} -> ${res.body}`).toBeLessThan(500);
        if (res.statusCode >= 400) {
          expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
          expect(changedTables(before, await snapshotDb(t.deps)), payload.slice(0, 200)).toEqual([]);
        } else NotificationSettings.parse(res.json());
      }),
      { numRuns: dialect === 'sqlite' ? 80 : 25 },
    );
  }, 120_000);
});
