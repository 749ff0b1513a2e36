import { QueryClient } from '@tanstack/react-query';
import { LiveQueryError } from '@/lib/firestore/live-source';
import { shareEqual } from '@/lib/firestore/share-equal';

const NO_RETRY = new Set(['permission-denied', 'not-found', 'unauthenticated', 'invalid-argument']);

/**
 * The app's one query cache, shared by the provider (components) and the router (route loaders
 * prefetch into it before a page renders).
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Retrying cannot fix a rules denial or a missing document.
      retry: (failures, error) =>
        !(error instanceof LiveQueryError && NO_RETRY.has(error.code)) && failures < 2,
      refetchOnWindowFocus: false,
      // Equal snapshots keep their references, Dates included (share-equal.ts): no re-render.
      structuralSharing: shareEqual,
    },
  },
});
