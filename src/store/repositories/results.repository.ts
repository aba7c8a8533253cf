import type { Kysely } from 'kysely';
import type { DB } from '../schema';
import type {
  IndicatorPeriodValuesTable, IndicatorSubmissionCellsTable, IndicatorSubmissionEventsTable, IndicatorSubmissionsTable, IndicatorsTable, ResultContributionsTable,
  ResultNodesTable,
} from '../schema-results';
import { decodeCursor, encodeCursor } from '../pagination';

export type ResultNodeRow = ResultNodesTable;
export type IndicatorRow = IndicatorsTable;
export type SubmissionRow = IndicatorSubmissionsTable;
export type SubmissionCellRow = IndicatorSubmissionCellsTable;
export type SubmissionEventRow = IndicatorSubmissionEventsTable;
export type PeriodValueRow = IndicatorPeriodValuesTable;
export type ContributionRow = ResultContributionsTable;
export interface TargetRow { indicator_id: string; period_key: string; value: string }
export interface PartnerRow { indicator_id: string; organisation_id: string; organisation_name: string }

const num = (v: unknown): number => Number(v);
/** PostgreSQL and SQLite agree on text; integers are normalised to numbers. */
const toNode = (r: ResultNodesTable): ResultNodeRow => ({ ...r, position: num(r.position) });
const toIndicator = (r: IndicatorsTable): IndicatorRow => ({ ...r, position: num(r.position), grace_days: num(r.grace_days), fiscal_year_start_month: num(r.fiscal_year_start_month) });
const toPeriodValue = (r: IndicatorPeriodValuesTable): PeriodValueRow => ({ ...r, approved_count: num(r.approved_count) });

// ---- the tree -----------------------------------------------------------------------------------

export async function listNodes(db: Kysely<DB>, partnershipId: string): Promise<ResultNodeRow[]> {
  return (await db.selectFrom('result_nodes').selectAll().where('partnership_id', '=', partnershipId).orderBy('position').orderBy('id').execute()).map(toNode);
}
export async function findNode(db: Kysely<DB>, partnershipId: string, id: string): Promise<ResultNodeRow | null> {
  const r = await db.selectFrom('result_nodes').selectAll().where('id', '=', id).where('partnership_id', '=', partnershipId).executeTakeFirst();
  return r ? toNode(r) : null;
}
export async function insertNode(db: Kysely<DB>, n: ResultNodeRow): Promise<void> {
  await db.insertInto('result_nodes').values(n).execute();
}
export async function updateNode(db: Kysely<DB>, id: string, patch: Partial<Omit<ResultNodeRow, 'id' | 'partnership_id' | 'created_at'>>): Promise<void> {
  await db.updateTable('result_nodes').set(patch).where('id', '=', id).execute();
}
export async function deleteNode(db: Kysely<DB>, id: string): Promise<void> {
  await db.deleteFrom('result_nodes').where('id', '=', id).execute();
}
export async function nextPosition(db: Kysely<DB>, table: 'result_nodes' | 'indicators', partnershipId: string): Promise<number> {
  const r = await db.selectFrom(table).select((eb) => eb.fn.max('position').as('m')).where('partnership_id', '=', partnershipId).executeTakeFirst();
  return r?.m == null ? 0 : num(r.m) + 1;
}
export async function goalOf(db: Kysely<DB>, partnershipId: string, goalId: string): Promise<boolean> {
  return !!(await db.selectFrom('goals').select('id').where('id', '=', goalId).where('partnership_id', '=', partnershipId).executeTakeFirst());
}

// ---- indicators ---------------------------------------------------------------------------------

