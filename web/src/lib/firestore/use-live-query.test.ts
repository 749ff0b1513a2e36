import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { LiveQueryError, type LiveSource } from './live-source';
import {
  liveObserverOptions,
  liveQueryOptions,
  prefetchLiveQuery,
  subscribeLiveQuery,
} from './use-live-query';

/** A controllable source: records listeners and lets the test push snapshots and errors. */
function fakeSource<T>(initial: T) {
  const listeners = new Set<{ next: (v: T) => void; fail: (e: LiveQueryError) => void }>();
  const unsubscribe = vi.fn();
  const source: LiveSource<T> = {
    get: vi.fn(async () => initial),
    subscribe: (next, fail) => {
      const l = { next, fail };
      listeners.add(l);
      return () => {
        listeners.delete(l);
        unsubscribe();
      };
    },
  };
  return {
    source,
    unsubscribe,
    listenerCount: () => listeners.size,
    push: (value: T) => {
      for (const l of listeners) l.next(value);
    },
    fail: (error: LiveQueryError) => {
      for (const l of listeners) l.fail(error);
    },
  };
}

describe('liveQueryOptions', () => {
  it('reads once through queryFn, never goes stale, and keeps the source for the listener', async () => {
    const fake = fakeSource({ n: 1 });
    const options = liveQueryOptions(['things', 'a'] as const, fake.source);
    expect(options.staleTime).toBe(Number.POSITIVE_INFINITY);
    expect(options.live).toBe(fake.source);
    const client = new QueryClient();
    await expect(client.fetchQuery(options)).resolves.toEqual({ n: 1 });
    expect(fake.source.get).toHaveBeenCalledTimes(1);
  });

  it('skips the query when there is nothing to read yet', () => {
    const options = liveQueryOptions(['things', null] as const, null);
    expect(options.live).toBeNull();
    expect(typeof options.queryFn).not.toBe('function');
  });
});

describe('subscribeLiveQuery', () => {
  it('writes every snapshot into the cache under the same key', () => {
    const client = new QueryClient();
    const fake = fakeSource(0);
    const key = ['counter', 'x'];
    subscribeLiveQuery(client, key, fake.source);
    fake.push(1);
    expect(client.getQueryData(key)).toBe(1);
    fake.push(2);
    expect(client.getQueryData(key)).toBe(2);
    expect(client.getQueryData(['counter', 'y'])).toBeUndefined();
  });

  it('returns the unsubscribe: after it, snapshots no longer reach the cache', () => {
    const client = new QueryClient();
    const fake = fakeSource('a');
    const key = ['letters'];
    const unsubscribe = subscribeLiveQuery(client, key, fake.source);
    expect(fake.listenerCount()).toBe(1);
    unsubscribe();
    expect(fake.unsubscribe).toHaveBeenCalledTimes(1);
    expect(fake.listenerCount()).toBe(0);
    fake.push('b');
    expect(client.getQueryData(key)).toBeUndefined();
  });

  it('each subscription is independent (one per component instance)', () => {
    const client = new QueryClient();
    const fake = fakeSource(0);
    const key = ['shared'];
    const first = subscribeLiveQuery(client, key, fake.source);
    const second = subscribeLiveQuery(client, key, fake.source);
    expect(fake.listenerCount()).toBe(2);
    first();
    fake.push(5);
    expect(client.getQueryData(key)).toBe(5);
    second();
    expect(fake.listenerCount()).toBe(0);
  });

  it('puts the query into the error state with the typed error, and recovers on the next snapshot', async () => {
    const client = new QueryClient();
    const fake = fakeSource(1);
    const options = liveQueryOptions(['guarded'] as const, fake.source);
    await client.fetchQuery(options);
    subscribeLiveQuery(client, options.queryKey, fake.source);
    const error = new LiveQueryError('permission-denied', 'Missing or insufficient permissions.');
    fake.fail(error);
    const state = client.getQueryState(options.queryKey);
    expect(state?.status).toBe('error');
    expect(state?.error).toBe(error);
    expect(state?.data).toBe(1);
    fake.push(2);
    expect(client.getQueryState(options.queryKey)?.status).toBe('success');
    expect(client.getQueryData(options.queryKey)).toBe(2);
  });
});

