import { ActionIcon, Button, Card, Grid, Group, MultiSelect, NumberInput, Paper, Select, Stack, TagsInput, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CreateIndicatorBody, UpdateIndicatorBody, type IndicatorDetail } from '../../../src/contracts/results';
import { AGGREGATIONS, DIRECTIONS, MEASURES, VALUE_KINDS } from '../../../src/domain/accountability/indicators';
import { checkSchedule, FREQUENCIES, reportingPeriods } from '../../../src/domain/accountability/indicators-periods';
import { api } from '../../lib/api';
import { useFormat } from '../../lib/format';
import { useSubmit } from '../../lib/submit';
import type { PartnershipDetail } from '../../lib/types';
import { zodErrors } from '../../lib/zod-form';
import { PageError, PageLoader, ProblemAlert } from '../../components/page';
import { FormActions } from '../../components/section';
import { CardHeading } from '../../components/cards';
import { rKeys, useResultsTree } from './api';

interface Values {
  nodeId: string | null;
  weight: string;
  title: string;
  definition: string;
  unit: string;
  measure: string;
  direction: string;
  valueKind: string;
  aggregation: string | null;
  baseline: { value: string; date: string };
  targets: { periodKey: string | null; value: string }[];
  dimensions: { key: string; label: string; values: string[] }[];
  sdgIndicators: string[];
  responsiblePartnerIds: string[];
  schedule: { frequency: string; start: string; end: string; graceDays: number | string; fiscalYearStartMonth: string };
}

const KNOWN = [/^(nodeId|weight|title|definition|unit|measure|direction|valueKind|aggregation|baseline|sdgIndicators|responsiblePartnerIds|targets|dimensions)$/, /^baseline\.(value|date)$/, /^schedule\.(frequency|start|end|graceDays|fiscalYearStartMonth)$/, /^targets\.\d+\.(periodKey|value)$/, /^dimensions\.\d+\.(key|label|values)$/];

function fromDetail(d: IndicatorDetail): Values {
  return {
    nodeId: d.nodeId,
    weight: d.weight ?? '',
    title: d.title,
    definition: d.definition,
    unit: d.unit,
    measure: d.measure,
    direction: d.direction,
    valueKind: d.valueKind,
    aggregation: d.aggregation,
    baseline: { value: d.baseline?.value ?? '', date: d.baseline?.date ?? '' },
    targets: d.targets.map((x) => ({ periodKey: x.periodKey, value: x.value })),
    dimensions: d.dimensions.map((x) => ({ key: x.key, label: x.label ?? '', values: x.values })),
    sdgIndicators: d.sdgIndicators,
    responsiblePartnerIds: d.responsiblePartners.map((x) => x.organisationId),
    schedule: { frequency: d.schedule.frequency, start: d.schedule.start, end: d.schedule.end, graceDays: d.schedule.graceDays, fiscalYearStartMonth: String(d.schedule.fiscalYearStartMonth) },
  };
}

/** The request body: empty optional fields left out or null, numbers as the text people typed (exact). */
function toBody(v: Values) {
  return {
    nodeId: v.nodeId ?? '',
    weight: v.weight.trim() || null,
    title: v.title.trim(),
    definition: v.definition.trim(),
    unit: v.unit.trim(),
    measure: v.measure,
    direction: v.direction,
    valueKind: v.valueKind,
    aggregation: v.aggregation || null,
    baseline: v.baseline.value.trim() || v.baseline.date ? { value: v.baseline.value.trim(), date: v.baseline.date } : null,
    targets: v.targets.map((x) => ({ periodKey: x.periodKey ?? '', value: x.value.trim() })),
    dimensions: v.dimensions.map((x) => ({ key: x.key.trim(), ...(x.label.trim() ? { label: x.label.trim() } : {}), values: x.values })),
    sdgIndicators: v.sdgIndicators,
    responsiblePartnerIds: v.responsiblePartnerIds,
    schedule: {
      frequency: v.schedule.frequency,
      start: v.schedule.start,
      end: v.schedule.end,
      graceDays: v.schedule.graceDays === '' ? undefined : Number(v.schedule.graceDays),
      ...(v.schedule.frequency !== 'monthly' ? { fiscalYearStartMonth: Number(v.schedule.fiscalYearStartMonth) } : {}),
    },
  };
}

