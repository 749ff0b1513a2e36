// courses/{courseId}/reviews/{uid} (SPEC §3).
import type { Review } from '@skillverse/domain/models';
import { collection, doc, type FirestoreDataConverter } from 'firebase/firestore';
import { db } from '@/lib/firebase';
import { dateOrNow, dateOrNull, int, obj, str, readOnlyConverter } from '@/lib/firestore/parse';

/** courses/{id}/reviews/{uid}: the uid is the document id. */
export function parseReview(uid: string, data: unknown): Review {
  const d = obj(data);
  const updatedAt = dateOrNull(d.updatedAt);
  return {
    uid,
    // Whole stars, 1 to 5; anything else reads as 5.
    rating: int(d.rating, 5, 1, 5),
    comment: str(d.comment),
    createdAt: dateOrNow(d.createdAt),
    ...(updatedAt ? { updatedAt } : {}),
  };
}

// Learners write their review with setDoc/updateDoc on the untyped ref (features/courses/api).
export const reviewConverter: FirestoreDataConverter<Review> = readOnlyConverter(
  'courses/{id}/reviews',
  parseReview,
);

// ---------------------------------------------------------------- paths and refs

export const reviewPaths = {
  reviews: (courseId: string) => `courses/${courseId}/reviews`,
  review: (courseId: string, uid: string) => `courses/${courseId}/reviews/${uid}`,
} as const;

export const reviewsRef = (courseId: string) =>
  collection(db, reviewPaths.reviews(courseId)).withConverter(reviewConverter);
export const reviewRef = (courseId: string, uid: string) =>
  doc(db, reviewPaths.review(courseId, uid)).withConverter(reviewConverter);
