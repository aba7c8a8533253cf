/**
 * Imports for the write-route fuzz test: the body is a file (CSV or XLSX), not JSON, so these specs make the
 * wire themselves (WriteSpec.wire): a table of plausible rows for each registered import kind (the kind's own
 * columns, headers as keys, labels or aliases), written as CSV in any delimiter and line ending or as a
 * workbook, sent with the content types clients use, and now and then broken (cut short, bytes flipped,
 * not UTF-8, random bytes). Beyond the usual properties: a dry run writes nothing, and a report counts every row.
 * Commitments and deliveries move value, so the route requires an Idempotency-Key for them (not on a dry run):
 * the spec sends a fresh key most of the time, and now and then none, a malformed one or one used before.
 */
import { expect } from 'vitest';
import fc from 'fast-check';
import type { TestDialect } from '../support/databases';
import { registerBuiltins } from '../../src/services/imports/builtins';
import { allImporters } from '../../src/services/imports/registry';
import { csvRecord, type Delimiter } from '../../src/services/imports/csv';
import { XLSX_MIME, xlsxStream, type XlsxValue } from '../../src/services/imports/xlsx';
import { createResult } from '../../src/services/accountability/results';
import { createIndicator } from '../../src/services/accountability/indicators';
import { confirmCommitment, pledge } from '../../src/services/accountability/commitments';
import { P, date, day, text, type Env, type Wire, type WriteSpec } from './write-spec';

// the app registers them too (once); here they are needed before it is built, to know the kinds and their columns
registerBuiltins();
const IMPORTERS = allImporters().map((i) => ({ kind: i.kind, columns: i.columns.map((c) => ({ key: c.key, names: [c.key, c.label, ...(c.aliases ?? [])], required: !!c.required })) }));
type Kind = (typeof IMPORTERS)[number];

/** Imports read a whole file in one transaction: fewer runs than RUNS. */
const IMPORT_RUNS: Record<TestDialect, number> = { sqlite: 60, postgres: 20 };

// ---- cells ---------------------------------------------------------------------------------------------

type Sep = '.' | ',';
const currency = fc.oneof({ weight: 8, arbitrary: fc.constantFrom('EUR', 'USD', 'GBP', 'JPY', 'KES') }, { weight: 1, arbitrary: fc.constantFrom('eur', ' usd ', 'XXX', '', '€', 'EURO') });
const decimalIn = (sep: Sep) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.tuple(fc.nat({ max: 2000 }), fc.nat({ max: 99999 })).map(([i, f]) => `${i + (f === 0 ? 1 : 0)}${f ? `${sep}${f}` : ''}`) },
    { weight: 1, arbitrary: fc.constantFrom('0', '-1', '1e3', '', 'abc', '1.234,5', '1,234.5', `0${sep}0000001`, '9'.repeat(30), '=1+1', "'=1+1", ' 1 ') },
  );
const dayCell = fc.oneof({ weight: 6, arbitrary: fc.oneof(fc.constantFrom('2025-01-31', '2024-12-31', '2020-01-01'), day) }, { weight: 1, arbitrary: fc.oneof(date, fc.constantFrom('31/01/2025', '2025-02-30', '45678', '', '2025-1-31')) });
/** What the imports' partnership holds (see importsPartnership), by name, so rows can refer to it; ids where the pools give them. */
const ORG_NAMES = ['City of Testville', 'Acme Water Ltd', 'acme water ltd', 'Elsewhere Foundation', 'Nobody Ltd', ''];
const INDICATOR = 'Households connected (fuzz)';
const organisation = (orgIds: readonly string[]) => fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...ORG_NAMES, ...orgIds) }, { weight: 1, arbitrary: text(0, 40) });
/** Plausible text for a column (by its key), else anything short. */
const CELLS: Record<string, (sep: Sep, orgIds: readonly string[]) => fc.Arbitrary<string>> = {
  // exchange rates
  from: () => currency, to: () => currency, on: () => dayCell, rate: decimalIn,
  // commitments and deliveries
  organisation: (_s, orgIds) => organisation(orgIds), recipient: (_s, orgIds) => fc.oneof(fc.constant(''), organisation(orgIds)),
  kind: () => fc.oneof({ weight: 6, arbitrary: fc.constantFrom('cash', 'in_kind_goods', 'staff_time', 'data', 'goods', 'staff time', 'Cash') }, { weight: 1, arbitrary: fc.constantFrom('money', '', 'other') }),
  amount: decimalIn, currency: () => currency, quantity: (sep) => fc.oneof(fc.constant(''), decimalIn(sep)), unit: () => fc.constantFrom('person-days', 'person-days', '', 'hours'),
  pledgedOn: () => dayCell, dueOn: () => fc.oneof(dayCell, fc.constantFrom('2099-12-31', '2030-06-30')),
  commitment: () => fc.oneof({ weight: 6, arbitrary: fc.constantFrom('1', '#1', '2', '#2') }, { weight: 1, arbitrary: fc.constantFrom('#99', '0', 'abc', '', '1.5') }),
  evidence: () => fc.constantFrom('', 'https://bank.example/1', 'file:abc https://bank.example/2', 'not a link'),
  decision: () => fc.constantFrom('', '', '01900000-0000-7000-8000-000000000000', 'a decision'),
  // indicator values
  indicator: () => fc.oneof({ weight: 6, arbitrary: fc.constantFrom(INDICATOR, INDICATOR.toUpperCase()) }, { weight: 1, arbitrary: fc.constantFrom('Unknown indicator', '') }),
  period: () => fc.oneof({ weight: 6, arbitrary: fc.constantFrom('2020', '2021', '2022', '2023', '2024', '2025', '2026') }, { weight: 1, arbitrary: fc.constantFrom('2027', '2025-Q1', 'FY2025', '', '2031') }),
  value: decimalIn,
};
const cellOf = (key: string, sep: Sep, orgIds: readonly string[]) => (CELLS[key] ?? (() => fc.oneof(text(0, 40), decimalIn(sep), date)))(sep, orgIds);

