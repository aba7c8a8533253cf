import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { expectProblem } from '../support/problems';
import { makeTestApp, signIn, as, type TestApp, type Session } from '../support/app';
import { buildWorld, PASSWORD, type World } from '../support/world';
import { DIALECTS, postgresAvailable } from '../support/databases';
import { BallotList, BallotReceipt, CharterVersion, CharterVersionList, CheckCharterResult, CommentPage, DecisionDetail, DecisionPage, TemplateList } from '../../src/contracts/governance';
import { closeDueDecisions } from '../../src/services/governance/decisions';
import { openSse } from '../support/sse';
import type { AddressInfo } from 'node:net';
import { TEMPLATES } from '../../src/domain/governance/templates';

const pgUp = await postgresAvailable();
const START = Date.parse('2026-03-02T09:00:00.000Z');
const HOUR = 3_600_000;


const P = '/api/v1/partnerships';

describe.each(DIALECTS)('governance routes on %s', (dialect) => {
  let t: TestApp;
  let w: World;
  let now = START;
  const at = (offsetHours: number) => new Date(now + offsetHours * HOUR).toISOString();
  const s = {} as Record<'admin' | 'convener' | 'representative' | 'member' | 'observer' | 'outsider', Session>;
  const count = async (table: 'charters' | 'decisions' | 'ballots' | 'ballot_history' | 'decision_roll' | 'audit_events' | 'decision_proxies') =>
    Number((await t.deps.database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  /** Three seats: the city (held by the convener in person), Acme (its representative votes) and a member's own seat. */
  const charterFor = (w: World) => ({
    name: 'Testville steering committee',
    bodies: [{ id: 'sc', name: 'Steering committee', kind: 'steering_committee' }],
    seats: [
      { id: 'city', name: 'City of Testville', person: w.users.convener },
      { id: 'acme', name: 'Acme Water', organisation: w.orgs.partnerOrg },
      { id: 'mina', name: 'Mina Member', person: w.users.member },
    ],
    rules: {
      ordinary: { pass: { kind: 'threshold', require: { kind: 'majority' }, base: 'votes_cast' } },
      reserved: { pass: { kind: 'all', of: [{ kind: 'threshold', require: { kind: 'majority' }, base: 'votes_cast' }, { kind: 'veto', seat: 'city' }] } },
      amendment: { quorum: [], pass: { kind: 'threshold', require: { kind: 'fraction', num: 1, den: 1 }, base: 'all_members', measure: 'count' } },
    },
    decisionTypes: {
      ordinary: { rule: 'ordinary', body: 'sc', seconders: { count: 1 } },
      reserved_matter: { rule: 'reserved', body: 'sc', anonymous: true, window: { closeEarly: true } },
      amendment: { rule: 'amendment', body: 'sc', window: { closeEarly: true } },
    },
    amendment: 'amendment',
    proxies: { allowed: true, maxPerHolder: 1 },
    disputes: { ladder: [{ id: 'talks', name: 'Talks between the parties', days: 14 }, { id: 'committee', name: 'Steering committee', body: 'sc', days: 30 }, { id: 'arbitration', name: 'Arbitration' }] },
  });

  const propose = async (who: Session, body: Record<string, unknown>, partnership = w.partnership) =>
    t.app.inject({ method: 'POST', url: `${P}/${partnership}/decisions`, headers: as(who, true), payload: { closesAt: at(48), text: 'As discussed at the last meeting.', ...body } });
  const vote = async (who: Session, decision: string, seat: string, body: Record<string, unknown>) =>
    t.app.inject({ method: 'PUT', url: `${P}/${w.partnership}/decisions/${decision}/ballots/${seat}`, headers: as(who, true), payload: body });
  const get = async (who: Session, decision: string) => t.app.inject({ url: `${P}/${w.partnership}/decisions/${decision}`, headers: as(who) });
  const detail = async (who: Session, decision: string) => {
    const res = await get(who, decision);
    expect(res.statusCode, res.body).toBe(200);
    return DecisionDetail.parse(res.json());
  };

  beforeAll(async () => {
    if (dialect === 'postgres' && !pgUp) return;
    t = await makeTestApp(dialect, {}, { clock: () => new Date((now += 1000)).toISOString() });
    w = await buildWorld(t.deps);
    for (const k of Object.keys(w.emails) as (keyof typeof s)[]) s[k] = await signIn(t.app, w.emails[k], PASSWORD);
  });
  afterAll(async () => t?.close());
  const run = dialect === 'postgres' && !pgUp ? it.skip : it;

  // ---------------------------------------------------------------------------------------------
  describe('charters', () => {
    run('lists the shipped templates, each a valid charter', async () => {
      const res = await t.app.inject({ url: '/api/v1/charter-templates' });
      expect(res.statusCode, res.body).toBe(200);
      const list = TemplateList.parse(res.json());
      expect(list.items.map((x) => x.id).sort()).toEqual(TEMPLATES.map((x) => x.id).sort());
      expect(list.items.length).toBeGreaterThanOrEqual(6);
    });

    run('checks a charter without storing it and names each problem by its path', async () => {
      const bad = { groups: [{ id: 'a', share: '1/2' }, { id: 'b', share: '1/3' }], rules: { ordinary: { pass: { kind: 'threshold', require: { kind: 'majority' }, base: 'votes_cast' } } } };
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/charter-check', payload: { charter: bad } });
      expect(res.statusCode, res.body).toBe(200);
      const r = CheckCharterResult.parse(res.json());
      expect(r.ok).toBe(false);
      expect(r.findings.filter((f) => f.severity === 'error').map((f) => f.code)).toContain('shares_sum');
      // the values in each sentence travel too, so the web app can word it in the reader's language
      expect(r.findings.find((f) => f.code === 'shares_sum')).toMatchObject({ params: { sum: '5/6' }, message: expect.stringContaining('5/6') });
    });

    run('has no charter until a convener adopts one; an invalid one is refused with every problem and nothing is written', async () => {
      expectProblem(await t.app.inject({ url: `${P}/${w.partnership}/charter`, headers: as(s.member) }), 404, 'not_found');
      const before = await count('charters');
      const bad = { ...charterFor(w), seats: [{ id: 'x', organisation: w.orgs.otherOrg }, { id: 'x' }] };
      const res = await t.app.inject({ method: 'PUT', url: `${P}/${w.partnership}/charter`, headers: as(s.convener, true), payload: { charter: bad } });
      const p = expectProblem(res, 422, 'validation_failed', 'charter.seats[0].organisation');
      expect(p.errors!.map((e) => e.field)).toContain('charter.seats[1].id');
      expect(await count('charters')).toBe(before);
      expectProblem(await t.app.inject({ method: 'PUT', url: `${P}/${w.partnership}/charter`, headers: as(s.representative, true), payload: { charter: charterFor(w) } }), 403, 'forbidden');
      expectProblem(await t.app.inject({ method: 'PUT', url: `${P}/${w.partnership}/charter`, headers: as(s.convener, true), payload: { templateId: 'no-such-template' } }), 422, 'validation_failed', 'templateId');
    });

    run('refuses seats that are not a list of objects, naming each one, and writes nothing (fuzz seed 572250524)', async () => {
      const before = await count('charters');
      for (const [seats, field, code] of [
        [[null], 'charter.seats[0]', 'seat_not_an_object'],
        [[{ id: 'a' }, 7, ['b']], 'charter.seats[1]', 'seat_not_an_object'],
        ['everyone', 'charter.seats', 'seats_not_a_list'],
      ] as const) {
        const res = await t.app.inject({ method: 'PUT', url: `${P}/${w.partnership}/charter`, headers: as(s.convener, true), payload: { charter: { ...charterFor(w), seats } } });
        const p = expectProblem(res, 422, 'validation_failed', field);
        expect(p.errors!.find((e) => e.field === field)?.code).toBe(code);
      }
      expect(await count('charters')).toBe(before);
    });

    run('adopts version 1, then refuses a second adoption: later changes go through the amendment rule', async () => {
      const res = await t.app.inject({ method: 'PUT', url: `${P}/${w.partnership}/charter`, headers: as(s.convener, true), payload: { charter: charterFor(w), note: 'Agreed at the founding meeting' } });
      expect(res.statusCode, res.body).toBe(201);
      const v = CharterVersion.parse(res.json());
      expect(v).toMatchObject({ version: 1, note: 'Agreed at the founding meeting', adoptedBy: { id: s.convener.userId } });
      expect((v.charter as any).seats.map((x: any) => x.id)).toEqual(['city', 'acme', 'mina']);
      const again = await t.app.inject({ method: 'PUT', url: `${P}/${w.partnership}/charter`, headers: as(s.convener, true), payload: { charter: charterFor(w) } });
      expectProblem(again, 409, 'conflict', 'charter');
      const read = CharterVersion.parse((await t.app.inject({ url: `${P}/${w.partnership}/charter`, headers: as(s.observer) })).json());
      expect(read.version).toBe(1);
      expect(read.allowedActions).not.toContain('partnership.charter.manage');
    });

    run('disputes climb the escalation ladder of the charter in force', async () => {
      const res = await t.app.inject({ url: `${P}/${w.partnership}/disputes-summary`, headers: as(s.convener) });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().ladder.map((x: { id: string }) => x.id)).toEqual(['talks', 'committee', 'arbitration']);
    });
  });

  // ---------------------------------------------------------------------------------------------
  describe('a motion from proposal to outcome', () => {
    let id: string;
    run('a representative proposes; the motion waits for its seconder and takes no ballot yet', async () => {
      const res = await propose(s.representative, { title: 'Adopt the 2027 work plan', decisionType: 'ordinary', links: [{ title: 'Work plan', url: 'https://example.org/plan.pdf' }] });
      expect(res.statusCode, res.body).toBe(201);
      const d = DecisionDetail.parse(res.json());
      id = d.id;
      expect(d).toMatchObject({ status: 'proposed', decisionType: 'ordinary', charterVersion: 1, rule: 'ordinary', proposerSeat: 'acme', choices: ['yes', 'no', 'abstain'] });
      expect(d.seconding).toMatchObject({ required: 1, satisfied: false });
      expectProblem(await vote(s.representative, id, 'acme', { choice: 'yes' }), 409, 'conflict');
      expectProblem(await t.app.inject({ method: 'POST', url: `${P}/${w.partnership}/decisions/${id}/seconds`, headers: as(s.representative, true), payload: {} }), 403, 'forbidden');
    });

    run('a second from another seat opens voting and fixes the roll', async () => {
      const res = await t.app.inject({ method: 'POST', url: `${P}/${w.partnership}/decisions/${id}/seconds`, headers: as(s.member, true), payload: {} });
      expect(res.statusCode, res.body).toBe(200);
      const d = DecisionDetail.parse(res.json());
      expect(d.status).toBe('open');
      expect(d.seconds.map((x) => x.seat)).toEqual(['mina']);
      expect(d.roll.map((r) => r.seat)).toEqual(['acme', 'city', 'mina']);
      expect(d.mySeats).toEqual([expect.objectContaining({ seat: 'mina', as: 'holder', ballot: null })]);
    });

    run('each seat votes through its holder or representative; a ballot can change and its history is kept', async () => {
      expect((await vote(s.representative, id, 'acme', { choice: 'no' })).statusCode).toBe(200);
      const changed = await vote(s.representative, id, 'acme', { choice: 'yes' });
      expect(BallotReceipt.parse(changed.json())).toMatchObject({ seat: 'acme', choice: 'yes', byProxy: false });
      expect((await vote(s.convener, id, 'city', { choice: 'no' })).statusCode).toBe(200);
      const d = await detail(s.member, id);
      expect(d.tally).toMatchObject({ counts: { yes: 1, no: 1 }, voted: 2, eligible: 3 });
      expect(d.tally!.projected!.outcome).toBe('rejected');
      const ballots = BallotList.parse((await t.app.inject({ url: `${P}/${w.partnership}/decisions/${id}/ballots`, headers: as(s.observer) })).json());
      expect(ballots.items.map((b) => [b.seat, b.choice])).toEqual([['acme', 'yes'], ['city', 'no']]);
      expect(ballots.history.filter((h) => h.seat === 'acme').map((h) => h.choice)).toEqual(['no', 'yes']);
    });

    run.each([
      ['a seat that is not yours', 'member', 'acme', { choice: 'yes' }, 403, 'forbidden', undefined],
      ['an observer', 'observer', 'mina', { choice: 'yes' }, 403, 'forbidden', undefined],
      ['a seat not on the roll', 'member', 'nobody', { choice: 'yes' }, 422, 'validation_failed', 'seatId'],
      ['a choice the rule does not offer', 'member', 'mina', { choice: 'block', reason: 'no' }, 422, 'validation_failed', 'choice'],
      ['an unknown field', 'member', 'mina', { choice: 'yes', weight: 3 }, 400, 'invalid_request', 'weight'],
    ] as const)('refuses a ballot for %s and writes nothing', async (_what, who, seat, body, status, code, field) => {
      const before = [await count('ballots'), await count('ballot_history'), await count('audit_events')];
      expectProblem(await vote(s[who], id, seat, body as Record<string, unknown>), status, code, field);
      expect([await count('ballots'), await count('ballot_history'), await count('audit_events')]).toEqual(before);
    });

    run('a convener may not close early where the charter does not allow it; the window closes it and the outcome is explained', async () => {
      expectProblem(await t.app.inject({ method: 'POST', url: `${P}/${w.partnership}/decisions/${id}/close`, headers: as(s.convener, true) }), 409, 'conflict');
      expect((await vote(s.member, id, 'mina', { choice: 'yes' })).statusCode).toBe(200);
      now += 49 * HOUR;
      expectProblem(await vote(s.member, id, 'mina', { choice: 'no' }), 409, 'conflict');
      expect(await closeDueDecisions(t.deps)).toBeGreaterThanOrEqual(1);
      const d = await detail(s.member, id);
      expect(d.status).toBe('closed');
      expect(d.result!.outcome).toBe('adopted');
      const row = d.result!.conditions.find((c) => c.label.includes('votes cast'))!;
      expect(row).toMatchObject({ passed: true });
      expect(row.explanation).toMatch(/66\.7% yes of votes cast, needs more than 50%/);
      expect(row.numbers).toMatchObject({ yes: '2/1', base: '3/1' });
      expect(await closeDueDecisions(t.deps)).toBe(0);
    });

    run('after close a convener records the outcome statement and a review date', async () => {
      const res = await t.app.inject({ method: 'PATCH', url: `${P}/${w.partnership}/decisions/${id}`, headers: as(s.convener, true), payload: { outcomeStatement: 'The plan is adopted.', reviewOn: '2026-09-01' } });
      expect(res.statusCode, res.body).toBe(200);
      expect(DecisionDetail.parse(res.json())).toMatchObject({ outcomeStatement: 'The plan is adopted.', reviewOn: '2026-09-01' });
      const closed = DecisionPage.parse((await t.app.inject({ url: `${P}/${w.partnership}/decisions?status=closed`, headers: as(s.observer) })).json());
      expect(closed.items.find((x) => x.id === id)).toMatchObject({ outcome: 'adopted', reviewOn: '2026-09-01', closedAt: expect.any(String) });
      expectProblem(await t.app.inject({ method: 'PATCH', url: `${P}/${w.partnership}/decisions/${id}`, headers: as(s.representative, true), payload: { reviewOn: '2026-10-01' } }), 403, 'forbidden');
    });
  });

  // ---------------------------------------------------------------------------------------------
  describe('reserved matters, anonymity, recusal and proxies', () => {
    run('an anonymous reserved matter shows no tally until close, keeps who took part, and needs the city’s yes', async () => {
      expectProblem(await propose(s.member, { title: 'Raise the water tariff', decisionType: 'reserved_matter' }), 403, 'forbidden');
      const d0 = DecisionDetail.parse((await propose(s.representative, { title: 'Raise the water tariff', decisionType: 'reserved_matter' })).json());
      expect(d0).toMatchObject({ status: 'open', anonymous: true, resultsHidden: true, tally: null });
      expect((await vote(s.member, d0.id, 'mina', { choice: 'yes' })).statusCode).toBe(200);
      expect((await vote(s.representative, d0.id, 'acme', { choice: 'yes' })).statusCode).toBe(200);
      expect((await vote(s.convener, d0.id, 'city', { choice: 'no' })).statusCode).toBe(200);
      expect((await detail(s.member, d0.id)).tally).toBeNull();
      const closed = DecisionDetail.parse((await t.app.inject({ method: 'POST', url: `${P}/${w.partnership}/decisions/${d0.id}/close`, headers: as(s.convener, true) })).json());
      expect(closed.result!.outcome).toBe('rejected');
      expect(closed.result!.conditions.find((c) => c.label.startsWith('veto'))!.passed).toBe(false);
      const list = BallotList.parse((await t.app.inject({ url: `${P}/${w.partnership}/decisions/${d0.id}/ballots`, headers: as(s.member) })).json());
      expect(list.anonymous).toBe(true);
      expect(list.items.map((b) => [b.seat, b.choice])).toEqual(expect.arrayContaining([['acme', null], ['city', null], ['mina', null]]));
      const stored = await t.deps.database.db.selectFrom('ballots').selectAll().where('decision_id', '=', d0.id).execute();
      expect(stored.map((b) => b.seat_key).some((k) => ['acme', 'city', 'mina'].includes(k))).toBe(false);
      expect(stored.every((b) => b.cast_by === null)).toBe(true);
      const row = await t.deps.database.db.selectFrom('decisions').select('anon_key').where('id', '=', d0.id).executeTakeFirstOrThrow();
      expect(row.anon_key).toBeNull();
    });

    run('a recused seat leaves the base and its ballot is refused; a proxy holder votes within the cap', async () => {
      const made = await propose(s.convener, { title: 'Amend the tariff schedule', decisionType: 'reserved_matter' });
      expect(made.statusCode, made.body).toBe(201);
      const d0 = DecisionDetail.parse(made.json());
      const rec = await t.app.inject({ method: 'POST', url: `${P}/${w.partnership}/decisions/${d0.id}/recusals`, headers: as(s.representative, true), payload: { seat: 'acme', reason: 'Acme bids for the tariff study' } });
      expect(rec.statusCode, rec.body).toBe(200);
      expect(DecisionDetail.parse(rec.json()).roll.find((r) => r.seat === 'acme')!.recused).toBe(true);
      expectProblem(await vote(s.representative, d0.id, 'acme', { choice: 'yes' }), 409, 'conflict', 'seatId');

      // an observer cannot carry a vote
      expectProblem(await t.app.inject({ method: 'POST', url: `${P}/${w.partnership}/decisions/${d0.id}/proxies`, headers: as(s.member, true), payload: { seat: 'mina', holderId: s.observer.userId } }), 422, 'validation_failed', 'holderId');
      const proxy = await t.app.inject({ method: 'POST', url: `${P}/${w.partnership}/decisions/${d0.id}/proxies`, headers: as(s.member, true), payload: { seat: 'mina', holderId: s.representative.userId } });
      expect(proxy.statusCode, proxy.body).toBe(200);
      const cast = await vote(s.representative, d0.id, 'mina', { choice: 'yes' });
      expect(BallotReceipt.parse(cast.json())).toMatchObject({ seat: 'mina', byProxy: true });
      const before = await count('decision_proxies');
      const over = await t.app.inject({ method: 'POST', url: `${P}/${w.partnership}/decisions/${d0.id}/proxies`, headers: as(s.convener, true), payload: { seat: 'city', holderId: s.representative.userId } });
      expectProblem(over, 422, 'validation_failed');
      expect(await count('decision_proxies')).toBe(before);
      expect((await vote(s.convener, d0.id, 'city', { choice: 'yes' })).statusCode).toBe(200);
      const closed = DecisionDetail.parse((await t.app.inject({ method: 'POST', url: `${P}/${w.partnership}/decisions/${d0.id}/close`, headers: as(s.convener, true) })).json());
      expect(closed.result!.outcome).toBe('adopted');
    });
  });

  // ---------------------------------------------------------------------------------------------
  describe('proxies seen and withdrawn, recusal reasons shown', () => {
    const del = (who: Session, decision: string, seat: string) => t.app.inject({ method: 'DELETE', url: `${P}/${w.partnership}/decisions/${decision}/proxies/${seat}`, headers: as(who, true) });
    const grant = async (who: Session, decision: string, seat: string, holderId: string) => {
      const res = await t.app.inject({ method: 'POST', url: `${P}/${w.partnership}/decisions/${decision}/proxies`, headers: as(who, true), payload: { seat, holderId } });
      expect(res.statusCode, res.body).toBe(200);
    };
    /** A named ordinary motion, opened by the member's second. */
    const openMotion = async (title: string) => {
      const d0 = DecisionDetail.parse((await propose(s.convener, { title, decisionType: 'ordinary', seat: 'city' })).json());
      const opened = await t.app.inject({ method: 'POST', url: `${P}/${w.partnership}/decisions/${d0.id}/seconds`, headers: as(s.member, true), payload: {} });
      expect(DecisionDetail.parse(opened.json()).status).toBe('open');
      return d0.id;
    };
    const audits = async (action: string, entity: string) =>
      t.deps.database.db.selectFrom('audit_events').selectAll().where('action', '=', action).where('entity_id', '=', entity).execute();

    run('lists the proxies in force to those taking part (seat, holder, given by whom and when), not to observers', async () => {
      const id = await openMotion('Renew the meter contract');
      await grant(s.member, id, 'mina', s.representative.userId);
      const expected = { seat: 'mina', name: 'Mina Member', holder: { id: s.representative.userId, name: 'Remi Representative' }, grantedBy: { id: s.member.userId, name: 'Mina Member' }, at: expect.any(String), voted: false };
      const byConvener = await detail(s.convener, id);
      expect(byConvener.proxies).toEqual([{ ...expected, withdrawable: true }]);
      expect(byConvener.allowedActions).toContain('withdraw_proxy');
      // the seat's holder sees who carries the vote on the seat itself, and may withdraw it
      const byHolder = await detail(s.member, id);
      expect(byHolder.mySeats.find((m) => m.seat === 'mina')).toMatchObject({ as: 'holder', proxy: { ...expected, withdrawable: true } });
      expect(byHolder.allowedActions).toContain('withdraw_proxy');
      // the proxy holder carries the seat but does not withdraw what was given to them
      const byCarrier = await detail(s.representative, id);
      expect(byCarrier.mySeats.find((m) => m.seat === 'mina')).toMatchObject({ as: 'proxy', proxy: { ...expected, withdrawable: false } });
      expect(byCarrier.mySeats.find((m) => m.seat === 'acme')).toMatchObject({ as: 'representative', proxy: null });
      expect(byCarrier.allowedActions).not.toContain('withdraw_proxy');
      const byObserver = await detail(s.observer, id);
      expect(byObserver.proxies).toEqual([]);
    });

    run('the seat’s holder withdraws a proxy before it is used: audited, published live, and the proxy holder can no longer vote for the seat', async () => {
      const id = await openMotion('Move the pumping station');
      await grant(s.member, id, 'mina', s.representative.userId);
      const events: { type: string; entityId: string }[] = [];
      const stop = t.deps.database.bus.subscribe((e) => events.push(e));
      try {
        const res = await del(s.member, id, 'mina');
        expect(res.statusCode, res.body).toBe(200);
        const d = DecisionDetail.parse(res.json());
        expect(d.proxies).toEqual([]);
        expect(d.mySeats.find((m) => m.seat === 'mina')!.proxy).toBeNull();
        await expect.poll(() => events.some((e) => e.type === 'decision.proxy_withdrawn' && e.entityId === id)).toBe(true);
      } finally {
        stop();
      }
      const [audit] = await audits('decision.proxy_withdrawn', id);
      expect(audit).toMatchObject({ actor_id: s.member.userId, partnership_id: w.partnership });
      expect(audit.diff).toContain(s.representative.userId);
      expectProblem(await vote(s.representative, id, 'mina', { choice: 'yes' }), 403, 'forbidden');
      expect((await detail(s.representative, id)).mySeats.map((m) => m.seat)).toEqual(['acme']);
      // the seat votes through its holder again
      expect((await vote(s.member, id, 'mina', { choice: 'yes' })).statusCode).toBe(200);
    });

    run.each([
      ['an observer', 'observer', 'mina', 403, 'forbidden'],
      ['the proxy holder', 'representative', 'mina', 403, 'forbidden'],
      ['someone else’s seat', 'representative', 'city', 403, 'forbidden'],
      ['a person of another partnership', 'outsider', 'mina', 404, 'not_found'],
      ['a seat without a proxy', 'convener', 'acme', 404, 'not_found'],
      ['a seat not on the roll', 'convener', 'nobody', 404, 'not_found'],
    ] as const)('refuses to withdraw a proxy for %s and writes nothing', async (_what, who, seat, status, code) => {
      const id = await openMotion(`Refused withdrawal ${seat} ${who}`);
      await grant(s.member, id, 'mina', s.representative.userId);
      const before = [await count('decision_proxies'), await count('audit_events')];
      expectProblem(await del(s[who], id, seat), status, code);
      expect([await count('decision_proxies'), await count('audit_events')]).toEqual(before);
    });

    run('a convener withdraws a proxy of a seat that is not theirs', async () => {
      const id = await openMotion('Hire a hydrologist');
      await grant(s.representative, id, 'acme', s.member.userId);
      const res = await del(s.convener, id, 'acme');
      expect(res.statusCode, res.body).toBe(200);
      expect(DecisionDetail.parse(res.json()).proxies).toEqual([]);
      expect((await audits('decision.proxy_withdrawn', id))[0]).toMatchObject({ actor_id: s.convener.userId });
    });

    run('once the proxy holder has voted for the seat, the ballot stands and the proxy can no longer be withdrawn (409, nothing written)', async () => {
      const id = await openMotion('Adopt the drought plan');
      await grant(s.member, id, 'mina', s.representative.userId);
      expect(BallotReceipt.parse((await vote(s.representative, id, 'mina', { choice: 'no' })).json())).toMatchObject({ byProxy: true });
      const before = [await count('decision_proxies'), await count('audit_events'), await count('ballots')];
      for (const who of ['member', 'convener'] as const) {
        const p = expectProblem(await del(s[who], id, 'mina'), 409, 'conflict', 'seat');
        expect(p.errors![0]).toMatchObject({ code: 'proxy_used' });
        expect(p.detail ?? p.title).toMatch(/Remi Representative has already voted for seat "mina" by proxy: that ballot stands/);
      }
      expect([await count('decision_proxies'), await count('audit_events'), await count('ballots')]).toEqual(before);
      const d = await detail(s.member, id);
      expect(d.mySeats.find((m) => m.seat === 'mina')).toMatchObject({ ballot: { choice: 'no' }, proxy: { voted: true, withdrawable: false } });
      expect(d.allowedActions).not.toContain('withdraw_proxy');
      // the seat's holder may not replace the ballot cast by proxy either
      expectProblem(await vote(s.member, id, 'mina', { choice: 'yes' }), 409, 'conflict', 'seatId');
    });

    run('a secret ballot shows who carries a proxy (participation, not a choice); a used proxy stays, and none is withdrawn after close', async () => {
      const d0 = DecisionDetail.parse((await propose(s.representative, { title: 'Set the secret tariff band', decisionType: 'reserved_matter' })).json());
      expect(d0.anonymous).toBe(true);
      await grant(s.member, d0.id, 'mina', s.convener.userId);
      await grant(s.representative, d0.id, 'acme', s.member.userId);
      const open = await detail(s.representative, d0.id);
      expect(open.proxies.map((x) => [x.seat, x.holder.id, x.voted])).toEqual([['acme', s.member.userId, false], ['mina', s.convener.userId, false]]);
      expect((await vote(s.convener, d0.id, 'mina', { choice: 'yes' })).statusCode).toBe(200);
      const p = expectProblem(await del(s.member, d0.id, 'mina'), 409, 'conflict', 'seat');
      expect(p.errors![0].code).toBe('proxy_used');
      expect((await detail(s.member, d0.id)).proxies.find((x) => x.seat === 'mina')).toMatchObject({ voted: true, withdrawable: false });
      const closed = await t.app.inject({ method: 'POST', url: `${P}/${w.partnership}/decisions/${d0.id}/close`, headers: as(s.convener, true) });
      expect(closed.statusCode, closed.body).toBe(200);
      const before = [await count('decision_proxies'), await count('audit_events')];
      expectProblem(await del(s.representative, d0.id, 'acme'), 409, 'conflict');
      expect([await count('decision_proxies'), await count('audit_events')]).toEqual(before);
      // after close nobody can tell any more who cast a secret ballot: no proxy is said to have been used
      const after = await detail(s.representative, d0.id);
      expect(after.proxies.map((x) => [x.seat, x.voted, x.withdrawable])).toEqual([['acme', false, false], ['mina', false, false]]);
    });

    run('the reason a seat recused itself is returned to those taking part, not to observers', async () => {
      const id = await openMotion('Award the leak survey');
      const rec = await t.app.inject({ method: 'POST', url: `${P}/${w.partnership}/decisions/${id}/recusals`, headers: as(s.representative, true), payload: { seat: 'acme', reason: 'Acme bids for the survey' } });
      expect(rec.statusCode, rec.body).toBe(200);
      expect(DecisionDetail.parse(rec.json()).roll.find((r) => r.seat === 'acme')).toMatchObject({ recused: true, recusalReason: 'Acme bids for the survey' });
      const seen = await detail(s.member, id);
      expect(seen.roll.find((r) => r.seat === 'acme')).toMatchObject({ recused: true, recusalReason: 'Acme bids for the survey' });
      expect(seen.roll.find((r) => r.seat === 'mina')).toMatchObject({ recused: false, recusalReason: null });
      const observed = await detail(s.observer, id);
      expect(observed.roll.find((r) => r.seat === 'acme')).toMatchObject({ recused: true, recusalReason: null });
    });
  });

  // ---------------------------------------------------------------------------------------------
  describe('amendments and versions', () => {
    run('an adopted amendment becomes the next version; a decision opened before keeps its version', async () => {
      const older = DecisionDetail.parse((await propose(s.representative, { title: 'Hire an auditor', decisionType: 'ordinary' })).json());
      const next = charterFor(w);
      next.rules.ordinary = { pass: { kind: 'threshold', require: { kind: 'two_thirds' }, base: 'votes_cast' } } as any;
      expectProblem(await propose(s.convener, { title: 'Missing text', decisionType: 'amendment' }), 422, 'validation_failed', 'amendment');
      expectProblem(await propose(s.convener, { title: 'Bad amendment', decisionType: 'amendment', amendment: { ...next, seats: [{ id: 'z', organisation: w.orgs.otherOrg }] } }), 422, 'validation_failed', 'amendment.seats[0].organisation');
      const d0 = DecisionDetail.parse((await propose(s.convener, { title: 'Two-thirds for ordinary decisions', decisionType: 'amendment', amendment: next })).json());
      for (const [who, seat] of [['convener', 'city'], ['representative', 'acme'], ['member', 'mina']] as const) expect((await vote(s[who], d0.id, seat, { choice: 'yes' })).statusCode).toBe(200);
      const closed = DecisionDetail.parse((await t.app.inject({ method: 'POST', url: `${P}/${w.partnership}/decisions/${d0.id}/close`, headers: as(s.convener, true) })).json());
      expect(closed.result!.outcome).toBe('adopted');
      const versions = CharterVersionList.parse((await t.app.inject({ url: `${P}/${w.partnership}/charter/versions`, headers: as(s.member) })).json());
      expect(versions.items[0]).toMatchObject({ version: 2, decisionId: d0.id });
      expect((CharterVersion.parse((await t.app.inject({ url: `${P}/${w.partnership}/charter`, headers: as(s.member) })).json()).charter as any).rules.ordinary.pass.require.kind).toBe('two_thirds');
      expect((await detail(s.member, older.id)).charterVersion).toBe(1);
      const newer = DecisionDetail.parse((await propose(s.representative, { title: 'Hire a second auditor', decisionType: 'ordinary' })).json());
      expect(newer.charterVersion).toBe(2);
    });

    run('a motion proposed by someone without a seat needs one more seconder, who moves it in their place', async () => {
      // the admin holds no seat; "ordinary" asks for one seconder
      const admin = await signIn(t.app, w.emails.admin, PASSWORD);
      const d0 = DecisionDetail.parse((await propose(admin, { title: 'Commission a water audit', decisionType: 'ordinary' })).json());
      expect(d0.seconding).toMatchObject({ required: 2, satisfied: false });
      const one = DecisionDetail.parse((await t.app.inject({ method: 'POST', url: `${P}/${w.partnership}/decisions/${d0.id}/seconds`, headers: as(s.member, true), payload: {} })).json());
      expect(one.status).toBe('proposed');
      const two = DecisionDetail.parse((await t.app.inject({ method: 'POST', url: `${P}/${w.partnership}/decisions/${d0.id}/seconds`, headers: as(s.representative, true), payload: {} })).json());
      expect(two.status).toBe('open');
    });

    run('refuses a decision type the charter does not know, naming the field, and writes nothing', async () => {
      const before = await count('decisions');
      expectProblem(await propose(s.representative, { title: 'Buy a boat', decisionType: 'boat_purchase' }), 422, 'validation_failed', 'decisionType');
      expectProblem(await propose(s.representative, { title: 'Buy a boat', decisionType: 'ordinary', closesAt: at(-1) }), 422, 'validation_failed', 'closesAt');
      expectProblem(await propose(s.observer, { title: 'Buy a boat', decisionType: 'ordinary' }), 403, 'forbidden');
      expect(await count('decisions')).toBe(before);
    });
  });

  // ---------------------------------------------------------------------------------------------
  describe('staged procedures, referrals and one ballot per seat (on the public partnership)', () => {
    const PP = () => `${P}/${w.publicPartnership}/decisions`;
    const staged = () => ({
      name: 'Open data alliance board',
      seats: [
        { id: 'city', person: w.users.convener },
        { id: 'acme', organisation: w.orgs.partnerOrg, alternate: w.users.member },
        { id: 'mina', person: w.users.member },
      ],
      rules: {
        staged: { kind: 'staged', stages: [{ id: 'consensus', pass: { kind: 'consensus' }, onFail: 'refer' }, { id: 'vote', grade: 'simple-majority', pass: { kind: 'threshold', require: { kind: 'majority' }, base: 'votes_cast' } }] },
        amendment: { pass: { kind: 'threshold', require: { kind: 'two_thirds' }, base: 'all_members', measure: 'count' } },
      },
      decisionTypes: { ordinary: { rule: 'staged', window: { closeEarly: true } }, amendment: { rule: 'amendment' } },
    });
    const ballot = (who: Session, d: string, seat: string, body: Record<string, unknown>) =>
      t.app.inject({ method: 'PUT', url: `${PP()}/${d}/ballots/${seat}`, headers: as(who, true), payload: body });
    const close = async (d: string) => DecisionDetail.parse((await t.app.inject({ method: 'POST', url: `${PP()}/${d}/close`, headers: as(s.convener, true) })).json());

    run('a block refers the matter; the convener puts it to the vote again at the next stage, which adopts it at the lower grade', async () => {
      const adopted = await t.app.inject({ method: 'PUT', url: `${P}/${w.publicPartnership}/charter`, headers: as(s.convener, true), payload: { charter: staged() } });
      expect(adopted.statusCode, adopted.body).toBe(201);
      const d0 = DecisionDetail.parse((await propose(s.representative, { title: 'Publish the raw meter data', decisionType: 'ordinary' }, w.publicPartnership)).json());
      expect(d0.choices).toEqual(['agree', 'stand_aside', 'block']);
      expectProblem(await ballot(s.representative, d0.id, 'acme', { choice: 'block' }), 422, 'validation_failed', 'reason');
      expect((await ballot(s.representative, d0.id, 'acme', { choice: 'block', reason: 'Household privacy' })).statusCode).toBe(200);
      expect((await ballot(s.convener, d0.id, 'city', { choice: 'agree' })).statusCode).toBe(200);
      expect((await ballot(s.member, d0.id, 'mina', { choice: 'agree' })).statusCode).toBe(200);
      const first = await close(d0.id);
      expect(first.result).toMatchObject({ outcome: 'referred', stage: 'consensus' });
      expect(first.allowedActions).toContain('revote');
      expectProblem(await t.app.inject({ method: 'POST', url: `${PP()}/${d0.id}/revote`, headers: as(s.representative, true), payload: { closesAt: at(24) } }), 403, 'forbidden');
      const again = await t.app.inject({ method: 'POST', url: `${PP()}/${d0.id}/revote`, headers: as(s.convener, true), payload: { closesAt: at(24) } });
      expect(again.statusCode, again.body).toBe(201);
      const d1 = DecisionDetail.parse(again.json());
      expect(d1).toMatchObject({ status: 'open', parentId: d0.id, startStage: 'vote', title: d0.title });
      expect((await ballot(s.representative, d1.id, 'acme', { choice: 'block', reason: 'Household privacy' })).statusCode).toBe(200);
      expect((await ballot(s.convener, d1.id, 'city', { choice: 'agree' })).statusCode).toBe(200);
      expect((await ballot(s.member, d1.id, 'mina', { choice: 'agree' })).statusCode).toBe(200);
      const second = await close(d1.id);
      expect(second.result).toMatchObject({ outcome: 'adopted', grade: 'simple-majority', stage: 'vote' });
      // the consensus stage is not evaluated again: every staged row is the vote's
      expect(second.result!.conditions.filter((c) => c.stage !== undefined).map((c) => c.stage)).toEqual(['vote']);
      expectProblem(await t.app.inject({ method: 'POST', url: `${PP()}/${d1.id}/revote`, headers: as(s.convener, true), payload: { closesAt: at(24) } }), 409, 'conflict');
    });

    run('a seat has one ballot: its alternate cannot replace the representative’s, who can still change it', async () => {
      const d0 = DecisionDetail.parse((await propose(s.convener, { title: 'Adopt the data licence', decisionType: 'ordinary' }, w.publicPartnership)).json());
      expect((await ballot(s.representative, d0.id, 'acme', { choice: 'agree' })).statusCode).toBe(200);
      const before = await count('ballot_history');
      expectProblem(await ballot(s.member, d0.id, 'acme', { choice: 'stand_aside' }), 409, 'conflict', 'seatId');
      expect(await count('ballot_history')).toBe(before);
      expect((await ballot(s.representative, d0.id, 'acme', { choice: 'stand_aside' })).statusCode).toBe(200);
      // the alternate votes for the seat when nobody else has
      expect((await ballot(s.member, d0.id, 'mina', { choice: 'agree' })).statusCode).toBe(200);
    });

    run('marks a ballot cast by the seat’s alternate, and only that one', async () => {
      const d0 = DecisionDetail.parse((await propose(s.convener, { title: 'Open the tender data', decisionType: 'ordinary' }, w.publicPartnership)).json());
      // the member is Acme's alternate and holds "mina" in person
      expect((await ballot(s.member, d0.id, 'acme', { choice: 'agree' })).statusCode).toBe(200);
      expect((await ballot(s.member, d0.id, 'mina', { choice: 'agree' })).statusCode).toBe(200);
      expect((await ballot(s.convener, d0.id, 'city', { choice: 'stand_aside' })).statusCode).toBe(200);
      const list = BallotList.parse((await t.app.inject({ url: `${PP()}/${d0.id}/ballots`, headers: as(s.observer) })).json());
      expect(list.items.map((b) => [b.seat, b.castBy?.id, b.byAlternate, b.byProxy])).toEqual([
        ['acme', s.member.userId, true, false],
        ['city', s.convener.userId, false, false],
        ['mina', s.member.userId, false, false],
      ]);
    });
  });

  // ---------------------------------------------------------------------------------------------
  describe('the live tally', () => {
    run('each ballot reaches the partnership’s event stream, naming the decision but not the choice, and the tally follows', async () => {
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      const base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
      const stream = await openSse(`${base}${P}/${w.partnership}/events`, as(s.member));
      try {
        expect(stream.status).toBe(200);
        const d0 = DecisionDetail.parse((await propose(s.convener, { title: 'Extend the pilot to the harbour', decisionType: 'reserved_matter' })).json());
        const named = DecisionDetail.parse((await propose(s.convener, { title: 'Extend the pilot to the hills', decisionType: 'ordinary', seat: 'city' })).json());
        expect((await vote(s.representative, d0.id, 'acme', { choice: 'no' })).statusCode).toBe(200);
        const event = await stream.next((e) => e.type === 'ballot.cast' && e.entityId === d0.id, 10_000);
        expect(JSON.stringify(event)).not.toMatch(/"no"|choice/);
        // a named, visible decision: the stream tells the page to refetch, and the tally has the ballot
        await t.app.inject({ method: 'POST', url: `${P}/${w.partnership}/decisions/${named.id}/seconds`, headers: as(s.member, true), payload: {} });
        expect((await vote(s.representative, named.id, 'acme', { choice: 'yes' })).statusCode).toBe(200);
        await stream.next((e) => e.type === 'ballot.cast' && e.entityId === named.id, 10_000);
        expect((await detail(s.member, named.id)).tally).toMatchObject({ counts: { yes: 1 }, voted: 1 });
      } finally {
        stream.close();
      }
    });
  });

  // ---------------------------------------------------------------------------------------------
  describe('polls and deliberation', () => {
    run('an approval poll is answered by participants (not observers) and counted at close', async () => {
      const res = await propose(s.member, { kind: 'poll', title: 'Where should the next meeting be?', poll: { kind: 'approval', options: [{ id: 'nbo', label: 'Nairobi' }, { id: 'msa', label: 'Mombasa' }, { id: 'ksm', label: 'Kisumu' }] } });
      expect(res.statusCode, res.body).toBe(201);
      const d0 = DecisionDetail.parse(res.json());
      expect(d0.status).toBe('open');
      for (const [who, approve] of [['convener', ['nbo', 'msa']], ['representative', ['msa']], ['member', ['ksm', 'nbo']], ['member', ['ksm', 'msa']]] as const) {
        const r = await vote(s[who], d0.id, 'me', { answer: { approve: [...approve] } });
        expect(r.statusCode, r.body).toBe(200);
      }
      expectProblem(await vote(s.observer, d0.id, 'me', { answer: { approve: ['msa'] } }), 403, 'forbidden');
      expectProblem(await vote(s.member, d0.id, 'me', { answer: { approve: ['nbo', 'nbo'] } }), 422, 'validation_failed');
      expectProblem(await vote(s.member, d0.id, 'me', { answer: { approve: ['rome'] } }), 422, 'validation_failed');
      const closed = DecisionDetail.parse((await t.app.inject({ method: 'POST', url: `${P}/${w.partnership}/decisions/${d0.id}/close`, headers: as(s.convener, true) })).json());
      expect(closed.status).toBe('closed');
      // the member changed their answer: msa 3, nbo 1, ksm 1
      expect(closed.pollResult).toMatchObject({ kind: 'approval', ballots: 3, winners: ['msa'], tie: false });
    });

    run('participants discuss a decision; observers read; comments page oldest first', async () => {
      const d0 = DecisionDetail.parse((await propose(s.representative, { title: 'Publish the audit', decisionType: 'ordinary' })).json());
      for (const body of ['I support this.', 'Can we redact salaries?'])
        expect((await t.app.inject({ method: 'POST', url: `${P}/${w.partnership}/decisions/${d0.id}/comments`, headers: as(s.member, true), payload: { body } })).statusCode).toBe(201);
      expectProblem(await t.app.inject({ method: 'POST', url: `${P}/${w.partnership}/decisions/${d0.id}/comments`, headers: as(s.observer, true), payload: { body: 'hi' } }), 403, 'forbidden');
      const page = CommentPage.parse((await t.app.inject({ url: `${P}/${w.partnership}/decisions/${d0.id}/comments?limit=1`, headers: as(s.observer) })).json());
      expect(page.items.map((c) => c.body)).toEqual(['I support this.']);
      expect(page.nextCursor).not.toBeNull();
      const list = DecisionPage.parse((await t.app.inject({ url: `${P}/${w.partnership}/decisions?status=proposed`, headers: as(s.observer) })).json());
      expect(list.items.map((x) => x.id)).toContain(d0.id);
      expectProblem(await t.app.inject({ url: `${P}/${w.partnership}/decisions`, headers: as(s.outsider) }), 404, 'not_found');
    });
  });

  // ---------------------------------------------------------------------------------------------
  describe('the decision list', () => {
    type Page = ReturnType<typeof DecisionPage.parse>;
    const list = async (query: string) => {
      const res = await t.app.inject({ url: `${P}/${w.partnership}/decisions?${query}`, headers: as(s.member) });
      expect(res.statusCode, res.body).toBe(200);
      return DecisionPage.parse(res.json());
    };
    /** Every page of a query, following the cursors one item at a time. */
    const all = async (query: string) => {
      const seen: Page['items'] = [];
      let cursor: string | null = null;
      do {
        const page: Page = await list(`${query}&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return seen;
    };

    run('finds decisions by words of the title, taking % and _ literally, and filters by kind and decision type', async () => {
      const tag = `zq${Date.now().toString(36)}`;
      const made: Record<string, string> = {};
      for (const [key, body] of [
        ['rebate', { title: `A 50% water rebate ${tag}`, decisionType: 'ordinary' }],
        ['tariff', { title: `New tariff ${tag} for 2027`, decisionType: 'reserved_matter' }],
        ['poll', { kind: 'poll', title: `Venue ${tag}?`, poll: { kind: 'single', options: [{ id: 'a', label: 'Here' }, { id: 'b', label: 'There' }] } }],
        ['summer', { title: `Calendrier de l'ÉTÉ ${tag}`, decisionType: 'ordinary' }],
      ] as const) {
        const res = await propose(s.representative, body);
        expect(res.statusCode, res.body).toBe(201);
        made[key] = DecisionDetail.parse(res.json()).id;
      }
      expect((await list(`q=${tag}`)).items.map((d) => d.id).sort()).toEqual(Object.values(made).sort());
      expect((await list(`q=${encodeURIComponent(`50% WATER rebate ${tag}`)}`)).items.map((d) => d.id)).toEqual([made.rebate]);
      expect((await list(`q=${encodeURIComponent(`5_% water`)}`)).items).toEqual([]);
      // accents and case are ignored on both databases: "ete" finds "ÉTÉ", "été" too
      for (const q of [`ete ${tag}`, `l'été ${tag}`]) expect((await list(`q=${encodeURIComponent(q)}`)).items.map((d) => d.id), q).toEqual([made.summer]);
      expect((await list(`q=${tag}&kind=poll`)).items.map((d) => d.id)).toEqual([made.poll]);
      expect((await list(`q=${tag}&decisionType=reserved_matter`)).items.map((d) => d.id)).toEqual([made.tariff]);
      expectProblem(await t.app.inject({ url: `${P}/${w.partnership}/decisions?sort=loudest`, headers: as(s.member) }), 400, 'invalid_request');
    });

    run('pages through every decision in each order, by number or by the end of the voting window, without repeats', async () => {
      const tag = `zs${Date.now().toString(36)}`;
      for (const hours of [72, 30, 72, 50]) expect((await propose(s.representative, { title: `Window ${hours}h ${tag}`, decisionType: 'ordinary', closesAt: at(hours) })).statusCode).toBe(201);
      const newest = await all(`q=${tag}`);
      const oldest = await all(`q=${tag}&sort=oldest`);
      const closing = await all(`q=${tag}&sort=closing`);
      expect(newest).toHaveLength(4);
      expect(newest.map((d) => d.number)).toEqual([...newest.map((d) => d.number)].sort((a, b) => b - a));
      expect(oldest.map((d) => d.id)).toEqual([...newest].reverse().map((d) => d.id));
      // by window end, ties (two at 72 h) by number
      const key = (d: (typeof closing)[number]) => `${d.closesAt}#${String(d.number).padStart(6, '0')}`;
      expect(closing.map(key)).toEqual([...closing.map(key)].sort());
      expect(new Set(closing.map((d) => d.id)).size).toBe(4);
      expect(closing.map((d) => d.title)).toEqual([`Window 30h ${tag}`, `Window 50h ${tag}`, `Window 72h ${tag}`, `Window 72h ${tag}`]);
    });
  });
});
