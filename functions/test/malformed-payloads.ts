// Malformed payloads for every callable: wrong types, missing fields, extra fields, huge strings,
// nested junk, null, arrays, ill-formed ids ("\ud800", "/", ".", "..", spaces, __reserved__) and
// well-formed ids that point at things the caller may not touch. Deterministic: the same payloads
// every run. Two users: scripts/bench/faults.ts (scenario 5, 200 per callable) and the
// functions-integration walker tests/integration/malformed-payloads.test.ts (a sample per callable,
// `samplePayloads`, in `npm test`). Field specs per callable: ./callable-specs.ts.

export type FieldKind = 'id' | 'enum' | 'bool' | 'url' | 'text' | 'number' | 'answers' | 'timezone' | 'day';

export interface FieldSpec {
  name: string;
  kind: FieldKind;
  /** A valid value (for enums, one of `values`). */
  valid: unknown;
  values?: readonly string[];
}

/** A pseudo-random generator (mulberry32), so runs are repeatable. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function deep(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = { a: value, b: [i, { c: null }] };
  return value;
}

function nestedArrays(depth: number): unknown {
  let value: unknown = [1];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

const HUGE = 'x'.repeat(100_000);
const HUGE_UNICODE = '🦄'.repeat(50_000);
/** JSON with an own "__proto__" key (an object literal would set the prototype instead). */
const protoPollution = () => JSON.parse('{"__proto__": {"admin": true, "polluted": true}}') as object;

/** Ids Firestore refuses or that are not what an id looks like: each must be invalid-argument or a clean refusal. */
export const BAD_IDS: readonly string[] = [
  '\ud800',
  'a\udc00b',
  'a/b',
  '.',
  '..',
  '__x__',
  'hx intro',
  ' ',
  'x'.repeat(1501),
];

/** Numbers no field takes (NaN and Infinity travel as null in JSON). */
export const BAD_NUMBERS: readonly number[] = [-1, -1e9, Number.NaN, Number.POSITIVE_INFINITY, 1e308, 0.5];

/** Values of the wrong type or shape for any field. */
export const JUNK: readonly unknown[] = [
  ...BAD_IDS,
  ...BAD_NUMBERS,
  null,
  0,
  -1,
  1.5,
  1e308,
  Number.MAX_SAFE_INTEGER,
  true,
  false,
  '',
  '   ',
  HUGE,
  HUGE_UNICODE,
  'a/b',
  '../../users/someone',
  '__proto__',
  'constructor',
  '\u0000\u0001\u0002',
  '<script>alert(1)</script>',
  'x'.repeat(129),
  '123',
  [],
  ['a', 'b'],
  [null],
  {},
  { nested: { junk: [1, { deeper: true }] } },
  deep(30),
  nestedArrays(60),
  protoPollution(),
  { '.sv': 'timestamp' },
  { __type__: 'ref', path: 'users/x' },
];

/** Top-level `data` that is not an object at all, or an empty/odd one. */
const TOP_LEVEL: readonly unknown[] = [
  undefined,
  null,
  0,
  42,
  true,
  'hello',
  HUGE,
  [],
  [1, 2, 3],
  [{}],
  {},
  deep(40),
  nestedArrays(80),
  protoPollution(),
];

export function malformedPayloads(
  fields: readonly FieldSpec[],
  foreign: readonly Record<string, unknown>[],
  count: number,
  seed: number,
): unknown[] {
  const valid = Object.fromEntries(fields.map((f) => [f.name, f.valid]));
  const out: unknown[] = [];
  const seen = new Set<string>();
  const push = (payload: unknown) => {
    const key = JSON.stringify(payload) ?? 'undefined';
    if (seen.has(key)) return;
    seen.add(key);
    out.push(payload);
  };
  for (const p of TOP_LEVEL) push(p);
  push([valid]);
  // Each field missing, and each field wrong.
  for (const f of fields) {
    const { [f.name]: _missing, ...rest } = valid;
    push(rest);
  }
  for (const f of fields) {
    for (const junk of JUNK) push({ ...valid, [f.name]: junk });
    if (f.kind === 'enum') {
      push({ ...valid, [f.name]: String(f.valid).toUpperCase() });
      push({ ...valid, [f.name]: `${String(f.valid)} ` });
      push({ ...valid, [f.name]: f.values?.join(',') });
    }
  }
  // Extra fields beside a valid object.
  push({ ...valid, extra: 'x' });
  push({ ...valid, admin: true });
  push({ ...valid, uid: 'someone-else' });
  push({ ...valid, status: 'published', price: 0 });
  push({ ...valid, nested: deep(10) });
  push(Object.assign(protoPollution(), valid));
  // Well-formed ids that point at what this caller may not act on.
  for (const f of foreign) push(f);
  // Random combinations up to `count`.
  const random = rng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  let guard = 0;
  while (out.length < count && guard++ < count * 50) {
    const payload: Record<string, unknown> = { ...valid };
    const mutations = 1 + Math.floor(random() * Math.min(3, Math.max(1, fields.length)));
    for (let i = 0; i < mutations && fields.length > 0; i++) {
      const f = pick(fields);
      if (random() < 0.25) delete payload[f.name];
      else payload[f.name] = pick(JUNK);
    }
    if (random() < 0.3) payload[pick(['extra', 'role', 'roles', 'amount', 'x'])] = pick(JUNK);
    if (fields.length === 0 && random() < 0.5) payload[`k${Math.floor(random() * 1000)}`] = pick(JUNK);
    push(payload);
  }
  return out.slice(0, count);
}

/** Shapes and types every callable meets in the sample, spread over its fields. */
const SAMPLE_JUNK: readonly unknown[] = [
  null,
  HUGE,
  HUGE_UNICODE,
  -1,
  Number.NaN,
  1e308,
  ['a', 'b'],
  { nested: { junk: [1, { deeper: true }] } },
  deep(30),
  protoPollution(),
];

/**
 * A small sample for the `npm test` walker: odd top-level data (missing, null, a number, a string,
 * an array, deep nesting, an own `__proto__` key); each field missing; every ill-formed id in
 * every id field; the wrong types and shapes spread over the fields; an extra field; `foreign`.
 */
export function samplePayloads(
  fields: readonly FieldSpec[],
  foreign: readonly Record<string, unknown>[] = [],
): unknown[] {
  const valid = Object.fromEntries(fields.map((f) => [f.name, f.valid]));
  const out: unknown[] = [undefined, null, 42, 'hello', [1, 2, 3], deep(40), protoPollution(), valid];
  for (const f of fields) {
    const { [f.name]: _missing, ...rest } = valid;
    out.push(rest);
  }
  for (const f of fields.filter((f) => f.kind === 'id'))
    for (const id of BAD_IDS) out.push({ ...valid, [f.name]: id });
  SAMPLE_JUNK.forEach((junk, i) => {
    const f = fields[i % Math.max(1, fields.length)];
    out.push(f ? { ...valid, [f.name]: junk } : { [`k${i}`]: junk });
  });
  out.push({ ...valid, extra: 'x' }, Object.assign(protoPollution(), valid));
  out.push(...foreign);
  return out;
}
