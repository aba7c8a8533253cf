import type { Migration } from 'kysely';
import * as m0001 from './0001-foundation';

/** Every migration, in order. Names never change once shipped. */
export const MIGRATIONS: Record<string, Migration> = {
  '0001-foundation': m0001,
};
