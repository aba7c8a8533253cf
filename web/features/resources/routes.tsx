import { IconHeartHandshake } from '@tabler/icons-react';
import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazy-page';
import type { WorkspaceSection } from '../../lib/workspace';

/** The resources pages of a partnership's workspace (paths relative to /partnerships/:id). */
export const resourcesRoutes: RouteObject[] = [
  { path: 'resources', ...lazyPage(() => import('./pages'), (m) => m.ResourcesPage, { auth: true }) },
  { path: 'resources/new', ...lazyPage(() => import('./pages'), (m) => m.PledgeNewPage, { auth: true }) },
  { path: 'resources/commitments/:commitmentId', ...lazyPage(() => import('./pages'), (m) => m.CommitmentPage, { auth: true }) },
  { path: 'resources/ledger', ...lazyPage(() => import('./pages'), (m) => m.LedgerPage, { auth: true }) },
  { path: 'resources/budget', ...lazyPage(() => import('./pages'), (m) => m.BudgetPage, { auth: true }) },
  { path: 'resources/rates', ...lazyPage(() => import('./pages'), (m) => m.RatesPage, { auth: true }) },
];

/** One entry in the workspace navigation; commitments, ledger, budget and rates are tabs inside it. */
export const resourcesSections: WorkspaceSection[] = [{ to: 'resources', key: 'resources.nav', icon: IconHeartHandshake, action: 'partnership.resources.read' }];
