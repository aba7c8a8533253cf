/**
 * The shared risk register of a partnership (issue 4, section 4). Pure: code lists, known ids and "today"
 * come in as arguments; nothing here reads a clock, a file or a database.
 *
 * A risk has an OCDS for PPPs category, a likelihood and an impact from 1 to 5 whose product is its score,
 * an allocation among the parties with exact per-party percentages, mitigation actions with owners and due
 * dates, review dates, links to decisions and commitments, and a status moved through a state machine.
 * See docs/domain/risks.md.
 */
import { DomainError, issue, type FieldIssue } from '../kernel/errors';
import { figure, msg, type Msg, type MsgParam } from '../kernel/messages';
import { addF, cmpF, frac, type Fraction } from '../kernel/fraction';
import { daysBetween, isDate } from '../kernel/dates';
import { decimalTextOrNull, parseDecimal } from '../kernel/decimal';

// ---- scoring ----------------------------------------------------------------------------------------------------

/** Likelihood and impact are rated on a five-point scale. */
export const RATING_MIN = 1;
export const RATING_MAX = 5;

/** Names of the points of the scales, for labels (index = rating - 1). */
export const LIKELIHOOD_LABELS = ['rare', 'unlikely', 'possible', 'likely', 'almost_certain'] as const;
export const IMPACT_LABELS = ['negligible', 'minor', 'moderate', 'major', 'severe'] as const;

export const RISK_BANDS = ['low', 'medium', 'high', 'critical'] as const;
export type RiskBand = (typeof RISK_BANDS)[number];

/**
 * The lowest score of each band. The products of two ratings from 1 to 5 are 1-6, 8-10, 12, 15, 16, 20 and 25;
 * the bands follow the common 5x5 matrix of the NPSA's "A risk matrix for risk managers" (2008):
 * low 1-3, medium 4-6, high 8-12, critical 15-25.
 */
export const BAND_FLOORS: Readonly<Record<RiskBand, number>> = { low: 1, medium: 4, high: 8, critical: 15 };

/** True for a whole rating from 1 to 5. */
export const isRating = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= RATING_MIN && (n as number) <= RATING_MAX;

/** The score of a risk: likelihood x impact, from 1 to 25. Throws a RangeError for a rating outside 1-5. */
export function riskScore(likelihood: number, impact: number): number {
  if (!isRating(likelihood) || !isRating(impact)) throw new RangeError(`Ratings are whole numbers from 1 to 5, got ${likelihood} and ${impact}`);
  return likelihood * impact;
}

/** The band of a score (1-25). */
export function riskBand(score: number): RiskBand {
  if (score >= BAND_FLOORS.critical) return 'critical';
  if (score >= BAND_FLOORS.high) return 'high';
  if (score >= BAND_FLOORS.medium) return 'medium';
  return 'low';
}

// ---- the state machine ------------------------------------------------------------------------------------------

/**
 * open: identified and watched; mitigating: actions under way; accepted: the partnership decided to bear it
 * without further action; occurred: the risk event happened and is being handled; closed: no longer relevant.
 */
export const RISK_STATUSES = ['open', 'mitigating', 'accepted', 'occurred', 'closed'] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];

/**
 * Allowed status moves. Any live status may close; a closed risk can only be reopened; a risk that occurred
 * cannot go back to "not yet happened" (open or accepted), only be handled (mitigating) or closed.
 */
export const RISK_TRANSITIONS: Readonly<Record<RiskStatus, readonly RiskStatus[]>> = {
  open: ['mitigating', 'accepted', 'occurred', 'closed'],
  mitigating: ['open', 'accepted', 'occurred', 'closed'],
  accepted: ['open', 'mitigating', 'occurred', 'closed'],
  occurred: ['mitigating', 'closed'],
  closed: ['open'],
};

/** The status of a newly registered risk. */
export const INITIAL_RISK_STATUS: RiskStatus = 'open';

/** Statuses that still need attention: everything but closed. */
export const isLiveRisk = (s: RiskStatus): boolean => s !== 'closed';

/** The statuses a risk may move to next. */
export const nextRiskStatuses = (from: RiskStatus): RiskStatus[] => [...(RISK_TRANSITIONS[from] ?? [])];

/** A status as a word inside a sentence (a value that is no status, as it is). */
const statusWord = (s: RiskStatus): Msg | string => ((RISK_STATUSES as readonly string[]).includes(s) ? msg(`risks.status.${s}`) : String(s));

/** Statuses as a list in a sentence ("open, closed"), or "none". */
function statusList(statuses: readonly RiskStatus[]): MsgParam {
  return statuses.length === 0 ? msg('risks.status.none') : statuses.map(statusWord);
}

