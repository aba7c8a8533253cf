import { ROUTES as FOUNDATION } from './routes.table';
import { GOVERNANCE_ROUTES } from './governance.routes.table';
import { DISPUTE_ROUTES } from './disputes.routes.table';
import { LEDGER_ROUTES } from './ledger.routes.table';
import { RISK_ROUTES } from './risks.routes.table';
import { RESULTS_ROUTES } from './results.routes.table';
import { NOTIFICATION_ROUTES } from './notifications.routes.table';
import { IMPORT_ROUTES } from './imports.routes.table';
import { ACCOUNTABILITY_ROUTES } from './accountability.routes.table';
import type { RouteCase } from './routes.table';

/** Every route of the API with its access expectations: the foundation's and each capability's table. */
export const ROUTES: RouteCase[] = [...FOUNDATION, ...GOVERNANCE_ROUTES, ...DISPUTE_ROUTES, ...LEDGER_ROUTES, ...RISK_ROUTES, ...RESULTS_ROUTES, ...NOTIFICATION_ROUTES, ...IMPORT_ROUTES, ...ACCOUNTABILITY_ROUTES];
