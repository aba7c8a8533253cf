import { Button, Group, ScrollArea } from '@mantine/core';
import { IconArrowsExchange, IconBook2, IconChartBar, IconHeartHandshake } from '@tabler/icons-react';
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PartnershipDetail } from '../../lib/types';

/** The resources section's own tabs: commitments, the ledger, the budget, rates and settings (links, so each has an address). */
export function ResourcesTabs({ p }: { p: PartnershipDetail }) {
  const { t } = useTranslation();
  const base = `/partnerships/${p.id}/resources`;
  const path = useLocation().pathname.replace(/\/$/, '');
  const tabs = [
    { to: base, label: t('resources.tabs.commitments'), icon: IconHeartHandshake, match: (path: string) => path === base || path.startsWith(`${base}/commitments`) || path === `${base}/new` },
    { to: `${base}/ledger`, label: t('resources.tabs.ledger'), icon: IconBook2 },
    { to: `${base}/budget`, label: t('resources.tabs.budget'), icon: IconChartBar },
    { to: `${base}/rates`, label: t('resources.tabs.rates'), icon: IconArrowsExchange },
  ];
  return (
    <ScrollArea type="never" component="nav" aria-label={t('resources.tabs.label')} mb="md">
      <Group gap={6} wrap="nowrap" pb={2}>
        {tabs.map((tab) => {
          const active = tab.match ? tab.match(path) : path === tab.to;
          return (
            <Button
              key={tab.to}
              component={Link}
              to={tab.to}
              size="sm"
              variant={active ? 'light' : 'subtle'}
              color={active ? 'blue' : 'gray'}
              c={active ? '#1864ab' : '#343a40'}
              aria-current={active ? 'page' : undefined}
              leftSection={<tab.icon size={16} aria-hidden />}
              style={{ flex: 'none' }}
            >
              {tab.label}
            </Button>
          );
        })}
      </Group>
    </ScrollArea>
  );
}
