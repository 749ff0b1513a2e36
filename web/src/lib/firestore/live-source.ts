import {
  type DocumentReference,
  FirestoreError,
  getDoc,
  getDocs,
  onSnapshot,
  type Query,
} from 'firebase/firestore';
import { queryDocsRead, queryPath, READ_METRICS, recordReads } from './read-metrics';

/** A typed error for failed reads and listeners, so pages can say what went wrong. */
export class LiveQueryError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LiveQueryError';
    this.code = code;
  }

  static from(error: unknown): LiveQueryError {
    if (error instanceof LiveQueryError) return error;
    if (error instanceof FirestoreError)
      return new LiveQueryError(error.code, error.message, { cause: error });
    const message = error instanceof Error ? error.message : String(error);
    return new LiveQueryError('unknown', message, { cause: error });
  }
}

/**
 * Something that can be read once (for `queryFn` and prefetching) and watched (for `onSnapshot`).
 * `use-live-query` turns one into a live TanStack query.
 */
export interface LiveSource<T> {
  get: () => Promise<T>;
  subscribe: (next: (value: T) => void, fail: (error: LiveQueryError) => void) => () => void;
}

/** A document: its converted data, or `null` when it does not exist. */
export function docSource<T>(ref: DocumentReference<T>): LiveSource<T | null> {
  return {
    get: async () => {
      try {
        const snap = await getDoc(ref);
        if (READ_METRICS) recordReads('get', ref.path, 1);
        return snap.exists() ? snap.data() : null;
      } catch (error) {
        throw LiveQueryError.from(error);
      }
    },
    subscribe: (next, fail) =>
      onSnapshot(
        ref,
        (snap) => {
          if (READ_METRICS) recordReads('listen', ref.path, 1);
          next(snap.exists() ? snap.data() : null);
        },
        (error) => fail(LiveQueryError.from(error)),
      ),
  };
}

/** A query: the converted documents, optionally mapped (e.g. to a count). */
export function querySource<T, R = T[]>(query: Query<T>, map?: (items: T[]) => R): LiveSource<R> {
  const shape = (items: T[]): R => (map ? map(items) : (items as unknown as R));
  return {
    get: async () => {
      try {
        const snap = await getDocs(query);
        if (READ_METRICS) recordReads('get', queryPath(query), queryDocsRead(snap, true));
        return shape(snap.docs.map((d) => d.data()));
      } catch (error) {
        throw LiveQueryError.from(error);
      }
    },
    subscribe: (next, fail) => {
      let first = true;
      return onSnapshot(
        query,
        (snap) => {
          if (READ_METRICS) {
            recordReads('listen', queryPath(query), queryDocsRead(snap, first));
            first = false;
          }
          next(shape(snap.docs.map((d) => d.data())));
        },
        (error) => fail(LiveQueryError.from(error)),
      );
    },
  };
}

/**
 * Two sources read and watched together, as one value: `combine` runs once both have a value and
 * again on every change of either (e.g. a counter's base document and its shards).
 */
export function combinedSource<A, B, R>(
  a: LiveSource<A>,
  b: LiveSource<B>,
  combine: (a: A, b: B) => R,
): LiveSource<R> {
  return {
    get: async () => {
      const [va, vb] = await Promise.all([a.get(), b.get()]);
      return combine(va, vb);
    },
    subscribe: (next, fail) => {
      const none = Symbol('none');
      let va: A | typeof none = none;
      let vb: B | typeof none = none;
      const emit = () => {
        if (va !== none && vb !== none) next(combine(va, vb));
      };
      const stopA = a.subscribe((v) => {
        va = v;
        emit();
      }, fail);
      const stopB = b.subscribe((v) => {
        vb = v;
        emit();
      }, fail);
      return () => {
        stopA();
        stopB();
      };
    },
  };
}
