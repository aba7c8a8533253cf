import { Alert, Button, Card, FileInput, Group, Progress, Radio, Select, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconDownload, IconFileSpreadsheet, IconFileUpload, IconInfoCircle, IconTableExport } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CardHeading, ScrollTable } from '../../components/cards';
import { PageError, PageLoader, ProblemAlert } from '../../components/page';
import { API_BASE, ApiError } from '../../lib/api';
import { useFormat } from '../../lib/format';
import { SESSION_KEY } from '../../lib/session';
import type { PartnershipDetail, SessionResponse } from '../../lib/types';
import { useImportKinds, type ImportKind, type ImportProblem, type ImportReport } from './api';
import { followImport, newUuid, uploadFile, type ImportProgress } from './upload';

/** Sending the file, then the server's own steps (null until the first one is heard). */
type Phase = { step: 'idle' } | { step: 'sending'; sent: number; total: number } | { step: 'server'; progress: ImportProgress | null; dryRun: boolean };
type Outcome = { report: ImportReport } | { error: unknown } | null;

/** The decimal separator people of this language usually write. */
const localDecimal = (locale: string) => (new Intl.NumberFormat(locale).formatToParts(1.5).find((x) => x.type === 'decimal')?.value === ',' ? ',' : '.');

/** Import a CSV or XLSX file (check first, then write), and download the partnership's lists. */
export function ImportsView({ p }: { p: PartnershipDetail }) {
  const q = useImportKinds(p.id);
  if (q.isLoading) return <PageLoader />;
  if (q.error) return <PageError error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <Stack gap="lg">
      <ImportCard p={p} kinds={q.data!.items} />
      <ExportsCard p={p} lists={q.data!.exports} />
    </Stack>
  );
}

function kindTitle(t: (k: string, o?: Record<string, unknown>) => string, k: ImportKind) {
  return t(`accountability.imports.kinds.${k.kind}`, { defaultValue: k.title });
}

