import { ActionIcon, Button, Grid, Group, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconAlertTriangle, IconCircleCheck, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import { amountForInput, exponentOf, formatMoney, minorToAmount, readAmount } from '../../lib/money';

export interface TrancheValue {
  dueOn: string;
  amount: string;
  quantity: string;
}

export interface TrancheForm {
  tranches: TrancheValue[];
  amount: string;
  currency: string;
}

/** The running total of the tranches against the valuation, exactly (null: an amount cannot be read). */
export function trancheTotal(v: TrancheForm, locale: string): { total: bigint; valuation: bigint | null; unreadable: boolean } {
  let total = 0n;
  let unreadable = false;
  for (const tr of v.tranches) {
    const r = readAmount(tr.amount, v.currency, locale);
    if (r && 'minor' in r) total += r.minor;
    else if (r) unreadable = true;
  }
  const val = readAmount(v.amount, v.currency, locale);
  return { total, valuation: val && 'minor' in val ? val.minor : null, unreadable };
}

/** Maps an API field of a tranche to the form's ("tranches.0.value.amount" -> "tranches.0.amount"). */
export function trancheField(field: string): string {
  return field.replace(/^tranches\.(\d+)\.value(\.(amount|currency))?$/, 'tranches.$1.amount').replace(/^tranches\.(\d+)\.quantity(\.(value|unit))?$/, 'tranches.$1.quantity');
}

/**
 * The schedule of a commitment: one row per tranche (due date, value, and a quantity for in-kind resources),
 * with the running total against the valuation so the person sees at once whether they add up.
 */
export function TranchesEditor<T extends TrancheForm>({ form, withQuantity, unit }: { form: UseFormReturnType<T>; withQuantity: boolean; unit: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const v = form.values;
  const { total, valuation, unreadable } = trancheTotal(v, f.locale);
  const exp = exponentOf(v.currency);
  const money = (minor: bigint) => formatMoney({ minor: minor.toString(), currency: v.currency }, f.locale);
  const diff = valuation === null ? null : valuation - total;
  const error = (form.errors as Record<string, unknown>).tranches;
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500} id="tranches-label">
        {t('resources.form.tranches')}
      </Text>
      <Text size="xs" c="gray.7">
        {t('resources.form.tranchesHint')}
      </Text>
      {v.tranches.map((_, i) => (
        <Grid key={i} gap="xs" align="flex-end">
          <Grid.Col span={{ base: 12, xs: withQuantity ? 4 : 5 }}>
            <TextInput type="date" label={t('resources.form.trancheDue', { n: i + 1 })} required {...form.getInputProps(`tranches.${i}.dueOn`)} />
          </Grid.Col>
          <Grid.Col span={{ base: withQuantity ? 6 : 10, xs: withQuantity ? 4 : 6 }}>
            <TextInput label={t('resources.form.trancheValue', { n: i + 1, currency: v.currency })} inputMode="decimal" required {...form.getInputProps(`tranches.${i}.amount`)} />
          </Grid.Col>
          {withQuantity && (
            <Grid.Col span={{ base: 4, xs: 3 }}>
              <TextInput label={t('resources.form.trancheQuantity', { n: i + 1, unit: unit || t('resources.unit') })} inputMode="decimal" {...form.getInputProps(`tranches.${i}.quantity`)} />
            </Grid.Col>
          )}
          <Grid.Col span={{ base: 2, xs: 1 }}>
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              mb={2}
              disabled={v.tranches.length <= 1}
              onClick={() => form.removeListItem('tranches', i)}
              aria-label={t('resources.form.removeTranche', { n: i + 1 })}
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Grid.Col>
        </Grid>
      ))}
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Group gap="xs">
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconPlus size={14} aria-hidden />}
            disabled={v.tranches.length >= 120}
            onClick={() => form.insertListItem('tranches', { dueOn: '', amount: diff !== null && diff > 0n ? amountForInput(minorToAmount(diff, exp), f.locale) : '', quantity: '' } as never)}
          >
            {t('resources.form.addTranche')}
          </Button>
          {diff !== null && diff !== 0n && v.tranches.length > 0 && !unreadable && (
            <Button
              variant="subtle"
              size="xs"
              onClick={() => {
                const last = v.tranches.length - 1;
                const lastR = readAmount(v.tranches[last].amount, v.currency, f.locale);
                const lastMinor = lastR && 'minor' in lastR ? lastR.minor : 0n;
                const next = lastMinor + diff;
                if (next > 0n) form.setFieldValue(`tranches.${last}.amount` as never, amountForInput(minorToAmount(next, exp), f.locale) as never);
              }}
            >
              {t('resources.form.balanceLast')}
            </Button>
          )}
        </Group>
        <Group gap={6} aria-live="polite">
          {diff === 0n && !unreadable ? (
            <IconCircleCheck size={16} color="#1e6b2e" aria-hidden />
          ) : (
            <IconAlertTriangle size={16} color="#7f5300" aria-hidden />
          )}
          <Text size="sm" fw={600} c={diff === 0n && !unreadable ? '#1e6b2e' : '#7f5300'}>
            {valuation === null
              ? t('resources.form.totalOnly', { total: money(total) })
              : diff === 0n
                ? t('resources.form.totalMatches', { total: money(total) })
                : diff! > 0n
                  ? t('resources.form.totalShort', { total: money(total), valuation: money(valuation), diff: money(diff!) })
                  : t('resources.form.totalOver', { total: money(total), valuation: money(valuation), diff: money(-diff!) })}
          </Text>
        </Group>
      </Group>
      {typeof error === 'string' && (
        <Text size="sm" c="red.9" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}

/** Client-side checks of the schedule, in the reader's language; the API checks again. */
export function trancheErrors(v: TrancheForm, locale: string, t: (k: string, o?: Record<string, unknown>) => string, amountError: (code: string) => string): Record<string, string> {
  const errors: Record<string, string> = {};
  if (v.tranches.length === 0) errors.tranches = t('resources.form.needTranche');
  v.tranches.forEach((tr, i) => {
    if (!tr.dueOn) errors[`tranches.${i}.dueOn`] = t('validation.date');
    const r = readAmount(tr.amount, v.currency, locale);
    if (!r) errors[`tranches.${i}.amount`] = t('validation.required');
    else if ('error' in r) errors[`tranches.${i}.amount`] = amountError(r.error);
  });
  const { total, valuation, unreadable } = trancheTotal(v, locale);
  if (!unreadable && valuation !== null && total !== valuation && !errors.tranches) {
    const money = (minor: bigint) => formatMoney({ minor: minor.toString(), currency: v.currency }, locale);
    errors.tranches = t('resources.form.mustAddUp', { total: money(total), valuation: money(valuation) });
  }
  return errors;
}
