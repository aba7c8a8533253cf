/**
 * Indicators of the results framework (issue 4, section 5): what is measured and how, its baseline, its
 * targets per reporting period, its disaggregation and SDG links, and the progress computed from approved
 * values. Pure: code lists and values come in as arguments. See docs/domain/results.md.
 *
 * Every number that decides something is an exact fraction. Values arrive as decimal text or JSON numbers
 * (read by their shortest decimal form, see `parseDecimal` in kernel/decimal.ts).
 */
import { isDate } from '../kernel/dates';
import { parseDecimal } from '../kernel/decimal';
import { issue, type FieldIssue } from '../kernel/errors';
import { figure, msg, render, type Msg } from '../kernel/messages';
import { addF, cmpF, divF, frac, fractionToString, mulF, subF, type Fraction } from '../kernel/fraction';
import { checkSchedule, reportingPeriods, type ReportingPeriod, type ReportingSchedule } from './indicators-periods';
import { cappedPercent, isWhole } from './results-exact';

// ---- measures, directions, value kinds ---------------------------------------------------------------------------

/** How an indicator is measured: the five items of the IATI `IndicatorMeasure` code list, by name. */
export const MEASURES = ['unit', 'percentage', 'nominal', 'ordinal', 'qualitative'] as const;
export type Measure = (typeof MEASURES)[number];

/** The IATI `IndicatorMeasure` code of each measure (for export, and to check against the code list). */
export const IATI_MEASURE_CODES: Readonly<Record<Measure, string>> = { unit: '1', percentage: '2', nominal: '3', ordinal: '4', qualitative: '5' };

/** The measure of an IATI `IndicatorMeasure` code, or null for a code Accord does not know. */
export const measureOfIatiCode = (code: string): Measure | null => MEASURES.find((m) => IATI_MEASURE_CODES[m] === code) ?? null;

/** Every measure but `qualitative` takes numbers, and numbers only. */
export const isNumericMeasure = (m: Measure): boolean => m !== 'qualitative';

/** Nominal and ordinal values are category or rank codes: whole numbers. */
export const takesWholeNumbers = (m: Measure): boolean => m === 'nominal' || m === 'ordinal';