function ImportCard({ p, kinds }: { p: PartnershipDetail; kinds: ImportKind[] }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const allowed = kinds.filter((k) => k.allowed);
  const [kind, setKind] = useState<string | null>(allowed[0]?.kind ?? null);
  const [file, setFile] = useState<File | null>(null);
  const [decimal, setDecimal] = useState<'.' | ','>(localDecimal(f.locale));
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  /**
   * The Idempotency-Key of the chosen file: made when a file is chosen, and kept while the answer to sending it
   * is a success or unknown (a network error, a timeout, a cancel), so sending the same file again imports it
   * once. A refusal wrote nothing: the next try gets a new key, so it is not answered with the old refusal.
   */
  const fileKey = useRef<string>(newUuid());
  useEffect(() => () => abort.current?.abort(), []);
  const current = kinds.find((k) => k.kind === kind) ?? null;
  const busy = phase.step !== 'idle';

  if (allowed.length === 0)
    return (
      <Card>
        <Stack gap="md">
          <CardHeading title={t('accountability.imports.title')} intro={t('accountability.imports.intro')} />
          <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />}>
            <Text size="sm">{t('accountability.imports.notAllowed', { kinds: kinds.map((k) => kindTitle(t, k)).join(', ') })}</Text>
          </Alert>
        </Stack>
      </Card>
    );

  const run = async (dryRun: boolean) => {
    if (!file) {
      setFileError(t('accountability.imports.chooseFile'));
      return;
    }
    if (!kind) return;
    setOutcome(null);
    setPhase({ step: 'sending', sent: 0, total: file.size });
    abort.current = new AbortController();
    const following = new AbortController();
    const token = newUuid();
    const session = qc.getQueryData<SessionResponse>(SESSION_KEY);
    try {
      const { body } = await uploadFile<ImportReport>(`/partnerships/${p.id}/imports/${kind}?decimal=${encodeURIComponent(decimal)}&dryRun=${dryRun}`, file, {
        csrfToken: session?.csrfToken ?? null,
        language: i18n.language,
        signal: abort.current.signal,
        // a dry run writes nothing and is always run afresh; an import keeps the file's key (one per kind and separator, which change the request)
        idempotencyKey: dryRun ? null : `${fileKey.current}-${kind}-${decimal === '.' ? 'point' : 'comma'}`,
        progressToken: token,
        onProgress: (sent, total) => setPhase({ step: 'sending', sent, total: total || file.size }),
        onSent: () => {
          setPhase({ step: 'server', progress: null, dryRun });
          void followImport(p.id, token, (progress) => setPhase({ step: 'server', progress, dryRun }), following.signal);
        },
      });
      setOutcome({ report: body });
      if (!dryRun) void qc.invalidateQueries({ queryKey: ['partnership', p.id] });
    } catch (e) {
      if ((e as Error).name !== 'AbortError') setOutcome({ error: e });
      if (e instanceof ApiError && e.status >= 400 && e.status < 500 && e.status !== 409) fileKey.current = newUuid();
    } finally {
      following.abort();
      setPhase({ step: 'idle' });
      abort.current = null;
    }
  };

  return (
    <Card>
      <Stack gap="md">
        <CardHeading title={t('accountability.imports.title')} intro={t('accountability.imports.intro')} />
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void run(true);
          }}
        >
          <Stack gap="md">
            <Group align="flex-end" gap="md" wrap="wrap">
              <Select
                label={t('accountability.imports.kind')}
                description={t('accountability.imports.kindHint')}
                data={kinds.map((k) => ({ value: k.kind, label: kindTitle(t, k), disabled: !k.allowed }))}
                value={kind}
                allowDeselect={false}
                onChange={(v) => {
                  setKind(v);
                  setOutcome(null);
                }}
                disabled={busy}
                style={{ flex: '1 1 260px' }}
              />
              {kind && (
                <Group gap="xs">
                  <Button component="a" href={`${API_BASE}/partnerships/${p.id}/imports/${kind}/template?format=csv`} download variant="default" leftSection={<IconDownload size={16} aria-hidden />}>
                    {t('accountability.imports.templateCsv')}
                  </Button>
                  <Button component="a" href={`${API_BASE}/partnerships/${p.id}/imports/${kind}/template?format=xlsx`} download variant="default" leftSection={<IconDownload size={16} aria-hidden />}>
                    {t('accountability.imports.templateXlsx')}
                  </Button>
                </Group>
              )}
            </Group>
            {current && <Columns kind={current} />}
            <FileInput
              label={t('accountability.imports.file')}
              description={t('accountability.imports.fileHint')}
              accept=".csv,.tsv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
              value={file}
              onChange={(v) => {
                setFile(v);
                fileKey.current = newUuid(); // another file: another import
                setFileError(null);
                setOutcome(null);
              }}
              clearable
              clearButtonProps={{ 'aria-label': t('accountability.imports.clearFile') }}
              error={fileError}
              disabled={busy}
              required
            />
            <Radio.Group label={t('accountability.imports.decimal')} description={t('accountability.imports.decimalHint')} value={decimal} onChange={(v) => setDecimal(v as '.' | ',')}>
              <Group gap="lg" mt={6}>
                <Radio value="." label={t('accountability.imports.decimalPoint')} disabled={busy} />
                <Radio value="," label={t('accountability.imports.decimalComma')} disabled={busy} />
              </Group>
            </Radio.Group>
            <Group justify="flex-end" gap="sm">
              {busy && (
                <Button variant="default" onClick={() => abort.current?.abort()}>
                  {t('common.cancel')}
                </Button>
              )}
              <Button type="submit" variant="default" leftSection={<IconCircleCheck size={16} aria-hidden />} disabled={busy}>
                {t('accountability.imports.check')}
              </Button>
              <Button leftSection={<IconFileUpload size={16} aria-hidden />} disabled={busy} onClick={() => void run(false)}>
                {t('accountability.imports.import')}
              </Button>
            </Group>
          </Stack>
        </form>
        <UploadProgress phase={phase} />
        {outcome && 'report' in outcome && <ReportView report={outcome.report} />}
        {outcome && 'error' in outcome && <RejectedView error={outcome.error} />}
      </Stack>
    </Card>
  );
}

