// "Recommended for you": gathers a bounded set of candidates and signals for one user, ranks them
// with @skillverse/domain/recommendations and stores the result in
// users/{uid}/private/recommendations, so the dashboard costs one read. Idempotent: a run whose
// result equals what is stored writes nothing.
import { num, str } from '@skillverse/domain/fields';
import { tokenize } from '@skillverse/domain/courses-api';
import {
  type CandidateCourse,
  courseEmbeddingText,
  profileEmbeddingText,
  profileTerms,
  RECOMMENDATION_LIMIT,
  type Recommendation,
  type RecommendationMethod,
  rankRecommendations,
  recommendationInputsChanged,
} from '@skillverse/domain/recommendations';
import { cosineSimilarity } from '@skillverse/domain/skills';
import type { DocumentSnapshot, Firestore } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import type { EmbeddingConfig } from '../lib/embedding-config';
import { isRecord } from '../lib/firestore';
import { storedEmbeddings } from './embeddings';
import { profileEmbeddingRef, recommendationsRef, userRef } from '../lib/data/users';
import { courseEmbeddingRef } from '../lib/data/course-embeddings';
import { enrollmentsCol } from '../lib/data/enrollments';
import { coursesCol } from '../lib/data/courses';

/** Bounds on what one run reads. */
export const RECOMMENDATION_BOUNDS = {
  /** Popular published courses always considered. */
  popular: 100,
  /** Courses whose search tokens match the profile's words. */
  matching: 100,
  /** Words of the profile used for the matching query (array-contains-any allows 30). */
  tokens: 30,
  /** My enrolments read (to exclude them and find similar learners). */
  myEnrollments: 100,
  /** My courses whose other learners count as "similar". */
  peerCourses: 5,
  /** Learners read per such course. */
  peersPerCourse: 20,
  /** Similar learners whose completions are read (an `in` query allows 30). */
  peers: 30,
  /** Their enrolments read. */
  peerEnrollments: 300,
} as const;

export interface RecommendDeps {
  db: Firestore;
  now: Date;
  /** With an OpenAI key: rank by course and profile embeddings. */
  embeddings?: EmbeddingConfig | null;
}

export interface RecommendResult {
  action: 'written' | 'unchanged' | 'no-profile';
  method: RecommendationMethod;
  items: Recommendation[];
  /** Documents read by the queries (not counting stored embeddings). */
  documentsRead: number;
  /** Texts sent to the embeddings API this run. */
  embeddingsComputed: number;
}

function candidate(snap: DocumentSnapshot): CandidateCourse & { description: string } {
  const d = snap.data() ?? {};
  const rating = isRecord(d.rating) ? d.rating : {};
  return {
    id: snap.id,
    title: str(d.title),
    description: str(d.description),
    category: str(d.category),
    tags: Array.isArray(d.tags) ? d.tags.filter((t): t is string => typeof t === 'string') : [],
    level: str(d.level, 'all'),
    instructorId: str(d.instructorId),
    instructorName: str(d.instructorName, 'SkillVerse instructor'),
    thumbnailUrl: typeof d.thumbnailUrl === 'string' ? d.thumbnailUrl : null,
    price: num(d.price),
    currency: str(d.currency, 'USD'),
    status: str(d.status),
    rating: { average: num(rating.average), count: num(rating.count) },
    enrollmentCount: num(d.enrollmentCount),
  };
}

/** Learners who share my enrolments, and how many of them completed each course. */
async function peerCompletions(
  db: Firestore,
  uid: string,
  myCourseIds: string[],
): Promise<{ counts: Map<string, number>; read: number }> {
  const B = RECOMMENDATION_BOUNDS;
  const counts = new Map<string, number>();
  if (myCourseIds.length === 0) return { counts, read: 0 };
  let read = 0;
  const classmates = await Promise.all(
    myCourseIds
      .slice(0, B.peerCourses)
      .map((courseId) =>
        enrollmentsCol(db)
          .where('courseId', '==', courseId)
          .orderBy('createdAt', 'desc')
          .limit(B.peersPerCourse)
          .get(),
      ),
  );
  const peers: string[] = [];
  for (const snap of classmates) {
    read += snap.size;
    for (const doc of snap.docs) {
      const peer = str(doc.get('uid'));
      if (peer && peer !== uid && !peers.includes(peer) && peers.length < B.peers) peers.push(peer);
    }
  }
  if (peers.length === 0) return { counts, read };
  const theirs = await enrollmentsCol(db).where('uid', 'in', peers).limit(B.peerEnrollments).get();
  read += theirs.size;
  const seen = new Set<string>();
  for (const doc of theirs.docs) {
    if (doc.get('completedAt') == null || doc.get('status') !== 'active') continue;
    const courseId = str(doc.get('courseId'));
    const key = `${courseId}/${str(doc.get('uid'))}`;
    if (!courseId || seen.has(key)) continue;
    seen.add(key);
    counts.set(courseId, (counts.get(courseId) ?? 0) + 1);
  }
  return { counts, read };
}

/** JSON with object keys sorted (Firestore hands maps back in its own key order). */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    isRecord(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, v[k]]),
        )
      : v,
  );
}

