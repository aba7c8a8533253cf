import { describe, it, expect } from 'vitest';
import { deflateRawSync } from 'node:zlib';
import { decodeCsv, detectDelimiter, readCsv, csvRecord } from './csv';
import { readXlsx, xlsxStream, numberText, serialDate, plainDecimal, columnIndex, columnLetters, type XlsxValue } from './xlsx';
import { crc32, openZip, zipBuffer } from './zip';
import { guardFormula, unguardFormula } from './table';
import { matchHeader, headerKey } from './pipeline';
import { DomainError } from '../../domain/kernel/errors';

const fails = (fn: () => unknown, code: string) => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).issues[0]?.code).toBe(code);
    return (e as DomainError).issues[0];
  }
  throw new Error(`expected a ${code} problem`);
};

async function workbook(rows: XlsxValue[][], numeric: boolean[] = []) {
  const [header, ...data] = rows;
  const parts: Buffer[] = [];
  for await (const b of xlsxStream('Test', header as string[], numeric, (async function* () { yield data; })())) parts.push(b);
  return Buffer.concat(parts);
}

describe('reading CSV', () => {
  it('reads quoted fields with delimiters, doubled quotes and line breaks, keeping each record’s first line', () => {
    const t = readCsv('name,note\r\n"Acme, Ltd","He said ""hi"""\r\n"Multi\nline",x\nlast,"a\r\nb"\n');
    expect(t.header).toEqual(['name', 'note']);
    expect(t.rows).toEqual([
      { line: 2, cells: ['Acme, Ltd', 'He said "hi"'] },
      { line: 3, cells: ['Multi\nline', 'x'] },
      { line: 5, cells: ['last', 'a\r\nb'] },
    ]);
  });

  it('skips blank lines but counts them, and reads a last record without a line break', () => {
    const t = readCsv('a;b\n\n1;2\n;\n3;4');
    expect(t.delimiter).toBe(';');
    expect(t.rows).toEqual([{ line: 3, cells: ['1', '2'] }, { line: 5, cells: ['3', '4'] }]);
  });

  it('detects the delimiter from the header line, ignoring quoted ones, or uses the one stated', () => {
    expect(detectDelimiter('"a,b";c;d\n1,2,3,4,5')).toBe(';');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(detectDelimiter('single')).toBe(',');
    expect(readCsv('a;b,c\n1;2,3', { delimiter: ',' }).header).toEqual(['a;b', 'c']);
  });

  it('drops a UTF-8 byte order mark and refuses text that is not UTF-8 or holds NUL', () => {
    expect(decodeCsv(Buffer.from('\ufeffé,b', 'utf8'))).toBe('é,b');
    fails(() => decodeCsv(Buffer.from([0x61, 0xe9, 0x0a])), 'not_utf8');
    fails(() => decodeCsv(Buffer.from('a\u0000b')), 'invalid_character');
  });

  it('refuses an unterminated quote and text after a closing quote, naming the line', () => {
    expect(fails(() => readCsv('a,b\n1,2\n"open,3\n4,5'), 'unterminated_quote').field).toBe('line.3');
    expect(fails(() => readCsv('a,b\n"x"y,2'), 'misplaced_quote').field).toBe('line.2');
  });

  it('refuses an empty file and more rows than the limit', () => {
    fails(() => readCsv('\n\n'), 'empty_file');
    expect(readCsv('h\n1\n2', { limits: { maxRows: 2 } }).rows).toHaveLength(2);
    fails(() => readCsv('h\n1\n2\n3', { limits: { maxRows: 2 } }), 'too_many_rows');
  });

  it('writes fields that read back to the same values', () => {
    const values = ['plain', 'with,comma', 'with "quote"', 'two\r\nlines', ' padded ', ''];
    const t = readCsv(csvRecord(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']) + csvRecord(values));
    expect(t.rows[0].cells).toEqual(values);
  });
});

describe('spreadsheet formula guard', () => {
  it('prefixes text starting with = + - @ tab or CR with an apostrophe, and reading undoes it', () => {
    for (const s of ['=SUM(A1)', '+1', '-2+3', '@cmd', '\tx', '\rx']) {
      expect(guardFormula(s)).toBe(`'${s}`);
      expect(unguardFormula(guardFormula(s))).toBe(s);
    }
    expect(guardFormula('safe')).toBe('safe');
    expect(unguardFormula("'quoted")).toBe("'quoted");
  });
});

describe('numbers and dates from workbooks', () => {
  it('gives numbers as typed, without float noise or exponents', () => {
    expect(numberText('0.1')).toBe('0.1');
    expect(numberText('0.10000000000000001')).toBe('0.1');
    expect(numberText('0.30000000000000004')).toBe('0.3');
    expect(numberText('1234.56')).toBe('1234.56');
    expect(numberText('1E+21')).toBe('1000000000000000000000');
    expect(numberText('1.5E-7')).toBe('0.00000015');
    expect(numberText('-3')).toBe('-3');
    expect(plainDecimal('-1.25e-3')).toBe('-0.00125');
  });

  it('turns date serials into YYYY-MM-DD in both date systems, around the phantom 1900-02-29', () => {
    expect(serialDate(1, false, 'date')).toBe('1900-01-01');
    expect(serialDate(59, false, 'date')).toBe('1900-02-28');
    expect(serialDate(60, false, 'date')).toBeNull();
    expect(serialDate(61, false, 'date')).toBe('1900-03-01');
    expect(serialDate(46112, false, 'date')).toBe('2026-03-31');
    expect(serialDate(46112.5, false, 'date')).toBe('2026-03-31T12:00:00');
    expect(serialDate(0, true, 'date')).toBe('1904-01-01');
    expect(serialDate(0.25, false, 'time')).toBe('06:00:00');
  });

  it('maps column letters both ways', () => {
    expect(['A', 'Z', 'AA', 'AZ', 'XFD'].map(columnIndex)).toEqual([0, 25, 26, 51, 16383]);
    expect([0, 25, 26, 51, 16383].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AZ', 'XFD']);
  });
});

/** A workbook as Excel writes one: shared strings, styles with a date format, sparse cells, two sheets. */
async function excelLike(): Promise<Buffer> {
  const sheet1 = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="inlineStr"><is><t>Flag</t></is></c></row>
<row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2"><v>0.10000000000000001</v></c><c r="C2" s="1"><v>46112</v></c><c r="D2" t="b"><v>1</v></c></row>
<row r="3" spans="1:4"/>
<row r="5"><c r="A5" t="inlineStr"><is><r><t>Rich </t></r><r><rPr><b/></rPr><t>text &amp; more</t></r></is></c><c r="C5" s="2"><v>45000</v></c><c r="D5" t="e"><v>#N/A</v></c></row>
</sheetData></worksheet>`;
  const shared = `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Name</t></si><si><t>Rate</t></si><si><t>On</t></si><si><t xml:space="preserve">Line_x000D_break</t><rPh><t>ignored</t></rPh></si></sst>`;
  const styles = `<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/></cellXfs></styleSheet>`;
  const workbookXml = `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Rates" sheetId="7" r:id="rId9"/><sheet name="Other" sheetId="1" r:id="rId1"/></sheets></workbook>`;
  const rels = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;
  return zipBuffer([
    { name: 'xl/workbook.xml', data: workbookXml },
    { name: 'xl/_rels/workbook.xml.rels', data: rels },
    { name: 'xl/worksheets/sheet2.xml', data: sheet1 },
    { name: 'xl/worksheets/sheet1.xml', data: '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Not this one</t></is></c></row></sheetData></worksheet>' },
    { name: 'xl/sharedStrings.xml', data: shared },
    { name: 'xl/styles.xml', data: styles },
  ]);
}

describe('reading XLSX', () => {
  it('reads the first sheet: shared, inline and rich strings, numbers as typed, dates, booleans, errors, empty cells', async () => {
    const t = readXlsx(await excelLike());
    expect(t.header).toEqual(['Name', 'Rate', 'On', 'Flag']);
    expect(t.headerLine).toBe(1);
    expect(t.rows).toEqual([
      { line: 2, cells: ['Line\rbreak', '0.1', '2026-03-31', 'TRUE'] },
      { line: 5, cells: ['Rich text & more', '', '2023-03-15', '#N/A'] },
    ]);
  });

  it('reads back what it writes: text, exact numbers, guarded formulas, empty cells', async () => {
    const rows: XlsxValue[][] = [
      ['Name', 'Amount', 'Note'],
      ['Acme & <Co> "quoted"', '1234.56', "'=HYPERLINK(\"x\")"],
      ['Ünïcödé 😀', '0.1', null],
      ['Control \u0001 char and _x0041_ literal', '12345678901234567890', 'tail'],
    ];
    const t = readXlsx(await workbook(rows, [false, true, false]));
    expect(t.header).toEqual(rows[0]);
    expect(t.rows.map((r) => r.cells)).toEqual([
      ['Acme & <Co> "quoted"', '1234.56', "'=HYPERLINK(\"x\")"],
      ['Ünïcödé 😀', '0.1'], // trailing empty cells are not in the file
      ['Control \u0001 char and _x0041_ literal', '12345678901234567890', 'tail'],
    ]);
  });

  it('refuses files that are not workbooks, and zip bombs', async () => {
    fails(() => readXlsx(Buffer.from('a,b\n1,2')), 'not_xlsx');
    const notBook = await zipBuffer([{ name: 'hello.txt', data: 'hi' }]);
    fails(() => readXlsx(notBook), 'not_xlsx');
    // 32 MB of zeros deflate to a few kilobytes
    const bomb = await zipBuffer([{ name: 'xl/workbook.xml', data: Buffer.alloc(32 * 1024 * 1024) }]);
    expect(bomb.length).toBeLessThan(100_000);
    fails(() => readXlsx(bomb, { limits: { maxUnpackedBytes: 8 * 1024 * 1024 } }), 'too_large_unpacked');
  });

  it('reads stored (uncompressed) entries and checks its own CRC', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    const data = Buffer.from('hello');
    const name = Buffer.from('a.txt');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    const dirAt = 30 + name.length + data.length;
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 8);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(46 + name.length, 12);
    end.writeUInt32LE(dirAt, 16);
    const zip = openZip(Buffer.concat([local, name, data, central, name, end]), { maxEntries: 10, maxUnpackedBytes: 100 });
    expect(zip.read('a.txt')?.toString()).toBe('hello');
    expect(deflateRawSync(data).length).toBeGreaterThan(0);
  });
});

describe('matching a header to the columns', () => {
  const columns = [
    { key: 'from', label: 'From', required: true, aliases: ['devise'] },
    { key: 'rate', label: 'Rate', required: true, aliases: ['taux de change', 'tasa'] },
    { key: 'note', label: 'Note' },
  ];

  it('matches labels and aliases ignoring case, accents and punctuation', () => {
    expect(headerKey('Taux de change')).toBe('tauxdechange');
    expect(headerKey('Dévise')).toBe('devise');
    const { at, issues } = matchHeader(['DEVISE', 'Taux de change'], columns, 1);
    expect(issues).toEqual([]);
    expect([...at]).toEqual([['from', 0], ['rate', 1]]);
  });

  it('reports unknown, repeated and missing columns once each', () => {
    const { issues } = matchHeader(['From', 'Devise', 'Colour'], columns, 3);
    expect(issues.map((i) => [i.line, i.code, i.column])).toEqual([
      [3, 'duplicate_column', 'Devise'],
      [3, 'unknown_column', 'Colour'],
      [3, 'missing_column', 'rate'],
    ].sort((a, b) => (a[1] === 'missing_column' ? 1 : b[1] === 'missing_column' ? -1 : 0)));
  });
});