export const DIRECTIONS = ['higher_is_better', 'lower_is_better'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** The IATI `ascending` attribute of an indicator: "1" when higher is better, "0" when lower is. */
export const iatiAscending = (d: Direction): '1' | '0' => (d === 'higher_is_better' ? '1' : '0');

/**
 * `cumulative`: each period's value is the total reached so far (1,200 children vaccinated to date);
 * `per_period`: each period's value counts that period only (300 children vaccinated this quarter).
 */
export const VALUE_KINDS = ['cumulative', 'per_period'] as const;
export type ValueKind = (typeof VALUE_KINDS)[number];

/**
 * How the values of several responsible partners for one period combine, and whether per-period values add up
 * over time: `sum` (counts: doses, people, hectares) or `mean` (rates, scores, averages). Only the `unit`
 * measure may be summed; percentages and ordinal ranks are averaged; nominal values must agree.
 */
export const AGGREGATIONS = ['sum', 'mean'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];

/** The aggregation an indicator uses: its own, or the default of its measure (sum for units, mean otherwise). */
export const aggregationOf = (i: Pick<Indicator, 'measure' | 'aggregation'>): Aggregation => i.aggregation ?? (i.measure === 'unit' ? 'sum' : 'mean');

// ---- the indicator ----------------------------------------------------------------------------------------------

/** A disaggregation dimension: `sex` with values `female`, `male`; `age_band` with `0-4`, `5-14`, `15+`. */
export interface Dimension {
  key: string;
  label?: string;
  values: string[];
}

/** One combination of dimension values, such as `{ sex: 'female', age_band: '0-4' }` (some dimensions may be left out). */
export type DimensionCell = Readonly<Record<string, string>>;

/** A value given for one period: a number (decimal text or JSON number) or, for a qualitative indicator, text. */
export type RawValue = string | number;

export interface IndicatorTarget {
  /** The key of one of the indicator's reporting periods (`2026-Q4`). */
  periodKey: string;
  value: RawValue;
}

export interface Baseline {
  value: RawValue;
  date: string;
}

export interface Indicator {
  id: string;
  /** The results node (goal, outcome or output) it measures. */
  nodeId: string;
  /** Its weight among the other children of its node; exact ("1/3", "0.25", 2). */
  weight?: string | number | null;
  title: string;
  /** How it is measured: what counts, the source of the data, the method. */
  definition: string;
  /** The unit of a `unit` measure ("doses", "people"); optional for other measures. */
  unit: string;
  measure: Measure;
  direction: Direction;
  valueKind: ValueKind;
  aggregation?: Aggregation | null;
  baseline: Baseline | null;
  targets: IndicatorTarget[];
  dimensions: Dimension[];
  /** SDG indicator codes (`3.b.1`). */
  sdgIndicators: string[];
  /** The member organisations that report values for it, each its own. */
  responsiblePartnerIds: string[];
  schedule: ReportingSchedule;
}

/** Reference lists for the indicator rules, loaded at the edge from `standards/`. */
export interface IndicatorCodelists {
  /** Codes of the `indicators` of `sdg/sdg-goals-targets-indicators.json`. */
  sdgIndicators: ReadonlySet<string>;
  /** Codes of IATI `IndicatorMeasure.xml`; when given, the measure's code must be among them. */
  measures?: ReadonlySet<string>;
}

export const DIMENSION_KEY = /^[a-z][a-z0-9_]{0,39}$/;
export const MAX_DIMENSIONS = 5;
export const MAX_DIMENSION_VALUES = 50;
export const MAX_TEXT_VALUE = 5000;

/**
 * The problem with one value for a measure as a message, or null when it is fine. Numeric measures take numbers
 * only (decimal text or JSON numbers; nominal and ordinal whole numbers); qualitative takes non-empty text.
 */
export function valueProblemMsg(measure: Measure, value: unknown): Msg | null {
  if (measure === 'qualitative') {
    if (typeof value !== 'string' || !value.trim()) return msg('results.value.qualitative_text');
    return value.length > MAX_TEXT_VALUE ? msg('results.at_most_characters', { max: MAX_TEXT_VALUE }) : null;
  }
  const f = parseDecimal(value);
  if (!f) return msg('results.value.numbers_only');
  if (takesWholeNumbers(measure) && !isWhole(f)) return msg(measure === 'ordinal' ? 'results.value.ordinal_whole' : 'results.value.nominal_whole');
  return null;
}

/** The problem with one value for a measure, in English, or null when it is fine (see `valueProblemMsg`). */
export function valueProblem(measure: Measure, value: unknown): string | null {
  const problem = valueProblemMsg(measure, value);
  return problem ? render(problem) : null;
}

/** The exact number of a numeric value, or null (qualitative measure, or not a valid value). */
export function numericValue(measure: Measure, value: unknown): Fraction | null {
  if (!isNumericMeasure(measure) || valueProblemMsg(measure, value) !== null) return null;
  return parseDecimal(value);
}

/** A measure's name as it qualifies "measure" in a sentence ("A percentage measure"), worded in the reader's language. */
const MEASURE_WORD: Readonly<Record<Measure, Msg>> = {
  unit: msg('results.measure.unit'),
  percentage: msg('results.measure.percentage'),
  nominal: msg('results.measure.nominal'),
  ordinal: msg('results.measure.ordinal'),
  qualitative: msg('results.measure.qualitative'),
};

/** Checks SDG indicator codes against the list given; paths under `at`. */
export function checkSdgIndicators(codes: readonly string[], sdgIndicators: ReadonlySet<string>, at = 'sdgIndicators'): FieldIssue[] {
  const issues: FieldIssue[] = [];
  codes.forEach((c, i) => {
    if (!sdgIndicators.has(c)) issues.push(issue(`${at}.${i}`, msg('results.sdg.unknown', { code: c }), 'unknown_code'));
    else if (codes.indexOf(c) !== i) issues.push(issue(`${at}.${i}`, msg('results.sdg.twice'), 'duplicate'));
  });
  return issues;
}

/** Checks disaggregation dimensions: keys, values, no duplicates. */
export function checkDimensions(dimensions: readonly Dimension[], at = 'dimensions'): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (dimensions.length > MAX_DIMENSIONS) issues.push(issue(at, msg('results.dimensions.too_many', { max: MAX_DIMENSIONS }), 'too_many'));
  const keys = new Set<string>();
  dimensions.forEach((d, i) => {
    const p = `${at}.${i}`;
    if (typeof d.key !== 'string' || !DIMENSION_KEY.test(d.key)) issues.push(issue(`${p}.key`, msg('results.dimensions.key'), 'invalid_key'));
    else if (keys.has(d.key)) issues.push(issue(`${p}.key`, msg('results.dimensions.twice', { key: d.key }), 'duplicate'));
    keys.add(d.key);
    const values = Array.isArray(d.values) ? d.values : [];
    if (values.length < 2) issues.push(issue(`${p}.values`, msg('results.dimensions.too_few_values'), 'too_few'));
    if (values.length > MAX_DIMENSION_VALUES) issues.push(issue(`${p}.values`, msg('results.dimensions.too_many_values', { max: MAX_DIMENSION_VALUES }), 'too_many'));
    values.forEach((v, j) => {
      if (typeof v !== 'string' || !v.trim() || v.length > 100) issues.push(issue(`${p}.values.${j}`, msg('results.dimensions.value_text'), 'required'));
      else if (values.indexOf(v) !== j) issues.push(issue(`${p}.values.${j}`, msg('results.value_listed_twice', { value: v }), 'duplicate'));
    });
  });
  return issues;
}