export async function listIndicators(db: Kysely<DB>, partnershipId: string): Promise<IndicatorRow[]> {
  return (await db.selectFrom('indicators').selectAll().where('partnership_id', '=', partnershipId).orderBy('position').orderBy('id').execute()).map(toIndicator);
}
export async function findIndicator(db: Kysely<DB>, partnershipId: string, id: string): Promise<IndicatorRow | null> {
  const r = await db.selectFrom('indicators').selectAll().where('id', '=', id).where('partnership_id', '=', partnershipId).executeTakeFirst();
  return r ? toIndicator(r) : null;
}
export async function insertIndicator(db: Kysely<DB>, i: IndicatorRow): Promise<void> {
  await db.insertInto('indicators').values(i).execute();
}
export async function updateIndicator(db: Kysely<DB>, id: string, patch: Partial<Omit<IndicatorRow, 'id' | 'partnership_id' | 'created_at'>>): Promise<void> {
  await db.updateTable('indicators').set(patch).where('id', '=', id).execute();
}
export async function deleteIndicator(db: Kysely<DB>, id: string): Promise<void> {
  await db.deleteFrom('indicators').where('id', '=', id).execute();
}
export async function replaceTargets(db: Kysely<DB>, partnershipId: string, indicatorId: string, targets: readonly { periodKey: string; value: string }[]): Promise<void> {
  await db.deleteFrom('indicator_targets').where('indicator_id', '=', indicatorId).execute();
  if (targets.length) await db.insertInto('indicator_targets').values(targets.map((t) => ({ indicator_id: indicatorId, partnership_id: partnershipId, period_key: t.periodKey, value: t.value }))).execute();
}
export async function replacePartners(db: Kysely<DB>, partnershipId: string, indicatorId: string, organisationIds: readonly string[]): Promise<void> {
  await db.deleteFrom('indicator_partners').where('indicator_id', '=', indicatorId).execute();
  if (organisationIds.length) {
    await db.insertInto('indicator_partners').values(organisationIds.map((organisation_id, position) => ({ indicator_id: indicatorId, partnership_id: partnershipId, organisation_id, position }))).execute();
  }
}

/** Targets of a whole partnership, or of some indicators. */
export async function targetsOf(db: Kysely<DB>, scope: { partnershipId: string } | { indicatorIds: readonly string[] }): Promise<TargetRow[]> {
  let q = db.selectFrom('indicator_targets').select(['indicator_id', 'period_key', 'value']);
  if ('partnershipId' in scope) q = q.where('partnership_id', '=', scope.partnershipId);
  else if (scope.indicatorIds.length === 0) return [];
  else q = q.where('indicator_id', 'in', [...scope.indicatorIds]);
  return q.orderBy('indicator_id').orderBy('period_key').execute();
}

/** Responsible partners with their names, in the order given, of a whole partnership or of some indicators. */
export async function partnersOf(db: Kysely<DB>, scope: { partnershipId: string } | { indicatorIds: readonly string[] }): Promise<PartnerRow[]> {
  let q = db.selectFrom('indicator_partners as ip').innerJoin('organisations as o', 'o.id', 'ip.organisation_id').select(['ip.indicator_id', 'ip.organisation_id', 'o.name as organisation_name']);
  if ('partnershipId' in scope) q = q.where('ip.partnership_id', '=', scope.partnershipId);
  else if (scope.indicatorIds.length === 0) return [];
  else q = q.where('ip.indicator_id', 'in', [...scope.indicatorIds]);
  return q.orderBy('ip.indicator_id').orderBy('ip.position').execute();
}

/** How many indicators hang on a node, and how many results have it as parent. */
export async function childCounts(db: Kysely<DB>, nodeId: string): Promise<{ nodes: number; indicators: number }> {
  const [n, i] = await Promise.all([
    db.selectFrom('result_nodes').select((eb) => eb.fn.countAll<string | number>().as('n')).where('parent_id', '=', nodeId).executeTakeFirstOrThrow(),
    db.selectFrom('indicators').select((eb) => eb.fn.countAll<string | number>().as('n')).where('node_id', '=', nodeId).executeTakeFirstOrThrow(),
  ]);
  return { nodes: num(n.n), indicators: num(i.n) };
}

