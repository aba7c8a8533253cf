import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../lib/hooks';
import { PageError, PageLoader } from '../../components/page';
import { useDecision } from '../../features/governance/api';
import { usePeople } from '../../lib/queries';
import { DecisionView } from '../../features/governance/decision-view';
import { usePartnershipContext } from './partnership-workspace';

/** One decision or poll; refreshed live as ballots are cast (the workspace's event stream). */
export function PartnershipDecisionPage() {
  const p = usePartnershipContext();
  const { decisionId = '' } = useParams();
  const { t } = useTranslation();
  const q = useDecision(p.id, decisionId);
  const people = usePeople(p.id, p.allowedActions.includes('partnership.people.read'));
  useDocumentTitle(`${q.data?.title ?? t('workspace.decisions')} · ${p.name}`);
  if (q.isLoading) return <PageLoader />;
  if (q.error) return <PageError error={q.error} onRetry={() => void q.refetch()} />;
  return <DecisionView p={p} d={q.data!} people={people.data?.items} />;
}
