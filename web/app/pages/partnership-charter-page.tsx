import { Card } from '@mantine/core';
import { IconFileCertificate } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../lib/hooks';
import { EmptyState, NotFoundState, PageError, PageLoader } from '../../components/page';
import { useCharter, useCharterVersion } from '../../features/governance/api';
import { usePeople } from '../../lib/queries';
import { AdoptCharter } from '../../features/governance/charter-adopt';
import { CharterView } from '../../features/governance/charter-view';
import { usePartnershipContext } from './partnership-workspace';

/** The charter in force (or an earlier version, `?version=N`); conveners adopt the first one here. */
export function PartnershipCharterPage() {
  const p = usePartnershipContext();
  const { t } = useTranslation();
  const [params] = useSearchParams();
  useDocumentTitle(`${t('workspace.charter')} · ${p.name}`);
  const canRead = p.allowedActions.includes('partnership.charter.read');
  const charter = useCharter(p.id);
  const people = usePeople(p.id, p.allowedActions.includes('partnership.people.read'));
  const wanted = Number(params.get('version')) || null;
  const current = charter.data?.version ?? 0;
  const old = useCharterVersion(p.id, wanted && wanted !== current ? wanted : null);
  if (!canRead) return <NotFoundState />;
  if (charter.isLoading || (old.isLoading && old.fetchStatus !== 'idle')) return <PageLoader />;
  if (charter.error) return <PageError error={charter.error} onRetry={() => void charter.refetch()} />;
  if (old.error) return <PageError error={old.error} />;
  if (!charter.data) {
    if (p.allowedActions.includes('partnership.charter.manage')) return <AdoptCharter p={p} people={people.data?.items} />;
    return (
      <Card>
        <EmptyState icon={IconFileCertificate} title={t('charter.emptyTitle')} description={t('charter.emptyBody')} />
      </Card>
    );
  }
  return <CharterView p={p} version={old.data ?? charter.data} current={current} people={people.data?.items} />;
}
