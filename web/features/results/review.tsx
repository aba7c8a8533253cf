import { Anchor, Box, Card, Grid, Paper, Stack, Table, Text, Group } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SUBMISSION_STATUSES } from '../../../src/domain/accountability/indicators-submissions';
import { useFormat } from '../../lib/format';
import type { PartnershipDetail } from '../../lib/types';
import { useUrlState } from '../../lib/url-state';
import { AnySelect, ClearFiltersButton } from '../../components/directory';
import { EmptyState, LoadMore, PageError, PageLoader } from '../../components/page';
import { CardHeading, ExportButton, ScrollTable } from '../../components/cards';
import { downloadCsv, fetchAll } from '../../lib/export';
import { rKeys, useResultsTree, useSubmissions, type SubmissionPage } from './api';
import { SubmissionStatusBadge } from './meta';
import { formatExact } from './numbers';
import { ReviewButtons } from './report';

type Item = SubmissionPage['items'][number];

/**
 * The review queue: submissions newest first, by default those waiting for the convener; filters in the address
 * bar. Conveners approve or return from the list; everyone else sees where reports stand.
 */
export function ReviewQueue({ p }: { p: PartnershipDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const url = useUrlState();
  const { params, set } = url;
  // "submitted" unless the reader chose otherwise ("all" shows every status)
  const statusParam = params.get('status');
  const status = statusParam === 'all' ? null : (statusParam ?? 'submitted');
  const partnerId = params.get('partner');
  const indicatorId = params.get('indicator');
  const filtered = !!(statusParam || partnerId || indicatorId);
  const list = useSubmissions(p.id, { status, partnerId, indicatorId });
  const tree = useResultsTree(p.id);
  const reviewer = !!tree.data?.allowedActions.includes('review');
  const items = list.data?.pages.flatMap((x) => x.items) ?? [];
  const base = `/partnerships/${p.id}`;
  const refresh = () => qc.invalidateQueries({ queryKey: rKeys.all(p.id) });
  const actions = (s: Item) => (reviewer && s.status === 'submitted' ? (['approve', 'return'] as const).slice() : []);
  const value = (s: Item) => (s.value === null ? '—' : /^-?\d+(\.\d+)?$/.test(s.value) ? formatExact(s.value, f.locale) : s.value);
  return (
    <Card>
      <Stack gap="md">
        <CardHeading
          title={t('results.review.title')}
          intro={reviewer ? t('results.review.introReviewer') : t('results.review.intro')}
          actions={
            items.length > 0 && (
              <ExportButton
                onExport={async () => {
                  const all = await fetchAll<Item>(`/partnerships/${p.id}/indicator-submissions`, { status, partnerId, indicatorId });
                  downloadCsv(
                    'indicator-submissions.csv',
                    [t('results.indicatorLabel'), t('results.period'), t('results.partner'), t('results.review.value'), t('common.status'), t('results.submission.firstSubmitted'), t('results.review.comment')],
                    all.map((s) => [s.indicatorTitle, s.periodKey, s.partnerName, s.value ?? '', t(`results.status.${s.status}`), s.firstSubmittedOn ?? '', s.reviewComment ?? '']),
                  );
                }}
              />
            )
          }
        />
        <Grid gap="sm" align="flex-end">
          <Grid.Col span={{ base: 12, xs: 6, md: 3 }}>
            <AnySelect
              label={t('common.status')}
              value={statusParam ?? 'submitted'}
              clearable={false}
              allowDeselect={false}
              onChange={(v) => set('status', v === 'submitted' ? null : v)}
              data={[{ value: 'all', label: t('results.review.allStatuses') }, ...SUBMISSION_STATUSES.map((s) => ({ value: s, label: t(`results.status.${s}`) }))]}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, xs: 6, md: 3 }}>
            <AnySelect label={t('results.partner')} value={partnerId} onChange={(v) => set('partner', v)} searchable data={p.members.map((m) => ({ value: m.organisationId, label: m.organisationName }))} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, xs: 6, md: 4 }}>
            <AnySelect label={t('results.indicatorLabel')} value={indicatorId} onChange={(v) => set('indicator', v)} searchable data={(tree.data?.indicators ?? []).map((i) => ({ value: i.id, label: i.title }))} />
          </Grid.Col>
          {filtered && (
            <Grid.Col span={{ base: 12, xs: 6, md: 2 }}>
              <ClearFiltersButton onClick={() => url.reset()} />
            </Grid.Col>
          )}
        </Grid>
        {list.isLoading ? (
          <PageLoader />
        ) : list.error ? (
          <PageError error={list.error} onRetry={() => void list.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState
            icon={IconInbox}
            title={status === 'submitted' && !partnerId && !indicatorId ? t('results.review.emptyTitle') : t('results.review.noMatchTitle')}
            description={status === 'submitted' && !partnerId && !indicatorId ? t('results.review.emptyBody') : t('results.review.noMatchBody')}
          />
        ) : (
          <>
            <Stack gap="xs" hiddenFrom="sm" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {items.map((s) => (
                <Paper key={s.id} component="li" withBorder p="sm" radius="md">
                  <Text size="xs" c="gray.7">
                    {s.periodKey} · {s.partnerName}
                  </Text>
                  <Anchor component={Link} to={`${base}/results/submissions/${s.id}`} fw={600} size="sm">
                    {s.indicatorTitle}
                  </Anchor>
                  <Group gap={6} mt={4} justify="space-between">
                    <SubmissionStatusBadge status={s.status} />
                    <Text size="sm" fw={600}>
                      {value(s)}
                    </Text>
                  </Group>
                  {actions(s).length > 0 && (
                    <Box mt={6}>
                      <ReviewButtons p={p} s={{ ...s, allowedActions: actions(s) }} onDone={refresh} size="xs" />
                    </Box>
                  )}
                </Paper>
              ))}
            </Stack>
            <Box visibleFrom="sm">
              <ScrollTable minWidth={820} label={t('results.review.title')}>
                <Table verticalSpacing="sm" highlightOnHover>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('results.indicatorLabel')}</Table.Th>
                      <Table.Th>{t('results.period')}</Table.Th>
                      <Table.Th>{t('results.partner')}</Table.Th>
                      <Table.Th ta="right">{t('results.review.value')}</Table.Th>
                      <Table.Th>{t('common.status')}</Table.Th>
                      <Table.Th>{t('results.review.when')}</Table.Th>
                      {reviewer && <Table.Th>{t('common.actions')}</Table.Th>}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {items.map((s) => (
                      <Table.Tr key={s.id}>
                        <Table.Td>
                          <Anchor component={Link} to={`${base}/results/submissions/${s.id}`} fw={600} size="sm">
                            {s.indicatorTitle}
                          </Anchor>
                          {s.note && (
                            <Text size="xs" c="gray.7" lineClamp={1}>
                              {s.note}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{s.periodKey}</Table.Td>
                        <Table.Td>{s.partnerName}</Table.Td>
                        <Table.Td ta="right">
                          <Text size="sm" fw={600}>
                            {value(s)}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Box w="max-content">
                            <SubmissionStatusBadge status={s.status} />
                          </Box>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{f.date(s.reviewedAt ?? s.submittedAt ?? s.updatedAt)}</Text>
                        </Table.Td>
                        {reviewer && <Table.Td>{actions(s).length > 0 && <ReviewButtons p={p} s={{ ...s, allowedActions: actions(s) }} onDone={refresh} size="xs" />}</Table.Td>}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollTable>
            </Box>
            <LoadMore hasMore={!!list.hasNextPage} loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()} shown={items.length} />
          </>
        )}
      </Stack>
    </Card>
  );
}