/** True when the target is on the wrong side of the baseline for the direction (a lower target when higher is better). */
export function contradictsDirection(direction: Direction, baseline: Fraction, target: Fraction): boolean {
  const c = cmpF(target, baseline);
  return direction === 'higher_is_better' ? c < 0 : c > 0;
}

/**
 * Every problem of an indicator, each with its path: the texts, measure (against IATI), direction, value
 * kind and aggregation, the reporting schedule, baseline, targets (one per known period, the right kind of
 * value, on the right side of the baseline), dimensions, SDG links (against the list) and the responsible
 * partners (against the partnership's member organisations, when given).
 */
export function checkIndicator(ind: Omit<Indicator, 'id' | 'nodeId'>, lists: IndicatorCodelists, refs: { partnerIds?: ReadonlySet<string> } = {}): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const push = (field: string, m: Msg, code: string) => issues.push(issue(field, m, code));
  const either = (options: readonly [string, string]) => msg('results.choose_either', { first: options[0], second: options[1] });
  if (typeof ind.title !== 'string' || !ind.title.trim()) push('title', msg('results.indicator.title_required'), 'required');
  else if (ind.title.length > 300) push('title', msg('results.at_most_characters', { max: 300 }), 'too_long');
  if (typeof ind.definition !== 'string' || !ind.definition.trim()) push('definition', msg('results.indicator.definition_required'), 'required');

  const measureKnown = MEASURES.includes(ind.measure);
  if (!measureKnown) push('measure', msg('results.choose_one_of', { options: MEASURES.join(', ') }), 'unknown_code');
  else if (lists.measures && !lists.measures.has(IATI_MEASURE_CODES[ind.measure])) push('measure', msg('results.indicator.measure_not_iati'), 'unknown_code');
  if (measureKnown && ind.measure === 'unit' && (typeof ind.unit !== 'string' || !ind.unit.trim())) push('unit', msg('results.indicator.unit_required'), 'required');
  if (!DIRECTIONS.includes(ind.direction)) push('direction', either(DIRECTIONS), 'unknown_code');
  if (!VALUE_KINDS.includes(ind.valueKind)) push('valueKind', either(VALUE_KINDS), 'unknown_code');
  if (ind.aggregation != null) {
    if (!AGGREGATIONS.includes(ind.aggregation)) push('aggregation', either(AGGREGATIONS), 'unknown_code');
    else if (measureKnown && ind.measure !== 'unit' && ind.aggregation === 'sum') push('aggregation', msg('results.indicator.not_additive', { measure: MEASURE_WORD[ind.measure] }), 'not_additive');
  }

  const scheduleIssues = checkSchedule(ind.schedule, 'schedule');
  issues.push(...scheduleIssues);
  const periods = scheduleIssues.length === 0 ? reportingPeriods(ind.schedule) : null;

  let baseline: Fraction | null = null;
  if (ind.baseline) {
    if (!isDate(ind.baseline.date)) push('baseline.date', msg('results.date_example', { example: '2025-01-01' }), 'invalid_date');
    else if (periods && ind.baseline.date > periods[periods.length - 1].end) push('baseline.date', msg('results.indicator.baseline_after_end'), 'invalid_date');
    if (measureKnown) {
      const problem = valueProblemMsg(ind.measure, ind.baseline.value);
      if (problem) push('baseline.value', problem, 'invalid_value');
      else baseline = numericValue(ind.measure, ind.baseline.value);
    }
  }

  const periodKeys = new Set(periods?.map((p) => p.key) ?? []);
  const seenTargets = new Set<string>();
  (ind.targets ?? []).forEach((t, i) => {
    const p = `targets.${i}`;
    if (periods && !periodKeys.has(t.periodKey)) push(`${p}.periodKey`, msg('results.indicator.not_a_period', { period: t.periodKey }), 'unknown_period');
    else if (seenTargets.has(t.periodKey)) push(`${p}.periodKey`, msg('results.indicator.target_twice'), 'duplicate');
    seenTargets.add(t.periodKey);
    if (!measureKnown) return;
    const problem = valueProblemMsg(ind.measure, t.value);
    if (problem) return push(`${p}.value`, problem, 'invalid_value');
    const target = numericValue(ind.measure, t.value);
    if (baseline && target && ind.measure !== 'nominal' && DIRECTIONS.includes(ind.direction) && contradictsDirection(ind.direction, baseline, target)) {
      push(`${p}.value`, msg(ind.direction === 'higher_is_better' ? 'results.indicator.target_below_baseline' : 'results.indicator.target_above_baseline'), 'contradicts_direction');
    }
  });

  issues.push(...checkDimensions(ind.dimensions ?? []));
  issues.push(...checkSdgIndicators(ind.sdgIndicators ?? [], lists.sdgIndicators));

  const partners = ind.responsiblePartnerIds ?? [];
  if (partners.length === 0) push('responsiblePartnerIds', msg('results.indicator.partners_required'), 'required');
  partners.forEach((id, i) => {
    if (partners.indexOf(id) !== i) push(`responsiblePartnerIds.${i}`, msg('results.indicator.partner_twice'), 'duplicate');
    else if (refs.partnerIds && !refs.partnerIds.has(id)) push(`responsiblePartnerIds.${i}`, msg('results.indicator.not_a_member'), 'unknown_reference');
  });
  return issues;
}

