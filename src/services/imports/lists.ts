/**
 * The lists of the foundation, governance and accountability, exportable as CSV and XLSX. Each page comes
 * from the use case the list's API route calls (so access is checked by it, with the same can() action), and
 * only then are names looked up for the rows of that page, so an export shows exactly what the caller may read
 * there. Where a list can be imported, its export uses the import's column names, so an exported file can be
 * edited and read back.
 */
import { listMembers, listPeople } from '../partnerships/partnerships';
import { listDecisions } from '../governance/decisions';
import { listDisputes } from '../disputes/disputes';
import { partnershipAudit } from '../audit/audit';
import { balancesReport, listExchangeRates, listTransactions } from '../accountability/ledger';
import { listCommitments, listDeliveries } from '../accountability/commitments';
import { listRisks } from '../accountability/risks';
import { getResultsTree } from '../accountability/results';
import { listSubmissions } from '../accountability/indicators';
import { memberOrganisations } from '../../store/repositories/ledger.repository';
import { commitmentsByIds } from '../../store/repositories/commitments.repository';
import type { Deps } from '../context';
import { registerExport, type ExportList, type Page } from './exports';

type Row<F extends (...args: never[]) => Promise<{ items: unknown[] }>> = Awaited<ReturnType<F>>['items'][number];

const members: ExportList<Row<typeof listMembers>> = {
  list: 'members',
  title: 'Members',
  columns: [
    { header: 'Organisation', value: (m) => m.organisationName },
    { header: 'Organisation id', value: (m) => m.organisationId },
    { header: 'Sector', value: (m) => m.sector },
    { header: 'Country', value: (m) => m.country },
    { header: 'Role', value: (m) => m.role },
    { header: 'Joined on', value: (m) => m.joinedOn },
    { header: 'Left on', value: (m) => m.leftOn },
  ],
  page: (deps, actor, id, cursor, limit) => listMembers(deps, actor, id, { status: 'all', cursor, limit }),
};

const people: ExportList<Row<typeof listPeople>> = {
  list: 'people',
  title: 'People',
  columns: [
    { header: 'Name', value: (p) => p.name },
    { header: 'E-mail', value: (p) => p.email },
    { header: 'Role', value: (p) => p.role },
    { header: 'Organisation', value: (p) => p.organisationName },
    { header: 'User id', value: (p) => p.userId },
    { header: 'Since', value: (p) => p.since },
  ],
  page: (deps, actor, id, cursor, limit) => listPeople(deps, actor, id, { cursor, limit }),
};

const decisions: ExportList<Row<typeof listDecisions>> = {
  list: 'decisions',
  title: 'Decisions',
  columns: [
    { header: 'Number', type: 'number', value: (d) => d.number },
    { header: 'Title', value: (d) => d.title },
    { header: 'Kind', value: (d) => d.kind },
    { header: 'Decision type', value: (d) => d.decisionType },
    { header: 'Status', value: (d) => d.status },
    { header: 'Opens at', value: (d) => d.opensAt },
    { header: 'Closes at', value: (d) => d.closesAt },
    { header: 'Closed at', value: (d) => d.closedAt },
    { header: 'Outcome', value: (d) => d.outcome },
    { header: 'Review on', value: (d) => d.reviewOn },
    { header: 'Id', value: (d) => d.id },
  ],
  page: (deps, actor, id, cursor, limit) => listDecisions(deps, actor, id, { cursor, limit }),
};

const disputes: ExportList<Row<typeof listDisputes>> = {
  list: 'disputes',
  title: 'Disputes',
  columns: [
    { header: 'Number', type: 'number', value: (d) => d.number },
    { header: 'Subject', value: (d) => d.subject },
    { header: 'Status', value: (d) => d.status },
    { header: 'Parties', value: (d) => d.parties.map((p) => p.organisationName).join('; ') },
    { header: 'Current step', value: (d) => d.currentStepName },
    { header: 'Step due on', value: (d) => d.dueOn },
    { header: 'Overdue', value: (d) => d.overdue },
    { header: 'Opened on', value: (d) => d.openedOn },
    { header: 'Resolved on', value: (d) => d.resolvedOn },
    { header: 'Withdrawn on', value: (d) => d.withdrawnOn },
    { header: 'Days to resolution', type: 'number', value: (d) => d.daysToResolution },
    { header: 'Id', value: (d) => d.id },
  ],
  page: (deps, actor, id, cursor, limit) => listDisputes(deps, actor, id, { cursor, limit }),
};

