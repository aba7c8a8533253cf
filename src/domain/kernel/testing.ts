/**
 * Helpers shared by the domain's tests. Only `*.test.ts` files import this module: no domain, service or
 * web code may use it (it is not part of the domain's API, and it may change with the tests).
 */
import { DomainError, type FieldIssue } from './errors';
import { money, type Money } from './money';

/** The DomainError `fn` throws. Fails the test when it returns, and rethrows any other error. */
export function thrown(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

/** Issues as `field code` lines, for comparing a whole list at once: `['amount too_many_decimals']`. */
export const issues = (list: readonly Pick<FieldIssue, 'field' | 'code'>[]): string[] => list.map((i) => `${i.field} ${i.code}`);

/** An amount in euro cents. */
export const eur = (minor: number | bigint): Money => money(minor, 'EUR');

/** An amount in US cents. */
export const usd = (minor: number | bigint): Money => money(minor, 'USD');
