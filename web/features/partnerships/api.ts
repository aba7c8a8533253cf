import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api, API_BASE, qs } from '../../lib/api';
import type { AuditPage, MemberListT, PartnershipDetail, PartnershipPage, PersonListT } from './types';

export interface PartnershipFilters {
  q?: string;
  model?: string;
  stage?: string;
  country?: string;
  mine?: string;
  sort?: string;
}

export const pKeys = {
  all: ['partnerships'] as const,
  list: (f: PartnershipFilters) => ['partnerships', 'list', f] as const,
  one: (id: string) => ['partnership', id] as const,
  members: (id: string) => ['partnership', id, 'members'] as const,
  people: (id: string) => ['partnership', id, 'people'] as const,
  audit: (id: string) => ['partnership', id, 'audit'] as const,
};

export function usePartnershipList(filters: PartnershipFilters, limit = 24, enabled = true) {
  return useInfiniteQuery({
    queryKey: [...pKeys.list(filters), limit],
    queryFn: ({ pageParam }) => api.get<PartnershipPage>(`/partnerships${qs({ ...filters, cursor: pageParam, limit })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

export function usePartnership(id: string | undefined) {
  return useQuery({ queryKey: pKeys.one(id ?? ''), queryFn: () => api.get<PartnershipDetail>(`/partnerships/${id}`), enabled: !!id });
}

export function usePartnershipMembers(id: string) {
  return useQuery({ queryKey: pKeys.members(id), queryFn: () => api.get<MemberListT>(`/partnerships/${id}/members`) });
}

export function usePartnershipPeople(id: string, enabled: boolean) {
  return useQuery({ queryKey: pKeys.people(id), queryFn: () => api.get<PersonListT>(`/partnerships/${id}/people`), enabled });
}

export function useAudit(id: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: pKeys.audit(id),
    queryFn: ({ pageParam }) => api.get<AuditPage>(`/partnerships/${id}/audit${qs({ cursor: pageParam, limit: 25 })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

/** Refreshes everything about the partnership whenever the server reports a change (server-sent events). */
export function useLiveEvents(id: string, enabled: boolean) {
  const qc = useQueryClient();
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const source = new EventSource(`${API_BASE}/partnerships/${id}/events`, { withCredentials: true });
    let timer: ReturnType<typeof setTimeout> | null = null;
    source.onmessage = () => {
      // Events come in bursts (one write = several events): refresh once per burst.
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        void qc.invalidateQueries({ queryKey: ['partnership', id] });
        void qc.invalidateQueries({ queryKey: pKeys.all });
        void qc.invalidateQueries({ queryKey: ['home'] });
      }, 150);
    };
    return () => {
      if (timer) clearTimeout(timer);
      source.close();
    };
  }, [id, enabled, qc]);
}
