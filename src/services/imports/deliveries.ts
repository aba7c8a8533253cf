/**
 * Importing deliveries: one delivery per row against a commitment named by its number (12 or #12) or id.
 * Each row goes through the delivery use case (`recordDeliveryIn`) in the import's transaction, so it is
 * checked as a delivery recorded in the app: a confirmed or partly delivered commitment, the pledging
 * organisation's representative (or a convener), the commitment's currency and unit, a date neither in the
 * future nor before the pledge, and no more than what remains. Rows are applied in file order, each seeing
 * the ones before it: two deliveries that together exceed what remains make the later one a problem. The
 * same delivery twice in one file is a problem of the later row.
 */
import { recordDeliveryIn, type RecordDeliveryInput } from '../accountability/commitments';
import { findCommitment, openCommitments, type CommitmentRow } from '../../store/repositories/commitments.repository';
import { msg } from '../../domain/kernel/messages';
import { applyEach, cellIssue, type CellIssue, type ImportContext, type Importer, type RowIssue } from './pipeline';
import { decimalIn, duplicates, listIn, nameKey, perImport, required } from './cells';

export interface DeliveryRowIn {
  commitment: string;
  on: string;
  amount: string | null;
  currency: string;
  quantity: string | null;
  unit: string;
  evidence: string[];
  note: string | null;
}

/** The column of a delivery use case's field. */
export function deliveryColumn(field: string): string | null {
  const [head, second] = field.split('.');
  switch (head) {
    case 'value':
      return second === 'currency' ? 'currency' : 'amount';
    case 'quantity':
      return second === 'unit' ? 'unit' : 'quantity';
    case 'on':
    case 'evidence':
    case 'note':
    case 'commitment':
      return head;
    default:
      return null;
  }
}

/** The partnership's commitments open for deliveries, by number and by id (one query per import). */
const openOf = perImport(async (ctx) => {
  const rows = await openCommitments(ctx.u.trx, ctx.partnership.id);
  return { byNumber: new Map(rows.map((r) => [String(r.number), r])), byId: new Map(rows.map((r) => [r.id, r])) };
});

