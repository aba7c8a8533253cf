import { Grid, SegmentedControl, Stack, TextInput } from '@mantine/core';
import { IconBuilding } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ORGANISATION_SORTS } from '../../../src/contracts/organisations';
import { useDebouncedParam, useUrlState } from '../../lib/url-state';
import { ClearFiltersButton, CreateLink, DirectoryResults, FilterBar, SearchFilter, SortSelect } from '../../components/directory';
import { CountrySelect, SectorSelect } from '../../components/fields';
import { EmptyState } from '../../components/page';
import { useOrganisationList, type OrganisationFilters } from './api';
import { OrganisationCard } from './organisation-card';

/** The organisation directory: search, filters (sector, country, offers/seeks tag), sort, load more; state in the URL. */
export function OrganisationDirectory({ canCreate }: { canCreate: boolean }) {
  const { t } = useTranslation();
  const url = useUrlState();
  const { params, set } = url;
  const [q, setQ] = useDebouncedParam(url, 'q');
  const [tag, setTag] = useDebouncedParam(url, 'tag');

  const filters: OrganisationFilters = {
    q: params.get('q') ?? undefined,
    sector: params.get('sector') ?? undefined,
    country: params.get('country') ?? undefined,
    tag: params.get('tag') ?? undefined,
    tagKind: params.get('tag') ? (params.get('tagKind') ?? undefined) : undefined,
    sort: params.get('sort') ?? 'name',
  };
  const list = useOrganisationList(filters);
  const filtered = !!(filters.q || filters.sector || filters.country || filters.tag);

  return (
    <Stack gap="lg">
      <FilterBar>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <SearchFilter placeholder={t('organisation.searchPlaceholder')} value={q} onChange={setQ} />
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
          <SortSelect sorts={ORGANISATION_SORTS} value={filters.sort ?? 'name'} onChange={(v) => set('sort', v)} />
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
      </FilterBar>
      <DirectoryResults
        list={list}
        cardHeight={150}
        renderItem={(o) => <OrganisationCard key={o.id} org={o} />}
        empty={
          <EmptyState
            icon={IconBuilding}
            title={filtered ? t('organisation.noMatchTitle') : t('organisation.emptyTitle')}
            description={filtered ? t('organisation.noMatchBody') : t('organisation.emptyBody')}
            action={
              filtered ? (
                <ClearFiltersButton
                  onClick={() => {
                    setQ('');
                    setTag('');
                    url.reset();
                  }}
                />
              ) : canCreate ? (
                <CreateLink to="/organisations/new" label={t('organisation.create')} />
              ) : null
            }
          />
        }
      />
    </Stack>
  );
}
