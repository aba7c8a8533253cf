import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { decimalTextOrNull, parseDecimal } from '../kernel/decimal';
import { cmpF, frac, type Fraction } from '../kernel/fraction';
import {
  IATI_MEASURE_CODES, MEASURES, aggregationOf, breakdownByCell, cellKey, changeFromBaseline, checkBreakdown, checkIndicator, checkSdgIndicators,
  combineValues, iatiAscending, indicatorProgress, measureOfIatiCode, numericValue, progressTowardTarget, valueProblem, type Direction, type Indicator,
  type Measure, type ReportedValue,
} from './indicators';

// The real reference data, read the way the edge reads it.
const STANDARDS = path.resolve(import.meta.dirname, '../../../standards');
const measureXml = fs.readFileSync(path.join(STANDARDS, 'iati/codelists/IndicatorMeasure.xml'), 'utf8');
const IATI_MEASURES = [...measureXml.matchAll(/<codelist-item>[\s\S]*?<code>([^<]+)<\/code>[\s\S]*?<narrative>([^<]+)<\/narrative>/g)].map((m) => ({ code: m[1], name: m[2] }));
const sdg = JSON.parse(fs.readFileSync(path.join(STANDARDS, 'sdg/sdg-goals-targets-indicators.json'), 'utf8')) as { indicators: { code: string }[]; targets: { code: string }[] };
const LISTS = { sdgIndicators: new Set(sdg.indicators.map((i) => i.code)), measures: new Set(IATI_MEASURES.map((m) => m.code)) };

const F = (text: string): Fraction => parseDecimal(text)!;
const show = (f: Fraction | null): string | null => (f === null ? null : (decimalTextOrNull(f) ?? `${f.num}/${f.den}`));

/** Children fully vaccinated with three doses of DTP (a Gavi-style coverage count). */
const dtp = (over: Partial<Indicator> = {}): Indicator => ({
  id: 'ind-dtp3',
  nodeId: 'out-1',
  title: 'Children vaccinated with DTP3',
  definition: 'Children under one who received the third dose of DTP, from the district health information system',
  unit: 'children',
  measure: 'unit',
  direction: 'higher_is_better',
  valueKind: 'cumulative',
  baseline: { value: 0, date: '2024-12-31' },
  targets: [
    { periodKey: '2025-Q2', value: 5000 },
    { periodKey: '2025-Q4', value: 12000 },
  ],
  dimensions: [
    { key: 'sex', values: ['female', 'male'] },
    { key: 'region', values: ['north', 'south', 'east'] },
  ],
  sdgIndicators: ['3.b.1'],
  responsiblePartnerIds: ['org-ministry', 'org-ngo'],
  schedule: { frequency: 'quarterly', start: '2025-01-01', end: '2025-12-31', graceDays: 30 },
  ...over,
});

const approved = (periodKey: string, value: string | number, partnerId = 'org-ministry', status = 'approved'): ReportedValue => ({ periodKey, partnerId, status, value });