/**
 * Returns the move or throws: 409 `illegal_transition` (naming the allowed moves) when the state machine
 * forbids it, 422 `validation_failed` when no reason is given.
 */
export function decideRiskTransition(from: RiskStatus, to: RiskStatus, reason: string): { from: RiskStatus; to: RiskStatus; reason: string } {
  const allowed = RISK_TRANSITIONS[from] ?? [];
  if (!allowed.includes(to)) {
    throw new DomainError(
      'illegal_transition',
      msg('risks.illegal_transition', { from: statusWord(from), to: statusWord(to), allowed: statusList(allowed) }),
      [issue('to', msg('risks.not_allowed_from', { from: statusWord(from) }))],
      { from, to, allowed: [...allowed] },
    );
  }
  if (typeof reason !== 'string' || !reason.trim()) {
    throw new DomainError('validation_failed', msg('risks.reason_required'), [issue('reason', msg('risks.say_why_status_changes'))]);
  }
  return { from, to, reason: reason.trim() };
}

// ---- allocation -------------------------------------------------------------------------------------------------

/**
 * The parties a risk can be allocated to: the two party codes of the OCDS for PPPs `riskAllocation` code list
 * (a closed list; its third code, `undefined`, means "not clearly assigned", which Accord derives instead).
 */
export const RISK_PARTIES = ['publicAuthority', 'privateParty'] as const;
export type RiskParty = (typeof RISK_PARTIES)[number];

/** How a risk is allocated as a whole, derived from its shares: Accord adds `shared` and `unallocated`. */
export type RiskAllocation = RiskParty | 'shared' | 'unallocated';

/** The OCDS `riskAllocation` code for export: the party that wholly or mostly retains the risk. */
export type OcdsRiskAllocation = RiskParty | 'undefined';

/**
 * One party's share of a risk. `organisationId` names the member organisation bearing it (null: the side as a
 * whole, not yet attributed). `percent` is exact: a whole number, decimal text ("33.5") or a JSON number read by
 * its shortest decimal form.
 */
export interface RiskShare {
  party: RiskParty;
  organisationId: string | null;
  percent: string | number;
}

/**
 * The party an organisation of a sector usually stands for in a risk allocation: public and multilateral
 * bodies for the public authority, every other sector for the private party. A default the UI may pre-fill.
 */
export function defaultPartyOfSector(sector: string): RiskParty {
  return sector === 'public' || sector === 'multilateral' ? 'publicAuthority' : 'privateParty';
}

const HUNDRED = frac(100);

/** An exact share percent in (0, 100], or null when malformed or out of range. */
export function parsePercent(value: unknown): Fraction | null {
  const f = parseDecimal(value);
  if (!f || f.num <= 0n || cmpF(f, HUNDRED) > 0) return null;
  return f;
}

/** The canonical text of a share percent ("33.50" -> "33.5", 25 -> "25"), for storing; null when invalid. */
export function canonicalPercent(value: unknown): string | null {
  const f = parsePercent(value);
  return f ? decimalTextOrNull(f) : null;
}

/** Each party's total percent, exact (parties without a share are left out). Invalid percents count as zero. */
export function partyTotals(shares: readonly RiskShare[]): Map<RiskParty, Fraction> {
  const out = new Map<RiskParty, Fraction>();
  for (const s of shares) {
    const p = parsePercent(s.percent);
    if (p && (RISK_PARTIES as readonly string[]).includes(s.party)) out.set(s.party, addF(out.get(s.party) ?? frac(0), p));
  }
  return out;
}

/** The allocation a set of shares amounts to: one party alone, shared between both, or unallocated. */
export function allocationOf(shares: readonly RiskShare[]): RiskAllocation {
  const parties = [...partyTotals(shares).keys()];
  if (parties.length === 0) return 'unallocated';
  return parties.length === 1 ? parties[0] : 'shared';
}

/**
 * The OCDS `riskAllocation` code of a set of shares: the party that holds more than half of the risk
 * ("wholly or mostly retained"), `undefined` when neither does (an even split, or no shares).
 */
export function ocdsAllocation(shares: readonly RiskShare[]): OcdsRiskAllocation {
  for (const [party, total] of partyTotals(shares)) if (cmpF(total, frac(50)) > 0) return party;
  return 'undefined';
}

/**
 * Every problem of a set of shares, with paths under `at` (default `allocation`): each percent exact and in
 * (0, 100], each party one of RISK_PARTIES (and of `parties`, the OCDS `riskAllocation` codes, when given), each
 * organisation a member (when `organisationIds` is given) and named once, and, when there are shares at all, a
 * total of exactly 100.
 */
