import { ActionIcon, Alert, Button, Card, Grid, Group, MultiSelect, Paper, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCircleCheck, IconPlus, IconRefresh, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CreateRiskBody, UpdateRiskBody } from '../../../src/contracts/risks';
import { checkAllocation, defaultPartyOfSector, parsePercent, RISK_PARTIES, riskBand, riskScore } from '../../../src/domain/accountability/risks';
import { decimalTextOrNull } from '../../../src/domain/kernel/decimal';
import { addF, cmpF, frac, subF } from '../../../src/domain/kernel/fraction';
import { ProblemAlert } from '../../components/page';
import { FormActions } from '../../components/section';
import { TEXT_ON_LIGHT } from '../../components/badges';
import { api, ApiError } from '../../lib/api';
import { useSubmit } from '../../lib/submit';
import type { PartnershipDetail } from '../../lib/types';
import { zodErrors } from '../../lib/zod-form';
import { useDecisions } from '../../lib/queries';
import { CardHeading } from '../../components/cards';
import { riskKeys, useCommitmentOptions, type RiskDetail } from './api';
import { OCDS_RISK_CATEGORIES, ScoreBadge, useRiskLabels } from './badges';

interface ShareRow {
  key: string;
  party: string | null;
  organisationId: string | null;
  percent: string;
}
interface Values {
  category: string | null;
  title: string;
  description: string;
  likelihood: string | null;
  impact: string | null;
  ownerOrganisationId: string | null;
  allocation: ShareRow[];
  decisionIds: string[];
  commitmentIds: string[];
  nextReviewOn: string;
}

let rowSeq = 0;
const newKey = () => `share-${++rowSeq}`;

/** "33,5" (a French or Spanish decimal comma) is read as "33.5": the API takes a point only. */
const percentText = (s: string) => (/^\s*\d+,\d+\s*$/.test(s) ? s.trim().replace(',', '.') : s.trim());

function toBody(v: Values) {
  return {
    category: v.category ?? '',
    title: v.title,
    description: v.description,
    likelihood: Number(v.likelihood ?? NaN),
    impact: Number(v.impact ?? NaN),
    ownerOrganisationId: v.ownerOrganisationId,
    allocation: v.allocation.map((s) => ({ party: (s.party ?? '') as (typeof RISK_PARTIES)[number], organisationId: s.organisationId, percent: percentText(s.percent) })),
    decisionIds: v.decisionIds,
    commitmentIds: v.commitmentIds,
    nextReviewOn: v.nextReviewOn || null,
  };
}

/** The exact total of the shares typed so far (invalid percents left out), as decimal text. */
function shareTotal(rows: ShareRow[]) {
  let total = frac(0);
  for (const r of rows) {
    const p = parsePercent(percentText(r.percent));
    if (p) total = addF(total, p);
  }
  return { total, text: decimalTextOrNull(total) ?? '?', left: decimalTextOrNull(subF(frac(100), total)) ?? '?', cmp: cmpF(total, frac(100)) };
}

const KNOWN = /^(category|title|description|likelihood|impact|ownerOrganisationId|allocation|allocation\.\d+\.(party|organisationId|percent)|decisionIds|commitmentIds|nextReviewOn)$/;

/**
 * Registering or editing a risk: category, title, what could happen, the two ratings (the score and band
 * follow as you choose), the owner, the allocation among the parties (exact percents adding up to 100), links
 * and the next review. The API's messages land next to their fields; an edit names the version it started from,
 * and a 409 says someone else changed the risk meanwhile.
 */
