/**
 * XLSX (Office Open XML spreadsheets), read and written without a library: a workbook is a zip of XML
 * parts, and Accord only needs the first sheet's cells as text.
 *
 * Reading gives each cell the text a person typed, as far as the file allows: shared and inline strings
 * as they are; numbers by their shortest form at Excel's 15 significant digits (0.1 is "0.1", never
 * "0.1000000000000000055511151231257827"); numbers under a date format as YYYY-MM-DD (1900 and 1904 date
 * systems, Excel's phantom 1900-02-29 included); booleans as TRUE/FALSE; errors as shown (#N/A).
 *
 * Writing streams one sheet with a bold, frozen header row: numbers as numbers where the column is
 * numeric and the value is a plain decimal Excel holds exactly (at most 15 significant digits), anything
 * else as inline text.
 */
import { addDays } from '../../domain/kernel/dates';
import { openZip, zipStream, type ZipLimits } from './zip';
import { figure, msg } from '../../domain/kernel/messages';
import { DEFAULT_LIMITS, isBlankRow, unreadable, type Table, type TableLimits, type TableRow } from './table';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// ---- a small XML scanner -----------------------------------------------------------------------------------

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes XML entities and OOXML's `_xHHHH_` escapes (a carriage return is stored as `_x000D_`). */
export function xmlText(s: string): string {
  const decoded = s.includes('&')
    ? s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (m, e: string) => {
        if (e[0] === '#') {
          const cp = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
          return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
        }
        return ENTITIES[e] ?? m;
      })
    : s;
  return decoded.includes('_x') ? decoded.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : decoded;
}

/** The attributes of a start tag, by local name (namespace prefixes dropped). */
function attrs(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of s.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out[m[1].replace(/^.*:/, '')] = xmlText(m[2] ?? m[3]);
  return out;
}

interface Tag { close: boolean; name: string; attrs: string; selfClosing: boolean }
type Token = Tag | string;

/** Start tags, end tags and text of an XML document, in order (comments, declarations and CDATA aside). */
function* tokens(xml: string): Generator<Token> {
  const re = /<(\/?)([\w.-]+:)?([\w.-]+)([^>]*?)(\/?)>|<!\[CDATA\[([\s\S]*?)\]\]>|<[!?][^>]*>|([^<]+)/g;
  for (const m of xml.matchAll(re)) {
    if (m[3] !== undefined) yield { close: m[1] === '/', name: m[3], attrs: m[4], selfClosing: m[5] === '/' };
    else if (m[6] !== undefined) yield m[6].replace(/&/g, '&amp;').replace(/</g, '&lt;');
    else if (m[7] !== undefined) yield m[7];
  }
}

const isTag = (t: Token): t is Tag => typeof t !== 'string';

/** The text of each `<si>` (shared string): its `<t>` runs joined, phonetic runs (`<rPh>`) left out. */
function sharedStrings(xml: string): string[] {
  const out: string[] = [];
  let current: string | null = null;
  let inT = false;
  let phonetic = 0;
  for (const t of tokens(xml)) {
    if (!isTag(t)) {
      if (inT && current !== null && phonetic === 0) current += xmlText(t);
      continue;
    }
    if (t.name === 'si') {
      if (t.close) {
        out.push(current ?? '');
        current = null;
      } else if (t.selfClosing) out.push('');
      else current = '';
    } else if (t.name === 'rPh') phonetic += t.close ? -1 : t.selfClosing ? 0 : 1;
    else if (t.name === 't') inT = !t.close && !t.selfClosing;
  }
  return out;
}

// ---- dates and numbers -------------------------------------------------------------------------------------

/** Built-in number formats that show a date (or a time). */
const BUILTIN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);
const BUILTIN_TIME_ONLY = new Set([18, 19, 20, 21, 45, 46, 47]);

type DateKind = 'date' | 'time' | null;

/** Whether a format code shows dates: letters y, m, d, h, s outside quotes, escapes and [colour] brackets. */
function formatKind(code: string): DateKind {
  const bare = code.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[(?:h+|m+|s+)\]/gi, 'h').replace(/\[[^\]]*\]/g, '').split(';')[0];
  if (/[yd]/i.test(bare) || (/m/i.test(bare) && !/[hs]/i.test(bare))) return 'date';
  if (/[hs]/i.test(bare)) return 'time';
  return null;
}

