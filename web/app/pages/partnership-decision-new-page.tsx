import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../lib/hooks';
import { NotFoundState, PageError, PageLoader } from '../../components/page';
import { useCharter } from '../../features/governance/api';
import { ProposeForm } from '../../features/governance/propose-form';
import { usePartnershipContext } from './partnership-workspace';

/** Proposing a motion or opening a poll. */
export function PartnershipDecisionNewPage() {
  const p = usePartnershipContext();
  const { t } = useTranslation();
  const [params] = useSearchParams();
  useDocumentTitle(`${t('decisions.proposeTitle')} · ${p.name}`);
  const charter = useCharter(p.id);
  const allowed = p.allowedActions.includes('partnership.decisions.propose') || p.allowedActions.includes('partnership.decisions.participate');
  if (!allowed) return <NotFoundState />;
  if (charter.isLoading) return <PageLoader />;
  if (charter.error) return <PageError error={charter.error} onRetry={() => void charter.refetch()} />;
  return <ProposeForm p={p} charter={charter.data ?? null} initialType={params.get('type')} />;
}
