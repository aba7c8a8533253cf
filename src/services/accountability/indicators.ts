/**
 * Indicators of a partnership's results framework and the partners' reports on them: defining an indicator
 * (results.manage), a responsible partner's draft -> submit (results.report, for the organisations the person
 * speaks for), the convener's return or approval (results.review; approved values are locked), and the reads:
 * indicator detail with its series, the review queue, the reporting calendar, the progress summary of the
 * dashboard and the report items of the scorecard.
 *
 * Progress reads a bounded number of rows: approving a submission refreshes the (indicator, period) aggregate of
 * approved values in the same transaction, the indicator's latest approved period moves forward with it, and the
 * indicator's progress snapshot is recomputed, so the dashboard reads one row per indicator.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Deps, Unit } from '../context';
import { inTransaction } from '../context';
import { loadFor } from '../partnerships/partnerships';
import { can, type Actor, type Resource } from '../../domain/access/can';
import { DomainError, forbidden, issue, notFound, type FieldIssue } from '../../domain/kernel/errors';
import { msg, type Msg } from '../../domain/kernel/messages';
import { decimalText, decimalTextOrNull, MAX_DECIMAL_LENGTH } from '../../domain/kernel/decimal';
import { frac, type Fraction } from '../../domain/kernel/fraction';
import {
  aggregationOf, breakdownByCell, cellKey, checkIndicator, combineValues, IATI_MEASURE_CODES, indicatorProgress, isNumericMeasure, numericValue,
  type Aggregation, type BreakdownValue, type Dimension, type Direction, type Indicator, type IndicatorCodelists, type IndicatorProgress, type Measure,
  type ReportedValue, type ValueKind,
} from '../../domain/accountability/indicators';
import { reportingPeriods, type Frequency, type ReportingPeriod } from '../../domain/accountability/indicators-periods';
import {
  assertEditable, checkSubmissionTiming, checkSubmissionValues, decideSubmissionAction, mayReportFor, nextSubmissionActions, reportState, submittedOnTime,
  EDITABLE_STATUSES, type SubmissionAction, type SubmissionStatus,
} from '../../domain/accountability/indicators-submissions';
import { checkResultsTree, rollUp, type IndicatorPlacement, type MissingPolicy, type NodeProgress, type ResultLevel, type ResultNode } from '../../domain/accountability/results';
import { parseWeight } from '../../domain/accountability/results-exact';
import type { DueItem } from '../../domain/accountability/scorecard';
import * as repo from '../../store/repositories/results.repository';
import type { IndicatorRow, PartnerRow, ResultNodeRow, SubmissionRow, TargetRow } from '../../store/repositories/results.repository';
import type { PartnershipRecord } from '../../store/repositories/partnerships.repository';
import type { Tx } from '../../store/database';
import { readIatiCodelist } from '../../standards/codelists';

export const actorId = (actor: Actor) => (actor.kind === 'user' ? actor.id : null);
export const resourceOf = (p: PartnershipRecord): Resource => ({ type: 'partnership', id: p.id, visibility: p.visibility });
const dayOf = (now: string) => now.slice(0, 10);

// ---- reference lists ------------------------------------------------------------------------------

let listsCache: { dir: string; lists: IndicatorCodelists } | null = null;
/**
 * SDG indicator codes and the IATI IndicatorMeasure codes, read once per process from `standards/`.
 * (The shared code lists load SDG goals and targets only; the indicators are needed here alone.)
 */
export function indicatorLists(deps: Pick<Deps, 'config'>): IndicatorCodelists {
  const dir = deps.config.standardsDir;
  if (listsCache?.dir === dir) return listsCache.lists;
  const sdg = JSON.parse(fs.readFileSync(path.join(dir, 'sdg', 'sdg-goals-targets-indicators.json'), 'utf8')) as { indicators: { code: string }[] };
  const measures = readIatiCodelist(path.join(dir, 'iati', 'codelists', 'IndicatorMeasure.xml')).map((c) => c.code);
  listsCache = { dir, lists: { sdgIndicators: new Set(sdg.indicators.map((i) => i.code)), measures: new Set(measures) } };
  return listsCache.lists;
}

// ---- exact values in and out ----------------------------------------------------------------------

/** An exact number as text: its decimal form, or "n/d" when it repeats forever. */
export const exact = (f: Fraction | null): string | null => (f === null ? null : (decimalTextOrNull(f) ?? `${f.num}/${f.den}`));

/**
 * The stored form of a value: canonical decimal text for numeric measures (so "0012.50" and 12.5 are one value),
 * the text itself for qualitative ones. Null when it cannot be stored exactly within the decimal length limit.
 */
function storedValue(measure: Measure, raw: unknown): string | null {
  if (!isNumericMeasure(measure)) return typeof raw === 'string' ? raw : null;
  const f = numericValue(measure, raw);
  if (!f) return null;
  const text = decimalText(f);
  return text.length <= MAX_DECIMAL_LENGTH ? text : null;
}

/** The stored form of a weight: "n/d" for a ratio, canonical decimal text otherwise; undefined when invalid or too long. */
export function storedWeight(raw: string | number | null | undefined): string | null | undefined {
  if (raw === null || raw === undefined || raw === '') return null;
  const f = parseWeight(raw);
  if (!f || f.num <= 0n) return undefined;
  const text = typeof raw === 'string' && raw.includes('/') ? `${f.num}/${f.den}` : (decimalTextOrNull(f) ?? `${f.num}/${f.den}`);
  return text.length <= MAX_DECIMAL_LENGTH ? text : undefined;
}

const tooLong = (field: string): FieldIssue => issue(field, msg('results.decimal_too_long', { max: MAX_DECIMAL_LENGTH }), 'too_long');

// ---- rows <-> domain ------------------------------------------------------------------------------

export function toIndicator(r: IndicatorRow, targets: readonly TargetRow[], partners: readonly string[]): Indicator {
  return {
    id: r.id, nodeId: r.node_id, weight: r.weight, title: r.title, definition: r.definition, unit: r.unit,
    measure: r.measure as Measure, direction: r.direction as Direction, valueKind: r.value_kind as ValueKind, aggregation: (r.aggregation as Aggregation | null) ?? null,
    baseline: r.baseline_value !== null && r.baseline_date !== null ? { value: r.baseline_value, date: r.baseline_date } : null,
    targets: targets.map((t) => ({ periodKey: t.period_key, value: t.value })),
    dimensions: JSON.parse(r.dimensions) as Dimension[],
    sdgIndicators: JSON.parse(r.sdg_indicators) as string[],
    responsiblePartnerIds: [...partners],
    schedule: { frequency: r.frequency as Frequency, start: r.schedule_start, end: r.schedule_end, graceDays: r.grace_days, fiscalYearStartMonth: r.fiscal_year_start_month },
  };
}

