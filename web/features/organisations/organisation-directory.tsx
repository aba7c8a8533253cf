import { Button, Card, Grid, Group, SegmentedControl, Select, SimpleGrid, Skeleton, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBuilding, IconFilterOff, IconPlus, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ORGANISATION_SORTS } from '../../../src/contracts/organisations';
import { CountrySelect, SectorSelect } from '../../components/fields';
import { EmptyState, LoadMore, PageError } from '../../components/page';
import { useOrganisationList, type OrganisationFilters } from './api';
import { OrganisationCard } from './organisation-card';

/** The organisation directory: search, filters (sector, country, offers/seeks tag), sort, load more; state in the URL. */
export function OrganisationDirectory({ canCreate }: { canCreate: boolean }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const [tag, setTag] = useState(params.get('tag') ?? '');
  const [dq] = useDebouncedValue(q, 300);
  const [dtag] = useDebouncedValue(tag, 300);

  const set = (key: string, value: string | null) => {
    setParams(
      (p) => {
        const n = new URLSearchParams(p);
        if (value) n.set(key, value);
        else n.delete(key);
        return n;
      },
      { replace: true },
    );
  };
  useEffect(() => set('q', dq.trim() || null), [dq]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => set('tag', dtag.trim() || null), [dtag]); // eslint-disable-line react-hooks/exhaustive-deps

  const filters: OrganisationFilters = {
    q: params.get('q') ?? undefined,
    sector: params.get('sector') ?? undefined,
    country: params.get('country') ?? undefined,
    tag: params.get('tag') ?? undefined,
    tagKind: params.get('tag') ? (params.get('tagKind') ?? undefined) : undefined,
    sort: params.get('sort') ?? 'name',
  };
  const list = useOrganisationList(filters);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = !!(filters.q || filters.sector || filters.country || filters.tag);

  return (
    <Stack gap="lg">
      <Card padding="md">
        <Grid gap="sm" align="flex-end">
          <Grid.Col span={{ base: 12, md: 4 }}>
            <TextInput label={t('common.search')} placeholder={t('organisation.searchPlaceholder')} leftSection={<IconSearch size={16} aria-hidden />} value={q} onChange={(e) => setQ(e.currentTarget.value)} type="search" />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 2 }}>
            <SectorSelect label={t('organisation.sector')} placeholder={t('common.any')} clearable value={filters.sector ?? null} onChange={(v) => set('sector', v)} />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 2 }}>
            <CountrySelect label={t('organisation.country')} placeholder={t('common.any')} value={filters.country ?? null} onChange={(v) => set('country', v)} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 8, md: 2 }}>
            <TextInput label={t('organisation.tag')} placeholder={t('organisation.tagPlaceholder')} value={tag} onChange={(e) => setTag(e.currentTarget.value)} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4, md: 2 }}>
            <Select
              label={t('common.sort')}
              value={filters.sort ?? 'name'}
              allowDeselect={false}
              onChange={(v) => set('sort', v)}
              data={ORGANISATION_SORTS.map((s) => ({ value: s, label: t(`sort.${s}`) }))}
            />
          </Grid.Col>
          {filters.tag && (
            <Grid.Col span={12}>
              <SegmentedControl
                aria-label={t('organisation.tagKind')}
                size="xs"
                value={filters.tagKind ?? 'any'}
                onChange={(v) => set('tagKind', v === 'any' ? null : v)}
                data={[
                  { value: 'any', label: t('organisation.tagAny') },
                  { value: 'offers', label: t('organisation.offers') },
                  { value: 'seeks', label: t('organisation.seeks') },
                ]}
              />
            </Grid.Col>
          )}
        </Grid>
      </Card>

      {list.error ? (
        <PageError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.isLoading ? (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {Array.from({ length: 6 }, (_, i) => (
            <Skeleton key={i} h={150} radius="md" />
          ))}
        </SimpleGrid>
      ) : items.length === 0 ? (
        <Card>
          <EmptyState
            icon={IconBuilding}
            title={filtered ? t('organisation.noMatchTitle') : t('organisation.emptyTitle')}
            description={filtered ? t('organisation.noMatchBody') : t('organisation.emptyBody')}
            action={
              filtered ? (
                <Button
                  variant="default"
                  leftSection={<IconFilterOff size={16} aria-hidden />}
                  onClick={() => {
                    setQ('');
                    setTag('');
                    setParams(new URLSearchParams(), { replace: true });
                  }}
                >
                  {t('common.clearFilters')}
                </Button>
              ) : canCreate ? (
                <Button component={Link} to="/organisations/new" leftSection={<IconPlus size={16} aria-hidden />}>
                  {t('organisation.create')}
                </Button>
              ) : null
            }
          />
        </Card>
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
            {items.map((o) => (
              <OrganisationCard key={o.id} org={o} />
            ))}
          </SimpleGrid>
          <LoadMore hasMore={!!list.hasNextPage} loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()} shown={items.length} />
        </>
      )}
      <Group />
    </Stack>
  );
}