describe('liveObserverOptions (what useLiveQuery observes)', () => {
  it('reads a mounted page once: no one-shot read on mount, the first snapshot is the data', async () => {
    const client = new QueryClient();
    const fake = fakeSource({ n: 1 });
    const options = liveQueryOptions(['things', 'mounted'] as const, fake.source);
    const observer = new QueryObserver(client, liveObserverOptions(options));
    const unobserve = observer.subscribe(() => {});
    // As the hook's effect does once the component has mounted.
    const unsubscribe = subscribeLiveQuery(client, options.queryKey, fake.source);
    await Promise.resolve();
    expect(fake.source.get).not.toHaveBeenCalled();
    expect(observer.getCurrentResult().isPending).toBe(true);
    fake.push({ n: 2 });
    expect(observer.getCurrentResult()).toMatchObject({ status: 'success', data: { n: 2 } });
    unsubscribe();
    unobserve();
  });

  it('shows cached data at once, and "try again" (refetch) still reads once', async () => {
    const client = new QueryClient();
    const fake = fakeSource({ n: 1 });
    const options = liveQueryOptions(['things', 'cached'] as const, fake.source);
    client.setQueryData(options.queryKey, { n: 0 });
    const observer = new QueryObserver(client, liveObserverOptions(options));
    const unobserve = observer.subscribe(() => {});
    expect(observer.getCurrentResult().data).toEqual({ n: 0 });
    await observer.refetch();
    expect(fake.source.get).toHaveBeenCalledTimes(1);
    expect(observer.getCurrentResult().data).toEqual({ n: 1 });
    unobserve();
  });
});

describe('prefetchLiveQuery (what a route loader runs)', () => {
  it('reads once into the cache, and not again when the data is already there', async () => {
    const client = new QueryClient();
    const fake = fakeSource({ n: 1 });
    const options = liveQueryOptions(['things', 'prefetched'] as const, fake.source);
    await prefetchLiveQuery(client, options, 1000);
    expect(client.getQueryData(options.queryKey)).toEqual({ n: 1 });
    await prefetchLiveQuery(client, options, 1000);
    expect(fake.source.get).toHaveBeenCalledTimes(1);
  });

  it('reads nothing when there is nothing to read yet', async () => {
    const client = new QueryClient();
    await prefetchLiveQuery(client, liveQueryOptions(['things', null] as const, null), 1000);
    expect(client.getQueryCache().getAll()).toHaveLength(0);
  });

  it('drops a failed read instead of failing the navigation, so the page starts clean', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const fake = fakeSource(0);
    fake.source.get = vi.fn(async () => {
      throw new LiveQueryError('permission-denied', 'Missing or insufficient permissions.');
    });
    const options = liveQueryOptions(['things', 'denied'] as const, fake.source);
    await expect(prefetchLiveQuery(client, options, 1000)).resolves.toBeUndefined();
    expect(client.getQueryState(options.queryKey)).toBeUndefined();
  });

  it('lets the page render after maxWaitMs while the read is still on its way', async () => {
    vi.useFakeTimers();
    try {
      const client = new QueryClient();
      const fake = fakeSource(0);
      let finish: (value: number) => void = () => {};
      fake.source.get = vi.fn(() => new Promise<number>((resolve) => (finish = resolve)));
      const options = liveQueryOptions(['things', 'slow'] as const, fake.source);
      let done = false;
      const prefetch = prefetchLiveQuery(client, options, 500).then(() => (done = true));
      await vi.advanceTimersByTimeAsync(499);
      expect(done).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      await prefetch;
      expect(done).toBe(true);
      finish(7);
      await vi.runAllTimersAsync();
      expect(client.getQueryData(options.queryKey)).toBe(7);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('LiveQueryError.from', () => {
  it('keeps codes from Firebase-style errors and marks others unknown', () => {
    expect(LiveQueryError.from(new Error('x')).code).toBe('unknown');
    const typed = new LiveQueryError('not-found', 'gone');
    expect(LiveQueryError.from(typed)).toBe(typed);
  });
});
