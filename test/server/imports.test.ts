import { randomUUID } from 'node:crypto';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fc from 'fast-check';
import { expectProblem } from '../support/problems';
import { makeTestApp, signIn, as, type TestApp, type Session } from '../support/app';
import { buildWorld, PASSWORD, type World } from '../support/world';
import { DIALECTS, postgresAvailable } from '../support/databases';
import { snapshotDb, changedTables } from '../fuzz/db-snapshot';
import { ImportKinds, ImportProblem, ImportReport } from '../../src/contracts/imports';
import { createPartnership } from '../../src/services/partnerships/partnerships';
import { raiseDispute } from '../../src/services/disputes/disputes';
import { readXlsx } from '../../src/services/imports/xlsx';
import { readCsv, decodeCsv } from '../../src/services/imports/csv';
import { XLSX_MIME } from '../../src/services/imports/xlsx';
import { zipBuffer } from '../../src/services/imports/zip';
import { tableOf, writeTable } from '../../src/services/imports/exports';
import { addMember, addPerson } from '../../src/services/partnerships/partnerships';
import { confirmCommitment, pledge } from '../../src/services/accountability/commitments';
import { createResult } from '../../src/services/accountability/results';
import { createIndicator } from '../../src/services/accountability/indicators';
import { runImport } from '../../src/services/imports/pipeline';
import { PROGRESS_EVENT, progressReporter, type ImportProgress } from '../../src/services/imports/progress';
import { startSecondNode } from '../support/second-node';

const pgUp = await postgresAvailable();
const P = '/api/v1/partnerships';
const CSV = 'text/csv';

