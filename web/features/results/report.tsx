import { Alert, Anchor, Box, Button, Card, Grid, Group, Modal, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea, ThemeIcon, Timeline, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp, IconCheck, IconDeviceFloppy, IconInfoCircle, IconLock, IconSend } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { IndicatorDetail, SubmissionDetail } from '../../../src/contracts/results';
import { api, ApiError } from '../../lib/api';
import { useFormat } from '../../lib/format';
import { focusFirstError } from '../../lib/problems';
import type { PartnershipDetail } from '../../lib/types';
import { EmptyState, ProblemAlert } from '../../components/page';
import { TEXT_ON_LIGHT } from '../../components/badges';
import { CardHeading, ScrollTable } from '../../components/cards';
import { rKeys, useReportingOrgs } from './api';
import { cellLabel } from './indicator';
import { ReportStateBadge, SUBMISSION_STATUS_META, SubmissionStatusBadge, useValueText } from './meta';
import { isDecimalText, isWholeText, sameDecimal, sumDecimals } from './numbers';

type Cell = Record<string, string>;
interface Values {
  value: string;
  note: string;
  cells: string[];
}

/** The cells the form offers: every value of every dimension on its own ("sex: female"), in the indicator's order. */
function cellDefs(d: IndicatorDetail): { cell: Cell; dim: string }[] {
  return d.dimensions.flatMap((dim) => dim.values.map((v) => ({ cell: { [dim.key]: v }, dim: dim.key })));
}
const sameCell = (a: Cell, b: Cell) => Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[k] === v);

/**
 * A responsible partner's values for one period: the total, one value per dimension value, a note. Numeric
 * measures take digits only (a point for decimals); the API's messages appear next to the fields they name.
 */
