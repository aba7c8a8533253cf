import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type * as c from '../../../src/contracts/risks';
import { api, qs } from '../../lib/api';

export type RiskSummary = z.infer<typeof c.RiskSummary>;
export type RiskDetail = z.infer<typeof c.RiskDetail>;
export type RiskPage = z.infer<typeof c.RiskPage>;
export type RiskChange = z.infer<typeof c.RiskChange>;
export type RiskChangePage = z.infer<typeof c.RiskChangePage>;
export type RiskHeatMap = z.infer<typeof c.RiskHeatMap>;
export type RiskOverdue = z.infer<typeof c.RiskOverdue>;
export type RiskAction = z.infer<typeof c.RiskActionRecord>;

/**
 * Query keys. Everything lives under ['partnership', id], so the workspace's live events (risk.created,
 * risk.updated...) refresh the register, the heat map and an open risk without further wiring.
 */
export const riskKeys = {
  all: (id: string) => ['partnership', id, 'risks'] as const,
  list: (id: string, f: RiskFilters) => ['partnership', id, 'risks', 'list', f] as const,
  heatmap: (id: string, status: string | null) => ['partnership', id, 'risks', 'heatmap', status ?? 'live'] as const,
  overdue: (id: string) => ['partnership', id, 'risks', 'overdue'] as const,
  risk: (id: string, riskId: string) => ['partnership', id, 'risks', 'risk', riskId] as const,
  history: (id: string, riskId: string) => ['partnership', id, 'risks', 'risk', riskId, 'history'] as const,
};

/** The register's filters as the API takes them (null: any). */
export interface RiskFilters {
  status?: string | null;
  category?: string | null;
  band?: string | null;
  owner?: string | null;
  sort?: string | null;
  order?: string | null;
}

export const riskListParams = (f: RiskFilters) => ({ status: f.status, category: f.category, band: f.band, owner: f.owner, sort: f.sort, order: f.order });

export function useRisks(id: string, f: RiskFilters, enabled = true, limit = 25) {
  return useInfiniteQuery({
    queryKey: [...riskKeys.list(id, f), limit],
    queryFn: ({ pageParam }) => api.get<RiskPage>(`/partnerships/${id}/risks${qs({ ...riskListParams(f), cursor: pageParam, limit })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The heat map of the given status (null: every status but closed). */
export function useRiskHeatMap(id: string, status: string | null) {
  return useQuery({ queryKey: riskKeys.heatmap(id, status), queryFn: () => api.get<RiskHeatMap>(`/partnerships/${id}/risks-heatmap${qs({ status })}`), placeholderData: keepPreviousData });
}

export function useRiskOverdue(id: string) {
  return useQuery({ queryKey: riskKeys.overdue(id), queryFn: () => api.get<RiskOverdue>(`/partnerships/${id}/risks-overdue`) });
}

export function useRisk(id: string, riskId: string) {
  return useQuery({ queryKey: riskKeys.risk(id, riskId), queryFn: () => api.get<RiskDetail>(`/partnerships/${id}/risks/${riskId}`) });
}

export function useRiskHistory(id: string, riskId: string) {
  return useInfiniteQuery({
    queryKey: riskKeys.history(id, riskId),
    queryFn: ({ pageParam }) => api.get<RiskChangePage>(`/partnerships/${id}/risks/${riskId}/history${qs({ cursor: pageParam, limit: 20 })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Commitments of the partnership, to link a risk to (number and description only). */
export function useCommitmentOptions(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['partnership', id, 'risks', 'commitment-options'],
    queryFn: () => api.get<{ items: { id: string; number: number; description: string; organisationName?: string }[] }>(`/partnerships/${id}/commitments${qs({ limit: 100 })}`),
    enabled,
    retry: false,
  });
}
