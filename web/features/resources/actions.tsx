import { ActionIcon, Button, Grid, Group, Modal, Stack, Text, TextInput, Textarea, type ButtonProps } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/page';
import { api } from '../../lib/api';
import { useFormat } from '../../lib/format';
import { useSubmit } from '../../lib/submit';
import { resKeys, type CommitmentDetail } from './api';
import { todayIso } from './acting';
import { amountForInput, readAmount, readQuantityText } from '../../lib/money';
import { useAmountError } from './pledge-form';
import { trancheErrors, trancheField, TranchesEditor, type TrancheValue } from './tranches';

/**
 * A button that opens a dialog naming what will happen, optionally asking for the reason, then posts.
 * The API's message shows in the dialog; on success every resources query of the partnership refreshes.
 */
export function ActionDialog({
  partnershipId,
  label,
  title,
  message,
  confirmLabel,
  path,
  withReason = false,
  reasonLabel,
  idempotent = false,
  color,
  variant = 'light',
  buttonProps,
  onDone,
  children,
}: {
  partnershipId: string;
  label: string;
  title: string;
  message: ReactNode;
  confirmLabel: string;
  path: string;
  withReason?: boolean;
  reasonLabel?: string;
  idempotent?: boolean;
  color?: string;
  variant?: ButtonProps['variant'];
  buttonProps?: ButtonProps & { 'aria-label'?: string };
  onDone?: (result: unknown) => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const form = useForm({ initialValues: { reason: '' }, validate: { reason: (r) => (withReason && !r.trim() ? t('resources.actions.reasonRequired') : null) } });
  const save = useSubmit(form.setErrors, (f) => f === 'reason', async (v: { reason: string }) => {
    const result = await api.post(path, withReason ? { reason: v.reason.trim() } : {}, { idempotent });
    await qc.invalidateQueries({ queryKey: resKeys.all(partnershipId) });
    setOpen(false);
    form.reset();
    onDone?.(result);
  });
  return (
    <>
      <Button size="xs" variant={variant} color={color} onClick={() => setOpen(true)} {...buttonProps}>
        {label}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={title} centered>
        <form noValidate onSubmit={form.onSubmit(save.submit)}>
          <Stack>
            <Text size="sm">{message}</Text>
            {children}
            <ProblemAlert error={save.error} unplaced={save.unplaced} title={t('errors.notSaved')} />
            {withReason && <Textarea label={reasonLabel ?? t('resources.actions.reason')} required autosize minRows={2} maxLength={5000} data-autofocus {...form.getInputProps('reason')} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpen(false)} data-autofocus={withReason ? undefined : true}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" color={color} loading={save.busy}>
                {confirmLabel}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

const DELIVERY_KNOWN = /^(on|amount|quantity|evidence(\.\d+)?|note)$/;
const deliveryField = (f: string) => f.replace(/^value(\.(amount|currency))?$/, 'amount').replace(/^quantity(\.(value|unit))?$/, 'quantity').replace(/^evidence\.\d+$/, 'evidence');

/** Recording a delivery: the date, the value (or, in kind, only the quantity, valued pro rata), evidence links and a note. */
export function RecordDelivery({ c, partnershipId }: { c: CommitmentDetail; partnershipId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const amountError = useAmountError();
  const [open, setOpen] = useState(false);
  const remaining = c.progress.remaining;
  const form = useForm({
    mode: 'controlled',
    initialValues: { on: todayIso(), amount: '', quantity: '', evidence: [''] as string[], note: '' },
    validate: (v) => {
      const e: Record<string, string> = {};
      if (!v.on) e.on = t('validation.date');
      const a = readAmount(v.amount, c.valuation.currency, f.locale);
      if (a && 'error' in a) e.amount = amountError(a.error);
      const qn = readQuantityText(v.quantity, f.locale);
      if (qn && typeof qn === 'object') e.quantity = t('resources.form.quantityInvalid');
      if (!a && !(c.quantity && qn)) e.amount = c.quantity ? t('resources.delivery.valueOrQuantity') : t('validation.required');
      v.evidence.forEach((x, i) => {
        if (x.trim() && !/^(https?:\/\/\S+|file:\S+)$/.test(x.trim())) e[`evidence.${i}`] = t('resources.delivery.evidenceInvalid');
      });
      return e;
    },
  });
  const setErrors = (errs: Record<string, string>) => form.setErrors(Object.fromEntries(Object.entries(errs).map(([k, m]) => [deliveryField(k), m])));
  const save = useSubmit(setErrors, (field) => DELIVERY_KNOWN.test(deliveryField(field)), async (v: typeof form.values) => {
    const a = readAmount(v.amount, c.valuation.currency, f.locale);
    const qn = readQuantityText(v.quantity, f.locale);
    await api.post(
      `/partnerships/${partnershipId}/commitments/${c.id}/deliveries`,
      {
        on: v.on,
        ...(a && 'text' in a ? { value: { amount: a.text, currency: c.valuation.currency } } : {}),
        ...(c.quantity && typeof qn === 'string' ? { quantity: { value: qn, unit: c.quantity.unit } } : {}),
        evidence: v.evidence.map((x) => x.trim()).filter(Boolean),
        note: v.note.trim() || null,
      },
      { idempotent: true },
    );
    await qc.invalidateQueries({ queryKey: resKeys.all(partnershipId) });
    setOpen(false);
    form.reset();
  });
  return (
    <>
      <Button size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setOpen(true)}>
        {t('resources.delivery.record')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('resources.delivery.recordTitle', { number: c.number })} centered size="lg">
        <form noValidate onSubmit={form.onSubmit(save.submit)}>
          <Stack gap="sm">
            <Text size="sm" c="gray.7">
              {t('resources.delivery.recordIntro', { remaining: amountForInput(remaining.amount, f.locale), currency: remaining.currency })}
            </Text>
            <ProblemAlert error={save.error} unplaced={save.unplaced} title={t('errors.notSaved')} />
            <Grid gap="sm">
              <Grid.Col span={{ base: 12, xs: 4 }}>
                <TextInput type="date" label={t('resources.delivery.on')} required max={todayIso()} {...form.getInputProps('on')} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, xs: 4 }}>
                <TextInput label={t('resources.delivery.value', { currency: c.valuation.currency })} inputMode="decimal" required={!c.quantity} data-autofocus {...form.getInputProps('amount')} />
              </Grid.Col>
              {c.quantity && (
                <Grid.Col span={{ base: 12, xs: 4 }}>
                  <TextInput label={t('resources.delivery.quantity', { unit: c.quantity.unit })} description={t('resources.delivery.quantityHint')} inputMode="decimal" {...form.getInputProps('quantity')} />
                </Grid.Col>
              )}
            </Grid>
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('resources.delivery.evidence')}
              </Text>
              <Text size="xs" c="gray.7">
                {t('resources.delivery.evidenceHint')}
              </Text>
              {form.values.evidence.map((_, i) => (
                <Group key={i} gap="xs" align="flex-end" wrap="nowrap">
                  <TextInput style={{ flex: 1 }} type="url" placeholder="https://" label={t('resources.delivery.evidenceN', { n: i + 1 })} {...form.getInputProps(`evidence.${i}`)} />
                  <ActionIcon variant="subtle" color="red" size="lg" mb={2} onClick={() => form.removeListItem('evidence', i)} aria-label={t('resources.delivery.removeEvidence', { n: i + 1 })}>
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Group>
              ))}
              {typeof form.errors.evidence === 'string' && (
                <Text size="sm" c="red.9">
                  {form.errors.evidence}
                </Text>
              )}
              <Button variant="subtle" size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => form.insertListItem('evidence', '')} style={{ alignSelf: 'flex-start' }} disabled={form.values.evidence.length >= 20}>
                {t('resources.delivery.addEvidence')}
              </Button>
            </Stack>
            <Textarea label={t('resources.delivery.note')} autosize minRows={2} maxLength={2000} {...form.getInputProps('note')} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpen(false)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={save.busy}>
                {t('resources.delivery.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

const AMEND_KNOWN = /^(amount|quantityValue|valuationBasis|reason|tranches(\.\d+\.(dueOn|amount|quantity))?)$/;
const amendField = (f: string) => trancheField(f).replace(/^valuation(\.(amount|currency))?$/, 'amount').replace(/^quantity(\.(value|unit))?$/, 'quantityValue');

/** Amending the terms (valuation, quantity, basis, schedule) with a reason; the ledger posts the change in value. */
export function AmendCommitment({ c, partnershipId }: { c: CommitmentDetail; partnershipId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const amountError = useAmountError();
  const [open, setOpen] = useState(false);
  const initial = () => ({
    amount: amountForInput(c.valuation.amount, f.locale),
    currency: c.valuation.currency,
    quantityValue: c.quantity ? amountForInput(c.quantity.value, f.locale) : '',
    valuationBasis: c.valuationBasis,
    tranches: c.tranches.map((x) => ({ dueOn: x.dueOn, amount: amountForInput(x.value.amount, f.locale), quantity: x.quantity ? amountForInput(x.quantity.value, f.locale) : '' })) as TrancheValue[],
    reason: '',
  });
  const form = useForm({
    mode: 'controlled',
    initialValues: initial(),
    validate: (v) => {
      const e: Record<string, string> = {};
      const a = readAmount(v.amount, v.currency, f.locale);
      if (!a) e.amount = t('validation.required');
      else if ('error' in a) e.amount = amountError(a.error);
      if (!v.reason.trim()) e.reason = t('resources.actions.reasonRequired');
      return { ...e, ...trancheErrors(v, f.locale, t, amountError) };
    },
  });
  const setErrors = (errs: Record<string, string>) => form.setErrors(Object.fromEntries(Object.entries(errs).map(([k, m]) => [amendField(k), m])));
  const save = useSubmit(setErrors, (field) => AMEND_KNOWN.test(amendField(field)), async (v: typeof form.values) => {
    const amount = (text: string) => {
      const r = readAmount(text, v.currency, f.locale);
      return r && 'text' in r ? r.text : text;
    };
    const qty = (text: string) => {
      const r = readQuantityText(text, f.locale);
      return typeof r === 'string' ? r : text;
    };
    const unit = c.quantity?.unit ?? '';
    await api.post(`/partnerships/${partnershipId}/commitments/${c.id}/amend`, {
      valuation: { amount: amount(v.amount), currency: v.currency },
      ...(c.quantity ? { quantity: { value: qty(v.quantityValue), unit } } : {}),
      valuationBasis: v.valuationBasis.trim(),
      tranches: v.tranches.map((x) => ({ dueOn: x.dueOn, value: { amount: amount(x.amount), currency: v.currency }, quantity: c.quantity && x.quantity.trim() ? { value: qty(x.quantity), unit } : null })),
      reason: v.reason.trim(),
    });
    await qc.invalidateQueries({ queryKey: resKeys.all(partnershipId) });
    setOpen(false);
  });
  return (
    <>
      <Button
        size="xs"
        variant="default"
        onClick={() => {
          form.setValues(initial());
          form.clearErrors();
          setOpen(true);
        }}
      >
        {t('resources.amend.action')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('resources.amend.title', { number: c.number })} centered size="xl">
        <form noValidate onSubmit={form.onSubmit(save.submit)}>
          <Stack gap="sm">
            <Text size="sm" c="gray.7">
              {t('resources.amend.intro')}
            </Text>
            <ProblemAlert error={save.error} unplaced={save.unplaced} title={t('errors.notSaved')} />
            <Grid gap="sm">
              <Grid.Col span={{ base: 12, xs: 6 }}>
                <TextInput label={t('resources.amend.valuation', { currency: c.valuation.currency })} inputMode="decimal" required {...form.getInputProps('amount')} />
              </Grid.Col>
              {c.quantity && (
                <Grid.Col span={{ base: 12, xs: 6 }}>
                  <TextInput label={t('resources.amend.quantity', { unit: c.quantity.unit })} inputMode="decimal" {...form.getInputProps('quantityValue')} />
                </Grid.Col>
              )}
            </Grid>
            <Textarea label={t('resources.valuationBasis')} autosize minRows={1} maxLength={1000} {...form.getInputProps('valuationBasis')} />
            <TranchesEditor form={form} withQuantity={!!c.quantity} unit={c.quantity?.unit ?? ''} />
            <Textarea label={t('resources.amend.reason')} required autosize minRows={2} maxLength={5000} {...form.getInputProps('reason')} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpen(false)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={save.busy}>
                {t('resources.amend.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
