import { Anchor, Card, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../lib/hooks';
import { EmptyState, PageError, PageHeader } from '../../components/page';
import { useOrganisationList } from '../../features/organisations/api';
import { OrganisationCard } from '../../features/organisations/organisation-card';
import { usePartnershipList } from '../../features/partnerships/api';
import { PartnershipCard } from '../../features/partnerships/partnership-card';

/** One kind of result: a heading with a link to the full directory, then the cards (or a line saying there are none). */
function ResultSection({ title, seeAll, seeAllLabel, none, children }: { title: string; seeAll: string; seeAllLabel: string; none: string; children: ReactNode[] }) {
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2} fz="xl">
          {title}
        </Title>
        <Anchor component={Link} to={seeAll} size="sm">
          {seeAllLabel}
        </Anchor>
      </Group>
      {children.length === 0 ? <Text c="gray.7">{none}</Text> : <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>{children}</SimpleGrid>}
    </Stack>
  );
}

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
          <ResultSection title={t('nav.partnerships')} seeAll={`/partnerships?q=${encodeURIComponent(q)}`} seeAllLabel={t('search.seeAllPartnerships')} none={t('search.noPartnerships')}>
            {pItems.map((p) => (
              <PartnershipCard key={p.id} p={p} />
            ))}
          </ResultSection>
          <ResultSection title={t('nav.organisations')} seeAll={`/organisations?q=${encodeURIComponent(q)}`} seeAllLabel={t('search.seeAllOrganisations')} none={t('search.noOrganisations')}>
            {orgItems.map((o) => (
              <OrganisationCard key={o.id} org={o} />
            ))}
          </ResultSection>
        </Stack>
      )}
    </>
  );
}
