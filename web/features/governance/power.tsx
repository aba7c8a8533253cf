/**
 * "Voting power": under one decision type of the charter, how much say each seat and each chamber really has (the
 * Banzhaf and Shapley-Shubik indices, from GET .../charter/power) against the share of the vote the charter gives
 * it; who holds a veto, which seats have no power at all. The chart compares the chambers; the tables carry every
 * figure as text (the chart's text alternative).
 */
import { Alert, Badge, Box, Button, Card, Group, List, NativeSelect, Skeleton, Stack, Table, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconBolt, IconInfoCircle, IconShieldLock, IconZzz } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type { CharterPower as CharterPowerSchema } from '../../../src/contracts/governance';
import { decisionTypesOf } from '../../../src/domain/governance/decision-types';
import { api, ApiError } from '../../lib/api';
import { useFormat } from '../../lib/format';
import { LazyEChart as EChart } from '../../components/lazy-chart';
import { CardHeading, ScrollTable, SoftBadge } from '../../components/cards';
import { groupNames, percent, type Charter } from './charter-model';

export type CharterPower = z.infer<typeof CharterPowerSchema>;
type Figure = CharterPower['seats'][number]['banzhaf'];

/** The seats listed before "show all". */
const FIRST_SEATS = 40;
/** Series colours: dark enough for AA against white, told apart by the legend and the table too. */
const COLOURS = { nominal: '#868e96', banzhaf: '#1864ab', shapleyShubik: '#a33b06' };

/** Whose power: the partnership's adopted charter (a version of it), or a draft being edited (nothing stored). */
export type PowerSource = { partnershipId: string; version: number } | { draft: Record<string, unknown> };

export function useCharterPower(source: PowerSource, rule: string | null) {
  return useQuery({
    queryKey: 'draft' in source ? ['charter-power-draft', JSON.stringify(source.draft), rule] : ['partnership', source.partnershipId, 'charter', 'power', source.version, rule],
    queryFn: () =>
      'draft' in source
        ? api.post<CharterPower>('/charter-power', { charter: source.draft, rule })
        : api.get<CharterPower>(`/partnerships/${source.partnershipId}/charter/power?${new URLSearchParams({ rule: rule ?? '', version: String(source.version) })}`),
    enabled: rule !== null,
    staleTime: Infinity,
    retry: false,
  });
}

/** A figure in the reader's language, with its ± margin when it is an estimate. */
function usePct() {
  const f = useFormat();
  return (x: Figure | null | undefined) => (x ? `${percent(x.value, f.locale)}${x.halfWidth !== null ? ` ± ${percent(x.halfWidth, f.locale)}` : ''}` : '—');
}

/** What the figures mean for people: vetoes, a dictator, seats without power, chambers that can block, big gaps. */
export function powerSummary(r: CharterPower, t: TFunction, locale: string, seatName: (id: string) => string, groupName: (g: string | null) => string): string[] {
  const out: string[] = [];
  const list = (xs: string[]) => new Intl.ListFormat(locale, { type: 'conjunction' }).format(xs);
  if (r.dictator) out.push(t('power.summary.dictator', { name: seatName(r.dictator) }));
  else if (r.vetoPlayers.length === r.seats.length && r.seats.length > 1) out.push(t('power.summary.everyVeto'));
  else if (r.vetoPlayers.length) out.push(t('power.summary.veto', { count: r.vetoPlayers.length, names: list(r.vetoPlayers.map(seatName)) }));
  else out.push(t('power.summary.noVeto'));
  const blocs = r.groups.filter((g) => g.group !== null && g.blocVeto && !(g.seats === 1 && r.vetoPlayers.length > 0));
  if (r.groups.length > 1 && blocs.length === r.groups.length) out.push(t('power.summary.everyGroupBlocks'));
  else if (blocs.length) out.push(t('power.summary.groupBlocks', { count: blocs.length, names: list(blocs.map((g) => groupName(g.group))) }));
  out.push(r.dummies.length ? t('power.summary.dummies', { count: r.dummies.length }) : t('power.summary.noDummies'));
  // the largest gap between a chamber's power and its share of the vote, when it is worth saying
  const gaps = r.groups
    .filter((g) => g.nominalShare && r.groups.length > 1)
    .map((g) => ({ g, gap: g.banzhaf.value - (g.nominalShare as Figure).value }))
    .sort((a, b) => Math.abs(b.gap) - Math.abs(a.gap));
  if (gaps.length && Math.abs(gaps[0].gap) >= 0.05) {
    const { g } = gaps[0];
    out.push(t(gaps[0].gap > 0 ? 'power.summary.groupMore' : 'power.summary.groupLess', { name: groupName(g.group), power: percent(g.banzhaf.value, locale), share: percent((g.nominalShare as Figure).value, locale) }));
  } else if (gaps.length) out.push(t('power.summary.groupsAsShares'));
  return out;
}