/** The commitment a row names, or the problem of its cell. */
async function commitmentOf(ctx: ImportContext, text: string): Promise<{ ok: true; row: CommitmentRow } | { ok: false; issue: CellIssue }> {
  const open = await openOf(ctx);
  const number = /^(?:#|no\.?|n°|nº)?\s*(\d{1,9})$/i.exec(text)?.[1];
  const found = number !== undefined ? open.byNumber.get(String(Number(number))) : open.byId.get(text);
  if (found) return { ok: true, row: found };
  // a cancelled or withdrawn one named by id: the use case says why it takes no delivery
  const ended = number === undefined ? await findCommitment(ctx.u.trx, ctx.partnership.id, text) : null;
  if (ended) return { ok: true, row: ended };
  const named = number !== undefined ? msg('imports.no_open_commitment_number', { number: Number(number) }) : msg('imports.no_open_commitment_text', { text });
  return { ok: false, issue: cellIssue('commitment', named, 'unknown_commitment') };
}

export const deliveriesImporter: Importer<DeliveryRowIn> = {
  kind: 'deliveries',
  title: 'Deliveries',
  action: 'partnership.deliveries.record',
  checksInApply: true,
  movesValue: true,
  columns: [
    { key: 'commitment', label: 'Commitment', required: true, aliases: ['commitment number', 'commitment id', 'pledge', 'pledge number', 'engagement', 'promesse', 'numero d engagement', 'compromiso', 'numero de compromiso'], description: 'The commitment delivered against: its number (12 or #12) or its id' },
    { key: 'on', label: 'Delivered on', required: true, aliases: ['date', 'on', 'delivery date', 'livre le', 'date de livraison', 'fecha', 'fecha de entrega', 'entregado el'], description: 'YYYY-MM-DD, neither in the future nor before the pledge' },
    { key: 'amount', label: 'Value', aliases: ['amount', 'montant', 'valeur', 'monto', 'importe', 'valor'], description: 'The value delivered, in the decimal separator stated in the request; for a commitment with a quantity it may be left blank and follows from the quantity' },
    { key: 'currency', label: 'Currency', aliases: ['devise', 'monnaie', 'moneda', 'divisa'], description: 'The commitment\u2019s currency (blank: the commitment\u2019s)' },
    { key: 'quantity', label: 'Quantity', aliases: ['quantite', 'cantidad'], description: 'For a commitment with a quantity: how much was delivered' },
    { key: 'unit', label: 'Unit', aliases: ['unite', 'unidad'], description: 'The commitment\u2019s unit (blank: the commitment\u2019s)' },
    { key: 'evidence', label: 'Evidence', aliases: ['evidence links', 'proof', 'preuve', 'preuves', 'justificatif', 'piece justificative', 'evidencia', 'prueba', 'comprobante'], description: 'Links (https://...) or file references (file:<id>), separated by spaces or line breaks' },
    { key: 'note', label: 'Note', aliases: ['notes', 'comment', 'remarque', 'commentaire', 'nota', 'comentario', 'observaciones'], description: 'Anything the receiving side should know' },
  ],
  parseRow(cells, { decimal }) {
    const issues: CellIssue[] = [];
    if (!cells.commitment) issues.push(required('commitment', msg('imports.label.commitment')));
    if (!cells.on) issues.push(required('on', msg('imports.label.delivery_date')));
    const amount = cells.amount ? decimalIn(cells.amount, decimal, 'amount') : null;
    if (amount && !amount.ok) issues.push(amount.issue);
    const quantity = cells.quantity ? decimalIn(cells.quantity, decimal, 'quantity') : null;
    if (quantity && !quantity.ok) issues.push(quantity.issue);
    if (!cells.amount && !cells.quantity) issues.push(cellIssue('amount', msg('imports.delivery_value_required'), 'required'));
    if (issues.length) return { ok: false, issues };
    return {
      ok: true,
      value: {
        commitment: cells.commitment,
        on: cells.on,
        amount: amount?.ok ? amount.text : null,
        currency: cells.currency.toUpperCase(),
        quantity: quantity?.ok ? quantity.text : null,
        unit: cells.unit,
        evidence: listIn(cells.evidence, /\s+/),
        note: cells.note || null,
      },
    };
  },
  async check(rows, ctx) {
    const issues: RowIssue[] = [];
    const ids = new Map<number, string>();
    for (const row of rows) {
      const c = await commitmentOf(ctx, row.value.commitment);
      if (c.ok) ids.set(row.line, c.row.id);
      else issues.push({ line: row.line, ...c.issue });
    }
    const key = (line: number, r: DeliveryRowIn) => {
      const id = ids.get(line);
      return id === undefined ? null : JSON.stringify([id, r.on, r.amount, r.currency, r.quantity, nameKey(r.unit), r.note, r.evidence]);
    };
    return [...issues, ...duplicates(rows, (row) => key(row.line, row.value), msg('imports.same.delivery'))];
  },
  async apply(rows, ctx) {
    return applyEach(ctx, rows, async ({ value: r }) => {
      const c = await commitmentOf(ctx, r.commitment);
      if (!c.ok) throw new Error('a row whose commitment did not resolve was applied'); // check reported it; such rows are not applied
      const input: RecordDeliveryInput = {
        on: r.on,
        ...(r.amount !== null ? { value: { amount: r.amount, currency: r.currency || c.row.currency } } : {}),
        quantity: r.quantity === null ? null : { value: r.quantity, unit: r.unit || (c.row.quantity_unit ?? '') },
        evidence: r.evidence,
        note: r.note,
      };
      await recordDeliveryIn(ctx.deps, ctx.u, ctx.actor, ctx.partnership.id, c.row.id, input);
      return 'created';
    }, deliveryColumn);
  },
};
