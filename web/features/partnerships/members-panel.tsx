import { Anchor, Button, Card, Grid, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconBuilding, IconCircleCheck, IconDoorExit, IconPlus, IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AddPersonBody } from '../../../src/contracts/partnerships';
import { MEMBER_SORTS, PERSON_SORTS } from '../../../src/contracts/partnerships';
import { MEMBER_ROLES, PERSON_ROLES, type MemberRole, type PersonRole } from '../../../src/domain/partnerships/partnership';
import type { Sector } from '../../../src/domain/organisations/organisation';
import { api, qs } from '../../lib/api';
import { useFormat } from '../../lib/format';
import { fieldsIn, useSubmit } from '../../lib/submit';
import type { OrganisationPage } from '../../lib/types';
import { zodErrors } from '../../lib/zod-form';
import { SectorBadge } from '../../components/badges';
import { ConfirmButton } from '../../components/confirm';
import { ConfirmCell, InlineAddForm, PagedListTable, PersonCell } from '../../components/list-table';
import { AnySelect, SortSelect } from '../../components/directory';
import { EmptyState, ProblemAlert } from '../../components/page';
import { pKeys, usePartnershipMembers, usePartnershipPeople, type MemberListFilters, type PersonListFilters } from './api';
import type { PartnershipDetail, PartnershipMember } from './types';

const today = () => new Date().toISOString().slice(0, 10);

function OrganisationPicker({ value, onChange, error, exclude }: { value: string | null; onChange: (v: string | null) => void; error?: React.ReactNode; exclude: Set<string> }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [dsearch] = useDebouncedValue(search, 250);
  const q = useQuery({ queryKey: ['organisations', 'picker', dsearch], queryFn: () => api.get<OrganisationPage>(`/organisations${qs({ q: dsearch || undefined, limit: 20 })}`) });
  const data = useMemo(() => (q.data?.items ?? []).filter((o) => !exclude.has(o.id)).map((o) => ({ value: o.id, label: o.name })), [q.data, exclude]);
  return (
    <Select
      label={t('members.organisation')}
      placeholder={t('members.searchOrganisation')}
      searchable
      clearable
      required
      filter={({ options }) => options}
      searchValue={search}
      onSearchChange={setSearch}
      data={data}
      value={value}
      onChange={onChange}
      error={error}
      nothingFoundMessage={q.isFetching ? t('common.loading') : t('common.nothingFound')}
    />
  );
}

function AddOrganisationForm({ p, existing }: { p: PartnershipDetail; existing: Set<string> }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useForm({
    mode: 'controlled',
    initialValues: { organisationId: null as string | null, role: 'partner' as string, joinedOn: today() },
    validate: (v) => ({
      ...(v.organisationId ? {} : { organisationId: t('validation.chooseOne') }),
      ...(v.joinedOn ? {} : { joinedOn: t('validation.date') }),
    }),
  });
  const add = useSubmit(form.setErrors, fieldsIn('organisationId', 'role', 'joinedOn'), async (v: typeof form.values) => {
    await api.post(`/partnerships/${p.id}/members`, v, { idempotent: true });
    form.reset();
    notifications.show({ color: 'teal', message: t('members.added') });
    await qc.invalidateQueries({ queryKey: ['partnership', p.id] });
    void qc.invalidateQueries({ queryKey: pKeys.all });
  });
  const org = form.getInputProps('organisationId');
  return (
    <InlineAddForm title={t('members.addOrganisation')} error={add.error} onSubmit={form.onSubmit(add.submit)}>
      <Grid gap="sm" align="flex-start">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <OrganisationPicker value={org.value} onChange={org.onChange} error={org.error} exclude={existing} />
        </Grid.Col>
        <Grid.Col span={{ base: 6, md: 3 }}>
          <Select label={t('common.role')} allowDeselect={false} data={MEMBER_ROLES.map((r) => ({ value: r, label: t(`memberRole.${r}`) }))} {...form.getInputProps('role')} />
        </Grid.Col>
        <Grid.Col span={{ base: 6, md: 2 }}>
          <TextInput type="date" label={t('members.joinedOn')} {...form.getInputProps('joinedOn')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 2 }}>
          <Button type="submit" mt={{ base: 0, md: 25 }} fullWidth loading={add.busy} leftSection={<IconPlus size={16} aria-hidden />}>
            {t('common.add')}
          </Button>
        </Grid.Col>
      </Grid>
    </InlineAddForm>
  );
}

