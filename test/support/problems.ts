import { expect } from 'vitest';
import { Problem } from '../../src/contracts/common';

export type Res = { statusCode: number; headers: Record<string, unknown>; body: string; json: () => any };

/** Asserts a problem+json answer with this status and code, naming `field` among its errors when given. */
export function expectProblem(res: Res, status: number, code: string, field?: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  const p = Problem.parse(res.json());
  expect(p.status).toBe(status);
  expect(p.code).toBe(code);
  if (field !== undefined) expect((p.errors ?? []).map((e) => e.field), res.body).toContain(field);
  return p;
}
