import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconMailForward, IconShieldCheck, IconShieldOff, IconUsers, IconX } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountSummary } from '../../../src/contracts/accounts';
import { LANGUAGE_NAMES } from '../../i18n';
import { api } from '../../lib/api';
import { useFormat } from '../../lib/format';
import { SESSION_KEY, useSession } from '../../lib/session';
import { ColourBadge } from '../../components/badges';
import { ConfirmButton } from '../../components/confirm';
import { PagedListTable } from '../../components/list-table';
import { EmptyState, ProblemAlert } from '../../components/page';
import { accountKeys, usePlatformAccounts } from './platform-accounts-api';

/** A refusal of the API (the last platform admin, say), with the account it was about. */
interface Refusal {
  name: string;
  error: unknown;
}

/** Grants or revokes platform admin behind a confirmation that says what changes. */
function AdminToggle({ account, self, onRefused }: { account: AccountSummary; self: boolean; onRefused: (r: Refusal | null) => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const grant = !account.isAdmin;
  const name = account.name;
  return (
    <ConfirmButton
      label={grant ? t('platformAccounts.grant') : t('platformAccounts.revoke')}
      buttonProps={{
        'aria-label': grant ? t('platformAccounts.grantNamed', { name }) : t('platformAccounts.revokeNamed', { name }),
        ...(grant ? { color: 'accord', c: 'accord.9', leftSection: <IconShieldCheck size={14} aria-hidden /> } : { leftSection: <IconShieldOff size={14} aria-hidden /> }),
      }}
      title={grant ? t('platformAccounts.grantTitle', { name }) : t('platformAccounts.revokeTitle', { name })}
      message={grant ? t('platformAccounts.grantBody', { name }) : self ? t('platformAccounts.revokeSelfBody') : t('platformAccounts.revokeBody', { name })}
      confirmLabel={grant ? t('platformAccounts.grant') : t('platformAccounts.revoke')}
      onConfirm={async () => {
        onRefused(null);
        try {
          await api.patch<AccountSummary>(`/users/${account.id}`, { isAdmin: grant });
        } catch (error) {
          // shown above the list, where it stays until the next change (the dialog closes either way)
          onRefused({ name, error });
          return;
        }
        notifications.show({ color: 'accord', message: grant ? t('platformAccounts.granted', { name }) : self ? t('platformAccounts.revokedSelf') : t('platformAccounts.revoked', { name }) });
        await qc.invalidateQueries({ queryKey: accountKeys.all });
        // stepping down: the menu entry and this page go at once
        if (self) await qc.invalidateQueries({ queryKey: SESSION_KEY });
      }}
    />
  );
}

/** One account: who, how to reach them, their language, their access, since when, and the platform admin action. */
function AccountRow({ account: a, self, onRefused }: { account: AccountSummary; self: boolean; onRefused: (r: Refusal | null) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Table.Tr>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <Text size="sm" fw={600}>
            {a.name}
          </Text>
          {self && (
            <Badge size="sm" variant="outline" color="gray" c="#42484e" style={{ flexShrink: 0 }} styles={{ root: { textTransform: 'none' } }}>
              {t('platformAccounts.you')}
            </Badge>
          )}
        </Group>
      </Table.Td>
      <Table.Td>
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {a.email}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" lang={a.locale}>
          {LANGUAGE_NAMES[a.locale]}
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap={6}>
          {a.isAdmin ? (
            <ColourBadge color="indigo" icon={IconShieldCheck} label={t('platformAccounts.admin')} size="sm" />
          ) : (
            <Text size="sm" c="dimmed">
              {t('platformAccounts.standard')}
            </Text>
          )}
          {a.invitationPending && <ColourBadge color="yellow" icon={IconMailForward} label={t('platformAccounts.pending')} size="sm" />}
        </Group>
      </Table.Td>
      <Table.Td>
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {f.date(a.createdAt)}
        </Text>
      </Table.Td>
      <Table.Td ta="right">
        <AdminToggle account={a} self={self} onRefused={onRefused} />
      </Table.Td>
    </Table.Tr>
  );
}

/** The accounts matching `q`, a page at a time, with who is a platform admin and whose invitation is pending. */
export function PlatformAccountsTable({ q, onClearSearch }: { q: string; onClearSearch: () => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const list = usePlatformAccounts(q);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  return (
    <Stack gap="md">
      {refusal && <ProblemAlert error={refusal.error} title={t('platformAccounts.notChanged', { name: refusal.name })} />}
      <PagedListTable
        list={list}
        empty={
          <EmptyState
            icon={IconUsers}
            title={t('platformAccounts.noMatchTitle')}
            description={t('platformAccounts.noMatchBody')}
            action={
              q ? (
                <Button variant="default" leftSection={<IconX size={16} aria-hidden />} onClick={onClearSearch}>
                  {t('platformAccounts.clearSearch')}
                </Button>
              ) : null
            }
          />
        }
        minWidth={860}
        headers={[t('common.name'), t('auth.email'), t('account.language'), t('platformAccounts.access'), t('platformAccounts.created')]}
        withActions
        highlightOnHover={false}
      >
        {(items) => items.map((a) => <AccountRow key={a.id} account={a} self={a.id === user?.id} onRefused={setRefusal} />)}
      </PagedListTable>
    </Stack>
  );
}
