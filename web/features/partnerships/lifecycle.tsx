import { Badge, Box, Button, Card, Group, Modal, Stack, Text, Textarea, ThemeIcon, Timeline } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconArrowRight, IconCheck } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TransitionBody } from '../../../src/contracts/partnerships';
import { CREATION_REASON, STAGES, type Stage } from '../../../src/domain/partnerships/partnership';
import { STAGE_META, TEXT_ON_LIGHT } from '../../components/badges';
import { api } from '../../lib/api';
import { useFormat } from '../../lib/format';
import { fieldsIn, useSubmit } from '../../lib/submit';
import { zodErrors } from '../../lib/zod-form';
import { ProblemAlert } from '../../components/page';
import { FormActions, SectionHeading } from '../../components/section';
import { pKeys } from './api';
import type { PartnershipDetail } from './types';

/** The stages as a stepper, the current one highlighted. */
function StageTrack({ current }: { current: Stage }) {
  const { t } = useTranslation();
  const idx = STAGES.indexOf(current);
  return (
    <Box component="ol" aria-label={t('lifecycle.stages')} style={{ display: 'flex', listStyle: 'none', padding: 0, margin: 0, gap: 4, flexWrap: 'wrap' }}>
      {STAGES.map((s, i) => {
        const meta = STAGE_META[s];
        const isCurrent = s === current;
        const done = i < idx && current !== 'closed';
        return (
          <Box
            component="li"
            key={s}
            aria-current={isCurrent ? 'step' : undefined}
            style={{
              flex: '1 1 110px',
              padding: '10px 12px',
              borderRadius: 8,
              border: `1px solid ${isCurrent ? `var(--mantine-color-${meta.color}-6)` : 'var(--mantine-color-gray-3)'}`,
              background: isCurrent ? `var(--mantine-color-${meta.color}-0)` : done ? 'var(--mantine-color-gray-0)' : 'white',
            }}
          >
            <Group gap={6} wrap="nowrap">
              <ThemeIcon size={22} radius="xl" variant={isCurrent ? 'filled' : 'light'} color={isCurrent ? meta.color : 'gray'}>
                {done ? <IconCheck size={13} aria-hidden /> : <meta.icon size={13} aria-hidden />}
              </ThemeIcon>
              <Text size="sm" fw={isCurrent ? 700 : 500} c={isCurrent ? `${meta.color}.9` : 'gray.7'}>
                {t(`stage.${s}`)}
              </Text>
            </Group>
            {isCurrent && (
              <Text size="xs" c={`${meta.color}.9`} mt={4} fw={600}>
                {t('lifecycle.current')}
              </Text>
            )}
          </Box>
        );
      })}
    </Box>
  );
}

function TransitionDialog({ p, to, onClose }: { p: PartnershipDetail; to: Stage | null; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useForm({ mode: 'controlled', initialValues: { reason: '' }, validate: (v) => zodErrors(TransitionBody.pick({ reason: true }), v, t) });
  const move = useSubmit(form.setErrors, fieldsIn('reason'), async (v: typeof form.values) => {
    if (!to) return;
    const updated = await api.post<PartnershipDetail>(`/partnerships/${p.id}/transitions`, { to, reason: v.reason.trim() }, { idempotent: true });
    qc.setQueryData(pKeys.one(p.id), updated);
    void qc.invalidateQueries({ queryKey: ['partnership', p.id] });
    void qc.invalidateQueries({ queryKey: pKeys.all });
    notifications.show({ color: 'teal', message: t('lifecycle.moved', { stage: t(`stage.${to}`) }) });
    form.reset();
    onClose();
  });
  return (
    <Modal opened={!!to} onClose={onClose} title={to ? t('lifecycle.moveTitle', { stage: t(`stage.${to}`) }) : ''} centered>
      {to && (
        <form noValidate onSubmit={form.onSubmit(move.submit)}>
          <Stack>
            <Text size="sm">{t(to === 'closed' ? 'lifecycle.closeWarning' : 'lifecycle.moveBody', { from: t(`stage.${p.stage}`), to: t(`stage.${to}`) })}</Text>
            <ProblemAlert error={move.error} title={t('errors.notSaved')} />
            <Textarea label={t('lifecycle.reason')} description={t('lifecycle.reasonHint')} required autosize minRows={3} data-autofocus {...form.getInputProps('reason')} />
            <FormActions onCancel={onClose} submitLabel={t('lifecycle.move', { stage: t(`stage.${to}`) })} busy={move.busy} color={to === 'closed' ? 'red' : undefined} />
          </Stack>
        </form>
      )}
    </Modal>
  );
}

/** Where the partnership is in the partnering cycle, how it got there, and (for conveners) where it can go next. */
export function Lifecycle({ p }: { p: PartnershipDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [to, setTo] = useState<Stage | null>(null);
  const canMove = p.allowedActions.includes('partnership.transition') && p.nextStages.length > 0;
  const transitions = [...p.transitions].sort((a, b) => (a.at < b.at ? 1 : -1));
  return (
    <Card>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <SectionHeading title={t('lifecycle.title')} intro={t('lifecycle.intro')} />
        </Group>
        <StageTrack current={p.stage} />
        {canMove && (
          <Group gap="xs">
            <Text size="sm" fw={600}>
              {t('lifecycle.next')}
            </Text>
            {p.nextStages.map((s) => {
              const meta = STAGE_META[s];
              return (
                <Button
                  key={s}
                  size="xs"
                  variant="default"
                  c={s === 'closed' ? TEXT_ON_LIGHT.red : TEXT_ON_LIGHT[meta.color]}
                  leftSection={<meta.icon size={14} aria-hidden />}
                  rightSection={<IconArrowRight size={14} aria-hidden />}
                  onClick={() => setTo(s)}
                >
                  {t('lifecycle.moveTo', { stage: t(`stage.${s}`) })}
                </Button>
              );
            })}
          </Group>
        )}
        {transitions.length > 0 && (
          <Box>
            <Text size="sm" fw={600} mb="xs">
              {t('lifecycle.history')}
            </Text>
            <Timeline active={0} bulletSize={22} lineWidth={2} color="accord">
              {transitions.map((tr) => {
                const meta = STAGE_META[tr.to];
                return (
                  <Timeline.Item
                    key={tr.id}
                    bullet={<meta.icon size={12} aria-hidden />}
                    title={
                      <Group gap={6}>
                        {tr.from ? (
                          <>
                            <Text span size="sm" fw={600}>
                              {t(`stage.${tr.from}`)}
                            </Text>
                            <IconArrowRight size={14} aria-label={t('lifecycle.to')} />
                          </>
                        ) : (
                          <Badge size="xs" variant="default">
                            {t('lifecycle.started')}
                          </Badge>
                        )}
                        <Text span size="sm" fw={600}>
                          {t(`stage.${tr.to}`)}
                        </Text>
                      </Group>
                    }
                  >
                    {tr.reason.trim() && (
                      <Text size="sm" c="gray.8" mt={2}>
                        {tr.from === null && tr.reason === CREATION_REASON ? t('lifecycle.created') : t('common.quoted', { text: tr.reason })}
                      </Text>
                    )}
                    <Text size="xs" c="gray.7" mt={2}>
                      {t('lifecycle.byOn', { who: tr.actorName ?? t('common.system'), when: f.dateTime(tr.at) })}
                    </Text>
                  </Timeline.Item>
                );
              })}
            </Timeline>
          </Box>
        )}
      </Stack>
      <TransitionDialog p={p} to={to} onClose={() => setTo(null)} />
    </Card>
  );
}
