import { Anchor, Box, Card, Grid, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { IconAlarm } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CardHeading, ExportButton } from '../../components/cards';
import { AnySelect, ClearFiltersButton, FilterBar } from '../../components/directory';
import { ListTable } from '../../components/list-table';
import { EmptyState } from '../../components/page';
import { downloadCsv } from '../../lib/export';
import { useFormat } from '../../lib/format';
import type { PartnershipDetail } from '../../lib/types';
import { useUrlState } from '../../lib/url-state';
import { refPath, useOverdue, type OverdueBoard } from './api';
import { DueText, LIGHT_META, LightBadge } from './badges';

const KINDS = ['delivery', 'report'] as const;

/** Deliveries and reports due soon or late, red before yellow, the most urgent first; filters in the address. */
export function OverdueView({ p }: { p: PartnershipDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const url = useUrlState();
  const partner = url.params.get('partner');
  const kindParam = url.params.get('kind');
  const kind = KINDS.includes(kindParam as never) ? kindParam : null;
  const q = useOverdue(p.id, partner, kind);
  const board = q.data;
  const items = board?.items ?? [];
  const filtered = !!(partner || kind);
  const partners = p.members.map((m) => ({ value: m.organisationId, label: m.organisationName }));
  const counts = board?.counts ?? { red: 0, yellow: 0 };

  return (
    <Stack gap="lg">
      <FilterBar>
        <Grid.Col span={{ base: 12, sm: 5 }}>
          <AnySelect label={t('accountability.partner')} data={partners} value={partner} onChange={(v) => url.set('partner', v)} searchable />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <AnySelect label={t('accountability.overdue.kind')} data={KINDS.map((k) => ({ value: k, label: t(`accountability.kinds.${k}`) }))} value={kind} onChange={(v) => url.set('kind', v)} />
        </Grid.Col>
        {filtered && (
          <Grid.Col span={{ base: 12, sm: 3 }}>
            <ClearFiltersButton onClick={() => url.reset()} />
          </Grid.Col>
        )}
      </FilterBar>
      <Card>
        <Stack gap="md">
          <CardHeading
            title={t('accountability.overdue.title')}
            intro={board ? t('accountability.overdue.intro', { date: f.date(board.asOf), count: board.graceDays }) : undefined}
            actions={items.length > 0 && board && <ExportButton onExport={async () => exportBoard(board)} />}
          />
          {board && items.length > 0 && (
            <Group gap="lg" aria-live="polite">
              {(['red', 'yellow'] as const).map((l) => {
                const M = LIGHT_META[l];
                return (
                  <Group key={l} gap={6}>
                    <M.icon size={18} color={M.hex} aria-hidden />
                    <Text size="sm" fw={600}>
                      {t(`accountability.overdue.count.${l}`, { count: counts[l] })}
                    </Text>
                  </Group>
                );
              })}
            </Group>
          )}
          {items.length > 0 && (
            <Stack gap="xs" hiddenFrom="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {items.map((i) => (
                <Paper key={i.id} component="li" withBorder p="sm" radius="md">
                  <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
                    <div style={{ minWidth: 0 }}>
                      <Anchor component={Link} to={refPath(p.id, i.ref)} size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                        {i.label ?? t(`accountability.kind.${i.kind}`)}
                      </Anchor>
                      <Text size="xs" c="gray.7">
                        {t(`accountability.kind.${i.kind}`)} · {i.partnerName ?? t('accountability.formerPartner')}
                      </Text>
                      <Box mt={4}>
                        <LightBadge light={i.light} />
                      </Box>
                    </div>
                    <DueText item={i} />
                  </Group>
                </Paper>
              ))}
            </Stack>
          )}
          <Box visibleFrom={items.length > 0 ? 'sm' : undefined}>
            <ListTable
              loading={q.isLoading}
              error={q.error}
              onRetry={() => void q.refetch()}
              isEmpty={items.length === 0}
              empty={
                <EmptyState
                  icon={IconAlarm}
                  title={filtered ? t('accountability.overdue.emptyFilteredTitle') : t('accountability.overdue.emptyTitle')}
                  description={filtered ? t('accountability.overdue.emptyFilteredBody') : t('accountability.overdue.emptyBody')}
                />
              }
              minWidth={720}
              headers={[t('accountability.overdue.status'), t('accountability.overdue.item'), t('accountability.partner'), t('accountability.overdue.due')]}
            >
              {items.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>
                    <LightBadge light={i.light} />
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={refPath(p.id, i.ref)} size="sm" fw={600}>
                      {i.label ?? t(`accountability.kind.${i.kind}`)}
                    </Anchor>
                    <Text size="xs" c="gray.7">
                      {t(`accountability.kind.${i.kind}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{i.partnerName ?? t('accountability.formerPartner')}</Text>
                  </Table.Td>
                  <Table.Td>
                    <DueText item={i} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </ListTable>
          </Box>
        </Stack>
      </Card>
    </Stack>
  );
}

function exportBoard(b: OverdueBoard) {
  downloadCsv(
    `overdue-${b.asOf}.csv`,
    ['light', 'kind', 'item', 'partner', 'due_on', 'days_until_due', 'state', 'ref_kind', 'ref_id'],
    b.items.map((i) => [i.light, i.kind, i.label ?? '', i.partnerName ?? i.partner, i.dueOn, i.daysUntilDue, i.state, i.ref.kind, i.ref.id]),
  );
}