function Columns({ kind }: { kind: ImportKind }) {
  const { t } = useTranslation();
  return (
    <ScrollTable minWidth={520} label={t('accountability.imports.columns')}>
      <Table verticalSpacing={4} fz="sm" withTableBorder>
        <Table.Caption>{t('accountability.imports.columnsCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('accountability.imports.column')}</Table.Th>
            <Table.Th>{t('accountability.imports.required')}</Table.Th>
            <Table.Th>{t('accountability.imports.meaning')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {kind.columns.map((c) => (
            <Table.Tr key={c.key}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {c.label}
                </Text>
                {c.aliases.length > 0 && (
                  <Text size="xs" c="gray.7">
                    {t('accountability.imports.aliases', { aliases: c.aliases.slice(0, 4).join(', ') })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{c.required ? t('accountability.imports.requiredYes') : t('accountability.imports.requiredNo')}</Table.Td>
              <Table.Td>{c.description ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

/**
 * How far the import is: the upload (bytes sent), then the server's steps as it tells them (reading the file,
 * checking row n of N, writing row n of N), polled by `followImport`.
 */
function UploadProgress({ phase }: { phase: Phase }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (phase.step === 'idle') return null;
  const part = (done: number, total: number) => (total ? Math.min(100, Math.round((done / total) * 100)) : 100);
  let percent = 100;
  let waiting = false;
  let label: string;
  // what a screen reader announces: the stage only, not every count (those are in the bar and the text)
  let stage = t('accountability.imports.checking');
  if (phase.step === 'sending') {
    percent = phase.total ? part(phase.sent, phase.total) : 0;
    label = t('accountability.imports.sending', { percent: f.number(percent), sent: kb(phase.sent, f.number), total: kb(phase.total, f.number) });
    stage = t('accountability.imports.sendingStage');
  } else {
    const at = phase.progress;
    const rows = at ? { row: f.number(at.done), total: f.number(at.total) } : {};
    if (!at || at.phase === 'reading') {
      waiting = true;
      label = at ? t('accountability.imports.reading') : t('accountability.imports.checking');
    } else if (at.phase === 'checking') {
      percent = part(at.done, at.total);
      label = t('accountability.imports.checkingRow', rows);
    } else if (at.phase === 'writing') {
      percent = part(at.done, at.total);
      label = t(phase.dryRun ? 'accountability.imports.tryingRow' : 'accountability.imports.writingRow', rows);
      stage = t(phase.dryRun ? 'accountability.imports.tryingStage' : 'accountability.imports.writingStage');
    } else {
      label = t('accountability.imports.finishing');
    }
  }
  return (
    <Stack gap={4}>
      <Progress value={percent} animated={waiting} striped={waiting} size="lg" aria-label={t('accountability.imports.progress')} />
      <Text size="sm">{label}</Text>
      <VisuallyHidden aria-live="polite">{stage}</VisuallyHidden>
    </Stack>
  );
}

const kb = (bytes: number, n: (x: number) => string) => `${n(Math.max(1, Math.round(bytes / 1024)))} KB`;

function ReportView({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const f = useFormat();
  const counts = [
    ['rows', report.rows],
    ['created', report.created],
    ['updated', report.updated],
    ['unchanged', report.unchanged],
  ] as const;
  return (
    <Alert color={report.dryRun ? 'blue' : 'green'} variant="light" icon={<IconCircleCheck aria-hidden />} title={report.dryRun ? t('accountability.imports.dryRunTitle') : t('accountability.imports.doneTitle')} role="status">
      <Stack gap="xs">
        <Text size="sm">{report.dryRun ? t('accountability.imports.dryRunBody') : t('accountability.imports.doneBody')}</Text>
        <Group gap="md">
          {counts.map(([k, n]) => (
            <Text key={k} size="sm">
              <b>{f.number(n)}</b> {t(`accountability.imports.counts.${k}`, { count: n })}
            </Text>
          ))}
        </Group>
        {report.columns.length > 0 && (
          <Text size="xs" c="gray.7">
            {t('accountability.imports.readAs', { columns: report.columns.map((c) => (c.header === c.column ? c.header : `${c.header} → ${c.column}`)).join(', ') })}
          </Text>
        )}
      </Stack>
    </Alert>
  );
}

/** A file with bad rows: nothing was written; every problem with its line, column and reason. */
function RejectedView({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const f = useFormat();
  const problem = error instanceof ApiError && error.status === 422 ? (error.problem as ImportProblem | null) : null;
  const errors = problem?.errors ?? [];
  if (!problem || errors.length === 0) return <ProblemAlert error={error} title={t('accountability.imports.failedTitle')} />;
  const total = problem.errorCount ?? errors.length;
  return (
    <Stack gap="sm">
      <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('accountability.imports.rejectedTitle')} role="alert">
        <Text size="sm">{t('accountability.imports.rejectedBody', { count: total, rows: f.number(problem.rowsWithErrors ?? 0) })}</Text>
        {total > errors.length && (
          <Text size="sm" mt={4}>
            {t('accountability.imports.firstShown', { shown: f.number(errors.length), total: f.number(total) })}
          </Text>
        )}
      </Alert>
      <ScrollTable minWidth={560} label={t('accountability.imports.problems')}>
        <Table verticalSpacing={6} fz="sm" striped>
          <Table.Caption>{t('accountability.imports.problems')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={80}>{t('accountability.imports.line')}</Table.Th>
              <Table.Th w={160}>{t('accountability.imports.column')}</Table.Th>
              <Table.Th>{t('accountability.imports.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {errors.map((e, i) => (
              <Table.Tr key={`${e.field}-${i}`}>
                <Table.Td>{e.line ?? '—'}</Table.Td>
                <Table.Td>{e.column ?? (e.line ? t('accountability.imports.wholeRow') : t('accountability.imports.wholeFile'))}</Table.Td>
                <Table.Td>{e.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Stack>
  );
}

const KNOWN_LISTS = ['members', 'people', 'decisions', 'disputes', 'audit-events', 'exchange-rates', 'commitments', 'deliveries', 'transactions', 'balances', 'risks', 'indicators', 'submissions', 'indicator-submissions'];

function ExportsCard({ p, lists }: { p: PartnershipDetail; lists: string[] }) {
  const { t } = useTranslation();
  const name = (l: string) => (KNOWN_LISTS.includes(l) ? t(`accountability.exports.lists.${l}`) : l.replace(/-/g, ' '));
  return (
    <Card>
      <Stack gap="md">
        <CardHeading title={t('accountability.exports.title')} intro={t('accountability.exports.intro')} />
        <ScrollTable minWidth={420} label={t('accountability.exports.title')}>
          <Table verticalSpacing={6} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('accountability.exports.list')}</Table.Th>
                <Table.Th ta="right">{t('accountability.exports.download')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...lists].sort((a, b) => name(a).localeCompare(name(b))).map((l) => (
                <Table.Tr key={l}>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <IconTableExport size={16} aria-hidden />
                      <Text size="sm" fw={600}>
                        {name(l)}
                      </Text>
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6} justify="flex-end" wrap="nowrap">
                      {(['csv', 'xlsx'] as const).map((fmt) => (
                        <Button
                          key={fmt}
                          component="a"
                          href={`${API_BASE}/partnerships/${p.id}/exports/${l}?format=${fmt}`}
                          download
                          size="compact-sm"
                          variant="default"
                          leftSection={<IconDownload size={14} aria-hidden />}
                          aria-label={t('accountability.exports.downloadAs', { list: name(l), format: fmt.toUpperCase() })}
                        >
                          {fmt.toUpperCase()}
                        </Button>
                      ))}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      </Stack>
    </Card>
  );
}
