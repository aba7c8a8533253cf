/**
 * Exports of a partnership's lists as CSV or XLSX. Each list registers how to fetch its pages (through the
 * same use case its API list calls, so access is checked the same way) and its columns; the export
 * walks every page with a bounded page size and writes rows as they come, never the whole list in memory.
 *
 * Spreadsheet safety: a text cell that starts with = + - @ tab or CR gets a leading apostrophe (CSV and
 * XLSX alike), so a spreadsheet shows it as text instead of running it as a formula. Numeric columns
 * holding a plain decimal are numbers, not text, and are left alone.
 */
import type { Deps } from '../context';
import type { Actor } from '../../domain/access/can';
import { notFound } from '../../domain/kernel/errors';
import { msg } from '../../domain/kernel/messages';
import { csvRecord } from './csv';
import { guardFormula } from './table';
import { isExactNumber, xlsxStream, XLSX_MIME, type XlsxValue } from './xlsx';

export type ExportFormat = 'csv' | 'xlsx';
export type ExportValue = string | number | bigint | boolean | null | undefined;

/** One column of an export. */
export interface ExportColumn<T> {
  header: string;
  /** `number`: written as a number in XLSX when the value is a plain decimal (money as minor units, counts...). */
  type?: 'text' | 'number';
  value(row: T): ExportValue;
}

/** A page of a list, as the list use cases return them. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A list that can be exported. */
export interface ExportList<T> {
  list: string;
  title: string;
  columns: readonly ExportColumn<T>[];
  /** One page, through the list's use case (which checks access and throws 401/403/404 as its route does). */
  page(deps: Deps, actor: Actor, partnershipId: string, cursor: string | undefined, limit: number): Promise<Page<T>>;
}

/** Rows fetched per page: enough to be quick, bounded so an export never holds much at once. */
export const EXPORT_PAGE_SIZE = 200;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const lists = new Map<string, ExportList<any>>();

/** Adds an exportable list (`/exports/:list`); each name once. */
export function registerExport<T>(list: ExportList<T>): void {
  if (!/^[a-z][a-z0-9-]{1,60}$/.test(list.list)) throw new RangeError(`Not an export list name: ${list.list}`);
  if (lists.has(list.list)) throw new RangeError(`The export list ${list.list} is registered twice`);
  lists.set(list.list, list);
}

export const exportLists = (): string[] => [...lists.keys()].sort();

/** A table to write: its columns and the batches of rows, fetched as they are written. */
export interface OpenTable<T> {
  title: string;
  columns: readonly ExportColumn<T>[];
  batches: AsyncIterable<readonly T[]>;
}

/**
 * Opens an export: the first page is fetched at once, so a caller without access gets its problem
 * (401/403/404) before anything is written; the other pages follow as the file is written.
 */
export async function openExport(deps: Deps, actor: Actor, partnershipId: string, name: string): Promise<OpenTable<unknown>> {
  const list = lists.get(name);
  if (!list) throw notFound(msg('imports.the_list', { name }));
  const first = await list.page(deps, actor, partnershipId, undefined, EXPORT_PAGE_SIZE);
  async function* batches() {
    let page = first;
    yield page.items;
    while (page.nextCursor) {
      page = await list!.page(deps, actor, partnershipId, page.nextCursor, EXPORT_PAGE_SIZE);
      yield page.items;
    }
  }
  return { title: list.title, columns: list.columns, batches: batches() };
}

// ---- writing -------------------------------------------------------------------------------------------------

const asText = (v: ExportValue): string => (v === null || v === undefined ? '' : typeof v === 'boolean' ? (v ? 'true' : 'false') : String(v));

/** A cell's text for CSV: plain decimals of numeric columns as they are, any other text guarded. */
function csvCell<T>(c: ExportColumn<T>, v: ExportValue): string {
  const text = asText(v);
  return c.type === 'number' && /^-?\d+(\.\d+)?$/.test(text) ? text : guardFormula(text);
}

/** A cell's value for XLSX: numbers where the column is numeric and the value exact; guarded text otherwise. */
function xlsxCell<T>(c: ExportColumn<T>, v: ExportValue): XlsxValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean') return v;
  const text = String(v);
  if (c.type === 'number' && isExactNumber(text)) return text;
  return guardFormula(text);
}

/** The file's content type and bytes, produced as the rows come. */
export function writeTable<T>(table: OpenTable<T>, format: ExportFormat): { contentType: string; extension: string; body: AsyncIterable<Buffer> } {
  const { columns, batches } = table;
  if (format === 'xlsx') {
    async function* cells() {
      for await (const batch of batches) yield batch.map((row) => columns.map((c) => xlsxCell(c, c.value(row))));
    }
    return { contentType: XLSX_MIME, extension: 'xlsx', body: xlsxStream(table.title, columns.map((c) => c.header), columns.map((c) => c.type === 'number'), cells()) };
  }
  async function* csv() {
    // the byte order mark makes Excel read the file as UTF-8
    yield Buffer.from(`\ufeff${csvRecord(columns.map((c) => guardFormula(c.header)))}`, 'utf8');
    for await (const batch of batches) {
      if (batch.length) yield Buffer.from(batch.map((row) => csvRecord(columns.map((c) => csvCell(c, c.value(row))))).join(''), 'utf8');
    }
  }
  return { contentType: 'text/csv; charset=utf-8', extension: 'csv', body: csv() };
}

/** Rows already in hand as a table to write (templates, small lists). */
export function tableOf<T>(title: string, columns: readonly ExportColumn<T>[], rows: readonly T[]): OpenTable<T> {
  return {
    title,
    columns,
    batches: (async function* () {
      yield rows;
    })(),
  };
}
