import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, qs } from './api';
import type { DecisionPage, PartnershipPerson } from './types';

/**
 * Lists of a partnership that several features show (the people, to name owners and holders; the decisions, to link
 * records to the decision that approved them). Their keys live under ['partnership', id] like every query of a
 * partnership, so live events refresh them.
 */
/** The people of the partnership (names for seats and proxies); only participants may list them. */
export function usePeople(id: string, enabled: boolean) {
  return useQuery({ queryKey: ['partnership', id, 'people'] as const, queryFn: () => api.get<{ items: PartnershipPerson[] }>(`/partnerships/${id}/people`), enabled });
}

/** The list's filters as the API takes them (null: any). */
export interface DecisionFilters {
  status?: string | null;
  kind?: string | null;
  decisionType?: string | null;
  q?: string | null;
  sort?: string | null;
}

export function useDecisions(id: string, filters: DecisionFilters = {}, limit = 20) {
  const { status = null, kind = null, decisionType = null, q = null, sort = null } = filters;
  return useInfiniteQuery({
    queryKey: ['partnership', id, 'decisions', status ?? 'all', kind, decisionType, q, sort, limit],
    queryFn: ({ pageParam }) => api.get<DecisionPage>(`/partnerships/${id}/decisions${qs({ status, kind, decisionType, q, sort, cursor: pageParam, limit })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

