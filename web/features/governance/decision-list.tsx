import { Anchor, Box, Button, Card, Grid, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { AnySelect, ClearFiltersButton, SearchFilter, SortSelect } from '../../components/directory';
import { IconGavel, IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DECISION_SORTS, DECISION_STATUSES } from '../../../src/contracts/governance';
import { useFormat } from '../../lib/format';
import { useDebouncedParam, useUrlState } from '../../lib/url-state';
import { EmptyState, LoadMore, PageError, PageLoader } from '../../components/page';
import { useDecisions } from '../../lib/queries';
import { DecisionStatusBadge, OutcomeBadge } from './badges';
import { CardHeading, ExportButton, ScrollTable } from '../../components/cards';
import { downloadCsv, fetchAll } from '../../lib/export';
import type { DecisionSummary, PartnershipDetail } from '../../lib/types';
import { useNow } from './use-now';

/** Decisions and polls, page by page: searched, filtered and sorted, with the filters kept in the address bar. */
export function DecisionList({ p, typeLabels }: { p: PartnershipDetail; typeLabels: Record<string, string> }) {
  const { t } = useTranslation();
  const f = useFormat();
  const now = useNow();
  const url = useUrlState();
  const { params, set } = url;
  const [q, setQ] = useDebouncedParam(url, 'q');
  const filters = { status: params.get('status'), kind: params.get('kind'), decisionType: params.get('type'), q: params.get('q'), sort: params.get('sort') };
  const { status } = filters;
  const filtered = Object.entries(filters).some(([k, v]) => k !== 'sort' && v);
  const list = useDecisions(p.id, filters);
  const items = list.data?.pages.flatMap((x) => x.items) ?? [];
  const canPropose = p.allowedActions.includes('partnership.decisions.propose') || p.allowedActions.includes('partnership.decisions.participate');
  return (
    <Card>
      <Stack gap="md">
        <CardHeading
          title={t('decisions.title')}
          intro={t('decisions.intro')}
          actions={
            <>
              {items.length > 0 && (
                <ExportButton
                  onExport={async () => {
                    const all = await fetchAll<DecisionSummary>(`/partnerships/${p.id}/decisions`, { status, kind: filters.kind, decisionType: filters.decisionType, q: filters.q, sort: filters.sort });
                    downloadCsv(
                      'decisions.csv',
                      ['#', t('decisions.titleLabel'), t('decisions.kind'), t('decisions.decisionType'), t('common.status'), t('decisions.opensAtCol'), t('decisions.closesAt'), t('decisions.outcomeCol'), t('decisions.gradeCol'), t('decisions.reviewOnLabel')],
                      all.map((d) => [d.number, d.title, t(`decisions.${d.kind}`), d.decisionType ? (typeLabels[d.decisionType] ?? d.decisionType) : '', t(`decisions.status.${d.status}`), d.opensAt, d.closesAt, d.outcome ? t(`decisions.outcome.${d.outcome}`) : '', d.grade ?? '', d.reviewOn ?? '']),
                    );
                  }}
                />
              )}
              {canPropose && (
                <Button component={Link} to={`/partnerships/${p.id}/decisions/new`} leftSection={<IconPlus size={16} aria-hidden />}>
                  {t('decisions.propose')}
                </Button>
              )}
            </>
          }
        />
        <Grid gap="sm" align="flex-end">
          <Grid.Col span={{ base: 12, md: 4 }}>
            <SearchFilter placeholder={t('decisions.searchPlaceholder')} value={q} onChange={setQ} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, xs: 6, md: 2 }}>
            <AnySelect label={t('common.status')} value={status} onChange={(v) => set('status', v)} data={DECISION_STATUSES.map((st) => ({ value: st, label: t(`decisions.statusFilter.${st}`) }))} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, xs: 6, md: 2 }}>
            <AnySelect
              label={t('decisions.kind')}
              value={filters.decisionType ? `type:${filters.decisionType}` : filters.kind}
              onChange={(v) => {
                set('kind', v && !v.startsWith('type:') ? v : null);
                set('type', v?.startsWith('type:') ? v.slice(5) : null);
              }}
              data={[
                { value: 'poll', label: t('decisions.poll') },
                { value: 'motion', label: t('decisions.motion') },
                ...Object.entries(typeLabels).map(([id, label]) => ({ value: `type:${id}`, label })),
              ]}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, xs: 6, md: 2 }}>
            <SortSelect sorts={DECISION_SORTS.map((x) => `decision_${x}`)} value={`decision_${filters.sort ?? 'newest'}`} onChange={(v) => set('sort', v && v !== 'decision_newest' ? v.slice('decision_'.length) : null)} />
          </Grid.Col>
          {filtered && (
            <Grid.Col span={{ base: 12, xs: 6, md: 2 }}>
              <ClearFiltersButton
                onClick={() => {
                  setQ('');
                  url.reset(filters.sort ? { sort: filters.sort } : {});
                }}
              />
            </Grid.Col>
          )}
        </Grid>
        {list.isLoading ? (
          <PageLoader />
        ) : list.error ? (
          <PageError error={list.error} onRetry={() => void list.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState
            icon={IconGavel}
            title={filtered ? t('decisions.noMatchTitle') : t('decisions.emptyTitle')}
            description={filtered ? t('decisions.noMatchBody') : canPropose ? t('decisions.emptyBodyPropose') : t('decisions.emptyBody')}
          />
        ) : (
          <>
            <Stack gap="xs" hiddenFrom="sm" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {items.map((d) => (
                <Paper key={d.id} component="li" withBorder p="sm" radius="md">
                  <Text size="xs" c="gray.7">
                    #{d.number} · {d.kind === 'poll' ? t('decisions.poll') : d.decisionType ? (typeLabels[d.decisionType] ?? d.decisionType) : t('decisions.motion')}
                  </Text>
                  <Anchor component={Link} to={`/partnerships/${p.id}/decisions/${d.id}`} fw={600} size="sm">
                    {d.title}
                  </Anchor>
                  <Group gap={6} mt={4}>
                    <DecisionStatusBadge status={d.status} size="sm" />
                    {d.outcome && <OutcomeBadge outcome={d.outcome} grade={d.grade} size="sm" />}
                  </Group>
                  <Text size="xs" c="gray.7" mt={4}>
                    {d.status === 'open' || d.status === 'proposed'
                      ? Date.parse(d.closesAt) > now
                        ? t('decisions.closesIn', { when: f.relative(d.closesAt, now) })
                        : t('decisions.closedAt', { when: f.dateTime(d.closedAt ?? d.closesAt) })
                      : f.date(d.closesAt)}
                    {d.reviewOn && ` · ${t('decisions.reviewOn', { date: f.date(d.reviewOn) })}`}
                  </Text>
                </Paper>
              ))}
            </Stack>
            <Box visibleFrom="sm">
              <ScrollTable minWidth={720} label={t('decisions.title')}>
                <Table verticalSpacing="sm" highlightOnHover>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>#</Table.Th>
                      <Table.Th>{t('decisions.decision')}</Table.Th>
                      <Table.Th>{t('common.status')}</Table.Th>
                      <Table.Th>{t('decisions.windowCol')}</Table.Th>
                      <Table.Th>{t('decisions.outcomeCol')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {items.map((d) => {
                      const closes = Date.parse(d.closesAt);
                      return (
                        <Table.Tr key={d.id}>
                          <Table.Td>
                            <Text size="sm" c="gray.7">
                              {d.number}
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            <Anchor component={Link} to={`/partnerships/${p.id}/decisions/${d.id}`} fw={600} size="sm">
                              {d.title}
                            </Anchor>
                            <Text size="xs" c="gray.7">
                              {d.kind === 'poll' ? t('decisions.poll') : d.decisionType ? (typeLabels[d.decisionType] ?? d.decisionType) : t('decisions.motion')}
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            <Box w="max-content">
                              <DecisionStatusBadge status={d.status} size="sm" />
                            </Box>
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                              {d.status === 'open' || d.status === 'proposed'
                                ? closes > now
                                  ? t('decisions.closesIn', { when: f.relative(d.closesAt, now) })
                                  : t('decisions.closedAt', { when: f.dateTime(d.closedAt ?? d.closesAt) })
                                : f.date(d.closesAt)}
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            {d.outcome ? (
                              <Box w="max-content">
                                <OutcomeBadge outcome={d.outcome} grade={d.grade} size="sm" />
                              </Box>
                            ) : d.status === 'closed' && d.kind === 'poll' ? (
                              <Text size="sm">{t('decisions.pollCounted')}</Text>
                            ) : (
                              <Text size="sm" c="gray.7">
                                —
                              </Text>
                            )}
                            {d.reviewOn && (
                              <Text size="xs" c="gray.7">
                                {t('decisions.reviewOn', { date: f.date(d.reviewOn) })}
                              </Text>
                            )}
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </ScrollTable>
            </Box>
            <Group justify="center">
              <LoadMore hasMore={!!list.hasNextPage} loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()} shown={items.length} />
            </Group>
          </>
        )}
      </Stack>
    </Card>
  );
}
