import { ROUTES as FOUNDATION } from './routes.table';
import { GOVERNANCE_ROUTES } from './governance.routes.table';
import { DISPUTE_ROUTES } from './disputes.routes.table';
import type { RouteCase } from './routes.table';

/** Every route of the API with its access expectations: the foundation's and each capability's table. */
export const ROUTES: RouteCase[] = [...FOUNDATION, ...GOVERNANCE_ROUTES, ...DISPUTE_ROUTES];