const auditEvents: ExportList<Row<typeof partnershipAudit>> = {
  list: 'audit-events',
  title: 'Audit log',
  columns: [
    { header: 'Sequence', type: 'number', value: (e) => e.seq },
    { header: 'At', value: (e) => e.at },
    { header: 'Actor', value: (e) => e.actorName },
    { header: 'Action', value: (e) => e.action },
    { header: 'Entity type', value: (e) => e.entityType },
    { header: 'Entity id', value: (e) => e.entityId },
    { header: 'Changes', value: (e) => JSON.stringify(e.diff) },
    { header: 'Hash', value: (e) => e.hash },
    { header: 'Previous hash', value: (e) => e.prevHash },
  ],
  page: (deps, actor, id, cursor, limit) => partnershipAudit(deps, actor, id, cursor, limit),
};

/** The rates as entered: what the exchange-rates import reads, so an export can be edited and imported again. */
const exchangeRates: ExportList<Row<typeof listExchangeRates>> = {
  list: 'exchange-rates',
  title: 'Exchange rates',
  columns: [
    { header: 'From', value: (r) => r.from },
    { header: 'To', value: (r) => r.to },
    { header: 'On', value: (r) => r.on },
    { header: 'Rate', type: 'number', value: (r) => r.rate },
  ],
  page: (deps, actor, id, cursor, limit) => listExchangeRates(deps, actor, id, { cursor, limit }),
};

// ---- accountability ---------------------------------------------------------------------------------

/** Names of the partnership's member organisations (one query, after the page's use case checked access). */
async function organisationNames(deps: Deps, partnershipId: string): Promise<Map<string, string>> {
  return new Map((await memberOrganisations(deps.database.db, partnershipId)).map((m) => [m.organisation_id, m.name]));
}

/** A page with each row joined to what `extra` looked up for the whole page. */
async function withNames<T, E>(page: Page<T>, extra: () => Promise<E>): Promise<Page<{ row: T; extra: E }>> {
  const e = page.items.length ? await extra() : (undefined as E);
  return { items: page.items.map((row) => ({ row, extra: e })), nextCursor: page.nextCursor };
}

type Named<T> = { row: T; extra: Map<string, string> };
const nameOf = (m: Map<string, string>, id: string | null) => (id === null ? null : (m.get(id) ?? id));

/** Commitments with their progress; the columns the commitments import reads come first. */
const commitments: ExportList<Named<Row<typeof listCommitments>>> = {
  list: 'commitments',
  title: 'Commitments',
  columns: [
    { header: 'Number', type: 'number', value: ({ row }) => row.number },
    { header: 'Organisation', value: ({ row, extra }) => nameOf(extra, row.organisationId) },
    { header: 'Kind', value: ({ row }) => row.kind },
    { header: 'Description', value: ({ row }) => row.description },
    { header: 'Valuation', type: 'number', value: ({ row }) => row.valuation.amount },
    { header: 'Currency', value: ({ row }) => row.valuation.currency },
    { header: 'Quantity', type: 'number', value: ({ row }) => row.quantity?.value },
    { header: 'Unit', value: ({ row }) => row.quantity?.unit },
    { header: 'Valuation basis', value: ({ row }) => row.valuationBasis },
    { header: 'Pledged on', value: ({ row }) => row.pledgedOn },
    { header: 'Tranches', value: ({ row }) => row.tranches.map((t) => `${t.dueOn}: ${t.value.amount}`).join('; ') },
    { header: 'Conditions', value: ({ row }) => row.conditions.join('\n') },
    { header: 'Decision', value: ({ row }) => row.decisionId },
    { header: 'Recipient', value: ({ row, extra }) => nameOf(extra, row.recipientOrganisationId) },
    { header: 'Status', value: ({ row }) => row.status },
    { header: 'Delivered', type: 'number', value: ({ row }) => row.progress.delivered.amount },
    { header: 'Pending', type: 'number', value: ({ row }) => row.progress.pending.amount },
    { header: 'Outstanding', type: 'number', value: ({ row }) => row.progress.outstanding.amount },
    { header: 'Remaining', type: 'number', value: ({ row }) => row.progress.remaining.amount },
    { header: 'Delivered %', type: 'number', value: ({ row }) => row.progress.ratio?.percent },
    { header: 'Id', value: ({ row }) => row.id },
  ],
  page: async (deps, actor, id, cursor, limit) => withNames(await listCommitments(deps, actor, id, { cursor, limit }), () => organisationNames(deps, id)),
};

