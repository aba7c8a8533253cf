/**
 * Importing commitments (pledges): one pledge per row, with one tranche (the whole valuation due on "Due on").
 * Each row goes through the pledge use case (`pledgeIn`) in the import's transaction, so it is checked exactly
 * as a pledge made in the app: a current member, a representative for their own organisation only, the
 * domain's rules for valuation, quantity, basis and dates, the ledger posting. The file is checked as a whole:
 * the same pledge twice in one file is a problem of the later row.
 */
import { RESOURCE_KINDS, type ResourceKind } from '../../domain/accountability/commitments';
import { memberOrganisations } from '../../store/repositories/ledger.repository';
import { pledgeIn, type PledgeInput } from '../accountability/commitments';
import { msg } from '../../domain/kernel/messages';
import { applyEach, type CellIssue, type Importer, type RowIssue } from './pipeline';
import { decimalIn, duplicates, listIn, nameKey, organisationIndex, perImport, required } from './cells';

export interface PledgeRow {
  organisation: string;
  kind: string;
  description: string;
  amount: string;
  currency: string;
  quantity: string | null;
  unit: string;
  basis: string;
  pledgedOn: string | null;
  dueOn: string;
  conditions: string[];
  decision: string | null;
  recipient: string | null;
}

/** Kinds as people write them (English, French, Spanish), compared by `nameKey` without spaces and punctuation. */
const KIND_NAMES: Record<ResourceKind, readonly string[]> = {
  cash: ['cash', 'money', 'especes', 'numeraire', 'argent', 'financier', 'efectivo', 'dinero', 'monetario'],
  in_kind_goods: ['in kind goods', 'in-kind goods', 'goods', 'biens', 'biens en nature', 'bienes', 'bienes en especie'],
  staff_time: ['staff time', 'staff', 'expertise', 'temps de personnel', 'personnel', 'tiempo de personal', 'personal'],
  data: ['data', 'donnees', 'datos'],
  facilities: ['facilities', 'equipment', 'installations', 'equipements', 'instalaciones', 'equipos'],
  licences_ip: ['licences ip', 'licenses', 'licences', 'ip', 'intellectual property', 'licences pi', 'propriete intellectuelle', 'licencias', 'propiedad intelectual'],
  other: ['other', 'autre', 'otro'],
};
const compact = (s: string) => nameKey(s).replace(/[^a-z0-9]/g, '');
const KIND_OF = new Map<string, ResourceKind>(RESOURCE_KINDS.flatMap((k) => [[compact(k), k] as const, ...KIND_NAMES[k].map((n) => [compact(n), k] as const)]));

/** The column of a pledge use case's field. */
export function pledgeColumn(field: string): string | null {
  const [head, second, third] = field.split('.');
  switch (head) {
    case 'organisationId':
    case 'partner':
      return 'organisation';
    case 'kind':
    case 'description':
    case 'pledgedOn':
    case 'conditions':
      return head;
    case 'valuation':
      return second === 'currency' ? 'currency' : 'amount';
    case 'quantity':
      return second === 'unit' ? 'unit' : 'quantity';
    case 'valuationBasis':
      return 'basis';
    case 'tranches':
      if (third === 'dueOn') return 'dueOn';
      if (third === 'value') return field.endsWith('.currency') ? 'currency' : 'amount';
      if (third === 'quantity') return field.endsWith('.unit') ? 'unit' : 'quantity';
      return 'amount';
    case 'decisionId':
      return 'decision';
    case 'recipientOrganisationId':
      return 'recipient';
    default:
      return null;
  }
}

const refs = perImport(async (ctx) => organisationIndex(await memberOrganisations(ctx.u.trx, ctx.partnership.id)));

