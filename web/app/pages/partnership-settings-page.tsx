import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../lib/hooks';
import { NotFoundState } from '../../components/page';
import { PartnershipSettingsForm } from '../../features/partnerships/partnership-settings-form';
import { usePartnershipContext } from './partnership-workspace';

export function PartnershipSettingsPage() {
  const p = usePartnershipContext();
  const { t } = useTranslation();
  useDocumentTitle(`${t('workspace.settings')} · ${p.name}`);
  if (!p.allowedActions.includes('partnership.update')) return <NotFoundState />;
  return <PartnershipSettingsForm key={p.updatedAt} p={p} />;
}
