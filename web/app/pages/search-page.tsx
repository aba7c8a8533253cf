import { Anchor, Card, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../lib/hooks';
import { EmptyState, PageError, PageHeader } from '../../components/page';
import { useOrganisationList } from '../../features/organisations/api';
import { OrganisationCard } from '../../features/organisations/organisation-card';
import { usePartnershipList } from '../../features/partnerships/api';
import { PartnershipCard } from '../../features/partnerships/partnership-card';

/** Global search: organisations and partnerships that match. */
export function SearchPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  useDocumentTitle(t('search.title'));
  const orgs = useOrganisationList({ q }, 6);
  const ps = usePartnershipList({ q }, 6);
  const orgItems = orgs.data?.pages[0]?.items ?? [];
  const pItems = ps.data?.pages[0]?.items ?? [];
  const loading = orgs.isLoading || ps.isLoading;
  return (
    <>
      <PageHeader title={q ? t('search.resultsFor', { q }) : t('search.title')} />
      {orgs.error || ps.error ? (
        <PageError error={orgs.error ?? ps.error} />
      ) : loading ? (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} h={160} />
          ))}
        </SimpleGrid>
      ) : orgItems.length === 0 && pItems.length === 0 ? (
        <Card>
          <EmptyState icon={IconSearch} title={t('search.noneTitle')} description={t('search.noneBody')} />
        </Card>
      ) : (
        <Stack gap="xl">
          <Stack gap="sm">
            <Group justify="space-between">
              <Title order={2} fz="xl">
                {t('nav.partnerships')}
              </Title>
              <Anchor component={Link} to={`/partnerships?q=${encodeURIComponent(q)}`} size="sm">
                {t('search.seeAllPartnerships')}
              </Anchor>
            </Group>
            {pItems.length === 0 ? (
              <Text c="gray.7">{t('search.noPartnerships')}</Text>
            ) : (
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
                {pItems.map((p) => (
                  <PartnershipCard key={p.id} p={p} />
                ))}
              </SimpleGrid>
            )}
          </Stack>
          <Stack gap="sm">
            <Group justify="space-between">
              <Title order={2} fz="xl">
                {t('nav.organisations')}
              </Title>
              <Anchor component={Link} to={`/organisations?q=${encodeURIComponent(q)}`} size="sm">
                {t('search.seeAllOrganisations')}
              </Anchor>
            </Group>
            {orgItems.length === 0 ? (
              <Text c="gray.7">{t('search.noOrganisations')}</Text>
            ) : (
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
                {orgItems.map((o) => (
                  <OrganisationCard key={o.id} org={o} />
                ))}
              </SimpleGrid>
            )}
          </Stack>
        </Stack>
      )}
    </>
  );
}