export const toResultNode = (n: ResultNodeRow): ResultNode => ({ id: n.id, level: n.level as ResultLevel, parentId: n.parent_id, title: n.title, weight: n.weight });
const placementOf = (i: IndicatorRow): IndicatorPlacement => ({ id: i.id, nodeId: i.node_id, weight: i.weight });

const groupBy = <T, K>(xs: readonly T[], key: (x: T) => K): Map<K, T[]> => {
  const out = new Map<K, T[]>();
  for (const x of xs) {
    const k = key(x);
    const list = out.get(k);
    if (list) list.push(x);
    else out.set(k, [x]);
  }
  return out;
};

/**
 * Checks the whole tree after a change and throws 422 with every problem. Problems of the changed item name the
 * request's field (`weight`, `parentId`, `nodeId`); problems it causes elsewhere (a sibling left without a weight)
 * name the same field and say which result or indicator is affected.
 */
export function assertTree(nodes: readonly ResultNode[], placements: readonly IndicatorPlacement[], focus: { kind: 'node' | 'indicator' | 'many'; id?: string }, titles: ReadonlyMap<string, string>): void {
  const issues = checkResultsTree(nodes, placements);
  if (issues.length === 0) return;
  const mapped = issues.map((i) => {
    const m = /^(nodes|indicators)\.(\d+)(?:\.(.+))?$/.exec(i.field);
    if (!m) return i;
    const item = m[1] === 'nodes' ? nodes[Number(m[2])] : placements[Number(m[2])];
    const field = m[3] ?? 'id';
    const title = titles.get(item.id) ?? item.id;
    if (focus.kind === 'many') return issue('weights', msg('results.tree.about_item', { title, message: i.msg ?? i.message }), i.code);
    if (item.id === focus.id && (m[1] === 'nodes') === (focus.kind === 'node')) return { ...i, field };
    return issue(field, msg('results.tree.about_item_quoted', { title, message: i.msg ?? i.message }), i.code);
  });
  throw new DomainError('validation_failed', msg('results.tree.would_not_hold'), mapped);
}

// ---- progress: the dashboard's summary ------------------------------------------------------------

const presentNodeProgress = (p: NodeProgress | undefined) =>
  p
    ? { progress: exact(p.progress), percent: p.percent, method: p.method, coverage: exact(p.coverage)!, missing: p.missing }
    : { progress: null, percent: null, method: 'average' as const, coverage: '0', missing: [] };

export const presentIndicatorProgress = (p: IndicatorProgress) => ({
  latestPeriodKey: p.latestPeriodKey,
  latest: exact(p.latest),
  actual: exact(p.actual),
  target: exact(p.target),
  periodsCompared: p.periodsCompared,
  progress: exact(p.progress),
  percent: p.percent,
  achieved: p.achieved,
  changePercent: p.change?.changePercent ?? null,
  improvementPercent: p.change?.improvementPercent ?? null,
  missing: p.missing,
});

/** The approved values of aggregate rows as the domain's reported values (one per approving partner). */
const reportedFrom = (rows: readonly repo.PeriodValueRow[]): ReportedValue[] =>
  rows.flatMap((r) => (JSON.parse(r.approved_values) as string[]).map((value, k) => ({ periodKey: r.period_key, partnerId: String(k), status: 'approved', value })));

// ---- progress snapshots -----------------------------------------------------------------------------

/**
 * The version of the progress computation a stored snapshot was made with. Change it whenever
 * `indicatorProgress` or `presentIndicatorProgress` changes what they give: older snapshots are then
 * ignored (computed afresh on read) until the indicator is next written.
 */
export const PROGRESS_VERSION = 1;

type PresentedProgress = ReturnType<typeof presentIndicatorProgress>;
interface ProgressSnapshot { v: number; progress: string | null; presented: PresentedProgress }

const snapshotText = (p: IndicatorProgress): string =>
  JSON.stringify({ v: PROGRESS_VERSION, progress: p.progress ? `${p.progress.num}/${p.progress.den}` : null, presented: presentIndicatorProgress(p) } satisfies ProgressSnapshot);

/** A stored snapshot of the current version, or null (none, unreadable or of another version). */
function readSnapshot(text: string | null): { progress: Fraction | null; presented: PresentedProgress } | null {
  if (!text) return null;
  try {
    const s = JSON.parse(text) as ProgressSnapshot;
    if (s.v !== PROGRESS_VERSION) return null;
    if (s.progress === null) return { progress: null, presented: s.presented };
    const [num, den] = s.progress.split('/');
    return { progress: frac(BigInt(num), BigInt(den)), presented: s.presented };
  } catch {
    return null;
  }
}

/** Progress of indicators computed from their targets and the aggregates it needs (targeted periods, latest period). */
async function computeProgress(db: Tx, partnershipId: string, inds: readonly IndicatorRow[], all: boolean): Promise<Map<string, IndicatorProgress>> {
  const ids = inds.map((r) => r.id);
  const [targets, aggregates] = await Promise.all([
    repo.targetsOf(db, all ? { partnershipId } : { indicatorIds: ids }),
    repo.progressAggregates(db, partnershipId, all ? undefined : ids),
  ]);
  const targetsBy = groupBy(targets, (t) => t.indicator_id);
  const aggBy = groupBy(aggregates, (a) => a.indicator_id);
  const out = new Map<string, IndicatorProgress>();
  // indicators of a framework share a few schedules: list each schedule's periods once, not once per indicator
  const periodsBy = new Map<string, ReportingPeriod[]>();
  for (const r of inds) {
    const ind = toIndicator(r, targetsBy.get(r.id) ?? [], []);
    const key = JSON.stringify(ind.schedule);
    let periods = periodsBy.get(key);
    if (!periods) periodsBy.set(key, (periods = reportingPeriods(ind.schedule)));
    out.set(r.id, indicatorProgress(ind, reportedFrom(aggBy.get(r.id) ?? []), periods));
  }
  return out;
}

