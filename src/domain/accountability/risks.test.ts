import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { thrown } from '../kernel/testing';
import {
  BAND_FLOORS, RISK_PARTIES, RISK_STATUSES, RISK_TRANSITIONS, allocationOf, canonicalPercent, checkAllocation, checkRisk, decideRisk,
  decideRiskTransition, defaultPartyOfSector, heatMap, nextReview, nextRiskStatuses, ocdsAllocation, overdueRiskItems, parsePercent, riskBand,
  riskScore, type Risk, type RiskInput, type RiskShare, type RiskStatus,
} from './risks';

// The real OCDS for PPPs code lists, read the way the edge will read them: the first column of each CSV.
const OCDS = path.resolve(import.meta.dirname, '../../../standards/ocds/ppp-profile/patched/codelists');
const codes = (file: string): Set<string> =>
  new Set(fs.readFileSync(path.join(OCDS, file), 'utf8').trim().split(/\r?\n/).slice(1).map((line) => line.split(',')[0]));
const LISTS = { categories: codes('riskCategory.csv'), allocations: codes('riskAllocation.csv') };

const share = (party: RiskShare['party'], organisationId: string | null, percent: string | number): RiskShare => ({ party, organisationId, percent });

const valid = (over: Partial<RiskInput> = {}): RiskInput => ({
  category: 'construction',
  title: 'Cold-chain warehouse finished late',
  description: 'The regional warehouse may open after the first deliveries arrive, so doses would be stored off site.',
  likelihood: 3,
  impact: 4,
  allocation: [share('publicAuthority', 'org-ministry', 40), share('privateParty', 'org-builder', '60')],
  mitigations: [{ id: 'm1', description: 'Rent refrigerated trucks as a fallback', ownerOrganisationId: 'org-builder', ownerPersonId: null, dueOn: '2026-03-31', doneOn: null }],
  reviews: [{ dueOn: '2026-01-15' }],
  decisionIds: ['dec-1'],
  commitmentIds: ['com-1'],
  ...over,
});

describe('the OCDS for PPPs code lists', () => {
  it('has the risk categories the register offers, such as construction, demand (revenue) and force majeure', () => {
    expect([...LISTS.categories]).toEqual(expect.arrayContaining(['landAvailability', 'construction', 'revenue', 'forceMajeure', 'changeInLaw', 'all']));
    expect(LISTS.categories.size).toBe(16);
  });

  it('names both allocation parties, so Accord uses the OCDS codes themselves', () => {
    for (const p of RISK_PARTIES) expect(LISTS.allocations.has(p)).toBe(true);
    expect([...LISTS.allocations]).toEqual(['publicAuthority', 'privateParty', 'undefined']);
  });
});

describe('scoring', () => {
  it.each([
    [1, 1, 1, 'low'],
    [1, 3, 3, 'low'],
    [2, 2, 4, 'medium'],
    [3, 2, 6, 'medium'],
    [2, 4, 8, 'high'],
    [3, 3, 9, 'high'],
    [4, 3, 12, 'high'],
    [3, 5, 15, 'critical'],
    [4, 4, 16, 'critical'],
    [5, 5, 25, 'critical'],
  ])('likelihood %i x impact %i scores %i, which is %s', (l, i, score, band) => {
    expect(riskScore(l, i)).toBe(score);
    expect(riskBand(score)).toBe(band);
  });

  it('the bands start at 1, 4, 8 and 15', () => {
    expect(BAND_FLOORS).toEqual({ low: 1, medium: 4, high: 8, critical: 15 });
  });

  it.each([[0, 3], [6, 1], [2.5, 2], [Number.NaN, 1]])('refuses the rating pair %s, %s', (l, i) => {
    expect(() => riskScore(l, i)).toThrow(RangeError);
  });

  it('the band never falls as either rating rises', () => {
    const rank = (l: number, i: number) => BAND_ORDER.indexOf(riskBand(riskScore(l, i)));
    fc.assert(fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 4 }), (a, b) => {
      expect(rank(a, b + 1)).toBeGreaterThanOrEqual(rank(a, b));
      expect(rank(b + 1, a)).toBeGreaterThanOrEqual(rank(b, a));
    }));
  });
});
const BAND_ORDER = ['low', 'medium', 'high', 'critical'];

