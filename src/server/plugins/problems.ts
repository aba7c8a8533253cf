import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError, ERROR_STATUS, type FieldIssue } from '../../domain/kernel/errors';

const TITLES: Record<number, string> = { 400: 'Bad request', 401: 'Unauthenticated', 403: 'Forbidden', 404: 'Not found', 409: 'Conflict', 413: 'Payload too large', 415: 'Unsupported media type', 422: 'Unprocessable content', 429: 'Too many requests', 500: 'Internal server error', 503: 'Service unavailable' };

/** Sends an RFC 9457 problem document. */
export function sendProblem(reply: FastifyReply, req: FastifyRequest, status: number, code: string, detail: string, errors?: FieldIssue[]) {
  return reply
    .code(status)
    .type('application/problem+json')
    .send({ type: `https://accord.dev/problems/${code.replace(/_/g, '-')}`, title: TITLES[status] ?? 'Error', status, code, detail, instance: req.url.split('?')[0], ...(errors && errors.length ? { errors } : {}) });
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
      return sendProblem(reply, req, status, err.code === 'unauthenticated' && err.detail?.reason ? String(err.detail.reason) : err.code, err.message, err.issues);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const context = (err as unknown as { validationContext?: string }).validationContext;
      const errors = err.validation.flatMap((v) => {
        const params = (v.params ?? {}) as { issue?: { code?: string; keys?: string[] }; keys?: string[] };
        const code = v.keyword ?? params.issue?.code;
        const unknownKeys = code === 'unrecognized_keys' ? (params.keys ?? params.issue?.keys ?? []) : [];
        if (unknownKeys.length) return unknownKeys.map((k) => ({ field: pathOf(v.instancePath, context, k), message: `Unknown field "${k}"`, code }));
        return [{ field: pathOf(v.instancePath, context), message: v.message ?? 'Invalid value', code }];
      });
      return sendProblem(reply, req, 400, 'invalid_request', `The ${context ?? 'request'} does not match the API contract`, errors);
    }
    const dbCode = String(err.code ?? '');
    if (dbCode === '23505' || dbCode.startsWith('SQLITE_CONSTRAINT_UNIQUE') || dbCode === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
      const field = uniqueField(`${(err as { constraint?: string }).constraint ?? ''} ${err.message}`);
      return sendProblem(reply, req, 409, 'duplicate', 'This would create a duplicate of an existing record', field ? [{ field, message: 'Already in use' }] : undefined);
    }
    if (dbCode === '22003') {
      return sendProblem(reply, req, 400, 'invalid_request', 'A number in the request is out of range');
    }
    if (dbCode === '22021' || dbCode === '22P05') {
      return sendProblem(reply, req, 400, 'invalid_request', 'The request contains characters that cannot be stored (such as U+0000)');
    }
    if (dbCode === '23503' || dbCode === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
      return sendProblem(reply, req, 422, 'validation_failed', 'The request refers to a record that does not exist');
    }
    const status = typeof err.statusCode === 'number' ? err.statusCode : 500;
    if (status >= 400 && status < 500) {
      const code = status === 413 ? 'payload_too_large' : status === 415 ? 'unsupported_media_type' : 'bad_request';
      return sendProblem(reply, req, status, code, err.message);
    }
    req.log.error({ err }, 'unhandled error');
    return sendProblem(reply, req, 500, 'internal', 'Something went wrong on our side; it has been logged');
  });
}
