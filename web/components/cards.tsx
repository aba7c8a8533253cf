import { Badge, Button, Group, Table, Text, Title, type BadgeProps, type TitleOrder } from '@mantine/core';
import { IconAlertTriangle, IconDownload, type Icon } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TEXT_ON_LIGHT } from './badges';

type Size = BadgeProps['size'];

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
