/**
 * Importing exchange rates (conveners): one rate per row, `from`, `to`, `on` (YYYY-MM-DD) and `rate` as
 * decimal text in the separator the client states. Rates are checked by the domain (known, different
 * currencies; a real date; a positive rate), then together: the same pair and date twice with different
 * rates, or a rate that differs from the one stored for that pair and date, is a problem of its row. A
 * row equal to a stored rate changes nothing. Stored through the ledger's own `storeExchangeRates`.
 */
import { checkExchangeRate, exchangeRate, type ExchangeRateInput } from '../../domain/accountability/currency';
import { cmpF } from '../../domain/kernel/fraction';
import { storeExchangeRates, rateOf, actorId } from '../accountability/ledger';
import { ratesOf } from '../../store/repositories/ledger.repository';
import { msg } from '../../domain/kernel/messages';
import { cellIssue, cellIssueOf, type Importer, type RowIssue } from './pipeline';

/** A rate as read from a row, its rate already in canonical "." text. */
type RateRow = ExchangeRateInput;

const COLUMN_OF: Record<string, string> = { from: 'from', to: 'to', on: 'on', rate: 'rate' };

export const exchangeRatesImporter: Importer<RateRow> = {
  kind: 'exchange-rates',
  title: 'Exchange rates',
  action: 'partnership.ledger.manage',
  columns: [
    { key: 'from', label: 'From', required: true, aliases: ['from currency', 'currency', 'de', 'devise', 'devise source', 'desde', 'moneda', 'moneda origen'], description: 'ISO 4217 code of the currency converted (EUR)' },
    { key: 'to', label: 'To', required: true, aliases: ['to currency', 'into', 'vers', 'devise cible', 'a', 'hacia', 'moneda destino'], description: 'ISO 4217 code of the currency it converts into, usually the reporting currency (USD)' },
    { key: 'on', label: 'On', required: true, aliases: ['date', 'valid from', 'from date', 'le', 'date d effet', 'fecha', 'fecha de vigencia'], description: 'The date from which the rate applies, YYYY-MM-DD' },
    { key: 'rate', label: 'Rate', required: true, aliases: ['exchange rate', 'taux', 'taux de change', 'tasa', 'tasa de cambio', 'tipo de cambio', 'cours'], description: 'How many units of To one unit of From is worth (1.0861), with the decimal separator stated in the request' },
  ],
  parseRow(cells, { decimal }) {
    const input = { from: cells.from.toUpperCase(), to: cells.to.toUpperCase(), on: cells.on, rate: cells.rate };
    const issues = checkExchangeRate(input, decimal);
    if (issues.length) return { ok: false, issues: issues.map((i) => cellIssueOf(COLUMN_OF[i.field] ?? null, i)) };
    return { ok: true, value: { ...input, rate: exchangeRate(input, decimal).text } };
  },
  async check(rows, ctx) {
    const issues: RowIssue[] = [];
    const stored = new Map((await ratesOf(ctx.u.trx, ctx.partnership.id)).map((r) => [`${r.from_currency}>${r.to_currency}@${r.on_date}`, rateOf(r)]));
    const seen = new Map<string, { line: number; rate: ReturnType<typeof exchangeRate> }>();
    for (const row of rows) {
      const r = exchangeRate(row.value);
      const key = `${r.from}>${r.to}@${r.on}`;
      const earlier = seen.get(key);
      if (earlier && cmpF(earlier.rate.rate, r.rate) !== 0) {
        issues.push({ line: row.line, ...cellIssue('rate', msg('imports.rate_twice_in_file', { from: r.from, to: r.to, on: r.on, rate: earlier.rate.text, line: earlier.line }), 'duplicate') });
        continue;
      }
      if (!earlier) seen.set(key, { line: row.line, rate: r });
      const before = stored.get(key);
      if (before && cmpF(before.rate, r.rate) !== 0) {
        issues.push({ line: row.line, ...cellIssue('rate', msg('imports.rate_stored', { from: r.from, to: r.to, rate: before.text, on: r.on }), 'conflict') });
      }
    }
    return issues;
  },
  async apply(rows, ctx) {
    const before = new Set((await ratesOf(ctx.u.trx, ctx.partnership.id)).map((r) => r.id));
    const out = await storeExchangeRates(ctx.deps, ctx.u, ctx.partnership.id, actorId(ctx.actor), rows.map((r) => r.value));
    const created = out.filter((r) => !before.has(r.id)).length;
    return { created, unchanged: rows.length - created };
  },
};
