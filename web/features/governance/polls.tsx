import { ActionIcon, Badge, Button, Card, Checkbox, Group, NumberInput, Radio, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowDown, IconArrowUp, IconBallpen, IconPlus, IconTrophy, IconX } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PollResult } from '../../../src/domain/governance/polls';
import { api } from '../../lib/api';
import { useFormat } from '../../lib/format';
import type { DecisionDetail, PartnershipDetail } from '../../lib/types';
import { LazyEChart as EChart } from '../../components/lazy-chart';
import { ProblemAlert } from '../../components/page';
import { CardHeading, ScrollTable, SoftBadge } from '../../components/cards';

type Answer = { choice?: string; approve?: string[]; ranking?: string[]; scores?: Record<string, number>; dots?: Record<string, number> };

/** The reader's answer to a poll, with the input its kind needs. */
export function PollAnswer({ p, d }: { p: PartnershipDetail; d: DecisionDetail }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const poll = d.poll!;
  const mine = (d.myPollAnswer ?? null) as Answer | null;
  const options = poll.options;
  const label = (id: string) => options.find((o) => o.id === id)?.label ?? id;
  const [choice, setChoice] = useState(mine?.choice ?? '');
  const [approve, setApprove] = useState<string[]>(mine?.approve ?? []);
  const [ranking, setRanking] = useState<string[]>(mine?.ranking ?? []);
  const [scores, setScores] = useState<Record<string, number | string>>(mine?.scores ?? {});
  const [dots, setDots] = useState<Record<string, number | string>>(mine?.dots ?? {});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const can = d.allowedActions.includes('answer');
  const maxScore = poll.maxScore ?? 5;
  const totalDots = poll.dots ?? 0;
  const used = Object.values(dots).reduce<number>((n, v) => n + (Number(v) || 0), 0);
  const remaining = totalDots - used;

  const answer = useMemo((): Answer | null => {
    switch (poll.kind) {
      case 'single':
        return choice ? { choice } : null;
      case 'approval':
        return { approve };
      case 'ranked':
        return ranking.length ? { ranking } : null;
      case 'score': {
        const s = Object.fromEntries(Object.entries(scores).filter(([, v]) => v !== '' && v !== undefined).map(([k, v]) => [k, Number(v)]));
        return Object.keys(s).length ? { scores: s } : null;
      }
      case 'dots': {
        const s = Object.fromEntries(Object.entries(dots).filter(([, v]) => Number(v) > 0).map(([k, v]) => [k, Number(v)]));
        return remaining >= 0 ? { dots: s } : null;
      }
      default:
        return null;
    }
  }, [poll.kind, choice, approve, ranking, scores, dots, remaining]);

  const submit = async () => {
    if (!answer) return;
    setBusy(true);
    setError(null);
    try {
      await api.put(`/partnerships/${p.id}/decisions/${d.id}/ballots/me`, { answer });
      notifications.show({ color: 'teal', message: t('polls.answered') });
      await qc.invalidateQueries({ queryKey: ['partnership', p.id, 'decision', d.id] });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const move = (i: number, by: number) =>
    setRanking((r) => {
      const next = [...r];
      const [x] = next.splice(i, 1);
      next.splice(i + by, 0, x);
      return next;
    });

  if (!can)
    return mine ? (
      <Card>
        <CardHeading order={3} title={t('polls.yourAnswer')} />
        <Text size="sm" mt="xs">
          {describeAnswer(mine, label, t)}
        </Text>
      </Card>
    ) : null;

  return (
    <Card>
      <Stack gap="md">
        <CardHeading order={3} title={mine ? t('polls.changeAnswer') : t('polls.answerTitle')} intro={t(`polls.kindHints.${poll.kind}`)} />
        {mine && (
          <Text size="sm">
            {t('polls.currentAnswer')} {describeAnswer(mine, label, t)}
          </Text>
        )}
        <ProblemAlert error={error} title={t('polls.notAnswered')} />
        {poll.kind === 'single' && (
          <Radio.Group label={t('polls.pickOne')} value={choice} onChange={setChoice}>
            <Stack gap={8} mt={6}>
              {options.map((o) => (
                <Radio key={o.id} value={o.id} label={o.label} />
              ))}
            </Stack>
          </Radio.Group>
        )}
        {poll.kind === 'approval' && (
          <Checkbox.Group label={t('polls.pickAny')} value={approve} onChange={setApprove}>
            <Stack gap={8} mt={6}>
              {options.map((o) => (
                <Checkbox key={o.id} value={o.id} label={o.label} />
              ))}
            </Stack>
          </Checkbox.Group>
        )}
        {poll.kind === 'ranked' && (
          <Stack gap="xs">
            <Text size="sm" fw={500} id={`ranking-${d.id}`}>
              {t('polls.yourRanking')}
            </Text>
            {ranking.length === 0 ? (
              <Text size="sm" c="gray.7">
                {t('polls.rankingEmpty')}
              </Text>
            ) : (
              <Stack gap={6} component="ol" aria-labelledby={`ranking-${d.id}`} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {ranking.map((id, i) => (
                  <Group key={id} component="li" gap="xs" wrap="nowrap" p={6} style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}>
                    <Badge variant="filled" radius="xl" size="lg" w={32} aria-hidden>
                      {i + 1}
                    </Badge>
                    <Text size="sm" fw={600} style={{ flex: 1, minWidth: 0 }}>
                      {label(id)}
                    </Text>
                    <ActionIcon variant="default" disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('polls.moveUp', { option: label(id) })}>
                      <IconArrowUp size={16} aria-hidden />
                    </ActionIcon>
                    <ActionIcon variant="default" disabled={i === ranking.length - 1} onClick={() => move(i, 1)} aria-label={t('polls.moveDown', { option: label(id) })}>
                      <IconArrowDown size={16} aria-hidden />
                    </ActionIcon>
                    <ActionIcon variant="subtle" color="red" onClick={() => setRanking((r) => r.filter((x) => x !== id))} aria-label={t('polls.unrank', { option: label(id) })}>
                      <IconX size={16} aria-hidden />
                    </ActionIcon>
                  </Group>
                ))}
              </Stack>
            )}
            {options.some((o) => !ranking.includes(o.id)) && (
              <>
                <Text size="sm" fw={500}>
                  {t('polls.notRanked')}
                </Text>
                <Group gap="xs">
                  {options
                    .filter((o) => !ranking.includes(o.id))
                    .map((o) => (
                      <Button key={o.id} size="xs" variant="default" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setRanking((r) => [...r, o.id])} aria-label={t('polls.rank', { option: o.label })}>
                        {o.label}
                      </Button>
                    ))}
                </Group>
              </>
            )}
          </Stack>
        )}
        {poll.kind === 'score' && (
          <Stack gap="xs">
            <Text size="sm">{t('polls.scoreHint', { max: maxScore })}</Text>
            {options.map((o) => (
              <NumberInput key={o.id} label={o.label} min={0} max={maxScore} step={1} allowDecimal={false} clampBehavior="strict" value={scores[o.id] ?? ''} onChange={(v) => setScores((s) => ({ ...s, [o.id]: v }))} maw={260} />
            ))}
          </Stack>
        )}
        {poll.kind === 'dots' && (
          <Stack gap="xs">
            <Text size="sm" fw={600} aria-live="polite" c={remaining < 0 ? 'red.9' : undefined}>
              {remaining < 0 ? t('polls.tooManyDots', { count: -remaining }) : t('polls.dotsLeft', { count: remaining, total: totalDots })}
            </Text>
            {options.map((o) => (
              <NumberInput key={o.id} label={o.label} min={0} max={totalDots} step={1} allowDecimal={false} clampBehavior="strict" value={dots[o.id] ?? ''} onChange={(v) => setDots((s) => ({ ...s, [o.id]: v }))} maw={260} />
            ))}
          </Stack>
        )}
        <Button onClick={() => void submit()} loading={busy} disabled={!answer} leftSection={<IconBallpen size={16} aria-hidden />} style={{ alignSelf: 'flex-start' }}>
          {mine ? t('polls.submitChange') : t('polls.submit')}
        </Button>
      </Stack>
    </Card>
  );
}

