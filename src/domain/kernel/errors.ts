/**
 * Stable error codes shared by every layer. The HTTP edge maps each code to a status;
 * the CLI prints the message. Codes never change once published.
 */
export const ERROR_STATUS = {
  validation_failed: 422,
  bad_request: 400,
  invalid_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  conflict: 409,
  illegal_transition: 409,
  duplicate: 409,
  idempotency_in_progress: 409,
  idempotency_mismatch: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** One problem with one field of the input, as `path` (dotted) plus a human message. */
export interface FieldIssue {
  field: string;
  message: string;
  code?: string;
}

/** A failure the caller can act on: bad input, missing permission, a refused state change. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[];
  readonly detail?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, issues: FieldIssue[] = [], detail?: Record<string, unknown>) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.issues = issues;
    this.detail = detail;
  }
}

/** Throws a validation error when any issue was collected. */
export function assertNoIssues(issues: FieldIssue[], message = 'The request has invalid fields'): void {
  if (issues.length > 0) throw new DomainError('validation_failed', message, issues);
}

export const notFound = (what: string): DomainError => new DomainError('not_found', `${what} was not found`);
export const forbidden = (message = 'You are not allowed to do this'): DomainError =>
  new DomainError('forbidden', message);
