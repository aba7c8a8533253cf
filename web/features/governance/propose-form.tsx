import { ActionIcon, Alert, Button, Card, Grid, Group, NumberInput, SegmentedControl, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconInfoCircle, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ProposeBody } from '../../../src/contracts/governance';
import { amendmentTypeOf, decisionTypesOf } from '../../../src/domain/governance/decision-types';
import { POLL_KINDS } from '../../../src/domain/governance/polls';
import { api } from '../../lib/api';
import { useSubmit } from '../../lib/submit';
import type { CharterVersion, DecisionDetail, PartnershipDetail } from '../../lib/types';
import { zodErrors } from '../../lib/zod-form';
import { ProblemAlert } from '../../components/page';
import { FormActions } from '../../components/section';
import { CardHeading } from '../../components/cards';
import { CharterJsonEditor, parseCharterText } from './charter-editor';
import { asCharter, bodyName } from './charter-model';
import { LoneSeatWarning } from './secrecy-warning';
import { windowText } from './charter-view';
import { fromLocalInput, toLocalInput } from './use-now';

const HOUR = 3_600_000;

/** When voting should close by default: the type's shortest window (plus an hour), else a week, within its longest. */
function defaultClose(minHours: number | null, maxHours: number | null, now = Date.now()): string {
  let hours = minHours !== null ? minHours + 1 : 7 * 24;
  if (maxHours !== null) hours = Math.min(hours, maxHours);
  const at = new Date(now + hours * HOUR);
  at.setMinutes(0, 0, 0);
  if (at.getTime() - now < (minHours ?? 0) * HOUR) at.setTime(at.getTime() + HOUR);
  return toLocalInput(at.getTime());
}

/** API field -> form field ("poll.options.0.label" -> "options.0.label"). */
function formField(field: string): string {
  return field
    .replace(/^poll\.kind$/, 'pollKind')
    .replace(/^poll\.options/, 'options')
    .replace(/^poll\.(dots|maxScore)$/, '$1')
    .replace(/^poll$/, 'options')
    .replace(/\[(\d+)\]/g, '.$1');
}
const KNOWN = /^(kind|title|text|decisionType|closesAt|opensAt|links(\.\d+(\.(title|url))?)?|pollKind|options(\.\d+(\.label)?)?|dots|maxScore|amendment)$/;

