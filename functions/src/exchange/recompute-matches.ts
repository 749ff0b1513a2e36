// Skill-exchange matching (SPEC §5.3). When a profile's skills, availability or display fields
// change, the trigger keeps the normalised `offeredSkillKeys` / `desiredSkillKeys` arrays on the
// profile (server-only fields) and recomputes users/{uid}/matches plus the reciprocal match of
// every person it affects. Candidates come from two indexed `array-contains-any` queries with a
// limit — never a scan of all users.
import { num } from '@skillverse/domain/fields';
import type { ExchangeMatch } from '@skillverse/domain/models';
import {
  MAX_ARRAY_CONTAINS_ANY,
  type MatchResult,
  matchScore,
  normalisedSkillKeys,
  normaliseSkill,
  type Responsiveness,
} from '@skillverse/domain/skills';
import type { DocumentData, DocumentSnapshot, Firestore, Query, WriteBatch } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { isRecord } from '../lib/firestore';
import {
  combinedSimilarity,
  expandSkillKeys,
  type SkillNeighbour,
} from '@skillverse/domain/skill-neighbours';
import type { Similarity } from './skill-embeddings';
import { neighboursOf } from './skill-neighbours';
import { matchesCol, matchRef, userRef, usersCol } from '../lib/data/users';

/** At most this many candidates per query (two queries). */
export const CANDIDATE_LIMIT = 100;
/** Matches kept per person, best first. */
export const MAX_MATCHES = 50;

const PROFILE_FIELDS_THAT_MATTER = [
  'offeredSkills',
  'desiredSkills',
  'availability',
  'timezone',
  'displayName',
  'photoURL',
  'headline',
  'status',
  // A new endorsement changes the match card's explanation ("3 people endorsed their Figma").
  'endorsements',
] as const;

export interface MatchDeps {
  now?: Date;
  /** Builds a semantic similarity over these skill keys (OpenAI embeddings), or null. */
  similarityFor?: (keys: string[]) => Promise<Similarity | null>;
  /** Each key's nearest neighbours; defaults to the skill directory's (skills/{key}.neighbours). */
  neighboursFor?: (keys: string[]) => Promise<Map<string, SkillNeighbour[]>>;
}

