import { Badge, Box, Button, Card, Grid, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLink, IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../lib/api';
import type { PartnershipDetail } from '../../lib/types';
import { ConfirmCell } from '../../components/list-table';
import { EmptyState, PageError, PageLoader, ProblemAlert } from '../../components/page';
import { CardHeading, ScrollTable } from '../../components/cards';
import { rKeys, useCommitments, useContributions, useResultsTree, type CommitmentSummary } from './api';
import { LevelBadge } from './meta';
import { formatMoney } from './numbers';
import { useFormat } from '../../lib/format';

/** A commitment in words: its number, what it is, its value. */
function useCommitmentLabel(commitments: CommitmentSummary[]) {
  const { t } = useTranslation();
  const f = useFormat();
  const by = new Map(commitments.map((c) => [c.id, c]));
  return (id: string) => {
    const c = by.get(id);
    if (!c) return t('results.contributions.commitmentUnknown');
    return t('results.contributions.commitment', { number: c.number, description: c.description, value: formatMoney(c.valuation.amount, c.valuation.currency, f.locale) });
  };
}

/** Which partners' commitments feed which results: per partner, and the links themselves (conveners edit them). */
export function ContributionsView({ p }: { p: PartnershipDetail }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const q = useContributions(p.id);
  const tree = useResultsTree(p.id);
  const commitments = useCommitments(p.id);
  const label = useCommitmentLabel(commitments.data?.items ?? []);
  const canManage = !!tree.data?.allowedActions.includes('manage');
  const nodeTitle = new Map((tree.data?.nodes ?? []).map((n) => [n.id, n]));
  if (q.isLoading || tree.isLoading) return <PageLoader />;
  if (q.error || !q.data) return <PageError error={q.error} onRetry={() => void q.refetch()} />;
  const data = q.data;
  return (
    <Stack gap="lg">
      <Card>
        <Stack gap="md">
          <CardHeading title={t('results.contributions.title')} intro={t('results.contributions.intro')} />
          {data.byPartner.length === 0 ? (
            <EmptyState icon={IconLink} title={t('results.contributions.emptyTitle')} description={canManage ? t('results.contributions.emptyManage') : t('results.contributions.emptyRead')} />
          ) : (
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
              {data.byPartner.map((bp) => (
                <Paper key={bp.partnerId} withBorder p="md" radius="md">
                  <Title order={3} fz="md" mb="xs">
                    {bp.partnerName}
                  </Title>
                  <Stack gap={8} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                    {bp.results.map((r) => (
                      <Box component="li" key={r.nodeId} pl={r.level === 'goal' ? 0 : r.level === 'outcome' ? 12 : 24}>
                        <Group gap={6} wrap="wrap">
                          <LevelBadge level={r.level} size="xs" />
                          <Text size="sm" fw={r.direct ? 600 : 400}>
                            {r.title}
                          </Text>
                          <Badge size="xs" variant={r.direct ? 'filled' : 'default'} color={r.direct ? 'dark' : undefined} styles={{ root: { textTransform: 'none' } }}>
                            {r.direct ? t('results.contributions.direct') : t('results.contributions.indirect')}
                          </Badge>
                        </Group>
                        <Text size="xs" c="gray.7">
                          {r.commitmentIds.map(label).join(' · ')}
                        </Text>
                      </Box>
                    ))}
                  </Stack>
                </Paper>
              ))}
            </SimpleGrid>
          )}
        </Stack>
      </Card>

      {(canManage || data.links.length > 0) && (
        <Card>
          <Stack gap="md">
            <CardHeading title={t('results.contributions.linksTitle')} intro={t('results.contributions.linksIntro')} />
            {data.links.length > 0 && (
              <ScrollTable minWidth={560} label={t('results.contributions.linksTitle')}>
                <Table verticalSpacing="xs" fz="sm">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('results.contributions.result')}</Table.Th>
                      <Table.Th>{t('results.contributions.commitmentCol')}</Table.Th>
                      {canManage && <Table.Th>{t('common.actions')}</Table.Th>}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.links.map((l) => {
                      const n = nodeTitle.get(l.nodeId);
                      return (
                        <Table.Tr key={`${l.nodeId}:${l.commitmentId}`}>
                          <Table.Td>
                            <Group gap={6} wrap="nowrap">
                              {n && <LevelBadge level={n.level} size="xs" />}
                              <Text size="sm">{n?.title ?? '—'}</Text>
                            </Group>
                          </Table.Td>
                          <Table.Td>{label(l.commitmentId)}</Table.Td>
                          {canManage && (
                            <ConfirmCell
                              label={t('results.contributions.unlink')}
                              ariaLabel={t('results.contributions.unlinkAria', { result: n?.title ?? '' })}
                              title={t('results.contributions.unlinkTitle')}
                              message={t('results.contributions.unlinkBody', { result: n?.title ?? '', commitment: label(l.commitmentId) })}
                              onConfirm={async () => {
                                await api.delete(`/partnerships/${p.id}/result-contributions/${l.nodeId}/${l.commitmentId}`);
                                await qc.invalidateQueries({ queryKey: rKeys.contributions(p.id) });
                              }}
                            />
                          )}
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </ScrollTable>
            )}
            {canManage && <LinkForm p={p} nodes={tree.data?.nodes ?? []} commitments={commitments.data?.items ?? []} label={label} />}
          </Stack>
        </Card>
      )}
    </Stack>
  );
}

function LinkForm({ p, nodes, commitments, label }: { p: PartnershipDetail; nodes: { id: string; title: string; level: string }[]; commitments: CommitmentSummary[]; label: (id: string) => string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [nodeId, setNodeId] = useState<string | null>(null);
  const [commitmentId, setCommitmentId] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const names = new Map(p.members.map((m) => [m.organisationId, m.organisationName]));
  if (nodes.length === 0 || commitments.length === 0)
    return (
      <Text size="sm" c="gray.7">
        {nodes.length === 0 ? t('results.contributions.needResults') : t('results.contributions.needCommitments')}
      </Text>
    );
  return (
    <form
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        const errs: Record<string, string> = {};
        if (!nodeId) errs.nodeId = t('validation.required');
        if (!commitmentId) errs.commitmentId = t('validation.required');
        setErrors(errs);
        if (Object.keys(errs).length) return;
        setBusy(true);
        setError(null);
        try {
          await api.post(`/partnerships/${p.id}/result-contributions`, { nodeId, commitmentId });
          notifications.show({ color: 'teal', message: t('results.contributions.linked') });
          setCommitmentId(null);
          await qc.invalidateQueries({ queryKey: rKeys.contributions(p.id) });
        } catch (x) {
          const fe = x instanceof ApiError ? x.fieldErrors() : {};
          setErrors({ ...(fe.nodeId ? { nodeId: fe.nodeId } : {}), ...(fe.commitmentId ? { commitmentId: fe.commitmentId } : {}) });
          if (!fe.nodeId && !fe.commitmentId) setError(x);
        } finally {
          setBusy(false);
        }
      }}
    >
      <Stack gap="sm">
        <Text fw={600} size="sm">
          {t('results.contributions.addTitle')}
        </Text>
        <ProblemAlert error={error} title={t('errors.notSaved')} />
        <Grid gap="sm" align="flex-end">
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Select
              label={t('results.contributions.commitmentCol')}
              searchable
              data={commitments.map((c) => ({ value: c.id, label: `${names.get(c.organisationId) ?? ''} — ${label(c.id)}` }))}
              value={commitmentId}
              onChange={setCommitmentId}
              error={errors.commitmentId}
              nothingFoundMessage={t('common.nothingFound')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Select
              label={t('results.contributions.result')}
              searchable
              data={nodes.map((n) => ({ value: n.id, label: `${t(`results.level.${n.level}`)}: ${n.title}` }))}
              value={nodeId}
              onChange={setNodeId}
              error={errors.nodeId}
              nothingFoundMessage={t('common.nothingFound')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 2 }}>
            <Button type="submit" loading={busy} leftSection={<IconPlus size={16} aria-hidden />} fullWidth>
              {t('results.contributions.link')}
            </Button>
          </Grid.Col>
        </Grid>
      </Stack>
    </form>
  );
}
