import { Anchor, Box, Button, Card, Grid, Group, Modal, MultiSelect, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea, ThemeIcon, Timeline, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp, IconArrowLeft, IconCheck, IconCircleCheck, IconClock, IconPlus, IconScale, IconStairsUp } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EscalateDisputeBody, RaiseDisputeBody, ResolveDisputeBody, WithdrawDisputeBody } from '../../../src/contracts/disputes';
import { DEFAULT_LADDER, DISPUTE_STATUSES, stepName } from '../../../src/domain/governance/disputes';
import { api } from '../../lib/api';
import { useFormat } from '../../lib/format';
import { fieldsIn, useSubmit } from '../../lib/submit';
import type { DisputeDetail, DisputeStats, DisputeSummary, PartnershipDetail } from '../../lib/types';
import { useDebouncedParam, useUrlState } from '../../lib/url-state';
import { orNull, zodErrors } from '../../lib/zod-form';
import { AnySelect, ClearFiltersButton, SearchFilter } from '../../components/directory';
import { EmptyState, LoadMore, PageError, PageLoader, ProblemAlert } from '../../components/page';
import { FormActions } from '../../components/section';
import { TEXT_ON_LIGHT } from '../../components/badges';
import { useDisputes, useDisputeStats } from './api';
import { useDecisions } from '../../lib/queries';
import { DisputeStatusBadge } from './badges';
import { CardHeading, ExportButton, OverdueFlag, ScrollTable } from '../../components/cards';
import { downloadCsv, fetchAll } from '../../lib/export';

function Figure({ label, value, hint }: { label: string; value: ReactNode; hint?: string }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="xs" c="gray.7" fw={600}>
        {label}
      </Text>
      <Text fz={22} fw={700} lh={1.3}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="gray.7">
          {hint}
        </Text>
      )}
    </Paper>
  );
}

/** The register in figures: counts by status, open overdue, time to resolution. */
export function DisputeSummaryCard({ stats }: { stats: DisputeStats }) {
  const { t } = useTranslation();
  const f = useFormat();
  const days = (n: number | null) => (n === null ? '—' : t('time.days', { count: Math.round(n * 10) / 10, formatted: f.number(Math.round(n * 10) / 10) }));
  return (
    <Card>
      <Stack gap="md">
        <CardHeading title={t('disputes.summaryTitle')} intro={t('disputes.summaryIntro')} />
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm">
          <Figure label={t('disputes.total')} value={f.number(stats.total)} />
          <Figure label={t('disputes.status.open')} value={f.number(stats.byStatus.open)} />
          <Figure label={t('disputes.status.escalated')} value={f.number(stats.byStatus.escalated)} />
          <Figure label={t('disputes.status.resolved')} value={f.number(stats.byStatus.resolved)} />
          <Figure label={t('disputes.openOverdue')} value={f.number(stats.openOverdue)} />
          <Figure label={t('disputes.medianDays')} value={days(stats.medianDaysToResolution)} hint={stats.meanDaysToResolution !== null ? t('disputes.meanDays', { days: days(stats.meanDaysToResolution) }) : undefined} />
        </SimpleGrid>
      </Stack>
    </Card>
  );
}

