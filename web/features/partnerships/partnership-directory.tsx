import { Grid, SegmentedControl, Stack } from '@mantine/core';
import { IconAffiliate } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PARTNERSHIP_SORTS } from '../../../src/contracts/partnerships';
import { MODELS, STAGES } from '../../../src/domain/partnerships/partnership';
import { useDebouncedParam, useUrlState } from '../../lib/url-state';
import { AnySelect, ClearFiltersButton, CreateLink, DirectoryResults, FilterBar, SearchFilter, SortSelect } from '../../components/directory';
import { CountrySelect } from '../../components/fields';
import { EmptyState } from '../../components/page';
import { usePartnershipList, type PartnershipFilters } from './api';
import { PartnershipCard } from './partnership-card';

/** Public partnerships (and mine, when signed in): search, filters, sort, load more; state in the URL. */
export function PartnershipDirectory({ signedIn }: { signedIn: boolean }) {
  const { t } = useTranslation();
  const url = useUrlState();
  const { params, set } = url;
  const [q, setQ] = useDebouncedParam(url, 'q');

  const filters: PartnershipFilters = {
    q: params.get('q') ?? undefined,
    model: params.get('model') ?? undefined,
    stage: params.get('stage') ?? undefined,
    country: params.get('country') ?? undefined,
    mine: signedIn && params.get('mine') === 'true' ? 'true' : undefined,
    sort: params.get('sort') ?? 'name',
  };
  const list = usePartnershipList(filters);
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
      <FilterBar>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <SearchFilter placeholder={t('partnership.searchPlaceholder')} value={q} onChange={setQ} />
        </Grid.Col>
        <Grid.Col span={{ base: 6, md: 2 }}>
          <AnySelect label={t('partnership.model')} value={filters.model ?? null} onChange={(v) => set('model', v)} data={MODELS.map((m) => ({ value: m, label: t(`model.${m}.short`) }))} />
        </Grid.Col>
        <Grid.Col span={{ base: 6, md: 2 }}>
          <AnySelect label={t('partnership.stage')} value={filters.stage ?? null} onChange={(v) => set('stage', v)} data={STAGES.map((s) => ({ value: s, label: t(`stage.${s}`) }))} />
        </Grid.Col>
        <Grid.Col span={{ base: 6, md: 2 }}>
          <CountrySelect label={t('organisation.country')} placeholder={t('common.any')} value={filters.country ?? null} onChange={(v) => set('country', v)} />
        </Grid.Col>
        <Grid.Col span={{ base: 6, md: 2 }}>
          <SortSelect sorts={PARTNERSHIP_SORTS} value={filters.sort ?? 'name'} onChange={(v) => set('sort', v)} />
        </Grid.Col>
      </FilterBar>
      <DirectoryResults
        list={list}
        cardHeight={200}
        renderItem={(p) => <PartnershipCard key={p.id} p={p} />}
        empty={
          <EmptyState
            icon={IconAffiliate}
            title={filtered ? t('partnership.noMatchTitle') : filters.mine ? t('partnership.emptyMineTitle') : t('partnership.emptyTitle')}
            description={filtered ? t('partnership.noMatchBody') : t('partnership.emptyBody')}
            action={
              filtered ? (
                <ClearFiltersButton
                  onClick={() => {
                    setQ('');
                    url.reset(filters.mine ? { mine: 'true' } : {});
                  }}
                />
              ) : signedIn ? (
                <CreateLink to="/partnerships/new" label={t('partnership.create')} />
              ) : null
            }
          />
        }
      />
    </Stack>
  );
}