// ---- tables ----------------------------------------------------------------------------------------

interface Sheet { header: string[]; rows: string[][] }
/**
 * A table of the kind: its columns in any order, each headed by its key, label or an alias (case changed now and
 * then), sometimes a column left out, a stranger column or an unnamed one; a few rows, sometimes one twice.
 */
const sheetOf = (k: Kind, sep: Sep, orgIds: readonly string[] = []): fc.Arbitrary<Sheet> =>
  fc
    .record({
      order: fc.shuffledSubarray(k.columns, { minLength: k.columns.length }),
      names: fc.array(fc.nat(), { minLength: k.columns.length, maxLength: k.columns.length }),
      upper: fc.boolean(),
      drop: fc.oneof({ weight: 8, arbitrary: fc.constant(-1) }, { weight: 1, arbitrary: fc.nat({ max: k.columns.length - 1 }) }),
      extra: fc.oneof({ weight: 8, arbitrary: fc.constant<string | null>(null) }, { weight: 1, arbitrary: fc.constantFrom('Comment', '', 'rate', 'Taux de change') }),
      rows: fc.oneof(
        { weight: 8, arbitrary: fc.array(fc.tuple(...k.columns.map((c) => cellOf(c.key, sep, orgIds))).map((r): string[] => [...r]), { minLength: 1, maxLength: 4 }) },
        { weight: 1, arbitrary: fc.constant<string[][]>([]) },
      ),
      twice: fc.boolean(),
    })
    .map(({ order, names, upper, drop, extra, rows, twice }) => {
      const cols = order.filter((_, i) => i !== drop);
      const header = cols.map((c, i) => {
        const name = c.names[names[i] % c.names.length];
        return upper && i === 0 ? name.toUpperCase() : name;
      });
      const byKey = (row: string[]) => cols.map((c) => row[k.columns.indexOf(c)]);
      let body = rows.map((r) => byKey(r));
      if (twice && body.length) body = [...body, [...body[0]]];
      if (extra !== null) return { header: [...header, extra], rows: body.map((r) => [...r, extra === '' ? '' : 'a note']) };
      return { header, rows: body };
    });

const DELIMS: readonly Delimiter[] = [',', ';', '\t'];
/** A table written as CSV: any delimiter, CRLF or LF, with or without a byte order mark, sometimes not UTF-8. */
const csvOf = (s: Sheet) =>
  fc.record({ delim: fc.constantFrom(...DELIMS), lf: fc.boolean(), bom: fc.boolean(), encoding: fc.oneof({ weight: 8, arbitrary: fc.constant<'utf8' | 'latin1' | 'utf16le'>('utf8') }, { weight: 1, arbitrary: fc.constantFrom<'latin1' | 'utf16le'>('latin1', 'utf16le') }) }).map(({ delim, lf, bom, encoding }) => {
    const textOf = [s.header, ...s.rows].map((r) => csvRecord(r, delim)).join('').replace(/\r\n/g, lf ? '\n' : '\r\n');
    return { bytes: Buffer.from((bom ? '\ufeff' : '') + textOf, encoding), delim };
  });

