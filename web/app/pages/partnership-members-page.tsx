import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../lib/hooks';
import { MemberOrganisations, MemberPeople } from '../../features/partnerships/members-panel';
import { usePartnershipContext } from './partnership-workspace';

export function PartnershipMembersPage() {
  const p = usePartnershipContext();
  const { t } = useTranslation();
  useDocumentTitle(`${t('workspace.members')} · ${p.name}`);
  return (
    <Stack gap="lg">
      <MemberOrganisations p={p} />
      <MemberPeople p={p} />
    </Stack>
  );
}
