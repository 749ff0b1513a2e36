import type { Review } from '@skillverse/domain/models';
import type { FirestoreDataConverter, QueryDocumentSnapshot } from 'firebase/firestore';
import { z } from 'zod';
import { dateOrNow, dateOrNull, serverOnly, text } from './parse';

const schema = z.object({
  rating: z.number().int().min(1).max(5).catch(5),
  comment: text(),
  createdAt: dateOrNow,
  updatedAt: dateOrNull,
});

/** courses/{id}/reviews/{uid}: the uid is the document id. */
export function parseReview(uid: string, data: unknown): Review {
  const { updatedAt, ...d } = schema.parse(data ?? {});
  return { uid, ...d, ...(updatedAt ? { updatedAt } : {}) };
}

export const reviewConverter: FirestoreDataConverter<Review> = {
  // Learners write their review with setDoc/updateDoc on the untyped ref (features/courses/api).
  toFirestore: () => serverOnly('courses/{id}/reviews'),
  fromFirestore: (snapshot: QueryDocumentSnapshot) =>
    parseReview(snapshot.id, snapshot.data({ serverTimestamps: 'estimate' })),
};
