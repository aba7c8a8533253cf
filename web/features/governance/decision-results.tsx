import { Badge, Box, Card, Group, Paper, Progress, SimpleGrid, Stack, Table, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCircleCheck, IconCircleX, IconEyeOff } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { TEXT_ON_LIGHT } from '../../components/badges';
import { LazyEChart as EChart } from '../../components/lazy-chart';
import { useFormat } from '../../lib/format';
import type { DecisionDetail, DecisionOutcome, DecisionTally } from '../../lib/types';
import { CHOICE_META, OutcomeBadge } from './badges';
import { CardHeading, ScrollTable } from '../../components/cards';
import { conditionText } from './condition-text';

/** How many seats have voted, as a bar and in words. */
export function Participation({ voted, eligible, recused }: { voted: number; eligible: number; recused?: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  const pct = eligible > 0 ? Math.round((voted / eligible) * 100) : 0;
  return (
    <Stack gap={4}>
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={600}>
          {t('tally.participation', { voted: f.number(voted), eligible: f.number(eligible), count: eligible })}
        </Text>
        {!!recused && (
          <Text size="xs" c="gray.7">
            {t('tally.recused', { count: recused })}
          </Text>
        )}
      </Group>
      <Progress value={pct} size="md" radius="xl" aria-label={t('tally.participationAria', { percent: pct })} />
    </Stack>
  );
}

/** The live tally of a motion: ballots per choice and per group, as bars and as a table. */
export function TallyView({ d, tally, groupName }: { d: DecisionDetail; tally: DecisionTally; groupName: (g: string) => string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const choices = d.choices;
  const label = (c: string) => t(`choice.${c}`, { defaultValue: c });
  // once voting has closed, a seat without a ballot did not vote: it is no longer "not voted yet"
  const missing = d.status === 'closed' ? t('tally.didNotVote') : t('tally.notYet');
  const byChoice = useMemo(
    () => ({
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: choices.map(label), axisTick: { show: false } },
      series: [
        {
          type: 'bar',
          barMaxWidth: 26,
          label: { show: true, position: 'right', color: '#212529' },
          data: choices.map((c) => ({ value: tally.counts[c] ?? 0, itemStyle: { color: CHOICE_META[c]?.hex ?? '#868e96' } })),
        },
      ],
    }),
    [tally, choices], // eslint-disable-line react-hooks/exhaustive-deps
  );
  const groups = tally.byGroup;
  const byGroup = useMemo(
    () => ({
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      legend: { top: 0, itemWidth: 12, itemHeight: 12, textStyle: { color: '#212529' } },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: groups.map((g) => groupName(g.group)), axisLabel: { width: 150, overflow: 'truncate' }, axisTick: { show: false } },
      series: [
        ...choices.map((c) => ({ name: label(c), type: 'bar', stack: 'ballots', barMaxWidth: 24, itemStyle: { color: CHOICE_META[c]?.hex ?? '#868e96' }, data: groups.map((g) => g.counts[c] ?? 0) })),
        {
          name: missing,
          type: 'bar',
          stack: 'ballots',
          barMaxWidth: 24,
          itemStyle: { color: '#dee2e6' },
          data: groups.map((g) => Math.max(0, g.members - Object.values(g.counts).reduce((a, b) => a + b, 0))),
        },
      ],
    }),
    [groups, choices, groupName, missing], // eslint-disable-line react-hooks/exhaustive-deps
  );
  const summary = choices.map((c) => `${label(c)}: ${tally.counts[c] ?? 0}`).join(', ');
  return (
    <Stack gap="md">
      <Participation voted={tally.voted} eligible={tally.eligible} recused={d.roll.filter((s) => s.recused).length} />
      <SimpleGrid cols={{ base: 1, md: groups.length > 0 ? 2 : 1 }} spacing="lg">
        <div>
          <Title order={4} fz="sm" mb={4}>
            {t('tally.byChoice')}
          </Title>
          <EChart option={byChoice} height={Math.max(120, choices.length * 44)} label={t('tally.byChoiceAria', { summary })} />
        </div>
        {groups.length > 0 && (
          <div>
            <Title order={4} fz="sm" mb={4}>
              {t('tally.byGroup')}
            </Title>
            <EChart option={byGroup} height={Math.max(150, groups.length * 42 + 50)} label={t('tally.byGroupAria')} />
          </div>
        )}
      </SimpleGrid>
      {groups.length > 0 && (
        <ScrollTable minWidth={420} label={t('tally.tableCaption')}>
          <Table verticalSpacing={4} fz="sm" withTableBorder>
            <Table.Caption>{t('tally.tableCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('charter.group')}</Table.Th>
                {choices.map((c) => (
                  <Table.Th key={c} ta="right">
                    {label(c)}
                  </Table.Th>
                ))}
                <Table.Th ta="right">{missing}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {groups.map((g) => {
                const cast = Object.values(g.counts).reduce((a, b) => a + b, 0);
                return (
                  <Table.Tr key={g.group}>
                    <Table.Td>{groupName(g.group)}</Table.Td>
                    {choices.map((c) => (
                      <Table.Td key={c} ta="right">
                        {f.number(g.counts[c] ?? 0)}
                      </Table.Td>
                    ))}
                    <Table.Td ta="right">{f.number(Math.max(0, g.members - cast))}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Stack>
  );
}

/** The outcome explained: each condition with pass or fail (icon and word), what was required and what happened. */
export function OutcomeExplained({ outcome, projected = false }: { outcome: DecisionOutcome; projected?: boolean }) {
  const { t } = useTranslation();
  const stages = [...new Set(outcome.conditions.map((c) => c.stage ?? ''))];
  return (
    <Stack gap="sm">
      <Group gap="sm" wrap="wrap">
        {projected && (
          <Text size="sm" fw={600}>
            {t('tally.ifClosedNow')}
          </Text>
        )}
        <OutcomeBadge outcome={outcome.outcome} size="lg" />
        {outcome.grade && (
          <Badge variant="default" size="lg" styles={{ root: { textTransform: 'none' } }}>
            {t('tally.grade', { grade: outcome.grade })}
          </Badge>
        )}
        {outcome.stage && !outcome.grade && (
          <Badge variant="default" size="lg" styles={{ root: { textTransform: 'none' } }}>
            {t('tally.stage', { stage: outcome.stage })}
          </Badge>
        )}
      </Group>
      <Text size="sm" c="gray.8">
        {t(`tally.outcomeMeaning.${outcome.outcome}`)}
      </Text>
      <Stack gap="md">
        {stages.map((stage) => (
          <StageRows key={stage} stage={stage} rows={outcome.conditions.filter((c) => (c.stage ?? '') === stage)} showHeader={stages.length > 1 || stage !== ''} />
        ))}
      </Stack>
    </Stack>
  );
}

function StageRows({ stage, rows, showHeader }: { stage: string; rows: DecisionOutcome['conditions']; showHeader: boolean }) {
  const { t } = useTranslation();
  const { locale } = useFormat();
  return (
    <Stack gap="xs">
      {showHeader && (
        <Title order={4} fz="sm">
          {stage ? t('tally.stage', { stage }) : t('tally.quorumAndAll')}
        </Title>
      )}
      <Stack gap="xs" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {rows.map((c, i) => {
          const text = conditionText(c, t, locale);
          return (
            <Paper key={`${stage}-${i}`} component="li" withBorder p="sm" radius="md" style={{ borderLeft: `4px solid ${c.passed ? TEXT_ON_LIGHT.green : TEXT_ON_LIGHT.red}` }}>
              <Group gap="sm" wrap="nowrap" align="flex-start">
                <Group gap={4} wrap="nowrap" c={c.passed ? TEXT_ON_LIGHT.green : TEXT_ON_LIGHT.red} w={96} style={{ flex: 'none' }}>
                  {c.passed ? <IconCircleCheck size={18} aria-hidden /> : <IconCircleX size={18} aria-hidden />}
                  <Text size="sm" fw={700} c={c.passed ? TEXT_ON_LIGHT.green : TEXT_ON_LIGHT.red}>
                    {c.passed ? t('tally.passes') : t('tally.fails')}
                  </Text>
                </Group>
                <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
                  <Text size="sm" fw={650} lang={text.lang} style={{ overflowWrap: 'anywhere' }}>
                    {text.label}
                  </Text>
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    <Text span size="sm" c="gray.7">
                      {t('tally.required')}:
                    </Text>{' '}
                    <span lang={text.lang}>{text.required}</span>
                    {' · '}
                    <Text span size="sm" c="gray.7">
                      {t('tally.actual')}:
                    </Text>{' '}
                    <span lang={text.lang}>{text.actual}</span>
                  </Text>
                  {/* outcomes stored before conditions carried their terms keep the server's sentence */}
                  {!c.terms && (
                    <Text size="xs" c="gray.7" lang="en" style={{ overflowWrap: 'anywhere' }}>
                      {c.explanation}
                    </Text>
                  )}
                </Stack>
              </Group>
            </Paper>
          );
        })}
      </Stack>
    </Stack>
  );
}

/** Said when the tally is not shown yet. */
export function ResultsHidden({ d }: { d: DecisionDetail }) {
  const { t } = useTranslation();
  const voted = d.roll.filter((s) => s.voted).length;
  const eligible = d.roll.filter((s) => s.voting && !s.recused).length;
  return (
    <Stack gap="sm">
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <ThemeIcon variant="light" color="gray" size={34} radius="md" aria-hidden>
          <IconEyeOff size={18} />
        </ThemeIcon>
        <Box>
          <Text size="sm" fw={600}>
            {d.anonymous ? t('tally.secretTitle') : t('tally.hiddenTitle')}
          </Text>
          <Text size="sm" c="gray.7">
            {d.anonymous ? t('tally.secretBody') : t('tally.hiddenBody')}
          </Text>
        </Box>
      </Group>
      {d.kind === 'motion' && <Participation voted={voted} eligible={eligible} />}
    </Stack>
  );
}

/** The card with the tally or the outcome, whichever the decision's state allows. */
export function ResultsCard({ d, groupName }: { d: DecisionDetail; groupName: (g: string) => string }) {
  const { t } = useTranslation();
  if (d.kind !== 'motion' || d.status === 'withdrawn' || d.status === 'proposed') return null;
  const closed = d.status === 'closed';
  return (
    <Card>
      <Stack gap="md">
        <CardHeading order={3} title={closed ? t('tally.outcomeTitle') : t('tally.liveTitle')} intro={closed ? t('tally.outcomeIntro') : d.tally ? t('tally.liveIntro') : undefined} />
        {closed && d.result && <OutcomeExplained outcome={d.result} />}
        {d.tally ? (
          <>
            {closed && (
              <Title order={4} fz="sm">
                {t('tally.finalCount')}
              </Title>
            )}
            <TallyView d={d} tally={d.tally} groupName={groupName} />
            {!closed && d.tally.projected && <OutcomeExplained outcome={d.tally.projected} projected />}
          </>
        ) : (
          !closed && <ResultsHidden d={d} />
        )}
      </Stack>
    </Card>
  );
}
