import { limit, orderBy, query } from 'firebase/firestore';
import { docSource, querySource } from '@/lib/firestore/live-source';
import { reviewRef, reviewsRef } from '@/lib/data/reviews';
import { liveQueryOptions, useLiveQuery } from '@/lib/firestore/use-live-query';

export const REVIEWS_SHOWN = 50;

export function courseReviewsQueryOptions(courseId: string | undefined) {
  return liveQueryOptions(
    ['courses', courseId ?? null, 'reviews'] as const,
    courseId
      ? querySource(query(reviewsRef(courseId), orderBy('createdAt', 'desc'), limit(REVIEWS_SHOWN)))
      : null,
  );
}

/** The newest reviews of a course, live. */
export function useCourseReviews(courseId: string | undefined) {
  return useLiveQuery(courseReviewsQueryOptions(courseId));
}

export function myReviewQueryOptions(courseId: string | undefined, uid: string | undefined) {
  return liveQueryOptions(
    ['courses', courseId ?? null, 'reviews', uid ?? null] as const,
    courseId && uid ? docSource(reviewRef(courseId, uid)) : null,
  );
}

/** The signed-in learner's own review (null when they have not written one). */
export function useMyReview(courseId: string | undefined, uid: string | undefined) {
  return useLiveQuery(myReviewQueryOptions(courseId, uid));
}
