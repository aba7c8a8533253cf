import { Grid, Group, Radio, SimpleGrid, Stack, Text, TextInput, Textarea, ThemeIcon } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconLock, IconWorldWww } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { MODELS, type PartnershipModel } from '../../../src/domain/partnerships/partnership';
import { MODEL_META } from '../../components/badges';
import { CountriesMultiSelect, SectorsMultiSelect } from '../../components/fields';

export interface CoreValues {
  name: string;
  purpose: string;
  visibility: 'public' | 'private';
  startDate: string;
  endDate: string;
  countries: string[];
  sectors: string[];
}

/** Name and purpose. */
export function NamePurposeFields<T extends CoreValues>({ form }: { form: UseFormReturnType<T> }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <TextInput label={t('partnership.name')} required {...form.getInputProps('name')} />
      <Textarea label={t('partnership.purpose')} description={t('partnership.purposeHint')} required autosize minRows={3} maxRows={10} {...form.getInputProps('purpose')} />
    </Stack>
  );
}

/** Where, when, which sectors, who can see it. */
export function ScopeFields<T extends CoreValues>({ form }: { form: UseFormReturnType<T> }) {
  const { t } = useTranslation();
  const visibility = form.getInputProps('visibility');
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <TextInput type="date" label={t('partnership.startDate')} {...form.getInputProps('startDate')} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <TextInput type="date" label={t('partnership.endDate')} {...form.getInputProps('endDate')} />
      </Grid.Col>
      <Grid.Col span={12}>
        <CountriesMultiSelect label={t('partnership.countries')} placeholder={t('partnership.countriesPlaceholder')} {...form.getInputProps('countries')} />
      </Grid.Col>
      <Grid.Col span={12}>
        <SectorsMultiSelect label={t('partnership.sectors')} description={t('partnership.sectorsHint')} placeholder={t('common.choose')} {...form.getInputProps('sectors')} />
      </Grid.Col>
      <Grid.Col span={12}>
        <Radio.Group label={t('partnership.visibility')} value={visibility.value} onChange={visibility.onChange} error={visibility.error}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
            {(['private', 'public'] as const).map((v) => (
              <Radio.Card key={v} value={v} p="md" radius="md" className="accord-model-card">
                <Group wrap="nowrap" align="flex-start">
                  <Radio.Indicator />
                  {v === 'public' ? <IconWorldWww size={20} aria-hidden /> : <IconLock size={20} aria-hidden />}
                  <div>
                    <Text fw={600} size="sm">
                      {t(`visibility.${v}`)}
                    </Text>
                    <Text size="xs" c="gray.7">
                      {t(`visibility.${v}Hint`)}
                    </Text>
                  </div>
                </Group>
              </Radio.Card>
            ))}
          </SimpleGrid>
        </Radio.Group>
      </Grid.Col>
    </Grid>
  );
}

/** The collaboration models as cards that explain each one. */
export function ModelCards({ value, onChange, error }: { value: string | null; onChange: (v: PartnershipModel) => void; error?: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <Radio.Group label={t('partnership.model')} description={t('partnership.modelHint')} value={value ?? ''} onChange={(v) => onChange(v as PartnershipModel)} error={error} required>
      <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="sm">
        {MODELS.map((m) => {
          const meta = MODEL_META[m];
          return (
            <Radio.Card key={m} value={m} p="md" radius="md" className="accord-model-card">
              <Group wrap="nowrap" align="flex-start" gap="sm">
                <Radio.Indicator mt={4} />
                <ThemeIcon variant="light" color={meta.color} size={36} radius="md">
                  <meta.icon size={20} aria-hidden />
                </ThemeIcon>
                <div>
                  <Text fw={650} size="sm">
                    {t(`model.${m}.name`)}
                  </Text>
                  <Text size="xs" c="gray.7" mt={2}>
                    {t(`model.${m}.description`)}
                  </Text>
                </div>
              </Group>
            </Radio.Card>
          );
        })}
      </SimpleGrid>
    </Radio.Group>
  );
}
