import type { RouteObject } from 'react-router';
import { IconTargetArrow } from '@tabler/icons-react';
import type { WorkspaceSection } from '../../lib/workspace';
import { lazyPage } from '../../app/lazy-page';

/** The results pages of a partnership's workspace (paths relative to /partnerships/:id); all need sign-in. */
export const resultsRoutes: RouteObject[] = [
  { path: 'results', ...lazyPage(() => import('./pages'), (m) => m.ResultsPage, { auth: true }) },
  { path: 'results/review', ...lazyPage(() => import('./pages'), (m) => m.ResultsReviewPage, { auth: true }) },
  { path: 'results/calendar', ...lazyPage(() => import('./pages'), (m) => m.ResultsCalendarPage, { auth: true }) },
  { path: 'results/contributions', ...lazyPage(() => import('./pages'), (m) => m.ResultsContributionsPage, { auth: true }) },
  { path: 'results/indicators/new', ...lazyPage(() => import('./pages'), (m) => m.IndicatorNewPage, { auth: true }) },
  { path: 'results/indicators/:indicatorId', ...lazyPage(() => import('./pages'), (m) => m.IndicatorPage, { auth: true }) },
  { path: 'results/indicators/:indicatorId/edit', ...lazyPage(() => import('./pages'), (m) => m.IndicatorEditPage, { auth: true }) },
  { path: 'results/indicators/:indicatorId/report', ...lazyPage(() => import('./pages'), (m) => m.ReportNewPage, { auth: true }) },
  { path: 'results/submissions/:submissionId', ...lazyPage(() => import('./pages'), (m) => m.SubmissionPage, { auth: true }) },
];

/** The results entry of the workspace navigation. */
export const resultsSections: WorkspaceSection[] = [{ to: 'results', key: 'results.nav', icon: IconTargetArrow, action: 'partnership.results.read' }];
