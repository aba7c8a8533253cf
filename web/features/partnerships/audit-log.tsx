import { Badge, Card, Code, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconHistory, IconLink } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import { EmptyState, LoadMore, PageError, PageLoader } from '../../components/page';
import { useAudit } from './api';
import type { AuditEntry } from './types';
import { SectionHeading } from '../../components/section';

function show(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'string') return v.length > 80 ? `${v.slice(0, 77)}…` : v;
  const s = JSON.stringify(v);
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
}

function Diff({ diff }: { diff: AuditEntry['diff'] }) {
  const entries = Object.entries(diff);
  if (!entries.length) return <Text size="sm" c="dimmed">—</Text>;
  return (
    <Stack gap={2}>
      {entries.map(([k, [before, after]]) => (
        <Text key={k} size="xs" style={{ overflowWrap: 'anywhere' }}>
          <Text span fw={600} size="xs">
            {k}
          </Text>
          :{' '}
          {before !== null && before !== undefined && (
            <>
              <Text span size="xs" td="line-through" c="red.9">
                {show(before)}
              </Text>{' '}
              →{' '}
            </>
          )}
          <Text span size="xs" c="teal.9">
            {show(after)}
          </Text>
        </Text>
      ))}
    </Stack>
  );
}

/**
 * The tamper-evident record of every change, newest first, with its hash chain: a partnership's, or with
 * `partnershipId` null the platform's (accounts, API tokens, organisations and their people).
 */
export function AuditLog({ partnershipId }: { partnershipId: string | null }) {
  const { t } = useTranslation();
  const f = useFormat();
  const audit = useAudit(partnershipId, true);
  const items = audit.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card>
      <Stack gap="md">
        <SectionHeading title={partnershipId ? t('audit.title') : t('audit.platformSection')} intro={partnershipId ? t('audit.intro') : t('audit.platformIntro')} />
        {audit.isLoading ? (
          <PageLoader />
        ) : audit.error ? (
          <PageError error={audit.error} onRetry={() => void audit.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState icon={IconHistory} title={t('audit.emptyTitle')} description={partnershipId ? t('audit.emptyBody') : t('audit.platformEmptyBody')} />
        ) : (
          <>
            <Table.ScrollContainer minWidth={820}>
              <Table verticalSpacing="sm" striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>#</Table.Th>
                    <Table.Th>{t('audit.when')}</Table.Th>
                    <Table.Th>{t('audit.who')}</Table.Th>
                    <Table.Th>{t('audit.action')}</Table.Th>
                    <Table.Th>{t('audit.changes')}</Table.Th>
                    <Table.Th>{t('audit.chain')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((e) => (
                    <Table.Tr key={e.id}>
                      <Table.Td>
                        <Text size="sm" c="gray.7">
                          {f.number(e.seq)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                          {f.dateTime(e.at)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{e.actorName ?? t('common.system')}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="default" size="sm" styles={{ root: { textTransform: 'none' } }}>
                          {t(`audit.actions.${e.action}`, { defaultValue: e.action })}
                        </Badge>
                        <Text size="xs" c="gray.7" mt={2}>
                          {t(`audit.entities.${e.entityType}`, { defaultValue: e.entityType.replace(/_/g, ' ') })}
                        </Text>
                      </Table.Td>
                      <Table.Td maw={360}>
                        <Diff diff={e.diff} />
                      </Table.Td>
                      <Table.Td>
                        <Tooltip label={`${t('audit.hash')}: ${e.hash} · ${t('audit.prev')}: ${e.prevHash}`} multiline maw={360} style={{ wordBreak: 'break-all' }}>
                          <Group gap={4} wrap="nowrap" tabIndex={0} aria-label={`${t('audit.hash')} ${e.hash}, ${t('audit.prev')} ${e.prevHash}`}>
                            <Code>{e.prevHash.slice(0, 6)}</Code>
                            <IconLink size={12} aria-hidden />
                            <Code>{e.hash.slice(0, 6)}</Code>
                          </Group>
                        </Tooltip>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <LoadMore hasMore={!!audit.hasNextPage} loading={audit.isFetchingNextPage} onClick={() => void audit.fetchNextPage()} shown={items.length} />
          </>
        )}
      </Stack>
    </Card>
  );
}
