/**
 * The import pipeline: a file (CSV or XLSX) becomes a table, its header is matched to the importer's
 * columns (by name or alias, in English, French or Spanish, case and accents ignored), each row is parsed
 * by the importer, then the rows are checked together and against what is stored, and only when every
 * row is good are they applied, all in ONE transaction.
 *
 * With any bad row nothing is written: the answer lists every problem with its line and column (up to
 * MAX_LISTED, with the count of the rest). A dry run goes through the same steps, applies the rows too and
 * then rolls the transaction back, so it reports exactly what would be written, and writes nothing.
 *
 * Progress (reading, checking row n of N, writing row n of N, done) goes to `ImportRequest.onProgress`
 * every 2% of the rows or 500 ms, whichever comes first; at each step the import gives the event loop a turn,
 * so the node answers other requests (the progress polls among them) while a large file is imported.
 */
import { inSavepoint } from '../../store/savepoint';
import type { Deps, Unit } from '../context';
import { inTransaction } from '../context';
import { loadFor } from '../partnerships/partnerships';
import { DomainError, issue, notFound, type FieldIssue } from '../../domain/kernel/errors';
import { msg, render, type Msg } from '../../domain/kernel/messages';
import type { Action, Actor } from '../../domain/access/can';
import type { DecimalSeparator } from '../../domain/kernel/decimal';
import type { PartnershipRecord } from '../../store/repositories/partnerships.repository';
import { decodeCsv, readCsv, type Delimiter } from './csv';
import { readXlsx } from './xlsx';
import { looksLikeZip } from './zip';
import { DEFAULT_LIMITS, unguardFormula, type Table, type TableLimits } from './table';
import { importerFor } from './registry';
import type { ImportEnd, ImportPhase, ImportProgressStep } from './progress';

// ---- what an importer declares -----------------------------------------------------------------------------

/** One column an importer reads. */
export interface ImportColumn {
  /** The name used in code and in problems ("rate"). */
  key: string;
  /** The header Accord writes in templates ("Rate"). */
  label: string;
  required?: boolean;
  /** Other headers that mean this column ("taux", "tasa de cambio"...): matched ignoring case, accents and punctuation. */
  aliases?: readonly string[];
  /** What to write there, for templates and the documentation of the API. */
  description?: string;
}

/**
 * A problem of one cell (column set) or of a whole row (column null): in English in `message`, and `msg` (key and
 * parameters) for the reader's language where the problem has one (see `cellIssue`).
 */
export interface CellIssue {
  column: string | null;
  message: string;
  code?: string;
  msg?: Msg;
}

/** A cell's (or, column null, a row's) problem worded from a catalog message. */
export function cellIssue(column: string | null, m: Msg, code?: string): CellIssue {
  return code === undefined ? { column, message: render(m), msg: m } : { column, message: render(m), code, msg: m };
}

/** A problem another layer worded (a field issue, a decimal's problem) as a cell's, keeping its catalog message. */
export function cellIssueOf(column: string | null, p: { message: string; code?: string; msg?: Msg }): CellIssue {
  return { column, message: p.message, ...(p.code !== undefined ? { code: p.code } : {}), ...(p.msg ? { msg: p.msg } : {}) };
}

/** A problem with its place in the file. */
export interface RowIssue extends CellIssue {
  line: number;
}

/** The cells of a row by column key: trimmed text, '' when blank or when the column is absent. */
export type Cells = Readonly<Record<string, string>>;

export type RowResult<T> = { ok: true; value: T } | { ok: false; issues: CellIssue[] };

export interface ParsedRow<T> {
  line: number;
  value: T;
}

/** How the file writes numbers: stated by the client, never guessed. */
export interface RowContext {
  decimal: DecimalSeparator;
}

/** What a whole-file check and `apply` work with: the open transaction, the caller and the partnership. */
export interface ImportContext extends RowContext {
  deps: Deps;
  u: Unit;
  actor: Actor;
  partnership: PartnershipRecord;
  dryRun: boolean;
  /** Tells how many of the rows handed to `apply` are applied so far (`applyEach` does). */
  progress?: (applied: number) => Promise<void>;
}

