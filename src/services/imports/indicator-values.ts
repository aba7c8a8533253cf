/**
 * Importing indicator values: one row per indicator, reporting period and responsible partner, with the value
 * (the total; a breakdown is entered in the app) and an optional note. A row saves the partner's draft through
 * the submission use cases in the import's transaction: `createSubmissionIn` when the partner has no
 * submission for the period yet, `updateSubmissionIn` when it has a draft or a returned one (a blank note keeps
 * the stored note); a row equal to what is stored changes nothing. So the use cases check everything as in
 * the app: the period exists and has begun, the partner is responsible and the caller speaks for it, the value
 * fits the measure, and submitted or approved values are not changed. Drafts are submitted in the app.
 */
import { isNumericMeasure, type Measure } from '../../domain/accountability/indicators';
import { parseDecimal } from '../../domain/kernel/decimal';
import { listIndicators, findSubmissionFor, type IndicatorRow } from '../../store/repositories/results.repository';
import { memberOrganisations } from '../../store/repositories/ledger.repository';
import { createSubmissionIn, requireSpeaksFor, updateSubmissionIn } from '../accountability/indicators';
import { msg } from '../../domain/kernel/messages';
import { applyEach, cellIssue, type CellIssue, type ImportContext, type Importer, type RowIssue } from './pipeline';
import { decimalIn, duplicates, nameKey, organisationIndex, required } from './cells';

export interface IndicatorValueRow {
  indicator: string;
  period: string;
  partner: string;
  value: string;
  note: string | null;
}

/** A row with its references found and its value in the form the use cases read. */
interface Resolved {
  indicatorId: string;
  measure: Measure;
  periodKey: string;
  partnerId: string;
  value: string;
}

/** The column of a submission use case's field. */
export function submissionColumn(field: string): string | null {
  const [head] = field.split('.');
  switch (head) {
    case 'periodKey':
      return 'period';
    case 'partnerId':
      return 'partner';
    case 'value':
    case 'breakdown':
      return 'value';
    case 'note':
      return 'note';
    case 'indicatorId':
      return 'indicator';
    default:
      return null;
  }
}

/** What `check` resolved, for `apply` (the same context object reaches both). */
const resolvedIn = new WeakMap<ImportContext, Map<number, Resolved>>();

/** A monthly key typed in a spreadsheet becomes a date (2025-03 -> 2025-03-01); period keys never look like dates. */
const periodKeyOf = (text: string) => text.toUpperCase().replace(/^(\d{4}-\d{2})-01$/, '$1');

/** The same number however written ("12.50" = "12.5"); text as it is. */
const sameValue = (measure: Measure, a: string | null, b: string) => {
  if (a === null) return false;
  if (!isNumericMeasure(measure)) return a === b;
  const x = parseDecimal(a);
  const y = parseDecimal(b);
  return x !== null && y !== null && x.num * y.den === y.num * x.den;
};