function LeaveButton({ p, m }: { p: PartnershipDetail; m: PartnershipMember }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [leftOn, setLeftOn] = useState(today());
  const [error, setError] = useState<unknown>(null);
  return (
    <ConfirmButton
      label={t('members.recordLeaving')}
      buttonProps={{ color: 'gray', c: '#42484e', leftSection: <IconDoorExit size={14} aria-hidden />, 'aria-label': t('members.recordLeavingNamed', { name: m.organisationName }) }}
      title={t('members.leaveTitle', { name: m.organisationName })}
      message={t('members.leaveBody', { name: m.organisationName })}
      confirmLabel={t('members.recordLeaving')}
      onConfirm={async () => {
        setError(null);
        try {
          await api.patch(`/partnerships/${p.id}/members/${m.id}`, { leftOn });
          notifications.show({ color: 'accord', message: t('members.leftRecorded', { name: m.organisationName }) });
          await qc.invalidateQueries({ queryKey: ['partnership', p.id] });
        } catch (e) {
          setError(e);
          throw e;
        }
      }}
    >
      <TextInput type="date" label={t('members.leftOn')} value={leftOn} onChange={(e) => setLeftOn(e.currentTarget.value)} />
      <ProblemAlert error={error} title={t('errors.notSaved')} />
    </ConfirmButton>
  );
}

function RoleSelect({ p, m }: { p: PartnershipDetail; m: PartnershipMember }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  return (
    <Select
      size="xs"
      aria-label={t('members.roleOf', { name: m.organisationName })}
      allowDeselect={false}
      value={m.role}
      w={170}
      data={MEMBER_ROLES.map((r) => ({ value: r, label: t(`memberRole.${r}`) }))}
      onChange={async (role) => {
        if (!role || role === m.role) return;
        try {
          await api.patch(`/partnerships/${p.id}/members/${m.id}`, { role });
          notifications.show({ color: 'teal', message: t('members.roleChanged', { name: m.organisationName, role: t(`memberRole.${role}`) }) });
        } catch (e) {
          notifications.show({ color: 'red', title: t('errors.notSaved'), message: (e as Error).message });
        }
        await qc.invalidateQueries({ queryKey: ['partnership', p.id] });
      }}
    />
  );
}

const MEMBER_STATUSES = ['current', 'left', 'all'] as const;

/** Member organisations, current and past, with their roles: filtered, sorted and paged by the API. */
export function MemberOrganisations({ p }: { p: PartnershipDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [filters, setFilters] = useState<MemberListFilters>({ sort: 'name', status: 'current' });
  const list = usePartnershipMembers(p.id, filters);
  const canManage = p.allowedActions.includes('partnership.members.manage');
  // the overview lists every current member: the add form leaves them out without fetching every page
  const existing = useMemo(() => new Set(p.members.filter((m) => !m.leftOn).map((m) => m.organisationId)), [p.members]);
  const filtered = filters.status !== 'current' || !!filters.role;
  return (
    <Card>
      <Stack gap="md">
        <Title order={2} fz="lg">
          {t('members.organisationsTitle')}
        </Title>
        <Grid gap="sm" align="flex-end">
          <Grid.Col span={{ base: 12, xs: 4 }}>
            <Select
              label={t('common.status')}
              allowDeselect={false}
              value={filters.status}
              onChange={(v) => v && setFilters({ ...filters, status: v as MemberListFilters['status'] })}
              data={MEMBER_STATUSES.map((st) => ({ value: st, label: t(`members.statusFilter.${st}`) }))}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, xs: 4 }}>
            <AnySelect label={t('common.role')} value={filters.role ?? null} onChange={(v) => setFilters({ ...filters, role: (v ?? undefined) as MemberRole | undefined })} data={MEMBER_ROLES.map((r) => ({ value: r, label: t(`memberRole.${r}`) }))} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, xs: 4 }}>
            <SortSelect sorts={[...MEMBER_SORTS]} value={filters.sort} onChange={(v) => v && setFilters({ ...filters, sort: v as MemberListFilters['sort'] })} />
          </Grid.Col>
        </Grid>
        <PagedListTable
          list={list}
          empty={
            filtered ? (
              <EmptyState icon={IconBuilding} title={t('members.noMatchTitle')} description={t('members.noMatchBody')} />
            ) : (
              <EmptyState icon={IconBuilding} title={t('members.emptyTitle')} description={canManage ? t('members.emptyBodyManage') : t('members.emptyBody')} />
            )
          }
          minWidth={720}
          headers={[t('members.organisation'), t('organisation.sector'), t('common.role'), t('members.joinedOn'), t('common.status')]}
          withActions={canManage}
        >
          {(items) =>
            items.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td>
                <Anchor component={Link} to={`/organisations/${m.organisationId}`} fw={600} size="sm">
                  {m.organisationName}
                </Anchor>
                {m.country && (
                  <Text size="xs" c="gray.7">
                    {f.country(m.country)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <SectorBadge sector={m.sector as Sector} size="sm" />
              </Table.Td>
              <Table.Td>{canManage && !m.leftOn ? <RoleSelect p={p} m={m} /> : <Text size="sm">{t(`memberRole.${m.role}`)}</Text>}</Table.Td>
              <Table.Td>
                <Text size="sm">{f.date(m.joinedOn)}</Text>
              </Table.Td>
              <Table.Td>
                {m.leftOn ? (
                  <Group gap={4} wrap="nowrap" c="gray.7">
                    <IconDoorExit size={15} aria-hidden />
                    <Text size="sm">{t('members.leftOnDate', { date: f.date(m.leftOn) })}</Text>
                  </Group>
                ) : (
                  <Group gap={4} wrap="nowrap" c="teal.9">
                    <IconCircleCheck size={15} aria-hidden />
                    <Text size="sm">{t('members.active')}</Text>
                  </Group>
                )}
              </Table.Td>
              {canManage && <Table.Td ta="right">{!m.leftOn && <LeaveButton p={p} m={m} />}</Table.Td>}
            </Table.Tr>
            ))
          }
        </PagedListTable>
        {canManage && <AddOrganisationForm p={p} existing={existing} />}
      </Stack>
    </Card>
  );
}