/** Defining or changing an indicator (conveners): what it counts and how, its baseline and targets, who reports when. */
export function IndicatorForm({ p, d, nodeId }: { p: PartnershipDetail; d?: IndicatorDetail; nodeId?: string | null }) {
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const tree = useResultsTree(p.id);
  const year = new Date().getUTCFullYear();
  const initial: Values = d
    ? fromDetail(d)
    : {
        nodeId: nodeId ?? null, weight: '', title: '', definition: '', unit: '', measure: 'unit', direction: 'higher_is_better', valueKind: 'cumulative', aggregation: null,
        baseline: { value: '', date: '' }, targets: [], dimensions: [], sdgIndicators: [], responsiblePartnerIds: [],
        schedule: { frequency: 'quarterly', start: `${year}-01-01`, end: `${year}-12-31`, graceDays: 30, fiscalYearStartMonth: '1' },
      };
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: initial,
    validate: (v) => zodErrors(d ? UpdateIndicatorBody : CreateIndicatorBody, toBody(v), t),
  });
  const v = form.values;
  const periods = useMemo(() => {
    const s = { frequency: v.schedule.frequency as (typeof FREQUENCIES)[number], start: v.schedule.start, end: v.schedule.end, graceDays: Number(v.schedule.graceDays) || 0, fiscalYearStartMonth: Number(v.schedule.fiscalYearStartMonth) || 1 };
    try {
      return checkSchedule(s).length ? [] : reportingPeriods(s);
    } catch {
      return [];
    }
  }, [v.schedule]);
  const save = useSubmit(form.setErrors, (field) => KNOWN.some((r) => r.test(field)), async (values: Values) => {
    const body = toBody(values);
    let id = d?.id;
    if (d) {
      // only what changed: once values were reported some fields are fixed, and resending them is pointless
      const before = toBody(initial) as Record<string, unknown>;
      const patch = Object.fromEntries(Object.entries(body).filter(([k, x]) => JSON.stringify(x) !== JSON.stringify(before[k])));
      if (Object.keys(patch).length) await api.patch(`/partnerships/${p.id}/indicators/${d.id}`, patch);
    } else {
      const created = await api.post<IndicatorDetail>(`/partnerships/${p.id}/indicators`, body, { idempotent: true });
      id = created.id;
    }
    await qc.invalidateQueries({ queryKey: rKeys.all(p.id) });
    notifications.show({ color: 'teal', message: d ? t('common.saved') : t('results.created', { title: body.title }) });
    navigate(`/partnerships/${p.id}/results/indicators/${id}`);
  });
  if (tree.isLoading) return <PageLoader />;
  if (tree.error) return <PageError error={tree.error} onRetry={() => void tree.refetch()} />;
  const nodes = (tree.data?.nodes ?? []).map((n) => ({ value: n.id, label: `${t(`results.level.${n.level}`)}: ${n.title}` }));
  const members = p.members.filter((m) => !m.leftOn).map((m) => ({ value: m.organisationId, label: m.organisationName }));
  const months = Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: new Intl.DateTimeFormat(f.locale, { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, i, 1))) }));
  const opt = (prefix: string, list: readonly string[]) => list.map((x) => ({ value: x, label: t(`${prefix}.${x}`) }));
  const usedPeriods = new Set(v.targets.map((x) => x.periodKey));
  return (
    <Card>
      <form noValidate onSubmit={form.onSubmit(save.submit)}>
        <Stack gap="lg">
          <CardHeading title={d ? t('results.form.editIndicator', { title: d.title }) : t('results.addIndicator')} intro={t('results.form.indicatorIntro')} />
          <ProblemAlert error={save.error} unplaced={save.unplaced} title={t('errors.notSaved')} />

          <Section title={t('results.form.what')}>
            <Grid gap="sm">
              <Grid.Col span={{ base: 12, md: 8 }}>
                <Select label={t('results.form.node')} required searchable data={nodes} {...form.getInputProps('nodeId')} nothingFoundMessage={t('common.nothingFound')} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 4 }}>
                <TextInput label={t('results.fields.weight')} description={t('results.fields.weightHint')} placeholder={t('common.optional')} maxLength={40} {...form.getInputProps('weight')} />
              </Grid.Col>
            </Grid>
            <TextInput label={t('results.fields.title')} required maxLength={300} {...form.getInputProps('title')} />
            <Textarea label={t('results.form.definition')} description={t('results.form.definitionHint')} required autosize minRows={2} maxLength={5000} {...form.getInputProps('definition')} />
            <TagsInput label={t('results.indicator.sdg')} description={t('results.form.sdgHint')} placeholder="3.b.1" maxTags={50} {...form.getInputProps('sdgIndicators')} />
          </Section>

          <Section title={t('results.form.how')}>
            <Grid gap="sm">
              <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
                <Select label={t('results.form.measure')} required allowDeselect={false} data={opt('results.measure', MEASURES)} {...form.getInputProps('measure')} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
                <TextInput label={t('results.indicator.unit')} description={t('results.form.unitHint')} maxLength={100} {...form.getInputProps('unit')} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
                <Select label={t('results.form.direction')} required allowDeselect={false} data={opt('results.direction', DIRECTIONS)} {...form.getInputProps('direction')} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
                <Select label={t('results.form.valueKind')} required allowDeselect={false} data={opt('results.valueKind', VALUE_KINDS)} {...form.getInputProps('valueKind')} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
                <Select label={t('results.form.aggregation')} placeholder={t('results.form.aggregationDefault')} clearable data={opt('results.aggregation', AGGREGATIONS)} {...form.getInputProps('aggregation')} />
              </Grid.Col>
            </Grid>
            <Grid gap="sm">
              <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
                <TextInput label={t('results.form.baselineValue')} placeholder={t('common.optional')} inputMode="decimal" maxLength={60} {...form.getInputProps('baseline.value')} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
                <TextInput type="date" label={t('results.form.baselineDate')} {...form.getInputProps('baseline.date')} />
              </Grid.Col>
            </Grid>
          </Section>

          <Section title={t('results.form.who')}>
            <MultiSelect label={t('results.indicator.partners')} description={t('results.form.partnersHint')} required data={members} searchable hidePickedOptions {...form.getInputProps('responsiblePartnerIds')} nothingFoundMessage={t('common.nothingFound')} />
            <Grid gap="sm">
              <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
                <Select label={t('results.form.frequency')} required allowDeselect={false} data={opt('results.frequency', FREQUENCIES)} {...form.getInputProps('schedule.frequency')} />
              </Grid.Col>
              <Grid.Col span={{ base: 6, md: 3 }}>
                <TextInput type="date" label={t('results.form.start')} required {...form.getInputProps('schedule.start')} />
              </Grid.Col>
              <Grid.Col span={{ base: 6, md: 3 }}>
                <TextInput type="date" label={t('results.form.end')} required {...form.getInputProps('schedule.end')} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
                <NumberInput label={t('results.form.graceDays')} description={t('results.form.graceHint')} min={0} max={365} allowDecimal={false} allowNegative={false} {...form.getInputProps('schedule.graceDays')} />
              </Grid.Col>
              {v.schedule.frequency !== 'monthly' && (
                <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
                  <Select label={t('results.form.fiscalYear')} allowDeselect={false} data={months} {...form.getInputProps('schedule.fiscalYearStartMonth')} />
                </Grid.Col>
              )}
            </Grid>
            <Text size="xs" c="gray.7">
              {periods.length ? t('results.form.periodsPreview', { count: periods.length, first: periods[0].key, last: periods.at(-1)!.key, due: f.date(periods[0].dueOn) }) : t('results.form.periodsNone')}
            </Text>
          </Section>

          <Section title={t('results.form.targets')} hint={t('results.form.targetsHint')}>
            {v.targets.map((x, i) => (
              <Group key={i} gap="sm" align="flex-start" wrap="nowrap">
                <Select
                  label={t('results.form.targetPeriod', { n: i + 1 })}
                  w={180}
                  allowDeselect={false}
                  searchable
                  data={periods.filter((pp) => pp.key === x.periodKey || !usedPeriods.has(pp.key)).map((pp) => pp.key).concat(x.periodKey && !periods.some((pp) => pp.key === x.periodKey) ? [x.periodKey] : [])}
                  {...form.getInputProps(`targets.${i}.periodKey`)}
                />
                <TextInput label={t('results.form.targetValue', { n: i + 1 })} inputMode="decimal" maxLength={60} style={{ flex: 1, maxWidth: 240 }} {...form.getInputProps(`targets.${i}.value`)} />
                <ActionIcon variant="subtle" color="red" mt={26} size="lg" aria-label={t('results.form.removeTarget', { n: i + 1 })} onClick={() => form.removeListItem('targets', i)}>
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button
                variant="default"
                size="xs"
                leftSection={<IconPlus size={14} aria-hidden />}
                disabled={periods.length === 0 || periods.every((pp) => usedPeriods.has(pp.key))}
                onClick={() => form.insertListItem('targets', { periodKey: periods.find((pp) => !usedPeriods.has(pp.key))?.key ?? null, value: '' })}
              >
                {t('results.form.addTarget')}
              </Button>
            </Group>
          </Section>

          <Section title={t('results.indicator.dimensions')} hint={t('results.form.dimensionsHint')}>
            {v.dimensions.map((_, i) => (
              <Paper key={i} withBorder p="sm" radius="md">
                <Grid gap="sm" align="flex-start">
                  <Grid.Col span={{ base: 12, sm: 4, md: 3 }}>
                    <TextInput label={t('results.form.dimensionKey', { n: i + 1 })} description={t('results.form.dimensionKeyHint')} maxLength={40} {...form.getInputProps(`dimensions.${i}.key`)} />
                  </Grid.Col>
                  <Grid.Col span={{ base: 12, sm: 4, md: 3 }}>
                    <TextInput label={t('results.form.dimensionLabel', { n: i + 1 })} placeholder={t('common.optional')} maxLength={100} {...form.getInputProps(`dimensions.${i}.label`)} />
                  </Grid.Col>
                  <Grid.Col span={{ base: 10, sm: 3, md: 5 }}>
                    <TagsInput label={t('results.form.dimensionValues', { n: i + 1 })} description={t('results.form.dimensionValuesHint')} maxTags={50} {...form.getInputProps(`dimensions.${i}.values`)} />
                  </Grid.Col>
                  <Grid.Col span={{ base: 2, sm: 1 }}>
                    <ActionIcon variant="subtle" color="red" mt={26} size="lg" aria-label={t('results.form.removeDimension', { n: i + 1 })} onClick={() => form.removeListItem('dimensions', i)}>
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Grid.Col>
                </Grid>
              </Paper>
            ))}
            <Group>
              <Button variant="default" size="xs" leftSection={<IconPlus size={14} aria-hidden />} disabled={v.dimensions.length >= 5} onClick={() => form.insertListItem('dimensions', { key: '', label: '', values: [] })}>
                {t('results.form.addDimension')}
              </Button>
            </Group>
          </Section>

          <FormActions onCancel={() => navigate(d ? `/partnerships/${p.id}/results/indicators/${d.id}` : `/partnerships/${p.id}/results`)} submitLabel={d ? t('common.saveChanges') : t('results.form.createIndicator')} busy={save.busy} />
        </Stack>
      </form>
    </Card>
  );
}

function Section({ title, hint, children }: { title: string; hint?: string; children: React.ReactNode }) {
  return (
    <Stack gap="sm">
      <div>
        <Title order={3} fz="md">
          {title}
        </Title>
        {hint && (
          <Text size="sm" c="gray.7">
            {hint}
          </Text>
        )}
      </div>
      {children}
    </Stack>
  );
}
