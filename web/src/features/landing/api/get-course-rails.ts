import { limit, orderBy, query, where } from 'firebase/firestore';
import { querySource } from '@/lib/firestore/live-source';
import { coursesRef } from '@/lib/data/courses';
import { liveQueryOptions, useLiveQuery } from '@/lib/firestore/use-live-query';

export const RAIL_SIZE = 6;

export function featuredCoursesQueryOptions() {
  return liveQueryOptions(
    ['courses', 'featured', RAIL_SIZE] as const,
    querySource(
      query(
        coursesRef(),
        where('status', '==', 'published'),
        where('featured', '==', true),
        limit(RAIL_SIZE),
      ),
    ),
  );
}

/** Published courses an admin has featured (one query), live. */
export function useFeaturedCourses() {
  return useLiveQuery(featuredCoursesQueryOptions());
}

export function popularCoursesQueryOptions() {
  return liveQueryOptions(
    ['courses', 'popular', RAIL_SIZE] as const,
    querySource(
      query(
        coursesRef(),
        where('status', '==', 'published'),
        orderBy('enrollmentCount', 'desc'),
        limit(RAIL_SIZE),
      ),
    ),
  );
}

/** The most enrolled published courses (one query), live. */
export function usePopularCourses() {
  return useLiveQuery(popularCoursesQueryOptions());
}
