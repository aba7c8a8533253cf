import { Accordion, Badge, Box, Card, Group, Stack, Table, Text } from '@mantine/core';
import { IconCircleCheck, IconClock, IconUserOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import type { DecisionDetail, PartnershipDetail } from '../../lib/types';
import { useBallots } from './api';
import { ChoiceBadge } from './badges';
import { CardHeading, ScrollTable } from '../../components/cards';
import { WithdrawProxy } from './decision-actions';

/**
 * The roll of the decision: every seat, whether it has voted, and, for named decisions once results may be seen,
 * how it voted, why, and by whom; with the history of changed ballots. Anonymous decisions show only who took part.
 */
export function RollCall({ p, d, groupName, holderName }: { p: PartnershipDetail; d: DecisionDetail; groupName: (g: string) => string; holderName: (seat: DecisionDetail['roll'][number]) => string | null }) {
  const { t } = useTranslation();
  const f = useFormat();
  const visible = d.anonymous || d.tally !== null;
  const ballots = useBallots(p.id, d.id, d.kind === 'motion' && d.status !== 'proposed' && visible);
  if (d.kind !== 'motion' || d.roll.length === 0) return null;
  const byseat = new Map((ballots.data?.items ?? []).map((b) => [b.seat, b]));
  const history = ballots.data?.history ?? [];
  const named = !d.anonymous && !!ballots.data;
  const grouped = d.roll.some((s) => s.group);
  const proxies = new Map(d.proxies.map((x) => [x.seat, x]));
  // the reader's own seats offer the withdrawal on their ballot card; the roll offers it to conveners for the others
  const own = new Set(d.mySeats.filter((m) => m.as !== 'proxy').map((m) => m.seat));
  return (
    <Card>
      <Stack gap="md">
        <CardHeading order={3} title={t('roll.title')} intro={d.anonymous ? t('roll.introSecret') : named ? t('roll.introNamed') : t('roll.introHidden')} />
        <ScrollTable minWidth={named ? 760 : 520} label={t('roll.title')}>
          <Table verticalSpacing="xs" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('charter.seat')}</Table.Th>
                {grouped && <Table.Th>{t('charter.group')}</Table.Th>}
                <Table.Th>{t('roll.ballot')}</Table.Th>
                {named && <Table.Th>{t('roll.reason')}</Table.Th>}
                {named && <Table.Th>{t('roll.castBy')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.roll.map((s) => {
                const b = byseat.get(s.seat);
                const holder = holderName(s);
                const proxy = proxies.get(s.seat);
                return (
                  <Table.Tr key={s.seat}>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {s.name ?? s.seat}
                      </Text>
                      {holder && (
                        <Text size="xs" c="gray.7">
                          {holder}
                        </Text>
                      )}
                      {proxy && (
                        <Group gap={6} wrap="wrap" mt={2}>
                          <Text size="xs" c="gray.8">
                            {t('roll.proxyCarriedBy', { name: proxy.holder.name })}
                          </Text>
                          {!own.has(s.seat) && <WithdrawProxy p={p} d={d} proxy={proxy} seatName={s.name ?? s.seat} />}
                        </Group>
                      )}
                    </Table.Td>
                    {grouped && (
                      <Table.Td>
                        <Text size="sm">{s.group ? groupName(s.group) : '—'}</Text>
                      </Table.Td>
                    )}
                    <Table.Td>
                      {!s.voting ? (
                        <Badge variant="default" size="sm" styles={{ root: { textTransform: 'none' } }}>
                          {t('charter.nonVoting')}
                        </Badge>
                      ) : s.recused ? (
                        <Group gap={4} wrap="nowrap" align="flex-start" c="gray.8" maw={320}>
                          <IconUserOff size={15} aria-hidden style={{ flex: 'none', marginTop: 2 }} />
                          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                            {s.recusalReason ? t('roll.recusedBecause', { reason: s.recusalReason }) : t('roll.recused')}
                          </Text>
                        </Group>
                      ) : named && b?.choice ? (
                        <Box w="max-content">
                          <ChoiceBadge choice={b.choice} />
                        </Box>
                      ) : s.voted ? (
                        <Group gap={4} wrap="nowrap" c="teal.9">
                          <IconCircleCheck size={15} aria-hidden />
                          <Text size="sm">{t('roll.voted')}</Text>
                        </Group>
                      ) : (
                        <Group gap={4} wrap="nowrap" c="gray.7">
                          <IconClock size={15} aria-hidden />
                          <Text size="sm">{d.status === 'closed' ? t('roll.didNotVote') : t('roll.notYet')}</Text>
                        </Group>
                      )}
                    </Table.Td>
                    {named && (
                      <Table.Td maw={280}>
                        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                          {b?.reason ?? ''}
                        </Text>
                      </Table.Td>
                    )}
                    {named && (
                      <Table.Td>
                        {b?.castBy && (
                          <>
                            <Text size="sm">{b.castBy.name}</Text>
                            <Text size="xs" c="gray.7">
                              {b.byProxy ? `${t('roll.byProxy')} · ` : b.byAlternate ? `${t('roll.byAlternate')} · ` : ''}
                              {b.castAt ? f.dateTime(b.castAt) : ''}
                            </Text>
                          </>
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollTable>
        {named && history.length > 0 && (
          <Accordion variant="contained" chevronPosition="left">
            <Accordion.Item value="history">
              <Accordion.Control>{t('roll.history', { count: history.length })}</Accordion.Control>
              <Accordion.Panel>
                <ScrollTable minWidth={560} label={t('roll.history', { count: history.length })}>
                  <Table verticalSpacing={4} fz="sm">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('roll.when')}</Table.Th>
                        <Table.Th>{t('charter.seat')}</Table.Th>
                        <Table.Th>{t('roll.ballot')}</Table.Th>
                        <Table.Th>{t('roll.castBy')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {history.map((h, i) => (
                        <Table.Tr key={i}>
                          <Table.Td style={{ whiteSpace: 'nowrap' }}>{f.dateTime(h.at)}</Table.Td>
                          <Table.Td>{d.roll.find((r) => r.seat === h.seat)?.name ?? h.seat}</Table.Td>
                          <Table.Td>
                            <ChoiceBadge choice={h.choice} />
                            {h.reason && (
                              <Text size="xs" c="gray.7">
                                {t('common.quoted', { text: h.reason })}
                              </Text>
                            )}
                          </Table.Td>
                          <Table.Td>{h.castBy?.name ?? '—'}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </ScrollTable>
              </Accordion.Panel>
            </Accordion.Item>
          </Accordion>
        )}
      </Stack>
    </Card>
  );
}
