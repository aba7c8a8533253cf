import type { RouteObject } from 'react-router';
import { IconTargetArrow } from '@tabler/icons-react';
import type { WorkspaceSection } from '../../lib/workspace';
import { RequireAuth } from '../../app/require-auth';
import {
  IndicatorEditPage, IndicatorNewPage, IndicatorPage, ReportNewPage, ResultsCalendarPage, ResultsContributionsPage, ResultsPage, ResultsReviewPage, SubmissionPage,
} from './pages';

/** The results pages of a partnership's workspace (paths relative to /partnerships/:id); all need sign-in. */
export const resultsRoutes: RouteObject[] = [
  { path: 'results', element: <RequireAuth><ResultsPage /></RequireAuth> },
  { path: 'results/review', element: <RequireAuth><ResultsReviewPage /></RequireAuth> },
  { path: 'results/calendar', element: <RequireAuth><ResultsCalendarPage /></RequireAuth> },
  { path: 'results/contributions', element: <RequireAuth><ResultsContributionsPage /></RequireAuth> },
  { path: 'results/indicators/new', element: <RequireAuth><IndicatorNewPage /></RequireAuth> },
  { path: 'results/indicators/:indicatorId', element: <RequireAuth><IndicatorPage /></RequireAuth> },
  { path: 'results/indicators/:indicatorId/edit', element: <RequireAuth><IndicatorEditPage /></RequireAuth> },
  { path: 'results/indicators/:indicatorId/report', element: <RequireAuth><ReportNewPage /></RequireAuth> },
  { path: 'results/submissions/:submissionId', element: <RequireAuth><SubmissionPage /></RequireAuth> },
];

/** The results entry of the workspace navigation. */
export const resultsSections: WorkspaceSection[] = [{ to: 'results', key: 'results.nav', icon: IconTargetArrow, action: 'partnership.results.read' }];
