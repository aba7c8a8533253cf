import { describe, it, expect } from 'vitest';
import { thrown } from '../kernel/testing';
import type { Charter, DisputeStep } from './charter';
import {
  DEFAULT_LADDER, addDays, checkLadder, daysBetween, daysTaken, daysToResolution, decideClosing, decideEscalation, dueOn, isOverdue, ladderFor,
  nextDisputeActions, nextStepOf, openDispute, resolutionFigures, stepName, type DisputeState, type StepRecord,
} from './disputes';

const TODAY = '2025-06-30';

/** Walks a dispute through the state machine the way the service does. */
function walk(ladder: readonly DisputeStep[], openedOn: string) {
  const start = openDispute(ladder, openedOn, TODAY);
  let d: DisputeState = { status: start.status, currentStep: start.currentStep, openedOn, steps: [start.step] };
  return {
    get: () => d,
    escalate(on: string, result = 'No agreement', reason = 'Stuck') {
      const m = decideEscalation(d, ladder, { on, result, reason }, TODAY);
      d = { ...d, status: m.status, currentStep: m.next.stepId, steps: [...d.steps.slice(0, -1), m.ended, m.next] };
      return m;
    },
    close(to: 'resolved' | 'withdrawn', on: string, text = 'Settled') {
      const m = decideClosing(d, to, { on, text }, TODAY);
      d = { ...d, status: m.status, steps: [...d.steps.slice(0, -1), m.ended] };
      return m;
    },
  };
}

describe('the escalation ladder', () => {
  it('defaults to negotiation (30 days) -> steering committee (30) -> mediation (60) -> arbitration (no limit)', () => {
    expect(DEFAULT_LADDER.map((s) => [s.id, s.days ?? null])).toEqual([['negotiation', 30], ['steering_committee', 30], ['mediation', 60], ['arbitration', null]]);
    expect(checkLadder(DEFAULT_LADDER)).toEqual([]);
  });

  it('is the default when there is no charter, or the charter names no ladder', () => {
    expect(ladderFor(null)).toEqual(DEFAULT_LADDER);
    expect(ladderFor({ name: 'No disputes section' })).toEqual(DEFAULT_LADDER);
  });

  it('is the charter’s own when it names a valid one', () => {
    const charter: Charter = { disputes: { ladder: [{ id: 'talks', days: 10 }, { id: 'board', body: 'board', name: 'The board decides' }] } };
    expect(ladderFor(charter)).toEqual([{ id: 'talks', days: 10 }, { id: 'board', body: 'board', name: 'The board decides' }]);
  });

  it('falls back to the default when the charter’s ladder is empty or broken', () => {
    expect(ladderFor({ disputes: { ladder: [] } })).toEqual(DEFAULT_LADDER);
    expect(ladderFor({ disputes: { ladder: [{ id: 'talks' }, { id: 'talks' }] } })).toEqual(DEFAULT_LADDER);
  });

  it('hands out copies: changing one never changes the default', () => {
    const l = ladderFor(null);
    l[0].days = 1;
    expect(DEFAULT_LADDER[0].days).toBe(30);
  });

  it.each([
    ['not a list', 'talks', 'disputes.ladder'],
    ['an empty list', [], 'disputes.ladder'],
    ['a step without an id', [{ days: 3 }], 'disputes.ladder.0.id'],
    ['an id with spaces', [{ id: 'Steering committee' }], 'disputes.ladder.0.id'],
    ['a step twice', [{ id: 'talks' }, { id: 'talks' }], 'disputes.ladder.1.id'],
    ['zero days', [{ id: 'talks', days: 0 }], 'disputes.ladder.0.days'],
    ['fractional days', [{ id: 'talks', days: 1.5 }], 'disputes.ladder.0.days'],
    ['an empty name', [{ id: 'talks', name: ' ' }], 'disputes.ladder.0.name'],
  ])('checkLadder names the problem with %s', (_name, ladder, field) => {
    expect(checkLadder(ladder).map((i) => i.field)).toContain(field);
  });

  it('names a step without a name from its id', () => {
    expect(stepName({ id: 'steering_committee' })).toBe('Steering committee');
    expect(stepName({ id: 'x', name: ' Talks ' })).toBe('Talks');
  });
});

