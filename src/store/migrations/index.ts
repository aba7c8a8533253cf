import type { Migration } from 'kysely';
import * as m0001 from './0001-foundation';
import * as m0002 from './0002-current-membership-unique';
import * as m0003 from './0003-governance';
import * as m0004 from './0004-disputes';
import * as m0005 from './0005-ledger';
import * as m0006 from './0006-risks';
import * as m0007 from './0007-results';
import * as m0008 from './0008-notifications';
import * as m0009 from './0009-commitment-totals';
import * as m0010 from './0010-indicator-progress';
import * as m0011 from './0011-search-forms';

/** Every migration, in order. Names never change once shipped. */
export const MIGRATIONS: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-current-membership-unique': m0002,
  '0003-governance': m0003,
  '0004-disputes': m0004,
  '0005-ledger': m0005,
  '0006-risks': m0006,
  '0007-results': m0007,
  '0008-notifications': m0008,
  '0009-commitment-totals': m0009,
  '0010-indicator-progress': m0010,
  '0011-search-forms': m0011,
};
