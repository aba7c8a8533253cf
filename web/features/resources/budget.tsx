import { ActionIcon, Button, Card, Divider, Grid, Group, Modal, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconChartBar, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CardHeading, ScrollTable } from '../../components/cards';
import { LazyEChart } from '../../components/lazy-chart';
import { EmptyState, PageError, PageLoader, ProblemAlert } from '../../components/page';
import { api } from '../../lib/api';
import { useFormat } from '../../lib/format';
import { useSubmit } from '../../lib/submit';
import type { PartnershipDetail } from '../../lib/types';
import { resKeys, useBudget, useSettings, type BudgetReport } from './api';
import { DeliveryProgress, MoneyText } from './badges';
import { lineNames } from './ledger';
import { amountForInput, CURRENCY_CODES, formatMoney, readAmount, toNumber } from '../../lib/money';
import { useAmountError } from './pledge-form';
import { ResourcesTabs } from './tabs';
import { ratesUsedText } from '../../lib/decimal-text';

const PLANNED = '#9ec5fe';
const ACTUAL = '#1864ab';

/** Budget versus actual per line: a chart in the reporting currency, then every line and activity per currency. */
export function BudgetView({ p }: { p: PartnershipDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const q = useBudget(p.id);
  const settings = useSettings(p.id);
  const manage = p.allowedActions.includes('partnership.ledger.manage');
  const b = q.data;
  const names = lineNames(b);
  const nameOf = (line: string, activity: string | null) => (activity ? `${names.get(line) ?? line} › ${names.get(`${line}:${activity}`) ?? activity}` : (names.get(line) ?? line));
  const lineRows = useMemo(() => (b?.reporting?.rows ?? []).filter((r) => r.activity === null), [b]);
  const option = useMemo(() => {
    const currency = b?.reporting?.currency ?? 'EUR';
    const compact = new Intl.NumberFormat(f.locale, { notation: 'compact', style: 'currency', currency });
    return {
      grid: { left: 8, right: 16, top: 28, bottom: 4, containLabel: true },
      legend: { top: 0, left: 0, textStyle: { color: '#343a40' }, data: [t('resources.budget.planned'), t('resources.budget.actual')] },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (ps: { dataIndex: number }[]) => {
          const r = lineRows[ps[0]?.dataIndex ?? 0];
          if (!r) return '';
          return [`<b>${nameOf(r.line, null)}</b>`, `${t('resources.budget.planned')}: ${r.planned ? formatMoney(r.planned, f.locale) : '—'}`, `${t('resources.budget.actual')}: ${r.actual ? formatMoney(r.actual, f.locale) : '—'}`].join('<br/>');
        },
      },
      xAxis: { type: 'category', data: lineRows.map((r) => nameOf(r.line, null)), axisLabel: { color: '#212529', interval: 0, width: 110, overflow: 'truncate' } },
      yAxis: { type: 'value', axisLabel: { color: '#495057', formatter: (v: number) => compact.format(v) } },
      series: [
        { name: t('resources.budget.planned'), type: 'bar', barMaxWidth: 34, itemStyle: { color: PLANNED }, data: lineRows.map((r) => (r.planned ? toNumber(r.planned) : 0)) },
        { name: t('resources.budget.actual'), type: 'bar', barMaxWidth: 34, itemStyle: { color: ACTUAL }, data: lineRows.map((r) => (r.actual ? toNumber(r.actual) : 0)) },
      ],
    };
  }, [lineRows, f.locale, t, b]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <Stack gap="lg">
      <ResourcesTabs p={p} />
      <Card>
        <Stack gap="md">
          <CardHeading title={t('resources.budget.title')} intro={t('resources.budget.intro')} actions={manage && b ? <BudgetEditor p={p} b={b} currency={settings.data?.reportingCurrency ?? 'EUR'} /> : undefined} />
          {q.isLoading ? (
            <PageLoader />
          ) : q.error ? (
            <PageError error={q.error} onRetry={() => void q.refetch()} />
          ) : b!.lines.length === 0 && b!.rows.length === 0 ? (
            <EmptyState icon={IconChartBar} title={t('resources.budget.emptyTitle')} description={manage ? t('resources.budget.emptyBodyManage') : t('resources.budget.emptyBody')} />
          ) : (
            <>
              {lineRows.length > 0 && (
                <LazyEChart
                  option={option}
                  height={280}
                  label={t('resources.budget.chartAria', {
                    currency: b!.reporting?.currency ?? '',
                    summary: lineRows.map((r) => t('resources.budget.chartRow', { line: nameOf(r.line, null), planned: r.planned ? formatMoney(r.planned, f.locale) : '—', actual: r.actual ? formatMoney(r.actual, f.locale) : '—' })).join('; '),
                  })}
                />
              )}
              <ScrollTable minWidth={820} label={t('resources.budget.title')}>
                <Table verticalSpacing="xs" fz="sm">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('resources.budget.line')}</Table.Th>
                      <Table.Th ta="right">{t('resources.budget.planned')}</Table.Th>
                      <Table.Th ta="right">{t('resources.budget.expenses')}</Table.Th>
                      <Table.Th ta="right">{t('resources.budget.disbursements')}</Table.Th>
                      <Table.Th ta="right">{t('resources.budget.remaining')}</Table.Th>
                      <Table.Th>{t('resources.budget.used')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {b!.rows.map((r) => {
                      const over = BigInt(r.remaining.minor) < 0n;
                      return (
                        <Table.Tr key={`${r.line}-${r.activity}-${r.currency}`}>
                          <Table.Td style={{ paddingLeft: r.activity ? 28 : undefined }}>
                            <Text size="sm" fw={r.activity ? 400 : 600}>
                              {r.activity ? (names.get(`${r.line}:${r.activity}`) ?? r.activity) : (names.get(r.line) ?? r.line)}
                            </Text>
                          </Table.Td>
                          <Table.Td ta="right">
                            <MoneyText m={r.planned} />
                          </Table.Td>
                          <Table.Td ta="right">
                            <MoneyText m={r.expenses} />
                          </Table.Td>
                          <Table.Td ta="right">
                            <MoneyText m={r.disbursements} />
                          </Table.Td>
                          <Table.Td ta="right">
                            <MoneyText m={r.remaining} fw={600} c={over ? '#a51d1d' : undefined} />
                            {over && (
                              <Text size="xs" c="#a51d1d" fw={600}>
                                {t('resources.budget.over')}
                              </Text>
                            )}
                          </Table.Td>
                          <Table.Td>
                            {r.ratio ? <DeliveryProgress percent={r.ratio.percent} label={t('resources.budget.usedAria', { percent: r.ratio.percent })} /> : <Text size="sm" c="gray.7">{t('resources.budget.unplanned')}</Text>}
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </ScrollTable>
              {b!.reporting && (b!.reporting.ratesUsed.length > 0 || b!.reporting.missing.length > 0) && (
                <Text size="xs" c="gray.7">
                  {b!.reporting.ratesUsed.length > 0 && t('resources.overview.ratesUsed', { rates: ratesUsedText(b!.reporting.ratesUsed, f.locale, f.date) })}{' '}
                  {b!.reporting.missing.length > 0 && t('resources.overview.missingRates', { pairs: b!.reporting.missing.map((m) => `${m.from}→${m.to}`).join(', ') })}
                </Text>
              )}
            </>
          )}
        </Stack>
      </Card>
    </Stack>
  );
}

interface ActivityValue {
  id: string;
  name: string;
  amount: string;
}
interface LineValue {
  id: string;
  name: string;
  amount: string;
  currency: string;
  activities: ActivityValue[];
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);

/** Editing the budget lines (conveners): each line's plan in one currency, and its activities; lines with spending stay. */
function BudgetEditor({ p, b, currency }: { p: PartnershipDetail; b: BudgetReport; currency: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const amountError = useAmountError();
  const [open, setOpen] = useState(false);
  const initial = (): { lines: LineValue[] } => ({
    lines: b.lines.map((l) => {
      const cur = l.planned[0]?.currency ?? currency;
      return {
        id: l.id,
        name: l.name ?? '',
        amount: l.planned[0] ? amountForInput(l.planned[0].amount, f.locale) : '',
        currency: cur,
        activities: l.activities.map((a) => ({ id: a.id, name: a.name ?? '', amount: a.planned.find((x) => x.currency === cur) ? amountForInput(a.planned.find((x) => x.currency === cur)!.amount, f.locale) : '' })),
      };
    }),
  });
  const form = useForm({
    mode: 'controlled',
    initialValues: initial(),
    validate: (v) => {
      const e: Record<string, string> = {};
      v.lines.forEach((l, i) => {
        if (!l.name.trim() && !l.id.trim()) e[`lines.${i}.name`] = t('validation.required');
        const a = readAmount(l.amount, l.currency, f.locale);
        if (a && 'error' in a) e[`lines.${i}.amount`] = amountError(a.error);
        l.activities.forEach((x, j) => {
          if (!x.name.trim() && !x.id.trim()) e[`lines.${i}.activities.${j}.name`] = t('validation.required');
          const aa = readAmount(x.amount, l.currency, f.locale);
          if (aa && 'error' in aa) e[`lines.${i}.activities.${j}.amount`] = amountError(aa.error);
        });
      });
      return e;
    },
  });
  const field = (k: string) => k.replace(/^lines\.(\d+)\.planned(\.\d+)?(\.amount)?$/, 'lines.$1.amount').replace(/^lines\.(\d+)\.activities\.(\d+)\.planned(\.\d+)?(\.amount)?$/, 'lines.$1.activities.$2.amount').replace(/\.id$/, '.name');
  const setErrors = (errs: Record<string, string>) => form.setErrors(Object.fromEntries(Object.entries(errs).map(([k, m]) => [field(k), m])));
  const save = useSubmit(setErrors, (k) => /^lines\.\d+\.(name|amount|activities\.\d+\.(name|amount))$/.test(field(k)), async (v: { lines: LineValue[] }) => {
    const planned = (text: string, cur: string) => {
      const r = readAmount(text, cur, f.locale);
      return r && 'text' in r ? [{ amount: r.text, currency: cur }] : [];
    };
    const body = {
      lines: v.lines.map((l) => ({
        id: l.id.trim() || slug(l.name),
        name: l.name.trim() || null,
        planned: planned(l.amount, l.currency),
        activities: l.activities.map((a) => ({ id: a.id.trim() || slug(a.name), name: a.name.trim() || null, planned: planned(a.amount, l.currency) })),
      })),
    };
    await api.put(`/partnerships/${p.id}/ledger/budget`, body);
    await qc.invalidateQueries({ queryKey: resKeys.all(p.id) });
    setOpen(false);
  });
  return (
    <>
      <Button
        variant="default"
        leftSection={<IconPencil size={16} aria-hidden />}
        onClick={() => {
          form.setValues(initial());
          form.clearErrors();
          setOpen(true);
        }}
      >
        {t('resources.budget.edit')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('resources.budget.editTitle')} centered size="xl">
        <form noValidate onSubmit={form.onSubmit(save.submit)}>
          <Stack gap="sm">
            <Text size="sm" c="gray.7">
              {t('resources.budget.editIntro')}
            </Text>
            <ProblemAlert error={save.error} unplaced={save.unplaced} title={t('errors.notSaved')} />
            {form.values.lines.map((l, i) => (
              <Paper key={i} withBorder p="sm" radius="md">
                <Grid gap="xs" align="flex-end">
                  <Grid.Col span={{ base: 12, sm: 5 }}>
                    <TextInput label={t('resources.budget.lineName', { n: i + 1 })} description={l.id ? t('resources.budget.lineId', { id: l.id }) : undefined} maxLength={300} {...form.getInputProps(`lines.${i}.name`)} />
                  </Grid.Col>
                  <Grid.Col span={{ base: 7, sm: 4 }}>
                    <TextInput label={t('resources.budget.linePlanned', { n: i + 1 })} inputMode="decimal" {...form.getInputProps(`lines.${i}.amount`)} />
                  </Grid.Col>
                  <Grid.Col span={{ base: 3, sm: 2 }}>
                    <Select label={t('resources.currency')} searchable allowDeselect={false} data={CURRENCY_CODES} {...form.getInputProps(`lines.${i}.currency`)} />
                  </Grid.Col>
                  <Grid.Col span={{ base: 2, sm: 1 }}>
                    <ActionIcon variant="subtle" color="red" size="lg" mb={2} onClick={() => form.removeListItem('lines', i)} aria-label={t('resources.budget.removeLine', { n: i + 1 })}>
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Grid.Col>
                </Grid>
                {l.activities.length > 0 && <Divider my="xs" label={t('resources.budget.activities')} labelPosition="left" />}
                {l.activities.map((_, j) => (
                  <Grid key={j} gap="xs" align="flex-end" pl={{ base: 0, sm: 'lg' }}>
                    <Grid.Col span={{ base: 12, sm: 6 }}>
                      <TextInput label={t('resources.budget.activityName', { n: j + 1, line: i + 1 })} maxLength={300} {...form.getInputProps(`lines.${i}.activities.${j}.name`)} />
                    </Grid.Col>
                    <Grid.Col span={{ base: 10, sm: 5 }}>
                      <TextInput label={t('resources.budget.activityPlanned', { n: j + 1, line: i + 1, currency: l.currency })} inputMode="decimal" {...form.getInputProps(`lines.${i}.activities.${j}.amount`)} />
                    </Grid.Col>
                    <Grid.Col span={{ base: 2, sm: 1 }}>
                      <ActionIcon variant="subtle" color="red" size="lg" mb={2} onClick={() => form.removeListItem(`lines.${i}.activities`, j)} aria-label={t('resources.budget.removeActivity', { n: j + 1, line: i + 1 })}>
                        <IconTrash size={16} aria-hidden />
                      </ActionIcon>
                    </Grid.Col>
                  </Grid>
                ))}
                <Button variant="subtle" size="xs" mt={6} leftSection={<IconPlus size={14} aria-hidden />} onClick={() => form.insertListItem(`lines.${i}.activities`, { id: '', name: '', amount: '' })}>
                  {t('resources.budget.addActivity')}
                </Button>
              </Paper>
            ))}
            <Group justify="space-between">
              <Button variant="light" size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => form.insertListItem('lines', { id: '', name: '', amount: '', currency, activities: [] })}>
                {t('resources.budget.addLine')}
              </Button>
              <Group>
                <Button variant="default" onClick={() => setOpen(false)}>
                  {t('common.cancel')}
                </Button>
                <Button type="submit" loading={save.busy}>
                  {t('resources.budget.save')}
                </Button>
              </Group>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
