import type { Course } from '@skillverse/domain/models';
import { limit, query, where } from 'firebase/firestore';
import { type CourseDoc, coursesRef } from '@/lib/data/courses';
import { querySource } from '@/lib/firestore/live-source';
import { liveQueryOptions, useLiveQuery } from '@/lib/firestore/use-live-query';

/** Oldest submission first: the queue is first come, first served. */
const oldestFirst = (items: CourseDoc[]) =>
  [...items].sort((a: Course, b: Course) => a.updatedAt.getTime() - b.updatedAt.getTime());

export function pendingCoursesQueryOptions() {
  return liveQueryOptions(
    ['courses', 'moderation', 'pending'] as const,
    querySource(query(coursesRef(), where('status', '==', 'pending'), limit(100)), oldestFirst),
  );
}

/** The moderation queue (admins read every course), live. */
export function usePendingCourses() {
  return useLiveQuery(pendingCoursesQueryOptions());
}
