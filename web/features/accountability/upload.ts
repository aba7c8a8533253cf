/**
 * Sends a file with XMLHttpRequest, because fetch cannot report upload progress. It carries what
 * web/lib/api.ts sends on a write: the session's CSRF token and the language; and, when given, the
 * Idempotency-Key the caller keeps for this file (the same when the same file is sent again, so a retry never
 * imports twice) and an Import-Progress token to follow the import by (`followImport`). Resolves with the JSON
 * body; rejects with an ApiError holding the problem (for an import's 422, every bad row).
 */
import { API_BASE, ApiError, api } from '../../lib/api';
import type { Problem } from '../../../src/contracts/common';

export interface UploadOptions {
  csrfToken: string | null;
  language: string;
  /** Bytes sent so far and in all; `total` is 0 when the browser does not know. */
  onProgress?: (sent: number, total: number) => void;
  /** Called once every byte is sent (the server then reads and checks the file). */
  onSent?: () => void;
  /** Sent as Idempotency-Key: required to import commitments and deliveries. */
  idempotencyKey?: string | null;
  /** Sent as Import-Progress (a UUID): the import then tells how far it is (`followImport`). */
  progressToken?: string | null;
  signal?: AbortSignal;
}

/** Where an import is, as GET .../imports/progress/:token tells its owner. */
export interface ImportProgress {
  token: string;
  kind: string;
  dryRun: boolean;
  phase: 'reading' | 'checking' | 'writing' | 'done';
  done: number;
  total: number;
  outcome: 'imported' | 'checked' | 'refused' | 'failed' | null;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The Content-Type a file is sent with, by its name first (browsers disagree on a .csv's type). */
export function contentTypeOf(file: File): string {
  const name = file.name.toLowerCase();
  if (name.endsWith('.xlsx')) return XLSX;
  if (name.endsWith('.csv')) return 'text/csv';
  if (name.endsWith('.tsv') || name.endsWith('.tab')) return 'text/tab-separated-values';
  return file.type || 'application/octet-stream';
}

/** A random UUID (version 4), also where crypto.randomUUID is missing (plain http on a LAN address). */
export function newUuid(): string {
  const c: Partial<Crypto> | undefined = globalThis.crypto;
  if (c?.randomUUID) return c.randomUUID();
  const b = new Uint8Array(16);
  if (c?.getRandomValues) c.getRandomValues(b);
  else for (let i = 0; i < 16; i++) b[i] = Math.floor(Math.random() * 256);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const pause = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });

/**
 * Asks how far the import sent with `token` is, every `everyMs`, until it is done or `signal` aborts (the
 * caller aborts when the import's own answer arrives). 404 means it has not started yet (or was answered from
 * an earlier identical request): keep asking. Network hiccups are ignored; the import's answer is what counts.
 */
export async function followImport(partnershipId: string, token: string, onStep: (p: ImportProgress) => void, signal: AbortSignal, everyMs = 500): Promise<void> {
  while (!signal.aborted) {
    try {
      const p = await api.get<ImportProgress>(`/partnerships/${partnershipId}/imports/progress/${token}`, { signal });
      if (signal.aborted) return;
      onStep(p);
      if (p.phase === 'done') return;
    } catch (e) {
      if ((e as Error).name === 'AbortError') return;
    }
    await pause(everyMs, signal);
  }
}

export function uploadFile<T>(path: string, file: File, options: UploadOptions): Promise<{ status: number; body: T }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', API_BASE + path);
    xhr.withCredentials = true;
    xhr.responseType = 'text';
    xhr.setRequestHeader('accept', 'application/json, application/problem+json');
    xhr.setRequestHeader('accept-language', options.language);
    xhr.setRequestHeader('content-type', contentTypeOf(file));
    if (options.idempotencyKey) xhr.setRequestHeader('idempotency-key', options.idempotencyKey);
    if (options.progressToken) xhr.setRequestHeader('import-progress', options.progressToken);
    if (options.csrfToken) xhr.setRequestHeader('x-csrf-token', options.csrfToken);
    xhr.upload.onprogress = (e) => options.onProgress?.(e.loaded, e.lengthComputable ? e.total : 0);
    xhr.upload.onload = () => options.onSent?.();
    xhr.onerror = () => reject(new ApiError(0, { type: 'about:blank', title: 'Network error', status: 0, code: 'network_error' }));
    xhr.onabort = () => reject(new DOMException('Aborted', 'AbortError'));
    xhr.onload = () => {
      let data: unknown = null;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        data = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve({ status: xhr.status, body: data as T });
      const problem = data && typeof data === 'object' && 'status' in data ? (data as Problem) : null;
      reject(new ApiError(xhr.status, problem ?? { type: 'about:blank', title: xhr.statusText || 'Error', status: xhr.status, code: 'http_error' }));
    };
    options.signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(file);
  });
}