/**
 * Recomputes and stores the progress snapshot of one indicator, in the caller's transaction: every write that
 * can change an indicator's progress (its definition or targets, an approved report) calls it.
 */
export async function refreshIndicatorProgress(db: Tx, partnershipId: string, indicatorId: string, known?: IndicatorRow): Promise<void> {
  // `known`: the indicator as the caller has just read and written it, so that it is not read again
  const row = known ?? (await repo.findIndicator(db, partnershipId, indicatorId));
  if (!row) return;
  const p = (await computeProgress(db, partnershipId, [row], false)).get(row.id)!;
  await repo.updateIndicator(db, row.id, { progress: snapshotText(p) });
}

/**
 * Recomputes every indicator snapshot of a partnership (after a bulk load that bypassed the services, or to
 * refresh snapshots of an older computation version at once). Returns how many it wrote.
 */
export async function refreshAllIndicatorProgress(db: Tx, partnershipId: string): Promise<number> {
  const inds = await repo.listIndicators(db, partnershipId);
  const computed = await computeProgress(db, partnershipId, inds, true);
  for (const r of inds) await repo.updateIndicator(db, r.id, { progress: snapshotText(computed.get(r.id)!) });
  return inds.length;
}

/**
 * The roll-up of the results tree with each node's progress and, per indicator, the latest approved value, the
 * target it is compared with, progress and the change against the baseline in percent. Reads the tree and one
 * row per indicator (its progress snapshot); an indicator without a current snapshot is computed from its
 * targets and the aggregates it needs, so the answer never depends on whether snapshots are there.
 */
export async function indicatorProgressSummary(db: Tx, partnershipId: string, today: string, missing: MissingPolicy = 'skip') {
  const [nodes, inds] = await Promise.all([repo.listNodes(db, partnershipId), repo.listIndicators(db, partnershipId)]);
  const progress = new Map<string, { progress: Fraction | null; presented: PresentedProgress }>();
  const stale: IndicatorRow[] = [];
  for (const r of inds) {
    const snap = readSnapshot(r.progress);
    if (snap) progress.set(r.id, snap);
    else stale.push(r);
  }
  if (stale.length) {
    const computed = await computeProgress(db, partnershipId, stale, stale.length === inds.length);
    for (const [id, p] of computed) progress.set(id, { progress: p.progress, presented: presentIndicatorProgress(p) });
  }
  const rolled = rollUp(nodes.map(toResultNode), inds.map(placementOf), new Map([...progress].map(([id, p]) => [id, p.progress])), missing);
  return {
    asOf: today,
    missing,
    overall: presentNodeProgress(rolled.overall),
    nodes: nodes.map((n) => ({
      id: n.id, level: n.level as ResultLevel, parentId: n.parent_id, goalId: n.goal_id, title: n.title, description: n.description, weight: n.weight, position: n.position,
      progress: presentNodeProgress(rolled.nodes.get(n.id)),
    })),
    indicators: inds.map((r) => ({
      id: r.id, nodeId: r.node_id, weight: r.weight, title: r.title, unit: r.unit, measure: r.measure as Measure, direction: r.direction as Direction,
      valueKind: r.value_kind as ValueKind, frequency: r.frequency as Frequency, progress: progress.get(r.id)!.presented,
    })),
  };
}

// ---- reporting items: the scorecard and the calendar ----------------------------------------------

interface CalendarCell {
  indicator: IndicatorRow;
  period: ReportingPeriod;
  partner: PartnerRow;
  submission: { id: string; status: string; first_submitted_on: string | null } | null;
}

/** Every (indicator, period, responsible partner) with its submission, when there is one. */
async function calendarCells(db: Tx, partnershipId: string, f: { indicatorId?: string; partnerId?: string; keep?: (p: ReportingPeriod, done: boolean) => boolean } = {}): Promise<CalendarCell[]> {
  const [inds, partners, states] = await Promise.all([repo.listIndicators(db, partnershipId), repo.partnersOf(db, { partnershipId }), repo.submissionStates(db, partnershipId, f.indicatorId)]);
  const partnersBy = groupBy(partners, (p) => p.indicator_id);
  const stateOf = new Map(states.map((s) => [`${s.indicator_id}\u0000${s.period_key}\u0000${s.partner_id}`, s]));
  const out: CalendarCell[] = [];
  for (const ind of inds) {
    if (f.indicatorId && ind.id !== f.indicatorId) continue;
    const periods = reportingPeriods(toIndicator(ind, [], []).schedule);
    for (const period of periods) {
      for (const partner of partnersBy.get(ind.id) ?? []) {
        if (f.partnerId && partner.organisation_id !== f.partnerId) continue;
        const s = stateOf.get(`${ind.id}\u0000${period.key}\u0000${partner.organisation_id}`) ?? null;
        if (f.keep && !f.keep(period, s?.first_submitted_on != null)) continue;
        out.push({ indicator: ind, period, partner, submission: s });
      }
    }
  }
  return out;
}

/**
 * The reports partners owe, for the scorecard and the overdue board: one item per responsible partner, indicator
 * and reporting period that has begun (so it is due, or soon) or was submitted; `doneOn` is the day it was first
 * submitted (a draft is not done; a returned report stays done on its first submission day).
 */
export async function reportDueItems(db: Tx, partnershipId: string, today: string): Promise<DueItem[]> {
  const cells = await calendarCells(db, partnershipId, { keep: (p, done) => done || p.start <= today });
  return cells.map((c) => ({
    id: `${c.indicator.id}:${c.period.key}:${c.partner.organisation_id}`,
    kind: 'report' as const,
    partner: c.partner.organisation_id,
    dueOn: c.period.dueOn,
    doneOn: c.submission?.first_submitted_on ?? null,
    label: `${c.indicator.title} (${c.period.key})`,
  }));
}

