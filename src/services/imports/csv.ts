/**
 * CSV as RFC 4180 describes it, read and written: quoted fields with doubled quotes, CRLF or LF (or a
 * lone CR) line ends, line breaks inside quotes, an optional UTF-8 byte order mark. The delimiter is `,`
 * `;` or tab: stated by the caller or, when not, the one that occurs most in the header line.
 */
import { figure, msg } from '../../domain/kernel/messages';
import { DEFAULT_LIMITS, isBlankRow, unreadable, type Table, type TableLimits, type TableRow } from './table';

export type Delimiter = ',' | ';' | '\t';
export const DELIMITERS: readonly Delimiter[] = [',', ';', '\t'];

/** Decodes the bytes of a CSV file: UTF-8 only (with or without BOM); anything else is refused, not guessed. */
export function decodeCsv(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw unreadable(msg('imports.not_utf8'), 'not_utf8');
  }
  if (text.includes('\u0000')) throw unreadable(msg('imports.nul_characters'), 'invalid_character');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The delimiter used most, outside quotes, in the first line (`,` when none is). */
export function detectDelimiter(text: string): Delimiter {
  const counts = new Map<Delimiter, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && counts.has(c as Delimiter)) counts.set(c as Delimiter, counts.get(c as Delimiter)! + 1);
  }
  let best: Delimiter = ',';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

/**
 * Reads CSV text into a header and rows. Each row keeps the physical line its record starts on, so a
 * quoted field spanning lines does not shift the line numbers of the rows after it. Blank rows are
 * skipped. Throws `validation_failed` (an unreadable file) for an unterminated quote, text after a
 * closing quote, an empty file, or more rows than the limit.
 */
export function readCsv(text: string, options: { delimiter?: Delimiter; limits?: Partial<TableLimits> } = {}): Table & { delimiter: Delimiter } {
  const delimiter = options.delimiter ?? detectDelimiter(text);
  const maxRows = options.limits?.maxRows ?? DEFAULT_LIMITS.maxRows;
  const records: TableRow[] = [];
  let line = 1;
  let start = 1;
  let cells: string[] = [];
  let field = '';
  let i = 0;
  const n = text.length;
  const endRecord = () => {
    cells.push(field);
    field = '';
    if (!isBlankRow(cells)) {
      // the header plus maxRows rows of data
      if (records.length > maxRows) throw unreadable(msg('imports.too_many_rows_file', { max: figure(maxRows, { group: true }) }), 'too_many_rows');
      records.push({ line: start, cells });
    }
    cells = [];
  };
  while (i < n) {
    const c = text[i];
    if (c === '"' && field === '') {
      // a quoted field: up to the closing quote; "" is a quote; line breaks are part of the field
      const opened = line;
      i++;
      let closed = false;
      while (i < n) {
        const q = text[i];
        if (q === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          closed = true;
          break;
        }
        if (q === '\r' || q === '\n') {
          line++;
          if (q === '\r' && text[i + 1] === '\n') {
            field += '\r\n';
            i += 2;
            continue;
          }
        }
        field += q;
        i++;
      }
      if (!closed) throw unreadable(msg('imports.unterminated_quote', { line: opened }), 'unterminated_quote', opened);
      const next = text[i];
      if (i < n && next !== delimiter && next !== '\r' && next !== '\n') {
        throw unreadable(msg('imports.misplaced_quote', { line }), 'misplaced_quote', line);
      }
      continue;
    }
    if (c === delimiter) {
      cells.push(field);
      field = '';
      i++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      start = line;
      continue;
    }
    field += c;
    i++;
  }
  // the last record when the file does not end with a line break
  if (field !== '' || cells.length) endRecord();
  const [header, ...rows] = records;
  if (!header) throw unreadable(msg('imports.empty_file'), 'empty_file');
  return { header: header.cells.map((h) => h.trim()), headerLine: header.line, rows, delimiter };
}

/** One CSV field: quoted when it holds the delimiter, a quote, a line break or surrounding spaces. */
export function csvField(value: string, delimiter: Delimiter = ','): string {
  return value.includes(delimiter) || /["\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One CSV record with its CRLF line end (RFC 4180). */
export const csvRecord = (values: readonly string[], delimiter: Delimiter = ','): string => `${values.map((v) => csvField(v, delimiter)).join(delimiter)}\r\n`;
