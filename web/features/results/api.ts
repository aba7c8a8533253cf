import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, qs } from '../../lib/api';
import { useSession } from '../../lib/session';
import { usePeople } from '../../lib/queries';
import type {
  Contributions, IndicatorDetail, ReportingCalendar, ResultsTree, SubmissionDetail, SubmissionPage as SubmissionPageSchema,
} from '../../../src/contracts/results';
import type { CommitmentPage } from '../../../src/contracts/ledger';
import type { PartnershipDetail } from '../../lib/types';

export type SubmissionPage = z.infer<typeof SubmissionPageSchema>;
export type CommitmentSummary = z.infer<typeof CommitmentPage>['items'][number];

/**
 * Query keys. Everything lives under ['partnership', id, 'results'], so one invalidation after a write refreshes
 * the tree, the indicator pages, the queue and the calendar together (the partnership's live events do too).
 */
export const rKeys = {
  all: (id: string) => ['partnership', id, 'results'] as const,
  tree: (id: string, missing: string) => ['partnership', id, 'results', 'tree', missing] as const,
  indicator: (id: string, indicatorId: string) => ['partnership', id, 'results', 'indicator', indicatorId] as const,
  submissions: (id: string) => ['partnership', id, 'results', 'submissions'] as const,
  submission: (id: string, s: string) => ['partnership', id, 'results', 'submission', s] as const,
  calendar: (id: string) => ['partnership', id, 'results', 'calendar'] as const,
  contributions: (id: string) => ['partnership', id, 'results', 'contributions'] as const,
  commitments: (id: string) => ['partnership', id, 'results', 'commitments'] as const,
};

export function useResultsTree(id: string, missing: 'skip' | 'zero' = 'skip') {
  return useQuery({ queryKey: rKeys.tree(id, missing), queryFn: () => api.get<ResultsTree>(`/partnerships/${id}/results${qs({ missing })}`), placeholderData: keepPreviousData });
}

export function useIndicator(id: string, indicatorId: string | null | undefined) {
  return useQuery({ queryKey: rKeys.indicator(id, indicatorId ?? ''), queryFn: () => api.get<IndicatorDetail>(`/partnerships/${id}/indicators/${indicatorId}`), enabled: !!indicatorId });
}

export interface SubmissionFilters {
  status?: string | null;
  partnerId?: string | null;
  periodKey?: string | null;
  indicatorId?: string | null;
}

export function useSubmissions(id: string, filters: SubmissionFilters = {}, limit = 25) {
  const { status = null, partnerId = null, periodKey = null, indicatorId = null } = filters;
  return useInfiniteQuery({
    queryKey: [...rKeys.submissions(id), status, partnerId, periodKey, indicatorId, limit],
    queryFn: ({ pageParam }) => api.get<SubmissionPage>(`/partnerships/${id}/indicator-submissions${qs({ status, partnerId, periodKey, indicatorId, cursor: pageParam, limit })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useSubmission(id: string, submissionId: string) {
  return useQuery({ queryKey: rKeys.submission(id, submissionId), queryFn: () => api.get<SubmissionDetail>(`/partnerships/${id}/indicator-submissions/${submissionId}`) });
}

export function useCalendar(id: string, filters: { indicatorId?: string | null; partnerId?: string | null } = {}) {
  const { indicatorId = null, partnerId = null } = filters;
  return useQuery({
    queryKey: [...rKeys.calendar(id), indicatorId, partnerId],
    queryFn: () => api.get<ReportingCalendar>(`/partnerships/${id}/reporting-calendar${qs({ indicatorId, partnerId })}`),
    placeholderData: keepPreviousData,
  });
}

export function useContributions(id: string) {
  return useQuery({ queryKey: rKeys.contributions(id), queryFn: () => api.get<Contributions>(`/partnerships/${id}/result-contributions`) });
}

/** The partnership's commitments (to name them and link them to results); the first 100, one page of the ledger's list. */
export function useCommitments(id: string, enabled = true) {
  return useQuery({ queryKey: rKeys.commitments(id), queryFn: () => api.get<z.infer<typeof CommitmentPage>>(`/partnerships/${id}/commitments${qs({ limit: 100 })}`), enabled, retry: false });
}

/**
 * The organisations the signed-in person reports for in this partnership (their rows as representative or
 * convener, as the service decides), and whether they may report for anyone (platform administrators).
 */
export function useReportingOrgs(p: PartnershipDetail): { orgs: Set<string>; any: boolean; loading: boolean } {
  const { user } = useSession();
  const mayReport = p.allowedActions.includes('partnership.results.report');
  const people = usePeople(p.id, mayReport && !!user && !user.isAdmin);
  if (!user || !mayReport) return { orgs: new Set(), any: false, loading: false };
  if (user.isAdmin) return { orgs: new Set(), any: true, loading: false };
  const orgs = new Set(
    (people.data?.items ?? []).filter((x) => x.userId === user.id && (x.role === 'representative' || x.role === 'convener') && x.organisationId).map((x) => x.organisationId as string),
  );
  return { orgs, any: false, loading: people.isLoading };
}
