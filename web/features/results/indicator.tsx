import { Anchor, Badge, Box, Button, Card, Grid, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus, IconTable } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { IndicatorDetail } from '../../../src/contracts/results';
import { api } from '../../lib/api';
import { useFormat } from '../../lib/format';
import type { PartnershipDetail } from '../../lib/types';
import { ConfirmButton } from '../../components/confirm';
import { CardHeading, ScrollTable } from '../../components/cards';
import { rKeys, useReportingOrgs } from './api';
import { ResultsChart } from './lazy-chart';
import { ChangeFigure, ProgressMeter, ReportStateBadge, REPORT_STATE_META, useValueText } from './meta';
import { approx, formatExact } from './numbers';

type Point = IndicatorDetail['series'][number];

/** Dimension cells in words: "sex: female · region: north", with the dimensions' labels when given. */
export function cellLabel(cell: Record<string, string>, dims: IndicatorDetail['dimensions']): string {
  return dims
    .filter((d) => cell[d.key] !== undefined)
    .map((d) => `${d.label ?? d.key}: ${cell[d.key]}`)
    .join(' · ');
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="gray.7" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

/** An indicator: what it counts, its progress, target against actual over time, the disaggregated values, who reports. */
export function IndicatorView({ p, d }: { p: PartnershipDetail; d: IndicatorDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const valueText = useValueText();
  const base = `/partnerships/${p.id}`;
  const canManage = d.allowedActions.includes('manage');
  const pr = d.progress;
  const v = (x: string | null) => valueText(x, d.measure, d.unit);
  return (
    <Stack gap="lg">
      <Card>
        <Stack gap="md">
          <CardHeading
            title={d.title}
            intro={d.definition}
            actions={
              canManage && (
                <>
                  <Button variant="default" component={Link} to={`${base}/results/indicators/${d.id}/edit`} leftSection={<IconPencil size={16} aria-hidden />}>
                    {t('common.edit')}
                  </Button>
                  {d.series.every((s) => s.reports.every((r) => r.submissionId === null)) && (
                    <ConfirmButton
                      label={t('results.indicator.remove')}
                      title={t('results.indicator.removeTitle')}
                      message={t('results.indicator.removeBody', { title: d.title })}
                      confirmLabel={t('results.indicator.remove')}
                      buttonProps={{ size: 'sm' }}
                      onConfirm={async () => {
                        await api.delete(`/partnerships/${p.id}/indicators/${d.id}`);
                        await qc.invalidateQueries({ queryKey: rKeys.all(p.id) });
                        notifications.show({ color: 'teal', message: t('results.removed', { title: d.title }) });
                        navigate(`${base}/results`);
                      }}
                    />
                  )}
                </>
              )
            }
          />
          <Group gap={6} wrap="wrap">
            <Badge variant="default" styles={{ root: { textTransform: 'none' } }}>
              {t(`results.measure.${d.measure}`)} · IATI {d.iatiMeasureCode}
            </Badge>
            <Badge variant="default" styles={{ root: { textTransform: 'none' } }}>
              {t(`results.direction.${d.direction}`)}
            </Badge>
            <Badge variant="default" styles={{ root: { textTransform: 'none' } }}>
              {t(`results.valueKind.${d.valueKind}`)}
            </Badge>
            <Badge variant="default" styles={{ root: { textTransform: 'none' } }}>
              {t(`results.aggregation.${d.aggregation}`)}
            </Badge>
          </Group>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
            <Fact label={t('results.indicator.unit')}>{d.unit || '—'}</Fact>
            <Fact label={t('results.indicator.baseline')}>{d.baseline ? t('results.indicator.baselineOn', { value: v(d.baseline.value), date: f.date(d.baseline.date) }) : t('results.indicator.noBaseline')}</Fact>
            <Fact label={t('results.indicator.schedule')}>
              {t('results.indicator.scheduleText', { frequency: t(`results.frequency.${d.schedule.frequency}`), start: f.date(d.schedule.start), end: f.date(d.schedule.end), count: d.schedule.graceDays })}
            </Fact>
            <Fact label={t('results.indicator.partners')}>{d.responsiblePartners.map((x) => x.organisationName).join(' · ') || '—'}</Fact>
            {d.sdgIndicators.length > 0 && <Fact label={t('results.indicator.sdg')}>{d.sdgIndicators.join(', ')}</Fact>}
            {d.dimensions.length > 0 && (
              <Fact label={t('results.indicator.dimensions')}>{d.dimensions.map((x) => `${x.label ?? x.key} (${x.values.join(', ')})`).join(' · ')}</Fact>
            )}
          </SimpleGrid>
        </Stack>
      </Card>

      <Card>
        <Stack gap="sm">
          <Title order={2} fz="lg">
            {t('results.indicator.progressTitle')}
          </Title>
          <Grid gap="md" align="center">
            <Grid.Col span={{ base: 12, md: 5 }}>
              <ProgressMeter percent={pr.percent} label={d.title} size="lg" />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 7 }}>
              <Stack gap={4}>
                {pr.latest !== null ? (
                  <Text size="sm">{t('results.latestAgainstTarget', { latest: v(pr.latest), target: v(pr.target), period: pr.latestPeriodKey ?? '' })}</Text>
                ) : (
                  <Text size="sm" c="gray.7">
                    {t(`results.missingReason.${pr.missing ?? 'no_data'}`)}
                  </Text>
                )}
                <ChangeFigure change={pr.changePercent} improvement={pr.improvementPercent} />
                {pr.achieved && (
                  <Text size="sm" fw={600} c="green.9">
                    {t('results.indicator.achieved')}
                  </Text>
                )}
              </Stack>
            </Grid.Col>
          </Grid>
        </Stack>
      </Card>

      <TargetActual d={d} />
      {d.dimensions.length > 0 && <BreakdownCard d={d} />}
      <ReportsCard p={p} d={d} />
    </Stack>
  );
}

