import { createBrowserRouter } from 'react-router';
import { Layout } from './layout';
import { RequireAuth } from './require-auth';
import { HomePage } from './pages/home-page';
import { SignInPage } from './pages/sign-in-page';
import { ResetPasswordPage } from './pages/reset-password-page';
import { OrganisationsPage } from './pages/organisations-page';
import { OrganisationPage } from './pages/organisation-page';
import { OrganisationFormPage } from './pages/organisation-form-page';
import { PartnershipsPage } from './pages/partnerships-page';
import { PartnershipNewPage } from './pages/partnership-new-page';
import { PartnershipWorkspace } from './pages/partnership-workspace';
import { PartnershipOverviewPage } from './pages/partnership-overview-page';
import { PartnershipMembersPage } from './pages/partnership-members-page';
import { PartnershipAuditPage } from './pages/partnership-audit-page';
import { PartnershipSettingsPage } from './pages/partnership-settings-page';
import { PartnershipCharterPage } from './pages/partnership-charter-page';
import { PartnershipDecisionsPage } from './pages/partnership-decisions-page';
import { PartnershipDecisionNewPage } from './pages/partnership-decision-new-page';
import { PartnershipDecisionPage } from './pages/partnership-decision-page';
import { PartnershipDisputesPage } from './pages/partnership-disputes-page';
import { PartnershipDisputeNewPage } from './pages/partnership-dispute-new-page';
import { PartnershipDisputePage } from './pages/partnership-dispute-page';
import { AccountPage } from './pages/account-page';
import { SearchPage } from './pages/search-page';
import { NotFoundPage } from './pages/not-found-page';
import { resourcesRoutes } from '../features/resources/routes';
import { risksRoutes } from '../features/risks/routes';
import { resultsRoutes } from '../features/results/routes';
import { accountabilityRoutes } from '../features/accountability/routes';

export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'sign-in', element: <SignInPage /> },
      { path: 'reset-password', element: <ResetPasswordPage /> },
      { path: 'search', element: <SearchPage /> },
      { path: 'organisations', element: <OrganisationsPage /> },
      { path: 'organisations/new', element: <RequireAuth><OrganisationFormPage /></RequireAuth> },
      { path: 'organisations/:id', element: <OrganisationPage /> },
      { path: 'organisations/:id/edit', element: <RequireAuth><OrganisationFormPage /></RequireAuth> },
      { path: 'partnerships', element: <PartnershipsPage /> },
      { path: 'partnerships/new', element: <RequireAuth><PartnershipNewPage /></RequireAuth> },
      {
        path: 'partnerships/:id',
        element: <PartnershipWorkspace />,
        children: [
          { index: true, element: <PartnershipOverviewPage /> },
          { path: 'members', element: <PartnershipMembersPage /> },
          { path: 'charter', element: <PartnershipCharterPage /> },
          { path: 'decisions', element: <RequireAuth><PartnershipDecisionsPage /></RequireAuth> },
          { path: 'decisions/new', element: <RequireAuth><PartnershipDecisionNewPage /></RequireAuth> },
          { path: 'decisions/:decisionId', element: <RequireAuth><PartnershipDecisionPage /></RequireAuth> },
          { path: 'disputes', element: <RequireAuth><PartnershipDisputesPage /></RequireAuth> },
          { path: 'disputes/new', element: <RequireAuth><PartnershipDisputeNewPage /></RequireAuth> },
          { path: 'disputes/:disputeId', element: <RequireAuth><PartnershipDisputePage /></RequireAuth> },
          ...resourcesRoutes,
          ...risksRoutes,
          ...resultsRoutes,
          ...accountabilityRoutes,
          { path: 'audit', element: <PartnershipAuditPage /> },
          { path: 'settings', element: <RequireAuth><PartnershipSettingsPage /></RequireAuth> },
        ],
      },
      { path: 'account', element: <RequireAuth><AccountPage /></RequireAuth> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