export function checkAllocation(
  shares: readonly RiskShare[],
  options: { parties?: ReadonlySet<string>; organisationIds?: ReadonlySet<string>; at?: string } = {},
): FieldIssue[] {
  const { parties = new Set(RISK_PARTIES), organisationIds, at = 'allocation' } = options;
  const issues: FieldIssue[] = [];
  const named = new Set<string>();
  const unnamed = new Set<string>();
  let total = frac(0);
  let valid = true;
  shares.forEach((s, i) => {
    const p = `${at}.${i}`;
    if (!(RISK_PARTIES as readonly string[]).includes(s.party) || !parties.has(s.party)) {
      issues.push(issue(`${p}.party`, msg('risks.not_an_allocation_party', { party: String(s.party), parties: RISK_PARTIES.join(', ') }), 'unknown_code'));
    }
    if (s.organisationId != null) {
      if (organisationIds && !organisationIds.has(s.organisationId)) {
        issues.push(issue(`${p}.organisationId`, msg('risks.organisation_not_member'), 'unknown_reference'));
      }
      if (named.has(s.organisationId)) issues.push(issue(`${p}.organisationId`, msg('risks.organisation_has_share'), 'duplicate'));
      named.add(s.organisationId);
    } else {
      if (unnamed.has(s.party)) issues.push(issue(`${p}.organisationId`, msg('risks.party_has_unnamed_share'), 'duplicate'));
      unnamed.add(s.party);
    }
    const pct = parsePercent(s.percent);
    if (!pct) {
      valid = false;
      issues.push(issue(`${p}.percent`, msg('risks.share_percent'), 'invalid_number'));
    } else total = addF(total, pct);
  });
  if (valid && shares.length > 0 && cmpF(total, HUNDRED) !== 0) {
    const sum = decimalTextOrNull(total);
    issues.push(issue(at, msg('risks.shares_not_100', { total: sum === null ? '?' : figure(sum) }), 'not_100'));
  }
  return issues;
}

// ---- the risk -----------------------------------------------------------------------------------------------------

/** Something the partnership will do to make a risk less likely or less harmful. */
export interface MitigationAction {
  id: string;
  description: string;
  /** The member organisation responsible. */
  ownerOrganisationId: string;
  /** The person responsible, when one is named. */
  ownerPersonId?: string | null;
  dueOn: string;
  /** The day it was done; null or absent while still to do. */
  doneOn?: string | null;
}

/** A review of the risk, planned (`dueOn`) and, once held, done (`doneOn`). */
export interface RiskReview {
  dueOn: string;
  doneOn?: string | null;
  note?: string | null;
}

/** The fields of a risk that a person enters (the status moves through `decideRiskTransition`). */
export interface RiskInput {
  /** An OCDS for PPPs `riskCategory` code. */
  category: string;
  title: string;
  description: string;
  likelihood: number;
  impact: number;
  allocation: RiskShare[];
  mitigations: MitigationAction[];
  reviews: RiskReview[];
  decisionIds: string[];
  commitmentIds: string[];
}

/** A registered risk as the rules need it. */
export interface Risk extends RiskInput {
  id: string;
  status: RiskStatus;
}

/** Reference lists for the risk rules, loaded at the edge from `standards/ocds/ppp-profile/`. */
export interface RiskCodelists {
  /** Codes of `riskCategory.csv`. */
  categories: ReadonlySet<string>;
  /** Codes of `riskAllocation.csv`; the two party codes must be among them. Defaults to RISK_PARTIES. */
  allocations?: ReadonlySet<string>;
}

/** The partnership's records a risk may refer to; each set given is checked, each one left out is not. */
export interface RiskReferences {
  organisationIds?: ReadonlySet<string>;
  personIds?: ReadonlySet<string>;
  decisionIds?: ReadonlySet<string>;
  commitmentIds?: ReadonlySet<string>;
}

export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 5000;

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/** The problems of a link, per kind of record linked (worded apart: the words agree with the record's). */
const LINK_MESSAGES = {
  decision: { needsId: msg('risks.decision_link_needs_id'), twice: msg('risks.decision_linked_twice'), unknown: msg('risks.no_such_decision') },
  commitment: { needsId: msg('risks.commitment_link_needs_id'), twice: msg('risks.commitment_linked_twice'), unknown: msg('risks.no_such_commitment') },
} as const;