/** What an import wrote (or, in a dry run, would write). */
export interface ImportOutcome {
  created: number;
  updated?: number;
  /** Rows that match what is stored already (applying them changes nothing). */
  unchanged?: number;
}

/** An import of one kind of record. Register it in registry.ts. */
export interface Importer<T> {
  kind: string;
  title: string;
  /** The can() action the caller needs on the partnership (finer checks, such as whose organisation, go in `check`). */
  action: Action;
  columns: readonly ImportColumn[];
  /** Reads one row: a value, or every problem of its cells. Pure. */
  parseRow(cells: Cells, ctx: RowContext): RowResult<T>;
  /** Problems of the rows together and against stored data (duplicates, conflicts, permissions per row). */
  check?(rows: readonly ParsedRow<T>[], ctx: ImportContext): Promise<RowIssue[]>;
  /**
   * Writes every row in the open transaction (`ctx.u`), with its audit events. May throw `RowsRefused` with
   * the problems of its rows (see `applyEach`): the whole import is then refused and nothing is written.
   */
  apply(rows: readonly ParsedRow<T>[], ctx: ImportContext): Promise<ImportOutcome>;
  /**
   * Rows move value (pledges, deliveries posted to the ledger): the route then requires an Idempotency-Key
   * (except on a dry run), so a file sent again by a retry is applied once.
   */
  movesValue?: boolean;
  /**
   * True when `apply` is itself the last check (it runs the service's use case on each row, which validates
   * against the records): `apply` then also runs when other rows already have problems, on the rows that have
   * none, so that every bad row is reported in one answer; the transaction is rolled back all the same.
   */
  checksInApply?: boolean;
}

/** Thrown by `apply` with the problems of its rows: the import is refused, nothing is written. */
export class RowsRefused extends Error {
  constructor(readonly issues: RowIssue[]) {
    super(`${issues.length} rows refused`);
  }
}

/** What one row did when applied. */
export type RowEffect = 'created' | 'updated' | 'unchanged';

/**
 * Applies rows one by one through a service's use case in the import's transaction, each in a savepoint: a
 * row the use case refuses (a `DomainError`: bad values, another organisation's record, a conflict with what
 * is stored or with an earlier row of the same file) is undone alone and becomes problems of its line, named
 * by `columnOf(field)` (the column of an issue's field, or null for the whole row); later rows are checked
 * against the rows applied before them, so two rows that together break a rule are caught. Any problem ends
 * in `RowsRefused` once every row was tried. Other errors are not the rows' fault and propagate.
 */
export async function applyEach<T>(
  ctx: ImportContext,
  rows: readonly ParsedRow<T>[],
  apply: (row: ParsedRow<T>) => Promise<RowEffect>,
  columnOf: (field: string) => string | null,
): Promise<Required<ImportOutcome>> {
  const counts = { created: 0, updated: 0, unchanged: 0 };
  const issues: RowIssue[] = [];
  const trx = ctx.u.trx;
  let applied = 0;
  for (const row of rows) {
    try {
      counts[await inSavepoint(trx, 'import_row', () => apply(row))]++;
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      issues.push(...rowIssuesOf(e, row.line, columnOf));
    }
    await ctx.progress?.(++applied);
  }
  if (issues.length) throw new RowsRefused(issues);
  return counts;
}

/** A use case's refusal as problems of a line: one per field issue, or the refusal itself when it names none. */
export function rowIssuesOf(e: DomainError, line: number, columnOf: (field: string) => string | null): RowIssue[] {
  if (!e.issues.length) return [{ line, ...cellIssueOf(null, { message: e.message, code: e.code, msg: e.msg }) }];
  const out = new Map<string, RowIssue>();
  for (const i of e.issues) {
    const column = columnOf(i.field);
    // a message without its field needs the request's context to make sense ("Not a current member")
    const found: RowIssue = column
      ? { line, ...cellIssueOf(column, { message: i.message, code: i.code ?? e.code, msg: i.msg }) }
      : { line, ...cellIssue(null, msg('imports.refusal_and_problem', { refusal: e.msg ?? e.message, problem: i.msg ?? i.message }), i.code ?? e.code) };
    // one cell may feed several fields (a pledge's valuation is also its one tranche): say it once
    out.set(JSON.stringify([column, found.code, found.message]), found);
  }
  return [...out.values()];
}

