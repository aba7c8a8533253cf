import { Stack } from '@mantine/core';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { usePartnershipContext } from '../../app/pages/partnership-workspace';
import { NotFoundState, PageError, PageLoader } from '../../components/page';
import { useDocumentTitle } from '../../lib/hooks';
import { useCommitment } from './api';
import { BudgetView } from './budget';
import { CommitmentView } from './commitment-view';
import { CommitmentsPage } from './commitments';
import { LedgerView } from './ledger';
import { PledgeForm } from './pledge-form';
import { RatesView } from './rates';
import { ResourcesTabs } from './tabs';

const READ = 'partnership.resources.read';

/** Commitments: pledged versus delivered and the list. */
export function ResourcesPage() {
  const p = usePartnershipContext();
  const { t } = useTranslation();
  useDocumentTitle(`${t('resources.nav')} · ${p.name}`);
  if (!p.allowedActions.includes(READ)) return <NotFoundState />;
  return <CommitmentsPage p={p} />;
}

export function PledgeNewPage() {
  const p = usePartnershipContext();
  const { t } = useTranslation();
  useDocumentTitle(`${t('resources.pledge.title')} · ${p.name}`);
  if (!p.allowedActions.includes('partnership.commitments.pledge')) return <NotFoundState />;
  return (
    <Stack gap="lg">
      <ResourcesTabs p={p} />
      <PledgeForm p={p} />
    </Stack>
  );
}

export function CommitmentPage() {
  const p = usePartnershipContext();
  const { commitmentId = '' } = useParams();
  const { t } = useTranslation();
  const q = useCommitment(p.id, commitmentId);
  useDocumentTitle(`${q.data ? `#${q.data.number} ${q.data.description}` : t('resources.nav')} · ${p.name}`);
  if (q.isLoading) return <PageLoader />;
  if (q.error) return <PageError error={q.error} onRetry={() => void q.refetch()} />;
  return <CommitmentView p={p} c={q.data!} />;
}

export function LedgerPage() {
  const p = usePartnershipContext();
  const { t } = useTranslation();
  useDocumentTitle(`${t('resources.tabs.ledger')} · ${p.name}`);
  if (!p.allowedActions.includes(READ)) return <NotFoundState />;
  return <LedgerView p={p} />;
}

export function BudgetPage() {
  const p = usePartnershipContext();
  const { t } = useTranslation();
  useDocumentTitle(`${t('resources.tabs.budget')} · ${p.name}`);
  if (!p.allowedActions.includes(READ)) return <NotFoundState />;
  return <BudgetView p={p} />;
}

export function RatesPage() {
  const p = usePartnershipContext();
  const { t } = useTranslation();
  useDocumentTitle(`${t('resources.tabs.rates')} · ${p.name}`);
  if (!p.allowedActions.includes(READ)) return <NotFoundState />;
  return <RatesView p={p} />;
}
