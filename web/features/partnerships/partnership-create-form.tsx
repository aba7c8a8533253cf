import { ActionIcon, Button, Card, Group, Select, Stack, Text, TextInput, Textarea, Tooltip } from '@mantine/core';
import { useForm } from '@mantine/form';
import { randomId } from '@mantine/hooks';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CreatePartnershipBody } from '../../../src/contracts/partnerships';
import { api } from '../../lib/api';
import { focusFirstError } from '../../lib/problems';
import { useSubmit } from '../../lib/submit';
import { orNull } from '../../lib/zod-form';
import { SdgPicker } from '../../components/sdg';
import { ProblemAlert } from '../../components/page';
import { FormActions, SectionHeading } from '../../components/section';
import { AboutCard, CORE_FIELDS, coreBody, coreErrors, ModelCards, ScopeCard, type CoreValues } from './partnership-fields';
import type { PartnershipDetail } from './types';

interface GoalValue {
  key: string;
  title: string;
  description: string;
  sdgs: string[];
}
interface Values extends CoreValues {
  model: string | null;
  convenerOrganisationId: string | null;
  goals: GoalValue[];
}

const TOP = new Set([...CORE_FIELDS, 'model', 'convenerOrganisationId', 'goals']);
const known = (f: string) => TOP.has(f) || /^goals\.\d+\.(title|description|sdgs)$/.test(f);

function toBody(v: Values) {
  return {
    ...coreBody(v),
    model: v.model ?? undefined,
    convenerOrganisationId: v.convenerOrganisationId ?? undefined,
    goals: v.goals.map((g) => ({ title: g.title.trim(), description: orNull(g.description), sdgs: g.sdgs })),
  };
}

/** Starting a partnership: what it is for, its model, where, who convenes, and its first shared goals. */
export function PartnershipCreateForm({
  organisations,
  onCreated,
  onCancel,
}: {
  organisations: { id: string; name: string }[];
  onCreated: (p: PartnershipDetail) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      name: '',
      purpose: '',
      model: null,
      visibility: 'private',
      startDate: '',
      endDate: '',
      countries: [],
      sectors: [],
      convenerOrganisationId: organisations.length === 1 ? organisations[0].id : null,
      goals: [{ key: randomId(), title: '', description: '', sdgs: [] }],
    },
    validate: (v) => {
      const errs = coreErrors(CreatePartnershipBody, toBody(v), v, t);
      if (!v.model) errs.model = t('validation.chooseOne');
      if (!v.convenerOrganisationId) errs.convenerOrganisationId = t('validation.chooseOne');
      return errs;
    },
  });
  const model = form.getInputProps('model');
  const create = useSubmit(form.setErrors, known, async (v: Values) => onCreated(await api.post<PartnershipDetail>('/partnerships', toBody(v), { idempotent: true })));

  return (
    <form noValidate onSubmit={form.onSubmit(create.submit, focusFirstError)}>
      <Stack gap="lg">
        <ProblemAlert error={create.error} unplaced={create.unplaced} title={t('errors.notSaved')} />
        <AboutCard form={form}>
          <Select
            label={t('partnership.convener')}
            description={t('partnership.convenerHint')}
            required
            placeholder={t('common.choose')}
            data={organisations.map((o) => ({ value: o.id, label: o.name }))}
            {...form.getInputProps('convenerOrganisationId')}
          />
        </AboutCard>
        <Card>
          <ModelCards value={model.value} onChange={model.onChange} error={model.error} />
        </Card>
        <ScopeCard form={form} />
        <Card>
          <Group justify="space-between" mb="xs">
            <SectionHeading title={t('goals.title')} intro={t('goals.intro')} />
          </Group>
          <Stack gap="md" mt="md">
            {form.values.goals.map((g, i) => (
              <Card key={g.key} withBorder bg="gray.0" padding="md">
                <Group justify="space-between" mb="xs">
                  <Text fw={600} size="sm">
                    {t('goals.number', { n: i + 1 })}
                  </Text>
                  <Tooltip label={t('goals.remove')}>
                    <ActionIcon variant="subtle" color="red" onClick={() => form.removeListItem('goals', i)} aria-label={t('goals.removeNumbered', { n: i + 1 })}>
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                </Group>
                <Stack gap="sm">
                  <TextInput label={t('goals.goalTitle')} required {...form.getInputProps(`goals.${i}.title`)} />
                  <Textarea label={t('goals.description')} autosize minRows={2} {...form.getInputProps(`goals.${i}.description`)} />
                  <SdgPicker label={t('goals.sdgs')} placeholder={t('goals.sdgsPlaceholder')} {...form.getInputProps(`goals.${i}.sdgs`)} />
                </Stack>
              </Card>
            ))}
            <Group>
              <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => form.insertListItem('goals', { key: randomId(), title: '', description: '', sdgs: [] })} disabled={form.values.goals.length >= 20}>
                {t('goals.add')}
              </Button>
            </Group>
          </Stack>
        </Card>
        <FormActions onCancel={onCancel} submitLabel={t('partnership.create')} busy={create.busy} />
      </Stack>
    </form>
  );
}