describe('dates', () => {
  it('counts whole days across month and leap-year ends', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-02-28', '2025-03-01')).toBe(1);
    expect(daysBetween('2025-03-01', '2025-02-28')).toBe(-1);
    expect(addDays('2025-01-31', 30)).toBe('2025-03-02');
  });
});

describe('a dispute climbing the default ladder', () => {
  it('opens on the first step, escalates step by step with dates and results, and is resolved on the last', () => {
    const d = walk(DEFAULT_LADDER, '2025-01-06');
    expect(d.get()).toMatchObject({ status: 'open', currentStep: 'negotiation' });
    expect(nextDisputeActions(d.get(), DEFAULT_LADDER)).toEqual(['escalate', 'resolve', 'withdraw']);

    d.escalate('2025-01-20', 'The parties could not agree', 'Deadlock on the tariff');
    expect(d.get()).toMatchObject({ status: 'escalated', currentStep: 'steering_committee' });
    d.escalate('2025-02-25', 'The committee split 3-3');
    d.escalate('2025-04-30', 'The mediator gave up');
    expect(d.get().currentStep).toBe('arbitration');
    expect(nextStepOf(d.get(), DEFAULT_LADDER)).toBeNull();
    expect(nextDisputeActions(d.get(), DEFAULT_LADDER)).toEqual(['resolve', 'withdraw']);

    d.close('resolved', '2025-06-01', 'The arbitrator’s award is accepted');
    const steps = d.get().steps;
    expect(steps.map((s) => [s.stepId, s.startedOn, s.endedOn, s.result])).toEqual([
      ['negotiation', '2025-01-06', '2025-01-20', 'The parties could not agree'],
      ['steering_committee', '2025-01-20', '2025-02-25', 'The committee split 3-3'],
      ['mediation', '2025-02-25', '2025-04-30', 'The mediator gave up'],
      ['arbitration', '2025-04-30', '2025-06-01', 'The arbitrator’s award is accepted'],
    ]);
    // negotiation took 14 of 30 days; the committee 36 of 30; mediation 64 of 60; arbitration has no limit
    expect(steps.map((s) => [daysTaken(s, TODAY), isOverdue(s, TODAY)])).toEqual([[14, false], [36, true], [64, true], [32, false]]);
    expect(d.get().status).toBe('resolved');
    expect(nextDisputeActions(d.get(), DEFAULT_LADDER)).toEqual([]);
    expect(daysToResolution({ status: 'resolved', openedOn: '2025-01-06', resolvedOn: '2025-06-01' })).toBe(146);
  });

  it('refuses to escalate past the last step with 409 illegal_transition', () => {
    const d = walk(DEFAULT_LADDER, '2025-01-06');
    for (const on of ['2025-01-10', '2025-01-11', '2025-01-12']) d.escalate(on);
    const e = thrown(() => d.escalate('2025-01-13'));
    expect(e.code).toBe('illegal_transition');
    expect(e.message).toContain('last step');
  });

  it.each(['resolved', 'withdrawn'] as const)('refuses any move once %s, with 409 illegal_transition', (to) => {
    const d = walk(DEFAULT_LADDER, '2025-01-06');
    d.close(to, '2025-01-07');
    expect(thrown(() => d.escalate('2025-01-08')).code).toBe('illegal_transition');
    expect(thrown(() => d.close('resolved', '2025-01-08')).code).toBe('illegal_transition');
    expect(thrown(() => d.close('withdrawn', '2025-01-08')).code).toBe('illegal_transition');
  });

  it('refuses dates before the current step began or in the future, naming the field', () => {
    const d = walk(DEFAULT_LADDER, '2025-01-06');
    d.escalate('2025-02-01');
    for (const [fn, field] of [
      [() => d.escalate('2025-01-31'), 'on'],
      [() => d.escalate('2025-07-01'), 'on'],
      [() => d.close('resolved', '2025-01-15'), 'on'],
      [() => d.close('resolved', '2025-02-02', ' '), 'resolution'],
      [() => d.close('withdrawn', '2025-02-02', ''), 'reason'],
    ] as const) {
      const e = thrown(fn);
      expect(e.code).toBe('validation_failed');
      expect(e.issues.map((i) => i.field)).toEqual([field]);
    }
    expect(thrown(() => openDispute(DEFAULT_LADDER, '2025-07-01', TODAY)).issues.map((i) => i.field)).toEqual(['openedOn']);
  });

  it('lets a step end on the day it started (an escalation the same day)', () => {
    const d = walk(DEFAULT_LADDER, '2025-01-06');
    d.escalate('2025-01-06');
    expect(d.get().steps.map((s) => [s.stepId, s.startedOn, s.endedOn])).toEqual([['negotiation', '2025-01-06', '2025-01-06'], ['steering_committee', '2025-01-06', null]]);
  });

  it('refuses to escalate when the ladder no longer has the current step (409 conflict)', () => {
    const d = walk(DEFAULT_LADDER, '2025-01-06');
    const e = thrown(() => decideEscalation(d.get(), [{ id: 'talks' }, { id: 'court' }], { on: '2025-01-07', result: 'x', reason: 'y' }, TODAY));
    expect(e.code).toBe('conflict');
  });

  it('climbs a charter’s own ladder', () => {
    const ladder: DisputeStep[] = [{ id: 'talks', days: 7 }, { id: 'board', name: 'Board ruling' }];
    const d = walk(ladder, '2025-05-01');
    expect(d.get().steps[0]).toMatchObject({ stepId: 'talks', name: 'Talks', days: 7 });
    d.escalate('2025-05-02');
    expect(d.get().steps[1]).toMatchObject({ stepId: 'board', name: 'Board ruling', days: null });
    expect(thrown(() => d.escalate('2025-05-03')).code).toBe('illegal_transition');
  });
});

