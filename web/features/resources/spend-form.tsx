import { Button, Grid, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconInfoCircle } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RESOURCE_KINDS } from '../../../src/domain/accountability/commitments';
import { ProblemAlert } from '../../components/page';
import { api } from '../../lib/api';
import { useFormat } from '../../lib/format';
import { useSubmit } from '../../lib/submit';
import type { PartnershipDetail } from '../../lib/types';
import { resKeys, useAdoptedDecisions, useBalances, type BudgetReport, type Settings } from './api';
import { poolHolds } from './accounts';
import { todayIso } from './acting';
import { CURRENCY_CODES, formatMoney, readAmount, readQuantityText } from '../../lib/money';
import { useAmountError } from './pledge-form';

const KNOWN = /^(date|description|line|activity|amount|currency|from|quantity|decisionId|counterparty|recipient)$/;
const field = (f: string) => f.replace(/^amount\.amount$/, 'amount').replace(/^amount\.currency$/, 'currency').replace(/^quantity(\.(value|unit))?$/, 'quantity');

/**
 * Recording an expense (paid from the pool or by using an in-kind resource) or a disbursement to a recipient,
 * charged to a budget line; at or above the approval threshold it names the adopted decision that approved it.
 */
export function SpendForm({ p, kind, budget, settings }: { p: PartnershipDetail; kind: 'expense' | 'disbursement'; budget: BudgetReport | undefined; settings: Settings | undefined }) {
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const amountError = useAmountError();
  const [open, setOpen] = useState(false);
  const decisions = useAdoptedDecisions(p.id, open && p.allowedActions.includes('partnership.decisions.read'));
  const balances = useBalances(p.id);
  const lines = budget?.lines ?? [];
  const initialValues = () => ({ date: todayIso(), description: '', line: (lines[0]?.id ?? null) as string | null, activity: null as string | null, amount: '', currency: settings?.reportingCurrency ?? 'EUR', from: 'pool', quantity: '', quantityUnit: '', decisionId: null as string | null, party: '' });
  const form = useForm({
    mode: 'controlled',
    initialValues: initialValues(),
    validate: (v) => {
      const e: Record<string, string> = {};
      if (!v.description.trim()) e.description = t('validation.required');
      if (!v.line) e.line = t('validation.chooseOne');
      const a = readAmount(v.amount, v.currency, f.locale);
      if (!a) e.amount = t('validation.required');
      else if ('error' in a) e.amount = amountError(a.error);
      if (kind === 'disbursement' && !v.party.trim()) e.recipient = t('validation.required');
      const qn = readQuantityText(v.quantity, f.locale);
      if (qn && typeof qn === 'object') e.quantity = t('resources.form.quantityInvalid');
      return e;
    },
  });
  const v = form.values;
  const line = lines.find((l) => l.id === v.line);
  const setErrors = (errs: Record<string, string>) => form.setErrors(Object.fromEntries(Object.entries(errs).map(([k, m]) => [field(k) === 'counterparty' || field(k) === 'recipient' ? 'recipient' : field(k), m])));
  const save = useSubmit(setErrors, (x) => KNOWN.test(field(x)), async (values: typeof v) => {
    const a = readAmount(values.amount, values.currency, f.locale);
    const qn = readQuantityText(values.quantity, f.locale);
    const common = {
      date: values.date || undefined,
      description: values.description.trim(),
      line: values.line!,
      activity: values.activity,
      amount: { amount: a && 'text' in a ? a.text : values.amount, currency: values.currency },
      decisionId: values.decisionId,
    };
    const body =
      kind === 'expense'
        ? { ...common, from: values.from, quantity: values.from !== 'pool' && typeof qn === 'string' ? { value: qn, unit: values.quantityUnit.trim() } : null, counterparty: values.party.trim() || null }
        : { ...common, recipient: values.party.trim() };
    await api.post(`/partnerships/${p.id}/ledger/${kind === 'expense' ? 'expenses' : 'disbursements'}`, body, { idempotent: true });
    await qc.invalidateQueries({ queryKey: resKeys.all(p.id) });
    setOpen(false);
    form.setValues(initialValues());
  });
  const threshold = settings?.approvalThreshold;
  return (
    <>
      <Button
        size="sm"
        variant={kind === 'expense' ? 'filled' : 'light'}
        onClick={() => {
          // the budget and settings may have arrived after the first render: start from them
          form.setValues(initialValues());
          form.clearErrors();
          setOpen(true);
        }}
      >
        {t(`resources.spend.${kind}.action`)}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t(`resources.spend.${kind}.title`)} centered size="lg">
        <form noValidate onSubmit={form.onSubmit(save.submit)}>
          <Stack gap="sm">
            <Text size="sm" c="gray.7">
              {t(`resources.spend.${kind}.intro`)}
            </Text>
            {threshold && (
              <Group gap={6} wrap="nowrap" align="flex-start">
                <IconInfoCircle size={16} aria-hidden style={{ flex: 'none', marginTop: 2 }} />
                <Text size="sm">{threshold.minor === '0' ? t('resources.spend.alwaysDecision') : t('resources.spend.threshold', { amount: formatMoney(threshold, f.locale) })}</Text>
              </Group>
            )}
            <ProblemAlert error={save.error} unplaced={save.unplaced} title={t('errors.notSaved')} />
            <TextInput label={t('resources.spend.description')} required maxLength={500} data-autofocus {...form.getInputProps('description')} />
            <Grid gap="sm">
              <Grid.Col span={{ base: 12, xs: 6 }}>
                <Select
                  label={t('resources.spend.line')}
                  required
                  allowDeselect={false}
                  data={lines.map((l) => ({ value: l.id, label: l.name ?? l.id }))}
                  nothingFoundMessage={t('resources.spend.noLines')}
                  {...form.getInputProps('line')}
                  onChange={(x) => {
                    form.setFieldValue('line', x);
                    form.setFieldValue('activity', null);
                  }}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, xs: 6 }}>
                <Select label={t('resources.spend.activity')} clearable disabled={!line?.activities.length} data={(line?.activities ?? []).map((a) => ({ value: a.id, label: a.name ?? a.id }))} {...form.getInputProps('activity')} />
              </Grid.Col>
              <Grid.Col span={{ base: 8, xs: 5 }}>
                <TextInput
                  label={t('resources.spend.amount')}
                  description={kind === 'disbursement' || v.from === 'pool' ? t('resources.exchange.held', { amount: formatMoney({ minor: poolHolds(balances.data, v.currency), currency: v.currency }, f.locale) }) : undefined}
                  required
                  inputMode="decimal"
                  {...form.getInputProps('amount')}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 4, xs: 3 }}>
                <Select label={t('resources.currency')} required searchable allowDeselect={false} data={CURRENCY_CODES} {...form.getInputProps('currency')} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, xs: 4 }}>
                <TextInput type="date" label={t('resources.ledger.date')} max={todayIso()} {...form.getInputProps('date')} />
              </Grid.Col>
              {kind === 'expense' && (
                <Grid.Col span={{ base: 12, xs: 6 }}>
                  <Select
                    label={t('resources.spend.from')}
                    allowDeselect={false}
                    data={[{ value: 'pool', label: t('resources.account.pool') }, ...RESOURCE_KINDS.filter((k) => k !== 'cash').map((k) => ({ value: k, label: t('resources.spend.fromKind', { kind: t(`resources.kind.${k}`) }) }))]}
                    {...form.getInputProps('from')}
                  />
                </Grid.Col>
              )}
              {kind === 'expense' && v.from !== 'pool' && (
                <>
                  <Grid.Col span={{ base: 6, xs: 3 }}>
                    <TextInput label={t('resources.quantity')} inputMode="decimal" {...form.getInputProps('quantity')} />
                  </Grid.Col>
                  <Grid.Col span={{ base: 6, xs: 3 }}>
                    <TextInput label={t('resources.unit')} {...form.getInputProps('quantityUnit')} />
                  </Grid.Col>
                </>
              )}
              <Grid.Col span={12}>
                <TextInput
                  label={kind === 'expense' ? t('resources.spend.counterparty') : t('resources.spend.recipient')}
                  required={kind === 'disbursement'}
                  maxLength={300}
                  {...form.getInputProps('party')}
                  error={form.errors.recipient ?? form.errors.counterparty}
                />
              </Grid.Col>
              <Grid.Col span={12}>
                <Select
                  label={t('resources.spend.decision')}
                  description={t('resources.spend.decisionHint')}
                  searchable
                  clearable
                  data={(decisions.data ?? []).map((d) => ({ value: d.id, label: `#${d.number} ${d.title}` }))}
                  nothingFoundMessage={t('resources.noAdoptedDecisions')}
                  {...form.getInputProps('decisionId')}
                />
              </Grid.Col>
            </Grid>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpen(false)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={save.busy}>
                {t(`resources.spend.${kind}.submit`)}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
