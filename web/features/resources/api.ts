import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type * as c from '../../../src/contracts/ledger';
import { api, qs } from '../../lib/api';
import type { DecisionPage, PartnershipPerson } from '../../lib/types';

export type Money = z.infer<typeof c.MoneyOut>;
export type Settings = z.infer<typeof c.Settings>;
export type CommitmentSummary = z.infer<typeof c.CommitmentSummary>;
export type CommitmentDetail = z.infer<typeof c.CommitmentDetail>;
export type CommitmentPage = z.infer<typeof c.CommitmentPage>;
export type Delivery = z.infer<typeof c.DeliveryOut>;
export type DeliveryPage = z.infer<typeof c.DeliveryPage>;
export type Transaction = z.infer<typeof c.TransactionOut>;
export type TransactionPage = z.infer<typeof c.TransactionPage>;
export type BalancesReport = z.infer<typeof c.BalancesReport>;
export type PledgesReport = z.infer<typeof c.PledgesReport>;
export type BudgetReport = z.infer<typeof c.BudgetReport>;
export type RatePage = z.infer<typeof c.RatePage>;
export type RateRecord = z.infer<typeof c.RateRecord>;
export type ResourceKind = z.infer<typeof c.ResourceKind>;
export type CommitmentStatus = z.infer<typeof c.CommitmentStatus>;
export type DeliveryStatus = z.infer<typeof c.DeliveryStatus>;

/**
 * Query keys. Everything lives under ['partnership', id, 'resources'], so one invalidation after a write
 * refreshes the lists, the reports and an open commitment, and the workspace's live events reach them too.
 */
export const resKeys = {
  all: (id: string) => ['partnership', id, 'resources'] as const,
  commitments: (id: string, f: CommitmentFilters) => ['partnership', id, 'resources', 'commitments', f] as const,
  commitment: (id: string, cid: string) => ['partnership', id, 'resources', 'commitment', cid] as const,
  pledges: (id: string) => ['partnership', id, 'resources', 'pledges'] as const,
  settings: (id: string) => ['partnership', id, 'resources', 'settings'] as const,
  transactions: (id: string, f: TransactionFilters) => ['partnership', id, 'resources', 'transactions', f] as const,
  balances: (id: string) => ['partnership', id, 'resources', 'balances'] as const,
  budget: (id: string) => ['partnership', id, 'resources', 'budget'] as const,
  rates: (id: string) => ['partnership', id, 'resources', 'rates'] as const,
  decisions: (id: string) => ['partnership', id, 'resources', 'adopted-decisions'] as const,
  people: (id: string) => ['partnership', id, 'resources', 'people'] as const,
};

export interface CommitmentFilters {
  organisationId?: string | null;
  kind?: string | null;
  status?: string | null;
}

export function useCommitments(id: string, f: CommitmentFilters, limit = 25) {
  return useInfiniteQuery({
    queryKey: [...resKeys.commitments(id, f), limit],
    queryFn: ({ pageParam }) => api.get<CommitmentPage>(`/partnerships/${id}/commitments${qs({ ...f, cursor: pageParam, limit })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useCommitment(id: string, commitmentId: string) {
  return useQuery({ queryKey: resKeys.commitment(id, commitmentId), queryFn: () => api.get<CommitmentDetail>(`/partnerships/${id}/commitments/${commitmentId}`) });
}

/** Pledged versus delivered, also in the reporting currency. */
export function usePledgesReport(id: string) {
  return useQuery({ queryKey: resKeys.pledges(id), queryFn: () => api.get<PledgesReport>(`/partnerships/${id}/ledger/pledges?currency=reporting`) });
}

export function useSettings(id: string) {
  return useQuery({ queryKey: resKeys.settings(id), queryFn: () => api.get<Settings>(`/partnerships/${id}/accountability/settings`) });
}

export interface TransactionFilters {
  account?: string | null;
  type?: string | null;
}

export function useTransactions(id: string, f: TransactionFilters, limit = 25) {
  return useInfiniteQuery({
    queryKey: [...resKeys.transactions(id, f), limit],
    queryFn: ({ pageParam }) => api.get<TransactionPage>(`/partnerships/${id}/ledger/transactions${qs({ ...f, cursor: pageParam, limit })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useBalances(id: string) {
  return useQuery({ queryKey: resKeys.balances(id), queryFn: () => api.get<BalancesReport>(`/partnerships/${id}/ledger/balances?currency=reporting`) });
}

export function useBudget(id: string) {
  return useQuery({ queryKey: resKeys.budget(id), queryFn: () => api.get<BudgetReport>(`/partnerships/${id}/ledger/budget?currency=reporting`) });
}

export function useRates(id: string) {
  return useInfiniteQuery({
    queryKey: resKeys.rates(id),
    queryFn: ({ pageParam }) => api.get<RatePage>(`/partnerships/${id}/ledger/exchange-rates${qs({ cursor: pageParam, limit: 50 })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Adopted decisions of the partnership: what may approve a pledge or a spending. */
export function useAdoptedDecisions(id: string, enabled: boolean) {
  return useQuery({
    queryKey: resKeys.decisions(id),
    queryFn: async () => (await api.get<DecisionPage>(`/partnerships/${id}/decisions${qs({ status: 'closed', limit: 100 })}`)).items.filter((d) => d.outcome === 'adopted'),
    enabled,
    retry: false,
  });
}

/** The people of the partnership: who represents which organisation (to know whom the reader acts for), and names. */
export function usePeople(id: string, enabled = true) {
  return useQuery({
    queryKey: resKeys.people(id),
    queryFn: () => api.get<{ items: PartnershipPerson[] }>(`/partnerships/${id}/people${qs({ limit: 500 })}`),
    enabled,
    retry: false,
    staleTime: 60_000,
  });
}
