import { Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { SECTORS } from '../../../src/domain/organisations/organisation';
import { SECTOR_META } from '../../components/badges';
import { LazyEChart as EChart } from '../../components/lazy-chart';
import { useFormat } from '../../lib/format';
import type { PartnershipDetail } from './types';

/** Current member organisations by sector: the mix that makes it cross-sector. */
export function SectorDonut({ p }: { p: PartnershipDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const counts = useMemo(() => {
    const c = new Map<string, number>();
    for (const m of p.members) if (!m.leftOn) c.set(m.sector, (c.get(m.sector) ?? 0) + 1);
    return SECTORS.filter((s) => c.has(s)).map((s) => ({ sector: s, count: c.get(s)! }));
  }, [p.members]);
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'item' },
      series: [
        {
          type: 'pie',
          radius: ['55%', '85%'],
          avoidLabelOverlap: true,
          label: { show: false },
          itemStyle: { borderColor: '#fff', borderWidth: 2 },
          data: counts.map((x) => ({ name: t(`sector.${x.sector}`), value: x.count, itemStyle: { color: SECTOR_META[x.sector].hex } })),
        },
      ],
    }),
    [counts, t],
  );
  if (!counts.length) return null;
  const total = counts.reduce((a, b) => a + b.count, 0);
  const summary = counts.map((x) => `${t(`sector.${x.sector}`)}: ${f.number(x.count)}`).join(', ');
  return (
    <Card>
      <Title order={2} fz="lg" mb="xs">
        {t('overview.bySector')}
      </Title>
      <Stack gap="sm">
        <div style={{ width: 170, alignSelf: 'center' }}>
          <EChart option={option} height={170} label={t('overview.bySectorAria', { summary })} />
        </div>
        <SimpleGrid cols={2} spacing={6} verticalSpacing={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {counts.map((x) => {
            const M = SECTOR_META[x.sector];
            return (
              <Group key={x.sector} gap={6} component="li" wrap="nowrap">
                <M.icon size={16} color={M.hex} aria-hidden style={{ flex: 'none' }} />
                <Text size="sm" truncate>
                  {t(`sector.${x.sector}`)}
                </Text>
                <Text size="sm" fw={700}>
                  {f.number(x.count)}
                </Text>
              </Group>
            );
          })}
        </SimpleGrid>
        <Text size="xs" c="gray.7">
          {t('overview.totalOrganisations', { count: total, formatted: f.number(total) })}
        </Text>
      </Stack>
    </Card>
  );
}
