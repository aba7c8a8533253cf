import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../lib/hooks';
import { NotFoundState } from '../../components/page';
import { AuditLog } from '../../features/partnerships/audit-log';
import { usePartnershipContext } from './partnership-workspace';

export function PartnershipAuditPage() {
  const p = usePartnershipContext();
  const { t } = useTranslation();
  useDocumentTitle(`${t('workspace.audit')} · ${p.name}`);
  if (!p.allowedActions.includes('partnership.audit.read')) return <NotFoundState />;
  return <AuditLog partnershipId={p.id} />;
}
