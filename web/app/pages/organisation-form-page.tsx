import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../lib/hooks';
import { PageError, PageHeader, PageLoader } from '../../components/page';
import { orgKeys, useOrganisation } from '../../features/organisations/api';
import { OrganisationForm } from '../../features/organisations/organisation-form';

export function OrganisationFormPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const org = useOrganisation(id);
  const title = id ? t('organisation.editTitle') : t('organisation.newTitle');
  useDocumentTitle(title);
  if (id && org.isLoading) return <PageLoader />;
  if (id && org.error) return <PageError error={org.error} />;
  return (
    <>
      <PageHeader
        crumbs={[{ label: t('nav.organisations'), to: '/organisations' }, ...(org.data ? [{ label: org.data.name, to: `/organisations/${org.data.id}` }] : []), { label: title }]}
        title={title}
        description={id ? undefined : t('organisation.newIntro')}
      />
      <OrganisationForm
        key={org.data?.updatedAt ?? 'new'}
        initial={org.data}
        onCancel={() => navigate(id ? `/organisations/${id}` : '/organisations')}
        onSaved={(o) => {
          qc.setQueryData(orgKeys.one(o.id), o);
          void qc.invalidateQueries({ queryKey: orgKeys.all });
          void qc.invalidateQueries({ queryKey: ['home'] });
          notifications.show({ color: 'teal', message: id ? t('common.saved') : t('organisation.created', { name: o.name }) });
          navigate(`/organisations/${o.id}`);
        }}
      />
    </>
  );
}