describe('measures (IATI IndicatorMeasure)', () => {
  it('are the five items of the IATI code list, by their English names', () => {
    expect(IATI_MEASURES.map((m) => [m.code, m.name.toLowerCase()])).toEqual(MEASURES.map((m) => [IATI_MEASURE_CODES[m], m]));
  });

  it('map back from the IATI code', () => {
    expect(['1', '2', '3', '4', '5', '6'].map(measureOfIatiCode)).toEqual(['unit', 'percentage', 'nominal', 'ordinal', 'qualitative', null]);
  });

  it('export the direction as the IATI ascending flag', () => {
    expect([iatiAscending('higher_is_better'), iatiAscending('lower_is_better')]).toEqual(['1', '0']);
  });

  it.each<[Measure, unknown, string | null]>([
    ['unit', 1200, null],
    ['unit', '1200', null],
    ['unit', '37.5', null],
    ['unit', -4, null],
    ['unit', '1,200', 'Numbers only, such as 1200 or 37.5 (no units, no thousands separators)'],
    ['unit', '1200 doses', 'Numbers only, such as 1200 or 37.5 (no units, no thousands separators)'],
    ['unit', 'many', 'Numbers only, such as 1200 or 37.5 (no units, no thousands separators)'],
    ['unit', Number.NaN, 'Numbers only, such as 1200 or 37.5 (no units, no thousands separators)'],
    ['unit', true, 'Numbers only, such as 1200 or 37.5 (no units, no thousands separators)'],
    ['percentage', '82.4', null],
    ['percentage', '82.4%', 'Numbers only, such as 1200 or 37.5 (no units, no thousands separators)'],
    ['ordinal', 3, null],
    ['ordinal', '3.5', 'An ordinal value is a whole number'],
    ['nominal', '2', null],
    ['qualitative', 'Community health committees meet monthly in all districts', null],
    ['qualitative', 42, 'A qualitative value is text describing what was observed'],
    ['qualitative', '   ', 'A qualitative value is text describing what was observed'],
  ])('a %s measure takes %j: %s', (measure, value, problem) => {
    expect(valueProblem(measure, value)).toBe(problem);
  });
});

describe('checkIndicator', () => {
  it('accepts a complete indicator linked to an SDG indicator of the UN list', () => {
    expect(checkIndicator(dtp(), LISTS, { partnerIds: new Set(['org-ministry', 'org-ngo']) })).toEqual([]);
  });

  it.each<[string, Partial<Indicator>, string, string]>([
    ['no title', { title: '' }, 'title', 'required'],
    ['no definition', { definition: ' ' }, 'definition', 'required'],
    ['a unit measure without a unit', { unit: '' }, 'unit', 'required'],
    ['an unknown measure', { measure: 'ratio' as Measure }, 'measure', 'unknown_code'],
    ['an unknown direction', { direction: 'up' as Direction }, 'direction', 'unknown_code'],
    ['an unknown value kind', { valueKind: 'rolling' as Indicator['valueKind'] }, 'valueKind', 'unknown_code'],
    ['percentages that would be summed', { measure: 'percentage', aggregation: 'sum' }, 'aggregation', 'not_additive'],
    ['a baseline date that is not a date', { baseline: { value: 0, date: '2024-02-30' } }, 'baseline.date', 'invalid_date'],
    ['a baseline measured after the last period', { baseline: { value: 0, date: '2026-03-01' } }, 'baseline.date', 'invalid_date'],
    ['a baseline with a unit in it', { baseline: { value: '10 children', date: '2024-12-31' } }, 'baseline.value', 'invalid_value'],
    ['a target for a period the schedule does not have', { targets: [{ periodKey: '2026-Q1', value: 1 }] }, 'targets.0.periodKey', 'unknown_period'],
    ['a target for a month of a quarterly schedule', { targets: [{ periodKey: '2025-03', value: 1 }] }, 'targets.0.periodKey', 'unknown_period'],
    ['two targets for one period', { targets: [{ periodKey: '2025-Q4', value: 1 }, { periodKey: '2025-Q4', value: 2 }] }, 'targets.1.periodKey', 'duplicate'],
    ['a text target for a numeric measure', { targets: [{ periodKey: '2025-Q4', value: 'all children' }] }, 'targets.0.value', 'invalid_value'],
    ['a target below the baseline when higher is better', { baseline: { value: 100, date: '2024-12-31' }, targets: [{ periodKey: '2025-Q4', value: 80 }] }, 'targets.0.value', 'contradicts_direction'],
    ['a target above the baseline when lower is better', { direction: 'lower_is_better', baseline: { value: 100, date: '2024-12-31' }, targets: [{ periodKey: '2025-Q4', value: 120 }] }, 'targets.0.value', 'contradicts_direction'],
    ['a dimension key with spaces', { dimensions: [{ key: 'age band', values: ['0-4', '5+'] }] }, 'dimensions.0.key', 'invalid_key'],
    ['a dimension twice', { dimensions: [{ key: 'sex', values: ['f', 'm'] }, { key: 'sex', values: ['f', 'm'] }] }, 'dimensions.1.key', 'duplicate'],
    ['a dimension with one value', { dimensions: [{ key: 'sex', values: ['female'] }] }, 'dimensions.0.values', 'too_few'],
    ['a dimension value twice', { dimensions: [{ key: 'sex', values: ['female', 'female'] }] }, 'dimensions.0.values.1', 'duplicate'],
    ['an SDG target instead of an indicator', { sdgIndicators: ['3.b'] }, 'sdgIndicators.0', 'unknown_code'],
    ['an SDG indicator that does not exist', { sdgIndicators: ['3.b.9'] }, 'sdgIndicators.0', 'unknown_code'],
    ['an SDG indicator twice', { sdgIndicators: ['3.b.1', '3.b.1'] }, 'sdgIndicators.1', 'duplicate'],
    ['no responsible partner', { responsiblePartnerIds: [] }, 'responsiblePartnerIds', 'required'],
    ['a responsible partner from outside', { responsiblePartnerIds: ['org-elsewhere'] }, 'responsiblePartnerIds.0', 'unknown_reference'],
    ['a schedule that ends before it starts', { schedule: { frequency: 'annual', start: '2025-01-01', end: '2024-01-01' } }, 'schedule.end', 'invalid_range'],
  ])('names the problem with %s', (_name, over, field, code) => {
    expect(checkIndicator(dtp(over), LISTS, { partnerIds: new Set(['org-ministry', 'org-ngo']) })).toContainEqual(expect.objectContaining({ field, code }));
  });

  it('a qualitative indicator takes text targets and needs no unit', () => {
    expect(checkIndicator(dtp({ measure: 'qualitative', unit: '', baseline: { value: 'No committees', date: '2024-12-31' }, targets: [{ periodKey: '2025-Q4', value: 'Committees in every district' }] }), LISTS)).toEqual([]);
  });

  it('checks SDG indicator codes against the list it is given, whatever its size', () => {
    expect(checkSdgIndicators(['6.1.1', '17.17.1'], LISTS.sdgIndicators)).toEqual([]);
    expect(checkSdgIndicators(['6.1.1'], new Set())).toHaveLength(1);
    expect(sdg.targets.some((t) => LISTS.sdgIndicators.has(t.code))).toBe(false);
  });

  it('sums unit measures and averages the others by default', () => {
    expect(MEASURES.map((measure) => aggregationOf({ measure }))).toEqual(['sum', 'mean', 'mean', 'mean', 'mean']);
    expect(aggregationOf({ measure: 'unit', aggregation: 'mean' })).toBe('mean');
  });
});

