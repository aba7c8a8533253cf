import { Button, Card, Grid, NumberInput, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArrowsExchange } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CardHeading, ScrollTable } from '../../components/cards';
import { EmptyState, LoadMore, PageError, PageLoader, ProblemAlert } from '../../components/page';
import { api } from '../../lib/api';
import { useFormat } from '../../lib/format';
import { useSubmit } from '../../lib/submit';
import type { PartnershipDetail } from '../../lib/types';
import { resKeys, useRates, useSettings, type Settings } from './api';
import { todayIso } from './acting';
import { MoneyText } from './badges';
import { amountForInput, CURRENCY_CODES, decimalOf, formatQuantity, readAmount } from '../../lib/money';
import { useAmountError } from './pledge-form';
import { ResourcesTabs } from './tabs';

/** Exchange rates as entered (never fetched), and the partnership's accountability settings. */
export function RatesView({ p }: { p: PartnershipDetail }) {
  const settings = useSettings(p.id);
  const manage = p.allowedActions.includes('partnership.ledger.manage');
  return (
    <Stack gap="lg">
      <ResourcesTabs p={p} />
      {settings.isLoading ? <PageLoader /> : settings.error ? <PageError error={settings.error} onRetry={() => void settings.refetch()} /> : <SettingsCard p={p} s={settings.data!} manage={manage} />}
      <RatesCard p={p} manage={manage} reporting={settings.data?.reportingCurrency ?? 'EUR'} />
    </Stack>
  );
}