/** The dispute register, page by page: searched and filtered by status and party, with the filters in the address bar. */
export function DisputeList({ p }: { p: PartnershipDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const url = useUrlState();
  const { params, set } = url;
  const [q, setQ] = useDebouncedParam(url, 'q');
  const status = params.get('status');
  const party = params.get('party');
  const filtered = !!(status || party || params.get('q'));
  const list = useDisputes(p.id, { status, party, q: params.get('q') });
  const stats = useDisputeStats(p.id);
  const items = list.data?.pages.flatMap((x) => x.items) ?? [];
  const canRaise = p.allowedActions.includes('partnership.disputes.raise');
  const stepLabel = useStepLabel();
  return (
    <Stack gap="lg">
      {stats.data && <DisputeSummaryCard stats={stats.data} />}
      <Card>
        <Stack gap="md">
          <CardHeading
            title={t('disputes.title')}
            intro={t('disputes.intro')}
            actions={
              <>
                {items.length > 0 && (
                  <ExportButton
                    onExport={async () => {
                      const all = await fetchAll<DisputeSummary>(`/partnerships/${p.id}/disputes`, { status, party, q: params.get('q') });
                      downloadCsv(
                        'disputes.csv',
                        ['#', t('disputes.subject'), t('disputes.parties'), t('common.status'), t('disputes.currentStep'), t('disputes.openedOn'), t('disputes.dueCol'), t('disputes.overdue'), t('disputes.closedOnCol'), t('disputes.timeToResolution')],
                        all.map((d) => [d.number, d.subject, d.parties.map((x) => x.organisationName).join('; '), t(`disputes.status.${d.status}`), stepLabel(d.currentStep, d.currentStepName), d.openedOn, d.dueOn ?? '', d.overdue ? t('common.yes') : '', d.resolvedOn ?? d.withdrawnOn ?? '', d.daysToResolution ?? '']),
                      );
                    }}
                  />
                )}
                {canRaise && (
                  <Button component={Link} to={`/partnerships/${p.id}/disputes/new`} leftSection={<IconPlus size={16} aria-hidden />}>
                    {t('disputes.raise')}
                  </Button>
                )}
              </>
            }
          />
          <Grid gap="sm" align="flex-end">
            <Grid.Col span={{ base: 12, md: 4 }}>
              <SearchFilter placeholder={t('disputes.searchPlaceholder')} value={q} onChange={setQ} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, xs: 6, md: 3 }}>
              <AnySelect label={t('common.status')} value={status} onChange={(v) => set('status', v)} data={DISPUTE_STATUSES.map((s) => ({ value: s, label: t(`disputes.status.${s}`) }))} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, xs: 6, md: 3 }}>
              <AnySelect label={t('disputes.party')} value={party} onChange={(v) => set('party', v)} searchable data={p.members.map((m) => ({ value: m.organisationId, label: m.organisationName }))} />
            </Grid.Col>
            {filtered && (
              <Grid.Col span={{ base: 12, xs: 6, md: 2 }}>
                <ClearFiltersButton
                  onClick={() => {
                    setQ('');
                    url.reset();
                  }}
                />
              </Grid.Col>
            )}
          </Grid>
          {list.isLoading ? (
            <PageLoader />
          ) : list.error ? (
            <PageError error={list.error} onRetry={() => void list.refetch()} />
          ) : items.length === 0 ? (
            <EmptyState icon={IconScale} title={filtered ? t('disputes.noMatchTitle') : t('disputes.emptyTitle')} description={filtered ? t('disputes.noMatchBody') : t('disputes.emptyBody')} />
          ) : (
            <>
              <Stack gap="xs" hiddenFrom="sm" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                {items.map((d) => (
                  <Paper key={d.id} component="li" withBorder p="sm" radius="md">
                    <Text size="xs" c="gray.7">
                      #{d.number} · {f.date(d.openedOn)}
                    </Text>
                    <Anchor component={Link} to={`/partnerships/${p.id}/disputes/${d.id}`} fw={600} size="sm">
                      {d.subject}
                    </Anchor>
                    <Text size="xs" c="gray.7">
                      {d.parties.map((x) => x.organisationName).join(' · ')}
                    </Text>
                    <Group gap={6} mt={4}>
                      <DisputeStatusBadge status={d.status} size="sm" />
                      <Text size="xs">{stepLabel(d.currentStep, d.currentStepName)}</Text>
                    </Group>
                    {d.overdue && <OverdueFlag label={t('disputes.overdueSince', { date: f.date(d.dueOn) })} />}
                  </Paper>
                ))}
              </Stack>
              <Box visibleFrom="sm">
                <ScrollTable minWidth={820} label={t('disputes.title')}>
                  <Table verticalSpacing="sm" highlightOnHover>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>#</Table.Th>
                        <Table.Th>{t('disputes.subject')}</Table.Th>
                        <Table.Th>{t('common.status')}</Table.Th>
                        <Table.Th>{t('disputes.currentStep')}</Table.Th>
                        <Table.Th>{t('disputes.openedOn')}</Table.Th>
                        <Table.Th>{t('disputes.timeToResolution')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {items.map((d) => (
                        <Table.Tr key={d.id}>
                          <Table.Td>
                            <Text size="sm" c="gray.7">
                              {d.number}
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            <Anchor component={Link} to={`/partnerships/${p.id}/disputes/${d.id}`} fw={600} size="sm">
                              {d.subject}
                            </Anchor>
                            <Text size="xs" c="gray.7">
                              {d.parties.map((x) => x.organisationName).join(' · ')}
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            <Box w="max-content">
                              <DisputeStatusBadge status={d.status} size="sm" />
                            </Box>
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm">{stepLabel(d.currentStep, d.currentStepName)}</Text>
                            {d.overdue ? <OverdueFlag label={t('disputes.overdueSince', { date: f.date(d.dueOn) })} /> : d.dueOn ? <Text size="xs" c="gray.7">{t('disputes.dueOn', { date: f.date(d.dueOn) })}</Text> : null}
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm">{f.date(d.openedOn)}</Text>
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm">{d.daysToResolution !== null ? t('time.days', { count: d.daysToResolution }) : '—'}</Text>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </ScrollTable>
              </Box>
              <LoadMore hasMore={!!list.hasNextPage} loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()} shown={items.length} />
            </>
          )}
        </Stack>
      </Card>
    </Stack>
  );
}

const RAISE_FIELDS = ['subject', 'description', 'parties', 'decisionId', 'openedOn'];

/** Raising a dispute: the parties (current member organisations), the subject, what happened, the decision it concerns. */
export function RaiseDisputeForm({ p }: { p: PartnershipDetail }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const decisions = useDecisions(p.id, {}, 100);
  const today = new Date().toISOString().slice(0, 10);
  const form = useForm({
    mode: 'controlled',
    initialValues: { subject: '', description: '', parties: [] as string[], decisionId: null as string | null, openedOn: today },
    validate: (v) => {
      const errors = zodErrors(RaiseDisputeBody, { ...v, description: orNull(v.description), openedOn: v.openedOn || undefined }, t);
      if (v.parties.length < 2) errors.parties = t('disputes.twoParties');
      return errors;
    },
  });
  const save = useSubmit(form.setErrors, (f) => RAISE_FIELDS.includes(f) || /^parties\.\d+$/.test(f), async (v: typeof form.values) => {
    const d = await api.post<DisputeDetail>(`/partnerships/${p.id}/disputes`, { subject: v.subject.trim(), description: orNull(v.description), parties: v.parties, decisionId: v.decisionId, openedOn: v.openedOn || undefined }, { idempotent: true });
    qc.setQueryData(['partnership', p.id, 'dispute', d.id], d);
    void qc.invalidateQueries({ queryKey: ['partnership', p.id, 'disputes'] });
    void qc.invalidateQueries({ queryKey: ['partnership', p.id, 'disputes-summary'] });
    notifications.show({ color: 'teal', message: t('disputes.raised', { number: d.number }) });
    navigate(`/partnerships/${p.id}/disputes/${d.id}`);
  });
  const orgs = p.members.filter((m) => !m.leftOn).map((m) => ({ value: m.organisationId, label: m.organisationName }));
  const decisionOptions = (decisions.data?.pages.flatMap((x) => x.items) ?? []).map((d) => ({ value: d.id, label: `#${d.number} ${d.title}` }));
  return (
    <Card>
      <form noValidate onSubmit={form.onSubmit(save.submit)}>
        <Stack gap="md">
          <CardHeading title={t('disputes.raiseTitle')} intro={t('disputes.raiseIntro')} />
          <ProblemAlert error={save.error} unplaced={save.unplaced} title={t('errors.notSaved')} />
          <MultiSelect label={t('disputes.parties')} description={t('disputes.partiesHint')} required data={orgs} searchable hidePickedOptions {...form.getInputProps('parties')} nothingFoundMessage={t('common.nothingFound')} />
          <TextInput label={t('disputes.subject')} required maxLength={300} {...form.getInputProps('subject')} />
          <Textarea label={t('disputes.description')} description={t('disputes.descriptionHint')} autosize minRows={3} maxLength={10000} {...form.getInputProps('description')} />
          <Select label={t('disputes.linkedDecision')} placeholder={t('common.optional')} clearable searchable data={decisionOptions} {...form.getInputProps('decisionId')} nothingFoundMessage={t('common.nothingFound')} />
          <TextInput type="date" label={t('disputes.openedOnLabel')} description={t('disputes.openedOnHint')} max={today} maw={240} {...form.getInputProps('openedOn')} />
          <FormActions onCancel={() => navigate(`/partnerships/${p.id}/disputes`)} submitLabel={t('disputes.raise')} busy={save.busy} />
        </Stack>
      </form>
    </Card>
  );
}

type Move = 'escalate' | 'resolve' | 'withdraw';

/** A step's name in the reader's language when it is one of Accord's default steps; a charter's own names stay as written. */
function useStepLabel() {
  const { t } = useTranslation();
  return (id: string, name: string) => {
    const known = DEFAULT_LADDER.find((s) => s.id === id);
    return known && stepName(known) === name ? t(`disputes.steps.${id}`, { defaultValue: name }) : name;
  };
}

/** Escalate (with how the current step ended and why), resolve (how) or withdraw (why): conveners. */
function MoveDialog({ p, d, move, onClose }: { p: PartnershipDetail; d: DisputeDetail; move: Move; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const today = new Date().toISOString().slice(0, 10);
  const schema = move === 'escalate' ? EscalateDisputeBody : move === 'resolve' ? ResolveDisputeBody : WithdrawDisputeBody;
  const form = useForm({
    mode: 'controlled',
    initialValues: { result: '', reason: '', resolution: '', on: today },
    validate: (v) => {
      const body = move === 'escalate' ? { result: v.result, reason: v.reason, on: v.on || undefined } : move === 'resolve' ? { resolution: v.resolution, on: v.on || undefined } : { reason: v.reason, on: v.on || undefined };
      return zodErrors(schema, body, t);
    },
  });
  const save = useSubmit(form.setErrors, fieldsIn('result', 'reason', 'resolution', 'on'), async (v: typeof form.values) => {
    const body = move === 'escalate' ? { result: v.result.trim(), reason: v.reason.trim(), on: v.on || undefined } : move === 'resolve' ? { resolution: v.resolution.trim(), on: v.on || undefined } : { reason: v.reason.trim(), on: v.on || undefined };
    const next = await api.post<DisputeDetail>(`/partnerships/${p.id}/disputes/${d.id}/${move}`, body);
    qc.setQueryData(['partnership', p.id, 'dispute', d.id], next);
    void qc.invalidateQueries({ queryKey: ['partnership', p.id] });
    notifications.show({ color: 'teal', message: t(`disputes.moved.${move}`) });
    onClose();
  });
  const stepLabel = useStepLabel();
  const next = d.nextStep ? stepLabel(d.nextStep.id, d.nextStep.name) : '';
  return (
    <Modal opened onClose={onClose} title={t(`disputes.moveTitle.${move}`, { subject: d.subject })} centered size="lg">
      <form noValidate onSubmit={form.onSubmit(save.submit)}>
        <Stack>
          <Text size="sm">{t(`disputes.moveBody.${move}`, { next })}</Text>
          <ProblemAlert error={save.error} unplaced={save.unplaced} title={t('errors.notSaved')} />
          {move === 'escalate' && <Textarea label={t('disputes.stepResult')} description={t('disputes.stepResultHint')} required autosize minRows={2} data-autofocus {...form.getInputProps('result')} />}
          {move !== 'resolve' && <Textarea label={move === 'escalate' ? t('disputes.escalateReason') : t('disputes.withdrawReason')} required autosize minRows={2} {...form.getInputProps('reason')} />}
          {move === 'resolve' && <Textarea label={t('disputes.resolution')} required autosize minRows={3} data-autofocus {...form.getInputProps('resolution')} />}
          <TextInput type="date" label={t('disputes.onDate')} max={today} maw={240} {...form.getInputProps('on')} />
          <FormActions onCancel={onClose} submitLabel={t(`disputes.action.${move}`)} busy={save.busy} color={move === 'withdraw' ? 'red' : undefined} />
        </Stack>
      </form>
    </Modal>
  );
}

/** A dispute: its parties, what it is about, the ladder as a stepper with dates, results and overdue flags. */
export function DisputeView({ p, d }: { p: PartnershipDetail; d: DisputeDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [move, setMove] = useState<Move | null>(null);
  const stepLabel = useStepLabel();
  const reachedIds = new Set(d.steps.map((s) => s.stepId));
  const closed = d.status === 'resolved' || d.status === 'withdrawn';
  const upcoming = d.ladder.filter((l) => !reachedIds.has(l.id));
  const current = d.steps.length - 1;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/partnerships/${p.id}/disputes`} size="sm">
        <Group gap={4} wrap="nowrap" component="span">
          <IconArrowLeft size={14} aria-hidden />
          {t('disputes.backToList')}
        </Group>
      </Anchor>
      <Card>
        <Stack gap="sm">
          <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
            <div style={{ flex: '1 1 320px', minWidth: 0 }}>
              <Text size="sm" c="gray.7" fw={600}>
                {t('disputes.number', { number: d.number })}
              </Text>
              <Title order={2} fz={{ base: 20, sm: 24 }} style={{ overflowWrap: 'anywhere' }}>
                {d.subject}
              </Title>
            </div>
            <Group gap="xs">
              {d.allowedActions.includes('escalate') && (
                <Button leftSection={<IconStairsUp size={16} aria-hidden />} onClick={() => setMove('escalate')}>
                  {t('disputes.action.escalate')}
                </Button>
              )}
              {d.allowedActions.includes('resolve') && (
                <Button variant="light" leftSection={<IconCircleCheck size={16} aria-hidden />} onClick={() => setMove('resolve')}>
                  {t('disputes.action.resolve')}
                </Button>
              )}
              {d.allowedActions.includes('withdraw') && (
                <Button variant="default" c="#a51d1d" leftSection={<IconArrowBackUp size={16} aria-hidden />} onClick={() => setMove('withdraw')}>
                  {t('disputes.action.withdraw')}
                </Button>
              )}
            </Group>
          </Group>
          <Group gap="xs">
            <DisputeStatusBadge status={d.status} />
            {d.overdue && <OverdueFlag label={t('disputes.overdueSince', { date: f.date(d.dueOn) })} />}
          </Group>
          <Text size="sm">
            <Text span fw={600} size="sm">
              {t('disputes.parties')}:
            </Text>{' '}
            {d.parties.map((x, i) => (
              <span key={x.organisationId}>
                {i > 0 && ' · '}
                <Anchor component={Link} to={`/organisations/${x.organisationId}`} size="sm" underline="always">
                  {x.organisationName}
                </Anchor>
              </span>
            ))}
          </Text>
          <Text size="sm" c="gray.7">
            {t('disputes.raisedBy', { who: d.raisedByName ?? t('common.system'), date: f.date(d.openedOn) })}
            {d.decisionId && (
              <>
                {' · '}
                <Anchor component={Link} to={`/partnerships/${p.id}/decisions/${d.decisionId}`} size="sm" underline="always">
                  {t('disputes.aboutDecision')}
                </Anchor>
              </>
            )}
          </Text>
          {d.description && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {d.description}
            </Text>
          )}
        </Stack>
      </Card>

      {closed && (
        <Card>
          <Stack gap="xs">
            <CardHeading order={3} title={d.status === 'resolved' ? t('disputes.resolvedTitle') : t('disputes.withdrawnTitle')} />
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {d.resolution ?? d.withdrawalReason}
            </Text>
            <Text size="sm" c="gray.7">
              {d.status === 'resolved'
                ? t('disputes.resolvedOn', { date: f.date(d.resolvedOn), days: t('time.days', { count: d.daysToResolution ?? 0 }) })
                : t('disputes.withdrawnOn', { date: f.date(d.withdrawnOn) })}
            </Text>
          </Stack>
        </Card>
      )}

      <Card>
        <Stack gap="md">
          <CardHeading order={3} title={t('disputes.ladderTitle')} intro={t('disputes.ladderIntro')} />
          <Timeline active={closed ? d.steps.length : current} bulletSize={28} lineWidth={2} aria-label={t('disputes.ladderTitle')}>
            {d.steps.map((s, i) => {
              const isCurrent = i === current && !closed;
              return (
                <Timeline.Item
                  key={s.id}
                  bullet={s.endedOn ? <IconCheck size={14} aria-hidden /> : <IconClock size={14} aria-hidden />}
                  title={
                    <Group gap="xs">
                      <Text size="sm" fw={700}>
                        {stepLabel(s.stepId, s.name)}
                      </Text>
                      {isCurrent && (
                        <Text size="xs" fw={700} c="accord.8" aria-current="step">
                          {t('disputes.currentStepLabel')}
                        </Text>
                      )}
                    </Group>
                  }
                >
                  <Stack gap={2}>
                    {s.reason && (
                      <Text size="sm" c="gray.8">
                        {t('disputes.escalatedBecause', { reason: s.reason })}
                      </Text>
                    )}
                    <Text size="xs" c="gray.7">
                      {s.endedOn ? t('disputes.stepDates', { from: f.date(s.startedOn), to: f.date(s.endedOn) }) : t('disputes.stepSince', { from: f.date(s.startedOn) })}
                      {' · '}
                      {t('disputes.daysTaken', { count: s.daysTaken })}
                      {s.days !== null && ` · ${t('disputes.allowance', { count: s.days })}`}
                      {!s.endedOn && s.dueOn && ` · ${t('disputes.dueOn', { date: f.date(s.dueOn) })}`}
                    </Text>
                    {s.overdue && <OverdueFlag label={s.endedOn ? t('disputes.tookTooLong') : t('disputes.overdue')} />}
                    {s.result && (
                      <Text size="sm">
                        <Text span fw={600} size="sm">
                          {t('disputes.stepResultShort')}
                        </Text>{' '}
                        {s.result}
                      </Text>
                    )}
                  </Stack>
                </Timeline.Item>
              );
            })}
            {!closed &&
              upcoming.map((l) => (
                <Timeline.Item
                  key={l.id}
                  bullet={<ThemeIcon size={28} radius="xl" variant="light" color="gray" aria-hidden><IconStairsUp size={14} /></ThemeIcon>}
                  title={
                    <Text size="sm" fw={600} c="gray.7">
                      {stepLabel(l.id, l.name)}
                    </Text>
                  }
                >
                  <Text size="xs" c="gray.7">
                    {l.id === d.nextStep?.id ? `${t('disputes.nextStep')} · ` : ''}
                    {l.days !== null ? t('disputes.allowance', { count: l.days }) : t('charter.stepNoLimit')}
                  </Text>
                </Timeline.Item>
              ))}
          </Timeline>
          {closed && d.daysToResolution !== null && (
            <Text size="sm" c={TEXT_ON_LIGHT.green} fw={600}>
              {t('disputes.resolvedIn', { days: t('time.days', { count: d.daysToResolution }) })}
            </Text>
          )}
        </Stack>
      </Card>
      {move && <MoveDialog p={p} d={d} move={move} onClose={() => setMove(null)} />}
    </Stack>
  );
}