/** Workbooks cannot be written inside a generator (the writer streams): a fixed set is written once, from a fixed seed. */
async function workbook(s: Sheet, numeric: boolean): Promise<Buffer> {
  const rows: XlsxValue[][] = s.rows.map((r) => r.map((v) => (numeric && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v)));
  const parts: Buffer[] = [];
  for await (const b of xlsxStream('Rates', s.header, s.header.map(() => numeric), (async function* () { yield rows; })())) parts.push(b);
  return Buffer.concat(parts);
}
const WORKBOOKS: { kind: string; bytes: Buffer }[] = [];
for (const k of IMPORTERS) {
  const sheets = fc.sample(fc.tuple(sheetOf(k, '.'), fc.boolean()), { numRuns: 12, seed: 4 });
  for (const [s, numeric] of sheets) WORKBOOKS.push({ kind: k.kind, bytes: await workbook(s, numeric) });
}

// ---- the wire --------------------------------------------------------------------------------------

const CSV_TYPES = ['text/csv', 'text/csv', 'text/csv; charset=utf-8', 'application/csv', 'text/tab-separated-values', 'application/vnd.ms-excel', 'application/octet-stream'];
const ODD_TYPES = [undefined, 'application/json', 'text/plain', 'multipart/form-data; boundary=x', XLSX_MIME, 'image/png'];
/** The query: the decimal separator (required), the delimiter, a dry run; sometimes wrong. */
const queryOf = (sep: Sep, delim: Delimiter | null) =>
  fc
    .record({
      decimal: fc.oneof({ weight: 8, arbitrary: fc.constant<string | undefined>(sep) }, { weight: 1, arbitrary: fc.constantFrom(undefined, ';', sep === '.' ? ',' : '.') }),
      delimiter: fc.oneof({ weight: 4, arbitrary: fc.constant<string | undefined>(undefined) }, { weight: 2, arbitrary: fc.constant(delim === '\t' ? 'tab' : (delim ?? undefined)) }, { weight: 1, arbitrary: fc.constantFrom(',', ';', 'tab', 'pipe') }),
      dryRun: fc.oneof({ weight: 6, arbitrary: fc.constant<string | undefined>(undefined) }, { weight: 4, arbitrary: fc.constantFrom('true', 'false') }, { weight: 1, arbitrary: fc.constant('yes') }),
    })
    .map((q) => new URLSearchParams(Object.entries(q).filter((e): e is [string, string] => e[1] !== undefined)).toString());
/** Bytes broken on the way: cut short, a byte changed, or bytes added. */
const damaged = (b: Buffer) =>
  fc.oneof(
    fc.nat({ max: Math.max(0, b.length - 1) }).map((at) => b.subarray(0, at)),
    fc.tuple(fc.nat({ max: Math.max(0, b.length - 1) }), fc.integer({ min: 1, max: 255 })).map(([at, x]) => {
      const c = Buffer.from(b);
      if (c.length) c[at] ^= x;
      return c;
    }),
    fc.uint8Array({ minLength: 1, maxLength: 64 }).map((extra) => Buffer.concat([b, Buffer.from(extra)])),
  );

const wireOf = (kind: string, orgIds: readonly string[]): fc.Arbitrary<Wire> => {
  const k = IMPORTERS.find((x) => x.kind === kind) ?? IMPORTERS[0];
  const books = WORKBOOKS.filter((w) => w.kind === k.kind);
  const csv = fc.constantFrom<Sep>('.', ',').chain((sep) =>
    sheetOf(k, sep, orgIds).chain((s) =>
      fc.tuple(csvOf(s), fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...CSV_TYPES) }, { weight: 1, arbitrary: fc.constantFrom(...ODD_TYPES) })).chain(([file, contentType]) =>
        fc
          .tuple(fc.oneof({ weight: 8, arbitrary: fc.constant<Buffer | null>(null) }, { weight: 1, arbitrary: damaged(file.bytes) }), queryOf(sep, file.delim))
          .map(([broken, query]) => ({ payload: broken ?? file.bytes, contentType, query, label: broken ? 'damaged csv' : CSV_TYPES.includes(contentType as string) ? 'valid' : `csv as ${contentType}` })),
      ),
    ),
  );
  const xlsx = fc.tuple(fc.constantFrom(...books), fc.oneof({ weight: 6, arbitrary: fc.constantFrom<string | undefined>(XLSX_MIME, XLSX_MIME, 'application/octet-stream', undefined) }, { weight: 1, arbitrary: fc.constantFrom('text/csv', 'application/json') })).chain(
    ([w, contentType]) =>
      fc
        .tuple(fc.oneof({ weight: 4, arbitrary: fc.constant<Buffer | null>(null) }, { weight: 1, arbitrary: damaged(w.bytes) }), queryOf('.', null))
        .map(([broken, query]) => ({ payload: broken ?? w.bytes, contentType, query, label: broken ? 'damaged xlsx' : contentType === XLSX_MIME ? 'valid' : `xlsx as ${contentType}` })),
  );
  const junk = fc
    .tuple(
      fc.oneof(fc.uint8Array({ maxLength: 200 }).map((u) => Buffer.from(u)), fc.uint8Array({ maxLength: 60 }).map((u) => Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.from(u)])), fc.constant(Buffer.alloc(0)), fc.constant(Buffer.from('{"from":"EUR"}'))),
      fc.constantFrom(...CSV_TYPES, ...ODD_TYPES),
      queryOf('.', null),
    )
    .map(([payload, contentType, query]) => ({ payload, contentType, query, label: 'junk' }));
  return fc.oneof({ weight: 6, arbitrary: csv }, ...(books.length ? [{ weight: 3, arbitrary: xlsx }] : []), { weight: 1, arbitrary: junk });
};

