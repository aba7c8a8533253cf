import { NavLink, Paper, ScrollArea, Group, Button } from '@mantine/core';
import { IconFileCertificate, IconGavel, IconHistory, IconLayoutDashboard, IconScale, IconSettings, IconUsers } from '@tabler/icons-react';
import { NavLink as RouterNavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PartnershipDetail } from './types';
import type { WorkspaceSection } from '../../lib/workspace';

/** The one navigation of a partnership's workspace; sections hide when the reader may not see them. */
export function workspaceSections(p: PartnershipDetail, extra: readonly WorkspaceSection[] = []) {
  const can = (a: string) => p.allowedActions.includes(a as never);
  const features = extra.map((s) => ({ ...s, show: !s.action || can(s.action) }));
  return [
    { to: '', key: 'workspace.overview', icon: IconLayoutDashboard, show: true },
    { to: 'members', key: 'workspace.members', icon: IconUsers, show: true },
    { to: 'charter', key: 'workspace.charter', icon: IconFileCertificate, show: can('partnership.charter.read') },
    { to: 'decisions', key: 'workspace.decisions', icon: IconGavel, show: can('partnership.decisions.read') },
    { to: 'disputes', key: 'workspace.disputes', icon: IconScale, show: can('partnership.disputes.read') },
    ...features,
    { to: 'audit', key: 'workspace.audit', icon: IconHistory, show: can('partnership.audit.read') },
    { to: 'settings', key: 'workspace.settings', icon: IconSettings, show: can('partnership.update') },
  ].filter((s) => s.show);
}

/** `extra`: the sections of other features (the app assembles them), shown after the disputes. */
export function WorkspaceNav({ p, extra = [] }: { p: PartnershipDetail; extra?: readonly WorkspaceSection[] }) {
  const { t } = useTranslation();
  const sections = workspaceSections(p, extra);
  const base = `/partnerships/${p.id}`;
  return (
    <>
      <Paper withBorder p={6} visibleFrom="md" component="nav" aria-label={t('workspace.nav')} className="accord-sidenav">
        {sections.map((s) => (
          <NavLink key={s.key} component={RouterNavLink} to={s.to ? `${base}/${s.to}` : base} end={!s.to} label={t(s.key)} leftSection={<s.icon size={18} aria-hidden />} style={{ borderRadius: 8 }} />
        ))}
      </Paper>
      <ScrollArea hiddenFrom="md" type="never" component="nav" aria-label={t('workspace.nav')}>
        <Group gap={6} wrap="nowrap" pb={4}>
          {sections.map((s) => (
            <Button key={s.key} component={RouterNavLink} to={s.to ? `${base}/${s.to}` : base} end={!s.to} size="xs" variant="default" leftSection={<s.icon size={14} aria-hidden />} className="accord-topnav" style={{ flex: 'none' }}>
              {t(s.key)}
            </Button>
          ))}
        </Group>
      </ScrollArea>
    </>
  );
}