// ---- reading the file --------------------------------------------------------------------------------------

export type FileFormat = 'csv' | 'xlsx';

/** The request as the route hands it over. */
export interface ImportRequest {
  bytes: Buffer;
  /** From the Content-Type; null: told by the bytes (a zip is a workbook, anything else CSV). */
  format: FileFormat | null;
  decimal: DecimalSeparator;
  delimiter?: Delimiter;
  dryRun: boolean;
  /** Receives each step (see `Steps`); awaited, and never able to fail the import. */
  onProgress?: (step: ImportProgressStep) => void | Promise<void>;
}

export interface ImportReport extends Required<ImportOutcome> {
  kind: string;
  dryRun: boolean;
  format: FileFormat;
  delimiter: Delimiter | null;
  decimal: DecimalSeparator;
  /** Rows of data read (blank rows aside). */
  rows: number;
  /** How each header of the file was understood. */
  columns: { header: string; column: string }[];
}

/** Problems beyond this many are counted, not listed. */
export const MAX_LISTED = 1000;

/** The answer to a file with bad rows: every problem (up to MAX_LISTED) with its line and column. */
export class ImportRejected extends DomainError {
  constructor(
    message: string | Msg,
    readonly rowIssues: RowIssue[],
    readonly errorCount: number,
    readonly rowsWithErrors: number,
  ) {
    super('validation_failed', message, rowIssues.map(fieldIssue), { errorCount, rowsWithErrors });
  }
}

const fieldIssue = (i: RowIssue): FieldIssue => {
  const problem = i.msg ?? i.message;
  const m = i.column ? msg('imports.at_line_column', { line: i.line, column: i.column, problem }) : msg('imports.at_line', { line: i.line, problem });
  return issue(`line.${i.line}${i.column ? `.${i.column}` : ''}`, m, i.code || undefined);
};

function reject(issues: RowIssue[], what: Msg): never {
  const sorted = [...issues].sort((a, b) => a.line - b.line);
  const rows = new Set(sorted.map((i) => i.line)).size;
  const listed = sorted.slice(0, MAX_LISTED);
  const more = sorted.length - listed.length;
  const counts = { what, problems: msg('imports.problems', { count: sorted.length }), rows: msg('imports.rows', { count: rows }) };
  throw new ImportRejected(
    more ? msg('imports.rejected_truncated', { ...counts, max: MAX_LISTED, more: msg('imports.more_not_listed', { count: more }) }) : msg('imports.rejected', counts),
    listed,
    sorted.length,
    rows,
  );
}

/** Reads the bytes as a table, in the format stated (or told by the bytes). */
export function readTable(req: Pick<ImportRequest, 'bytes' | 'format' | 'delimiter'>, limits: Partial<TableLimits> = {}): Table & { format: FileFormat; delimiter: Delimiter | null } {
  const format: FileFormat = req.format ?? (looksLikeZip(req.bytes) ? 'xlsx' : 'csv');
  if (format === 'xlsx') return { ...readXlsx(req.bytes, { limits }), format, delimiter: null };
  return { ...readCsv(decodeCsv(req.bytes), { delimiter: req.delimiter, limits }), format };
}

/** A header as compared: lower case, no accents, letters and digits only ("Taux de change" -> "tauxdechange"). */
export const headerKey = (s: string): string => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]/g, '');

/** Which file column holds which importer column; unknown, missing and repeated columns as problems. */
export function matchHeader(header: readonly string[], columns: readonly ImportColumn[], line: number): { at: Map<string, number>; issues: RowIssue[] } {
  const names = new Map<string, string>();
  for (const c of columns) for (const n of [c.key, c.label, ...(c.aliases ?? [])]) names.set(headerKey(n), c.key);
  const at = new Map<string, number>();
  const issues: RowIssue[] = [];
  const known = columns.map((c) => c.label).join(', ');
  header.forEach((h, i) => {
    if (h === '') return; // an unnamed column: Excel's stray formatted cells; its values are checked below
    const key = names.get(headerKey(h));
    if (!key) issues.push({ line, ...cellIssue(h, msg('imports.unknown_column', { header: h, columns: known }), 'unknown_column') });
    else if (at.has(key)) issues.push({ line, ...cellIssue(h, msg('imports.duplicate_column', { column: key, first: header[at.get(key)!], second: h }), 'duplicate_column') });
    else at.set(key, i);
  });
  for (const c of columns) if (c.required && !at.has(c.key)) issues.push({ line, ...cellIssue(c.key, msg('imports.missing_column', { column: c.label }), 'missing_column') });
  return { at, issues };
}

