import { IconShieldHalf } from '@tabler/icons-react';
import type { RouteObject } from 'react-router';
import { RequireAuth } from '../../app/require-auth';
import type { WorkspaceSection } from '../../lib/workspace';
import { RiskEditPage, RiskNewPage, RiskPage, RisksPage } from './pages';

/** The risks pages of a partnership's workspace (paths relative to /partnerships/:id). */
export const risksRoutes: RouteObject[] = [
  { path: 'risks', element: <RequireAuth><RisksPage /></RequireAuth> },
  { path: 'risks/new', element: <RequireAuth><RiskNewPage /></RequireAuth> },
  { path: 'risks/:riskId', element: <RequireAuth><RiskPage /></RequireAuth> },
  { path: 'risks/:riskId/edit', element: <RequireAuth><RiskEditPage /></RequireAuth> },
];

/** The risks entries of the workspace navigation. */
export const risksSections: WorkspaceSection[] = [{ to: 'risks', key: 'risks.nav', icon: IconShieldHalf, action: 'partnership.risks.read' }];
