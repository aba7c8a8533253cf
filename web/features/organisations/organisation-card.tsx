import { Card, Group, Stack, Text } from '@mantine/core';
import { IconMapPin } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SectorBadge } from '../../components/badges';
import { useFormat } from '../../lib/format';
import type { Organisation } from '../../lib/types';
import type { Sector } from '../../../src/domain/organisations/organisation';

/** What an organisation offers or seeks, on one line; nothing when there is none. */
function TagLine({ label, tags }: { label: string; tags: string[] }) {
  if (tags.length === 0) return null;
  return (
    <Text size="xs" c="gray.7" lineClamp={1}>
      <Text span fw={600} size="xs">
        {label}:
      </Text>{' '}
      {tags.join(', ')}
    </Text>
  );
}

/** An organisation as a card in the directory. */
export function OrganisationCard({ org }: { org: Pick<Organisation, 'id' | 'name' | 'sector' | 'country' | 'description' | 'offers' | 'seeks'> }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Card component={Link} to={`/organisations/${org.id}`} className="accord-card-link">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Text fw={650} fz="md" lineClamp={2}>
            {org.name}
          </Text>
        </Group>
        <Group gap={8}>
          <SectorBadge sector={org.sector as Sector} size="sm" />
          {org.country && (
            <Group gap={4} wrap="nowrap">
              <IconMapPin size={14} aria-hidden color="var(--mantine-color-gray-7)" />
              <Text size="sm" c="gray.7">
                {f.country(org.country)}
              </Text>
            </Group>
          )}
        </Group>
        {org.description && (
          <Text size="sm" c="gray.7" lineClamp={2}>
            {org.description}
          </Text>
        )}
        {(org.offers.length > 0 || org.seeks.length > 0) && (
          <Stack gap={2}>
            <TagLine label={t('organisation.offers')} tags={org.offers} />
            <TagLine label={t('organisation.seeks')} tags={org.seeks} />
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