/** Reads every row with the importer; the problems of all rows, or the parsed rows. */
export function parseRows<T>(importer: Importer<T>, table: Table, at: ReadonlyMap<string, number>, ctx: RowContext): { rows: ParsedRow<T>[]; issues: RowIssue[] } {
  const rows: ParsedRow<T>[] = [];
  const issues: RowIssue[] = [];
  const unnamed = table.header.flatMap((h, i) => (h === '' ? [i] : []));
  for (const row of table.rows) {
    const cells: Record<string, string> = {};
    for (const c of importer.columns) {
      const i = at.get(c.key);
      cells[c.key] = i === undefined ? '' : unguardFormula((row.cells[i] ?? '').trim());
    }
    // a value under no header would be silently lost
    const stray = unnamed.find((i) => (row.cells[i] ?? '').trim() !== '');
    if (stray !== undefined) issues.push({ line: row.line, ...cellIssue(null, msg('imports.unnamed_column', { position: stray + 1 }), 'unnamed_column') });
    const beyond = row.cells.length > table.header.length && row.cells.slice(table.header.length).some((c) => c.trim() !== '');
    if (beyond) issues.push({ line: row.line, ...cellIssue(null, msg('imports.too_many_values', { columns: table.header.length }), 'too_many_values') });
    const r = importer.parseRow(cells, ctx);
    if (r.ok) rows.push({ line: row.line, value: r.value });
    else for (const i of r.issues) issues.push({ line: row.line, ...i });
  }
  return { rows, issues };
}

/** Gives the event loop a turn (I/O included), so a long import does not hold up the node's other requests. */
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The steps of one import, told to `onProgress`: every phase as it starts and ends, and in between every 2% of
 * its rows or 500 ms, whichever comes first (at most about 50 steps a phase). Each step gives the event loop
 * a turn, with or without anyone listening.
 */
export class Steps {
  private phase: ImportPhase = 'reading';
  private total = 0;
  private done = 0;
  private toldDone = -1;
  private toldAt = 0;

  constructor(
    private readonly sink?: (step: ImportProgressStep) => void | Promise<void>,
    private readonly now: () => number = Date.now,
  ) {}

  /** A phase starts with `total` rows. */
  async start(phase: ImportPhase, total: number): Promise<void> {
    this.phase = phase;
    this.total = total;
    this.done = 0;
    await this.tell();
  }

  /** `done` rows of the phase are through. */
  async at(done: number): Promise<void> {
    this.done = Math.min(done, this.total);
    const step = Math.max(1, Math.ceil(this.total / 50));
    if ((this.done === this.total && this.toldDone < this.total) || this.done - this.toldDone >= step || (this.done > this.toldDone && this.now() - this.toldAt >= 500)) await this.tell();
  }

  /** The import ended: the last step, `rows` read (or the counts reached when it stopped early). */
  async end(outcome: ImportEnd, rows?: number): Promise<void> {
    if (rows !== undefined) this.total = this.done = rows;
    this.phase = 'done';
    await this.tell(outcome);
  }

  private async tell(outcome?: ImportEnd): Promise<void> {
    this.toldDone = this.done;
    this.toldAt = this.now();
    if (this.sink) {
      try {
        await this.sink({ phase: this.phase, done: this.done, total: this.total, ...(outcome ? { outcome } : {}) });
      } catch {
        /* progress is told, never needed: an import does not fail because its progress could not be */
      }
    }
    if (outcome === undefined) await yieldToLoop();
  }
}

/** Rows are parsed in slices of about 1% (at least this many), with a progress step between slices. */
const PARSE_SLICE = 200;