function ValuesForm({
  d, initial, busy, error, errors, onSave, canSubmit,
}: {
  d: IndicatorDetail;
  initial: { value: string | null; note: string | null; breakdown: { cell: Cell; value: string | null }[] };
  busy: 'draft' | 'submit' | null;
  error: unknown;
  errors: Record<string, string>;
  canSubmit: boolean;
  onSave: (values: { value: string | null; note: string | null; breakdown: { cell: Cell; value: string }[] }, submit: boolean, cellIndex: number[]) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const defs = useMemo(() => cellDefs(d), [d]);
  // cells reported before over several dimensions at once are kept as they are
  const extra = initial.breakdown.filter((b) => !defs.some((x) => sameCell(x.cell, b.cell)));
  const [v, setV] = useState<Values>(() => ({
    value: initial.value ?? '',
    note: initial.note ?? '',
    cells: defs.map((x) => initial.breakdown.find((b) => sameCell(b.cell, x.cell))?.value ?? ''),
  }));
  // the messages shown: the API's (when they arrive) and the form's own; editing a field clears its message
  const [local, setLocal] = useState<Record<string, string>>({});
  useEffect(() => setLocal(errors), [errors]);
  const clear = (key: string) => setLocal((l) => (key in l ? Object.fromEntries(Object.entries(l).filter(([k]) => k !== key)) : l));
  const numeric = d.measure !== 'qualitative';
  const whole = d.measure === 'nominal' || d.measure === 'ordinal';
  const numberProblem = (s: string) => (!s.trim() ? null : whole ? (isWholeText(s) ? null : t('results.form.wholeOnly')) : isDecimalText(s) ? null : t('results.form.numbersOnly'));
  const shown = local;

  function check(submit: boolean): boolean {
    const e: Record<string, string> = {};
    if (submit && !v.value.trim()) e.value = t('results.form.totalRequired');
    if (numeric) {
      const p = numberProblem(v.value);
      if (p) e.value = p;
      v.cells.forEach((c, i) => {
        const q = numberProblem(c);
        if (q) e[`cells.${i}`] = q;
      });
    }
    setLocal(e);
    if (Object.keys(e).length) focusFirstError();
    return Object.keys(e).length === 0;
  }
  function save(submit: boolean) {
    if (!check(submit)) return;
    const cellIndex: number[] = [];
    const breakdown: { cell: Cell; value: string }[] = [];
    v.cells.forEach((c, i) => {
      if (c.trim()) {
        cellIndex.push(i);
        breakdown.push({ cell: defs[i].cell, value: c.trim() });
      }
    });
    for (const x of extra) if (x.value !== null) breakdown.push({ cell: x.cell, value: x.value });
    onSave({ value: v.value.trim() || null, note: v.note.trim() || null, breakdown }, submit, cellIndex);
  }
  // a summed count: a complete set of cells must add up to the total (the API refuses otherwise)
  const adds = d.measure === 'unit' && d.aggregation === 'sum';
  const dimSum = (key: string) => {
    const idx = defs.map((x, i) => (x.dim === key ? i : -1)).filter((i) => i >= 0);
    const filled = idx.map((i) => v.cells[i].trim());
    if (filled.some((x) => !x) || filled.some((x) => !isDecimalText(x))) return null;
    return sumDecimals(filled);
  };
  const input = (label: string, key: string, value: string, onChange: (s: string) => void, description?: string) =>
    numeric ? (
      <TextInput
        label={label}
        description={description}
        inputMode={whole ? 'numeric' : 'decimal'}
        autoComplete="off"
        value={value}
        onChange={(e) => {
          clear(key);
          onChange(e.currentTarget.value);
        }}
        error={shown[key]}
        maxLength={60}
        rightSection={d.measure === 'percentage' ? <Text size="sm" c="gray.7" aria-hidden>%</Text> : undefined}
      />
    ) : (
      <Textarea label={label} description={description} autosize minRows={2} maxLength={5000} value={value} onChange={(e) => {
          clear(key);
          onChange(e.currentTarget.value);
        }} error={shown[key]} />
    );
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save(false);
      }}
    >
      <Stack gap="md">
        <ProblemAlert error={error} title={t('errors.notSaved')} />
        <Box maw={numeric ? 360 : undefined}>
          {input(
            d.unit && numeric ? t('results.form.totalIn', { unit: d.measure === 'percentage' ? '%' : d.unit }) : t('results.form.total'),
            'value',
            v.value,
            (s) => setV({ ...v, value: s }),
            numeric ? (whole ? t('results.form.wholeHint') : t(`results.form.numberHint.${d.valueKind}`)) : t('results.form.textHint'),
          )}
        </Box>
        {d.dimensions.map((dim) => {
          const sum = adds ? dimSum(dim.key) : null;
          const off = sum !== null && v.value.trim() && isDecimalText(v.value) && !sameDecimal(sum, v.value.trim());
          return (
            <Paper key={dim.key} withBorder p="sm" radius="md" component="fieldset" style={{ margin: 0 }}>
              <Text component="legend" size="sm" fw={600} px={4}>
                {t('results.form.byDimension', { dimension: dim.label ?? dim.key })}
              </Text>
              <SimpleGrid cols={{ base: 1, xs: 2, md: Math.min(4, dim.values.length) }} spacing="sm">
                {dim.values.map((value) => {
                  const i = defs.findIndex((x) => x.dim === dim.key && x.cell[dim.key] === value);
                  return <Box key={value}>{input(value, `cells.${i}`, v.cells[i], (s) => setV({ ...v, cells: v.cells.map((c, j) => (j === i ? s : c)) }))}</Box>;
                })}
              </SimpleGrid>
              {sum !== null && (
                <Text size="xs" mt={6} c={off ? 'red.9' : 'gray.7'} fw={off ? 600 : 400} role={off ? 'status' : undefined}>
                  {off ? t('results.form.sumOff', { sum: f.number(Number(sum)), total: f.number(Number(v.value)) }) : t('results.form.sumOk', { sum: f.number(Number(sum)) })}
                </Text>
              )}
            </Paper>
          );
        })}
        {extra.length > 0 && (
          <Text size="xs" c="gray.7">
            {t('results.form.extraCells', { cells: extra.map((x) => `${cellLabel(x.cell, d.dimensions)} = ${x.value ?? '—'}`).join('; ') })}
          </Text>
        )}
        <Textarea label={t('results.form.note')} description={t('results.form.noteHint')} autosize minRows={2} maxLength={5000} value={v.note} onChange={(e) => {
            clear('note');
            setV({ ...v, note: e.currentTarget.value });
          }} error={shown.note} />
        <Group justify="flex-end" gap="sm">
          <Button type="submit" variant="default" loading={busy === 'draft'} disabled={busy === 'submit'} leftSection={<IconDeviceFloppy size={16} aria-hidden />}>
            {t('results.form.saveDraft')}
          </Button>
          {canSubmit && (
            <Button type="button" loading={busy === 'submit'} disabled={busy === 'draft'} leftSection={<IconSend size={16} aria-hidden />} onClick={() => save(true)}>
              {t('results.form.submit')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}

/** Maps the API's field paths onto the form: `breakdown.3.value` is the fourth cell sent, not the fourth shown. */
function placeErrors(e: unknown, cellIndex: number[]): { placed: Record<string, string>; rest: unknown } {
  if (!(e instanceof ApiError)) return { placed: {}, rest: e };
  const placed: Record<string, string> = {};
  let unplaced = false;
  for (const [field, message] of Object.entries(e.fieldErrors())) {
    const m = /^breakdown\.(\d+)/.exec(field);
    if (field === 'value' || field === 'note') placed[field] = message;
    else if (m && cellIndex[Number(m[1])] !== undefined) placed[`cells.${cellIndex[Number(m[1])]}`] = message;
    else if (field === 'breakdown' && cellIndex.length) placed[`cells.${cellIndex[0]}`] = message;
    else unplaced = true;
  }
  if (Object.keys(placed).length) focusFirstError();
  return { placed, rest: unplaced || Object.keys(placed).length === 0 ? e : null };
}

/** Starting a report: the period and the organisation (one the person reports for), then the values. */
export function NewReport({ p, d }: { p: PartnershipDetail; d: IndicatorDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const mine = useReportingOrgs(p);
  const base = `/partnerships/${p.id}`;
  const partners = d.responsiblePartners.filter((x) => mine.any || mine.orgs.has(x.organisationId));
  const [partnerId, setPartnerId] = useState<string | null>(params.get('partner') ?? partners[0]?.organisationId ?? null);
  const open = d.series.filter((s) => s.reports.some((r) => r.partnerId === partnerId && r.state !== 'upcoming' && r.submissionId === null));
  const [periodKey, setPeriodKey] = useState<string | null>(params.get('period'));
  const period = open.find((s) => s.periodKey === periodKey) ?? open[0];
  const [busy, setBusy] = useState<'draft' | 'submit' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  if (!d.allowedActions.includes('report') || (!mine.loading && partners.length === 0))
    return (
      <Card>
        <EmptyState title={t('results.form.notResponsibleTitle')} description={t('results.form.notResponsibleBody')} action={<Button component={Link} to={`${base}/results/indicators/${d.id}`} variant="default">{t('results.form.backToIndicator')}</Button>} />
      </Card>
    );
  return (
    <Card>
      <Stack gap="md">
        <CardHeading title={t('results.form.newTitle')} intro={t('results.form.newIntro', { title: d.title })} />
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Select label={t('results.partner')} required allowDeselect={false} data={partners.map((x) => ({ value: x.organisationId, label: x.organisationName }))} value={partnerId} onChange={setPartnerId} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Select
              label={t('results.period')}
              required
              allowDeselect={false}
              data={open.map((s) => ({ value: s.periodKey, label: t('results.form.periodOption', { period: s.periodKey, start: f.date(s.start), end: f.date(s.end) }) }))}
              value={period?.periodKey ?? null}
              onChange={setPeriodKey}
              error={errors.periodKey}
              nothingFoundMessage={t('common.nothingFound')}
            />
          </Grid.Col>
        </Grid>
        {period ? (
          <>
            <Text size="sm" c="gray.7">
              {t('results.form.dueHint', { date: f.date(period.dueOn) })}
            </Text>
            <ValuesForm
              key={`${partnerId}:${period.periodKey}`}
              d={d}
              initial={{ value: null, note: null, breakdown: [] }}
              busy={busy}
              error={error}
              errors={errors}
              canSubmit
              onSave={async (values, submit, cellIndex) => {
                setBusy(submit ? 'submit' : 'draft');
                setError(null);
                setErrors({});
                try {
                  const s = await api.post<SubmissionDetail>(`/partnerships/${p.id}/indicators/${d.id}/submissions`, { periodKey: period.periodKey, partnerId, ...values }, { idempotent: true });
                  if (submit) {
                    try {
                      await api.post(`/partnerships/${p.id}/indicator-submissions/${s.id}/submit`, {});
                    } catch (e) {
                      // the draft is saved: carry on from its page, where the problem shows
                      notifications.show({ color: 'red', message: e instanceof Error ? e.message : String(e) });
                    }
                  }
                  await qc.invalidateQueries({ queryKey: rKeys.all(p.id) });
                  notifications.show({ color: 'teal', message: submit ? t('results.form.submitted') : t('results.form.draftSaved') });
                  navigate(`${base}/results/submissions/${s.id}`);
                } catch (e) {
                  const { placed, rest } = placeErrors(e, cellIndex);
                  setErrors(placed);
                  setError(rest);
                } finally {
                  setBusy(null);
                }
              }}
            />
          </>
        ) : (
          <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />}>
            {t('results.form.noOpenPeriod')}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}

/** One submission: its values, where it stands, its history; the form for its partner, the review for the convener. */
export function SubmissionView({ p, s, d }: { p: PartnershipDetail; s: SubmissionDetail; d: IndicatorDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const valueText = useValueText();
  const base = `/partnerships/${p.id}`;
  const editable = s.allowedActions.includes('edit');
  const [busy, setBusy] = useState<'draft' | 'submit' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const refresh = async () => {
    await qc.invalidateQueries({ queryKey: rKeys.all(p.id) });
  };
  return (
    <Stack gap="lg">
      <Card>
        <Stack gap="sm">
          <CardHeading
            title={t('results.submission.title', { period: s.periodKey, partner: s.partnerName })}
            intro={
              <>
                {t('results.submission.of')}{' '}
                <Anchor component={Link} to={`${base}/results/indicators/${s.indicatorId}`} size="sm">
                  {s.indicatorTitle}
                </Anchor>
              </>
            }
            actions={<ReviewButtons p={p} s={s} onDone={refresh} />}
          />
          <Group gap="sm" wrap="wrap">
            <SubmissionStatusBadge status={s.status} size="md" />
            {s.state !== s.status && <ReportStateBadge state={s.state} size="md" />}
            {s.onTime !== null && (
              <Text size="sm" c={s.onTime ? 'green.9' : 'red.9'} fw={600}>
                {s.onTime ? t('results.submission.onTime') : t('results.submission.late')}
              </Text>
            )}
          </Group>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
            <Fact label={t('results.period')} value={t('results.form.periodOption', { period: s.periodKey, start: f.date(s.period.start), end: f.date(s.period.end) })} />
            <Fact label={t('results.dueOn')} value={f.date(s.period.dueOn)} />
            <Fact label={t('results.submission.firstSubmitted')} value={s.firstSubmittedOn ? f.date(s.firstSubmittedOn) : '—'} />
            <Fact label={t('results.submission.reviewed')} value={s.reviewedAt ? f.dateTime(s.reviewedAt) : '—'} />
          </SimpleGrid>
          {s.status === 'returned' && s.reviewComment && (
            <Alert color="orange" variant="light" icon={<IconArrowBackUp aria-hidden />} title={t('results.submission.returnedTitle')}>
              {s.reviewComment}
            </Alert>
          )}
          {s.locked && (
            <Alert color="green" variant="light" icon={<IconLock aria-hidden />} title={t('results.submission.lockedTitle')}>
              {t('results.submission.lockedBody')}
            </Alert>
          )}
          {s.status === 'submitted' && !s.allowedActions.includes('approve') && (
            <Text size="sm" c="gray.7">
              {t('results.submission.waiting')}
            </Text>
          )}
        </Stack>
      </Card>

      {editable ? (
        <Card>
          <Stack gap="md">
            <CardHeading title={t('results.form.valuesTitle')} intro={s.status === 'returned' ? t('results.form.returnedIntro') : t('results.form.draftIntro')} />
            <ValuesForm
              key={s.updatedAt}
              d={d}
              initial={{ value: s.value, note: s.note, breakdown: s.breakdown }}
              busy={busy}
              error={error}
              errors={errors}
              canSubmit={s.allowedActions.includes('submit')}
              onSave={async (values, submit, cellIndex) => {
                setBusy(submit ? 'submit' : 'draft');
                setError(null);
                setErrors({});
                try {
                  await api.patch(`/partnerships/${p.id}/indicator-submissions/${s.id}`, values);
                  if (submit) await api.post(`/partnerships/${p.id}/indicator-submissions/${s.id}/submit`, {});
                  notifications.show({ color: 'teal', message: submit ? t('results.form.submitted') : t('results.form.draftSaved') });
                  await refresh();
                } catch (e) {
                  const { placed, rest } = placeErrors(e, cellIndex);
                  setErrors(placed);
                  setError(rest);
                  await refresh();
                } finally {
                  setBusy(null);
                }
              }}
            />
          </Stack>
        </Card>
      ) : (
        <Card>
          <Stack gap="sm">
            <Title order={2} fz="lg">
              {t('results.form.valuesTitle')}
            </Title>
            <Text fz={24} fw={700}>
              {valueText(s.value, d.measure, d.unit)}
            </Text>
            {s.breakdown.length > 0 && (
              <ScrollTable minWidth={260} label={t('results.submission.breakdownCaption')}>
                <Table verticalSpacing={4} fz="sm" withTableBorder maw={520}>
                  <Table.Caption>{t('results.submission.breakdownCaption')}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('results.breakdown.cell')}</Table.Th>
                      <Table.Th ta="right">{t('results.breakdown.value')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {s.breakdown.map((c) => (
                      <Table.Tr key={c.cellKey}>
                        <Table.Td>{cellLabel(c.cell, d.dimensions)}</Table.Td>
                        <Table.Td ta="right">{valueText(c.value, d.measure, d.unit)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollTable>
            )}
            {s.note && (
              <Text size="sm">
                <Text span fw={600} size="sm">
                  {t('results.form.note')}:
                </Text>{' '}
                {s.note}
              </Text>
            )}
          </Stack>
        </Card>
      )}

      <Card>
        <Stack gap="sm">
          <Title order={2} fz="lg">
            {t('results.submission.history')}
          </Title>
          <Timeline bulletSize={26} lineWidth={2} active={s.history.length}>
            {s.history.map((h, i) => {
              const m = SUBMISSION_STATUS_META[h.to] ?? SUBMISSION_STATUS_META.draft;
              return (
                <Timeline.Item
                  key={i}
                  bullet={
                    <ThemeIcon size={26} radius="xl" variant="light" color={m.color} aria-hidden>
                      <m.icon size={14} />
                    </ThemeIcon>
                  }
                  title={
                    <Text size="sm" fw={600}>
                      {t(`results.history.${h.action}`, { defaultValue: h.action })}
                    </Text>
                  }
                >
                  <Text size="xs" c="gray.7">
                    {h.actorName ?? t('common.system')} · {f.dateTime(h.at)}
                  </Text>
                  {h.comment && <Text size="sm">{t('common.quoted', { text: h.comment })}</Text>}
                </Timeline.Item>
              );
            })}
          </Timeline>
        </Stack>
      </Card>
    </Stack>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="gray.7" fw={600}>
        {label}
      </Text>
      <Text size="sm">{value}</Text>
    </div>
  );
}

/** The convener's review: approve (locks the values for good) or return with what to correct. */
export function ReviewButtons({ p, s, onDone, size = 'sm' }: { p: PartnershipDetail; s: Pick<SubmissionDetail, 'id' | 'periodKey' | 'partnerName' | 'indicatorTitle' | 'status'> & { allowedActions?: SubmissionDetail['allowedActions'] }; onDone: () => Promise<void> | void; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  const [returning, setReturning] = useState(false);
  const [approving, setApproving] = useState(false);
  const [busy, setBusy] = useState(false);
  const allowed = s.allowedActions ?? [];
  if (!allowed.includes('approve') && !allowed.includes('return')) return null;
  const what = { indicator: s.indicatorTitle, period: s.periodKey, partner: s.partnerName };
  return (
    <Group gap="xs" wrap="nowrap">
      {allowed.includes('return') && (
        <Button size={size} variant="default" leftSection={<IconArrowBackUp size={16} aria-hidden />} onClick={() => setReturning(true)} aria-label={t('results.review.returnAria', what)}>
          {t('results.review.return')}
        </Button>
      )}
      {allowed.includes('approve') && (
        <Button size={size} color={TEXT_ON_LIGHT.green} leftSection={<IconCheck size={16} aria-hidden />} onClick={() => setApproving(true)} aria-label={t('results.review.approveAria', what)}>
          {t('results.review.approve')}
        </Button>
      )}
      {approving && (
        <Modal opened onClose={() => setApproving(false)} title={t('results.review.approveTitle')}>
          <Stack gap="md">
            <Text size="sm">{t('results.review.approveBody', what)}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setApproving(false)} data-autofocus>
                {t('common.cancel')}
              </Button>
              <Button
                color={TEXT_ON_LIGHT.green}
                loading={busy}
                leftSection={<IconLock size={16} aria-hidden />}
                onClick={async () => {
                  setBusy(true);
                  try {
                    await api.post(`/partnerships/${p.id}/indicator-submissions/${s.id}/approve`, {});
                    notifications.show({ color: 'teal', message: t('results.review.approved', what) });
                    setApproving(false);
                  } catch (e) {
                    notifications.show({ color: 'red', message: e instanceof Error ? e.message : String(e) });
                  } finally {
                    setBusy(false);
                  }
                  await onDone();
                }}
              >
                {t('results.review.approve')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
      {returning && <ReturnDialog p={p} id={s.id} what={what} onClose={() => setReturning(false)} onDone={onDone} />}
    </Group>
  );
}

function ReturnDialog({ p, id, what, onClose, onDone }: { p: PartnershipDetail; id: string; what: Record<string, string>; onClose: () => void; onDone: () => Promise<void> | void }) {
  const { t } = useTranslation();
  const [comment, setComment] = useState('');
  const [err, setErr] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Modal opened onClose={onClose} title={t('results.review.returnTitle')}>
      <form
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          if (!comment.trim()) {
            setErr(t('results.review.commentRequired'));
            focusFirstError();
            return;
          }
          setBusy(true);
          setError(null);
          try {
            await api.post(`/partnerships/${p.id}/indicator-submissions/${id}/return`, { comment: comment.trim() });
            notifications.show({ color: 'teal', message: t('results.review.returned', what) });
            onClose();
            await onDone();
          } catch (x) {
            const fe = x instanceof ApiError ? x.fieldErrors() : {};
            if (fe.comment) setErr(fe.comment);
            else setError(x);
          } finally {
            setBusy(false);
          }
        }}
      >
        <Stack gap="md">
          <Text size="sm">{t('results.review.returnBody', what)}</Text>
          <ProblemAlert error={error} />
          <Textarea label={t('results.review.comment')} description={t('results.review.commentHint')} required autosize minRows={3} maxLength={5000} value={comment} onChange={(e) => setComment(e.currentTarget.value)} error={err} data-autofocus />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy} leftSection={<IconArrowBackUp size={16} aria-hidden />}>
              {t('results.review.return')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
