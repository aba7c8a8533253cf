import { ActionIcon, Anchor, Badge, Box, Button, Card, Grid, Group, Menu, Modal, Paper, SegmentedControl, Select, Stack, Text, TextInput, Textarea, Tooltip } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconChartLine, IconDots, IconHierarchy2, IconPencil, IconPlus, IconScale, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CreateResultBody, UpdateResultBody, type ResultsTree } from '../../../src/contracts/results';
import { api } from '../../lib/api';
import { useFormat } from '../../lib/format';
import { fieldsIn, useSubmit } from '../../lib/submit';
import type { PartnershipDetail } from '../../lib/types';
import { useUrlState } from '../../lib/url-state';
import { orNull, zodErrors } from '../../lib/zod-form';
import { EmptyState, PageError, PageLoader, ProblemAlert } from '../../components/page';
import { FormActions } from '../../components/section';
import { ConfirmButton } from '../../components/confirm';
import { CardHeading } from '../../components/cards';
import { rKeys, useResultsTree } from './api';
import { ChangeFigure, LevelBadge, ProgressMeter, ResultsSubnav, useValueText } from './meta';
import { approx } from './numbers';

type Node = ResultsTree['nodes'][number];
type IndicatorRow = ResultsTree['indicators'][number];
type Level = 'goal' | 'outcome' | 'output';
const CHILD_LEVEL: Record<Level, Level | null> = { goal: 'outcome', outcome: 'output', output: null };

/** Shares of a family's weights for display ("3 of 4"), from the exact weights as floats. */
function weightShare(weight: string | null, siblings: (string | null)[]): number | null {
  if (weight === null) return null;
  const total = siblings.reduce((a, w) => a + (approx(w) ?? 0), 0);
  const w = approx(weight);
  return w !== null && total > 0 ? Math.round((w / total) * 100) : null;
}

