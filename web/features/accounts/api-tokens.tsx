import { ActionIcon, Alert, Button, Card, Code, CopyButton, Group, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCheck, IconCopy, IconKey } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateApiTokenBody } from '../../../src/contracts/accounts';
import { api } from '../../lib/api';
import { useFormat } from '../../lib/format';
import { fieldsIn, useSubmit } from '../../lib/submit';
import type { ApiToken, CreatedApiToken } from '../../lib/types';
import { zodErrors } from '../../lib/zod-form';
import { ConfirmCell, ListTable } from '../../components/list-table';
import { EmptyState, ProblemAlert } from '../../components/page';
import { SectionHeading } from '../../components/section';

const KEY = ['tokens'];

/** Personal API tokens: create (shown once), list, revoke. */
export function ApiTokensPanel() {
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const tokens = useQuery({ queryKey: KEY, queryFn: () => api.get<{ items: ApiToken[] }>('/me/tokens') });
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const form = useForm({ mode: 'controlled', initialValues: { name: '' }, validate: (v) => zodErrors(CreateApiTokenBody, v, t) });
  const create = useMutation({
    mutationFn: (body: { name: string }) => api.post<CreatedApiToken>('/me/tokens', body, { idempotent: true }),
    onSuccess: (tok) => {
      setCreated(tok);
      form.reset();
      void qc.invalidateQueries({ queryKey: KEY });
    },
  });
  const createForm = useSubmit(form.setErrors, fieldsIn('name'), (v: typeof form.values) => create.mutateAsync(v));
  const revoke = async (tok: ApiToken) => {
    await api.delete(`/me/tokens/${tok.id}`);
    notifications.show({ color: 'accord', message: t('tokens.revoked', { name: tok.name }) });
    if (created?.id === tok.id) setCreated(null);
    await qc.invalidateQueries({ queryKey: KEY });
  };

  return (
    <Card>
      <Stack>
        <SectionHeading title={t('tokens.title')} intro={t('tokens.intro')} />

        {created && (
          <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('tokens.onceTitle')} role="status">
            <Stack gap="xs">
              <Text size="sm">{t('tokens.onceBody')}</Text>
              <Group gap="xs" wrap="nowrap">
                <Code block style={{ flex: 1, wordBreak: 'break-all' }} data-testid="new-token">
                  {created.token}
                </Code>
                <CopyButton value={created.token}>
                  {({ copied, copy }) => (
                    <Tooltip label={copied ? t('common.copied') : t('common.copy')}>
                      <ActionIcon variant="default" size="lg" onClick={copy} aria-label={copied ? t('common.copied') : t('tokens.copy')}>
                        {copied ? <IconCheck size={18} aria-hidden /> : <IconCopy size={18} aria-hidden />}
                      </ActionIcon>
                    </Tooltip>
                  )}
                </CopyButton>
              </Group>
              <Group>
                <Button size="xs" variant="default" onClick={() => setCreated(null)}>
                  {t('tokens.stored')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}

        <form noValidate onSubmit={form.onSubmit(createForm.submit)}>
          <Group align="flex-start" gap="sm">
            <TextInput label={t('tokens.name')} description={t('tokens.nameHint')} style={{ flex: '1 1 240px' }} {...form.getInputProps('name')} />
            <Button type="submit" mt={{ base: 0, xs: 46 }} loading={create.isPending} leftSection={<IconKey size={16} aria-hidden />}>
              {t('tokens.create')}
            </Button>
          </Group>
        </form>
        <ProblemAlert error={createForm.error} title={t('errors.notSaved')} />

        <ListTable
          loading={tokens.isLoading}
          error={tokens.error}
          onRetry={() => void tokens.refetch()}
          isEmpty={tokens.data?.items.length === 0}
          empty={<EmptyState icon={IconKey} title={t('tokens.emptyTitle')} description={t('tokens.emptyBody')} />}
          minWidth={520}
          headers={[t('tokens.name'), t('tokens.prefix'), t('tokens.created'), t('tokens.lastUsed')]}
          withActions
        >
          {(tokens.data?.items ?? []).map((tok) => (
            <Table.Tr key={tok.id}>
              <Table.Td fw={600}>{tok.name}</Table.Td>
              <Table.Td>
                <Code>{tok.prefix}…</Code>
              </Table.Td>
              <Table.Td>{f.date(tok.createdAt)}</Table.Td>
              <Table.Td>{tok.lastUsedAt ? f.relative(tok.lastUsedAt) : t('tokens.never')}</Table.Td>
              <ConfirmCell
                label={t('tokens.revoke')}
                ariaLabel={t('tokens.revokeNamed', { name: tok.name })}
                title={t('tokens.revokeTitle')}
                message={t('tokens.revokeBody', { name: tok.name })}
                onConfirm={() => revoke(tok)}
              />
            </Table.Tr>
          ))}
        </ListTable>
      </Stack>
    </Card>
  );
}
