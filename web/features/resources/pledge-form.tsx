import { ActionIcon, Button, Card, Grid, MultiSelect, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { RESOURCE_KINDS } from '../../../src/domain/accountability/commitments';
import { CardHeading } from '../../components/cards';
import { PageLoader, ProblemAlert } from '../../components/page';
import { FormActions } from '../../components/section';
import { api } from '../../lib/api';
import { useFormat } from '../../lib/format';
import { useSubmit } from '../../lib/submit';
import type { PartnershipDetail } from '../../lib/types';
import { resKeys, useAdoptedDecisions, usePeople, useSettings, type CommitmentDetail, type ResourceKind } from './api';
import { todayIso, useActing } from './acting';
import { CURRENCY_CODES, readAmount, readQuantityText } from '../../lib/money';
import { trancheErrors, trancheField, TranchesEditor, type TrancheValue } from './tranches';

/** A message for an amount the form could not read, by the domain's issue code. */
export function useAmountError() {
  const { t } = useTranslation();
  return (code: string) => t(`resources.form.amountError.${['too_many_decimals', 'negative', 'too_large'].includes(code) ? code : 'invalid'}`);
}

/** API field -> form field. */
function formField(field: string): string {
  return trancheField(field)
    .replace(/^valuation(\.amount)?$/, 'amount')
    .replace(/^valuation\.currency$/, 'currency')
    .replace(/^quantity(\.value)?$/, 'quantityValue')
    .replace(/^quantity\.unit$/, 'quantityUnit')
    .replace(/^goalIds\.\d+$/, 'goalIds');
}
const KNOWN = /^(organisationId|kind|description|quantityValue|quantityUnit|amount|currency|valuationBasis|pledgedOn|tranches(\.\d+\.(dueOn|amount|quantity))?|conditions\.\d+|goalIds|decisionId|recipientOrganisationId)$/;

/** Pledging resources: what, how much and valued how, when each part is due, on what conditions, approved by which decision. */
export function PledgeForm({ p }: { p: PartnershipDetail }) {
  const settings = useSettings(p.id);
  const people = usePeople(p.id, p.allowedActions.includes('partnership.people.read'));
  if (settings.isLoading || people.isLoading) return <PageLoader />;
  return <PledgeFormFields p={p} currency={settings.data?.reportingCurrency ?? 'EUR'} />;
}

function PledgeFormFields({ p, currency }: { p: PartnershipDetail; currency: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const acting = useActing(p);
  const decisions = useAdoptedDecisions(p.id, p.allowedActions.includes('partnership.decisions.read'));
  const amountError = useAmountError();
  const current = p.members.filter((m) => !m.leftOn);
  const pledgers = current.filter((m) => acting.canPledgeFor(m.organisationId));
  const base = `/partnerships/${p.id}/resources`;

  const form = useForm({
    mode: 'controlled',
    initialValues: {
      organisationId: (pledgers.length === 1 ? pledgers[0].organisationId : null) as string | null,
      kind: 'cash' as ResourceKind,
      description: '',
      quantityValue: '',
      quantityUnit: '',
      amount: '',
      currency,
      valuationBasis: '',
      pledgedOn: todayIso(),
      tranches: [{ dueOn: '', amount: '', quantity: '' }] as TrancheValue[],
      conditions: [] as string[],
      goalIds: [] as string[],
      decisionId: null as string | null,
      recipientOrganisationId: null as string | null,
    },
    validate: (v) => {
      const e: Record<string, string> = {};
      if (!v.organisationId) e.organisationId = t('validation.chooseOne');
      if (!v.description.trim()) e.description = t('validation.required');
      const a = readAmount(v.amount, v.currency, f.locale);
      if (!a) e.amount = t('validation.required');
      else if ('error' in a) e.amount = amountError(a.error);
      else if (a.minor === 0n) e.amount = t('resources.form.amountError.zero');
      if (v.kind !== 'cash') {
        if (!v.valuationBasis.trim()) e.valuationBasis = t('resources.form.basisRequired');
        const qv = readQuantityText(v.quantityValue, f.locale);
        if (qv && typeof qv === 'object') e.quantityValue = t('resources.form.quantityInvalid');
        if (v.quantityValue.trim() && !v.quantityUnit.trim()) e.quantityUnit = t('validation.required');
      }
      if (!v.pledgedOn) e.pledgedOn = t('validation.date');
      return { ...e, ...trancheErrors(v, f.locale, t, amountError) };
    },
  });
  const v = form.values;
  const inKind = v.kind !== 'cash';
  const hasQuantity = inKind && !!v.quantityValue.trim();

  const bodyOf = (values: typeof v) => {
    const amount = (text: string) => {
      const r = readAmount(text, values.currency, f.locale);
      return r && 'text' in r ? r.text : text;
    };
    const qty = (text: string) => {
      const r = readQuantityText(text, f.locale);
      return typeof r === 'string' ? r : text;
    };
    const withQty = values.kind !== 'cash' && !!values.quantityValue.trim();
    return {
      organisationId: values.organisationId!,
      kind: values.kind,
      description: values.description.trim(),
      quantity: withQty ? { value: qty(values.quantityValue), unit: values.quantityUnit.trim() } : null,
      valuation: { amount: amount(values.amount), currency: values.currency },
      ...(values.valuationBasis.trim() ? { valuationBasis: values.valuationBasis.trim() } : {}),
      tranches: values.tranches.map((tr) => ({
        dueOn: tr.dueOn,
        value: { amount: amount(tr.amount), currency: values.currency },
        quantity: withQty && tr.quantity.trim() ? { value: qty(tr.quantity), unit: values.quantityUnit.trim() } : null,
      })),
      conditions: values.conditions.map((c) => c.trim()).filter(Boolean),
      goalIds: values.goalIds,
      decisionId: values.decisionId,
      recipientOrganisationId: values.recipientOrganisationId,
      pledgedOn: values.pledgedOn,
    };
  };

  const setErrors = (errs: Record<string, string>) => form.setErrors(Object.fromEntries(Object.entries(errs).map(([k, m]) => [formField(k), m])));
  const save = useSubmit(setErrors, (field) => KNOWN.test(formField(field)), async (values: typeof v) => {
    const c = await api.post<CommitmentDetail>(`/partnerships/${p.id}/commitments`, bodyOf(values), { idempotent: true });
    qc.setQueryData(resKeys.commitment(p.id, c.id), c);
    await qc.invalidateQueries({ queryKey: resKeys.all(p.id) });
    navigate(`${base}/commitments/${c.id}`);
  });

  return (
    <Card>
      <form noValidate onSubmit={form.onSubmit(save.submit)}>
        <Stack gap="md">
          <CardHeading order={2} title={t('resources.pledge.title')} intro={t('resources.pledge.intro')} />
          <ProblemAlert error={save.error} unplaced={save.unplaced} title={t('errors.notSaved')} />
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, sm: 7 }}>
              <Select
                label={t('resources.pledge.organisation')}
                description={acting.convener ? t('resources.pledge.organisationHintConvener') : t('resources.pledge.organisationHint')}
                required
                searchable
                data={pledgers.map((m) => ({ value: m.organisationId, label: m.organisationName }))}
                {...form.getInputProps('organisationId')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 5 }}>
              <Select label={t('resources.kindLabel')} required allowDeselect={false} data={RESOURCE_KINDS.map((k) => ({ value: k, label: t(`resources.kind.${k}`) }))} {...form.getInputProps('kind')} />
            </Grid.Col>
          </Grid>
          <Textarea label={t('resources.description')} description={t('resources.pledge.descriptionHint')} required autosize minRows={2} maxRows={8} maxLength={2000} {...form.getInputProps('description')} />
          {inKind && (
            <Grid gap="sm">
              <Grid.Col span={{ base: 6, sm: 4 }}>
                <TextInput label={t('resources.quantity')} description={t('resources.pledge.quantityHint')} inputMode="decimal" {...form.getInputProps('quantityValue')} />
              </Grid.Col>
              <Grid.Col span={{ base: 6, sm: 4 }}>
                <TextInput label={t('resources.unit')} description={t('resources.pledge.unitHint')} maxLength={40} {...form.getInputProps('quantityUnit')} />
              </Grid.Col>
            </Grid>
          )}
          <Grid gap="sm">
            <Grid.Col span={{ base: 8, sm: 5 }}>
              <TextInput label={inKind ? t('resources.pledge.valuationInKind') : t('resources.pledge.valuationCash')} required inputMode="decimal" {...form.getInputProps('amount')} />
            </Grid.Col>
            <Grid.Col span={{ base: 4, sm: 3 }}>
              <Select label={t('resources.currency')} required searchable allowDeselect={false} data={CURRENCY_CODES} {...form.getInputProps('currency')} />
            </Grid.Col>
          </Grid>
          <Textarea
            label={t('resources.valuationBasis')}
            description={t('resources.pledge.basisHint')}
            required={inKind}
            autosize
            minRows={1}
            maxRows={4}
            maxLength={1000}
            {...form.getInputProps('valuationBasis')}
          />
          <TextInput type="date" label={t('resources.pledgedOn')} required maw={220} max={todayIso()} {...form.getInputProps('pledgedOn')} />

          <TranchesEditor form={form} withQuantity={hasQuantity} unit={v.quantityUnit} />

          <Stack gap={6}>
            <Text size="sm" fw={500}>
              {t('resources.conditions')}
            </Text>
            <Text size="xs" c="gray.7">
              {t('resources.pledge.conditionsHint')}
            </Text>
            {v.conditions.map((_, i) => (
              <Grid key={i} gap="xs" align="flex-end">
                <Grid.Col span={{ base: 10, sm: 11 }}>
                  <TextInput label={t('resources.pledge.conditionN', { n: i + 1 })} maxLength={1000} {...form.getInputProps(`conditions.${i}`)} />
                </Grid.Col>
                <Grid.Col span={{ base: 2, sm: 1 }}>
                  <ActionIcon variant="subtle" color="red" size="lg" mb={2} onClick={() => form.removeListItem('conditions', i)} aria-label={t('resources.pledge.removeCondition', { n: i + 1 })}>
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Grid.Col>
              </Grid>
            ))}
            <Button variant="subtle" size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => form.insertListItem('conditions', '')} style={{ alignSelf: 'flex-start' }}>
              {t('resources.pledge.addCondition')}
            </Button>
          </Stack>

          <Grid gap="sm">
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <MultiSelect label={t('resources.goals')} description={t('resources.pledge.goalsHint')} data={p.goals.map((g) => ({ value: g.id, label: g.title }))} hidePickedOptions clearable {...form.getInputProps('goalIds')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Select
                label={t('resources.decision')}
                description={t('resources.pledge.decisionHint')}
                data={(decisions.data ?? []).map((d) => ({ value: d.id, label: `#${d.number} ${d.title}` }))}
                searchable
                clearable
                nothingFoundMessage={t('resources.noAdoptedDecisions')}
                {...form.getInputProps('decisionId')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Select
                label={t('resources.recipient')}
                description={t('resources.pledge.recipientHint')}
                data={current.filter((m) => m.organisationId !== v.organisationId).map((m) => ({ value: m.organisationId, label: m.organisationName }))}
                searchable
                clearable
                {...form.getInputProps('recipientOrganisationId')}
              />
            </Grid.Col>
          </Grid>
          <FormActions onCancel={() => navigate(base)} submitLabel={t('resources.pledge.submit')} busy={save.busy} />
        </Stack>
      </form>
    </Card>
  );
}
