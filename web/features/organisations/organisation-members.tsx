import { Button, Card, Group, Select, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AddOrganisationMemberBody } from '../../../src/contracts/organisations';
import { ORGANISATION_ROLES } from '../../../src/domain/organisations/organisation';
import { api } from '../../lib/api';
import { useFormat } from '../../lib/format';
import { alertable, applyProblem } from '../../lib/problems';
import type { Organisation, OrganisationMember } from '../../lib/types';
import { zodErrors } from '../../lib/zod-form';
import { ConfirmButton } from '../../components/confirm';
import { EmptyState, PageError, PageLoader, ProblemAlert } from '../../components/page';
import { orgKeys, useOrganisationMembers } from './api';

/** The people of an organisation; org-admins add and remove them. */
export function OrganisationMembers({ org }: { org: Organisation }) {
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const canRead = org.allowedActions.includes('organisation.members.read');
  const canManage = org.allowedActions.includes('organisation.members.manage');
  const members = useOrganisationMembers(org.id, canRead);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm({ mode: 'controlled', initialValues: { email: '', role: 'member' as string }, validate: (v) => zodErrors(AddOrganisationMemberBody, v, t) });
  if (!canRead) return null;

  const remove = async (m: OrganisationMember) => {
    await api.delete(`/organisations/${org.id}/members/${m.userId}`);
    notifications.show({ color: 'accord', message: t('orgMembers.removed', { name: m.name }) });
    await qc.invalidateQueries({ queryKey: orgKeys.members(org.id) });
  };

  return (
    <Card>
      <Stack>
        <Title order={2} fz="lg">
          {t('orgMembers.title')}
        </Title>
        {members.isLoading ? (
          <PageLoader />
        ) : members.error ? (
          <PageError error={members.error} />
        ) : members.data!.items.length === 0 ? (
          <EmptyState icon={IconUsers} title={t('orgMembers.emptyTitle')} description={t('orgMembers.emptyBody')} />
        ) : (
          <Table.ScrollContainer minWidth={480}>
            <Table verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('common.name')}</Table.Th>
                  <Table.Th>{t('common.role')}</Table.Th>
                  <Table.Th>{t('common.since')}</Table.Th>
                  {canManage && (
                    <Table.Th>
                      <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                    </Table.Th>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {members.data!.items.map((m) => (
                  <Table.Tr key={m.userId}>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {m.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {m.email}
                      </Text>
                    </Table.Td>
                    <Table.Td>{t(`orgRole.${m.role}`)}</Table.Td>
                    <Table.Td>{f.date(m.since)}</Table.Td>
                    {canManage && (
                      <Table.Td ta="right">
                        <ConfirmButton
                          label={t('common.remove')}
                          buttonProps={{ 'aria-label': t('orgMembers.removeNamed', { name: m.name }) }}
                          title={t('orgMembers.removeTitle')}
                          message={t('orgMembers.removeBody', { name: m.name, org: org.name })}
                          confirmLabel={t('common.remove')}
                          onConfirm={() => remove(m)}
                        />
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {canManage && (
          <form
            noValidate
            onSubmit={form.onSubmit(async (v) => {
              setBusy(true);
              setError(null);
              try {
                await api.post(`/organisations/${org.id}/members`, v, { idempotent: true });
                form.reset();
                notifications.show({ color: 'accord', message: t('orgMembers.added') });
                await qc.invalidateQueries({ queryKey: orgKeys.members(org.id) });
              } catch (e) {
                setError(alertable(e, applyProblem(e, (x) => x === 'email' || x === 'role', form.setErrors)));
              } finally {
                setBusy(false);
              }
            })}
          >
            <Stack gap="sm">
              <Text fw={600} size="sm">
                {t('orgMembers.add')}
              </Text>
              <ProblemAlert error={error} title={t('errors.notSaved')} />
              <Group align="flex-start" gap="sm">
                <TextInput label={t('auth.email')} description={t('orgMembers.emailHint')} type="email" style={{ flex: '2 1 220px' }} {...form.getInputProps('email')} />
                <Select label={t('common.role')} style={{ flex: '1 1 140px' }} allowDeselect={false} data={ORGANISATION_ROLES.map((r) => ({ value: r, label: t(`orgRole.${r}`) }))} {...form.getInputProps('role')} />
                <Button type="submit" mt={{ base: 0, sm: 46 }} loading={busy} leftSection={<IconUserPlus size={16} aria-hidden />}>
                  {t('common.add')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}