export interface RecomputeResult {
  action: 'skipped' | 'recomputed' | 'removed';
  /** Candidate queries run (each with a limit). */
  queries: number;
  /** Candidate documents read by those queries. */
  candidatesRead: number;
  /** Every document read: the candidates plus this user's existing matches. */
  documentsRead: number;
  /** Match documents set or deleted (both sides). */
  documentsWritten: number;
  matches: string[];
  removed: string[];
  keysWritten: boolean;
  /** Each kept match as scored from this user's side. */
  scores: Record<string, MatchResult>;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Whether the stored keys already equal `a`; a missing field counts as no keys (nothing to write). */
function sameKeys(a: readonly string[], b: unknown): boolean {
  if (b === undefined) return a.length === 0;
  return Array.isArray(b) && a.length === b.length && a.every((k, i) => b[i] === k);
}

function responsivenessOf(profile: DocumentData): Responsiveness {
  const stats = isRecord(profile.stats) ? profile.stats : {};
  return { received: num(stats.requestsReceived), answered: num(stats.requestsAnswered) };
}

function scoreFor(me: DocumentData, them: DocumentData, similarity: Similarity | null, now: Date) {
  const stats = isRecord(them.stats) ? them.stats : {};
  return matchScore(me, them, {
    theirRating: isRecord(them.rating) ? them.rating : null,
    theirCompletedExchanges: num(stats.exchangesCompleted),
    theirResponsiveness: responsivenessOf(them),
    similarity,
    at: now,
  });
}

/** How many people endorsed each skill they offer you (display name → count; endorsed ones only). */
function endorsementsOf(theyOffer: readonly string[], stored: unknown): Record<string, number> {
  const counts = isRecord(stored) ? stored : {};
  const out: Record<string, number> = {};
  for (const skill of theyOffer) {
    const n = num(counts[normaliseSkill(skill)]);
    if (n > 0) out[skill] = n;
  }
  return out;
}

function matchDoc(result: MatchResult, other: DocumentData, now: Date): Omit<ExchangeMatch, 'uid'> {
  return {
    score: result.score,
    breakdown: result.breakdown,
    theyOffer: result.theyOffer,
    theyWant: result.theyWant,
    reasons: result.reasons,
    endorsements: endorsementsOf(result.theyOffer, other.endorsements),
    displayName: typeof other.displayName === 'string' ? other.displayName : 'SkillVerse member',
    photoURL: typeof other.photoURL === 'string' ? other.photoURL : null,
    headline: typeof other.headline === 'string' ? other.headline : '',
    computedAt: now,
  };
}

/** Batched writes in chunks under Firestore's 500-operation limit. */
async function inBatches(db: Firestore, ops: ((batch: WriteBatch) => void)[]): Promise<void> {
  for (let i = 0; i < ops.length; i += 400) {
    const batch = db.batch();
    for (const op of ops.slice(i, i + 400)) op(batch);
    await batch.commit();
  }
}

/**
 * Whether a write to users/{uid} needs matching work: the fields matching reads changed, or the
 * stored skill keys are missing or out of date. The trigger's own write of the keys changes none
 * of the fields it compares, so it does not loop.
 */
export function needsRecompute(before: DocumentData | null, after: DocumentData): boolean {
  const keys = normalisedSkillKeys(after);
  if (!sameKeys(keys.offered, after.offeredSkillKeys) || !sameKeys(keys.desired, after.desiredSkillKeys)) {
    return true;
  }
  if (!before) return true;
  return PROFILE_FIELDS_THAT_MATTER.some((f) => !sameJson(before[f], after[f]));
}

/** Deletes every match of `uid` and the reciprocal ones that point at `uid`. */
export async function removeAllMatches(db: Firestore, uid: string): Promise<string[]> {
  const mine = await matchesCol(db, uid).get();
  const others = mine.docs.map((d) => d.id);
  await inBatches(
    db,
    mine.docs.flatMap((d) => [
      (b: WriteBatch) => b.delete(d.ref),
      (b: WriteBatch) => b.delete(matchRef(db, d.id, uid)),
    ]),
  );
  return others;
}

/**
 * The candidate queries for a profile (its keys, or its keys expanded to their neighbours, at most
 * 30 values each); exported so tests can check their shape.
 */
export function candidateQueries(db: Firestore, keys: { offered: string[]; desired: string[] }): Query[] {
  const users = usersCol(db);
  const queries: Query[] = [];
  if (keys.desired.length > 0) {
    queries.push(
      users
        .where('offeredSkillKeys', 'array-contains-any', keys.desired.slice(0, MAX_ARRAY_CONTAINS_ANY))
        .limit(CANDIDATE_LIMIT),
    );
  }
  if (keys.offered.length > 0) {
    queries.push(
      users
        .where('desiredSkillKeys', 'array-contains-any', keys.offered.slice(0, MAX_ARRAY_CONTAINS_ANY))
        .limit(CANDIDATE_LIMIT),
    );
  }
  return queries;
}

/**
 * Handles a write of users/{uid}: refreshes the skill keys and, when anything matching depends on
 * changed, the matches of `uid` and of everyone affected. Safe to run twice.
 */
export async function handleProfileWrite(
  db: Firestore,
  uid: string,
  before: DocumentData | null,
  after: DocumentData | null,
  deps: MatchDeps = {},
): Promise<RecomputeResult> {
  const none = {
    queries: 0,
    candidatesRead: 0,
    documentsRead: 0,
    documentsWritten: 0,
    matches: [],
    keysWritten: false,
    scores: {},
  };
  // A deleted account (issue 16 item 6) matches nobody, like a missing profile.
  if (!after || after.deletedAt != null) {
    const removed = await removeAllMatches(db, uid);
    return {
      action: 'removed',
      ...none,
      documentsRead: removed.length,
      documentsWritten: 2 * removed.length,
      removed,
    };
  }
  if (!needsRecompute(before, after)) return { action: 'skipped', ...none, removed: [] };

  const keys = normalisedSkillKeys(after);
  let keysWritten = false;
  if (!sameKeys(keys.offered, after.offeredSkillKeys) || !sameKeys(keys.desired, after.desiredSkillKeys)) {
    try {
      await userRef(db, uid).update({ offeredSkillKeys: keys.offered, desiredSkillKeys: keys.desired });
    } catch (error) {
      // The profile was deleted after this write: its delete event cleans the matches up.
      if ((error as { code?: unknown }).code === 5) return { action: 'skipped', ...none, removed: [] };
      throw error;
    }
    keysWritten = true;
  }
  const result = await recomputeMatches(
    db,
    uid,
    { ...after, offeredSkillKeys: keys.offered, desiredSkillKeys: keys.desired },
    deps,
  );
  return { ...result, keysWritten };
}

export async function recomputeMatches(
  db: Firestore,
  uid: string,
  me: DocumentData,
  deps: MatchDeps = {},
): Promise<RecomputeResult> {
  const now = deps.now ?? new Date();
  const keys = normalisedSkillKeys(me);
  const active = me.status === undefined || me.status === 'active';

  // Synonyms and close skills: each query also asks for the neighbours of the profile's keys.
  const neighbours = active
    ? // Embedding neighbours come from the directory trigger; computing missing ones here stays offline.
      await (deps.neighboursFor ?? ((k: string[]) => neighboursOf(db, k)))([
        ...new Set([...keys.offered, ...keys.desired]),
      ])
    : new Map<string, SkillNeighbour[]>();
  const near = (k: string) => neighbours.get(k) ?? [];
  const expanded = {
    offered: expandSkillKeys(keys.offered, near),
    desired: expandSkillKeys(keys.desired, near),
  };
  const queries = active ? candidateQueries(db, expanded) : [];
  const snaps = await Promise.all(queries.map((q) => q.get()));
  const candidatesRead = snaps.reduce((n, s) => n + s.size, 0);
  const candidates = new Map<string, DocumentSnapshot>();
  for (const snap of snaps) {
    for (const doc of snap.docs) {
      if (doc.id === uid || candidates.has(doc.id)) continue;
      const status = doc.get('status');
      if (status !== undefined && status !== 'active') continue;
      candidates.set(doc.id, doc);
    }
  }

  let embeddings: Similarity | null = null;
  if (deps.similarityFor && candidates.size > 0) {
    const all = new Set([...keys.offered, ...keys.desired]);
    for (const doc of candidates.values()) {
      for (const k of [...(doc.get('offeredSkillKeys') ?? []), ...(doc.get('desiredSkillKeys') ?? [])]) {
        if (typeof k === 'string') all.add(k);
      }
    }
    embeddings = await deps.similarityFor([...all]);
  }
  const similarity = combinedSimilarity(neighbours, embeddings);

  const scored = [...candidates.values()]
    .map((doc) => {
      const them = doc.data() ?? {};
      return {
        id: doc.id,
        them,
        mine: scoreFor(me, them, similarity, now),
        theirs: scoreFor(them, me, similarity, now),
      };
    })
    .filter((m) => m.mine.breakdown.skills > 0 || m.theirs.breakdown.skills > 0)
    .sort((a, b) => b.mine.score - a.mine.score || a.id.localeCompare(b.id))
    .slice(0, MAX_MATCHES);
  const kept = new Set(scored.map((m) => m.id));

  const existing = await matchesCol(db, uid).get();
  const stale = existing.docs.map((d) => d.id).filter((id) => !kept.has(id));

  const writes = [
    ...scored.flatMap((m) => [
      (b: WriteBatch) => b.set(matchRef(db, uid, m.id), matchDoc(m.mine, m.them, now)),
      (b: WriteBatch) => b.set(matchRef(db, m.id, uid), matchDoc(m.theirs, me, now)),
    ]),
    ...stale.flatMap((id) => [
      (b: WriteBatch) => b.delete(matchRef(db, uid, id)),
      (b: WriteBatch) => b.delete(matchRef(db, id, uid)),
    ]),
  ];
  await inBatches(db, writes);
  logger.info('matches recomputed', {
    uid,
    queries: queries.length,
    candidatesRead,
    documentsRead: candidatesRead + existing.size,
    matches: scored.length,
    removed: stale.length,
    semantic: embeddings !== null,
    expandedKeys: expanded.offered.length + expanded.desired.length,
  });
  return {
    action: 'recomputed',
    queries: queries.length,
    candidatesRead,
    documentsRead: candidatesRead + existing.size,
    documentsWritten: writes.length,
    matches: scored.map((m) => m.id),
    removed: stale,
    keysWritten: false,
    scores: Object.fromEntries(scored.map((m) => [m.id, m.mine])),
  };
}
