import { Anchor, Button, Card, Grid, Group, List, Modal, Radio, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Timeline, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconArrowsExchange, IconCalendarEvent, IconCheck, IconClipboardCheck, IconClock, IconEdit, IconHistory, IconPlus, IconRotate } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AddRiskActionBody, RecordRiskReviewBody, TransitionRiskBody } from '../../../src/contracts/risks';
import { riskBand, riskScore, type RiskStatus } from '../../../src/domain/accountability/risks';
import { TEXT_ON_LIGHT } from '../../components/badges';
import { InlineAddForm, ListTable } from '../../components/list-table';
import { EmptyState, LoadMore, ProblemAlert } from '../../components/page';
import { FormActions } from '../../components/section';
import { api } from '../../lib/api';
import { useFormat } from '../../lib/format';
import { useSession } from '../../lib/session';
import { fieldsIn, useSubmit } from '../../lib/submit';
import type { PartnershipDetail } from '../../lib/types';
import { orNull, zodErrors } from '../../lib/zod-form';
import { usePeople } from '../../lib/queries';
import { CardHeading, OverdueFlag } from '../../components/cards';
import { riskKeys, useRiskHistory, type RiskAction, type RiskChange, type RiskDetail } from './api';
import { AllocationPanel, usePercentText } from './allocation';
import { AllocationBadge, RiskStatusBadge, ScoreBadge, useRiskLabels } from './badges';

const today = () => new Date().toISOString().slice(0, 10);