function PowerChart({ r, groupName }: { r: CharterPower; groupName: (g: string | null) => string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const byGroup = r.groups.length > 1;
  const rows = byGroup
    ? r.groups.map((g) => ({ name: groupName(g.group), nominal: g.nominalShare, banzhaf: g.banzhaf, shapleyShubik: g.shapleyShubik }))
    : r.seats.map((s) => ({ name: s.name ?? s.seat, nominal: s.nominalShare, banzhaf: s.banzhaf, shapleyShubik: s.shapleyShubik }));
  const option = useMemo(
    () => ({
      grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
      legend: { top: 0, textStyle: { color: '#212529' } },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => percent(v, f.locale) },
      xAxis: { type: 'value', max: 1, axisLabel: { formatter: (v: number) => percent(v, f.locale) } },
      yAxis: { type: 'category', inverse: true, data: rows.map((x) => x.name), axisTick: { show: false }, axisLabel: { width: 150, overflow: 'truncate', color: '#212529' } },
      series: (
        [
          ['nominal', t('power.nominal')],
          ['banzhaf', t('power.banzhaf')],
          ['shapleyShubik', t('power.shapleyShubik')],
        ] as const
      ).map(([key, name]) => ({
        type: 'bar',
        name,
        barMaxWidth: 16,
        itemStyle: { color: COLOURS[key] },
        data: rows.map((x) => x[key]?.value ?? 0),
      })),
    }),
    [rows, t, f.locale],
  );
  if (!byGroup && rows.length > 24) return null;
  const summary = rows.map((x) => `${x.name}: ${t('power.nominal')} ${percent(x.nominal?.value ?? null, f.locale)}, ${t('power.banzhaf')} ${percent(x.banzhaf.value, f.locale)}, ${t('power.shapleyShubik')} ${percent(x.shapleyShubik.value, f.locale)}`).join('; ');
  return <EChart option={option} height={Math.max(160, 56 + rows.length * 54)} label={t('power.chartAria', { summary })} />;
}

/** The header row shared by the power tables: what the row is, then nominal share, Banzhaf and Shapley-Shubik. */
function PowerHead({ first }: { first: string }) {
  const { t } = useTranslation();
  return (
    <Table.Tr>
      <Table.Th>{first}</Table.Th>
      <Table.Th ta="right">{t('power.nominal')}</Table.Th>
      <Table.Th ta="right">{t('power.banzhaf')}</Table.Th>
      <Table.Th ta="right">{t('power.shapleyShubik')}</Table.Th>
    </Table.Tr>
  );
}

/** A row's three power figures, as percentages in the reader's locale. */
function PowerCells({ figures }: { figures: { nominalShare: Figure | null; banzhaf: Figure; shapleyShubik: Figure } }) {
  const pct = usePct();
  return (
    <>
      <Table.Td ta="right">{pct(figures.nominalShare)}</Table.Td>
      <Table.Td ta="right">{pct(figures.banzhaf)}</Table.Td>
      <Table.Td ta="right">{pct(figures.shapleyShubik)}</Table.Td>
    </>
  );
}

