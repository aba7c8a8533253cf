import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, qs } from '../../lib/api';
import type { Organisation, OrganisationMemberList, OrganisationPage } from '../../lib/types';

export interface OrganisationFilters {
  q?: string;
  sector?: string;
  country?: string;
  tag?: string;
  tagKind?: string;
  sort?: string;
}

export const orgKeys = {
  all: ['organisations'] as const,
  list: (f: OrganisationFilters) => ['organisations', 'list', f] as const,
  one: (id: string) => ['organisation', id] as const,
  members: (id: string) => ['organisation', id, 'members'] as const,
};

export function useOrganisationList(filters: OrganisationFilters, limit = 24) {
  return useInfiniteQuery({
    queryKey: [...orgKeys.list(filters), limit],
    queryFn: ({ pageParam }) => api.get<OrganisationPage>(`/organisations${qs({ ...filters, cursor: pageParam, limit })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useOrganisation(id: string | undefined) {
  return useQuery({ queryKey: orgKeys.one(id ?? ''), queryFn: () => api.get<Organisation>(`/organisations/${id}`), enabled: !!id });
}

export function useOrganisationMembers(id: string, enabled: boolean) {
  return useQuery({ queryKey: orgKeys.members(id), queryFn: () => api.get<OrganisationMemberList>(`/organisations/${id}/members`), enabled });
}
