import { MultiSelect, Select, type MultiSelectProps, type SelectProps } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../lib/format';
import { useReference } from '../lib/reference';
import { SECTORS } from '../../src/domain/organisations/organisation';
import { SECTOR_META } from './badges';
import { Group, Text } from '@mantine/core';

function useCountryOptions() {
  const ref = useReference();
  const f = useFormat();
  return useMemo(
    () =>
      (ref.data?.countries ?? [])
        .map((c) => ({ value: c.code, label: f.country(c.code, c.name) }))
        .sort((a, b) => a.label.localeCompare(b.label, f.locale)),
    [ref.data, f],
  );
}

/** One country, named in the reader's language. */
export function CountrySelect(props: Omit<SelectProps, 'data'>) {
  const { t } = useTranslation();
  const data = useCountryOptions();
  return <Select searchable clearable nothingFoundMessage={t('common.nothingFound')} limit={300} {...props} data={data} />;
}

export function CountriesMultiSelect(props: Omit<MultiSelectProps, 'data'>) {
  const { t } = useTranslation();
  const data = useCountryOptions();
  return <MultiSelect searchable clearable hidePickedOptions nothingFoundMessage={t('common.nothingFound')} limit={300} {...props} data={data} />;
}

function sectorOption(t: (k: string) => string) {
  return SECTORS.map((s) => ({ value: s, label: t(`sector.${s}`) }));
}
const renderSector: SelectProps['renderOption'] = ({ option }) => {
  const m = SECTOR_META[option.value as keyof typeof SECTOR_META];
  const I = m?.icon;
  return (
    <Group gap="xs" wrap="nowrap">
      {I && <I size={16} color={m.hex} aria-hidden />}
      <Text size="sm">{option.label}</Text>
    </Group>
  );
};

export function SectorSelect(props: Omit<SelectProps, 'data'>) {
  const { t } = useTranslation();
  return <Select {...props} data={sectorOption(t)} renderOption={renderSector} />;
}
export function SectorsMultiSelect(props: Omit<MultiSelectProps, 'data'>) {
  const { t } = useTranslation();
  return <MultiSelect hidePickedOptions {...props} data={sectorOption(t)} renderOption={renderSector as MultiSelectProps['renderOption']} />;
}