// ---- disaggregated values ---------------------------------------------------------------------------------------

/**
 * The canonical key of a cell, dimensions in the indicator's order: `sex=female;age_band=0-4`. The empty cell
 * (no dimension) has the key "". Use it to store and look up disaggregated values.
 */
export function cellKey(dimensions: readonly Pick<Dimension, 'key'>[], cell: DimensionCell): string {
  return dimensions.filter((d) => cell[d.key] !== undefined).map((d) => `${d.key}=${cell[d.key]}`).join(';');
}

export interface BreakdownValue {
  cell: DimensionCell;
  value: RawValue;
}

/**
 * Every problem of a set of disaggregated values, paths under `at`: each cell names known dimensions and
 * values, no cell twice, values of the measure's kind. For a summed unit indicator, a complete set of cells
 * over the same dimensions (every female and male value, or every sex x age band) must add up to the total.
 */
export function checkBreakdown(
  ind: Pick<Indicator, 'measure' | 'dimensions' | 'aggregation'>,
  total: RawValue | null,
  breakdown: readonly BreakdownValue[],
  at = 'breakdown',
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const dims = new Map(ind.dimensions.map((d) => [d.key, d]));
  const seen = new Map<string, number>();
  const bySet = new Map<string, { keys: string[]; cells: Set<string>; sum: Fraction; ok: boolean }>();
  breakdown.forEach((b, i) => {
    const p = `${at}.${i}`;
    const keys = Object.keys(b.cell ?? {});
    if (keys.length === 0) return void issues.push(issue(`${p}.cell`, msg('results.breakdown.cell_required'), 'required'));
    let cellOk = true;
    for (const k of keys) {
      const d = dims.get(k);
      if (!d) {
        cellOk = false;
        issues.push(issue(`${p}.cell.${k}`, msg('results.breakdown.unknown_dimension', { key: k }), 'unknown_dimension'));
      } else if (!d.values.includes(b.cell[k])) {
        cellOk = false;
        issues.push(issue(`${p}.cell.${k}`, msg('results.breakdown.unknown_value', { value: String(b.cell[k]), key: k, values: d.values.join(', ') }), 'unknown_value'));
      }
    }
    const problem = valueProblemMsg(ind.measure, b.value);
    if (problem) issues.push(issue(`${p}.value`, problem, 'invalid_value'));
    if (!cellOk) return;
    const key = cellKey(ind.dimensions, b.cell);
    if (seen.has(key)) return void issues.push(issue(`${p}.cell`, msg('results.breakdown.duplicate', { item: seen.get(key)! }), 'duplicate'));
    seen.set(key, i);
    const setKey = ind.dimensions.filter((d) => b.cell[d.key] !== undefined).map((d) => d.key).join(';');
    const entry = bySet.get(setKey) ?? { keys: setKey.split(';'), cells: new Set<string>(), sum: frac(0), ok: true };
    const v = numericValue(ind.measure, b.value);
    entry.cells.add(key);
    if (v) entry.sum = addF(entry.sum, v);
    else entry.ok = false;
    bySet.set(setKey, entry);
  });
  const totalValue = total === null ? null : numericValue(ind.measure, total);
  if (ind.measure === 'unit' && aggregationOf(ind) === 'sum' && totalValue) {
    for (const [setKey, e] of bySet) {
      const combinations = e.keys.reduce((n, k) => n * (dims.get(k)?.values.length ?? 0), 1);
      if (e.ok && e.cells.size === combinations && cmpF(e.sum, totalValue) !== 0) {
        issues.push(issue(at, msg('results.breakdown.total', { dimensions: setKey.replace(/;/g, ' x '), sum: show(e.sum), total: show(totalValue) }), 'breakdown_total'));
      }
    }
  }
  return issues;
}