/** Deliveries, the commitment named by its number as the deliveries import reads it. */
const deliveries: ExportList<{ row: Row<typeof listDeliveries>; extra: { names: Map<string, string>; numbers: Map<string, number> } }> = {
  list: 'deliveries',
  title: 'Deliveries',
  columns: [
    { header: 'Number', type: 'number', value: ({ row }) => row.number },
    { header: 'Commitment', type: 'number', value: ({ row, extra }) => extra.numbers.get(row.commitmentId) },
    { header: 'Organisation', value: ({ row, extra }) => nameOf(extra.names, row.organisationId) },
    { header: 'Delivered on', value: ({ row }) => row.on },
    { header: 'Value', type: 'number', value: ({ row }) => row.value.amount },
    { header: 'Currency', value: ({ row }) => row.value.currency },
    { header: 'Quantity', type: 'number', value: ({ row }) => row.quantity?.value },
    { header: 'Unit', value: ({ row }) => row.quantity?.unit },
    { header: 'Evidence', value: ({ row }) => row.evidence.join('\n') },
    { header: 'Note', value: ({ row }) => row.note },
    { header: 'Status', value: ({ row }) => row.status },
    { header: 'Recorded at', value: ({ row }) => row.recordedAt },
    { header: 'Decided at', value: ({ row }) => row.decidedAt },
    { header: 'Reason', value: ({ row }) => row.reason },
    { header: 'Commitment id', value: ({ row }) => row.commitmentId },
    { header: 'Id', value: ({ row }) => row.id },
  ],
  page: async (deps, actor, id, cursor, limit) => {
    const page = await listDeliveries(deps, actor, id, { cursor, limit });
    return withNames(page, async () => ({
      names: await organisationNames(deps, id),
      numbers: new Map((await commitmentsByIds(deps.database.db, [...new Set(page.items.map((d) => d.commitmentId))])).map((c) => [c.id, c.number])),
    }));
  },
};

type TxRow = Row<typeof listTransactions>;
/** The ledger, one row per entry (a transaction has two or more), newest transaction first. */
const transactions: ExportList<{ tx: TxRow; entry: TxRow['entries'][number] }> = {
  list: 'transactions',
  title: 'Ledger transactions',
  columns: [
    { header: 'Transaction', type: 'number', value: ({ tx }) => tx.number },
    { header: 'Date', value: ({ tx }) => tx.date },
    { header: 'Type', value: ({ tx }) => tx.type },
    { header: 'Description', value: ({ tx }) => tx.description },
    { header: 'Account', value: ({ entry }) => entry.account },
    { header: 'Debit', type: 'number', value: ({ entry }) => (entry.side === 'debit' ? entry.amount.amount : null) },
    { header: 'Credit', type: 'number', value: ({ entry }) => (entry.side === 'credit' ? entry.amount.amount : null) },
    { header: 'Currency', value: ({ entry }) => entry.amount.currency },
    { header: 'Quantity', type: 'number', value: ({ entry }) => entry.quantity?.value },
    { header: 'Unit', value: ({ entry }) => entry.quantity?.unit },
    { header: 'Commitment id', value: ({ tx }) => tx.refs.commitmentId },
    { header: 'Delivery id', value: ({ tx }) => tx.refs.deliveryId },
    { header: 'Decision id', value: ({ tx }) => tx.refs.decisionId },
    { header: 'Reverses', value: ({ tx }) => tx.refs.reverses },
    { header: 'Reversed by', value: ({ tx }) => tx.reversedBy },
    { header: 'Created at', value: ({ tx }) => tx.createdAt },
    { header: 'Transaction id', value: ({ tx }) => tx.id },
  ],
  page: async (deps, actor, id, cursor, limit) => {
    const page = await listTransactions(deps, actor, id, { cursor, limit });
    return { items: page.items.flatMap((tx) => tx.entries.map((entry) => ({ tx, entry }))), nextCursor: page.nextCursor };
  },
};

/** The running balances of every account (a bounded list: one row per account and currency, in one page). */
const balances: ExportList<Awaited<ReturnType<typeof balancesReport>>['rows'][number]> = {
  list: 'balances',
  title: 'Balances',
  columns: [
    { header: 'Account', value: (r) => r.account },
    { header: 'Currency', value: (r) => r.currency },
    { header: 'Debit', type: 'number', value: (r) => r.debit.amount },
    { header: 'Credit', type: 'number', value: (r) => r.credit.amount },
    { header: 'Net', type: 'number', value: (r) => r.net.amount },
  ],
  page: async (deps, actor, id) => ({ items: (await balancesReport(deps, actor, id, {})).rows, nextCursor: null }),
};

