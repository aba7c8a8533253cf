import { useEffect } from 'react';

/** Sets the browser tab's title: "Page · Accord". */
export function useDocumentTitle(title: string | null | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · Accord` : 'Accord';
  }, [title]);
}
