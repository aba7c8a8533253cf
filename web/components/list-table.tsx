import { Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from './confirm';
import type { PagedList } from './directory';
import { LoadMore, PageError, PageLoader, ProblemAlert } from './page';

/**
 * A list shown as a table inside a card: the loader, the error or the empty state until there are rows.
 * `headers` name the columns; `withActions` adds a last column for per-row actions (its header is for
 * screen readers only).
 */
export function ListTable({
  loading,
  error,
  onRetry,
  isEmpty,
  empty,
  minWidth,
  headers,
  withActions = false,
  highlightOnHover = true,
  children,
}: {
  loading: boolean;
  error: unknown;
  onRetry?: () => void;
  isEmpty: boolean;
  empty: ReactNode;
  minWidth: number;
  headers: string[];
  withActions?: boolean;
  highlightOnHover?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  if (loading) return <PageLoader />;
  if (error) return <PageError error={error} onRetry={onRetry} />;
  if (isEmpty) return <>{empty}</>;
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table verticalSpacing="sm" highlightOnHover={highlightOnHover}>
        <Table.Thead>
          <Table.Tr>
            {headers.map((h) => (
              <Table.Th key={h}>{h}</Table.Th>
            ))}
            {withActions && (
              <Table.Th>
                <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * A cursor-paged list (TanStack's infinite query) as a ListTable: its states come from the query, its rows from
 * `children` given every item loaded so far, and "Load more" goes under it.
 */
export function PagedListTable<T>({
  list,
  children,
  ...table
}: Omit<Parameters<typeof ListTable>[0], 'loading' | 'error' | 'onRetry' | 'isEmpty' | 'children'> & { list: PagedList<T>; children: (items: T[]) => ReactNode }) {
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <ListTable loading={list.isLoading} error={list.error} onRetry={() => void list.refetch()} isEmpty={items.length === 0} {...table}>
        {children(items)}
      </ListTable>
      {items.length > 0 && <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()} shown={items.length} />}
    </>
  );
}

/** A person in a table cell: the name, and the e-mail address under it when known. */
export function PersonCell({ name, email, emailColor = 'gray.7' }: { name: string; email?: string | null; emailColor?: string }) {
  return (
    <Table.Td>
      <Text size="sm" fw={600}>
        {name}
      </Text>
      {email && (
        <Text size="xs" c={emailColor}>
          {email}
        </Text>
      )}
    </Table.Td>
  );
}

/** The last cell of a row: one destructive action behind a confirmation; `label` names both the button and the confirming action. */
export function ConfirmCell({ label, ariaLabel, title, message, onConfirm }: { label: string; ariaLabel: string; title: string; message: ReactNode; onConfirm: () => Promise<unknown> }) {
  return (
    <Table.Td ta="right">
      <ConfirmButton label={label} buttonProps={{ 'aria-label': ariaLabel }} title={title} message={message} confirmLabel={label} onConfirm={onConfirm} />
    </Table.Td>
  );
}

/** A small form under a list that adds to it: its title, the API's error, then the fields. */
export function InlineAddForm({ title, error, onSubmit, children }: { title: string; error: unknown; onSubmit: (e?: React.FormEvent<HTMLFormElement>) => void; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <form noValidate onSubmit={onSubmit}>
      <Stack gap="sm">
        <Text fw={600} size="sm">
          {title}
        </Text>
        <ProblemAlert error={error} title={t('errors.notSaved')} />
        {children}
      </Stack>
    </form>
  );
}
