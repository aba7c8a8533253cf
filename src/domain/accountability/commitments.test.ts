import { describe, it, expect } from 'vitest';
import { frac } from '../kernel/fraction';
import type { Money } from '../kernel/money';
import { eur, issues, thrown } from '../kernel/testing';
import {
  COMMITMENT_STATUSES,
  DERIVED_TRANSITIONS,
  MANUAL_TRANSITIONS,
  RESOURCE_KINDS,
  TRANSITIONS,
  applyDeliveryChange,
  noDeliveries,
  checkCommitment,
  checkDelivery,
  checkQuantity,
  decideAmendment,
  decideCommitmentTransition,
  decideDelivery,
  decideDeliveryTransition,
  deriveStatus,
  newCommitment,
  progressOf,
  readQuantity,
  statusChangeFromDeliveries,
  totalsOf,
  trancheProgress,
  trancheTargets,
  withTrancheDates,
  undelivered,
  valueOfQuantity,
  type Commitment,
  type CommitmentInput,
  type CommitmentStatus,
  type Delivery,
  type DeliveryInput,
  type DeliveryStatus,
} from './commitments';


const PARTNER = 'org-biosul';
const cashPledge: CommitmentInput = {
  partner: PARTNER,
  kind: 'cash',
  description: 'Core funding for the cold chain',
  quantity: null,
  valuation: eur(10_000_00),
  valuationBasis: '',
  tranches: [
    { dueOn: '2026-06-30', value: eur(6_000_00) },
    { dueOn: '2026-03-31', value: eur(4_000_00) },
  ],
  conditions: ['Board approval of the 2026 budget'],
  goalIds: ['goal-1'],
  decisionId: 'decision-7',
  pledgedOn: '2026-01-15',
};
const staffPledge: CommitmentInput = {
  ...cashPledge,
  kind: 'staff_time',
  description: 'Regulatory experts for the dossier',
  quantity: { value: '200', unit: 'person-days' },
  valuation: eur(90_000_00),
  valuationBasis: '450 EUR per person-day, the partner’s day rate',
  tranches: [
    { dueOn: '2026-06-30', value: eur(45_000_00), quantity: { value: '100', unit: 'person-days' } },
    { dueOn: '2026-12-31', value: eur(45_000_00), quantity: { value: '100', unit: 'person-days' } },
  ],
};
const ctx = { partners: new Set([PARTNER]), goals: new Set(['goal-1', 'goal-2']), decisions: new Set(['decision-7']) };

const confirmed = (input: CommitmentInput = cashPledge, id = 'c1'): Commitment => ({ ...newCommitment(id, input, ctx), status: 'confirmed' });
let seq = 0;
const delivery = (value: Money, on: string, status: DeliveryStatus = 'confirmed', quantity: Delivery['quantity'] = null): Delivery => ({
  id: `d${++seq}`,
  on,
  value,
  quantity,
  evidence: [],
  recordedBy: 'person-1',
  note: null,
  status,
});
const TODAY = '2026-09-01';
/** The totals of a list of deliveries (of the cash pledge's schedule unless told). */
const of = (ds: readonly Delivery[], c: Pick<Commitment, 'tranches'> = confirmed()) => totalsOf(c, ds);
const NONE = of([]);
const deliver = (over: Partial<DeliveryInput> = {}): DeliveryInput => ({ on: '2026-03-01', value: eur(1_000_00), evidence: ['https://example.org/receipt.pdf'], recordedBy: 'person-1', ...over });

