import { Alert, Anchor, Button, Card, Grid, Group, Paper, SimpleGrid, Stack, Table, Text, ThemeIcon, VisuallyHidden } from '@mantine/core';
import { IconArrowRight, IconInfoCircle, IconTargetArrow } from '@tabler/icons-react';
import { useMediaQuery } from '@mantine/hooks';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CardHeading, ScrollTable, SoftBadge } from '../../components/cards';
import { LazyEChart } from '../../components/lazy-chart';
import { EmptyState, PageError, PageLoader } from '../../components/page';
import { useFormat } from '../../lib/format';
import type { PartnershipDetail } from '../../lib/types';
import { useDashboard, type Dashboard } from './api';
import { BAND_META, BANDS, CompactMoney, PercentBar } from './badges';
import { axisMoney, formatMoney, formatPercent, sum, toNumber } from '../../lib/money';
import { ratesUsedText } from '../../lib/decimal-text';

const DELIVERED = '#0b7a5c';
/** A caption that names the table for screen readers; the card's heading already says it on screen. */
const HIDDEN: React.CSSProperties = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' };
const OUTSTANDING = '#e9a23b';

/** The partnership at a glance: money pledged and delivered, results, open risks, with links to the detail. */
export function DashboardView({ p }: { p: PartnershipDetail }) {
  const { t } = useTranslation();
  const q = useDashboard(p.id);
  if (q.isLoading) return <PageLoader />;
  if (q.error) return <PageError error={q.error} onRetry={() => void q.refetch()} />;
  const d = q.data!;
  const base = `/partnerships/${p.id}`;
  return (
    <Stack gap="lg">
      <Tiles d={d} />
      <Card>
        <Stack gap="md">
          <CardHeading title={t('accountability.dashboard.money.title')} intro={t('accountability.dashboard.money.intro', { currency: d.finance.reportingCurrency })} actions={<DetailLink to={`${base}/resources`} label={t('accountability.dashboard.money.link')} />} />
          <MoneyView d={d} />
        </Stack>
      </Card>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Card h="100%">
            <Stack gap="md">
              <CardHeading title={t('accountability.dashboard.results.title')} intro={t('accountability.dashboard.results.intro')} actions={<DetailLink to={`${base}/results`} label={t('accountability.dashboard.results.link')} />} />
              <ResultsView d={d} base={base} />
            </Stack>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Card h="100%">
            <Stack gap="md">
              <CardHeading title={t('accountability.dashboard.risks.title')} intro={t('accountability.dashboard.risks.intro')} actions={<DetailLink to={`${base}/risks`} label={t('accountability.dashboard.risks.link')} />} />
              <RisksView d={d} />
            </Stack>
          </Card>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function DetailLink({ to, label }: { to: string; label: string }) {
  return (
    <Button component={Link} to={to} variant="subtle" size="compact-sm" rightSection={<IconArrowRight size={14} aria-hidden />}>
      {label}
    </Button>
  );
}

/** The partners' rows in the reporting currency, named, largest pledge first; `unconverted`: those lacking a rate. */
function useRows(d: Dashboard) {
  return useMemo(() => {
    const names = new Map(d.partners.map((x) => [x.organisationId, x.organisationName]));
    const all = (d.finance.reporting.pledges?.rows ?? []).map((r) => ({ ...r, name: names.get(r.partner) ?? r.partner }));
    const rows = all
      .filter((r) => r.pledged && BigInt(r.pledged.minor) > 0n)
      .sort((a, b) => (BigInt(b.pledged!.minor) > BigInt(a.pledged!.minor) ? 1 : BigInt(b.pledged!.minor) < BigInt(a.pledged!.minor) ? -1 : a.name.localeCompare(b.name)));
    const unconverted = all
      .filter((r) => !r.pledged)
      .map((r) => ({ name: r.name, amounts: d.finance.pledges.byPartner.find((b) => b.partner === r.partner)?.amounts ?? [] }));
    return Object.assign(rows, { unconverted });
  }, [d]);
}

function Tiles({ d }: { d: Dashboard }) {
  const { t } = useTranslation();
  const f = useFormat();
  const rows = useRows(d);
  const currency = d.finance.reporting.pledges?.currency ?? d.finance.reportingCurrency;
  const pledged = sum(rows.map((r) => r.pledged), currency);
  const delivered = sum(rows.map((r) => r.delivered), currency);
  const share = BigInt(pledged.minor) > 0n ? Number((BigInt(delivered.minor) * 1000n) / BigInt(pledged.minor)) / 10 : null;
  const open = BANDS.reduce((s, b) => s + d.risks.open[b], 0);
  const severe = d.risks.open.critical + d.risks.open.high;
  const overall = d.results.overall.percent;
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} spacing={{ base: 'xs', sm: 'md' }}>
      <Tile label={t('accountability.dashboard.tiles.pledged')} sub={t('accountability.dashboard.tiles.inCurrency', { currency })}>
        <CompactMoney m={pledged} />
      </Tile>
      <Tile label={t('accountability.dashboard.tiles.delivered')} sub={share === null ? t('accountability.dashboard.tiles.nothingPledged') : t('accountability.dashboard.tiles.ofPledged', { percent: formatPercent(share, f.locale) })}>
        <CompactMoney m={delivered} />
      </Tile>
      <Tile label={t('accountability.dashboard.tiles.results')} sub={overall === null ? t('accountability.dashboard.tiles.noResults') : t('accountability.dashboard.tiles.towardsTargets')}>
        <Text size="xl" fw={700}>
          {overall === null ? '—' : formatPercent(overall, f.locale)}
        </Text>
      </Tile>
      <Tile label={t('accountability.dashboard.tiles.risks')} sub={t('accountability.dashboard.tiles.severe', { count: severe })}>
        <Text size="xl" fw={700}>
          {f.number(open)}
        </Text>
      </Tile>
    </SimpleGrid>
  );
}

