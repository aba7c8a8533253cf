import { Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../lib/session';
import { useDocumentTitle } from '../../lib/hooks';
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
        actions={
          user ? (
            <Button component={Link} to="/organisations/new" leftSection={<IconPlus size={16} aria-hidden />}>
              {t('organisation.create')}
            </Button>
          ) : undefined
        }
      />
      <OrganisationDirectory canCreate={!!user} />
    </>
  );
}