describe('disaggregation', () => {
  const ind = dtp();

  it('keys a cell by its dimensions in the indicator’s order, whatever order it was given in', () => {
    expect(cellKey(ind.dimensions, { region: 'north', sex: 'female' })).toBe('sex=female;region=north');
    expect(cellKey(ind.dimensions, { sex: 'male' })).toBe('sex=male');
  });

  it('accepts a breakdown by sex and by sex x region that adds up to the total', () => {
    const breakdown = [
      { cell: { sex: 'female' }, value: 60 },
      { cell: { sex: 'male' }, value: 40 },
      ...['north', 'south', 'east'].flatMap((region, i) => [
        { cell: { sex: 'female', region }, value: 20 },
        { cell: { sex: 'male', region }, value: [10, 10, 20][i] },
      ]),
    ];
    expect(checkBreakdown(ind, 100, breakdown)).toEqual([]);
  });

  it('accepts a partial breakdown without asking it to add up', () => {
    expect(checkBreakdown(ind, 100, [{ cell: { sex: 'female' }, value: 60 }])).toEqual([]);
  });

  it.each<[string, { cell: Record<string, string>; value: string | number }[], string, string]>([
    ['complete cells that do not add up to the total', [{ cell: { sex: 'female' }, value: 60 }, { cell: { sex: 'male' }, value: 41 }], 'breakdown', 'breakdown_total'],
    ['an unknown dimension', [{ cell: { age: '0-4' }, value: 1 }], 'breakdown.0.cell.age', 'unknown_dimension'],
    ['an unknown value', [{ cell: { sex: 'other' }, value: 1 }], 'breakdown.0.cell.sex', 'unknown_value'],
    ['a cell twice', [{ cell: { sex: 'female', region: 'north' }, value: 1 }, { cell: { region: 'north', sex: 'female' }, value: 1 }], 'breakdown.1.cell', 'duplicate'],
    ['an empty cell', [{ cell: {}, value: 1 }], 'breakdown.0.cell', 'required'],
    ['a text value', [{ cell: { sex: 'female' }, value: 'sixty' }], 'breakdown.0.value', 'invalid_value'],
  ])('refuses %s', (_name, breakdown, field, code) => {
    expect(checkBreakdown(ind, 100, breakdown)).toContainEqual(expect.objectContaining({ field, code }));
  });

  it('does not ask percentages to add up', () => {
    expect(checkBreakdown({ ...ind, measure: 'percentage' }, '80', [{ cell: { sex: 'female' }, value: '85' }, { cell: { sex: 'male' }, value: '75' }])).toEqual([]);
  });

  it('combines the approved breakdowns of a period across partners', () => {
    const reports = [
      { periodKey: '2025-Q1', status: 'approved', breakdown: [{ cell: { sex: 'female' }, value: 10 }, { cell: { sex: 'male' }, value: 5 }] },
      { periodKey: '2025-Q1', status: 'approved', breakdown: [{ cell: { sex: 'female' }, value: 7 }] },
      { periodKey: '2025-Q1', status: 'submitted', breakdown: [{ cell: { sex: 'female' }, value: 1000 }] },
      { periodKey: '2025-Q2', status: 'approved', breakdown: [{ cell: { sex: 'female' }, value: 1000 }] },
    ];
    expect([...breakdownByCell(ind, reports, '2025-Q1')].map(([k, v]) => [k, show(v)])).toEqual([['sex=female', '17'], ['sex=male', '5']]);
  });
});

