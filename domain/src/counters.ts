// Sharded counters: no single document takes every increment. An event adds its delta to one of N
// shard documents, picked by a stable hash of the event's key (a retry picks the same shard); a
// reader sums the base document and the shards, or reads the base after a fold has moved the
// shards' values into it. Pure: the shard choice and the sums. Used by stats/platform
// (PLATFORM_STAT_SHARDS, stats.ts) and by the per-document counters (COUNTER_SHARDS: a course's
// enrolments, an educator's followers, an instructor's earnings; functions/src/lib/sharded-counter.ts).

/** Shards per counted document: 16 × ~1 write/s each is far above any single course's burst. */
export const COUNTER_SHARDS = 16;

/** The counter fields kept in shards, by the document they count for. */
export const SHARDED_COUNTER_FIELDS = {
  courses: ['enrollmentCount', 'completionCount', 'plusEnrollmentCount'],
  users: ['followerCount'],
  earnings: ['totals', 'transferred', 'paymentsCount', 'refundsCount'],
} as const;

/** The shard an event's delta goes to (`s0`…`s{shards-1}`): FNV-1a of its key, so a retry picks the same one. */
export function shardFor(key: string, shards = COUNTER_SHARDS): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `s${h % shards}`;
}

/** A counter value: a number, or a map of numbers (e.g. totals by currency). */
export type CounterValue = number | Record<string, number>;
export type CounterValues = Record<string, CounterValue>;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

/**
 * The sum of `fields` over the given documents (the base and its shards): a number field adds up,
 * a map field adds up key by key. Missing and non-numeric values count as nothing; a field no
 * document holds is left out.
 */
export function sumCounterFields(
  docs: Iterable<Record<string, unknown> | null | undefined>,
  fields: readonly string[],
): CounterValues {
  const out: CounterValues = {};
  for (const doc of docs) {
    if (!doc) continue;
    for (const field of fields) {
      const v = doc[field];
      if (typeof v === 'number' && Number.isFinite(v)) {
        const prev = out[field];
        out[field] = (typeof prev === 'number' ? prev : 0) + v;
      } else if (isPlainObject(v)) {
        const prev = out[field];
        const map: Record<string, number> = isPlainObject(prev) ? prev : {};
        for (const [k, n] of Object.entries(v))
          if (typeof n === 'number' && Number.isFinite(n)) map[k] = (map[k] ?? 0) + n;
        out[field] = map;
      }
    }
  }
  return out;
}

/** True when a set of counter values adds nothing (every number and every map entry is 0). */
export function isZeroCounters(values: CounterValues): boolean {
  return Object.values(values).every((v) =>
    typeof v === 'number' ? v === 0 : Object.values(v).every((n) => n === 0),
  );
}
