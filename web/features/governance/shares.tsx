import { Badge, Box, Card, Grid, Group, Stack, Text } from '@mantine/core';
import { IconSitemap } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { LazyEChart as EChart } from '../../components/lazy-chart';
import { useFormat } from '../../lib/format';
import { CardHeading } from '../../components/cards';
import { groupTree, percent, type Charter, type GroupNode } from './charter-model';
import { usesShares } from '../../../src/domain/governance/charter';

/** One dark colour per top-level group (white text reads on each); inner rings take lighter tints of it, with dark text. */
const PALETTE = ['#1864ab', '#a33b06', '#06634a', '#5f3dc4', '#0a5f6e', '#862e9c', '#3d5f10', '#7f5300', '#a61e4d', '#343a40'];

function tint(hex: string, amount: number): string {
  const n = parseInt(hex.slice(1), 16);
  const mix = (c: number) => Math.round(c + (255 - c) * amount);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map(mix);
  return `#${((1 << 24) | (r << 16) | (g << 8) | b).toString(16).slice(1)}`;
}

function GroupList({ nodes, shares, depth = 0 }: { nodes: GroupNode[]; shares: boolean; depth?: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Box component="ul" style={{ listStyle: 'none', margin: 0, paddingLeft: depth ? 18 : 0, borderLeft: depth ? '2px solid var(--mantine-color-gray-3)' : undefined }}>
      {nodes.map((n) => (
        <Box component="li" key={n.path} py={4}>
          <Group gap={6} wrap="wrap" align="baseline">
            <Text size="sm" fw={depth === 0 ? 650 : 500}>
              {n.shortName}
            </Text>
            {n.share && (
              <Badge variant="default" size="sm" styles={{ root: { textTransform: 'none' } }}>
                {depth === 0 ? t('charter.shareOfVote', { share: n.share }) : t('charter.shareOfParent', { share: n.share })}
              </Badge>
            )}
            {n.power !== null && (
              <Text size="xs" c="gray.7">
                {shares ? t('charter.effectiveShare', { percent: percent(n.power, f.locale) }) : t('charter.seatShare', { percent: percent(n.power, f.locale) })}
              </Text>
            )}
            <Text size="xs" c="gray.7">
              · {t('charter.votingSeats', { count: n.votingSeats })}
              {n.fixedSeats !== null && ` · ${t('charter.fixedSeats', { count: n.fixedSeats })}`}
              {n.spread === 'per_present' && ` · ${t('charter.spreadPerPresent')}`}
            </Text>
          </Group>
          {n.children.length > 0 && <GroupList nodes={n.children} shares={shares} depth={depth + 1} />}
        </Box>
      ))}
    </Box>
  );
}

/** The groups of the charter as a tree with their shares, and a sunburst of each group's share of the whole vote. */
export function GroupsAndShares({ charter }: { charter: Charter }) {
  const { t } = useTranslation();
  const f = useFormat();
  const tree = useMemo(() => groupTree(charter), [charter]);
  const shares = usesShares(charter);
  const option = useMemo(() => {
    const toData = (nodes: GroupNode[], colour: string | null, depth: number): object[] =>
      nodes
        .filter((n) => n.power !== null && n.power > 0)
        .map((n, i) => {
          const base = colour ?? PALETTE[i % PALETTE.length];
          const fill = depth === 0 ? base : tint(base, Math.min(0.3 + 0.22 * depth, 0.8) - (i % 2) * 0.14);
          return {
            name: n.shortName,
            value: n.power,
            itemStyle: { color: fill },
            label: { color: depth === 0 ? '#ffffff' : '#111111' },
            children: toData(n.children, base, depth + 1),
          };
        });
    return {
      tooltip: { trigger: 'item', formatter: (p: { name: string; value: number }) => `${p.name}: ${percent(p.value, f.locale)}` },
      series: [
        {
          type: 'sunburst',
          radius: ['10%', '96%'],
          sort: undefined,
          nodeClick: false,
          itemStyle: { borderColor: '#fff', borderWidth: 2 },
          emphasis: { focus: 'ancestor' },
          // names on the two inner rings only (the list beside the chart names every group); tooltips everywhere
          levels: [
            {},
            { label: { rotate: 'tangential', fontSize: 12, fontWeight: 600, overflow: 'truncate', width: 90, minAngle: 20 } },
            { label: { rotate: 'tangential', fontSize: 11, overflow: 'truncate', width: 70, minAngle: 25 } },
            { label: { show: false } },
            { label: { show: false } },
          ],
          data: toData(tree, null, 0),
        },
      ],
    };
  }, [tree, f.locale]);
  if (tree.length === 0) return null;
  const hasPower = tree.some((n) => n.power !== null && n.power > 0);
  const leaves: GroupNode[] = [];
  const walk = (ns: GroupNode[]) => ns.forEach((n) => (n.children.length ? walk(n.children) : leaves.push(n)));
  walk(tree);
  const summary = leaves.map((n) => `${n.name}: ${percent(n.power, f.locale)}`).join('; ');
  return (
    <Card>
      <Stack gap="md">
        <CardHeading title={t('charter.groupsTitle')} intro={shares ? t('charter.groupsIntroShares') : t('charter.groupsIntroSeats')} />
        <Grid gap="lg" align="center">
          <Grid.Col span={{ base: 12, md: hasPower ? 7 : 12 }}>
            <GroupList nodes={tree} shares={shares} />
          </Grid.Col>
          {hasPower && (
            <Grid.Col span={{ base: 12, md: 5 }}>
              <Stack gap={4} align="center">
                <Box w="100%" maw={360}>
                  <EChart option={option} height={tree.some((n) => n.children.length > 0) ? 340 : 240} label={t('charter.sharesChartAria', { summary })} />
                </Box>
                <Group gap={4} c="gray.7">
                  <IconSitemap size={14} aria-hidden />
                  <Text size="xs" c="gray.7">
                    {tree.some((n) => n.children.length > 0) ? t('charter.sharesChartCaption', { count: leaves.length }) : t('charter.sharesChartCaptionFlat')}
                  </Text>
                </Group>
              </Stack>
            </Grid.Col>
          )}
        </Grid>
      </Stack>
    </Card>
  );
}
