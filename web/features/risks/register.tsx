import { Anchor, Box, Button, Card, CloseButton, Grid, Group, Paper, Select, Stack, Table, Text, ThemeIcon } from '@mantine/core';
import { IconCircleCheck, IconGridDots, IconPlus, IconShieldHalf } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { RISK_BANDS, RISK_STATUSES, riskBand, riskScore, type RiskBand } from '../../../src/domain/accountability/risks';
import { AnySelect, ClearFiltersButton } from '../../components/directory';
import { ListTable } from '../../components/list-table';
import { EmptyState, LoadMore, PageError, PageLoader } from '../../components/page';
import { useFormat } from '../../lib/format';
import type { PartnershipDetail } from '../../lib/types';
import { useUrlState } from '../../lib/url-state';
import { CardHeading, ExportButton, OverdueFlag } from '../../components/cards';
import { downloadCsv, fetchAll } from '../../lib/export';
import { riskKeys, riskListParams, useRiskHeatMap, useRiskOverdue, useRisks, type RiskFilters, type RiskSummary } from './api';
import { AllocationBadge, OCDS_RISK_CATEGORIES, RiskStatusBadge, ScoreBadge, useRiskLabels } from './badges';
import { HeatMapGrid, type CellRef } from './heat-map';

/** The sorts the register offers: the API's sort and order together. */
const SORTS = ['number_desc', 'number_asc', 'score_desc', 'score_asc'] as const;

function parseCell(l: string | null, i: string | null): CellRef | null {
  const likelihood = Number(l);
  const impact = Number(i);
  return Number.isInteger(likelihood) && Number.isInteger(impact) && likelihood >= 1 && likelihood <= 5 && impact >= 1 && impact <= 5 ? { likelihood, impact } : null;
}

export const canManageRisks = (p: PartnershipDetail) => p.allowedActions.includes('partnership.risks.manage');

/**
 * The shared risk register: the heat map (click a cell to see its risks), what is overdue, and the list
 * with its filters, sort and the picked cell kept in the address bar; the list exports as CSV.
 */
