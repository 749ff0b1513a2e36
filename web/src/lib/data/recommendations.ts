// users/{uid}/private/recommendations: the "recommended for you" courses, computed by a function
// and read by the owner.
import type { Recommendation, RecommendationsDoc } from '@skillverse/domain/recommendations';
import { doc, type FirestoreDataConverter, type QueryDocumentSnapshot } from 'firebase/firestore';
import { db } from '@/lib/firebase';
import {
  arrayOf,
  dateOrNow,
  nonEmptyStr,
  nullableStr,
  num,
  obj,
  oneOf,
  serverOnly,
  str,
  strings,
} from '@/lib/firestore/parse';

export const recommendationPaths = {
  recommendations: (uid: string) => `users/${uid}/private/recommendations`,
} as const;

/** A recommended course; dropped without a course id. */
function readItem(raw: unknown): Recommendation | undefined {
  const r = obj(raw);
  const courseId = nonEmptyStr(r.courseId);
  if (courseId === undefined) return undefined;
  const rating = obj(r.rating);
  return {
    courseId,
    title: str(r.title),
    category: str(r.category),
    level: str(r.level, 'all'),
    instructorName: str(r.instructorName),
    thumbnailUrl: nullableStr(r.thumbnailUrl),
    price: num(r.price),
    currency: str(r.currency, 'USD'),
    rating: { average: num(rating.average), count: num(rating.count) },
    enrollmentCount: num(r.enrollmentCount),
    score: num(r.score),
    reasons: strings(r.reasons),
  };
}

export function parseRecommendations(data: unknown): RecommendationsDoc {
  const d = obj(data);
  return {
    items: arrayOf(d.items, readItem),
    method: oneOf(['embeddings', 'overlap'], d.method, 'overlap'),
    computedAt: dateOrNow(d.computedAt),
  };
}

export const recommendationsConverter: FirestoreDataConverter<RecommendationsDoc> = {
  toFirestore: () => serverOnly('users/{uid}/private/recommendations'),
  fromFirestore: (snapshot: QueryDocumentSnapshot) =>
    parseRecommendations(snapshot.data({ serverTimestamps: 'estimate' })),
};

/** users/{uid}/private/recommendations: computed by a function, read by the owner. */
export const recommendationsRef = (uid: string) =>
  doc(db, recommendationPaths.recommendations(uid)).withConverter(recommendationsConverter);
