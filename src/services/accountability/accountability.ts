/**
 * Mutual accountability across the ledger and the results framework: each partner's scorecard (pledged against
 * delivered, on-time deliveries, reporting timeliness, overdue items, traffic lights), the overdue board, and the
 * partnership dashboard (balances, pledged versus delivered by partner, indicator progress, open risks by band).
 *
 * The dashboard reads only pre-aggregated rows (running balances, per-period indicator aggregates, a count of
 * risks per band), so its cost does not grow with the ledger or the number of indicator values. The scorecards
 * and the board read the open commitments' tranches and the reporting calendar.
 */
import type { Deps } from '../context';
import type { Actor } from '../../domain/access/can';
import type { Tx } from '../../store/database';
import { loadFor } from '../partnerships/partnerships';
import { overdueBoard, scorecards, type DueItem, type ItemStatus, type Timeliness } from '../../domain/accountability/scorecard';
import { listMembers } from '../../store/repositories/partnerships.repository';
import { openRisksByBand } from '../../store/repositories/accountability.repository';
import { RISK_BANDS } from '../../domain/accountability/risks';
import { deliveryDueItems, financeSummary } from './finance';
import { indicatorProgressSummary, reportDueItems } from './indicators';
import { pledgeFigures, presentAmounts, presentRatio, settingsOf } from './ledger';

const dayOf = (deps: Deps) => deps.clock().slice(0, 10);

/** Where an item is handled: the commitment of a tranche, the indicator of a report. */
function refOf(i: DueItem): { kind: 'commitment' | 'indicator'; id: string } {
  return i.kind === 'delivery' ? { kind: 'commitment', id: i.id.split('#')[0] } : { kind: 'indicator', id: i.id.split(':')[0] };
}

const presentItem = (names: ReadonlyMap<string, string>) => (s: ItemStatus) => ({
  id: s.id,
  kind: s.kind,
  partner: s.partner,
  partnerName: names.get(s.partner) ?? null,
  label: s.label ?? null,
  dueOn: s.dueOn,
  doneOn: s.doneOn,
  light: s.light,
  state: s.state,
  daysUntilDue: s.daysUntilDue,
  ref: refOf(s),
});

const presentTimeliness = (t: Timeliness) => ({
  counted: t.counted, onTime: t.onTime, late: t.late, rate: presentRatio(t.rate), open: t.open, dueSoon: t.dueSoon, overdue: t.overdue,
});

/** Everything partners owe, and the names of the current member organisations. */
async function dueItems(db: Tx, partnershipId: string, today: string) {
  const [deliveries, reports, members] = await Promise.all([deliveryDueItems(db, partnershipId), reportDueItems(db, partnershipId, today), listMembers(db, partnershipId)]);
  const names = new Map(members.map((m) => [m.organisation_id, m.name]));
  const current = members.filter((m) => m.left_on === null).map((m) => m.organisation_id);
  return { items: [...deliveries, ...reports], names, current };
}

/** Every partner's scorecard: current members, and former ones who still owe or have pledged something. */
export async function partnerScorecards(deps: Deps, anyActor: Actor, id: string) {
  const db = deps.database.db;
  await loadFor(db, anyActor, id, 'partnership.resources.read');
  const today = dayOf(deps);
  const [settings, figures, due] = await Promise.all([settingsOf(db, id), pledgeFigures(db, id), dueItems(db, id, today)]);
  const partners = [...new Set([...due.current, ...figures.report.byPartner.map((f) => f.partner), ...due.items.map((i) => i.partner)])];
  const cards = scorecards({ partners, fulfilment: figures.report.byPartner, items: due.items }, today, settings.graceDays);
  const item = presentItem(due.names);
  return {
    asOf: today,
    graceDays: settings.graceDays,
    partners: cards
      .map((c) => ({
        organisationId: c.partner,
        organisationName: due.names.get(c.partner) ?? null,
        current: due.current.includes(c.partner),
        fulfilment: presentAmounts(c.fulfilment),
        deliveries: presentTimeliness(c.deliveries),
        reports: presentTimeliness(c.reports),
        overdue: c.overdue.map(item),
        lights: c.lights,
      }))
      .sort((a, b) => (a.organisationName ?? a.organisationId).localeCompare(b.organisationName ?? b.organisationId)),
  };
}

/** The overdue board: every open item that is yellow or red today, the most urgent first; optionally one partner's. */
export async function overdueItems(deps: Deps, anyActor: Actor, id: string, f: { partner?: string; kind?: 'delivery' | 'report' } = {}) {
  const db = deps.database.db;
  await loadFor(db, anyActor, id, 'partnership.resources.read');
  const today = dayOf(deps);
  const [settings, due] = await Promise.all([settingsOf(db, id), dueItems(db, id, today)]);
  const items = due.items.filter((i) => (!f.partner || i.partner === f.partner) && (!f.kind || i.kind === f.kind));
  const board = overdueBoard(items, today, settings.graceDays);
  return {
    asOf: today,
    graceDays: settings.graceDays,
    counts: { red: board.filter((s) => s.light === 'red').length, yellow: board.filter((s) => s.light === 'yellow').length },
    items: board.map(presentItem(due.names)),
  };
}

/** The partnership dashboard: money, results and risks at a glance, from pre-aggregated rows only. */
export async function accountabilityDashboard(deps: Deps, anyActor: Actor, id: string) {
  const db = deps.database.db;
  await loadFor(db, anyActor, id, 'partnership.resources.read');
  const today = dayOf(deps);
  const [finance, results, bands, members] = await Promise.all([financeSummary(db, id, today), indicatorProgressSummary(db, id, today), openRisksByBand(db, id), listMembers(db, id)]);
  return {
    asOf: today,
    finance,
    results,
    risks: { open: Object.fromEntries(RISK_BANDS.map((b) => [b, bands.get(b) ?? 0])) as Record<(typeof RISK_BANDS)[number], number> },
    partners: members.map((m) => ({ organisationId: m.organisation_id, organisationName: m.name, current: m.left_on === null })),
  };
}