function checkLinks(ids: readonly string[] | undefined, field: string, known: ReadonlySet<string> | undefined, what: keyof typeof LINK_MESSAGES): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  const says = LINK_MESSAGES[what];
  (ids ?? []).forEach((id, i) => {
    if (typeof id !== 'string' || !id) issues.push(issue(`${field}.${i}`, says.needsId, 'required'));
    else if (seen.has(id)) issues.push(issue(`${field}.${i}`, says.twice, 'duplicate'));
    else if (known && !known.has(id)) issues.push(issue(`${field}.${i}`, says.unknown, 'unknown_reference'));
    seen.add(id);
  });
  return issues;
}

/**
 * Every problem of a risk, each with its path (`allocation.1.percent`, `mitigations.0.dueOn`): the category
 * against the OCDS list, ratings, the allocation, mitigation actions, reviews and links. Empty when valid.
 */
export function checkRisk(risk: RiskInput, lists: RiskCodelists, refs: RiskReferences = {}): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!lists.categories.has(risk.category)) {
    issues.push(issue('category', msg('risks.not_a_category', { category: String(risk.category) }), 'unknown_code'));
  }
  const title = text(risk.title);
  if (!title) issues.push(issue('title', msg('risks.title_required'), 'required'));
  else if (title.length > TITLE_MAX) issues.push(issue('title', msg('risks.at_most_characters', { max: TITLE_MAX }), 'too_long'));
  const description = text(risk.description);
  if (!description) issues.push(issue('description', msg('risks.description_required'), 'required'));
  else if (description.length > DESCRIPTION_MAX) issues.push(issue('description', msg('risks.at_most_characters', { max: DESCRIPTION_MAX }), 'too_long'));
  for (const f of ['likelihood', 'impact'] as const) {
    if (!isRating(risk[f])) issues.push(issue(f, msg('risks.rating'), 'invalid_rating'));
  }
  issues.push(...checkAllocation(risk.allocation ?? [], { parties: lists.allocations, organisationIds: refs.organisationIds }));

  const actionIds = new Set<string>();
  (risk.mitigations ?? []).forEach((m, i) => {
    const p = `mitigations.${i}`;
    if (!text(m.id)) issues.push(issue(`${p}.id`, msg('risks.action_needs_id'), 'required'));
    else if (actionIds.has(m.id)) issues.push(issue(`${p}.id`, msg('risks.actions_same_id'), 'duplicate'));
    actionIds.add(m.id);
    if (!text(m.description)) issues.push(issue(`${p}.description`, msg('risks.action_description_required'), 'required'));
    if (!text(m.ownerOrganisationId)) issues.push(issue(`${p}.ownerOrganisationId`, msg('risks.action_owner_required'), 'required'));
    else if (refs.organisationIds && !refs.organisationIds.has(m.ownerOrganisationId)) {
      issues.push(issue(`${p}.ownerOrganisationId`, msg('risks.organisation_not_member'), 'unknown_reference'));
    }
    if (m.ownerPersonId != null && refs.personIds && !refs.personIds.has(m.ownerPersonId)) {
      issues.push(issue(`${p}.ownerPersonId`, msg('risks.person_not_in_partnership'), 'unknown_reference'));
    }
    if (!isDate(m.dueOn)) issues.push(issue(`${p}.dueOn`, msg('risks.date_format'), 'invalid_date'));
    if (m.doneOn != null && !isDate(m.doneOn)) issues.push(issue(`${p}.doneOn`, msg('risks.date_format'), 'invalid_date'));
  });

  (risk.reviews ?? []).forEach((r, i) => {
    const p = `reviews.${i}`;
    if (!isDate(r.dueOn)) issues.push(issue(`${p}.dueOn`, msg('risks.date_format'), 'invalid_date'));
    if (r.doneOn != null && !isDate(r.doneOn)) issues.push(issue(`${p}.doneOn`, msg('risks.date_format'), 'invalid_date'));
  });
  const reviewDays = (risk.reviews ?? []).map((r) => r.dueOn);
  reviewDays.forEach((d, i) => {
    if (reviewDays.indexOf(d) !== i) issues.push(issue(`reviews.${i}.dueOn`, msg('risks.review_already_planned'), 'duplicate'));
  });

  issues.push(...checkLinks(risk.decisionIds, 'decisionIds', refs.decisionIds, 'decision'));
  issues.push(...checkLinks(risk.commitmentIds, 'commitmentIds', refs.commitmentIds, 'commitment'));
  return issues;
}

