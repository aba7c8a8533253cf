import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../lib/hooks';
import { useSession } from '../../lib/session';
import { NotFoundState, PageHeader } from '../../components/page';
import { AuditLog } from '../../features/partnerships/audit-log';

/** The platform's audit log (accounts, API tokens, organisations and their people), for platform admins. */
export function PlatformAuditPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  useDocumentTitle(t('audit.platformTitle'));
  if (!user?.isAdmin) return <NotFoundState />;
  return (
    <>
      <PageHeader title={t('audit.platformTitle')} description={t('audit.platformDescription')} />
      <AuditLog partnershipId={null} />
    </>
  );
}
