import type { Problem } from '../../src/contracts/common';

/** The base of every API path. */
export const API_BASE = '/api/v1';

let csrfToken: string | null = null;
let acceptLanguage = 'en';

/** Remembers the CSRF token from the session so mutating requests can send it. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}
/** The language the API should answer in, when it can. */
export function setApiLanguage(lang: string): void {
  acceptLanguage = lang;
}

/** An API failure carrying the RFC 9457 problem when the server sent one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | null,
  ) {
    super(problem?.detail ?? problem?.title ?? `Request failed (${status})`);
    this.name = 'ApiError';
  }
  get code(): string | null {
    return this.problem?.code ?? null;
  }
  /** Field path (dotted, e.g. `goals.0.title`) -> message; the first message per field wins. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.problem?.errors ?? []) if (!(e.field in out)) out[e.field] = e.message;
    return out;
  }
}

export interface RequestOptions {
  /**
   * Sends an Idempotency-Key, so a write whose answer was lost applies once however often it is sent again: the
   * request is retried by itself after a network failure or a 502/503/504 with the same key, and when the person
   * sends the very same write again after such a failure (the same method, path and body), the key of the
   * unanswered attempt is used again; the server then replays its first answer instead of applying it twice. A
   * write that got an answer (success or refusal) gives the next identical write a fresh key: pledging the same
   * amount twice on purpose is two pledges.
   */
  idempotent?: boolean;
  signal?: AbortSignal;
}

/** Keys of idempotent writes whose outcome is unknown (no answer, or a gateway error), by method, path and body. */
const unanswered = new Map<string, { key: string; at: number }>();
/** The server keeps answers for 24 hours; reuse a key for less than that. */
const KEY_REUSE_MS = 12 * 3_600_000;
/** Waits before the automatic retries of an unanswered idempotent write. */
const RETRY_WAITS_MS = [300, 1_200];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function keyFor(signature: string): string {
  const prior = unanswered.get(signature);
  if (prior && Date.now() - prior.at < KEY_REUSE_MS) return prior.key;
  const key = uuid();
  unanswered.set(signature, { key, at: Date.now() });
  return key;
}

function uuid(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) return crypto.randomUUID();
  return 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (c) => {
    const r = (Math.random() * 16) | 0;
    return (c === 'x' ? r : (r & 0x3) | 0x8).toString(16);
  });
}

/** Calls the API; resolves with the JSON body or rejects with an ApiError. */
export async function request<T>(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json', 'accept-language': acceptLanguage };
  const payload = body === undefined ? undefined : JSON.stringify(body);
  if (payload !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const signature = `${method} ${path}\n${payload ?? ''}`;
  if (options.idempotent) headers['idempotency-key'] = keyFor(signature);
  for (let attempt = 0; ; attempt++) {
    let res: Response | null = null;
    try {
      res = await fetch(API_BASE + path, { method, headers, body: payload, credentials: 'same-origin', signal: options.signal });
    } catch (e) {
      if ((e as Error).name === 'AbortError') throw e;
    }
    // no answer, a gateway's error, or the first attempt still running on the server: the outcome is unknown
    const lost = res === null || res.status === 502 || res.status === 503 || res.status === 504 || (res.status === 409 && (await inProgress(res)));
    if (options.idempotent && lost && attempt < RETRY_WAITS_MS.length) {
      await sleep(RETRY_WAITS_MS[attempt]);
      continue;
    }
    // an answer settles the key; without one, the next identical write reuses it
    if (options.idempotent && !lost) unanswered.delete(signature);
    if (res === null) throw new ApiError(0, { type: 'about:blank', title: 'Network error', status: 0, code: 'network_error' });
    return readAnswer<T>(res);
  }
}

/** Whether a 409 says the first request with this Idempotency-Key is still being processed. */
async function inProgress(res: Response): Promise<boolean> {
  try {
    return ((await res.clone().json()) as Problem).code === 'idempotency_in_progress';
  } catch {
    return false;
  }
}

async function readAnswer<T>(res: Response): Promise<T> {
  const text = await res.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!res.ok) {
    const problem = data && typeof data === 'object' && 'status' in data ? (data as Problem) : null;
    throw new ApiError(res.status, problem ?? { type: 'about:blank', title: res.statusText || 'Error', status: res.status, code: 'http_error' });
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, undefined, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, body ?? {}, options),
  patch: <T>(path: string, body: unknown, options?: RequestOptions) => request<T>('PATCH', path, body, options),
  put: <T>(path: string, body: unknown, options?: RequestOptions) => request<T>('PUT', path, body, options),
  delete: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, undefined, options),
};

/** Builds a query string from the set values only. */
export function qs(params: Record<string, string | number | boolean | null | undefined>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') u.set(k, String(v));
  const s = u.toString();
  return s ? `?${s}` : '';
}