/** The results framework: goals, outcomes and outputs with their indicators, progress rolled up the tree. */
export function ResultsTreeView({ p }: { p: PartnershipDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { params, set } = useUrlState();
  const missing = params.get('missing') === 'zero' ? 'zero' : 'skip';
  const q = useResultsTree(p.id, missing);
  const [dialog, setDialog] = useState<NodeDialogState | null>(null);
  const [weights, setWeights] = useState<{ parentId: string | null } | null>(null);
  const base = `/partnerships/${p.id}`;
  const data = q.data;
  const canManage = !!data?.allowedActions.includes('manage');

  const children = useMemo(() => {
    const m = new Map<string | null, Node[]>();
    for (const n of data?.nodes ?? []) m.set(n.parentId, [...(m.get(n.parentId) ?? []), n]);
    for (const list of m.values()) list.sort((a, b) => a.position - b.position);
    return m;
  }, [data]);
  const indicatorsOf = useMemo(() => {
    const m = new Map<string, IndicatorRow[]>();
    for (const i of data?.indicators ?? []) m.set(i.nodeId, [...(m.get(i.nodeId) ?? []), i]);
    return m;
  }, [data]);

  if (q.isLoading) return <PageLoader />;
  if (q.error || !data) return <PageError error={q.error} onRetry={() => void q.refetch()} />;
  const goals = children.get(null) ?? [];
  const count = (l: Level) => data.nodes.filter((n) => n.level === l).length;

  return (
    <Stack gap="lg">
      <Card>
        <Stack gap="md">
          <CardHeading
            title={t('results.title')}
            intro={t('results.intro')}
            actions={
              canManage && (
                <>
                  {goals.length > 1 && (
                    <Button variant="default" leftSection={<IconScale size={16} aria-hidden />} onClick={() => setWeights({ parentId: null })}>
                      {t('results.weights.goals')}
                    </Button>
                  )}
                  <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setDialog({ mode: 'create', level: 'goal', parentId: null })}>
                    {t('results.addGoal')}
                  </Button>
                </>
              )
            }
          />
          {goals.length > 0 && (
            <Grid gap="sm">
              <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>
                <Paper withBorder p="sm" radius="md" h="100%">
                  <Text size="xs" c="gray.7" fw={600}>
                    {t('results.overall')}
                  </Text>
                  <Box mt={6}>
                    <ProgressMeter percent={data.overall.percent} label={t('results.overall')} size="lg" coverage={data.overall.coverage} />
                  </Box>
                  <Text size="xs" c="gray.7" mt={4}>
                    {t(`results.method.${data.overall.method}`)}
                  </Text>
                </Paper>
              </Grid.Col>
              <Grid.Col span={{ base: 4, sm: 2, lg: 3 }}>
                <Figure label={t('results.counts.goals')} value={f.number(count('goal'))} />
              </Grid.Col>
              <Grid.Col span={{ base: 4, sm: 2, lg: 3 }}>
                <Figure label={t('results.counts.outcomesOutputs')} value={`${f.number(count('outcome'))} · ${f.number(count('output'))}`} />
              </Grid.Col>
              <Grid.Col span={{ base: 4, sm: 2, lg: 3 }}>
                <Figure label={t('results.counts.indicators')} value={f.number(data.indicators.length)} />
              </Grid.Col>
            </Grid>
          )}
          {goals.length > 0 && (
            <Group gap="sm" wrap="wrap" align="center">
              <Text size="sm" fw={600} id="missing-label">
                {t('results.missingLabel')}
              </Text>
              <SegmentedControl
                size="xs"
                aria-labelledby="missing-label"
                value={missing}
                onChange={(v) => set('missing', v === 'zero' ? 'zero' : null)}
                data={[
                  { value: 'skip', label: t('results.missing.skip') },
                  { value: 'zero', label: t('results.missing.zero') },
                ]}
              />
              <Text size="xs" c="gray.7" style={{ flex: '1 1 240px' }}>
                {t(`results.missingHint.${missing}`)}
              </Text>
            </Group>
          )}
        </Stack>
      </Card>

      {goals.length === 0 ? (
        <Card>
          <EmptyState
            icon={IconHierarchy2}
            title={t('results.emptyTitle')}
            description={canManage ? t('results.emptyManage') : t('results.emptyRead')}
            action={
              canManage && (
                <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setDialog({ mode: 'create', level: 'goal', parentId: null })}>
                  {t('results.addGoal')}
                </Button>
              )
            }
          />
        </Card>
      ) : (
        <Stack gap="md" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={t('results.treeLabel')}>
          {goals.map((g) => (
            <NodeItem
              key={g.id}
              node={g}
              siblings={goals}
              depth={0}
              childrenOf={children}
              indicatorsOf={indicatorsOf}
              base={base}
              canManage={canManage}
              onDialog={setDialog}
              onWeights={(parentId) => setWeights({ parentId })}
              p={p}
            />
          ))}
        </Stack>
      )}
      {dialog && <NodeDialog p={p} state={dialog} nodes={data.nodes} onClose={() => setDialog(null)} />}
      {weights && <WeightsDialog p={p} parentId={weights.parentId} data={data} onClose={() => setWeights(null)} />}
    </Stack>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="sm" radius="md" h="100%">
      <Text size="xs" c="gray.7" fw={600}>
        {label}
      </Text>
      <Text fz={22} fw={700} lh={1.3}>
        {value}
      </Text>
    </Paper>
  );
}

function WeightBadge({ weight, share }: { weight: string | null; share: number | null }) {
  const { t } = useTranslation();
  if (weight === null) return null;
  return (
    <Badge variant="default" size="sm" styles={{ root: { textTransform: 'none', fontWeight: 600 } }}>
      {share !== null ? t('results.weightShare', { weight, share }) : t('results.weight', { weight })}
    </Badge>
  );
}

