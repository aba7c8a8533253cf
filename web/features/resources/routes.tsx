import { IconHeartHandshake } from '@tabler/icons-react';
import type { RouteObject } from 'react-router';
import { RequireAuth } from '../../app/require-auth';
import type { WorkspaceSection } from '../../lib/workspace';
import { BudgetPage, CommitmentPage, LedgerPage, PledgeNewPage, RatesPage, ResourcesPage } from './pages';

/** The resources pages of a partnership's workspace (paths relative to /partnerships/:id). */
export const resourcesRoutes: RouteObject[] = [
  { path: 'resources', element: <RequireAuth><ResourcesPage /></RequireAuth> },
  { path: 'resources/new', element: <RequireAuth><PledgeNewPage /></RequireAuth> },
  { path: 'resources/commitments/:commitmentId', element: <RequireAuth><CommitmentPage /></RequireAuth> },
  { path: 'resources/ledger', element: <RequireAuth><LedgerPage /></RequireAuth> },
  { path: 'resources/budget', element: <RequireAuth><BudgetPage /></RequireAuth> },
  { path: 'resources/rates', element: <RequireAuth><RatesPage /></RequireAuth> },
];

/** One entry in the workspace navigation; commitments, ledger, budget and rates are tabs inside it. */
export const resourcesSections: WorkspaceSection[] = [{ to: 'resources', key: 'resources.nav', icon: IconHeartHandshake, action: 'partnership.resources.read' }];
