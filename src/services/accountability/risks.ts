/**
 * The shared risk register of a partnership (issue 4, section 4): registering and editing risks with their
 * allocation among the parties, moving them through their statuses, mitigation actions, reviews, links to
 * decisions and commitments, the heat map, the overdue board, and the versioned history of every change.
 *
 * Who manages what: conveners (and platform admins) every risk; a representative the risks that involve an
 * organisation they represent, that is, owned by it or with a share allocated to it, before and after the
 * change (so a representative cannot hand a risk off to others entirely), and the actions their organisation
 * owns. Everyone taking part in the partnership reads the register. See docs/domain/risks.md.
 */
import type { Deps, Unit } from '../context';
import { inTransaction } from '../context';
import { loadFor } from '../partnerships/partnerships';
import { DomainError, issue, notFound, type FieldIssue } from '../../domain/kernel/errors';
import { msg } from '../../domain/kernel/messages';
import { can, type Actor, type Resource } from '../../domain/access/can';
import {
  BAND_FLOORS, IMPACT_LABELS, INITIAL_RISK_STATUS, LIKELIHOOD_LABELS, RISK_BANDS, RISK_STATUSES,
  canonicalPercent, checkRisk, decideRisk, decideRiskTransition, heatMap, isLiveRisk, nextRiskStatuses, ocdsAllocation, overdueRiskItems, riskBand, riskScore,
  type MitigationAction, type RiskBand, type RiskCodelists, type RiskInput, type RiskParty, type RiskReferences, type RiskShare, type RiskStatus,
} from '../../domain/accountability/risks';
import { diffRecords } from '../../domain/audit/chain';
import { loadOcdsRiskCodelists } from '../../standards/codelists';
import * as repo from '../../store/repositories/risks.repository';
import type { RiskActionRow, RiskReviewRow, RiskRow, RiskShareRow } from '../../store/repositories/risks.repository';
import { representedOrganisations, type PartnershipRecord } from '../../store/repositories/partnerships.repository';
import type { RiskActionsTable } from '../../store/schema-risks';
import type { Tx } from '../../store/database';

const actorId = (actor: Actor) => (actor.kind === 'user' ? actor.id : null);
const resourceOf = (p: PartnershipRecord): Resource => ({ type: 'partnership', id: p.id, visibility: p.visibility });
const today = (now: string) => now.slice(0, 10);
const riskLists = (deps: Deps) => loadOcdsRiskCodelists(deps.config.standardsDir);
const codelistsOf = (deps: Deps): RiskCodelists => {
  const l = riskLists(deps);
  return { categories: l.sets.categories, allocations: l.sets.allocations };
};

export const RISK_ACTIONS = ['update', 'transition', 'addAction', 'review'] as const;

// ---- who may manage which risk ----------------------------------------------------------------

/** null: every risk (conveners, admins); otherwise the organisations the representative stands for. */
type Scope = Set<string> | null;

async function scopeOf(db: Tx, actor: Actor, partnershipId: string): Promise<Scope> {
  if (actor.kind !== 'user') return new Set();
  if (actor.isAdmin || (actor.partnershipRoles.get(partnershipId) ?? []).includes('convener')) return null;
  return new Set(await representedOrganisations(db, partnershipId, actor.id));
}

/** True when the scope covers a risk owned by `owner` or with a share held by one of `shareOrgs`. */
const covers = (scope: Scope, owner: string | null, shareOrgs: readonly (string | null)[]): boolean =>
  scope === null || (owner !== null && scope.has(owner)) || shareOrgs.some((o) => o !== null && scope.has(o));

const notYours = (field = 'ownerOrganisationId') =>
  new DomainError('forbidden', msg('risks.representative_scope'), [issue(field, msg('risks.name_your_organisation'), 'not_your_organisation')]);

// ---- presenting -------------------------------------------------------------------------------

