import { Anchor, Group } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../lib/hooks';
import type { PartnershipDetail } from '../../lib/types';
import { NotFoundState, PageError, PageLoader } from '../../components/page';
import { usePartnershipContext } from '../../app/pages/partnership-workspace';
import { useIndicator, useSubmission } from './api';
import { ReportingCalendarView as CalendarView } from './calendar';
import { ContributionsView } from './contributions';
import { IndicatorView } from './indicator';
import { IndicatorForm } from './indicator-form';
import { ResultsSubnav } from './meta';
import { NewReport, SubmissionView } from './report';
import { ReviewQueue } from './review';
import { ResultsTreeView } from './tree';

/** The frame of every results page: the reader must see results; the section's own navigation on top. */
function Frame({ title, children, back }: { title: string; children: (p: PartnershipDetail) => ReactNode; back?: { to: string; label: string } }) {
  const p = usePartnershipContext();
  const { t } = useTranslation();
  useDocumentTitle(`${title || t('results.nav')} · ${p.name}`);
  if (!p.allowedActions.includes('partnership.results.read')) return <NotFoundState />;
  return (
    <>
      <ResultsSubnav base={`/partnerships/${p.id}`} />
      {back && (
        <Group mb="sm">
          <Anchor component={Link} to={back.to} size="sm">
            <Group gap={4} component="span">
              <IconArrowLeft size={14} aria-hidden />
              {back.label}
            </Group>
          </Anchor>
        </Group>
      )}
      {children(p)}
    </>
  );
}

export function ResultsPage() {
  const { t } = useTranslation();
  return <Frame title={t('results.nav')}>{(p) => <ResultsTreeView p={p} />}</Frame>;
}

export function ResultsReviewPage() {
  const { t } = useTranslation();
  return <Frame title={t('results.review.title')}>{(p) => <ReviewQueue p={p} />}</Frame>;
}

export function ResultsCalendarPage() {
  const { t } = useTranslation();
  return <Frame title={t('results.calendar.title')}>{(p) => <CalendarView p={p} />}</Frame>;
}

export function ResultsContributionsPage() {
  const { t } = useTranslation();
  return <Frame title={t('results.contributions.title')}>{(p) => <ContributionsView p={p} />}</Frame>;
}

function IndicatorLoaded({ p, indicatorId, children }: { p: PartnershipDetail; indicatorId: string; children: (d: NonNullable<ReturnType<typeof useIndicator>['data']>) => ReactNode }) {
  const q = useIndicator(p.id, indicatorId);
  const { t } = useTranslation();
  useDocumentTitle(`${q.data?.title ?? t('results.nav')} · ${p.name}`);
  if (q.isLoading) return <PageLoader />;
  if (q.error || !q.data) return <PageError error={q.error} onRetry={() => void q.refetch()} />;
  return <>{children(q.data)}</>;
}

export function IndicatorPage() {
  const { t } = useTranslation();
  const { indicatorId = '' } = useParams();
  const p = usePartnershipContext();
  return (
    <Frame title="" back={{ to: `/partnerships/${p.id}/results`, label: t('results.backToFramework') }}>
      {(p) => <IndicatorLoaded p={p} indicatorId={indicatorId}>{(d) => <IndicatorView p={p} d={d} />}</IndicatorLoaded>}
    </Frame>
  );
}

export function IndicatorNewPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const p = usePartnershipContext();
  if (!p.allowedActions.includes('partnership.results.manage')) return <NotFoundState />;
  return (
    <Frame title={t('results.addIndicator')} back={{ to: `/partnerships/${p.id}/results`, label: t('results.backToFramework') }}>
      {(p) => <IndicatorForm p={p} nodeId={params.get('node')} />}
    </Frame>
  );
}

export function IndicatorEditPage() {
  const { t } = useTranslation();
  const { indicatorId = '' } = useParams();
  const p = usePartnershipContext();
  if (!p.allowedActions.includes('partnership.results.manage')) return <NotFoundState />;
  return (
    <Frame title="" back={{ to: `/partnerships/${p.id}/results/indicators/${indicatorId}`, label: t('results.backToIndicator') }}>
      {(p) => <IndicatorLoaded p={p} indicatorId={indicatorId}>{(d) => <IndicatorForm p={p} d={d} />}</IndicatorLoaded>}
    </Frame>
  );
}

export function ReportNewPage() {
  const { t } = useTranslation();
  const { indicatorId = '' } = useParams();
  const p = usePartnershipContext();
  return (
    <Frame title="" back={{ to: `/partnerships/${p.id}/results/indicators/${indicatorId}`, label: t('results.backToIndicator') }}>
      {(p) => <IndicatorLoaded p={p} indicatorId={indicatorId}>{(d) => <NewReport p={p} d={d} />}</IndicatorLoaded>}
    </Frame>
  );
}

function SubmissionLoaded({ p, submissionId }: { p: PartnershipDetail; submissionId: string }) {
  const s = useSubmission(p.id, submissionId);
  if (s.isLoading) return <PageLoader />;
  if (s.error || !s.data) return <PageError error={s.error} onRetry={() => void s.refetch()} />;
  const sub = s.data;
  return <IndicatorLoaded p={p} indicatorId={sub.indicatorId}>{(d) => <SubmissionView p={p} s={sub} d={d} />}</IndicatorLoaded>;
}

export function SubmissionPage() {
  const { t } = useTranslation();
  const { submissionId = '' } = useParams();
  const p = usePartnershipContext();
  return (
    <Frame title="" back={{ to: `/partnerships/${p.id}/results/review`, label: t('results.backToQueue') }}>
      {(p) => <SubmissionLoaded p={p} submissionId={submissionId} />}
    </Frame>
  );
}
