import { Grid } from '@mantine/core';
import { Outlet, useOutletContext, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../lib/hooks';
import { ModelBadge, StageBadge, VisibilityBadge } from '../../components/badges';
import { PageError, PageHeader, PageLoader } from '../../components/page';
import { useLiveEvents, usePartnership } from '../../features/partnerships/api';
import { WorkspaceNav } from '../../features/partnerships/workspace-nav';
import type { PartnershipDetail } from '../../lib/types';
import { resourcesSections } from '../../features/resources/routes';
import { risksSections } from '../../features/risks/routes';
import { resultsSections } from '../../features/results/routes';
import { accountabilitySections } from '../../features/accountability/routes';

/** The workspace sections of the accountability features, in the order the navigation shows them. */
const FEATURE_SECTIONS = [...resourcesSections, ...resultsSections, ...risksSections, ...accountabilitySections];

/** The partnership as the pages of its workspace receive it. */
export function usePartnershipContext(): PartnershipDetail {
  return useOutletContext<PartnershipDetail>();
}

/** A partnership's workspace: one header, one left navigation, the section on the right; live updates. */
export function PartnershipWorkspace() {
  const { id } = useParams();
  const { t } = useTranslation();
  const q = usePartnership(id);
  useLiveEvents(id ?? '', !!q.data?.allowedActions.includes('partnership.events.subscribe'));
  useDocumentTitle(q.data?.name ?? t('nav.partnerships'));
  if (q.isLoading) return <PageLoader />;
  if (q.error) return <PageError error={q.error} onRetry={() => void q.refetch()} />;
  const p = q.data!;
  return (
    <>
      <PageHeader
        crumbs={[{ label: t('nav.partnerships'), to: '/partnerships' }, { label: p.name }]}
        title={p.name}
        badges={
          <>
            <ModelBadge model={p.model} />
            <StageBadge stage={p.stage} />
            <VisibilityBadge visibility={p.visibility} />
          </>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 3, lg: 2.5 }}>
          <div style={{ position: 'sticky', top: 80 }}>
            <WorkspaceNav p={p} extra={FEATURE_SECTIONS} />
          </div>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 9, lg: 9.5 }}>
          <Outlet context={p} />
        </Grid.Col>
      </Grid>
    </>
  );
}
