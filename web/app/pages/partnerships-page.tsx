import { useTranslation } from 'react-i18next';
import { useSession } from '../../lib/session';
import { useDocumentTitle } from '../../lib/hooks';
import { CreateLink } from '../../components/directory';
import { PageHeader } from '../../components/page';
import { PartnershipDirectory } from '../../features/partnerships/partnership-directory';

export function PartnershipsPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  useDocumentTitle(t('nav.partnerships'));
  return (
    <>
      <PageHeader
        title={t('partnership.directoryTitle')}
        description={user ? t('partnership.directoryIntroSignedIn') : t('partnership.directoryIntro')}
        actions={user ? <CreateLink to="/partnerships/new" label={t('partnership.create')} /> : undefined}
      />
      <PartnershipDirectory signedIn={!!user} />
    </>
  );
}