describe('the status state machine', () => {
  const allowed: [RiskStatus, RiskStatus][] = RISK_STATUSES.flatMap((from) => RISK_TRANSITIONS[from].map((to) => [from, to] as [RiskStatus, RiskStatus]));
  const refused: [RiskStatus, RiskStatus][] = RISK_STATUSES.flatMap((from) =>
    RISK_STATUSES.filter((to) => !RISK_TRANSITIONS[from].includes(to)).map((to) => [from, to] as [RiskStatus, RiskStatus]),
  );

  it.each(allowed)('moves a %s risk to %s with a reason', (from, to) => {
    expect(decideRiskTransition(from, to, '  Reviewed at the steering committee ')).toEqual({ from, to, reason: 'Reviewed at the steering committee' });
  });

  it.each(refused)('refuses to move a %s risk to %s (illegal_transition)', (from, to) => {
    const e = thrown(() => decideRiskTransition(from, to, 'because'));
    expect(e.code).toBe('illegal_transition');
    expect(e.detail).toMatchObject({ from, to, allowed: [...RISK_TRANSITIONS[from]] });
  });

  it('a risk that occurred cannot become "not yet happened" again', () => {
    expect(nextRiskStatuses('occurred')).toEqual(['mitigating', 'closed']);
  });

  it('a closed risk can only be reopened', () => {
    expect(nextRiskStatuses('closed')).toEqual(['open']);
  });

  it('asks for a reason', () => {
    const e = thrown(() => decideRiskTransition('open', 'closed', '   '));
    expect(e.code).toBe('validation_failed');
    expect(e.issues[0].field).toBe('reason');
  });
});