describe('overdue steps', () => {
  const step = (startedOn: string, days: number | null, endedOn: string | null = null): StepRecord => ({ stepId: 's', name: 'S', days, startedOn, endedOn, result: null });

  it('is due the day its days run out and overdue the day after', () => {
    expect(dueOn(step('2025-06-01', 29))).toBe('2025-06-30');
    expect(isOverdue(step('2025-06-01', 29), TODAY)).toBe(false);
    expect(isOverdue(step('2025-06-01', 28), TODAY)).toBe(true);
  });
  it('is never overdue without a limit', () => {
    expect(dueOn(step('2020-01-01', null))).toBeNull();
    expect(isOverdue(step('2020-01-01', null), TODAY)).toBe(false);
  });
  it('judges an ended step by its end, not by today', () => {
    expect(isOverdue(step('2025-01-01', 30, '2025-01-31'), TODAY)).toBe(false);
    expect(isOverdue(step('2025-01-01', 30, '2025-02-01'), TODAY)).toBe(true);
  });
});

describe('time to resolution', () => {
  it('is counted for resolved disputes only', () => {
    expect(daysToResolution({ status: 'resolved', openedOn: '2025-01-01', resolvedOn: '2025-01-31' })).toBe(30);
    expect(daysToResolution({ status: 'withdrawn', openedOn: '2025-01-01', resolvedOn: null })).toBeNull();
    expect(daysToResolution({ status: 'open', openedOn: '2025-01-01', resolvedOn: null })).toBeNull();
  });
  it('has a median and a mean (to one decimal), or none when nothing was resolved', () => {
    expect(resolutionFigures([])).toEqual({ median: null, mean: null });
    expect(resolutionFigures([10])).toEqual({ median: 10, mean: 10 });
    expect(resolutionFigures([30, 10, 20])).toEqual({ median: 20, mean: 20 });
    expect(resolutionFigures([1, 2, 10, 40])).toEqual({ median: 6, mean: 13.3 });
  });
});