describe('a commitment as entered', () => {
  it('knows the seven kinds of resources a partner can pledge', () => {
    expect([...RESOURCE_KINDS]).toEqual(['cash', 'in_kind_goods', 'staff_time', 'data', 'facilities', 'licences_ip', 'other']);
  });

  it.each<[string, Partial<CommitmentInput>, string[]]>([
    ['a cash pledge with two tranches is valid', {}, []],
    ['a staff-time pledge with quantities on every tranche is valid', staffPledge, []],
    ['an unknown partner is refused', { partner: 'org-x' }, ['partner unknown_partner']],
    ['an unknown kind is refused', { kind: 'money' as never }, ['kind invalid_kind']],
    ['a blank description is refused', { description: '  ' }, ['description required']],
    ['a cash pledge has no quantity', { quantity: { value: '5', unit: 'bags' } }, ['quantity not_applicable']],
    ['an in-kind pledge states the basis of its valuation', { ...staffPledge, valuationBasis: ' ' }, ['valuationBasis required']],
    ['a valuation is more than zero', { valuation: eur(0), tranches: [{ dueOn: '2026-03-31', value: eur(0) }] }, ['valuation not_positive', 'tranches.0.value not_positive']],
    ['a valuation is in a known currency', { valuation: { minor: 100n, currency: 'ABC' }, tranches: [{ dueOn: '2026-03-31', value: eur(100) }] }, ['valuation.currency unknown_currency']],
    ['at least one tranche is given', { tranches: [] }, ['tranches required']],
    ['tranches add up to the valuation', { tranches: [{ dueOn: '2026-03-31', value: eur(9_999_99) }] }, ['tranches tranches_total']],
    ['tranches are in the currency of the valuation', { tranches: [{ dueOn: '2026-03-31', value: { minor: 10_000_00n, currency: 'USD' } }] }, ['tranches.0.value.currency currency_mismatch']],
    ['a tranche is not due before the pledge', { tranches: [{ dueOn: '2025-12-31', value: eur(10_000_00) }] }, ['tranches.0.dueOn before_pledge']],
    ['a tranche has a real due date', { tranches: [{ dueOn: '2026-02-30', value: eur(10_000_00) }] }, ['tranches.0.dueOn invalid_date']],
    [
      'tranche quantities add up to the quantity',
      { ...staffPledge, tranches: staffPledge.tranches.map((t, i) => (i ? { ...t, quantity: { value: '99', unit: 'person-days' } } : t)) },
      ['tranches tranches_total'],
    ],
    ['tranche quantities are given on every tranche or none', { ...staffPledge, tranches: staffPledge.tranches.map((t, i) => (i ? { ...t, quantity: null } : t)) }, ['tranches incomplete']],
    ['tranche quantities use the unit of the commitment', { ...staffPledge, tranches: staffPledge.tranches.map((t) => ({ ...t, quantity: { value: '100', unit: 'days' } })) }, ['tranches.0.quantity.unit unit_mismatch', 'tranches.1.quantity.unit unit_mismatch']],
    ['goals are goals of the partnership', { goalIds: ['goal-1', 'goal-9'] }, ['goalIds.1 unknown_goal']],
    ['a goal is linked once', { goalIds: ['goal-1', 'goal-1'] }, ['goalIds duplicate']],
    ['the approving decision is a decision of the partnership', { decisionId: 'decision-8' }, ['decisionId unknown_decision']],
    ['a condition is not blank', { conditions: [''] }, ['conditions.0 required']],
    ['the pledge date is a real date', { pledgedOn: '15/01/2026' }, ['pledgedOn invalid_date']],
  ])('%s', (_name, over, expected) => {
    expect(issues(checkCommitment({ ...cashPledge, ...over }, ctx))).toEqual(expected);
  });

  it('is recorded pledged, with trimmed texts and tranches in due-date order', () => {
    const c = newCommitment('c1', { ...cashPledge, description: '  Core funding  ' }, ctx);
    expect(c.status).toBe('pledged');
    expect(c.description).toBe('Core funding');
    expect(c.tranches.map((t) => t.dueOn)).toEqual(['2026-03-31', '2026-06-30']);
  });

  it('is refused with validation_failed naming every field', () => {
    const e = thrown(() => newCommitment('c1', { ...cashPledge, description: '', tranches: [] }, ctx));
    expect(e.code).toBe('validation_failed');
    expect(e.issues.map((i) => i.field)).toEqual(['description', 'tranches']);
  });
});

describe('quantities', () => {
  it.each<[string, string, string, { value: string; unit: string } | string]>([
    ['1,000,000', 'doses', '.', { value: '1000000', unit: 'doses' }],
    ['12,5', 'person-days', ',', { value: '12.5', unit: 'person-days' }],
    ['200.000', ' person-days ', '.', { value: '200', unit: 'person-days' }],
    ['0', 'doses', '.', 'quantity.value not_positive'],
    ['-3', 'doses', '.', 'quantity.value not_positive'],
    ['1.0000001', 'tonnes', '.', 'quantity.value too_many_decimals'],
    ['lots', 'doses', '.', 'quantity.value invalid_number'],
    ['5', '', '.', 'quantity.unit required'],
  ])('reads %j %j (decimal %j) as %o', (text, unit, decimal, expected) => {
    const r = readQuantity(text, unit, decimal as '.' | ',');
    if (typeof expected === 'string') expect(r.ok ? 'ok' : `${r.issue.field} ${r.issue.code}`).toBe(expected);
    else expect(r).toEqual({ ok: true, quantity: expected });
  });

  it('accepts only canonical decimal text in a stored quantity', () => {
    expect(checkQuantity({ value: '1,000', unit: 'doses' })).toMatchObject([{ code: 'invalid_number' }]);
    expect(checkQuantity({ value: '12.5', unit: 'x'.repeat(41) })).toMatchObject([{ field: 'quantity.unit', code: 'too_long' }]);
  });
});

