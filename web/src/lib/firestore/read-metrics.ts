/**
 * Read metrics for benchmarks: how many documents each Firestore read delivered to the app.
 *
 * Off unless the app is built with VITE_READ_METRICS=1 (`scripts/bench/catalog.ts` does that);
 * every call site checks `READ_METRICS` first, so a normal build folds the checks away and ships
 * none of this. When on, counts accumulate in `window.__svReads`, keyed by operation and path
 * (e.g. `listen courses`, `get users/abc`), for a browser driver to read.
 *
 * Counting follows Firestore's billing as seen from the client: a one-shot query or a listener's
 * first snapshot reads every document it returns (at least one, even when empty); later listener
 * snapshots read the documents that changed; a document get or snapshot reads one document.
 */
export const READ_METRICS: boolean = import.meta.env.VITE_READ_METRICS === '1';

export interface ReadLog {
  total: number;
  byKey: Record<string, number>;
}

/** The minimum of a query snapshot the counter needs (a Firestore `QuerySnapshot` fits). */
export interface CountableQuerySnapshot {
  size: number;
  docChanges: () => readonly unknown[];
}

/** Documents a query snapshot read: all of them (min. 1) on a one-shot or first snapshot, else the changes. */
export function queryDocsRead(snap: CountableQuerySnapshot, firstOfListener: boolean): number {
  return firstOfListener ? Math.max(1, snap.size) : snap.docChanges().length;
}

/** Adds `count` reads under `key` to `log` (created when missing) and returns it. */
export function addReads(log: ReadLog | undefined, key: string, count: number): ReadLog {
  const out = log ?? { total: 0, byKey: {} };
  if (count <= 0) return out;
  out.total += count;
  out.byKey[key] = (out.byKey[key] ?? 0) + count;
  return out;
}

/** The collection a query reads, for the key: Firestore keeps it on the query's internal form. */
export function queryPath(query: unknown): string {
  const internal = (
    query as { _query?: { collectionGroup?: string | null; path?: { canonicalString?: () => string } } }
  )._query;
  if (internal?.collectionGroup) return `*/${internal.collectionGroup}`;
  return internal?.path?.canonicalString?.() ?? '(query)';
}

declare global {
  interface Window {
    __svReads?: ReadLog;
  }
}

/** Records reads in `window.__svReads` (call only behind `READ_METRICS`). */
export function recordReads(op: 'get' | 'listen', path: string, count: number): void {
  window.__svReads = addReads(window.__svReads, `${op} ${path}`, count);
}