/** People taking part, with their roles (visible to participants). */
export function MemberPeople({ p }: { p: PartnershipDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const canRead = p.allowedActions.includes('partnership.people.read');
  const canManage = p.allowedActions.includes('partnership.members.manage');
  const [filters, setFilters] = useState<PersonListFilters>({ sort: 'name' });
  const people = usePartnershipPeople(p.id, filters, canRead);
  const form = useForm({
    mode: 'controlled',
    initialValues: { email: '', role: 'member' as string, organisationId: null as string | null },
    validate: (v) => zodErrors(AddPersonBody, v, t),
  });
  const add = useSubmit(form.setErrors, fieldsIn('email', 'role', 'organisationId'), async (v: typeof form.values) => {
    await api.post(`/partnerships/${p.id}/people`, v, { idempotent: true });
    form.reset();
    notifications.show({ color: 'teal', message: t('people.added') });
    await qc.invalidateQueries({ queryKey: pKeys.people(p.id) });
  });
  if (!canRead) return null;
  const orgOptions = p.members.filter((m) => !m.leftOn).map((m) => ({ value: m.organisationId, label: m.organisationName }));
  return (
    <Card>
      <Stack gap="md">
        <Title order={2} fz="lg">
          {t('people.title')}
        </Title>
        <Grid gap="sm" align="flex-end">
          <Grid.Col span={{ base: 12, xs: 6 }}>
            <AnySelect label={t('common.role')} value={filters.role ?? null} onChange={(v) => setFilters({ ...filters, role: (v ?? undefined) as PersonRole | undefined })} data={PERSON_ROLES.map((r) => ({ value: r, label: t(`personRole.${r}`) }))} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, xs: 6 }}>
            <SortSelect sorts={[...PERSON_SORTS]} value={filters.sort} onChange={(v) => v && setFilters({ ...filters, sort: v as PersonListFilters['sort'] })} />
          </Grid.Col>
        </Grid>
        <PagedListTable
          list={people}
          empty={
            filters.role ? (
              <EmptyState icon={IconUsers} title={t('people.noMatchTitle')} description={t('people.noMatchBody')} />
            ) : (
              <EmptyState icon={IconUsers} title={t('people.emptyTitle')} description={t('people.emptyBody')} />
            )
          }
          minWidth={640}
          headers={[t('common.name'), t('members.organisation'), t('common.role'), t('common.since')]}
          withActions={canManage}
        >
          {(items) =>
            items.map((person) => (
            <Table.Tr key={person.id}>
              <PersonCell name={person.name} email={person.email} />
              <Table.Td>
                <Text size="sm">{person.organisationName ?? '—'}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t(`personRole.${person.role}`)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{f.date(person.since)}</Text>
              </Table.Td>
              {canManage && (
                <ConfirmCell
                  label={t('common.remove')}
                  ariaLabel={t('people.removeNamed', { name: person.name })}
                  title={t('people.removeTitle')}
                  message={t('people.removeBody', { name: person.name, partnership: p.name })}
                  onConfirm={async () => {
                    await api.delete(`/partnerships/${p.id}/people/${person.id}`);
                    notifications.show({ color: 'accord', message: t('people.removed', { name: person.name }) });
                    await qc.invalidateQueries({ queryKey: pKeys.people(p.id) });
                  }}
                />
              )}
            </Table.Tr>
            ))
          }
        </PagedListTable>
        {canManage && (
          <InlineAddForm title={t('people.add')} error={add.error} onSubmit={form.onSubmit(add.submit)}>
            <Grid gap="sm" align="flex-start">
              <Grid.Col span={{ base: 12, md: 4 }}>
                <TextInput type="email" label={t('auth.email')} description={t('people.emailHint')} {...form.getInputProps('email')} />
              </Grid.Col>
              <Grid.Col span={{ base: 6, md: 3 }}>
                <Select label={t('members.organisation')} placeholder={t('common.optional')} clearable data={orgOptions} {...form.getInputProps('organisationId')} />
              </Grid.Col>
              <Grid.Col span={{ base: 6, md: 3 }}>
                <Select label={t('common.role')} allowDeselect={false} data={PERSON_ROLES.map((r) => ({ value: r, label: t(`personRole.${r}`) }))} {...form.getInputProps('role')} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 2 }}>
                <Button type="submit" mt={{ base: 0, md: 46 }} fullWidth loading={add.busy} leftSection={<IconUserPlus size={16} aria-hidden />}>
                  {t('common.add')}
                </Button>
              </Grid.Col>
            </Grid>
          </InlineAddForm>
        )}
      </Stack>
    </Card>
  );
}
