import { Anchor, Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertCircle, IconCalendarDue, IconCircleCheck, IconClipboardCheck, IconTarget, IconUserQuestion, IconUsersPlus, IconCheckbox, IconReportAnalytics, IconPackage } from '@tabler/icons-react';
import { useFormat } from '../../lib/format';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AttentionItem } from '../../lib/types';

const KIND = {
  stage_review: { icon: IconClipboardCheck, color: 'yellow', to: '' },
  no_goals: { icon: IconTarget, color: 'orange', to: '' },
  no_members: { icon: IconUsersPlus, color: 'orange', to: '/members' },
  pending_membership: { icon: IconUserQuestion, color: 'blue', to: '/members' },
  decision_review: { icon: IconCalendarDue, color: 'yellow', to: '/decisions' },
  vote_needed: { icon: IconCheckbox, color: 'blue', to: '/decisions' },
  reports_to_review: { icon: IconReportAnalytics, color: 'blue', to: '/results' },
  deliveries_to_confirm: { icon: IconPackage, color: 'blue', to: '/resources' },
} as const;

/** What needs my attention; each item says what kind it is (icon and word) and links to where to act. */
export function AttentionList({ items }: { items: AttentionItem[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  /** The detail in the reader's language, from the item's kind, date and count; the server's English otherwise. */
  const detailOf = (a: AttentionItem): string | null =>
    a.count !== null
      ? t(`attentionDetail.${a.kind}`, { count: a.count, n: f.number(a.count) })
      : a.due !== null
        ? t(`attentionDetail.${a.kind}`, { date: a.due.length > 10 ? f.dateTime(a.due) : f.date(a.due), defaultValue: a.detail ?? '' })
        : a.detail && t(`attentionDetail.${a.kind}`, { defaultValue: a.detail });
  return (
    <Card>
      <Group gap="xs" mb="sm">
        <IconAlertCircle size={20} aria-hidden color="var(--mantine-color-accord-7)" />
        <Title order={2} fz="lg">
          {t('home.attention')}
        </Title>
      </Group>
      {items.length === 0 ? (
        <Group gap="sm" wrap="nowrap" py="sm">
          <ThemeIcon color="teal" variant="light" radius="xl" size={34}>
            <IconCircleCheck size={20} aria-hidden />
          </ThemeIcon>
          <div>
            <Text fw={600} size="sm">
              {t('home.allClear')}
            </Text>
            <Text size="sm" c="gray.7">
              {t('home.allClearBody')}
            </Text>
          </div>
        </Group>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((a, i) => {
            const k = KIND[a.kind] ?? KIND.stage_review;
            const href = a.partnershipId
              ? `/partnerships/${a.partnershipId}${k.to}${a.decisionId ? `/${a.decisionId}` : ''}`
              : a.organisationId
                ? `/organisations/${a.organisationId}`
                : null;
            return (
              <Group key={i} component="li" gap="sm" wrap="nowrap" align="flex-start" p="xs" style={{ borderRadius: 8, background: 'var(--mantine-color-gray-0)' }}>
                <ThemeIcon color={k.color} variant="light" radius="md" size={32}>
                  <k.icon size={18} aria-hidden />
                </ThemeIcon>
                <div style={{ minWidth: 0 }}>
                  <Text size="xs" fw={700} c="gray.7" tt="uppercase">
                    {t(`attention.${a.kind}`)}
                  </Text>
                  {href ? (
                    <Anchor component={Link} to={href} fw={600} size="sm">
                      {a.title}
                    </Anchor>
                  ) : (
                    <Text fw={600} size="sm">
                      {a.title}
                    </Text>
                  )}
                  {detailOf(a) && (
                    <Text size="sm" c="gray.7">
                      {detailOf(a)}
                    </Text>
                  )}
                </div>
              </Group>
            );
          })}
        </Stack>
      )}
    </Card>
  );
}