function describeAnswer(a: Answer, label: (id: string) => string, t: (k: string, o?: Record<string, unknown>) => string): string {
  if (a.choice) return label(a.choice);
  if (a.approve) return a.approve.length ? a.approve.map(label).join(', ') : t('polls.approvedNone');
  if (a.ranking) return a.ranking.map((id, i) => `${i + 1}. ${label(id)}`).join('  ');
  if (a.scores) return Object.entries(a.scores).map(([id, n]) => `${label(id)}: ${n}`).join(', ');
  if (a.dots) return Object.entries(a.dots).map(([id, n]) => `${label(id)}: ${n}`).join(', ');
  return '';
}

/** A closed poll's result: per option, the winner(s), and for ranked polls every instant-runoff round. */
export function PollResultView({ d }: { d: DecisionDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const r = d.pollResult as unknown as PollResult | null;
  const poll = d.poll!;
  const option = useMemo(() => {
    if (!r) return null;
    const value = (o: PollResult['options'][number]) => (poll.kind === 'score' ? Number(o.mean?.display ?? 0) : poll.kind === 'dots' ? o.count : o.count);
    return {
      grid: { left: 8, right: 30, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: poll.kind === 'score' ? undefined : 1 },
      yAxis: { type: 'category', inverse: true, data: r.options.map((o) => o.label), axisLabel: { width: 160, overflow: 'truncate' }, axisTick: { show: false } },
      series: [{ type: 'bar', barMaxWidth: 24, label: { show: true, position: 'right', color: '#212529', formatter: (x: { value: number }) => new Intl.NumberFormat(f.locale, { maximumFractionDigits: 2 }).format(x.value) }, data: r.options.map((o) => ({ value: value(o), itemStyle: { color: o.winner ? '#2b8a3e' : '#4d89c2' } })) }],
    };
  }, [r, poll.kind, f.locale]);
  if (!r || !option) return null;
  const winners = r.winners.map((id) => r.options.find((o) => o.id === id)?.label ?? id);
  const list = (xs: string[]) => new Intl.ListFormat(f.locale, { type: 'conjunction' }).format(xs);
  const pct = (x?: { display: string } | null) => (x ? new Intl.NumberFormat(f.locale, { style: 'percent', maximumFractionDigits: 1 }).format(Number(x.display)) : '—');
  return (
    <Card>
      <Stack gap="md">
        <CardHeading order={3} title={t('polls.resultTitle')} intro={t('polls.resultIntro', { count: r.ballots })} />
        <Group gap="xs">
          <IconTrophy size={18} aria-hidden />
          <Text size="sm" fw={650}>
            {winners.length === 0 ? t('polls.noWinner') : r.tie ? t('polls.tie', { options: list(winners) }) : t('polls.winner', { option: winners[0] })}
          </Text>
        </Group>
        <EChart option={option} height={Math.max(120, r.options.length * 40)} label={t('polls.chartAria', { summary: r.options.map((o) => `${o.label}: ${poll.kind === 'score' ? (o.mean?.display ?? '—') : o.count}`).join(', ') })} />
        <ScrollTable minWidth={480} label={t('polls.resultTitle')}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('polls.option')}</Table.Th>
                <Table.Th ta="right">{t(`polls.countCol.${poll.kind}`)}</Table.Th>
                {poll.kind === 'score' ? (
                  <>
                    <Table.Th ta="right">{t('polls.total')}</Table.Th>
                    <Table.Th ta="right">{t('polls.mean')}</Table.Th>
                  </>
                ) : (
                  <Table.Th ta="right">{t('polls.share')}</Table.Th>
                )}
                <Table.Th>{t('common.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.options.map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Td>
                    <Text size="sm" fw={o.winner ? 700 : 500}>
                      {o.label}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{f.number(o.count)}</Table.Td>
                  {poll.kind === 'score' ? (
                    <>
                      <Table.Td ta="right">{f.number(o.total ?? 0)}</Table.Td>
                      <Table.Td ta="right">{o.mean ? new Intl.NumberFormat(f.locale, { maximumFractionDigits: 2 }).format(Number(o.mean.display)) : '—'}</Table.Td>
                    </>
                  ) : (
                    <Table.Td ta="right">{pct(o.share)}</Table.Td>
                  )}
                  <Table.Td>
                    {o.winner ? (
                      <SoftBadge color="green" icon={IconTrophy} label={r.tie ? t('polls.tied') : t('polls.won')} />
                    ) : o.eliminatedIn ? (
                      <Text size="sm" c="gray.7">
                        {t('polls.eliminatedIn', { round: o.eliminatedIn })}
                      </Text>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
        {r.rounds && r.rounds.length > 0 && (
          <Stack gap="xs">
            <Title order={4} fz="sm">
              {t('polls.roundsTitle')}
            </Title>
            <ScrollTable minWidth={560} label={t('polls.roundsTitle')}>
              <Table verticalSpacing="xs" withTableBorder withColumnBorders>
                <Table.Caption>{t('polls.roundsCaption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('polls.round')}</Table.Th>
                    {r.options.map((o) => (
                      <Table.Th key={o.id} ta="right">
                        {o.label}
                      </Table.Th>
                    ))}
                    <Table.Th ta="right">{t('polls.exhausted')}</Table.Th>
                    <Table.Th>{t('polls.roundResult')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {r.rounds.map((round) => (
                    <Table.Tr key={round.round}>
                      <Table.Td>{f.number(round.round)}</Table.Td>
                      {r.options.map((o) => {
                        const c = round.counts.find((x) => x.id === o.id);
                        return (
                          <Table.Td key={o.id} ta="right" c={c ? undefined : 'gray.6'}>
                            {c ? f.number(c.votes) : '—'}
                          </Table.Td>
                        );
                      })}
                      <Table.Td ta="right">{f.number(round.exhausted)}</Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          {round.decided?.length
                            ? round.decided.length > 1
                              ? t('polls.roundTie', { options: list(round.decided.map((id) => r.options.find((o) => o.id === id)?.label ?? id)) })
                              : t('polls.roundWins', { option: r.options.find((o) => o.id === round.decided![0])?.label ?? round.decided[0] })
                            : round.eliminated
                              ? t(round.tieBreak ? `polls.eliminatedBy.${round.tieBreak}` : 'polls.eliminated', { option: r.options.find((o) => o.id === round.eliminated)?.label ?? round.eliminated })
                              : ''}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

/** While a poll is open: how many have answered; results come when it closes. */
export function PollProgress({ d }: { d: DecisionDetail }) {
  const { t } = useTranslation();
  if (d.status !== 'open') return null;
  const answers = d.tally?.voted ?? null;
  return (
    <Card>
      <Stack gap="xs">
        <CardHeading order={3} title={t('polls.progressTitle')} intro={t('polls.progressBody')} />
        {answers !== null && <Text size="sm" fw={600}>{t('polls.answersSoFar', { count: answers })}</Text>}
      </Stack>
    </Card>
  );
}
