import { Badge, Group, MultiSelect, Text, Tooltip, type MultiSelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useReference } from '../lib/reference';
import { readableOn, SDG_COLOURS, SDG_GOAL_CODES, sdgGoalOf } from '../lib/sdg';

/** One SDG goal or target in its official colour, with its number and short name. */
export function SdgBadge({ code, size = 'md', compact = false }: { code: string; size?: 'sm' | 'md' | 'lg'; compact?: boolean }) {
  const { t } = useTranslation();
  const ref = useReference();
  const goal = sdgGoalOf(code);
  const refGoal = ref.data?.sdgGoals.find((g) => g.code === goal);
  const target = code.includes('.') ? ref.data?.sdgTargets.find((x) => x.code === code) : undefined;
  const colour = refGoal?.colour ?? SDG_COLOURS[goal] ?? '#5c5f66';
  const short = t(`sdg.${goal}`, { defaultValue: refGoal?.short ?? '' });
  const label = compact ? `${t('sdg.label')} ${code}` : `${code} · ${short}`;
  return (
    <Tooltip label={target?.title ?? refGoal?.title ?? short} multiline maw={320} withArrow>
      <Badge
        size={size}
        radius="sm"
        tabIndex={0}
        styles={{ root: { background: colour, color: readableOn(colour), textTransform: 'none', fontWeight: 700 } }}
        aria-label={`${t('sdg.label')} ${code}: ${short}`}
      >
        {label}
      </Badge>
    </Tooltip>
  );
}

export function SdgBadges({ codes, size }: { codes: readonly string[]; size?: 'sm' | 'md' | 'lg' }) {
  if (!codes.length) return null;
  return (
    <Group gap={6}>
      {codes.map((c) => (
        <SdgBadge key={c} code={c} size={size} />
      ))}
    </Group>
  );
}

/** Picks SDG goals; each option in its colour. The UN is credited beneath, as its terms ask. */
export function SdgPicker(props: Omit<MultiSelectProps, 'data'>) {
  const { t } = useTranslation();
  const ref = useReference();
  const codes = ref.data?.sdgGoals.map((g) => g.code) ?? SDG_GOAL_CODES;
  const data = codes.map((c) => ({ value: c, label: `${c} · ${t(`sdg.${c}`)}` }));
  return (
    <MultiSelect
      searchable
      clearable
      hidePickedOptions
      maxDropdownHeight={280}
      nothingFoundMessage={t('common.nothingFound')}
      {...props}
      data={data}
      renderOption={({ option }) => {
        const colour = ref.data?.sdgGoals.find((g) => g.code === option.value)?.colour ?? SDG_COLOURS[option.value];
        return (
          <Group gap="xs" wrap="nowrap">
            <span aria-hidden style={{ width: 14, height: 14, borderRadius: 3, background: colour, flex: 'none' }} />
            <Text size="sm">{option.label}</Text>
          </Group>
        );
      }}
      description={
        <>
          {props.description ? <>{props.description} </> : null}
          {t('sdg.source')}
        </>
      }
    />
  );
}