const partnerships = new WeakMap<Env, Promise<string>>();
/**
 * The imports' own partnership (what they store never meets another route's), with what rows refer to: the
 * indicator INDICATOR both members report on yearly from 2020, and pledges #1 (the city, 1,000 EUR cash) and
 * #2 (Acme Water, 200 person-days), both confirmed.
 */
const importsPartnership = (e: Env) => {
  let p = partnerships.get(e);
  if (!p) {
    p = (async () => {
      const { t, w } = e.f;
      const c = await w.actor(w.users.convener);
      const id = await e.f.freshPartnership();
      const goal = await createResult(t.deps, c, id, { level: 'goal', title: 'Safe water' });
      const outcome = await createResult(t.deps, c, id, { level: 'outcome', parentId: goal.id, title: 'Households connected' });
      await createIndicator(t.deps, c, id, {
        nodeId: outcome.id, title: INDICATOR, definition: 'Counted from the billing system', unit: 'households', measure: 'unit', direction: 'higher_is_better', valueKind: 'cumulative',
        targets: [], dimensions: [], sdgIndicators: [], responsiblePartnerIds: [w.orgs.convenerOrg, w.orgs.partnerOrg], schedule: { frequency: 'annual', start: '2020-01-01', end: '2030-12-31' },
      });
      const eur = (amount: string) => ({ amount, currency: 'EUR' });
      const cash = await pledge(t.deps, c, id, { organisationId: w.orgs.convenerOrg, kind: 'cash', description: 'Mains extension grant', valuation: eur('1000.00'), pledgedOn: '2020-01-01', tranches: [{ dueOn: '2099-12-31', value: eur('1000.00') }] });
      const staff = { value: '200', unit: 'person-days' };
      const time = await pledge(t.deps, c, id, {
        organisationId: w.orgs.partnerOrg, kind: 'staff_time', description: 'Engineers', valuation: eur('20000.00'), quantity: staff, valuationBasis: 'A day rate of 100 EUR', pledgedOn: '2020-01-01',
        tranches: [{ dueOn: '2099-12-31', value: eur('20000.00'), quantity: staff }],
      });
      for (const x of [cash, time]) await confirmCommitment(t.deps, c, id, x.id, {});
      return id;
    })();
    partnerships.set(e, p);
  }
  return p;
};

export const IMPORT_SPECS: WriteSpec[] = [
  {
    method: 'POST', path: `${P}/:id/imports/:kind`, as: 'convener', runs: IMPORT_RUNS, idempotency: 'required',
    variant: () => fc.oneof({ weight: 10, arbitrary: fc.constantFrom(...IMPORTERS.map((k) => k.kind)) }, { weight: 1, arbitrary: fc.constantFrom('no-such-kind', 'Exchange-Rates', 'a'.repeat(61)) }),
    target: async (e, kind: string) => ({ id: await importsPartnership(e), kind }),
    body: () => fc.constant({}),
    wire: (p, kind: string) => wireOf(kind, [p.convenerOrg, p.orgs.partnerOrg, p.orgs.otherOrg]),
    verify: async ({ status, json, context, wrote }) => {
      if (status !== 200 && status !== 201) return;
      const r = json() as { dryRun: boolean; rows: number; created: number; updated: number; unchanged: number };
      expect(r.dryRun, `${context}\n200 is the answer of a dry run, 201 of an import`).toBe(status === 200);
      expect(r.created + r.updated + r.unchanged, `${context}\nevery row read is created, updated or unchanged`).toBe(r.rows);
      if (r.dryRun || r.created + r.updated === 0) expect(await wrote(), `${context}\n${r.dryRun ? 'a dry run' : 'an import that changed no row'} wrote`).toEqual([]);
    },
  },
];
