import type { FastifyInstance } from 'fastify';
import { DomainError, type FieldIssue } from '../../domain/kernel/errors';

/** Paths of every string holding U+0000 (PostgreSQL cannot store it; no human text needs it). */
function nulPaths(value: unknown, path: string[], out: FieldIssue[]): void {
  if (out.length >= 20) return;
  if (typeof value === 'string') {
    if (value.includes('\u0000')) out.push({ field: path.join('.') || 'body', message: 'Text cannot contain the NUL character (U+0000)', code: 'invalid_character' });
  } else if (Array.isArray(value)) value.forEach((v, i) => nulPaths(v, [...path, String(i)], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) nulPaths(v, [...path, k], out);
}

/** Refuses NUL characters anywhere in a body, query or path with 400, on both databases alike. */
export function registerTextGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (req) => {
    const issues: FieldIssue[] = [];
    nulPaths(req.body, [], issues);
    nulPaths(req.query, [], issues);
    nulPaths(req.params, [], issues);
    if (issues.length) throw new DomainError('invalid_request', 'The request contains a NUL character', issues);
  });
}
