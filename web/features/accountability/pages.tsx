import { Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { usePartnershipContext } from '../../app/pages/partnership-workspace';
import { NotFoundState } from '../../components/page';
import { useDocumentTitle } from '../../lib/hooks';
import type { PartnershipDetail } from '../../lib/types';
import { DashboardView } from './dashboard';
import { ImportsView } from './imports';
import { OverdueView } from './overdue';
import { ScorecardsView } from './scorecards';
import { AccountabilityTabs } from './tabs';

const READ = 'partnership.resources.read';

/** One tab of the section: its title in the browser tab, the tabs, then its content (participants only). */
function Tab({ title, children }: { title: string; children: (p: PartnershipDetail) => ReactNode }) {
  const p = usePartnershipContext();
  useDocumentTitle(`${title} · ${p.name}`);
  if (!p.allowedActions.includes(READ)) return <NotFoundState />;
  return (
    <Stack gap="lg">
      <AccountabilityTabs p={p} />
      {children(p)}
    </Stack>
  );
}

export function AccountabilityDashboardPage() {
  const { t } = useTranslation();
  return <Tab title={t('accountability.nav')}>{(p) => <DashboardView p={p} />}</Tab>;
}

export function ScorecardsPage() {
  const { t } = useTranslation();
  return <Tab title={t('accountability.tabs.scorecards')}>{(p) => <ScorecardsView p={p} />}</Tab>;
}

export function OverduePage() {
  const { t } = useTranslation();
  return <Tab title={t('accountability.tabs.overdue')}>{(p) => <OverdueView p={p} />}</Tab>;
}

export function ImportsPage() {
  const { t } = useTranslation();
  return <Tab title={t('accountability.tabs.imports')}>{(p) => <ImportsView p={p} />}</Tab>;
}
