import { createHash } from 'node:crypto';
import { msg, render } from '../../domain/kernel/messages';
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../services/context';
import { ExportParams, ExportQuery, ImportKinds, ImportParams, ImportProblem, ImportQuery, ImportReport, ExportFormat } from '../../contracts/imports';
import { Problem } from '../../contracts/common';
import { describeImports, importTemplate } from '../../services/imports/service';
import { ImportRejected, runImport, type FileFormat } from '../../services/imports/pipeline';
import { importerFor } from '../../services/imports/registry';
import { PROGRESS_TOKEN, importProgress, progressReporter, watchImportProgress } from '../../services/imports/progress';
import { DomainError, issue } from '../../domain/kernel/errors';
import { openExport, tableOf, writeTable, type ExportColumn, type ExportFormat as Format, type OpenTable } from '../../services/imports/exports';
import { MAX_FILE_BYTES } from '../../services/imports/table';
import { XLSX_MIME } from '../../services/imports/xlsx';
import { requireUser } from '../plugins/auth';
import { languageOf, problemTitle, sendProblem, wordIssue } from '../plugins/problems';
import { IdParam, responses } from './shared';

/**
 * An uploaded file as the request body. Its bytes are a private field, so the NUL/nesting guard (which
 * walks a body's enumerable properties) skips them; `toJSON` gives the digest the idempotency plugin
 * hashes instead of twenty megabytes of JSON.
 */
