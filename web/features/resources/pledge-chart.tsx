import { Alert, Box, Card, Grid, Group, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CardHeading, ScrollTable } from '../../components/cards';
import { LazyEChart } from '../../components/lazy-chart';
import { PageError, PageLoader } from '../../components/page';
import { useFormat } from '../../lib/format';
import type { PartnershipDetail } from '../../lib/types';
import { usePledgesReport, type Money, type PledgesReport } from './api';
import { orgNames } from './acting';
import { CompactMoney, DeliveryProgress, KIND_META, KindBadge, MoneyText } from './badges';
import { formatMoney, formatQuantity, toNumber } from '../../lib/money';
import { ratesUsedText } from '../../lib/decimal-text';

const DELIVERED = '#0b7a5c';
const OUTSTANDING = '#e9a23b';

/** Adds exact amounts of one currency (BigInt, never floats). */
function addAll(ms: (Money | null)[], currency: string): Money {
  const minor = ms.reduce((s, m) => s + (m ? BigInt(m.minor) : 0n), 0n);
  return { amount: '', minor: minor.toString(), currency };
}

/** Pledged versus delivered: totals, a stacked bar per partner in the reporting currency, and each kind's progress. */
export function PledgeOverview({ p }: { p: PartnershipDetail }) {
  const { t } = useTranslation();
  const q = usePledgesReport(p.id);
  if (q.isLoading) return <Card><PageLoader /></Card>;
  if (q.error) return <Card><PageError error={q.error} onRetry={() => void q.refetch()} /></Card>;
  const r = q.data!;
  if (r.rows.length === 0) return null;
  return (
    <Card>
      <Stack gap="md">
        <CardHeading title={t('resources.overview.title')} intro={t('resources.overview.intro', { currency: r.reporting?.currency ?? '' })} />
        <PartnerChart p={p} report={r} />
        <KindTable report={r} />
      </Stack>
    </Card>
  );
}

function PartnerChart({ p, report }: { p: PartnershipDetail; report: PledgesReport }) {
  const { t } = useTranslation();
  const f = useFormat();
  const names = orgNames(p);
  const view = report.reporting;
  const rows = useMemo(
    () =>
      (view?.rows ?? [])
        .filter((r) => r.pledged && BigInt(r.pledged.minor) > 0n)
        .map((r) => ({ ...r, name: names.get(r.partner) ?? r.partner }))
        .sort((a, b) => (BigInt(b.pledged!.minor) > BigInt(a.pledged!.minor) ? 1 : -1)),
    [view, names],
  );
  const currency = view?.currency ?? 'EUR';
  const totals = {
    pledged: addAll(rows.map((r) => r.pledged), currency),
    delivered: addAll(rows.map((r) => r.delivered), currency),
    outstanding: addAll(rows.map((r) => r.outstanding), currency),
  };
  const option = useMemo(() => {
    const cats = rows.map((r) => r.name).reverse();
    const ordered = [...rows].reverse();
    return {
      grid: { left: 8, right: 16, top: 28, bottom: 4, containLabel: true },
      legend: { top: 0, left: 0, itemWidth: 14, textStyle: { color: '#343a40' }, data: [t('resources.overview.delivered'), t('resources.overview.outstanding')] },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (ps: { dataIndex: number }[]) => {
          const r = ordered[ps[0]?.dataIndex ?? 0];
          if (!r) return '';
          return [
            `<b>${r.name}</b>`,
            `${t('resources.overview.pledged')}: ${formatMoney(r.pledged!, f.locale)}`,
            `${t('resources.overview.delivered')}: ${r.delivered ? formatMoney(r.delivered, f.locale) : '—'}`,
            `${t('resources.overview.outstanding')}: ${r.outstanding ? formatMoney(r.outstanding, f.locale) : '—'}`,
          ].join('<br/>');
        },
      },
      xAxis: { type: 'value', axisLabel: { color: '#495057', formatter: (v: number) => new Intl.NumberFormat(f.locale, { notation: 'compact', style: 'currency', currency }).format(v) } },
      yAxis: { type: 'category', data: cats, axisLabel: { color: '#212529', width: 150, overflow: 'truncate' } },
      series: [
        { name: t('resources.overview.delivered'), type: 'bar', stack: 'p', barMaxWidth: 26, itemStyle: { color: DELIVERED }, data: ordered.map((r) => (r.delivered ? toNumber(r.delivered) : 0)) },
        { name: t('resources.overview.outstanding'), type: 'bar', stack: 'p', barMaxWidth: 26, itemStyle: { color: OUTSTANDING }, data: ordered.map((r) => (r.outstanding ? toNumber(r.outstanding) : 0)) },
      ],
    };
  }, [rows, f.locale, currency, t]);
  if (!view) return null;
  const summary = rows
    .map((r) => t('resources.overview.chartRow', { partner: r.name, delivered: r.delivered ? formatMoney(r.delivered, f.locale) : '—', pledged: formatMoney(r.pledged!, f.locale) }))
    .join('; ');
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
        {(['pledged', 'delivered', 'outstanding'] as const).map((k) => (
          <Paper key={k} withBorder p="sm" radius="md">
            <Text size="xs" c="gray.7" tt="uppercase" fw={600}>
              {t(`resources.overview.${k}`)}
            </Text>
            <CompactMoney m={totals[k]} />
          </Paper>
        ))}
      </SimpleGrid>
      {view.missing.length > 0 && (
        <Alert color="yellow" variant="light" icon={<IconInfoCircle aria-hidden />}>
          <Text size="sm">{t('resources.overview.missingRates', { pairs: view.missing.map((m) => `${m.from}→${m.to}`).join(', ') })}</Text>
        </Alert>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          {rows.length > 0 && <LazyEChart option={option} height={Math.max(140, 48 + rows.length * 40)} label={t('resources.overview.chartAria', { summary })} />}
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Text fw={600} size="sm" mb={4}>
            {t('resources.overview.byPartner')}
          </Text>
          <ScrollTable minWidth={360} label={t('resources.overview.byPartner')}>
            <Table verticalSpacing={6} fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('resources.partner')}</Table.Th>
                  <Table.Th ta="right">{t('resources.overview.pledged')}</Table.Th>
                  <Table.Th>{t('resources.overview.deliveredShare')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.partner}>
                    <Table.Td>{r.name}</Table.Td>
                    <Table.Td ta="right">
                      <MoneyText m={r.pledged} />
                    </Table.Td>
                    <Table.Td>
                      <DeliveryProgress percent={r.ratio?.percent ?? '0'} label={t('resources.progressAria', { percent: r.ratio?.percent ?? '0' })} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        </Grid.Col>
      </Grid>
      {view.ratesUsed.length > 0 && (
        <Text size="xs" c="gray.7">
          {t('resources.overview.ratesUsed', { rates: ratesUsedText(view.ratesUsed, f.locale, f.date) })}
        </Text>
      )}
    </Stack>
  );
}

