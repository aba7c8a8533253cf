import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, setCsrfToken } from './api';
import type { SessionResponse, UserSummary } from './types';

export const SESSION_KEY = ['session'] as const;

async function fetchSession(): Promise<SessionResponse> {
  try {
    const s = await api.get<SessionResponse>('/auth/session');
    setCsrfToken(s.csrfToken);
    return s;
  } catch {
    setCsrfToken(null);
    return { user: null, csrfToken: null };
  }
}

/** The signed-in person (null when anonymous) and helpers to change the session. */
export function useSession(): {
  user: UserSummary | null;
  isLoading: boolean;
  setSession: (s: SessionResponse) => void;
  signOut: () => Promise<void>;
} {
  const qc = useQueryClient();
  const q = useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 5 * 60_000 });
  const setSession = useCallback(
    (s: SessionResponse) => {
      setCsrfToken(s.csrfToken);
      qc.setQueryData(SESSION_KEY, s);
    },
    [qc],
  );
  const signOut = useCallback(async () => {
    try {
      await api.post('/auth/sign-out');
    } finally {
      setCsrfToken(null);
      qc.clear();
      qc.setQueryData(SESSION_KEY, { user: null, csrfToken: null });
    }
  }, [qc]);
  return { user: q.data?.user ?? null, isLoading: q.isLoading, setSession, signOut };
}
