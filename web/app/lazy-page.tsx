import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import { RequireAuth } from './require-auth';

/**
 * A route whose page arrives in a chunk of its own, fetched the first time the page is visited: the first page
 * loads only what it shows. The router keeps the current page on screen until the chunk has arrived (the layout
 * shows a progress bar meanwhile) and then renders the new one, so there is no blank in between.
 * `auth`: anonymous visitors are sent to sign in first.
 */
export function lazyPage<M>(load: () => Promise<M>, pick: (m: M) => ComponentType, opts: { auth?: boolean } = {}): Pick<RouteObject, 'lazy'> {
  return {
    lazy: async () => {
      const Page = pick(await load());
      return { element: opts.auth ? <RequireAuth><Page /></RequireAuth> : <Page /> };
    },
  };
}