/** Each kind of resource: value pledged and delivered per currency, and quantities where it has them. */
function KindTable({ report }: { report: PledgesReport }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Box>
      <Text fw={600} size="sm" mb={4}>
        {t('resources.overview.byKind')}
      </Text>
      <ScrollTable minWidth={560} label={t('resources.overview.byKind')}>
        <Table verticalSpacing={6} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('resources.kindLabel')}</Table.Th>
              <Table.Th ta="right">{t('resources.overview.pledged')}</Table.Th>
              <Table.Th ta="right">{t('resources.overview.delivered')}</Table.Th>
              <Table.Th>{t('resources.overview.deliveredShare')}</Table.Th>
              <Table.Th>{t('resources.overview.quantities')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.byResource.flatMap((k) =>
              k.amounts.map((a, i) => (
                <Table.Tr key={`${k.resource}-${a.currency}`}>
                  <Table.Td>{i === 0 && <Box w="max-content"><KindBadge kind={k.resource} /></Box>}</Table.Td>
                  <Table.Td ta="right">
                    <MoneyText m={a.pledged} />
                  </Table.Td>
                  <Table.Td ta="right">
                    <MoneyText m={a.delivered} />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Box w={10} h={10} style={{ borderRadius: 2, background: KIND_META[k.resource].hex, flex: 'none' }} aria-hidden />
                      <DeliveryProgress percent={a.ratio?.percent ?? '0'} label={t('resources.progressAria', { percent: a.ratio?.percent ?? '0' })} />
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    {i === 0 &&
                      k.quantities.map((qn) => (
                        <Text key={qn.unit} size="sm">
                          {t('resources.overview.quantityOf', { delivered: formatQuantity(qn.delivered, f.locale), pledged: formatQuantity(qn.pledged, f.locale), unit: qn.unit })}
                        </Text>
                      ))}
                  </Table.Td>
                </Table.Tr>
              )),
            )}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Box>
  );
}