function presentSummary(deps: Deps, r: RiskRow, ownerName: string | null) {
  const category = riskLists(deps).categories.find((c) => c.code === r.category);
  return {
    id: r.id,
    number: r.number,
    category: r.category,
    categoryName: category?.name ?? r.category,
    title: r.title,
    likelihood: r.likelihood,
    impact: r.impact,
    score: r.score,
    band: r.band as RiskBand,
    status: r.status as RiskStatus,
    allocation: r.allocation as RiskParty | 'shared' | 'unallocated',
    ownerOrganisationId: r.owner_organisation_id,
    ownerOrganisationName: ownerName,
    // a closed risk has no review to come (domain nextReview); the plan is kept for when it reopens
    nextReviewOn: isLiveRisk(r.status as RiskStatus) ? r.next_review_on : null,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

type LinkInfo = { id: string; number: number; title: string };

const shareOf = (s: Pick<RiskShareRow, 'party' | 'organisation_id' | 'percent'>): RiskShare => ({ party: s.party as RiskParty, organisationId: s.organisation_id, percent: s.percent });

async function detail(deps: Deps, db: Tx, actor: Actor, p: PartnershipRecord, r: RiskRow, scope?: Scope) {
  const day = today(deps.clock());
  const [shares, actions, reviews, links, names] = await Promise.all([
    repo.sharesOf(db, [r.id]), repo.actionsOf(db, [r.id]), repo.reviewsOf(db, [r.id]), repo.linksOf(db, [r.id]), repo.organisationNames(db, r.owner_organisation_id ? [r.owner_organisation_id] : []),
  ]);
  const ids = (kind: string) => links.filter((l) => l.kind === kind).map((l) => l.target_id);
  const [decisions, commitments] = await Promise.all([repo.decisionsIn(db, p.id, ids('decision')), repo.commitmentsIn(db, p.id, ids('commitment'))]);
  // in the order they were linked; a link whose record is gone is left out
  const ordered = (kind: string, found: LinkInfo[]) => ids(kind).map((id) => found.find((x) => x.id === id)).filter((x): x is LinkInfo => x !== undefined);
  const live = isLiveRisk(r.status as RiskStatus);
  const mayManage = can(actor, 'partnership.risks.manage', resourceOf(p)) && covers(scope === undefined ? await scopeOf(db, actor, p.id) : scope, r.owner_organisation_id, shares.map((s) => s.organisation_id));
  return {
    ...presentSummary(deps, r, names.get(r.owner_organisation_id ?? '') ?? null),
    partnershipId: r.partnership_id,
    description: r.description,
    likelihoodLabel: LIKELIHOOD_LABELS[r.likelihood - 1],
    impactLabel: IMPACT_LABELS[r.impact - 1],
    ocdsAllocation: ocdsAllocation(shares.map(shareOf)),
    shares: shares.map((s) => ({ party: s.party as RiskParty, organisationId: s.organisation_id, organisationName: s.organisation_name, percent: s.percent })),
    actions: actions.map((a) => presentAction(a, live, day)),
    reviews: reviews.map((v) => presentReview(v, live, day)),
    decisions: ordered('decision', decisions),
    commitments: ordered('commitment', commitments),
    createdById: r.created_by,
    nextStatuses: nextRiskStatuses(r.status as RiskStatus),
    // a closed risk is reopened before anything else is done to it
    allowedActions: mayManage ? (live ? [...RISK_ACTIONS] : ['transition' as const]) : [],
  };
}

const presentAction = (a: RiskActionRow, live: boolean, day: string) => ({
  id: a.id, description: a.description, ownerOrganisationId: a.owner_organisation_id, ownerOrganisationName: a.owner_organisation_name,
  ownerPersonId: a.owner_person_id, ownerPersonName: a.owner_person_name, dueOn: a.due_on, doneOn: a.done_on,
  status: a.done_on ? ('done' as const) : ('open' as const), overdue: live && a.done_on === null && a.due_on < day,
});

const presentReview = (v: RiskReviewRow, live: boolean, day: string) => ({
  id: v.id, dueOn: v.due_on, doneOn: v.done_on, status: v.done_on ? ('held' as const) : ('planned' as const), note: v.note,
  likelihood: v.likelihood, impact: v.impact, reviewedById: v.reviewed_by, reviewedByName: v.reviewed_by_name, overdue: live && v.done_on === null && v.due_on < day,
});

// ---- the state of a risk as entered -----------------------------------------------------------

/** The fields of a risk a person enters (status, actions and held reviews move through their own use cases). */
interface Draft {
  category: string;
  title: string;
  description: string;
  likelihood: number;
  impact: number;
  ownerOrganisationId: string | null;
  allocation: RiskShare[];
  decisionIds: string[];
  commitmentIds: string[];
  nextReviewOn: string | null;
}

async function draftOf(db: Tx, r: RiskRow): Promise<Draft> {
  const [shares, links] = await Promise.all([repo.sharesOf(db, [r.id]), repo.linksOf(db, [r.id])]);
  return {
    category: r.category, title: r.title, description: r.description, likelihood: r.likelihood, impact: r.impact, ownerOrganisationId: r.owner_organisation_id,
    allocation: shares.map(shareOf),
    decisionIds: links.filter((l) => l.kind === 'decision').map((l) => l.target_id),
    commitmentIds: links.filter((l) => l.kind === 'commitment').map((l) => l.target_id),
    nextReviewOn: r.next_review_on,
  };
}

/** What the history and the audit chain record of a risk. */
const auditable = (d: Draft, status: string) => ({
  category: d.category, title: d.title, description: d.description, likelihood: d.likelihood, impact: d.impact, score: riskScore(d.likelihood, d.impact), status,
  ownerOrganisationId: d.ownerOrganisationId, allocation: d.allocation.map((s) => ({ party: s.party, organisationId: s.organisationId, percent: String(s.percent) })),
  decisionIds: d.decisionIds, commitmentIds: d.commitmentIds, nextReviewOn: d.nextReviewOn,
});

/**
 * Checks a draft against the code lists and the partnership's records (current member organisations,
 * its decisions and commitments) through the domain; throws 422 naming every bad field.
 */
async function validate(deps: Deps, db: Tx, partnershipId: string, d: Draft) {
  const orgIds = [...(d.ownerOrganisationId ? [d.ownerOrganisationId] : []), ...d.allocation.map((s) => s.organisationId).filter((o): o is string => !!o)];
  const [members, decisions, commitments] = await Promise.all([
    repo.currentMembers(db, partnershipId, orgIds), repo.decisionsIn(db, partnershipId, d.decisionIds), repo.commitmentsIn(db, partnershipId, d.commitmentIds),
  ]);
  const input: RiskInput = { ...d, mitigations: [], reviews: d.nextReviewOn ? [{ dueOn: d.nextReviewOn }] : [] };
  const refs: RiskReferences = { organisationIds: members, decisionIds: new Set(decisions.map((x) => x.id)), commitmentIds: new Set(commitments.map((x) => x.id)) };
  const issues = checkRisk(input, codelistsOf(deps), refs).map((i) => (i.field.startsWith('reviews.0.') ? { ...i, field: 'nextReviewOn' } : i));
  if (d.ownerOrganisationId && !members.has(d.ownerOrganisationId)) {
    issues.unshift(issue('ownerOrganisationId', msg('risks.organisation_not_current_member'), 'unknown_reference'));
  }
  if (issues.length) throw new DomainError('validation_failed', msg('risks.invalid_fields'), issues);
  const decided = decideRisk(input, codelistsOf(deps), refs);
  // exact percents are stored in their canonical text ("33.50" -> "33.5")
  const shares = d.allocation.map((s) => ({ party: s.party, organisationId: s.organisationId ?? null, percent: canonicalPercent(s.percent)! }));
  return { ...decided, shares };
}

/** Writes the next version of a risk, its history row and the audit event; 409 if it changed meanwhile. */
async function commit(
  deps: Deps, u: Unit, actor: Actor, r: RiskRow, action: string, patch: Partial<RiskRow>,
  changes: Record<string, [unknown, unknown]>, audit: { before: Record<string, unknown> | null; after: Record<string, unknown> | null }, reason: string | null = null,
): Promise<RiskRow> {
  const next: RiskRow = { ...r, ...patch, version: r.version + 1, updated_at: u.now };
  const { id: _i, partnership_id: _p, number: _n, created_at: _c, created_by: _b, ...set } = next;
  void _i; void _p; void _n; void _c; void _b;
  if ((await repo.updateRiskAt(u.trx, r.id, r.version, set)) !== 1) throw stale(r.version + 1);
  await repo.insertChange(u.trx, { id: deps.newId(), risk_id: r.id, partnership_id: r.partnership_id, version: next.version, action, actor_id: actorId(actor), at: u.now, changes: JSON.stringify(changes), reason });
  await u.audit({ partnershipId: r.partnership_id, actorId: actorId(actor), action: `risk.${action}`, entityType: 'risk', entityId: r.id, before: audit.before, after: audit.after });
  return next;
}

const stale = (current: number) =>
  new DomainError('conflict', msg('risks.stale', { version: current }), [issue('version', msg('risks.changed_meanwhile'), 'stale_version')], { currentVersion: current });

const closedRisk = () =>
  new DomainError('conflict', msg('risks.closed'), [issue('status', msg('risks.closed_reopen_first'), 'risk_closed')]);

/** Loads a risk of the partnership for a manager's write: 404 if it is not there, 403 outside the representative's scope. */
async function loadForManaging(u: Unit, anyActor: Actor, id: string, riskId: string) {
  const { p, actor } = await loadFor(u, anyActor, id, 'partnership.risks.manage');
  const r = await repo.findRisk(u.trx, id, riskId);
  if (!r) throw notFound(msg('risks.the_risk'));
  const [scope, draft] = await Promise.all([scopeOf(u.trx, actor, id), draftOf(u.trx, r)]);
  return { p, actor, r, scope, draft, mine: covers(scope, r.owner_organisation_id, draft.allocation.map((s) => s.organisationId)) };
}

// ---- reads ------------------------------------------------------------------------------------

export interface RiskListFilter {
  status?: RiskStatus;
  category?: string;
  band?: RiskBand;
  owner?: string;
  sort: 'number' | 'score';
  order: 'asc' | 'desc';
  cursor?: string;
  limit: number;
}

/** The score range of a band: from its floor to just below the next band's. */
function scoresOf(band: RiskBand): { from: number; to: number } {
  const i = RISK_BANDS.indexOf(band);
  const next = RISK_BANDS[i + 1];
  return { from: BAND_FLOORS[band], to: next ? BAND_FLOORS[next] - 1 : 25 };
}

export async function listRisks(deps: Deps, anyActor: Actor, id: string, f: RiskListFilter) {
  const db = deps.database.db;
  await loadFor(db, anyActor, id, 'partnership.risks.read');
  const page = await repo.pageRisks(db, id, { ...f, scores: f.band ? scoresOf(f.band) : undefined });
  const names = await repo.organisationNames(db, page.items.map((r) => r.owner_organisation_id).filter((o): o is string => !!o));
  return { items: page.items.map((r) => presentSummary(deps, r, names.get(r.owner_organisation_id ?? '') ?? null)), nextCursor: page.nextCursor };
}

export async function getRisk(deps: Deps, anyActor: Actor, id: string, riskId: string) {
  const db = deps.database.db;
  const { p, actor } = await loadFor(db, anyActor, id, 'partnership.risks.read');
  const r = await repo.findRisk(db, id, riskId);
  if (!r) throw notFound(msg('risks.the_risk'));
  return detail(deps, db, actor, p, r);
}

/** The versions of a risk, newest first. */
export async function riskHistory(deps: Deps, anyActor: Actor, id: string, riskId: string, f: { cursor?: string; limit: number }) {
  const db = deps.database.db;
  await loadFor(db, anyActor, id, 'partnership.risks.read');
  if (!(await repo.findRisk(db, id, riskId))) throw notFound(msg('risks.the_risk'));
  const page = await repo.pageChanges(db, riskId, f);
  return {
    items: page.items.map((c) => ({ id: c.id, version: c.version, action: c.action, actorId: c.actor_id, actorName: c.actor_name, at: c.at, changes: JSON.parse(c.changes) as Record<string, [unknown, unknown]>, reason: c.reason })),
    nextCursor: page.nextCursor,
  };
}

/** The 5x5 heat map of the risks in these statuses (default: every status but closed). */
export async function riskHeatMap(deps: Deps, anyActor: Actor, id: string, statuses?: readonly RiskStatus[]) {
  const db = deps.database.db;
  await loadFor(db, anyActor, id, 'partnership.risks.read');
  const wanted = statuses?.length ? RISK_STATUSES.filter((s) => statuses.includes(s)) : RISK_STATUSES.filter(isLiveRisk);
  const rows = await repo.heatRows(db, id, wanted);
  const map = heatMap(rows.map((r) => ({ ...r, status: r.status as RiskStatus })), wanted);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    statuses: wanted,
    cells: map.cells.map((row) => row.map(({ riskIds, ...cell }) => ({ ...cell, risks: riskIds.map((rid) => ({ id: rid, number: byId.get(rid)!.number, title: byId.get(rid)!.title })) }))),
    byBand: map.byBand,
    total: map.total,
  };
}

/** The mitigation actions and reviews of live risks that are late, most overdue first. */
export async function overdueRisks(deps: Deps, anyActor: Actor, id: string) {
  const db = deps.database.db;
  await loadFor(db, anyActor, id, 'partnership.risks.read');
  const day = today(deps.clock());
  const [actions, reviews] = await Promise.all([repo.lateActions(db, id, day), repo.lateReviews(db, id, day)]);
  const risks = new Map<string, { id: string; status: RiskStatus; number: number; title: string; mitigations: MitigationAction[]; reviews: { dueOn: string; doneOn: string | null }[] }>();
  const riskOf = (x: { risk_id: string; risk_status: string; risk_number: unknown; risk_title: string }) => {
    let r = risks.get(x.risk_id);
    if (!r) risks.set(x.risk_id, (r = { id: x.risk_id, status: x.risk_status as RiskStatus, number: Number(x.risk_number), title: x.risk_title, mitigations: [], reviews: [] }));
    return r;
  };
  for (const a of actions) riskOf(a).mitigations.push({ id: a.id, description: a.description, ownerOrganisationId: a.owner_organisation_id, ownerPersonId: a.owner_person_id, dueOn: a.due_on, doneOn: a.done_on });
  for (const v of reviews) riskOf(v).reviews.push({ dueOn: v.due_on, doneOn: v.done_on });
  const late = overdueRiskItems([...risks.values()], day);
  const actionById = new Map(actions.map((a) => [a.id, a]));
  return {
    today: day,
    mitigations: late.mitigations.map((m) => {
      const a = actionById.get(m.actionId)!;
      const r = risks.get(m.riskId)!;
      return { ...m, riskNumber: r.number, riskTitle: r.title, description: a.description, ownerOrganisationName: a.owner_organisation_name, ownerPersonName: a.owner_person_name };
    }),
    reviews: late.reviews.map((v) => ({ ...v, riskNumber: risks.get(v.riskId)!.number, riskTitle: risks.get(v.riskId)!.title })),
  };
}

// ---- writes -----------------------------------------------------------------------------------

export interface RiskShareInput {
  party: RiskParty;
  organisationId?: string | null;
  percent: string | number;
}

export interface CreateRiskInput {
  category: string;
  title: string;
  description: string;
  likelihood: number;
  impact: number;
  ownerOrganisationId?: string | null;
  allocation?: RiskShareInput[];
  decisionIds?: string[];
  commitmentIds?: string[];
  nextReviewOn?: string | null;
}

const shares = (a: readonly RiskShareInput[] | undefined): RiskShare[] => (a ?? []).map((s) => ({ party: s.party, organisationId: s.organisationId ?? null, percent: s.percent }));

async function planReview(deps: Deps, u: Unit, r: Pick<RiskRow, 'id' | 'partnership_id'>, on: string | null): Promise<void> {
  await repo.deletePlannedReviews(u.trx, r.id);
  if (on) await repo.insertReview(u.trx, { id: deps.newId(), risk_id: r.id, partnership_id: r.partnership_id, due_on: on, done_on: null, note: null, likelihood: null, impact: null, reviewed_by: null, created_at: u.now });
}

/** Registers a risk (conveners; representatives for a risk their organisation owns or bears a share of). */
export async function createRisk(deps: Deps, anyActor: Actor, id: string, input: CreateRiskInput) {
  return inTransaction(deps, async (u) => {
    const { p, actor } = await loadFor(u, anyActor, id, 'partnership.risks.manage');
    const draft: Draft = {
      category: input.category.trim(), title: input.title.trim(), description: input.description.trim(), likelihood: input.likelihood, impact: input.impact,
      ownerOrganisationId: input.ownerOrganisationId ?? null, allocation: shares(input.allocation), decisionIds: input.decisionIds ?? [], commitmentIds: input.commitmentIds ?? [],
      nextReviewOn: input.nextReviewOn ?? null,
    };
    const ok = await validate(deps, u.trx, id, draft);
    const scope = await scopeOf(u.trx, actor, id);
    if (!covers(scope, draft.ownerOrganisationId, ok.shares.map((s) => s.organisationId))) throw notYours();
    const r: RiskRow = {
      id: deps.newId(), partnership_id: id, number: await repo.nextRiskNumber(u.trx, id), category: draft.category, title: draft.title, description: draft.description,
      likelihood: draft.likelihood, impact: draft.impact, score: ok.score, band: ok.band, status: INITIAL_RISK_STATUS, allocation: ok.allocation,
      owner_organisation_id: draft.ownerOrganisationId, next_review_on: draft.nextReviewOn, version: 1, created_by: actorId(actor), created_at: u.now, updated_at: u.now,
    };
    await repo.insertRisk(u.trx, r);
    await repo.replaceShares(u.trx, r.id, id, ok.shares);
    await repo.replaceLinks(u.trx, r.id, id, 'decision', draft.decisionIds);
    await repo.replaceLinks(u.trx, r.id, id, 'commitment', draft.commitmentIds);
    await planReview(deps, u, r, draft.nextReviewOn);
    const after = auditable({ ...draft, allocation: ok.shares }, r.status);
    await repo.insertChange(u.trx, { id: deps.newId(), risk_id: r.id, partnership_id: id, version: 1, action: 'created', actor_id: actorId(actor), at: u.now, changes: JSON.stringify(diffRecords(null, after)), reason: null });
    await u.audit({ partnershipId: id, actorId: actorId(actor), action: 'risk.created', entityType: 'risk', entityId: r.id, after: { number: r.number, ...after } });
    return detail(deps, u.trx, actor, p, r, scope);
  });
}

export type UpdateRiskInput = Partial<CreateRiskInput> & { version: number };

/** Edits a risk made on `version`; a stale version is 409 `conflict` naming `version`. */
export async function updateRisk(deps: Deps, anyActor: Actor, id: string, riskId: string, input: UpdateRiskInput) {
  return inTransaction(deps, async (u) => {
    const { p, actor, r, scope, draft, mine } = await loadForManaging(u, anyActor, id, riskId);
    if (!mine) throw notYours();
    if (input.version !== r.version) throw stale(r.version);
    if (!isLiveRisk(r.status as RiskStatus)) throw closedRisk();
    const next: Draft = {
      category: input.category?.trim() ?? draft.category, title: input.title?.trim() ?? draft.title, description: input.description?.trim() ?? draft.description,
      likelihood: input.likelihood ?? draft.likelihood, impact: input.impact ?? draft.impact,
      ownerOrganisationId: input.ownerOrganisationId === undefined ? draft.ownerOrganisationId : input.ownerOrganisationId,
      allocation: input.allocation === undefined ? draft.allocation : shares(input.allocation),
      decisionIds: input.decisionIds ?? draft.decisionIds, commitmentIds: input.commitmentIds ?? draft.commitmentIds,
      nextReviewOn: input.nextReviewOn === undefined ? draft.nextReviewOn : input.nextReviewOn,
    };
    const ok = await validate(deps, u.trx, id, next);
    if (!covers(scope, next.ownerOrganisationId, ok.shares.map((s) => s.organisationId))) throw notYours();
    const before = auditable(draft, r.status);
    const after = auditable({ ...next, allocation: ok.shares }, r.status);
    const changes = diffRecords(before, after);
    if (Object.keys(changes).length === 0) return detail(deps, u.trx, actor, p, r, scope); // nothing changed: no new version
    if (changes.allocation) await repo.replaceShares(u.trx, r.id, id, ok.shares);
    if (changes.decisionIds) await repo.replaceLinks(u.trx, r.id, id, 'decision', next.decisionIds);
    if (changes.commitmentIds) await repo.replaceLinks(u.trx, r.id, id, 'commitment', next.commitmentIds);
    if (changes.nextReviewOn) await planReview(deps, u, r, next.nextReviewOn);
    const saved = await commit(deps, u, actor, r, 'updated', {
      category: next.category, title: next.title, description: next.description, likelihood: next.likelihood, impact: next.impact, score: ok.score, band: ok.band,
      allocation: ok.allocation, owner_organisation_id: next.ownerOrganisationId, next_review_on: next.nextReviewOn,
    }, changes, { before, after });
    return detail(deps, u.trx, actor, p, saved, scope);
  });
}

/** Moves a risk to another status with a reason (domain decideRiskTransition: 409 for a move it forbids). */
export async function transitionRisk(deps: Deps, anyActor: Actor, id: string, riskId: string, input: { to: RiskStatus; reason: string }) {
  return inTransaction(deps, async (u) => {
    const { p, actor, r, scope, mine } = await loadForManaging(u, anyActor, id, riskId);
    if (!mine) throw notYours();
    const move = decideRiskTransition(r.status as RiskStatus, input.to, input.reason);
    const saved = await commit(deps, u, actor, r, 'transitioned', { status: move.to }, { status: [move.from, move.to] }, { before: { status: move.from }, after: { status: move.to, reason: move.reason } }, move.reason);
    return detail(deps, u.trx, actor, p, saved, scope);
  });
}

/**
 * Checks one mitigation action through the domain (checkRisk on the risk with only this action) against
 * the partnership's current members and people; throws 422 naming the action's fields.
 */
async function checkAction(deps: Deps, db: Tx, partnershipId: string, draft: Draft, a: MitigationAction) {
  const [members, people] = await Promise.all([
    repo.currentMembers(db, partnershipId, a.ownerOrganisationId ? [a.ownerOrganisationId] : []),
    repo.partnershipPeople(db, partnershipId, a.ownerPersonId ? [a.ownerPersonId] : []),
  ]);
  const input: RiskInput = { ...draft, allocation: [], decisionIds: [], commitmentIds: [], reviews: [], mitigations: [a] };
  const issues: FieldIssue[] = checkRisk(input, codelistsOf(deps), { organisationIds: members, personIds: new Set(people.keys()) })
    .filter((i) => i.field.startsWith('mitigations.0.'))
    .map((i) => ({ ...i, field: i.field.slice('mitigations.0.'.length) }));
  if (issues.length) throw new DomainError('validation_failed', msg('risks.action_invalid_fields'), issues);
}

/** The organisation responsible for an action: the one given, or the one its person belongs to in the partnership. */
async function ownerOf(db: Tx, partnershipId: string, organisationId: string | null | undefined, personId: string | null | undefined): Promise<string> {
  if (organisationId) return organisationId;
  if (!personId) return '';
  const orgs = (await repo.partnershipPeople(db, partnershipId, [personId])).get(personId) ?? [];
  return orgs.length === 1 ? orgs[0] : '';
}

export interface AddRiskActionInput {
  description: string;
  ownerOrganisationId?: string | null;
  ownerPersonId?: string | null;
  dueOn: string;
}

/** Adds a mitigation action to a live risk. */
export async function addRiskAction(deps: Deps, anyActor: Actor, id: string, riskId: string, input: AddRiskActionInput) {
  return inTransaction(deps, async (u) => {
    const { p, actor, r, scope, draft, mine } = await loadForManaging(u, anyActor, id, riskId);
    if (!mine) throw notYours();
    if (!isLiveRisk(r.status as RiskStatus)) throw closedRisk();
    const a: RiskActionsTable = {
      id: deps.newId(), risk_id: r.id, partnership_id: id, description: input.description.trim(), owner_organisation_id: await ownerOf(u.trx, id, input.ownerOrganisationId, input.ownerPersonId),
      owner_person_id: input.ownerPersonId ?? null, due_on: input.dueOn, done_on: null, created_at: u.now, updated_at: u.now,
    };
    await checkAction(deps, u.trx, id, draft, actionOf(a));
    await repo.insertAction(u.trx, a);
    const after = auditableAction(a);
    const saved = await commit(deps, u, actor, r, 'action_added', {}, { [`action.${a.id}`]: [null, after] }, { before: null, after: { action: after } });
    return detail(deps, u.trx, actor, p, saved, scope);
  });
}

const actionOf = (a: RiskActionsTable): MitigationAction => ({ id: a.id, description: a.description, ownerOrganisationId: a.owner_organisation_id, ownerPersonId: a.owner_person_id, dueOn: a.due_on, doneOn: a.done_on });
const auditableAction = (a: RiskActionsTable) => ({ id: a.id, description: a.description, ownerOrganisationId: a.owner_organisation_id, ownerPersonId: a.owner_person_id, dueOn: a.due_on, doneOn: a.done_on });

export interface UpdateRiskActionInput {
  description?: string;
  ownerOrganisationId?: string;
  ownerPersonId?: string | null;
  dueOn?: string;
  done?: boolean;
  doneOn?: string;
}

/**
 * Edits, completes or reopens a mitigation action. Besides the managers of the risk, a representative of the
 * organisation that owns the action may update it (it stays with their organisation).
 */
export async function updateRiskAction(deps: Deps, anyActor: Actor, id: string, riskId: string, actionId: string, input: UpdateRiskActionInput) {
  return inTransaction(deps, async (u) => {
    const { p, actor, r, scope, draft, mine } = await loadForManaging(u, anyActor, id, riskId);
    const a = await repo.findAction(u.trx, r.id, actionId);
    if (!a) throw notFound(msg('risks.the_action'));
    const day = today(u.now);
    const done = input.doneOn !== undefined ? true : input.done;
    const doneOn = done === undefined ? a.done_on : done ? (input.doneOn ?? a.done_on ?? day) : null;
    const next: RiskActionsTable = {
      ...a,
      description: input.description?.trim() ?? a.description,
      owner_person_id: input.ownerPersonId === undefined ? a.owner_person_id : input.ownerPersonId,
      owner_organisation_id: input.ownerOrganisationId ?? (input.ownerPersonId ? await ownerOf(u.trx, id, null, input.ownerPersonId) || a.owner_organisation_id : a.owner_organisation_id),
      due_on: input.dueOn ?? a.due_on,
      done_on: doneOn,
      updated_at: u.now,
    };
    const ownsAction = scope !== null && scope.has(a.owner_organisation_id) && scope.has(next.owner_organisation_id);
    if (!mine && !ownsAction) throw notYours('ownerOrganisationId');
    if (!isLiveRisk(r.status as RiskStatus)) throw closedRisk();
    if (input.done === false && input.doneOn !== undefined) {
      throw new DomainError('validation_failed', msg('risks.reopened_action_no_done_day'), [issue('doneOn', msg('risks.leave_done_on_out'), 'conflicting')]);
    }
    if (doneOn !== null && doneOn > day) throw new DomainError('validation_failed', msg('risks.action_done_in_past'), [issue('doneOn', msg('risks.not_in_future'), 'future_date')]);
    await checkAction(deps, u.trx, id, draft, actionOf(next));
    const before = auditableAction(a);
    const after = auditableAction(next);
    const diff = diffRecords(before, after);
    if (Object.keys(diff).length === 0) return detail(deps, u.trx, actor, p, r, scope);
    await repo.updateAction(u.trx, a.id, { description: next.description, owner_organisation_id: next.owner_organisation_id, owner_person_id: next.owner_person_id, due_on: next.due_on, done_on: next.done_on, updated_at: u.now });
    const changes = Object.fromEntries(Object.entries(diff).map(([k, v]) => [`action.${a.id}.${k}`, v])) as Record<string, [unknown, unknown]>;
    const saved = await commit(deps, u, actor, r, 'action_updated', {}, changes, { before: { action: before }, after: { action: after } });
    return detail(deps, u.trx, actor, p, saved, scope);
  });
}

export interface RecordReviewInput {
  likelihood: number;
  impact: number;
  note?: string | null;
  reviewedOn?: string;
  nextReviewOn?: string | null;
}

/**
 * Records a review of a live risk: its ratings as the review settled them (score and band follow), a note,
 * and the next review. The review held completes the earliest planned one (a review held early still counts);
 * with none planned it is recorded on its own day. `nextReviewOn` replaces the plan (null: none planned).
 */
export async function recordRiskReview(deps: Deps, anyActor: Actor, id: string, riskId: string, input: RecordReviewInput) {
  return inTransaction(deps, async (u) => {
    const { p, actor, r, scope, mine } = await loadForManaging(u, anyActor, id, riskId);
    if (!mine) throw notYours();
    if (!isLiveRisk(r.status as RiskStatus)) throw closedRisk();
    const day = today(u.now);
    const on = input.reviewedOn ?? day;
    const issues: FieldIssue[] = [];
    if (on > day) issues.push(issue('reviewedOn', msg('risks.not_in_future'), 'future_date'));
    if (input.nextReviewOn && input.nextReviewOn <= on) issues.push(issue('nextReviewOn', msg('risks.next_review_after'), 'not_after'));
    if (issues.length) throw new DomainError('validation_failed', msg('risks.review_invalid_fields'), issues);
    const score = riskScore(input.likelihood, input.impact);
    const note = input.note?.trim() || null;
    const planned = (await repo.reviewsOf(u.trx, [r.id])).filter((v) => v.done_on === null);
    const held = planned[0];
    const reviewId = held?.id ?? deps.newId();
    if (held) await repo.updateReview(u.trx, held.id, { done_on: on, note, likelihood: input.likelihood, impact: input.impact, reviewed_by: actorId(actor) });
    else await repo.insertReview(u.trx, { id: reviewId, risk_id: r.id, partnership_id: id, due_on: on, done_on: on, note, likelihood: input.likelihood, impact: input.impact, reviewed_by: actorId(actor), created_at: u.now });
    let nextReviewOn: string | null = planned[1]?.due_on ?? null;
    if (input.nextReviewOn !== undefined) {
      await planReview(deps, u, r, input.nextReviewOn);
      nextReviewOn = input.nextReviewOn;
    }
    const before = { likelihood: r.likelihood, impact: r.impact, score: r.score, band: r.band, nextReviewOn: r.next_review_on, review: null };
    const review = { id: reviewId, dueOn: held?.due_on ?? on, doneOn: on, note };
    const after = { likelihood: input.likelihood, impact: input.impact, score, band: riskBand(score), nextReviewOn, review };
    const saved = await commit(deps, u, actor, r, 'reviewed', { likelihood: input.likelihood, impact: input.impact, score, band: riskBand(score), next_review_on: nextReviewOn }, diffRecords(before, after), { before, after }, note);
    return detail(deps, u.trx, actor, p, saved, scope);
  });
}