export function RiskForm({ p, risk, onReload }: { p: PartnershipDetail; risk?: RiskDetail; onReload?: () => Promise<RiskDetail | undefined> }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const labels = useRiskLabels();
  const [conflict, setConflict] = useState(false);
  // The version this edit started from: live updates refresh `risk`, but the edit stays on what the person saw.
  const [started, setStarted] = useState(risk);
  const decisions = useDecisions(p.id, {}, 100);
  const commitments = useCommitmentOptions(p.id, p.allowedActions.includes('partnership.resources.read'));
  const initial = (r?: RiskDetail): Values => ({
    category: r?.category ?? null,
    title: r?.title ?? '',
    description: r?.description ?? '',
    likelihood: r ? String(r.likelihood) : null,
    impact: r ? String(r.impact) : null,
    ownerOrganisationId: r?.ownerOrganisationId ?? null,
    allocation: r?.shares.map((s) => ({ key: newKey(), party: s.party, organisationId: s.organisationId, percent: s.percent })) ?? [],
    decisionIds: r?.decisions.map((d) => d.id) ?? [],
    commitmentIds: r?.commitments.map((c) => c.id) ?? [],
    nextReviewOn: r?.nextReviewOn ?? '',
  });
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: initial(risk),
    validate: (v) => {
      const body = toBody(v);
      const errors = started ? zodErrors(UpdateRiskBody, { ...body, version: started.version }, t) : zodErrors(CreateRiskBody, body, t);
      if (!v.category) errors.category = t('risks.form.chooseCategory');
      if (!v.likelihood) errors.likelihood = t('risks.form.chooseRating');
      if (!v.impact) errors.impact = t('risks.form.chooseRating');
      for (const issue of checkAllocation(body.allocation)) {
        if (issue.field in errors) continue;
        errors[issue.field] =
          issue.code === 'not_100' ? t('risks.form.not100', { total: shareTotal(v.allocation).text }) : issue.code === 'invalid_number' ? t('risks.form.percentInvalid') : issue.code === 'duplicate' ? t('risks.form.duplicateShare') : t('risks.form.chooseParty');
      }
      v.allocation.forEach((s, i) => {
        if (!s.party) errors[`allocation.${i}.party`] = t('risks.form.chooseParty');
      });
      return errors;
    },
  });
  const save = useSubmit(form.setErrors, (f) => KNOWN.test(f), async (v: Values) => {
    setConflict(false);
    const body = toBody(v);
    let saved: RiskDetail;
    try {
      saved = started
        ? await api.patch<RiskDetail>(`/partnerships/${p.id}/risks/${started.id}`, { ...body, version: started.version })
        : await api.post<RiskDetail>(`/partnerships/${p.id}/risks`, body, { idempotent: true });
    } catch (e) {
      if (started && e instanceof ApiError && e.status === 409 && e.problem?.errors?.some((x) => x.field === 'version')) {
        setConflict(true);
        return;
      }
      throw e;
    }
    qc.setQueryData(riskKeys.risk(p.id, saved.id), saved);
    void qc.invalidateQueries({ queryKey: riskKeys.all(p.id) });
    notifications.show({ color: 'teal', message: risk ? t('risks.form.saved', { number: saved.number }) : t('risks.form.created', { number: saved.number }) });
    navigate(`/partnerships/${p.id}/risks/${saved.id}`);
  });

  const members = p.members.filter((m) => !m.leftOn);
  const orgOptions = members.map((m) => ({ value: m.organisationId, label: m.organisationName }));
  const ratingOptions = (kind: 'likelihood' | 'impact') => [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: `${n} · ${kind === 'likelihood' ? labels.likelihood(n) : labels.impact(n)}` }));
  const decisionOptions = (decisions.data?.pages.flatMap((x) => x.items) ?? []).map((d) => ({ value: d.id, label: `#${d.number} ${d.title}` }));
  for (const d of risk?.decisions ?? []) if (!decisionOptions.some((o) => o.value === d.id)) decisionOptions.push({ value: d.id, label: `#${d.number} ${d.title}` });
  const commitmentOptions = (commitments.data?.items ?? []).map((c) => ({ value: c.id, label: `#${c.number} ${c.description}`.slice(0, 120) }));
  for (const c of risk?.commitments ?? []) if (!commitmentOptions.some((o) => o.value === c.id)) commitmentOptions.push({ value: c.id, label: `#${c.number} ${c.title}` });

  const l = Number(form.values.likelihood);
  const i = Number(form.values.impact);
  const score = l && i ? riskScore(l, i) : null;
  const total = shareTotal(form.values.allocation);
  const allocError = form.errors.allocation;

  const addShare = () => form.insertListItem('allocation', { key: newKey(), party: null, organisationId: null, percent: form.values.allocation.length === 0 ? '100' : total.cmp < 0 ? total.left : '' });
  const pickOrganisation = (index: number, orgId: string | null) => {
    form.setFieldValue(`allocation.${index}.organisationId`, orgId);
    const m = members.find((x) => x.organisationId === orgId);
    // suggest the side the organisation's sector usually stands for; the person may change it
    if (m && !form.values.allocation[index].party) form.setFieldValue(`allocation.${index}.party`, defaultPartyOfSector(m.sector));
  };
  const back = risk ? `/partnerships/${p.id}/risks/${risk.id}` : `/partnerships/${p.id}/risks`;

  return (
    <Card>
      <form noValidate onSubmit={form.onSubmit(save.submit)}>
        <Stack gap="md">
          <CardHeading title={risk ? t('risks.form.editTitle', { number: risk.number }) : t('risks.form.createTitle')} intro={started ? t('risks.form.editIntro', { version: started.version }) : t('risks.form.createIntro')} />
          {(conflict || (risk && started && risk.version > started.version)) && (
            <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('risks.form.conflictTitle')} role="alert">
              <Stack gap="xs">
                <Text size="sm">{conflict ? t('risks.form.conflictBody') : t('risks.form.changedBody')}</Text>
                <Group>
                  <Button
                    size="xs"
                    variant="default"
                    leftSection={<IconRefresh size={14} aria-hidden />}
                    onClick={async () => {
                      const fresh = (await onReload?.()) ?? risk;
                      if (!fresh) return;
                      setStarted(fresh);
                      form.setValues(initial(fresh));
                      form.resetDirty(initial(fresh));
                      form.clearErrors();
                      setConflict(false);
                    }}
                  >
                    {t('risks.form.conflictReload')}
                  </Button>
                </Group>
              </Stack>
            </Alert>
          )}
          <ProblemAlert error={save.error} unplaced={save.unplaced} title={t('errors.notSaved')} />
          <Select
            label={t('risks.field.category')}
            description={t('risks.form.categoryHint')}
            required
            searchable
            data={OCDS_RISK_CATEGORIES.map((c) => ({ value: c, label: labels.category(c) }))}
            nothingFoundMessage={t('common.nothingFound')}
            {...form.getInputProps('category')}
          />
          <TextInput label={t('risks.field.title')} description={t('risks.form.titleHint')} required maxLength={200} {...form.getInputProps('title')} />
          <Textarea label={t('risks.field.description')} description={t('risks.form.descriptionHint')} required autosize minRows={3} maxLength={5000} {...form.getInputProps('description')} />
          <Grid gap="sm" align="flex-end">
            <Grid.Col span={{ base: 12, sm: 5 }}>
              <Select label={t('risks.field.likelihood')} required data={ratingOptions('likelihood')} allowDeselect={false} {...form.getInputProps('likelihood')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 5 }}>
              <Select label={t('risks.field.impact')} required data={ratingOptions('impact')} allowDeselect={false} {...form.getInputProps('impact')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 2 }}>
              <Stack gap={4} aria-live="polite">
                <Text size="sm" fw={500}>
                  {t('risks.col.score')}
                </Text>
                {score ? <ScoreBadge score={score} band={riskBand(score)} size="md" /> : <Text size="sm" c="gray.7">—</Text>}
              </Stack>
            </Grid.Col>
          </Grid>
          <Select label={t('risks.field.owner')} description={t('risks.form.ownerHint')} clearable searchable data={orgOptions} nothingFoundMessage={t('common.nothingFound')} {...form.getInputProps('ownerOrganisationId')} />

          <Paper withBorder p="sm" radius="md">
            <Stack gap="sm">
              <div>
                <Text fw={600} size="sm" id="allocation-label">
                  {t('risks.form.allocationTitle')}
                </Text>
                <Text size="xs" c="gray.7">
                  {t('risks.form.allocationHint')}
                </Text>
              </div>
              {form.values.allocation.length === 0 && (
                <Text size="sm" c="gray.7">
                  {t('risks.form.noShares')}
                </Text>
              )}
              {form.values.allocation.map((s, index) => (
                <Grid key={s.key} gap="xs" align="flex-start" role="group" aria-label={t('risks.form.shareN', { n: index + 1 })}>
                  <Grid.Col span={{ base: 12, sm: 4 }}>
                    <Select
                      label={t('risks.form.shareParty', { n: index + 1 })}
                      data={RISK_PARTIES.map((x) => ({ value: x, label: labels.party(x) }))}
                      allowDeselect={false}
                      {...form.getInputProps(`allocation.${index}.party`)}
                    />
                  </Grid.Col>
                  <Grid.Col span={{ base: 12, sm: 4 }}>
                    <Select
                      label={t('risks.form.shareOrganisation', { n: index + 1 })}
                      placeholder={t('risks.form.wholeSide')}
                      clearable
                      searchable
                      data={orgOptions}
                      nothingFoundMessage={t('common.nothingFound')}
                      {...form.getInputProps(`allocation.${index}.organisationId`)}
                      onChange={(v) => pickOrganisation(index, v)}
                    />
                  </Grid.Col>
                  <Grid.Col span={{ base: 9, sm: 3 }}>
                    <TextInput label={t('risks.form.sharePercent', { n: index + 1 })} inputMode="decimal" rightSection={<Text size="sm" c="gray.7">%</Text>} {...form.getInputProps(`allocation.${index}.percent`)} />
                  </Grid.Col>
                  <Grid.Col span={{ base: 3, sm: 1 }}>
                    <ActionIcon variant="subtle" color="red" c={TEXT_ON_LIGHT.red} mt={26} size="lg" aria-label={t('risks.form.removeShare', { n: index + 1 })} onClick={() => form.removeListItem('allocation', index)}>
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Grid.Col>
                </Grid>
              ))}
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Button variant="default" size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={addShare} disabled={form.values.allocation.length >= 20}>
                  {t('risks.form.addShare')}
                </Button>
                {form.values.allocation.length > 0 && (
                  <Group gap={4} wrap="nowrap" aria-live="polite">
                    {total.cmp === 0 ? <IconCircleCheck size={16} color={TEXT_ON_LIGHT.green} aria-hidden /> : <IconAlertTriangle size={16} color={TEXT_ON_LIGHT.red} aria-hidden />}
                    <Text size="sm" fw={600} c={total.cmp === 0 ? TEXT_ON_LIGHT.green : TEXT_ON_LIGHT.red}>
                      {total.cmp === 0 ? t('risks.form.total100') : total.cmp < 0 ? t('risks.form.totalLeft', { total: total.text, left: total.left }) : t('risks.form.totalOver', { total: total.text })}
                    </Text>
                  </Group>
                )}
              </Group>
              {allocError && (
                <Text size="sm" c={TEXT_ON_LIGHT.red} role="alert">
                  {allocError}
                </Text>
              )}
            </Stack>
          </Paper>

          <MultiSelect
            label={t('risks.field.decisions')}
            description={t('risks.form.decisionsHint')}
            placeholder={decisionOptions.length ? t('common.optional') : t('risks.form.noDecisionsYet')}
            searchable
            hidePickedOptions
            data={decisionOptions}
            nothingFoundMessage={t('common.nothingFound')}
            {...form.getInputProps('decisionIds')}
          />
          {(commitmentOptions.length > 0 || form.values.commitmentIds.length > 0) && (
            <MultiSelect label={t('risks.field.commitments')} description={t('risks.form.commitmentsHint')} searchable hidePickedOptions data={commitmentOptions} nothingFoundMessage={t('common.nothingFound')} {...form.getInputProps('commitmentIds')} />
          )}
          <TextInput type="date" label={t('risks.field.nextReview')} description={t('risks.form.nextReviewHint')} maw={260} {...form.getInputProps('nextReviewOn')} />
          <FormActions onCancel={() => navigate(back)} submitLabel={risk ? t('risks.form.save') : t('risks.create')} busy={save.busy} />
        </Stack>
      </form>
    </Card>
  );
}

