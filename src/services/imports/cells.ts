/**
 * Small readers shared by the importers of records: numbers written with the client's decimal separator
 * put into the "." text the services read, references to organisations by name or id, lists in a cell.
 * They only translate what a spreadsheet holds into what the use cases take; the use cases validate.
 */
import { splitDecimal, type DecimalSeparator } from '../../domain/kernel/decimal';
import { msg, type Msg } from '../../domain/kernel/messages';
import { cellIssue, cellIssueOf, type CellIssue, type ImportContext, type ParsedRow, type RowIssue } from './pipeline';

/**
 * A number as the services read it ("1234.5", digits kept as written, "-" kept so the use case says why a
 * negative is refused), from text in the client's decimal separator with optional grouping ("1 234,50").
 */
export function decimalIn(text: string, decimal: DecimalSeparator, column: string): { ok: true; text: string } | { ok: false; issue: CellIssue } {
  const parts = splitDecimal(text, decimal);
  if ('message' in parts) return { ok: false, issue: cellIssueOf(column, parts) };
  return { ok: true, text: `${parts.negative ? '-' : ''}${parts.int}${parts.fraction ? `.${parts.fraction}` : ''}` };
}

/** A name as compared: case, accents and runs of spaces ignored ("Acme  WATER" = "acme water"). */
export const nameKey = (s: string): string => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();

/** Values of a list cell: one per line, or separated by `separators` as well; blanks dropped. */
export const listIn = (text: string, separators = /\r\n|\r|\n/): string[] => text.split(separators).map((x) => x.trim()).filter(Boolean);

/** The issue of a cell that must not be blank; `label` names it ("The currency": `imports.label.*`). */
export const required = (column: string, label: Msg): CellIssue => cellIssue(column, msg('imports.required', { what: label }), 'required');

/** Organisations of the partnership, found by id or by name. */
export interface OrganisationIndex {
  find(text: string, column: string): { ok: true; id: string } | { ok: false; issue: CellIssue };
}

/**
 * Looks organisations up by id or by name among the partnership's members (current and past: whether a
 * past member may act is the use case's to say). A name two organisations share must be given as an id.
 */
export function organisationIndex(members: readonly { organisation_id: string; name: string }[]): OrganisationIndex {
  const ids = new Set(members.map((m) => m.organisation_id));
  const byName = new Map<string, string[]>();
  for (const m of members) {
    const k = nameKey(m.name);
    const list = byName.get(k) ?? [];
    if (!list.includes(m.organisation_id)) list.push(m.organisation_id);
    byName.set(k, list);
  }
  return {
    find(text, column) {
      if (ids.has(text)) return { ok: true, id: text };
      const found = byName.get(nameKey(text)) ?? [];
      if (found.length === 1) return { ok: true, id: found[0] };
      if (found.length > 1) return { ok: false, issue: cellIssue(column, msg('imports.organisation_ambiguous', { name: text }), 'ambiguous') };
      return { ok: false, issue: cellIssue(column, msg('imports.organisation_unknown', { name: text }), 'unknown_partner') };
    },
  };
}

/**
 * Rows that say the same thing twice: each later copy is a problem of its own line naming the first. `what`
 * names what a row is (`imports.same.*`).
 * `key` is null for a row that cannot be compared (its references did not resolve).
 */
export function duplicates<T>(rows: readonly ParsedRow<T>[], key: (row: ParsedRow<T>) => string | null, what: Msg, column: string | null = null): RowIssue[] {
  const first = new Map<string, number>();
  const issues: RowIssue[] = [];
  for (const row of rows) {
    const k = key(row);
    if (k === null) continue;
    const at = first.get(k);
    if (at === undefined) first.set(k, row.line);
    else issues.push({ line: row.line, ...cellIssue(column, msg('imports.duplicate_row', { what, line: at }), 'duplicate') });
  }
  return issues;
}

/**
 * Work that `check` and `apply` share in one import (references resolved against the records), done once:
 * the same context object reaches both.
 */
export function perImport<R>(make: (ctx: ImportContext) => Promise<R>): (ctx: ImportContext) => Promise<R> {
  const memo = new WeakMap<ImportContext, Promise<R>>();
  return (ctx) => {
    let r = memo.get(ctx);
    if (!r) {
      r = make(ctx);
      memo.set(ctx, r);
    }
    return r;
  };
}