// The written rule, independently of the tables: a person confirms a pledge, or cancels or withdraws any
// commitment that is not delivered or ended; partially delivered and delivered follow from deliveries.
const MANUAL_RULE = new Set(['pledged>confirmed', 'pledged>cancelled', 'pledged>withdrawn', 'confirmed>cancelled', 'confirmed>withdrawn', 'partially_delivered>cancelled', 'partially_delivered>withdrawn']);
const PAIRS: [CommitmentStatus, CommitmentStatus, boolean][] = COMMITMENT_STATUSES.flatMap((from) => COMMITMENT_STATUSES.map((to) => [from, to, MANUAL_RULE.has(`${from}>${to}`)] as [CommitmentStatus, CommitmentStatus, boolean]));

describe('the commitment lifecycle', () => {
  it('publishes exactly the manual moves of the written rule', () => {
    const published = COMMITMENT_STATUSES.flatMap((f) => MANUAL_TRANSITIONS[f].map((t) => `${f}>${t}`));
    expect(published.sort()).toEqual([...MANUAL_RULE].sort());
  });

  it('lets deliveries move a commitment between confirmed, partially delivered and delivered, both ways', () => {
    const derived = COMMITMENT_STATUSES.flatMap((f) => DERIVED_TRANSITIONS[f].map((t) => `${f}>${t}`)).sort();
    expect(derived).toEqual(['confirmed>delivered', 'confirmed>partially_delivered', 'delivered>confirmed', 'delivered>partially_delivered', 'partially_delivered>confirmed', 'partially_delivered>delivered']);
    expect(TRANSITIONS.cancelled).toEqual([]);
    expect(TRANSITIONS.withdrawn).toEqual([]);
  });

  it.each(PAIRS)('a person may move a commitment from %s to %s: %s', (from, to, allowed) => {
    const act = { on: '2026-04-01', by: 'person-2', reason: 'The board withdrew its budget' };
    if (allowed) {
      expect(decideCommitmentTransition({ status: from }, to, act)).toEqual({ from, to, on: '2026-04-01', by: 'person-2', reason: 'The board withdrew its budget' });
      return;
    }
    const e = thrown(() => decideCommitmentTransition({ status: from }, to, act));
    expect(e.code).toBe('illegal_transition');
    expect(e.issues.map((i) => i.field)).toEqual(['to']);
    expect(e.detail).toMatchObject({ from, to, allowed: [...MANUAL_TRANSITIONS[from]] });
  });

  it('explains that partially delivered and delivered follow from deliveries', () => {
    expect(thrown(() => decideCommitmentTransition({ status: 'confirmed' }, 'delivered', { on: '2026-04-01', by: 'p' })).message).toMatch(/follows from the confirmed deliveries/);
  });

  it.each(['cancelled', 'withdrawn'] as const)('asks for a reason to make a commitment %s', (to) => {
    const e = thrown(() => decideCommitmentTransition({ status: 'confirmed' }, to, { on: '2026-04-01', by: 'p', reason: '  ' }));
    expect(e.code).toBe('validation_failed');
    expect(issues(e.issues)).toEqual(['reason required']);
  });

  it('does not need a reason to confirm, and keeps one when given', () => {
    expect(decideCommitmentTransition({ status: 'pledged' }, 'confirmed', { on: '2026-04-01', by: 'p' }).reason).toBeNull();
  });

  it('refuses to end a commitment while deliveries await confirmation', () => {
    const e = thrown(() => decideCommitmentTransition({ status: 'partially_delivered' }, 'withdrawn', { on: '2026-04-01', by: 'p', reason: 'r' }, of([delivery(eur(1), '2026-03-01', 'recorded')])));
    expect(e.code).toBe('conflict');
  });
});