/** Throws 422 `validation_failed` with every problem of the risk, or returns its score and band. */
export function decideRisk(risk: RiskInput, lists: RiskCodelists, refs: RiskReferences = {}): { score: number; band: RiskBand; allocation: RiskAllocation } {
  const issues = checkRisk(risk, lists, refs);
  if (issues.length) throw new DomainError('validation_failed', msg('risks.invalid_fields'), issues);
  const score = riskScore(risk.likelihood, risk.impact);
  return { score, band: riskBand(score), allocation: allocationOf(risk.allocation) };
}

// ---- the heat map -------------------------------------------------------------------------------------------------

/** One cell of the heat map. */
export interface HeatCell {
  likelihood: number;
  impact: number;
  score: number;
  band: RiskBand;
  count: number;
  /** The risks in this cell, in the order given. */
  riskIds: string[];
}

export interface HeatMap {
  /** `cells[likelihood - 1][impact - 1]`: row 0 is likelihood 1 (rare). Draw row 4 on top. */
  cells: HeatCell[][];
  /** Risks counted per band. */
  byBand: Record<RiskBand, number>;
  total: number;
}

/**
 * The 5x5 heat map of the risks whose status is in `statuses` (by default every live one, so closed risks
 * drop off the map). A risk with ratings outside 1-5 is left out rather than guessed.
 */
export function heatMap(
  risks: readonly Pick<Risk, 'id' | 'likelihood' | 'impact' | 'status'>[],
  statuses: readonly RiskStatus[] = RISK_STATUSES.filter(isLiveRisk),
): HeatMap {
  const cells: HeatCell[][] = [];
  for (let l = RATING_MIN; l <= RATING_MAX; l++) {
    const row: HeatCell[] = [];
    for (let i = RATING_MIN; i <= RATING_MAX; i++) row.push({ likelihood: l, impact: i, score: l * i, band: riskBand(l * i), count: 0, riskIds: [] });
    cells.push(row);
  }
  const byBand: Record<RiskBand, number> = { low: 0, medium: 0, high: 0, critical: 0 };
  let total = 0;
  for (const r of risks) {
    if (!statuses.includes(r.status) || !isRating(r.likelihood) || !isRating(r.impact)) continue;
    const cell = cells[r.likelihood - 1][r.impact - 1];
    cell.count++;
    cell.riskIds.push(r.id);
    byBand[cell.band]++;
    total++;
  }
  return { cells, byBand, total };
}

// ---- overdue items ------------------------------------------------------------------------------------------------

export interface OverdueMitigation {
  riskId: string;
  actionId: string;
  ownerOrganisationId: string;
  ownerPersonId: string | null;
  dueOn: string;
  daysOverdue: number;
}

export interface OverdueReview {
  riskId: string;
  dueOn: string;
  daysOverdue: number;
}

/**
 * The mitigation actions and reviews of live risks that are not done and whose due date is before `today`
 * (due today is not overdue yet), most overdue first. A closed risk has nothing overdue.
 */
export function overdueRiskItems(
  risks: readonly Pick<Risk, 'id' | 'status' | 'mitigations' | 'reviews'>[],
  today: string,
): { mitigations: OverdueMitigation[]; reviews: OverdueReview[] } {
  const mitigations: OverdueMitigation[] = [];
  const reviews: OverdueReview[] = [];
  for (const r of risks) {
    if (!isLiveRisk(r.status)) continue;
    for (const m of r.mitigations ?? []) {
      if (m.doneOn == null && isDate(m.dueOn) && m.dueOn < today) {
        mitigations.push({ riskId: r.id, actionId: m.id, ownerOrganisationId: m.ownerOrganisationId, ownerPersonId: m.ownerPersonId ?? null, dueOn: m.dueOn, daysOverdue: daysBetween(m.dueOn, today) });
      }
    }
    for (const v of r.reviews ?? []) {
      if (v.doneOn == null && isDate(v.dueOn) && v.dueOn < today) reviews.push({ riskId: r.id, dueOn: v.dueOn, daysOverdue: daysBetween(v.dueOn, today) });
    }
  }
  const order = (a: { dueOn: string; riskId: string }, b: { dueOn: string; riskId: string }) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.riskId < b.riskId ? -1 : a.riskId > b.riskId ? 1 : 0);
  return { mitigations: mitigations.sort(order), reviews: reviews.sort(order) };
}

/** The next review of a live risk that is not yet done (the earliest), or null. */
export function nextReview(risk: Pick<Risk, 'status' | 'reviews'>): string | null {
  if (!isLiveRisk(risk.status)) return null;
  const due = (risk.reviews ?? []).filter((r) => r.doneOn == null && isDate(r.dueOn)).map((r) => r.dueOn).sort();
  return due[0] ?? null;
}
