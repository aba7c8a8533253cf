import { api, qs } from './api';

/** One CSV field: quoted when it holds a separator, a quote or a line break; formulas are neutralised. */
function field(v: unknown): string {
  let s = v === null || v === undefined ? '' : String(v);
  if (/^[=+\-@]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Saves rows as a CSV file (UTF-8 with a byte-order mark, so spreadsheets read accents right). */
export function downloadCsv(filename: string, header: string[], rows: unknown[][]): void {
  const text = [header, ...rows].map((r) => r.map(field).join(',')).join('\r\n');
  const url = URL.createObjectURL(new Blob(['\ufeff', text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Every item of a cursor-paged list (for an export), page by page. */
export async function fetchAll<T>(path: string, params: Record<string, string | null | undefined> = {}): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 200; i++) {
    const page = await api.get<{ items: T[]; nextCursor: string | null }>(`${path}${qs({ ...params, cursor, limit: 100 })}`);
    out.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return out;
}
