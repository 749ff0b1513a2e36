/**
 * TanStack Query's structural sharing, extended to the values Firestore data holds here. A new
 * snapshot of the same documents (a listener's first snapshot after a loader's read, a document
 * written with unchanged fields) keeps the previous object — and every unchanged part keeps its
 * reference — so the components reading it do not render again. The default (`replaceEqualDeep`)
 * shares plain objects and arrays only: every model carries `Date`s (`createdAt`, `updatedAt`), so
 * each snapshot was a new object and re-rendered the whole page (a course page twice on load).
 *
 * Equal: the same reference, `Date`s with the same time, objects with an `isEqual` saying so (a
 * Firestore Timestamp, GeoPoint or DocumentReference), plain objects with the same keys and equal
 * values, arrays of the same length and equal items. Anything else takes the new value.
 */
export function shareEqual<T>(previous: unknown, next: T): T {
  return share(previous, next) as T;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function share(a: unknown, b: unknown): unknown {
  if (a === b) return a;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime() ? a : b;
  if (Array.isArray(a) && Array.isArray(b)) {
    let same = a.length === b.length;
    const out = b.map((item, i) => {
      const shared = share(a[i], item);
      if (shared !== a[i]) same = false;
      return shared;
    });
    return same ? a : out;
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(b);
    let same = keys.length === Object.keys(a).length;
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      const shared = share(a[key], b[key]);
      out[key] = shared;
      if (shared !== a[key] || !(key in a)) same = false;
    }
    return same ? a : out;
  }
  if (
    a !== null &&
    typeof a === 'object' &&
    b !== null &&
    typeof b === 'object' &&
    Object.getPrototypeOf(a) === Object.getPrototypeOf(b) &&
    typeof (a as { isEqual?: unknown }).isEqual === 'function'
  ) {
    try {
      return (a as { isEqual: (other: unknown) => boolean }).isEqual(b) ? a : b;
    } catch {
      return b;
    }
  }
  return b;
}
