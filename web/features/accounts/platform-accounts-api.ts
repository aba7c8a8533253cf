import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { AccountSummary } from '../../../src/contracts/accounts';
import { api, qs } from '../../lib/api';

/** The keys of the platform's list of accounts (every search of it starts with `all`). */
export const accountKeys = {
  all: ['platform-accounts'] as const,
  list: (q: string) => ['platform-accounts', q] as const,
};

/** The platform's accounts, by e-mail address, those matching `q` when given, a page at a time (platform admins). */
export function usePlatformAccounts(q: string, limit = 25) {
  return useInfiniteQuery({
    queryKey: [...accountKeys.list(q), limit],
    queryFn: ({ pageParam }) => api.get<{ items: AccountSummary[]; nextCursor: string | null }>(`/users${qs({ q, cursor: pageParam, limit })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // the rows stay while the next search is on its way
    placeholderData: keepPreviousData,
  });
}