describe('progress toward a target', () => {
  it.each<[Direction, string, string, string | null, string | null]>([
    ['higher_is_better', '600', '1000', null, '0.6'],
    ['higher_is_better', '1500', '1000', null, '1.5'],
    ['higher_is_better', '65', '80', '50', '0.5'],
    ['higher_is_better', '40', '80', '50', '-0.3333333333333333333333333333333333333333'],
    ['higher_is_better', '50', '50', '50', '1'],
    ['higher_is_better', '49', '50', '50', '0'],
    ['lower_is_better', '150', '100', '200', '0.5'],
    ['lower_is_better', '90', '100', '200', '1.1'],
    ['lower_is_better', '250', '100', '200', '-0.5'],
    ['lower_is_better', '100', '100', null, null],
    ['lower_is_better', '100', '100', '100', '1'],
    ['higher_is_better', '70', '60', '80', null],
  ])('%s: actual %s against target %s from baseline %s is %s', (direction, actual, target, baseline, expected) => {
    const p = progressTowardTarget(direction, F(actual), F(target), baseline === null ? null : F(baseline));
    if (expected?.includes('333')) expect(p).toEqual(frac(-1, 3));
    else expect(show(p)).toBe(expected);
  });

  const arbF = fc.tuple(fc.integer({ min: -10_000, max: 10_000 }), fc.integer({ min: 1, max: 100 })).map(([n, d]) => frac(n, d));

  it.each<[string, Direction, fc.Arbitrary<Fraction | null>, 1 | -1]>([
    ['grows with the actual value when higher is better', 'higher_is_better', fc.option(arbF, { nil: null }), 1],
    ['shrinks as the actual value grows when lower is better', 'lower_is_better', arbF, -1],
  ])('%s', (_name, direction, arbBaseline, sign) => {
    fc.assert(
      fc.property(arbF, arbF, arbF, arbBaseline, (a, b, target, baseline) => {
        const [lo, hi] = cmpF(a, b) <= 0 ? [a, b] : [b, a];
        const pl = progressTowardTarget(direction, lo, target, baseline);
        const ph = progressTowardTarget(direction, hi, target, baseline);
        if (pl === null || ph === null) {
          expect(pl).toEqual(ph);
          return;
        }
        expect(sign * cmpF(pl, ph)).toBeLessThanOrEqual(0);
      }),
    );
  });

  it('is 0 at the baseline and 1 on the target', () => {
    fc.assert(
      fc.property(arbF, arbF, fc.constantFrom<Direction>('higher_is_better', 'lower_is_better'), (baseline, target, direction) => {
        const p0 = progressTowardTarget(direction, baseline, target, baseline);
        const p1 = progressTowardTarget(direction, target, target, baseline);
        if (p1 === null) return;
        expect(p1).toEqual(frac(1));
        if (cmpF(baseline, target) !== 0) expect(p0).toEqual(frac(0));
      }),
    );
  });
});