describe('allocation among the parties', () => {
  it.each<[string, RiskShare[]]>([
    ['40 and 60 as numbers', [share('publicAuthority', 'a', 40), share('privateParty', 'b', 60)]],
    ['decimal text 12.5 and 87.5', [share('publicAuthority', 'a', '12.5'), share('privateParty', 'b', '87.5')]],
    ['33.3, 33.3 and 33.4', [share('publicAuthority', 'a', '33.3'), share('privateParty', 'b', '33.3'), share('privateParty', 'c', '33.4')]],
    ['JSON numbers 0.1 and 99.9 (read by their shortest form)', [share('publicAuthority', 'a', 0.1), share('privateParty', 'b', 99.9)]],
    ['nine shares of 10.1 and one of 9.1 (floating point adds them up to 99.99999999999999)', [...Array.from({ length: 9 }, (_, i) => share('privateParty', `p${i}`, 10.1)), share('publicAuthority', 'a', 9.1)]],
    ['one party holding all of it', [share('privateParty', 'b', '100')]],
    ['a side not yet attributed to an organisation', [share('publicAuthority', null, 50), share('privateParty', 'b', 50)]],
    ['no shares at all (not yet allocated)', []],
  ])('accepts %s', (_name, shares) => {
    expect(checkAllocation(shares)).toEqual([]);
  });

  it.each<[string, RiskShare[], string, string]>([
    ['33.33 three times (99.99)', [share('publicAuthority', 'a', '33.33'), share('privateParty', 'b', '33.33'), share('privateParty', 'c', '33.33')], 'allocation', 'not_100'],
    ['0.1, 0.2 and 99.6 (99.9)', [share('publicAuthority', 'a', 0.1), share('privateParty', 'b', 0.2), share('privateParty', 'c', 99.6)], 'allocation', 'not_100'],
    ['a total above 100', [share('publicAuthority', 'a', 70), share('privateParty', 'b', 40)], 'allocation', 'not_100'],
    ['a zero share', [share('publicAuthority', 'a', 0), share('privateParty', 'b', 100)], 'allocation.0.percent', 'invalid_number'],
    ['a negative share', [share('publicAuthority', 'a', '-10'), share('privateParty', 'b', 110)], 'allocation.0.percent', 'invalid_number'],
    ['more than 100 on one party', [share('privateParty', 'b', '100.5')], 'allocation.0.percent', 'invalid_number'],
    ['a comma as decimal separator', [share('publicAuthority', 'a', '12,5'), share('privateParty', 'b', '87.5')], 'allocation.0.percent', 'invalid_number'],
    ['a percent sign', [share('publicAuthority', 'a', '50%'), share('privateParty', 'b', '50')], 'allocation.0.percent', 'invalid_number'],
    ['an unknown party', [share('shared' as RiskShare['party'], 'a', 100)], 'allocation.0.party', 'unknown_code'],
    ['the OCDS "undefined" code as a party', [share('undefined' as RiskShare['party'], 'a', 100)], 'allocation.0.party', 'unknown_code'],
    ['one organisation twice', [share('publicAuthority', 'a', 50), share('privateParty', 'a', 50)], 'allocation.1.organisationId', 'duplicate'],
    ['two unattributed shares of one side', [share('privateParty', null, 50), share('privateParty', null, 50)], 'allocation.1.organisationId', 'duplicate'],
  ])('refuses %s', (_name, shares, field, code) => {
    expect(checkAllocation(shares, { parties: LISTS.allocations })).toContainEqual(expect.objectContaining({ field, code }));
  });

  it('refuses an organisation that is not a member, when the members are given', () => {
    expect(checkAllocation([share('privateParty', 'stranger', 100)], { organisationIds: new Set(['a']) })).toContainEqual(
      expect.objectContaining({ field: 'allocation.0.organisationId', code: 'unknown_reference' }),
    );
  });

  it('says what the shares add up to, exactly', () => {
    const [issue] = checkAllocation([share('publicAuthority', 'a', '33.33'), share('privateParty', 'b', '33.33'), share('privateParty', 'c', '33.33')]);
    expect(issue.message).toBe('The shares add up to 99.99%, not 100%');
  });

  it.each([
    [[share('publicAuthority', 'a', 100)], 'publicAuthority', 'publicAuthority'],
    [[share('privateParty', 'a', 30), share('privateParty', 'b', 70)], 'privateParty', 'privateParty'],
    [[share('publicAuthority', 'a', 30), share('privateParty', 'b', 70)], 'shared', 'privateParty'],
    [[share('publicAuthority', 'a', '50.001'), share('privateParty', 'b', '49.999')], 'shared', 'publicAuthority'],
    [[share('publicAuthority', 'a', 50), share('privateParty', 'b', 50)], 'shared', 'undefined'],
    [[], 'unallocated', 'undefined'],
  ] as [RiskShare[], string, string][])('shares %j are allocated "%s" and exported to OCDS as "%s"', (shares, allocation, ocds) => {
    expect(allocationOf(shares)).toBe(allocation);
    expect(ocdsAllocation(shares)).toBe(ocds);
  });

  it.each([
    ['25', '25'],
    [25, '25'],
    ['33.50', '33.5'],
    ['007.25', '7.25'],
    [0.1, '0.1'],
    ['0', null],
    ['abc', null],
  ])('stores the percent %j as %j', (input, stored) => {
    expect(canonicalPercent(input)).toBe(stored);
  });

  it('pre-fills public and multilateral bodies as the public authority, every other sector as the private party', () => {
    expect(['public', 'multilateral', 'private', 'nonprofit', 'academic', 'philanthropic', 'community'].map(defaultPartyOfSector)).toEqual([
      'publicAuthority', 'publicAuthority', 'privateParty', 'privateParty', 'privateParty', 'privateParty', 'privateParty',
    ]);
  });

  it('accepts every split of 100 into whole or hundredth percents, and refuses it once one share moves by a hundredth', () => {
    const arbSplit = fc.array(fc.integer({ min: 1, max: 10_000 }), { minLength: 1, maxLength: 6 }).filter((xs) => xs.reduce((a, b) => a + b, 0) <= 10_000).map((xs) => {
      const rest = 10_000 - xs.slice(1).reduce((a, b) => a + b, 0);
      return [rest, ...xs.slice(1)].filter((x) => x > 0);
    });
    fc.assert(
      fc.property(arbSplit, fc.boolean(), (hundredths, asText) => {
        if (hundredths.reduce((a, b) => a + b, 0) !== 10_000) return;
        const text = (h: number) => `${Math.floor(h / 100)}.${String(h % 100).padStart(2, '0')}`;
        const shares = hundredths.map((h, i) => share(i % 2 ? 'privateParty' : 'publicAuthority', `org-${i}`, asText || h % 100 !== 0 ? text(h) : h / 100));
        expect(checkAllocation(shares)).toEqual([]);
        const nudged = shares.map((s, i) => (i === 0 ? { ...s, percent: text(hundredths[0] + 1) } : s));
        expect(checkAllocation(nudged).map((x) => x.code)).toEqual(hundredths[0] + 1 > 10_000 ? ['invalid_number'] : ['not_100']);
      }),
    );
  });

  it('reads percents exactly: 1/3 of a percent never sneaks in', () => {
    expect(parsePercent('33.333333333333333333333')).toEqual({ num: 33333333333333333333333n, den: 10n ** 21n });
  });
});