function SettingsCard({ p, s, manage }: { p: PartnershipDetail; s: Settings; manage: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const amountError = useAmountError();
  const form = useForm({
    mode: 'controlled',
    initialValues: { reportingCurrency: s.reportingCurrency, graceDays: s.graceDays as number | string, approvalThreshold: s.approvalThreshold ? amountForInput(s.approvalThreshold.amount, f.locale) : '' },
    validate: (v) => {
      const e: Record<string, string> = {};
      const a = readAmount(v.approvalThreshold, v.reportingCurrency, f.locale);
      if (a && 'error' in a) e.approvalThreshold = amountError(a.error);
      if (v.graceDays === '' || Number(v.graceDays) < 0 || Number(v.graceDays) > 365) e.graceDays = t('resources.settings.graceRange');
      return e;
    },
  });
  const save = useSubmit(form.setErrors, (k) => ['reportingCurrency', 'graceDays', 'approvalThreshold'].includes(k), async (v: typeof form.values) => {
    const a = readAmount(v.approvalThreshold, v.reportingCurrency, f.locale);
    await api.put(`/partnerships/${p.id}/accountability/settings`, { reportingCurrency: v.reportingCurrency, graceDays: Number(v.graceDays), approvalThreshold: a && 'text' in a ? a.text : null });
    await qc.invalidateQueries({ queryKey: resKeys.all(p.id) });
    form.resetDirty();
  });
  if (!manage) {
    return (
      <Card>
        <Stack gap="sm">
          <CardHeading title={t('resources.settings.title')} intro={t('resources.settings.intro')} />
          <Grid>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <Text size="xs" c="gray.7" fw={600} tt="uppercase">{t('resources.settings.reportingCurrency')}</Text>
              <Text size="sm">{s.reportingCurrency}</Text>
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <Text size="xs" c="gray.7" fw={600} tt="uppercase">{t('resources.settings.graceDays')}</Text>
              <Text size="sm">{t('resources.settings.days', { count: s.graceDays })}</Text>
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <Text size="xs" c="gray.7" fw={600} tt="uppercase">{t('resources.settings.threshold')}</Text>
              {s.approvalThreshold ? <MoneyText m={s.approvalThreshold} /> : <Text size="sm">{t('resources.settings.noThreshold')}</Text>}
            </Grid.Col>
          </Grid>
        </Stack>
      </Card>
    );
  }
  return (
    <Card>
      <form noValidate onSubmit={form.onSubmit(save.submit)}>
        <Stack gap="sm">
          <CardHeading title={t('resources.settings.title')} intro={t('resources.settings.intro')} />
          <ProblemAlert error={save.error} unplaced={save.unplaced} title={t('errors.notSaved')} />
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <Select label={t('resources.settings.reportingCurrency')} description={t('resources.settings.reportingCurrencyHint')} searchable allowDeselect={false} data={CURRENCY_CODES} {...form.getInputProps('reportingCurrency')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <NumberInput label={t('resources.settings.graceDays')} description={t('resources.settings.graceDaysHint')} min={0} max={365} allowDecimal={false} {...form.getInputProps('graceDays')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput label={t('resources.settings.thresholdIn', { currency: form.values.reportingCurrency })} description={t('resources.settings.thresholdHint')} inputMode="decimal" {...form.getInputProps('approvalThreshold')} />
            </Grid.Col>
          </Grid>
          <Button type="submit" loading={save.busy} style={{ alignSelf: 'flex-end' }} disabled={!form.isDirty()}>
            {t('common.saveChanges')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

function RatesCard({ p, manage, reporting }: { p: PartnershipDetail; manage: boolean; reporting: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const list = useRates(p.id);
  const items = list.data?.pages.flatMap((x) => x.items) ?? [];
  const form = useForm({
    mode: 'controlled',
    initialValues: { from: null as string | null, to: reporting as string | null, on: todayIso(), rate: '' },
    validate: (v) => ({
      from: !v.from ? t('validation.chooseOne') : v.from === v.to ? t('resources.rates.samePair') : null,
      to: !v.to ? t('validation.chooseOne') : null,
      on: !v.on ? t('validation.date') : null,
      rate: !/^\d+([.,]\d+)?$/.test(v.rate.trim()) ? t('resources.rates.rateInvalid') : null,
    }),
  });
  const save = useSubmit(form.setErrors, (k) => ['from', 'to', 'on', 'rate'].includes(k), async (v: typeof form.values) => {
    await api.post(`/partnerships/${p.id}/ledger/exchange-rates`, { from: v.from, to: v.to, on: v.on, rate: v.rate.trim().replace(',', '.') });
    await qc.invalidateQueries({ queryKey: resKeys.all(p.id) });
    form.setFieldValue('rate', '');
  });
  return (
    <Card>
      <Stack gap="md">
        <CardHeading title={t('resources.rates.title')} intro={t('resources.rates.intro', { currency: reporting })} />
        {manage && (
          <form noValidate onSubmit={form.onSubmit(save.submit)}>
            <Stack gap="xs">
              <ProblemAlert error={save.error} unplaced={save.unplaced} title={t('errors.notSaved')} />
              <Grid gap="sm" align="flex-start">
                <Grid.Col span={{ base: 6, sm: 2 }}>
                  <Select label={t('resources.rates.from')} searchable data={CURRENCY_CODES} {...form.getInputProps('from')} />
                </Grid.Col>
                <Grid.Col span={{ base: 6, sm: 2 }}>
                  <Select label={t('resources.rates.to')} searchable data={CURRENCY_CODES} {...form.getInputProps('to')} />
                </Grid.Col>
                <Grid.Col span={{ base: 6, sm: 3 }}>
                  <TextInput type="date" label={t('resources.rates.on')} {...form.getInputProps('on')} />
                </Grid.Col>
                <Grid.Col span={{ base: 6, sm: 3 }}>
                  <TextInput label={t('resources.rates.rate')} inputMode="decimal" placeholder={decimalOf(f.locale) === ',' ? '1,0861' : '1.0861'} {...form.getInputProps('rate')} />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 2 }}>
                  <Button type="submit" loading={save.busy} mt={{ base: 0, sm: 25 }} fullWidth>
                    {t('resources.rates.add')}
                  </Button>
                </Grid.Col>
              </Grid>
              {form.values.from && form.values.to && form.values.rate && (
                <Text size="sm" c="gray.7">
                  {t('resources.rates.reads', { from: form.values.from, to: form.values.to, rate: form.values.rate })}
                </Text>
              )}
            </Stack>
          </form>
        )}
        {list.isLoading ? (
          <PageLoader />
        ) : list.error ? (
          <PageError error={list.error} onRetry={() => void list.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState icon={IconArrowsExchange} title={t('resources.rates.emptyTitle')} description={manage ? t('resources.rates.emptyBodyManage') : t('resources.rates.emptyBody')} />
        ) : (
          <>
            <ScrollTable minWidth={480} label={t('resources.rates.title')}>
              <Table verticalSpacing="xs" fz="sm" striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('resources.rates.on')}</Table.Th>
                    <Table.Th>{t('resources.rates.pair')}</Table.Th>
                    <Table.Th ta="right">{t('resources.rates.rate')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td>{f.date(r.on)}</Table.Td>
                      <Table.Td>
                        {r.from} → {r.to}
                      </Table.Td>
                      <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                        {formatQuantity(r.rate, f.locale)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
            <LoadMore hasMore={!!list.hasNextPage} loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()} shown={items.length} />
          </>
        )}
      </Stack>
    </Card>
  );
}