export function RiskRegister({ p }: { p: PartnershipDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const labels = useRiskLabels();
  const url = useUrlState();
  const { params, set } = url;
  const [sortKey, order] = (params.get('sort') ?? 'number_desc').split('_');
  const filters: RiskFilters = {
    status: params.get('status'),
    category: params.get('category'),
    band: params.get('band'),
    owner: params.get('owner'),
    sort: sortKey === 'score' ? 'score' : 'number',
    order: order === 'asc' ? 'asc' : 'desc',
  };
  const cell = parseCell(params.get('l'), params.get('i'));
  const filtered = !!(filters.status || filters.category || filters.band || filters.owner || cell);
  const canManage = canManageRisks(p);

  const heat = useRiskHeatMap(p.id, filters.status ?? null);
  const overdue = useRiskOverdue(p.id);
  // A heat-map cell narrows the register to one likelihood and impact: the API filters by band (a score range),
  // the rest is picked here from every page of that band (a register holds dozens of risks, not thousands).
  const cellBand: RiskBand | null = cell ? riskBand(riskScore(cell.likelihood, cell.impact)) : null;
  const inCell = (r: RiskSummary) => !!cell && r.likelihood === cell.likelihood && r.impact === cell.impact && (filters.status ? true : r.status !== 'closed');
  const cellFilters = { ...filters, band: cellBand };
  const cellList = useQuery({
    queryKey: [...riskKeys.list(p.id, cellFilters), 'cell', cell?.likelihood, cell?.impact],
    queryFn: async () => (await fetchAll<RiskSummary>(`/partnerships/${p.id}/risks`, riskListParams(cellFilters))).filter(inCell),
    enabled: !!cell,
  });
  const list = useRisks(p.id, filters, !cell);
  const items = cell ? (cellList.data ?? []) : (list.data?.pages.flatMap((x) => x.items) ?? []);
  const loading = cell ? cellList.isLoading : list.isLoading;
  const error = cell ? cellList.error : list.error;

  // one update for both parameters: two `set` calls in a row would each start from the same old address
  const selectCell = (c: CellRef | null) => {
    const n = new URLSearchParams(params);
    n.delete('l');
    n.delete('i');
    if (c) {
      n.set('l', String(c.likelihood));
      n.set('i', String(c.impact));
    }
    url.reset(Object.fromEntries(n));
  };
  const base = `/partnerships/${p.id}/risks`;

  const exportCsv = async () => {
    const all = cell ? items : await fetchAll<RiskSummary>(`/partnerships/${p.id}/risks`, riskListParams(filters));
    downloadCsv(
      'risks.csv',
      ['#', t('risks.field.title'), t('risks.field.category'), t('risks.field.likelihood'), t('risks.field.impact'), t('risks.col.score'), t('risks.col.band'), t('risks.col.status'), t('risks.col.allocation'), t('risks.field.owner'), t('risks.col.nextReview'), t('risks.col.updated')],
      all.map((r) => [r.number, r.title, labels.category(r.category, r.categoryName), r.likelihood, r.impact, r.score, t(`risks.band.${r.band}`), t(`risks.status.${r.status}`), t(`risks.allocation.${r.allocation}`), r.ownerOrganisationName ?? '', r.nextReviewOn ?? '', r.updatedAt.slice(0, 10)]),
    );
  };

  const overdueCount = (overdue.data?.mitigations.length ?? 0) + (overdue.data?.reviews.length ?? 0);

  return (
    <Stack gap="lg">
      <Card>
        <CardHeading
          order={2}
          title={t('risks.title')}
          intro={t('risks.intro')}
          actions={
            canManage ? (
              <Button component={Link} to={`${base}/new`} leftSection={<IconPlus size={16} aria-hidden />}>
                {t('risks.create')}
              </Button>
            ) : undefined
          }
        />
      </Card>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Card h="100%">
            <Stack gap="sm">
              <CardHeading order={2} title={t('risks.heatmap.title')} intro={filters.status ? t('risks.heatmap.introStatus', { status: t(`risks.status.${filters.status}`) }) : t('risks.heatmap.intro')} />
              {heat.isLoading ? <PageLoader /> : heat.error ? <PageError error={heat.error} onRetry={() => void heat.refetch()} /> : heat.data && <HeatMapGrid map={heat.data} selected={cell} onSelect={selectCell} />}
            </Stack>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Card h="100%">
            <Stack gap="sm">
              <CardHeading order={2} title={t('risks.overdue.title')} intro={t('risks.overdue.intro')} />
              {overdue.isLoading ? (
                <PageLoader />
              ) : overdue.error ? (
                <PageError error={overdue.error} onRetry={() => void overdue.refetch()} />
              ) : overdueCount === 0 ? (
                <Group gap="xs" wrap="nowrap" py="md">
                  <ThemeIcon variant="light" color="green" radius="xl" aria-hidden>
                    <IconCircleCheck size={18} />
                  </ThemeIcon>
                  <Text size="sm">{t('risks.overdue.none')}</Text>
                </Group>
              ) : (
                <Stack gap="xs" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                  {overdue.data!.mitigations.map((m) => (
                    <Paper key={m.actionId} component="li" withBorder p="xs" radius="md">
                      <Anchor component={Link} to={`${base}/${m.riskId}`} size="sm" fw={600}>
                        #{m.riskNumber} {m.riskTitle}
                      </Anchor>
                      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                        {t('risks.overdue.action', { description: m.description })}
                      </Text>
                      <Text size="xs" c="gray.7">
                        {[m.ownerPersonName, m.ownerOrganisationName].filter(Boolean).join(' · ')} · {t('risks.dueOn', { date: f.date(m.dueOn) })}
                      </Text>
                      <OverdueFlag label={t('risks.overdue.days', { count: m.daysOverdue, formatted: f.number(m.daysOverdue) })} />
                    </Paper>
                  ))}
                  {overdue.data!.reviews.map((r) => (
                    <Paper key={`${r.riskId}-${r.dueOn}`} component="li" withBorder p="xs" radius="md">
                      <Anchor component={Link} to={`${base}/${r.riskId}`} size="sm" fw={600}>
                        #{r.riskNumber} {r.riskTitle}
                      </Anchor>
                      <Text size="sm">{t('risks.overdue.review', { date: f.date(r.dueOn) })}</Text>
                      <OverdueFlag label={t('risks.overdue.days', { count: r.daysOverdue, formatted: f.number(r.daysOverdue) })} />
                    </Paper>
                  ))}
                </Stack>
              )}
            </Stack>
          </Card>
        </Grid.Col>
      </Grid>
      <Card>
        <Stack gap="md">
          <CardHeading
            order={2}
            title={t('risks.listTitle')}
            intro={t('risks.listIntro')}
            actions={items.length > 0 ? <ExportButton onExport={exportCsv} /> : undefined}
          />
          <Grid gap="sm" align="flex-end">
            <Grid.Col span={{ base: 12, xs: 6, md: 4, xl: 2.4 }}>
              <AnySelect label={t('risks.col.status')} value={filters.status ?? null} onChange={(v) => set('status', v)} data={RISK_STATUSES.map((s) => ({ value: s, label: t(`risks.status.${s}`) }))} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, xs: 6, md: 4, xl: 2.4 }}>
              <AnySelect label={t('risks.field.category')} value={filters.category ?? null} onChange={(v) => set('category', v)} searchable data={OCDS_RISK_CATEGORIES.map((c) => ({ value: c, label: labels.category(c) }))} nothingFoundMessage={t('common.nothingFound')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, xs: 6, md: 4, xl: 2.4 }}>
              <AnySelect label={t('risks.col.band')} value={filters.band ?? null} onChange={(v) => set('band', v)} data={[...RISK_BANDS].reverse().map((b) => ({ value: b, label: t(`risks.band.${b}`) }))} disabled={!!cell} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, xs: 6, md: 4, xl: 2.4 }}>
              <AnySelect label={t('risks.field.owner')} value={filters.owner ?? null} onChange={(v) => set('owner', v)} searchable data={p.members.map((m) => ({ value: m.organisationId, label: m.organisationName }))} nothingFoundMessage={t('common.nothingFound')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, xs: 6, md: 4, xl: 2.4 }}>
              <Select label={t('common.sort')} value={`${filters.sort}_${filters.order}`} allowDeselect={false} onChange={(v) => set('sort', v && v !== 'number_desc' ? v : null)} data={SORTS.map((s) => ({ value: s, label: t(`risks.sort.${s}`) }))} />
            </Grid.Col>
            {filtered && (
              <Grid.Col span={{ base: 12, xs: 6, md: 4, xl: 2.4 }}>
                <ClearFiltersButton onClick={() => url.reset(params.get('sort') ? { sort: params.get('sort')! } : {})} />
              </Grid.Col>
            )}
          </Grid>
          {cell && (
            <Paper withBorder p="xs" radius="md" bg="gray.0">
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Group gap={6} wrap="nowrap">
                  <IconGridDots size={16} aria-hidden />
                  <Text size="sm" fw={600} aria-live="polite">
                    {t('risks.cellFilter', { likelihood: labels.likelihood(cell.likelihood), impact: labels.impact(cell.impact), l: cell.likelihood, i: cell.impact })}
                  </Text>
                </Group>
                <CloseButton aria-label={t('risks.clearCell')} onClick={() => selectCell(null)} />
              </Group>
            </Paper>
          )}
          <ListTable
            loading={loading}
            error={error}
            onRetry={() => void (cell ? cellList.refetch() : list.refetch())}
            isEmpty={items.length === 0}
            empty={
              <EmptyState
                icon={IconShieldHalf}
                title={filtered ? t('risks.noMatchTitle') : t('risks.emptyTitle')}
                description={filtered ? t('risks.noMatchBody') : canManage ? t('risks.emptyBodyManage') : t('risks.emptyBody')}
                action={!filtered && canManage ? <Button component={Link} to={`${base}/new`} leftSection={<IconPlus size={16} aria-hidden />}>{t('risks.create')}</Button> : undefined}
              />
            }
            minWidth={860}
            headers={['#', t('risks.col.risk'), t('risks.col.score'), t('risks.col.status'), t('risks.col.allocation'), t('risks.field.owner'), t('risks.col.nextReview')]}
          >
            {items.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Text size="sm" c="gray.7">
                    {r.number}
                  </Text>
                </Table.Td>
                <Table.Td maw={320}>
                  <Anchor component={Link} to={`${base}/${r.id}`} fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {r.title}
                  </Anchor>
                  <Text size="xs" c="gray.7">
                    {labels.category(r.category, r.categoryName)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Box w="max-content">
                    <ScoreBadge score={r.score} band={r.band} />
                  </Box>
                  <Text size="xs" c="gray.7" mt={2}>
                    {t('risks.ratingShort', { l: r.likelihood, i: r.impact })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Box w="max-content">
                    <RiskStatusBadge status={r.status} />
                  </Box>
                </Table.Td>
                <Table.Td>
                  <Box w="max-content">
                    <AllocationBadge allocation={r.allocation} />
                  </Box>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{r.ownerOrganisationName ?? '—'}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {r.nextReviewOn ? f.date(r.nextReviewOn) : '—'}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </ListTable>
          {!cell && items.length > 0 && <LoadMore hasMore={!!list.hasNextPage} loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()} shown={items.length} />}
        </Stack>
      </Card>
    </Stack>
  );
}
