import { Anchor, Card, Grid, Group, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { IconCalendarOff } from '@tabler/icons-react';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ReportingCalendar } from '../../../src/contracts/results';
import { useFormat } from '../../lib/format';
import type { PartnershipDetail } from '../../lib/types';
import { useUrlState } from '../../lib/url-state';
import { TEXT_ON_LIGHT } from '../../components/badges';
import { AnySelect, ClearFiltersButton } from '../../components/directory';
import { EmptyState, PageError, PageLoader } from '../../components/page';
import { CardHeading, ScrollTable } from '../../components/cards';
import { useCalendar, useReportingOrgs, useResultsTree } from './api';
import { StateLegend } from './indicator';
import { REPORT_STATE_META } from './meta';

type Entry = ReportingCalendar['items'][number];

/** One indicator's periods (columns) by responsible partners (rows). */
function indicatorGrids(items: Entry[]) {
  const byIndicator = new Map<string, { id: string; title: string; periods: Map<string, Entry>; partners: Map<string, string>; cells: Map<string, Entry> }>();
  for (const e of items) {
    let g = byIndicator.get(e.indicatorId);
    if (!g) byIndicator.set(e.indicatorId, (g = { id: e.indicatorId, title: e.indicatorTitle, periods: new Map(), partners: new Map(), cells: new Map() }));
    if (!g.periods.has(e.periodKey)) g.periods.set(e.periodKey, e);
    g.partners.set(e.partnerId, e.partnerName);
    g.cells.set(`${e.periodKey}\u0000${e.partnerId}`, e);
  }
  return [...byIndicator.values()];
}

/** The reporting calendar: for each indicator, periods x partners, each cell coloured with an icon and a word. */
export function ReportingCalendarView({ p }: { p: PartnershipDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { params, set, reset } = useUrlState();
  const indicatorId = params.get('indicator');
  const partnerId = params.get('partner');
  const q = useCalendar(p.id, { indicatorId, partnerId });
  const tree = useResultsTree(p.id);
  const mine = useReportingOrgs(p);
  const grids = useMemo(() => indicatorGrids(q.data?.items ?? []), [q.data]);
  const counts = useMemo(() => {
    const c: Record<string, number> = {};
    for (const e of q.data?.items ?? []) c[e.state] = (c[e.state] ?? 0) + 1;
    return c;
  }, [q.data]);
  const base = `/partnerships/${p.id}`;
  const canReport = !!tree.data?.allowedActions.includes('report');
  return (
    <Card>
      <Stack gap="md">
        <CardHeading title={t('results.calendar.title')} intro={t('results.calendar.intro', { date: q.data ? f.date(q.data.asOf) : '' })} />
        <Grid gap="sm" align="flex-end">
          <Grid.Col span={{ base: 12, sm: 6, md: 5 }}>
            <AnySelect label={t('results.indicatorLabel')} value={indicatorId} onChange={(v) => set('indicator', v)} searchable data={(tree.data?.indicators ?? []).map((i) => ({ value: i.id, label: i.title }))} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
            <AnySelect label={t('results.partner')} value={partnerId} onChange={(v) => set('partner', v)} searchable data={p.members.map((m) => ({ value: m.organisationId, label: m.organisationName }))} />
          </Grid.Col>
          {(indicatorId || partnerId) && (
            <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
              <ClearFiltersButton onClick={() => reset()} />
            </Grid.Col>
          )}
        </Grid>
        {q.data && q.data.items.length > 0 && (
          <Group gap="lg" wrap="wrap" aria-label={t('results.calendar.countsLabel')} role="group">
            {(['overdue', 'returned_overdue', 'open', 'returned', 'submitted', 'approved'] as const).map((s) => (
              <Text key={s} size="sm">
                <Text span fw={700} c={TEXT_ON_LIGHT[REPORT_STATE_META[s].color]}>
                  {f.number(counts[s] ?? 0)}
                </Text>{' '}
                {t(`results.state.${s}`)}
              </Text>
            ))}
          </Group>
        )}
        {q.isLoading ? (
          <PageLoader />
        ) : q.error ? (
          <PageError error={q.error} onRetry={() => void q.refetch()} />
        ) : grids.length === 0 ? (
          <EmptyState icon={IconCalendarOff} title={t('results.calendar.emptyTitle')} description={t('results.calendar.emptyBody')} />
        ) : (
          <>
            <StateLegend />
            {grids.map((g) => {
              const periods = [...g.periods.values()];
              const partners = [...g.partners];
              return (
                <Stack key={g.id} gap={6}>
                  <Title order={3} fz="md">
                    <Anchor component={Link} to={`${base}/results/indicators/${g.id}`} inherit>
                      {g.title}
                    </Anchor>
                  </Title>
                  <ScrollTable minWidth={Math.max(360, 170 + periods.length * 104)} label={t('results.calendar.tableLabel', { title: g.title })}>
                    <Table withTableBorder withColumnBorders verticalSpacing={4} fz="xs" layout="fixed">
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th w={170}>{t('results.partner')}</Table.Th>
                          {periods.map((e) => (
                            <Table.Th key={e.periodKey} w={104}>
                              <Text size="xs" fw={700}>
                                {e.periodKey}
                              </Text>
                              <Text size="xs" c="gray.7" fw={400}>
                                {t('results.calendar.due', { date: f.date(e.dueOn) })}
                              </Text>
                            </Table.Th>
                          ))}
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {partners.map(([pid, name]) => (
                          <Table.Tr key={pid}>
                            <Table.Th scope="row" fw={600} style={{ overflowWrap: 'anywhere' }}>
                              {name}
                            </Table.Th>
                            {periods.map((e) => {
                              const c = g.cells.get(`${e.periodKey}\u0000${pid}`);
                              if (!c) return <Table.Td key={e.periodKey} />;
                              const m = REPORT_STATE_META[c.state] ?? REPORT_STATE_META.upcoming;
                              const own = canReport && (mine.any || mine.orgs.has(pid));
                              const to = c.submissionId
                                ? `${base}/results/submissions/${c.submissionId}`
                                : own && c.state !== 'upcoming'
                                  ? `${base}/results/indicators/${g.id}/report?period=${encodeURIComponent(c.periodKey)}&partner=${pid}`
                                  : null;
                              const content = (
                                <Group gap={4} wrap="nowrap">
                                  <m.icon size={14} aria-hidden style={{ flex: 'none' }} />
                                  <span>{t(`results.state.${c.state}`)}</span>
                                </Group>
                              );
                              return (
                                <Table.Td key={e.periodKey} style={{ background: m.hex, color: TEXT_ON_LIGHT[m.color] ?? '#212529', fontWeight: 600 }}>
                                  {to ? (
                                    <UnstyledButton component={Link} to={to} style={{ color: 'inherit', fontSize: 'inherit', textDecoration: 'underline', textUnderlineOffset: 2 }} aria-label={t('results.calendar.cellAria', { period: c.periodKey, partner: name, state: t(`results.state.${c.state}`) })}>
                                      {content}
                                    </UnstyledButton>
                                  ) : (
                                    content
                                  )}
                                  {c.onTime === false && (
                                    <Text size="xs" c={TEXT_ON_LIGHT.red} fw={600}>
                                      {t('results.calendar.late')}
                                    </Text>
                                  )}
                                </Table.Td>
                              );
                            })}
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </ScrollTable>
                </Stack>
              );
            })}
          </>
        )}
      </Stack>
    </Card>
  );
}
