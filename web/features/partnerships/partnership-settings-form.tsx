import { Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { UpdatePartnershipBody } from '../../../src/contracts/partnerships';
import { api } from '../../lib/api';
import { focusFirstError } from '../../lib/problems';
import { fieldsIn, useSubmit } from '../../lib/submit';
import { ProblemAlert } from '../../components/page';
import { FormActions } from '../../components/section';
import { pKeys } from './api';
import { AboutCard, CORE_FIELDS, coreBody, coreErrors, ScopeCard, type CoreValues } from './partnership-fields';
import type { PartnershipDetail } from './types';

/** Editing a partnership's core facts (the model is chosen once, at creation). */
export function PartnershipSettingsForm({ p }: { p: PartnershipDetail }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
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
    validate: (v) => coreErrors(UpdatePartnershipBody, coreBody(v), v, t),
  });
  const save = useSubmit(form.setErrors, fieldsIn(...CORE_FIELDS), async (v: CoreValues) => {
    const saved = await api.patch<PartnershipDetail>(`/partnerships/${p.id}`, coreBody(v));
    qc.setQueryData(pKeys.one(p.id), saved);
    void qc.invalidateQueries({ queryKey: pKeys.all });
    form.resetDirty();
    notifications.show({ color: 'teal', message: t('common.saved') });
  });
  return (
    <form noValidate onSubmit={form.onSubmit(save.submit, focusFirstError)}>
      <Stack gap="lg">
        <ProblemAlert error={save.error} unplaced={save.unplaced} title={t('errors.notSaved')} />
        <AboutCard form={form} />
        <ScopeCard form={form} />
        <FormActions cancelLabel={t('common.discard')} onCancel={() => form.reset()} cancelDisabled={!form.isDirty()} submitLabel={t('common.saveChanges')} busy={save.busy} />
      </Stack>
    </form>
  );
}
