// Nearest neighbours of a skill (issue 16 item 8): which other normalised skill keys count as the
// same or a close skill, so "Modern JavaScript" meets "JavaScript" and "Deutsch" meets "German".
// Offline (no OpenAI key) the neighbours come from a table of related skills plus conservative
// string similarity (one name contained in the other, or a one-letter typo); with a key the
// functions add embedding neighbours. Pure: no Firebase imports.
import { MAX_ARRAY_CONTAINS_ANY, normaliseSkill, SEMANTIC_THRESHOLD } from './skills';

export type NeighbourSource = 'related' | 'contains' | 'typo' | 'embedding';

export interface SkillNeighbour {
  key: string;
  /** 0–1; at least SEMANTIC_THRESHOLD for anything kept as a neighbour. */
  similarity: number;
  source: NeighbourSource;
}

/** Neighbours kept per skill in skills/{key}.neighbours. */
export const MAX_NEIGHBOURS = 10;

/** Similarity given to a pair from the related-skills table. */
export const RELATED_SIMILARITY = 0.9;
/** Similarity given when one name is contained in the other ("javascript" ⊂ "modern javascript"). */
export const CONTAINS_SIMILARITY = 0.85;
/** Similarity given to a one-letter (two in long names) typo ("javscript"). */
export const TYPO_SIMILARITY = 0.85;

/**
 * Groups of different canonical keys that count as close skills (spellings of one skill —
 * JS ↔ JavaScript, k8s ↔ Kubernetes, UX ↔ User experience — are already folded into one key by
 * SKILL_ALIASES in skills.ts). Keys are in normalised form.
 */
export const RELATED_SKILLS: readonly (readonly string[])[] = [
  ['ux design', 'ui design', 'interaction design', 'product design'],
  ['machine learning', 'deep learning'],
  ['data science', 'data analysis', 'data analytics'],
  ['kubernetes', 'container orchestration'],
  ['docker', 'containers'],
  ['photo editing', 'photoshop', 'lightroom'],
  ['excel', 'spreadsheets', 'google sheets'],
  ['public speaking', 'presentation skills'],
  ['illustration', 'drawing', 'sketching'],
  ['web development', 'frontend development', 'front end development'],
  ['german', 'deutsch'],
  ['spanish', 'espanol', 'castilian'],
  ['french', 'francais'],
  ['english', 'esl', 'english as a second language'],
  ['postgresql', 'sql'],
  ['copywriting', 'content writing'],
];

/** Words too general to make a neighbour on their own ("design" is not "UX design"). */
const GENERIC_WORDS = new Set([
  'and',
  'for',
  'the',
  'of',
  'a',
  'an',
  'in',
  'to',
  'with',
  'basics',
  'beginner',
  'advanced',
  'design',
  'development',
  'programming',
  'learning',
  'language',
  'skills',
  'writing',
  'management',
  'engineering',
  'data',
  'web',
]);

const related = new Map<string, Set<string>>();
for (const group of RELATED_SKILLS) {
  for (const key of group) {
    const set = related.get(key) ?? new Set<string>();
    for (const other of group) if (other !== key) set.add(other);
    related.set(key, set);
  }
}

/** The related-table neighbours of a normalised key. */
export function relatedSkillKeys(key: string): string[] {
  return [...(related.get(key) ?? [])];
}

function tokens(key: string): string[] {
  return key.split(' ').filter(Boolean);
}

/** Whether every word of `short` is in `long`, and one of them is a real skill word. */
function contained(short: string, long: string): boolean {
  const s = tokens(short);
  const l = new Set(tokens(long));
  if (s.length === 0 || s.length >= l.size) return false;
  return (
    s.every((t) => l.has(t)) && s.some((t) => t.length >= 2 && !GENERIC_WORDS.has(t) && !/^\d+$/.test(t))
  );
}

/** Optimal-string-alignment distance, stopping early above `max`. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const prev2 = new Array<number>(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, prev2[j - 2]! + 1);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    for (let j = 0; j <= b.length; j++) prev2[j] = prev[j]!;
    prev = cur;
    if (rowMin > max) return max + 1;
  }
  return prev[b.length]!;
}

/**
 * A typo: same words except one, which differs by one letter (two when 9+ letters long), letters
 * only — "Python 2" and "Python 3" are different skills, so digits never count as a typo.
 */
function typo(a: string, b: string): boolean {
  const ta = tokens(a);
  const tb = tokens(b);
  if (ta.length !== tb.length) return false;
  const differing = ta.map((t, i) => [t, tb[i]!] as const).filter(([x, y]) => x !== y);
  if (differing.length !== 1) return false;
  const [x, y] = differing[0]!;
  if (!/^[a-z]+$/.test(x) || !/^[a-z]+$/.test(y)) return false;
  const shorter = Math.min(x.length, y.length);
  if (shorter < 5) return false;
  return editDistance(x, y, shorter >= 9 ? 2 : 1) <= (shorter >= 9 ? 2 : 1);
}

/**
 * How close two normalised skill keys are without embeddings: 1 equal, RELATED_SIMILARITY from the
 * table, CONTAINS_SIMILARITY when one name is contained in the other, TYPO_SIMILARITY for a typo,
 * else 0.
 */
