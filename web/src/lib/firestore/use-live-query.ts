import {
  hashKey,
  type QueryClient,
  type QueryKey,
  queryOptions,
  skipToken,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { LiveQueryError, LiveSource } from './live-source';

/**
 * Query options for data that stays live: `queryFn` reads once (for a loader's prefetch or a
 * retry), and `useLiveQuery` fills and keeps it current with a listener. A `null` source
 * means "nothing to read yet" (e.g. no signed-in user): the query is skipped.
 */
export function liveQueryOptions<T, K extends QueryKey>(queryKey: K, source: LiveSource<T> | null) {
  return {
    ...queryOptions<T, LiveQueryError, T, K>({
      queryKey,
      queryFn: source ? () => source.get() : skipToken,
      staleTime: Number.POSITIVE_INFINITY,
    }),
    live: source,
  };
}

export type LiveQueryOptions<T, K extends QueryKey> = ReturnType<typeof liveQueryOptions<T, K>>;

/**
 * Opens the listener for `source` and writes every snapshot into the cache under `queryKey`;
 * a listener error puts the query into the error state. Returns the unsubscribe.
 */
export function subscribeLiveQuery<T>(
  queryClient: QueryClient,
  queryKey: QueryKey,
  source: LiveSource<T>,
): () => void {
  return source.subscribe(
    (value) => {
      queryClient.setQueryData<T>(queryKey, value);
    },
    (error) => {
      const query = queryClient.getQueryCache().find<T, LiveQueryError>({ queryKey, exact: true });
      query?.setState({
        status: 'error',
        error,
        fetchStatus: 'idle',
        errorUpdatedAt: Date.now(),
        errorUpdateCount: query.state.errorUpdateCount + 1,
        fetchFailureCount: query.state.fetchFailureCount + 1,
        fetchFailureReason: error,
      });
    },
  );
}

/**
 * What `useLiveQuery` hands to TanStack: the same key and one-shot `queryFn`, but never fetched on
 * mount (`enabled: false`). The listener's first snapshot is the data; `refetch()` still reads once.
 */
export function liveObserverOptions<T, K extends QueryKey>(options: LiveQueryOptions<T, K>) {
  return { ...options, enabled: false };
}

/**
 * The one realtime hook: a TanStack query whose data follows Firestore. Each component instance
 * owns its listener (opened in an effect, closed on unmount or when the key changes); Firestore
 * shares the underlying watch between identical listeners.
 *
 * The listener's first snapshot is the query's data: the hook never runs the one-shot `queryFn`
 * itself (`enabled: false`), so a page's documents are read once, not by a get and again by the
 * listener. Data already in the cache (a loader's prefetch, an earlier visit) shows at once and the
 * listener brings it up to date; `refetch()` (a "try again" after an error) still reads once.
 */
export function useLiveQuery<T, K extends QueryKey>(options: LiveQueryOptions<T, K>) {
  const queryClient = useQueryClient();
  const result = useQuery(liveObserverOptions(options));

  // The options object is rebuilt on every render; the listener depends only on the key.
  const latest = useRef(options);
  latest.current = options;
  const keyHash = hashKey(options.queryKey);
  const hasSource = options.live !== null;

  useEffect(() => {
    const { live, queryKey } = latest.current;
    if (!hasSource || !live || keyHash !== hashKey(queryKey)) return;
    return subscribeLiveQuery(queryClient, queryKey, live);
  }, [queryClient, keyHash, hasSource]);

  return result;
}

/** What a loader needs of a live query's options (any `liveQueryOptions(…)` result fits). */
export interface PrefetchableQuery {
  queryKey: QueryKey;
  live: LiveSource<unknown> | null;
}

/**
 * What a route loader runs for a page that needs a document before it can paint: reads it once
 * into the cache (`ensureQueryData`; nothing is read when it is already there) while the page's
 * code downloads, so the page renders with its data instead of a skeleton, and the page's listener
 * then takes over under the same key.
 *
 * Never blocks a navigation for long, and never fails it: after `maxWaitMs` the page renders
 * anyway (its skeleton, then the data); a failed read (e.g. a draft read before sign-in is known)
 * is dropped so the page's own listener decides what to show, as it does without a loader.
 */
export async function prefetchLiveQuery(
  queryClient: QueryClient,
  options: PrefetchableQuery,
  maxWaitMs: number,
): Promise<void> {
  const { queryKey, live } = options;
  if (!live) return;
  const read = queryClient
    .ensureQueryData({ queryKey, queryFn: () => live.get(), staleTime: Number.POSITIVE_INFINITY })
    .then(
      () => undefined,
      () => {
        const query = queryClient.getQueryCache().find({ queryKey, exact: true });
        if (query && query.state.data === undefined && query.getObserversCount() === 0) {
          queryClient.removeQueries({ queryKey, exact: true });
        }
      },
    );
  let timer: ReturnType<typeof setTimeout> | undefined;
  const waited = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, maxWaitMs);
  });
  await Promise.race([read, waited]);
  clearTimeout(timer);
}
