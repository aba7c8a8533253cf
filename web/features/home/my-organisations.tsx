import { Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconBuilding, IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SectorBadge } from '../../components/badges';
import { EmptyState } from '../../components/page';
import type { MyOrganisation } from '../../lib/types';

export function MyOrganisations({ items }: { items: MyOrganisation[] }) {
  const { t } = useTranslation();
  return (
    <Card>
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="lg">
          {t('home.myOrganisations')}
        </Title>
        {items.length > 0 && (
          <Button component={Link} to="/organisations/new" size="xs" variant="subtle" leftSection={<IconPlus size={14} aria-hidden />}>
            {t('common.new')}
          </Button>
        )}
      </Group>
      {items.length === 0 ? (
        <EmptyState
          icon={IconBuilding}
          title={t('home.noOrganisationsTitle')}
          description={t('home.noOrganisationsBody')}
          action={
            <Button component={Link} to="/organisations/new" leftSection={<IconPlus size={16} aria-hidden />}>
              {t('organisation.create')}
            </Button>
          }
        />
      ) : (
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((o) => (
            <Group key={o.id} component="li" justify="space-between" wrap="nowrap" gap="sm">
              <div style={{ minWidth: 0 }}>
                <Anchor component={Link} to={`/organisations/${o.id}`} fw={600} size="sm">
                  {o.name}
                </Anchor>
                <Text size="xs" c="gray.7">
                  {t(`orgRole.${o.role}`)}
                </Text>
              </div>
              <SectorBadge sector={o.sector} size="sm" />
            </Group>
          ))}
        </Stack>
      )}
    </Card>
  );
}
