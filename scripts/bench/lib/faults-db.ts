// Helpers for the fault and load script (scripts/bench/faults.ts): database snapshots and diffs,
// and a Firestore wrapper that makes a transaction fail at a chosen read or write.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Firestore, Transaction } from 'firebase-admin/firestore';

/**
 * Collection ids worth watching: every `match /name/` in firestore.rules, every
 * `collection('name')`, literal path segment and functions/src/lib/data collection constant in
 * functions/src, plus `extra`.
 */
export function knownCollectionIds(root: string, extra: readonly string[] = []): string[] {
  const ids = new Set(extra);
  for (const m of readFileSync(join(root, 'firestore.rules'), 'utf8').matchAll(/match \/([A-Za-z0-9_]+)\//g))
    if (m[1] !== 'databases') ids.add(m[1] as string);
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.includes('.test.')) {
        const text = readFileSync(path, 'utf8');
        for (const m of text.matchAll(/collection(?:Group)?\('([A-Za-z0-9_]+)'\)/g)) ids.add(m[1] as string);
        // functions/src/lib/data/<collection>.ts names each collection once: `export const X = 'name';`
        if (path.includes(`${join('lib', 'data')}`))
          for (const m of text.matchAll(/export const [A-Z_]+ = '([A-Za-z0-9_]+)';/g))
            ids.add(m[1] as string);
        for (const m of text.matchAll(/\.doc\([`']([^`']+)[`']\)/g)) {
          const segments = (m[1] as string).split('/');
          for (let i = 0; i < segments.length; i += 2) {
            const seg = segments[i] as string;
            if (/^[A-Za-z0-9_]+$/.test(seg)) ids.add(seg);
          }
        }
      }
    }
  };
  walk(join(root, 'functions', 'src'));
  return [...ids].sort();
}

/**
 * Every document in the collections named `ids` (collection-group queries, so at any depth) and
 * in any top-level collection, by path → update time. A write anywhere in those changes the map.
 */
export async function snapshotDb(db: Firestore, ids: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const top = (await db.listCollections()).map((c) => c.id);
  const all = [...new Set([...ids, ...top])];
  const groups = await Promise.all(all.map((id) => db.collectionGroup(id).select().get()));
  for (const group of groups)
    for (const d of group.docs)
      out.set(d.ref.path, d.updateTime.toDate().toISOString() + d.updateTime.nanoseconds);
  return out;
}

export interface SnapshotDiff {
  created: string[];
  changed: string[];
  deleted: string[];
}

export function diffSnapshots(before: Map<string, string>, after: Map<string, string>): SnapshotDiff {
  const created: string[] = [];
  const changed: string[] = [];
  const deleted: string[] = [];
  for (const [path, time] of after) {
    const was = before.get(path);
    if (was === undefined) created.push(path);
    else if (was !== time) changed.push(path);
  }
  for (const path of before.keys()) if (!after.has(path)) deleted.push(path);
  return { created, changed, deleted };
}

export const diffSize = (d: SnapshotDiff) => d.created.length + d.changed.length + d.deleted.length;

export function describeDiff(d: SnapshotDiff, max = 6): string {
  const parts = [
    ...d.created.map((p) => `+${p}`),
    ...d.changed.map((p) => `~${p}`),
    ...d.deleted.map((p) => `-${p}`),
  ];
  return parts.length <= max ? parts.join(', ') : `${parts.slice(0, max).join(', ')} … (${parts.length})`;
}

export class InjectedFault extends Error {
  constructor(readonly point: string) {
    super(`injected fault at ${point}`);
  }
}

/** What a faulty transaction saw: each read and write operation in order. */
export interface FaultLog {
  /** The main transaction's reads and writes, in order. */
  ops: string[];
  fired: string | null;
  /** True when the fault fired in a later transaction, after the main one committed. */
  afterCommit?: boolean;
}

const READS = new Set(['get', 'getAll']);
const WRITES = new Set(['create', 'set', 'update', 'delete']);

function describeOp(op: string, args: unknown[]): string {
  const first = args[0] as { path?: string } | undefined;
  if (op === 'getAll') return `getAll(${args.map((a) => (a as { path?: string }).path ?? '?').join(', ')})`;
  if (first && typeof first === 'object' && 'path' in first && typeof first.path === 'string')
    return `${op}(${first.path})`;
  return `${op}(query)`;
}

/**
 * A Firestore that throws InjectedFault at read-or-write number `failAt` (1-based, across
 * attempts) of the handler's first transaction, its main unit of work. When that transaction
 * has fewer operations and commits, the first operation of any later transaction (a follow-up
 * step) throws instead, and `log.afterCommit` is set. Everything else goes to the real database.
 */
export function faultyDb(db: Firestore, failAt: number, log: FaultLog): Firestore {
  let count = 0;
  let transactions = 0;
  const wrapTx = (tx: Transaction, main: boolean): Transaction => {
    const proxy: Transaction = new Proxy(tx, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver);
        if (typeof prop !== 'string' || typeof value !== 'function') return value;
        if (!READS.has(prop) && !WRITES.has(prop)) return value.bind(target);
        return (...args: unknown[]) => {
          const label = describeOp(prop, args);
          if (main) {
            count += 1;
            log.ops.push(label);
          }
          if ((main && count === failAt) || (!main && !log.fired)) {
            log.fired = label;
            log.afterCommit = !main;
            // A read fails as a real one does, with a rejected promise: thrown synchronously, it
            // would leave a read started just before it (Promise.all([get(a), get(b)])) with no
            // handler, and that read's "Transaction is invalid or closed" after the rollback
            // would be an unhandled rejection that ends the script. Writes are synchronous.
            if (READS.has(prop)) return Promise.reject(new InjectedFault(label));
            throw new InjectedFault(label);
          }
          const result = value.apply(target, args);
          // Writes return the transaction for chaining: keep the wrapper.
          return result === target ? proxy : result;
        };
      },
    });
    return proxy;
  };
  return new Proxy(db, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (prop === 'runTransaction') {
        return (fn: (tx: Transaction) => Promise<unknown>, options?: object) => {
          transactions += 1;
          const main = transactions === 1;
          return target.runTransaction((tx) => fn(wrapTx(tx, main)), options);
        };
      }
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