/** Target against actual per period: bars for what was approved, a line for the targets, the baseline as a rule. */
function TargetActual({ d }: { d: IndicatorDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const valueText = useValueText();
  const numeric = d.measure !== 'qualitative';
  const [showTable, setShowTable] = useState(false);
  const option = useMemo(() => {
    const keys = d.series.map((s) => s.periodKey);
    const baseline = d.baseline ? approx(d.baseline.value) : null;
    const fmt = (n: number) => new Intl.NumberFormat(f.locale, { maximumFractionDigits: 2 }).format(n);
    return {
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      legend: { top: 0, itemWidth: 14, itemHeight: 10, textStyle: { color: '#212529' } },
      tooltip: { trigger: 'axis', valueFormatter: (x: number | null) => (x === null || x === undefined ? '—' : fmt(x)) },
      xAxis: { type: 'category', data: keys, axisLabel: { color: '#495057', hideOverlap: true } },
      yAxis: { type: 'value', axisLabel: { color: '#495057', formatter: (x: number) => new Intl.NumberFormat(f.locale, { notation: 'compact' }).format(x) } },
      series: [
        {
          name: t('results.chart.actual'),
          type: 'bar',
          barMaxWidth: 36,
          itemStyle: { color: '#0b7285' },
          data: d.series.map((s) => approx(s.actual)),
          ...(baseline !== null
            ? { markLine: { symbol: 'none', silent: true, lineStyle: { color: '#868e96', type: 'dotted', width: 2 }, label: { formatter: t('results.chart.baseline'), color: '#495057', position: 'insideEndTop' }, data: [{ yAxis: baseline }] } }
            : {}),
        },
        {
          name: t('results.chart.target'),
          type: 'line',
          connectNulls: true,
          symbol: 'diamond',
          symbolSize: 10,
          lineStyle: { type: 'dashed', width: 2, color: '#c2255c' },
          itemStyle: { color: '#c2255c' },
          data: d.series.map((s) => approx(s.target)),
        },
      ],
    };
  }, [d, f.locale, t]);
  const withData = d.series.filter((s) => s.actual !== null || s.target !== null);
  const summary = withData.map((s) => `${s.periodKey}: ${t('results.chart.actual')} ${s.actual === null ? '—' : formatExact(s.actual, f.locale, 2)}, ${t('results.chart.target')} ${s.target === null ? '—' : formatExact(s.target, f.locale, 2)}`).join('; ');
  return (
    <Card>
      <Stack gap="sm">
        <CardHeading
          title={t('results.chart.title')}
          intro={numeric ? t(`results.chart.intro.${d.valueKind}`) : t('results.chart.qualitative')}
          actions={
            numeric && (
              <Button variant="default" size="xs" leftSection={<IconTable size={14} aria-hidden />} onClick={() => setShowTable((x) => !x)} aria-expanded={showTable}>
                {showTable ? t('results.chart.hideTable') : t('results.chart.showTable')}
              </Button>
            )
          }
        />
        {numeric && withData.length > 0 && <ResultsChart option={option} height={300} label={t('results.chart.aria', { title: d.title, summary })} />}
        {numeric && withData.length === 0 && (
          <Text size="sm" c="gray.7">
            {t('results.chart.empty')}
          </Text>
        )}
        {(showTable || !numeric) && (
          <ScrollTable minWidth={420} label={t('results.chart.tableCaption')}>
            <Table verticalSpacing={4} fz="sm" withTableBorder>
              <Table.Caption>{t('results.chart.tableCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('results.period')}</Table.Th>
                  <Table.Th>{t('results.dueOn')}</Table.Th>
                  <Table.Th ta="right">{t('results.chart.target')}</Table.Th>
                  <Table.Th ta="right">{t('results.chart.actual')}</Table.Th>
                  <Table.Th ta="right">{t('results.chart.approvedReports')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.series.map((s) => (
                  <Table.Tr key={s.periodKey}>
                    <Table.Td>{s.periodKey}</Table.Td>
                    <Table.Td>{f.date(s.dueOn)}</Table.Td>
                    <Table.Td ta="right">{valueText(s.target, d.measure, d.unit)}</Table.Td>
                    <Table.Td ta="right">{valueText(s.actual, d.measure, d.unit)}</Table.Td>
                    <Table.Td ta="right">{t('results.chart.ofPartners', { count: s.approvedCount, total: f.number(s.reports.length) })}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
      </Stack>
    </Card>
  );
}

/** The approved disaggregated values of one period, combined across partners, as bars and as a table. */
function BreakdownCard({ d }: { d: IndicatorDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const valueText = useValueText();
  const periods = d.series.filter((s) => s.breakdown.length > 0);
  const [periodKey, setPeriodKey] = useState<string | null>(periods.at(-1)?.periodKey ?? null);
  const point: Point | undefined = periods.find((s) => s.periodKey === periodKey) ?? periods.at(-1);
  const cells = useMemo(() => {
    if (!point) return [];
    // cells grouped by the dimensions they use, in the indicator's order, so "female" sits next to "male"
    const order = (c: Record<string, string>) => d.dimensions.map((x, i) => (c[x.key] !== undefined ? `${i}:${x.values.indexOf(c[x.key]).toString().padStart(3, '0')}` : '')).join('|');
    return [...point.breakdown].sort((a, b) => Object.keys(a.cell).length - Object.keys(b.cell).length || order(a.cell).localeCompare(order(b.cell)));
  }, [point, d.dimensions]);
  const option = useMemo(
    () => ({
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', axisLabel: { color: '#495057', formatter: (x: number) => new Intl.NumberFormat(f.locale, { notation: 'compact' }).format(x) } },
      yAxis: { type: 'category', inverse: true, data: cells.map((c) => cellLabel(c.cell, d.dimensions)), axisLabel: { width: 170, overflow: 'truncate', color: '#212529' }, axisTick: { show: false } },
      series: [
        {
          type: 'bar',
          barMaxWidth: 22,
          label: { show: true, position: 'right', color: '#212529', formatter: (x: { value: number }) => new Intl.NumberFormat(f.locale, { maximumFractionDigits: 2 }).format(x.value) },
          data: cells.map((c) => ({ value: approx(c.value), itemStyle: { color: Object.keys(c.cell).length > 1 ? '#5f3dc4' : '#1864ab' } })),
        },
      ],
    }),
    [cells, d.dimensions, f.locale],
  );
  const summary = cells.map((c) => `${cellLabel(c.cell, d.dimensions)}: ${c.value === null ? '—' : formatExact(c.value, f.locale, 2)}`).join('; ');
  return (
    <Card>
      <Stack gap="sm">
        <CardHeading
          title={t('results.breakdown.title')}
          intro={t('results.breakdown.intro')}
          actions={
            periods.length > 1 && <Select label={t('results.period')} size="xs" w={140} allowDeselect={false} data={periods.map((s) => s.periodKey)} value={point?.periodKey ?? null} onChange={setPeriodKey} />
          }
        />
        {!point ? (
          <Text size="sm" c="gray.7">
            {t('results.breakdown.empty')}
          </Text>
        ) : (
          <Grid gap="lg">
            {d.measure !== 'qualitative' && (
              <Grid.Col span={{ base: 12, md: 7 }}>
                <ResultsChart option={option} height={Math.max(140, cells.length * 34 + 30)} label={t('results.breakdown.aria', { period: point.periodKey, summary })} />
              </Grid.Col>
            )}
            <Grid.Col span={{ base: 12, md: d.measure !== 'qualitative' ? 5 : 12 }}>
              <ScrollTable minWidth={260} label={t('results.breakdown.tableCaption', { period: point.periodKey })}>
                <Table verticalSpacing={4} fz="sm" withTableBorder>
                  <Table.Caption>{t('results.breakdown.tableCaption', { period: point.periodKey })}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('results.breakdown.cell')}</Table.Th>
                      <Table.Th ta="right">{t('results.breakdown.value')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {cells.map((c) => (
                      <Table.Tr key={c.cellKey}>
                        <Table.Td>{cellLabel(c.cell, d.dimensions)}</Table.Td>
                        <Table.Td ta="right">{valueText(c.value, d.measure, d.unit)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollTable>
            </Grid.Col>
          </Grid>
        )}
      </Stack>
    </Card>
  );
}

/** Who reports what for each period: each partner's report state, and the way to report for one's own organisation. */
function ReportsCard({ p, d }: { p: PartnershipDetail; d: IndicatorDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const base = `/partnerships/${p.id}`;
  const mine = useReportingOrgs(p);
  const names = new Map(d.responsiblePartners.map((x) => [x.organisationId, x.organisationName]));
  const mayReport = (partnerId: string) => d.allowedActions.includes('report') && (mine.any || mine.orgs.has(partnerId));
  // upcoming periods far ahead are noise here: show what has begun, and the next one
  const firstUpcoming = d.series.findIndex((s) => s.reports.every((r) => r.state === 'upcoming'));
  const rows = firstUpcoming === -1 ? d.series : d.series.slice(0, firstUpcoming + 1);
  return (
    <Card>
      <Stack gap="sm">
        <CardHeading title={t('results.reports.title')} intro={t('results.reports.intro')} />
        <ScrollTable minWidth={560} label={t('results.reports.title')}>
          <Table verticalSpacing="xs" fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('results.period')}</Table.Th>
                <Table.Th>{t('results.dueOn')}</Table.Th>
                <Table.Th>{t('results.partner')}</Table.Th>
                <Table.Th>{t('common.status')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...rows].reverse().flatMap((s) =>
                s.reports.map((r, idx) => (
                  <Table.Tr key={`${s.periodKey}:${r.partnerId}`}>
                    {idx === 0 && (
                      <>
                        <Table.Td rowSpan={s.reports.length} fw={600}>
                          {s.periodKey}
                        </Table.Td>
                        <Table.Td rowSpan={s.reports.length}>{f.date(s.dueOn)}</Table.Td>
                      </>
                    )}
                    <Table.Td>{names.get(r.partnerId) ?? '—'}</Table.Td>
                    <Table.Td>
                      <Box w="max-content">
                        <ReportStateBadge state={r.state} />
                      </Box>
                    </Table.Td>
                    <Table.Td ta="right">
                      {r.submissionId ? (
                        <Anchor component={Link} to={`${base}/results/submissions/${r.submissionId}`} size="sm">
                          {mayReport(r.partnerId) && (r.status === 'draft' || r.status === 'returned') ? t('results.reports.continue') : t('results.reports.open')}
                          <VisuallyHidden>{t('results.reports.openAria', { period: s.periodKey, partner: names.get(r.partnerId) ?? '' })}</VisuallyHidden>
                        </Anchor>
                      ) : mayReport(r.partnerId) && r.state !== 'upcoming' ? (
                        <Button
                          size="xs"
                          component={Link}
                          to={`${base}/results/indicators/${d.id}/report?period=${encodeURIComponent(s.periodKey)}&partner=${r.partnerId}`}
                          leftSection={<IconPlus size={14} aria-hidden />}
                          aria-label={t('results.reports.startAria', { period: s.periodKey, partner: names.get(r.partnerId) ?? '' })}
                        >
                          {t('results.reports.start')}
                        </Button>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                )),
              )}
            </Table.Tbody>
          </Table>
        </ScrollTable>
        <StateLegend />
      </Stack>
    </Card>
  );
}

/** What each state's colour and icon mean. */
export function StateLegend() {
  const { t } = useTranslation();
  return (
    <Paper bg="gray.0" p="xs" radius="md">
      <Group gap="xs" wrap="wrap" aria-label={t('results.legend')} role="group">
        <Text size="xs" fw={600} c="gray.8">
          {t('results.legend')}
        </Text>
        {Object.keys(REPORT_STATE_META).map((s) => (
          <ReportStateBadge key={s} state={s} size="xs" />
        ))}
      </Group>
    </Paper>
  );
}
