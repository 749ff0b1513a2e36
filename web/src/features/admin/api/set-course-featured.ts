import { setCourseFeatured as setCourseFeaturedContract } from '@skillverse/domain/contracts/courses';
import type { SetCourseFeaturedRequest, SetCourseFeaturedResponse } from '@skillverse/domain/courses-api';
import { useMutation } from '@tanstack/react-query';
import { limit, orderBy, query, where } from 'firebase/firestore';
import { coursesRef } from '@/lib/data/courses';
import { callFunction } from '@/lib/firebase';
import { querySource } from '@/lib/firestore/live-source';
import { liveQueryOptions, useLiveQuery } from '@/lib/firestore/use-live-query';

/** How many published courses the featuring list shows (most enrolled first). */
export const FEATURABLE_LIMIT = 50;

export function publishedCoursesQueryOptions() {
  return liveQueryOptions(
    ['courses', 'admin', 'published', FEATURABLE_LIMIT] as const,
    querySource(
      query(
        coursesRef(),
        where('status', '==', 'published'),
        orderBy('enrollmentCount', 'desc'),
        limit(FEATURABLE_LIMIT),
      ),
    ),
  );
}

/** Published courses, to feature on the home page or take off it (live). */
export function usePublishedCourses() {
  return useLiveQuery(publishedCoursesQueryOptions());
}

/** Feature a published course on the home page, or take it off (admins; audit-logged). */
export function setCourseFeatured(input: SetCourseFeaturedRequest): Promise<SetCourseFeaturedResponse> {
  return callFunction(setCourseFeaturedContract, input);
}

/** The list and the home page's featured row update from their listeners. */
export function useSetCourseFeatured() {
  return useMutation({ mutationFn: setCourseFeatured });
}
