import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError, ERROR_STATUS, issue, type FieldIssue } from '../../domain/kernel/errors';
import { msg, negotiateLang, render, type Lang, type Msg } from '../../domain/kernel/messages';
import { contractMessageKey, type MessageKey } from '../../domain/messages';

const TITLED = new Set([400, 401, 403, 404, 409, 413, 415, 422, 429, 500, 503]);

/** The language of this request's answers: `Accept-Language`, else the signed-in account's, else English. */
export function languageOf(req: FastifyRequest): Lang {
  return negotiateLang(req.headers['accept-language'], (req as { user?: { locale?: string } | null }).user?.locale);
}

/**
 * Sends an RFC 9457 problem document, worded in the reader's language (`languageOf`): the title, the detail and
 * each field's message where they come from a catalog message; `code` and `field` never change.
 */
export function sendProblem(reply: FastifyReply, req: FastifyRequest, status: number, code: string, detail: string | Msg, errors?: FieldIssue[]) {
  const lang = languageOf(req);
  const title = problemTitle(status, lang);
  const worded = errors?.map((e) => wordIssue(e, lang));
  return reply
    .code(status)
    .type('application/problem+json')
    .header('content-language', lang)
    .header('vary', 'Accept-Language')
    .send({ type: `https://accord.dev/problems/${code.replace(/_/g, '-')}`, title, status, code, detail: typeof detail === 'string' ? detail : render(detail, lang), instance: req.url.split('?')[0], ...(worded && worded.length ? { errors: worded } : {}) });
}

const SAMPLE_INPUTS: Record<string, unknown> = { string: '', number: 0, boolean: false, object: {}, array: [], null: null, undefined: undefined, bigint: 0n, NaN: NaN, date: new Date(0) };
/** A problem's title in this language. */
export const problemTitle = (status: number, lang: Lang): string => render(msg((TITLED.has(status) ? `problem.title.${status}` : 'problem.title.other') as MessageKey), lang);

/** A field issue as the API writes it: field, message in this language, code (never the message's key). */
export const wordIssue = (e: FieldIssue, lang: Lang): { field: string; message: string; code?: string } => {
  const message = e.msg ? render(e.msg, lang) : e.message;
  return e.code === undefined ? { field: e.field, message } : { field: e.field, message, code: e.code };
};

const ZOD_LOCALES = { en: z.locales.en(), fr: z.locales.fr(), es: z.locales.es() };
/**
 * A contract violation's message in the reader's language: zod's own wording when the contract did not set a
 * message of its own (the English wording is zod's English), else the contract's message from the catalog of
 * contract messages (by its English), else as written.
 */
function zodMessage(issue: Record<string, unknown>, message: string, lang: Lang): string {
  if (lang === 'en') return message;
  // zod leaves the input out of its issues; its wording of a wrong type names what was received
  const received = issue.code === 'invalid_type' ? /received (\w+)$/.exec(message)?.[1] : undefined;
  if (received && received in SAMPLE_INPUTS) issue = { ...issue, input: SAMPLE_INPUTS[received] };
  try {
    const asEnglish = ZOD_LOCALES.en.localeError(issue as never);
    const english = typeof asEnglish === 'string' ? asEnglish : asEnglish?.message;
    if (english !== message) {
      // a message the contract set itself: worded from the catalog of contract messages
      const key = contractMessageKey(message);
      return key ? render(msg(key), lang) : message;
    }
    const worded = ZOD_LOCALES[lang].localeError(issue as never);
    return (typeof worded === 'string' ? worded : worded?.message) ?? message;
  } catch {
    return message;
  }
}

const pathOf = (instancePath: string | undefined, context: string | undefined, missing?: string): string => {
  const p = (instancePath ?? '').replace(/^\//, '').split('/').filter(Boolean).join('.');
  const parts = [p, missing].filter(Boolean).join('.');
  return parts || (context === 'body' ? 'body' : (context ?? 'request'));
};

/** The request field behind a unique constraint, from PostgreSQL's constraint name or SQLite's message. */
function uniqueField(text: string): string | null {
  if (/iati_identifier/.test(text)) return 'iatiIdentifier';
  if (/users_email|users\.email/.test(text)) return 'email';
  if (/partnership_members_current|partnership_members\.partnership_id/.test(text)) return 'organisationId';
  if (/partnership_people_unique|partnership_people\.partnership_id/.test(text)) return 'role';
  return null;
}

/** Maps every error to a problem document; client mistakes never become a 500. */
export function registerProblemHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError & { code?: string }, req, reply) => {
    if (err instanceof DomainError) {
      const status = ERROR_STATUS[err.code];
      if (err.code === 'rate_limited' && typeof err.detail?.retryAfterSeconds === 'number') reply.header('retry-after', String(err.detail.retryAfterSeconds));
      return sendProblem(reply, req, status, err.code === 'unauthenticated' && err.detail?.reason ? String(err.detail.reason) : err.code, err.msg ?? err.message, err.issues);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const context = (err as unknown as { validationContext?: string }).validationContext;
      const lang = languageOf(req);
      const errors: FieldIssue[] = err.validation.flatMap((v) => {
        const params = (v.params ?? {}) as { issue?: { code?: string; keys?: string[] }; keys?: string[] };
        const code = v.keyword ?? params.issue?.code;
        const unknownKeys = code === 'unrecognized_keys' ? (params.keys ?? params.issue?.keys ?? []) : [];
        if (unknownKeys.length) return unknownKeys.map((k) => issue(pathOf(v.instancePath, context, k), msg('request.unknown_field', { name: k }), code));
        if (!v.message) return [issue(pathOf(v.instancePath, context), msg('request.invalid_value'), code)];
        return [{ field: pathOf(v.instancePath, context), message: zodMessage({ ...params, code }, v.message, lang), code }];
      });
      const part = ['body', 'querystring', 'params', 'headers'].includes(context ?? '') ? context! : 'request';
      return sendProblem(reply, req, 400, 'invalid_request', msg(`request.contract_mismatch.${part}` as MessageKey), errors);
    }
    const dbCode = String(err.code ?? '');
    if (dbCode === '23505' || dbCode.startsWith('SQLITE_CONSTRAINT_UNIQUE') || dbCode === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
      const field = uniqueField(`${(err as { constraint?: string }).constraint ?? ''} ${err.message}`);
      return sendProblem(reply, req, 409, 'duplicate', msg('request.duplicate'), field ? [issue(field, msg('request.already_in_use'))] : undefined);
    }
    if (dbCode === '22003') {
      return sendProblem(reply, req, 400, 'invalid_request', msg('request.number_out_of_range'));
    }
    if (dbCode === '22021' || dbCode === '22P05') {
      return sendProblem(reply, req, 400, 'invalid_request', msg('request.unstorable_characters'));
    }
    if (dbCode === '23503' || dbCode === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
      return sendProblem(reply, req, 422, 'validation_failed', msg('request.unknown_reference'));
    }
    const status = typeof err.statusCode === 'number' ? err.statusCode : 500;
    if (status >= 400 && status < 500) {
      const code = status === 413 ? 'payload_too_large' : status === 415 ? 'unsupported_media_type' : 'bad_request';
      return sendProblem(reply, req, status, code, err.message);
    }
    req.log.error({ err }, 'unhandled error');
    return sendProblem(reply, req, 500, 'internal', msg('errors.internal'));
  });
}
