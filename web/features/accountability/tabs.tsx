import { Button, Group } from '@mantine/core';
import { IconAlarm, IconCards, IconFileSpreadsheet, IconLayoutDashboard } from '@tabler/icons-react';
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PartnershipDetail } from '../../lib/types';

/** The accountability section's tabs (links, so each has an address). */
export function AccountabilityTabs({ p }: { p: PartnershipDetail }) {
  const { t } = useTranslation();
  const base = `/partnerships/${p.id}/accountability`;
  const path = useLocation().pathname.replace(/\/$/, '');
  const tabs = [
    { to: base, label: t('accountability.tabs.dashboard'), icon: IconLayoutDashboard },
    { to: `${base}/scorecards`, label: t('accountability.tabs.scorecards'), icon: IconCards },
    { to: `${base}/overdue`, label: t('accountability.tabs.overdue'), icon: IconAlarm },
    { to: `${base}/imports`, label: t('accountability.tabs.imports'), icon: IconFileSpreadsheet },
  ];
  return (
    <nav aria-label={t('accountability.tabs.label')}>
      <Group gap={6} wrap="wrap" pb={2}>
        {tabs.map((tab) => {
          const active = path === tab.to;
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
    </nav>
  );
}