export const indicatorValuesImporter: Importer<IndicatorValueRow> = {
  kind: 'indicator-values',
  title: 'Indicator values',
  action: 'partnership.results.report',
  checksInApply: true,
  columns: [
    { key: 'indicator', label: 'Indicator', required: true, aliases: ['indicator id', 'indicator title', 'indicateur', 'indicador'], description: 'The indicator: its title (as in the results framework) or its id' },
    { key: 'period', label: 'Period', required: true, aliases: ['period key', 'reporting period', 'periode', 'periode de rapport', 'periodo', 'periodo de reporte'], description: 'The reporting period: 2025 (annual), 2025-Q2 (quarterly), 2025-03 (monthly), FY2025-Q1 (fiscal years)' },
    { key: 'partner', label: 'Partner', required: true, aliases: ['organisation', 'organization', 'reporting partner', 'partenaire', 'organisme', 'socio', 'organizacion'], description: 'The responsible partner reporting: its name as in the members list, or its id. A representative reports for their own organisation only' },
    { key: 'value', label: 'Value', required: true, aliases: ['actual', 'result', 'valeur', 'realise', 'resultat', 'valor', 'resultado'], description: 'The value for the period: a number in the decimal separator stated in the request, or text for a qualitative indicator' },
    { key: 'note', label: 'Note', aliases: ['notes', 'comment', 'source', 'remarque', 'commentaire', 'nota', 'comentario', 'fuente'], description: 'Sources or caveats (blank keeps the note already saved)' },
  ],
  parseRow(cells) {
    const issues: CellIssue[] = [];
    const labels = { indicator: msg('imports.label.indicator'), period: msg('imports.label.period'), partner: msg('imports.label.partner'), value: msg('imports.label.value') };
    for (const [key, label] of Object.entries(labels)) {
      if (!cells[key]) issues.push(required(key, label));
    }
    if (issues.length) return { ok: false, issues };
    // the value is read once the indicator, and so its measure, is known (in check)
    return { ok: true, value: { indicator: cells.indicator, period: periodKeyOf(cells.period), partner: cells.partner, value: cells.value, note: cells.note || null } };
  },
  async check(rows, ctx) {
    const [indicators, members] = await Promise.all([listIndicators(ctx.u.trx, ctx.partnership.id), memberOrganisations(ctx.u.trx, ctx.partnership.id)]);
    const orgs = organisationIndex(members);
    const byId = new Map(indicators.map((i) => [i.id, i]));
    const byTitle = new Map<string, IndicatorRow[]>();
    for (const i of indicators) byTitle.set(nameKey(i.title), [...(byTitle.get(nameKey(i.title)) ?? []), i]);
    const resolved = new Map<number, Resolved>();
    resolvedIn.set(ctx, resolved);
    const issues: RowIssue[] = [];
    for (const { line, value: r } of rows) {
      const own: CellIssue[] = [];
      const titled = byTitle.get(nameKey(r.indicator)) ?? [];
      const ind = byId.get(r.indicator) ?? (titled.length === 1 ? titled[0] : undefined);
      if (!ind) {
        own.push(titled.length > 1
          ? cellIssue('indicator', msg('imports.indicator_ambiguous', { title: r.indicator }), 'ambiguous')
          : cellIssue('indicator', msg('imports.indicator_unknown', { title: r.indicator }), 'unknown_indicator'));
      }
      const partner = orgs.find(r.partner, 'partner');
      if (!partner.ok) own.push(partner.issue);
      let value = r.value;
      if (ind && isNumericMeasure(ind.measure as Measure)) {
        const n = decimalIn(r.value, ctx.decimal, 'value');
        if (n.ok) value = n.text;
        else own.push(n.issue);
      }
      if (own.length) issues.push(...own.map((i) => ({ line, ...i })));
      else resolved.set(line, { indicatorId: ind!.id, measure: ind!.measure as Measure, periodKey: r.period, partnerId: (partner as { id: string }).id, value });
    }
    const key = (line: number) => {
      const x = resolved.get(line);
      return x ? JSON.stringify([x.indicatorId, x.periodKey, x.partnerId]) : null;
    };
    return [...issues, ...duplicates(rows, (row) => key(row.line), msg('imports.same.indicator_value'), 'period')];
  },
  async apply(rows, ctx) {
    const resolved = resolvedIn.get(ctx)!;
    return applyEach(ctx, rows, async ({ line, value: r }) => {
      const x = resolved.get(line)!;
      const { deps, u, actor, partnership } = ctx;
      const existing = await findSubmissionFor(u.trx, x.indicatorId, x.periodKey, x.partnerId);
      if (!existing) {
        await createSubmissionIn(deps, u, actor, partnership.id, x.indicatorId, { periodKey: x.periodKey, partnerId: x.partnerId, value: x.value, note: r.note });
        return 'created';
      }
      if (sameValue(x.measure, existing.value, x.value) && (r.note === null || r.note === existing.note)) {
        // nothing to write, but still only the partner's own people learn that
        await requireSpeaksFor(u.trx, actor, partnership.id, x.partnerId, msg('imports.report_only_own_organisation'));
        return 'unchanged';
      }
      await updateSubmissionIn(deps, u, actor, partnership.id, existing, { value: x.value, ...(r.note !== null ? { note: r.note } : {}) });
      return 'updated';
    }, submissionColumn);
  },
};