function GroupTable({ r, groupName }: { r: CharterPower; groupName: (g: string | null) => string }) {
  const { t } = useTranslation();
  return (
    <ScrollTable minWidth={520} label={t('power.groupsTable')}>
      <Table verticalSpacing={6} fz="sm" aria-label={t('power.groupsTable')}>
        <Table.Thead>
          <PowerHead first={t('power.chamber')} />
        </Table.Thead>
        <Table.Tbody>
          {r.groups.map((g) => (
            <Table.Tr key={g.group ?? ''}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {groupName(g.group)}
                </Text>
                <Group gap={4}>
                  <Text size="xs" c="gray.7">
                    {t('power.seatCount', { count: g.seats })}
                  </Text>
                  {g.blocVeto && g.group !== null && <SoftBadge color="violet" size="xs" label={t('power.canBlock')} />}
                </Group>
              </Table.Td>
              <PowerCells figures={g} />
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

function SeatTable({ r, groupName }: { r: CharterPower; groupName: (g: string | null) => string }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const seats = all ? r.seats : r.seats.slice(0, FIRST_SEATS);
  return (
    <Stack gap="xs">
      <ScrollTable minWidth={680} label={t('power.seatsTable')}>
        <Table verticalSpacing={6} fz="sm" striped aria-label={t('power.seatsTable')}>
          <Table.Thead>
            <PowerHead first={t('power.seat')} />
          </Table.Thead>
          <Table.Tbody>
            {seats.map((s) => (
              <Table.Tr key={s.seat} data-seat={s.seat}>
                <Table.Td>
                  <Group gap={6} wrap="wrap">
                    <Text size="sm" fw={600}>
                      {s.name ?? s.seat}
                    </Text>
                    {s.veto && <SoftBadge color="red" size="xs" icon={IconShieldLock} label={t('power.vetoBadge')} />}
                    {s.dummy && <SoftBadge color="gray" size="xs" icon={IconZzz} label={t('power.dummyBadge')} />}
                    {r.dictator === s.seat && <SoftBadge color="orange" size="xs" icon={IconBolt} label={t('power.dictatorBadge')} />}
                  </Group>
                  {s.group && (
                    <Text size="xs" c="gray.7">
                      {groupName(s.group)}
                    </Text>
                  )}
                </Table.Td>
                <PowerCells figures={s} />
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      {r.seats.length > FIRST_SEATS && (
        <Group>
          <Button variant="subtle" size="xs" onClick={() => setAll(!all)}>
            {all ? t('power.showFewer') : t('power.showAll', { count: r.seats.length })}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/**
 * The "Voting power" card: pick a decision type, read each chamber's and seat's power under it. On the charter page it
 * reads the adopted version; in the charter editor, the draft as it is typed (once the check finds no error).
 */
export function VotingPowerCard({ source, charter }: { source: PowerSource; charter: Charter }) {
  const { t } = useTranslation();
  const f = useFormat();
  const types = useMemo(() => {
    try {
      return Object.values(decisionTypesOf(charter));
    } catch {
      return [];
    }
  }, [charter]);
  const [chosen, setRule] = useState<string | null>(null);
  // a draft may lose the decision type chosen: fall back to its first
  const rule = chosen && types.some((dt) => dt.id === chosen) ? chosen : (types[0]?.id ?? null);
  const q = useCharterPower(source, rule);
  const names = useMemo(() => groupNames(charter), [charter]);
  const groupName = (g: string | null) => (g === null ? t('power.noGroup') : names(g));
  if (!types.length) return null;
  const r = q.data;
  const seatName = (id: string) => r?.seats.find((s) => s.seat === id)?.name ?? id;
  const problem = q.error instanceof ApiError ? (q.error.problem?.errors?.[0]?.message ?? q.error.message) : q.error ? t('power.failed') : null;
  return (
    <Card>
      <Stack gap="md">
        <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
          <Box style={{ flex: '1 1 320px', minWidth: 0 }}>
            <CardHeading title={t('power.title')} intro={t('power.intro')} />
          </Box>
          <NativeSelect
            label={t('power.rule')}
            data={types.map((dt) => ({ value: dt.id, label: dt.label }))}
            value={rule ?? ''}
            onChange={(e) => setRule(e.currentTarget.value)}
            w={{ base: '100%', sm: 300 }}
          />
        </Group>
        {q.isLoading ? (
          <Stack gap="sm" aria-busy="true" aria-label={t('power.computing')}>
            <Skeleton h={18} w="60%" />
            <Skeleton h={200} />
          </Stack>
        ) : problem ? (
          <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('power.cannotTitle')}>
            <Text size="sm">{problem}</Text>
          </Alert>
        ) : r ? (
          <>
            <Group gap="xs" wrap="wrap">
              {r.method === 'exact' ? (
                <SoftBadge color="teal" label={t('power.exact')} />
              ) : (
                <SoftBadge color="yellow" icon={IconAlertTriangle} label={t('power.estimated', { margin: percent(r.margin?.maxHalfWidth ?? 0, f.locale) })} />
              )}
              {r.stage && <Badge variant="default" size="sm" styles={{ root: { textTransform: 'none' } }}>{t('power.stage', { stage: r.stage })}</Badge>}
            </Group>
            <Box aria-live="polite">
              <List size="sm" spacing={4} icon={<ThemeIcon size={18} radius="xl" variant="light" aria-hidden><IconInfoCircle size={12} /></ThemeIcon>}>
                {powerSummary(r, t, f.locale, seatName, groupName).map((line) => (
                  <List.Item key={line}>{line}</List.Item>
                ))}
              </List>
            </Box>
            <PowerChart r={r} groupName={groupName} />
            <GroupTable r={r} groupName={groupName} />
            <SeatTable r={r} groupName={groupName} />
            <Text size="xs" c="gray.7">
              {t('power.explain')}
            </Text>
          </>
        ) : null}
      </Stack>
    </Card>
  );
}