/** The reporting calendar: periods x partners with where each report stands today. */
export async function reportingCalendar(deps: Deps, anyActor: Actor, id: string, f: { indicatorId?: string; partnerId?: string; from?: string; to?: string }) {
  const db = deps.database.db;
  await loadFor(db, anyActor, id, 'partnership.results.read');
  const today = dayOf(deps.clock());
  const cells = await calendarCells(db, id, { ...f, keep: (p) => (!f.from || p.dueOn >= f.from) && (!f.to || p.dueOn <= f.to) });
  return {
    asOf: today,
    items: cells.map((c) => {
      const status = (c.submission?.status ?? null) as SubmissionStatus | null;
      const first = c.submission?.first_submitted_on ?? null;
      return {
        indicatorId: c.indicator.id, indicatorTitle: c.indicator.title, periodKey: c.period.key, start: c.period.start, end: c.period.end, dueOn: c.period.dueOn,
        partnerId: c.partner.organisation_id, partnerName: c.partner.organisation_name, submissionId: c.submission?.id ?? null, status,
        state: reportState(c.period, status, today), firstSubmittedOn: first, onTime: first ? submittedOnTime(c.period, first) : null,
      };
    }),
  };
}

// ---- indicators: reads ----------------------------------------------------------------------------

type Capability = 'manage' | 'report' | 'review';
export const capabilities = (actor: Actor, p: PartnershipRecord): Capability[] =>
  (
    [
      ['manage', 'partnership.results.manage'],
      ['report', 'partnership.results.report'],
      ['review', 'partnership.results.review'],
    ] as const
  )
    .filter(([, a]) => can(actor, a, resourceOf(p)))
    .map(([c]) => c);

async function loadIndicator(db: Tx, partnershipId: string, indicatorId: string) {
  const row = await repo.findIndicator(db, partnershipId, indicatorId);
  if (!row) throw notFound(msg('results.the_indicator'));
  const [targets, partners] = await Promise.all([repo.targetsOf(db, { indicatorIds: [row.id] }), repo.partnersOf(db, { indicatorIds: [row.id] })]);
  return { row, targets, partners, ind: toIndicator(row, targets, partners.map((p) => p.organisation_id)) };
}

async function indicatorDetail(db: Tx, actor: Actor, p: PartnershipRecord, today: string, loaded: Awaited<ReturnType<typeof loadIndicator>>) {
  const { row, targets, partners, ind } = loaded;
  const [aggregates, states, approved] = await Promise.all([repo.periodValuesOf(db, row.id), repo.submissionStates(db, p.id, row.id), repo.approvedOf(db, row.id)]);
  const cells = await repo.cellsOf(db, approved.map((a) => a.id));
  const periods = reportingPeriods(ind.schedule);
  const progress = indicatorProgress(ind, reportedFrom(aggregates), periods);
  const aggBy = new Map(aggregates.map((a) => [a.period_key, a]));
  const targetBy = new Map(targets.map((t) => [t.period_key, t.value]));
  const stateBy = new Map(states.map((s) => [`${s.period_key}\u0000${s.partner_id}`, s]));
  const approvedPeriod = new Map(approved.map((a) => [a.id, a.period_key]));
  const cellsByPeriod = groupBy(cells, (c) => approvedPeriod.get(c.submission_id)!);
  const series = periods.map((period) => {
    const agg = aggBy.get(period.key);
    const values = agg ? (JSON.parse(agg.approved_values) as string[]).map((v) => numericValue(ind.measure, v)).filter((v): v is Fraction => v !== null) : [];
    const periodCells = cellsByPeriod.get(period.key) ?? [];
    const reports = [...groupBy(periodCells, (c) => c.submission_id)].map(([, cs]) => ({
      periodKey: period.key, status: 'approved', breakdown: cs.map((c) => ({ cell: JSON.parse(c.cell) as Record<string, string>, value: c.value }) as BreakdownValue),
    }));
    const cellNames = new Map(periodCells.map((c) => [c.cell_key, JSON.parse(c.cell) as Record<string, string>]));
    const breakdown = [...breakdownByCell(ind, reports, period.key)].map(([key, v]) => ({ cellKey: key, cell: cellNames.get(key) ?? {}, value: exact(v) }));
    return {
      periodKey: period.key, start: period.start, end: period.end, dueOn: period.dueOn,
      target: targetBy.get(period.key) ?? null,
      actual: isNumericMeasure(ind.measure) ? exact(combineValues(ind, values)) : null,
      approvedCount: agg?.approved_count ?? 0,
      reports: partners.map((pr) => {
        const s = stateBy.get(`${period.key}\u0000${pr.organisation_id}`);
        const status = (s?.status ?? null) as SubmissionStatus | null;
        return { partnerId: pr.organisation_id, status, state: reportState(period, status, today), submissionId: s?.id ?? null };
      }),
      breakdown,
    };
  });
  return {
    id: row.id, partnershipId: row.partnership_id, nodeId: row.node_id, weight: row.weight, title: row.title, definition: row.definition, unit: row.unit,
    measure: ind.measure, iatiMeasureCode: IATI_MEASURE_CODES[ind.measure], direction: ind.direction, valueKind: ind.valueKind, aggregation: aggregationOf(ind),
    baseline: row.baseline_value !== null && row.baseline_date !== null ? { value: row.baseline_value, date: row.baseline_date } : null,
    targets: targets.map((t) => ({ periodKey: t.period_key, value: t.value })),
    dimensions: ind.dimensions, sdgIndicators: ind.sdgIndicators,
    responsiblePartners: partners.map((x) => ({ organisationId: x.organisation_id, organisationName: x.organisation_name })),
    schedule: { frequency: ind.schedule.frequency, start: ind.schedule.start, end: ind.schedule.end, graceDays: row.grace_days, fiscalYearStartMonth: row.fiscal_year_start_month },
    progress: presentIndicatorProgress(progress),
    series,
    allowedActions: capabilities(actor, p),
    createdAt: row.created_at, updatedAt: row.updated_at,
  };
}

/** An indicator with its targets, partners, progress and series (target against actual per period, disaggregated). */
export async function getIndicator(deps: Deps, anyActor: Actor, id: string, indicatorId: string) {
  const db = deps.database.db;
  const { p, actor } = await loadFor(db, anyActor, id, 'partnership.results.read');
  return indicatorDetail(db, actor, p, dayOf(deps.clock()), await loadIndicator(db, id, indicatorId));
}

// ---- indicators: writes ---------------------------------------------------------------------------

