import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, ApiError, qs } from '../../lib/api';
import type {
  BallotList, CharterVersion, CharterVersionList, CommentPage, DecisionDetail, DisputeDetail, DisputePage, DisputeStats, TemplateList,
} from '../../lib/types';

/**
 * Query keys. Everything about one partnership lives under ['partnership', id], so the workspace's live
 * events (ballot cast, decision opened or closed, charter adopted...) refresh it without further wiring.
 */
export const gKeys = {
  charter: (id: string) => ['partnership', id, 'charter', 'current'] as const,
  charterVersion: (id: string, v: number) => ['partnership', id, 'charter', 'version', v] as const,
  versions: (id: string) => ['partnership', id, 'charter', 'versions'] as const,
  templates: ['charter-templates'] as const,
  decisions: (id: string, status: string | null) => ['partnership', id, 'decisions', status ?? 'all'] as const,
  decision: (id: string, d: string) => ['partnership', id, 'decision', d] as const,
  ballots: (id: string, d: string) => ['partnership', id, 'decision', d, 'ballots'] as const,
  comments: (id: string, d: string) => ['partnership', id, 'decision', d, 'comments'] as const,
  disputes: (id: string, status: string | null) => ['partnership', id, 'disputes', status ?? 'all'] as const,
  dispute: (id: string, d: string) => ['partnership', id, 'dispute', d] as const,
  disputeStats: (id: string) => ['partnership', id, 'disputes-summary'] as const,
  people: (id: string) => ['partnership', id, 'people'] as const,
};

/** The charter in force; `null` when none has been adopted yet (the API answers 404). */
export function useCharter(id: string) {
  return useQuery({
    queryKey: gKeys.charter(id),
    queryFn: async () => {
      try {
        return await api.get<CharterVersion>(`/partnerships/${id}/charter`);
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }
    },
  });
}

/** One version of the charter; versions never change once adopted. */
export function useCharterVersion(id: string, version: number | null | undefined) {
  return useQuery({
    queryKey: gKeys.charterVersion(id, version ?? 0),
    queryFn: () => api.get<CharterVersion>(`/partnerships/${id}/charter/versions/${version}`),
    enabled: !!version,
    staleTime: Infinity,
  });
}

export function useCharterVersions(id: string, enabled = true) {
  return useQuery({ queryKey: gKeys.versions(id), queryFn: () => api.get<CharterVersionList>(`/partnerships/${id}/charter/versions`), enabled });
}

export function useTemplates(enabled = true) {
  return useQuery({ queryKey: gKeys.templates, queryFn: () => api.get<TemplateList>('/charter-templates'), staleTime: Infinity, enabled });
}

export function useDecision(id: string, decisionId: string) {
  return useQuery({ queryKey: gKeys.decision(id, decisionId), queryFn: () => api.get<DecisionDetail>(`/partnerships/${id}/decisions/${decisionId}`) });
}

export function useBallots(id: string, decisionId: string, enabled: boolean) {
  return useQuery({ queryKey: gKeys.ballots(id, decisionId), queryFn: () => api.get<BallotList>(`/partnerships/${id}/decisions/${decisionId}/ballots`), enabled, retry: false });
}

export function useComments(id: string, decisionId: string) {
  return useInfiniteQuery({
    queryKey: gKeys.comments(id, decisionId),
    queryFn: ({ pageParam }) => api.get<CommentPage>(`/partnerships/${id}/decisions/${decisionId}/comments${qs({ cursor: pageParam, limit: 50 })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useDisputes(id: string, filters: { status?: string | null; party?: string | null; q?: string | null } = {}, limit = 20) {
  const { status = null, party = null, q = null } = filters;
  return useInfiniteQuery({
    queryKey: [...gKeys.disputes(id, status), party, q, limit],
    queryFn: ({ pageParam }) => api.get<DisputePage>(`/partnerships/${id}/disputes${qs({ status, party, q, cursor: pageParam, limit })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useDispute(id: string, disputeId: string) {
  return useQuery({ queryKey: gKeys.dispute(id, disputeId), queryFn: () => api.get<DisputeDetail>(`/partnerships/${id}/disputes/${disputeId}`) });
}

export function useDisputeStats(id: string) {
  return useQuery({ queryKey: gKeys.disputeStats(id), queryFn: () => api.get<DisputeStats>(`/partnerships/${id}/disputes-summary`) });
}
