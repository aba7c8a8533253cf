import { Anchor, Badge, Card, Group, List, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconArrowLeft, IconClock, IconExternalLink, IconEyeOff, IconMask } from '@tabler/icons-react';
import { useCallback, useMemo } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { decisionTypesOf } from '../../../src/domain/governance/decision-types';
import { useFormat } from '../../lib/format';
import type { DecisionDetail, PartnershipDetail, PartnershipPerson } from '../../lib/types';
import { useCharterVersion } from './api';
import { MyBallots } from './ballot-form';
import { DecisionStatusBadge, OutcomeBadge } from './badges';
import { asCharter, groupNames } from './charter-model';
import { Comments } from './comments';
import { ConvenerActions, OutcomeStatement, SeatActions, SecondingCard } from './decision-actions';
import { ResultsCard } from './decision-results';
import { PollAnswer, PollProgress, PollResultView } from './polls';
import { RollCall } from './roll-call';
import { LoneSeatWarning } from './secrecy-warning';
import { useNow } from './use-now';

/** When voting opens and closes, with a countdown. */
function WindowLine({ d }: { d: DecisionDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const now = useNow(15_000);
  const opens = Date.parse(d.opensAt);
  const closes = Date.parse(d.closesAt);
  let text: string;
  if (d.status === 'closed') text = t('decisions.window.closed', { when: f.dateTime(d.closedAt ?? d.closesAt) });
  else if (d.status === 'withdrawn') text = t('decisions.window.withdrawn', { when: f.dateTime(d.closedAt ?? d.closesAt) });
  else if (d.status === 'proposed') text = t('decisions.window.proposed', { when: f.dateTime(d.closesAt) });
  else if (now < opens) text = t('decisions.window.opens', { when: f.dateTime(d.opensAt), relative: f.relative(d.opensAt, now) });
  else if (now < closes) text = t('decisions.window.open', { when: f.dateTime(d.closesAt), relative: f.relative(d.closesAt, now) });
  else text = t('decisions.window.ended', { when: f.dateTime(d.closesAt) });
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <IconClock size={16} aria-hidden style={{ flex: 'none', marginTop: 2 }} />
      <Text size="sm">{text}</Text>
    </Group>
  );
}

