import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SectorBadges } from '../../components/badges';
import { useFormat } from '../../lib/format';
import type { PartnershipDetail } from './types';

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" tt="uppercase" fw={700} c="gray.7" style={{ letterSpacing: 0.4 }}>
        {label}
      </Text>
      <div style={{ marginTop: 4 }}>{children}</div>
    </div>
  );
}

/** Purpose and key facts of a partnership. */
export function OverviewFacts({ p }: { p: PartnershipDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Card>
      <Stack gap="md">
        <div>
          <Title order={2} fz="lg" mb={6}>
            {t('overview.purpose')}
          </Title>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{p.purpose}</Text>
        </div>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
          <Fact label={t('model.label')}>
            <Text size="sm">{t(`model.${p.model}.name`)}</Text>
          </Fact>
          <Fact label={t('overview.dates')}>
            <Text size="sm">{p.startDate || p.endDate ? `${p.startDate ? f.date(p.startDate) : '…'} – ${p.endDate ? f.date(p.endDate) : t('overview.openEnded')}` : t('overview.notSet')}</Text>
          </Fact>
          <Fact label={t('partnership.countries')}>
            <Text size="sm">{p.countries.length ? p.countries.map((c) => f.country(c)).join(', ') : t('overview.notSet')}</Text>
          </Fact>
          <Fact label={t('overview.members')}>
            <Text size="sm">{t('partnership.memberCount', { count: p.memberCount, formatted: f.number(p.memberCount) })}</Text>
          </Fact>
        </SimpleGrid>
        {p.sectors.length > 0 && (
          <Fact label={t('partnership.sectors')}>
            <SectorBadges sectors={p.sectors} size="sm" />
          </Fact>
        )}
      </Stack>
    </Card>
  );
}