export interface IndicatorInput {
  nodeId: string;
  weight?: string | number | null;
  title: string;
  definition: string;
  unit: string;
  measure: Measure;
  direction: Direction;
  valueKind: ValueKind;
  aggregation?: Aggregation | null;
  baseline?: { value: string | number; date: string } | null;
  targets: { periodKey: string; value: string | number }[];
  dimensions: Dimension[];
  sdgIndicators: string[];
  responsiblePartnerIds: string[];
  schedule: { frequency: Frequency; start: string; end: string; graceDays?: number; fiscalYearStartMonth?: number };
}

/** Checks an indicator as a whole (domain rules, members, exact storage, the tree) and returns its stored columns. */
async function validIndicator(deps: Deps, u: Unit, partnershipId: string, id: string, input: IndicatorInput) {
  const members = await repo.currentMembers(u.trx, partnershipId, input.responsiblePartnerIds);
  const candidate = { ...input, title: input.title.trim(), definition: input.definition.trim(), unit: input.unit.trim(), baseline: input.baseline ?? null, aggregation: input.aggregation ?? null };
  const issues = checkIndicator(candidate, indicatorLists(deps), { partnerIds: members });
  const weight = storedWeight(input.weight);
  if (weight === undefined) issues.push(issue('weight', msg('results.weight_invalid'), 'invalid_weight'));
  const baseline = candidate.baseline ? storedValue(input.measure, candidate.baseline.value) : null;
  if (candidate.baseline && baseline === null && !issues.some((i) => i.field.startsWith('baseline'))) issues.push(tooLong('baseline.value'));
  const targets = candidate.targets.map((t, i) => {
    const v = storedValue(input.measure, t.value);
    if (v === null && !issues.some((x) => x.field.startsWith(`targets.${i}`))) issues.push(tooLong(`targets.${i}.value`));
    return { periodKey: t.periodKey, value: v ?? '' };
  });
  if (issues.length) throw new DomainError('validation_failed', msg('results.indicator_invalid'), issues);
  const [nodes, inds] = await Promise.all([repo.listNodes(u.trx, partnershipId), repo.listIndicators(u.trx, partnershipId)]);
  const placements = inds.filter((i) => i.id !== id).map(placementOf);
  placements.push({ id, nodeId: input.nodeId, weight: weight ?? null });
  assertTree(nodes.map(toResultNode), placements, { kind: 'indicator', id }, new Map([...nodes.map((n) => [n.id, n.title] as const), ...inds.map((i) => [i.id, i.title] as const)]));
  const columns = {
    node_id: input.nodeId, weight: weight ?? null, title: candidate.title, definition: candidate.definition, unit: candidate.unit,
    measure: input.measure, direction: input.direction, value_kind: input.valueKind, aggregation: candidate.aggregation,
    baseline_value: baseline, baseline_date: candidate.baseline?.date ?? null,
    frequency: input.schedule.frequency, schedule_start: input.schedule.start, schedule_end: input.schedule.end,
    grace_days: input.schedule.graceDays ?? 0, fiscal_year_start_month: input.schedule.fiscalYearStartMonth ?? 1,
    dimensions: JSON.stringify(input.dimensions.map((d) => ({ key: d.key, ...(d.label ? { label: d.label } : {}), values: d.values }))),
    sdg_indicators: JSON.stringify(input.sdgIndicators),
  };
  return { columns, targets, partners: input.responsiblePartnerIds };
}

const auditableIndicator = (c: Record<string, unknown>, targets: unknown, partners: unknown) => ({ ...c, targets, responsiblePartnerIds: partners });

/** Defines an indicator under a result (conveners). */
export async function createIndicator(deps: Deps, anyActor: Actor, id: string, input: IndicatorInput) {
  return inTransaction(deps, async (u) => {
    const { p, actor } = await loadFor(u, anyActor, id, 'partnership.results.manage');
    const indicatorId = deps.newId();
    const v = await validIndicator(deps, u, id, indicatorId, input);
    const row: IndicatorRow = { id: indicatorId, partnership_id: id, ...v.columns, latest_period_key: null, progress: null, position: await repo.nextPosition(u.trx, 'indicators', id), created_at: u.now, updated_at: u.now };
    await repo.insertIndicator(u.trx, row);
    await repo.replaceTargets(u.trx, id, indicatorId, v.targets);
    await repo.replacePartners(u.trx, id, indicatorId, v.partners);
    await refreshIndicatorProgress(u.trx, id, indicatorId);
    await u.audit({ partnershipId: id, actorId: actorId(actor), action: 'indicator.added', entityType: 'indicator', entityId: indicatorId, after: auditableIndicator(v.columns, v.targets, v.partners) });
    return indicatorDetail(u.trx, actor, p, dayOf(u.now), await loadIndicator(u.trx, id, indicatorId));
  });
}

/** Fields that give stored values their meaning: fixed once anything was reported. */
const MEANING = ['measure', 'valueKind', 'aggregation', 'dimensions'] as const;

