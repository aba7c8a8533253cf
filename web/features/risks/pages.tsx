import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { usePartnershipContext } from '../../app/pages/partnership-workspace';
import { NotFoundState, PageError, PageLoader } from '../../components/page';
import { useDocumentTitle } from '../../lib/hooks';
import { useRisk } from './api';
import { canManageRisks, RiskRegister } from './register';
import { RiskForm } from './risk-form';
import { RiskView } from './risk-view';

/** The shared risk register of the partnership: heat map, overdue items and the list. */
export function RisksPage() {
  const p = usePartnershipContext();
  const { t } = useTranslation();
  useDocumentTitle(`${t('risks.nav')} · ${p.name}`);
  if (!p.allowedActions.includes('partnership.risks.read')) return <NotFoundState />;
  return <RiskRegister p={p} />;
}

/** Registering a risk. */
export function RiskNewPage() {
  const p = usePartnershipContext();
  const { t } = useTranslation();
  useDocumentTitle(`${t('risks.form.createTitle')} · ${p.name}`);
  if (!canManageRisks(p)) return <NotFoundState />;
  return <RiskForm p={p} />;
}

/** One risk. */
export function RiskPage() {
  const p = usePartnershipContext();
  const { riskId = '' } = useParams();
  const { t } = useTranslation();
  const q = useRisk(p.id, riskId);
  useDocumentTitle(`${q.data ? `#${q.data.number} ${q.data.title}` : t('risks.nav')} · ${p.name}`);
  if (q.isLoading) return <PageLoader />;
  if (q.error) return <PageError error={q.error} onRetry={() => void q.refetch()} />;
  return <RiskView p={p} r={q.data!} />;
}

/** Editing a risk; after a conflict the form starts again from the saved risk when asked to. */
export function RiskEditPage() {
  const p = usePartnershipContext();
  const { riskId = '' } = useParams();
  const { t } = useTranslation();
  const q = useRisk(p.id, riskId);
  useDocumentTitle(`${q.data ? t('risks.form.editTitle', { number: q.data.number }) : t('risks.nav')} · ${p.name}`);
  if (q.isLoading) return <PageLoader />;
  if (q.error) return <PageError error={q.error} onRetry={() => void q.refetch()} />;
  const r = q.data!;
  if (!r.allowedActions.includes('update')) return <NotFoundState />;
  return <RiskForm key={r.id} p={p} risk={r} onReload={async () => (await q.refetch()).data} />;
}