describe('deliveries', () => {
  it('are refused against a commitment that is not confirmed yet, delivered, or ended (409)', () => {
    for (const status of ['pledged', 'delivered', 'cancelled', 'withdrawn'] as const) {
      const e = thrown(() => decideDelivery('d', { ...confirmed(), status }, NONE, deliver(), TODAY));
      expect(e.code).toBe('illegal_transition');
    }
    expect(thrown(() => decideDelivery('d', { ...confirmed(), status: 'pledged' }, NONE, deliver(), TODAY)).message).toMatch(/confirm the commitment first/);
  });

  it('are recorded, awaiting confirmation', () => {
    const d = decideDelivery('d1', confirmed(), NONE, deliver({ note: ' first transfer ' }), TODAY);
    expect(d).toEqual({ id: 'd1', on: '2026-03-01', value: eur(1_000_00), quantity: null, evidence: ['https://example.org/receipt.pdf'], recordedBy: 'person-1', note: 'first transfer', status: 'recorded' });
  });

  it.each<[string, Partial<DeliveryInput>, string[]]>([
    ['a delivery of what remains exactly is accepted', { value: eur(10_000_00) }, []],
    ['a delivery of more than remains is refused: amend first', { value: eur(10_000_01) }, ['value exceeds_remaining']],
    ['a delivery is not dated in the future', { on: '2026-09-02' }, ['on in_future']],
    ['a delivery is not dated before the pledge', { on: '2026-01-14' }, ['on before_pledge']],
    ['a delivery is in the currency of the commitment', { value: { minor: 100n, currency: 'USD' } }, ['value.currency currency_mismatch']],
    ['a delivery delivers something', { value: eur(0) }, ['value not_positive']],
    ['a cash delivery has no quantity', { quantity: { value: '1', unit: 'bags' } }, ['quantity not_applicable']],
    ['evidence is a link or a file reference', { evidence: ['https://x.org/a', 'file:0190c1d2-aaaa', 'ftp://x.org/b', 'see email'] }, ['evidence.2 invalid_evidence', 'evidence.3 invalid_evidence']],
    ['the person who records it is named', { recordedBy: '' }, ['recordedBy required']],
  ])('%s', (_name, over, expected) => {
    expect(issues(checkDelivery(confirmed(), NONE, deliver(over), TODAY))).toEqual(expected);
  });

  it('counts deliveries awaiting confirmation in what remains, so two cannot together exceed the commitment', () => {
    const c = confirmed();
    const ds = [delivery(eur(6_000_00), '2026-02-01', 'confirmed'), delivery(eur(3_000_00), '2026-02-15', 'recorded'), delivery(eur(5_000_00), '2026-02-20', 'rejected')];
    expect(progressOf(c, of(ds))).toMatchObject({ delivered: eur(6_000_00), pending: eur(3_000_00), outstanding: eur(4_000_00), remaining: eur(1_000_00), ratio: frac(3, 5) });
    expect(issues(checkDelivery(c, of(ds, c), deliver({ value: eur(1_000_00) }), TODAY))).toEqual([]);
    const refused = checkDelivery(c, of(ds, c), deliver({ value: eur(1_000_01) }), TODAY);
    expect(refused).toMatchObject([{ field: 'value', code: 'exceeds_remaining' }]);
    expect(refused[0].message).toBe('This delivery (EUR 1,000.01) is more than what remains of the commitment (EUR 1,000.00): amend the commitment first');
  });

  it('checks quantities of in-kind deliveries against what remains, in the commitment’s unit', () => {
    const c = confirmed(staffPledge);
    const ds = [delivery(eur(45_000_00), '2026-05-01', 'confirmed', { value: '100', unit: 'person-days' })];
    const q = (value: string, unit = 'person-days') => ({ value, unit });
    expect(issues(checkDelivery(c, of(ds, c), deliver({ value: eur(450_00), quantity: q('100') }), TODAY))).toEqual([]);
    expect(issues(checkDelivery(c, of(ds, c), deliver({ value: eur(450_00), quantity: q('100.5') }), TODAY))).toEqual(['quantity.value exceeds_remaining']);
    expect(issues(checkDelivery(c, of(ds, c), deliver({ value: eur(450_00), quantity: q('1', 'days') }), TODAY))).toEqual(['quantity.unit unit_mismatch']);
    expect(issues(checkDelivery(c, of(ds, c), deliver({ value: eur(0), quantity: q('2') }), TODAY))).toEqual([]);
  });

  it('values a delivered quantity pro rata, counted cumulatively, so the pieces add up to the valuation exactly', () => {
    const c = confirmed({ ...staffPledge, quantity: { value: '3', unit: 'person-days' }, valuation: eur(100), tranches: [{ dueOn: '2026-06-30', value: eur(100) }] });
    const ds: Delivery[] = [];
    const values: bigint[] = [];
    for (let i = 0; i < 3; i++) {
      const v = valueOfQuantity(c, of(ds, c), { value: '1', unit: 'person-days' });
      values.push(v.minor);
      ds.push(delivery(v, '2026-03-01', 'confirmed', { value: '1', unit: 'person-days' }));
    }
    expect(values).toEqual([33n, 34n, 33n]);
    expect(values.reduce((a, b) => a + b)).toBe(100n);
    expect(deriveStatus(c, of(ds, c))).toBe('delivered');
  });

  it.each<[string, CommitmentStatus, [number, DeliveryStatus][], CommitmentStatus]>([
    ['nothing confirmed yet: confirmed', 'confirmed', [[5_000_00, 'recorded']], 'confirmed'],
    ['some delivered: partially delivered', 'confirmed', [[5_000_00, 'confirmed']], 'partially_delivered'],
    ['everything delivered: delivered', 'partially_delivered', [[4_000_00, 'confirmed'], [6_000_00, 'confirmed']], 'delivered'],
    ['a reversed delivery no longer counts', 'delivered', [[4_000_00, 'confirmed'], [6_000_00, 'reversed']], 'partially_delivered'],
    ['all reversed: back to confirmed', 'partially_delivered', [[4_000_00, 'reversed']], 'confirmed'],
    ['a pledge not yet confirmed stays pledged', 'pledged', [], 'pledged'],
    ['a withdrawn commitment stays withdrawn', 'withdrawn', [[4_000_00, 'confirmed']], 'withdrawn'],
  ])('derives the status from the deliveries: %s', (_name, status, ds, expected) => {
    const c = { ...confirmed(), status };
    expect(deriveStatus(c, of(ds.map(([v, s]) => delivery(eur(v), '2026-03-01', s))))).toBe(expected);
  });

  it('dates the status change that follows from deliveries and says nobody made it by hand', () => {
    expect(statusChangeFromDeliveries(confirmed(), of([delivery(eur(1), '2026-03-01')]), '2026-03-02')).toEqual({ from: 'confirmed', to: 'partially_delivered', on: '2026-03-02', by: null, reason: null });
    expect(statusChangeFromDeliveries(confirmed(), NONE, '2026-03-02')).toBeNull();
  });

  it('releases on ending what confirmed deliveries did not deliver, in value and quantity', () => {
    const c: Commitment = { ...confirmed(staffPledge), status: 'withdrawn' };
    const ds = [delivery(eur(22_500_00), '2026-05-01', 'confirmed', { value: '50', unit: 'person-days' }), delivery(eur(450_00), '2026-05-02', 'recorded', { value: '1', unit: 'person-days' })];
    expect(undelivered(c, of(ds, c))).toEqual({ value: eur(67_500_00), quantity: { value: '150', unit: 'person-days' } });
    expect(progressOf(c, of(ds, c)).outstanding).toEqual(eur(0));
  });

  it('needs in-kind deliveries of every tracked measure before it is delivered', () => {
    const c = confirmed(staffPledge);
    const all = [delivery(eur(90_000_00), '2026-05-01', 'confirmed', { value: '199', unit: 'person-days' })];
    expect(deriveStatus(c, of(all, c))).toBe('partially_delivered');
  });
});

