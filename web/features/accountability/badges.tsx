import { Group, Progress, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconAlertCircle, IconAlertTriangle, IconCircleCheck, IconFlame, IconShieldCheck, type Icon } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { SoftBadge } from '../../components/cards';
import { useFormat } from '../../lib/format';
import type { DueItem, Light } from './api';
import { barValue, formatCompact, formatMoney, formatPercent, type Money } from '../../lib/money';

/** A traffic light: its colour, icon and word together, never colour alone. */
export const LIGHT_META: Record<Light, { color: string; hex: string; icon: Icon }> = {
  green: { color: 'green', hex: '#2b8a3e', icon: IconCircleCheck },
  yellow: { color: 'yellow', hex: '#e67700', icon: IconAlertCircle },
  red: { color: 'red', hex: '#c92a2a', icon: IconAlertTriangle },
};

export function LightBadge({ light, size = 'sm' }: { light: Light; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  const m = LIGHT_META[light];
  return <SoftBadge color={m.color} icon={m.icon} label={t(`accountability.light.${light}`)} size={size} />;
}

/** A light with what it is about: "Deliveries: On track". */
export function NamedLight({ name, light }: { name: string; light: Light }) {
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm" c="gray.7">
        {name}
      </Text>
      <LightBadge light={light} />
    </Group>
  );
}

export const BAND_META = {
  critical: { color: 'red', hex: '#c92a2a', icon: IconFlame },
  high: { color: 'orange', hex: '#d9480f', icon: IconAlertTriangle },
  medium: { color: 'yellow', hex: '#e67700', icon: IconAlertCircle },
  low: { color: 'green', hex: '#2b8a3e', icon: IconShieldCheck },
} as const;
export type Band = keyof typeof BAND_META;
export const BANDS: Band[] = ['critical', 'high', 'medium', 'low'];

/** When an item is due or how late it is, in words. */
export function DueText({ item }: { item: DueItem }) {
  const { t } = useTranslation();
  const f = useFormat();
  const days = item.daysUntilDue;
  const when =
    days < 0 ? t('accountability.due.late', { count: -days }) : days === 0 ? t('accountability.due.today') : t('accountability.due.in', { count: days });
  return (
    <div>
      <Text size="sm">{f.date(item.dueOn)}</Text>
      <Text size="xs" c={days < 0 ? '#a51d1d' : 'gray.7'} fw={days < 0 ? 600 : undefined}>
        {when}
      </Text>
    </div>
  );
}

/** A share as a bar with its percentage written next to it. */
export function PercentBar({ percent, label, color = 'teal' }: { percent: string | number | null | undefined; label: string; color?: string }) {
  const f = useFormat();
  return (
    <Group gap="xs" wrap="nowrap" miw={140}>
      <Progress size="lg" value={barValue(percent)} color={color} style={{ flex: 1 }} aria-hidden />
      <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }} aria-hidden>
        {formatPercent(percent, f.locale)}
      </Text>
      <VisuallyHidden>{label}</VisuallyHidden>
    </Group>
  );
}

/** A large short figure with the exact amount on hover and for screen readers. */
export function CompactMoney({ m, size = 'xl' }: { m: Money | null | undefined; size?: string }) {
  const f = useFormat();
  if (!m) return <Text size={size} fw={700}>—</Text>;
  const exact = formatMoney(m, f.locale);
  const short = formatCompact(m, f.locale);
  if (short === exact) return <Text size={size} fw={700}>{exact}</Text>;
  return (
    <>
      <Tooltip label={exact}>
        <Text size={size} fw={700} aria-hidden style={{ fontVariantNumeric: 'tabular-nums', width: 'fit-content' }}>
          {short}
        </Text>
      </Tooltip>
      <VisuallyHidden>{exact}</VisuallyHidden>
    </>
  );
}
