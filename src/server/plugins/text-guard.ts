import type { FastifyInstance } from 'fastify';
import { msg } from '../../domain/kernel/messages';
import { DomainError, issue, type FieldIssue } from '../../domain/kernel/errors';

const MAX_DEPTH = 32;
const MAX_ISSUES = 20;

/**
 * Walks a parsed body (iteratively: a hostile body cannot exhaust the stack) and reports every string
 * holding U+0000 (PostgreSQL cannot store it; no human text needs it) and nesting deeper than any
 * contract has.
 */
function inspect(root: unknown, rootName: string, out: FieldIssue[]): void {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: root, path: '', depth: 0 }];
  while (stack.length && out.length < MAX_ISSUES) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) out.push(issue(path || rootName, msg('request.nul_character'), 'invalid_character'));
      continue;
    }
    if (!value || typeof value !== 'object') continue;
    if (depth >= MAX_DEPTH) {
      out.push(issue(path || rootName, msg('request.too_deep', { max: MAX_DEPTH }), 'too_deep'));
      continue;
    }
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
    for (const [k, v] of entries) stack.push({ value: v, path: path ? `${path}.${k}` : k, depth: depth + 1 });
  }
}

/** Refuses NUL characters and absurd nesting anywhere in a body, query or path with 400, on both databases alike. */
export function registerTextGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (req) => {
    const issues: FieldIssue[] = [];
    inspect(req.body, 'body', issues);
    inspect(req.query, 'query', issues);
    inspect(req.params, 'params', issues);
    if (issues.length) throw new DomainError('invalid_request', msg('request.nul_or_too_deep'), issues);
  });
}
