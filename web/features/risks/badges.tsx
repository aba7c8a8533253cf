import { Group, Text, type BadgeProps } from '@mantine/core';
import {
  IconAlertCircle, IconAlertTriangle, IconBolt, IconBuildingBank, IconBriefcase, IconCircleCheck, IconCircleDot, IconFlame, IconLock, IconQuestionMark, IconScale, IconShieldHalf,
  IconShieldCheck, type Icon,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { IMPACT_LABELS, LIKELIHOOD_LABELS, type RiskBand, type RiskStatus } from '../../../src/domain/accountability/risks';
import { ColourBadge } from '../../components/badges';

type Size = BadgeProps['size'];
interface Meta {
  color: string;
  icon: Icon;
}

/**
 * Each band has a colour, an icon and a word (never colour alone). `fill` is the heat map's cell colour:
 * light enough that near-black text keeps well above 4.5:1 on every band.
 */
export const BAND_META: Record<RiskBand, Meta & { fill: string; pale: string; strong: string }> = {
  low: { color: 'green', icon: IconShieldCheck, fill: '#b2f2bb', pale: '#e6f8e9', strong: '#2b8a3e' },
  medium: { color: 'yellow', icon: IconAlertCircle, fill: '#ffec99', pale: '#fff8db', strong: '#e67700' },
  high: { color: 'orange', icon: IconAlertTriangle, fill: '#ffc078', pale: '#ffecd6', strong: '#d9480f' },
  critical: { color: 'red', icon: IconFlame, fill: '#ff8787', pale: '#ffe0e0', strong: '#c92a2a' },
};

export const STATUS_META: Record<RiskStatus, Meta> = {
  open: { color: 'blue', icon: IconCircleDot },
  mitigating: { color: 'teal', icon: IconShieldHalf },
  accepted: { color: 'violet', icon: IconCircleCheck },
  occurred: { color: 'red', icon: IconBolt },
  closed: { color: 'gray', icon: IconLock },
};

/** The parties' colours follow the sectors that usually stand for them: public blue, private orange. */
export const PARTY_META: Record<string, Meta & { hex: string }> = {
  publicAuthority: { color: 'blue', hex: '#1864ab', icon: IconBuildingBank },
  privateParty: { color: 'orange', hex: '#a33b06', icon: IconBriefcase },
  shared: { color: 'grape', hex: '#862e9c', icon: IconScale },
  unallocated: { color: 'gray', hex: '#42484e', icon: IconQuestionMark },
};

export function BandBadge({ band, size = 'sm' }: { band: RiskBand; size?: Size }) {
  const { t } = useTranslation();
  const m = BAND_META[band];
  return <ColourBadge color={m.color} icon={m.icon} label={t(`risks.band.${band}`)} size={size} />;
}

/** The score with its band: "12 · High". */
export function ScoreBadge({ score, band, size = 'sm' }: { score: number; band: RiskBand; size?: Size }) {
  const { t } = useTranslation();
  const m = BAND_META[band];
  return <ColourBadge color={m.color} icon={m.icon} label={t('risks.scoreBand', { score, band: t(`risks.band.${band}`) })} size={size} />;
}

export function RiskStatusBadge({ status, size = 'sm' }: { status: RiskStatus; size?: Size }) {
  const { t } = useTranslation();
  const m = STATUS_META[status] ?? STATUS_META.open;
  return <ColourBadge color={m.color} icon={m.icon} label={t(`risks.status.${status}`)} size={size} />;
}

export function AllocationBadge({ allocation, size = 'sm' }: { allocation: string; size?: Size }) {
  const { t } = useTranslation();
  const m = PARTY_META[allocation] ?? PARTY_META.unallocated;
  return <ColourBadge color={m.color} icon={m.icon} label={t(`risks.allocation.${allocation}`)} size={size} />;
}

/** Labels of the OCDS categories, the scales and the parties in the reader's language. */
export function useRiskLabels() {
  const { t } = useTranslation();
  return {
    category: (code: string, fallback?: string) => t(`risks.categories.${code}`, { defaultValue: fallback ?? code }),
    likelihood: (n: number) => t(`risks.likelihood.${LIKELIHOOD_LABELS[n - 1] ?? 'possible'}`),
    impact: (n: number) => t(`risks.impact.${IMPACT_LABELS[n - 1] ?? 'moderate'}`),
    party: (p: string) => t(`risks.party.${p}`, { defaultValue: p }),
  };
}

/** The OCDS for PPPs risk categories (riskCategory code list), in the order of the list. */
export const OCDS_RISK_CATEGORIES = [
  'landAvailability', 'environmental', 'design', 'construction', 'completion', 'revenue', 'inflationAndFx', 'availabilityAndQuality', 'otherRevenue',
  'financeAvailability', 'refinancing', 'changeInLaw', 'forceMajeure', 'earlyTermination', 'compliance', 'all',
] as const;

/** "Likely × Major" with the ratings, for a cell or a risk. */
export function RatingLine({ likelihood, impact }: { likelihood: number; impact: number }) {
  const { t } = useTranslation();
  const l = useRiskLabels();
  return (
    <Group gap={4} wrap="wrap">
      <Text size="xs" c="gray.7">
        {t('risks.ratingLine', { likelihood: l.likelihood(likelihood), impact: l.impact(impact), l: likelihood, i: impact })}
      </Text>
    </Group>
  );
}

