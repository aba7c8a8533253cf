/**
 * Sends a file with XMLHttpRequest, because fetch cannot report upload progress. It carries what
 * web/lib/api.ts sends on a write: the session's CSRF token, the language, and an Idempotency-Key (fresh per
 * call) so a retried request never imports twice. Resolves with the JSON body; rejects with an ApiError
 * holding the problem (for an import's 422, every bad row).
 */
import { API_BASE, ApiError } from '../../lib/api';
import type { Problem } from '../../../src/contracts/common';

export interface UploadOptions {
  csrfToken: string | null;
  language: string;
  /** Bytes sent so far and in all; `total` is 0 when the browser does not know. */
  onProgress?: (sent: number, total: number) => void;
  /** Called once every byte is sent (the server then reads and checks the file). */
  onSent?: () => void;
  signal?: AbortSignal;
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

function idempotencyKey(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) return crypto.randomUUID();
  return `${Date.now().toString(16)}-${Math.random().toString(16).slice(2)}-${Math.random().toString(16).slice(2)}`;
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
    xhr.setRequestHeader('idempotency-key', idempotencyKey());
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