describe('the moves of a delivery', () => {
  const act = { on: '2026-03-05', by: 'convener-1', reason: 'Bank statement does not show it' };
  it.each<[DeliveryStatus, DeliveryStatus, boolean]>([
    ['recorded', 'confirmed', true],
    ['recorded', 'rejected', true],
    ['confirmed', 'reversed', true],
    ['recorded', 'reversed', false],
    ['confirmed', 'rejected', false],
    ['rejected', 'confirmed', false],
    ['reversed', 'confirmed', false],
  ])('from %s to %s is allowed: %s', (from, to, allowed) => {
    const f = () => decideDeliveryTransition({ status: 'confirmed' }, { id: 'd1', status: from }, to, act);
    if (allowed) expect(f()).toEqual({ deliveryId: 'd1', from, to, on: '2026-03-05', by: 'convener-1', reason: act.reason });
    else expect(thrown(f).code).toBe('illegal_transition');
  });

  it('asks for a reason to reject or reverse, not to confirm', () => {
    expect(issues(thrown(() => decideDeliveryTransition({ status: 'confirmed' }, { id: 'd1', status: 'recorded' }, 'rejected', { on: '2026-03-05', by: 'c' })).issues)).toEqual(['reason required']);
    expect(decideDeliveryTransition({ status: 'confirmed' }, { id: 'd1', status: 'recorded' }, 'confirmed', { on: '2026-03-05', by: 'c' }).reason).toBeNull();
  });

  it('only rejects the pending deliveries of an ended commitment', () => {
    expect(thrown(() => decideDeliveryTransition({ status: 'cancelled' }, { id: 'd1', status: 'recorded' }, 'confirmed', act)).code).toBe('illegal_transition');
    expect(decideDeliveryTransition({ status: 'cancelled' }, { id: 'd1', status: 'recorded' }, 'rejected', act).to).toBe('rejected');
  });

  it('moves the delivery it names from pending to confirmed in the totals', () => {
    const ds = [delivery(eur(1), '2026-03-01', 'recorded'), delivery(eur(2), '2026-03-01', 'recorded')];
    const change = decideDeliveryTransition({ status: 'confirmed' }, ds[1], 'confirmed', act);
    const { totals } = applyDeliveryChange(confirmed(), of(ds), ds[1], change.from, change.to);
    expect(totals).toEqual(of([ds[0], { ...ds[1], status: 'confirmed' }]));
    expect(totals.pending).toEqual({ count: 1, value: 1n, quantity: frac(0) });
    expect(totals.confirmed).toEqual({ count: 1, value: 2n, quantity: frac(0) });
  });
});