export const commitmentsImporter: Importer<PledgeRow> = {
  kind: 'commitments',
  title: 'Commitments',
  action: 'partnership.commitments.pledge',
  checksInApply: true,
  movesValue: true,
  columns: [
    { key: 'organisation', label: 'Organisation', required: true, aliases: ['organization', 'organisation id', 'partner', 'pledging organisation', 'organisme', 'partenaire', 'organisation partenaire', 'organizacion', 'socio', 'entidad'], description: 'The pledging member organisation: its name as in the members list, or its id. A representative pledges for their own organisation only' },
    { key: 'kind', label: 'Kind', required: true, aliases: ['type', 'resource', 'resource kind', 'nature', 'type de ressource', 'tipo', 'tipo de recurso'], description: `What is pledged: ${RESOURCE_KINDS.join(', ')} (or in words: cash, goods, staff time, data, facilities, licences, other)` },
    { key: 'description', label: 'Description', required: true, aliases: ['what', 'libelle', 'descriptif', 'objet', 'descripcion'], description: 'What the partner brings' },
    { key: 'amount', label: 'Valuation', required: true, aliases: ['amount', 'value', 'montant', 'valeur', 'valorisation', 'monto', 'importe', 'valor', 'valoracion'], description: 'What the pledge is worth in money, in the decimal separator stated in the request (in kind too)' },
    { key: 'currency', label: 'Currency', required: true, aliases: ['devise', 'monnaie', 'moneda', 'divisa'], description: 'ISO 4217 code of the valuation (EUR)' },
    { key: 'quantity', label: 'Quantity', aliases: ['quantite', 'cantidad'], description: 'In kind: how much (200), with its unit' },
    { key: 'unit', label: 'Unit', aliases: ['unite', 'unidad'], description: 'In kind: the unit of the quantity (person-days, doses)' },
    { key: 'basis', label: 'Valuation basis', aliases: ['basis', 'base de valorisation', 'base de valoracion', 'base'], description: 'How the valuation was reached; required in kind' },
    { key: 'pledgedOn', label: 'Pledged on', aliases: ['date', 'pledge date', 'date d engagement', 'date de la promesse', 'engage le', 'fecha', 'fecha de compromiso', 'fecha del compromiso'], description: 'YYYY-MM-DD, not in the future; today when blank' },
    { key: 'dueOn', label: 'Due on', required: true, aliases: ['due date', 'due', 'echeance', 'date d echeance', 'du le', 'vencimiento', 'fecha de vencimiento', 'fecha limite'], description: 'YYYY-MM-DD: when the whole valuation is due (one tranche; amend the commitment in the app to split it)' },
    { key: 'conditions', label: 'Conditions', aliases: ['condition', 'condiciones'], description: 'Conditions of the pledge, one per line of the cell' },
    { key: 'decision', label: 'Decision', aliases: ['decision id', 'approved by', 'decision d approbation', 'decision de aprobacion'], description: 'The id of the decision that approved the pledge' },
    { key: 'recipient', label: 'Recipient', aliases: ['recipient organisation', 'destinataire', 'beneficiaire', 'destinatario', 'receptor'], description: 'The member organisation that receives the deliveries, when it is not the partnership as a whole: name or id' },
  ],
  parseRow(cells, { decimal }) {
    const issues: CellIssue[] = [];
    const labels = {
      organisation: msg('imports.label.organisation'), kind: msg('imports.label.kind'), description: msg('imports.label.description'),
      amount: msg('imports.label.valuation'), currency: msg('imports.label.currency'), dueOn: msg('imports.label.due_date'),
    };
    for (const [key, label] of Object.entries(labels)) {
      if (!cells[key]) issues.push(required(key, label));
    }
    const amount = cells.amount ? decimalIn(cells.amount, decimal, 'amount') : null;
    if (amount && !amount.ok) issues.push(amount.issue);
    const quantity = cells.quantity ? decimalIn(cells.quantity, decimal, 'quantity') : null;
    if (quantity && !quantity.ok) issues.push(quantity.issue);
    if (issues.length) return { ok: false, issues };
    return {
      ok: true,
      value: {
        organisation: cells.organisation,
        // an unknown kind is passed on as written: the domain says which kinds there are
        kind: KIND_OF.get(compact(cells.kind)) ?? cells.kind,
        description: cells.description,
        amount: amount!.ok ? amount!.text : '',
        currency: cells.currency.toUpperCase(),
        quantity: quantity?.ok ? quantity.text : null,
        unit: cells.unit,
        basis: cells.basis,
        pledgedOn: cells.pledgedOn || null,
        dueOn: cells.dueOn,
        conditions: listIn(cells.conditions),
        decision: cells.decision || null,
        recipient: cells.recipient || null,
      },
    };
  },
  async check(rows, ctx) {
    const orgs = await refs(ctx);
    const issues: RowIssue[] = [];
    for (const row of rows) {
      for (const column of ['organisation', 'recipient'] as const) {
        const text = row.value[column];
        if (text === null) continue;
        const found = orgs.find(text, column);
        if (!found.ok) issues.push({ line: row.line, ...found.issue });
      }
    }
    const key = (r: PledgeRow) => {
      const org = orgs.find(r.organisation, 'organisation');
      if (!org.ok) return null;
      return JSON.stringify([org.id, r.kind, nameKey(r.description), r.amount, r.currency, r.quantity, nameKey(r.unit), r.pledgedOn, r.dueOn]);
    };
    return [...issues, ...duplicates(rows, (row) => key(row.value), msg('imports.same.pledge'))];
  },
  async apply(rows, ctx) {
    const orgs = await refs(ctx);
    const id = (text: string | null) => {
      if (text === null) return null;
      const found = orgs.find(text, '');
      return found.ok ? found.id : text; // resolved in check; the use case names an unknown id
    };
    return applyEach(ctx, rows, async ({ value: r }) => {
      const money = { amount: r.amount, currency: r.currency };
      const input: PledgeInput = {
        organisationId: id(r.organisation)!,
        kind: r.kind as ResourceKind, // checked by the domain (invalid_kind)
        description: r.description,
        valuation: money,
        quantity: r.quantity === null ? null : { value: r.quantity, unit: r.unit },
        valuationBasis: r.basis,
        tranches: [{ dueOn: r.dueOn, value: money }],
        conditions: r.conditions,
        decisionId: r.decision,
        recipientOrganisationId: id(r.recipient),
        ...(r.pledgedOn ? { pledgedOn: r.pledgedOn } : {}),
      };
      await pledgeIn(ctx.deps, ctx.u, ctx.actor, ctx.partnership.id, input);
      return 'created';
    }, pledgeColumn);
  },
};
