import { Anchor, Box, Button, Card, Grid, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { IconHeartHandshake, IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { COMMITMENT_STATUSES, RESOURCE_KINDS } from '../../../src/domain/accountability/commitments';
import { CardHeading, ExportButton, ScrollTable } from '../../components/cards';
import { AnySelect, ClearFiltersButton } from '../../components/directory';
import { EmptyState, LoadMore, PageError, PageLoader } from '../../components/page';
import { downloadCsv, fetchAll } from '../../lib/export';
import { useFormat } from '../../lib/format';
import type { PartnershipDetail } from '../../lib/types';
import { useUrlState } from '../../lib/url-state';
import { useCommitments, type CommitmentSummary } from './api';
import { orgNames, useActing } from './acting';
import { CommitmentStatusBadge, DeliveryProgress, KindBadge, MoneyText } from './badges';
import { formatQuantity, toNumber } from '../../lib/money';
import { PledgeOverview } from './pledge-chart';
import { ResourcesTabs } from './tabs';

/** Share of the valuation recorded but not yet confirmed, for the lighter part of the progress bar. */
const pendingShare = (c: CommitmentSummary) => {
  const total = toNumber(c.valuation);
  return total > 0 ? (toNumber(c.progress.pending) / total) * 100 : 0;
};

/** The commitments page: pledged versus delivered, then every commitment, filtered in the address bar. */
export function CommitmentsPage({ p }: { p: PartnershipDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const acting = useActing(p);
  const url = useUrlState();
  const { params, set } = url;
  const filters = { organisationId: params.get('partner'), kind: params.get('kind'), status: params.get('status') };
  const filtered = Object.values(filters).some(Boolean);
  const list = useCommitments(p.id, filters);
  const items = list.data?.pages.flatMap((x) => x.items) ?? [];
  const names = orgNames(p);
  const canPledge = p.allowedActions.includes('partnership.commitments.pledge') && (acting.convener || acting.mine.size > 0);
  const base = `/partnerships/${p.id}/resources`;
  const partners = p.members.map((m) => ({ value: m.organisationId, label: m.organisationName }));
  const quantityText = (c: CommitmentSummary) => (c.quantity ? `${formatQuantity(c.quantity.value, f.locale)} ${c.quantity.unit}` : null);

  return (
    <Stack gap="lg">
      <ResourcesTabs p={p} />
      {!filtered && <PledgeOverview p={p} />}
      <Card>
        <Stack gap="md">
          <CardHeading
            title={t('resources.commitments.title')}
            intro={t('resources.commitments.intro')}
            actions={
              <>
                {items.length > 0 && (
                  <ExportButton
                    onExport={async () => {
                      const all = await fetchAll<CommitmentSummary>(`/partnerships/${p.id}/commitments`, filters);
                      downloadCsv(
                        'commitments.csv',
                        ['#', t('resources.partner'), t('resources.kindLabel'), t('resources.description'), t('common.status'), t('resources.currency'), t('resources.valuation'), t('resources.overview.delivered'), t('resources.pending'), t('resources.overview.outstanding'), t('resources.percentDelivered'), t('resources.quantity'), t('resources.unit'), t('resources.pledgedOn')],
                        all.map((c) => [
                          c.number, names.get(c.organisationId) ?? c.organisationId, t(`resources.kind.${c.kind}`), c.description, t(`resources.status.${c.status}`), c.valuation.currency, c.valuation.amount, c.progress.delivered.amount,
                          c.progress.pending.amount, c.progress.outstanding.amount, c.progress.ratio?.percent ?? '', c.quantity?.value ?? '', c.quantity?.unit ?? '', c.pledgedOn,
                        ]),
                      );
                    }}
                  />
                )}
                {canPledge && (
                  <Button component={Link} to={`${base}/new`} leftSection={<IconPlus size={16} aria-hidden />}>
                    {t('resources.pledge.action')}
                  </Button>
                )}
              </>
            }
          />
          <Grid gap="sm" align="flex-end">
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <AnySelect label={t('resources.partner')} value={filters.organisationId} onChange={(v) => set('partner', v)} data={partners} searchable />
            </Grid.Col>
            <Grid.Col span={{ base: 12, xs: 6, sm: 3 }}>
              <AnySelect label={t('resources.kindLabel')} value={filters.kind} onChange={(v) => set('kind', v)} data={RESOURCE_KINDS.map((k) => ({ value: k, label: t(`resources.kind.${k}`) }))} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, xs: 6, sm: 3 }}>
              <AnySelect label={t('common.status')} value={filters.status} onChange={(v) => set('status', v)} data={COMMITMENT_STATUSES.map((s) => ({ value: s, label: t(`resources.status.${s}`) }))} />
            </Grid.Col>
            {filtered && (
              <Grid.Col span={{ base: 12, sm: 2 }}>
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
              icon={IconHeartHandshake}
              title={filtered ? t('resources.commitments.noMatchTitle') : t('resources.commitments.emptyTitle')}
              description={filtered ? t('resources.commitments.noMatchBody') : canPledge ? t('resources.commitments.emptyBodyPledge') : t('resources.commitments.emptyBody')}
              action={
                !filtered && canPledge ? (
                  <Button component={Link} to={`${base}/new`} leftSection={<IconPlus size={16} aria-hidden />}>
                    {t('resources.pledge.action')}
                  </Button>
                ) : undefined
              }
            />
          ) : (
            <>
              <Stack gap="xs" hiddenFrom="sm" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                {items.map((c) => (
                  <Paper key={c.id} component="li" withBorder p="sm" radius="md">
                    <Text size="xs" c="gray.7">
                      #{c.number} · {names.get(c.organisationId) ?? ''}
                    </Text>
                    <Anchor component={Link} to={`${base}/commitments/${c.id}`} fw={600} size="sm">
                      {c.description}
                    </Anchor>
                    <Group gap={6} mt={4}>
                      <KindBadge kind={c.kind} />
                      <CommitmentStatusBadge status={c.status} />
                    </Group>
                    <Group justify="space-between" mt={6} gap="xs">
                      <MoneyText m={c.valuation} fw={600} />
                      <DeliveryProgress percent={c.progress.ratio?.percent} pendingPercent={pendingShare(c)} label={t('resources.progressAria', { percent: c.progress.ratio?.percent ?? '0' })} />
                    </Group>
                  </Paper>
                ))}
              </Stack>
              <Box visibleFrom="sm">
                <ScrollTable minWidth={820} label={t('resources.commitments.title')}>
                  <Table verticalSpacing="sm" highlightOnHover>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>#</Table.Th>
                        <Table.Th>{t('resources.commitments.commitment')}</Table.Th>
                        <Table.Th ta="right">{t('resources.valuation')}</Table.Th>
                        <Table.Th>{t('resources.overview.deliveredShare')}</Table.Th>
                        <Table.Th>{t('common.status')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {items.map((c) => (
                        <Table.Tr key={c.id}>
                          <Table.Td>
                            <Text size="sm" c="gray.7">
                              {c.number}
                            </Text>
                          </Table.Td>
                          <Table.Td maw={380}>
                            <Anchor component={Link} to={`${base}/commitments/${c.id}`} fw={600} size="sm">
                              {c.description}
                            </Anchor>
                            <Group gap={6} mt={2}>
                              <Text size="xs" c="gray.7">
                                {names.get(c.organisationId) ?? ''}
                              </Text>
                              <KindBadge kind={c.kind} size="xs" />
                              {quantityText(c) && (
                                <Text size="xs" c="gray.7">
                                  {quantityText(c)}
                                </Text>
                              )}
                            </Group>
                          </Table.Td>
                          <Table.Td ta="right">
                            <MoneyText m={c.valuation} fw={600} />
                            {BigInt(c.progress.pending.minor) > 0n && (
                              <Text size="xs" c="gray.7">
                                {t('resources.pendingShort')} <MoneyText m={c.progress.pending} size="xs" />
                              </Text>
                            )}
                          </Table.Td>
                          <Table.Td>
                            <DeliveryProgress percent={c.progress.ratio?.percent} pendingPercent={pendingShare(c)} label={t('resources.progressAria', { percent: c.progress.ratio?.percent ?? '0' })} />
                          </Table.Td>
                          <Table.Td>
                            <Box w="max-content">
                              <CommitmentStatusBadge status={c.status} />
                            </Box>
                          </Table.Td>
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
    </Stack>
  );
}