const show = (f: Fraction) => figure(f.den === 1n ? f.num.toString() : fractionToString(f, 4));

// ---- progress ---------------------------------------------------------------------------------------------------

/**
 * How far the actual value has come from the baseline towards the target, exactly:
 * (actual - baseline) / (target - baseline). 0 at the baseline, 1 on the target, above 1 beyond it, below 0
 * when things got worse. With no baseline, "higher is better" starts from 0 (progress = actual / target);
 * "lower is better" needs a baseline (null without one). A target equal to the baseline (hold the line) gives 1
 * when the actual is at least as good, else 0. Null when the target lies on the wrong side of the baseline.
 * The result grows with the actual when higher is better and shrinks with it when lower is better.
 */
export function progressTowardTarget(direction: Direction, actual: Fraction, target: Fraction, baseline: Fraction | null): Fraction | null {
  const base = baseline ?? (direction === 'higher_is_better' ? frac(0) : null);
  if (!base) return null;
  if (cmpF(target, base) === 0) {
    const c = cmpF(actual, target);
    return frac(direction === 'higher_is_better' ? (c >= 0 ? 1 : 0) : c <= 0 ? 1 : 0);
  }
  if (contradictsDirection(direction, base, target)) return null;
  return divF(subF(actual, base), subF(target, base));
}

