import { useQuery } from '@tanstack/react-query';
import { api } from './api';
import type { ReferenceData } from './types';

/** Code lists (countries, IATI organisation types, SDGs); public and cached for the session. */
export function useReference() {
  return useQuery({ queryKey: ['reference'], queryFn: () => api.get<ReferenceData>('/reference'), staleTime: Infinity, gcTime: Infinity });
}
