import { Button, Card, Checkbox, Group, Radio, Stack, Text, Textarea, ThemeIcon } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBallpen, IconBuilding, IconCircleCheck, IconUser, IconUserCheck, IconUserShare } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { useFormat } from '../../lib/format';
import type { DecisionDetail, PartnershipDetail } from '../../lib/types';
import { ProblemAlert } from '../../components/page';
import { ChoiceBadge, CHOICE_META } from './badges';
import { CardHeading } from '../../components/cards';
import { WithdrawProxy } from './decision-actions';

type MySeat = DecisionDetail['mySeats'][number];

const CAPACITY_ICON = { holder: IconUser, representative: IconBuilding, alternate: IconUserCheck, proxy: IconUserShare } as const;
const NEEDS_REASON = new Set(['block', 'objection']);

/** One seat's ballot: the choices of the decision, a reason (required for a block or an objection). */
function SeatBallot({ p, d, seat }: { p: PartnershipDetail; d: DecisionDetail; seat: MySeat }) {
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const roll = d.roll.find((r) => r.seat === seat.seat);
  const [choice, setChoice] = useState<string>(seat.ballot?.choice ?? '');
  const [reason, setReason] = useState(seat.ballot?.reason ?? '');
  const [paramount, setParamount] = useState(true);
  const [resolved, setResolved] = useState(false);
  const [editing, setEditing] = useState(!seat.ballot);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [reasonError, setReasonError] = useState<string | null>(null);
  // a ballot the proxy holder cast for this seat stands: only they may change it
  const canVote = d.allowedActions.includes('vote') && !roll?.recused && !(seat.as !== 'proxy' && seat.proxy?.voted);
  const name = seat.name ?? seat.seat;
  const CapIcon = CAPACITY_ICON[seat.as];

  const cast = async () => {
    if (!choice) return;
    if (NEEDS_REASON.has(choice) && !reason.trim()) {
      setReasonError(t('ballot.reasonRequired'));
      return;
    }
    setBusy(true);
    setError(null);
    setReasonError(null);
    try {
      await api.put(`/partnerships/${p.id}/decisions/${d.id}/ballots/${encodeURIComponent(seat.seat)}`, {
        choice,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
        ...(choice === 'objection' ? { paramount, resolved } : {}),
      });
      notifications.show({ color: 'teal', message: t('ballot.cast', { seat: name, choice: t(`choice.${choice}`) }) });
      setEditing(false);
      await qc.invalidateQueries({ queryKey: ['partnership', p.id, 'decision', d.id] });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card padding="md" bg="gray.0">
      <Stack gap="sm">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <ThemeIcon variant="light" size={32} radius="xl" aria-hidden>
            <CapIcon size={17} />
          </ThemeIcon>
          <div style={{ minWidth: 0 }}>
            <Text fw={650} size="sm">
              {t('ballot.seatLine', { seat: name })}
            </Text>
            <Text size="xs" c="gray.7">
              {t(`ballot.as.${seat.as}`)}
            </Text>
          </div>
        </Group>
        {seat.as !== 'proxy' && seat.proxy && (
          // who carries this seat's vote, and (until they have used it) the way to take it back
          <Group justify="space-between" gap="xs" wrap="wrap" align="center">
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Group gap={6} wrap="nowrap">
                <IconUserShare size={15} aria-hidden style={{ flex: 'none' }} />
                <Text size="sm" fw={600}>
                  {t('ballot.carriedBy', { name: seat.proxy.holder.name })}
                </Text>
              </Group>
              <Text size="xs" c="gray.7">
                {seat.proxy.voted
                  ? t('ballot.carriedVoted', { name: seat.proxy.holder.name })
                  : t('ballot.carriedSince', { who: seat.proxy.grantedBy?.name ?? t('common.system'), when: f.dateTime(seat.proxy.at) })}
              </Text>
            </Stack>
            <WithdrawProxy p={p} d={d} proxy={seat.proxy} seatName={name} />
          </Group>
        )}
        {roll?.recused ? (
          <Text size="sm">{t('ballot.recusedSeat')}</Text>
        ) : seat.ballot && !editing ? (
          <Stack gap={6}>
            <Group gap="xs">
              <Text size="sm">{t('ballot.yourBallot')}</Text>
              <ChoiceBadge choice={seat.ballot.choice} size="md" />
              <Text size="xs" c="gray.7">
                {f.dateTime(seat.ballot.castAt)}
              </Text>
            </Group>
            {seat.ballot.reason && <Text size="sm">{t('common.quoted', { text: seat.ballot.reason })}</Text>}
            {canVote && (
              <Button variant="default" size="xs" onClick={() => setEditing(true)} style={{ alignSelf: 'flex-start' }} aria-label={t('ballot.changeNamed', { seat: name })}>
                {t('ballot.change')}
              </Button>
            )}
          </Stack>
        ) : canVote ? (
          <Stack gap="sm">
            <ProblemAlert error={error} title={t('ballot.notCast')} />
            <Radio.Group label={t('ballot.choose', { seat: name })} value={choice} onChange={setChoice} required>
              <Stack gap={8} mt={6}>
                {d.choices.map((c) => {
                  const M = CHOICE_META[c];
                  return (
                    <Radio.Card key={c} value={c} p="sm" radius="md" className="accord-model-card">
                      <Group gap="sm" wrap="nowrap">
                        <Radio.Indicator />
                        {M && <M.icon size={18} color={M.hex} aria-hidden />}
                        <div>
                          <Text size="sm" fw={600}>
                            {t(`choice.${c}`)}
                          </Text>
                          <Text size="xs" c="gray.7">
                            {t(`choiceHint.${c}`)}
                          </Text>
                        </div>
                      </Group>
                    </Radio.Card>
                  );
                })}
              </Stack>
            </Radio.Group>
            <Textarea
              label={NEEDS_REASON.has(choice) ? t('ballot.reasonRequiredLabel') : t('ballot.reason')}
              description={NEEDS_REASON.has(choice) ? t('ballot.reasonRequiredHint') : t('ballot.reasonHint')}
              required={NEEDS_REASON.has(choice)}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={reasonError}
              autosize
              minRows={2}
              maxLength={5000}
            />
            {choice === 'objection' && (
              <Stack gap={6}>
                <Checkbox label={t('ballot.paramount')} description={t('ballot.paramountHint')} checked={paramount} onChange={(e) => setParamount(e.currentTarget.checked)} />
                {seat.ballot?.choice === 'objection' && <Checkbox label={t('ballot.resolved')} checked={resolved} onChange={(e) => setResolved(e.currentTarget.checked)} />}
              </Stack>
            )}
            <Group gap="sm">
              <Button onClick={() => void cast()} loading={busy} disabled={!choice} leftSection={<IconBallpen size={16} aria-hidden />}>
                {seat.ballot ? t('ballot.submitChange') : t('ballot.submit')}
              </Button>
              {seat.ballot && (
                <Button variant="default" onClick={() => setEditing(false)}>
                  {t('common.cancel')}
                </Button>
              )}
            </Group>
          </Stack>
        ) : d.status === 'closed' && roll?.voted ? (
          // a secret ballot is never shown again once closed, not even to its voter: the seat took part
          <Group gap={4} wrap="nowrap" c="teal.9">
            <IconCircleCheck size={15} aria-hidden />
            <Text size="sm">{t('roll.voted')}</Text>
          </Group>
        ) : (
          <Text size="sm" c="gray.7">
            {d.status === 'closed' ? t('ballot.noBallotClosed') : t('ballot.notOpen')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

/** The seats the reader votes for in this decision, each with its ballot. */
export function MyBallots({ p, d, actions }: { p: PartnershipDetail; d: DecisionDetail; actions?: React.ReactNode }) {
  const { t } = useTranslation();
  if (d.kind !== 'motion' || d.mySeats.length === 0 || d.status === 'proposed' || d.status === 'withdrawn') return null;
  return (
    <Card>
      <Stack gap="md">
        <CardHeading
          order={3}
          title={t('ballot.title', { count: d.mySeats.length })}
          intro={d.anonymous ? t('ballot.secretIntro') : t('ballot.intro')}
          actions={actions}
        />
        {d.mySeats.map((s) => (
          <SeatBallot key={`${s.seat}-${s.ballot?.castAt ?? 'none'}`} p={p} d={d} seat={s} />
        ))}
      </Stack>
    </Card>
  );
}
