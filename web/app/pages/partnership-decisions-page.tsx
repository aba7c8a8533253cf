import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { decisionTypesOf } from '../../../src/domain/governance/decision-types';
import { useDocumentTitle } from '../../lib/hooks';
import { NotFoundState } from '../../components/page';
import { useCharter } from '../../features/governance/api';
import { asCharter } from '../../features/governance/charter-model';
import { DecisionList } from '../../features/governance/decision-list';
import { usePartnershipContext } from './partnership-workspace';

/** The partnership's decisions and polls. */
export function PartnershipDecisionsPage() {
  const p = usePartnershipContext();
  const { t } = useTranslation();
  useDocumentTitle(`${t('workspace.decisions')} · ${p.name}`);
  const charter = useCharter(p.id);
  const labels = useMemo(() => {
    if (!charter.data) return {};
    return Object.fromEntries(Object.values(decisionTypesOf(asCharter(charter.data.charter))).map((x) => [x.id, x.label]));
  }, [charter.data]);
  if (!p.allowedActions.includes('partnership.decisions.read')) return <NotFoundState />;
  return <DecisionList p={p} typeLabels={labels} />;
}
