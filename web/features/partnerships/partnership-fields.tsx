import { Grid, Group, Radio, SimpleGrid, Stack, Text, TextInput, Textarea, ThemeIcon } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconLock, IconWorldWww } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { MODELS, type PartnershipModel } from '../../../src/domain/partnerships/partnership';
import { MODEL_META } from '../../components/badges';
import { CountriesMultiSelect, SectorsMultiSelect } from '../../components/fields';
import { SectionCard } from '../../components/section';
import { orNull, zodErrors } from '../../lib/zod-form';

export interface CoreValues {
  name: string;
  purpose: string;
  visibility: 'public' | 'private';
  startDate: string;
  endDate: string;
  countries: string[];
  sectors: string[];
}

/** The fields create and settings share: what they send, the names the API may report errors on. */
export const CORE_FIELDS = ['name', 'purpose', 'visibility', 'startDate', 'endDate', 'countries', 'sectors'];

export function coreBody(v: CoreValues) {
  return { name: v.name.trim(), purpose: v.purpose.trim(), visibility: v.visibility, startDate: orNull(v.startDate), endDate: orNull(v.endDate), countries: v.countries, sectors: v.sectors };
}

/** Client-side checks of the shared fields: the contract's, and an end date not before the start. */
export function coreErrors(schema: z.ZodType, body: unknown, v: CoreValues, t: TFunction): Record<string, string> {
  const errs = zodErrors(schema, body, t);
  if (v.startDate && v.endDate && v.endDate < v.startDate) errs.endDate = t('validation.endBeforeStart');
  return errs;
}

/** Name and purpose (and any further fields given as children), in a card. */
export function AboutCard<T extends CoreValues>({ form, children }: { form: UseFormReturnType<T>; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <SectionCard title={t('partnership.about')}>
      <Stack gap="md">
        <TextInput label={t('partnership.name')} required {...form.getInputProps('name')} />
        <Textarea label={t('partnership.purpose')} description={t('partnership.purposeHint')} required autosize minRows={3} maxRows={10} {...form.getInputProps('purpose')} />
        {children}
      </Stack>
    </SectionCard>
  );
}

/** One choice of a radio group as a card: an icon, a name, a line that explains it. */
function OptionCard({ value, icon, title, description, titleWeight = 600, gap }: { value: string; icon: ReactNode; title: string; description: string; titleWeight?: number; gap?: string }) {
  return (
    <Radio.Card value={value} p="md" radius="md" className="accord-model-card">
      <Group wrap="nowrap" align="flex-start" gap={gap}>
        <Radio.Indicator mt={gap ? 4 : undefined} />
        {icon}
        <div>
          <Text fw={titleWeight} size="sm">
            {title}
          </Text>
          <Text size="xs" c="gray.7" mt={gap ? 2 : undefined}>
            {description}
          </Text>
        </div>
      </Group>
    </Radio.Card>
  );
}

/** Where, when, which sectors, who can see it, in a card. */
export function ScopeCard<T extends CoreValues>({ form }: { form: UseFormReturnType<T> }) {
  const { t } = useTranslation();
  const visibility = form.getInputProps('visibility');
  return (
    <SectionCard title={t('partnership.scopeTitle')}>
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
                <OptionCard
                  key={v}
                  value={v}
                  icon={v === 'public' ? <IconWorldWww size={20} aria-hidden /> : <IconLock size={20} aria-hidden />}
                  title={t(`visibility.${v}`)}
                  description={t(`visibility.${v}Hint`)}
                />
              ))}
            </SimpleGrid>
          </Radio.Group>
        </Grid.Col>
      </Grid>
    </SectionCard>
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
            <OptionCard
              key={m}
              value={m}
              gap="sm"
              titleWeight={650}
              icon={
                <ThemeIcon variant="light" color={meta.color} size={36} radius="md">
                  <meta.icon size={20} aria-hidden />
                </ThemeIcon>
              }
              title={t(`model.${m}.name`)}
              description={t(`model.${m}.description`)}
            />
          );
        })}
      </SimpleGrid>
    </Radio.Group>
  );
}
