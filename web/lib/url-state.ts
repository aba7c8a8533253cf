import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';

export interface UrlState {
  params: URLSearchParams;
  /** Sets (or, with null, removes) one parameter, replacing the history entry. */
  set: (key: string, value: string | null) => void;
  /** Replaces all parameters at once. */
  reset: (init?: Record<string, string>) => void;
}

/** Filter state kept in the address bar, so a filtered list can be shared, bookmarked and reloaded. */
export function useUrlState(): UrlState {
  const [params, setParams] = useSearchParams();
  // Start from the address as it is now, not from the params of the last render: the router renders a navigation
  // in a transition, so a second filter chosen right after a first would otherwise drop the first.
  const set = (key: string, value: string | null) =>
    setParams(
      (p) => {
        const n = new URLSearchParams(typeof window === 'undefined' ? p : window.location.search);
        if (value) n.set(key, value);
        else n.delete(key);
        return n;
      },
      { replace: true },
    );
  const reset = (init: Record<string, string> = {}) => setParams(new URLSearchParams(init), { replace: true });
  return { params, set, reset };
}

/** A free-text filter: typed into local state, written to the URL 300 ms after the last keystroke. */
export function useDebouncedParam({ params, set }: UrlState, key: string): [string, (value: string) => void] {
  const [value, setValue] = useState(params.get(key) ?? '');
  const [debounced] = useDebouncedValue(value, 300);
  useEffect(() => set(key, debounced.trim() || null), [debounced]); // eslint-disable-line react-hooks/exhaustive-deps
  return [value, setValue];
}
