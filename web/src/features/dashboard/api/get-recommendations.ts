import type { Recommendation, RecommendationsDoc } from '@skillverse/domain/recommendations';
import { doc, type FirestoreDataConverter, type QueryDocumentSnapshot } from 'firebase/firestore';
import { z } from 'zod';
import { db } from '@/lib/firebase';
import { arrayOf, count, dateOrNow, serverOnly, text } from '@/lib/firestore/converters/parse';
import { docSource } from '@/lib/firestore/live-source';
import { liveQueryOptions, useLiveQuery } from '@/lib/firestore/use-live-query';

const item = z.object({
  courseId: z.string().min(1),
  title: text(),
  category: text(),
  level: text('all'),
  instructorName: text(),
  thumbnailUrl: z.string().nullable().catch(null),
  price: count,
  currency: text('USD'),
  rating: z.object({ average: count, count }).catch({ average: 0, count: 0 }),
  enrollmentCount: count,
  score: count,
  reasons: arrayOf(z.string()),
});

const schema = z.object({
  items: arrayOf(item),
  method: z.enum(['embeddings', 'overlap']).catch('overlap'),
  computedAt: dateOrNow,
});

export function parseRecommendations(data: unknown): RecommendationsDoc {
  const d = schema.parse(data ?? {});
  return { ...d, items: d.items as Recommendation[] };
}

const converter: FirestoreDataConverter<RecommendationsDoc> = {
  toFirestore: () => serverOnly('users/{uid}/private/recommendations'),
  fromFirestore: (snapshot: QueryDocumentSnapshot) =>
    parseRecommendations(snapshot.data({ serverTimestamps: 'estimate' })),
};

/** users/{uid}/private/recommendations: computed by a function, read by the owner. */
export const recommendationsRef = (uid: string) =>
  doc(db, `users/${uid}/private/recommendations`).withConverter(converter);

export function recommendationsQueryOptions(uid: string | undefined) {
  return liveQueryOptions(
    ['recommendations', uid ?? null] as const,
    uid ? docSource(recommendationsRef(uid)) : null,
  );
}

/** My "recommended for you" courses (one document), live; null until the first computation. */
export function useRecommendations(uid: string | undefined) {
  return useLiveQuery(recommendationsQueryOptions(uid));
}
