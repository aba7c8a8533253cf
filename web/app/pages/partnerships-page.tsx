import { Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../lib/session';
import { useDocumentTitle } from '../../lib/hooks';
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
        actions={
          user ? (
            <Button component={Link} to="/partnerships/new" leftSection={<IconPlus size={16} aria-hidden />}>
              {t('partnership.create')}
            </Button>
          ) : undefined
        }
      />
      <PartnershipDirectory signedIn={!!user} />
    </>
  );
}