describe.each(DIALECTS)('imports and exports on %s', (dialect) => {
  let t: TestApp;
  let w: World;
  const s = {} as Record<'admin' | 'convener' | 'representative' | 'member' | 'observer' | 'outsider', Session>;
  let n = 0;

  /** A private partnership convened by the world's convener, with no rates yet. */
  const freshPartnership = async () =>
    (await createPartnership(t.deps, await w.actor(w.users.convener), {
      name: `Rates Compact ${++n}`, purpose: 'Keeping the books in several currencies.', model: 'ppp', visibility: 'private', countries: ['KE'], sectors: ['public'], convenerOrganisationId: w.orgs.convenerOrg, goals: [],
    })).id;

  /** Posts a file as a careful client does: with a fresh Idempotency-Key unless `headers` says otherwise. */
  const post = (pid: string, body: string | Buffer, query: string, type: string | null = CSV, kind = 'exchange-rates', who: Session = s.convener, headers: Record<string, string> = { 'idempotency-key': randomUUID() }) =>
    t.app.inject({ method: 'POST', url: `${P}/${pid}/imports/${kind}?${query}`, headers: { ...as(who, true), ...(type ? { 'content-type': type } : {}), ...headers }, payload: body });
  const imported = async (res: { statusCode: number; body: string; json: () => unknown }, status = 201) => {
    expect(res.statusCode, res.body).toBe(status);
    return ImportReport.parse(res.json());
  };
  const rates = async (pid: string) => {
    const res = await t.app.inject({ url: `${P}/${pid}/ledger/exchange-rates?limit=100`, headers: as(s.convener) });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().items as { from: string; to: string; on: string; rate: string }[]).map((r) => `${r.from}>${r.to}@${r.on}=${r.rate}`).sort();
  };
  const download = async (pid: string, list: string, format: 'csv' | 'xlsx', who: Session = s.convener) => {
    const res = await t.app.inject({ url: `${P}/${pid}/exports/${list}?format=${format}`, headers: as(who) });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return res;
  };

  beforeAll(async () => {
    if (dialect === 'postgres' && !pgUp) return;
    t = await makeTestApp(dialect);
    w = await buildWorld(t.deps);
    for (const k of Object.keys(w.emails) as (keyof typeof s)[]) s[k] = await signIn(t.app, w.emails[k], PASSWORD);
  });
  afterAll(async () => t?.close());
  const run = dialect === 'postgres' && !pgUp ? it.skip : it;

  describe('importing exchange rates', () => {
    run('stores every row of a CSV file, in one audited write, and answers 201 with the counts', async () => {
      const pid = await freshPartnership();
      const report = await imported(await post(pid, 'From,To,On,Rate\r\nEUR,USD,2026-03-31,1.0861\r\nGBP,USD,2026-03-31,1.2650\r\nkes,usd,2026-03-31,0.0077\r\n', 'decimal=.'));
      expect(report).toMatchObject({ kind: 'exchange-rates', dryRun: false, format: 'csv', delimiter: ',', decimal: '.', rows: 3, created: 3, updated: 0, unchanged: 0 });
      expect(report.columns).toEqual([{ header: 'From', column: 'from' }, { header: 'To', column: 'to' }, { header: 'On', column: 'on' }, { header: 'Rate', column: 'rate' }]);
      expect(await rates(pid)).toEqual(['EUR>USD@2026-03-31=1.0861', 'GBP>USD@2026-03-31=1.265', 'KES>USD@2026-03-31=0.0077']);
      const audit = await t.app.inject({ url: `${P}/${pid}/audit`, headers: as(s.convener) });
      expect(audit.json().items.filter((e: { action: string }) => e.action === 'ledger.rates_entered')).toHaveLength(1);
    });

    run('reads a French file: byte order mark, semicolons, CRLF, decimal comma, French headers in any case', async () => {
      const pid = await freshPartnership();
      const file = Buffer.from('\ufeffDEVISE;Vers;Date;Taux de change\r\nEUR;XOF;2026-01-15;655,957\r\n"USD";"XOF";2026-01-15;"1 234,5"\r\n', 'utf8');
      const report = await imported(await post(pid, file, 'decimal=,'));
      expect(report).toMatchObject({ delimiter: ';', decimal: ',', created: 2 });
      expect(await rates(pid)).toEqual(['EUR>XOF@2026-01-15=655.957', 'USD>XOF@2026-01-15=1234.5']);
    });

    run('reads tab-separated text and Spanish headers, the delimiter stated or detected', async () => {
      const pid = await freshPartnership();
      expect((await imported(await post(pid, 'Moneda origen\tMoneda destino\tFecha\tTasa\nEUR\tUSD\t2026-02-01\t1.08\n', 'decimal=.'))).delimiter).toBe('\t');
      expect((await imported(await post(pid, 'desde\thacia\tfecha\ttasa\nGBP\tUSD\t2026-02-01\t1.26\n', 'decimal=.&delimiter=tab'))).created).toBe(1);
    });

    run('with several bad rows writes nothing and reports every one with its line and column', async () => {
      const pid = await freshPartnership();
      await imported(await post(pid, 'from,to,on,rate\nEUR,USD,2026-03-01,1.09\n', 'decimal=.'));
      const before = await snapshotDb(t.deps);
      const file = [
        'from,to,on,rate', //                      line 1
        'EUR,USD,2026-03-31,1.0861', //            line 2: good
        'EUR,"US', //                              line 3: a quoted field over two lines: bad currency
        'D",2026-03-31,1.1',
        'GBP,USD,2026-02-30,abc', //               line 5: no such date, not a number
        '', //                                     line 6: blank, skipped
        'EUR,USD,2026-03-31,1.0862', //            line 7: the same pair and date as line 2, another rate
        'EUR,USD,2026-03-01,1.10', //              line 8: differs from the stored rate
        'EUR,EUR,2026-03-31,1', //                 line 9: the same currency
        'JPY,USD,2026-03-31,-0.0067', //           line 10: negative
        'EUR,USD,2026-04-01,1.09,extra', //        line 11: a value beyond the header
      ].join('\r\n');
      const res = await post(pid, file, 'decimal=.');
      const p = ImportProblem.parse(expectProblem(res, 422, 'validation_failed') && res.json());
      const found = p.errors!.map((e) => [e.line, e.column, e.code]);
      expect(found).toEqual([
        [3, 'to', 'invalid_currency'],
        [5, 'on', 'invalid_date'],
        [5, 'rate', 'invalid_number'],
        [7, 'rate', 'duplicate'],
        [8, 'rate', 'conflict'],
        [9, 'to', 'same_currency'],
        [10, 'rate', 'not_positive'],
        [11, null, 'too_many_values'],
      ]);
      expect(p.errors!.map((e) => e.field)).toContain('line.5.on');
      expect(p).toMatchObject({ errorCount: 8, rowsWithErrors: 7 });
      expect(p.detail).toMatch(/nothing was written/);
      expect(changedTables(before, await snapshotDb(t.deps))).toEqual([]);
      expect(await rates(pid)).toEqual(['EUR>USD@2026-03-01=1.09']);
    });

    run('reports unknown and missing columns once, on the header line, and no row problems', async () => {
      const pid = await freshPartnership();
      const res = await post(pid, 'from,to,date,colour\nEUR,USD,2026-03-31,blue\nbad,bad,bad,bad\n', 'decimal=.');
      const p = ImportProblem.parse(expectProblem(res, 422, 'validation_failed') && res.json());
      expect(p.errors!.map((e) => [e.line, e.column, e.code])).toEqual([[1, 'colour', 'unknown_column'], [1, 'rate', 'missing_column']]);
    });

    run('a dry run reports what would be written and writes nothing; the real run then writes it', async () => {
      const pid = await freshPartnership();
      const file = 'from,to,on,rate\nEUR,USD,2026-03-31,1.0861\nEUR,USD,2026-03-31,1.08610\n';
      const before = await snapshotDb(t.deps);
      const dry = await imported(await post(pid, file, 'decimal=.&dryRun=true'), 200);
      expect(dry).toMatchObject({ dryRun: true, rows: 2, created: 1, unchanged: 1 });
      expect(changedTables(before, await snapshotDb(t.deps))).toEqual([]);
      expect(await imported(await post(pid, file, 'decimal=.'))).toMatchObject({ dryRun: false, created: 1, unchanged: 1 });
      // the same file again changes nothing
      expect(await imported(await post(pid, file, 'decimal=.'))).toMatchObject({ created: 0, unchanged: 2 });
      expect(await rates(pid)).toEqual(['EUR>USD@2026-03-31=1.0861']);
    });

    run('refuses a decimal separator that was not stated, a body that is not a file, and an unknown kind', async () => {
      const pid = await freshPartnership();
      expectProblem(await post(pid, 'from,to,on,rate\n', ''), 400, 'invalid_request', 'decimal');
      const json = await t.app.inject({ method: 'POST', url: `${P}/${pid}/imports/exchange-rates?decimal=.`, headers: as(s.convener, true), payload: { from: 'EUR' } });
      expectProblem(json, 415, 'unsupported_media_type');
      expectProblem(await post(pid, 'a\n1\n', 'decimal=.', CSV, 'no-such-kind'), 404, 'not_found');
      expectProblem(await post(pid, Buffer.from([0xff, 0xfe, 0x41, 0x00]), 'decimal=.'), 422, 'validation_failed', 'file');
      expectProblem(await post(pid, 'from,to,on,rate\n', 'decimal=.'), 422, 'validation_failed', 'line.1');
    });

    run('reads a file sent without a content type, or as octet-stream, by its bytes', async () => {
      const pid = await freshPartnership();
      expect((await imported(await post(pid, 'from,to,on,rate\nEUR,USD,2026-01-02,1.1\n', 'decimal=.', null))).format).toBe('csv');
      const book = await download(pid, 'exchange-rates', 'xlsx');
      expect((await imported(await post(pid, book.rawPayload, 'decimal=.', 'application/octet-stream'))).format).toBe('xlsx');
    });

    run('answers 413 for a file over 20 MB and 422 for more than 200,000 rows, writing nothing', async () => {
      const pid = await freshPartnership();
      const before = await snapshotDb(t.deps);
      const big = Buffer.alloc(20 * 1024 * 1024 + 1, 0x61);
      expectProblem(await post(pid, big, 'decimal=.'), 413, 'payload_too_large');
      const many = `from,to,on,rate\n${'EUR,USD,2026-01-01,1.1\n'.repeat(200_001)}`;
      const res = await post(pid, many, 'decimal=.');
      expectProblem(res, 422, 'validation_failed', 'file');
      expect(res.json().errors[0].code).toBe('too_many_rows');
      expect(changedTables(before, await snapshotDb(t.deps))).toEqual([]);
    });

    run('refuses a zip bomb posing as a workbook with 422, not 500', async () => {
      const pid = await freshPartnership();
      const bomb = await zipBuffer([{ name: 'xl/workbook.xml', data: '<workbook/>' }, { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(300 * 1024 * 1024, 0x20) }]);
      expect(bomb.length).toBeLessThan(2_000_000);
      const res = await post(pid, bomb, 'decimal=.', XLSX_MIME);
      expectProblem(res, 422, 'validation_failed', 'file');
      expect(res.json().errors[0].code).toBe('too_large_unpacked');
    }, 120_000); // deflating and inflating 300 MB takes a while on a busy machine
  });

  // ---- records: commitments, deliveries, indicator values -------------------------------------------------------

  /** A workbook of text cells, as a person would type them. */
  const xlsxOf = async (header: string[], rows: string[][]) => {
    const out = writeTable(tableOf('Sheet1', header.map((h, i) => ({ header: h, value: (r: string[]) => r[i] })), rows), 'xlsx');
    const parts: Buffer[] = [];
    for await (const b of out.body) parts.push(b);
    return Buffer.concat(parts);
  };
  const csvOf = (lines: string[]) => `${lines.join('\r\n')}\r\n`;
  const problemsOf = (res: { statusCode: number; body: string; json: () => unknown }) => {
    const p = ImportProblem.parse(expectProblem(res as never, 422, 'validation_failed') && res.json());
    expect(p.detail).toMatch(/nothing was written/);
    return p.errors!.map((e) => [e.line, e.column, e.code]);
  };
  const list = async (pid: string, path: string) => {
    const res = await t.app.inject({ url: `${P}/${pid}/${path}`, headers: as(s.convener) });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as Record<string, unknown>[];
  };
  /** A private partnership with Acme Water a member, represented by the representative persona. */
  const withPartner = async () => {
    const pid = await freshPartnership();
    const c = await w.actor(w.users.convener);
    await addMember(t.deps, c, pid, { organisationId: w.orgs.partnerOrg, role: 'partner' });
    await addPerson(t.deps, c, pid, { email: w.emails.representative, role: 'representative', organisationId: w.orgs.partnerOrg });
    await addPerson(t.deps, c, pid, { email: w.emails.member, role: 'member', organisationId: w.orgs.convenerOrg });
    await addPerson(t.deps, c, pid, { email: w.emails.observer, role: 'observer' });
    return pid;
  };
  /** Writes nothing: the database is the same after `act` as before. */
  const writesNothing = async (act: () => Promise<void>) => {
    const before = await snapshotDb(t.deps);
    await act();
    expect(changedTables(before, await snapshotDb(t.deps))).toEqual([]);
  };

  describe('importing commitments', () => {
    const HEADER = 'Organisation,Kind,Description,Valuation,Currency,Quantity,Unit,Valuation basis,Pledged on,Due on';

    run('a CSV file (French headers, decimal comma) and an XLSX file each pledge every row, posted to the ledger', async () => {
      const pid = await withPartner();
      const csv = csvOf([
        'Organisme;Type;Descriptif;Montant;Devise;Quantité;Unité;Base de valorisation;Date;Échéance',
        'acme water ltd;espèces;Pipes for the east district;"12 500,50";eur;;;;2026-01-15;2026-12-31',
        `${w.orgs.convenerOrg};staff time;Engineers on site;"9 000";EUR;20;person-days;450 EUR a day;2026-02-01;2026-06-30`,
      ]);
      expect(await imported(await post(pid, csv, 'decimal=,', CSV, 'commitments'))).toMatchObject({ kind: 'commitments', delimiter: ';', rows: 2, created: 2, updated: 0, unchanged: 0 });
      const book = await xlsxOf(HEADER.split(','), [['Acme Water Ltd', 'data', 'Meter readings', '1200.5', 'USD', '', '', 'market price of the data set', '2026-03-01', '2027-03-01']]);
      expect(await imported(await post(pid, book, 'decimal=.', XLSX_MIME, 'commitments'))).toMatchObject({ format: 'xlsx', created: 1 });
      const items = await list(pid, 'commitments?limit=10');
      expect(items.map((c) => [c.number, c.organisationId, c.kind, (c.valuation as { amount: string }).amount, c.status, c.quantity]).sort()).toEqual([
        [1, w.orgs.partnerOrg, 'cash', '12500.50', 'pledged', null],
        [2, w.orgs.convenerOrg, 'staff_time', '9000.00', 'pledged', { value: '20', unit: 'person-days' }],
        [3, w.orgs.partnerOrg, 'data', '1200.50', 'pledged', null],
      ]);
      const pledges = await list(pid, 'ledger/transactions?type=pledge&limit=10');
      expect(pledges).toHaveLength(3);
    }, 60_000);

    run('with several bad rows writes nothing and reports every one with its line, from parsing, the file and the pledge rules', async () => {
      const pid = await withPartner();
      const file = csvOf([
        HEADER, //                                                                                       line 1
        'Acme Water Ltd,cash,Pipes,1000.00,EUR,,,,2026-01-15,2026-12-31', //                              line 2: good
        'Acme Water Ltd,cash,Pumps,"1,000.001",EUR,,,,2026-01-15,2026-12-31', //                          line 3: three decimals in EUR
        'Nobody Inc,cash,Pumps,10,EUR,,,,2026-01-15,2026-12-31', //                                       line 4: not a member
        'Acme Water Ltd,cash,Pipes,1000.00,EUR,,,,2026-01-15,2026-12-31', //                              line 5: line 2 again
        'Acme Water Ltd,gold bars,Bars,10,EUR,,,,2026-01-15,2026-12-31', //                              line 6: no such kind
        'Acme Water Ltd,staff time,Engineers,9000,EUR,20,person-days,,2026-01-15,2026-12-31', //          line 7: in kind without a basis
        'Acme Water Ltd,cash,Valves,10,EUR,,,,2026-01-15,2025-12-31', //                                  line 8: due before the pledge
        'Acme Water Ltd,cash,Valves,10,EUR,,,,2099-01-15,2099-12-31', //                                  line 9: pledged in the future
        'Acme Water Ltd,cash,,abc,EUR,,,,2026-01-15,', //                                                 line 10: three cells
      ]);
      await writesNothing(async () => {
        expect(problemsOf(await post(pid, file, 'decimal=.', CSV, 'commitments'))).toEqual([
          [3, 'amount', 'too_many_decimals'],
          [4, 'organisation', 'unknown_partner'],
          [5, null, 'duplicate'],
          [6, 'kind', 'invalid_kind'],
          [7, 'basis', 'required'],
          [8, 'dueOn', 'before_pledge'],
          [9, 'pledgedOn', 'in_future'],
          [10, 'description', 'required'],
          [10, 'dueOn', 'required'],
          [10, 'amount', 'invalid_number'],
        ]);
      });
    });

    run('a dry run reports what would be pledged and writes nothing', async () => {
      const pid = await withPartner();
      const file = csvOf([HEADER, 'Acme Water Ltd,cash,Pipes,1000,EUR,,,,2026-01-15,2026-12-31', 'Acme Water Ltd,cash,Pumps,500,EUR,,,,2026-01-15,2026-12-31']);
      await writesNothing(async () => {
        expect(await imported(await post(pid, file, 'decimal=.&dryRun=true', CSV, 'commitments'), 200)).toMatchObject({ dryRun: true, created: 2 });
      });
      expect(await list(pid, 'commitments')).toEqual([]);
    });

    run('a representative pledges for their own organisation only: each row for another is refused, and nothing is written', async () => {
      const pid = await withPartner();
      const file = csvOf([HEADER, 'Acme Water Ltd,cash,Pipes,1000,EUR,,,,2026-01-15,2026-12-31', 'City of Testville,cash,Land,10,EUR,,,,2026-01-15,2026-12-31', 'Acme Water Ltd,cash,Pumps,5,EUR,,,,2026-01-15,2026-12-31', 'City of Testville,cash,Roads,10,EUR,,,,2026-01-15,2026-12-31']);
      await writesNothing(async () => {
        expect(problemsOf(await post(pid, file, 'decimal=.', CSV, 'commitments', s.representative))).toEqual([[3, 'organisation', 'forbidden'], [5, 'organisation', 'forbidden']]);
      });
      expect(await imported(await post(pid, csvOf([HEADER, 'Acme Water Ltd,cash,Pipes,1000,EUR,,,,2026-01-15,2026-12-31']), 'decimal=.', CSV, 'commitments', s.representative))).toMatchObject({ created: 1 });
      expectProblem(await post(pid, file, 'decimal=.', CSV, 'commitments', s.member), 403, 'forbidden');
    });
  });

  describe('importing deliveries', () => {
    /** A confirmed cash commitment of 1,000.00 EUR by `org` (number returned), and one in kind of 100 doses worth 500 EUR. */
    const confirmed = async (pid: string, org: string, over: Record<string, unknown> = {}) => {
      const c = await w.actor(w.users.convener);
      const made = await pledge(t.deps, c, pid, {
        organisationId: org, kind: 'cash', description: 'Cash for the pipes', valuation: { amount: '1000.00', currency: 'EUR' }, pledgedOn: '2026-01-01',
        tranches: [{ dueOn: '2026-12-31', value: { amount: '1000.00', currency: 'EUR' } }], ...over,
      });
      await confirmCommitment(t.deps, c, pid, made.id, {});
      return made;
    };
    const HEADER = 'Commitment,Delivered on,Value,Currency,Quantity,Unit,Evidence,Note';

    run('a CSV file and an XLSX file record every delivery (a quantity valued pro rata), each awaiting confirmation', async () => {
      const pid = await withPartner();
      const cash = await confirmed(pid, w.orgs.partnerOrg);
      const doses = await confirmed(pid, w.orgs.partnerOrg, {
        kind: 'in_kind_goods', description: 'Vaccine doses', quantity: { value: '100', unit: 'doses' }, valuationBasis: 'list price', valuation: { amount: '500.00', currency: 'EUR' },
        tranches: [{ dueOn: '2026-12-31', value: { amount: '500.00', currency: 'EUR' } }],
      });
      const csv = csvOf([HEADER, `#${cash.number},2026-02-01,"250,00",,,,https://example.org/receipt-1 file:scan-2,First instalment`, `${doses.id},2026-02-02,,,30,,,`]);
      expect(await imported(await post(pid, csv, 'decimal=,&delimiter=,', CSV, 'deliveries', s.representative))).toMatchObject({ created: 2 });
      const book = await xlsxOf(['Compromiso', 'Fecha', 'Valor'], [[String(cash.number), '2026-03-01', '100.5']]);
      expect(await imported(await post(pid, book, 'decimal=.', XLSX_MIME, 'deliveries', s.representative))).toMatchObject({ created: 1 });
      const items = await list(pid, 'deliveries?limit=10');
      expect(items.map((d) => [d.commitmentId, d.on, (d.value as { amount: string }).amount, d.quantity, d.status, d.evidence]).sort()).toEqual([
        [cash.id, '2026-02-01', '250.00', null, 'recorded', ['https://example.org/receipt-1', 'file:scan-2']],
        [cash.id, '2026-03-01', '100.50', null, 'recorded', []],
        [doses.id, '2026-02-02', '150.00', { value: '30', unit: 'doses' }, 'recorded', []],
      ].sort());
    });

    run('with several bad rows writes nothing and reports every one, two rows that together exceed what remains included', async () => {
      const pid = await withPartner();
      const cash = await confirmed(pid, w.orgs.partnerOrg);
      const pledged = (await pledge(t.deps, await w.actor(w.users.convener), pid, {
        organisationId: w.orgs.partnerOrg, kind: 'cash', description: 'Not yet confirmed', valuation: { amount: '10.00', currency: 'EUR' }, pledgedOn: '2026-01-01', tranches: [{ dueOn: '2026-12-31', value: { amount: '10.00', currency: 'EUR' } }],
      })).number;
      const n = cash.number;
      const file = csvOf([
        HEADER, //                                              line 1
        `${n},2026-02-01,600.00,EUR,,,,`, //                    line 2: good alone
        `${n},2026-02-02,500.00,EUR,,,,`, //                    line 3: with line 2, more than the 1,000.00 pledged
        `${n},2026-02-01,600.00,EUR,,,,`, //                    line 4: line 2 again
        `999,2026-02-01,1.00,EUR,,,,`, //                       line 5: no such commitment
        `${n},2099-01-01,1.00,EUR,,,,`, //                      line 6: in the future
        `${n},2026-02-03,1.00,USD,,,,`, //                      line 7: not the commitment's currency
        `${n},2026-02-03,1.00,EUR,,,not-a-link,`, //            line 8: evidence is a link or a file
        `${pledged},2026-02-03,1.00,EUR,,,,`, //                line 9: not confirmed yet
        `${n},2026-02-03,,,,,,`, //                             line 10: nothing delivered
        `${n},2026-02-03,1.000,EUR,,,,`, //                     line 11: three decimals
      ]);
      await writesNothing(async () => {
        expect(problemsOf(await post(pid, file, 'decimal=.', CSV, 'deliveries', s.representative))).toEqual([
          [3, 'amount', 'exceeds_remaining'],
          [4, null, 'duplicate'],
          [5, 'commitment', 'unknown_commitment'],
          [6, 'on', 'in_future'],
          [7, 'currency', 'currency_mismatch'],
          [8, 'evidence', 'invalid_evidence'],
          [9, 'commitment', 'illegal_transition'],
          [10, 'amount', 'required'],
          [11, 'amount', 'too_many_decimals'],
        ]);
      });
    });

    run('a dry run reports what would be recorded and writes nothing', async () => {
      const pid = await withPartner();
      const cash = await confirmed(pid, w.orgs.partnerOrg);
      await writesNothing(async () => {
        expect(await imported(await post(pid, csvOf([HEADER, `${cash.number},2026-02-01,600.00,,,,,`, `${cash.number},2026-02-02,400.00,,,,,`]), 'decimal=.&dryRun=true', CSV, 'deliveries'), 200)).toMatchObject({ dryRun: true, created: 2 });
      });
    });

    run('a representative records deliveries of their own organisation only: each row for another is refused', async () => {
      const pid = await withPartner();
      const mine = await confirmed(pid, w.orgs.partnerOrg);
      const theirs = await confirmed(pid, w.orgs.convenerOrg);
      const file = csvOf([HEADER, `${mine.number},2026-02-01,10,,,,,`, `${theirs.number},2026-02-01,10,,,,,`, `${theirs.id},2026-02-02,10,,,,,`]);
      await writesNothing(async () => {
        expect(problemsOf(await post(pid, file, 'decimal=.', CSV, 'deliveries', s.representative))).toEqual([[3, null, 'forbidden'], [4, null, 'forbidden']]);
      });
      expect(await imported(await post(pid, file, 'decimal=.', CSV, 'deliveries'))).toMatchObject({ created: 3 });
    });
  });

  describe('importing indicator values', () => {
    /** A quantitative indicator of 2025, quarterly, reported by both organisations; and a qualitative one. */
    const framework = async (pid: string) => {
      const c = await w.actor(w.users.convener);
      const outcome = await createResult(t.deps, c, pid, { level: 'goal', title: 'Safe water for all' });
      const base = {
        nodeId: outcome.id, definition: 'Counted by the utility', unit: 'households', direction: 'higher_is_better' as const, valueKind: 'per_period' as const,
        targets: [], dimensions: [], sdgIndicators: [], responsiblePartnerIds: [w.orgs.convenerOrg, w.orgs.partnerOrg], schedule: { frequency: 'quarterly' as const, start: '2025-01-01', end: '2025-12-31' },
      };
      const connected = await createIndicator(t.deps, c, pid, { ...base, title: 'Households connected', measure: 'unit' });
      const story = await createIndicator(t.deps, c, pid, { ...base, title: 'What changed', measure: 'qualitative', unit: 'text' });
      return { connected: connected.id, story: story.id };
    };
    const HEADER = 'Indicator,Period,Partner,Value,Note';
    const values = async (pid: string) =>
      (await list(pid, 'indicator-submissions?limit=50')).map((x) => [x.indicatorTitle, x.periodKey, x.partnerName, x.value, x.note, x.status]).sort();

    run('a CSV and an XLSX file save each partner’s drafts: new ones created, changed ones updated, equal ones unchanged', async () => {
      const pid = await withPartner();
      const f = await framework(pid);
      const csv = csvOf(['Indicateur;Période;Partenaire;Valeur;Commentaire', 'households connected;2025-q1;Acme Water Ltd;"1 250,5";from the meters', `${f.story};2025-Q1;${w.orgs.partnerOrg};"Queues at the kiosks are shorter; 12 new kiosks";`]);
      expect(await imported(await post(pid, csv, 'decimal=,', CSV, 'indicator-values', s.representative))).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
      const book = await xlsxOf(HEADER.split(','), [['Households connected', '2025-Q1', 'Acme Water Ltd', '1250.50', ''], ['Households connected', '2025-Q2', 'Acme Water Ltd', '1400', 'estimate'], ['What changed', '2025-Q1', 'Acme Water Ltd', 'Longer opening hours', '']]);
      expect(await imported(await post(pid, book, 'decimal=.', XLSX_MIME, 'indicator-values', s.representative))).toMatchObject({ format: 'xlsx', created: 1, updated: 1, unchanged: 1 });
      expect(await values(pid)).toEqual([
        ['Households connected', '2025-Q1', 'Acme Water Ltd', '1250.5', 'from the meters', 'draft'],
        ['Households connected', '2025-Q2', 'Acme Water Ltd', '1400', 'estimate', 'draft'],
        ['What changed', '2025-Q1', 'Acme Water Ltd', 'Longer opening hours', null, 'draft'],
      ]);
    });

    run('with several bad rows writes nothing and reports every one with its line', async () => {
      const pid = await withPartner();
      await framework(pid);
      const file = csvOf([
        HEADER, //                                                       line 1
        'Households connected,2025-Q1,Acme Water Ltd,100,', //          line 2: good
        'Households served,2025-Q1,Acme Water Ltd,100,', //             line 3: no such indicator
        'Households connected,2026-Q1,Acme Water Ltd,100,', //          line 4: not a period of the indicator
        'Households connected,2025-Q2,Acme Water Ltd,"1,5",', //        line 5: not a number with "." as decimal separator
        'Households connected,2025-Q1,Acme Water Ltd,120,', //          line 6: line 2's indicator, period and partner again
        'Households connected,2025-Q3,Elsewhere Foundation,100,', //    line 7: not a member
        'Households connected,2025-Q3,,,', //                           line 8: no partner, no value
      ]);
      await writesNothing(async () => {
        expect(problemsOf(await post(pid, file, 'decimal=.', CSV, 'indicator-values', s.representative))).toEqual([
          [3, 'indicator', 'unknown_indicator'],
          [4, 'period', 'unknown_period'],
          [5, 'value', 'invalid_number'],
          [6, 'period', 'duplicate'],
          [7, 'partner', 'unknown_partner'],
          [8, 'partner', 'required'],
          [8, 'value', 'required'],
        ]);
      });
    });

    run('a dry run reports what would be saved and writes nothing; submitted values are not changed by an import', async () => {
      const pid = await withPartner();
      const f = await framework(pid);
      const file = csvOf([HEADER, 'Households connected,2025-Q1,Acme Water Ltd,100,']);
      await writesNothing(async () => {
        expect(await imported(await post(pid, file, 'decimal=.&dryRun=true', CSV, 'indicator-values', s.representative), 200)).toMatchObject({ dryRun: true, created: 1 });
      });
      await imported(await post(pid, file, 'decimal=.', CSV, 'indicator-values', s.representative));
      const [draft] = await list(pid, `indicator-submissions?indicatorId=${f.connected}`);
      const submitted = await t.app.inject({ method: 'POST', url: `${P}/${pid}/indicator-submissions/${draft.id}/submit`, headers: as(s.representative, true), payload: {} });
      expect(submitted.statusCode, submitted.body).toBe(200);
      expect(await imported(await post(pid, file, 'decimal=.', CSV, 'indicator-values', s.representative))).toMatchObject({ unchanged: 1 });
      await writesNothing(async () => {
        expect(problemsOf(await post(pid, csvOf([HEADER, 'Households connected,2025-Q1,Acme Water Ltd,101,']), 'decimal=.', CSV, 'indicator-values', s.representative))).toEqual([[2, null, 'conflict']]);
      });
    });

    run('a representative reports for their own organisation only: each row for another is refused, even one equal to what is stored', async () => {
      const pid = await withPartner();
      await framework(pid);
      const theirs = 'Households connected,2025-Q1,City of Testville,100,';
      expect(await imported(await post(pid, csvOf([HEADER, theirs]), 'decimal=.', CSV, 'indicator-values'))).toMatchObject({ created: 1 });
      const file = csvOf([HEADER, 'Households connected,2025-Q1,Acme Water Ltd,100,', theirs, 'Households connected,2025-Q2,City of Testville,100,']);
      await writesNothing(async () => {
        expect(problemsOf(await post(pid, file, 'decimal=.', CSV, 'indicator-values', s.representative))).toEqual([[3, null, 'forbidden'], [4, 'partner', 'forbidden']]);
      });
      expectProblem(await post(pid, file, 'decimal=.', CSV, 'indicator-values', s.observer), 403, 'forbidden');
    });
  });

  // ---- sent again, and followed while it runs ---------------------------------------------------------------

  describe('an import sent again, and followed while it runs', () => {
    const PLEDGES = 'Organisation,Kind,Description,Valuation,Currency,Pledged on,Due on';
    /** `n` pledges of Acme Water, each of its own description and amount. */
    const pledgeFile = (n: number, what = 'Pipes') => csvOf([PLEDGES, ...Array.from({ length: n }, (_, i) => `Acme Water Ltd,cash,${what} ${i + 1},${100 + i}.00,EUR,2026-01-15,2026-12-31`)]);
    const confirmedCash = async (pid: string) => {
      const c = await w.actor(w.users.convener);
      const made = await pledge(t.deps, c, pid, {
        organisationId: w.orgs.partnerOrg, kind: 'cash', description: 'Cash for the pipes', valuation: { amount: '1000.00', currency: 'EUR' }, pledgedOn: '2026-01-01',
        tranches: [{ dueOn: '2026-12-31', value: { amount: '1000.00', currency: 'EUR' } }],
      });
      await confirmCommitment(t.deps, c, pid, made.id, {});
      return made;
    };
    const progressOf = (pid: string, token: string, who: Session | null = s.convener) => t.app.inject({ url: `${P}/${pid}/imports/progress/${token}`, headers: as(who) });
    /** The steps of the import with this token as every node hears them (through the event bus), in order. */
    const hear = (token: string) => {
      const steps: ImportProgress[] = [];
      const stop = t.deps.database.bus.subscribe((e) => {
        if (e.type === PROGRESS_EVENT && e.entityId === token) steps.push((e as unknown as { progress: ImportProgress }).progress);
      });
      return async () => {
        const until = Date.now() + 5000;
        while (!steps.some((x) => x.phase === 'done')) {
          if (Date.now() > until) throw new Error(`the last step never came: ${JSON.stringify(steps.slice(-3))}`);
          await new Promise((r) => setTimeout(r, 20));
        }
        stop();
        return steps;
      };
    };

    run('commitments and deliveries are refused without an Idempotency-Key (400 naming it) and write nothing; dry runs and the other kinds need none', async () => {
      const pid = await withPartner();
      const cash = await confirmedCash(pid);
      const delivery = csvOf(['Commitment,Delivered on,Value', `${cash.number},2026-02-01,10.00`]);
      await writesNothing(async () => {
        const p = expectProblem(await post(pid, pledgeFile(1), 'decimal=.', CSV, 'commitments', s.convener, {}), 400, 'invalid_request', 'Idempotency-Key');
        expect(p.detail).toMatch(/Idempotency-Key/);
        expectProblem(await post(pid, delivery, 'decimal=.', CSV, 'deliveries', s.representative, {}), 400, 'invalid_request', 'Idempotency-Key');
        expectProblem(await post(pid, pledgeFile(1), 'decimal=.', CSV, 'commitments', s.convener, { 'idempotency-key': 'short' }), 400, 'invalid_request', 'Idempotency-Key');
        expect(await imported(await post(pid, pledgeFile(1), 'decimal=.&dryRun=true', CSV, 'commitments', s.convener, {}), 200)).toMatchObject({ dryRun: true, created: 1 });
        expect(await imported(await post(pid, delivery, 'decimal=.&dryRun=true', CSV, 'deliveries', s.representative, {}), 200)).toMatchObject({ dryRun: true, created: 1 });
      });
      expect(await imported(await post(pid, 'from,to,on,rate\nEUR,USD,2026-03-31,1.0861\n', 'decimal=.', CSV, 'exchange-rates', s.convener, {}))).toMatchObject({ created: 1 });
      expect(await imported(await post(pid, delivery, 'decimal=.', CSV, 'deliveries', s.representative, { 'idempotency-key': randomUUID() }))).toMatchObject({ created: 1 });
    });

    run('the same file sent again with the same key gets the first answer and is applied once; another file with that key is 422', async () => {
      const pid = await withPartner();
      const key = { 'idempotency-key': `import-${randomUUID()}` };
      const file = pledgeFile(2);
      const first = await post(pid, file, 'decimal=.', CSV, 'commitments', s.convener, key);
      expect(await imported(first)).toMatchObject({ created: 2 });
      const cash = await confirmedCash(pid);
      const dkey = { 'idempotency-key': `import-${randomUUID()}` };
      const delivery = csvOf(['Commitment,Delivered on,Value', `${cash.number},2026-02-01,250.00`]);
      const firstDelivery = await post(pid, delivery, 'decimal=.', CSV, 'deliveries', s.representative, dkey);
      expect(await imported(firstDelivery)).toMatchObject({ created: 1 });
      await writesNothing(async () => {
        const again = await post(pid, file, 'decimal=.', CSV, 'commitments', s.convener, key);
        expect(again.statusCode, again.body).toBe(201);
        expect(again.headers['idempotent-replayed']).toBe('true');
        expect(again.json()).toEqual(first.json());
        const deliveredAgain = await post(pid, delivery, 'decimal=.', CSV, 'deliveries', s.representative, dkey);
        expect(deliveredAgain.statusCode, deliveredAgain.body).toBe(201);
        expect(deliveredAgain.headers['idempotent-replayed']).toBe('true');
        expectProblem(await post(pid, pledgeFile(2, 'Valves'), 'decimal=.', CSV, 'commitments', s.convener, key), 422, 'idempotency_mismatch', 'Idempotency-Key');
        // the same file read another way is another request
        expectProblem(await post(pid, file, 'decimal=,', CSV, 'commitments', s.convener, key), 422, 'idempotency_mismatch', 'Idempotency-Key');
      });
      expect(await list(pid, 'commitments?limit=10')).toHaveLength(3); // the two of the file, and the one confirmed here
      expect(await list(pid, 'ledger/transactions?type=pledge&limit=10')).toHaveLength(3);
      expect(await list(pid, 'deliveries?limit=10')).toHaveLength(1);
      // a new key is a new import: the file pledges again
      expect(await imported(await post(pid, file, 'decimal=.', CSV, 'commitments'))).toMatchObject({ created: 2 });
    });

    run('tells the importer, and no one else, how far the import is, step by step up to the final count', async () => {
      const pid = await withPartner();
      const token = randomUUID();
      const N = 120;
      const heard = hear(token);
      const res = await post(pid, pledgeFile(N), 'decimal=.', CSV, 'commitments', s.convener, { 'idempotency-key': randomUUID(), 'import-progress': token });
      expect(await imported(res)).toMatchObject({ created: N });
      const last = await progressOf(pid, token);
      expect(last.statusCode, last.body).toBe(200);
      expect(last.json()).toMatchObject({ token, kind: 'commitments', dryRun: false, phase: 'done', outcome: 'imported', done: N, total: N });
      expect(last.headers['cache-control']).toMatch(/no-store/);

      const steps = await heard();
      expect(steps.map((x) => x.phase).filter((ph, i, all) => ph !== all[i - 1])).toEqual(['reading', 'checking', 'writing', 'done']);
      for (const phase of ['checking', 'writing'] as const) {
        const of = steps.filter((x) => x.phase === phase);
        const counts = of.map((x) => x.done);
        expect(counts, phase).toEqual([...counts].sort((a, b) => a - b)); // never backwards
        expect(of.every((x) => x.total === N), phase).toBe(true);
        expect(counts.at(-1), phase).toBe(N);
        expect(of.length, phase).toBeLessThanOrEqual(52); // every 2% (or 500 ms), not every row
      }
      // rows are written one by one through the pledge use case: the count is told as they go
      expect(steps.filter((x) => x.phase === 'writing' && x.done > 0 && x.done < N).length).toBeGreaterThanOrEqual(10);

      // nobody else reads it: another person of the partnership, another partnership, another token
      expectProblem(await progressOf(pid, token, s.representative), 404, 'not_found');
      expectProblem(await progressOf(pid, token, s.admin), 404, 'not_found');
      expectProblem(await progressOf(await freshPartnership(), token), 404, 'not_found');
      expectProblem(await progressOf(pid, randomUUID()), 404, 'not_found');
      expectProblem(await progressOf(pid, token, null), 401, 'unauthenticated');
      expectProblem(await progressOf(pid, 'not-a-uuid'), 400, 'invalid_request', 'token');
    });

    run('tells a dry run and a refused file as such; a malformed token is refused before anything is read', async () => {
      const pid = await withPartner();
      const dry = randomUUID();
      await imported(await post(pid, pledgeFile(3), 'decimal=.&dryRun=true', CSV, 'commitments', s.convener, { 'import-progress': dry }), 200);
      expect((await progressOf(pid, dry)).json()).toMatchObject({ dryRun: true, phase: 'done', outcome: 'checked', done: 3, total: 3 });
      const refused = randomUUID();
      await writesNothing(async () => {
        problemsOf(await post(pid, csvOf([PLEDGES, 'Acme Water Ltd,cash,Pipes,abc,EUR,2026-01-15,2026-12-31']), 'decimal=.', CSV, 'commitments', s.convener, { 'idempotency-key': randomUUID(), 'import-progress': refused }));
        expect((await progressOf(pid, refused)).json()).toMatchObject({ phase: 'done', outcome: 'refused' });
        expectProblem(await post(pid, pledgeFile(1), 'decimal=.', CSV, 'commitments', s.convener, { 'idempotency-key': randomUUID(), 'import-progress': 'abc' }), 400, 'invalid_request', 'Import-Progress');
        // one who may not import starts nothing to follow
        const denied = randomUUID();
        expectProblem(await post(pid, pledgeFile(1), 'decimal=.', CSV, 'commitments', s.member, { 'idempotency-key': randomUUID(), 'import-progress': denied }), 403, 'forbidden');
        expectProblem(await progressOf(pid, denied, s.member), 404, 'not_found');
      });
    });

    run('while it runs, each step is what the importer reads at that moment, and another person still gets 404', async () => {
      const pid = await withPartner();
      // fresh sessions: reading a session seen in the last five minutes writes nothing, so a poll never waits for the import's transaction
      const me = await signIn(t.app, w.emails.convener, PASSWORD);
      const other = await signIn(t.app, w.emails.representative, PASSWORD);
      const token = randomUUID();
      const tell = progressReporter(t.deps, { token, actorId: w.users.convener, partnershipId: pid, kind: 'commitments', dryRun: false });
      const seen: [string, number, number, number, string, number, number][] = [];
      // the import waits for each step to be told, so each poll below sees the import exactly where it is
      const report = await runImport(t.deps, await w.actor(w.users.convener), pid, 'commitments', {
        bytes: Buffer.from(pledgeFile(60)), format: 'csv', decimal: '.', dryRun: false,
        onProgress: async (step) => {
          await tell(step);
          if (step.phase === 'done') return;
          const mine = await progressOf(pid, token, me);
          const theirs = await progressOf(pid, token, other);
          seen.push([step.phase, step.done, step.total, mine.statusCode, mine.json().phase, mine.json().done, theirs.statusCode]);
        },
      });
      expect(report.created).toBe(60);
      expect(seen.length).toBeGreaterThan(10);
      for (const [phase, done, total, status, readPhase, readDone, theirs] of seen) {
        expect([status, readPhase, readDone, theirs], `${phase} ${done}/${total}`).toEqual([200, phase, done, 404]);
      }
      expect(seen.some(([phase, done]) => phase === 'writing' && done > 0 && done < 60)).toBe(true);
    });
  });

  describe('exports of the accountability records', () => {
    run('every list exports what its route lists, page after page, and reads back', async () => {
      const pid = await withPartner();
      const lines = Array.from({ length: 205 }, (_, i) => `Acme Water Ltd,cash,Pipes lot ${i + 1},${i + 1}.25,EUR,,,,2026-01-15,2026-12-31`);
      await imported(await post(pid, csvOf(['Organisation,Kind,Description,Valuation,Currency,Quantity,Unit,Valuation basis,Pledged on,Due on', ...lines]), 'decimal=.', CSV, 'commitments'));
      const read = async (name: string, format: 'csv' | 'xlsx' = 'csv') => {
        const res = await download(pid, name, format);
        return format === 'csv' ? readCsv(decodeCsv(res.rawPayload)) : readXlsx(res.rawPayload);
      };
      const commitments = await read('commitments', 'xlsx');
      expect(commitments.rows).toHaveLength(205);
      expect(commitments.header.slice(0, 5)).toEqual(['Number', 'Organisation', 'Kind', 'Description', 'Valuation']);
      expect(commitments.rows.find((r) => r.cells[0] === '7')?.cells.slice(1, 6)).toEqual(['Acme Water Ltd', 'cash', 'Pipes lot 7', '7.25', 'EUR']);
      const tx = await read('transactions');
      expect(tx.rows).toHaveLength(410); // each pledge posts a transaction of two entries
      const balances = await read('balances');
      expect(balances.header).toEqual(['Account', 'Currency', 'Debit', 'Credit', 'Net']);
      expect(balances.rows.length).toBeGreaterThan(0);
      for (const name of ['deliveries', 'risks', 'indicators', 'indicator-submissions']) expect((await read(name)).rows).toEqual([]);
      const kinds = ImportKinds.parse((await t.app.inject({ url: `${P}/${pid}/imports`, headers: as(s.convener) })).json());
      expect(kinds.exports).toEqual(expect.arrayContaining(['balances', 'commitments', 'deliveries', 'indicator-submissions', 'indicators', 'risks', 'transactions']));
      expect(kinds.items.map((i) => i.kind)).toEqual(['commitments', 'deliveries', 'exchange-rates', 'indicator-values']);
      const tpl = await t.app.inject({ url: `${P}/${pid}/imports/deliveries/template`, headers: as(s.member) });
      expect(tpl.body).toBe('\ufeffCommitment,Delivered on,Value,Currency,Quantity,Unit,Evidence,Note\r\n');
    }, 120_000); // 205 pledges, each posted to the ledger

    run('indicator submissions export with the columns the indicator-values import reads first', async () => {
      const pid = await withPartner();
      const c = await w.actor(w.users.convener);
      const goal = await createResult(t.deps, c, pid, { level: 'goal', title: 'Safe water for all' });
      await createIndicator(t.deps, c, pid, {
        nodeId: goal.id, title: 'Households connected', definition: 'Counted by the utility', unit: 'households', measure: 'unit', direction: 'higher_is_better', valueKind: 'per_period',
        targets: [], dimensions: [], sdgIndicators: [], responsiblePartnerIds: [w.orgs.partnerOrg], schedule: { frequency: 'annual', start: '2024-01-01', end: '2025-12-31' },
      });
      await imported(await post(pid, csvOf(['Indicator,Period,Partner,Value,Note', 'Households connected,2024,Acme Water Ltd,1200.5,first year', 'Households connected,2025,Acme Water Ltd,1300,']), 'decimal=.', CSV, 'indicator-values', s.representative));
      const book = (await download(pid, 'indicator-submissions', 'xlsx')).rawPayload;
      expect(readXlsx(book).rows.map((r) => r.cells.slice(0, 5).join('|')).sort()).toEqual(['Households connected|2024|Acme Water Ltd|1200.5|first year', 'Households connected|2025|Acme Water Ltd|1300|']);
      // the export's other columns (status, dates, ids) are not the import's: the file is refused on its header alone
      const res = await post(pid, book, 'decimal=.', XLSX_MIME, 'indicator-values', s.representative);
      expect(new Set(problemsOf(res).map(([line, column]) => `${line}:${column}`))).toEqual(new Set(['1:Status', '1:First submitted on', '1:Submitted at', '1:Reviewed at', '1:Review comment', '1:Indicator id', '1:Partner id', '1:Id']));
    });

    run('the accountability lists are refused to strangers and anonymous callers before anything is written', async () => {
      for (const name of ['commitments', 'deliveries', 'transactions', 'balances', 'risks', 'indicators', 'indicator-submissions']) {
        expectProblem(await t.app.inject({ url: `${P}/${w.partnership}/exports/${name}`, headers: as(s.outsider) }), 404, 'not_found');
        expectProblem(await t.app.inject({ url: `${P}/${w.publicPartnership}/exports/${name}` }), 401, 'unauthenticated');
      }
    });
  });

  describe('exports', () => {
    run('a CSV export is UTF-8 with a byte order mark and holds every row of the list, across pages', async () => {
      const res = await download(w.partnership, 'members', 'csv');
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(String(res.headers['content-disposition'])).toMatch(/^attachment; filename="members-\d{4}-\d{2}-\d{2}\.csv"/);
      expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      const table = readCsv(decodeCsv(res.rawPayload));
      const list = (await t.app.inject({ url: `${P}/${w.partnership}/members?status=all&limit=100`, headers: as(s.convener) })).json().items as { organisationName: string; role: string }[];
      expect(table.header).toEqual(['Organisation', 'Organisation id', 'Sector', 'Country', 'Role', 'Joined on', 'Left on']);
      expect(table.rows.map((r) => [r.cells[0], r.cells[4]])).toEqual(list.map((m) => [m.organisationName, m.role]));
    });

    run('the audit log exports every event, page after page', async () => {
      const pid = await freshPartnership();
      const lines = Array.from({ length: 450 }, (_, i) => `EUR,USD,${new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString().slice(0, 10)},1.${i + 1}`);
      // one event per import: 450 rows in three files of 150 make three events, the creation a few more
      for (let k = 0; k < 3; k++) await imported(await post(pid, `from,to,on,rate\n${lines.slice(k * 150, k * 150 + 150).join('\n')}\n`, 'decimal=.'));
      const exported = readCsv(decodeCsv((await download(pid, 'exchange-rates', 'csv')).rawPayload));
      expect(exported.rows).toHaveLength(450);
      const audit = readCsv(decodeCsv((await download(pid, 'audit-events', 'csv')).rawPayload));
      const seqs = audit.rows.map((r) => Number(r.cells[0]));
      expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
      expect(seqs[seqs.length - 1]).toBe(1);
    });

    run('round trip: rates imported from CSV, exported as XLSX, read back and imported elsewhere are the same rates', async () => {
      const a = await freshPartnership();
      const b = await freshPartnership();
      await imported(await post(a, 'from,to,on,rate\nEUR,USD,2026-03-31,1.0861\nJPY,USD,2026-03-31,0.0067\nKWD,USD,2026-03-31,3.2571\nEUR,USD,2026-01-02,0.1\n', 'decimal=.'));
      const book = (await download(a, 'exchange-rates', 'xlsx')).rawPayload;
      const table = readXlsx(book);
      expect(table.header).toEqual(['From', 'To', 'On', 'Rate']);
      expect(table.rows.map((r) => r.cells.join(' ')).sort()).toEqual(['EUR USD 2026-01-02 0.1', 'EUR USD 2026-03-31 1.0861', 'JPY USD 2026-03-31 0.0067', 'KWD USD 2026-03-31 3.2571']);
      expect(await imported(await post(b, book, 'decimal=.', XLSX_MIME))).toMatchObject({ format: 'xlsx', delimiter: null, created: 4 });
      expect(await rates(b)).toEqual(await rates(a));
    });

    run('text that a spreadsheet would run as a formula is exported behind an apostrophe, in CSV and XLSX', async () => {
      const pid = await freshPartnership();
      const { addMember } = await import('../../src/services/partnerships/partnerships');
      await addMember(t.deps, await w.actor(w.users.convener), pid, { organisationId: w.orgs.partnerOrg, role: 'partner' });
      const subject = '=HYPERLINK("http://evil.example","click")';
      await raiseDispute(t.deps, await w.actor(w.users.convener), pid, { subject, parties: [w.orgs.convenerOrg, w.orgs.partnerOrg] });
      await raiseDispute(t.deps, await w.actor(w.users.convener), pid, { subject: '@SUM(1+1) and -2+3', parties: [w.orgs.convenerOrg, w.orgs.partnerOrg] });
      const csv = decodeCsv((await download(pid, 'disputes', 'csv')).rawPayload);
      expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
      expect(csv).toContain(`'@SUM(1+1) and -2+3`);
      const subjects = readXlsx((await download(pid, 'disputes', 'xlsx')).rawPayload).rows.map((r) => r.cells[1]).sort();
      expect(subjects).toEqual([`'${subject}`, "'@SUM(1+1) and -2+3"].sort());
      // numbers stay numbers: the dispute number column is not guarded
      expect(readCsv(csv).rows.map((r) => r.cells[0]).sort()).toEqual(['1', '2']);
    });

    run('an unknown list is 404, a list the caller may not read is refused before anything is written', async () => {
      expectProblem(await t.app.inject({ url: `${P}/${w.partnership}/exports/nothing`, headers: as(s.convener) }), 404, 'not_found');
      expectProblem(await t.app.inject({ url: `${P}/${w.partnership}/exports/disputes?format=xlsx`, headers: as(s.member) }), 403, 'forbidden');
      expectProblem(await t.app.inject({ url: `${P}/${w.partnership}/exports/members?format=pdf`, headers: as(s.convener) }), 400, 'invalid_request', 'format');
    });

    run('lists the import kinds with their columns and whether the caller may run each, and gives empty templates', async () => {
      const conv = ImportKinds.parse((await t.app.inject({ url: `${P}/${w.partnership}/imports`, headers: as(s.convener) })).json());
      const rep = ImportKinds.parse((await t.app.inject({ url: `${P}/${w.partnership}/imports`, headers: as(s.representative) })).json());
      expect(conv.items.find((i) => i.kind === 'exchange-rates')).toMatchObject({ allowed: true, columns: [{ key: 'from', required: true }, { key: 'to' }, { key: 'on' }, { key: 'rate' }] });
      expect(rep.items.find((i) => i.kind === 'exchange-rates')?.allowed).toBe(false);
      expect(conv.exports).toEqual(expect.arrayContaining(['audit-events', 'decisions', 'disputes', 'exchange-rates', 'members', 'people']));
      const tpl = await t.app.inject({ url: `${P}/${w.partnership}/imports/exchange-rates/template?format=xlsx`, headers: as(s.member) });
      expect(tpl.statusCode).toBe(200);
      expect(readXlsx(tpl.rawPayload)).toMatchObject({ header: ['From', 'To', 'On', 'Rate'], rows: [] });
      const csv = await t.app.inject({ url: `${P}/${w.partnership}/imports/exchange-rates/template`, headers: as(s.member) });
      expect(csv.body).toBe('\ufeffFrom,To,On,Rate\r\n');
    });
  });

  describe('under random input', () => {
    const cell = fc.oneof(
      fc.constantFrom('EUR', 'USD', 'eur', 'XXX', '', ' ', '2026-03-31', '2026-02-30', '1.0861', '1,0861', '-1', '0', '1e5', 'NaN', '"', '""', '=1+1', '\u0000', '😀', 'a'.repeat(100)),
      fc.string({ maxLength: 12 }),
    );
    const csvish = fc.tuple(
      fc.oneof(fc.constant('from,to,on,rate'), fc.constant('From;To;On;Rate'), fc.array(cell, { maxLength: 5 }).map((c) => c.join(','))),
      fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 8 }),
      fc.constantFrom(',', ';', '\t'),
      fc.constantFrom('\n', '\r\n', '\r'),
    ).map(([h, rows, d, nl]) => [h, ...rows.map((r) => r.join(d))].join(nl));
    const body = fc.oneof(
      { weight: 6, arbitrary: csvish.map((s) => Buffer.from(s, 'utf8')) },
      { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }).map((a) => Buffer.from(a)) },
      { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }).map((a) => Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.from(a)])) },
    );

    run('never answers 5xx, answers problems as problem documents, and writes nothing when it refuses', async () => {
      const pid = await freshPartnership();
      await fc.assert(
        fc.asyncProperty(body, fc.constantFrom('decimal=.', 'decimal=,', 'decimal=.&dryRun=true', 'decimal=,&delimiter=tab', ''), fc.constantFrom(CSV, XLSX_MIME, 'application/octet-stream', null), async (b, q, type) => {
          const before = await snapshotDb(t.deps);
          const res = await post(pid, b, q, type);
          expect(res.statusCode, res.body.slice(0, 300)).toBeLessThan(500);
          if (res.statusCode >= 400) {
            expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
            expect(changedTables(before, await snapshotDb(t.deps))).toEqual([]);
          }
        }),
        { numRuns: dialect === 'sqlite' ? 80 : 30 },
      );
    }, 120_000);
  });
});

