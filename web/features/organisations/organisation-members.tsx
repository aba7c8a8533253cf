import { Button, Card, Group, Select, Stack, Table, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AddOrganisationMemberBody } from '../../../src/contracts/organisations';
import { ORGANISATION_ROLES } from '../../../src/domain/organisations/organisation';
import { api } from '../../lib/api';
import { useFormat } from '../../lib/format';
import { fieldsIn, useSubmit } from '../../lib/submit';
import type { Organisation } from '../../lib/types';
import { zodErrors } from '../../lib/zod-form';
import { ConfirmCell, InlineAddForm, ListTable, PersonCell } from '../../components/list-table';
import { EmptyState } from '../../components/page';
import { orgKeys, useOrganisationMembers } from './api';

/** The people of an organisation; org-admins add and remove them. */
export function OrganisationMembers({ org }: { org: Organisation }) {
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const canRead = org.allowedActions.includes('organisation.members.read');
  const canManage = org.allowedActions.includes('organisation.members.manage');
  const members = useOrganisationMembers(org.id, canRead);
  const form = useForm({ mode: 'controlled', initialValues: { email: '', role: 'member' as string }, validate: (v) => zodErrors(AddOrganisationMemberBody, v, t) });
  const add = useSubmit(form.setErrors, fieldsIn('email', 'role'), async (v: typeof form.values) => {
    await api.post(`/organisations/${org.id}/members`, v, { idempotent: true });
    form.reset();
    notifications.show({ color: 'accord', message: t('orgMembers.added') });
    await qc.invalidateQueries({ queryKey: orgKeys.members(org.id) });
  });
  if (!canRead) return null;

  return (
    <Card>
      <Stack>
        <Title order={2} fz="lg">
          {t('orgMembers.title')}
        </Title>
        <ListTable
          loading={members.isLoading}
          error={members.error}
          isEmpty={members.data?.items.length === 0}
          empty={<EmptyState icon={IconUsers} title={t('orgMembers.emptyTitle')} description={t('orgMembers.emptyBody')} />}
          minWidth={480}
          headers={[t('common.name'), t('common.role'), t('common.since')]}
          withActions={canManage}
          highlightOnHover={false}
        >
          {(members.data?.items ?? []).map((m) => (
            <Table.Tr key={m.userId}>
              <PersonCell name={m.name} email={m.email} emailColor="dimmed" />
              <Table.Td>{t(`orgRole.${m.role}`)}</Table.Td>
              <Table.Td>{f.date(m.since)}</Table.Td>
              {canManage && (
                <ConfirmCell
                  label={t('common.remove')}
                  ariaLabel={t('orgMembers.removeNamed', { name: m.name })}
                  title={t('orgMembers.removeTitle')}
                  message={t('orgMembers.removeBody', { name: m.name, org: org.name })}
                  onConfirm={async () => {
                    await api.delete(`/organisations/${org.id}/members/${m.userId}`);
                    notifications.show({ color: 'accord', message: t('orgMembers.removed', { name: m.name }) });
                    await qc.invalidateQueries({ queryKey: orgKeys.members(org.id) });
                  }}
                />
              )}
            </Table.Tr>
          ))}
        </ListTable>
        {canManage && (
          <InlineAddForm title={t('orgMembers.add')} error={add.error} onSubmit={form.onSubmit(add.submit)}>
            <Group align="flex-start" gap="sm">
              <TextInput label={t('auth.email')} description={t('orgMembers.emailHint')} type="email" style={{ flex: '2 1 220px' }} {...form.getInputProps('email')} />
              <Select label={t('common.role')} style={{ flex: '1 1 140px' }} allowDeselect={false} data={ORGANISATION_ROLES.map((r) => ({ value: r, label: t(`orgRole.${r}`) }))} {...form.getInputProps('role')} />
              <Button type="submit" mt={{ base: 0, sm: 46 }} loading={add.busy} leftSection={<IconUserPlus size={16} aria-hidden />}>
                {t('common.add')}
              </Button>
            </Group>
          </InlineAddForm>
        )}
      </Stack>
    </Card>
  );
}
