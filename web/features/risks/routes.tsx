import { IconShieldHalf } from '@tabler/icons-react';
import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazy-page';
import type { WorkspaceSection } from '../../lib/workspace';

/** The risks pages of a partnership's workspace (paths relative to /partnerships/:id). */
export const risksRoutes: RouteObject[] = [
  { path: 'risks', ...lazyPage(() => import('./pages'), (m) => m.RisksPage, { auth: true }) },
  { path: 'risks/new', ...lazyPage(() => import('./pages'), (m) => m.RiskNewPage, { auth: true }) },
  { path: 'risks/:riskId', ...lazyPage(() => import('./pages'), (m) => m.RiskPage, { auth: true }) },
  { path: 'risks/:riskId/edit', ...lazyPage(() => import('./pages'), (m) => m.RiskEditPage, { auth: true }) },
];

/** The risks entries of the workspace navigation. */
export const risksSections: WorkspaceSection[] = [{ to: 'risks', key: 'risks.nav', icon: IconShieldHalf, action: 'partnership.risks.read' }];