export function offlineSkillSimilarity(a: string, b: string): number {
  if (!a || !b) return 0;
  if (a === b) return 1;
  const neighbour = neighbourBetween(a, b);
  return neighbour ? neighbour.similarity : 0;
}

function neighbourBetween(key: string, other: string): SkillNeighbour | null {
  if (related.get(key)?.has(other)) return { key: other, similarity: RELATED_SIMILARITY, source: 'related' };
  if (contained(key, other) || contained(other, key)) {
    return { key: other, similarity: CONTAINS_SIMILARITY, source: 'contains' };
  }
  if (typo(key, other)) return { key: other, similarity: TYPO_SIMILARITY, source: 'typo' };
  return null;
}

function byCloseness(a: SkillNeighbour, b: SkillNeighbour): number {
  return b.similarity - a.similarity || a.key.localeCompare(b.key);
}

/**
 * The offline neighbours of `key` among `directory` (the skill directory's keys), plus its
 * related-table keys even when nobody lists them yet, closest first, at most `limit`.
 */
export function offlineNeighbours(
  key: string,
  directory: Iterable<string>,
  limit: number = MAX_NEIGHBOURS,
): SkillNeighbour[] {
  const found = new Map<string, SkillNeighbour>();
  for (const other of relatedSkillKeys(key)) {
    found.set(other, { key: other, similarity: RELATED_SIMILARITY, source: 'related' });
  }
  for (const other of directory) {
    if (!other || other === key || found.has(other)) continue;
    const n = neighbourBetween(key, other);
    if (n && n.similarity >= SEMANTIC_THRESHOLD) found.set(other, n);
  }
  return [...found.values()].sort(byCloseness).slice(0, limit);
}

/**
 * Several neighbour lists of one key merged: the closest similarity per neighbour wins, closest
 * first, at most `limit`, never the key itself, never below SEMANTIC_THRESHOLD.
 */
export function mergeNeighbours(
  key: string,
  lists: readonly (readonly SkillNeighbour[] | null | undefined)[],
  limit: number = MAX_NEIGHBOURS,
): SkillNeighbour[] {
  const best = new Map<string, SkillNeighbour>();
  for (const list of lists) {
    for (const n of list ?? []) {
      if (!n || n.key === key || !(n.similarity >= SEMANTIC_THRESHOLD)) continue;
      const seen = best.get(n.key);
      if (!seen || n.similarity > seen.similarity) best.set(n.key, n);
    }
  }
  return [...best.values()].sort(byCloseness).slice(0, limit);
}

/** Reads a stored neighbours array defensively (anything malformed is dropped). */
export function readNeighbours(value: unknown): SkillNeighbour[] {
  if (!Array.isArray(value)) return [];
  const out: SkillNeighbour[] = [];
  for (const v of value) {
    if (!v || typeof v !== 'object') continue;
    const { key, similarity, source } = v as Record<string, unknown>;
    if (typeof key !== 'string' || !key || typeof similarity !== 'number' || !Number.isFinite(similarity)) {
      continue;
    }
    const s: NeighbourSource =
      source === 'related' || source === 'contains' || source === 'typo' || source === 'embedding'
        ? source
        : 'embedding';
    out.push({ key, similarity: Math.min(1, similarity), source: s });
  }
  return out;
}

/**
 * The values of one candidate query: the profile's own keys first, then their neighbours, closest
 * first, without repeats, at most `limit` (Firestore's `array-contains-any` takes 30).
 */
export function expandSkillKeys(
  keys: readonly string[],
  neighboursOf: (key: string) => readonly SkillNeighbour[],
  limit: number = MAX_ARRAY_CONTAINS_ANY,
): string[] {
  const out: string[] = [];
  for (const k of keys) if (k && !out.includes(k) && out.length < limit) out.push(k);
  const extra = keys
    .flatMap((k, order) => neighboursOf(k).map((n) => ({ ...n, order })))
    .sort((a, b) => b.similarity - a.similarity || a.order - b.order || a.key.localeCompare(b.key));
  for (const n of extra) {
    if (out.length >= limit) break;
    if (!out.includes(n.key)) out.push(n.key);
  }
  return out;
}

/**
 * A similarity over normalised keys combining the offline rules, known neighbour lists (e.g. from
 * embeddings) and an optional extra measure: the highest wins.
 */
export function combinedSimilarity(
  neighbours: ReadonlyMap<string, readonly SkillNeighbour[]>,
  extra?: ((a: string, b: string) => number) | null,
): (a: string, b: string) => number {
  return (a, b) => {
    let best = offlineSkillSimilarity(a, b);
    for (const n of neighbours.get(a) ?? []) if (n.key === b) best = Math.max(best, n.similarity);
    for (const n of neighbours.get(b) ?? []) if (n.key === a) best = Math.max(best, n.similarity);
    if (extra) {
      const e = extra(a, b);
      if (typeof e === 'number' && Number.isFinite(e)) best = Math.max(best, e);
    }
    return Math.min(1, best);
  };
}

/** Convenience for names rather than keys (tests, the seed). */
export function skillNamesSimilarity(a: string, b: string): number {
  return offlineSkillSimilarity(normaliseSkill(a), normaliseSkill(b));
}
