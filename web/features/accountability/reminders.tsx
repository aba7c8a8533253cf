import { Alert, Button, Card, Group, Radio, Select, Stack, Text } from '@mantine/core';
import { IconBell, IconCheck } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CardHeading } from '../../components/cards';
import { PageError, PageLoader, ProblemAlert } from '../../components/page';
import { useFormat } from '../../lib/format';
import { DIGEST_MODES, WEEKDAY_NAMES } from '../../../src/contracts/notifications';
import { useNotificationSettings, useSaveNotificationSettings, type NotificationSettingsBody } from './api';

type Digest = NotificationSettingsBody['digest'];
type Weekday = NonNullable<NotificationSettingsBody['digestWeekday']>;

/** The account page's "Reminders": how reminders of deliveries and reports due reach the person. */
export function RemindersPanel() {
  const { t } = useTranslation();
  const f = useFormat();
  const q = useNotificationSettings();
  const save = useSaveNotificationSettings();
  const [digest, setDigest] = useState<Digest>('daily');
  const [hour, setHour] = useState('7');
  const [weekday, setWeekday] = useState<Weekday>('monday');
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (!q.data) return;
    setDigest(q.data.digest);
    setHour(String(q.data.digestHour));
    setWeekday(q.data.digestWeekday);
  }, [q.data]);
  if (q.isLoading)
    return (
      <Card>
        <PageLoader />
      </Card>
    );
  if (q.error)
    return (
      <Card>
        <PageError error={q.error} onRetry={() => void q.refetch()} />
      </Card>
    );
  const s = q.data!;
  const dirty = s.digest !== digest || String(s.digestHour) !== hour || s.digestWeekday !== weekday;
  const hours = Array.from({ length: 24 }, (_, h) => ({ value: String(h), label: t('accountability.reminders.hourUtc', { hour: `${String(h).padStart(2, '0')}:00` }) }));
  return (
    <Card>
      <form
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          setSaved(false);
          try {
            await save.mutateAsync({ digest, digestHour: Number(hour), digestWeekday: weekday });
            setSaved(true);
          } catch {
            /* shown below */
          }
        }}
      >
        <Stack gap="md">
          <CardHeading title={t('accountability.reminders.title')} intro={t('accountability.reminders.intro')} />
          <Radio.Group
            label={t('accountability.reminders.digest')}
            value={digest}
            onChange={(v) => {
              setDigest(v as Digest);
              setSaved(false);
            }}
          >
            <Stack gap={8} mt={6}>
              {DIGEST_MODES.map((m) => (
                <Radio key={m} value={m} label={t(`accountability.reminders.modes.${m}`)} description={t(`accountability.reminders.modeHints.${m}`)} />
              ))}
            </Stack>
          </Radio.Group>
          {(digest === 'daily' || digest === 'weekly') && (
            <Group gap="md" grow>
              {digest === 'weekly' && (
                <Select
                  label={t('accountability.reminders.weekday')}
                  data={WEEKDAY_NAMES.map((w) => ({ value: w, label: t(`accountability.reminders.weekdays.${w}`) }))}
                  value={weekday}
                  allowDeselect={false}
                  onChange={(v) => v && (setWeekday(v as Weekday), setSaved(false))}
                />
              )}
              <Select label={t('accountability.reminders.hour')} data={hours} value={hour} allowDeselect={false} onChange={(v) => v && (setHour(v), setSaved(false))} />
            </Group>
          )}
          <Group gap={6} wrap="nowrap" align="flex-start">
            <IconBell size={16} aria-hidden style={{ flex: 'none', marginTop: 2 }} />
            <Text size="sm" c="gray.7">
              {t('accountability.reminders.pending', { count: s.pendingReminders })}{' '}
              {s.nextDigestAt && !dirty ? t('accountability.reminders.next', { when: f.dateTime(s.nextDigestAt) }) : ''}
            </Text>
          </Group>
          <ProblemAlert error={save.error} title={t('errors.notSaved')} />
          {saved && !dirty && (
            <Alert color="green" variant="light" icon={<IconCheck aria-hidden />} role="status" py={8}>
              <Text size="sm">{t('accountability.reminders.saved')}</Text>
            </Alert>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending} disabled={!dirty}>
              {t('accountability.reminders.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
