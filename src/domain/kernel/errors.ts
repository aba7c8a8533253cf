import { isMsg, msg, render, type Msg } from './messages';

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

/**
 * One problem with one field of the input, as `path` (dotted) plus a human message: in English in `message`, and
 * `msg` (key and parameters) for the reader's language where the issue has one (see `issue`).
 */
export interface FieldIssue {
  field: string;
  message: string;
  code?: string;
  msg?: Msg;
}

/** A field issue worded from a catalog message (English in `message`, the reader's language at the edge). */
export function issue(field: string, m: Msg, code?: string): FieldIssue {
  return code === undefined ? { field, message: render(m), msg: m } : { field, message: render(m), code, msg: m };
}

/** A failure the caller can act on: bad input, missing permission, a refused state change. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[];
  readonly detail?: Record<string, unknown>;
  /** The message as key and parameters, worded in the reader's language at the edge (`message` is English). */
  readonly msg?: Msg;

  constructor(code: ErrorCode, message: string | Msg, issues: FieldIssue[] = [], detail?: Record<string, unknown>) {
    super(typeof message === 'string' ? message : render(message));
    this.name = 'DomainError';
    this.code = code;
    this.issues = issues;
    this.detail = detail;
    if (typeof message !== 'string') this.msg = message;
  }
}

/** Throws a validation error when any issue was collected. */
export function assertNoIssues(issues: FieldIssue[], message: string | Msg = msg('errors.invalid_fields')): void {
  if (issues.length > 0) throw new DomainError('validation_failed', message, issues);
}

/** "<what> was not found", `what` being a message such as `msg('organisations.the_organisation')`. */
export const notFound = (what: string | Msg): DomainError =>
  new DomainError('not_found', typeof what === 'string' ? `${what} was not found` : msg('errors.not_found', { what }));
export const forbidden = (message: string | Msg = msg('errors.forbidden')): DomainError => new DomainError('forbidden', message);
export { isMsg };
