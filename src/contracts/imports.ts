import { z } from 'zod';
import { Problem } from './common';

/** The formats a list is exported in. */
export const ExportFormat = z.enum(['csv', 'xlsx']).describe('csv: UTF-8 with a byte order mark, RFC 4180; xlsx: one sheet, header row first');

export const ImportParams = z.object({ id: z.uuid(), kind: z.string().min(1).max(60).regex(/^[a-z][a-z0-9-]*$/, 'An import kind such as exchange-rates') });
export const ExportParams = z.object({ id: z.uuid(), list: z.string().min(1).max(60).regex(/^[a-z][a-z0-9-]*$/, 'A list such as members') });

/** How the file is to be read and whether to write. */
export const ImportQuery = z
  .object({
    decimal: z.enum(['.', ',']).describe('The decimal separator the file uses in numbers ("1234.56" or "1234,56"): stated, never guessed'),
    delimiter: z.enum([',', ';', 'tab']).optional().describe('CSV only: the field delimiter; detected from the header line when left out'),
    dryRun: z.enum(['true', 'false']).default('false').describe('true: check everything and report what would be written, without writing'),
  })
  .strict();

export const ExportQuery = z.object({ format: ExportFormat.default('csv') }).strict();

/** What an import wrote, or in a dry run would write. */
export const ImportReport = z.object({
  kind: z.string(),
  dryRun: z.boolean(),
  format: z.enum(['csv', 'xlsx']),
  delimiter: z.enum([',', ';', '\t']).nullable().describe('The CSV delimiter used (null for XLSX)'),
  decimal: z.enum(['.', ',']),
  rows: z.number().int().describe('Rows of data read (blank rows aside)'),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int().describe('Rows equal to what is stored already'),
  columns: z.array(z.object({ header: z.string().describe('As written in the file'), column: z.string().describe('The column it was read as') })),
});
export type ImportReport = z.infer<typeof ImportReport>;

/** 422 for a file with bad rows: every problem (up to 1,000) with its line and column, and the count of all. */
export const ImportProblem = Problem.extend({
  errors: z
    .array(
      z.object({
        field: z.string().describe('line.<line>.<column>, or line.<line> for a problem of the whole row, or file'),
        message: z.string(),
        code: z.string().optional(),
        line: z.number().int().nullable().optional().describe('CSV: the line the record starts on; XLSX: the row number (rows with problems; absent for a problem of the file)'),
        column: z.string().nullable().optional(),
      }),
    )
    .optional(),
  errorCount: z.number().int().optional().describe('All problems found, listed or not'),
  rowsWithErrors: z.number().int().optional(),
});

export const ImportColumnInfo = z.object({
  key: z.string(),
  label: z.string().describe('The column heading, in English (the heading a file may use; `key` is what clients word)'),
  required: z.boolean(),
  aliases: z.array(z.string()),
  description: z.string().nullable().describe('In English'),
});

/** The import kinds of a partnership, their columns, and whether the caller may run each. */
export const ImportKinds = z.object({
  items: z.array(z.object({ kind: z.string(), title: z.string().describe('In English; clients word it from kind'), allowed: z.boolean(), columns: z.array(ImportColumnInfo) })),
  exports: z.array(z.string()).describe('The lists that GET .../exports/:list writes'),
});
