import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../lib/hooks';
import { NotFoundState } from '../../components/page';
import { DisputeList } from '../../features/governance/disputes';
import { usePartnershipContext } from './partnership-workspace';

/** The dispute register of the partnership. */
export function PartnershipDisputesPage() {
  const p = usePartnershipContext();
  const { t } = useTranslation();
  useDocumentTitle(`${t('workspace.disputes')} · ${p.name}`);
  if (!p.allowedActions.includes('partnership.disputes.read')) return <NotFoundState />;
  return <DisputeList p={p} />;
}
