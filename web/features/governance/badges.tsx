import type { BadgeProps } from '@mantine/core';
import {
  IconArrowBackUp, IconArrowForwardUp, IconCircleCheck, IconCircleDot, IconCircleX, IconHandStop, IconHourglass, IconLock, IconMessageCircle, IconMinus, IconStairsUp,
  IconThumbDown, IconThumbUp, IconUsersMinus, IconAlertTriangle, type Icon,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ColourBadge } from '../../components/badges';

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