/** Thrown to roll a dry run back after `apply`, carrying its report out of the transaction. */
class DryRunDone {
  constructor(readonly report: ImportReport) {}
}

/**
 * Runs an import of `kind` into the partnership: 201 with the counts, or `ImportRejected` (422) listing
 * every bad row. Access is checked before the file is read, and again, authoritatively, in the transaction.
 */
export async function runImport(deps: Deps, anyActor: Actor, partnershipId: string, kind: string, req: ImportRequest, limits: Partial<TableLimits> = {}): Promise<ImportReport> {
  const importer = importerFor(kind);
  if (!importer) {
    // unknown kinds are checked after access, so the list of kinds is not a way to probe a partnership
    await loadFor(deps.database.db, anyActor, partnershipId, 'partnership.read');
    throw notFound(msg('imports.the_import', { kind }));
  }
  // access first (a stranger learns nothing from the file's problems, and no progress is told), then the file
  // is read outside the transaction, so no lock is held while a large workbook is unpacked
  await loadFor(deps.database.db, anyActor, partnershipId, importer.action);
  const steps = new Steps(req.onProgress);
  let rowsRead: number | undefined;
  try {
    await steps.start('reading', 0);
    const table = readTable(req, { ...DEFAULT_LIMITS, ...limits });
    rowsRead = table.rows.length;
    const report = await inTransaction(deps, async (u) => {
      const { p, actor } = await loadFor(u, anyActor, partnershipId, importer.action);
      const { at, issues: headerIssues } = matchHeader(table.header, importer.columns, table.headerLine);
      if (headerIssues.length) reject(headerIssues, msg('imports.header_mismatch'));
      const ctx: ImportContext = { deps, u, actor, partnership: p, decimal: req.decimal, dryRun: req.dryRun, progress: (n) => steps.at(n) };
      // every row is parsed, in slices, telling how far it got between them
      await steps.start('checking', table.rows.length);
      const rows: ParsedRow<unknown>[] = [];
      const issues: RowIssue[] = [];
      const slice = Math.max(PARSE_SLICE, Math.ceil(table.rows.length / 100));
      for (let from = 0; from < table.rows.length; from += slice) {
        const part = parseRows(importer, { ...table, rows: table.rows.slice(from, from + slice) }, at, ctx);
        rows.push(...part.rows);
        issues.push(...part.issues);
        await steps.at(Math.min(from + slice, table.rows.length));
      }
      // whole-file checks only on rows that parsed: their problems are added to the others, never instead
      const found = [...issues, ...(importer.check ? await importer.check(rows, ctx) : [])];
      const what = msg('imports.rows_with_problems');
      if (found.length && !importer.checksInApply) reject(found, what);
      if (!rows.length && !found.length) reject([{ line: table.headerLine, ...cellIssue(null, msg('imports.no_rows'), 'no_rows') }], msg('imports.nothing_to_import'));
      // an importer that checks by applying tries every row that has no problem yet; the rest are not applied
      const bad = new Set(found.map((i) => i.line));
      const toApply = bad.size ? rows.filter((r) => !bad.has(r.line)) : rows;
      await steps.start('writing', toApply.length);
      let outcome: ImportOutcome;
      try {
        outcome = await importer.apply(toApply, ctx);
      } catch (e) {
        if (e instanceof RowsRefused) reject([...found, ...e.issues], what);
        throw e;
      }
      if (found.length) reject(found, what);
      await steps.at(toApply.length);
      const report: ImportReport = {
        kind, dryRun: req.dryRun, format: table.format, delimiter: table.delimiter, decimal: req.decimal, rows: table.rows.length,
        created: outcome.created, updated: outcome.updated ?? 0, unchanged: outcome.unchanged ?? 0,
        columns: [...at.entries()].sort((a, b) => a[1] - b[1]).map(([column, i]) => ({ header: table.header[i], column })),
      };
      if (req.dryRun) throw new DryRunDone(report);
      return report;
    });
    await steps.end('imported', rowsRead);
    return report;
  } catch (e) {
    if (e instanceof DryRunDone) {
      await steps.end('checked', rowsRead);
      return e.report;
    }
    await steps.end(e instanceof DomainError ? 'refused' : 'failed');
    throw e;
  }
}
