import { limit, orderBy, query, where } from 'firebase/firestore';
import { coursesRef } from '@/lib/data/courses';
import { querySource } from '@/lib/firestore/live-source';
import { liveQueryOptions, useLiveQuery } from '@/lib/firestore/use-live-query';

export const RAIL_SIZE = 6;

/** Published courses an admin has featured (one query); no source (nothing read) while not `enabled`. */
export function featuredCoursesQueryOptions(enabled = true) {
  return liveQueryOptions(
    ['courses', 'featured', RAIL_SIZE] as const,
    enabled
      ? querySource(
          query(
            coursesRef(),
            where('status', '==', 'published'),
            where('featured', '==', true),
            limit(RAIL_SIZE),
          ),
        )
      : null,
  );
}

/** Published courses an admin has featured (one query), live; nothing is read while `enabled` is false. */
export function useFeaturedCourses(enabled = true) {
  return useLiveQuery(featuredCoursesQueryOptions(enabled));
}

/** The most enrolled published courses (one query); no source (nothing read) while not `enabled`. */
export function popularCoursesQueryOptions(enabled = true) {
  return liveQueryOptions(
    ['courses', 'popular', RAIL_SIZE] as const,
    enabled
      ? querySource(
          query(
            coursesRef(),
            where('status', '==', 'published'),
            orderBy('enrollmentCount', 'desc'),
            limit(RAIL_SIZE),
          ),
        )
      : null,
  );
}

/** The most enrolled published courses (one query), live; nothing is read while `enabled` is false. */
export function usePopularCourses(enabled = true) {
  return useLiveQuery(popularCoursesQueryOptions(enabled));
}
