import { IconChecklist } from '@tabler/icons-react';
import type { RouteObject } from 'react-router';
import { RequireAuth } from '../../app/require-auth';
import type { WorkspaceSection } from '../../lib/workspace';
import { AccountabilityDashboardPage, ImportsPage, OverduePage, ScorecardsPage } from './pages';

/** The accountability pages of a partnership's workspace (paths relative to /partnerships/:id). */
export const accountabilityRoutes: RouteObject[] = [
  { path: 'accountability', element: <RequireAuth><AccountabilityDashboardPage /></RequireAuth> },
  { path: 'accountability/scorecards', element: <RequireAuth><ScorecardsPage /></RequireAuth> },
  { path: 'accountability/overdue', element: <RequireAuth><OverduePage /></RequireAuth> },
  { path: 'accountability/imports', element: <RequireAuth><ImportsPage /></RequireAuth> },
];

/** One entry in the workspace navigation; dashboard, scorecards, overdue board and import/export are tabs inside it. */
export const accountabilitySections: WorkspaceSection[] = [{ to: 'accountability', key: 'accountability.nav', icon: IconChecklist, action: 'partnership.resources.read' }];