/** Per style index (`s` of a cell): whether its number format shows a date, a time or a number. */
function dateStyles(xml: string | null): DateKind[] {
  if (!xml) return [];
  const custom = new Map<number, DateKind>();
  for (const m of xml.matchAll(/<(?:\w+:)?numFmt\b([^>]*)\/?>/g)) {
    const a = attrs(m[1]);
    if (a.numFmtId !== undefined && a.formatCode !== undefined) custom.set(Number(a.numFmtId), formatKind(a.formatCode));
  }
  const cellXfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml);
  if (!cellXfs) return [];
  const out: DateKind[] = [];
  for (const m of cellXfs[1].matchAll(/<(?:\w+:)?xf\b([^>]*?)\/?>/g)) {
    const id = Number(attrs(m[1]).numFmtId ?? 0);
    out.push(custom.has(id) ? custom.get(id)! : BUILTIN_DATES.has(id) ? (BUILTIN_TIME_ONLY.has(id) ? 'time' : 'date') : null);
  }
  return out;
}

/** Writes a number's decimal text without an exponent: 1e21 -> "1000000000000000000000", 1e-7 -> "0.0000001". */
export function plainDecimal(s: string): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/i.exec(s);
  if (!m) return s;
  const [, sign, int, frac = '', expText] = m;
  const exp = Number(expText);
  const digits = int + frac;
  const point = int.length + exp;
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`.replace(/\.?0+$/, '');
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/**
 * A stored number as the person typed it: Excel keeps 15 significant digits, so the double is rounded
 * to those and written by its shortest form, without an exponent ("0.1", "1234.56", "-3").
 */
export function numberText(raw: string): string {
  const n = Number(raw);
  if (!Number.isFinite(n)) return raw.trim();
  return plainDecimal(String(Number(n.toPrecision(15))));
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** A date serial as YYYY-MM-DD (and the time of day when there is one): null where no real date exists. */
export function serialDate(serial: number, date1904: boolean, kind: Exclude<DateKind, null>): string | null {
  if (!Number.isFinite(serial) || serial < 0 || serial > 2_958_465) return null; // 9999-12-31
  let days = Math.floor(serial);
  // seconds, rounded: 0.99999999 of a day is the next midnight
  let seconds = Math.round((serial - days) * 86_400);
  if (seconds === 86_400) {
    days += 1;
    seconds = 0;
  }
  const time = `${pad2(Math.floor(seconds / 3600))}:${pad2(Math.floor((seconds % 3600) / 60))}:${pad2(seconds % 60)}`;
  if (kind === 'time' && days === 0) return time;
  let date: string;
  if (date1904) date = addDays('1904-01-01', days);
  else if (days === 60) return null; // 1900-02-29: Lotus 1-2-3's leap-year bug, kept by Excel
  else if (days === 0) return null;
  else date = addDays('1899-12-31', days > 60 ? days - 1 : days);
  return seconds ? `${date}T${time}` : date;
}

// ---- reading a workbook ------------------------------------------------------------------------------------

/** Column letters to a 0-based index: A -> 0, Z -> 25, AA -> 26. */
export function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref.toUpperCase()) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

/** 0-based index to column letters. */
export function columnLetters(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The path of a part a relationship points to, from the folder of the part that holds the relationship. */
function resolvePart(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').filter(Boolean);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

const MAX_COLUMNS = 16_384;

/**
 * Reads the first sheet of a workbook into a header (its first non-blank row) and rows with their sheet
 * row numbers. Blank rows are skipped. Throws `validation_failed` for a file that is not a workbook,
 * unpacks beyond the limit, or has more rows than allowed.
 */
export function readXlsx(bytes: Buffer, options: { limits?: Partial<TableLimits> } = {}): Table {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const zipLimits: ZipLimits = { maxEntries: 10_000, maxUnpackedBytes: limits.maxUnpackedBytes };
  const zip = openZip(bytes, zipLimits);
  const text = (name: string) => {
    const b = zip.read(name);
    return b ? b.toString('utf8') : null;
  };
  const workbook = text('xl/workbook.xml');
  if (workbook === null) throw unreadable(msg('imports.not_xlsx'), 'not_xlsx');
  const rels = new Map<string, { target: string; type: string }>();
  for (const m of (text('xl/_rels/workbook.xml.rels') ?? '').matchAll(/<(?:\w+:)?Relationship\b([^>]*)\/?>/g)) {
    const a = attrs(m[1]);
    if (a.Id && a.Target) rels.set(a.Id, { target: resolvePart('xl', a.Target), type: a.Type ?? '' });
  }
  const byType = (suffix: string, fallback: string) => [...rels.values()].find((r) => r.type.endsWith(suffix))?.target ?? fallback;
  const first = /<(?:\w+:)?sheet\b([^>]*)\/?>/.exec(workbook);
  const firstId = first ? attrs(first[1]).id : undefined;
  const sheetPath = (firstId && rels.get(firstId)?.target) || 'xl/worksheets/sheet1.xml';
  const pr = /<(?:\w+:)?workbookPr\b([^>]*)\/?>/.exec(workbook);
  const d1904 = pr ? attrs(pr[1]).date1904 : undefined;
  const date1904 = d1904 === '1' || d1904 === 'true';
  const strings = sharedStrings(text(byType('/sharedStrings', 'xl/sharedStrings.xml')) ?? '');
  const styles = dateStyles(text(byType('/styles', 'xl/styles.xml')));
  const sheet = text(sheetPath);
  if (sheet === null) throw unreadable(msg('imports.no_first_sheet'), 'not_xlsx');

  const rows: TableRow[] = [];
  let rowNumber = 0;
  let cells: string[] = [];
  let col = -1;
  let cell: { type: string; style: number; value: string | null; inline: string | null } | null = null;
  let into: 'v' | 't' | null = null;
  let inInline = false;
  let phonetic = 0;
  const finishCell = () => {
    if (!cell) return;
    const c = cell;
    cell = null;
    let out = '';
    if (c.type === 'inlineStr') out = c.inline ?? '';
    else if (c.value !== null) {
      const v = c.value;
      switch (c.type) {
        case 's': {
          const i = Number(v);
          out = Number.isInteger(i) && i >= 0 && i < strings.length ? strings[i] : '';
          break;
        }
        case 'b':
          out = v.trim() === '1' || v.trim().toLowerCase() === 'true' ? 'TRUE' : 'FALSE';
          break;
        case 'str':
        case 'e':
          out = v;
          break;
        case 'd':
          out = /T00:00(:00(\.0+)?)?Z?$/.test(v) ? v.slice(0, 10) : v;
          break;
        default: {
          const kind = styles[c.style] ?? null;
          out = (kind && serialDate(Number(v), date1904, kind)) ?? numberText(v);
        }
      }
    }
    if (col >= 0 && col < MAX_COLUMNS) {
      while (cells.length < col) cells.push('');
      cells[col] = out;
    }
  };
  const finishRow = () => {
    if (!isBlankRow(cells)) {
      if (rows.length > limits.maxRows) throw unreadable(msg('imports.too_many_rows_sheet', { max: figure(limits.maxRows, { group: true }) }), 'too_many_rows');
      rows.push({ line: rowNumber, cells });
    }
    cells = [];
  };
  let inSheetData = false;
  for (const t of tokens(sheet)) {
    if (!isTag(t)) {
      if (!cell || phonetic > 0) continue;
      if (into === 'v') cell.value = (cell.value ?? '') + xmlText(t);
      else if (into === 't' && inInline) cell.inline = (cell.inline ?? '') + xmlText(t);
      continue;
    }
    switch (t.name) {
      case 'sheetData':
        inSheetData = !t.close && !t.selfClosing;
        break;
      case 'row':
        if (!inSheetData) break;
        if (t.close) finishRow();
        else {
          const r = Number(attrs(t.attrs).r);
          rowNumber = Number.isInteger(r) && r > 0 ? r : rowNumber + 1;
          col = -1;
          if (t.selfClosing) finishRow();
        }
        break;
      case 'c':
        if (!inSheetData) break;
        if (t.close) finishCell();
        else {
          const a = attrs(t.attrs);
          col = a.r ? columnIndex(a.r.replace(/\d+$/, '')) : col + 1;
          cell = { type: a.t ?? 'n', style: Number(a.s ?? 0) || 0, value: null, inline: null };
          if (t.selfClosing) finishCell();
        }
        break;
      case 'v':
        into = !t.close && !t.selfClosing ? 'v' : null;
        break;
      case 'is':
        inInline = !t.close && !t.selfClosing;
        break;
      case 't':
        into = !t.close && !t.selfClosing ? 't' : null;
        break;
      case 'rPh':
        phonetic += t.close ? -1 : t.selfClosing ? 0 : 1;
        break;
    }
  }
  const [header, ...data] = rows;
  if (!header) throw unreadable(msg('imports.empty_sheet'), 'empty_file');
  return { header: header.cells.map((h) => h.trim()), headerLine: header.line, rows: data };
}

// ---- writing a workbook ------------------------------------------------------------------------------------

/** A cell to write: text, or a number given as its decimal text (or a JS number / bigint). */
export type XlsxValue = string | number | bigint | boolean | null;

/** Characters XML 1.0 cannot hold, written as OOXML `_xHHHH_` escapes (and a literal `_xHHHH_` protected). */
const escapeXml = (s: string) =>
  s
    .replace(/_x([0-9A-Fa-f]{4})_/g, '_x005F_x$1_')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`)
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