function NodeItem({
  node, siblings, depth, childrenOf, indicatorsOf, base, canManage, onDialog, onWeights, p,
}: {
  node: Node;
  siblings: Node[];
  depth: number;
  childrenOf: Map<string | null, Node[]>;
  indicatorsOf: Map<string, IndicatorRow[]>;
  base: string;
  canManage: boolean;
  onDialog: (s: NodeDialogState) => void;
  onWeights: (parentId: string) => void;
  p: PartnershipDetail;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const kids = childrenOf.get(node.id) ?? [];
  const inds = indicatorsOf.get(node.id) ?? [];
  const childLevel = CHILD_LEVEL[node.level];
  const family = [...kids.map((k) => k.weight), ...inds.map((i) => i.weight)];
  const empty = kids.length === 0 && inds.length === 0;
  const pr = node.progress;
  return (
    <Box component="li">
      <Paper withBorder p="md" radius="md" style={{ borderLeft: `4px solid var(--mantine-color-${node.level === 'goal' ? 'violet' : node.level === 'outcome' ? 'blue' : 'teal'}-5)` }}>
        <Stack gap="xs">
          <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
            <Box style={{ minWidth: 0, flex: 1 }}>
              <Group gap={6} mb={4} wrap="wrap">
                <LevelBadge level={node.level} />
                <WeightBadge weight={node.weight} share={weightShare(node.weight, siblings.map((s) => s.weight))} />
              </Group>
              <Text fw={650} fz={depth === 0 ? 'lg' : 'md'} component="h3" m={0} style={{ overflowWrap: 'anywhere' }}>
                {node.title}
              </Text>
              {node.description && (
                <Text size="sm" c="gray.7" style={{ overflowWrap: 'anywhere' }}>
                  {node.description}
                </Text>
              )}
            </Box>
            {canManage && (
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <ActionIcon variant="default" size="lg" aria-label={t('results.actionsFor', { title: node.title })}>
                    <IconDots size={18} aria-hidden />
                  </ActionIcon>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item leftSection={<IconPencil size={16} aria-hidden />} onClick={() => onDialog({ mode: 'edit', node })}>
                    {t('results.editNode')}
                  </Menu.Item>
                  {childLevel && (
                    <Menu.Item leftSection={<IconPlus size={16} aria-hidden />} onClick={() => onDialog({ mode: 'create', level: childLevel, parentId: node.id })}>
                      {t(`results.add.${childLevel}`)}
                    </Menu.Item>
                  )}
                  <Menu.Item component={Link} to={`${base}/results/indicators/new?node=${node.id}`} leftSection={<IconChartLine size={16} aria-hidden />}>
                    {t('results.addIndicator')}
                  </Menu.Item>
                  {family.length > 1 && (
                    <Menu.Item leftSection={<IconScale size={16} aria-hidden />} onClick={() => onWeights(node.id)}>
                      {t('results.weights.edit')}
                    </Menu.Item>
                  )}
                </Menu.Dropdown>
              </Menu>
            )}
          </Group>
          <Group gap="md" wrap="wrap" align="center">
            <Box style={{ flex: '1 1 240px', maxWidth: 420 }}>
              <ProgressMeter percent={pr.percent} label={node.title} coverage={pr.coverage} />
            </Box>
            {pr.percent !== null && (
              <Text size="xs" c="gray.7">
                {t(`results.method.${pr.method}`)}
                {pr.missing.length > 0 && ` · ${t('results.missingCount', { count: pr.missing.length })}`}
              </Text>
            )}
          </Group>
          {inds.length > 0 && (
            <Stack gap={6} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={t('results.indicatorsOf', { title: node.title })}>
              {inds.map((i) => (
                <IndicatorLine key={i.id} i={i} base={base} share={weightShare(i.weight, family)} />
              ))}
            </Stack>
          )}
          {canManage && empty && (
            <Group gap="xs">
              <ConfirmButton
                label={t('results.removeNode')}
                buttonProps={{ leftSection: <IconTrash size={14} aria-hidden />, 'aria-label': t('results.removeNodeAria', { title: node.title }) }}
                title={t('results.removeNodeTitle')}
                message={t('results.removeNodeBody', { title: node.title })}
                confirmLabel={t('results.removeNode')}
                onConfirm={async () => {
                  try {
                    await api.delete(`/partnerships/${p.id}/results/${node.id}`);
                    notifications.show({ color: 'teal', message: t('results.removed', { title: node.title }) });
                  } catch (e) {
                    notifications.show({ color: 'red', message: e instanceof Error ? e.message : String(e) });
                  }
                  await qc.invalidateQueries({ queryKey: rKeys.all(p.id) });
                }}
              />
            </Group>
          )}
        </Stack>
      </Paper>
      {kids.length > 0 && (
        <Stack gap="sm" component="ul" mt="sm" style={{ listStyle: 'none', margin: 0, marginTop: 10, paddingLeft: 'clamp(10px, 3vw, 28px)' }} aria-label={t('results.childrenOf', { title: node.title })}>
          {kids.map((k) => (
            <NodeItem key={k.id} node={k} siblings={kids} depth={depth + 1} childrenOf={childrenOf} indicatorsOf={indicatorsOf} base={base} canManage={canManage} onDialog={onDialog} onWeights={onWeights} p={p} />
          ))}
        </Stack>
      )}
    </Box>
  );
}

/** One indicator under its result: latest value against the target, progress, the change against the baseline. */
function IndicatorLine({ i, base, share }: { i: IndicatorRow; base: string; share: number | null }) {
  const { t } = useTranslation();
  const valueText = useValueText();
  const pr = i.progress;
  return (
    <Paper component="li" bg="gray.0" p="sm" radius="md">
      <Group justify="space-between" gap="sm" wrap="wrap" align="flex-start">
        <Box style={{ flex: '1 1 260px', minWidth: 0 }}>
          <Group gap={6} wrap="nowrap" align="flex-start">
            <IconChartLine size={18} style={{ flex: 'none', marginTop: 2 }} color="var(--mantine-color-gray-7)" aria-hidden />
            <div style={{ minWidth: 0 }}>
              <Anchor component={Link} to={`${base}/results/indicators/${i.id}`} fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
                {i.title}
              </Anchor>
              <Text size="xs" c="gray.7">
                {t('results.indicatorLabel')} · {t(`results.measure.${i.measure}`)} · {t(`results.frequency.${i.frequency}`)}
                {i.weight !== null && ` · ${share !== null ? t('results.weightShare', { weight: i.weight, share }) : t('results.weight', { weight: i.weight })}`}
              </Text>
              <Text size="xs" c="gray.8">
                {pr.latest !== null
                  ? t('results.latestAgainstTarget', { latest: valueText(pr.latest, i.measure, i.unit), target: valueText(pr.target, i.measure, i.unit), period: pr.latestPeriodKey ?? '' })
                  : t(`results.missingReason.${pr.missing ?? 'no_data'}`)}
              </Text>
            </div>
          </Group>
        </Box>
        <Stack gap={2} style={{ flex: '0 1 260px', minWidth: 200 }}>
          <ProgressMeter percent={pr.percent} label={i.title} size="sm" />
          <ChangeFigure change={pr.changePercent} improvement={pr.improvementPercent} size="xs" />
        </Stack>
      </Group>
    </Paper>
  );
}

// ---- creating and changing results ------------------------------------------------------------------

type NodeDialogState = { mode: 'create'; level: Level; parentId: string | null } | { mode: 'edit'; node: Node };
interface NodeValues {
  title: string;
  description: string;
  weight: string;
  parentId: string | null;
  goalId: string | null;
}
const NODE_FIELDS = ['title', 'description', 'weight', 'parentId', 'goalId', 'level'];

function NodeDialog({ p, state, nodes, onClose }: { p: PartnershipDetail; state: NodeDialogState; nodes: Node[]; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const editing = state.mode === 'edit' ? state.node : null;
  const level: Level = editing ? editing.level : (state as { level: Level }).level;
  const parentLevel: Level | null = level === 'output' ? 'outcome' : level === 'outcome' ? 'goal' : null;
  const form = useForm<NodeValues>({
    mode: 'controlled',
    initialValues: {
      title: editing?.title ?? '',
      description: editing?.description ?? '',
      weight: editing?.weight ?? '',
      parentId: editing ? editing.parentId : (state as { parentId: string | null }).parentId,
      goalId: editing?.goalId ?? null,
    },
    validate: (v) => zodErrors(editing ? UpdateResultBody : CreateResultBody, body(v), t),
  });
  function body(v: NodeValues) {
    const common = { title: v.title.trim(), description: orNull(v.description), weight: orNull(v.weight), parentId: parentLevel ? v.parentId : null, goalId: level === 'goal' ? v.goalId : null };
    return editing ? common : { level, ...common };
  }
  const save = useSubmit(form.setErrors, fieldsIn(...NODE_FIELDS), async (v: NodeValues) => {
    if (editing) await api.patch(`/partnerships/${p.id}/results/${editing.id}`, body(v));
    else await api.post(`/partnerships/${p.id}/results`, body(v), { idempotent: true });
    await qc.invalidateQueries({ queryKey: rKeys.all(p.id) });
    notifications.show({ color: 'teal', message: editing ? t('common.saved') : t('results.created', { title: v.title.trim() }) });
    onClose();
  });
  const parents = parentLevel ? nodes.filter((n) => n.level === parentLevel).map((n) => ({ value: n.id, label: n.title })) : [];
  const title = editing ? t(`results.editLevel.${level}`) : t(`results.add.${level}`);
  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <form noValidate onSubmit={form.onSubmit(save.submit)}>
        <Stack gap="md">
          <Text size="sm" c="gray.7">
            {t(`results.levelHint.${level}`)}
          </Text>
          <ProblemAlert error={save.error} unplaced={save.unplaced} title={t('errors.notSaved')} />
          {parentLevel && (
            <Select label={t(`results.parent.${level}`)} required data={parents} allowDeselect={false} searchable {...form.getInputProps('parentId')} nothingFoundMessage={t('common.nothingFound')} />
          )}
          <TextInput label={t('results.fields.title')} required maxLength={300} data-autofocus {...form.getInputProps('title')} />
          <Textarea label={t('results.fields.description')} autosize minRows={2} maxLength={5000} {...form.getInputProps('description')} />
          {level === 'goal' && p.goals.length > 0 && (
            <Select
              label={t('results.fields.goal')}
              description={t('results.fields.goalHint')}
              placeholder={t('common.optional')}
              clearable
              data={p.goals.map((g) => ({ value: g.id, label: g.title }))}
              {...form.getInputProps('goalId')}
            />
          )}
          <TextInput label={t('results.fields.weight')} description={t('results.fields.weightHint')} placeholder={t('common.optional')} maw={260} maxLength={40} {...form.getInputProps('weight')} />
          <FormActions onCancel={onClose} submitLabel={editing ? t('common.saveChanges') : t(`results.add.${level}`)} busy={save.busy} />
        </Stack>
      </form>
    </Modal>
  );
}

/** Sets the weights of one family (the goals, or a result's children and indicators) in one go. */
function WeightsDialog({ p, parentId, data, onClose }: { p: PartnershipDetail; parentId: string | null; data: ResultsTree; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const members = [
    ...data.nodes.filter((n) => n.parentId === parentId).map((n) => ({ id: n.id, title: n.title, weight: n.weight, kind: n.level })),
    ...(parentId ? data.indicators.filter((i) => i.nodeId === parentId).map((i) => ({ id: i.id, title: i.title, weight: i.weight, kind: 'indicator' })) : []),
  ];
  const form = useForm({ mode: 'controlled', initialValues: { weights: members.map((m) => ({ id: m.id, weight: m.weight ?? '' })) } });
  const save = useSubmit(form.setErrors, (f) => /^weights\.\d+\.weight$/.test(f), async (v: typeof form.values) => {
    await api.put(`/partnerships/${p.id}/results-weights`, { weights: v.weights.map((w) => ({ id: w.id, weight: orNull(w.weight) })) });
    await qc.invalidateQueries({ queryKey: rKeys.all(p.id) });
    notifications.show({ color: 'teal', message: t('common.saved') });
    onClose();
  });
  const parent = data.nodes.find((n) => n.id === parentId);
  return (
    <Modal opened onClose={onClose} title={parent ? t('results.weights.titleOf', { title: parent.title }) : t('results.weights.goals')} size="lg">
      <form noValidate onSubmit={form.onSubmit(save.submit)}>
        <Stack gap="md">
          <Text size="sm" c="gray.7">
            {t('results.weights.intro')}
          </Text>
          <ProblemAlert error={save.error} unplaced={save.unplaced} title={t('errors.notSaved')} />
          {members.map((m, idx) => (
            <Group key={m.id} gap="sm" wrap="nowrap" align="flex-end">
              <TextInput
                style={{ flex: 1 }}
                label={
                  <Group gap={6} component="span">
                    {m.kind === 'indicator' ? t('results.indicatorLabel') : t(`results.level.${m.kind}`)}: {m.title}
                  </Group>
                }
                placeholder={t('results.weights.none')}
                maxLength={40}
                {...form.getInputProps(`weights.${idx}.weight`)}
              />
            </Group>
          ))}
          <Group justify="space-between">
            <Tooltip label={t('results.weights.clearHint')}>
              <Button variant="subtle" onClick={() => form.setFieldValue('weights', form.values.weights.map((w) => ({ ...w, weight: '' })))}>
                {t('results.weights.clear')}
              </Button>
            </Tooltip>
          </Group>
          <FormActions onCancel={onClose} submitLabel={t('common.saveChanges')} busy={save.busy} />
        </Stack>
      </form>
    </Modal>
  );
}
