import { Anchor, Box, Button, Card, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { AnySelect } from '../../components/directory';
import { IconGavel, IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DECISION_STATUSES } from '../../../src/contracts/governance';
import { useFormat } from '../../lib/format';
import { useUrlState } from '../../lib/url-state';
import { EmptyState, LoadMore, PageError, PageLoader } from '../../components/page';
import { useDecisions } from './api';
import { CardHeading, DecisionStatusBadge, ExportButton, OutcomeBadge, ScrollTable } from './badges';
import { downloadCsv, fetchAll } from './export';
import type { DecisionSummary, PartnershipDetail } from '../../lib/types';
import { useNow } from './use-now';

/** Decisions and polls, newest first, filtered by status (kept in the address bar), page by page. */
export function DecisionList({ p, typeLabels }: { p: PartnershipDetail; typeLabels: Record<string, string> }) {
  const { t } = useTranslation();
  const f = useFormat();
  const now = useNow();
  const { params, set } = useUrlState();
  const status = params.get('status');
  const list = useDecisions(p.id, status);
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
                    const all = await fetchAll<DecisionSummary>(`/partnerships/${p.id}/decisions`, { status });
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
        <AnySelect
          label={t('common.status')}
          value={status}
          onChange={(v) => set('status', v)}
          data={DECISION_STATUSES.map((st) => ({ value: st, label: t(`decisions.statusFilter.${st}`) }))}
          w={{ base: '100%', xs: 240 }}
        />
        {list.isLoading ? (
          <PageLoader />
        ) : list.error ? (
          <PageError error={list.error} onRetry={() => void list.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState
            icon={IconGavel}
            title={status ? t('decisions.noMatchTitle') : t('decisions.emptyTitle')}
            description={status ? t('decisions.noMatchBody') : canPropose ? t('decisions.emptyBodyPropose') : t('decisions.emptyBody')}
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