describe('checkRisk', () => {
  const refs = {
    organisationIds: new Set(['org-ministry', 'org-builder']),
    personIds: new Set(['p-1']),
    decisionIds: new Set(['dec-1']),
    commitmentIds: new Set(['com-1']),
  };

  it('accepts a complete risk that refers to the partnership’s own records', () => {
    expect(checkRisk(valid(), LISTS, refs)).toEqual([]);
  });

  it('decideRisk gives the score, band and allocation of a valid risk', () => {
    expect(decideRisk(valid(), LISTS, refs)).toEqual({ score: 12, band: 'high', allocation: 'shared' });
  });

  it('decideRisk refuses an invalid risk with every problem (validation_failed)', () => {
    const e = thrown(() => decideRisk(valid({ category: 'weather', likelihood: 9 }), LISTS));
    expect(e.code).toBe('validation_failed');
    expect(e.issues.map((i) => i.field)).toEqual(['category', 'likelihood']);
  });

  it.each<[string, Partial<RiskInput>, string, string]>([
    ['a category outside the OCDS list', { category: 'pandemic' }, 'category', 'unknown_code'],
    ['a category in the wrong case', { category: 'Construction' }, 'category', 'unknown_code'],
    ['an empty title', { title: '  ' }, 'title', 'required'],
    ['an empty description', { description: '' }, 'description', 'required'],
    ['a likelihood of 0', { likelihood: 0 }, 'likelihood', 'invalid_rating'],
    ['an impact of 6', { impact: 6 }, 'impact', 'invalid_rating'],
    ['a fractional impact', { impact: 2.5 }, 'impact', 'invalid_rating'],
    ['shares that add up to 90', { allocation: [share('publicAuthority', 'org-ministry', 40), share('privateParty', 'org-builder', 50)] }, 'allocation', 'not_100'],
    ['an action without a description', { mitigations: [{ id: 'm1', description: '', ownerOrganisationId: 'org-builder', dueOn: '2026-01-01' }] }, 'mitigations.0.description', 'required'],
    ['an action owned by a stranger', { mitigations: [{ id: 'm1', description: 'x', ownerOrganisationId: 'org-x', dueOn: '2026-01-01' }] }, 'mitigations.0.ownerOrganisationId', 'unknown_reference'],
    ['an action owner who is not in the partnership', { mitigations: [{ id: 'm1', description: 'x', ownerOrganisationId: 'org-builder', ownerPersonId: 'p-x', dueOn: '2026-01-01' }] }, 'mitigations.0.ownerPersonId', 'unknown_reference'],
    ['an action due on 31 February', { mitigations: [{ id: 'm1', description: 'x', ownerOrganisationId: 'org-builder', dueOn: '2026-02-31' }] }, 'mitigations.0.dueOn', 'invalid_date'],
    ['two actions with one id', { mitigations: [{ id: 'm1', description: 'x', ownerOrganisationId: 'org-builder', dueOn: '2026-01-01' }, { id: 'm1', description: 'y', ownerOrganisationId: 'org-builder', dueOn: '2026-01-01' }] }, 'mitigations.1.id', 'duplicate'],
    ['a review date that is not a date', { reviews: [{ dueOn: 'next week' }] }, 'reviews.0.dueOn', 'invalid_date'],
    ['two reviews on one day', { reviews: [{ dueOn: '2026-01-15' }, { dueOn: '2026-01-15' }] }, 'reviews.1.dueOn', 'duplicate'],
    ['a decision of another partnership', { decisionIds: ['dec-9'] }, 'decisionIds.0', 'unknown_reference'],
    ['a commitment linked twice', { commitmentIds: ['com-1', 'com-1'] }, 'commitmentIds.1', 'duplicate'],
  ])('names the problem with %s', (_name, over, field, code) => {
    expect(checkRisk(valid(over), LISTS, refs)).toContainEqual(expect.objectContaining({ field, code }));
  });

  it('does not check references it was not given', () => {
    expect(checkRisk(valid({ decisionIds: ['anything'], commitmentIds: ['else'] }), LISTS)).toEqual([]);
  });
});

const risk = (id: string, likelihood: number, impact: number, status: RiskStatus = 'open', over: Partial<Risk> = {}): Risk => ({ ...valid(), id, likelihood, impact, status, ...over });

