import type { Course } from '@skillverse/domain/models';
import { limit, query, where } from 'firebase/firestore';
import { type CourseDoc, coursesRef } from '@/lib/data/courses';
import { querySource } from '@/lib/firestore/live-source';
import { liveQueryOptions, useLiveQuery } from '@/lib/firestore/use-live-query';

const recentFirst = (items: CourseDoc[]) =>
  [...items].sort((a: Course, b: Course) => b.updatedAt.getTime() - a.updatedAt.getTime());

export function myCoursesQueryOptions(uid: string | undefined) {
  return liveQueryOptions(
    ['courses', 'instructor', uid ?? null] as const,
    uid ? querySource(query(coursesRef(), where('instructorId', '==', uid), limit(200)), recentFirst) : null,
  );
}

/** The courses I teach, in every status, live. */
export function useMyCourses(uid: string | undefined) {
  return useLiveQuery(myCoursesQueryOptions(uid));
}