/** The change of a value against its baseline, as fractions of the baseline (0.25 = 25%). */
export interface BaselineChange {
  /** (actual - baseline) / |baseline|: positive when the value went up. */
  change: Fraction;
  /** The change counted as progress: the same when higher is better, reversed when lower is better. */
  improvement: Fraction;
  /** Both in percent, rounded to one decimal, for display. */
  changePercent: number;
  improvementPercent: number;
}

const percentOf = (f: Fraction): number => Number(fractionToString(mulF(f, frac(100)), 1));

/**
 * The change against the baseline in percent, respecting the direction: when lower is better a decrease is an
 * improvement. Null when the baseline is zero (no percentage of nothing).
 */
export function changeFromBaseline(direction: Direction, baseline: Fraction, actual: Fraction): BaselineChange | null {
  if (baseline.num === 0n) return null;
  const change = divF(subF(actual, baseline), baseline.num < 0n ? frac(-baseline.num, baseline.den) : baseline);
  const improvement = direction === 'higher_is_better' ? change : frac(-change.num, change.den);
  return { change, improvement, changePercent: percentOf(change), improvementPercent: percentOf(improvement) };
}

/** One partner's value for one period, with the status of its submission (only approved values count). */
export interface ReportedValue {
  periodKey: string;
  partnerId: string;
  status: string;
  value: RawValue | null;
}

/** Why no progress could be computed. */
export type MissingReason = 'qualitative' | 'no_data' | 'no_target' | 'no_baseline' | 'contradicts_direction' | 'values_disagree';

export interface IndicatorProgress {
  /** The latest period with approved data, and its combined value (null without data). */
  latestPeriodKey: string | null;
  latest: Fraction | null;
  /** What is compared with the target (see `indicatorProgress`) and that target. */
  actual: Fraction | null;
  target: Fraction | null;
  /** The periods whose values and targets were compared. */
  periodsCompared: string[];
  /** Exact, not capped: 3/2 means 150% of the way. Null with a `missing` reason. */
  progress: Fraction | null;
  /** The progress as a display percent, capped to 0-100 and rounded down. */
  percent: number | null;
  achieved: boolean | null;
  /** The latest value against the baseline (null without a numeric, non-zero baseline or without data). */
  change: BaselineChange | null;
  missing: MissingReason | null;
}

/**
 * The combined value of several partners' values for one period: their sum or mean (see AGGREGATIONS); for a
 * nominal measure the value they all agree on, null when they disagree. Null for no values.
 */
export function combineValues(ind: Pick<Indicator, 'measure' | 'aggregation'>, values: readonly Fraction[]): Fraction | null {
  if (values.length === 0) return null;
  if (ind.measure === 'nominal') return values.every((v) => cmpF(v, values[0]) === 0) ? values[0] : null;
  const sum = values.reduce(addF, frac(0));
  return aggregationOf(ind) === 'sum' ? sum : divF(sum, frac(values.length));
}

/** The approved, combined value of each period that has one, in schedule order. */
export function periodValues(ind: Pick<Indicator, 'measure' | 'aggregation'>, periods: readonly ReportingPeriod[], reports: readonly ReportedValue[]): { period: ReportingPeriod; value: Fraction | null }[] {
  const byPeriod = new Map<string, Fraction[]>();
  for (const r of reports) {
    if (r.status !== 'approved') continue;
    const v = numericValue(ind.measure, r.value);
    if (!v) continue;
    byPeriod.set(r.periodKey, [...(byPeriod.get(r.periodKey) ?? []), v]);
  }
  return periods.filter((p) => byPeriod.has(p.key)).map((p) => ({ period: p, value: combineValues(ind, byPeriod.get(p.key)!) }));
}

/**
 * The progress of an indicator from its approved values. Which values meet which target:
 * - cumulative values, averaged measures (percentages, ranks, means) and nominal values: the latest period with
 *   data, against the target of that period, else the next target after it, else the last one before it;
 * - per-period values that add up (a summed unit measure): the sum over the periods that have both a value and a
 *   target, against the sum of those targets, from the baseline counted once per period compared.
 * A nominal target is reached (1) or not (0). The change against the baseline always uses the latest value.
 * `periods` defaults to the indicator's schedule (which then must be valid: 422 `validation_failed` otherwise).
 */
