import { Button, Group, Progress, ScrollArea, Text, Tooltip, type BadgeProps } from '@mantine/core';
import {
  IconAlertTriangle, IconArrowBackUp, IconBox, IconCalendarTime, IconCircleDot, IconClockHour4, IconFlag, IconHierarchy2, IconInbox,
  IconLink, IconLock, IconMinus, IconPencil, IconSend, IconTarget, IconTrendingDown, IconTrendingUp, type Icon,
} from '@tabler/icons-react';
import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ColourBadge, TEXT_ON_LIGHT } from '../../components/badges';
import { useFormat } from '../../lib/format';
import { formatExact } from './numbers';

type Size = BadgeProps['size'];
interface Meta {
  color: string;
  hex: string;
  icon: Icon;
}

/** Where a partner's report for a period stands: a colour, an icon and a word, never colour alone. */
export const REPORT_STATE_META: Record<string, Meta> = {
  upcoming: { color: 'gray', hex: '#f1f3f5', icon: IconClockHour4 },
  open: { color: 'blue', hex: '#d0ebff', icon: IconCircleDot },
  overdue: { color: 'red', hex: '#ffc9c9', icon: IconAlertTriangle },
  submitted: { color: 'indigo', hex: '#dbe4ff', icon: IconSend },
  returned: { color: 'orange', hex: '#ffd8a8', icon: IconArrowBackUp },
  returned_overdue: { color: 'red', hex: '#ffc9c9', icon: IconArrowBackUp },
  approved: { color: 'green', hex: '#b2f2bb', icon: IconLock },
};

export const SUBMISSION_STATUS_META: Record<string, Meta> = {
  draft: { color: 'gray', hex: '#868e96', icon: IconPencil },
  submitted: { color: 'indigo', hex: '#4263eb', icon: IconSend },
  returned: { color: 'orange', hex: '#e8590c', icon: IconArrowBackUp },
  approved: { color: 'green', hex: '#2b8a3e', icon: IconLock },
};

export const LEVEL_META: Record<string, Meta> = {
  goal: { color: 'violet', hex: '#7048e8', icon: IconFlag },
  outcome: { color: 'blue', hex: '#1c7ed6', icon: IconTarget },
  output: { color: 'teal', hex: '#0ca678', icon: IconBox },
};

export function ReportStateBadge({ state, size = 'sm' }: { state: string; size?: Size }) {
  const { t } = useTranslation();
  const m = REPORT_STATE_META[state] ?? REPORT_STATE_META.upcoming;
  return <ColourBadge color={m.color} icon={m.icon} label={t(`results.state.${state}`, { defaultValue: state })} size={size} />;
}

export function SubmissionStatusBadge({ status, size = 'sm' }: { status: string; size?: Size }) {
  const { t } = useTranslation();
  const m = SUBMISSION_STATUS_META[status] ?? SUBMISSION_STATUS_META.draft;
  return <ColourBadge color={m.color} icon={m.icon} label={t(`results.status.${status}`, { defaultValue: status })} size={size} />;
}

export function LevelBadge({ level, size = 'sm' }: { level: string; size?: Size }) {
  const { t } = useTranslation();
  const m = LEVEL_META[level] ?? LEVEL_META.output;
  return <ColourBadge color={m.color} icon={m.icon} label={t(`results.level.${level}`, { defaultValue: level })} size={size} />;
}