function Tile({ label, sub, children }: { label: string; sub: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Text size="xs" c="gray.7" tt="uppercase" fw={700}>
        {label}
      </Text>
      {children}
      <Text size="xs" c="gray.7">
        {sub}
      </Text>
    </Paper>
  );
}

function MoneyView({ d }: { d: Dashboard }) {
  const { t } = useTranslation();
  const f = useFormat();
  const rows = useRows(d);
  const view = d.finance.reporting.pledges;
  const currency = view?.currency ?? d.finance.reportingCurrency;
  const narrow = useMediaQuery('(max-width: 36em)') ?? false;
  const option = useMemo(() => {
    const ordered = [...rows].reverse();
    return {
      grid: { left: 8, right: 16, top: 28, bottom: 4, containLabel: true },
      legend: { top: 0, left: 0, itemWidth: 14, textStyle: { color: '#343a40' }, data: [t('accountability.dashboard.money.delivered'), t('accountability.dashboard.money.outstanding')] },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (ps: { dataIndex: number }[]) => {
          const r = ordered[ps[0]?.dataIndex ?? 0];
          if (!r) return '';
          const m = (x: typeof r.pledged) => (x ? formatMoney(x, f.locale) : '—');
          return [`<b>${r.name}</b>`, `${t('accountability.dashboard.money.pledged')}: ${m(r.pledged)}`, `${t('accountability.dashboard.money.delivered')}: ${m(r.delivered)}`, `${t('accountability.dashboard.money.outstanding')}: ${m(r.outstanding)}`].join('<br/>');
        },
      },
      xAxis: { type: 'value', splitNumber: narrow ? 2 : undefined, axisLabel: { color: '#495057', formatter: (v: number) => axisMoney(v, currency, f.locale) } },
      yAxis: { type: 'category', data: ordered.map((r) => r.name), axisLabel: { color: '#212529', width: narrow ? 84 : 140, overflow: 'truncate' } },
      series: [
        { name: t('accountability.dashboard.money.delivered'), type: 'bar', stack: 'p', barMaxWidth: 26, itemStyle: { color: DELIVERED }, data: ordered.map((r) => (r.delivered ? toNumber(r.delivered) : 0)) },
        { name: t('accountability.dashboard.money.outstanding'), type: 'bar', stack: 'p', barMaxWidth: 26, itemStyle: { color: OUTSTANDING }, data: ordered.map((r) => (r.outstanding ? toNumber(r.outstanding) : 0)) },
      ],
    };
  }, [rows, currency, f.locale, t, narrow]);
  if (rows.length === 0 && rows.unconverted.length === 0)
    return <EmptyState title={t('accountability.dashboard.money.emptyTitle')} description={t('accountability.dashboard.money.emptyBody')} />;
  const summary = rows
    .map((r) => t('accountability.dashboard.money.chartRow', { partner: r.name, delivered: r.delivered ? formatMoney(r.delivered, f.locale) : '—', pledged: formatMoney(r.pledged!, f.locale) }))
    .join('; ');
  return (
    <Stack gap="sm">
      {view && view.missing.length > 0 && (
        <Alert color="yellow" variant="light" icon={<IconInfoCircle aria-hidden />}>
          <Text size="sm">{t('accountability.dashboard.money.missingRates', { pairs: view.missing.map((m) => `${m.from}→${m.to}`).join(', ') })}</Text>
        </Alert>
      )}
      {rows.length > 0 && (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <LazyEChart option={option} height={Math.max(140, 48 + rows.length * 40)} label={t('accountability.dashboard.money.chartAria', { currency, summary })} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <ScrollTable minWidth={360} label={t('accountability.dashboard.money.table')}>
              <Table verticalSpacing={6} fz="sm">
                <Table.Caption style={HIDDEN}>{t('accountability.dashboard.money.table')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('accountability.partner')}</Table.Th>
                    <Table.Th ta="right">{t('accountability.dashboard.money.pledged')}</Table.Th>
                    <Table.Th>{t('accountability.dashboard.money.deliveredShare')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r) => (
                    <Table.Tr key={r.partner}>
                      <Table.Td>{r.name}</Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                        {formatMoney(r.pledged!, f.locale)}
                      </Table.Td>
                      <Table.Td>
                        <PercentBar percent={r.ratio?.percent ?? '0'} label={t('accountability.deliveredAria', { percent: formatPercent(r.ratio?.percent ?? '0', f.locale) })} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          </Grid.Col>
        </Grid>
      )}
      {rows.unconverted.length > 0 && (
        <Text size="sm">
          {t('accountability.dashboard.money.unconverted', {
            list: rows.unconverted
              .map((u) => t('accountability.dashboard.money.unconvertedRow', { partner: u.name, pledged: u.amounts.map((a) => formatMoney(a.pledged, f.locale)).join(' + '), delivered: u.amounts.map((a) => formatMoney(a.delivered, f.locale)).join(' + ') }))
              .join('; '),
          })}
        </Text>
      )}
      <Text size="xs" c="gray.7">
        {view && view.ratesUsed.length > 0
          ? t('accountability.dashboard.money.ratesUsed', { currency, date: f.date(view.on), rates: ratesUsedText(view.ratesUsed, f.locale, f.date) })
          : view && view.missing.length > 0
            ? t('accountability.dashboard.money.asOf', { currency, date: f.date(view.on) })
            : t('accountability.dashboard.money.noRates', { currency, date: f.date(view?.on ?? d.finance.on) })}
      </Text>
    </Stack>
  );
}