describe('change against the baseline', () => {
  it.each<[Direction, string, string, number, number]>([
    ['higher_is_better', '200', '240', 20, 20],
    ['higher_is_better', '200', '150', -25, -25],
    ['lower_is_better', '200', '150', -25, 25],
    ['lower_is_better', '200', '230', 15, -15],
    ['higher_is_better', '3', '4', 33.3, 33.3],
    ['higher_is_better', '-10', '-5', 50, 50],
  ])('%s: from %s to %s is a change of %d% and an improvement of %d%', (direction, baseline, actual, changePct, improvementPct) => {
    const c = changeFromBaseline(direction, F(baseline), F(actual))!;
    expect(c.changePercent).toBe(changePct);
    expect(c.improvementPercent).toBe(improvementPct);
  });

  it('keeps the exact fraction (one third, not 0.333)', () => {
    expect(changeFromBaseline('higher_is_better', F('3'), F('4'))!.change).toEqual(frac(1, 3));
  });

  it('gives no percentage of a zero baseline', () => {
    expect(changeFromBaseline('higher_is_better', frac(0), frac(5))).toBeNull();
  });
});

describe('the progress of an indicator from its approved values', () => {
  it('cumulative: the latest approved total against the target of its period, else the next one', () => {
    const p = indicatorProgress(dtp(), [approved('2025-Q1', 1800), approved('2025-Q1', 700, 'org-ngo'), approved('2025-Q3', 9000), approved('2025-Q4', 99999, 'org-ngo', 'submitted')]);
    expect(show(p.latest)).toBe('9000');
    expect(p.latestPeriodKey).toBe('2025-Q3');
    expect(show(p.target)).toBe('12000');
    expect(p.periodsCompared).toEqual(['2025-Q3', '2025-Q4']);
    expect(show(p.progress)).toBe('0.75');
    expect(p.percent).toBe(75);
    expect(p.achieved).toBe(false);
    expect(p.missing).toBeNull();
  });

  it('cumulative: sums the partners’ values of one period', () => {
    const p = indicatorProgress(dtp(), [approved('2025-Q2', 3000), approved('2025-Q2', 2500, 'org-ngo')]);
    expect(show(p.actual)).toBe('5500');
    expect(show(p.progress)).toBe('1.1');
    expect(p.percent).toBe(100);
    expect(p.achieved).toBe(true);
  });

  it('after the last target, compares with the last target', () => {
    const ind = dtp({ targets: [{ periodKey: '2025-Q2', value: 5000 }] });
    expect(indicatorProgress(ind, [approved('2025-Q4', 4000)]).periodsCompared).toEqual(['2025-Q4', '2025-Q2']);
  });

  it('per period, summed: the values and targets of the periods that have both, from the baseline counted per period', () => {
    const ind = dtp({
      valueKind: 'per_period',
      baseline: { value: 100, date: '2024-12-31' },
      targets: [{ periodKey: '2025-Q1', value: 300 }, { periodKey: '2025-Q2', value: 300 }, { periodKey: '2025-Q3', value: 300 }],
    });
    const p = indicatorProgress(ind, [approved('2025-Q1', 250), approved('2025-Q2', 310), approved('2025-Q4', 500)]);
    expect(p.periodsCompared).toEqual(['2025-Q1', '2025-Q2']);
    expect(show(p.actual)).toBe('560');
    expect(show(p.target)).toBe('600');
    // (560 - 200) / (600 - 200)
    expect(show(p.progress)).toBe('0.9');
    // The latest value (Q4: 500) against the per-period baseline of 100.
    expect(p.change?.changePercent).toBe(400);
  });

  it('a percentage: the partners’ values are averaged, lower is better, and the change is an improvement', () => {
    const ind = dtp({
      measure: 'percentage',
      unit: '%',
      direction: 'lower_is_better',
      valueKind: 'per_period',
      baseline: { value: '20', date: '2024-12-31' },
      targets: [{ periodKey: '2025-Q4', value: '10' }],
    });
    const p = indicatorProgress(ind, [approved('2025-Q2', '16'), approved('2025-Q2', '14', 'org-ngo')]);
    expect(show(p.actual)).toBe('15');
    expect(show(p.progress)).toBe('0.5');
    expect(p.change).toMatchObject({ changePercent: -25, improvementPercent: 25 });
  });

  it('a nominal target is reached or not, and partners must agree', () => {
    const ind = dtp({ measure: 'nominal', baseline: null, targets: [{ periodKey: '2025-Q4', value: 2 }] });
    expect(show(indicatorProgress(ind, [approved('2025-Q4', 2)]).progress)).toBe('1');
    expect(show(indicatorProgress(ind, [approved('2025-Q4', 3)]).progress)).toBe('0');
    expect(indicatorProgress(ind, [approved('2025-Q4', 2), approved('2025-Q4', 3, 'org-ngo')]).missing).toBe('values_disagree');
  });

  it.each<[string, Partial<Indicator>, ReportedValue[], string]>([
    ['a qualitative indicator', { measure: 'qualitative' }, [approved('2025-Q1', 'Good')], 'qualitative'],
    ['no approved value', {}, [approved('2025-Q1', 10, 'org-ministry', 'submitted'), approved('2025-Q1', 10, 'org-ministry', 'returned')], 'no_data'],
    ['no target', { targets: [] }, [approved('2025-Q1', 10)], 'no_target'],
    ['lower is better without a baseline', { direction: 'lower_is_better', baseline: null }, [approved('2025-Q1', 10)], 'no_baseline'],
    ['a target on the wrong side of the baseline', { baseline: { value: 20000, date: '2024-12-31' } }, [approved('2025-Q1', 10)], 'contradicts_direction'],
  ])('gives no progress for %s, and says why', (_name, over, reports, missing) => {
    const p = indicatorProgress(dtp(over), reports);
    expect(p.progress).toBeNull();
    expect(p.percent).toBeNull();
    expect(p.missing).toBe(missing);
  });

  it('combines values by sum or mean, exactly', () => {
    expect(show(combineValues({ measure: 'unit' }, [F('0.1'), F('0.2')]))).toBe('0.3');
    expect(combineValues({ measure: 'percentage' }, [F('10'), F('20'), F('20')])).toEqual(frac(50, 3));
    expect(combineValues({ measure: 'unit' }, [])).toBeNull();
  });

  it('reads values exactly', () => {
    expect(numericValue('unit', 0.1)).toEqual(frac(1, 10));
    expect(numericValue('unit', '1e3')).toBeNull();
    expect(numericValue('unit', 1e21)).toEqual(frac(10n ** 21n));
    expect(numericValue('qualitative', 'text')).toBeNull();
  });
});
