import { Avatar, Button, Card, Group, Stack, Text, Textarea } from '@mantine/core';
import { IconMessages } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { useFormat } from '../../lib/format';
import type { DecisionDetail, PartnershipDetail } from '../../lib/types';
import { EmptyState, LoadMore, ProblemAlert } from '../../components/page';
import { useComments } from './api';
import { CardHeading } from '../../components/cards';

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((x) => x[0]!.toUpperCase())
    .join('');

/** The deliberation on a decision, oldest first, and a box to add to it. */
export function Comments({ p, d }: { p: PartnershipDetail; d: DecisionDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const list = useComments(p.id, d.id);
  const items = list.data?.pages.flatMap((x) => x.items) ?? [];
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const can = d.allowedActions.includes('comment');
  const add = async () => {
    if (!body.trim()) return;
    setBusy(true);
    setError(null);
    try {
      await api.post(`/partnerships/${p.id}/decisions/${d.id}/comments`, { body: body.trim() }, { idempotent: true });
      setBody('');
      await qc.invalidateQueries({ queryKey: ['partnership', p.id, 'decision', d.id, 'comments'] });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card>
      <Stack gap="md">
        <CardHeading order={3} title={t('comments.title', { count: items.length })} intro={t('comments.intro')} />
        {items.length === 0 && !list.isLoading ? (
          <EmptyState icon={IconMessages} title={t('comments.emptyTitle')} description={can ? t('comments.emptyBody') : undefined} />
        ) : (
          <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {items.map((c) => (
              <Group key={c.id} component="li" align="flex-start" gap="sm" wrap="nowrap">
                <Avatar radius="xl" size={32} color="accord" alt="" styles={{ placeholder: { color: 'var(--mantine-color-accord-9)' } }}>
                  {initials(c.author?.name ?? '?')}
                </Avatar>
                <div style={{ minWidth: 0, flex: 1 }}>
                  <Group gap={6}>
                    <Text size="sm" fw={650}>
                      {c.author?.name ?? t('common.system')}
                    </Text>
                    <Text size="xs" c="gray.7">
                      {f.dateTime(c.createdAt)}
                    </Text>
                  </Group>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                    {c.body}
                  </Text>
                </div>
              </Group>
            ))}
          </Stack>
        )}
        {list.hasNextPage && <LoadMore hasMore loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()} shown={items.length} />}
        {can && (
          <Stack gap="xs">
            <ProblemAlert error={error} title={t('errors.notSaved')} />
            <Textarea label={t('comments.add')} value={body} onChange={(e) => setBody(e.currentTarget.value)} autosize minRows={2} maxLength={10000} />
            <Button onClick={() => void add()} loading={busy} disabled={!body.trim()} style={{ alignSelf: 'flex-end' }}>
              {t('comments.post')}
            </Button>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