export class Upload {
  readonly #bytes: Buffer;
  constructor(bytes: Buffer, readonly contentType: string) {
    this.#bytes = bytes;
  }
  get bytes(): Buffer {
    return this.#bytes;
  }
  toJSON() {
    return { contentType: this.contentType, sha256: createHash('sha256').update(this.#bytes).digest('hex') };
  }
}

/**
 * The progress of one's own import (GET .../imports/progress/:token). Declared here rather than in
 * src/contracts/imports.ts, which this change does not own: move it there with the other import contracts.
 */
export const ImportProgressOut = z.object({
  token: z.string().describe('The Import-Progress token the import was sent with'),
  kind: z.string(),
  dryRun: z.boolean(),
  phase: z.enum(['reading', 'checking', 'writing', 'done']).describe('reading the file; checking its rows; writing them (a dry run too, then rolled back); done'),
  done: z.number().int().describe('Rows of the phase through so far (reading: 0; done: every row read, when it ended well)'),
  total: z.number().int().describe('Rows of the phase (reading: 0, not known yet)'),
  outcome: z.enum(['imported', 'checked', 'refused', 'failed']).nullable().describe('When done: written, checked by a dry run, refused with problems (nothing written) or failed; the answer of the import itself says more'),
  startedAt: z.string(),
  updatedAt: z.string(),
});

const ProgressParams = z.object({ id: z.uuid(), token: z.uuid().describe('The Import-Progress token sent with the import') });

/**
 * Imports whose rows move value (pledges, deliveries) need an Idempotency-Key, except on a dry run: the
 * idempotency plugin, which runs before this, then answers a file sent again with the first answer. Other
 * kinds take one if sent. Anonymous callers and unknown kinds are left to the handler (401, 404).
 */
async function requireKeyWhenMovingValue(req: FastifyRequest) {
  if (req.actor.kind !== 'user') return;
  const { kind } = req.params as { kind: string };
  const { dryRun } = req.query as { dryRun?: string };
  if (dryRun === 'true' || !importerFor(kind)?.movesValue) return;
  const key = req.headers['idempotency-key'];
  if (typeof key !== 'string' || key.trim() === '') {
    throw new DomainError('invalid_request', msg('request.import_needs_key', { kind }), [issue('Idempotency-Key', msg('idempotency.header_required'), 'required')]);
  }
}

/** The progress token sent with an import, or null; a malformed one is refused before anything is read. */
function progressTokenOf(req: FastifyRequest): string | null {
  const sent = req.headers['import-progress'];
  if (sent === undefined) return null;
  if (typeof sent !== 'string' || !PROGRESS_TOKEN.test(sent)) {
    throw new DomainError('invalid_request', msg('request.import_progress_invalid'), [issue('Import-Progress', msg('request.uuid'), 'invalid_format')]);
  }
  return sent.toLowerCase();
}

/** Content types a file may be sent with, and the format each states (null: told by the bytes). */
const FILE_TYPES: Record<string, FileFormat | null> = {
  'text/csv': 'csv',
  'application/csv': 'csv',
  'text/tab-separated-values': 'csv',
  [XLSX_MIME]: 'xlsx',
  // what browsers send for a .csv on Windows with Excel installed, and for files of no known type
  'application/vnd.ms-excel': null,
  'application/octet-stream': null,
};

const problems = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 413: Problem, 415: Problem, 422: Problem, 429: Problem };

/** `Content-Disposition` for a download: an ASCII fallback name and the exact UTF-8 one (RFC 6266). */
const disposition = (filename: string) => `attachment; filename="${filename.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(filename)}`;

/**
 * Sends a table as a CSV or XLSX download, written as the rows come (an array, or batches fetched while
 * writing). Any route may use it for its own list.
 */
export function sendTable<T>(reply: FastifyReply, columns: readonly ExportColumn<T>[], rows: readonly T[] | AsyncIterable<readonly T[]>, format: Format, filename: string, title = 'Sheet1') {
  const table: OpenTable<T> = Array.isArray(rows) ? tableOf(title, columns, rows as readonly T[]) : { title, columns, batches: rows as AsyncIterable<readonly T[]> };
  return sendOpenTable(reply, table, format, filename);
}

function sendOpenTable<T>(reply: FastifyReply, table: OpenTable<T>, format: Format, filename: string) {
  const out = writeTable(table, format);
  return reply
    .code(200)
    .header('content-type', out.contentType)
    .header('content-disposition', disposition(`${filename}.${out.extension}`))
    .header('cache-control', 'private, no-store')
    .header('x-content-type-options', 'nosniff')
    .send(Readable.from(out.body));
}

/** The 422 of a file with bad rows, with each problem's line and column besides the usual fields. */
function sendRejected(reply: FastifyReply, req: FastifyRequest, e: ImportRejected) {
  const lang = languageOf(req);
  return reply
    .code(422)
    .type('application/problem+json')
    .header('content-language', lang)
    .header('vary', 'Accept-Language')
    .send({
      type: 'https://accord.dev/problems/validation-failed', title: problemTitle(422, lang), status: 422, code: 'validation_failed', detail: e.msg ? render(e.msg, lang) : e.message, instance: req.url.split('?')[0],
      errors: e.rowIssues.map((i, k) => ({ ...wordIssue(e.issues[k], lang), line: i.line, column: i.column })),
      errorCount: e.errorCount, rowsWithErrors: e.rowsWithErrors,
    });
}

/** Imports (CSV, XLSX) into a partnership, templates to fill in, and exports of its lists. */
export async function importRoutes(app: FastifyInstance, deps: Deps) {
  const tags = ['imports and exports'];
  const base = '/api/v1/partnerships/:id';
  // this node hears the progress of imports running on every node from now on (until its bus closes)
  watchImportProgress(deps);

  // the file parsers and the larger body limit exist only in this scope: other routes still take JSON up to 1 MiB
  await app.register(async (scope) => {
    for (const type of Object.keys(FILE_TYPES)) {
      scope.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: MAX_FILE_BYTES }, (req, body, done) => done(null, new Upload(body as Buffer, type)));
    }
    // any other type, or none (curl --data-binary): the bytes tell a workbook from CSV; JSON keeps its parser (and gets 415)
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_FILE_BYTES }, (req, body, done) => done(null, new Upload(body as Buffer, 'application/octet-stream')));
    const r = scope.withTypeProvider<ZodTypeProvider>();
    r.post(
      `${base}/imports/:kind`,
      {
        bodyLimit: MAX_FILE_BYTES,
        preHandler: requireKeyWhenMovingValue,
        schema: {
          tags,
          summary: 'Import a CSV or XLSX file (the body) of one kind: all rows or none; 422 lists every bad row with its line. Commitments and deliveries need Idempotency-Key',
          description: [
            'Send the file as the body with Content-Type text/csv or application/vnd.openxmlformats-officedocument.spreadsheetml.sheet (at most 20 MB, 200,000 rows; the first sheet of a workbook is read). The first line names the columns (see GET .../imports). ?dryRun=true checks and reports without writing (200).',
            'Idempotency-Key (8 to 200 characters): required to import commitments or deliveries (they move value; not on a dry run: 400 naming the header without it), taken by every kind. Send the same key when the same file is sent again (a retry after a timeout): the first answer is replayed (header idempotent-replayed: true) and nothing is written twice; the same key with another file or other query is 422 idempotency_mismatch; while the first is still running, 409.',
            'Import-Progress (optional, a UUID the client chooses): the import then tells how far it is (reading, checking row n of N, writing row n of N, done) at GET .../imports/progress/{token}, to the person who sent it only, on any app node.',
          ].join('\n\n'),
          params: ImportParams,
          querystring: ImportQuery,
          response: { ...responses(201, ImportReport), 200: ImportReport, 413: Problem, 415: Problem, 422: ImportProblem } as Record<number, z.ZodType>,
        },
      },
      async (req, reply) => {
        const user = requireUser(req);
        const body = req.body;
        if (!(body instanceof Upload)) {
          return sendProblem(reply, req, 415, 'unsupported_media_type', msg('request.send_file_as_body', { xlsx: XLSX_MIME }));
        }
        const q = req.query;
        const token = progressTokenOf(req);
        const dryRun = q.dryRun === 'true';
        try {
          const report = await runImport(deps, req.actor, req.params.id, req.params.kind, {
            bytes: body.bytes,
            format: FILE_TYPES[body.contentType] ?? null,
            decimal: q.decimal,
            delimiter: q.delimiter === 'tab' || (q.delimiter === undefined && body.contentType === 'text/tab-separated-values') ? '\t' : q.delimiter,
            dryRun,
            ...(token ? { onProgress: progressReporter(deps, { token, actorId: user.id, partnershipId: req.params.id, kind: req.params.kind, dryRun }) } : {}),
          });
          return reply.code(report.dryRun ? 200 : 201).send(report);
        } catch (e) {
          if (e instanceof ImportRejected) return sendRejected(reply, req, e);
          throw e;
        }
      },
    );
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    `${base}/imports/progress/:token`,
    {
      schema: {
        tags,
        summary: 'How far your own import is (reading, checking row n of N, writing row n of N, done), by the Import-Progress token you sent with it; 404 for anyone else',
        description: 'Poll it while the import request runs (every half second is plenty). Steps come every 2% of the rows or 500 ms; the last one (phase done) is kept for 15 minutes. 404 too before the import has started (the file is still being sent) and after a replayed import (nothing ran). Answered on any app node, from memory (the steps reach every node through the event bus).',
        params: ProgressParams,
        response: responses(200, ImportProgressOut),
      },
    },
    async (req, reply) => {
      requireUser(req);
      reply.header('cache-control', 'private, no-store');
      return importProgress(deps, req.actor, req.params.id, req.params.token);
    },
  );
  r.get(`${base}/imports`, { schema: { tags, summary: 'What can be imported into the partnership (columns, and whether you may), and which lists can be exported', params: IdParam, response: responses(200, ImportKinds) } }, async (req) => {
    requireUser(req);
    return describeImports(deps, req.actor, req.params.id);
  });
  r.get(
    `${base}/imports/:kind/template`,
    { schema: { tags, summary: 'An empty file with the header row of an import kind, to fill in', params: ImportParams, querystring: ExportQuery, response: problems } },
    async (req, reply) => {
      requireUser(req);
      const table = await importTemplate(deps, req.actor, req.params.id, req.params.kind);
      return sendOpenTable(reply, table, req.query.format, `${req.params.kind}-template`);
    },
  );
  r.get(
    `${base}/exports/:list`,
    {
      schema: {
        tags, summary: 'A list of the partnership as a CSV or XLSX download: every row you may read in it (members, people, decisions, disputes, audit-events...)',
        params: ExportParams, querystring: z.object({ format: ExportFormat.default('csv') }).strict(), response: problems,
      },
    },
    async (req, reply) => {
      requireUser(req);
      const table = await openExport(deps, req.actor, req.params.id, req.params.list);
      return sendOpenTable(reply, table, req.query.format, `${req.params.list}-${deps.clock().slice(0, 10)}`);
    },
  );
}
