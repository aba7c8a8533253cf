import { Button, Grid, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArrowsExchange } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/page';
import { api } from '../../lib/api';
import { useFormat } from '../../lib/format';
import { useSubmit } from '../../lib/submit';
import type { PartnershipDetail } from '../../lib/types';
import { resKeys, useBalances, type Settings } from './api';
import { todayIso } from './acting';
import { CURRENCY_CODES, exponentOf, formatMoney, readAmount } from '../../lib/money';
import { poolHolds } from './accounts';
import { useAmountError } from './pledge-form';

const KNOWN = /^(date|description|sold|soldCurrency|bought|boughtCurrency|counterparty)$/;
/** API fields (`sold.amount`, `bought.currency`...) to the form's. */
const field = (f: string) => f.replace(/^(sold|bought)\.amount$/, '$1').replace(/^(sold|bought)\.currency$/, '$1Currency').replace(/^(sold|bought)$/, '$1');

/**
 * The rate an exchange implies, in the reader's language: how much of the bought currency one unit of the sold one
 * fetched (to 6 significant digits; display only, the ledger records the two amounts exactly).
 */
function impliedRate(sold: bigint, bought: bigint, soldExp: number, boughtExp: number, locale: string): string | null {
  if (sold <= 0n || bought <= 0n) return null;
  const rate = (Number(bought) / 10 ** boughtExp) / (Number(sold) / 10 ** soldExp);
  return Number.isFinite(rate) ? new Intl.NumberFormat(locale, { maximumSignificantDigits: 6 }).format(rate) : null;
}

/**
 * Recording an exchange of currencies in the pool (conveners): what was sold and what it bought, on which date, with
 * whom. The pool must hold what is sold (the API refuses more, naming the amount held), so the form shows it.
 */
export function ExchangeForm({ p, settings }: { p: PartnershipDetail; settings: Settings | undefined }) {
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const amountError = useAmountError();
  const balances = useBalances(p.id);
  const [open, setOpen] = useState(false);
  const reporting = settings?.reportingCurrency ?? 'EUR';
  const initialValues = () => ({ date: todayIso(), description: '', sold: '', soldCurrency: reporting, bought: '', boughtCurrency: reporting === 'USD' ? 'EUR' : 'USD', counterparty: '' });
  const form = useForm({
    mode: 'controlled',
    initialValues: initialValues(),
    validate: (v) => {
      const e: Record<string, string> = {};
      for (const side of ['sold', 'bought'] as const) {
        const a = readAmount(v[side], v[`${side}Currency`], f.locale);
        if (!a) e[side] = t('validation.required');
        else if ('error' in a) e[side] = amountError(a.error);
      }
      if (v.soldCurrency === v.boughtCurrency) e.boughtCurrency = t('resources.exchange.sameCurrency');
      return e;
    },
  });
  const v = form.values;
  const sold = readAmount(v.sold, v.soldCurrency, f.locale);
  const bought = readAmount(v.bought, v.boughtCurrency, f.locale);
  const rate = sold && 'text' in sold && bought && 'text' in bought ? impliedRate(sold.minor, bought.minor, exponentOf(v.soldCurrency), exponentOf(v.boughtCurrency), f.locale) : null;
  const held = poolHolds(balances.data, v.soldCurrency);
  const setErrors = (errs: Record<string, string>) => form.setErrors(Object.fromEntries(Object.entries(errs).map(([k, m]) => [field(k), m])));
  const save = useSubmit(setErrors, (x) => KNOWN.test(field(x)), async (values: typeof v) => {
    const amount = (text: string, currency: string) => {
      const a = readAmount(text, currency, f.locale);
      return { amount: a && 'text' in a ? a.text : text, currency };
    };
    await api.post(
      `/partnerships/${p.id}/ledger/exchanges`,
      {
        date: values.date || undefined,
        description: values.description.trim() || undefined,
        sold: amount(values.sold, values.soldCurrency),
        bought: amount(values.bought, values.boughtCurrency),
        counterparty: values.counterparty.trim() || null,
      },
      { idempotent: true },
    );
    await qc.invalidateQueries({ queryKey: resKeys.all(p.id) });
    setOpen(false);
    form.setValues(initialValues());
  });
  return (
    <>
      <Button
        size="sm"
        variant="light"
        leftSection={<IconArrowsExchange size={16} aria-hidden />}
        onClick={() => {
          form.setValues(initialValues());
          form.clearErrors();
          setOpen(true);
        }}
      >
        {t('resources.exchange.action')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('resources.exchange.title')} centered size="lg">
        <form noValidate onSubmit={form.onSubmit(save.submit)}>
          <Stack gap="sm">
            <Text size="sm" c="gray.7">
              {t('resources.exchange.intro')}
            </Text>
            <ProblemAlert error={save.error} unplaced={save.unplaced} title={t('errors.notSaved')} />
            <Grid gap="sm">
              <Grid.Col span={{ base: 7, xs: 8 }}>
                <TextInput
                  label={t('resources.exchange.sold')}
                  description={t('resources.exchange.held', { amount: formatMoney({ minor: held, currency: v.soldCurrency }, f.locale) })}
                  required
                  inputMode="decimal"
                  data-autofocus
                  {...form.getInputProps('sold')}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 5, xs: 4 }}>
                <Select label={t('resources.exchange.soldCurrency')} description=" " required searchable allowDeselect={false} data={CURRENCY_CODES} {...form.getInputProps('soldCurrency')} />
              </Grid.Col>
              <Grid.Col span={{ base: 7, xs: 8 }}>
                <TextInput label={t('resources.exchange.bought')} required inputMode="decimal" {...form.getInputProps('bought')} />
              </Grid.Col>
              <Grid.Col span={{ base: 5, xs: 4 }}>
                <Select label={t('resources.exchange.boughtCurrency')} required searchable allowDeselect={false} data={CURRENCY_CODES} {...form.getInputProps('boughtCurrency')} />
              </Grid.Col>
              <Grid.Col span={12}>
                <Text size="sm" c="gray.7" aria-live="polite" mih={20}>
                  {rate ? t('resources.exchange.rate', { sold: v.soldCurrency, bought: v.boughtCurrency, rate }) : ''}
                </Text>
              </Grid.Col>
              <Grid.Col span={{ base: 12, xs: 4 }}>
                <TextInput type="date" label={t('resources.ledger.date')} max={todayIso()} {...form.getInputProps('date')} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, xs: 8 }}>
                <TextInput label={t('resources.exchange.description')} maxLength={500} {...form.getInputProps('description')} />
              </Grid.Col>
              <Grid.Col span={12}>
                <TextInput label={t('resources.exchange.counterparty')} maxLength={300} {...form.getInputProps('counterparty')} />
              </Grid.Col>
            </Grid>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpen(false)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={save.busy}>
                {t('resources.exchange.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