/** The distinct periods an indicator has submissions for (bounded by its schedule). */
export async function submittedPeriods(db: Kysely<DB>, indicatorId: string): Promise<string[]> {
  const rows = await db.selectFrom('indicator_submissions').select('period_key').distinct().where('indicator_id', '=', indicatorId).execute();
  return rows.map((r) => r.period_key);
}

// ---- organisations ------------------------------------------------------------------------------

/** Which of these organisations are current members of the partnership. */
export async function currentMembers(db: Kysely<DB>, partnershipId: string, organisationIds: readonly string[]): Promise<Set<string>> {
  if (organisationIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('partnership_members').select('organisation_id')
    .where('partnership_id', '=', partnershipId).where('organisation_id', 'in', [...organisationIds]).where('left_on', 'is', null)
    .execute();
  return new Set(rows.map((r) => r.organisation_id));
}

/** The organisations a person speaks for in a partnership: those they represent or convene for. */
export async function organisationsSpokenFor(db: Kysely<DB>, partnershipId: string, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('partnership_people').select('organisation_id')
    .where('partnership_id', '=', partnershipId).where('user_id', '=', userId).where('role', 'in', ['representative', 'convener']).where('organisation_id', 'is not', null)
    .execute();
  return [...new Set(rows.map((r) => r.organisation_id as string))];
}

export async function organisationNames(db: Kysely<DB>, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('organisations').select(['id', 'name']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function userNames(db: Kysely<DB>, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const list = [...new Set(ids.filter((x): x is string => !!x))];
  if (list.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', list).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

// ---- submissions --------------------------------------------------------------------------------

export async function findSubmission(db: Kysely<DB>, partnershipId: string, id: string): Promise<SubmissionRow | null> {
  return (await db.selectFrom('indicator_submissions').selectAll().where('id', '=', id).where('partnership_id', '=', partnershipId).executeTakeFirst()) ?? null;
}
export async function findSubmissionFor(db: Kysely<DB>, indicatorId: string, periodKey: string, partnerId: string): Promise<SubmissionRow | null> {
  return (
    (await db.selectFrom('indicator_submissions').selectAll().where('indicator_id', '=', indicatorId).where('period_key', '=', periodKey).where('partner_id', '=', partnerId).executeTakeFirst()) ?? null
  );
}
export async function insertSubmission(db: Kysely<DB>, s: SubmissionRow): Promise<void> {
  await db.insertInto('indicator_submissions').values(s).execute();
}
export async function updateSubmission(db: Kysely<DB>, id: string, patch: Partial<Omit<SubmissionRow, 'id' | 'partnership_id' | 'indicator_id' | 'period_key' | 'partner_id' | 'created_at'>>): Promise<void> {
  await db.updateTable('indicator_submissions').set(patch).where('id', '=', id).execute();
}
export async function replaceCells(db: Kysely<DB>, partnershipId: string, submissionId: string, cells: readonly { key: string; cell: string; value: string }[]): Promise<void> {
  await db.deleteFrom('indicator_submission_cells').where('submission_id', '=', submissionId).execute();
  if (cells.length) {
    await db.insertInto('indicator_submission_cells').values(cells.map((c) => ({ submission_id: submissionId, partnership_id: partnershipId, cell_key: c.key, cell: c.cell, value: c.value }))).execute();
  }
}
export async function cellsOf(db: Kysely<DB>, submissionIds: readonly string[]): Promise<SubmissionCellRow[]> {
  if (submissionIds.length === 0) return [];
  return db.selectFrom('indicator_submission_cells').selectAll().where('submission_id', 'in', [...submissionIds]).orderBy('submission_id').orderBy('cell_key').execute();
}
export async function insertEvent(db: Kysely<DB>, e: SubmissionEventRow): Promise<void> {
  await db.insertInto('indicator_submission_events').values(e).execute();
}
export async function eventsOf(db: Kysely<DB>, submissionId: string): Promise<SubmissionEventRow[]> {
  return db.selectFrom('indicator_submission_events').selectAll().where('submission_id', '=', submissionId).orderBy('at').orderBy('id').execute();
}

export interface SubmissionFilter {
  status?: string;
  partnerId?: string;
  periodKey?: string;
  indicatorId?: string;
  cursor?: string;
  limit: number;
}

/** A page of a partnership's submissions, newest first (keyset on the UUIDv7 id), with the indicator's title. */
export async function pageSubmissions(db: Kysely<DB>, partnershipId: string, f: SubmissionFilter) {
  let q = db
    .selectFrom('indicator_submissions as s')
    .innerJoin('indicators as i', 'i.id', 's.indicator_id')
    .innerJoin('organisations as o', 'o.id', 's.partner_id')
    .selectAll('s')
    .select(['i.title as indicator_title', 'o.name as partner_name'])
    .where('s.partnership_id', '=', partnershipId);
  if (f.status) q = q.where('s.status', '=', f.status);
  if (f.partnerId) q = q.where('s.partner_id', '=', f.partnerId);
  if (f.periodKey) q = q.where('s.period_key', '=', f.periodKey);
  if (f.indicatorId) q = q.where('s.indicator_id', '=', f.indicatorId);
  if (f.cursor) {
    const [, id] = decodeCursor(f.cursor);
    q = q.where('s.id', '<', id);
  }
  const rows = await q.orderBy('s.id', 'desc').limit(f.limit + 1).execute();
  const items = rows.slice(0, f.limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > f.limit && last ? encodeCursor(0, last.id) : null };
}

/** The status of every submission of a partnership (or of one indicator): the reporting calendar's cells. */
export async function submissionStates(db: Kysely<DB>, partnershipId: string, indicatorId?: string) {
  let q = db
    .selectFrom('indicator_submissions')
    .select(['id', 'indicator_id', 'period_key', 'partner_id', 'status', 'first_submitted_on'])
    .where('partnership_id', '=', partnershipId);
  if (indicatorId) q = q.where('indicator_id', '=', indicatorId);
  return q.execute();
}

/** The approved submissions of an indicator with their values (one indicator: bounded by periods x partners). */
export async function approvedOf(db: Kysely<DB>, indicatorId: string) {
  return db.selectFrom('indicator_submissions').select(['id', 'period_key', 'partner_id', 'value']).where('indicator_id', '=', indicatorId).where('status', '=', 'approved').execute();
}

// ---- the approved aggregate per (indicator, period) ---------------------------------------------

/** Recomputes the aggregate row of one indicator and period from its approved submissions (bounded by partners). */
export async function refreshPeriodValue(db: Kysely<DB>, partnershipId: string, indicatorId: string, periodKey: string, now: string): Promise<void> {
  const rows = await db
    .selectFrom('indicator_submissions').select(['value'])
    .where('indicator_id', '=', indicatorId).where('period_key', '=', periodKey).where('status', '=', 'approved')
    .orderBy('partner_id')
    .execute();
  const values = rows.map((r) => r.value).filter((v): v is string => v !== null);
  await db.deleteFrom('indicator_period_values').where('indicator_id', '=', indicatorId).where('period_key', '=', periodKey).execute();
  if (values.length) {
    await db.insertInto('indicator_period_values').values({ indicator_id: indicatorId, partnership_id: partnershipId, period_key: periodKey, approved_count: values.length, approved_values: JSON.stringify(values), updated_at: now }).execute();
  }
}

/**
 * The aggregates the progress of a partnership's indicators needs, and no more: the periods that have a
 * target, and each indicator's latest period. Bounded by targets + indicators, however many values are stored.
 */
export async function progressAggregates(db: Kysely<DB>, partnershipId: string, indicatorIds?: readonly string[]): Promise<PeriodValueRow[]> {
  if (indicatorIds && indicatorIds.length === 0) return [];
  let targeted = db.selectFrom('indicator_period_values as v')
    .innerJoin('indicator_targets as t', (j) => j.onRef('t.indicator_id', '=', 'v.indicator_id').onRef('t.period_key', '=', 'v.period_key'))
    .selectAll('v')
    .where('t.partnership_id', '=', partnershipId);
  let latest = db.selectFrom('indicator_period_values as v')
    .innerJoin('indicators as i', (j) => j.onRef('i.id', '=', 'v.indicator_id').onRef('i.latest_period_key', '=', 'v.period_key'))
    .selectAll('v')
    .where('i.partnership_id', '=', partnershipId);
  if (indicatorIds) {
    targeted = targeted.where('v.indicator_id', 'in', [...indicatorIds]);
    latest = latest.where('v.indicator_id', 'in', [...indicatorIds]);
  }
  const [targetedRows, latestRows] = await Promise.all([targeted.execute(), latest.execute()]);
  const seen = new Set<string>();
  const out: PeriodValueRow[] = [];
  for (const r of [...targetedRows, ...latestRows]) {
    const k = `${r.indicator_id}\u0000${r.period_key}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(toPeriodValue(r));
  }
  return out;
}

/** Every aggregate of one indicator (its series: bounded by its schedule). */
export async function periodValuesOf(db: Kysely<DB>, indicatorId: string): Promise<PeriodValueRow[]> {
  return (await db.selectFrom('indicator_period_values').selectAll().where('indicator_id', '=', indicatorId).orderBy('period_key').execute()).map(toPeriodValue);
}

// ---- contributions ------------------------------------------------------------------------------

export async function listContributions(db: Kysely<DB>, partnershipId: string): Promise<ContributionRow[]> {
  return db.selectFrom('result_contributions').selectAll().where('partnership_id', '=', partnershipId).orderBy('created_at').orderBy('node_id').orderBy('commitment_id').execute();
}
export async function findContribution(db: Kysely<DB>, partnershipId: string, nodeId: string, commitmentId: string): Promise<ContributionRow | null> {
  return (
    (await db.selectFrom('result_contributions').selectAll().where('partnership_id', '=', partnershipId).where('node_id', '=', nodeId).where('commitment_id', '=', commitmentId).executeTakeFirst()) ?? null
  );
}
export async function insertContribution(db: Kysely<DB>, c: ContributionRow): Promise<void> {
  await db.insertInto('result_contributions').values(c).execute();
}
export async function deleteContribution(db: Kysely<DB>, nodeId: string, commitmentId: string): Promise<void> {
  await db.deleteFrom('result_contributions').where('node_id', '=', nodeId).where('commitment_id', '=', commitmentId).execute();
}
export async function contributionsOfNode(db: Kysely<DB>, nodeId: string): Promise<ContributionRow[]> {
  return db.selectFrom('result_contributions').selectAll().where('node_id', '=', nodeId).execute();
}

/**
 * The commitments of a partnership among these ids, with the organisation that pledged each. Commitments are the
 * ledger's table (migration 0005), typed there: read here through an untyped handle so the two areas stay apart.
 */
export async function commitmentsOf(db: Kysely<DB>, partnershipId: string, ids: readonly string[]): Promise<{ id: string; partnerId: string; label: string | null }[]> {
  if (ids.length === 0) return [];
  const any = db as unknown as Kysely<any>;
  const rows = (await any
    .selectFrom('commitments')
    .select(['id', 'organisation_id', 'description'])
    .where('partnership_id', '=', partnershipId)
    .where('id', 'in', [...new Set(ids)])
    .execute()) as { id: string; organisation_id: string; description: string | null }[];
  return rows.map((r) => ({ id: r.id, partnerId: r.organisation_id, label: r.description ?? null }));
}