function ResultsView({ d, base }: { d: Dashboard; base: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const r = d.results;
  if (r.indicators.length === 0)
    return <EmptyState icon={IconTargetArrow} title={t('accountability.dashboard.results.emptyTitle')} description={t('accountability.dashboard.results.emptyBody')} />;
  return (
    <Stack gap="sm">
      <Group gap="md" wrap="nowrap" align="center">
        <ThemeIcon size={40} radius="xl" variant="light" color="teal" aria-hidden>
          <IconTargetArrow size={22} />
        </ThemeIcon>
        <div style={{ flex: 1, minWidth: 0 }}>
          <Text size="sm" fw={600}>
            {t('accountability.dashboard.results.overall')}
          </Text>
          {r.overall.percent === null ? (
            <Text size="sm" c="gray.7">
              {t('accountability.dashboard.results.noData')}
            </Text>
          ) : (
            <PercentBar percent={r.overall.percent} label={t('accountability.dashboard.results.overallAria', { percent: formatPercent(r.overall.percent, f.locale) })} />
          )}
          {r.overall.missing.length > 0 && (
            <Text size="xs" c="gray.7">
              {t('accountability.dashboard.results.missing', { count: r.overall.missing.length })}
            </Text>
          )}
        </div>
      </Group>
      <ScrollTable minWidth={420} label={t('accountability.dashboard.results.table')}>
        <Table verticalSpacing={6} fz="sm">
          <Table.Caption style={HIDDEN}>{t('accountability.dashboard.results.table')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('accountability.dashboard.results.indicator')}</Table.Th>
              <Table.Th w={200}>{t('accountability.dashboard.results.progress')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.indicators.map((i) => (
              <Table.Tr key={i.id}>
                <Table.Td>
                  <Anchor component={Link} to={`${base}/results/indicators/${i.id}`} size="sm">
                    {i.title}
                  </Anchor>
                  {i.progress.achieved && (
                    <Group gap={4} mt={2}>
                      <SoftBadge color="green" label={t('accountability.dashboard.results.achieved')} />
                    </Group>
                  )}
                </Table.Td>
                <Table.Td>
                  {i.progress.percent === null ? (
                    <Text size="sm" c="gray.7">
                      {t('accountability.dashboard.results.noData')}
                    </Text>
                  ) : (
                    <PercentBar percent={i.progress.percent} color={i.progress.achieved ? 'green' : 'blue'} label={t('accountability.dashboard.results.indicatorAria', { title: i.title, percent: formatPercent(i.progress.percent, f.locale) })} />
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Stack>
  );
}

function RisksView({ d }: { d: Dashboard }) {
  const { t } = useTranslation();
  const f = useFormat();
  const total = BANDS.reduce((s, b) => s + d.risks.open[b], 0);
  if (total === 0) return <EmptyState title={t('accountability.dashboard.risks.emptyTitle')} description={t('accountability.dashboard.risks.emptyBody')} />;
  const max = Math.max(...BANDS.map((b) => d.risks.open[b]), 1);
  return (
    <Stack gap="xs" role="list" aria-label={t('accountability.dashboard.risks.title')}>
      {BANDS.map((b) => {
        const m = BAND_META[b];
        const n = d.risks.open[b];
        return (
          <Group key={b} gap="sm" wrap="nowrap" role="listitem">
            <Group gap={6} w={120} wrap="nowrap" style={{ flex: 'none' }}>
              <m.icon size={18} color={m.hex} aria-hidden />
              <Text size="sm" fw={600}>
                {t(`accountability.band.${b}`)}
              </Text>
            </Group>
            <div style={{ flex: 1, background: 'var(--mantine-color-gray-1)', borderRadius: 6, height: 18 }} aria-hidden>
              <div style={{ width: `${(n / max) * 100}%`, background: m.hex, height: '100%', borderRadius: 6, minWidth: n ? 6 : 0 }} />
            </div>
            <Text size="sm" fw={700} w={32} ta="right" aria-hidden>
              {f.number(n)}
            </Text>
            <VisuallyHidden>{t('accountability.dashboard.risks.countAria', { count: n, band: t(`accountability.band.${b}`) })}</VisuallyHidden>
          </Group>
        );
      })}
    </Stack>
  );
}
