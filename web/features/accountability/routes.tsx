import { IconChecklist } from '@tabler/icons-react';
import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazy-page';
import type { WorkspaceSection } from '../../lib/workspace';

/** The accountability pages of a partnership's workspace (paths relative to /partnerships/:id). */
export const accountabilityRoutes: RouteObject[] = [
  { path: 'accountability', ...lazyPage(() => import('./pages'), (m) => m.AccountabilityDashboardPage, { auth: true }) },
  { path: 'accountability/scorecards', ...lazyPage(() => import('./pages'), (m) => m.ScorecardsPage, { auth: true }) },
  { path: 'accountability/overdue', ...lazyPage(() => import('./pages'), (m) => m.OverduePage, { auth: true }) },
  { path: 'accountability/imports', ...lazyPage(() => import('./pages'), (m) => m.ImportsPage, { auth: true }) },
];

/** One entry in the workspace navigation; dashboard, scorecards, overdue board and import/export are tabs inside it. */
export const accountabilitySections: WorkspaceSection[] = [{ to: 'accountability', key: 'accountability.nav', icon: IconChecklist, action: 'partnership.resources.read' }];