const risks: ExportList<Row<typeof listRisks>> = {
  list: 'risks',
  title: 'Risks',
  columns: [
    { header: 'Number', type: 'number', value: (r) => r.number },
    { header: 'Title', value: (r) => r.title },
    { header: 'Category', value: (r) => r.category },
    { header: 'Category name', value: (r) => r.categoryName },
    { header: 'Likelihood', type: 'number', value: (r) => r.likelihood },
    { header: 'Impact', type: 'number', value: (r) => r.impact },
    { header: 'Score', type: 'number', value: (r) => r.score },
    { header: 'Band', value: (r) => r.band },
    { header: 'Status', value: (r) => r.status },
    { header: 'Allocation', value: (r) => r.allocation },
    { header: 'Owner', value: (r) => r.ownerOrganisationName ?? r.ownerOrganisationId },
    { header: 'Next review on', value: (r) => r.nextReviewOn },
    { header: 'Updated at', value: (r) => r.updatedAt },
    { header: 'Id', value: (r) => r.id },
  ],
  page: (deps, actor, id, cursor, limit) => listRisks(deps, actor, id, { sort: 'number', order: 'asc', cursor, limit }),
};

type Tree = Awaited<ReturnType<typeof getResultsTree>>;
/** Indicators with their progress, from the results tree (bounded by the framework: one page). */
const indicators: ExportList<{ ind: Tree['indicators'][number]; result: string | null }> = {
  list: 'indicators',
  title: 'Indicators',
  columns: [
    { header: 'Indicator', value: ({ ind }) => ind.title },
    { header: 'Result', value: ({ result }) => result },
    { header: 'Unit', value: ({ ind }) => ind.unit },
    { header: 'Measure', value: ({ ind }) => ind.measure },
    { header: 'Direction', value: ({ ind }) => ind.direction },
    { header: 'Value kind', value: ({ ind }) => ind.valueKind },
    { header: 'Frequency', value: ({ ind }) => ind.frequency },
    { header: 'Weight', type: 'number', value: ({ ind }) => ind.weight },
    { header: 'Latest period', value: ({ ind }) => ind.progress.latestPeriodKey },
    { header: 'Latest value', type: 'number', value: ({ ind }) => ind.progress.latest },
    { header: 'Actual', type: 'number', value: ({ ind }) => ind.progress.actual },
    { header: 'Target', type: 'number', value: ({ ind }) => ind.progress.target },
    { header: 'Progress %', type: 'number', value: ({ ind }) => ind.progress.percent },
    { header: 'Achieved', value: ({ ind }) => ind.progress.achieved },
    { header: 'Change against baseline %', type: 'number', value: ({ ind }) => ind.progress.changePercent },
    { header: 'Id', value: ({ ind }) => ind.id },
  ],
  page: async (deps, actor, id) => {
    const tree = await getResultsTree(deps, actor, id);
    const titles = new Map(tree.nodes.map((n) => [n.id, n.title]));
    return { items: tree.indicators.map((ind) => ({ ind, result: titles.get(ind.nodeId) ?? null })), nextCursor: null };
  },
};

/** Submissions, newest first; the columns the indicator-values import reads come first. */
const submissions: ExportList<Row<typeof listSubmissions>> = {
  list: 'indicator-submissions',
  title: 'Indicator submissions',
  columns: [
    { header: 'Indicator', value: (s) => s.indicatorTitle },
    { header: 'Period', value: (s) => s.periodKey },
    { header: 'Partner', value: (s) => s.partnerName },
    { header: 'Value', type: 'number', value: (s) => s.value },
    { header: 'Note', value: (s) => s.note },
    { header: 'Status', value: (s) => s.status },
    { header: 'First submitted on', value: (s) => s.firstSubmittedOn },
    { header: 'Submitted at', value: (s) => s.submittedAt },
    { header: 'Reviewed at', value: (s) => s.reviewedAt },
    { header: 'Review comment', value: (s) => s.reviewComment },
    { header: 'Indicator id', value: (s) => s.indicatorId },
    { header: 'Partner id', value: (s) => s.partnerId },
    { header: 'Id', value: (s) => s.id },
  ],
  page: (deps, actor, id, cursor, limit) => listSubmissions(deps, actor, id, { cursor, limit }),
};

let registered = false;
/** Registers the lists above (once). */
export function registerFoundationExports(): void {
  if (registered) return;
  registered = true;
  for (const list of [members, people, decisions, disputes, auditEvents, exchangeRates, commitments, deliveries, transactions, balances, risks, indicators, submissions] as ExportList<unknown>[]) registerExport(list);
}
