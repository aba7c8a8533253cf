import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { addDays } from '../kernel/dates';
import { frac } from '../kernel/fraction';
import { eur } from '../kernel/testing';
import type { PledgeAmounts } from './ledger';
import {
  DEFAULT_GRACE_DAYS,
  DUE_SOON_DAYS,
  checkGraceDays,
  itemStatus,
  overdueBoard,
  percentText,
  scorecard,
  scorecards,
  timeliness,
  trafficLight,
  trancheItems,
  worst,
  type DueItem,
} from './scorecard';

const TODAY = '2026-06-15';
const item = (id: string, dueOn: string, doneOn: string | null = null, kind: DueItem['kind'] = 'delivery', partner = 'p1'): DueItem => ({ id, kind, partner, dueOn, doneOn });

describe('traffic lights (grace period 7 days, today 2026-06-15)', () => {
  it.each<[string, string, string | null, string]>([
    ['green when due in more than 14 days', '2026-06-30', null, 'green'],
    ['yellow when due in exactly 14 days', '2026-06-29', null, 'yellow'],
    ['yellow when due tomorrow', '2026-06-16', null, 'yellow'],
    ['yellow when due today', '2026-06-15', null, 'yellow'],
    ['yellow when overdue by one day', '2026-06-14', null, 'yellow'],
    ['yellow when overdue by exactly the grace period', '2026-06-08', null, 'yellow'],
    ['red when overdue by one day more than the grace period', '2026-06-07', null, 'red'],
    ['red when overdue by months', '2026-01-31', null, 'red'],
    ['green once done, even late', '2026-01-31', '2026-03-01', 'green'],
    ['green once done early', '2026-06-20', '2026-06-10', 'green'],
  ])('%s', (_name, dueOn, doneOn, light) => {
    expect(trafficLight({ dueOn, doneOn }, TODAY, 7)).toBe(light);
  });

  it('turns red the day after the due date when the grace period is 0', () => {
    expect(trafficLight({ dueOn: '2026-06-15', doneOn: null }, TODAY, 0)).toBe('yellow');
    expect(trafficLight({ dueOn: '2026-06-14', doneOn: null }, TODAY, 0)).toBe('red');
  });

  it('counts across month and leap-year ends in calendar days', () => {
    expect(trafficLight({ dueOn: '2028-03-14', doneOn: null }, '2028-02-29', 0)).toBe('yellow');
    expect(trafficLight({ dueOn: '2028-03-15', doneOn: null }, '2028-02-29', 0)).toBe('green');
  });

  it('never turns an open item greener as time passes (property)', () => {
    const order = ['green', 'yellow', 'red'];
    fc.assert(
      fc.property(fc.integer({ min: -400, max: 400 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 365 }), (offset, step, grace) => {
        const dueOn = addDays(TODAY, offset);
        const before = trafficLight({ dueOn, doneOn: null }, TODAY, grace);
        const after = trafficLight({ dueOn, doneOn: null }, addDays(TODAY, step), grace);
        expect(order.indexOf(after)).toBeGreaterThanOrEqual(order.indexOf(before));
      }),
    );
  });

  it('uses a 14-day window and a default grace period of 30 days', () => {
    expect(DUE_SOON_DAYS).toBe(14);
    expect(DEFAULT_GRACE_DAYS).toBe(30);
  });

  it.each([[0, true], [30, true], [365, true], [-1, false], [366, false], [2.5, false], ['7', false]])('accepts %j as a grace period: %s', (days, ok) => {
    expect(checkGraceDays(days).length === 0).toBe(ok);
  });

  it('refuses to judge with a malformed date or grace period', () => {
    expect(() => trafficLight({ dueOn: '2026-06-15', doneOn: null }, '15/06/2026', 7)).toThrow(RangeError);
    expect(() => trafficLight({ dueOn: '2026-06-15', doneOn: null }, TODAY, -1)).toThrow(RangeError);
  });

  it('takes the worst of several lights, green for none', () => {
    expect(worst([])).toBe('green');
    expect(worst(['green', 'yellow', 'green'])).toBe('yellow');
    expect(worst(['yellow', 'red', 'green'])).toBe('red');
  });
});

