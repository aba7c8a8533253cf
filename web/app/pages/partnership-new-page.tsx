import { Button, Card } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBuilding } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../lib/hooks';
import { EmptyState, PageError, PageHeader, PageLoader } from '../../components/page';
import { useHome } from '../../features/home/api';
import { pKeys } from '../../features/partnerships/api';
import { PartnershipCreateForm } from '../../features/partnerships/partnership-create-form';

export function PartnershipNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const home = useHome();
  useDocumentTitle(t('partnership.newTitle'));
  const header = <PageHeader crumbs={[{ label: t('nav.partnerships'), to: '/partnerships' }, { label: t('partnership.newTitle') }]} title={t('partnership.newTitle')} description={t('partnership.newIntro')} />;
  if (home.isLoading) return <PageLoader />;
  if (home.error) return <PageError error={home.error} />;
  const orgs = home.data!.organisations;
  if (orgs.length === 0)
    return (
      <>
        {header}
        <Card>
          <EmptyState
            icon={IconBuilding}
            title={t('partnership.needOrganisationTitle')}
            description={t('partnership.needOrganisationBody')}
            action={
              <Button component={Link} to="/organisations/new">
                {t('organisation.create')}
              </Button>
            }
          />
        </Card>
      </>
    );
  return (
    <>
      {header}
      <PartnershipCreateForm
        organisations={orgs}
        onCancel={() => navigate('/partnerships')}
        onCreated={(p) => {
          qc.setQueryData(pKeys.one(p.id), p);
          void qc.invalidateQueries({ queryKey: pKeys.all });
          void qc.invalidateQueries({ queryKey: ['home'] });
          notifications.show({ color: 'teal', message: t('partnership.created', { name: p.name }) });
          navigate(`/partnerships/${p.id}`);
        }}
      />
    </>
  );
}
