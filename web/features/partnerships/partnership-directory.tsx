import { Grid, SegmentedControl, Stack } from '@mantine/core';
import { IconAffiliate } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PARTNERSHIP_SORTS } from '../../../src/contracts/partnerships';
import { MODELS, STAGES, VISIBILITIES } from '../../../src/domain/partnerships/partnership';
import { SECTORS } from '../../../src/domain/organisations/organisation';
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
    sector: params.get('sector') ?? undefined,
    visibility: (signedIn && params.get('visibility')) || undefined,
    mine: signedIn && params.get('mine') === 'true' ? 'true' : undefined,
    sort: params.get('sort') ?? 'name',
  };
  const list = usePartnershipList(filters);
  const filtered = !!(filters.q || filters.model || filters.stage || filters.country || filters.sector || filters.visibility);

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
        <Grid.Col span={{ base: 12, md: 6 }}>
          <SearchFilter placeholder={t('partnership.searchPlaceholder')} value={q} onChange={setQ} />
        </Grid.Col>
        <Grid.Col span={{ base: 6, md: 3 }}>
          <AnySelect label={t('partnership.model')} value={filters.model ?? null} onChange={(v) => set('model', v)} data={MODELS.map((m) => ({ value: m, label: t(`model.${m}.short`) }))} />
        </Grid.Col>
        <Grid.Col span={{ base: 6, md: 3 }}>
          <AnySelect label={t('partnership.stage')} value={filters.stage ?? null} onChange={(v) => set('stage', v)} data={STAGES.map((s) => ({ value: s, label: t(`stage.${s}`) }))} />
        </Grid.Col>
        <Grid.Col span={{ base: 6, md: 3 }}>
          <AnySelect label={t('organisation.sector')} value={filters.sector ?? null} onChange={(v) => set('sector', v)} data={SECTORS.map((s) => ({ value: s, label: t(`sector.${s}`) }))} />
        </Grid.Col>
        <Grid.Col span={{ base: 6, md: 3 }}>
          <CountrySelect label={t('organisation.country')} placeholder={t('common.any')} value={filters.country ?? null} onChange={(v) => set('country', v)} />
        </Grid.Col>
        {signedIn && (
          <Grid.Col span={{ base: 6, md: 3 }}>
            <AnySelect label={t('partnership.visibility')} value={filters.visibility ?? null} onChange={(v) => set('visibility', v)} data={VISIBILITIES.map((v) => ({ value: v, label: t(`visibility.${v}`) }))} />
          </Grid.Col>
        )}
        <Grid.Col span={{ base: 6, md: 3 }}>
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