/** Stores the risk the API sent back and refreshes the register, the heat map and the history. */
function useApplyRisk(p: PartnershipDetail) {
  const qc = useQueryClient();
  return (r: RiskDetail) => {
    qc.setQueryData(riskKeys.risk(p.id, r.id), r);
    void qc.invalidateQueries({ queryKey: riskKeys.all(p.id), predicate: (q) => !(q.queryKey[3] === 'risk' && q.queryKey[4] === r.id && q.queryKey.length === 5) });
  };
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="gray.7" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

/** One risk: what it is, how it is rated and shared, what is being done, its reviews, links and history. */
export function RiskView({ p, r }: { p: PartnershipDetail; r: RiskDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const labels = useRiskLabels();
  const [dialog, setDialog] = useState<'transition' | 'review' | null>(null);
  const base = `/partnerships/${p.id}/risks`;
  const can = (a: RiskDetail['allowedActions'][number]) => r.allowedActions.includes(a);
  const plannedReview = r.reviews.find((v) => v.status === 'planned');
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={base} size="sm">
        <Group gap={4} wrap="nowrap" component="span">
          <IconArrowLeft size={14} aria-hidden />
          {t('risks.detail.back')}
        </Group>
      </Anchor>
      <Card>
        <Stack gap="sm">
          <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
            <div style={{ flex: '1 1 320px', minWidth: 0 }}>
              <Text size="sm" c="gray.7" fw={600}>
                {t('risks.detail.number', { number: r.number })} · {labels.category(r.category, r.categoryName)}
              </Text>
              <Title order={2} fz={{ base: 20, sm: 24 }} style={{ overflowWrap: 'anywhere' }}>
                {r.title}
              </Title>
            </div>
            <Group gap="xs">
              {can('update') && (
                <Button component={Link} to={`${base}/${r.id}/edit`} variant="default" leftSection={<IconEdit size={16} aria-hidden />}>
                  {t('risks.detail.edit')}
                </Button>
              )}
              {can('review') && (
                <Button variant="light" leftSection={<IconClipboardCheck size={16} aria-hidden />} onClick={() => setDialog('review')}>
                  {t('risks.review.record')}
                </Button>
              )}
              {can('transition') && r.nextStatuses.length > 0 && (
                <Button leftSection={<IconArrowsExchange size={16} aria-hidden />} onClick={() => setDialog('transition')}>
                  {t('risks.transition.open')}
                </Button>
              )}
            </Group>
          </Group>
          <Group gap="xs">
            <RiskStatusBadge status={r.status} size="md" />
            <ScoreBadge score={r.score} band={r.band} size="md" />
            <AllocationBadge allocation={r.allocation} size="md" />
          </Group>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {r.description}
          </Text>
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" mt="xs">
            <Fact label={t('risks.field.likelihood')}>
              {r.likelihood} · {labels.likelihood(r.likelihood)}
            </Fact>
            <Fact label={t('risks.field.impact')}>
              {r.impact} · {labels.impact(r.impact)}
            </Fact>
            <Fact label={t('risks.field.owner')}>{r.ownerOrganisationName ?? t('risks.detail.noOwner')}</Fact>
            <Fact label={t('risks.field.nextReview')}>
              {r.nextReviewOn ? f.date(r.nextReviewOn) : t('risks.detail.noReview')}
              {plannedReview?.overdue && <OverdueFlag label={t('risks.overdue.short')} />}
            </Fact>
          </SimpleGrid>
          <Text size="xs" c="gray.7">
            {t('risks.detail.versionLine', { version: r.version, created: f.date(r.createdAt), updated: f.dateTime(r.updatedAt) })}
          </Text>
        </Stack>
      </Card>

      <Card>
        <Stack gap="sm">
          <CardHeading order={3} title={t('risks.detail.allocationTitle')} intro={t('risks.detail.allocationIntro')} />
          <AllocationPanel r={r} />
        </Stack>
      </Card>
      <Card>
        <Stack gap="sm">
          <CardHeading order={3} title={t('risks.detail.linksTitle')} intro={t('risks.detail.linksIntro')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Stack gap={4}>
              <Text size="sm" fw={600}>
                {t('risks.field.decisions')}
              </Text>
              {r.decisions.length === 0 ? (
                <Text size="sm" c="gray.7">
                  {t('risks.detail.noDecisions')}
                </Text>
              ) : (
                <List size="sm" spacing={4}>
                  {r.decisions.map((d) => (
                    <List.Item key={d.id}>
                      <Anchor component={Link} to={`/partnerships/${p.id}/decisions/${d.id}`} size="sm">
                        #{d.number} {d.title}
                      </Anchor>
                    </List.Item>
                  ))}
                </List>
              )}
            </Stack>
            <Stack gap={4}>
              <Text size="sm" fw={600}>
                {t('risks.field.commitments')}
              </Text>
              {r.commitments.length === 0 ? (
                <Text size="sm" c="gray.7">
                  {t('risks.detail.noCommitments')}
                </Text>
              ) : (
                <List size="sm" spacing={4}>
                  {r.commitments.map((c) => (
                    <List.Item key={c.id}>
                      <Text size="sm">
                        #{c.number} {c.title}
                      </Text>
                    </List.Item>
                  ))}
                </List>
              )}
            </Stack>
          </SimpleGrid>
        </Stack>
      </Card>

      <ActionsCard p={p} r={r} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <ReviewsCard r={r} canReview={can('review')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <HistoryCard p={p} r={r} />
        </Grid.Col>
      </Grid>
      {dialog === 'transition' && <TransitionDialog p={p} r={r} onClose={() => setDialog(null)} />}
      {dialog === 'review' && <ReviewDialog p={p} r={r} onClose={() => setDialog(null)} />}
    </Stack>
  );
}

/** Mitigation actions: who does what by when; managers add them, and the owner's representatives complete them. */
function ActionsCard({ p, r }: { p: PartnershipDetail; r: RiskDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { user } = useSession();
  const canAdd = r.allowedActions.includes('addAction');
  const mayManage = p.allowedActions.includes('partnership.risks.manage');
  const people = usePeople(p.id, mayManage);
  const live = r.status !== 'closed';
  // a representative completes the actions their own organisation owns, on any live risk
  const myOrgs = new Set((people.data?.items ?? []).filter((x) => x.userId === user?.id && x.role === 'representative' && x.organisationId).map((x) => x.organisationId!));
  const canComplete = (a: RiskAction) => live && (canAdd || myOrgs.has(a.ownerOrganisationId));
  const apply = useApplyRisk(p);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const toggle = async (a: RiskAction) => {
    setBusy(a.id);
    setError(null);
    try {
      const next = await api.patch<RiskDetail>(`/partnerships/${p.id}/risks/${r.id}/actions/${a.id}`, { done: a.status === 'open' });
      apply(next);
      notifications.show({ color: 'teal', message: a.status === 'open' ? t('risks.actions.completed') : t('risks.actions.reopened') });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };
  const open = r.actions.filter((a) => a.status === 'open').length;
  return (
    <Card>
      <Stack gap="md">
        <CardHeading order={3} title={t('risks.actions.title')} intro={t('risks.actions.intro', { open, total: r.actions.length })} />
        <ProblemAlert error={error} title={t('errors.notSaved')} />
        <ListTable
          loading={false}
          error={null}
          isEmpty={r.actions.length === 0}
          empty={<EmptyState icon={IconClipboardCheck} title={t('risks.actions.emptyTitle')} description={canAdd ? t('risks.actions.emptyBodyManage') : t('risks.actions.emptyBody')} />}
          minWidth={640}
          headers={[t('risks.actions.what'), t('risks.actions.owner'), t('risks.actions.due'), t('risks.col.status')]}
          withActions
        >
          {r.actions.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td maw={320}>
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {a.description}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{a.ownerPersonName ?? a.ownerOrganisationName}</Text>
                {a.ownerPersonName && (
                  <Text size="xs" c="gray.7">
                    {a.ownerOrganisationName}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {f.date(a.dueOn)}
                </Text>
                {a.overdue && <OverdueFlag label={t('risks.overdue.short')} />}
              </Table.Td>
              <Table.Td>
                {a.status === 'done' ? (
                  <Group gap={4} wrap="nowrap">
                    <IconCheck size={15} color={TEXT_ON_LIGHT.green} aria-hidden />
                    <Text size="sm" c={TEXT_ON_LIGHT.green} fw={600} style={{ whiteSpace: 'nowrap' }}>
                      {t('risks.actions.doneOn', { date: f.date(a.doneOn) })}
                    </Text>
                  </Group>
                ) : (
                  <Group gap={4} wrap="nowrap">
                    <IconClock size={15} aria-hidden />
                    <Text size="sm">{t('risks.actions.open')}</Text>
                  </Group>
                )}
              </Table.Td>
              <Table.Td ta="right">
                {canComplete(a) &&
                  (a.status === 'open' ? (
                    <Button size="xs" variant="light" leftSection={<IconCheck size={14} aria-hidden />} loading={busy === a.id} onClick={() => void toggle(a)} aria-label={t('risks.actions.completeAria', { what: a.description })}>
                      {t('risks.actions.complete')}
                    </Button>
                  ) : (
                    <Button size="xs" variant="subtle" leftSection={<IconRotate size={14} aria-hidden />} loading={busy === a.id} onClick={() => void toggle(a)} aria-label={t('risks.actions.reopenAria', { what: a.description })}>
                      {t('risks.actions.reopen')}
                    </Button>
                  ))}
              </Table.Td>
            </Table.Tr>
          ))}
        </ListTable>
        {canAdd && <AddActionForm p={p} r={r} people={people.data?.items ?? []} />}
      </Stack>
    </Card>
  );
}

function AddActionForm({ p, r, people }: { p: PartnershipDetail; r: RiskDetail; people: { userId: string; name: string; organisationId: string | null; organisationName: string | null }[] }) {
  const { t } = useTranslation();
  const apply = useApplyRisk(p);
  const [open, setOpen] = useState(false);
  const form = useForm({
    mode: 'controlled',
    initialValues: { description: '', ownerOrganisationId: r.ownerOrganisationId as string | null, ownerPersonId: null as string | null, dueOn: '' },
    validate: (v) => {
      const errors = zodErrors(AddRiskActionBody, { description: v.description, ownerOrganisationId: v.ownerOrganisationId, ownerPersonId: v.ownerPersonId, dueOn: v.dueOn }, t);
      if (!v.ownerOrganisationId && !v.ownerPersonId) errors.ownerOrganisationId = t('risks.actions.ownerNeeded');
      return errors;
    },
  });
  const save = useSubmit(form.setErrors, fieldsIn('description', 'ownerOrganisationId', 'ownerPersonId', 'dueOn'), async (v: typeof form.values) => {
    const next = await api.post<RiskDetail>(`/partnerships/${p.id}/risks/${r.id}/actions`, { description: v.description.trim(), ownerOrganisationId: v.ownerOrganisationId, ownerPersonId: v.ownerPersonId, dueOn: v.dueOn });
    apply(next);
    notifications.show({ color: 'teal', message: t('risks.actions.added') });
    form.reset();
    setOpen(false);
  });
  if (!open)
    return (
      <Group>
        <Button variant="default" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setOpen(true)}>
          {t('risks.actions.add')}
        </Button>
      </Group>
    );
  const orgs = p.members.filter((m) => !m.leftOn).map((m) => ({ value: m.organisationId, label: m.organisationName }));
  const personOptions = people.map((x) => ({ value: x.userId, label: x.organisationName ? `${x.name} · ${x.organisationName}` : x.name })).filter((o, i, all) => all.findIndex((y) => y.value === o.value) === i);
  return (
    <InlineAddForm title={t('risks.actions.add')} error={save.error} onSubmit={form.onSubmit(save.submit)}>
      <Textarea label={t('risks.actions.what')} required autosize minRows={2} maxLength={2000} data-autofocus {...form.getInputProps('description')} />
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <Select label={t('risks.actions.ownerOrganisation')} searchable clearable data={orgs} nothingFoundMessage={t('common.nothingFound')} {...form.getInputProps('ownerOrganisationId')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <Select
            label={t('risks.actions.ownerPerson')}
            placeholder={t('common.optional')}
            searchable
            clearable
            data={personOptions}
            nothingFoundMessage={t('common.nothingFound')}
            {...form.getInputProps('ownerPersonId')}
            onChange={(v) => {
              form.setFieldValue('ownerPersonId', v);
              const person = people.find((x) => x.userId === v);
              if (person?.organisationId) form.setFieldValue('ownerOrganisationId', person.organisationId);
            }}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <TextInput type="date" label={t('risks.actions.due')} required {...form.getInputProps('dueOn')} />
        </Grid.Col>
      </Grid>
      <FormActions onCancel={() => setOpen(false)} submitLabel={t('risks.actions.addSubmit')} busy={save.busy} />
    </InlineAddForm>
  );
}

/** Reviews: the planned one (overdue when late) and those held, with the ratings they settled on. */
function ReviewsCard({ r, canReview }: { r: RiskDetail; canReview: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const labels = useRiskLabels();
  const reviews = [...r.reviews].sort((a, b) => (b.doneOn ?? b.dueOn).localeCompare(a.doneOn ?? a.dueOn));
  return (
    <Card h="100%">
      <Stack gap="md">
        <CardHeading order={3} title={t('risks.review.title')} intro={t('risks.review.intro')} />
        {reviews.length === 0 ? (
          <EmptyState icon={IconCalendarEvent} title={t('risks.review.emptyTitle')} description={canReview ? t('risks.review.emptyBody') : t('risks.review.emptyBodyRead')} />
        ) : (
          <Timeline bulletSize={26} lineWidth={2} aria-label={t('risks.review.title')}>
            {reviews.map((v) => (
              <Timeline.Item
                key={v.id}
                bullet={v.status === 'held' ? <IconCheck size={14} aria-hidden /> : <IconCalendarEvent size={14} aria-hidden />}
                title={
                  <Text size="sm" fw={700}>
                    {v.status === 'held' ? t('risks.review.heldOn', { date: f.date(v.doneOn) }) : t('risks.review.plannedFor', { date: f.date(v.dueOn) })}
                  </Text>
                }
              >
                <Stack gap={2}>
                  {v.status === 'held' && v.likelihood !== null && v.impact !== null && (
                    <Group gap="xs">
                      <ScoreBadge score={riskScore(v.likelihood, v.impact)} band={riskBand(riskScore(v.likelihood, v.impact))} />
                      <Text size="xs" c="gray.7">
                        {t('risks.ratingLine', { likelihood: labels.likelihood(v.likelihood), impact: labels.impact(v.impact), l: v.likelihood, i: v.impact })}
                      </Text>
                    </Group>
                  )}
                  {v.note && (
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                      {v.note}
                    </Text>
                  )}
                  {v.status === 'held' && (
                    <Text size="xs" c="gray.7">
                      {t('risks.review.by', { who: v.reviewedByName ?? t('common.system'), due: f.date(v.dueOn) })}
                    </Text>
                  )}
                  {v.overdue && <OverdueFlag label={t('risks.overdue.short')} />}
                </Stack>
              </Timeline.Item>
            ))}
          </Timeline>
        )}
      </Stack>
    </Card>
  );
}

/** Every version of the risk, newest first: who changed what, from what to what, and why. */
function HistoryCard({ p, r }: { p: PartnershipDetail; r: RiskDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const history = useRiskHistory(p.id, r.id);
  const items = history.data?.pages.flatMap((x) => x.items) ?? [];
  const describe = useChangeText(p, r);
  return (
    <Card h="100%">
      <Stack gap="md">
        <CardHeading order={3} title={t('risks.history.title')} intro={t('risks.history.intro')} />
        {history.isLoading ? (
          <Text size="sm" c="gray.7">
            {t('common.loading')}
          </Text>
        ) : history.error ? (
          <ProblemAlert error={history.error} />
        ) : (
          <>
            <Timeline bulletSize={26} lineWidth={2} aria-label={t('risks.history.title')}>
              {items.map((c) => (
                <Timeline.Item
                  key={c.id}
                  bullet={<IconHistory size={14} aria-hidden />}
                  title={
                    <Text size="sm" fw={700}>
                      {t(`risks.history.action.${c.action}`, { defaultValue: c.action })}
                    </Text>
                  }
                >
                  <Stack gap={2}>
                    <Text size="xs" c="gray.7">
                      {t('risks.history.line', { version: c.version, who: c.actorName ?? t('common.system'), when: f.dateTime(c.at) })}
                    </Text>
                    {c.action !== 'created' && (
                      <Stack gap={0} component="ul" style={{ margin: 0, paddingLeft: 16 }}>
                        {describe(c).map((line, i) => (
                          <Text key={i} size="sm" component="li" style={{ overflowWrap: 'anywhere' }}>
                            {line}
                          </Text>
                        ))}
                      </Stack>
                    )}
                    {c.reason && (
                      <Text size="sm" fs="italic" style={{ overflowWrap: 'anywhere' }}>
                        {c.action === 'reviewed' ? t('risks.history.note', { note: c.reason }) : t('risks.history.reason', { reason: c.reason })}
                      </Text>
                    )}
                  </Stack>
                </Timeline.Item>
              ))}
            </Timeline>
            {(history.hasNextPage || items.length > 20) && <LoadMore hasMore={!!history.hasNextPage} loading={history.isFetchingNextPage} onClick={() => void history.fetchNextPage()} shown={items.length} />}
          </>
        )}
      </Stack>
    </Card>
  );
}

/** Says what a version changed, one line per field, in words: "Impact: 3 · Moderate → 4 · Major". */
function useChangeText(p: PartnershipDetail, r: RiskDetail) {
  const { t } = useTranslation();
  const f = useFormat();
  const labels = useRiskLabels();
  const pct = usePercentText();
  const orgName = (id: unknown) => (typeof id === 'string' ? (p.members.find((m) => m.organisationId === id)?.organisationName ?? t('risks.history.unknownOrg')) : t('risks.history.none'));
  const value = (field: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return t('risks.history.none');
    switch (field) {
      case 'category':
        return labels.category(String(v));
      case 'status':
        return t(`risks.status.${String(v)}`, { defaultValue: String(v) });
      case 'band':
        return t(`risks.band.${String(v)}`, { defaultValue: String(v) });
      case 'likelihood':
        return `${v} · ${labels.likelihood(Number(v))}`;
      case 'impact':
        return `${v} · ${labels.impact(Number(v))}`;
      case 'ownerOrganisationId':
      case 'ownerOrganisation':
        return orgName(v);
      case 'nextReviewOn':
      case 'dueOn':
      case 'doneOn':
        return f.date(String(v));
      case 'allocation':
        return Array.isArray(v) && v.length
          ? (v as { party: string; organisationId: string | null; percent: string }[]).map((s) => `${s.organisationId ? orgName(s.organisationId) : labels.party(s.party)} ${pct(String(s.percent))}`).join(', ')
          : t('risks.allocation.unallocated');
      case 'decisionIds':
      case 'commitmentIds':
        return t('risks.history.links', { count: Array.isArray(v) ? v.length : 0 });
      default:
        if (typeof v === 'object') {
          const o = v as Record<string, unknown>;
          return typeof o.description === 'string' ? o.description : JSON.stringify(v).slice(0, 140);
        }
        return String(v).length > 140 ? `${String(v).slice(0, 140)}…` : String(v);
    }
  };
  return (c: RiskChange): string[] =>
    Object.entries(c.changes).map(([field, pair]) => {
      const [before, after] = pair as [unknown, unknown];
      const m = /^action\.([^.]+)(?:\.(\w+))?$/.exec(field);
      // a review held: its day, not the record
      if (field === 'review' && after && typeof after === 'object' && 'doneOn' in after) return t('risks.history.reviewHeld', { date: f.date(String((after as { doneOn: string }).doneOn)) });
      if (m) {
        const a = r.actions.find((x) => x.id === m[1]);
        const what = a?.description ?? t('risks.history.anAction');
        if (!m[2]) return t('risks.history.actionAdded', { what });
        return t('risks.history.actionField', { what, field: t(`risks.history.field.${m[2]}`, { defaultValue: m[2] }), before: value(m[2], before), after: value(m[2], after) });
      }
      return t('risks.history.fieldChange', { field: t(`risks.history.field.${field}`, { defaultValue: field }), before: value(field, before), after: value(field, after) });
    });
}

/** Moving the risk to another status, with the reason the history keeps. */
function TransitionDialog({ p, r, onClose }: { p: PartnershipDetail; r: RiskDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const apply = useApplyRisk(p);
  const form = useForm({
    mode: 'controlled',
    initialValues: { to: r.nextStatuses[0] as string, reason: '' },
    validate: (v) => zodErrors(TransitionRiskBody, v, t),
  });
  const save = useSubmit(form.setErrors, fieldsIn('to', 'reason'), async (v: typeof form.values) => {
    const next = await api.post<RiskDetail>(`/partnerships/${p.id}/risks/${r.id}/transition`, { to: v.to, reason: v.reason.trim() });
    apply(next);
    notifications.show({ color: 'teal', message: t('risks.transition.done', { status: t(`risks.status.${v.to}`) }) });
    onClose();
  });
  return (
    <Modal opened onClose={onClose} title={t('risks.transition.title', { number: r.number })} centered size="lg">
      <form noValidate onSubmit={form.onSubmit(save.submit)}>
        <Stack>
          <Text size="sm">{t('risks.transition.body', { status: t(`risks.status.${r.status}`) })}</Text>
          <ProblemAlert error={save.error} unplaced={save.unplaced} title={t('errors.notSaved')} />
          <Radio.Group label={t('risks.transition.to')} required {...form.getInputProps('to')}>
            <Stack gap={8} mt={6}>
              {r.nextStatuses.map((s: RiskStatus) => (
                <Radio key={s} value={s} label={t(`risks.status.${s}`)} description={t(`risks.statusHelp.${s}`)} />
              ))}
            </Stack>
          </Radio.Group>
          <Textarea label={t('risks.transition.reason')} description={t('risks.transition.reasonHint')} required autosize minRows={2} maxLength={5000} {...form.getInputProps('reason')} />
          <FormActions onCancel={onClose} submitLabel={t('risks.transition.submit')} busy={save.busy} />
        </Stack>
      </form>
    </Modal>
  );
}

/** Recording a review: the ratings it settled on (score and band follow), a note, the day and the next review. */
function ReviewDialog({ p, r, onClose }: { p: PartnershipDetail; r: RiskDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const labels = useRiskLabels();
  const apply = useApplyRisk(p);
  const day = today();
  const form = useForm({
    mode: 'controlled',
    initialValues: { likelihood: String(r.likelihood), impact: String(r.impact), note: '', reviewedOn: day, nextReviewOn: '' },
    validate: (v) => zodErrors(RecordRiskReviewBody, { likelihood: Number(v.likelihood), impact: Number(v.impact), note: orNull(v.note), reviewedOn: v.reviewedOn || undefined, nextReviewOn: v.nextReviewOn || undefined }, t),
  });
  const save = useSubmit(form.setErrors, fieldsIn('likelihood', 'impact', 'note', 'reviewedOn', 'nextReviewOn'), async (v: typeof form.values) => {
    const next = await api.post<RiskDetail>(`/partnerships/${p.id}/risks/${r.id}/reviews`, {
      likelihood: Number(v.likelihood), impact: Number(v.impact), note: orNull(v.note), reviewedOn: v.reviewedOn || undefined, nextReviewOn: v.nextReviewOn || undefined,
    });
    apply(next);
    notifications.show({ color: 'teal', message: t('risks.review.recorded') });
    onClose();
  });
  const score = riskScore(Number(form.values.likelihood), Number(form.values.impact));
  const options = (kind: 'likelihood' | 'impact') => [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: `${n} · ${kind === 'likelihood' ? labels.likelihood(n) : labels.impact(n)}` }));
  return (
    <Modal opened onClose={onClose} title={t('risks.review.dialogTitle', { number: r.number })} centered size="lg">
      <form noValidate onSubmit={form.onSubmit(save.submit)}>
        <Stack>
          <Text size="sm">{t('risks.review.dialogBody')}</Text>
          <ProblemAlert error={save.error} unplaced={save.unplaced} title={t('errors.notSaved')} />
          <Grid gap="sm" align="flex-end">
            <Grid.Col span={{ base: 12, sm: 5 }}>
              <Select label={t('risks.field.likelihood')} required allowDeselect={false} data={options('likelihood')} {...form.getInputProps('likelihood')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 5 }}>
              <Select label={t('risks.field.impact')} required allowDeselect={false} data={options('impact')} {...form.getInputProps('impact')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 2 }}>
              <Stack gap={4} aria-live="polite">
                <Text size="sm" fw={500}>
                  {t('risks.col.score')}
                </Text>
                <ScoreBadge score={score} band={riskBand(score)} size="md" />
              </Stack>
            </Grid.Col>
          </Grid>
          <Textarea label={t('risks.review.note')} autosize minRows={2} maxLength={5000} {...form.getInputProps('note')} />
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput type="date" label={t('risks.review.reviewedOn')} max={day} {...form.getInputProps('reviewedOn')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput type="date" label={t('risks.field.nextReview')} description={t('risks.review.nextHint')} {...form.getInputProps('nextReviewOn')} />
            </Grid.Col>
          </Grid>
          <FormActions onCancel={onClose} submitLabel={t('risks.review.submit')} busy={save.busy} />
        </Stack>
      </form>
    </Modal>
  );
}
