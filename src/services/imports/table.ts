/**
 * A table read from a file: the header cells and the data rows, each row with the line (CSV) or row
 * number (XLSX) a person sees in their editor, so every problem can be pointed at.
 */
import { DomainError, issue } from '../../domain/kernel/errors';
import type { Msg } from '../../domain/kernel/messages';

export interface TableRow {
  /** CSV: the physical line the record starts on (1-based); XLSX: the sheet's row number. */
  line: number;
  cells: string[];
}

export interface Table {
  header: string[];
  headerLine: number;
  rows: TableRow[];
}

/** How big an import may be: bytes of the file, rows of data, and bytes once an XLSX is unpacked. */
export interface TableLimits {
  maxRows: number;
  maxUnpackedBytes: number;
}

export const DEFAULT_LIMITS: TableLimits = { maxRows: 200_000, maxUnpackedBytes: 256 * 1024 * 1024 };
/** The largest file an import route accepts (the route's body limit: 413 beyond it). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** A file that cannot be read as a table at all (not CSV text, not a workbook, too many rows...). */
export function unreadable(message: Msg, code: string, line?: number): DomainError {
  return new DomainError('validation_failed', message, [issue(line ? `line.${line}` : 'file', message, code)], { code });
}

/** True when every cell is blank: such rows (spacer lines, Excel's formatted empty rows) are skipped. */
export const isBlankRow = (cells: readonly string[]): boolean => cells.every((c) => c.trim() === '');

/**
 * Characters that make a spreadsheet read a cell as a formula (CSV injection): a text cell starting with
 * one of them is written with a leading apostrophe, which spreadsheets show as text and never evaluate.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** The text as it is safe to put in a spreadsheet cell: `=1+1` becomes `'=1+1`. */
export const guardFormula = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);

/**
 * Undoes `guardFormula` on import, so a file Accord exported reads back to the same values: the
 * apostrophe is dropped only where it stands before a formula character (a person typing `'=x` in a
 * spreadsheet means the text `=x` too).
 */
export const unguardFormula = (text: string): string => (text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text);
