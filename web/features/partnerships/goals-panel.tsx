import { Button, Card, Group, Modal, Stack, Text, TextInput, Textarea, ThemeIcon, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus, IconTarget } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateGoalBody } from '../../../src/contracts/partnerships';
import { api } from '../../lib/api';
import { useSubmit } from '../../lib/submit';
import { orNull, zodErrors } from '../../lib/zod-form';
import { ConfirmButton } from '../../components/confirm';
import { EmptyState, ProblemAlert } from '../../components/page';
import { SdgBadges, SdgPicker } from '../../components/sdg';
import { FormActions } from '../../components/section';
import type { Goal, PartnershipDetail } from './types';

const FIELDS = new Set(['title', 'description', 'sdgs']);

function GoalDialog({ p, goal, opened, onClose }: { p: PartnershipDetail; goal: Goal | null; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useForm({
    mode: 'controlled',
    initialValues: { title: goal?.title ?? '', description: goal?.description ?? '', sdgs: goal?.sdgs ?? ([] as string[]) },
    validate: (v) => zodErrors(CreateGoalBody, { ...v, description: orNull(v.description) }, t),
  });
  const save = useSubmit(form.setErrors, (f) => FIELDS.has(f), async (v: typeof form.values) => {
    const body = { title: v.title.trim(), description: orNull(v.description), sdgs: v.sdgs };
    if (goal) await api.patch(`/partnerships/${p.id}/goals/${goal.id}`, body);
    else await api.post(`/partnerships/${p.id}/goals`, body, { idempotent: true });
    await qc.invalidateQueries({ queryKey: ['partnership', p.id] });
    notifications.show({ color: 'teal', message: t('common.saved') });
    onClose();
  });
  return (
    <Modal opened={opened} onClose={onClose} title={goal ? t('goals.edit') : t('goals.add')} size="lg" centered>
      <form noValidate onSubmit={form.onSubmit(save.submit)}>
        <Stack>
          <ProblemAlert error={save.error} title={t('errors.notSaved')} />
          <TextInput label={t('goals.goalTitle')} required data-autofocus {...form.getInputProps('title')} />
          <Textarea label={t('goals.description')} autosize minRows={2} {...form.getInputProps('description')} />
          <SdgPicker label={t('goals.sdgs')} placeholder={t('goals.sdgsPlaceholder')} comboboxProps={{ withinPortal: true }} {...form.getInputProps('sdgs')} />
          <FormActions onCancel={onClose} submitLabel={goal ? t('common.saveChanges') : t('goals.add')} busy={save.busy} />
        </Stack>
      </form>
    </Modal>
  );
}

/** The shared goals, each linked to SDGs in their colours. */
export function GoalsPanel({ p }: { p: PartnershipDetail }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const canManage = p.allowedActions.includes('partnership.goals.manage');
  const [editing, setEditing] = useState<Goal | 'new' | null>(null);
  const goals = [...p.goals].sort((a, b) => a.position - b.position);
  return (
    <Card>
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={2} fz="lg">
            {t('goals.title')}
          </Title>
          {canManage && goals.length > 0 && (
            <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setEditing('new')}>
              {t('goals.add')}
            </Button>
          )}
        </Group>
        {goals.length === 0 ? (
          <EmptyState
            icon={IconTarget}
            title={t('goals.emptyTitle')}
            description={canManage ? t('goals.emptyBodyManage') : t('goals.emptyBody')}
            action={
              canManage ? (
                <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
                  {t('goals.add')}
                </Button>
              ) : null
            }
          />
        ) : (
          <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {goals.map((g, i) => (
              <Card key={g.id} component="li" padding="md" bg="gray.0">
                <Group align="flex-start" wrap="nowrap" gap="md">
                  <ThemeIcon variant="light" radius="xl" size={30} aria-hidden>
                    <Text fw={700} size="sm">
                      {i + 1}
                    </Text>
                  </ThemeIcon>
                  <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
                    <Text fw={650}>{g.title}</Text>
                    {g.description && (
                      <Text size="sm" c="gray.7">
                        {g.description}
                      </Text>
                    )}
                    <SdgBadges codes={g.sdgs} size="sm" />
                  </Stack>
                  {canManage && (
                    <Group gap={4} wrap="nowrap">
                      <Button size="xs" variant="subtle" leftSection={<IconPencil size={14} aria-hidden />} onClick={() => setEditing(g)} aria-label={t('goals.editNamed', { title: g.title })}>
                        {t('common.edit')}
                      </Button>
                      <ConfirmButton
                        label={t('common.delete')}
                        buttonProps={{ 'aria-label': t('goals.deleteNamed', { title: g.title }) }}
                        title={t('goals.deleteTitle')}
                        message={t('goals.deleteBody', { title: g.title })}
                        confirmLabel={t('common.delete')}
                        onConfirm={async () => {
                          await api.delete(`/partnerships/${p.id}/goals/${g.id}`);
                          await qc.invalidateQueries({ queryKey: ['partnership', p.id] });
                          notifications.show({ color: 'accord', message: t('goals.deleted') });
                        }}
                      />
                    </Group>
                  )}
                </Group>
              </Card>
            ))}
          </Stack>
        )}
        {goals.some((g) => g.sdgs.length > 0) && (
          <Text size="xs" c="dimmed">
            {t('sdg.source')}
          </Text>
        )}
      </Stack>
      {editing && <GoalDialog key={editing === 'new' ? 'new' : editing.id} p={p} goal={editing === 'new' ? null : editing} opened onClose={() => setEditing(null)} />}
    </Card>
  );
}
