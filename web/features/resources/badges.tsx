import { Group, Progress, Text, Tooltip, type BadgeProps } from '@mantine/core';
import {
  IconArrowBackUp, IconBox, IconBuildingWarehouse, IconCash, IconChecks, IconCircleCheck, IconCircleX, IconClipboardText, IconClockCheck, IconClockExclamation, IconDatabase, IconDots,
  IconHourglass, IconLicense, IconTruckDelivery, IconUserCheck, type Icon,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ColourBadge } from '../../components/badges';
import { OverdueFlag } from '../../components/cards';
import { useFormat } from '../../lib/format';
import type { CommitmentStatus, DeliveryStatus, Money, ResourceKind } from './api';
import { formatCompact, formatMoney, formatPercent } from '../../lib/money';

type Size = BadgeProps['size'];
interface Meta {
  color: string;
  icon: Icon;
}

export const COMMITMENT_STATUS_META: Record<CommitmentStatus, Meta> = {
  pledged: { color: 'indigo', icon: IconClipboardText },
  confirmed: { color: 'blue', icon: IconCircleCheck },
  partially_delivered: { color: 'teal', icon: IconTruckDelivery },
  delivered: { color: 'green', icon: IconChecks },
  cancelled: { color: 'gray', icon: IconCircleX },
  withdrawn: { color: 'gray', icon: IconArrowBackUp },
};

export const DELIVERY_STATUS_META: Record<DeliveryStatus, Meta> = {
  recorded: { color: 'yellow', icon: IconHourglass },
  confirmed: { color: 'green', icon: IconCircleCheck },
  rejected: { color: 'red', icon: IconCircleX },
  reversed: { color: 'gray', icon: IconArrowBackUp },
};

/** One colour and icon per kind of resource, in badges and charts alike (the hex: a chart colour with white text on it). */
export const KIND_META: Record<ResourceKind, Meta & { hex: string }> = {
  cash: { color: 'green', hex: '#2b8a3e', icon: IconCash },
  in_kind_goods: { color: 'orange', hex: '#a33b06', icon: IconBox },
  staff_time: { color: 'violet', hex: '#5f3dc4', icon: IconUserCheck },
  data: { color: 'cyan', hex: '#0a5f6e', icon: IconDatabase },
  facilities: { color: 'blue', hex: '#1864ab', icon: IconBuildingWarehouse },
  licences_ip: { color: 'grape', hex: '#862e9c', icon: IconLicense },
  other: { color: 'gray', hex: '#42484e', icon: IconDots },
};

export function CommitmentStatusBadge({ status, size = 'sm' }: { status: CommitmentStatus; size?: Size }) {
  const { t } = useTranslation();
  const m = COMMITMENT_STATUS_META[status];
  return <ColourBadge color={m.color} icon={m.icon} label={t(`resources.status.${status}`)} size={size} />;
}

export function DeliveryStatusBadge({ status, size = 'sm' }: { status: DeliveryStatus; size?: Size }) {
  const { t } = useTranslation();
  const m = DELIVERY_STATUS_META[status];
  return <ColourBadge color={m.color} icon={m.icon} label={t(`resources.deliveryStatus.${status}`)} size={size} />;
}

export function KindBadge({ kind, size = 'sm' }: { kind: ResourceKind; size?: Size }) {
  const { t } = useTranslation();
  const m = KIND_META[kind];
  return <ColourBadge color={m.color} icon={m.icon} label={t(`resources.kind.${kind}`)} size={size} />;
}

/** An amount written exactly in the reader's language. */
export function MoneyText({ m, fw, size = 'sm', c }: { m: Money | null | undefined; fw?: number; size?: string; c?: string }) {
  const f = useFormat();
  if (!m) return <Text size={size} c="gray.7" component="span">—</Text>;
  return (
    <Text size={size} fw={fw} c={c} component="span" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
      {formatMoney(m, f.locale)}
    </Text>
  );
}

/** A large amount abbreviated, the exact figure on hover and for screen readers. */
export function CompactMoney({ m, fw = 700, size = 'xl' }: { m: Money | null | undefined; fw?: number; size?: string }) {
  const f = useFormat();
  if (!m) return <Text size={size} fw={fw}>—</Text>;
  const exact = formatMoney(m, f.locale);
  const short = formatCompact(m, f.locale);
  if (short === exact) return <Text size={size} fw={fw}>{exact}</Text>;
  return (
    <Tooltip label={exact}>
      <Text size={size} fw={fw} tabIndex={0} aria-label={exact} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {short}
      </Text>
    </Tooltip>
  );
}

/** Delivered out of pledged as a bar with its percentage in words; pending deliveries shown lighter. */
export function DeliveryProgress({ percent, pendingPercent, label }: { percent: string | null | undefined; pendingPercent?: number; label: string }) {
  const f = useFormat();
  const value = Math.max(0, Math.min(100, Number(percent ?? 0)));
  const pending = Math.max(0, Math.min(100 - value, pendingPercent ?? 0));
  return (
    <Group gap="xs" wrap="nowrap" miw={140}>
      <Progress.Root size="lg" style={{ flex: 1 }} aria-hidden>
        <Progress.Section value={value} color="teal" />
        {pending > 0 && <Progress.Section value={pending} color="yellow.4" />}
      </Progress.Root>
      <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }} aria-label={label}>
        {formatPercent(percent ?? '0', f.locale)}
      </Text>
    </Group>
  );
}

/** Whether a tranche was delivered on time, late, or is still open (and overdue). */
export function TrancheState({ dueOn, deliveredOn, onTime, today }: { dueOn: string; deliveredOn: string | null; onTime: boolean | null; today: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (deliveredOn && onTime) return <ColourBadge color="green" icon={IconClockCheck} label={t('resources.tranche.onTime', { date: f.date(deliveredOn) })} size="sm" />;
  if (deliveredOn) return <ColourBadge color="orange" icon={IconClockExclamation} label={t('resources.tranche.late', { date: f.date(deliveredOn) })} size="sm" />;
  if (dueOn < today) return <OverdueFlag label={t('resources.tranche.overdue')} />;
  return <ColourBadge color="gray" icon={IconHourglass} label={t('resources.tranche.open')} size="sm" />;
}
