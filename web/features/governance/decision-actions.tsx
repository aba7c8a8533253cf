import { Button, Card, Group, List, Modal, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp, IconHandFinger, IconLock, IconUserMinus, IconUserOff, IconUserShare } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { useFormat } from '../../lib/format';
import { useSession } from '../../lib/session';
import type { DecisionDetail, PartnershipDetail, PartnershipPerson } from '../../lib/types';
import { ProblemAlert } from '../../components/page';
import { CardHeading } from '../../components/cards';
import { memberClassName, type Charter } from './charter-model';

/** Runs a write on the decision, refreshes it and says so; keeps the API's error for the dialog. */
function useDecisionWrite(p: PartnershipDetail, d: DecisionDetail) {
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async (path: string, body: unknown, message: string, method: 'post' | 'patch' | 'delete' = 'post'): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      const next = method === 'post' ? await api.post<DecisionDetail>(path, body) : method === 'patch' ? await api.patch<DecisionDetail>(path, body) : await api.delete<DecisionDetail>(path);
      qc.setQueryData(['partnership', p.id, 'decision', d.id], next);
      void qc.invalidateQueries({ queryKey: ['partnership', p.id] });
      notifications.show({ color: 'teal', message });
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, run };
}

function ActionDialog({ opened, onClose, title, body, error, children, confirm, busy, onConfirm, color }: {
  opened: boolean; onClose: () => void; title: string; body: ReactNode; error: unknown; children?: ReactNode; confirm: string; busy: boolean; onConfirm: () => void; color?: string;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      <Stack>
        <Text size="sm">{body}</Text>
        <ProblemAlert error={error} title={t('errors.notSaved')} />
        {children}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button color={color} loading={busy} onClick={onConfirm}>
            {confirm}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Convener actions: close voting now (where the charter allows) and withdraw. */
export function ConvenerActions({ p, d }: { p: PartnershipDetail; d: DecisionDetail }) {
  const { t } = useTranslation();
  const w = useDecisionWrite(p, d);
  const [open, setOpen] = useState<'close' | 'withdraw' | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const canClose = d.allowedActions.includes('close');
  const canWithdraw = d.allowedActions.includes('withdraw');
  if (!canClose && !canWithdraw) return null;
  const close = () => {
    setOpen(null);
    w.setError(null);
  };
  return (
    <>
      {canClose && (
        <Button leftSection={<IconLock size={16} aria-hidden />} onClick={() => setOpen('close')}>
          {d.kind === 'poll' ? t('decisions.closePoll') : t('decisions.closeVoting')}
        </Button>
      )}
      {canWithdraw && (
        <Button variant="default" c="#a51d1d" leftSection={<IconArrowBackUp size={16} aria-hidden />} onClick={() => setOpen('withdraw')}>
          {t('decisions.withdraw')}
        </Button>
      )}
      <ActionDialog
        opened={open === 'close'}
        onClose={close}
        title={t('decisions.closeTitle', { title: d.title })}
        body={d.kind === 'poll' ? t('decisions.closePollBody') : t('decisions.closeBody')}
        error={w.error}
        confirm={d.kind === 'poll' ? t('decisions.closePoll') : t('decisions.closeVoting')}
        busy={w.busy}
        onConfirm={async () => {
          if (await w.run(`/partnerships/${p.id}/decisions/${d.id}/close`, undefined, t('decisions.closed'))) close();
        }}
      />
      <ActionDialog
        opened={open === 'withdraw'}
        onClose={close}
        title={t('decisions.withdrawTitle', { title: d.title })}
        body={t('decisions.withdrawBody')}
        error={w.error}
        confirm={t('decisions.withdraw')}
        color="red"
        busy={w.busy}
        onConfirm={async () => {
          if (!reason.trim()) return setReasonError(t('validation.required'));
          if (await w.run(`/partnerships/${p.id}/decisions/${d.id}/withdraw`, { reason: reason.trim() }, t('decisions.withdrawn'))) close();
        }}
      >
        <Textarea label={t('decisions.withdrawReason')} required value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={reasonError} autosize minRows={2} data-autofocus />
      </ActionDialog>
    </>
  );
}

/** Recusal (a declared conflict of interest) and handing a seat's vote to a proxy. */
export function SeatActions({ p, d, people, charter }: { p: PartnershipDetail; d: DecisionDetail; people: readonly PartnershipPerson[] | undefined; charter: Charter | null }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const w = useDecisionWrite(p, d);
  const [open, setOpen] = useState<'recuse' | 'proxy' | null>(null);
  const own = d.mySeats.filter((s) => s.as !== 'proxy' && !d.roll.find((r) => r.seat === s.seat)?.recused);
  const [seat, setSeat] = useState<string | null>(own[0]?.seat ?? null);
  const [reason, setReason] = useState('');
  const [holder, setHolder] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const canRecuse = d.allowedActions.includes('recuse') && own.length > 0;
  const canProxy = d.allowedActions.includes('grant_proxy') && own.length > 0;
  if (!canRecuse && !canProxy) return null;
  const seatOptions = own.map((s) => ({ value: s.seat, label: s.name ?? s.seat }));
  const close = () => {
    setOpen(null);
    setFieldError(null);
    w.setError(null);
  };
  const caps = charter?.proxies;
  return (
    <>
      {canRecuse && (
        <Button variant="default" size="xs" leftSection={<IconUserOff size={14} aria-hidden />} onClick={() => setOpen('recuse')}>
          {t('ballot.recuse')}
        </Button>
      )}
      {canProxy && (
        <Button variant="default" size="xs" leftSection={<IconUserShare size={14} aria-hidden />} onClick={() => setOpen('proxy')}>
          {t('ballot.grantProxy')}
        </Button>
      )}
      <ActionDialog
        opened={open === 'recuse'}
        onClose={close}
        title={t('ballot.recuseTitle')}
        body={t('ballot.recuseBody')}
        error={w.error}
        confirm={t('ballot.recuse')}
        busy={w.busy}
        onConfirm={async () => {
          if (!seat || !reason.trim()) return setFieldError(t('validation.required'));
          if (await w.run(`/partnerships/${p.id}/decisions/${d.id}/recusals`, { seat, reason: reason.trim() }, t('ballot.recused'))) close();
        }}
      >
        <Select label={t('ballot.seatLabel')} data={seatOptions} value={seat} onChange={setSeat} allowDeselect={false} comboboxProps={{ withinPortal: true }} />
        <Textarea label={t('ballot.recuseReason')} description={t('ballot.recuseReasonHint')} required value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={fieldError} autosize minRows={2} />
      </ActionDialog>
      <ActionDialog
        opened={open === 'proxy'}
        onClose={close}
        title={t('ballot.proxyTitle')}
        body={t('ballot.proxyBody')}
        error={w.error}
        confirm={t('ballot.grantProxy')}
        busy={w.busy}
        onConfirm={async () => {
          if (!seat || !holder) return setFieldError(t('validation.chooseOne'));
          const name = people?.find((x) => x.userId === holder)?.name ?? '';
          if (await w.run(`/partnerships/${p.id}/decisions/${d.id}/proxies`, { seat, holderId: holder }, t('ballot.proxyGranted', { name }))) close();
        }}
      >
        <Select label={t('ballot.seatLabel')} data={seatOptions} value={seat} onChange={setSeat} allowDeselect={false} comboboxProps={{ withinPortal: true }} />
        <Select
          label={t('ballot.proxyHolder')}
          required
          searchable
          data={(people ?? []).filter((x) => x.userId !== user?.id).map((x) => ({ value: x.userId, label: x.organisationName ? `${x.name} (${x.organisationName})` : x.name }))}
          value={holder}
          onChange={setHolder}
          error={fieldError}
          comboboxProps={{ withinPortal: true }}
          nothingFoundMessage={t('common.nothingFound')}
        />
        {caps?.allowed && (caps.maxPerHolder !== undefined || caps.caps?.length) ? (
          <List size="xs" c="gray.7">
            {caps.maxPerHolder !== undefined && <List.Item>{t('charter.maxPerHolder', { count: caps.maxPerHolder })}</List.Item>}
            {(caps.caps ?? []).map((c) => (
              <List.Item key={c.memberClass}>{t('charter.proxyCap', { count: c.max, group: charter ? memberClassName(charter, c.memberClass) : c.memberClass })}</List.Item>
            ))}
          </List>
        ) : null}
      </ActionDialog>
    </>
  );
}

type ProxyInForce = DecisionDetail['proxies'][number];

/** Withdrawing a proxy (the seat's holder or a convener), after a confirmation that says what follows. */
export function WithdrawProxy({ p, d, proxy, seatName, size = 'xs' }: { p: PartnershipDetail; d: DecisionDetail; proxy: ProxyInForce; seatName: string; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  const w = useDecisionWrite(p, d);
  const [open, setOpen] = useState(false);
  if (!proxy.withdrawable) return null;
  const close = () => {
    setOpen(false);
    w.setError(null);
  };
  return (
    <>
      <Button variant="default" size={size} leftSection={<IconUserMinus size={14} aria-hidden />} onClick={() => setOpen(true)} aria-label={t('ballot.withdrawProxyNamed', { seat: seatName })}>
        {t('ballot.withdrawProxy')}
      </Button>
      <ActionDialog
        opened={open}
        onClose={close}
        title={t('ballot.withdrawProxyTitle')}
        body={t('ballot.withdrawProxyBody', { name: proxy.holder.name, seat: seatName })}
        error={w.error}
        confirm={t('ballot.withdrawProxy')}
        color="red.9"
        busy={w.busy}
        onConfirm={async () => {
          const path = `/partnerships/${p.id}/decisions/${d.id}/proxies/${encodeURIComponent(proxy.seat)}`;
          if (await w.run(path, undefined, t('ballot.proxyWithdrawn', { name: proxy.holder.name, seat: seatName }), 'delete')) close();
        }}
      />
    </>
  );
}

/** Seconding: how many seconders the motion still needs, who seconded, and the Second button. */
export function SecondingCard({ p, d, seatName, groupOfSeat, topGroups, distinctGroups }: { p: PartnershipDetail; d: DecisionDetail; seatName: (id: string) => string; groupOfSeat: (id: string) => string | null; topGroups: (id: string) => string; distinctGroups: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  const w = useDecisionWrite(p, d);
  if (d.kind !== 'motion' || d.seconding.required === 0) return null;
  const have = d.seconds.length;
  const need = d.seconding.required;
  const groups = new Set([d.proposerSeat, ...d.seconds.map((s) => s.seat)].flatMap((s) => (s && groupOfSeat(s) ? [groupOfSeat(s) as string] : [])));
  // enough seconders but not from enough groups: what is missing is another group, not another seconder
  const waitingForGroups = !d.seconding.satisfied && have >= need && distinctGroups > 0;
  const distinct = t('seconding.distinct', { count: distinctGroups, have: groups.size });
  return (
    <Card>
      <Stack gap="sm">
        <CardHeading
          order={3}
          title={t('seconding.title')}
          intro={d.seconding.satisfied ? t('seconding.satisfied') : waitingForGroups ? distinct : t('seconding.needs', { count: need })}
          actions={
            d.allowedActions.includes('second') ? (
              <Button leftSection={<IconHandFinger size={16} aria-hidden />} loading={w.busy} onClick={() => void w.run(`/partnerships/${p.id}/decisions/${d.id}/seconds`, {}, t('seconding.done'))}>
                {t('seconding.second')}
              </Button>
            ) : null
          }
        />
        <ProblemAlert error={w.error} title={t('errors.notSaved')} />
        {/* once seconded, the count would read "3 of 2" when a further group was needed: the list below says who */}
        {!d.seconding.satisfied && (
          <Text size="sm" fw={600}>
            {t('seconding.progress', { have, need })}
            {groups.size > 0 && ` · ${t('seconding.groups', { groups: [...groups].map(topGroups).join(', ') })}`}
          </Text>
        )}
        {!d.seconding.satisfied && !waitingForGroups && distinctGroups > 0 && (
          <Text size="sm" c="gray.7">
            {distinct}
          </Text>
        )}
        {d.seconds.length > 0 && (
          <List size="sm" spacing={4}>
            {d.seconds.map((s) => (
              <List.Item key={s.seat}>
                {t('seconding.by', { seat: seatName(s.seat), who: s.by?.name ?? t('common.system'), when: f.dateTime(s.at) })}
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Card>
  );
}

/** After closing: the conveners' outcome statement and the date to review the decision. */
export function OutcomeStatement({ p, d }: { p: PartnershipDetail; d: DecisionDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const w = useDecisionWrite(p, d);
  const can = d.allowedActions.includes('record_outcome');
  const [editing, setEditing] = useState(false);
  const [statement, setStatement] = useState(d.outcomeStatement ?? '');
  const [reviewOn, setReviewOn] = useState(d.reviewOn ?? '');
  if (d.status !== 'closed' && !(d.status === 'withdrawn' && d.outcomeStatement)) return null;
  if (!can && !d.outcomeStatement && !d.reviewOn) return null;
  return (
    <Card>
      <Stack gap="sm">
        <CardHeading
          order={3}
          title={d.status === 'withdrawn' ? t('decisions.withdrawnWhy') : t('decisions.statementTitle')}
          actions={
            can && !editing ? (
              <Button size="xs" variant="light" onClick={() => setEditing(true)}>
                {d.outcomeStatement || d.reviewOn ? t('common.edit') : t('decisions.recordOutcome')}
              </Button>
            ) : null
          }
        />
        {editing ? (
          <Stack gap="sm">
            <ProblemAlert error={w.error} title={t('errors.notSaved')} />
            <Textarea label={t('decisions.statement')} description={t('decisions.statementHint')} value={statement} onChange={(e) => setStatement(e.currentTarget.value)} autosize minRows={3} />
            <TextInput type="date" label={t('decisions.reviewOnLabel')} description={t('decisions.reviewOnHint')} value={reviewOn} onChange={(e) => setReviewOn(e.currentTarget.value)} maw={240} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setEditing(false)}>
                {t('common.cancel')}
              </Button>
              <Button
                loading={w.busy}
                onClick={async () => {
                  if (await w.run(`/partnerships/${p.id}/decisions/${d.id}`, { outcomeStatement: statement.trim() || null, reviewOn: reviewOn || null }, t('common.saved'), 'patch')) setEditing(false);
                }}
              >
                {t('common.saveChanges')}
              </Button>
            </Group>
          </Stack>
        ) : (
          <>
            {d.outcomeStatement ? (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {d.outcomeStatement}
              </Text>
            ) : (
              <Text size="sm" c="gray.7">
                {t('decisions.noStatement')}
              </Text>
            )}
            {d.reviewOn && <Text size="sm">{t('decisions.reviewOn', { date: f.date(d.reviewOn) })}</Text>}
          </>
        )}
      </Stack>
    </Card>
  );
}
