/** An amount of money in integer minor units (cents) with its ISO 4217 currency code. Never a float. */
export interface Money {
  readonly minor: bigint;
  readonly currency: string;
}

const CURRENCY = /^[A-Z]{3}$/;

/** Builds a Money value, refusing non-integer amounts and malformed currency codes. */
export function money(minor: bigint | number, currency: string): Money {
  if (typeof minor === 'number' && !Number.isSafeInteger(minor)) {
    throw new RangeError(`Money amounts are integer minor units, got ${minor}`);
  }
  if (!CURRENCY.test(currency)) throw new RangeError(`Not an ISO 4217 currency code: ${currency}`);
  return { minor: BigInt(minor), currency };
}

/** Adds two amounts of the same currency. */
export function addMoney(a: Money, b: Money): Money {
  if (a.currency !== b.currency) throw new RangeError(`Cannot add ${a.currency} to ${b.currency}`);
  return { minor: a.minor + b.minor, currency: a.currency };
}
