import { Card, Group, Stack, Text } from '@mantine/core';
import { IconMapPin, IconUsers } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ModelBadge, StageBadge, VisibilityBadge } from '../../components/badges';
import { useFormat } from '../../lib/format';
import type { PartnershipSummary } from './types';

/** A partnership as a card: model, lifecycle stage, visibility, where and how many. */
export function PartnershipCard({ p }: { p: PartnershipSummary }) {
  const { t } = useTranslation();
  const f = useFormat();
  const countries = p.countries.slice(0, 3).map((c) => f.country(c));
  return (
    <Card component={Link} to={`/partnerships/${p.id}`} className="accord-card-link">
      <Stack gap="sm" h="100%">
        <Group gap={6}>
          <ModelBadge model={p.model} size="sm" />
          <StageBadge stage={p.stage} size="sm" />
          <VisibilityBadge visibility={p.visibility} size="sm" />
        </Group>
        <Text fw={650} fz="lg" lh={1.3} lineClamp={2}>
          {p.name}
        </Text>
        <div style={{ flex: 1 }}>
          <Text size="sm" c="gray.7" lineClamp={3}>
            {p.purpose}
          </Text>
        </div>
        <Group gap="md" c="gray.7">
          <Group gap={4} wrap="nowrap">
            <IconUsers size={15} aria-hidden />
            <Text size="sm">{t('partnership.memberCount', { count: p.memberCount, formatted: f.number(p.memberCount) })}</Text>
          </Group>
          {countries.length > 0 && (
            <Group gap={4} wrap="nowrap" style={{ minWidth: 0 }}>
              <IconMapPin size={15} aria-hidden />
              <Text size="sm" truncate>
                {countries.join(', ')}
                {p.countries.length > 3 ? ` +${f.number(p.countries.length - 3)}` : ''}
              </Text>
            </Group>
          )}
        </Group>
        {p.myRoles.length > 0 && (
          <Text size="xs" c="accord.8" fw={600}>
            {t('partnership.yourRole', { roles: p.myRoles.map((r) => t(`personRole.${r}`)).join(', ') })}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
