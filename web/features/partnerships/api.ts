import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api, API_BASE, qs } from '../../lib/api';
import { SESSION_KEY } from '../../lib/session';
import type { MEMBER_SORTS, PERSON_SORTS } from '../../../src/contracts/partnerships';
import type { MemberRole, PersonRole } from '../../../src/domain/partnerships/partnership';
import type { AuditPage, MemberListT, PartnershipDetail, PartnershipPage, PersonListT } from './types';

export interface PartnershipFilters {
  q?: string;
  model?: string;
  stage?: string;
  country?: string;
  sector?: string;
  visibility?: string;
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

/** How the members panel asks for member organisations: the API's filters and sorts (MemberQuery). */
export interface MemberListFilters { sort: (typeof MEMBER_SORTS)[number]; status: 'current' | 'left' | 'all'; role?: MemberRole }
/** How the members panel asks for people (PersonQuery). */
export interface PersonListFilters { sort: (typeof PERSON_SORTS)[number]; role?: PersonRole }
const MEMBERS_PAGE = 50;

/** Member organisations, a page at a time, filtered and sorted by the API (a large initiative has thousands). */
export function usePartnershipMembers(id: string, f: MemberListFilters) {
  return useInfiniteQuery({
    queryKey: [...pKeys.members(id), f],
    queryFn: ({ pageParam }) => api.get<MemberListT>(`/partnerships/${id}/members${qs({ ...f, cursor: pageParam, limit: MEMBERS_PAGE })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** People taking part, a page at a time, filtered and sorted by the API. */
export function usePartnershipPeople(id: string, f: PersonListFilters, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: [...pKeys.people(id), f],
    queryFn: ({ pageParam }) => api.get<PersonListT>(`/partnerships/${id}/people${qs({ ...f, cursor: pageParam, limit: MEMBERS_PAGE })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

/** A partnership's audit log, or with `id` null the platform's (accounts, tokens, organisations; platform admins). */
export function useAudit(id: string | null, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: id ? pKeys.audit(id) : (['platform', 'audit'] as const),
    queryFn: ({ pageParam }) => api.get<AuditPage>(`${id ? `/partnerships/${id}/audit` : '/audit'}${qs({ cursor: pageParam, limit: 25 })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

/**
 * Refreshes everything about the partnership whenever the server reports a change (server-sent events).
 * Events sent while the stream was down are not replayed, so every (re)connection refreshes once too.
 * A `revoked` event (access has ended) closes the stream for good and refreshes, so the page shows
 * what the person may now see (not found, or sign in).
 */
export function useLiveEvents(id: string, enabled: boolean) {
  const qc = useQueryClient();
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const source = new EventSource(`${API_BASE}/partnerships/${id}/events`, { withCredentials: true });
    let timer: ReturnType<typeof setTimeout> | null = null;
    const refresh = () => {
      void qc.invalidateQueries({ queryKey: ['partnership', id] });
      void qc.invalidateQueries({ queryKey: pKeys.all });
      void qc.invalidateQueries({ queryKey: ['home'] });
    };
    // on every (re)connection: whatever changed while no stream was open (before the first one, during
    // an outage) arrives as no event, so the partnership is fetched again once
    source.addEventListener('open', () => void qc.invalidateQueries({ queryKey: ['partnership', id] }));
    const onChange = () => {
      // Events come in bursts (one write = several events): refresh once per burst.
      if (timer) clearTimeout(timer);
      timer = setTimeout(refresh, 150);
    };
    // The server names its events `change` (ballot.cast, decision.closed, charter.adopted... in the data);
    // EventSource delivers named events only to their listeners, never to `onmessage`.
    source.addEventListener('change', onChange);
    source.onmessage = onChange;
    source.addEventListener('revoked', () => {
      source.close(); // closed by hand, EventSource does not reconnect
      if (timer) clearTimeout(timer);
      refresh();
      // the person may have been signed out: the session decides between "not found" and "sign in"
      void qc.invalidateQueries({ queryKey: SESSION_KEY });
    });
    return () => {
      if (timer) clearTimeout(timer);
      source.close();
    };
  }, [id, enabled, qc]);
}
