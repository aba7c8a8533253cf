import { Badge, Group, Tooltip, type BadgeProps } from '@mantine/core';
import {
  IconArchive,
  IconAffiliate,
  IconBriefcase,
  IconBuildingBank,
  IconBuildingBridge2,
  IconCategory,
  IconClipboardCheck,
  IconGift,
  IconHammer,
  IconHeartHandshake,
  IconLock,
  IconPlant2,
  IconRocket,
  IconSchool,
  IconSearch,
  IconUsersGroup,
  IconWorld,
  IconWorldWww,
  type Icon,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Sector } from '../../src/domain/organisations/organisation';
import type { PartnershipModel, Stage, Visibility } from '../../src/domain/partnerships/partnership';

interface Meta {
  color: string;
  hex: string;
  icon: Icon;
}

/** Each sector has one colour and one icon, used in badges, filters and charts alike. */
export const SECTOR_META: Record<Sector, Meta> = {
  public: { color: 'blue', hex: '#1c7ed6', icon: IconBuildingBank },
  private: { color: 'orange', hex: '#e8590c', icon: IconBriefcase },
  nonprofit: { color: 'teal', hex: '#0ca678', icon: IconHeartHandshake },
  academic: { color: 'violet', hex: '#7048e8', icon: IconSchool },
  multilateral: { color: 'cyan', hex: '#1098ad', icon: IconWorld },
  philanthropic: { color: 'grape', hex: '#ae3ec9', icon: IconGift },
  community: { color: 'lime', hex: '#66a80f', icon: IconUsersGroup },
};

export const STAGE_META: Record<Stage, Meta> = {
  scoping: { color: 'indigo', hex: '#4263eb', icon: IconSearch },
  building: { color: 'blue', hex: '#1c7ed6', icon: IconHammer },
  implementing: { color: 'teal', hex: '#0ca678', icon: IconRocket },
  reviewing: { color: 'yellow', hex: '#f59f00', icon: IconClipboardCheck },
  sustaining: { color: 'green', hex: '#37b24d', icon: IconPlant2 },
  closed: { color: 'gray', hex: '#868e96', icon: IconArchive },
};

export const MODEL_META: Record<PartnershipModel, Meta> = {
  ppp: { color: 'blue', hex: '#1c7ed6', icon: IconBuildingBridge2 },
  nonprofit_corporate: { color: 'teal', hex: '#0ca678', icon: IconHeartHandshake },
  msi: { color: 'violet', hex: '#7048e8', icon: IconAffiliate },
  other: { color: 'gray', hex: '#868e96', icon: IconCategory },
};

type Size = BadgeProps['size'];

/** Text colours that keep AA contrast (>= 4.5:1) on the palette's lightest shade, even at badge sizes. */
export const TEXT_ON_LIGHT: Record<string, string> = {
  blue: '#1864ab',
  orange: '#a33b06',
  teal: '#06634a',
  violet: '#5f3dc4',
  cyan: '#0a5f6e',
  grape: '#862e9c',
  lime: '#3d5f10',
  indigo: '#364fc7',
  yellow: '#7f5300',
  green: '#1e6b2e',
  gray: '#42484e',
  red: '#a51d1d',
};

/** A light badge whose text keeps AA contrast whatever the colour. */
export function ColourBadge({ color, icon: I, label, size = 'md', title }: { color: string; icon: Icon; label: string; size?: Size; title?: string }) {
  const badge = (
    <Badge
      variant="light"
      color={color}
      size={size}
      radius="sm"
      leftSection={<I size={14} stroke={1.8} aria-hidden />}
      styles={{
        root: {
          color: TEXT_ON_LIGHT[color] ?? `var(--mantine-color-${color}-9)`,
          background: `var(--mantine-color-${color}-0)`,
          border: `1px solid var(--mantine-color-${color}-2)`,
          textTransform: 'none',
          fontWeight: 600,
        },
      }}
    >
      {label}
    </Badge>
  );
  return title ? <Tooltip label={title}>{badge}</Tooltip> : badge;
}

/** A badge component for one kind of value (sector, stage, model): its colour and icon from `meta`, its label from `labelKey`. */
function metaBadge<P extends string, K extends string>(prop: P, meta: Record<K, Meta>, labelKey: (k: K) => string) {
  return function MetaBadge(props: Record<P, K> & { size?: Size }) {
    const { t } = useTranslation();
    const value = props[prop];
    const m = meta[value];
    return <ColourBadge color={m.color} icon={m.icon} label={t(labelKey(value))} size={props.size} />;
  };
}

export const SectorBadge = metaBadge('sector', SECTOR_META, (s) => `sector.${s}`);
export const StageBadge = metaBadge('stage', STAGE_META, (s) => `stage.${s}`);
export const ModelBadge = metaBadge('model', MODEL_META, (m) => `model.${m}.short`);

export function VisibilityBadge({ visibility, size }: { visibility: Visibility; size?: Size }) {
  const { t } = useTranslation();
  return <ColourBadge color="gray" icon={visibility === 'public' ? IconWorldWww : IconLock} label={t(`visibility.${visibility}`)} size={size} />;
}

export function SectorBadges({ sectors, size }: { sectors: readonly Sector[]; size?: Size }) {
  return (
    <Group gap={6}>
      {sectors.map((s) => (
        <SectorBadge key={s} sector={s} size={size} />
      ))}
    </Group>
  );
}