/** A progress bar with its percent in words; "no data yet" when nothing below has an approved value. */
export function ProgressMeter({ percent, label, size = 'md', coverage }: { percent: number | null; label: string; size?: 'sm' | 'md' | 'lg'; coverage?: string | null }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (percent === null)
    return (
      <Group gap={6} wrap="nowrap">
        <IconMinus size={14} color={TEXT_ON_LIGHT.gray} aria-hidden />
        <Text size="xs" c="gray.7">
          {t('results.noData')}
        </Text>
      </Group>
    );
  const partial = coverage && coverage !== '1';
  return (
    <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
      <Progress value={percent} size={size} radius="xl" color={percent >= 100 ? 'green' : 'teal'} style={{ flex: 1, minWidth: 60 }} aria-label={t('results.progressAria', { label, percent })} />
      <Text size="sm" fw={700} style={{ flex: 'none' }}>
        {t('results.percent', { value: f.number(percent) })}
      </Text>
      {partial && (
        <Tooltip label={t('results.partialCoverage', { share: f.number(Math.round(Number(eval0(coverage)) * 100)) })}>
          <Text size="xs" c="gray.7" style={{ flex: 'none', cursor: 'help' }} tabIndex={0}>
            {t('results.partialShort')}
          </Text>
        </Tooltip>
      )}
    </Group>
  );
}

/** An exact fraction ("3/4" or "0.75") as a float, for display. */
function eval0(s: string): number {
  const m = /^(-?\d+)\/(\d+)$/.exec(s);
  return m ? Number(m[1]) / Number(m[2]) : Number(s);
}

/** The change of the latest value against the baseline, signed, with an arrow and a word for better or worse. */
export function ChangeFigure({ change, improvement, size = 'sm' }: { change: number | null; improvement: number | null; size?: 'xs' | 'sm' | 'md' }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (change === null || improvement === null) return null;
  const better = improvement > 0;
  const worse = improvement < 0;
  const I = change > 0 ? IconTrendingUp : change < 0 ? IconTrendingDown : IconMinus;
  const colour = better ? TEXT_ON_LIGHT.green : worse ? TEXT_ON_LIGHT.red : TEXT_ON_LIGHT.gray;
  const value = `${change > 0 ? '+' : change < 0 ? '−' : ''}${new Intl.NumberFormat(f.locale, { maximumFractionDigits: 1, minimumFractionDigits: 0 }).format(Math.abs(change))}`;
  return (
    <Group gap={4} wrap="nowrap">
      <I size={16} color={colour} aria-hidden />
      <Text size={size} fw={600} c={colour}>
        {t('results.changeVsBaseline', { value })}
      </Text>
      <Text size="xs" c={colour}>
        ({better ? t('results.better') : worse ? t('results.worse') : t('results.unchanged')})
      </Text>
    </Group>
  );
}

/** A value with its unit, a percentage with its sign, per the indicator's measure. */
export function useValueText() {
  const { t } = useTranslation();
  const f = useFormat();
  return (value: string | null | undefined, measure: string, unit: string) => {
    if (value === null || value === undefined || value === '') return '—';
    if (measure === 'qualitative') return value;
    const n = formatExact(value, f.locale);
    if (measure === 'percentage') return t('results.percentText', { value: n });
    return unit ? `${n} ${unit}` : n;
  };
}

/** The results section's own navigation: the framework, the review queue, the calendar, the contributions. */
export function ResultsSubnav({ base }: { base: string }) {
  const { t } = useTranslation();
  const items = [
    { to: `${base}/results`, label: t('results.tabs.framework'), icon: IconHierarchy2, end: true },
    { to: `${base}/results/review`, label: t('results.tabs.review'), icon: IconInbox },
    { to: `${base}/results/calendar`, label: t('results.tabs.calendar'), icon: IconCalendarTime },
    { to: `${base}/results/contributions`, label: t('results.tabs.contributions'), icon: IconLink },
  ];
  return (
    <ScrollArea type="never" component="nav" aria-label={t('results.tabs.label')} mb="md">
      <Group gap={6} wrap="nowrap" pb={2}>
        {items.map((i) => (
          <Button key={i.to} component={NavLink} to={i.to} end={i.end} size="xs" variant="default" leftSection={<i.icon size={14} aria-hidden />} className="accord-topnav" style={{ flex: 'none' }}>
            {i.label}
          </Button>
        ))}
      </Group>
    </ScrollArea>
  );
}

