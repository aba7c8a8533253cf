import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../lib/hooks';
import { NotFoundState } from '../../components/page';
import { RaiseDisputeForm } from '../../features/governance/disputes';
import { usePartnershipContext } from './partnership-workspace';

/** Raising a dispute between member organisations. */
export function PartnershipDisputeNewPage() {
  const p = usePartnershipContext();
  const { t } = useTranslation();
  useDocumentTitle(`${t('disputes.raiseTitle')} · ${p.name}`);
  if (!p.allowedActions.includes('partnership.disputes.raise')) return <NotFoundState />;
  return <RaiseDisputeForm p={p} />;
}
