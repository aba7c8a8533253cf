import { Badge, Button, Group, Table, Text, Title, type BadgeProps, type TitleOrder } from '@mantine/core';
import {
  IconArrowBackUp, IconArrowForwardUp, IconCircleCheck, IconCircleDot, IconCircleX, IconHandStop, IconHourglass, IconLock, IconMessageCircle, IconMinus, IconStairsUp,
  IconThumbDown, IconThumbUp, IconUsersMinus, IconAlertTriangle, IconDownload, type Icon,
} from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ColourBadge, TEXT_ON_LIGHT } from '../../components/badges';

type Size = BadgeProps['size'];
interface Meta {
  color: string;
  icon: Icon;
}

export const DECISION_STATUS_META: Record<string, Meta> = {
  proposed: { color: 'indigo', icon: IconHourglass },
  open: { color: 'teal', icon: IconCircleDot },
  closed: { color: 'gray', icon: IconLock },
  withdrawn: { color: 'gray', icon: IconArrowBackUp },
};

export const OUTCOME_META: Record<string, Meta> = {
  adopted: { color: 'green', icon: IconCircleCheck },
  rejected: { color: 'red', icon: IconCircleX },
  no_quorum: { color: 'yellow', icon: IconUsersMinus },
  referred: { color: 'blue', icon: IconArrowForwardUp },
};

export const DISPUTE_STATUS_META: Record<string, Meta> = {
  open: { color: 'blue', icon: IconMessageCircle },
  escalated: { color: 'orange', icon: IconStairsUp },
  resolved: { color: 'green', icon: IconCircleCheck },
  withdrawn: { color: 'gray', icon: IconArrowBackUp },
};

/** Each ballot choice: a colour (charts, badges) and an icon, so a choice is never told by colour alone. */
export const CHOICE_META: Record<string, Meta & { hex: string }> = {
  yes: { color: 'green', hex: '#2b8a3e', icon: IconThumbUp },
  agree: { color: 'green', hex: '#2b8a3e', icon: IconThumbUp },
  consent: { color: 'green', hex: '#2b8a3e', icon: IconThumbUp },
  no: { color: 'red', hex: '#c92a2a', icon: IconThumbDown },
  block: { color: 'red', hex: '#c92a2a', icon: IconHandStop },
  objection: { color: 'red', hex: '#c92a2a', icon: IconAlertTriangle },
  abstain: { color: 'gray', hex: '#868e96', icon: IconMinus },
  stand_aside: { color: 'yellow', hex: '#e67700', icon: IconMinus },
};

export function DecisionStatusBadge({ status, size }: { status: string; size?: Size }) {
  const { t } = useTranslation();
  const m = DECISION_STATUS_META[status] ?? DECISION_STATUS_META.closed;
  return <ColourBadge color={m.color} icon={m.icon} label={t(`decisions.status.${status}`, { defaultValue: status })} size={size} />;
}

export function OutcomeBadge({ outcome, grade, size }: { outcome: string; grade?: string | null; size?: Size }) {
  const { t } = useTranslation();
  const m = OUTCOME_META[outcome] ?? OUTCOME_META.rejected;
  const label = t(`decisions.outcome.${outcome}`, { defaultValue: outcome });
  return <ColourBadge color={m.color} icon={m.icon} label={grade ? `${label} · ${grade}` : label} size={size} />;
}

export function DisputeStatusBadge({ status, size }: { status: string; size?: Size }) {
  const { t } = useTranslation();
  const m = DISPUTE_STATUS_META[status] ?? DISPUTE_STATUS_META.open;
  return <ColourBadge color={m.color} icon={m.icon} label={t(`disputes.status.${status}`, { defaultValue: status })} size={size} />;
}

export function ChoiceBadge({ choice, size = 'sm' }: { choice: string; size?: Size }) {
  const { t } = useTranslation();
  const m = CHOICE_META[choice] ?? { color: 'gray', icon: IconCircleDot };
  return <ColourBadge color={m.color} icon={m.icon} label={t(`choice.${choice}`, { defaultValue: choice })} size={size} />;
}

/** "Overdue" with its icon and word, never colour alone. */
export function OverdueFlag({ label }: { label: string }) {
  return (
    <Group gap={4} wrap="nowrap" c={TEXT_ON_LIGHT.red}>
      <IconAlertTriangle size={15} aria-hidden />
      <Text size="sm" fw={600} c={TEXT_ON_LIGHT.red}>
        {label}
      </Text>
    </Group>
  );
}

/** A card's heading at the right level, with a line of context and actions on the right. */
export function CardHeading({ title, intro, order = 2, actions }: { title: ReactNode; intro?: ReactNode; order?: TitleOrder; actions?: ReactNode }) {
  return (
    <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
      <div style={{ flex: '1 1 260px', minWidth: 0 }}>
        <Title order={order} fz={order === 2 ? 'lg' : 'md'}>
          {title}
        </Title>
        {intro && (
          <Text size="sm" c="gray.7">
            {intro}
          </Text>
        )}
      </div>
      {actions && <Group gap="xs">{actions}</Group>}
    </Group>
  );
}

/**
 * A table that scrolls sideways on narrow screens; the scrolling area takes keyboard focus (arrow keys scroll it)
 * and is named after the table.
 */
export function ScrollTable({ minWidth, label, children }: { minWidth: number; label: string; children: ReactNode }) {
  return (
    <Table.ScrollContainer minWidth={minWidth} scrollAreaProps={{ viewportProps: { tabIndex: 0, role: 'group', 'aria-label': label } as React.ComponentProps<'div'> }}>
      {children}
    </Table.ScrollContainer>
  );
}

/** A small light badge in a colour, its text dark enough to read (AA) on the light background. */
export function SoftBadge({ color, label, icon: I, size = 'sm' }: { color: string; label: string; icon?: Icon; size?: Size }) {
  return (
    <Badge
      variant="light"
      size={size}
      leftSection={I ? <I size={12} aria-hidden /> : undefined}
      styles={{
        root: { color: TEXT_ON_LIGHT[color] ?? `var(--mantine-color-${color}-9)`, background: `var(--mantine-color-${color}-0)`, border: `1px solid var(--mantine-color-${color}-2)`, textTransform: 'none', fontWeight: 600, maxWidth: 'none', flex: 'none' },
        label: { overflow: 'visible' },
      }}
    >
      {label}
    </Badge>
  );
}

/** "Export CSV": runs the export, busy while it fetches. */
export function ExportButton({ onExport }: { onExport: () => Promise<void> }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      variant="default"
      leftSection={<IconDownload size={16} aria-hidden />}
      loading={busy}
      onClick={async () => {
        setBusy(true);
        try {
          await onExport();
        } finally {
          setBusy(false);
        }
      }}
    >
      {t('common.exportCsv')}
    </Button>
  );
}
