/**
 * Money-moving writes carry an Idempotency-Key: a retry with the same key and body gets the same answer and
 * applies once; the same key with another body is refused; on PostgreSQL, eight identical requests fired at
 * once through a pool of several connections write exactly one transaction.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { expectProblem } from '../support/problems';
import { makeTestApp, signIn, as, type TestApp, type Session } from '../support/app';
import { buildWorld, PASSWORD, type World } from '../support/world';
import { DIALECTS, postgresAvailable } from '../support/databases';

const pgUp = await postgresAvailable();
const P = '/api/v1/partnerships';

describe.each(DIALECTS)('idempotent money-moving writes on %s', (dialect) => {
  let t: TestApp;
  let w: World;
  let convener: Session;
  let n = 0;
  const txCount = async () => Number((await t.deps.database.db.selectFrom('ledger_transactions').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const pledgeBody = (description = 'Cash for the kiosks') => ({
    organisationId: w.orgs.partnerOrg, kind: 'cash', description, valuation: { amount: '1000.00', currency: 'EUR' }, tranches: [{ dueOn: '2099-01-01', value: { amount: '1000.00', currency: 'EUR' } }],
  });
  const post = (key: string, payload: unknown) =>
    t.app.inject({ method: 'POST', url: `${P}/${w.partnership}/commitments`, headers: { ...as(convener, true), 'idempotency-key': key }, payload: payload as object });

  beforeAll(async () => {
    if (dialect === 'postgres' && !pgUp) return;
    t = await makeTestApp(dialect);
    w = await buildWorld(t.deps);
    convener = await signIn(t.app, w.emails.convener, PASSWORD);
  });
  afterAll(async () => t?.close());
  const run = dialect === 'postgres' && !pgUp ? it.skip : it;

  run('the same key retried returns the same answer and applies once', async () => {
    const key = `pledge-${dialect}-${++n}-retry`;
    const before = await txCount();
    const first = await post(key, pledgeBody());
    expect(first.statusCode, first.body).toBe(201);
    const second = await post(key, pledgeBody());
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json()).toEqual(first.json());
    expect(await txCount()).toBe(before + 1);
  });

  run('the same key with a different body is refused with 422 naming Idempotency-Key', async () => {
    const key = `pledge-${dialect}-${++n}-mismatch`;
    expect((await post(key, pledgeBody())).statusCode).toBe(201);
    const before = await txCount();
    expectProblem(await post(key, pledgeBody('Another pledge')), 422, 'idempotency_mismatch', 'Idempotency-Key');
    expect(await txCount()).toBe(before);
  });

  run('eight identical requests fired at once with one key write exactly one transaction', async () => {
    const key = `pledge-${dialect}-${++n}-storm`;
    const before = await txCount();
    const answers = await Promise.all(Array.from({ length: 8 }, () => post(key, pledgeBody('Storm of retries'))));
    const statuses = answers.map((a) => a.statusCode);
    // the first applies; the others are replays (201) or told the first is still running (409), never a second write
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((s) => s === 201 || s === 409), JSON.stringify(answers.map((a) => a.body.slice(0, 200)))).toBe(true);
    const ids = new Set(answers.filter((a) => a.statusCode === 201).map((a) => a.json().id));
    expect(ids.size).toBe(1);
    expect(await txCount()).toBe(before + 1);
    const rows = await t.deps.database.db.selectFrom('commitments').select('id').where('description', '=', 'Storm of retries').execute();
    expect(rows).toHaveLength(1);
  });
});
