import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { loadCodelists } from '../../standards/codelists';
import { DomainError } from '../kernel/errors';
import { STAGES, TRANSITIONS, checkMembershipDates, checkPartnership, checkSdgCodes, decideTransition, type PartnershipCodelists, type Stage } from './partnership';

const codelists = loadCodelists(path.resolve('standards'));
const lists: PartnershipCodelists = { countries: codelists.sets.countries, sdgCodes: codelists.sets.sdgCodes };

// The written rule, independently of TRANSITIONS: forward one step; building may go back to scoping;
// a review may send the partnership back to implementing; sustaining may be reviewed again;
// any open stage may close; closed is final.
const WRITTEN_RULE = new Set<string>([
  'scoping>building',
  'building>implementing',
  'building>scoping',
  'implementing>reviewing',
  'reviewing>implementing',
  'reviewing>sustaining',
  'sustaining>reviewing',
  ...STAGES.filter((s) => s !== 'closed').map((s) => `${s}>closed`),
]);
const PAIRS: [Stage, Stage, boolean][] = STAGES.flatMap((from) => STAGES.map((to) => [from, to, WRITTEN_RULE.has(`${from}>${to}`)] as [Stage, Stage, boolean]));

describe('the partnership lifecycle', () => {
  it('has the six stages of the partnering cycle, ending in closed', () => {
    expect([...STAGES]).toEqual(['scoping', 'building', 'implementing', 'reviewing', 'sustaining', 'closed']);
  });

  it('publishes exactly the moves of the written rule in TRANSITIONS', () => {
    const published = new Set(STAGES.flatMap((from) => TRANSITIONS[from].map((to) => `${from}>${to}`)));
    expect([...published].sort()).toEqual([...WRITTEN_RULE].sort());
  });

  it.each(PAIRS)('from %s to %s is allowed: %s', (from, to, allowed) => {
    if (allowed) {
      expect(decideTransition(from, to, 'Agreed at the steering meeting')).toEqual({ from, to, reason: 'Agreed at the steering meeting' });
      return;
    }
    let err: unknown;
    try {
      decideTransition(from, to, 'Agreed at the steering meeting');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('illegal_transition');
    expect((err as DomainError).issues.map((i) => i.field)).toEqual(['to']);
    const detail = (err as DomainError).detail as { from: Stage; to: Stage; allowed: Stage[] };
    expect({ from: detail.from, to: detail.to }).toEqual({ from, to });
    expect([...detail.allowed].sort()).toEqual(STAGES.filter((s) => WRITTEN_RULE.has(`${from}>${s}`)).sort());
  });

  it('never allows staying in the same stage', () => {
    for (const s of STAGES) expect(() => decideTransition(s, s, 'no change')).toThrow(DomainError);
  });

  it('treats closed as final: no move leaves it', () => {
    expect(TRANSITIONS.closed).toEqual([]);
    for (const to of STAGES) expect(() => decideTransition('closed', to, 'reopen')).toThrow(/closed/);
  });

  it.each(['', '   ', '\n\t'])('refuses a legal move with the empty reason %j, naming reason', (reason) => {
    let err: unknown;
    try {
      decideTransition('scoping', 'building', reason);
    } catch (e) {
      err = e;
    }
    expect((err as DomainError).code).toBe('validation_failed');
    expect((err as DomainError).issues.map((i) => i.field)).toEqual(['reason']);
  });

  it('keeps the reason trimmed', () => {
    expect(decideTransition('scoping', 'building', '  Partners signed the MoU \n').reason).toBe('Partners signed the MoU');
  });
});

describe('checkPartnership', () => {
  it.each([
    [{ startDate: '2025-01-01', endDate: '2025-12-31' }, []],
    [{ startDate: '2025-01-01', endDate: '2025-01-01' }, []],
    [{ startDate: '2025-01-02', endDate: '2025-01-01' }, ['endDate']],
    [{ startDate: '2025-12-31', endDate: '2024-01-01' }, ['endDate']],
    [{ startDate: '2025-01-01', endDate: null }, []],
    [{ startDate: null, endDate: '2025-01-01' }, []],
    [{}, []],
  ])('checks the date order of %o', (p, fields) => {
    expect(checkPartnership(p, lists).map((i) => i.field)).toEqual(fields);
  });

  it.each([
    [['KE', 'FR'], []],
    [['KE', 'QQ'], ['countries.1']],
    [['QQ', 'KE', 'AN'], ['countries.0', 'countries.2']],
    [[], []],
  ])('checks the countries %j against ISO 3166-1', (countries, fields) => {
    expect(checkPartnership({ countries }, lists).map((i) => i.field)).toEqual(fields);
  });

  it('reports the dates and the countries together', () => {
    expect(checkPartnership({ startDate: '2025-02-01', endDate: '2025-01-01', countries: ['QQ'] }, lists).map((i) => i.field)).toEqual(['endDate', 'countries.0']);
  });
});

describe('checkSdgCodes', () => {
  it('knows the 17 goals and their targets', () => {
    for (let g = 1; g <= 17; g++) expect(lists.sdgCodes.has(String(g))).toBe(true);
    expect(lists.sdgCodes.has('18')).toBe(false);
  });

  it.each([
    [['3'], []],
    [['3.b'], []],
    [['3', '3.b', '17.19'], []],
    [['18'], ['sdgs.0']],
    [['3.z'], ['sdgs.0']],
    [['0'], ['sdgs.0']],
    [['3', '3.b', '3.z'], ['sdgs.2']],
    [['3', '3'], ['sdgs']],
    [['6', '6.1', '6'], ['sdgs']],
    [[], []],
  ])('checks %j, naming %j', (codes, fields) => {
    expect(checkSdgCodes(codes, lists).map((i) => i.field)).toEqual(fields);
  });

  it('names the fields under the given prefix', () => {
    expect(checkSdgCodes(['6', '18', '6'], lists, 'goals.2.sdgs').map((i) => i.field)).toEqual(['goals.2.sdgs.1', 'goals.2.sdgs']);
  });
});

describe('checkMembershipDates', () => {
  it.each([
    ['2025-01-10', null, []],
    ['2025-01-10', undefined, []],
    ['2025-01-10', '2025-01-10', []],
    ['2025-01-10', '2025-06-30', []],
    ['2025-01-10', '2025-01-09', ['leftOn']],
  ])('joined %s, left %s: %j', (joined, left, fields) => {
    expect(checkMembershipDates(joined, left).map((i) => i.field)).toEqual(fields);
  });
});
