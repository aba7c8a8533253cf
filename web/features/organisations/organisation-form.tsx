import { Grid, Select, Stack, TagsInput, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { CreateOrganisationBody, UpdateOrganisationBody } from '../../../src/contracts/organisations';
import type { Sector } from '../../../src/domain/organisations/organisation';
import { api } from '../../lib/api';
import { focusFirstError } from '../../lib/problems';
import { useSubmit } from '../../lib/submit';
import { useReference } from '../../lib/reference';
import type { Organisation } from '../../lib/types';
import { orNull, zodErrors } from '../../lib/zod-form';
import { CountrySelect, SectorSelect } from '../../components/fields';
import { ProblemAlert } from '../../components/page';
import { FormActions, SectionCard } from '../../components/section';

interface Values {
  name: string;
  sector: Sector | null;
  iatiType: string | null;
  country: string | null;
  iatiIdentifier: string;
  website: string;
  description: string;
  offers: string[];
  seeks: string[];
}

const FIELDS = new Set(['name', 'sector', 'iatiType', 'country', 'iatiIdentifier', 'website', 'description', 'offers', 'seeks']);

function toBody(v: Values) {
  return {
    name: v.name.trim(),
    sector: v.sector ?? undefined,
    iatiType: v.iatiType ?? null,
    country: v.country ?? null,
    iatiIdentifier: orNull(v.iatiIdentifier),
    website: orNull(v.website),
    description: orNull(v.description),
    offers: v.offers,
    seeks: v.seeks,
  };
}

/** Creates or edits an organisation; field messages from the API land next to their fields. */
export function OrganisationForm({ initial, onSaved, onCancel }: { initial?: Organisation; onSaved: (o: Organisation) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const ref = useReference();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      name: initial?.name ?? '',
      sector: (initial?.sector as Sector) ?? null,
      iatiType: initial?.iatiType ?? null,
      country: initial?.country ?? null,
      iatiIdentifier: initial?.iatiIdentifier ?? '',
      website: initial?.website ?? '',
      description: initial?.description ?? '',
      offers: initial?.offers ?? [],
      seeks: initial?.seeks ?? [],
    },
    validate: (v) => {
      const errs = zodErrors(initial ? UpdateOrganisationBody : CreateOrganisationBody, toBody(v), t);
      if (!v.sector) errs.sector = t('validation.chooseOne');
      return errs;
    },
  });

  const save = useSubmit(form.setErrors, (f) => FIELDS.has(f), async (v: Values) => {
    const body = toBody(v);
    const saved = initial
      ? await api.patch<Organisation>(`/organisations/${initial.id}`, body)
      : await api.post<Organisation>('/organisations', body, { idempotent: true });
    onSaved(saved);
  });

  const types = (ref.data?.organisationTypes ?? []).map((x) => ({ value: x.code, label: `${x.code} · ${x.name}` }));

  return (
    <form onSubmit={form.onSubmit(save.submit, focusFirstError)} noValidate>
      <Stack gap="lg">
        <ProblemAlert error={save.error} unplaced={save.unplaced} title={t('errors.notSaved')} />
        <SectionCard title={t('organisation.identity')}>
          <Grid gap="md">
            <Grid.Col span={{ base: 12, md: 8 }}>
              <TextInput label={t('organisation.name')} required {...form.getInputProps('name')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <SectorSelect label={t('organisation.sector')} required placeholder={t('common.choose')} {...form.getInputProps('sector')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <CountrySelect label={t('organisation.country')} placeholder={t('common.choose')} {...form.getInputProps('country')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <TextInput label={t('organisation.website')} placeholder="https://" type="url" {...form.getInputProps('website')} />
            </Grid.Col>
            <Grid.Col span={12}>
              <Textarea label={t('organisation.description')} autosize minRows={3} maxRows={8} {...form.getInputProps('description')} />
            </Grid.Col>
          </Grid>
        </SectionCard>
        <SectionCard title={t('organisation.registry')} hint={t('organisation.registryHint')}>
          <Grid gap="md">
            <Grid.Col span={{ base: 12, md: 6 }}>
              <Select label={t('organisation.iatiType')} placeholder={t('common.choose')} searchable clearable data={types} nothingFoundMessage={t('common.nothingFound')} {...form.getInputProps('iatiType')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <TextInput label={t('organisation.iatiIdentifier')} placeholder="GB-COH-01234567" description={t('organisation.iatiIdentifierHint')} {...form.getInputProps('iatiIdentifier')} />
            </Grid.Col>
          </Grid>
        </SectionCard>
        <SectionCard title={t('organisation.offersSeeks')} hint={t('organisation.offersSeeksHint')}>
          <Grid gap="md">
            <Grid.Col span={{ base: 12, md: 6 }}>
              <TagsInput label={t('organisation.offers')} description={t('organisation.tagsHint')} placeholder={t('organisation.offersPlaceholder')} clearable {...form.getInputProps('offers')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <TagsInput label={t('organisation.seeks')} description={t('organisation.tagsHint')} placeholder={t('organisation.seeksPlaceholder')} clearable {...form.getInputProps('seeks')} />
            </Grid.Col>
          </Grid>
        </SectionCard>
        <FormActions onCancel={onCancel} submitLabel={initial ? t('common.saveChanges') : t('organisation.create')} busy={save.busy} />
      </Stack>
    </form>
  );
}