/** A decision or poll: the proposal, seconding, my ballots, the tally or outcome explained, the roll and the deliberation. */
export function DecisionView({ p, d, people }: { p: PartnershipDetail; d: DecisionDetail; people: readonly PartnershipPerson[] | undefined }) {
  const { t } = useTranslation();
  const f = useFormat();
  const charterQ = useCharterVersion(p.id, d.charterVersion);
  const charter = charterQ.data ? asCharter(charterQ.data.charter) : null;
  const names = useMemo(() => (charter ? groupNames(charter) : (g: string | null | undefined) => g ?? ''), [charter]);
  const groupName = useCallback((g: string) => names(g), [names]);
  const topName = useCallback((g: string) => names(g.split('/')[0]), [names]);
  const seatName = useCallback((id: string) => charter?.seats?.find((s) => s.id === id)?.name ?? d.roll.find((r) => r.seat === id)?.name ?? id, [charter, d.roll]);
  const groupOfSeat = useCallback((id: string) => charter?.seats?.find((s) => s.id === id)?.group?.split('/')[0] ?? null, [charter]);
  const typeLabel = charter && d.decisionType ? (decisionTypesOf(charter)[d.decisionType]?.label ?? d.decisionType) : d.decisionType;
  const holderName = useCallback(
    (s: DecisionDetail['roll'][number]) =>
      s.organisationId ? (p.members.find((m) => m.organisationId === s.organisationId)?.organisationName ?? null) : s.personId ? (people?.find((x) => x.userId === s.personId)?.name ?? null) : null,
    [p.members, people],
  );
  const seatActions = <SeatActions p={p} d={d} people={people} charter={charter} />;
  // recused seats do not vote: a group may be down to one voter on this decision
  const recused = useMemo(() => new Set(d.roll.filter((s) => s.recused).map((s) => s.seat)), [d.roll]);
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/partnerships/${p.id}/decisions`} size="sm">
        <Group gap={4} wrap="nowrap" component="span">
          <IconArrowLeft size={14} aria-hidden />
          {t('decisions.backToList')}
        </Group>
      </Anchor>
      <Card>
        <Stack gap="sm">
          <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
            <div style={{ flex: '1 1 320px', minWidth: 0 }}>
              <Text size="sm" c="gray.7" fw={600}>
                {d.kind === 'poll' ? t('decisions.pollNumber', { number: d.number }) : t('decisions.motionNumber', { number: d.number, type: typeLabel ?? '' })}
              </Text>
              <Title order={2} fz={{ base: 20, sm: 24 }} style={{ overflowWrap: 'anywhere' }}>
                {d.title}
              </Title>
            </div>
            <Group gap="xs">
              <ConvenerActions p={p} d={d} />
            </Group>
          </Group>
          <Group gap={6}>
            <DecisionStatusBadge status={d.status} />
            {d.result && <OutcomeBadge outcome={d.result.outcome} grade={d.result.grade} />}
            {d.kind === 'motion' && d.ballotKind && (
              <Badge variant="default" styles={{ root: { textTransform: 'none' } }}>
                {t(`ballotKind.${d.ballotKind}`)}
              </Badge>
            )}
            {d.kind === 'poll' && d.poll && (
              <Badge variant="default" styles={{ root: { textTransform: 'none' } }}>
                {t(`polls.kinds.${d.poll.kind}`)}
              </Badge>
            )}
            {d.anonymous && (
              <Badge variant="default" leftSection={<IconMask size={12} aria-hidden />} styles={{ root: { textTransform: 'none' } }}>
                {t('decisions.secretBallot')}
              </Badge>
            )}
            {!d.anonymous && d.resultsHidden && (
              <Badge variant="default" leftSection={<IconEyeOff size={12} aria-hidden />} styles={{ root: { textTransform: 'none' } }}>
                {t('decisions.resultsHidden')}
              </Badge>
            )}
          </Group>
          <WindowLine d={d} />
          {d.kind === 'motion' && d.anonymous && charter && d.decisionType && d.status !== 'withdrawn' && <LoneSeatWarning charter={charter} decisionType={d.decisionType} leftOut={recused} />}
          <Text size="sm" c="gray.7">
            {t('decisions.proposedBy', { who: d.proposer?.name ?? t('common.system'), when: f.dateTime(d.createdAt) })}
            {d.proposerSeat && ` · ${t('decisions.fromSeat', { seat: seatName(d.proposerSeat) })}`}
            {d.charterVersion && (
              <>
                {' · '}
                <Anchor component={Link} to={`/partnerships/${p.id}/charter?version=${d.charterVersion}`} size="sm" underline="always">
                  {t('decisions.underCharter', { version: d.charterVersion })}
                </Anchor>
              </>
            )}
          </Text>
        </Stack>
      </Card>

      <Card>
        <Stack gap="sm">
          <Title order={3} fz="md">
            {d.kind === 'poll' ? t('decisions.question') : t('decisions.proposal')}
          </Title>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {d.text}
          </Text>
          {d.links.length > 0 && (
            <>
              <Text size="sm" fw={600}>
                {t('decisions.links')}
              </Text>
              <List size="sm" spacing={4} icon={<IconExternalLink size={14} aria-hidden />} center>
                {d.links.map((l, i) => (
                  <List.Item key={i}>
                    <Anchor href={l.url} target="_blank" rel="noreferrer noopener" size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {l.title} <VisuallyHidden>{t('common.opensInNewTab')}</VisuallyHidden>
                    </Anchor>
                  </List.Item>
                ))}
              </List>
            </>
          )}
          {d.amendment && (
            <Text size="sm" c="gray.7">
              {t('decisions.amendmentCarried')}
            </Text>
          )}
        </Stack>
      </Card>

      {d.status === 'proposed' || d.seconds.length > 0 ? <SecondingCard p={p} d={d} seatName={seatName} groupOfSeat={groupOfSeat} topGroups={topName} distinctGroups={charter && d.decisionType ? (decisionTypesOf(charter)[d.decisionType]?.seconders.distinctGroups ?? 0) : 0} /> : null}

      {d.kind === 'motion' ? (
        <>
          <MyBallots p={p} d={d} actions={seatActions} />
          <ResultsCard d={d} groupName={groupName} />
          <RollCall p={p} d={d} groupName={groupName} holderName={holderName} />
        </>
      ) : (
        <>
          {d.status === 'open' && <PollAnswer p={p} d={d} />}
          <PollProgress d={d} />
          {d.status === 'closed' && <PollResultView d={d} />}
        </>
      )}
      <OutcomeStatement p={p} d={d} />
      <Comments p={p} d={d} />
    </Stack>
  );
}
