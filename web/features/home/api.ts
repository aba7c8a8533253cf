import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { HomeResponse } from '../../lib/types';

/** My partnerships, my organisations and what waits on me. */
export function useHome(enabled = true) {
  return useQuery({ queryKey: ['home'], queryFn: () => api.get<HomeResponse>('/me/home'), enabled });
}
