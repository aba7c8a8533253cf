import { Box, Grid, Table, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { LazyEChart as EChart } from '../../components/lazy-chart';
import { useFormat } from '../../lib/format';
import type { RiskDetail } from './api';
import { AllocationBadge, PARTY_META, useRiskLabels } from './badges';

/** An exact percent text ("33.5") in the reader's notation ("33,5 %"), without going through floating point. */
export function usePercentText() {
  const f = useFormat();
  return useMemo(() => {
    const sep = new Intl.NumberFormat(f.locale).format(1.5).replace(/\d/g, '') || '.';
    const pct = new Intl.NumberFormat(f.locale, { style: 'percent' }).format(0.25);
    const spaced = /\s%/.test(pct);
    return (text: string) => `${text.replace('.', sep)}${spaced ? '\u202f%' : '%'}`;
  }, [f.locale]);
}

function tint(hex: string, amount: number): string {
  const n = parseInt(hex.slice(1), 16);
  const mix = (c: number) => Math.round(c + (255 - c) * amount);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map(mix);
  return `#${((1 << 24) | (r << 16) | (g << 8) | b).toString(16).slice(1)}`;
}

/** Who bears the risk: a donut of the shares (public authority in blues, private party in oranges) and the same as a table. */
export function AllocationPanel({ r }: { r: RiskDetail }) {
  const { t } = useTranslation();
  const labels = useRiskLabels();
  const pct = usePercentText();
  const shareName = (s: RiskDetail['shares'][number]) => s.organisationName ?? t('risks.detail.wholeSide', { party: labels.party(s.party) });
  const option = useMemo(() => {
    const seen: Record<string, number> = {};
    return {
      tooltip: { trigger: 'item', formatter: (x: { name: string; data: { text: string } }) => `${x.name}: ${x.data.text}` },
      series: [
        {
          type: 'pie',
          radius: ['45%', '80%'],
          avoidLabelOverlap: true,
          label: { show: false },
          itemStyle: { borderColor: '#fff', borderWidth: 2 },
          data: r.shares.map((s) => {
            const k = (seen[s.party] = (seen[s.party] ?? -1) + 1);
            return { name: `${shareName(s)} (${labels.party(s.party)})`, value: Number(s.percent), text: pct(s.percent), itemStyle: { color: tint(PARTY_META[s.party].hex, Math.min(k * 0.22, 0.7)) } };
          }),
        },
      ],
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [r.shares, pct]);
  if (r.shares.length === 0) {
    return (
      <Text size="sm" c="gray.7">
        {t('risks.detail.unallocated')}
      </Text>
    );
  }
  const summary = r.shares.map((s) => `${shareName(s)}, ${labels.party(s.party)}: ${pct(s.percent)}`).join('; ');
  return (
    <Grid gap="md" align="center">
      <Grid.Col span={{ base: 12, sm: 5 }}>
        <Box maw={240} mx="auto">
          <EChart option={option} height={200} label={t('risks.detail.allocationChart', { summary })} />
        </Box>
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 7 }}>
        <Table verticalSpacing={6} aria-label={t('risks.detail.allocationTable')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('risks.detail.party')}</Table.Th>
              <Table.Th>{t('risks.detail.organisation')}</Table.Th>
              <Table.Th ta="right">{t('risks.detail.share')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.shares.map((s, i) => (
              <Table.Tr key={i}>
                <Table.Td>
                  <Box w="max-content">
                    <AllocationBadge allocation={s.party} />
                  </Box>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {s.organisationName ?? t('risks.detail.wholeSideShort')}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">
                  <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                    {pct(s.percent)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="xs" c="gray.7" mt={6}>
          {t('risks.detail.ocds', { party: r.ocdsAllocation === 'undefined' ? t('risks.detail.ocdsUndefined') : labels.party(r.ocdsAllocation) })}
        </Text>
      </Grid.Col>
    </Grid>
  );
}