describe('the heat map', () => {
  it('counts live risks per likelihood x impact cell, with their ids', () => {
    const map = heatMap([risk('r1', 5, 5), risk('r2', 5, 5, 'mitigating'), risk('r3', 1, 2), risk('r4', 3, 4, 'closed')]);
    expect(map.cells[4][4]).toMatchObject({ likelihood: 5, impact: 5, score: 25, band: 'critical', count: 2, riskIds: ['r1', 'r2'] });
    expect(map.cells[0][1]).toMatchObject({ likelihood: 1, impact: 2, count: 1, riskIds: ['r3'] });
    expect(map.cells[2][3].count).toBe(0);
    expect(map.byBand).toEqual({ low: 1, medium: 0, high: 0, critical: 2 });
    expect(map.total).toBe(3);
  });

  it('shows closed risks when asked for them', () => {
    expect(heatMap([risk('r4', 3, 4, 'closed')], ['closed']).cells[2][3].riskIds).toEqual(['r4']);
  });

  it('is always 5 x 5, each cell scored likelihood x impact', () => {
    const { cells } = heatMap([]);
    expect(cells.map((row) => row.map((c) => c.score))).toEqual([
      [1, 2, 3, 4, 5],
      [2, 4, 6, 8, 10],
      [3, 6, 9, 12, 15],
      [4, 8, 12, 16, 20],
      [5, 10, 15, 20, 25],
    ]);
  });

  it('places every live risk in exactly one cell', () => {
    const arb = fc.array(fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), fc.constantFrom(...RISK_STATUSES)), { maxLength: 60 });
    fc.assert(
      fc.property(arb, (rows) => {
        const risks = rows.map(([l, i, s], n) => risk(`r${n}`, l, i, s));
        const map = heatMap(risks);
        const live = risks.filter((r) => r.status !== 'closed');
        expect(map.cells.flat().reduce((a, c) => a + c.count, 0)).toBe(live.length);
        expect(map.cells.flat().flatMap((c) => c.riskIds).sort()).toEqual(live.map((r) => r.id).sort());
        expect(Object.values(map.byBand).reduce((a, b) => a + b, 0)).toBe(live.length);
        for (const r of live) expect(map.cells[r.likelihood - 1][r.impact - 1].riskIds).toContain(r.id);
      }),
    );
  });
});

describe('overdue mitigations and reviews', () => {
  const action = (id: string, dueOn: string, doneOn: string | null = null) => ({ id, description: id, ownerOrganisationId: 'org-builder', ownerPersonId: 'p-1', dueOn, doneOn });
  const risks = [
    risk('r1', 3, 3, 'mitigating', { mitigations: [action('late', '2026-01-10'), action('today', '2026-01-20'), action('done', '2026-01-01', '2026-01-02')], reviews: [{ dueOn: '2025-12-31' }, { dueOn: '2026-02-01' }] }),
    risk('r2', 2, 2, 'closed', { mitigations: [action('moot', '2025-01-01')], reviews: [{ dueOn: '2025-06-01' }] }),
    risk('r3', 2, 2, 'occurred', { mitigations: [action('very-late', '2025-11-20')], reviews: [{ dueOn: '2025-12-01', doneOn: '2025-12-01' }] }),
  ];

  it('lists undone actions due before today, most overdue first, with the days overdue', () => {
    expect(overdueRiskItems(risks, '2026-01-20').mitigations).toEqual([
      { riskId: 'r3', actionId: 'very-late', ownerOrganisationId: 'org-builder', ownerPersonId: 'p-1', dueOn: '2025-11-20', daysOverdue: 61 },
      { riskId: 'r1', actionId: 'late', ownerOrganisationId: 'org-builder', ownerPersonId: 'p-1', dueOn: '2026-01-10', daysOverdue: 10 },
    ]);
  });

  it('lists reviews not held by their date; a review held is not overdue', () => {
    expect(overdueRiskItems(risks, '2026-01-20').reviews).toEqual([{ riskId: 'r1', dueOn: '2025-12-31', daysOverdue: 20 }]);
  });

  it('an action due today is not overdue yet, and nothing of a closed risk is ever overdue', () => {
    const ids = overdueRiskItems(risks, '2026-01-20').mitigations.map((m) => m.actionId);
    expect(ids).not.toContain('today');
    expect(ids).not.toContain('moot');
  });

  it('the next review is the earliest one not yet held; a closed risk has none', () => {
    expect(nextReview(risks[0])).toBe('2025-12-31');
    expect(nextReview(risks[1])).toBeNull();
    expect(nextReview(risks[2])).toBeNull();
  });
});
