import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../lib/hooks';
import { PageError, PageLoader } from '../../components/page';
import { useDispute } from '../../features/governance/api';
import { DisputeView } from '../../features/governance/disputes';
import { usePartnershipContext } from './partnership-workspace';

/** One dispute and its way up the escalation ladder. */
export function PartnershipDisputePage() {
  const p = usePartnershipContext();
  const { disputeId = '' } = useParams();
  const { t } = useTranslation();
  const q = useDispute(p.id, disputeId);
  useDocumentTitle(`${q.data?.subject ?? t('workspace.disputes')} · ${p.name}`);
  if (q.isLoading) return <PageLoader />;
  if (q.error) return <PageError error={q.error} onRetry={() => void q.refetch()} />;
  return <DisputeView p={p} d={q.data!} />;
}