/** Changes an indicator (conveners); the result is checked as a whole, and the tree with it. */
export async function updateIndicator(deps: Deps, anyActor: Actor, id: string, indicatorId: string, patch: Partial<IndicatorInput>) {
  return inTransaction(deps, async (u) => {
    const { p, actor } = await loadFor(u, anyActor, id, 'partnership.results.manage');
    const before = await loadIndicator(u.trx, id, indicatorId);
    const current: IndicatorInput = {
      nodeId: before.ind.nodeId, weight: before.ind.weight ?? null, title: before.ind.title, definition: before.ind.definition, unit: before.ind.unit,
      measure: before.ind.measure, direction: before.ind.direction, valueKind: before.ind.valueKind, aggregation: before.ind.aggregation ?? null,
      baseline: before.ind.baseline, targets: before.ind.targets, dimensions: before.ind.dimensions, sdgIndicators: before.ind.sdgIndicators,
      responsiblePartnerIds: before.ind.responsiblePartnerIds, schedule: before.ind.schedule,
    };
    const next: IndicatorInput = { ...current, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
    const reported = await repo.submittedPeriods(u.trx, indicatorId);
    if (reported.length) {
      const changed = MEANING.filter((k) => patch[k] !== undefined && JSON.stringify(patch[k] ?? null) !== JSON.stringify(current[k] ?? null));
      if (changed.length) {
        throw new DomainError('conflict', msg('results.indicator.definition_fixed'), changed.map((field) => issue(field, msg('results.indicator.fixed_once_reported'), 'locked')));
      }
      if (patch.schedule) {
        const keys = new Set(reportingPeriods(next.schedule).map((x) => x.key));
        const orphaned = reported.filter((k) => !keys.has(k));
        if (orphaned.length) throw new DomainError('conflict', msg('results.indicator.periods_orphaned', { periods: orphaned.slice(0, 5).join(', ') }), [issue('schedule', msg('results.indicator.keep_reported_periods'), 'locked')]);
      }
    }
    const v = await validIndicator(deps, u, id, indicatorId, next);
    await repo.updateIndicator(u.trx, indicatorId, { ...v.columns, updated_at: u.now });
    if (patch.targets) await repo.replaceTargets(u.trx, id, indicatorId, v.targets);
    if (patch.responsiblePartnerIds) await repo.replacePartners(u.trx, id, indicatorId, v.partners);
    await refreshIndicatorProgress(u.trx, id, indicatorId);
    const { created_at: _c, updated_at: _u, id: _i, partnership_id: _p, latest_period_key: _l, progress: _g, position: _pos, ...beforeColumns } = before.row;
    void _c; void _u; void _i; void _p; void _l; void _g; void _pos;
    await u.audit({
      partnershipId: id, actorId: actorId(actor), action: 'indicator.updated', entityType: 'indicator', entityId: indicatorId,
      before: auditableIndicator(beforeColumns, before.ind.targets, before.ind.responsiblePartnerIds), after: auditableIndicator(v.columns, v.targets, v.partners),
    });
    return indicatorDetail(u.trx, actor, p, dayOf(u.now), await loadIndicator(u.trx, id, indicatorId));
  });
}

/** Removes an indicator nothing was reported on yet (conveners); reported values keep their history. */
export async function removeIndicator(deps: Deps, anyActor: Actor, id: string, indicatorId: string) {
  await inTransaction(deps, async (u) => {
    const { actor } = await loadFor(u, anyActor, id, 'partnership.results.manage');
    const before = await loadIndicator(u.trx, id, indicatorId);
    if ((await repo.submittedPeriods(u.trx, indicatorId)).length) {
      throw new DomainError('conflict', msg('results.indicator.has_reports'), [issue('indicatorId', msg('results.indicator.has_reported_values'), 'has_reports')]);
    }
    await repo.deleteIndicator(u.trx, indicatorId);
    await u.audit({ partnershipId: id, actorId: actorId(actor), action: 'indicator.removed', entityType: 'indicator', entityId: indicatorId, before: { title: before.row.title, nodeId: before.row.node_id }, after: null });
  });
}

// ---- submissions ----------------------------------------------------------------------------------

/** The organisations the actor speaks for in the partnership (every one for a platform admin). */
async function speaksFor(db: Tx, actor: Actor, partnershipId: string): Promise<{ any: boolean; orgs: Set<string> }> {
  if (actor.kind !== 'user') return { any: false, orgs: new Set() };
  if (actor.isAdmin) return { any: true, orgs: new Set() };
  return { any: false, orgs: new Set(await repo.organisationsSpokenFor(db, partnershipId, actor.id)) };
}
const speaksForOrg = (s: { any: boolean; orgs: Set<string> }, org: string) => s.any || s.orgs.has(org);

export interface ValuesInput {
  value?: string | number | null;
  breakdown?: BreakdownValue[];
  note?: string | null;
}

/** The values checked for the indicator and put in their stored form; a draft may still lack its total. */
function storedValues(ind: Indicator, input: ValuesInput, draft: boolean) {
  const issues = checkSubmissionValues(ind, { value: input.value ?? null, breakdown: input.breakdown, note: input.note ?? null }).filter(
    (i) => !(draft && i.field === 'value' && i.code === 'required'),
  );
  const value = input.value === null || input.value === undefined || input.value === '' ? null : storedValue(ind.measure, input.value);
  if (input.value != null && input.value !== '' && value === null && !issues.some((i) => i.field === 'value')) issues.push(tooLong('value'));
  const cells = (input.breakdown ?? []).map((b, i) => {
    const v = storedValue(ind.measure, b.value);
    if (v === null && !issues.some((x) => x.field.startsWith(`breakdown.${i}`))) issues.push(tooLong(`breakdown.${i}.value`));
    const key = cellKey(ind.dimensions, b.cell);
    const ordered = Object.fromEntries(ind.dimensions.filter((d) => b.cell[d.key] !== undefined).map((d) => [d.key, b.cell[d.key]]));
    return { key, cell: JSON.stringify(ordered), value: v ?? '' };
  });
  if (issues.length) throw new DomainError('validation_failed', msg('results.submission.values_invalid'), issues);
  return { value, note: input.note?.trim() || null, cells };
}

const snapshot = (value: string | null, note: string | null, cells: readonly { key: string; value: string }[]) =>
  JSON.stringify({ value, note, breakdown: cells.map((c) => ({ cellKey: c.key, value: c.value })) });

async function record(deps: Deps, u: Unit, actor: Actor, s: SubmissionRow, action: string, from: SubmissionStatus | null, comment: string | null, cells?: readonly { key: string; value: string }[]) {
  await repo.insertEvent(u.trx, {
    id: deps.newId(), submission_id: s.id, partnership_id: s.partnership_id, action, from_status: from, to_status: s.status, comment,
    snapshot: cells ? snapshot(s.value, s.note, cells) : null, actor_id: actorId(actor), at: u.now,
  });
  await u.audit({
    partnershipId: s.partnership_id, actorId: actorId(actor), action: `indicator_submission.${action === 'create' ? 'created' : action === 'update' ? 'updated' : `${action === 'submit' ? 'submitted' : action === 'return' ? 'returned' : 'approved'}`}`,
    entityType: 'indicator_submission', entityId: s.id,
    before: from === null ? null : { status: from },
    after: { status: s.status, indicatorId: s.indicator_id, periodKey: s.period_key, partnerId: s.partner_id, value: s.value, note: s.note, ...(comment ? { comment } : {}) },
  });
}

async function submissionDetail(db: Tx, actor: Actor, p: PartnershipRecord, s: SubmissionRow, today: string) {
  const { ind, row } = await loadIndicator(db, p.id, s.indicator_id);
  const [cells, events, names, spoken] = await Promise.all([repo.cellsOf(db, [s.id]), repo.eventsOf(db, s.id), repo.organisationNames(db, [s.partner_id]), speaksFor(db, actor, p.id)]);
  const actors = await repo.userNames(db, events.map((e) => e.actor_id));
  const period = reportingPeriods(ind.schedule).find((x) => x.key === s.period_key) ?? { key: s.period_key, start: s.period_key, end: s.period_key, dueOn: s.period_key };
  const status = s.status as SubmissionStatus;
  const mine = can(actor, 'partnership.results.report', resourceOf(p)) && speaksForOrg(spoken, s.partner_id);
  const reviewer = can(actor, 'partnership.results.review', resourceOf(p));
  const allowed: ('edit' | SubmissionAction)[] = [];
  if (mine && EDITABLE_STATUSES.includes(status)) allowed.push('edit');
  for (const a of nextSubmissionActions(status)) if (a === 'submit' ? mine : reviewer) allowed.push(a);
  return {
    ...presentSubmission({ ...s, indicator_title: row.title, partner_name: names.get(s.partner_id) ?? '' }),
    partnershipId: s.partnership_id,
    breakdown: cells.map((c) => ({ cellKey: c.cell_key, cell: JSON.parse(c.cell) as Record<string, string>, value: c.value })),
    period: { start: period.start, end: period.end, dueOn: period.dueOn },
    state: reportState(period, status, today),
    onTime: s.first_submitted_on ? submittedOnTime(period, s.first_submitted_on) : null,
    locked: status === 'approved',
    history: events.map((e) => ({
      action: e.action, from: e.from_status as SubmissionStatus | null, to: e.to_status as SubmissionStatus, comment: e.comment,
      actorId: e.actor_id, actorName: e.actor_id ? (actors.get(e.actor_id) ?? null) : null, at: e.at,
    })),
    allowedActions: allowed,
  };
}

const presentSubmission = (s: SubmissionRow & { indicator_title: string; partner_name: string }) => ({
  id: s.id, indicatorId: s.indicator_id, indicatorTitle: s.indicator_title, periodKey: s.period_key, partnerId: s.partner_id, partnerName: s.partner_name,
  status: s.status as SubmissionStatus, value: s.value, note: s.note, firstSubmittedOn: s.first_submitted_on, submittedAt: s.submitted_at,
  reviewedAt: s.reviewed_at, reviewComment: s.review_comment, createdAt: s.created_at, updatedAt: s.updated_at,
});

export interface CreateSubmissionInput extends ValuesInput {
  periodKey: string;
  partnerId: string;
}

/**
 * Saves a responsible partner's draft for one period (representatives and conveners, for an organisation they
 * speak for). One submission per indicator, period and partner: a second one is 409 (edit the first).
 */
export async function createSubmission(deps: Deps, anyActor: Actor, id: string, indicatorId: string, input: CreateSubmissionInput) {
  return inTransaction(deps, async (u) => {
    const { p, actor } = await loadFor(u, anyActor, id, 'partnership.results.report');
    return submissionDetail(u.trx, actor, p, await createSubmissionIn(deps, u, actor, id, indicatorId, input), dayOf(u.now));
  });
}

/**
 * The core of `createSubmission` in the caller's unit of work (the route, and the indicator-values import): the
 * caller has checked `partnership.results.report`; the period, the partner, who speaks for it and the values are
 * checked here. Returns the stored draft; throws a `DomainError` for one it refuses.
 */
export async function createSubmissionIn(deps: Deps, u: Unit, actor: Actor, id: string, indicatorId: string, input: CreateSubmissionInput): Promise<SubmissionRow> {
  const { ind } = await loadIndicator(u.trx, id, indicatorId);
  const period = reportingPeriods(ind.schedule).find((x) => x.key === input.periodKey);
  if (!period) throw new DomainError('validation_failed', msg('results.submission.no_such_period'), [issue('periodKey', msg('results.indicator.not_a_period', { period: String(input.periodKey) }), 'unknown_period')]);
  if (!ind.responsiblePartnerIds.includes(input.partnerId)) {
    throw new DomainError('validation_failed', msg('results.submission.not_reporting_org'), [issue('partnerId', msg('results.submission.not_responsible_partner'), 'not_responsible')]);
  }
  const spoken = await speaksFor(u.trx, actor, id);
  if (!spoken.any && !mayReportFor(spoken.orgs, ind, input.partnerId)) {
    throw new DomainError('forbidden', msg('results.submission.report_only_for_own_organisation'), [issue('partnerId', msg('results.submission.not_spoken_for'))]);
  }
  const timing = checkSubmissionTiming(period, dayOf(u.now));
  if (timing.length) throw new DomainError('validation_failed', msg('results.submission.period_not_begun'), timing);
  const values = storedValues(ind, input, true);
  const existing = await repo.findSubmissionFor(u.trx, indicatorId, period.key, input.partnerId);
  if (existing) throw new DomainError('duplicate', msg('results.submission.exists'), [issue('periodKey', msg('results.submission.already_reported', { id: existing.id }), 'duplicate')]);
  const s: SubmissionRow = {
    id: deps.newId(), partnership_id: id, indicator_id: indicatorId, period_key: period.key, partner_id: input.partnerId, status: 'draft',
    value: values.value, note: values.note, first_submitted_on: null, submitted_at: null, reviewed_at: null, reviewed_by: null, review_comment: null,
    created_by: actorId(actor), created_at: u.now, updated_at: u.now,
  };
  await repo.insertSubmission(u.trx, s);
  await repo.replaceCells(u.trx, id, s.id, values.cells);
  await record(deps, u, actor, s, 'create', null, null, values.cells);
  return s;
}

/** Throws 403 unless the actor speaks for the organisation (its people; every one for a platform admin). */
export async function requireSpeaksFor(db: Tx, actor: Actor, partnershipId: string, partnerId: string, message: string | Msg): Promise<void> {
  if (!speaksForOrg(await speaksFor(db, actor, partnershipId), partnerId)) throw forbidden(message);
}

async function loadSubmission(u: Unit, anyActor: Actor, id: string, submissionId: string, action: 'partnership.results.report' | 'partnership.results.review') {
  const { p, actor } = await loadFor(u, anyActor, id, action);
  const s = await repo.findSubmission(u.trx, id, submissionId);
  if (!s) throw notFound(msg('results.the_submission'));
  return { p, actor, s };
}

/** Changes the values of a draft or returned submission (its own partner's people only; approved ones are locked). */
export async function updateSubmission(deps: Deps, anyActor: Actor, id: string, submissionId: string, input: ValuesInput) {
  return inTransaction(deps, async (u) => {
    const { p, actor, s } = await loadSubmission(u, anyActor, id, submissionId, 'partnership.results.report');
    return submissionDetail(u.trx, actor, p, await updateSubmissionIn(deps, u, actor, id, s, input), dayOf(u.now));
  });
}

/**
 * The core of `updateSubmission` in the caller's unit of work (the route, and the indicator-values import), on a
 * submission the caller loaded from this partnership after checking `partnership.results.report`. Returns the
 * stored row; throws a `DomainError` (403 another partner's, 409 locked or under review, 422 bad values).
 */
export async function updateSubmissionIn(deps: Deps, u: Unit, actor: Actor, id: string, s: SubmissionRow, input: ValuesInput): Promise<SubmissionRow> {
  await requireSpeaksFor(u.trx, actor, id, s.partner_id, msg('results.submission.only_reporter_changes'));
  assertEditable(s.status as SubmissionStatus);
  const { ind } = await loadIndicator(u.trx, id, s.indicator_id);
  const stored = await repo.cellsOf(u.trx, [s.id]);
  const merged: ValuesInput = {
    value: input.value !== undefined ? input.value : s.value,
    note: input.note !== undefined ? input.note : s.note,
    breakdown: input.breakdown ?? stored.map((c) => ({ cell: JSON.parse(c.cell) as Record<string, string>, value: c.value })),
  };
  const values = storedValues(ind, merged, true);
  const next: SubmissionRow = { ...s, value: values.value, note: values.note, updated_at: u.now };
  await repo.updateSubmission(u.trx, s.id, { value: next.value, note: next.note, updated_at: u.now });
  await repo.replaceCells(u.trx, id, s.id, values.cells);
  await record(deps, u, actor, next, 'update', s.status as SubmissionStatus, null, values.cells);
  return next;
}

/** Submits a draft or a returned submission for review (its own partner's people); the total is required now. */
export async function submitSubmission(deps: Deps, anyActor: Actor, id: string, submissionId: string, input: { comment?: string | null } = {}) {
  return inTransaction(deps, async (u) => {
    const { p, actor, s } = await loadSubmission(u, anyActor, id, submissionId, 'partnership.results.report');
    if (!speaksForOrg(await speaksFor(u.trx, actor, id), s.partner_id)) throw forbidden(msg('results.submission.only_reporter_submits'));
    const move = decideSubmissionAction(s.status as SubmissionStatus, 'submit', input);
    const { ind } = await loadIndicator(u.trx, id, s.indicator_id);
    const cells = await repo.cellsOf(u.trx, [s.id]);
    storedValues(ind, { value: s.value, note: s.note, breakdown: cells.map((c) => ({ cell: JSON.parse(c.cell) as Record<string, string>, value: c.value })) }, false);
    const day = dayOf(u.now);
    const next: SubmissionRow = { ...s, status: move.to, submitted_at: u.now, first_submitted_on: s.first_submitted_on ?? day, updated_at: u.now };
    await repo.updateSubmission(u.trx, s.id, { status: next.status, submitted_at: next.submitted_at, first_submitted_on: next.first_submitted_on, updated_at: u.now });
    await record(deps, u, actor, next, 'submit', move.from, move.comment, cells.map((c) => ({ key: c.cell_key, value: c.value })));
    return submissionDetail(u.trx, actor, p, next, day);
  });
}

/** Returns a submitted report with what to correct, or approves it, locking it for good (conveners). */
export async function reviewSubmission(deps: Deps, anyActor: Actor, id: string, submissionId: string, action: 'return' | 'approve', input: { comment?: string | null } = {}) {
  return inTransaction(deps, async (u) => {
    const { p, actor, s } = await loadSubmission(u, anyActor, id, submissionId, 'partnership.results.review');
    const move = decideSubmissionAction(s.status as SubmissionStatus, action, input);
    const next: SubmissionRow = { ...s, status: move.to, reviewed_at: u.now, reviewed_by: actorId(actor), review_comment: move.comment, updated_at: u.now };
    await repo.updateSubmission(u.trx, s.id, { status: next.status, reviewed_at: next.reviewed_at, reviewed_by: next.reviewed_by, review_comment: next.review_comment, updated_at: u.now });
    if (action === 'approve') {
      // the dashboard's aggregate and the latest approved period move in the same transaction as the approval
      await repo.refreshPeriodValue(u.trx, id, s.indicator_id, s.period_key, u.now);
      const ind = await repo.findIndicator(u.trx, id, s.indicator_id);
      if (ind) {
        const later = ind.latest_period_key === null || s.period_key > ind.latest_period_key;
        if (later) await repo.updateIndicator(u.trx, ind.id, { latest_period_key: s.period_key });
        await refreshIndicatorProgress(u.trx, id, s.indicator_id, later ? { ...ind, latest_period_key: s.period_key } : ind);
      }
    }
    await record(deps, u, actor, next, action, move.from, move.comment);
    return submissionDetail(u.trx, actor, p, next, dayOf(u.now));
  });
}

/** One submission with its breakdown, history and what the caller may do. */
export async function getSubmission(deps: Deps, anyActor: Actor, id: string, submissionId: string) {
  const db = deps.database.db;
  const { p, actor } = await loadFor(db, anyActor, id, 'partnership.results.read');
  const s = await repo.findSubmission(db, id, submissionId);
  if (!s) throw notFound(msg('results.the_submission'));
  return submissionDetail(db, actor, p, s, dayOf(deps.clock()));
}

/** The submissions of a partnership, newest first, filtered by status, partner, period or indicator (the review queue). */
export async function listSubmissions(deps: Deps, anyActor: Actor, id: string, f: repo.SubmissionFilter) {
  const db = deps.database.db;
  await loadFor(db, anyActor, id, 'partnership.results.read');
  const page = await repo.pageSubmissions(db, id, f);
  return { items: page.items.map(presentSubmission), nextCursor: page.nextCursor };
}