describe('timeliness', () => {
  const items = [
    item('on-time', '2026-03-31', '2026-03-30'),
    item('on-the-day', '2026-04-30', '2026-04-30'),
    item('late', '2026-05-31', '2026-06-02'),
    item('overdue', '2026-06-01'),
    item('due-soon', '2026-06-20'),
    item('later', '2026-09-30'),
  ];

  it('counts only items whose outcome is known: done, or past due', () => {
    expect(timeliness(items, TODAY)).toEqual({ counted: 4, onTime: 2, late: 2, rate: frac(1, 2), open: 2, dueSoon: 1, overdue: 1 });
  });

  it('has no rate before anything is due', () => {
    expect(timeliness([item('later', '2026-09-30')], TODAY).rate).toBeNull();
  });

  it.each<[string, string | null, string]>([
    ['2026-03-31', '2026-03-30', 'done_on_time'],
    ['2026-03-31', '2026-04-01', 'done_late'],
    ['2026-06-14', null, 'overdue'],
    ['2026-06-15', null, 'open'],
  ])('an item due %s and done %s is %s', (dueOn, doneOn, state) => {
    expect(itemStatus(item('x', dueOn, doneOn), TODAY, 7).state).toBe(state);
  });
});

describe('a partner scorecard', () => {
  const fulfilment: PledgeAmounts[] = [{ currency: 'EUR', pledged: { minor: 800n, currency: 'EUR' }, delivered: { minor: 500n, currency: 'EUR' }, outstanding: { minor: 300n, currency: 'EUR' }, ratio: frac(5, 8) }];
  const items = [
    item('t1', '2026-03-31', '2026-03-20'),
    item('t2', '2026-05-31', null),
    item('t3', '2026-06-10', null),
    item('r1', '2026-04-15', '2026-04-20', 'report'),
    item('r2', '2026-06-29', null, 'report'),
    item('other', '2026-01-01', null, 'delivery', 'p2'),
  ];
  const card = scorecard('p1', { fulfilment, items }, TODAY, 7);

  it('shows pledged against delivered, with the exact ratio and a percentage for display', () => {
    expect(card.fulfilment).toEqual(fulfilment);
    expect(percentText(card.fulfilment[0].ratio)).toBe('62.5');
    expect(percentText(frac(2, 3), 2)).toBe('66.67');
    expect(percentText(null)).toBeNull();
  });

  it('gives the on-time delivery rate and the reporting timeliness', () => {
    expect(card.deliveries).toMatchObject({ counted: 3, onTime: 1, late: 2, rate: frac(1, 3), overdue: 2 });
    expect(card.reports).toMatchObject({ counted: 1, onTime: 0, late: 1, rate: frac(0), dueSoon: 1, open: 1 });
  });

  it('lists its overdue items, the most urgent first, and ignores other partners’ items', () => {
    expect(card.overdue.map((i) => [i.id, i.light, i.daysUntilDue])).toEqual([
      ['t2', 'red', -15],
      ['t3', 'yellow', -5],
    ]);
  });

  it('has a light for deliveries, for reports and overall (the worst)', () => {
    expect(card.lights).toEqual({ deliveries: 'red', reports: 'yellow', overall: 'red' });
  });

  it('are made for every partner in the given order, with empty fulfilment where there is none', () => {
    const cards = scorecards({ partners: ['p2', 'p1', 'p3'], fulfilment: [{ partner: 'p1', amounts: fulfilment }], items }, TODAY, 7);
    expect(cards.map((c) => [c.partner, c.lights.overall, c.fulfilment.length])).toEqual([
      ['p2', 'red', 0],
      ['p1', 'red', 1],
      ['p3', 'green', 0],
    ]);
  });

  it('puts every yellow or red open item of every partner on the overdue board', () => {
    expect(overdueBoard(items, TODAY, 7).map((i) => `${i.partner}:${i.id}:${i.light}`)).toEqual(['p2:other:red', 'p1:t2:red', 'p1:t3:yellow', 'p1:r2:yellow']);
  });

  it('turns the tranches of a commitment into due items', () => {
    expect(
      trancheItems('p1', 'c9', [
        { index: 0, dueOn: '2026-03-31', value: eur(400n), covered: eur(400n), deliveredOn: '2026-04-15' },
        { index: 1, dueOn: '2026-06-30', value: eur(600n), covered: eur(100n), deliveredOn: null },
      ], 'Core funding'),
    ).toEqual([
      { id: 'c9#0', kind: 'delivery', partner: 'p1', dueOn: '2026-03-31', doneOn: '2026-04-15', label: 'Core funding' },
      { id: 'c9#1', kind: 'delivery', partner: 'p1', dueOn: '2026-06-30', doneOn: null, label: 'Core funding' },
    ]);
  });
});