/** Proposing a motion (under a decision type of the charter) or opening a poll. */
export function ProposeForm({ p, charter, initialType }: { p: PartnershipDetail; charter: CharterVersion | null; initialType: string | null }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const doc = asCharter(charter?.charter);
  const types = useMemo(() => (charter ? Object.values(decisionTypesOf(doc)) : []), [charter]); // eslint-disable-line react-hooks/exhaustive-deps
  const amendment = charter ? amendmentTypeOf(doc) : null;
  const canMotion = !!charter && p.allowedActions.includes('partnership.decisions.propose');
  const canPoll = p.allowedActions.includes('partnership.decisions.participate');
  const firstType = (initialType && types.find((x) => x.id === initialType)) || types.find((x) => x.id !== amendment) || types[0] || null;
  const closeTouched = useRef(false);
  const { version: _v, ...charterWithoutVersion } = (charter?.charter ?? {}) as Record<string, unknown>;
  void _v;

  const form = useForm({
    mode: 'controlled',
    initialValues: {
      kind: (canMotion ? 'motion' : 'poll') as 'motion' | 'poll',
      decisionType: (firstType?.id ?? null) as string | null,
      title: '',
      text: '',
      links: [] as { title: string; url: string }[],
      closesAt: defaultClose(firstType?.window.minHours ?? null, firstType?.window.maxHours ?? null),
      pollKind: 'single' as string,
      options: [{ label: '' }, { label: '' }] as { label: string }[],
      maxScore: 5 as number | string,
      dots: 5 as number | string,
      amendmentText: JSON.stringify(charterWithoutVersion, null, 2),
    },
    validate: (v) => {
      const errors: Record<string, string> = {};
      const body = bodyOf(v);
      for (const [k, m] of Object.entries(zodErrors(ProposeBody, body, t))) errors[formField(k)] = m;
      if (!fromLocalInput(v.closesAt)) errors.closesAt = t('validation.date');
      if (v.kind === 'motion' && !v.decisionType) errors.decisionType = t('validation.chooseOne');
      if (v.kind === 'motion' && v.decisionType === amendment && !parseCharterText(v.amendmentText).doc) errors.amendmentText = t('charter.jsonInvalid');
      return errors;
    },
  });
  const v = form.values;
  const type = types.find((x) => x.id === v.decisionType) ?? null;

  function bodyOf(values: typeof form.values) {
    const common = {
      kind: values.kind,
      title: values.title.trim(),
      text: values.text.trim(),
      links: values.links.map((l) => ({ title: l.title.trim(), url: l.url.trim() })),
      closesAt: fromLocalInput(values.closesAt) ?? '',
    };
    if (values.kind === 'poll') {
      return {
        ...common,
        poll: {
          kind: values.pollKind as 'single',
          options: values.options.map((o, i) => ({ id: `o${i + 1}`, label: o.label.trim() })),
          ...(values.pollKind === 'score' && values.maxScore !== '' ? { maxScore: Number(values.maxScore) } : {}),
          ...(values.pollKind === 'dots' && values.dots !== '' ? { dots: Number(values.dots) } : {}),
        },
      };
    }
    const amend = values.decisionType === amendment ? parseCharterText(values.amendmentText).doc : null;
    return { ...common, decisionType: values.decisionType ?? undefined, ...(amend ? { amendment: amend } : {}) };
  }

  const setErrors = (errs: Record<string, string>) => form.setErrors(Object.fromEntries(Object.entries(errs).map(([k, m]) => [formField(k), m])));
  const save = useSubmit(setErrors, (f) => KNOWN.test(formField(f)), async (values: typeof form.values) => {
    const d = await api.post<DecisionDetail>(`/partnerships/${p.id}/decisions`, bodyOf(values), { idempotent: true });
    qc.setQueryData(['partnership', p.id, 'decision', d.id], d);
    await qc.invalidateQueries({ queryKey: ['partnership', p.id, 'decisions'] });
    navigate(`/partnerships/${p.id}/decisions/${d.id}`);
  });

  const chooseType = (id: string | null) => {
    form.setFieldValue('decisionType', id);
    const next = types.find((x) => x.id === id);
    if (next && !closeTouched.current) form.setFieldValue('closesAt', defaultClose(next.window.minHours, next.window.maxHours));
  };

  return (
    <Card>
      <form noValidate onSubmit={form.onSubmit(save.submit)}>
        <Stack gap="md">
          <CardHeading title={t('decisions.proposeTitle')} intro={t('decisions.proposeIntro')} />
          <ProblemAlert error={save.error} unplaced={save.unplaced} title={t('errors.notSaved')} />
          <SegmentedControl
            aria-label={t('decisions.kind')}
            value={v.kind}
            onChange={(k) => form.setFieldValue('kind', k as 'motion' | 'poll')}
            data={[
              { value: 'motion', label: t('decisions.motion'), disabled: !canMotion },
              { value: 'poll', label: t('decisions.poll'), disabled: !canPoll },
            ]}
            style={{ alignSelf: 'flex-start' }}
          />
          <Text size="sm" c="gray.7">
            {v.kind === 'motion' ? t('decisions.motionHint') : t('decisions.pollHint')}
          </Text>
          {!charter && (
            <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />}>
              <Text size="sm">{t('decisions.noCharterForMotions')}</Text>
            </Alert>
          )}

          {v.kind === 'motion' && (
            <Stack gap={6}>
              <Select
                label={t('decisions.decisionType')}
                required
                data={types.map((x) => ({ value: x.id, label: x.label }))}
                allowDeselect={false}
                {...form.getInputProps('decisionType')}
                onChange={chooseType}
              />
              {type && (
                <Text size="xs" c="gray.7">
                  {[
                    doc.rules?.[type.rule]?.label ?? type.rule,
                    type.body ? bodyName(doc, type.body) : null,
                    t(`ballotKind.${type.ballot}`),
                    type.seconders.count ? t('charter.secondersCount', { count: type.seconders.count }) : null,
                    type.anonymous ? t('charter.secret') : type.resultsHidden ? t('charter.hiddenResults') : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
              )}
              {type?.anonymous && <LoneSeatWarning charter={doc} decisionType={type.id} />}
            </Stack>
          )}

          <TextInput label={t('decisions.titleLabel')} required maxLength={200} {...form.getInputProps('title')} />
          <Textarea label={v.kind === 'motion' ? t('decisions.textLabel') : t('decisions.questionLabel')} description={t('decisions.textHint')} required autosize minRows={4} maxRows={16} {...form.getInputProps('text')} />

          <Stack gap={6}>
            <Text size="sm" fw={500}>
              {t('decisions.links')}
            </Text>
            {v.links.map((_, i) => (
              <Grid key={i} gap="xs" align="flex-end">
                <Grid.Col span={{ base: 12, sm: 5 }}>
                  <TextInput label={t('decisions.linkTitle', { n: i + 1 })} {...form.getInputProps(`links.${i}.title`)} />
                </Grid.Col>
                <Grid.Col span={{ base: 10, sm: 6 }}>
                  <TextInput type="url" label={t('decisions.linkUrl', { n: i + 1 })} placeholder="https://" {...form.getInputProps(`links.${i}.url`)} />
                </Grid.Col>
                <Grid.Col span={{ base: 2, sm: 1 }}>
                  <ActionIcon variant="subtle" color="red" size="lg" mb={2} onClick={() => form.removeListItem('links', i)} aria-label={t('decisions.removeLink', { n: i + 1 })}>
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Grid.Col>
              </Grid>
            ))}
            <Button variant="subtle" size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => form.insertListItem('links', { title: '', url: '' })} style={{ alignSelf: 'flex-start' }}>
              {t('decisions.addLink')}
            </Button>
          </Stack>

          <TextInput
            type="datetime-local"
            label={t('decisions.closesAt')}
            description={type && v.kind === 'motion' ? t('decisions.closesAtHint', { window: windowText(type.window, t) }) : t('decisions.closesAtPollHint')}
            required
            {...form.getInputProps('closesAt')}
            onChange={(e) => {
              closeTouched.current = true;
              form.setFieldValue('closesAt', e.currentTarget.value);
            }}
            maw={320}
          />

          {v.kind === 'motion' && v.decisionType && v.decisionType === amendment && (
            <CharterJsonEditor
              value={v.amendmentText}
              onChange={(x) => form.setFieldValue('amendmentText', x)}
              label={t('decisions.amendmentLabel')}
              description={t('decisions.amendmentHint')}
              error={form.errors.amendmentText as string | undefined}
            />
          )}

          {v.kind === 'poll' && (
            <Stack gap="sm">
              <Select
                label={t('polls.kind')}
                data={POLL_KINDS.map((k) => ({ value: k, label: t(`polls.kinds.${k}`) }))}
                allowDeselect={false}
                {...form.getInputProps('pollKind')}
                description={t(`polls.kindHints.${v.pollKind}`)}
                maw={420}
              />
              {v.pollKind === 'score' && <NumberInput label={t('polls.maxScore')} min={1} max={100} maw={200} {...form.getInputProps('maxScore')} />}
              {v.pollKind === 'dots' && <NumberInput label={t('polls.dotsEach')} min={1} max={100} maw={200} required {...form.getInputProps('dots')} />}
              <Text size="sm" fw={500}>
                {t('polls.options')}
              </Text>
              {typeof form.errors.options === 'string' && (
                <Text size="sm" c="red.9" role="alert">
                  {form.errors.options}
                </Text>
              )}
              {v.options.map((_, i) => (
                <Group key={i} gap="xs" align="flex-end" wrap="nowrap">
                  <TextInput label={t('polls.optionN', { n: i + 1 })} style={{ flex: 1 }} {...form.getInputProps(`options.${i}.label`)} />
                  <ActionIcon variant="subtle" color="red" size="lg" mb={2} disabled={v.options.length <= 2} onClick={() => form.removeListItem('options', i)} aria-label={t('polls.removeOption', { n: i + 1 })}>
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Group>
              ))}
              <Button variant="subtle" size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => form.insertListItem('options', { label: '' })} disabled={v.options.length >= 50} style={{ alignSelf: 'flex-start' }}>
                {t('polls.addOption')}
              </Button>
            </Stack>
          )}

          <FormActions onCancel={() => navigate(`/partnerships/${p.id}/decisions`)} submitLabel={v.kind === 'motion' ? t('decisions.submitMotion') : t('decisions.submitPoll')} busy={save.busy} />
        </Stack>
      </form>
    </Card>
  );
}
