import { Button, Card, Group, Stack, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UpdatePartnershipBody } from '../../../src/contracts/partnerships';
import { api } from '../../lib/api';
import { alertable, applyProblem, focusFirstError } from '../../lib/problems';
import { orNull, zodErrors } from '../../lib/zod-form';
import { ProblemAlert } from '../../components/page';
import { pKeys } from './api';
import { NamePurposeFields, ScopeFields, type CoreValues } from './partnership-fields';
import type { PartnershipDetail } from './types';

const FIELDS = new Set(['name', 'purpose', 'visibility', 'startDate', 'endDate', 'countries', 'sectors']);

function toBody(v: CoreValues) {
  return { name: v.name.trim(), purpose: v.purpose.trim(), visibility: v.visibility, startDate: orNull(v.startDate), endDate: orNull(v.endDate), countries: v.countries, sectors: v.sectors };
}

/** Editing a partnership's core facts (the model is chosen once, at creation). */
export function PartnershipSettingsForm({ p }: { p: PartnershipDetail }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [unplaced, setUnplaced] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const form = useForm<CoreValues>({
    mode: 'controlled',
    initialValues: {
      name: p.name,
      purpose: p.purpose,
      visibility: p.visibility,
      startDate: p.startDate ?? '',
      endDate: p.endDate ?? '',
      countries: p.countries,
      sectors: p.sectors,
    },
    validate: (v) => {
      const errs = zodErrors(UpdatePartnershipBody, toBody(v), t);
      if (v.startDate && v.endDate && v.endDate < v.startDate) errs.endDate = t('validation.endBeforeStart');
      return errs;
    },
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit(async (v) => {
        setBusy(true);
        setError(null);
        setUnplaced({});
        try {
          const saved = await api.patch<PartnershipDetail>(`/partnerships/${p.id}`, toBody(v));
          qc.setQueryData(pKeys.one(p.id), saved);
          void qc.invalidateQueries({ queryKey: pKeys.all });
          form.resetDirty();
          notifications.show({ color: 'teal', message: t('common.saved') });
        } catch (e) {
          const rest = applyProblem(e, (f) => FIELDS.has(f), form.setErrors);
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
          <NamePurposeFields form={form} />
        </Card>
        <Card>
          <Title order={2} fz="lg" mb="md">
            {t('partnership.scopeTitle')}
          </Title>
          <ScopeFields form={form} />
        </Card>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => form.reset()} disabled={!form.isDirty()}>
            {t('common.discard')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('common.saveChanges')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
