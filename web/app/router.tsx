import { createBrowserRouter } from 'react-router';
import { Layout } from './layout';
import { lazyPage } from './lazy-page';
import { RouteError } from './route-error';
import { HomePage } from './pages/home-page';
import { SignInPage } from './pages/sign-in-page';
import { NotFoundPage } from './pages/not-found-page';
import { resourcesRoutes } from '../features/resources/routes';
import { risksRoutes } from '../features/risks/routes';
import { resultsRoutes } from '../features/results/routes';
import { accountabilityRoutes } from '../features/accountability/routes';

export const router = createBrowserRouter([
  {
    element: <Layout />,
    // an error in the layout itself: the page alone
    errorElement: <RouteError />,
    children: [
      {
        // a page that fails to load (its chunk gone after a release) or to draw: inside the layout
        errorElement: <RouteError />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'sign-in', element: <SignInPage /> },
          { path: 'reset-password', ...lazyPage(() => import('./pages/reset-password-page'), (m) => m.ResetPasswordPage) },
          { path: 'admin/audit', ...lazyPage(() => import('./pages/platform-audit-page'), (m) => m.PlatformAuditPage, { auth: true }) },
          { path: 'admin/accounts', ...lazyPage(() => import('./pages/platform-accounts-page'), (m) => m.PlatformAccountsPage, { auth: true }) },
          { path: 'search', ...lazyPage(() => import('./pages/search-page'), (m) => m.SearchPage) },
          { path: 'organisations', ...lazyPage(() => import('./pages/organisations-page'), (m) => m.OrganisationsPage) },
          { path: 'organisations/new', ...lazyPage(() => import('./pages/organisation-form-page'), (m) => m.OrganisationFormPage, { auth: true }) },
          { path: 'organisations/:id', ...lazyPage(() => import('./pages/organisation-page'), (m) => m.OrganisationPage) },
          { path: 'organisations/:id/edit', ...lazyPage(() => import('./pages/organisation-form-page'), (m) => m.OrganisationFormPage, { auth: true }) },
          { path: 'partnerships', ...lazyPage(() => import('./pages/partnerships-page'), (m) => m.PartnershipsPage) },
          { path: 'partnerships/new', ...lazyPage(() => import('./pages/partnership-new-page'), (m) => m.PartnershipNewPage, { auth: true }) },
          {
            path: 'partnerships/:id',
            ...lazyPage(() => import('./pages/partnership-workspace'), (m) => m.PartnershipWorkspace),
            children: [
              { index: true, ...lazyPage(() => import('./pages/partnership-overview-page'), (m) => m.PartnershipOverviewPage) },
              { path: 'members', ...lazyPage(() => import('./pages/partnership-members-page'), (m) => m.PartnershipMembersPage) },
              { path: 'charter', ...lazyPage(() => import('./pages/partnership-charter-page'), (m) => m.PartnershipCharterPage) },
              { path: 'decisions', ...lazyPage(() => import('./pages/partnership-decisions-page'), (m) => m.PartnershipDecisionsPage, { auth: true }) },
              { path: 'decisions/new', ...lazyPage(() => import('./pages/partnership-decision-new-page'), (m) => m.PartnershipDecisionNewPage, { auth: true }) },
              { path: 'decisions/:decisionId', ...lazyPage(() => import('./pages/partnership-decision-page'), (m) => m.PartnershipDecisionPage, { auth: true }) },
              { path: 'disputes', ...lazyPage(() => import('./pages/partnership-disputes-page'), (m) => m.PartnershipDisputesPage, { auth: true }) },
              { path: 'disputes/new', ...lazyPage(() => import('./pages/partnership-dispute-new-page'), (m) => m.PartnershipDisputeNewPage, { auth: true }) },
              { path: 'disputes/:disputeId', ...lazyPage(() => import('./pages/partnership-dispute-page'), (m) => m.PartnershipDisputePage, { auth: true }) },
              ...resourcesRoutes,
              ...risksRoutes,
              ...resultsRoutes,
              ...accountabilityRoutes,
              { path: 'audit', ...lazyPage(() => import('./pages/partnership-audit-page'), (m) => m.PartnershipAuditPage) },
              { path: 'settings', ...lazyPage(() => import('./pages/partnership-settings-page'), (m) => m.PartnershipSettingsPage, { auth: true }) },
            ],
          },
          { path: 'account', ...lazyPage(() => import('./pages/account-page'), (m) => m.AccountPage, { auth: true }) },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