describe.skipIf(!pgUp)('import progress across two app processes on one PostgreSQL database', () => {
  let t: TestApp;
  let w: World;
  let nodeB: Awaited<ReturnType<typeof startSecondNode>>;

  beforeAll(async () => {
    t = await makeTestApp('postgres');
    w = await buildWorld(t.deps);
    nodeB = await startSecondNode((t.deps.config.database as { url: string }).url);
  }, 60_000);
  afterAll(async () => {
    await nodeB?.stop();
    await t?.close();
  });

  it('a poll that lands on another node follows the import to its final count; another person there gets 404', async () => {
    const me = await signIn(t.app, w.emails.convener, PASSWORD); // the session lives in the database: B accepts it
    const rep = await signIn(t.app, w.emails.representative, PASSWORD);
    const token = randomUUID();
    const lines = Array.from({ length: 3000 }, (_, i) => `GBP,EUR,${new Date(Date.UTC(2000, 0, 1) + i * 86_400_000).toISOString().slice(0, 10)},1.${String(100 + (i % 900))}`);
    const onB = (who: Session) => fetch(`${nodeB.url}${P}/${w.partnership}/imports/progress/${token}`, { headers: as(who) });
    const seenOnB: string[] = [];
    let running = true;
    // B is asked all along; it answers from what the bus told it, never from A's memory
    const polling = (async () => {
      while (running) {
        const res = await onB(me);
        if (res.status === 200) {
          const p = (await res.json()) as ImportProgress;
          seenOnB.push(`${p.phase} ${p.done}/${p.total}`);
        } else await res.body?.cancel();
        await new Promise((r) => setTimeout(r, 10));
      }
    })();
    const res = await t.app.inject({
      method: 'POST', url: `${P}/${w.partnership}/imports/exchange-rates?decimal=.`, headers: { ...as(me, true), 'content-type': CSV, 'import-progress': token }, payload: `from,to,on,rate\n${lines.join('\n')}\n`,
    });
    expect(res.statusCode, res.body).toBe(201);
    const until = Date.now() + 5000;
    while (!seenOnB.includes('done 3000/3000') && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    running = false;
    await polling;
    expect(seenOnB).toContain('done 3000/3000');
    const final = await onB(me);
    expect(((await final.json()) as ImportProgress).outcome).toBe('imported');
    const theirs = await onB(rep);
    expect(theirs.status).toBe(404);
    expect(((await theirs.json()) as { code: string }).code).toBe('not_found');
  }, 60_000);
});