describe('the running totals of a commitment', () => {
  const q = (value: string) => ({ value, unit: 'person-days' });

  it('count confirmed and pending deliveries with their value and quantity; rejected and reversed ones count nowhere', () => {
    const c = confirmed(staffPledge);
    const ds = [
      delivery(eur(450_00), '2026-02-01', 'confirmed', q('1')),
      delivery(eur(225_00), '2026-02-02', 'confirmed', q('0.5')),
      delivery(eur(900_00), '2026-02-03', 'recorded', q('2')),
      delivery(eur(4_500_00), '2026-02-04', 'rejected', q('10')),
      delivery(eur(450_00), '2026-02-05', 'reversed', q('1')),
    ];
    expect(of(ds, c)).toEqual({ confirmed: { count: 2, value: 675_00n, quantity: frac(3, 2) }, pending: { count: 1, value: 900_00n, quantity: frac(2) }, trancheDates: [null, null] });
    expect(noDeliveries(c)).toEqual(of([], c));
  });

  it('follow each move of a delivery: recorded, confirmed, reversed; recorded, rejected', () => {
    const c = confirmed(staffPledge);
    const a = delivery(eur(450_00), '2026-02-01', 'recorded', q('1'));
    const b = delivery(eur(900_00), '2026-02-02', 'recorded', q('2'));
    let t = noDeliveries(c);
    const steps: [Delivery, DeliveryStatus | null, DeliveryStatus, Delivery[]][] = [
      [a, null, 'recorded', [a]],
      [b, null, 'recorded', [a, b]],
      [a, 'recorded', 'confirmed', [{ ...a, status: 'confirmed' }, b]],
      [b, 'recorded', 'rejected', [{ ...a, status: 'confirmed' }, { ...b, status: 'rejected' }]],
      [a, 'confirmed', 'reversed', [{ ...a, status: 'reversed' }, { ...b, status: 'rejected' }]],
    ];
    for (const [d, from, to, list] of steps) {
      t = applyDeliveryChange(c, t, d, from, to).totals;
      expect(t).toEqual(of(list, c));
    }
  });

  it('date a tranche when a confirmation completes it, and ask for the deliveries from that date only then', () => {
    const c = confirmed(); // 4,000 due 2026-03-31, then 6,000 due 2026-06-30
    expect(trancheTargets(c)).toEqual([4_000_00n, 10_000_00n]);
    const first = delivery(eur(3_000_00), '2026-03-10', 'recorded');
    const second = delivery(eur(1_000_00), '2026-03-20', 'recorded');
    let t = of([first, second], c);
    const one = applyDeliveryChange(c, t, first, 'recorded', 'confirmed');
    expect(one.refillFrom).toBeNull(); // 3,000 completes nothing: nothing to read
    t = one.totals;
    const two = applyDeliveryChange(c, t, second, 'recorded', 'confirmed');
    expect(two.refillFrom).toBe('2026-03-20');
    t = withTrancheDates(c, two.totals, [{ on: '2026-03-20', value: 1_000_00n }]);
    expect(t.trancheDates).toEqual(['2026-03-20', null]);
    expect(t).toEqual(of([{ ...first, status: 'confirmed' }, { ...second, status: 'confirmed' }], c));
  });

  it('move a tranche date earlier for a delivery confirmed with an earlier date, and later when it is reversed', () => {
    const c = confirmed();
    const late = delivery(eur(4_000_00), '2026-04-15');
    const early = delivery(eur(4_000_00), '2026-02-01', 'recorded');
    let t = of([late, early], c);
    expect(t.trancheDates).toEqual(['2026-04-15', null]);
    const confirm = applyDeliveryChange(c, t, early, 'recorded', 'confirmed');
    expect(confirm.refillFrom).toBe('2026-02-01');
    t = withTrancheDates(c, confirm.totals, [{ on: '2026-02-01', value: 4_000_00n }, { on: '2026-04-15', value: 4_000_00n }]);
    expect(t.trancheDates).toEqual(['2026-02-01', null]);
    const reverse = applyDeliveryChange(c, t, early, 'confirmed', 'reversed');
    expect(reverse.refillFrom).toBe('2026-02-01');
    t = withTrancheDates(c, reverse.totals, [{ on: '2026-04-15', value: 4_000_00n }]);
    expect(t).toEqual(of([late, { ...early, status: 'reversed' }], c));
    expect(t.trancheDates).toEqual(['2026-04-15', null]);
  });

  it('leave the dates of tranches completed before a delivery alone, reading nothing', () => {
    const c = confirmed();
    const t = of([delivery(eur(4_000_00), '2026-02-01'), delivery(eur(1_000_00), '2026-03-01')], c);
    const later = delivery(eur(1_000_00), '2026-03-15', 'recorded');
    const r = applyDeliveryChange(c, t, later, 'recorded', 'confirmed');
    expect(r.refillFrom).toBeNull();
    expect(r.totals.trancheDates).toEqual(['2026-02-01', null]);
    expect(applyDeliveryChange(c, r.totals, later, 'confirmed', 'reversed').refillFrom).toBeNull();
  });

  it('date every tranche one delivery completes, with every day given at once', () => {
    const c = confirmed();
    const t = withTrancheDates(c, { ...NONE, confirmed: { count: 2, value: 10_000_00n, quantity: frac(0) } }, [{ on: '2026-05-02', value: 1n }, { on: '2026-05-01', value: 9_999_99n }]);
    expect(t.trancheDates).toEqual(['2026-05-01', '2026-05-02']);
  });
});