/** A plain decimal Excel stores exactly as typed: at most 15 significant digits. */
export function isExactNumber(s: string): boolean {
  if (!/^-?\d+(\.\d+)?$/.test(s)) return false;
  return s.replace(/^-/, '').replace('.', '').replace(/^0+/, '').length <= 15;
}

function cellXml(ref: string, value: XlsxValue, numeric: boolean, style: number): string {
  const s = style ? ` s="${style}"` : '';
  if (value === null || value === '') return '';
  if (typeof value === 'boolean') return `<c r="${ref}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  const text = typeof value === 'number' ? (Number.isFinite(value) ? plainDecimal(String(value)) : String(value)) : String(value);
  if (numeric && isExactNumber(text)) return `<c r="${ref}"${s}><v>${text}</v></c>`;
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXml(text)}</t></is></c>`;
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;
/** Style 0: normal; style 1: bold (the header row). */
const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** Sheet names: at most 31 characters, none of []:*?/\ . */
const sheetName = (s: string) => s.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 31) || 'Sheet1';

/**
 * Streams a one-sheet workbook: the header row (bold, frozen), then the rows as they come. `numeric[i]`
 * says whether column i holds numbers (written as numbers when exact, as text otherwise).
 */
export function xlsxStream(sheet: string, header: readonly string[], numeric: readonly boolean[], rows: AsyncIterable<readonly XlsxValue[][]>): AsyncGenerator<Buffer> {
  const letters = header.map((_, i) => columnLetters(i));
  async function* sheetXml() {
    yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetData>`;
    yield `<row r="1">${header.map((h, i) => cellXml(`${letters[i]}1`, h, false, 1)).join('')}</row>`;
    let r = 1;
    for await (const batch of rows) {
      let chunk = '';
      for (const row of batch) {
        r++;
        chunk += `<row r="${r}">${row.map((v, i) => cellXml(`${letters[i] ?? columnLetters(i)}${r}`, v, numeric[i] ?? false, 0)).join('')}</row>`;
      }
      if (chunk) yield chunk;
    }
    yield `</sheetData></worksheet>`;
  }
  const workbook = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${escapeXml(sheetName(sheet))}" sheetId="1" r:id="rId1"/></sheets></workbook>`;
  return zipStream([
    { name: '[Content_Types].xml', data: CONTENT_TYPES },
    { name: '_rels/.rels', data: ROOT_RELS },
    { name: 'xl/workbook.xml', data: workbook },
    { name: 'xl/_rels/workbook.xml.rels', data: WORKBOOK_RELS },
    { name: 'xl/styles.xml', data: STYLES },
    { name: 'xl/worksheets/sheet1.xml', data: sheetXml() },
  ]);
}