export function indicatorProgress(ind: Omit<Indicator, 'id' | 'nodeId'>, reports: readonly ReportedValue[], periods: readonly ReportingPeriod[] = reportingPeriods(ind.schedule)): IndicatorProgress {
  const none: IndicatorProgress = { latestPeriodKey: null, latest: null, actual: null, target: null, periodsCompared: [], progress: null, percent: null, achieved: null, change: null, missing: null };
  if (!isNumericMeasure(ind.measure)) return { ...none, missing: 'qualitative' };
  const series = periodValues(ind, periods, reports);
  if (series.length === 0) return { ...none, missing: 'no_data' };
  const last = series[series.length - 1];
  const latest = { ...none, latestPeriodKey: last.period.key, latest: last.value };
  if (!last.value) return { ...latest, missing: 'values_disagree' };
  const baseline = ind.baseline ? numericValue(ind.measure, ind.baseline.value) : null;
  const change = baseline && ind.measure !== 'nominal' ? changeFromBaseline(ind.direction, baseline, last.value) : null;
  const targets = new Map<string, Fraction>();
  for (const t of ind.targets) {
    const v = numericValue(ind.measure, t.value);
    if (v) targets.set(t.periodKey, v);
  }

  let actual: Fraction;
  let target: Fraction;
  let base: Fraction | null = baseline;
  let compared: string[];
  if (ind.valueKind === 'per_period' && ind.measure === 'unit' && aggregationOf(ind) === 'sum') {
    const pairs = series.filter((s) => s.value && targets.has(s.period.key));
    if (pairs.length === 0) return { ...latest, change, missing: 'no_target' };
    actual = pairs.reduce((a, s) => addF(a, s.value!), frac(0));
    target = pairs.reduce((a, s) => addF(a, targets.get(s.period.key)!), frac(0));
    base = baseline ? mulF(baseline, frac(pairs.length)) : null;
    compared = pairs.map((s) => s.period.key);
  } else {
    const at = periods.findIndex((p) => p.key === last.period.key);
    const keyed = periods.map((p, i) => ({ i, key: p.key })).filter((p) => targets.has(p.key));
    const pick = keyed.find((p) => p.i >= at) ?? keyed[keyed.length - 1];
    if (!pick) return { ...latest, change, missing: 'no_target' };
    actual = last.value;
    target = targets.get(pick.key)!;
    compared = [last.period.key];
    if (pick.key !== last.period.key) compared.push(pick.key);
  }

  let progress: Fraction | null;
  let missing: MissingReason | null = null;
  if (ind.measure === 'nominal') progress = frac(cmpF(actual, target) === 0 ? 1 : 0);
  else {
    progress = progressTowardTarget(ind.direction, actual, target, base);
    if (!progress) missing = base ? 'contradicts_direction' : 'no_baseline';
  }
  return {
    ...latest,
    actual,
    target,
    periodsCompared: compared,
    progress,
    percent: progress ? cappedPercent(progress) : null,
    achieved: progress ? cmpF(progress, frac(1)) >= 0 : null,
    change,
    missing,
  };
}

/**
 * The approved values of one period by cell key (see `cellKey`), combined across partners like the totals.
 * Each report's breakdown lists its cells; values that do not parse are left out.
 */
export function breakdownByCell(
  ind: Pick<Indicator, 'measure' | 'aggregation' | 'dimensions'>,
  reports: readonly { periodKey: string; status: string; breakdown: readonly BreakdownValue[] }[],
  periodKey: string,
): Map<string, Fraction | null> {
  const cells = new Map<string, Fraction[]>();
  for (const r of reports) {
    if (r.status !== 'approved' || r.periodKey !== periodKey) continue;
    for (const b of r.breakdown) {
      const v = numericValue(ind.measure, b.value);
      if (!v) continue;
      const key = cellKey(ind.dimensions, b.cell);
      cells.set(key, [...(cells.get(key) ?? []), v]);
    }
  }
  return new Map([...cells].map(([k, vs]) => [k, combineValues(ind, vs)]));
}