describe('amendments', () => {
  const amend = { reason: 'The partner doubled its grant', on: '2026-05-01', by: 'convener-1' };

  it('record the terms before and after, and tell the ledger how much more is pledged', () => {
    const c = confirmed();
    const r = decideAmendment(c, NONE, { ...amend, valuation: eur(12_000_00), tranches: [...c.tranches, { dueOn: '2026-12-31', value: eur(2_000_00) }] });
    expect(r.valuationChange).toEqual(eur(2_000_00));
    expect(r.amendment.before.valuation).toEqual(eur(10_000_00));
    expect(r.amendment.after.valuation).toEqual(eur(12_000_00));
    expect(r.commitment.valuation).toEqual(eur(12_000_00));
    expect(r.statusChange).toBeNull();
    expect(r.tranchesMoved).toBe(true);
  });

  it('say when the running totals of the schedule change, so the tranche dates are worked out again', () => {
    const c = confirmed(); // 4,000 due 2026-03-31, then 6,000 due 2026-06-30
    const moved = (tranches: { dueOn: string; value: Money }[]) => decideAmendment(c, NONE, { ...amend, tranches }).tranchesMoved;
    expect(moved([{ dueOn: '2026-04-30', value: eur(4_000_00) }, { dueOn: '2026-07-31', value: eur(6_000_00) }])).toBe(false);
    expect(moved([{ dueOn: '2026-03-31', value: eur(5_000_00) }, { dueOn: '2026-06-30', value: eur(5_000_00) }])).toBe(true);
    expect(moved([{ dueOn: '2026-07-31', value: eur(4_000_00) }, { dueOn: '2026-06-30', value: eur(6_000_00) }])).toBe(true);
    expect(decideAmendment(c, NONE, { ...amend, valuationBasis: 'grant letter of 2026-01-10' }).tranchesMoved).toBe(false);
  });

  it('reopen a delivered commitment when the valuation rises', () => {
    const c: Commitment = { ...confirmed(), status: 'delivered' };
    const ds = [delivery(eur(10_000_00), '2026-03-01')];
    const r = decideAmendment(c, of(ds, c), { ...amend, valuation: eur(11_000_00), tranches: [{ dueOn: '2026-03-31', value: eur(11_000_00) }] });
    expect(r.commitment.status).toBe('partially_delivered');
    expect(r.statusChange).toMatchObject({ from: 'delivered', to: 'partially_delivered', by: null });
  });

  it('let a delivery that exceeded what remained be recorded once the commitment is amended', () => {
    const c = confirmed();
    const ds = [delivery(eur(10_000_00), '2026-03-01', 'recorded')];
    expect(issues(checkDelivery(c, of(ds, c), deliver({ value: eur(500_00) }), TODAY))).toEqual(['value exceeds_remaining']);
    const r = decideAmendment(c, of(ds, c), { ...amend, valuation: eur(10_500_00), tranches: [{ dueOn: '2026-06-30', value: eur(10_500_00) }] });
    expect(issues(checkDelivery(r.commitment, of(ds, r.commitment), deliver({ value: eur(500_00) }), TODAY))).toEqual([]);
  });

  it.each<[string, object, string[]]>([
    ['a valuation below what is delivered or pending is refused', { valuation: eur(5_000_00), tranches: [{ dueOn: '2026-06-30', value: eur(5_000_00) }] }, ['valuation below_delivered']],
    ['a new valuation needs a schedule that adds up to it', { valuation: eur(12_000_00) }, ['tranches tranches_total']],
    ['the currency cannot change', { valuation: { minor: 10_000_00n, currency: 'USD' } }, ['valuation.currency currency_change']],
    ['an amendment changes something', { valuation: eur(10_000_00) }, ['valuation no_change']],
    ['an amendment has a reason', { reason: ' ', valuationBasis: 'grant letter' }, ['reason required']],
  ])('%s', (_name, over, expected) => {
    const ds = [delivery(eur(4_000_00), '2026-03-01'), delivery(eur(2_000_00), '2026-03-02', 'recorded')];
    expect(issues(thrown(() => decideAmendment(confirmed(), of(ds), { ...amend, ...over })).issues)).toEqual(expected);
  });

  it('cannot lower a quantity below what is delivered', () => {
    const c = confirmed(staffPledge);
    const ds = [delivery(eur(45_000_00), '2026-05-01', 'confirmed', { value: '120', unit: 'person-days' })];
    const e = thrown(() => decideAmendment(c, of(ds, c), { ...amend, quantity: { value: '110', unit: 'person-days' }, tranches: [{ dueOn: '2026-12-31', value: eur(90_000_00), quantity: { value: '110', unit: 'person-days' } }] }));
    expect(issues(e.issues)).toEqual(['quantity.value below_delivered']);
  });

  it('are refused for an ended commitment (409)', () => {
    expect(thrown(() => decideAmendment({ ...confirmed(), status: 'withdrawn' }, NONE, { ...amend, valuation: eur(1) })).code).toBe('illegal_transition');
  });
});

describe('tranches', () => {
  it('are filled first in, first out by the confirmed deliveries, each dated by the delivery that completed it', () => {
    const c = confirmed(); // 4,000 due 2026-03-31, then 6,000 due 2026-06-30
    const ds = [delivery(eur(3_000_00), '2026-03-10'), delivery(eur(2_000_00), '2026-04-15'), delivery(eur(9_999_00), '2026-04-20', 'recorded')];
    expect(trancheProgress(c, of(ds, c))).toEqual([
      { index: 0, dueOn: '2026-03-31', value: eur(4_000_00), covered: eur(4_000_00), deliveredOn: '2026-04-15' },
      { index: 1, dueOn: '2026-06-30', value: eur(6_000_00), covered: eur(1_000_00), deliveredOn: null },
    ]);
  });

  it('are complete on the date of a single delivery that covers several', () => {
    const ds = [delivery(eur(10_000_00), '2026-02-01')];
    expect(trancheProgress(confirmed(), of(ds)).map((t) => t.deliveredOn)).toEqual(['2026-02-01', '2026-02-01']);
  });
});
