import { Anchor, Card, Divider, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconCards, IconCircleCheck } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CardHeading, ExportButton, SoftBadge } from '../../components/cards';
import { EmptyState, PageError, PageLoader } from '../../components/page';
import { downloadCsv } from '../../lib/export';
import { useFormat } from '../../lib/format';
import type { PartnershipDetail } from '../../lib/types';
import { refPath, useScorecards, type Scorecard, type Scorecards, type Timeliness } from './api';
import { DueText, LightBadge, NamedLight, PercentBar } from './badges';
import { formatMoney, formatPercent } from '../../lib/money';

/** One card per partner: pledged against delivered, on-time deliveries, reporting timeliness, overdue items. */
export function ScorecardsView({ p }: { p: PartnershipDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const q = useScorecards(p.id);
  if (q.isLoading) return <PageLoader />;
  if (q.error) return <PageError error={q.error} onRetry={() => void q.refetch()} />;
  const r = q.data!;
  return (
    <Stack gap="lg">
      <Card>
        <CardHeading
          title={t('accountability.scorecards.title')}
          intro={t('accountability.scorecards.intro', { date: f.date(r.asOf), count: r.graceDays })}
          actions={r.partners.length > 0 && <ExportButton onExport={async () => exportScorecards(r)} />}
        />
      </Card>
      {r.partners.length === 0 ? (
        <Card>
          <EmptyState icon={IconCards} title={t('accountability.scorecards.emptyTitle')} description={t('accountability.scorecards.emptyBody')} />
        </Card>
      ) : (
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
          {r.partners.map((c) => (
            <PartnerCard key={c.organisationId} p={p} c={c} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}

function PartnerCard({ p, c }: { p: PartnershipDetail; c: Scorecard }) {
  const { t } = useTranslation();
  const f = useFormat();
  const name = c.organisationName ?? t('accountability.formerPartner');
  return (
    <Card component="article" aria-labelledby={`card-${c.organisationId}`}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="xs">
          <div style={{ flex: '1 1 200px', minWidth: 0 }}>
            <Title order={2} fz="lg" id={`card-${c.organisationId}`} style={{ overflowWrap: 'anywhere' }}>
              {name}
            </Title>
            {!c.current && <SoftBadge color="gray" label={t('accountability.scorecards.former')} />}
          </div>
          <Group gap={6} wrap="nowrap">
            <Text size="sm" c="gray.7">
              {t('accountability.scorecards.overall')}
            </Text>
            <LightBadge light={c.lights.overall} size="md" />
          </Group>
        </Group>

        <div>
          <Text size="sm" fw={600} mb={4}>
            {t('accountability.scorecards.fulfilment')}
          </Text>
          {c.fulfilment.length === 0 ? (
            <Text size="sm" c="gray.7">
              {t('accountability.scorecards.noPledges')}
            </Text>
          ) : (
            <Stack gap={6}>
              {c.fulfilment.map((a) => (
                <div key={a.currency}>
                  <Text size="sm">{t('accountability.scorecards.deliveredOf', { delivered: formatMoney(a.delivered, f.locale), pledged: formatMoney(a.pledged, f.locale) })}</Text>
                  <PercentBar percent={a.ratio?.percent ?? '0'} label={t('accountability.deliveredAria', { percent: formatPercent(a.ratio?.percent ?? '0', f.locale) })} />
                </div>
              ))}
            </Stack>
          )}
        </div>

        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          <Rate title={t('accountability.scorecards.deliveries')} light={c.lights.deliveries} tl={c.deliveries} kind="deliveries" />
          <Rate title={t('accountability.scorecards.reports')} light={c.lights.reports} tl={c.reports} kind="reports" />
        </SimpleGrid>

        <Divider />
        <div>
          <Text size="sm" fw={600} mb={4}>
            {t('accountability.scorecards.overdueItems', { count: c.overdue.length })}
          </Text>
          {c.overdue.length === 0 ? (
            <Group gap={6}>
              <IconCircleCheck size={16} color="#2b8a3e" aria-hidden />
              <Text size="sm" c="gray.7">
                {t('accountability.scorecards.nothingOverdue')}
              </Text>
            </Group>
          ) : (
            <Stack gap={8} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {c.overdue.map((i) => (
                <Group key={i.id} component="li" justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
                  <div style={{ minWidth: 0 }}>
                    <Anchor component={Link} to={refPath(p.id, i.ref)} size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {i.label ?? t(`accountability.kind.${i.kind}`)}
                    </Anchor>
                    <Group gap={6}>
                      <Text size="xs" c="gray.7">
                        {t(`accountability.kind.${i.kind}`)}
                      </Text>
                      <LightBadge light={i.light} />
                    </Group>
                  </div>
                  <DueText item={i} />
                </Group>
              ))}
            </Stack>
          )}
        </div>
      </Stack>
    </Card>
  );
}

function Rate({ title, light, tl, kind }: { title: string; light: Scorecard['lights']['overall']; tl: Timeliness; kind: 'deliveries' | 'reports' }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Stack gap={4}>
      <NamedLight name={title} light={light} />
      {tl.rate ? (
        <PercentBar percent={tl.rate.percent} color="blue" label={t(`accountability.scorecards.rateAria.${kind}`, { percent: formatPercent(tl.rate.percent, f.locale) })} />
      ) : null}
      <Text size="xs" c="gray.7">
        {tl.counted === 0 ? t(`accountability.scorecards.noneCounted.${kind}`) : t('accountability.scorecards.onTimeOf', { onTime: tl.onTime, counted: tl.counted })}
      </Text>
      {(tl.open > 0 || tl.overdue > 0) && (
        <Text size="xs" c="gray.7">
          {t('accountability.scorecards.openCounts', { open: tl.open, dueSoon: tl.dueSoon, overdue: tl.overdue })}
        </Text>
      )}
    </Stack>
  );
}

/** Machine-readable columns (exact amounts, light names) for a spreadsheet. */
function exportScorecards(r: Scorecards) {
  const header = ['partner', 'current', 'currency', 'pledged', 'delivered', 'fulfilment_percent', 'deliveries_on_time', 'deliveries_counted', 'delivery_light', 'reports_on_time', 'reports_counted', 'report_light', 'overall_light', 'overdue_items'];
  const rows = r.partners.flatMap((c) => {
    const base = (a?: Scorecard['fulfilment'][number]) => [
      c.organisationName ?? c.organisationId,
      c.current ? 'yes' : 'no',
      a?.currency ?? '',
      a?.pledged.amount ?? '',
      a?.delivered.amount ?? '',
      a?.ratio?.percent ?? '',
      c.deliveries.onTime,
      c.deliveries.counted,
      c.lights.deliveries,
      c.reports.onTime,
      c.reports.counted,
      c.lights.reports,
      c.lights.overall,
      c.overdue.length,
    ];
    return c.fulfilment.length ? c.fulfilment.map(base) : [base()];
  });
  downloadCsv(`scorecards-${r.asOf}.csv`, header, rows);
}