export async function computeRecommendations(deps: RecommendDeps, uid: string): Promise<RecommendResult> {
  const { db, now } = deps;
  const B = RECOMMENDATION_BOUNDS;
  const profileSnap = await userRef(db, uid).get();
  // A deleted account (issue 16 item 6) gets nothing written back, whichever trigger asked.
  if (!profileSnap.exists || profileSnap.get('deletedAt') != null) {
    return { action: 'no-profile', method: 'overlap', items: [], documentsRead: 1, embeddingsComputed: 0 };
  }
  const profile = profileSnap.data() ?? {};
  const terms = profileTerms(profile);
  const tokens = tokenize(
    ...[...terms.desired, ...terms.interests, ...terms.skills].map((t) => t.label),
  ).slice(0, B.tokens);

  const courses = coursesCol(db);
  const [mine, popular, matching] = await Promise.all([
    enrollmentsCol(db).where('uid', '==', uid).limit(B.myEnrollments).get(),
    courses.where('status', '==', 'published').orderBy('enrollmentCount', 'desc').limit(B.popular).get(),
    tokens.length > 0
      ? courses
          .where('searchTokens', 'array-contains-any', tokens)
          .orderBy('enrollmentCount', 'desc')
          .limit(B.matching)
          .get()
      : null,
  ]);
  const enrolled = mine.docs.map((d) => str(d.get('courseId'))).filter(Boolean);
  const recentFirst = [...mine.docs]
    .sort((a, b) => (b.get('createdAt')?.toMillis?.() ?? 0) - (a.get('createdAt')?.toMillis?.() ?? 0))
    .map((d) => str(d.get('courseId')))
    .filter(Boolean);
  const peers = await peerCompletions(db, uid, recentFirst);
  const candidates = [...(matching?.docs ?? []), ...popular.docs].map(candidate);
  let documentsRead = 1 + mine.size + popular.size + (matching?.size ?? 0) + peers.read;

  // Embeddings for the courses that can be recommended, and for the profile.
  let method: RecommendationMethod = 'overlap';
  let similarity: Map<string, number> | null = null;
  let embeddingsComputed = 0;
  const profileText = profileEmbeddingText(profile);
  if (deps.embeddings && profileText) {
    const excluded = new Set(enrolled);
    const eligible = [...new Map(candidates.map((c) => [c.id, c])).values()].filter(
      (c) => c.status === 'published' && !excluded.has(c.id) && c.instructorId !== uid,
    );
    const profileRef = profileEmbeddingRef(db, uid);
    const result = await storedEmbeddings(
      db,
      [
        { ref: profileRef, text: profileText },
        ...eligible.map((c) => ({ ref: courseEmbeddingRef(db, c.id), text: courseEmbeddingText(c) })),
      ],
      deps.embeddings,
      now,
    );
    documentsRead += eligible.length + 1;
    const mineVector = result?.vectors.get(profileRef.path);
    if (result && mineVector) {
      method = 'embeddings';
      embeddingsComputed = result.computed;
      similarity = new Map();
      for (const c of eligible) {
        const v = result.vectors.get(courseEmbeddingRef(db, c.id).path);
        if (v) similarity.set(c.id, cosineSimilarity(mineVector, v));
      }
    }
  }

  const items = rankRecommendations({
    profile,
    courses: candidates,
    enrolledCourseIds: enrolled,
    uid,
    peerCompletions: peers.counts,
    similarity,
    limit: RECOMMENDATION_LIMIT,
  });

  // Idempotent: the same result as stored changes nothing (computedAt included).
  const ref = recommendationsRef(db, uid);
  const stored = await ref.get();
  documentsRead += 1;
  if (
    stored.exists &&
    stored.get('method') === method &&
    stableJson(stored.get('items')) === stableJson(items)
  ) {
    return { action: 'unchanged', method, items, documentsRead, embeddingsComputed };
  }
  await ref.set({ items, method, computedAt: now });
  logger.info('recommendations written', {
    uid,
    method,
    count: items.length,
    documentsRead,
    embeddingsComputed,
  });
  return { action: 'written', method, items, documentsRead, embeddingsComputed };
}

/** Profile fields and enrolment changes that can change a user's recommendations. */
export type RecommendTrigger =
  | { kind: 'profile'; before: Record<string, unknown> | null; after: Record<string, unknown> | null }
  | { kind: 'enrollment'; before: Record<string, unknown> | null; after: Record<string, unknown> | null };

/**
 * Which user (if any) a write should recompute: a profile whose interests or skills changed, or the
 * learner of an enrolment that was created, removed, refunded or reactivated, or completed.
 * Progress and resume-position writes recompute nothing.
 */
export function userToRecompute(uid: string | null, trigger: RecommendTrigger): string | null {
  const { before, after } = trigger;
  if (trigger.kind === 'profile') {
    // A deleted account (issue 16 item 6) gets no recommendations written back.
    if (after?.deletedAt != null) return null;
    return uid && recommendationInputsChanged(before, after) ? uid : null;
  }
  const learner = str(after?.uid) || str(before?.uid);
  if (!learner) return null;
  const changed =
    !before ||
    !after ||
    before.status !== after.status ||
    (before.completedAt == null) !== (after.completedAt == null);
  return changed ? learner : null;
}
