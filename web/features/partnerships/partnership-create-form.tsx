import { ActionIcon, Button, Card, Group, Select, Stack, Text, TextInput, Textarea, Title, Tooltip } from '@mantine/core';
import { useForm } from '@mantine/form';
import { randomId } from '@mantine/hooks';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreatePartnershipBody } from '../../../src/contracts/partnerships';
import { api } from '../../lib/api';
import { alertable, applyProblem, focusFirstError } from '../../lib/problems';
import { orNull, zodErrors } from '../../lib/zod-form';
import { SdgPicker } from '../../components/sdg';
import { ProblemAlert } from '../../components/page';
import { ModelCards, NamePurposeFields, ScopeFields, type CoreValues } from './partnership-fields';
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

const TOP = new Set(['name', 'purpose', 'model', 'visibility', 'startDate', 'endDate', 'countries', 'sectors', 'convenerOrganisationId', 'goals']);
const known = (f: string) => TOP.has(f) || /^goals\.\d+\.(title|description|sdgs)$/.test(f);

function toBody(v: Values) {
  return {
    name: v.name.trim(),
    purpose: v.purpose.trim(),
    model: v.model ?? undefined,
    visibility: v.visibility,
    startDate: orNull(v.startDate),
    endDate: orNull(v.endDate),
    countries: v.countries,
    sectors: v.sectors,
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
  const [error, setError] = useState<unknown>(null);
  const [unplaced, setUnplaced] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
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
      const errs = zodErrors(CreatePartnershipBody, toBody(v), t);
      if (!v.model) errs.model = t('validation.chooseOne');
      if (!v.convenerOrganisationId) errs.convenerOrganisationId = t('validation.chooseOne');
      if (v.startDate && v.endDate && v.endDate < v.startDate) errs.endDate = t('validation.endBeforeStart');
      return errs;
    },
  });
  const model = form.getInputProps('model');

  return (
    <form
      noValidate
      onSubmit={form.onSubmit(async (v) => {
        setBusy(true);
        setError(null);
        setUnplaced({});
        try {
          const created = await api.post<PartnershipDetail>('/partnerships', toBody(v), { idempotent: true });
          onCreated(created);
        } catch (e) {
          const rest = applyProblem(e, known, form.setErrors);
          setUnplaced(rest);
          setError(alertable(e, rest));
        } finally {
          setBusy(false);
        }
      }, focusFirstError)}
    >
      <Stack gap="lg">
        <ProblemAlert error={error} unplaced={unplaced} title={t('errors.notSaved')} />
        <Card>
          <Title order={2} fz="lg" mb="md">
            {t('partnership.about')}
          </Title>
          <Stack gap="md">
            <NamePurposeFields form={form} />
            <Select
              label={t('partnership.convener')}
              description={t('partnership.convenerHint')}
              required
              placeholder={t('common.choose')}
              data={organisations.map((o) => ({ value: o.id, label: o.name }))}
              {...form.getInputProps('convenerOrganisationId')}
            />
          </Stack>
        </Card>
        <Card>
          <ModelCards value={model.value} onChange={model.onChange} error={model.error} />
        </Card>
        <Card>
          <Title order={2} fz="lg" mb="md">
            {t('partnership.scopeTitle')}
          </Title>
          <ScopeFields form={form} />
        </Card>
        <Card>
          <Group justify="space-between" mb="xs">
            <div>
              <Title order={2} fz="lg">
                {t('goals.title')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('goals.intro')}
              </Text>
            </div>
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
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('partnership.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
