import { useTranslation } from 'react-i18next';
import { useSession } from '../../lib/session';
import { useDocumentTitle } from '../../lib/hooks';
import { CreateLink } from '../../components/directory';
import { PageHeader } from '../../components/page';
import { OrganisationDirectory } from '../../features/organisations/organisation-directory';

export function OrganisationsPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  useDocumentTitle(t('nav.organisations'));
  return (
    <>
      <PageHeader
        title={t('organisation.directoryTitle')}
        description={t('organisation.directoryIntro')}
        actions={user ? <CreateLink to="/organisations/new" label={t('organisation.create')} /> : undefined}
      />
      <OrganisationDirectory canCreate={!!user} />
    </>
  );
}
