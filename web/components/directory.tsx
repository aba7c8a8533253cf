import { Button, Card, Grid, Select, SimpleGrid, Skeleton, TextInput, type SelectProps } from '@mantine/core';
import { IconFilterOff, IconPlus, IconSearch } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LoadMore, PageError } from './page';

/** The card holding a directory's filters, laid out on a grid whose columns the caller sets. */
export function FilterBar({ children }: { children: ReactNode }) {
  return (
    <Card padding="md">
      <Grid gap="sm" align="flex-end">
        {children}
      </Grid>
    </Card>
  );
}

/** The free-text search box of a directory. */
export function SearchFilter({ placeholder, value, onChange }: { placeholder: string; value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  return <TextInput label={t('common.search')} placeholder={placeholder} leftSection={<IconSearch size={16} aria-hidden />} value={value} onChange={(e) => onChange(e.currentTarget.value)} type="search" />;
}

/** The sort order of a directory, labelled from `sort.<value>`. */
export function SortSelect({ sorts, value, onChange }: { sorts: readonly string[]; value: string; onChange: (value: string | null) => void }) {
  const { t } = useTranslation();
  return <Select label={t('common.sort')} value={value} allowDeselect={false} onChange={onChange} data={sorts.map((s) => ({ value: s, label: t(`sort.${s}`) }))} />;
}

/** A filter that may be left at "any". */
export function AnySelect(props: SelectProps) {
  const { t } = useTranslation();
  return <Select placeholder={t('common.any')} clearable {...props} />;
}

export function ClearFiltersButton({ onClick }: { onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <Button variant="default" leftSection={<IconFilterOff size={16} aria-hidden />} onClick={onClick}>
      {t('common.clearFilters')}
    </Button>
  );
}

/** The primary "create one" link of a directory (its header, its empty state). */
export function CreateLink({ to, label }: { to: string; label: string }) {
  return (
    <Button component={Link} to={to} leftSection={<IconPlus size={16} aria-hidden />}>
      {label}
    </Button>
  );
}

/** What a cursor-paged list query offers the directory (TanStack's infinite query fits). */
export interface PagedList<T> {
  data?: { pages: { items: T[] }[] };
  error: unknown;
  isLoading: boolean;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
  refetch: () => unknown;
}

/** A directory's results: skeleton cards while loading, the error, an empty state, or the cards with "load more". */
export function DirectoryResults<T>({ list, cardHeight, empty, renderItem }: { list: PagedList<T>; cardHeight: number; empty: ReactNode; renderItem: (item: T) => ReactNode }) {
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  if (list.error) return <PageError error={list.error} onRetry={() => void list.refetch()} />;
  if (list.isLoading)
    return (
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} h={cardHeight} radius="md" />
        ))}
      </SimpleGrid>
    );
  if (items.length === 0) return <Card>{empty}</Card>;
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        {items.map(renderItem)}
      </SimpleGrid>
      <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()} shown={items.length} />
    </>
  );
}
