import { Button, Card, Grid, SegmentedControl, Select, SimpleGrid, Skeleton, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAffiliate, IconFilterOff, IconPlus, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PARTNERSHIP_SORTS } from '../../../src/contracts/partnerships';
import { MODELS, STAGES } from '../../../src/domain/partnerships/partnership';
import { CountrySelect } from '../../components/fields';
import { EmptyState, LoadMore, PageError } from '../../components/page';
import { usePartnershipList, type PartnershipFilters } from './api';
import { PartnershipCard } from './partnership-card';

/** Public partnerships (and mine, when signed in): search, filters, sort, load more; state in the URL. */
export function PartnershipDirectory({ signedIn }: { signedIn: boolean }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const [dq] = useDebouncedValue(q, 300);
  const set = (key: string, value: string | null) =>
    setParams(
      (p) => {
        const n = new URLSearchParams(p);
        if (value) n.set(key, value);
        else n.delete(key);
        return n;
      },
      { replace: true },
    );
  useEffect(() => set('q', dq.trim() || null), [dq]); // eslint-disable-line react-hooks/exhaustive-deps

  const filters: PartnershipFilters = {
    q: params.get('q') ?? undefined,
    model: params.get('model') ?? undefined,
    stage: params.get('stage') ?? undefined,
    country: params.get('country') ?? undefined,
    mine: signedIn && params.get('mine') === 'true' ? 'true' : undefined,
    sort: params.get('sort') ?? 'name',
  };
  const list = usePartnershipList(filters);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = !!(filters.q || filters.model || filters.stage || filters.country);

  return (
    <Stack gap="lg">
      {signedIn && (
        <SegmentedControl
          aria-label={t('partnership.scope')}
          value={filters.mine ? 'mine' : 'all'}
          onChange={(v) => set('mine', v === 'mine' ? 'true' : null)}
          data={[
            { value: 'all', label: t('partnership.scopeAll') },
            { value: 'mine', label: t('partnership.scopeMine') },
          ]}
          style={{ alignSelf: 'flex-start' }}
        />
      )}
      <Card padding="md">
        <Grid gap="sm" align="flex-end">
          <Grid.Col span={{ base: 12, md: 4 }}>
            <TextInput label={t('common.search')} placeholder={t('partnership.searchPlaceholder')} leftSection={<IconSearch size={16} aria-hidden />} value={q} onChange={(e) => setQ(e.currentTarget.value)} type="search" />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 2 }}>
            <Select label={t('partnership.model')} placeholder={t('common.any')} clearable value={filters.model ?? null} onChange={(v) => set('model', v)} data={MODELS.map((m) => ({ value: m, label: t(`model.${m}.short`) }))} />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 2 }}>
            <Select label={t('partnership.stage')} placeholder={t('common.any')} clearable value={filters.stage ?? null} onChange={(v) => set('stage', v)} data={STAGES.map((s) => ({ value: s, label: t(`stage.${s}`) }))} />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 2 }}>
            <CountrySelect label={t('organisation.country')} placeholder={t('common.any')} value={filters.country ?? null} onChange={(v) => set('country', v)} />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 2 }}>
            <Select label={t('common.sort')} value={filters.sort ?? 'name'} allowDeselect={false} onChange={(v) => set('sort', v)} data={PARTNERSHIP_SORTS.map((s) => ({ value: s, label: t(`sort.${s}`) }))} />
          </Grid.Col>
        </Grid>
      </Card>
      {list.error ? (
        <PageError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.isLoading ? (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {Array.from({ length: 6 }, (_, i) => (
            <Skeleton key={i} h={200} radius="md" />
          ))}
        </SimpleGrid>
      ) : items.length === 0 ? (
        <Card>
          <EmptyState
            icon={IconAffiliate}
            title={filtered ? t('partnership.noMatchTitle') : filters.mine ? t('partnership.emptyMineTitle') : t('partnership.emptyTitle')}
            description={filtered ? t('partnership.noMatchBody') : t('partnership.emptyBody')}
            action={
              filtered ? (
                <Button
                  variant="default"
                  leftSection={<IconFilterOff size={16} aria-hidden />}
                  onClick={() => {
                    setQ('');
                    setParams(new URLSearchParams(filters.mine ? { mine: 'true' } : {}), { replace: true });
                  }}
                >
                  {t('common.clearFilters')}
                </Button>
              ) : signedIn ? (
                <Button component={Link} to="/partnerships/new" leftSection={<IconPlus size={16} aria-hidden />}>
                  {t('partnership.create')}
                </Button>
              ) : null
            }
          />
        </Card>
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
            {items.map((p) => (
              <PartnershipCard key={p.id} p={p} />
            ))}
          </SimpleGrid>
          <LoadMore hasMore={!!list.hasNextPage} loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()} shown={items.length} />
        </>
      )}
    </Stack>
  );
}
